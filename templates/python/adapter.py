#!/usr/bin/env python3
"""The {{name}} adapter for Rocky.

Rocky starts this file as its own process and speaks JSON-RPC 2.0 with it, one JSON object per line on
stdin/stdout; rocky_adapter_sdk does that part (and keeps print() off stdout). You write the methods below.
Every warehouse method starts as a stub that answers "not implemented": fill them in one at a time and
watch `rocky test-adapter` turn them green (README.md).
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any, Dict, List, Optional

HERE = Path(__file__).resolve().parent

# The SDK: `pip install -e <rocky checkout>/sdk-python`, or point ROCKY_SDK_PYTHON at that folder.
if os.environ.get("ROCKY_SDK_PYTHON"):
    sys.path.insert(0, os.environ["ROCKY_SDK_PYTHON"])

try:
    from rocky_adapter_sdk import (
        SDK_VERSION,
        Adapter,
        ColumnInfo,
        DiscoveredSchema,
        FreshnessTarget,
        GovernanceTarget,
        Grant,
        MethodNotFound,
        QueryResult,
        SqlParam,
        TableFreshness,
        TableRef,
        TableRowCount,
        run,
    )
except ImportError as exc:
    sys.stderr.write(f"Cannot import rocky_adapter_sdk ({exc}): pip install -e <rocky>/sdk-python, or set ROCKY_SDK_PYTHON=<rocky>/sdk-python\n")
    sys.exit(1)

# What the adapter is and can do. Declare a capability there only once its methods below work.
MANIFEST: Dict[str, Any] = {**json.loads((HERE / "manifest.json").read_text(encoding="utf-8")), "sdk_version": SDK_VERSION}


def not_implemented(method: str) -> MethodNotFound:
    """The stub answer: Rocky's conformance suite reports the check as "not yet implemented" with this hint."""
    return MethodNotFound(
        f"not implemented: fill in {method}() in adapter.py",
        {"code": "NOT_IMPLEMENTED", "hint": f"Implement {{Name}}Adapter.{method}() in adapter.py; README.md says what it must return"},
    )


class {{Name}}Adapter(Adapter):
    """Methods run on worker threads, several at once. Raise ExecutionFailed, NotFound, InvalidConfig or
    Unavailable (from rocky_adapter_sdk) for expected failures; any other exception answers -32603.
    The request in progress is self.ctx: self.ctx.cancelled, self.ctx.progress(...), self.log(...)."""

    manifest = MANIFEST  # type: ignore[assignment]

    def initialize(self, config: Dict[str, Any]) -> None:
        """Connect with `config` (already validated against config_schema in manifest.json).
        Raise InvalidConfig when it cannot work (bad credentials, unknown host)."""
        self.config = config

    def close(self) -> None:
        """Release connections; called once when Rocky closes stdin."""

    # warehouse (required) -------------------------------------------------------------------

    def execute_statement(self, sql: str, params: List[SqlParam]) -> Optional[int]:
        """Run DDL or DML; `?` placeholders are bound from `params` in order. Return rows affected, or None."""
        raise not_implemented("execute_statement")

    def execute_query(self, sql: str, params: List[SqlParam]) -> QueryResult:
        """Run a query: QueryResult(columns=[names], rows=[[values]]). Return Python values (int, float, str, bool,
        None, date, datetime, Decimal); the SDK sends dates as 'YYYY-MM-DD', timestamps as 'YYYY-MM-DD HH:MM:SS.ffffff'
        and integers beyond 2^53 as strings."""
        raise not_implemented("execute_query")

    def describe_table(self, catalog: str, schema: str, table: str) -> List[ColumnInfo]:
        """The columns in order: [{"name": ..., "data_type": ..., "nullable": ...}]. Raise NotFound for a missing table.
        `catalog` is "" where the warehouse has no catalogs."""
        raise not_implemented("describe_table")

    def table_exists(self, catalog: str, schema: str, table: str) -> bool:
        """True or False; a missing schema is False, not an error."""
        raise not_implemented("table_exists")

    # optional: set the capability to true in manifest.json, then implement ------------------------
    # query_paging needs nothing more: the SDK pages execute_query's rows (override query_open to stream).

    def create_schema(self, catalog: str, schema: str) -> None:
        """capability create_schema: CREATE SCHEMA IF NOT EXISTS (must succeed when it exists)."""
        raise not_implemented("create_schema")

    def create_catalog(self, catalog: str) -> None:
        """capability create_catalog: create the catalog if it does not exist."""
        raise not_implemented("create_catalog")

    def discover(self, catalog: Optional[str], schema_prefix: Optional[str]) -> List[DiscoveredSchema]:
        """capability discovery: [{"catalog", "schema", "tables": [{"name", "row_count"?}]}] for schemas starting with schema_prefix."""
        raise not_implemented("discover")

    def set_tags(self, target: GovernanceTarget, tags: Dict[str, str]) -> None:
        """capability governance: tag the catalog, schema or table named by `target`."""
        raise not_implemented("set_tags")

    def get_grants(self, target: GovernanceTarget) -> List[Grant]:
        """capability governance: [{"principal", "privilege"}] on `target`."""
        raise not_implemented("get_grants")

    def row_counts(self, tables: List[TableRef]) -> List[TableRowCount]:
        """capability batch_checks: one row count per table, in one round trip where possible."""
        raise not_implemented("row_counts")

    def freshness(self, tables: List[FreshnessTarget]) -> List[TableFreshness]:
        """capability batch_checks: the latest value of each table's column (None for an empty table)."""
        raise not_implemented("freshness")

    def format_table_ref(self, catalog: str, schema: str, table: str) -> str:
        """capability dialect: the table as this warehouse's SQL, e.g. '"schema"."table"'."""
        raise not_implemented("format_table_ref")

    def watermark_where(self, column: str) -> str:
        """capability dialect: 'WHERE <column> > <one ? placeholder read as a timestamp>'."""
        raise not_implemented("watermark_where")

    def row_hash(self, columns: List[str]) -> str:
        """capability dialect: an expression hashing the columns, equal for equal rows."""
        raise not_implemented("row_hash")


if __name__ == "__main__":
    run({{Name}}Adapter())
