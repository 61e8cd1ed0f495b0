/* eslint-disable */
// Generated from schemas/**/*.schema.json by `npm run gen -- --write`. Do not edit.
export const SCHEMAS: Readonly<Record<string, object>> = {
  "manifest.schema.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "manifest.schema.json",
    "title": "AdapterManifest",
    "description": "What an adapter is and can do, returned by `initialize`. Compatible with the original Rocky manifest: every original field is required, the Rocky additions are optional.",
    "type": "object",
    "required": [
      "name",
      "version",
      "sdk_version",
      "dialect",
      "capabilities",
      "auth_methods",
      "config_schema"
    ],
    "properties": {
      "name": {
        "type": "string",
        "pattern": "^[a-zA-Z0-9_-]+$",
        "description": "Adapter name; should match the `rocky-<name>` executable suffix"
      },
      "version": {
        "type": "string",
        "minLength": 1,
        "description": "The adapter's own version (semver)"
      },
      "sdk_version": {
        "type": "string",
        "minLength": 1,
        "description": "Version of the SDK or protocol library the adapter was built with"
      },
      "dialect": {
        "type": "string",
        "minLength": 1,
        "description": "SQL dialect name: duckdb, databricks, snowflake, or the adapter's own"
      },
      "capabilities": {
        "$ref": "#/$defs/Capabilities"
      },
      "auth_methods": {
        "type": "array",
        "items": {
          "type": "string"
        }
      },
      "config_schema": {
        "type": "object",
        "description": "JSON Schema (draft 2020-12 or 07) for the adapter's config; the host validates the config against it before `initialize`"
      },
      "roles": {
        "type": "array",
        "items": {
          "enum": [
            "source",
            "warehouse"
          ]
        },
        "description": "Roles the adapter can serve; defaults to those implied by the capabilities"
      }
    },
    "additionalProperties": true,
    "$defs": {
      "Capabilities": {
        "title": "Capabilities",
        "type": "object",
        "required": [
          "warehouse",
          "discovery",
          "governance",
          "batch_checks",
          "create_catalog",
          "create_schema",
          "merge",
          "tablesample"
        ],
        "properties": {
          "warehouse": {
            "type": "boolean",
            "description": "execute_statement, execute_query, describe_table, table_exists"
          },
          "discovery": {
            "type": "boolean",
            "description": "discovery/list"
          },
          "governance": {
            "type": "boolean",
            "description": "governance/set_tags, governance/get_grants"
          },
          "batch_checks": {
            "type": "boolean",
            "description": "checks/row_counts, checks/freshness"
          },
          "create_catalog": {
            "type": "boolean",
            "description": "catalog/create"
          },
          "drop_catalog": {
            "type": "boolean",
            "default": false,
            "description": "catalog/drop"
          },
          "batch_describe": {
            "type": "boolean",
            "default": false,
            "description": "describe_tables: the columns of many tables in one request"
          },
          "grants": {
            "type": "boolean",
            "default": false,
            "description": "governance/apply_grants: GRANT and REVOKE"
          },
          "workspace_bindings": {
            "type": "boolean",
            "default": false,
            "description": "governance/get_bindings, governance/set_bindings: catalog isolation and the workspaces bound to a catalog (Databricks Unity Catalog)"
          },
          "create_schema": {
            "type": "boolean",
            "description": "schema/create"
          },
          "merge": {
            "type": "boolean",
            "description": "The warehouse executes MERGE INTO"
          },
          "tablesample": {
            "type": "boolean",
            "description": "The warehouse executes TABLESAMPLE"
          },
          "file_load": {
            "type": "boolean",
            "default": false,
            "description": "CSV/Parquet/JSONL loading"
          },
          "dialect": {
            "type": "boolean",
            "default": false,
            "description": "dialect/format_table_ref, dialect/watermark_where, dialect/row_hash answered by the adapter instead of the host's built-in dialect"
          },
          "query_paging": {
            "type": "boolean",
            "default": false,
            "description": "query/open, query/fetch, query/close for results too large for one message"
          },
          "cancellation": {
            "type": "boolean",
            "default": false,
            "description": "$/cancelRequest stops the request it names"
          },
          "transactions": {
            "type": "boolean",
            "default": false,
            "description": "execute_batch: several statements in order on one session, atomically when asked; the host refuses multi-statement changes that must be atomic on adapters without it"
          },
          "sql_parse": {
            "type": "boolean",
            "default": false,
            "description": "sql/parse: the warehouse's own parser checks model SQL (without running it), instead of the host's generic SQL grammar"
          }
        },
        "additionalProperties": {
          "type": "boolean"
        }
      }
    }
  },
  "messages.schema.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "messages.schema.json",
    "title": "RockyProtocolMessages",
    "description": "Params and results of every method of the Rocky adapter protocol. Wire: JSON-RPC 2.0, one JSON object per line",
    "$defs": {
      "SqlParam": {
        "type": [
          "string",
          "number",
          "boolean",
          "null"
        ],
        "title": "SqlParam",
        "description": "A positional parameter bound to a `?` placeholder in the statement"
      },
      "TableRef": {
        "type": "object",
        "properties": {
          "catalog": {
            "type": "string"
          },
          "schema": {
            "type": "string",
            "minLength": 1
          },
          "table": {
            "type": "string",
            "minLength": 1
          }
        },
        "required": [
          "catalog",
          "schema",
          "table"
        ],
        "additionalProperties": false,
        "title": "TableRef",
        "description": "A fully qualified table; `catalog` may be empty where the warehouse has no catalogs"
      },
      "ColumnInfo": {
        "type": "object",
        "properties": {
          "name": {
            "type": "string",
            "minLength": 1
          },
          "data_type": {
            "type": "string"
          },
          "nullable": {
            "type": "boolean"
          }
        },
        "required": [
          "name",
          "data_type",
          "nullable"
        ],
        "additionalProperties": true,
        "title": "ColumnInfo"
      },
      "ProtocolVersionRange": {
        "type": "object",
        "properties": {
          "min": {
            "type": "integer",
            "minimum": 1
          },
          "max": {
            "type": "integer",
            "minimum": 1
          }
        },
        "required": [
          "min",
          "max"
        ],
        "additionalProperties": false,
        "title": "ProtocolVersionRange",
        "description": "An inclusive range of protocol versions"
      },
      "ClientInfo": {
        "type": "object",
        "properties": {
          "name": {
            "type": "string"
          },
          "version": {
            "type": "string"
          }
        },
        "required": [
          "name",
          "version"
        ],
        "additionalProperties": false,
        "title": "ClientInfo"
      },
      "InitializeParams": {
        "type": "object",
        "properties": {
          "config": {
            "type": "object"
          },
          "protocol_versions": {
            "$ref": "#/$defs/ProtocolVersionRange"
          },
          "client": {
            "$ref": "#/$defs/ClientInfo"
          }
        },
        "required": [
          "config"
        ],
        "additionalProperties": true,
        "title": "InitializeParams",
        "description": "Sent first. `config` is the adapter's own section of rocky.toml, already validated against the manifest's `config_schema`. `protocol_versions` is the range the host speaks; an adapter written for the original protocol ignores it"
      },
      "InitializeResult": {
        "type": "object",
        "properties": {
          "manifest": {
            "$ref": "manifest.schema.json"
          },
          "protocol_version": {
            "type": "integer",
            "minimum": 1
          }
        },
        "required": [
          "manifest"
        ],
        "additionalProperties": true,
        "title": "InitializeResult",
        "description": "The adapter's manifest and the protocol version it picked from the offered range. Without `protocol_version` the adapter speaks the original protocol (version 1)"
      },
      "ProtocolMismatchData": {
        "type": "object",
        "properties": {
          "supported": {
            "$ref": "#/$defs/ProtocolVersionRange"
          },
          "offered": {
            "$ref": "#/$defs/ProtocolVersionRange"
          }
        },
        "required": [
          "supported"
        ],
        "additionalProperties": true,
        "title": "ProtocolMismatchData",
        "description": "`error.data` of a ProtocolVersionMismatch error"
      },
      "EmptyParams": {
        "type": "object",
        "title": "EmptyParams",
        "description": "Params of a method that takes none"
      },
      "EmptyResult": {
        "type": "object",
        "title": "EmptyResult",
        "description": "Result of a method that returns nothing of note"
      },
      "AnyResult": {
        "title": "AnyResult",
        "description": "Result whose content the host ignores"
      },
      "ExecuteStatementParams": {
        "type": "object",
        "properties": {
          "sql": {
            "type": "string",
            "minLength": 1
          },
          "params": {
            "type": "array",
            "items": {
              "$ref": "#/$defs/SqlParam"
            }
          }
        },
        "required": [
          "sql"
        ],
        "additionalProperties": false,
        "title": "ExecuteStatementParams",
        "description": "Run DDL or DML"
      },
      "ExecuteStatementResult": {
        "type": "object",
        "properties": {
          "rows_affected": {
            "type": [
              "integer",
              "null"
            ]
          }
        },
        "required": [],
        "additionalProperties": true,
        "title": "ExecuteStatementResult"
      },
      "ExecuteBatchParams": {
        "type": "object",
        "properties": {
          "statements": {
            "type": "array",
            "items": {
              "$ref": "#/$defs/ExecuteStatementParams"
            },
            "minItems": 1,
            "description": "Run in order, on one session. Each is what execute_statement takes: one statement and the values of its `?` placeholders"
          },
          "transaction": {
            "type": "boolean",
            "default": true,
            "description": "true: all statements in one transaction; the first failure rolls every one back. false: each commits on its own; the first failure stops the batch and the earlier ones stay"
          }
        },
        "required": [
          "statements"
        ],
        "additionalProperties": false,
        "title": "ExecuteBatchParams",
        "description": "Run several DDL or DML statements on one session, by default atomically (capability `transactions`). A failure answers ExecutionFailed (-32052) with `data.statement_index`"
      },
      "ExecuteBatchResult": {
        "type": "object",
        "properties": {
          "results": {
            "type": "array",
            "items": {
              "$ref": "#/$defs/ExecuteStatementResult"
            },
            "description": "One per statement, in order"
          }
        },
        "required": [
          "results"
        ],
        "additionalProperties": true,
        "title": "ExecuteBatchResult",
        "description": "Every statement succeeded (and, with `transaction`, the transaction committed)"
      },
      "ExecuteQueryParams": {
        "type": "object",
        "properties": {
          "sql": {
            "type": "string",
            "minLength": 1
          },
          "params": {
            "type": "array",
            "items": {
              "$ref": "#/$defs/SqlParam"
            }
          }
        },
        "required": [
          "sql"
        ],
        "additionalProperties": false,
        "title": "ExecuteQueryParams",
        "description": "Run a query and return the whole result in one message. For large results use query/open"
      },
      "ExecuteQueryResult": {
        "type": "object",
        "properties": {
          "columns": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "column_types": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "rows": {
            "type": "array",
            "items": {
              "type": "array"
            }
          }
        },
        "required": [
          "columns",
          "rows"
        ],
        "additionalProperties": true,
        "title": "ExecuteQueryResult",
        "description": "Rows are arrays aligned with `columns`. Values are JSON: numbers beyond 2^53, decimals, dates and timestamps travel as strings"
      },
      "QueryOpenParams": {
        "type": "object",
        "properties": {
          "sql": {
            "type": "string",
            "minLength": 1
          },
          "params": {
            "type": "array",
            "items": {
              "$ref": "#/$defs/SqlParam"
            }
          },
          "batch_rows": {
            "type": "integer",
            "minimum": 1
          }
        },
        "required": [
          "sql"
        ],
        "additionalProperties": false,
        "title": "QueryOpenParams",
        "description": "Start a query whose rows are fetched in batches"
      },
      "QueryOpenResult": {
        "type": "object",
        "properties": {
          "cursor": {
            "type": "string",
            "minLength": 1
          },
          "columns": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "column_types": {
            "type": "array",
            "items": {
              "type": "string"
            }
          }
        },
        "required": [
          "cursor",
          "columns"
        ],
        "additionalProperties": true,
        "title": "QueryOpenResult"
      },
      "QueryFetchParams": {
        "type": "object",
        "properties": {
          "cursor": {
            "type": "string",
            "minLength": 1
          },
          "max_rows": {
            "type": "integer",
            "minimum": 1
          }
        },
        "required": [
          "cursor"
        ],
        "additionalProperties": false,
        "title": "QueryFetchParams"
      },
      "QueryFetchResult": {
        "type": "object",
        "properties": {
          "rows": {
            "type": "array",
            "items": {
              "type": "array"
            }
          },
          "done": {
            "type": "boolean"
          }
        },
        "required": [
          "rows",
          "done"
        ],
        "additionalProperties": true,
        "title": "QueryFetchResult",
        "description": "The next batch; `done` is true on the last one, after which the cursor is closed"
      },
      "QueryCloseParams": {
        "type": "object",
        "properties": {
          "cursor": {
            "type": "string",
            "minLength": 1
          }
        },
        "required": [
          "cursor"
        ],
        "additionalProperties": false,
        "title": "QueryCloseParams"
      },
      "DescribeTableResult": {
        "type": "object",
        "properties": {
          "columns": {
            "type": "array",
            "items": {
              "$ref": "#/$defs/ColumnInfo"
            }
          }
        },
        "required": [
          "columns"
        ],
        "additionalProperties": true,
        "title": "DescribeTableResult"
      },
      "DescribeTablesParams": {
        "type": "object",
        "properties": {
          "tables": {
            "type": "array",
            "items": {
              "$ref": "#/$defs/TableRef"
            }
          }
        },
        "required": [
          "tables"
        ],
        "additionalProperties": false,
        "title": "DescribeTablesParams",
        "description": "Columns of many tables in one round trip (a planner describing thousands of tables); answered in the order asked"
      },
      "DescribedTable": {
        "type": "object",
        "properties": {
          "catalog": {
            "type": "string"
          },
          "schema": {
            "type": "string",
            "minLength": 1
          },
          "table": {
            "type": "string",
            "minLength": 1
          },
          "exists": {
            "type": "boolean"
          },
          "columns": {
            "type": "array",
            "items": {
              "$ref": "#/$defs/ColumnInfo"
            }
          }
        },
        "required": [
          "catalog",
          "schema",
          "table",
          "exists",
          "columns"
        ],
        "additionalProperties": true,
        "title": "DescribedTable",
        "description": "One table's columns, in order; `exists: false` with no columns for a table that does not exist"
      },
      "DescribeTablesResult": {
        "type": "object",
        "properties": {
          "tables": {
            "type": "array",
            "items": {
              "$ref": "#/$defs/DescribedTable"
            }
          }
        },
        "required": [
          "tables"
        ],
        "additionalProperties": true,
        "title": "DescribeTablesResult"
      },
      "TableExistsResult": {
        "type": "object",
        "properties": {
          "exists": {
            "type": "boolean"
          }
        },
        "required": [
          "exists"
        ],
        "additionalProperties": true,
        "title": "TableExistsResult"
      },
      "DiscoveryListParams": {
        "type": "object",
        "properties": {
          "catalog": {
            "type": "string"
          },
          "schema_prefix": {
            "type": "string"
          }
        },
        "required": [],
        "additionalProperties": false,
        "title": "DiscoveryListParams",
        "description": "List what landed: schemas and their tables, optionally narrowed"
      },
      "DiscoveredTable": {
        "type": "object",
        "properties": {
          "name": {
            "type": "string",
            "minLength": 1
          },
          "row_count": {
            "type": [
              "integer",
              "null"
            ]
          },
          "last_modified": {
            "type": [
              "string",
              "null"
            ]
          }
        },
        "required": [
          "name"
        ],
        "additionalProperties": true,
        "title": "DiscoveredTable"
      },
      "DiscoveredSchema": {
        "type": "object",
        "properties": {
          "catalog": {
            "type": "string"
          },
          "schema": {
            "type": "string",
            "minLength": 1
          },
          "tables": {
            "type": "array",
            "items": {
              "$ref": "#/$defs/DiscoveredTable"
            }
          },
          "metadata": {
            "type": "object"
          },
          "synced_at": {
            "type": [
              "string",
              "null"
            ],
            "description": "When what landed in this schema last changed (ISO 8601): for an ingestion tool, the end of its last successful sync. The host skips a schema whose synced_at is not newer than what the last successful run saw; absent or null means unknown, and the schema is always copied"
          }
        },
        "required": [
          "catalog",
          "schema",
          "tables"
        ],
        "additionalProperties": true,
        "title": "DiscoveredSchema"
      },
      "DiscoveryListResult": {
        "type": "object",
        "properties": {
          "schemas": {
            "type": "array",
            "items": {
              "$ref": "#/$defs/DiscoveredSchema"
            }
          },
          "failed": {
            "type": "array",
            "description": "Sources the adapter knows of but could not read this time (left out of schemas): the host reports them skipped, with the message",
            "items": {
              "type": "object",
              "properties": {
                "catalog": {
                  "type": "string"
                },
                "schema": {
                  "type": "string",
                  "minLength": 1
                },
                "message": {
                  "type": "string"
                }
              },
              "required": [
                "schema",
                "message"
              ],
              "additionalProperties": true
            }
          }
        },
        "required": [
          "schemas"
        ],
        "additionalProperties": true,
        "title": "DiscoveryListResult"
      },
      "CatalogCreateParams": {
        "type": "object",
        "properties": {
          "catalog": {
            "type": "string",
            "minLength": 1
          }
        },
        "required": [
          "catalog"
        ],
        "additionalProperties": false,
        "title": "CatalogCreateParams"
      },
      "CatalogDropParams": {
        "type": "object",
        "properties": {
          "catalog": {
            "type": "string",
            "minLength": 1
          }
        },
        "required": [
          "catalog"
        ],
        "additionalProperties": false,
        "title": "CatalogDropParams",
        "description": "Drop a catalog created with catalog/create, and everything in it. Dropping a catalog that does not exist succeeds"
      },
      "SqlParseParams": {
        "type": "object",
        "properties": {
          "statements": {
            "type": "array",
            "items": {
              "type": "string"
            },
            "minItems": 1,
            "description": "SQL texts to parse, each parsed on its own"
          }
        },
        "required": [
          "statements"
        ],
        "additionalProperties": false,
        "title": "SqlParseParams",
        "description": "sql/parse (capability sql_parse): parse SQL with the warehouse's own parser, without running or binding it (tables need not exist)"
      },
      "SqlParseOutcome": {
        "type": "object",
        "properties": {
          "valid": {
            "type": "boolean",
            "description": "The warehouse's parser accepts the text"
          },
          "statements": {
            "type": "integer",
            "minimum": 0,
            "description": "How many statements the text holds (when valid)"
          },
          "select": {
            "type": "boolean",
            "description": "Every statement is a query (SELECT, WITH ... SELECT, FROM-first, VALUES...) (when valid)"
          },
          "message": {
            "type": "string",
            "description": "The parser's error, as the warehouse words it (when not valid)"
          },
          "position": {
            "type": "integer",
            "minimum": 0,
            "description": "Where the error is: 0-based offset in the text, in UTF-16 code units as JSON strings count them (when known)"
          }
        },
        "required": [
          "valid"
        ],
        "additionalProperties": false,
        "title": "SqlParseOutcome"
      },
      "SqlParseResult": {
        "type": "object",
        "properties": {
          "results": {
            "type": "array",
            "items": {
              "$ref": "#/$defs/SqlParseOutcome"
            },
            "description": "One outcome per statement text, in order"
          }
        },
        "required": [
          "results"
        ],
        "additionalProperties": false,
        "title": "SqlParseResult"
      },
      "SchemaCreateParams": {
        "type": "object",
        "properties": {
          "catalog": {
            "type": "string"
          },
          "schema": {
            "type": "string",
            "minLength": 1
          }
        },
        "required": [
          "catalog",
          "schema"
        ],
        "additionalProperties": false,
        "title": "SchemaCreateParams"
      },
      "GovernanceTarget": {
        "type": "object",
        "properties": {
          "catalog": {
            "type": "string"
          },
          "schema": {
            "type": "string"
          },
          "table": {
            "type": "string"
          }
        },
        "required": [
          "catalog"
        ],
        "additionalProperties": false,
        "title": "GovernanceTarget"
      },
      "GovernanceSetTagsParams": {
        "type": "object",
        "properties": {
          "target": {
            "$ref": "#/$defs/GovernanceTarget"
          },
          "tags": {
            "type": "object",
            "additionalProperties": {
              "type": "string"
            }
          }
        },
        "required": [
          "target",
          "tags"
        ],
        "additionalProperties": false,
        "title": "GovernanceSetTagsParams"
      },
      "GovernanceGetGrantsParams": {
        "type": "object",
        "properties": {
          "target": {
            "$ref": "#/$defs/GovernanceTarget"
          }
        },
        "required": [
          "target"
        ],
        "additionalProperties": false,
        "title": "GovernanceGetGrantsParams"
      },
      "Grant": {
        "type": "object",
        "properties": {
          "principal": {
            "type": "string",
            "minLength": 1
          },
          "privilege": {
            "type": "string",
            "minLength": 1
          }
        },
        "required": [
          "principal",
          "privilege"
        ],
        "additionalProperties": true,
        "title": "Grant"
      },
      "GovernanceGetGrantsResult": {
        "type": "object",
        "properties": {
          "grants": {
            "type": "array",
            "items": {
              "$ref": "#/$defs/Grant"
            }
          }
        },
        "required": [
          "grants"
        ],
        "additionalProperties": true,
        "title": "GovernanceGetGrantsResult"
      },
      "GovernanceApplyGrantsParams": {
        "type": "object",
        "properties": {
          "target": {
            "$ref": "#/$defs/GovernanceTarget"
          },
          "grant": {
            "type": "array",
            "items": {
              "$ref": "#/$defs/Grant"
            }
          },
          "revoke": {
            "type": "array",
            "items": {
              "$ref": "#/$defs/Grant"
            }
          }
        },
        "required": [
          "target"
        ],
        "additionalProperties": false,
        "title": "GovernanceApplyGrantsParams",
        "description": "Grant and revoke privileges on a catalog, schema or table (the diff Rocky computed from governance/get_grants); idempotent"
      },
      "WorkspaceBinding": {
        "type": "object",
        "properties": {
          "workspace_id": {
            "type": "integer",
            "minimum": 1
          },
          "access": {
            "enum": [
              "read_write",
              "read_only"
            ]
          }
        },
        "required": [
          "workspace_id",
          "access"
        ],
        "additionalProperties": false,
        "title": "WorkspaceBinding",
        "description": "A workspace that may use an isolated catalog, and how"
      },
      "GovernanceGetBindingsParams": {
        "type": "object",
        "properties": {
          "catalog": {
            "type": "string",
            "minLength": 1
          }
        },
        "required": [
          "catalog"
        ],
        "additionalProperties": false,
        "title": "GovernanceGetBindingsParams"
      },
      "GovernanceSetBindingsParams": {
        "type": "object",
        "properties": {
          "catalog": {
            "type": "string",
            "minLength": 1
          },
          "bindings": {
            "type": "array",
            "items": {
              "$ref": "#/$defs/WorkspaceBinding"
            }
          }
        },
        "required": [
          "catalog",
          "bindings"
        ],
        "additionalProperties": false,
        "title": "GovernanceSetBindingsParams",
        "description": "Isolate a catalog and make its workspace bindings exactly these (bindings not listed are removed)"
      },
      "GovernanceBindingsResult": {
        "type": "object",
        "properties": {
          "isolated": {
            "type": "boolean"
          },
          "bindings": {
            "type": "array",
            "items": {
              "$ref": "#/$defs/WorkspaceBinding"
            }
          }
        },
        "required": [
          "isolated",
          "bindings"
        ],
        "additionalProperties": true,
        "title": "GovernanceBindingsResult",
        "description": "Whether the catalog is isolated (only bound workspaces may use it) and its bindings, by workspace id"
      },
      "ChecksRowCountsParams": {
        "type": "object",
        "properties": {
          "tables": {
            "type": "array",
            "items": {
              "$ref": "#/$defs/TableRef"
            }
          }
        },
        "required": [
          "tables"
        ],
        "additionalProperties": false,
        "title": "ChecksRowCountsParams",
        "description": "Row counts of many tables in one round trip (one UNION ALL where the warehouse allows)"
      },
      "TableRowCount": {
        "type": "object",
        "properties": {
          "catalog": {
            "type": "string"
          },
          "schema": {
            "type": "string",
            "minLength": 1
          },
          "table": {
            "type": "string",
            "minLength": 1
          },
          "row_count": {
            "type": "integer",
            "minimum": 0
          }
        },
        "required": [
          "catalog",
          "schema",
          "table",
          "row_count"
        ],
        "additionalProperties": true,
        "title": "TableRowCount"
      },
      "ChecksRowCountsResult": {
        "type": "object",
        "properties": {
          "counts": {
            "type": "array",
            "items": {
              "$ref": "#/$defs/TableRowCount"
            }
          }
        },
        "required": [
          "counts"
        ],
        "additionalProperties": true,
        "title": "ChecksRowCountsResult"
      },
      "FreshnessTarget": {
        "type": "object",
        "properties": {
          "catalog": {
            "type": "string"
          },
          "schema": {
            "type": "string",
            "minLength": 1
          },
          "table": {
            "type": "string",
            "minLength": 1
          },
          "column": {
            "type": "string",
            "minLength": 1
          }
        },
        "required": [
          "catalog",
          "schema",
          "table",
          "column"
        ],
        "additionalProperties": false,
        "title": "FreshnessTarget"
      },
      "ChecksFreshnessParams": {
        "type": "object",
        "properties": {
          "tables": {
            "type": "array",
            "items": {
              "$ref": "#/$defs/FreshnessTarget"
            }
          }
        },
        "required": [
          "tables"
        ],
        "additionalProperties": false,
        "title": "ChecksFreshnessParams",
        "description": "The latest value of a timestamp column of many tables in one round trip"
      },
      "TableFreshness": {
        "type": "object",
        "properties": {
          "catalog": {
            "type": "string"
          },
          "schema": {
            "type": "string",
            "minLength": 1
          },
          "table": {
            "type": "string",
            "minLength": 1
          },
          "column": {
            "type": "string",
            "minLength": 1
          },
          "max_value": {
            "type": [
              "string",
              "null"
            ]
          }
        },
        "required": [
          "catalog",
          "schema",
          "table",
          "column",
          "max_value"
        ],
        "additionalProperties": true,
        "title": "TableFreshness"
      },
      "ChecksFreshnessResult": {
        "type": "object",
        "properties": {
          "results": {
            "type": "array",
            "items": {
              "$ref": "#/$defs/TableFreshness"
            }
          }
        },
        "required": [
          "results"
        ],
        "additionalProperties": true,
        "title": "ChecksFreshnessResult"
      },
      "DialectWatermarkWhereParams": {
        "type": "object",
        "properties": {
          "column": {
            "type": "string",
            "minLength": 1
          }
        },
        "required": [
          "column"
        ],
        "additionalProperties": false,
        "title": "DialectWatermarkWhereParams",
        "description": "A WHERE fragment comparing `column` to one `?` placeholder bound to the watermark timestamp"
      },
      "DialectRowHashParams": {
        "type": "object",
        "properties": {
          "columns": {
            "type": "array",
            "items": {
              "type": "string",
              "minLength": 1
            },
            "minItems": 1
          }
        },
        "required": [
          "columns"
        ],
        "additionalProperties": false,
        "title": "DialectRowHashParams"
      },
      "SqlFragment": {
        "type": "object",
        "properties": {
          "sql": {
            "type": "string",
            "minLength": 1
          }
        },
        "required": [
          "sql"
        ],
        "additionalProperties": true,
        "title": "SqlFragment",
        "description": "A SQL fragment produced by the adapter's dialect"
      },
      "CancelParams": {
        "type": "object",
        "properties": {
          "id": {
            "type": [
              "integer",
              "string"
            ]
          }
        },
        "required": [
          "id"
        ],
        "additionalProperties": false,
        "title": "CancelParams",
        "description": "Notification: stop the request with this id; it answers with RequestCancelled"
      },
      "ProgressParams": {
        "type": "object",
        "properties": {
          "token": {
            "type": [
              "integer",
              "string"
            ]
          },
          "message": {
            "type": "string"
          },
          "current": {
            "type": "number"
          },
          "total": {
            "type": "number"
          }
        },
        "required": [
          "token"
        ],
        "additionalProperties": false,
        "title": "ProgressParams",
        "description": "Notification: progress of a long request. `token` is the request id"
      },
      "LogParams": {
        "type": "object",
        "properties": {
          "level": {
            "enum": [
              "trace",
              "debug",
              "info",
              "warn",
              "error"
            ]
          },
          "message": {
            "type": "string"
          },
          "fields": {
            "type": "object"
          }
        },
        "required": [
          "level",
          "message"
        ],
        "additionalProperties": false,
        "title": "LogParams",
        "description": "Notification: a log line for the host's log"
      },
      "MetricsParams": {
        "type": "object",
        "properties": {
          "counters": {
            "type": "object",
            "description": "Increments since the adapter's previous $/metrics, e.g. retries (HTTP and statement retries), rate_limited",
            "propertyNames": {
              "pattern": "^[a-z][a-z0-9_]*$"
            },
            "additionalProperties": {
              "type": "integer",
              "minimum": 0
            }
          },
          "gauges": {
            "type": "object",
            "description": "Current values, e.g. concurrency_window (the AIMD window of statements in flight)",
            "propertyNames": {
              "pattern": "^[a-z][a-z0-9_]*$"
            },
            "additionalProperties": {
              "type": "number"
            }
          }
        },
        "additionalProperties": false,
        "title": "MetricsParams",
        "description": "Notification, adapter to host: what the adapter counts and measures that the host cannot see (its retries, its concurrency window), summed and tracked per adapter in the run's metrics"
      },
      "ErrorData": {
        "type": "object",
        "properties": {
          "code": {
            "type": "string"
          },
          "retryable": {
            "type": "boolean"
          },
          "sqlstate": {
            "type": "string"
          },
          "statement_index": {
            "type": "integer",
            "minimum": 0,
            "description": "execute_batch: the index of the statement that failed"
          }
        },
        "required": [],
        "additionalProperties": true,
        "title": "ErrorData",
        "description": "`error.data` of an adapter error. `code` is a string code such as EXECUTION_FAILED"
      }
    }
  },
  "model.schema.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "model.schema.json",
    "title": "ModelConfig",
    "description": "The sidecar `<name>.toml` of a transformation model `<name>.sql`: where the model lands, how it is materialized, what it depends on",
    "type": "object",
    "properties": {
      "name": {
        "type": "string",
        "pattern": "^[a-zA-Z0-9_]+$",
        "description": "The model's name; defaults to the file stem (original Rocky key)"
      },
      "description": {
        "type": "string"
      },
      "intent": {
        "type": "string",
        "description": "What the model is for, in plain words (original Rocky key; shown by rocky compile --output json)"
      },
      "target": {
        "$ref": "#/$defs/ModelTarget"
      },
      "strategy": {
        "$ref": "#/$defs/MaterializationStrategy"
      },
      "depends_on": {
        "type": "array",
        "items": {
          "type": "string",
          "pattern": "^[a-zA-Z0-9_]+$"
        },
        "uniqueItems": true,
        "description": "Models this one depends on beyond the tables its SQL reads"
      },
      "tags": {
        "$ref": "#/$defs/ModelTags"
      },
      "group": {
        "type": "string",
        "pattern": "^[a-zA-Z0-9_-]+$",
        "description": "A config group, models/groups/NAME.toml (original Rocky key): its schema_template (filled from [args]), strategy and tags apply unless this file sets them"
      },
      "args": {
        "type": "object",
        "propertyNames": {
          "pattern": "^[a-zA-Z0-9_]+$"
        },
        "additionalProperties": {
          "type": "string",
          "pattern": "^[a-zA-Z0-9_]+$"
        },
        "description": "Values of the group's schema_template placeholders, e.g. { region = \"emea\" } for \"silver_{region}\""
      },
      "contract": {
        "$ref": "#/$defs/ContractConfig"
      },
      "sources": {
        "type": "array",
        "description": "Tables the model reads that no model builds (original Rocky [[sources]]): documentation and lineage, and a bare table name listed here is not refused as unknown",
        "items": {
          "$ref": "#/$defs/ModelSource"
        }
      },
      "tests": {
        "type": "array",
        "items": {
          "$ref": "rocky.schema.json#/$defs/AssertionConfig"
        },
        "description": "Assertions run on the model's table after each build (original Rocky [[tests]]); an error-severity failure fails the model and skips its downstream"
      }
    },
    "additionalProperties": false,
    "$defs": {
      "ModelTags": {
        "title": "ModelTags",
        "description": "Labels for --select tag:NAME. A list of names, or a table of key = \"value\" pairs as the original Rocky writes [tags] (each becomes the tag key:value)",
        "oneOf": [
          {
            "type": "array",
            "items": {
              "type": "string",
              "pattern": "^[a-zA-Z0-9_.:-]+$"
            },
            "uniqueItems": true
          },
          {
            "type": "object",
            "propertyNames": {
              "pattern": "^[a-zA-Z0-9_.-]+$"
            },
            "additionalProperties": {
              "type": "string",
              "pattern": "^[a-zA-Z0-9_.:-]+$"
            }
          }
        ]
      },
      "ModelDefaults": {
        "title": "ModelDefaults",
        "description": "`_defaults.toml` in a models directory (original Rocky): the [target] catalog and schema of the models in that directory and below, unless a nearer _defaults.toml, a group or the model's own file sets them",
        "type": "object",
        "properties": {
          "target": {
            "type": "object",
            "properties": {
              "catalog": {
                "type": "string",
                "pattern": "^[a-zA-Z0-9_]+$"
              },
              "schema": {
                "type": "string",
                "pattern": "^[a-zA-Z0-9_]+$"
              }
            },
            "additionalProperties": false
          }
        },
        "additionalProperties": false
      },
      "ModelGroup": {
        "title": "ModelGroup",
        "description": "`models/groups/NAME.toml` (original Rocky): settings shared by the models whose file says group = \"NAME\"",
        "type": "object",
        "properties": {
          "schema_template": {
            "type": "string",
            "pattern": "^([a-zA-Z0-9_]|\\{[a-zA-Z0-9_]+\\})+$",
            "description": "Target schema; {name} placeholders are filled from each model's [args]"
          },
          "catalog": {
            "type": "string",
            "pattern": "^[a-zA-Z0-9_]+$",
            "description": "Target catalog"
          },
          "strategy": {
            "$ref": "#/$defs/MaterializationStrategy"
          },
          "tags": {
            "$ref": "#/$defs/ModelTags"
          },
          "enforce": {
            "type": "boolean",
            "default": false,
            "description": "Models of the group may not set their own target schema or strategy"
          },
          "governance": {
            "type": "object",
            "description": "The original's model-level governance (tags, grants, masks); read but not applied by this version: loading warns"
          }
        },
        "additionalProperties": false
      },
      "ModelTarget": {
        "title": "ModelTarget",
        "type": "object",
        "properties": {
          "catalog": {
            "type": "string",
            "pattern": "^[a-zA-Z0-9_]+$"
          },
          "schema": {
            "type": "string",
            "pattern": "^[a-zA-Z0-9_]+$"
          },
          "table": {
            "type": "string",
            "pattern": "^[a-zA-Z0-9_]+$",
            "description": "Defaults to the model name"
          }
        },
        "additionalProperties": false,
        "description": "Where the model is built; catalog and schema default to the pipeline's [pipeline.NAME.target], table to the model name"
      },
      "MaterializationStrategy": {
        "title": "MaterializationStrategy",
        "description": "How the model's SELECT becomes a table; `type` picks the strategy (default full_refresh)",
        "oneOf": [
          {
            "$ref": "#/$defs/FullRefreshStrategy"
          },
          {
            "$ref": "#/$defs/IncrementalStrategy"
          },
          {
            "$ref": "#/$defs/MergeStrategy"
          },
          {
            "$ref": "#/$defs/MaterializedViewStrategy"
          },
          {
            "$ref": "#/$defs/DynamicTableStrategy"
          },
          {
            "$ref": "#/$defs/TimeIntervalStrategy"
          }
        ]
      },
      "FullRefreshStrategy": {
        "title": "FullRefreshStrategy",
        "type": "object",
        "required": [
          "type"
        ],
        "properties": {
          "type": {
            "const": "full_refresh"
          }
        },
        "additionalProperties": false
      },
      "IncrementalStrategy": {
        "title": "IncrementalStrategy",
        "description": "Appends the rows whose timestamp_column is beyond the last run's watermark",
        "type": "object",
        "required": [
          "type",
          "timestamp_column"
        ],
        "properties": {
          "type": {
            "const": "incremental"
          },
          "timestamp_column": {
            "type": "string",
            "pattern": "^[a-zA-Z0-9_]+$"
          }
        },
        "additionalProperties": false
      },
      "MergeStrategy": {
        "title": "MergeStrategy",
        "description": "Upserts on unique_key: matched rows are updated (all columns, or update_columns), others inserted",
        "type": "object",
        "required": [
          "type",
          "unique_key"
        ],
        "properties": {
          "type": {
            "const": "merge"
          },
          "unique_key": {
            "type": [
              "string",
              "array"
            ],
            "pattern": "^[a-zA-Z0-9_]+$",
            "items": {
              "type": "string",
              "pattern": "^[a-zA-Z0-9_]+$"
            },
            "minItems": 1,
            "uniqueItems": true
          },
          "update_columns": {
            "type": "array",
            "items": {
              "type": "string",
              "pattern": "^[a-zA-Z0-9_]+$"
            },
            "minItems": 1,
            "uniqueItems": true
          }
        },
        "additionalProperties": false
      },
      "MaterializedViewStrategy": {
        "title": "MaterializedViewStrategy",
        "description": "Databricks only",
        "type": "object",
        "required": [
          "type"
        ],
        "properties": {
          "type": {
            "const": "materialized_view"
          }
        },
        "additionalProperties": false
      },
      "DynamicTableStrategy": {
        "title": "DynamicTableStrategy",
        "description": "Snowflake only",
        "type": "object",
        "required": [
          "type",
          "target_lag",
          "warehouse"
        ],
        "properties": {
          "type": {
            "const": "dynamic_table"
          },
          "target_lag": {
            "type": "string",
            "pattern": "^([1-9][0-9]{0,5} (second|minute|hour|day)s?|DOWNSTREAM|downstream)$",
            "description": "\"<n> seconds|minutes|hours|days\" or DOWNSTREAM"
          },
          "warehouse": {
            "type": "string",
            "pattern": "^[a-zA-Z0-9_]+$"
          }
        },
        "additionalProperties": false
      },
      "TimeIntervalStrategy": {
        "title": "TimeIntervalStrategy",
        "description": "Partitioned by time_column at a granularity; the SQL filters on @start_date/@end_date, bound per partition",
        "type": "object",
        "required": [
          "type",
          "time_column",
          "granularity"
        ],
        "properties": {
          "type": {
            "const": "time_interval"
          },
          "time_column": {
            "type": "string",
            "pattern": "^[a-zA-Z0-9_]+$"
          },
          "granularity": {
            "enum": [
              "hour",
              "day",
              "month",
              "year"
            ]
          },
          "lookback": {
            "type": "integer",
            "minimum": 0,
            "default": 0,
            "description": "Also re-run this many partitions before the latest one"
          },
          "batch_size": {
            "type": "integer",
            "minimum": 1,
            "default": 1,
            "description": "Partitions per statement"
          },
          "first_partition": {
            "type": "string",
            "description": "Partition key (2024, 2024-01, 2024-01-15, 2024-01-15T13) where --missing starts"
          }
        },
        "additionalProperties": false
      },
      "ContractConfig": {
        "title": "ContractConfig",
        "description": "A contract (<name>.contract.toml, or [contract] in a model sidecar): the columns a model or replicated table must keep, checked by rocky compile and before every write",
        "type": "object",
        "properties": {
          "columns": {
            "type": "array",
            "items": {
              "$ref": "#/$defs/ContractColumn"
            }
          },
          "rules": {
            "$ref": "#/$defs/ContractRules"
          }
        },
        "additionalProperties": false
      },
      "ContractColumn": {
        "title": "ContractColumn",
        "type": "object",
        "required": [
          "name"
        ],
        "properties": {
          "name": {
            "type": "string",
            "pattern": "^[a-zA-Z0-9_]+$"
          },
          "type": {
            "type": "string",
            "minLength": 1,
            "description": "The column's type, in the warehouse's words (BIGINT, DECIMAL(18,2)) or the original Rocky's (Int64, String, Decimal(18,2)); the column may have it or a safe widening of it"
          },
          "nullable": {
            "type": "boolean",
            "description": "false: no NULL may be written (checked on the rows before they are written where the schema does not say NOT NULL)"
          },
          "description": {
            "type": "string"
          }
        },
        "additionalProperties": false
      },
      "ContractRules": {
        "title": "ContractRules",
        "type": "object",
        "properties": {
          "required": {
            "type": "array",
            "items": {
              "type": "string",
              "pattern": "^[a-zA-Z0-9_]+$"
            },
            "description": "Columns the output must have"
          },
          "protected": {
            "type": "array",
            "items": {
              "type": "string",
              "pattern": "^[a-zA-Z0-9_]+$"
            },
            "description": "Columns of the existing table that may never be dropped, nor retyped except by a safe widening"
          },
          "no_new_nullable": {
            "type": "boolean",
            "default": false,
            "description": "No nullable column that [[columns]] does not declare"
          }
        },
        "additionalProperties": false
      },
      "ModelSource": {
        "title": "ModelSource",
        "type": "object",
        "required": [
          "table"
        ],
        "properties": {
          "catalog": {
            "type": "string",
            "pattern": "^[a-zA-Z0-9_]+$"
          },
          "schema": {
            "type": "string",
            "pattern": "^[a-zA-Z0-9_]+$"
          },
          "table": {
            "type": "string",
            "pattern": "^[a-zA-Z0-9_]+$"
          }
        },
        "additionalProperties": false
      }
    }
  },
  "rocky.schema.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "rocky.schema.json",
    "title": "RockyConfig",
    "description": "rocky.toml: the adapters a project talks to, its pipelines, and where run state is kept",
    "type": "object",
    "properties": {
      "adapter": {
        "type": "object",
        "description": "One [adapter.NAME] table per adapter process",
        "propertyNames": {
          "pattern": "^[a-zA-Z0-9_-]+$"
        },
        "additionalProperties": {
          "$ref": "#/$defs/AdapterSection"
        }
      },
      "pipeline": {
        "type": "object",
        "description": "One [pipeline.NAME] table per pipeline",
        "propertyNames": {
          "pattern": "^[a-zA-Z0-9_-]+$"
        },
        "additionalProperties": {
          "$ref": "#/$defs/PipelineConfig"
        }
      },
      "state": {
        "$ref": "#/$defs/StateConfig"
      },
      "events": {
        "$ref": "#/$defs/EventsConfig"
      },
      "cache": {
        "$ref": "#/$defs/CacheConfig"
      }
    },
    "additionalProperties": false,
    "$defs": {
      "AdapterSection": {
        "title": "AdapterSection",
        "description": "An adapter: `type` and optional `command`; every other key is the adapter's own config, checked against its manifest's config_schema when it starts",
        "type": "object",
        "required": [
          "type"
        ],
        "properties": {
          "type": {
            "type": "string",
            "pattern": "^[a-zA-Z0-9_-]+$",
            "description": "Adapter type, e.g. \"duckdb\"; finds `rocky-adapter-<type>` or `rocky-<type>` on PATH, or the first-party adapter"
          },
          "command": {
            "type": "array",
            "items": {
              "type": "string",
              "minLength": 1
            },
            "minItems": 1,
            "description": "Program and arguments that start the adapter, e.g. [\"python3\", \"adapter.py\"]; run from the config file's directory"
          }
        },
        "additionalProperties": true
      },
      "PipelineConfig": {
        "title": "PipelineConfig",
        "description": "A pipeline; `type` selects its shape",
        "type": "object",
        "required": [
          "type"
        ],
        "discriminator": {
          "propertyName": "type"
        },
        "oneOf": [
          {
            "$ref": "#/$defs/ReplicationPipelineConfig"
          },
          {
            "$ref": "#/$defs/TransformationPipelineConfig"
          }
        ]
      },
      "ReplicationPipelineConfig": {
        "title": "ReplicationPipelineConfig",
        "description": "Copies every landed source table matching `source.schema_pattern` into the target warehouse",
        "type": "object",
        "required": [
          "type",
          "source",
          "target"
        ],
        "properties": {
          "type": {
            "const": "replication"
          },
          "source": {
            "$ref": "#/$defs/ReplicationSourceConfig"
          },
          "target": {
            "$ref": "#/$defs/ReplicationTargetConfig"
          },
          "strategy": {
            "enum": [
              "incremental",
              "full_refresh"
            ],
            "default": "incremental",
            "description": "\"incremental\" copies rows newer than the stored watermark; \"full_refresh\" recreates each table every run"
          },
          "timestamp_column": {
            "type": "string",
            "pattern": "^[a-zA-Z0-9_]+$",
            "default": "_fivetran_synced",
            "description": "Column whose maximum is the table's watermark; tables without it are fully refreshed"
          },
          "metadata_columns": {
            "type": "array",
            "items": {
              "$ref": "#/$defs/MetadataColumnConfig"
            },
            "description": "Columns added to every copied row, e.g. { name = \"_loaded_at\", type = \"timestamp\", value = \"load_time\" }"
          },
          "tables": {
            "$ref": "#/$defs/TableFilterConfig"
          },
          "on_schema_drift": {
            "enum": [
              "add_columns",
              "full_refresh"
            ],
            "default": "add_columns",
            "description": "When a source column is missing in the target: add it (\"add_columns\") or recreate the table (\"full_refresh\"). Type changes and dropped columns: on_drift and drop_grace_period"
          },
          "on_drift": {
            "enum": [
              "refresh",
              "fail",
              "ignore"
            ],
            "default": "refresh",
            "description": "When a source column's type changed in a way the target cannot take by a safe widening: recreate the table from the source (\"refresh\"), fail the table before writing (\"fail\"), or keep the target's type (\"ignore\": the warehouse converts each copied value, or the copy fails without writing)"
          },
          "drop_grace_period": {
            "type": "string",
            "pattern": "^[0-9]+(s|m|h|d)$",
            "default": "7d",
            "description": "How long a column dropped from the source stays in the target (NULL in new rows) before it is dropped there too, e.g. \"7d\", \"12h\", \"0s\""
          },
          "contracts": {
            "type": "string",
            "minLength": 1,
            "description": "Directory of contracts, relative to rocky.toml: <table>.contract.toml applies to every target table of that name, <schema>.<table>.contract.toml to that one only"
          },
          "depends_on": {
            "type": "array",
            "items": {
              "type": "string",
              "pattern": "^[a-zA-Z0-9_-]+$"
            },
            "uniqueItems": true,
            "description": "Pipelines this one reads from: they run first, and when one of them fails or is skipped in the same run this pipeline is skipped (it would build on partial data)"
          },
          "concurrency": {
            "type": "integer",
            "minimum": 1,
            "maximum": 256,
            "default": 4,
            "description": "Tables copied at once"
          },
          "checks": {
            "$ref": "#/$defs/ChecksConfig"
          }
        },
        "additionalProperties": false
      },
      "ChecksConfig": {
        "title": "ChecksConfig",
        "description": "Data checks run on each replicated table after its copy (original Rocky [pipeline.X.checks]). An error-severity failure fails the table, and models reading it are skipped",
        "type": "object",
        "properties": {
          "enabled": {
            "type": "boolean",
            "default": true,
            "description": "false turns every check of the pipeline off (the original's default was false; here declaring the section is enough)"
          },
          "fail_on_error": {
            "type": "boolean",
            "default": true,
            "description": "false reports error-severity failures without failing the table"
          },
          "row_count": {
            "description": "Source and target row counts agree: true, or { tolerance_pct, severity }",
            "oneOf": [
              {
                "type": "boolean"
              },
              {
                "$ref": "#/$defs/RowCountCheckConfig"
              }
            ]
          },
          "column_match": {
            "description": "Every source column is in the target: true, or { severity }",
            "oneOf": [
              {
                "type": "boolean"
              },
              {
                "type": "object",
                "properties": {
                  "severity": {
                    "enum": [
                      "error",
                      "warning",
                      "warn"
                    ],
                    "description": "error fails the table or model and skips what reads it; warning (or warn) only reports"
                  }
                },
                "additionalProperties": false
              }
            ]
          },
          "freshness": {
            "$ref": "#/$defs/FreshnessCheckConfig"
          },
          "null_rate": {
            "$ref": "#/$defs/NullRateCheckConfig"
          },
          "custom": {
            "type": "array",
            "items": {
              "$ref": "#/$defs/CustomCheckConfig"
            }
          },
          "anomaly_threshold_pct": {
            "type": "number",
            "minimum": 0,
            "default": 50,
            "description": "Flag (as a warning) a row count more than this percentage away from the average of the table's recent counts; 0 turns it off"
          },
          "assertions": {
            "type": "array",
            "items": {
              "$ref": "#/$defs/AssertionConfig"
            },
            "description": "dbt-like assertions on the target tables"
          }
        },
        "additionalProperties": false
      },
      "RowCountCheckConfig": {
        "title": "RowCountCheckConfig",
        "type": "object",
        "properties": {
          "tolerance_pct": {
            "type": "number",
            "minimum": 0,
            "maximum": 100,
            "default": 0,
            "description": "Largest difference allowed, in percent of the source count"
          },
          "severity": {
            "enum": [
              "error",
              "warning",
              "warn"
            ],
            "description": "error fails the table or model and skips what reads it; warning (or warn) only reports"
          }
        },
        "additionalProperties": false
      },
      "FreshnessCheckConfig": {
        "title": "FreshnessCheckConfig",
        "description": "The newest timestamp of each table is at most threshold_seconds old",
        "type": "object",
        "required": [
          "threshold_seconds"
        ],
        "properties": {
          "threshold_seconds": {
            "type": "integer",
            "minimum": 1
          },
          "column": {
            "type": "string",
            "pattern": "^[a-zA-Z0-9_]+$",
            "description": "The timestamp column; defaults to the pipeline's timestamp_column. Tables without it are not checked"
          },
          "overrides": {
            "type": "object",
            "additionalProperties": {
              "type": "integer",
              "minimum": 1
            },
            "description": "threshold_seconds per table name (or glob)"
          },
          "severity": {
            "enum": [
              "error",
              "warning",
              "warn"
            ],
            "description": "Default warning: freshness is advisory in the original Rocky"
          }
        },
        "additionalProperties": false
      },
      "NullRateCheckConfig": {
        "title": "NullRateCheckConfig",
        "description": "The share of NULLs in each column is at most threshold",
        "type": "object",
        "required": [
          "columns",
          "threshold"
        ],
        "properties": {
          "columns": {
            "type": "array",
            "minItems": 1,
            "items": {
              "type": "string",
              "pattern": "^[a-zA-Z0-9_]+$"
            }
          },
          "threshold": {
            "type": "number",
            "minimum": 0,
            "maximum": 1
          },
          "sample_percent": {
            "type": "number",
            "exclusiveMinimum": 0,
            "maximum": 100,
            "default": 10,
            "description": "Percentage of rows sampled with TABLESAMPLE where the adapter declares it (100: every row)"
          },
          "severity": {
            "enum": [
              "error",
              "warning",
              "warn"
            ],
            "description": "error fails the table or model and skips what reads it; warning (or warn) only reports"
          },
          "tables": {
            "type": "array",
            "items": {
              "type": "string",
              "minLength": 1
            },
            "description": "Only tables whose name matches one of these (`*` any run of characters, `?` one); every table by default"
          }
        },
        "additionalProperties": false
      },
      "CustomCheckConfig": {
        "title": "CustomCheckConfig",
        "description": "A query returning the offending rows: it passes when it returns at most threshold rows. {target}, {catalog}, {schema} and {table} are replaced by the checked table's quoted names",
        "type": "object",
        "required": [
          "name",
          "sql"
        ],
        "properties": {
          "name": {
            "type": "string",
            "pattern": "^[a-zA-Z0-9_]+$"
          },
          "sql": {
            "type": "string",
            "minLength": 1
          },
          "threshold": {
            "type": "integer",
            "minimum": 0,
            "default": 0
          },
          "severity": {
            "enum": [
              "error",
              "warning",
              "warn"
            ],
            "description": "error fails the table or model and skips what reads it; warning (or warn) only reports"
          },
          "tables": {
            "type": "array",
            "items": {
              "type": "string",
              "minLength": 1
            },
            "description": "Only tables whose name matches one of these (`*` any run of characters, `?` one); every table by default"
          }
        },
        "additionalProperties": false
      },
      "AssertionConfig": {
        "title": "AssertionConfig",
        "description": "A dbt-like assertion on a table: it passes when no row breaks it (row_count_range: when the count is within min..max)",
        "type": "object",
        "required": [
          "type"
        ],
        "properties": {
          "type": {
            "enum": [
              "not_null",
              "unique",
              "accepted_values",
              "relationships",
              "expression",
              "row_count_range",
              "in_range",
              "not_in_future",
              "unique_expr",
              "composite",
              "regex_match",
              "aggregate",
              "older_than_n_days"
            ]
          },
          "name": {
            "type": "string",
            "pattern": "^[a-zA-Z0-9_]+$",
            "description": "Shown in results; defaults to <type>_<column>"
          },
          "column": {
            "type": "string",
            "pattern": "^[a-zA-Z0-9_]+$"
          },
          "columns": {
            "type": "array",
            "minItems": 1,
            "items": {
              "type": "string",
              "pattern": "^[a-zA-Z0-9_]+$"
            },
            "description": "unique: a composite key"
          },
          "values": {
            "type": "array",
            "minItems": 1,
            "items": {
              "type": [
                "string",
                "number",
                "boolean"
              ]
            },
            "description": "accepted_values"
          },
          "to_table": {
            "type": "string",
            "pattern": "^[a-zA-Z0-9_]+(\\.[a-zA-Z0-9_]+){0,2}$",
            "description": "relationships: [catalog.][schema.]table; missing parts are the checked table's"
          },
          "to_column": {
            "type": "string",
            "pattern": "^[a-zA-Z0-9_]+$",
            "description": "relationships: defaults to column"
          },
          "expression": {
            "type": "string",
            "minLength": 1,
            "description": "expression: a SQL condition every row satisfies"
          },
          "min": {
            "type": "number"
          },
          "max": {
            "type": "number"
          },
          "filter": {
            "type": "string",
            "minLength": 1,
            "description": "A SQL condition: only these rows are checked"
          },
          "key_expr": {
            "type": "string",
            "minLength": 1,
            "description": "unique_expr: a SQL expression whose value no two rows share"
          },
          "kind": {
            "const": "unique",
            "description": "composite: the only kind the original offers, a unique key over `columns`"
          },
          "pattern": {
            "type": "string",
            "minLength": 1,
            "description": "regex_match: a regular expression every non-NULL value matches (the warehouse's regex dialect)"
          },
          "op": {
            "enum": [
              "sum",
              "count",
              "avg",
              "min",
              "max"
            ],
            "description": "aggregate: the aggregate of `column`"
          },
          "cmp": {
            "enum": [
              "lt",
              "lte",
              "gt",
              "gte",
              "eq",
              "ne"
            ],
            "description": "aggregate: how it compares with `value`"
          },
          "value": {
            "type": "number",
            "description": "aggregate: the number it is compared with"
          },
          "days": {
            "type": "integer",
            "minimum": 0,
            "description": "older_than_n_days: every value is at least this many days old"
          },
          "severity": {
            "enum": [
              "error",
              "warning",
              "warn"
            ],
            "description": "error fails the table or model and skips what reads it; warning (or warn) only reports"
          },
          "tables": {
            "type": "array",
            "items": {
              "type": "string",
              "minLength": 1
            },
            "description": "Only tables whose name matches one of these (`*` any run of characters, `?` one); every table by default"
          }
        },
        "allOf": [
          {
            "if": {
              "properties": {
                "type": {
                  "const": "not_null"
                }
              },
              "required": [
                "type"
              ]
            },
            "then": {
              "required": [
                "column"
              ]
            }
          },
          {
            "if": {
              "properties": {
                "type": {
                  "const": "unique"
                }
              },
              "required": [
                "type"
              ]
            },
            "then": {
              "required": []
            }
          },
          {
            "if": {
              "properties": {
                "type": {
                  "const": "accepted_values"
                }
              },
              "required": [
                "type"
              ]
            },
            "then": {
              "required": [
                "column",
                "values"
              ]
            }
          },
          {
            "if": {
              "properties": {
                "type": {
                  "const": "relationships"
                }
              },
              "required": [
                "type"
              ]
            },
            "then": {
              "required": [
                "column",
                "to_table"
              ]
            }
          },
          {
            "if": {
              "properties": {
                "type": {
                  "const": "expression"
                }
              },
              "required": [
                "type"
              ]
            },
            "then": {
              "required": [
                "expression"
              ]
            }
          },
          {
            "if": {
              "properties": {
                "type": {
                  "const": "in_range"
                }
              },
              "required": [
                "type"
              ]
            },
            "then": {
              "required": [
                "column"
              ]
            }
          },
          {
            "if": {
              "properties": {
                "type": {
                  "const": "not_in_future"
                }
              },
              "required": [
                "type"
              ]
            },
            "then": {
              "required": [
                "column"
              ]
            }
          },
          {
            "if": {
              "properties": {
                "type": {
                  "const": "unique_expr"
                }
              },
              "required": [
                "type"
              ]
            },
            "then": {
              "required": [
                "key_expr"
              ]
            }
          },
          {
            "if": {
              "properties": {
                "type": {
                  "const": "composite"
                }
              },
              "required": [
                "type"
              ]
            },
            "then": {
              "required": [
                "kind",
                "columns"
              ],
              "properties": {
                "columns": {
                  "minItems": 2
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "type": {
                  "const": "regex_match"
                }
              },
              "required": [
                "type"
              ]
            },
            "then": {
              "required": [
                "column",
                "pattern"
              ]
            }
          },
          {
            "if": {
              "properties": {
                "type": {
                  "const": "aggregate"
                }
              },
              "required": [
                "type"
              ]
            },
            "then": {
              "required": [
                "column",
                "op",
                "cmp",
                "value"
              ]
            }
          },
          {
            "if": {
              "properties": {
                "type": {
                  "const": "older_than_n_days"
                }
              },
              "required": [
                "type"
              ]
            },
            "then": {
              "required": [
                "column",
                "days"
              ]
            }
          }
        ],
        "additionalProperties": false
      },
      "ReplicationSourceConfig": {
        "title": "ReplicationSourceConfig",
        "description": "Where landed schemas are discovered",
        "type": "object",
        "required": [
          "adapter",
          "schema_pattern"
        ],
        "properties": {
          "adapter": {
            "type": "string",
            "description": "Name of an [adapter.NAME] with the discovery capability"
          },
          "catalog": {
            "type": "string",
            "pattern": "^[a-zA-Z0-9_]+$",
            "description": "Catalog holding the landed schemas; defaults to what discovery reports"
          },
          "schema_pattern": {
            "$ref": "#/$defs/SchemaPatternConfig"
          }
        },
        "additionalProperties": false
      },
      "SchemaPatternConfig": {
        "title": "SchemaPatternConfig",
        "description": "How a source schema name splits into components, e.g. src__acme__us_west__shopify with prefix \"src__\", separator \"__\", components [\"tenant\", \"regions...\", \"connector\"]",
        "type": "object",
        "required": [
          "prefix",
          "separator",
          "components"
        ],
        "properties": {
          "prefix": {
            "type": "string",
            "description": "Literal start of every matching schema name"
          },
          "separator": {
            "type": "string",
            "minLength": 1,
            "description": "Separator between components"
          },
          "components": {
            "type": "array",
            "minItems": 1,
            "items": {
              "type": "string",
              "pattern": "^[a-zA-Z_][a-zA-Z0-9_]*(\\.\\.\\.)?$"
            },
            "description": "Component names in order; at most one ends in \"...\" and takes every middle part"
          }
        },
        "additionalProperties": false
      },
      "ReplicationTargetConfig": {
        "title": "ReplicationTargetConfig",
        "description": "Where copies go; templates use {component} placeholders",
        "type": "object",
        "required": [
          "adapter",
          "schema_template"
        ],
        "properties": {
          "adapter": {
            "type": "string",
            "description": "Name of an [adapter.NAME] with the warehouse capability"
          },
          "catalog_template": {
            "type": "string",
            "minLength": 1,
            "description": "Target catalog, e.g. \"{tenant}_warehouse\""
          },
          "schema_template": {
            "type": "string",
            "minLength": 1,
            "description": "Target schema, e.g. \"staging__{regions}__{connector}\""
          },
          "governance": {
            "$ref": "#/$defs/GovernanceConfig"
          }
        },
        "additionalProperties": false
      },
      "MetadataColumnConfig": {
        "title": "MetadataColumnConfig",
        "description": "A column added to every copied row; `value` is generated, never SQL",
        "type": "object",
        "required": [
          "name",
          "value"
        ],
        "properties": {
          "name": {
            "type": "string",
            "pattern": "^[a-zA-Z0-9_]+$"
          },
          "type": {
            "enum": [
              "string",
              "timestamp"
            ],
            "description": "Column type; load_time is a timestamp, the rest strings by default"
          },
          "value": {
            "description": "One of \"load_time\", \"source_schema\", \"source_table\", \"source_catalog\", \"run_id\", \"pipeline\", or { literal = \"text\" }",
            "oneOf": [
              {
                "enum": [
                  "load_time",
                  "source_schema",
                  "source_table",
                  "source_catalog",
                  "run_id",
                  "pipeline"
                ]
              },
              {
                "type": "object",
                "required": [
                  "literal"
                ],
                "properties": {
                  "literal": {
                    "type": "string"
                  }
                },
                "additionalProperties": false
              }
            ]
          }
        },
        "additionalProperties": false
      },
      "TableFilterConfig": {
        "title": "TableFilterConfig",
        "description": "Table-name filters; `*` matches any run of characters, `?` one character",
        "type": "object",
        "properties": {
          "include": {
            "type": "array",
            "items": {
              "type": "string",
              "minLength": 1
            },
            "description": "Copy only tables matching one of these (default: all)"
          },
          "exclude": {
            "type": "array",
            "items": {
              "type": "string",
              "minLength": 1
            },
            "description": "Never copy tables matching one of these"
          }
        },
        "additionalProperties": false
      },
      "TransformationPipelineConfig": {
        "title": "TransformationPipelineConfig",
        "description": "Builds the SQL models in `models` into the target warehouse",
        "type": "object",
        "required": [
          "type",
          "target"
        ],
        "properties": {
          "type": {
            "const": "transformation"
          },
          "models": {
            "type": "string",
            "minLength": 1,
            "default": "models",
            "description": "Directory of models, relative to rocky.toml"
          },
          "contracts": {
            "type": "string",
            "minLength": 1,
            "default": "contracts",
            "description": "Directory of model contracts <model>.contract.toml, relative to rocky.toml (the original Rocky's contracts/); a <model>.contract.toml beside the model's .sql, or a [contract] table in its sidecar, count too"
          },
          "target": {
            "$ref": "#/$defs/TransformationTargetConfig"
          },
          "depends_on": {
            "type": "array",
            "items": {
              "type": "string",
              "pattern": "^[a-zA-Z0-9_-]+$"
            },
            "uniqueItems": true,
            "description": "Pipelines this one reads from: they run first, and when one of them fails or is skipped in the same run this pipeline is skipped (it would build on partial data)"
          },
          "concurrency": {
            "type": "integer",
            "minimum": 1,
            "maximum": 256,
            "default": 4,
            "description": "Models built at once"
          }
        },
        "additionalProperties": false
      },
      "TransformationTargetConfig": {
        "title": "TransformationTargetConfig",
        "description": "Where models are built",
        "type": "object",
        "required": [
          "adapter"
        ],
        "properties": {
          "adapter": {
            "type": "string",
            "description": "Name of an [adapter.NAME] with the warehouse capability"
          },
          "catalog": {
            "type": "string",
            "pattern": "^[a-zA-Z0-9_]+$",
            "description": "Default catalog of models"
          },
          "schema": {
            "type": "string",
            "pattern": "^[a-zA-Z0-9_]+$",
            "description": "Default schema of models"
          },
          "governance": {
            "$ref": "#/$defs/GovernanceConfig"
          }
        },
        "additionalProperties": false
      },
      "GovernanceConfig": {
        "title": "GovernanceConfig",
        "description": "[pipeline.X.target.governance]: lifecycle, tags, grants and workspace isolation of the pipeline's target catalogs and schemas (the original Rocky's keys), applied in its order: create catalog, catalog tags, workspace bindings, catalog grants, create schema, schema tags, schema grants; tables are tagged after their copy",
        "type": "object",
        "properties": {
          "auto_create_catalogs": {
            "type": "boolean",
            "description": "true: create every target catalog (refused at plan time on an adapter without create_catalog); false: never, they must exist. Unset: created where the adapter declares create_catalog (Rocky's behaviour before this key)"
          },
          "auto_create_schemas": {
            "type": "boolean",
            "description": "true: create every target schema (refused at plan time on an adapter without create_schema); false: never, they must exist. Unset: always created, by schema/create or CREATE SCHEMA IF NOT EXISTS (Rocky's behaviour before this key)"
          },
          "tag_prefix": {
            "type": "string",
            "description": "Prepended to every key of `tags`, e.g. \"rocky_\""
          },
          "tags": {
            "type": "object",
            "additionalProperties": {
              "type": "string"
            },
            "description": "Tags set on every target catalog, schema and table, e.g. { managed_by = \"rocky\" }; no ' ; -- /* */ or line breaks"
          },
          "grants": {
            "type": "array",
            "items": {
              "$ref": "#/$defs/GrantConfig"
            },
            "description": "Privileges on every target catalog, applied as a diff against what the warehouse reports"
          },
          "schema_grants": {
            "type": "array",
            "items": {
              "$ref": "#/$defs/GrantConfig"
            },
            "description": "Privileges on every target schema, applied as a diff against what the warehouse reports"
          },
          "revoke_unlisted": {
            "type": "boolean",
            "default": false,
            "description": "false: Rocky revokes only privileges of the principals listed at that level; true: also every privilege of any other principal (never ownership)"
          },
          "isolation": {
            "$ref": "#/$defs/IsolationConfig"
          }
        },
        "additionalProperties": false
      },
      "GrantConfig": {
        "title": "GrantConfig",
        "description": "A principal (user, group or service principal) and exactly the privileges it should hold",
        "type": "object",
        "required": [
          "principal",
          "permissions"
        ],
        "properties": {
          "principal": {
            "type": "string",
            "minLength": 1,
            "description": "Letters, digits, space, _ - . @"
          },
          "permissions": {
            "type": "array",
            "items": {
              "type": "string",
              "minLength": 1
            },
            "description": "Privileges such as \"USE CATALOG\", \"USE_SCHEMA\", \"SELECT\""
          }
        },
        "additionalProperties": false
      },
      "IsolationConfig": {
        "title": "IsolationConfig",
        "description": "Workspace-catalog binding: an isolated catalog is usable only from the workspaces bound to it",
        "type": "object",
        "properties": {
          "enabled": {
            "type": "boolean",
            "default": false
          },
          "workspace_ids": {
            "type": "array",
            "items": {
              "$ref": "#/$defs/WorkspaceBindingConfig"
            },
            "description": "The catalog's bindings become exactly these"
          }
        },
        "additionalProperties": false
      },
      "WorkspaceBindingConfig": {
        "title": "WorkspaceBindingConfig",
        "type": "object",
        "required": [
          "id"
        ],
        "properties": {
          "id": {
            "type": "integer",
            "minimum": 1,
            "description": "Workspace id"
          },
          "binding_type": {
            "enum": [
              "READ_WRITE",
              "READ_ONLY"
            ],
            "default": "READ_WRITE"
          }
        },
        "additionalProperties": false
      },
      "EventsConfig": {
        "title": "EventsConfig",
        "description": "Where `rocky run` publishes its lifecycle events as they happen (schemas/output/event.schema.json), besides --events FILE",
        "type": "object",
        "properties": {
          "valkey_url": {
            "type": "string",
            "pattern": "^(redis|rediss|valkey|valkeys)://",
            "description": "Publish each event to a Valkey/Redis pub/sub channel, in order"
          },
          "channel": {
            "type": "string",
            "minLength": 1,
            "default": "rocky:events",
            "description": "The pub/sub channel"
          }
        },
        "additionalProperties": false
      },
      "StateConfig": {
        "title": "StateConfig",
        "description": "Where watermarks and run history are kept",
        "type": "object",
        "properties": {
          "path": {
            "type": "string",
            "minLength": 1,
            "default": ".rocky/state",
            "description": "Directory of the state database, relative to rocky.toml"
          },
          "backend": {
            "enum": [
              "local",
              "s3",
              "valkey",
              "tiered"
            ],
            "default": "local",
            "description": "Where the state follows the project between machines: downloaded before each run, uploaded after it, conditional on the version downloaded, under a run lease. tiered: Valkey for the lease and the compare-and-swap, S3 as the durable copy"
          },
          "s3_bucket": {
            "type": "string",
            "minLength": 1,
            "description": "s3 and tiered: the bucket"
          },
          "s3_prefix": {
            "type": "string",
            "default": "rocky/state/",
            "description": "s3 and tiered: key prefix of the state objects"
          },
          "s3_endpoint": {
            "type": "string",
            "description": "s3 and tiered: an S3-compatible endpoint URL (default: AWS, from the environment)"
          },
          "s3_region": {
            "type": "string",
            "description": "s3 and tiered: the region (default: AWS_REGION, else us-east-1)"
          },
          "s3_force_path_style": {
            "type": "boolean",
            "default": false,
            "description": "s3 and tiered: address the bucket in the path (most S3-compatible servers), not the host name"
          },
          "valkey_url": {
            "type": "string",
            "pattern": "^(redis|rediss|valkey|valkeys)://",
            "description": "valkey and tiered: redis://host:port/db"
          },
          "valkey_prefix": {
            "type": "string",
            "default": "rocky:state:",
            "description": "valkey and tiered: key prefix"
          },
          "transfer_timeout_seconds": {
            "type": "integer",
            "minimum": 1,
            "default": 300,
            "description": "Deadline of each download and upload"
          },
          "lease_ttl_seconds": {
            "type": "integer",
            "minimum": 5,
            "default": 120,
            "description": "A run's lease on the remote state expires this long after its holder stops renewing it (a runner that died)"
          },
          "on_upload_failure": {
            "enum": [
              "fail",
              "skip"
            ],
            "default": "fail",
            "description": "fail: the run exits non-zero; skip: a warning. Either way the local state is kept and the next run uploads it first"
          },
          "concurrency_control": {
            "enum": [
              "cas",
              "off"
            ],
            "default": "cas",
            "description": "cas: uploads conditional on the downloaded version, and a run lease; off: last writer wins (only for S3 servers that do not enforce conditional writes, and one runner)"
          }
        },
        "additionalProperties": false
      },
      "CacheConfig": {
        "title": "CacheConfig",
        "description": "The host's cache of adapters' discovery and metadata answers: in-process LRU, then Valkey/Redis shared by every runner, then the adapter itself",
        "type": "object",
        "properties": {
          "enabled": {
            "type": "boolean",
            "default": true,
            "description": "false turns every tier off, as --no-cache does"
          },
          "valkey_url": {
            "type": "string",
            "pattern": "^(redis|rediss|valkey|valkeys)://",
            "description": "Valkey or Redis server shared by runners (tier 2), e.g. redis://127.0.0.1:6379/0; without it only the in-process tier is used"
          },
          "key_prefix": {
            "type": "string",
            "default": "rocky:cache:",
            "description": "Prefix of every key written to Valkey"
          },
          "lock_lease_seconds": {
            "type": "integer",
            "minimum": 1,
            "default": 30,
            "description": "Lease of the lock that lets one runner ask the adapter while the others wait; renewed while its holder lives, so a dead holder's lock expires within this long"
          },
          "max_entries": {
            "type": "integer",
            "minimum": 1,
            "default": 10000,
            "description": "Entries kept by the in-process tier"
          },
          "schemas": {
            "$ref": "#/$defs/CacheSchemasConfig"
          },
          "discovery": {
            "$ref": "#/$defs/CacheDiscoveryConfig"
          }
        },
        "additionalProperties": false
      },
      "CacheSchemasConfig": {
        "title": "CacheSchemasConfig",
        "description": "describe_table answers about source tables (the original Rocky's [cache.schemas])",
        "type": "object",
        "properties": {
          "enabled": {
            "type": "boolean",
            "default": true,
            "description": "Cache this kind of answer"
          },
          "ttl_seconds": {
            "type": "integer",
            "minimum": 1,
            "default": 86400,
            "description": "How long an answer is served before the adapter is asked again; --cache-ttl overrides"
          },
          "replicate": {
            "type": "boolean",
            "default": false,
            "description": "Accepted for compatibility with the original Rocky (which copies its schema cache with the state); here every kind is shared through Valkey when valkey_url is set"
          }
        },
        "additionalProperties": false
      },
      "CacheDiscoveryConfig": {
        "title": "CacheDiscoveryConfig",
        "description": "discovery/list answers of source adapters",
        "type": "object",
        "properties": {
          "enabled": {
            "type": "boolean",
            "default": true,
            "description": "Cache this kind of answer"
          },
          "ttl_seconds": {
            "type": "integer",
            "minimum": 1,
            "default": 600,
            "description": "How long an answer is served before the adapter is asked again; --cache-ttl overrides"
          },
          "replicate": {
            "type": "boolean",
            "default": false,
            "description": "Accepted for compatibility with the original Rocky (which copies its schema cache with the state); here every kind is shared through Valkey when valkey_url is set"
          }
        },
        "additionalProperties": false
      }
    }
  },
  "adapter-info.schema.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "adapter-info.schema.json",
    "title": "AdapterInfoOutput",
    "description": "`rocky adapter info NAME --output json`: the adapter `type = \"NAME\"` starts, and its manifest",
    "type": "object",
    "required": [
      "command",
      "status",
      "name",
      "path",
      "origin",
      "protocol_version",
      "legacy_protocol",
      "manifest"
    ],
    "properties": {
      "command": {
        "const": "adapter info"
      },
      "status": {
        "const": "succeeded"
      },
      "name": {
        "type": "string"
      },
      "path": {
        "type": "string"
      },
      "origin": {
        "enum": [
          "path",
          "builtin"
        ]
      },
      "protocol_version": {
        "type": "integer"
      },
      "legacy_protocol": {
        "type": "boolean"
      },
      "manifest": {
        "$ref": "manifest.schema.json"
      }
    },
    "additionalProperties": false
  },
  "adapter-list.schema.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "adapter-list.schema.json",
    "title": "AdapterListOutput",
    "description": "`rocky adapter list --output json`: every rocky-adapter-* and rocky-* executable on PATH and every first-party adapter, each started, initialized with an empty config and stopped",
    "type": "object",
    "required": [
      "command",
      "status",
      "adapters"
    ],
    "properties": {
      "command": {
        "const": "adapter list"
      },
      "status": {
        "enum": [
          "succeeded",
          "failed"
        ],
        "description": "succeeded once every candidate was tried, even when some failed (see each one's error)"
      },
      "adapters": {
        "type": "array",
        "items": {
          "$ref": "#/$defs/ListedAdapter"
        },
        "description": "Sorted by name; for each name the one `rocky run` would start comes first"
      }
    },
    "additionalProperties": false,
    "$defs": {
      "ListedAdapter": {
        "title": "ListedAdapter",
        "type": "object",
        "required": [
          "name",
          "program",
          "path",
          "origin",
          "used",
          "version",
          "dialect",
          "protocol_version",
          "legacy_protocol",
          "error"
        ],
        "properties": {
          "name": {
            "type": "string",
            "description": "The adapter type it serves: rocky-adapter-<name> or rocky-<name>, or the first-party adapters/<name>"
          },
          "program": {
            "type": "string",
            "description": "The executable's file name, or adapters/<name> for a first-party adapter"
          },
          "path": {
            "type": "string",
            "description": "Absolute path of what runs"
          },
          "origin": {
            "enum": [
              "path",
              "builtin"
            ]
          },
          "used": {
            "type": "boolean",
            "description": "Whether `type = \"<name>\"` without a command starts this one"
          },
          "version": {
            "type": [
              "string",
              "null"
            ],
            "description": "The manifest's version; null when it failed"
          },
          "dialect": {
            "type": [
              "string",
              "null"
            ]
          },
          "protocol_version": {
            "type": [
              "integer",
              "null"
            ],
            "description": "The protocol version it picked in initialize"
          },
          "legacy_protocol": {
            "type": [
              "boolean",
              "null"
            ],
            "description": "True when it answered initialize the original-protocol way"
          },
          "error": {
            "oneOf": [
              {
                "type": "null"
              },
              {
                "$ref": "error.schema.json#/$defs/CommandError"
              }
            ],
            "description": "Why it could not be started or initialized"
          }
        },
        "additionalProperties": false
      }
    }
  },
  "check.schema.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "check.schema.json",
    "title": "CheckOutput",
    "description": "`rocky check --output json`: the checks of replication pipelines and the [[tests]] of models, run on what the warehouse holds now, without copying or building anything",
    "type": "object",
    "required": [
      "command",
      "status",
      "duration_ms",
      "checks"
    ],
    "properties": {
      "command": {
        "const": "check"
      },
      "status": {
        "enum": [
          "succeeded",
          "failed"
        ],
        "description": "failed when an error-severity check failed"
      },
      "duration_ms": {
        "type": "integer",
        "minimum": 0
      },
      "checks": {
        "type": "array",
        "items": {
          "$ref": "run.schema.json#/$defs/CheckResult"
        }
      }
    },
    "additionalProperties": false
  },
  "compile.schema.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "compile.schema.json",
    "title": "CompileOutput",
    "description": "`rocky compile --output json`: the models found, their dependency order, and every diagnostic",
    "type": "object",
    "required": [
      "command",
      "status",
      "ok",
      "models",
      "order",
      "diagnostics"
    ],
    "properties": {
      "status": {
        "enum": [
          "succeeded",
          "failed"
        ],
        "description": "The envelope every command's JSON carries: command, status, and error when it failed (error.schema.json)"
      },
      "command": {
        "const": "compile"
      },
      "ok": {
        "type": "boolean",
        "description": "False when any diagnostic is an error"
      },
      "dialect": {
        "type": "string"
      },
      "models": {
        "type": "array",
        "items": {
          "$ref": "#/$defs/CompiledModel"
        }
      },
      "order": {
        "type": "array",
        "items": {
          "type": "string"
        },
        "description": "Model names in dependency order; empty when the graph has errors"
      },
      "diagnostics": {
        "type": "array",
        "items": {
          "$ref": "diagnostic.schema.json"
        }
      }
    },
    "additionalProperties": false,
    "$defs": {
      "CompiledModel": {
        "title": "CompiledModel",
        "type": "object",
        "required": [
          "name",
          "sql_file",
          "config_file",
          "target",
          "strategy",
          "depends_on",
          "sources",
          "tags"
        ],
        "properties": {
          "name": {
            "type": "string"
          },
          "pipeline": {
            "type": "string"
          },
          "sql_file": {
            "type": "string"
          },
          "config_file": {
            "type": "string"
          },
          "target": {
            "$ref": "#/$defs/ModelTargetName"
          },
          "strategy": {
            "enum": [
              "full_refresh",
              "incremental",
              "merge",
              "materialized_view",
              "dynamic_table",
              "time_interval"
            ]
          },
          "depends_on": {
            "type": "array",
            "items": {
              "type": "string"
            },
            "description": "Upstream models, from the SQL and from depends_on"
          },
          "sources": {
            "type": "array",
            "items": {
              "type": "string"
            },
            "description": "Tables the SQL reads that no model produces, as written"
          },
          "tags": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "intent": {
            "type": "string",
            "description": "The sidecar's intent, when it has one"
          }
        },
        "additionalProperties": false
      },
      "ModelTargetName": {
        "title": "ModelTargetName",
        "type": "object",
        "required": [
          "schema",
          "table"
        ],
        "properties": {
          "catalog": {
            "type": "string"
          },
          "schema": {
            "type": "string"
          },
          "table": {
            "type": "string"
          }
        },
        "additionalProperties": false
      }
    }
  },
  "diagnostic.schema.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "diagnostic.schema.json",
    "title": "Diagnostic",
    "description": "One problem found while loading or checking a project, reported with the others once loading is done",
    "type": "object",
    "required": [
      "code",
      "severity",
      "message"
    ],
    "properties": {
      "code": {
        "type": "string",
        "description": "A RockyError code, e.g. MODEL_INVALID, MODEL_SQL_INVALID, DAG_CYCLE"
      },
      "severity": {
        "enum": [
          "error",
          "warning"
        ]
      },
      "message": {
        "type": "string"
      },
      "hint": {
        "type": "string"
      },
      "location": {
        "$ref": "#/$defs/DiagnosticLocation"
      },
      "model": {
        "type": "string",
        "description": "The model the problem belongs to, when there is one"
      }
    },
    "additionalProperties": false,
    "$defs": {
      "DiagnosticLocation": {
        "title": "DiagnosticLocation",
        "type": "object",
        "required": [
          "file"
        ],
        "properties": {
          "file": {
            "type": "string"
          },
          "line": {
            "type": "integer",
            "minimum": 1
          },
          "column": {
            "type": "integer",
            "minimum": 1
          },
          "key": {
            "type": "string",
            "description": "The config key, dotted (strategy.unique_key)"
          }
        },
        "additionalProperties": false
      }
    }
  },
  "discover.schema.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "discover.schema.json",
    "title": "DiscoverOutput",
    "description": "`rocky discover --output json`: what each replication pipeline's source adapter reports, matched against its schema pattern",
    "type": "object",
    "required": [
      "command",
      "status",
      "pipelines"
    ],
    "properties": {
      "command": {
        "const": "discover"
      },
      "status": {
        "enum": [
          "succeeded",
          "failed"
        ],
        "description": "The envelope every command's JSON carries: command, status, and error when it failed (error.schema.json)"
      },
      "pipelines": {
        "type": "array",
        "items": {
          "$ref": "#/$defs/DiscoveredPipeline"
        }
      },
      "cache": {
        "$ref": "#/$defs/CacheStats"
      }
    },
    "additionalProperties": false,
    "$defs": {
      "CacheStats": {
        "title": "CacheStats",
        "description": "How the command's discovery and metadata questions were answered: from the in-process tier, from Valkey, or by the adapter",
        "type": "object",
        "required": [
          "enabled",
          "valkey",
          "hits",
          "misses",
          "waits",
          "by_kind"
        ],
        "properties": {
          "enabled": {
            "type": "boolean",
            "description": "false with --no-cache or [cache] enabled = false"
          },
          "valkey": {
            "enum": [
              "connected",
              "unavailable",
              "not_configured",
              "off"
            ],
            "description": "unavailable: configured but unreachable or lost during the command; the in-process tier carried on"
          },
          "hits": {
            "type": "object",
            "required": [
              "memory",
              "valkey"
            ],
            "properties": {
              "memory": {
                "type": "integer",
                "minimum": 0
              },
              "valkey": {
                "type": "integer",
                "minimum": 0
              }
            },
            "additionalProperties": false
          },
          "misses": {
            "type": "integer",
            "minimum": 0,
            "description": "Questions the adapter answered"
          },
          "waits": {
            "type": "integer",
            "minimum": 0,
            "description": "Questions that waited for another runner already asking the adapter"
          },
          "by_kind": {
            "type": "object",
            "additionalProperties": {
              "type": "object",
              "required": [
                "hits",
                "misses"
              ],
              "properties": {
                "hits": {
                  "type": "integer",
                  "minimum": 0
                },
                "misses": {
                  "type": "integer",
                  "minimum": 0
                }
              },
              "additionalProperties": false
            }
          }
        },
        "additionalProperties": false
      },
      "DiscoveredPipeline": {
        "title": "DiscoveredPipeline",
        "type": "object",
        "required": [
          "pipeline",
          "type",
          "adapter",
          "schemas",
          "skipped"
        ],
        "properties": {
          "pipeline": {
            "type": "string"
          },
          "type": {
            "type": "string"
          },
          "adapter": {
            "type": "string",
            "description": "The source adapter's name in rocky.toml"
          },
          "schemas": {
            "type": "array",
            "items": {
              "$ref": "#/$defs/DiscoveredSourceSchema"
            }
          },
          "skipped": {
            "type": "array",
            "items": {
              "$ref": "#/$defs/SkippedSource"
            }
          }
        },
        "additionalProperties": false
      },
      "DiscoveredSourceSchema": {
        "title": "DiscoveredSourceSchema",
        "description": "A source schema that matched the pattern, its components and where it is copied to",
        "type": "object",
        "required": [
          "catalog",
          "schema",
          "components",
          "target_catalog",
          "target_schema",
          "tables"
        ],
        "properties": {
          "catalog": {
            "type": "string"
          },
          "schema": {
            "type": "string"
          },
          "components": {
            "type": "object",
            "additionalProperties": {
              "type": "string"
            }
          },
          "target_catalog": {
            "type": [
              "string",
              "null"
            ]
          },
          "target_schema": {
            "type": "string"
          },
          "synced_at": {
            "type": [
              "string",
              "null"
            ],
            "description": "When the source adapter says what landed here last changed (e.g. a Fivetran connector's last successful sync)"
          },
          "tables": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "name"
              ],
              "properties": {
                "name": {
                  "type": "string"
                },
                "row_count": {
                  "type": [
                    "integer",
                    "null"
                  ]
                }
              },
              "additionalProperties": false
            }
          }
        },
        "additionalProperties": false
      },
      "SkippedSource": {
        "title": "SkippedSource",
        "description": "A source schema or table left out, and why",
        "type": "object",
        "required": [
          "catalog",
          "schema",
          "reason"
        ],
        "properties": {
          "catalog": {
            "type": "string"
          },
          "schema": {
            "type": "string"
          },
          "table": {
            "type": "string"
          },
          "reason": {
            "type": "string"
          }
        },
        "additionalProperties": false
      }
    }
  },
  "doctor.schema.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "doctor.schema.json",
    "title": "DoctorOutput",
    "description": "`rocky doctor --output json`: every health check of the project, and the worst status among them",
    "type": "object",
    "required": [
      "command",
      "status",
      "overall",
      "checks"
    ],
    "properties": {
      "command": {
        "const": "doctor"
      },
      "status": {
        "enum": [
          "succeeded",
          "failed"
        ],
        "description": "The envelope every command's JSON carries: failed when any check failed"
      },
      "overall": {
        "enum": [
          "ok",
          "warn",
          "fail"
        ]
      },
      "checks": {
        "type": "array",
        "items": {
          "title": "DoctorCheck",
          "type": "object",
          "required": [
            "name",
            "status",
            "message",
            "duration_ms"
          ],
          "properties": {
            "name": {
              "type": "string",
              "description": "config, adapter.NAME, state, state.remote"
            },
            "status": {
              "enum": [
                "ok",
                "warn",
                "fail",
                "skipped"
              ]
            },
            "message": {
              "type": "string"
            },
            "hint": {
              "type": "string"
            },
            "duration_ms": {
              "type": "integer",
              "minimum": 0
            },
            "details": {
              "type": "object",
              "description": "adapter.NAME: manifest name and version, dialect, protocol version, capabilities, handshake_ms; state: runs and watermarks recorded"
            }
          },
          "additionalProperties": false
        }
      }
    },
    "additionalProperties": false
  },
  "error.schema.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "error.schema.json",
    "title": "ErrorOutput",
    "description": "What any command prints with `--output json` when it fails before it has a result of its own to print. Every command's JSON carries the same envelope: `command`, `status`, and `error` when it failed",
    "type": "object",
    "required": [
      "command",
      "status",
      "error"
    ],
    "properties": {
      "command": {
        "type": "string",
        "description": "The command as typed after rocky, e.g. \"plan\" or \"adapter info\""
      },
      "status": {
        "const": "failed"
      },
      "error": {
        "$ref": "#/$defs/CommandError"
      }
    },
    "additionalProperties": false,
    "$defs": {
      "CommandError": {
        "title": "CommandError",
        "type": "object",
        "required": [
          "code",
          "message"
        ],
        "properties": {
          "code": {
            "type": "string",
            "description": "A RockyError code, e.g. CONFIG_INVALID, ADAPTER_STARTUP_TIMEOUT; INTERNAL for a bug"
          },
          "message": {
            "type": "string"
          },
          "hint": {
            "type": "string"
          },
          "location": {
            "$ref": "diagnostic.schema.json#/$defs/DiagnosticLocation"
          }
        },
        "additionalProperties": false
      }
    }
  },
  "event.schema.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "event.schema.json",
    "title": "RunEvent",
    "description": "One lifecycle event of a `rocky run`: a line of `--events FILE` (JSON Lines) and a message on the Valkey channel of [events]. Events of one run carry increasing `seq` numbers, starting at 1 with `run_started`",
    "type": "object",
    "required": [
      "type",
      "run_id",
      "seq",
      "at"
    ],
    "properties": {
      "type": {
        "enum": [
          "run_started",
          "run_finished",
          "pipeline_started",
          "pipeline_finished",
          "table_started",
          "table_finished",
          "model_started",
          "model_finished",
          "check_finished"
        ]
      },
      "run_id": {
        "type": "string"
      },
      "seq": {
        "type": "integer",
        "minimum": 1,
        "description": "Position of the event in its run, from 1"
      },
      "at": {
        "type": "string",
        "description": "ISO 8601 time the event happened"
      },
      "pipeline": {
        "type": "string",
        "description": "Every event but run_started and run_finished"
      },
      "pipeline_type": {
        "type": "string",
        "description": "pipeline_started and pipeline_finished"
      },
      "target": {
        "type": "string",
        "description": "table_* and model_*: catalog.schema.table; check_finished: what was checked"
      },
      "source": {
        "type": [
          "string",
          "null"
        ],
        "description": "table_*: the source table; a skipped source has no target"
      },
      "model": {
        "type": "string",
        "description": "model_*: the model's name"
      },
      "strategy": {
        "type": "string",
        "description": "table_* and model_*: what the run does"
      },
      "status": {
        "enum": [
          "succeeded",
          "failed",
          "skipped"
        ],
        "description": "*_finished"
      },
      "rows": {
        "type": [
          "integer",
          "null"
        ],
        "minimum": 0,
        "description": "table_finished: rows copied; model_finished: rows affected, where the warehouse says"
      },
      "duration_ms": {
        "type": "integer",
        "minimum": 0,
        "description": "*_finished"
      },
      "watermark": {
        "type": [
          "string",
          "null"
        ],
        "description": "table_finished and model_finished: the watermark after the run"
      },
      "check": {
        "type": "string",
        "description": "check_finished: the check's name"
      },
      "severity": {
        "enum": [
          "error",
          "warn"
        ],
        "description": "check_finished"
      },
      "message": {
        "type": "string",
        "description": "check_finished and skipped items: what was found or why"
      },
      "error": {
        "$ref": "run.schema.json#/$defs/RunError",
        "description": "Failed items and runs"
      }
    },
    "additionalProperties": false
  },
  "history.schema.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "history.schema.json",
    "title": "HistoryOutput",
    "description": "`rocky history --output json`: recorded runs, newest first",
    "type": "object",
    "required": [
      "command",
      "status",
      "runs"
    ],
    "properties": {
      "command": {
        "const": "history"
      },
      "status": {
        "enum": [
          "succeeded",
          "failed"
        ],
        "description": "The envelope every command's JSON carries: command, status, and error when it failed (error.schema.json)"
      },
      "runs": {
        "type": "array",
        "items": {
          "$ref": "run.schema.json"
        }
      }
    },
    "additionalProperties": false
  },
  "metrics.schema.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "metrics.schema.json",
    "title": "MetricsOutput",
    "description": "`rocky metrics --output json`: the metrics of recent runs from the run history, newest first, and the table and model durations of all of them together",
    "type": "object",
    "required": [
      "command",
      "status",
      "runs",
      "overall"
    ],
    "properties": {
      "command": {
        "const": "metrics"
      },
      "status": {
        "enum": [
          "succeeded",
          "failed"
        ],
        "description": "The envelope every command's JSON carries: command, status, and error when it failed (error.schema.json)"
      },
      "runs": {
        "type": "array",
        "items": {
          "title": "RunMetricsEntry",
          "type": "object",
          "required": [
            "run_id",
            "started_at",
            "status",
            "metrics"
          ],
          "properties": {
            "run_id": {
              "type": "string"
            },
            "started_at": {
              "type": "string"
            },
            "status": {
              "enum": [
                "succeeded",
                "failed"
              ]
            },
            "metrics": {
              "oneOf": [
                {
                  "$ref": "run.schema.json#/$defs/RunMetrics"
                },
                {
                  "type": "null"
                }
              ],
              "description": "null for runs recorded before metrics existed"
            }
          },
          "additionalProperties": false
        }
      },
      "overall": {
        "type": "object",
        "required": [
          "runs",
          "table_ms",
          "model_ms"
        ],
        "properties": {
          "runs": {
            "type": "integer",
            "minimum": 0
          },
          "table_ms": {
            "$ref": "run.schema.json#/$defs/DurationHistogram",
            "description": "Every table copy of these runs"
          },
          "model_ms": {
            "$ref": "run.schema.json#/$defs/DurationHistogram",
            "description": "Every model run of these runs"
          }
        },
        "additionalProperties": false
      }
    },
    "additionalProperties": false
  },
  "plan.schema.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "plan.schema.json",
    "title": "PlanOutput",
    "description": "`rocky plan --output json`: every statement `rocky run` would execute, with its parameters, per pipeline",
    "type": "object",
    "required": [
      "command",
      "status",
      "pipelines"
    ],
    "properties": {
      "command": {
        "const": "plan"
      },
      "status": {
        "enum": [
          "succeeded",
          "failed"
        ],
        "description": "The envelope every command's JSON carries: command, status, and error when it failed (error.schema.json)"
      },
      "pipelines": {
        "type": "array",
        "items": {
          "$ref": "#/$defs/PlannedPipeline"
        }
      },
      "cache": {
        "$ref": "discover.schema.json#/$defs/CacheStats"
      }
    },
    "additionalProperties": false,
    "$defs": {
      "PlannedPipeline": {
        "title": "PlannedPipeline",
        "type": "object",
        "required": [
          "pipeline",
          "type",
          "adapter",
          "setup",
          "tables",
          "skipped"
        ],
        "properties": {
          "pipeline": {
            "type": "string"
          },
          "type": {
            "type": "string"
          },
          "adapter": {
            "type": "string",
            "description": "The adapter the statements run on"
          },
          "setup": {
            "type": "array",
            "items": {
              "$ref": "#/$defs/PlannedStatement"
            },
            "description": "Catalogs and schemas ensured before any table"
          },
          "tables": {
            "type": "array",
            "items": {
              "$ref": "#/$defs/PlannedTable"
            }
          },
          "skipped": {
            "type": "array",
            "items": {
              "$ref": "discover.schema.json#/$defs/SkippedSource"
            }
          },
          "models": {
            "type": "array",
            "items": {
              "$ref": "#/$defs/PlannedModel"
            },
            "description": "Transformation pipelines: the selected models in dependency order"
          },
          "governance": {
            "type": "array",
            "items": {
              "$ref": "#/$defs/GovernanceAction"
            },
            "description": "What [target.governance] would change: catalogs and schemas created, tags set, privileges granted and revoked, workspaces bound and unbound (a diff against what the warehouse and the state report)"
          }
        },
        "additionalProperties": false
      },
      "PlannedTable": {
        "title": "PlannedTable",
        "type": "object",
        "required": [
          "source",
          "target",
          "strategy",
          "reason",
          "notes",
          "statements"
        ],
        "properties": {
          "source": {
            "type": [
              "string",
              "null"
            ],
            "description": "catalog.schema.table read from, when there is one"
          },
          "target": {
            "type": "string",
            "description": "catalog.schema.table written"
          },
          "strategy": {
            "type": "string",
            "description": "\"full_refresh\" or \"incremental\" for replication"
          },
          "reason": {
            "type": "string",
            "description": "Why this strategy was chosen"
          },
          "notes": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "drift": {
            "type": "array",
            "items": {
              "$ref": "run.schema.json#/$defs/SchemaDrift"
            },
            "description": "How the source's columns differ from the existing target's, and what the run will do about each"
          },
          "statements": {
            "type": "array",
            "items": {
              "$ref": "#/$defs/PlannedStatement"
            }
          }
        },
        "additionalProperties": false
      },
      "PlannedModel": {
        "title": "PlannedModel",
        "type": "object",
        "required": [
          "name",
          "target",
          "strategy",
          "configured_strategy",
          "reason",
          "depends_on",
          "partitions",
          "statements"
        ],
        "properties": {
          "name": {
            "type": "string"
          },
          "target": {
            "type": "string",
            "description": "catalog.schema.table built"
          },
          "strategy": {
            "type": "string",
            "description": "What this run does: full_refresh on a first run of an incremental or merge model"
          },
          "configured_strategy": {
            "type": "string",
            "description": "The strategy in the model's .toml"
          },
          "reason": {
            "type": "string"
          },
          "depends_on": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "partitions": {
            "type": "array",
            "items": {
              "type": "string"
            },
            "description": "time_interval: the partition keys this run builds"
          },
          "statements": {
            "type": "array",
            "items": {
              "$ref": "#/$defs/PlannedStatement"
            }
          }
        },
        "additionalProperties": false
      },
      "GovernanceAction": {
        "title": "GovernanceAction",
        "description": "One governance change on a catalog, schema or table; in a run, with whether it was applied",
        "type": "object",
        "required": [
          "action",
          "securable",
          "target"
        ],
        "properties": {
          "action": {
            "enum": [
              "create_catalog",
              "create_schema",
              "set_tags",
              "isolate",
              "bind",
              "unbind",
              "grant",
              "revoke"
            ]
          },
          "securable": {
            "enum": [
              "catalog",
              "schema",
              "table"
            ]
          },
          "target": {
            "type": "string",
            "description": "catalog, catalog.schema or catalog.schema.table"
          },
          "tags": {
            "type": "object",
            "additionalProperties": {
              "type": "string"
            },
            "description": "set_tags: the tags set (only those new or changed)"
          },
          "principal": {
            "type": "string",
            "description": "grant, revoke"
          },
          "privilege": {
            "type": "string",
            "description": "grant, revoke"
          },
          "workspace_id": {
            "type": "integer",
            "description": "bind, unbind"
          },
          "access": {
            "enum": [
              "read_write",
              "read_only"
            ],
            "description": "bind"
          },
          "status": {
            "enum": [
              "planned",
              "applied",
              "failed",
              "skipped"
            ],
            "description": "planned in `rocky plan`; in a run: applied, failed (see error), or skipped because an earlier step on its catalog or schema failed"
          },
          "error": {
            "$ref": "run.schema.json#/$defs/RunError"
          }
        },
        "additionalProperties": false
      },
      "PlannedStatement": {
        "title": "PlannedStatement",
        "description": "A SQL statement with its bound parameters, or an adapter method call",
        "oneOf": [
          {
            "type": "object",
            "required": [
              "sql",
              "params"
            ],
            "properties": {
              "sql": {
                "type": "string"
              },
              "params": {
                "type": "array",
                "items": {
                  "$ref": "messages.schema.json#/$defs/SqlParam"
                }
              }
            },
            "additionalProperties": false
          },
          {
            "type": "object",
            "required": [
              "method",
              "params"
            ],
            "properties": {
              "method": {
                "type": "string"
              },
              "params": {
                "type": "object"
              }
            },
            "additionalProperties": false
          }
        ]
      }
    }
  },
  "run.schema.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "run.schema.json",
    "title": "RunOutput",
    "description": "`rocky run --output json`, and one entry of the run history: what ran, per pipeline and table",
    "type": "object",
    "required": [
      "run_id",
      "command",
      "status",
      "started_at",
      "finished_at",
      "duration_ms",
      "pipelines"
    ],
    "properties": {
      "run_id": {
        "type": "string"
      },
      "command": {
        "type": "string"
      },
      "status": {
        "enum": [
          "succeeded",
          "failed"
        ]
      },
      "started_at": {
        "type": "string",
        "description": "ISO 8601"
      },
      "finished_at": {
        "type": "string",
        "description": "ISO 8601"
      },
      "duration_ms": {
        "type": "integer",
        "minimum": 0
      },
      "pipelines": {
        "type": "array",
        "items": {
          "$ref": "#/$defs/RunPipelineResult"
        }
      },
      "metrics": {
        "$ref": "#/$defs/RunMetrics",
        "description": "Counters and duration histograms of the run (absent in runs recorded before metrics existed)"
      },
      "cache": {
        "$ref": "discover.schema.json#/$defs/CacheStats"
      }
    },
    "additionalProperties": false,
    "$defs": {
      "RunMetrics": {
        "title": "RunMetrics",
        "type": "object",
        "required": [
          "counters",
          "histograms"
        ],
        "properties": {
          "counters": {
            "type": "object",
            "required": [
              "tables_processed",
              "tables_failed",
              "tables_skipped",
              "models_processed",
              "models_failed",
              "models_skipped",
              "statements_executed",
              "adapter_calls",
              "adapter_calls_failed",
              "retries",
              "rows_copied",
              "rows_affected"
            ],
            "properties": {
              "tables_processed": {
                "type": "integer",
                "minimum": 0,
                "description": "Tables the run tried to copy"
              },
              "tables_failed": {
                "type": "integer",
                "minimum": 0
              },
              "tables_skipped": {
                "type": "integer",
                "minimum": 0,
                "description": "Sources discovered and not copied, with a reason"
              },
              "models_processed": {
                "type": "integer",
                "minimum": 0,
                "description": "Models the run tried to build"
              },
              "models_failed": {
                "type": "integer",
                "minimum": 0
              },
              "models_skipped": {
                "type": "integer",
                "minimum": 0
              },
              "statements_executed": {
                "type": "integer",
                "minimum": 0,
                "description": "SQL statements sent to adapters, each statement of a batch counted"
              },
              "adapter_calls": {
                "type": "integer",
                "minimum": 0,
                "description": "Calls the host made to adapters and waited for (a paged query is one call)"
              },
              "adapter_calls_failed": {
                "type": "integer",
                "minimum": 0
              },
              "retries": {
                "type": "integer",
                "minimum": 0,
                "description": "Retries the adapters made (HTTP and statement retries), as they report them in $/metrics"
              },
              "rows_copied": {
                "type": "integer",
                "minimum": 0
              },
              "rows_affected": {
                "type": "integer",
                "minimum": 0,
                "description": "Rows written by models, where the warehouse says"
              }
            },
            "additionalProperties": false
          },
          "histograms": {
            "type": "object",
            "required": [
              "table_ms",
              "model_ms",
              "adapter_call_ms"
            ],
            "properties": {
              "table_ms": {
                "$ref": "#/$defs/DurationHistogram",
                "description": "Duration of each table copy"
              },
              "model_ms": {
                "$ref": "#/$defs/DurationHistogram",
                "description": "Duration of each model run"
              },
              "adapter_call_ms": {
                "$ref": "#/$defs/DurationHistogram",
                "description": "Duration of each adapter call, from request to answer"
              }
            },
            "additionalProperties": false
          },
          "adapters": {
            "type": "object",
            "description": "Per adapter: what it reported in $/metrics notifications (counters summed; each gauge's last, min and max, e.g. concurrency_window, the AIMD window)",
            "additionalProperties": {
              "type": "object",
              "required": [
                "counters",
                "gauges"
              ],
              "properties": {
                "counters": {
                  "type": "object",
                  "additionalProperties": {
                    "type": "integer",
                    "minimum": 0
                  }
                },
                "gauges": {
                  "type": "object",
                  "additionalProperties": {
                    "type": "object",
                    "required": [
                      "last",
                      "min",
                      "max"
                    ],
                    "properties": {
                      "last": {
                        "type": "number"
                      },
                      "min": {
                        "type": "number"
                      },
                      "max": {
                        "type": "number"
                      }
                    },
                    "additionalProperties": false
                  }
                }
              },
              "additionalProperties": false
            }
          }
        },
        "additionalProperties": false
      },
      "DurationHistogram": {
        "title": "DurationHistogram",
        "description": "Nearest-rank percentiles of durations in milliseconds; null when nothing was measured",
        "type": "object",
        "required": [
          "count",
          "p50",
          "p95",
          "max"
        ],
        "properties": {
          "count": {
            "type": "integer",
            "minimum": 0
          },
          "p50": {
            "type": [
              "number",
              "null"
            ]
          },
          "p95": {
            "type": [
              "number",
              "null"
            ]
          },
          "max": {
            "type": [
              "number",
              "null"
            ]
          }
        },
        "additionalProperties": false
      },
      "RunPipelineResult": {
        "title": "RunPipelineResult",
        "type": "object",
        "required": [
          "pipeline",
          "type",
          "status",
          "duration_ms",
          "tables",
          "skipped"
        ],
        "properties": {
          "pipeline": {
            "type": "string"
          },
          "type": {
            "type": "string"
          },
          "status": {
            "enum": [
              "succeeded",
              "failed",
              "skipped"
            ],
            "description": "skipped: a pipeline in its depends_on failed or was skipped in this run; `error` says which"
          },
          "duration_ms": {
            "type": "integer",
            "minimum": 0
          },
          "tables": {
            "type": "array",
            "items": {
              "$ref": "#/$defs/RunTableResult"
            }
          },
          "skipped": {
            "type": "array",
            "items": {
              "$ref": "discover.schema.json#/$defs/SkippedSource"
            }
          },
          "models": {
            "type": "array",
            "items": {
              "$ref": "#/$defs/RunModelResult"
            },
            "description": "Transformation pipelines: every selected model, in dependency order"
          },
          "error": {
            "$ref": "#/$defs/RunError",
            "description": "Why the pipeline failed before copying its tables"
          },
          "governance": {
            "type": "array",
            "items": {
              "$ref": "plan.schema.json#/$defs/GovernanceAction"
            },
            "description": "What [target.governance] changed (or failed to change); absent when nothing was configured"
          }
        },
        "additionalProperties": false
      },
      "RunTableResult": {
        "title": "RunTableResult",
        "type": "object",
        "required": [
          "source",
          "target",
          "strategy",
          "reason",
          "status",
          "rows_copied",
          "duration_ms",
          "watermark_before",
          "watermark_after",
          "notes"
        ],
        "properties": {
          "source": {
            "type": [
              "string",
              "null"
            ]
          },
          "target": {
            "type": "string"
          },
          "strategy": {
            "type": "string"
          },
          "reason": {
            "type": "string"
          },
          "status": {
            "enum": [
              "succeeded",
              "failed"
            ]
          },
          "rows_copied": {
            "type": [
              "integer",
              "null"
            ],
            "minimum": 0
          },
          "duration_ms": {
            "type": "integer",
            "minimum": 0
          },
          "watermark_before": {
            "type": [
              "string",
              "null"
            ]
          },
          "watermark_after": {
            "type": [
              "string",
              "null"
            ]
          },
          "notes": {
            "type": "array",
            "items": {
              "type": "string"
            },
            "description": "Fallbacks and schema drift handled"
          },
          "drift": {
            "type": "array",
            "items": {
              "$ref": "#/$defs/SchemaDrift"
            },
            "description": "How the source's columns differ from the existing target's, and what was done about each"
          },
          "violations": {
            "type": "array",
            "items": {
              "$ref": "#/$defs/ContractViolation"
            },
            "description": "Why the table's contract failed it before anything was written"
          },
          "error": {
            "$ref": "#/$defs/RunError"
          },
          "checks": {
            "type": "array",
            "items": {
              "$ref": "#/$defs/CheckResult"
            },
            "description": "Checks run on it after it was written"
          }
        },
        "additionalProperties": false
      },
      "RunModelResult": {
        "title": "RunModelResult",
        "type": "object",
        "required": [
          "name",
          "target",
          "strategy",
          "configured_strategy",
          "reason",
          "status",
          "duration_ms",
          "rows_affected",
          "partitions",
          "watermark_after"
        ],
        "properties": {
          "name": {
            "type": "string"
          },
          "target": {
            "type": "string"
          },
          "strategy": {
            "type": "string",
            "description": "What this run did: full_refresh on a first run of an incremental or merge model"
          },
          "configured_strategy": {
            "type": "string"
          },
          "reason": {
            "type": "string"
          },
          "status": {
            "enum": [
              "succeeded",
              "failed",
              "skipped"
            ]
          },
          "duration_ms": {
            "type": "integer",
            "minimum": 0
          },
          "rows_affected": {
            "type": [
              "integer",
              "null"
            ],
            "minimum": 0
          },
          "partitions": {
            "type": "array",
            "items": {
              "type": "string"
            },
            "description": "time_interval: partitions built and recorded complete"
          },
          "watermark_after": {
            "type": [
              "string",
              "null"
            ]
          },
          "skipped_because": {
            "type": "string",
            "description": "Why a skipped model did not run"
          },
          "failed_upstream": {
            "type": "string",
            "description": "The failed model that caused this one to be skipped"
          },
          "violations": {
            "type": "array",
            "items": {
              "$ref": "#/$defs/ContractViolation"
            },
            "description": "Why the model's contract failed it before anything was written"
          },
          "error": {
            "$ref": "#/$defs/RunError"
          },
          "checks": {
            "type": "array",
            "items": {
              "$ref": "#/$defs/CheckResult"
            },
            "description": "Checks run on it after it was written"
          }
        },
        "additionalProperties": false
      },
      "CheckResult": {
        "title": "CheckResult",
        "type": "object",
        "required": [
          "name",
          "kind",
          "target",
          "status",
          "severity",
          "message",
          "observed",
          "duration_ms"
        ],
        "properties": {
          "name": {
            "type": "string",
            "description": "Unique per target: the kind, with the column or the configured name"
          },
          "kind": {
            "enum": [
              "row_count",
              "column_match",
              "freshness",
              "null_rate",
              "custom",
              "anomaly",
              "not_null",
              "unique",
              "accepted_values",
              "relationships",
              "expression",
              "row_count_range",
              "in_range",
              "not_in_future",
              "unique_expr",
              "composite",
              "regex_match",
              "aggregate",
              "older_than_n_days"
            ]
          },
          "target": {
            "type": "string",
            "description": "catalog.schema.table checked"
          },
          "pipeline": {
            "type": "string",
            "description": "rocky check: the pipeline the check belongs to"
          },
          "status": {
            "enum": [
              "passed",
              "failed"
            ],
            "description": "failed also when the check could not run (its message says why)"
          },
          "severity": {
            "enum": [
              "error",
              "warn"
            ]
          },
          "message": {
            "type": "string"
          },
          "observed": {
            "type": [
              "number",
              "null"
            ],
            "description": "What was measured: offending rows, row count, lag in seconds, null rate"
          },
          "threshold": {
            "type": [
              "number",
              "null"
            ],
            "description": "The limit it was held against, where there is one"
          },
          "duration_ms": {
            "type": "integer",
            "minimum": 0
          }
        },
        "additionalProperties": false
      },
      "SchemaDrift": {
        "title": "SchemaDrift",
        "description": "One column whose source differs from the target, and the action taken (or, in a plan, to be taken)",
        "type": "object",
        "required": [
          "column",
          "change",
          "old_type",
          "new_type",
          "action"
        ],
        "properties": {
          "column": {
            "type": "string"
          },
          "change": {
            "enum": [
              "added",
              "widened",
              "narrowed",
              "type_changed",
              "dropped"
            ],
            "description": "narrowed: the target's type already holds the source's"
          },
          "old_type": {
            "type": [
              "string",
              "null"
            ],
            "description": "The target's type; null for an added column"
          },
          "new_type": {
            "type": [
              "string",
              "null"
            ],
            "description": "The source's type; null for a dropped column"
          },
          "action": {
            "enum": [
              "add_column",
              "alter_type",
              "full_refresh",
              "fail",
              "ignore",
              "keep",
              "drop_column"
            ],
            "description": "keep: the target's column stays (a narrowed type; a dropped column within its grace period, NULL in new rows)"
          },
          "drop_after": {
            "type": "string",
            "description": "dropped and kept: when the grace period ends (ISO 8601)"
          }
        },
        "additionalProperties": false
      },
      "ContractViolation": {
        "title": "ContractViolation",
        "type": "object",
        "required": [
          "rule",
          "column",
          "message"
        ],
        "properties": {
          "rule": {
            "enum": [
              "required",
              "type",
              "nullable",
              "protected",
              "no_new_nullable"
            ]
          },
          "column": {
            "type": "string"
          },
          "old_type": {
            "type": [
              "string",
              "null"
            ],
            "description": "The contract's type (rule type) or the existing table's (rule protected)"
          },
          "new_type": {
            "type": [
              "string",
              "null"
            ],
            "description": "The type about to be written; null when the column is missing"
          },
          "message": {
            "type": "string"
          },
          "location": {
            "$ref": "diagnostic.schema.json#/$defs/DiagnosticLocation",
            "description": "The contract's file and the line of the rule"
          }
        },
        "additionalProperties": false
      },
      "RunError": {
        "title": "RunError",
        "type": "object",
        "required": [
          "code",
          "message"
        ],
        "properties": {
          "code": {
            "type": "string"
          },
          "message": {
            "type": "string"
          },
          "hint": {
            "type": "string"
          }
        },
        "additionalProperties": false
      }
    }
  },
  "state.schema.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "state.schema.json",
    "title": "StateOutput",
    "description": "`rocky state --output json`: the stored watermark of every target table",
    "type": "object",
    "required": [
      "command",
      "status",
      "state_path",
      "watermarks"
    ],
    "properties": {
      "command": {
        "const": "state"
      },
      "status": {
        "enum": [
          "succeeded",
          "failed"
        ],
        "description": "The envelope every command's JSON carries: command, status, and error when it failed (error.schema.json)"
      },
      "state_path": {
        "type": "string"
      },
      "watermarks": {
        "type": "array",
        "items": {
          "$ref": "#/$defs/WatermarkEntry"
        }
      }
    },
    "additionalProperties": false,
    "$defs": {
      "WatermarkEntry": {
        "title": "WatermarkEntry",
        "type": "object",
        "required": [
          "target",
          "column",
          "value",
          "updated_at",
          "run_id"
        ],
        "properties": {
          "target": {
            "type": "string",
            "description": "catalog.schema.table"
          },
          "column": {
            "type": "string"
          },
          "value": {
            "type": "string",
            "description": "The highest value copied, as the warehouse renders it"
          },
          "updated_at": {
            "type": "string",
            "description": "ISO 8601"
          },
          "run_id": {
            "type": "string"
          }
        },
        "additionalProperties": false
      }
    }
  },
  "test-adapter.schema.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "test-adapter.schema.json",
    "title": "TestAdapterOutput",
    "description": "`rocky test-adapter --output json`: every conformance check run against a live adapter. A superset of the original Rocky TestAdapterOutput (adapter, sdk_version, tests_run/passed/failed/skipped, results of {name, category, status, message, duration_ms})",
    "type": "object",
    "required": [
      "command",
      "adapter",
      "adapter_version",
      "sdk_version",
      "protocol_version",
      "legacy_protocol",
      "status",
      "tests_run",
      "tests_passed",
      "tests_failed",
      "tests_skipped",
      "unexpected_failures",
      "expected_failures",
      "stale_expected_failures",
      "duration_ms",
      "results"
    ],
    "properties": {
      "command": {
        "const": "test-adapter"
      },
      "adapter": {
        "type": "string",
        "description": "The manifest's name, or the adapter command when initialize failed"
      },
      "adapter_version": {
        "type": [
          "string",
          "null"
        ]
      },
      "sdk_version": {
        "type": [
          "string",
          "null"
        ]
      },
      "protocol_version": {
        "type": [
          "integer",
          "null"
        ],
        "description": "The version the adapter picked; 1 for an original-protocol adapter; null when initialize failed"
      },
      "legacy_protocol": {
        "type": "boolean",
        "description": "initialize was answered the original-protocol way, without protocol_version"
      },
      "status": {
        "enum": [
          "passed",
          "failed",
          "skipped"
        ],
        "description": "failed: a check failed that was not an expected failure, or an expected failure now passes; skipped: no check ran; passed otherwise"
      },
      "tests_run": {
        "type": "integer",
        "minimum": 0,
        "description": "tests_passed + tests_failed"
      },
      "tests_passed": {
        "type": "integer",
        "minimum": 0
      },
      "tests_failed": {
        "type": "integer",
        "minimum": 0,
        "description": "Every failed check, expected failures included"
      },
      "tests_skipped": {
        "type": "integer",
        "minimum": 0
      },
      "unexpected_failures": {
        "type": "integer",
        "minimum": 0,
        "description": "Failed checks not listed in the expected-failures file"
      },
      "expected_failures": {
        "type": "array",
        "items": {
          "type": "string"
        },
        "description": "Listed checks that failed, as expected"
      },
      "stale_expected_failures": {
        "type": "array",
        "items": {
          "type": "string"
        },
        "description": "Listed checks that passed: remove them from the expected-failures file"
      },
      "duration_ms": {
        "type": "integer",
        "minimum": 0
      },
      "results": {
        "type": "array",
        "items": {
          "$ref": "#/$defs/TestAdapterResult"
        }
      }
    },
    "additionalProperties": false,
    "$defs": {
      "TestAdapterResult": {
        "title": "TestAdapterResult",
        "type": "object",
        "required": [
          "name",
          "category",
          "tier",
          "status",
          "message",
          "hint",
          "duration_ms",
          "expected_failure"
        ],
        "properties": {
          "name": {
            "type": "string",
            "pattern": "^[a-z0-9_]+$",
            "description": "The check's stable id"
          },
          "category": {
            "enum": [
              "connection",
              "ddl",
              "dml",
              "query",
              "types",
              "dialect",
              "governance",
              "batch_checks",
              "discovery",
              "protocol",
              "lifecycle"
            ]
          },
          "tier": {
            "enum": [
              "core",
              "optional"
            ],
            "description": "optional checks are gated by a capability and skipped when it is not declared"
          },
          "status": {
            "enum": [
              "passed",
              "failed",
              "skipped"
            ]
          },
          "message": {
            "type": [
              "string",
              "null"
            ],
            "description": "Why it failed or was skipped, or a note on a pass"
          },
          "hint": {
            "type": [
              "string",
              "null"
            ],
            "description": "What to change in the adapter"
          },
          "duration_ms": {
            "type": "integer",
            "minimum": 0
          },
          "expected_failure": {
            "type": "boolean",
            "description": "Failed and listed in the expected-failures file"
          }
        },
        "additionalProperties": false
      }
    }
  }
};

