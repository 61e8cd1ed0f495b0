#!/usr/bin/env python3
"""A Rocky warehouse adapter on the standard library's sqlite3, written with rocky_adapter_sdk.

Config: {"path": "<file.db>" | ":memory:"} (default ":memory:").

SQLite has no catalogs: every catalog is the empty string. execute_batch (capability `transactions`) runs its
statements on the one shared connection between BEGIN and COMMIT, or without a transaction when asked. `CREATE OR REPLACE TABLE|VIEW` (which the
host's generic dialect sends) runs as DROP IF EXISTS + CREATE in one transaction. A schema is an attached database:
schema/create (and `CREATE SCHEMA [IF NOT EXISTS] s` / `DROP SCHEMA [IF EXISTS] s` sent as statements)
ATTACHes `<dir>/<stem>.<schema>.db` beside a file database, or a shared in-memory database, and
files attached before are attached again at startup. The default schema is `main`.

Values: columns declared BOOLEAN come back as JSON booleans, DATE as 'YYYY-MM-DD', TIMESTAMP and
DATETIME as 'YYYY-MM-DD HH:MM:SS[.ffffff]'. SQLite has no DATE or TIMESTAMP literals and
`CAST(x AS TIMESTAMP)` yields a number; bind such values as strings.
"""
from __future__ import annotations

import hashlib
import re
import sqlite3
import sys
import threading
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Dict, Generator, Iterator, List, Optional, Sequence, Tuple

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rocky_adapter_sdk import (  # noqa: E402
    Adapter,
    ColumnInfo,
    DiscoveredSchema,
    DiscoveredTable,
    ExecuteStatementParams,
    ExecutionFailed,
    FreshnessTarget,
    InvalidConfig,
    NotFound,
    QueryCursor,
    QueryResult,
    SqlParam,
    TableFreshness,
    TableRef,
    TableRowCount,
    assert_identifier,
    build_manifest,
    capabilities,
    current_context,
    format_timestamp,
    parse_timestamp,
    run,
    run_statements,
)

CONFIG_SCHEMA: Dict[str, Any] = {
    "type": "object",
    "properties": {"path": {"type": "string", "minLength": 1, "description": 'Database file, or ":memory:"'}},
    "additionalProperties": False,
}
_CREATE_SCHEMA = re.compile(r'^\s*CREATE\s+SCHEMA\s+(IF\s+NOT\s+EXISTS\s+)?"?(\w+)"?\s*;?\s*$', re.IGNORECASE)
_DROP_SCHEMA = re.compile(r'^\s*DROP\s+SCHEMA\s+(IF\s+EXISTS\s+)?"?(\w+)"?(\s+(CASCADE|RESTRICT))?\s*;?\s*$', re.IGNORECASE)
_OR_REPLACE = re.compile(r'^\s*CREATE\s+OR\s+REPLACE\s+(TABLE|VIEW)\s+((?:"\w+"|\w+)(?:\.(?:"\w+"|\w+))?)(\s.*)$', re.IGNORECASE | re.DOTALL)
_BUILTIN_SCHEMAS = ("main", "temp")


def _text(raw: bytes) -> str:
    return raw.decode("utf-8", "replace")


def _boolean(raw: bytes) -> Any:
    text = _text(raw).strip().lower()
    if text in ("true", "t", "yes", "y"):
        return True
    if text in ("false", "f", "no", "n"):
        return False
    try:
        return float(text) != 0
    except ValueError:
        return text


def _timestamp(raw: bytes) -> str:
    text = _text(raw)
    try:
        return format_timestamp(parse_timestamp(text))
    except ValueError:
        return text


def _date(raw: bytes) -> str:
    text = _text(raw)
    try:
        return parse_timestamp(text).date().isoformat()
    except ValueError:
        return text


for _name, _convert in (("BOOLEAN", _boolean), ("BOOL", _boolean), ("DATE", _date), ("TIMESTAMP", _timestamp), ("DATETIME", _timestamp)):
    sqlite3.register_converter(_name, _convert)


def _md5(value: Any) -> Optional[str]:
    return None if value is None else hashlib.md5(str(value).encode("utf-8")).hexdigest()


def _quote(name: str, what: str) -> str:
    return f'"{assert_identifier(name, what)}"'


