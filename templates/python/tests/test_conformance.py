"""Runs Rocky's conformance suite on this adapter, through the protocol only.

It must pass, apart from the checks listed in conformance-expected-failures.txt; a listed check that passes
fails the run too, so delete its line. Needs the rocky CLI: on PATH, or ROCKY="node <rocky>/host/dist/main.js".
"""
from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def rocky() -> list[str]:
    command = os.environ.get("ROCKY") or shutil.which("rocky")
    assert command, 'The rocky CLI is needed: put it on PATH or set ROCKY, e.g. ROCKY="node ~/rocky/host/dist/main.js"'
    return shlex.split(command)


def test_rocky_test_adapter_passes() -> None:
    adapter = f"{shlex.quote(sys.executable)} {shlex.quote(str(ROOT / 'adapter.py'))}"
    proc = subprocess.run(
        [*rocky(), "test-adapter", "--command", adapter, "--config", str(ROOT / "config.json"),
         "--expected-failures", str(ROOT / "conformance-expected-failures.txt"), "--output", "json"],
        capture_output=True, text=True, timeout=900,
    )
    assert proc.stdout, proc.stderr
    report = json.loads(proc.stdout)
    problems = [f"{r['name']}: {r['message']}" for r in report["results"] if r["status"] == "failed" and not r["expected_failure"]]
    problems += [f"{name} passes now: delete it from conformance-expected-failures.txt" for name in report["stale_expected_failures"]]
    assert report["status"] == "passed", "\n".join(problems) or proc.stderr
