from __future__ import annotations

import io
import json
import math

import pytest
from harness import InProcess

from rocky_adapter_sdk.errors import InvalidRequest, ParseError
from rocky_adapter_sdk.framing import classify, encode, parse_line, read_frames
from toy_adapter import ToyAdapter


def test_parse_line_returns_the_object_of_a_json_line() -> None:
    assert parse_line(b'{"jsonrpc":"2.0","id":1,"method":"ping"}\r\n') == {"jsonrpc": "2.0", "id": 1, "method": "ping"}


def test_parse_line_reports_malformed_json_as_parse_error() -> None:
    frame = parse_line(b"{not json\n")
    assert isinstance(frame, ParseError)
    assert frame.code == -32700
    assert frame.message.startswith("Cannot parse message: ")


def test_parse_line_reports_invalid_utf8_as_parse_error() -> None:
    frame = parse_line(b'{"a":"\xff"}\n')
    assert isinstance(frame, ParseError)
    assert frame.message == "Cannot parse message: invalid UTF-8 at byte 6"


def test_parse_line_returns_a_batch_as_a_list_and_refuses_an_empty_one_or_a_scalar() -> None:
    assert parse_line(b"[1,2]\n") == [1, 2]
    empty = parse_line(b"[]\n")
    assert isinstance(empty, InvalidRequest)
    assert empty.message == "Invalid request: an empty batch"
    scalar = parse_line(b"42\n")
    assert isinstance(scalar, InvalidRequest)
    assert scalar.message == "Invalid request: expected a JSON-RPC object or a batch, got a JSON number"


def test_read_frames_skips_blank_lines_and_stops_at_eof() -> None:
    stream = io.BytesIO(b'{"a":1}\n\n   \n{"b":2}\r\n{"c":3}')
    assert list(read_frames(stream)) == [{"a": 1}, {"b": 2}, {"c": 3}]


def test_encode_writes_one_utf8_line_with_raw_multibyte_characters() -> None:
    data = encode({"s": "héllo ✓ 🦀\nnext"})
    assert data == '{"s":"héllo ✓ 🦀\\nnext"}\n'.encode("utf-8")
    assert data.count(b"\n") == 1


def test_encode_refuses_nan_instead_of_writing_invalid_json() -> None:
    with pytest.raises(ValueError):
        encode({"x": math.nan})


def test_classify_tells_requests_notifications_responses_and_invalid_messages() -> None:
    assert classify({"jsonrpc": "2.0", "id": 1, "method": "ping"}) == ("request", None)
    assert classify({"jsonrpc": "2.0", "id": "a", "method": "ping"}) == ("request", None)
    assert classify({"jsonrpc": "2.0", "method": "$/cancelRequest"}) == ("notification", None)
    assert classify({"jsonrpc": "2.0", "id": 1, "result": {}}) == ("response", None)
    assert classify({"id": 1, "method": "ping"}) == ("invalid", 'Message is not JSON-RPC 2.0: "jsonrpc" must be "2.0"')
    assert classify({"jsonrpc": "2.0", "id": True, "method": "ping"}) == ("invalid", '"id" must be an integer or a string')
    assert classify({"jsonrpc": "2.0", "id": 1, "method": 5}) == ("invalid", '"method" must be a string')
    assert classify({"jsonrpc": "2.0", "method": "ping", "params": "bar"}) == ("invalid", '"params" must be an object or an array')
    assert classify({"jsonrpc": "2.0", "id": 1, "method": "ping", "params": [1]}) == ("request", None)


def test_server_answers_malformed_json_with_parse_error_and_id_null_then_keeps_running() -> None:
    server = InProcess(ToyAdapter())
    peer = server.peer
    peer.send_raw(b"this is not json\n")
    peer.send_raw(b'{"jsonrpc":"2.0","id":1,"method":"ping"\n')
    assert peer.call("ping") == {"jsonrpc": "2.0", "id": 1, "result": {}}
    peer.wait_for(lambda p: len(p.null_id) == 2)
    assert [m["error"]["code"] for m in peer.null_id] == [-32700, -32700]
    assert peer.null_id[0]["error"]["data"] == {"code": "PARSE_ERROR"}
    assert server.stop() is True


def test_server_answers_a_message_without_jsonrpc_version_with_invalid_request_and_id_null() -> None:
    server = InProcess(ToyAdapter())
    server.peer.send({"id": 7, "method": "ping"})
    server.peer.wait_for(lambda p: len(p.null_id) == 1)
    answer = server.peer.null_id[0]
    assert answer["error"]["code"] == -32600
    assert answer["error"]["message"] == 'Message is not JSON-RPC 2.0: "jsonrpc" must be "2.0"'
    assert 7 not in server.peer.responses
    server.stop()


def test_server_round_trips_a_multi_megabyte_multibyte_string_in_one_line(toy: InProcess) -> None:
    text = ("ünïcødé ✓ 🦀 " * 300_000)[:3_000_000]
    answer = toy.peer.call("execute_query", {"sql": "big", "params": [text]})
    assert answer["result"]["rows"] == [[text]]
    line = next(raw for raw in toy.peer.raw_lines if b'"rows"' in raw)
    assert len(line) > 5_000_000
    assert json.loads(line)["result"]["rows"][0][0] == text
