#!/usr/bin/env python3
"""Generate rocky_adapter_sdk/_generated.py from ../schemas/protocol/*.schema.json.

One TypedDict per object type (each file's root type and every `$defs` entry), a type alias for
every other type, and SCHEMA_DEFS: the same definitions as data, with `$ref`s rewritten to
"#/$defs/<Title>", for the SDK's params validation.

    python3 scripts/gen_types.py           check: exit 1 with a message when the file is stale
    python3 scripts/gen_types.py --check   same
    python3 scripts/gen_types.py --write   regenerate

Standard library only.
"""
from __future__ import annotations

import argparse
import difflib
import json
import keyword
import pprint
import sys
from pathlib import Path
from typing import Any, Dict, List, Optional, Set, Tuple, cast

HERE = Path(__file__).resolve().parent
DEFAULT_SCHEMAS = HERE.parent.parent / "schemas" / "protocol"
DEFAULT_OUTPUT = HERE.parent / "rocky_adapter_sdk" / "_generated.py"
REGENERATE = "python3 scripts/gen_types.py --write"

Schema = Dict[str, Any]


def load_definitions(schema_dir: Path) -> Tuple[Dict[str, Schema], Dict[str, str]]:
    """Returns title → schema for every named type, and file $id → the root type's title."""
    files = sorted(schema_dir.glob("*.schema.json"))
    if not files:
        raise SystemExit(f'gen_types: no *.schema.json files in "{schema_dir}"')
    roots: Dict[str, str] = {}
    defs: Dict[str, Schema] = {}
    docs: List[Tuple[str, Schema]] = []
    for path in files:
        doc: Schema = json.loads(path.read_text(encoding="utf-8"))
        file_id = str(doc.get("$id", path.name))
        roots[file_id] = str(doc.get("title", path.name))
        docs.append((file_id, doc))
    for file_id, doc in docs:
        root = {k: v for k, v in doc.items() if k not in ("$defs", "$schema", "$id")}
        if "type" in root or "properties" in root:
            defs[roots[file_id]] = root
        for name, sub in doc.get("$defs", {}).items():
            defs[str(sub.get("title", name))] = sub
    return defs, roots


def ref_title(ref: str, roots: Dict[str, str]) -> str:
    if ref.startswith("#/$defs/"):
        return ref[len("#/$defs/"):]
    file_part, _, pointer = ref.partition("#")
    if pointer.startswith("/$defs/"):
        return pointer[len("/$defs/"):]
    if file_part in roots:
        return roots[file_part]
    raise SystemExit(f'gen_types: cannot resolve $ref "{ref}"')


def rewrite_refs(node: Any, roots: Dict[str, str]) -> Any:
    if isinstance(node, dict):
        out: Dict[str, Any] = {}
        for key, value in cast(Dict[str, Any], node).items():
            if key == "$ref":
                out[key] = f"#/$defs/{ref_title(str(value), roots)}"
            elif key in ("description", "title", "$defs"):
                continue
            else:
                out[str(key)] = rewrite_refs(value, roots)
        return out
    if isinstance(node, list):
        return [rewrite_refs(v, roots) for v in cast(List[Any], node)]
    return node


PRIMITIVES = {"string": "str", "integer": "int", "number": "float", "boolean": "bool", "null": "None"}


