"""The examples of the JSON-RPC 2.0 specification (https://www.jsonrpc.org/specification, sections 4 to 7), answered exactly."""
from __future__ import annotations

import json
from typing import Any, Dict, List

import pytest
from harness import InProcess

from toy_adapter import ToyAdapter

INVALID_REQUEST = -32600


def invalid(problem: str) -> Dict[str, Any]:
    return {"jsonrpc": "2.0", "id": None, "error": {"code": INVALID_REQUEST, "message": problem, "data": {"code": "INVALID_REQUEST"}}}


@pytest.mark.parametrize(
    "request_object, problem",
    [
        ({"jsonrpc": "2.0", "method": 1, "params": "bar"}, '"method" must be a string'),
        ({"jsonrpc": "2.0", "id": 3, "method": 1}, '"method" must be a string'),
        ({"jsonrpc": "2.0", "id": 4, "method": "ping", "params": "bar"}, '"params" must be an object or an array'),
        ({"jsonrpc": "2.0", "id": 5, "method": "ping", "params": 42}, '"params" must be an object or an array'),
        ({"id": 6, "method": "ping"}, 'Message is not JSON-RPC 2.0: "jsonrpc" must be "2.0"'),
        ({"jsonrpc": "1.0", "id": 7, "method": "ping"}, 'Message is not JSON-RPC 2.0: "jsonrpc" must be "2.0"'),
        ({"jsonrpc": 2.0, "id": 8, "method": "ping"}, 'Message is not JSON-RPC 2.0: "jsonrpc" must be "2.0"'),
        ({"jsonrpc": "2.0", "id": {"a": 1}, "method": "ping"}, '"id" must be an integer or a string'),
        ({"jsonrpc": "2.0", "id": [9], "method": "ping"}, '"id" must be an integer or a string'),
        ({"jsonrpc": "2.0", "id": True, "method": "ping"}, '"id" must be an integer or a string'),
    ],
)
def test_every_invalid_request_object_answers_minus_32600_with_id_null(toy: InProcess, request_object: Dict[str, Any], problem: str) -> None:
    toy.peer.send(request_object)
    toy.peer.wait_for(lambda p: len(p.null_id) == 1)
    assert toy.peer.null_id == [invalid(problem)]
    assert toy.peer.result("ping") == {}


def send_batch(toy: InProcess, items: List[Any]) -> List[Dict[str, Any]]:
    toy.peer.send_raw(json.dumps(items).encode("utf-8") + b"\n")
    toy.peer.wait_for(lambda p: len(p.batches) == 1)
    return sorted(toy.peer.batches[0], key=lambda m: "" if m["id"] is None else str(m["id"]))


def test_a_batch_gets_one_array_with_an_answer_per_request_and_none_per_notification(toy: InProcess) -> None:
    answers = send_batch(toy, [
        {"jsonrpc": "2.0", "method": "ping", "id": "1"},
        {"jsonrpc": "2.0", "method": "$/log", "params": {"level": "info", "message": "a notification"}},
        {"jsonrpc": "2.0", "method": "execute_query", "params": {"sql": "big", "params": ["x"]}, "id": "2"},
        {"foo": "boo"},
        {"jsonrpc": "2.0", "method": "foo.get", "params": {"name": "myself"}, "id": "5"},
        {"jsonrpc": "2.0", "method": "ping", "id": "9"},
    ])
    assert [a["id"] for a in answers] == [None, "1", "2", "5", "9"]
    assert answers[0] == invalid('Message is not JSON-RPC 2.0: "jsonrpc" must be "2.0"')
    assert answers[1]["result"] == {} and answers[4]["result"] == {}
    assert answers[2]["result"] == {"columns": ["s"], "rows": [["x"]]}
    assert answers[3]["error"]["code"] == -32601
    assert len([line for line in toy.peer.raw_lines if line.startswith(b"[")]) == 1


def test_a_batch_of_non_objects_gets_an_invalid_request_per_member(toy: InProcess) -> None:
    assert send_batch(toy, [1, 2, 3]) == [invalid("Invalid request: a batch member must be a JSON-RPC object")] * 3


def test_an_empty_batch_gets_one_invalid_request_not_an_array(toy: InProcess) -> None:
    toy.peer.send_raw(b"[]\n")
    toy.peer.wait_for(lambda p: len(p.null_id) == 1)
    assert toy.peer.null_id == [invalid("Invalid request: an empty batch")]
    assert toy.peer.batches == []


def test_a_batch_of_notifications_gets_no_answer_at_all(toy: InProcess) -> None:
    toy.peer.send_raw(b'[{"jsonrpc":"2.0","method":"$/log","params":{"level":"info","message":"a"}},{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":77}}]\n')
    assert toy.peer.result("ping") == {}
    assert toy.peer.batches == [] and toy.peer.null_id == []
    assert toy.peer.raw_lines[-1] == b'{"jsonrpc":"2.0","id":2,"result":{}}\n' and not any(line.startswith(b"[") for line in toy.peer.raw_lines)
