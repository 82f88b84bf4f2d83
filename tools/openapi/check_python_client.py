"""Gate (e) of scripts/openapi-gates.sh: did openapi-python-client turn the
whole document into a usable client?

    python check_python_client.py SPEC GENERATED_PACKAGE GENERATOR_LOG

Runs with the generator's own virtual environment, so that model names are
computed by the generator's own naming code, and so that the generated
package (which needs httpx and attrs, the generator's dependencies) can be
imported. Fails (exit 1) when:
- the generator warned about anything but a binary success body;
- a schema of components/schemas did not become a model;
- an operation has no function, or a success response with a JSON body is
  not parsed into a typed value (a 2xx without content, such as 204, is
  rightly None);
- the generated package does not import.
"""

import importlib
import json
import pathlib
import re
import sys

from openapi_python_client.strings import ClassName

# Success bodies that are files: the generator may leave them untyped.
BINARY = re.compile(
    r"^(application/(octet-stream|zip|pdf|vnd\.openxmlformats[^;]*)|image/[^;]+|text/csv)(;.*)?$"
)
FIELD_PREFIX = "field_"  # the generator's default, used in class names too


def warning_blocks(log: str) -> list[str]:
    """The generator's warnings, one block each (they are separated by a
    header line and blank lines)."""
    starts = re.compile(r"^(WARNING parsing |Unable to process schema )", re.M)
    positions = [m.start() for m in starts.finditer(log)]
    return [log[a:b].strip() for a, b in zip(positions, positions[1:] + [len(log)])]


def main() -> int:
    spec_path, package_dir, log_path = sys.argv[1:4]
    doc = json.loads(pathlib.Path(spec_path).read_text(encoding="utf-8"))
    package = pathlib.Path(package_dir)
    log = pathlib.Path(log_path).read_text(encoding="utf-8", errors="replace")
    problems: list[str] = []

    for block in warning_blocks(log):
        first = block.splitlines()[0]
        unsupported = re.search(r"Unsupported content_type ([^)\s]+)", block)
        if first.startswith("WARNING parsing") and unsupported and BINARY.match(unsupported.group(1)):
            print(f"  allowed (binary body): {first} -> {unsupported.group(1)}")
            continue
        # The generator prints some names as "<...UntrustedString object at 0x...>".
        text = re.sub(r"<openapi_python_client\S* object at 0x[0-9a-f]+>", "…", block)
        problems.append("generator warning: " + " | ".join(l for l in text.splitlines()[:6] if l.strip()))

    models_init = (package / "models" / "__init__.py").read_text(encoding="utf-8")
    generated_models = set(re.findall(r"^from \.\w+ import (\w+)$", models_init, re.M))
    schemas = doc.get("components", {}).get("schemas", {})
    for name in schemas:
        if ClassName(name, FIELD_PREFIX) not in generated_models:
            problems.append(f"schema {name} became no model")

    # Each endpoint module names its method and URL template in _get_kwargs.
    modules = {}
    for module in (package / "api").glob("*/*.py"):
        text = module.read_text(encoding="utf-8")
        m = re.search(r'"method": "(\w+)",\s+"url": "([^"]+)"', text)
        if m:
            modules[(m.group(1), m.group(2))] = text
    operations = 0
    for path, item in doc.get("paths", {}).items():
        for method, op in item.items():
            if method not in ("get", "put", "post", "delete", "patch", "head", "options", "trace"):
                continue
            operations += 1
            label = f"{method.upper()} {path} ({op.get('operationId', '?')})"
            text = modules.get((method, path))
            if text is None:
                problems.append(f"{label}: no function generated")
                continue
            for status, response in op.get("responses", {}).items():
                if not status.startswith("2"):
                    continue
                content = response.get("content") or {}
                if not content:
                    continue  # no body: None is the right answer
                if all(BINARY.match(ct) for ct in content):
                    continue
                parsed = re.search(rf"if response\.status_code == {status}:\s+response_{status} = (.+)", text)
                if parsed is None or parsed.group(1).strip() in ("None", "cast(Any, None)"):
                    problems.append(f"{label}: {status} answer is not parsed into a typed value")

    # The generated code must at least import (every model and endpoint).
    sys.path.insert(0, str(package.parent))
    for module in sorted(package.rglob("*.py")):
        dotted = ".".join(module.relative_to(package.parent).with_suffix("").parts)
        dotted = dotted.removesuffix(".__init__")
        try:
            importlib.import_module(dotted)
        except Exception as err:  # any failure to import is a broken client
            problems.append(f"generated module {dotted} does not import: {err!r}")

    print(f"  {len(schemas)} schemas, {len(generated_models)} models generated, "
          f"{operations} operations, {len(modules)} endpoint modules")
    for p in problems:
        print("  FAIL " + p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
