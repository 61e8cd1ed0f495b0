"""Params validation against the protocol's schemas (the subset of JSON Schema they use)."""
from __future__ import annotations

import re
from typing import Any, Callable, Dict, List, Mapping, Optional, cast

from ._generated import SCHEMA_DEFS

def _is_integer(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


_JSON_TYPES: Dict[str, Callable[[Any], bool]] = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "integer": _is_integer,
    "number": _is_number,
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
}


def validate(type_name: str, value: Any) -> Optional[str]:
    """The first problem with `value` as a `type_name`, or None. Unknown extra properties are tolerated."""
    return _check(SCHEMA_DEFS[type_name], value, "params")


def _check(schema: Mapping[str, Any], value: Any, path: str) -> Optional[str]:
    ref = schema.get("$ref")
    if isinstance(ref, str):
        return _check(SCHEMA_DEFS[ref.rsplit("/", 1)[-1]], value, path)
    kind = schema.get("type")
    if kind is not None:
        kinds: List[str] = cast(List[str], kind) if isinstance(kind, list) else [str(kind)]
        if not any(_JSON_TYPES[k](value) for k in kinds):
            return f"{path} must be {' or '.join(kinds)}, got {_describe(value)}"
    enum = schema.get("enum")
    if isinstance(enum, list) and value not in enum:
        return f"{path} must be one of {', '.join(repr(e) for e in cast(List[Any], enum))}"
    if isinstance(value, str) and len(value) < schema.get("minLength", 0):
        return f"{path} must not be empty"
    if isinstance(value, str) and "pattern" in schema and not re.search(schema["pattern"], value):
        return f'{path} must match {schema["pattern"]}, got "{value}"'
    if isinstance(value, (int, float)) and not isinstance(value, bool) and "minimum" in schema and value < schema["minimum"]:
        return f"{path} must be at least {schema['minimum']}"
    if isinstance(value, list):
        return _check_array(schema, cast(List[Any], value), path)
    if isinstance(value, dict):
        return _check_object(schema, cast(Dict[str, Any], value), path)
    return None


def _check_array(schema: Mapping[str, Any], value: List[Any], path: str) -> Optional[str]:
    if len(value) < schema.get("minItems", 0):
        return f"{path} must have at least {schema['minItems']} item(s)"
    items = schema.get("items")
    if isinstance(items, dict):
        for i, item in enumerate(value):
            problem = _check(cast(Dict[str, Any], items), item, f"{path}[{i}]")
            if problem:
                return problem
    return None


def _check_object(schema: Mapping[str, Any], value: Dict[str, Any], path: str) -> Optional[str]:
    for key in schema.get("required", []):
        if key not in value:
            return f'{path}.{key} is required'
    props: Mapping[str, Any] = schema.get("properties", {})
    for key, sub in props.items():
        if key in value:
            problem = _check(sub, value[key], f"{path}.{key}")
            if problem:
                return problem
    extra = schema.get("additionalProperties")
    if isinstance(extra, dict):
        for key, item in value.items():
            if key not in props:
                problem = _check(cast(Dict[str, Any], extra), item, f"{path}.{key}")
                if problem:
                    return problem
    return None


def _describe(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"