class Emitter:
    def __init__(self, defs: Dict[str, Schema], roots: Dict[str, str]) -> None:
        self.defs = defs
        self.roots = roots
        self.emitted: Set[str] = set()
        self.lines: List[str] = []

    def annotation(self, schema: Schema) -> str:
        if "$ref" in schema:
            name = ref_title(str(schema["$ref"]), self.roots)
            return name if name in self.emitted else f'"{name}"'
        if "enum" in schema:
            return "Literal[" + ", ".join(json.dumps(v) for v in schema["enum"]) + "]"
        if "const" in schema:
            return f"Literal[{json.dumps(schema['const'])}]"
        kind = schema.get("type")
        if isinstance(kind, list):
            parts = [self.annotation({**schema, "type": k}) for k in cast(List[str], kind)]
            non_null = [p for p in parts if p != "None"]
            union = non_null[0] if len(non_null) == 1 else f"Union[{', '.join(non_null)}]"
            return f"Optional[{union}]" if "None" in parts else union
        if kind == "array":
            items = schema.get("items")
            return f"List[{self.annotation(cast(Schema, items)) if isinstance(items, dict) else 'Any'}]"
        if kind == "object":
            extra = schema.get("additionalProperties")
            if isinstance(extra, dict) and not schema.get("properties"):
                return f"Dict[str, {self.annotation(cast(Schema, extra))}]"
            return "Dict[str, Any]"
        if isinstance(kind, str) and kind in PRIMITIVES:
            return PRIMITIVES[kind]
        return "Any"

    def dependencies(self, schema: Any) -> Set[str]:
        found: Set[str] = set()
        if isinstance(schema, dict):
            for key, value in cast(Dict[str, Any], schema).items():
                if key == "$ref":
                    found.add(ref_title(str(value), self.roots))
                else:
                    found |= self.dependencies(value)
        elif isinstance(schema, list):
            for value in cast(List[Any], schema):
                found |= self.dependencies(value)
        return found

    def emit_all(self) -> None:
        pending = sorted(self.defs)
        while pending:
            ready = [n for n in pending if self.dependencies(self.defs[n]) - {n} <= self.emitted]
            name = ready[0] if ready else pending[0]
            pending.remove(name)
            self.emit(name, self.defs[name])

    def emit(self, name: str, schema: Schema) -> None:
        doc = schema.get("description")
        props: Dict[str, Schema] = schema.get("properties", {})
        if schema.get("type") == "object" and props:
            self.emit_typed_dict(name, schema, props)
        elif schema.get("type") == "object":
            self.lines += [f"{name} = Dict[str, Any]"]
            if doc:
                self.lines.append(f"{self.docstring(doc, '')}")
        else:
            self.lines.append(f"{name} = {self.annotation(schema)}")
            if doc:
                self.lines.append(self.docstring(doc, ""))
        self.lines += ["", ""]
        self.emitted.add(name)

    def emit_typed_dict(self, name: str, schema: Schema, props: Dict[str, Schema]) -> None:
        required: List[str] = [k for k in props if k in schema.get("required", [])]
        optional: List[str] = [k for k in props if k not in required]
        doc = schema.get("description")
        if any(keyword.iskeyword(k) or not k.isidentifier() for k in props):
            raise SystemExit(f'gen_types: "{name}" has a property that is not a Python identifier')
        if required and optional:
            base = f"_{name}Required"
            self.lines.append(f"class {base}(TypedDict):")
            self.emit_keys(required, props)
            self.lines += ["", ""]
            self.lines.append(f"class {name}({base}, total=False):")
            keys = optional
        else:
            total = "" if required else ", total=False"
            self.lines.append(f"class {name}(TypedDict{total}):")
            keys = required or optional
        if doc:
            self.lines.append(self.docstring(doc, "    "))
        self.emit_keys(keys, props)

    def emit_keys(self, keys: List[str], props: Dict[str, Schema]) -> None:
        for key in keys:
            self.lines.append(f"    {key}: {self.annotation(props[key])}")
            described = props[key].get("description")
            if described:
                self.lines.append(self.docstring(described, "    "))

    @staticmethod
    def docstring(text: str, indent: str) -> str:
        text = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
        return f'{indent}"""{text}"""'


def render(schema_dir: Path) -> str:
    defs, roots = load_definitions(schema_dir)
    emitter = Emitter(defs, roots)
    emitter.emit_all()
    schema_defs = {name: rewrite_refs(defs[name], roots) for name in sorted(defs)}
    sources = ", ".join(sorted(p.name for p in schema_dir.glob("*.schema.json")))
    header = [
        f'"""Generated by scripts/gen_types.py from schemas/protocol ({sources}). Do not edit.',
        "",
        f"Regenerate: {REGENERATE}",
        '"""',
        "# pyright: reportUnusedImport=false",
        "from typing import Any, Dict, List, Literal, Optional, TypedDict, Union",
        "",
    ]
    footer = [
        "SCHEMA_DEFS: Dict[str, Any] = " + pprint.pformat(schema_defs, width=110, sort_dicts=True),
        '"""Every type above as JSON Schema, `$ref`s pointing at "#/$defs/<name>"; used to validate params."""',
        "",
    ]
    return "\n".join(header + emitter.lines + footer)


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help="exit 1 when the generated file is stale (default)")
    mode.add_argument("--write", action="store_true", help="regenerate the file")
    parser.add_argument("--schemas", type=Path, default=DEFAULT_SCHEMAS, help="folder of *.schema.json")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="generated module path")
    args = parser.parse_args(argv)
    expected = render(args.schemas)
    output: Path = args.output
    if args.write:
        output.write_text(expected, encoding="utf-8")
        print(f"gen_types: wrote {output}", file=sys.stderr)
        return 0
    actual = output.read_text(encoding="utf-8") if output.exists() else ""
    if actual == expected:
        return 0
    diff = difflib.unified_diff(actual.splitlines(True), expected.splitlines(True), str(output), "expected")
    sys.stderr.writelines(list(diff)[:200])
    print(f'gen_types: "{output}" is stale against "{args.schemas}"; run: {REGENERATE}', file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
