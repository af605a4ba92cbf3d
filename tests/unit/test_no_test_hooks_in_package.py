"""The package carries no test helpers or fault hooks: tests inject faults from outside."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import lagebild

PACKAGE = Path(lagebild.__file__).parent
TEST_ONLY_MODULES = {"pytest", "unittest", "_pytest", "hypothesis", "tests", "store_engines",
                     "fault_env", "batch_corpus", "sitecustomize"}
TEST_HOOK_NAME = re.compile(r"LAGEBILD_\w*TEST\w*|LAGEBILD_\w*(KILL|FAULT|CRASH)\w*")


def _imported_roots(path: Path) -> set[str]:
    roots: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def _package_files() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_no_test_module_inside_the_package():
    names = [p.relative_to(PACKAGE).as_posix() for p in _package_files()]
    assert "store/db.py" in names  # the walk sees the package
    assert [n for n in names if Path(n).stem in {"testing", "conftest"} or Path(n).stem.startswith("test_")] == []


def test_no_package_module_imports_a_test_helper():
    offenders = {p.relative_to(PACKAGE).as_posix(): sorted(_imported_roots(p) & TEST_ONLY_MODULES)
                 for p in _package_files()}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_no_package_module_reads_a_test_hook_variable():
    found = {p.relative_to(PACKAGE).as_posix(): m.group()
             for p in _package_files() if (m := TEST_HOOK_NAME.search(p.read_text(encoding="utf-8")))}
    assert found == {}


def test_the_hook_pattern_finds_what_it_should():
    assert TEST_HOOK_NAME.search('os.environ.get("LAGEBILD_BATCH_TEST_KILL_ON")')
    assert TEST_HOOK_NAME.search('os.environ["LAGEBILD_TEST_PG"]')
    assert not TEST_HOOK_NAME.search('os.environ.get("LAGEBILD_MODELS")')
