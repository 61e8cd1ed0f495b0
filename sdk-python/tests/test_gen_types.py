from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from harness import SDK_ROOT

SCRIPT = SDK_ROOT / "scripts" / "gen_types.py"
SCHEMAS = SDK_ROOT.parent / "schemas" / "protocol"
GENERATED = SDK_ROOT / "rocky_adapter_sdk" / "_generated.py"


def gen(*args: str) -> subprocess.CompletedProcess:  # type: ignore[type-arg]
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=30)


def test_gen_types_check_passes_on_the_committed_file() -> None:
    result = gen("--check")
    assert (result.returncode, result.stderr) == (0, "")


def test_gen_types_check_exits_1_naming_the_fix_when_a_schema_changed(tmp_path: Path) -> None:
    schemas = tmp_path / "schemas"
    shutil.copytree(SCHEMAS, schemas)
    messages = json.loads((schemas / "messages.schema.json").read_text())
    messages["$defs"]["TableRef"]["properties"]["alias"] = {"type": "string"}
    (schemas / "messages.schema.json").write_text(json.dumps(messages))
    output = tmp_path / "_generated.py"
    shutil.copy(GENERATED, output)
    result = gen("--schemas", str(schemas), "--output", str(output))
    assert result.returncode == 1
    assert "+    alias: str" in result.stderr
    assert result.stderr.rstrip().endswith(f'is stale against "{schemas}"; run: python3 scripts/gen_types.py --write')
    assert gen("--write", "--schemas", str(schemas), "--output", str(output)).returncode == 0
    assert gen("--check", "--schemas", str(schemas), "--output", str(output)).returncode == 0


def test_generated_module_has_a_typed_dict_for_every_schema_type() -> None:
    from rocky_adapter_sdk import _generated

    defs = json.loads((SCHEMAS / "messages.schema.json").read_text())["$defs"]
    for name in defs:
        assert hasattr(_generated, name), name
    assert _generated.TableRef.__required_keys__ == frozenset({"catalog", "schema", "table"})
    assert _generated.Capabilities.__optional_keys__ == frozenset({"drop_catalog", "file_load", "dialect", "query_paging", "cancellation", "transactions", "sql_parse"})
    assert _generated.AdapterManifest.__required_keys__ >= {"name", "capabilities", "config_schema"}
    assert set(_generated.SCHEMA_DEFS) == set(defs) | {"AdapterManifest", "Capabilities"}
