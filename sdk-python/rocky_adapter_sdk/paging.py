"""query/open, query/fetch, query/close on top of the iterator an adapter returns."""
from __future__ import annotations

import itertools
import logging
import threading
import uuid
from typing import Any, Dict, Iterator, List, Optional, Sequence, Tuple

from .adapter import QueryCursor
from .errors import NotFound
from .values import row_to_wire

DEFAULT_BATCH_ROWS = 1000
_log = logging.getLogger("rocky_adapter_sdk")
_END: Any = object()


class _OpenCursor:
    def __init__(self, cursor: QueryCursor, batch_rows: int) -> None:
        self.cursor = cursor
        self.rows: Iterator[Sequence[Any]] = iter(cursor.rows)
        self.batch_rows = batch_rows
        self.lock = threading.Lock()
        self.peeked: Any = _END
        self.closed = False

    def take(self, count: int) -> Tuple[List[List[Any]], bool]:
        """Up to `count` rows, and whether the result is exhausted (one row is read ahead to know)."""
        batch: List[List[Any]] = []
        if self.peeked is not _END:
            batch.append(row_to_wire(self.peeked))
            self.peeked = _END
        batch.extend(row_to_wire(row) for row in itertools.islice(self.rows, count - len(batch)))
        self.peeked = next(self.rows, _END)
        return batch, self.peeked is _END

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        close = getattr(self.rows, "close", None)
        try:
            if callable(close):
                close()
            if self.cursor.on_close is not None:
                self.cursor.on_close()
        except Exception:
            _log.exception("Closing a query cursor failed")


class CursorRegistry:
    """Open cursors by id. Fetches of one cursor are serialized; different cursors run in parallel."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._cursors: Dict[str, _OpenCursor] = {}

    def open(self, cursor: QueryCursor, batch_rows: Optional[int]) -> str:
        cursor_id = uuid.uuid4().hex
        with self._lock:
            self._cursors[cursor_id] = _OpenCursor(cursor, batch_rows or DEFAULT_BATCH_ROWS)
        return cursor_id

    def fetch(self, cursor_id: str, max_rows: Optional[int]) -> Tuple[List[List[Any]], bool]:
        entry = self._get(cursor_id)
        with entry.lock:
            if entry.closed:
                raise NotFound(f'Cursor "{cursor_id}" is closed')
            try:
                rows, done = entry.take(max_rows or entry.batch_rows)
            except BaseException:
                self._discard(cursor_id, entry)
                raise
            if done:
                self._discard(cursor_id, entry)
            return rows, done

    def close(self, cursor_id: str) -> None:
        with self._lock:
            entry = self._cursors.pop(cursor_id, None)
        if entry is None:
            return
        with entry.lock:
            entry.close()

    def close_all(self) -> None:
        with self._lock:
            entries = list(self._cursors.values())
            self._cursors.clear()
        for entry in entries:
            if entry.lock.acquire(timeout=0.5):
                try:
                    entry.close()
                finally:
                    entry.lock.release()

    def __len__(self) -> int:
        with self._lock:
            return len(self._cursors)

    def _get(self, cursor_id: str) -> _OpenCursor:
        with self._lock:
            entry = self._cursors.get(cursor_id)
        if entry is None:
            raise NotFound(f'Cursor "{cursor_id}" does not exist or is already closed', {"cursor": cursor_id})
        return entry

    def _discard(self, cursor_id: str, entry: _OpenCursor) -> None:
        with self._lock:
            self._cursors.pop(cursor_id, None)
        entry.close()