/** Where each generated type's schema lives, as an ajv schema reference. */
export const TYPE_REFS = {
  "AdapterManifest": "manifest.schema.json",
  "Capabilities": "manifest.schema.json#/$defs/Capabilities",
  "SqlParam": "messages.schema.json#/$defs/SqlParam",
  "TableRef": "messages.schema.json#/$defs/TableRef",
  "ColumnInfo": "messages.schema.json#/$defs/ColumnInfo",
  "ProtocolVersionRange": "messages.schema.json#/$defs/ProtocolVersionRange",
  "ClientInfo": "messages.schema.json#/$defs/ClientInfo",
  "InitializeParams": "messages.schema.json#/$defs/InitializeParams",
  "InitializeResult": "messages.schema.json#/$defs/InitializeResult",
  "ProtocolMismatchData": "messages.schema.json#/$defs/ProtocolMismatchData",
  "EmptyParams": "messages.schema.json#/$defs/EmptyParams",
  "EmptyResult": "messages.schema.json#/$defs/EmptyResult",
  "AnyResult": "messages.schema.json#/$defs/AnyResult",
  "ExecuteStatementParams": "messages.schema.json#/$defs/ExecuteStatementParams",
  "ExecuteStatementResult": "messages.schema.json#/$defs/ExecuteStatementResult",
  "ExecuteBatchParams": "messages.schema.json#/$defs/ExecuteBatchParams",
  "ExecuteBatchResult": "messages.schema.json#/$defs/ExecuteBatchResult",
  "ExecuteQueryParams": "messages.schema.json#/$defs/ExecuteQueryParams",
  "ExecuteQueryResult": "messages.schema.json#/$defs/ExecuteQueryResult",
  "QueryOpenParams": "messages.schema.json#/$defs/QueryOpenParams",
  "QueryOpenResult": "messages.schema.json#/$defs/QueryOpenResult",
  "QueryFetchParams": "messages.schema.json#/$defs/QueryFetchParams",
  "QueryFetchResult": "messages.schema.json#/$defs/QueryFetchResult",
  "QueryCloseParams": "messages.schema.json#/$defs/QueryCloseParams",
  "DescribeTableResult": "messages.schema.json#/$defs/DescribeTableResult",
  "DescribeTablesParams": "messages.schema.json#/$defs/DescribeTablesParams",
  "DescribedTable": "messages.schema.json#/$defs/DescribedTable",
  "DescribeTablesResult": "messages.schema.json#/$defs/DescribeTablesResult",
  "TableExistsResult": "messages.schema.json#/$defs/TableExistsResult",
  "DiscoveryListParams": "messages.schema.json#/$defs/DiscoveryListParams",
  "DiscoveredTable": "messages.schema.json#/$defs/DiscoveredTable",
  "DiscoveredSchema": "messages.schema.json#/$defs/DiscoveredSchema",
  "DiscoveryListResult": "messages.schema.json#/$defs/DiscoveryListResult",
  "CatalogCreateParams": "messages.schema.json#/$defs/CatalogCreateParams",
  "CatalogDropParams": "messages.schema.json#/$defs/CatalogDropParams",
  "SqlParseParams": "messages.schema.json#/$defs/SqlParseParams",
  "SqlParseOutcome": "messages.schema.json#/$defs/SqlParseOutcome",
  "SqlParseResult": "messages.schema.json#/$defs/SqlParseResult",
  "SchemaCreateParams": "messages.schema.json#/$defs/SchemaCreateParams",
  "GovernanceTarget": "messages.schema.json#/$defs/GovernanceTarget",
  "GovernanceSetTagsParams": "messages.schema.json#/$defs/GovernanceSetTagsParams",
  "GovernanceGetGrantsParams": "messages.schema.json#/$defs/GovernanceGetGrantsParams",
  "Grant": "messages.schema.json#/$defs/Grant",
  "GovernanceGetGrantsResult": "messages.schema.json#/$defs/GovernanceGetGrantsResult",
  "GovernanceApplyGrantsParams": "messages.schema.json#/$defs/GovernanceApplyGrantsParams",
  "WorkspaceBinding": "messages.schema.json#/$defs/WorkspaceBinding",
  "GovernanceGetBindingsParams": "messages.schema.json#/$defs/GovernanceGetBindingsParams",
  "GovernanceSetBindingsParams": "messages.schema.json#/$defs/GovernanceSetBindingsParams",
  "GovernanceBindingsResult": "messages.schema.json#/$defs/GovernanceBindingsResult",
  "ChecksRowCountsParams": "messages.schema.json#/$defs/ChecksRowCountsParams",
  "TableRowCount": "messages.schema.json#/$defs/TableRowCount",
  "ChecksRowCountsResult": "messages.schema.json#/$defs/ChecksRowCountsResult",
  "FreshnessTarget": "messages.schema.json#/$defs/FreshnessTarget",
  "ChecksFreshnessParams": "messages.schema.json#/$defs/ChecksFreshnessParams",
  "TableFreshness": "messages.schema.json#/$defs/TableFreshness",
  "ChecksFreshnessResult": "messages.schema.json#/$defs/ChecksFreshnessResult",
  "DialectWatermarkWhereParams": "messages.schema.json#/$defs/DialectWatermarkWhereParams",
  "DialectRowHashParams": "messages.schema.json#/$defs/DialectRowHashParams",
  "SqlFragment": "messages.schema.json#/$defs/SqlFragment",
  "CancelParams": "messages.schema.json#/$defs/CancelParams",
  "ProgressParams": "messages.schema.json#/$defs/ProgressParams",
  "LogParams": "messages.schema.json#/$defs/LogParams",
  "MetricsParams": "messages.schema.json#/$defs/MetricsParams",
  "ErrorData": "messages.schema.json#/$defs/ErrorData",
  "ModelConfig": "model.schema.json",
  "ModelTags": "model.schema.json#/$defs/ModelTags",
  "ModelDefaults": "model.schema.json#/$defs/ModelDefaults",
  "ModelGroup": "model.schema.json#/$defs/ModelGroup",
  "ModelTarget": "model.schema.json#/$defs/ModelTarget",
  "MaterializationStrategy": "model.schema.json#/$defs/MaterializationStrategy",
  "FullRefreshStrategy": "model.schema.json#/$defs/FullRefreshStrategy",
  "IncrementalStrategy": "model.schema.json#/$defs/IncrementalStrategy",
  "MergeStrategy": "model.schema.json#/$defs/MergeStrategy",
  "MaterializedViewStrategy": "model.schema.json#/$defs/MaterializedViewStrategy",
  "DynamicTableStrategy": "model.schema.json#/$defs/DynamicTableStrategy",
  "TimeIntervalStrategy": "model.schema.json#/$defs/TimeIntervalStrategy",
  "ContractConfig": "model.schema.json#/$defs/ContractConfig",
  "ContractColumn": "model.schema.json#/$defs/ContractColumn",
  "ContractRules": "model.schema.json#/$defs/ContractRules",
  "ModelSource": "model.schema.json#/$defs/ModelSource",
  "RockyConfig": "rocky.schema.json",
  "AdapterSection": "rocky.schema.json#/$defs/AdapterSection",
  "PipelineConfig": "rocky.schema.json#/$defs/PipelineConfig",
  "ReplicationPipelineConfig": "rocky.schema.json#/$defs/ReplicationPipelineConfig",
  "ChecksConfig": "rocky.schema.json#/$defs/ChecksConfig",
  "RowCountCheckConfig": "rocky.schema.json#/$defs/RowCountCheckConfig",
  "FreshnessCheckConfig": "rocky.schema.json#/$defs/FreshnessCheckConfig",
  "NullRateCheckConfig": "rocky.schema.json#/$defs/NullRateCheckConfig",
  "CustomCheckConfig": "rocky.schema.json#/$defs/CustomCheckConfig",
  "AssertionConfig": "rocky.schema.json#/$defs/AssertionConfig",
  "ReplicationSourceConfig": "rocky.schema.json#/$defs/ReplicationSourceConfig",
  "SchemaPatternConfig": "rocky.schema.json#/$defs/SchemaPatternConfig",
  "ReplicationTargetConfig": "rocky.schema.json#/$defs/ReplicationTargetConfig",
  "MetadataColumnConfig": "rocky.schema.json#/$defs/MetadataColumnConfig",
  "TableFilterConfig": "rocky.schema.json#/$defs/TableFilterConfig",
  "TransformationPipelineConfig": "rocky.schema.json#/$defs/TransformationPipelineConfig",
  "TransformationTargetConfig": "rocky.schema.json#/$defs/TransformationTargetConfig",
  "GovernanceConfig": "rocky.schema.json#/$defs/GovernanceConfig",
  "GrantConfig": "rocky.schema.json#/$defs/GrantConfig",
  "IsolationConfig": "rocky.schema.json#/$defs/IsolationConfig",
  "WorkspaceBindingConfig": "rocky.schema.json#/$defs/WorkspaceBindingConfig",
  "EventsConfig": "rocky.schema.json#/$defs/EventsConfig",
  "StateConfig": "rocky.schema.json#/$defs/StateConfig",
  "CacheConfig": "rocky.schema.json#/$defs/CacheConfig",
  "CacheSchemasConfig": "rocky.schema.json#/$defs/CacheSchemasConfig",
  "CacheDiscoveryConfig": "rocky.schema.json#/$defs/CacheDiscoveryConfig",
  "AdapterInfoOutput": "adapter-info.schema.json",
  "AdapterListOutput": "adapter-list.schema.json",
  "ListedAdapter": "adapter-list.schema.json#/$defs/ListedAdapter",
  "CheckOutput": "check.schema.json",
  "CompileOutput": "compile.schema.json",
  "CompiledModel": "compile.schema.json#/$defs/CompiledModel",
  "ModelTargetName": "compile.schema.json#/$defs/ModelTargetName",
  "Diagnostic": "diagnostic.schema.json",
  "DiagnosticLocation": "diagnostic.schema.json#/$defs/DiagnosticLocation",
  "DiscoverOutput": "discover.schema.json",
  "CacheStats": "discover.schema.json#/$defs/CacheStats",
  "DiscoveredPipeline": "discover.schema.json#/$defs/DiscoveredPipeline",
  "DiscoveredSourceSchema": "discover.schema.json#/$defs/DiscoveredSourceSchema",
  "SkippedSource": "discover.schema.json#/$defs/SkippedSource",
  "DoctorOutput": "doctor.schema.json",
  "ErrorOutput": "error.schema.json",
  "CommandError": "error.schema.json#/$defs/CommandError",
  "RunEvent": "event.schema.json",
  "HistoryOutput": "history.schema.json",
  "MetricsOutput": "metrics.schema.json",
  "PlanOutput": "plan.schema.json",
  "PlannedPipeline": "plan.schema.json#/$defs/PlannedPipeline",
  "PlannedTable": "plan.schema.json#/$defs/PlannedTable",
  "PlannedModel": "plan.schema.json#/$defs/PlannedModel",
  "GovernanceAction": "plan.schema.json#/$defs/GovernanceAction",
  "PlannedStatement": "plan.schema.json#/$defs/PlannedStatement",
  "RunOutput": "run.schema.json",
  "RunMetrics": "run.schema.json#/$defs/RunMetrics",
  "DurationHistogram": "run.schema.json#/$defs/DurationHistogram",
  "RunPipelineResult": "run.schema.json#/$defs/RunPipelineResult",
  "RunTableResult": "run.schema.json#/$defs/RunTableResult",
  "RunModelResult": "run.schema.json#/$defs/RunModelResult",
  "CheckResult": "run.schema.json#/$defs/CheckResult",
  "SchemaDrift": "run.schema.json#/$defs/SchemaDrift",
  "ContractViolation": "run.schema.json#/$defs/ContractViolation",
  "RunError": "run.schema.json#/$defs/RunError",
  "StateOutput": "state.schema.json",
  "WatermarkEntry": "state.schema.json#/$defs/WatermarkEntry",
  "TestAdapterOutput": "test-adapter.schema.json",
  "TestAdapterResult": "test-adapter.schema.json#/$defs/TestAdapterResult"
} as const;

export type SchemaTypeName = keyof typeof TYPE_REFS;
