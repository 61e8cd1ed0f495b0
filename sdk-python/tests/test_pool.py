from __future__ import annotations

import threading
from typing import List

from rocky_adapter_sdk.pool import WorkerPool


def test_worker_pool_runs_tasks_in_parallel_up_to_its_size_then_queues() -> None:
    pool = WorkerPool(2)
    release = threading.Event()
    started: List[int] = []
    done = threading.Semaphore(0)
    lock = threading.Lock()

    def task(n: int) -> None:
        with lock:
            started.append(n)
        release.wait(5)
        done.release()

    for n in range(3):
        pool.submit(lambda n=n: task(n))
    for _ in range(100):
        with lock:
            if len(started) == 2:
                break
        threading.Event().wait(0.01)
    assert sorted(started) == [0, 1]
    release.set()
    for _ in range(3):
        assert done.acquire(timeout=5)
    assert sorted(started) == [0, 1, 2]
    assert sum(t.name.startswith("rocky-worker-") for t in threading.enumerate()) >= 2


def test_worker_pool_keeps_serving_after_a_task_raises() -> None:
    pool = WorkerPool(1)
    ran = threading.Event()

    def bad() -> None:
        raise RuntimeError("task failed")

    pool.submit(bad)
    pool.submit(ran.set)
    assert ran.wait(5)
