"""Wire method name → capability gate, params type, and the Adapter method that answers it."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable, Dict, List, Optional

from ._generated import ExecuteStatementParams
from .adapter import Adapter
from .errors import InternalError, InvalidParams
from .paging import CursorRegistry
from .values import rows_to_wire, to_wire

Params = Dict[str, Any]
Call = Callable[[Adapter, Params, CursorRegistry], Any]


@dataclass(frozen=True)
class MethodSpec:
    name: str
    #: The manifest capability that gates the method.
    capability: str
    #: The schema type its params are validated against.
    params_type: str
    call: Call
    #: The Adapter method an author overrides to serve it.
    implemented_by: str


def _sql_params(p: Params) -> List[Any]:
    return list(p.get("params") or [])


def _statement(a: Adapter, p: Params, _: CursorRegistry) -> Any:
    return {"rows_affected": a.execute_statement(p["sql"], _sql_params(p))}


#: A statement that begins or ends a transaction itself would break the batch's own.
_TRANSACTION_CONTROL = re.compile(r"^\s*(BEGIN|COMMIT|ROLLBACK|ABORT|END|START\s+TRANSACTION|SAVEPOINT|RELEASE)\b", re.IGNORECASE)


def _batch(a: Adapter, p: Params, _: CursorRegistry) -> Any:
    statements: List[ExecuteStatementParams] = [{"sql": s["sql"], "params": _sql_params(s)} for s in p["statements"]]
    for index, statement in enumerate(statements):
        if _TRANSACTION_CONTROL.match(statement["sql"]):
            raise InvalidParams(f"Statement {index + 1} of the batch controls the transaction itself; execute_batch does that", {"statement_index": index})
    results = a.execute_batch(statements, bool(p.get("transaction", True)))
    if len(results) != len(statements):
        raise InternalError(f"execute_batch returned {len(results)} results for {len(statements)} statements")
    return {"results": [{"rows_affected": n} for n in results]}


def _query(a: Adapter, p: Params, _: CursorRegistry) -> Any:
    result = a.execute_query(p["sql"], _sql_params(p))
    _check_width(result.columns, result.rows)
    out: Dict[str, Any] = {"columns": list(result.columns), "rows": rows_to_wire(result.rows)}
    if result.column_types is not None:
        out["column_types"] = list(result.column_types)
    return out


def _check_width(columns: List[str], rows: Any) -> None:
    for i, row in enumerate(rows):
        if len(row) != len(columns):
            raise InternalError(f"Row {i} has {len(row)} values but the result has {len(columns)} columns")


def _describe(a: Adapter, p: Params, _: CursorRegistry) -> Any:
    return {"columns": to_wire(a.describe_table(p["catalog"], p["schema"], p["table"]))}


def _exists(a: Adapter, p: Params, _: CursorRegistry) -> Any:
    return {"exists": bool(a.table_exists(p["catalog"], p["schema"], p["table"]))}


def _open(a: Adapter, p: Params, cursors: CursorRegistry) -> Any:
    cursor = a.query_open(p["sql"], _sql_params(p))
    out: Dict[str, Any] = {"cursor": cursors.open(cursor, p.get("batch_rows")), "columns": list(cursor.columns)}
    if cursor.column_types is not None:
        out["column_types"] = list(cursor.column_types)
    return out


def _fetch(_: Adapter, p: Params, cursors: CursorRegistry) -> Any:
    rows, done = cursors.fetch(p["cursor"], p.get("max_rows"))
    return {"rows": rows, "done": done}


def _close(_: Adapter, p: Params, cursors: CursorRegistry) -> Any:
    cursors.close(p["cursor"])
    return {}


def _discover(a: Adapter, p: Params, _: CursorRegistry) -> Any:
    return {"schemas": to_wire(a.discover(p.get("catalog"), p.get("schema_prefix")))}


def _create_catalog(a: Adapter, p: Params, _: CursorRegistry) -> Any:
    a.create_catalog(p["catalog"])
    return {}


def _drop_catalog(a: Adapter, p: Params, _: CursorRegistry) -> Any:
    a.drop_catalog(p["catalog"])
    return {}


def _create_schema(a: Adapter, p: Params, _: CursorRegistry) -> Any:
    a.create_schema(p["catalog"], p["schema"])
    return {}


def _set_tags(a: Adapter, p: Params, _: CursorRegistry) -> Any:
    a.set_tags(p["target"], dict(p["tags"]))
    return {}


def _get_grants(a: Adapter, p: Params, _: CursorRegistry) -> Any:
    return {"grants": to_wire(a.get_grants(p["target"]))}


def _row_counts(a: Adapter, p: Params, _: CursorRegistry) -> Any:
    return {"counts": to_wire(a.row_counts(list(p["tables"])))}


def _freshness(a: Adapter, p: Params, _: CursorRegistry) -> Any:
    return {"results": to_wire(a.freshness(list(p["tables"])))}


def _table_ref(a: Adapter, p: Params, _: CursorRegistry) -> Any:
    return {"sql": a.format_table_ref(p["catalog"], p["schema"], p["table"])}


def _watermark(a: Adapter, p: Params, _: CursorRegistry) -> Any:
    return {"sql": a.watermark_where(p["column"])}


def _row_hash(a: Adapter, p: Params, _: CursorRegistry) -> Any:
    return {"sql": a.row_hash(list(p["columns"]))}


_SPECS = [
    MethodSpec("execute_statement", "warehouse", "ExecuteStatementParams", _statement, "execute_statement"),
    MethodSpec("execute_query", "warehouse", "ExecuteQueryParams", _query, "execute_query"),
    MethodSpec("execute_batch", "transactions", "ExecuteBatchParams", _batch, "execute_batch"),
    MethodSpec("describe_table", "warehouse", "TableRef", _describe, "describe_table"),
    MethodSpec("table_exists", "warehouse", "TableRef", _exists, "table_exists"),
    MethodSpec("query/open", "query_paging", "QueryOpenParams", _open, "query_open"),
    MethodSpec("query/fetch", "query_paging", "QueryFetchParams", _fetch, "query_open"),
    MethodSpec("query/close", "query_paging", "QueryCloseParams", _close, "query_open"),
    MethodSpec("discovery/list", "discovery", "DiscoveryListParams", _discover, "discover"),
    MethodSpec("catalog/create", "create_catalog", "CatalogCreateParams", _create_catalog, "create_catalog"),
    MethodSpec("catalog/drop", "drop_catalog", "CatalogDropParams", _drop_catalog, "drop_catalog"),
    MethodSpec("schema/create", "create_schema", "SchemaCreateParams", _create_schema, "create_schema"),
    MethodSpec("governance/set_tags", "governance", "GovernanceSetTagsParams", _set_tags, "set_tags"),
    MethodSpec("governance/get_grants", "governance", "GovernanceGetGrantsParams", _get_grants, "get_grants"),
    MethodSpec("checks/row_counts", "batch_checks", "ChecksRowCountsParams", _row_counts, "row_counts"),
    MethodSpec("checks/freshness", "batch_checks", "ChecksFreshnessParams", _freshness, "freshness"),
    MethodSpec("dialect/format_table_ref", "dialect", "TableRef", _table_ref, "format_table_ref"),
    MethodSpec("dialect/watermark_where", "dialect", "DialectWatermarkWhereParams", _watermark, "watermark_where"),
    MethodSpec("dialect/row_hash", "dialect", "DialectRowHashParams", _row_hash, "row_hash"),
]

#: Every capability-gated method by wire name. `initialize`, `ping` and `shutdown` are answered by the server.
METHODS: Dict[str, MethodSpec] = {spec.name: spec for spec in _SPECS}


def method_spec(name: str) -> Optional[MethodSpec]:
    return METHODS.get(name)


def unimplemented_methods(adapter: Adapter, capabilities: Dict[str, Any]) -> List[str]:
    """Wire methods of declared capabilities whose Adapter method is not overridden."""
    missing: List[str] = []
    for spec in _SPECS:
        if capabilities.get(spec.capability) is not True or spec.implemented_by == "query_open":
            continue
        if getattr(type(adapter), spec.implemented_by) is getattr(Adapter, spec.implemented_by):
            missing.append(spec.name)
    return missing
