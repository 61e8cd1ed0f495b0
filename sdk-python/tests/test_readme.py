from __future__ import annotations

import re
from pathlib import Path

from harness import SDK_ROOT, ChildProcess


def test_readme_example_adapter_runs_as_written(tmp_path: Path) -> None:
    readme = (SDK_ROOT / "README.md").read_text(encoding="utf-8")
    code = re.search(r"```python\n(.*?)```", readme, re.DOTALL)
    assert code is not None
    script = tmp_path / "tiny_adapter.py"
    script.write_text(code.group(1), encoding="utf-8")
    child = ChildProcess(str(script), env={"PYTHONPATH": str(SDK_ROOT)})
    try:
        assert child.initialize()["manifest"]["name"] == "tiny"
        assert child.peer.result("execute_statement", {"sql": "CREATE TABLE t (a INTEGER NOT NULL)"}) == {"rows_affected": None}
        assert child.peer.result("execute_statement", {"sql": "INSERT INTO t VALUES (?)", "params": [5]}) == {"rows_affected": 1}
        assert child.peer.result("execute_query", {"sql": "SELECT a FROM t"}) == {"columns": ["a"], "rows": [[5]]}
        assert child.peer.result("describe_table", {"catalog": "", "schema": "main", "table": "t"}) == {
            "columns": [{"name": "a", "data_type": "INTEGER", "nullable": False}]}
        assert child.peer.call("execute_query", {"sql": "SELEC"})["error"]["code"] == -32052
        page = child.peer.result("query/open", {"sql": "SELECT a FROM t"})
        assert child.peer.result("query/fetch", {"cursor": page["cursor"]}) == {"rows": [[5]], "done": True}
        assert child.peer.notifications[0]["params"] == {"level": "debug", "message": "query", "fields": {"sql": "SELECT a FROM t"}}
        assert child.close() == 0
    finally:
        child.kill()
