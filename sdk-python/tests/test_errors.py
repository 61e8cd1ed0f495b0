from __future__ import annotations

from harness import InProcess

from rocky_adapter_sdk import (
    STRING_CODES,
    AdapterError,
    CapabilityNotSupported,
    ErrorCode,
    ExecutionFailed,
    InvalidConfig,
    NotFound,
    RequestCancelled,
    Unavailable,
)


def test_named_errors_carry_their_numeric_code_and_string_code_in_data() -> None:
    cases = [
        (ExecutionFailed("x"), -32052, "EXECUTION_FAILED"),
        (NotFound("x"), -32053, "NOT_FOUND"),
        (InvalidConfig("x"), -32054, "INVALID_CONFIG"),
        (CapabilityNotSupported("x"), -32051, "CAPABILITY_NOT_SUPPORTED"),
        (RequestCancelled("x"), -32800, "CANCELLED"),
    ]
    for error, code, name in cases:
        assert error.to_wire() == {"code": code, "message": "x", "data": {"code": name}}


def test_adapter_error_merges_data_retryable_and_sqlstate() -> None:
    error = AdapterError(ErrorCode.EXECUTION_FAILED, "Division by zero", {"line": 3}, retryable=False, sqlstate="22012")
    assert error.to_wire() == {
        "code": -32052,
        "message": "Division by zero",
        "data": {"code": "EXECUTION_FAILED", "line": 3, "retryable": False, "sqlstate": "22012"},
    }
    assert str(error) == "Division by zero"


def test_unavailable_is_retryable_by_default() -> None:
    assert Unavailable("throttled").data == {"code": "UNAVAILABLE", "retryable": True}


def test_adapter_error_with_an_unregistered_code_uses_the_number_as_string_code() -> None:
    assert AdapterError(-32099, "custom").data == {"code": "-32099"}


def test_string_codes_match_the_hosts_legacy_names() -> None:
    assert STRING_CODES[ErrorCode.INTERNAL_ERROR] == "INTERNAL"
    assert STRING_CODES[ErrorCode.METHOD_NOT_FOUND] == "METHOD_NOT_FOUND"
    assert STRING_CODES[ErrorCode.NOT_FOUND] == "NOT_FOUND"


def test_adapter_error_raised_by_a_handler_is_answered_as_is(toy: InProcess) -> None:
    assert toy.peer.call("execute_statement", {"sql": "fail"})["error"] == {
        "code": -32052,
        "message": "no such table: x",
        "data": {"code": "EXECUTION_FAILED", "retryable": False, "sqlstate": "42P01"},
    }


def test_any_other_exception_is_answered_as_internal_error_with_its_message(toy: InProcess) -> None:
    assert toy.peer.call("execute_statement", {"sql": "boom"})["error"] == {
        "code": -32603,
        "message": "kaboom",
        "data": {"code": "INTERNAL", "type": "ValueError"},
    }
    assert toy.peer.result("ping") == {}
