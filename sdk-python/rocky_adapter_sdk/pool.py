"""The worker threads request handlers run on."""
from __future__ import annotations

import logging
import queue
import threading
from typing import Callable

_log = logging.getLogger("rocky_adapter_sdk")


class WorkerPool:
    """Daemon worker threads, one per unfinished task up to `size`, so a hung handler never blocks exit."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._tasks: "queue.Queue[Callable[[], None]]" = queue.Queue()
        self._lock = threading.Lock()
        self._threads = 0
        self._pending = 0

    def submit(self, task: Callable[[], None]) -> None:
        with self._lock:
            self._pending += 1
            if self._pending > self._threads and self._threads < self._size:
                self._threads += 1
                threading.Thread(target=self._work, name=f"rocky-worker-{self._threads}", daemon=True).start()
        self._tasks.put(task)

    def _work(self) -> None:
        while True:
            task = self._tasks.get()
            try:
                task()
            except BaseException:  # noqa: BLE001 - a worker outlives any task
                _log.exception("A worker task failed")
            finally:
                with self._lock:
                    self._pending -= 1