class SqliteAdapter(Adapter):
    manifest = build_manifest(
        "sqlite",
        "0.1.0",
        "sqlite",
        capabilities=capabilities(
            warehouse=True,
            create_schema=True,
            discovery=True,
            batch_checks=True,
            query_paging=True,
            cancellation=True,
            dialect=True,
            transactions=True,
        ),
        config_schema=CONFIG_SCHEMA,
    )

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._conn: Optional[sqlite3.Connection] = None
        self._main_uri = ""
        self._file: Optional[Path] = None
        self._schemas: Dict[str, str] = {}

    # connection -----------------------------------------------------------------------------------

    def initialize(self, config: Dict[str, Any]) -> None:
        path = str(config.get("path", ":memory:"))
        if path == ":memory:":
            self._main_uri = f"file:rocky-{uuid.uuid4().hex}?mode=memory&cache=shared"
        else:
            self._file = Path(path).expanduser().resolve()
            if not self._file.parent.is_dir():
                raise InvalidConfig(f'Cannot open database "{path}": folder "{self._file.parent}" does not exist')
            self._main_uri = self._file.as_uri()
        try:
            self._conn = self._connect()
            if self._file is not None:
                self._conn.execute("PRAGMA journal_mode=WAL")
                for found in sorted(self._file.parent.glob(f"{self._file.stem}.*.db")):
                    self._attach(found.name[len(self._file.stem) + 1 : -len(".db")])
        except sqlite3.Error as exc:
            raise InvalidConfig(f'Cannot open database "{path}": {exc}') from exc

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(
            self._main_uri, uri=True, timeout=5.0, isolation_level=None,
            detect_types=sqlite3.PARSE_DECLTYPES, check_same_thread=False,
        )
        conn.create_function("md5", 1, _md5, deterministic=True)
        for name, uri in self._schemas.items():
            conn.execute(f"ATTACH DATABASE ? AS {_quote(name, 'schema name')}", (uri,))
        return conn

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    @contextmanager
    def _session(self) -> Generator[sqlite3.Connection, None, None]:
        """The shared connection, held by one request at a time; cancelling the request interrupts its SQL."""
        ctx = current_context()
        while not self._lock.acquire(timeout=0.05):
            ctx.check_cancelled()
        try:
            conn = self._conn
            if conn is None:
                raise InvalidConfig("The adapter is not initialized")
            unregister = _watch_cancel(conn, ctx)
            try:
                yield conn
            except sqlite3.Error as exc:
                ctx.check_cancelled()
                raise _failed(exc) from exc
            finally:
                unregister()
        finally:
            self._lock.release()

    # schemas (attached databases) -------------------------------------------------------------------

    def _attach(self, schema: str) -> None:
        assert_identifier(schema, "schema name")
        if schema.lower() in (s.lower() for s in (*_BUILTIN_SCHEMAS, *self._schemas)):
            return
        if self._file is None:
            uri = f"{self._main_uri.split('?')[0]}-{schema}?mode=memory&cache=shared"
        else:
            uri = self._file.with_name(f"{self._file.stem}.{schema}.db").as_uri()
        assert self._conn is not None
        self._conn.execute(f"ATTACH DATABASE ? AS {_quote(schema, 'schema name')}", (uri,))
        if self._file is not None:
            self._conn.execute(f"PRAGMA {_quote(schema, 'schema name')}.journal_mode=WAL")
        self._schemas[schema] = uri

    def _detach(self, schema: str, if_exists: bool) -> None:
        name = next((s for s in self._schemas if s.lower() == schema.lower()), None)
        if name is None:
            if if_exists:
                return
            raise NotFound(f'Cannot drop schema "{schema}": it does not exist')
        assert self._conn is not None
        self._conn.execute(f"DETACH DATABASE {_quote(name, 'schema name')}")
        del self._schemas[name]
        if self._file is not None:
            for suffix in ("", "-wal", "-shm"):
                self._file.with_name(f"{self._file.stem}.{name}.db{suffix}").unlink(missing_ok=True)

    def create_schema(self, catalog: str, schema: str) -> None:
        _no_catalog(catalog)
        with self._session():
            self._attach(schema)

    # warehouse --------------------------------------------------------------------------------------

    def execute_statement(self, sql: str, params: List[SqlParam]) -> Optional[int]:
        with self._session() as conn:
            return self._execute(conn, sql, params)

    def execute_batch(self, statements: List[ExecuteStatementParams], transaction: bool) -> List[Optional[int]]:
        """One transaction on the shared connection, which no other request uses meanwhile; ROLLBACK on any failure."""
        with self._session() as conn:
            if not transaction:
                return run_statements(statements, lambda sql, params: self._execute_failing(conn, sql, params))
            conn.execute("BEGIN")
            try:
                results = run_statements(statements, lambda sql, params: self._execute_failing(conn, sql, params, in_transaction=True))
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:  # an interrupted statement may already have rolled the transaction back
                    conn.execute("ROLLBACK")
                raise
            return results

    def _execute_failing(self, conn: sqlite3.Connection, sql: str, params: List[SqlParam], in_transaction: bool = False) -> Optional[int]:
        """_execute with SQLite's errors as ExecutionFailed, so run_statements can say which statement failed."""
        try:
            return self._execute(conn, sql, params, in_transaction)
        except sqlite3.Error as exc:
            current_context().check_cancelled()
            raise _failed(exc) from exc

    def _execute(self, conn: sqlite3.Connection, sql: str, params: List[SqlParam], in_transaction: bool = False) -> Optional[int]:
        create, drop = _CREATE_SCHEMA.match(sql), _DROP_SCHEMA.match(sql)
        if (create or drop) and in_transaction:
            raise ExecutionFailed("CREATE SCHEMA and DROP SCHEMA attach and detach databases, which SQLite cannot do inside a transaction")
        if create:
            self._attach(create.group(2))
            return None
        if drop:
            self._detach(drop.group(2), bool(drop.group(1)))
            return None
        replace = _OR_REPLACE.match(sql)
        if replace:
            return self._create_or_replace(conn, replace.group(1).upper(), replace.group(2), replace.group(3), params, in_transaction)
        try:
            cursor = conn.execute(sql, params)
        except (sqlite3.ProgrammingError, sqlite3.Warning) as exc:  # Warning before Python 3.11
            # executescript commits first, so a transaction's several-statement SQL is refused instead
            if params or in_transaction or "one statement at a time" not in str(exc):
                raise
            conn.executescript(sql)
            return None
        return cursor.rowcount if cursor.rowcount >= 0 else None

    @staticmethod
    def _create_or_replace(conn: sqlite3.Connection, kind: str, name: str, rest: str, params: List[SqlParam], in_transaction: bool) -> None:
        """SQLite has no CREATE OR REPLACE: drop and create in one transaction (the caller's, if any), so readers see the old or the new."""
        if in_transaction:
            conn.execute(f"DROP {kind} IF EXISTS {name}")
            conn.execute(f"CREATE {kind} {name}{rest}", params)
            return
        conn.execute("BEGIN")
        try:
            conn.execute(f"DROP {kind} IF EXISTS {name}")
            conn.execute(f"CREATE {kind} {name}{rest}", params)
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def execute_query(self, sql: str, params: List[SqlParam]) -> QueryResult:
        with self._session() as conn:
            cursor = conn.execute(sql, params)
            columns = [d[0] for d in cursor.description or ()]
            return QueryResult(columns=columns, rows=cursor.fetchall())

    def query_open(self, sql: str, params: List[SqlParam]) -> QueryCursor:
        conn = self._connect()
        ctx = current_context()
        unregister = _watch_cancel(conn, ctx)
        try:
            cursor = conn.execute(sql, params)
        except sqlite3.Error as exc:
            conn.close()
            ctx.check_cancelled()
            raise _failed(exc) from exc
        finally:
            unregister()
        return QueryCursor(
            columns=[d[0] for d in cursor.description or ()],
            rows=_stream(conn, cursor),
            on_close=conn.close,
        )

    def describe_table(self, catalog: str, schema: str, table: str) -> List[ColumnInfo]:
        _no_catalog(catalog)
        assert_identifier(table, "table name")
        if not self.table_exists(catalog, schema, table):
            raise NotFound(f'Table "{schema}"."{table}" does not exist')
        with self._session() as conn:
            rows = conn.execute('SELECT name, type, "notnull" FROM pragma_table_info(?, ?) ORDER BY cid', (table, schema)).fetchall()
        return [{"name": name, "data_type": (kind or "").upper(), "nullable": not notnull} for name, kind, notnull in rows]

    def table_exists(self, catalog: str, schema: str, table: str) -> bool:
        if catalog != "" or not self._has_schema(schema):
            return False
        with self._session() as conn:
            found = conn.execute(
                f"SELECT 1 FROM {_quote(schema, 'schema name')}.sqlite_master WHERE type IN ('table', 'view') AND name = ? COLLATE NOCASE",
                (table,),
            ).fetchone()
        return found is not None

    def _has_schema(self, schema: str) -> bool:
        assert_identifier(schema, "schema name")
        return schema.lower() in (s.lower() for s in ("main", *self._schemas))

    # discovery and batch checks -------------------------------------------------------------------

    def discover(self, catalog: Optional[str], schema_prefix: Optional[str]) -> List[DiscoveredSchema]:
        if catalog:
            return []
        found: List[DiscoveredSchema] = []
        with self._session() as conn:
            for schema in ("main", *sorted(self._schemas)):
                if schema_prefix and not schema.startswith(schema_prefix):
                    continue
                q = _quote(schema, "schema name")
                names = [r[0] for r in conn.execute(
                    f"SELECT name FROM {q}.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
                tables: List[DiscoveredTable] = [{"name": n, "row_count": self._count(conn, q, n)} for n in names]
                found.append({"catalog": "", "schema": schema, "tables": tables})
        return found

    @staticmethod
    def _count(conn: sqlite3.Connection, quoted_schema: str, table: str) -> Optional[int]:
        if not re.fullmatch(r"[a-zA-Z0-9_]+", table):
            return None  # not safe to quote into SQL; listed without a count
        return int(conn.execute(f"SELECT count(*) FROM {quoted_schema}.{_quote(table, 'table name')}").fetchone()[0])

    def row_counts(self, tables: List[TableRef]) -> List[TableRowCount]:
        values = self._union([(t, "count(*)") for t in tables])
        return [{"catalog": "", "schema": t["schema"], "table": t["table"], "row_count": int(v)} for t, v in zip(tables, values)]

    def freshness(self, tables: List[FreshnessTarget]) -> List[TableFreshness]:
        values = self._union([(t, f"max({_quote(t['column'], 'column name')})") for t in tables])
        return [
            {"catalog": "", "schema": t["schema"], "table": t["table"], "column": t["column"],
             "max_value": None if v is None else _timestamp(str(v).encode())}
            for t, v in zip(tables, values)
        ]

    def _union(self, parts: Sequence[Tuple[Any, str]]) -> List[Any]:
        """One `SELECT i, <expr> FROM t UNION ALL ...` round trip; values in the order of `parts`."""
        if not parts:
            return []
        selects: List[str] = []
        for i, (ref, expr) in enumerate(parts):
            if not self.table_exists(ref["catalog"], ref["schema"], ref["table"]):
                raise NotFound(f'Table "{ref["schema"]}"."{ref["table"]}" does not exist')
            selects.append(f"SELECT {i} AS i, {expr} AS v FROM {self.format_table_ref('', ref['schema'], ref['table'])}")
        with self._session() as conn:
            rows = dict(conn.execute(" UNION ALL ".join(selects)).fetchall())
        return [rows[i] for i in range(len(parts))]

    # dialect --------------------------------------------------------------------------------------

    def format_table_ref(self, catalog: str, schema: str, table: str) -> str:
        _no_catalog(catalog)
        return f"{_quote(schema, 'schema name')}.{_quote(table, 'table name')}"

    def watermark_where(self, column: str) -> str:
        # Timestamps are text here; normalising 'T' and 'Z' makes ISO-8601 and the wire form compare in time order
        return f"WHERE replace(rtrim({_quote(column, 'watermark column')}, 'Zz'), 'T', ' ') > replace(rtrim(?, 'Zz'), 'T', ' ')"

    def row_hash(self, columns: List[str]) -> str:
        parts = [f"coalesce(CAST({_quote(c, 'column name')} AS TEXT), '')" for c in columns]
        return "md5(" + " || '|' || ".join(parts) + ")"


def _watch_cancel(conn: sqlite3.Connection, ctx: Any) -> Callable[[], None]:
    """Stops the connection's SQL when the request is cancelled. conn.interrupt() alone is lost when it lands before a
    statement starts, so a progress handler also polls the request's cancellation while SQLite works."""
    conn.set_progress_handler(lambda: 1 if ctx.cancelled else 0, 1000)
    unregister = ctx.on_cancel(conn.interrupt)

    def stop_watching() -> None:
        unregister()
        conn.set_progress_handler(None, 0)

    return stop_watching


def _stream(conn: sqlite3.Connection, cursor: sqlite3.Cursor) -> Iterator[Sequence[Any]]:
    """Rows of a paged query on its own connection; each fetch can be interrupted by that request's cancel."""
    while True:
        ctx = current_context()
        unregister = _watch_cancel(conn, ctx)
        try:
            batch = cursor.fetchmany(500)
        except sqlite3.Error as exc:
            ctx.check_cancelled()
            raise _failed(exc) from exc
        finally:
            unregister()
        if not batch:
            return
        yield from batch


def _no_catalog(catalog: str) -> None:
    if catalog != "":
        raise NotFound(f'Catalog "{catalog}" does not exist: SQLite has no catalogs, use ""')


def _failed(exc: sqlite3.Error) -> ExecutionFailed:
    name = getattr(exc, "sqlite_errorname", None)
    return ExecutionFailed(str(exc), {"sqlite_error": name} if name else None)


if __name__ == "__main__":
    run(SqliteAdapter())
