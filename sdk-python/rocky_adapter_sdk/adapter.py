"""The Adapter base class an author subclasses, and the values its methods return."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, ClassVar, Dict, Iterable, List, Optional, Sequence, cast

from ._generated import (
    AdapterManifest,
    Capabilities,
    ColumnInfo,
    DiscoveredSchema,
    ExecuteStatementParams,
    FreshnessTarget,
    GovernanceTarget,
    Grant,
    SqlParam,
    TableFreshness,
    TableRef,
    TableRowCount,
)
from .context import LogLevel, RequestContext, current_context
from .errors import AdapterError, MethodNotFound

SDK_VERSION = "0.1.0"

REQUIRED_CAPABILITIES = ("warehouse", "discovery", "governance", "batch_checks", "create_catalog", "create_schema", "merge", "tablesample")


@dataclass
class QueryResult:
    """A whole query result. Rows hold Python values; the SDK converts them (dates, Decimal, big ints) to JSON."""

    columns: List[str]
    rows: Sequence[Sequence[Any]]
    column_types: Optional[List[str]] = None


@dataclass
class QueryCursor:
    """A query result read lazily by query/fetch. `rows` is consumed batch by batch; `on_close` runs once at the end."""

    columns: List[str]
    rows: Iterable[Sequence[Any]]
    column_types: Optional[List[str]] = None
    on_close: Optional[Callable[[], None]] = field(default=None, repr=False)


def capabilities(**flags: bool) -> Capabilities:
    """A complete Capabilities object: the flags given, every other required one false."""
    caps: Dict[str, bool] = {name: False for name in REQUIRED_CAPABILITIES}
    caps.update(flags)
    return cast(Capabilities, caps)


def build_manifest(
    name: str,
    version: str,
    dialect: str,
    *,
    capabilities: Capabilities,
    auth_methods: Sequence[str] = (),
    config_schema: Optional[Dict[str, Any]] = None,
    sdk_version: str = SDK_VERSION,
) -> AdapterManifest:
    """An AdapterManifest with the SDK's version filled in and a permissive config schema by default."""
    return {
        "name": name,
        "version": version,
        "sdk_version": sdk_version,
        "dialect": dialect,
        "capabilities": capabilities,
        "auth_methods": list(auth_methods),
        "config_schema": config_schema if config_schema is not None else {"type": "object"},
    }


def _not_implemented(method: str) -> MethodNotFound:
    return MethodNotFound(f'Adapter does not implement "{method}"')


def run_statements(
    statements: Sequence[ExecuteStatementParams],
    execute: Callable[[str, List[SqlParam]], Optional[int]],
) -> List[Optional[int]]:
    """Runs `statements` in order with `execute(sql, params)`, checking for cancellation between them; returns the rows
    affected of each. An AdapterError raised for one (ExecutionFailed, say) gets ``data["statement_index"]``, the
    0-based index the host reports; the rest of the batch does not run.
    """
    results: List[Optional[int]] = []
    for index, statement in enumerate(statements):
        current_context().check_cancelled()
        try:
            results.append(execute(statement["sql"], list(statement.get("params") or [])))
        except AdapterError as exc:
            exc.data = {**exc.data, "statement_index": index}
            raise
    return results


