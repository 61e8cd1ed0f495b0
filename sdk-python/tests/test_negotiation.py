from __future__ import annotations

import pytest
from harness import InProcess

from rocky_adapter_sdk import ProtocolVersionMismatch, negotiate
from toy_adapter import ToyAdapter


def test_negotiate_picks_the_highest_version_in_the_overlap() -> None:
    assert negotiate({"min": 1, "max": 1}) == 1
    assert negotiate({"min": 1, "max": 5}, {"min": 2, "max": 3}) == 3
    assert negotiate({"min": 3, "max": 4}, {"min": 1, "max": 3}) == 3


def test_negotiate_defaults_to_version_1_when_no_range_is_offered() -> None:
    assert negotiate(None) == 1


def test_negotiate_raises_mismatch_naming_both_ranges_when_they_do_not_overlap() -> None:
    with pytest.raises(ProtocolVersionMismatch) as caught:
        negotiate({"min": 2, "max": 3}, {"min": 1, "max": 1}, "toy")
    assert caught.value.code == -32050
    assert caught.value.message == 'Cannot agree on a protocol version: the host offers 2..3, adapter "toy" supports 1'
    assert caught.value.data == {
        "code": "PROTOCOL_VERSION_MISMATCH",
        "supported": {"min": 1, "max": 1},
        "offered": {"min": 2, "max": 3},
    }


def test_initialize_answers_manifest_and_negotiated_version() -> None:
    server = InProcess(ToyAdapter())
    result = server.peer.result("initialize", {"config": {"x": 1}, "protocol_versions": {"min": 1, "max": 4}, "client": {"name": "rocky", "version": "0"}})
    assert result["protocol_version"] == 1
    assert result["manifest"]["name"] == "toy"
    assert result["manifest"]["sdk_version"] == "0.1.0"
    assert result["manifest"]["capabilities"]["warehouse"] is True
    assert result["manifest"]["capabilities"]["governance"] is False
    assert server.server.adapter.config == {"x": 1}  # type: ignore[attr-defined]
    server.stop()


def test_initialize_without_a_range_answers_version_1() -> None:
    server = InProcess(ToyAdapter())
    assert server.peer.result("initialize", {"config": {}})["protocol_version"] == 1
    server.stop()


def test_initialize_with_no_overlap_answers_minus_32050_and_does_not_initialize() -> None:
    adapter = ToyAdapter()
    server = InProcess(adapter)
    answer = server.peer.call("initialize", {"config": {}, "protocol_versions": {"min": 2, "max": 2}})
    assert answer["error"] == {
        "code": -32050,
        "message": 'Cannot agree on a protocol version: the host offers 2, adapter "toy" supports 1',
        "data": {"code": "PROTOCOL_VERSION_MISMATCH", "supported": {"min": 1, "max": 1}, "offered": {"min": 2, "max": 2}},
    }
    assert adapter.config is None
    assert server.peer.call("execute_statement", {"sql": "x"})["error"]["code"] == -32600
    server.stop()


def test_initialize_with_a_malformed_range_answers_invalid_params() -> None:
    server = InProcess(ToyAdapter())
    answer = server.peer.call("initialize", {"config": {}, "protocol_versions": {"min": 0, "max": 2}})
    assert answer["error"]["code"] == -32602
    assert answer["error"]["message"] == 'Invalid params for "initialize": params.protocol_versions.min must be at least 1'
    server.stop()
