"""The layers of ARCHITECTURE.md, read from the code: a change that breaks them fails.

The import graph is read from the source as text (no module is run), like a
newcomer reading the imports at the top of each file.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLATFORM = "portal.core"
APPS = ["portal.accounts", "portal.pages", "privacy", "courses", "forum"]
OPTIONAL_APPS = ["counselling"]
SKIPPED_PARTS = {".venv", "tests", "migrations", "bench", "node_modules", ".git"}
MAX_LINES = 400
# A unit may import only units of a lower rank (ARCHITECTURE.md, "Layers").
RANKS = {
    PLATFORM: 0,
    "privacy": 1,
    "portal.accounts": 2,
    "portal.pages": 2,
    "courses": 3,
    "forum": 4,
    "counselling": 4,
}
DEFERRED_MARK = "# deferred:"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _owner(module: str):
    for unit in sorted([PLATFORM, *APPS, *OPTIONAL_APPS], key=len, reverse=True):
        if module == unit or module.startswith(unit + "."):
            return unit
    return None


def _project_files():
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT)
        if SKIPPED_PARTS.isdisjoint(relative.parts):
            yield path


def _imports(path: Path):
    """(target module, line number, inside a function?) for each import."""
    source = path.read_text()
    tree = ast.parse(source)
    module = _module_name(path)
    in_function = {
        id(node)
        for function in ast.walk(tree)
        if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef)
        for node in ast.walk(function)
        if isinstance(node, ast.Import | ast.ImportFrom)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")
                keep = len(base) - node.level + (path.name == "__init__.py")
                prefix = base[:keep]
                targets = [".".join(prefix + ([node.module] if node.module else []))]
                if not node.module:
                    targets = [".".join(prefix + [a.name]) for a in node.names]
            else:
                targets = [node.module]
        else:
            continue
        for target in targets:
            yield target, node.lineno, id(node) in in_function


def _edges():
    edges = {}
    for path in _project_files():
        source_unit = _owner(_module_name(path))
        for target, line, _inner in _imports(path):
            target_unit = _owner(target)
            if source_unit and target_unit and source_unit != target_unit:
                edges.setdefault(source_unit, {}).setdefault(target_unit, []).append(
                    f"{path.relative_to(ROOT)}:{line}"
                )
    return edges


def _cycles(edges):
    found = set()
    for start in edges:
        stack = [(start, [start])]
        while stack:
            node, trail = stack.pop()
            for following in edges.get(node, {}):
                if following == start:
                    found.add(tuple(sorted(trail)))
                elif following not in trail:
                    stack.append((following, [*trail, following]))
    return found


def test_no_import_cycle_between_apps():
    assert not _cycles(_edges())


def test_each_layer_imports_only_the_layers_below_it():
    upward = {
        f"{source} -> {target}": where
        for source, targets in _edges().items()
        for target, where in targets.items()
        if RANKS[target] >= RANKS[source]
    }
    assert not upward, upward


def test_the_platform_imports_no_app():
    imports = _edges().get(PLATFORM, {})
    assert not imports, imports


def test_privacy_imports_no_other_app_only_the_platform():
    imports = {
        unit: where
        for unit, where in _edges().get("privacy", {}).items()
        if unit != PLATFORM
    }
    assert not imports, imports


def test_imports_of_own_modules_sit_at_the_top_unless_a_reason_is_given():
    own_roots = {unit.split(".")[0] for unit in [PLATFORM, *APPS, *OPTIONAL_APPS]}
    hidden = []
    for path in _project_files():
        lines = path.read_text().splitlines()
        for target, line, inner in _imports(path):
            if inner and target.split(".")[0] in own_roots:
                if DEFERRED_MARK not in lines[line - 1]:
                    hidden.append(f"{path.relative_to(ROOT)}:{line} {target}")
    assert not hidden, hidden


def test_no_python_file_outside_migrations_and_tests_passes_400_lines():
    long = {
        str(path.relative_to(ROOT)): length
        for path in _project_files()
        if (length := len(path.read_text().splitlines())) > MAX_LINES
    }
    assert not long, long