class Adapter:
    """Subclass this, set `manifest`, and override the methods of the capabilities it declares.

    Methods run on worker threads, several at once; the request's context (cancellation, log,
    progress) is `self.ctx`. Raise AdapterError subclasses (ExecutionFailed, NotFound, ...) for
    expected failures; any other exception is answered as -32603 with its message.
    """

    manifest: ClassVar[Optional[AdapterManifest]] = None

    def get_manifest(self) -> AdapterManifest:
        """The manifest sent in `initialize`; by default the `manifest` class attribute."""
        if self.manifest is None:
            raise TypeError(f"{type(self).__name__} sets no manifest: set the class attribute or override get_manifest()")
        return self.manifest

    @property
    def ctx(self) -> RequestContext:
        """The context of the request the calling thread serves."""
        return current_context()

    def log(self, level: LogLevel, message: str, **fields: Any) -> None:
        """Sends `$/log` to the host (the current request's context, or the server's outside requests)."""
        current_context().log(level, message, **fields)

    # lifecycle ----------------------------------------------------------------------------------

    def initialize(self, config: Dict[str, Any]) -> None:
        """Connect using the adapter's config (already validated by the host against config_schema)."""

    def close(self) -> None:
        """Release resources; called once when the process exits after stdin EOF."""

    # warehouse ----------------------------------------------------------------------------------

    def execute_statement(self, sql: str, params: List[SqlParam]) -> Optional[int]:
        """Run DDL or DML; return the rows affected, or None when unknown."""
        raise _not_implemented("execute_statement")

    def execute_query(self, sql: str, params: List[SqlParam]) -> QueryResult:
        raise _not_implemented("execute_query")

    # transactions -------------------------------------------------------------------------------

    def execute_batch(self, statements: List[ExecuteStatementParams], transaction: bool) -> List[Optional[int]]:
        """Run `statements` (each with `sql` and `params`) in order on one session; return each one's rows affected.

        With `transaction`, all of them take effect or none: BEGIN, the statements, COMMIT on one connection, and
        ROLLBACK on the first failure or cancellation. Without it, each commits on its own and the first failure
        stops the rest. Use `run_statements` to run them, so a failure names its statement for the host.

        Declare the `transactions` capability only with an override that is really atomic: the default runs
        each statement through execute_statement, which serves `transaction` false, and refuses `transaction`
        true rather than run a change that must be atomic piece by piece.
        """
        if transaction:
            raise MethodNotFound(
                'Adapter does not implement "execute_batch" in a transaction: override Adapter.execute_batch to run '
                "the statements between BEGIN and COMMIT on one connection"
            )
        return run_statements(statements, self.execute_statement)

    def describe_table(self, catalog: str, schema: str, table: str) -> List[ColumnInfo]:
        """Columns of the table; raise NotFound when it does not exist."""
        raise _not_implemented("describe_table")

    def table_exists(self, catalog: str, schema: str, table: str) -> bool:
        raise _not_implemented("table_exists")

    # query_paging ---------------------------------------------------------------------------------

    def query_open(self, sql: str, params: List[SqlParam]) -> QueryCursor:
        """Start a paged query. The default runs execute_query and pages its rows; override to stream."""
        result = self.execute_query(sql, params)
        return QueryCursor(columns=result.columns, rows=result.rows, column_types=result.column_types)

    # discovery, catalogs, schemas -----------------------------------------------------------------

    def discover(self, catalog: Optional[str], schema_prefix: Optional[str]) -> List[DiscoveredSchema]:
        raise _not_implemented("discovery/list")

    def create_catalog(self, catalog: str) -> None:
        raise _not_implemented("catalog/create")

    def drop_catalog(self, catalog: str) -> None:
        """Drop a catalog made by create_catalog, with its contents; a catalog that does not exist is not an error."""
        raise _not_implemented("catalog/drop")

    def create_schema(self, catalog: str, schema: str) -> None:
        raise _not_implemented("schema/create")

    # governance -----------------------------------------------------------------------------------

    def set_tags(self, target: GovernanceTarget, tags: Dict[str, str]) -> None:
        raise _not_implemented("governance/set_tags")

    def get_grants(self, target: GovernanceTarget) -> List[Grant]:
        raise _not_implemented("governance/get_grants")

    # batch_checks ---------------------------------------------------------------------------------

    def row_counts(self, tables: List[TableRef]) -> List[TableRowCount]:
        raise _not_implemented("checks/row_counts")

    def freshness(self, tables: List[FreshnessTarget]) -> List[TableFreshness]:
        """Latest value of each column; `max_value` may be a date/datetime, converted by the SDK."""
        raise _not_implemented("checks/freshness")

    # dialect --------------------------------------------------------------------------------------

    def format_table_ref(self, catalog: str, schema: str, table: str) -> str:
        raise _not_implemented("dialect/format_table_ref")

    def watermark_where(self, column: str) -> str:
        """A WHERE fragment comparing `column` to one `?` bound to the watermark timestamp."""
        raise _not_implemented("dialect/watermark_where")

    def row_hash(self, columns: List[str]) -> str:
        raise _not_implemented("dialect/row_hash")
