"""Text from outside never reaches a Streamlit element that renders markdown except through ``hrcmap.escape``.

A static check over every page and every ui module: the text argument of each element that
renders markdown (text, captions, headings, notices, link labels) must be a literal, an escape
helper's result, or built only from those and numbers. A page that passed a data field straight
to ``st.markdown`` fails here, before any browser sees it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from hrcmap import escape

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted([*ROOT.glob("pages/*.py"), *ROOT.glob("hrcmap/ui/*.py"), ROOT / "dashboard.py"])
# elements whose first argument (or label) Streamlit renders as markdown
MARKDOWN_ELEMENTS = {
    "markdown",
    "caption",
    "title",
    "header",
    "subheader",
    "info",
    "warning",
    "error",
    "success",
    "toast",
    "write",
    "page_link",
    "html",
    "expander",
    "button",
    "download_button",
    "link_button",
}
SAFE_CALLS = {"markdown", "link", "len", "int", "plural"}  # escape.markdown, escape.link; numbers and counted nouns
SAFE_ATTRIBUTES = {"markdown", "title_markdown"}  # properties that return escaped markdown
TRUSTED = {"about.ABOUT", "present.CSS"}  # our own prose and style, no data inside


def _dotted(node: ast.AST) -> str:
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    return node.id if isinstance(node, ast.Name) else ""


def is_safe(node: ast.AST) -> bool:
    """True when the expression can only hold literal text, numbers or escaped text."""
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.JoinedStr):
        return all(is_safe(v.value) if isinstance(v, ast.FormattedValue) else True for v in node.values)
    if isinstance(node, ast.BinOp):
        if isinstance(node.op, ast.Add):
            return is_safe(node.left) and is_safe(node.right)
        return True  # arithmetic gives numbers
    if isinstance(node, ast.Call):
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name == "join" and node.args and isinstance(node.args[0], ast.GeneratorExp):
            return is_safe(func.value) and is_safe(node.args[0].elt)  # type: ignore[attr-defined]
        # *_markdown and *_html are the project's builders, which escape every outside text they take
        return name in SAFE_CALLS or name.endswith(("_markdown", "_html"))
    if isinstance(node, ast.Attribute):
        return node.attr in SAFE_ATTRIBUTES or _dotted(node) in TRUSTED
    if isinstance(node, ast.IfExp):
        return is_safe(node.body) and is_safe(node.orelse)
    return False


def text_arguments(tree: ast.AST):
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        if node.func.attr not in MARKDOWN_ELEMENTS or _dotted(node.func.value) == "escape":
            continue
        label = next((k.value for k in node.keywords if k.arg == "label"), None)
        if node.func.attr == "page_link":
            if label is not None:
                yield node, label
        elif node.args:
            yield node, node.args[0]


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_markdown_element_gets_literal_or_escaped_text(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    unsafe = [f"{path.name}:{call.lineno} {ast.unparse(arg)[:80]}" for call, arg in text_arguments(tree) if not is_safe(arg)]
    assert unsafe == [], "text from outside must pass through hrcmap.escape:\n" + "\n".join(unsafe)


def test_the_check_catches_a_data_field_passed_straight_through():
    page = ast.parse(
        "import streamlit as st\nst.markdown(row['name'])\nst.caption(f'Conflict {group}')\n"
        "st.page_link('p.py', label=r.Place)\nst.markdown(escape.markdown(row['name']))\n"
    )
    verdicts = [is_safe(arg) for _, arg in text_arguments(page)]
    assert verdicts == [False, False, False, True]


def test_no_module_turns_off_streamlit_escaping():
    for path in [*SOURCES, *ROOT.glob("hrcmap/*.py")]:
        flag = "unsafe_allow_html" + "=True"  # spelled in two parts so this test does not match itself
        assert flag not in path.read_text(encoding="utf-8").replace(" ", ""), path


@pytest.mark.parametrize(
    "hostile",
    [
        "![x](https://evil.example/r.png)",
        "[Sign in again](https://evil.example/a)",
        "see https://evil.example/a",
        "www.evil.example",
        "mail me: a@evil.example",
        "$x^2$ and $$y$$",
        "<img src=x onerror=alert(1)>",
        "**bold** _it_ `code` # heading",
        "line one\n# line two",
        "\u202eRTL\u200b zero width",
    ],
)
def test_escaped_markdown_renders_as_the_same_characters(hostile):
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark").render(escape.markdown(hostile))
    assert "<a " not in html and "<img" not in html and "<em>" not in html and "<strong>" not in html
    assert "<h1>" not in html and "<code>" not in html
    assert "://" not in html and "www." not in html  # a word joiner breaks every autolink trigger
    from .conftest import shown

    assert shown(escape.markdown(hostile)) == hostile.replace("\n", " ")


@pytest.mark.parametrize(
    "hostile",
    [
        '<span style="background:url(https://evil.example)">x</span>',
        '<a href="https://evil.example">x</a>',
        "a<br>b",
        "&amp; & <b>",
    ],
)
def test_plotly_text_is_shown_as_characters(hostile):
    assert "<" not in escape.plotly(hostile) and escape.plain(escape.plotly(hostile)) == hostile


HOSTILE_NAME = '<a href="https://evil.example">Ev</a><span style="background:url(https://evil.example/p)">il</span> $x^{2$'


def test_charts_show_hostile_names_as_text_and_export_them_as_written():
    import pandas as pd

    from hrcmap import charts, growth_map, images

    matrix = pd.DataFrame([[3, 1], [1, 2]], index=[HOSTILE_NAME, "B"], columns=[HOSTILE_NAME, "B"])
    coverage = pd.DataFrame({"year": [2001, 2002], "mapped": [1, 2], "reported": [None, 5]})
    places = pd.DataFrame(
        {"place_id": ["p"], "name": [HOSTILE_NAME], "first_year": [2001], "family": ["local"], "lon": [10.0], "lat": [50.0]}
    )
    milestones = pd.DataFrame({"year": [2001], "title": [HOSTILE_NAME], "source_url": ["https://example.org/m"]})
    figures = [
        charts.overlap_figure(matrix),
        charts.coverage_figure(coverage, HOSTILE_NAME),
        growth_map.growth_figure(places, ([0.0, 1.0], [0.0, 1.0])),
        charts.milestones_figure(milestones),
    ]
    for fig in figures:
        spec = fig.to_json()
        assert "<a " not in spec and "<span" not in spec and "\\u003ca" not in spec and "\\u003cspan" not in spec
    svg = images.figure_image(figures[1], "svg", HOSTILE_NAME, "source").decode()
    assert "$x^{2$" in svg and "&lt;span" in svg and "<span" not in svg  # drawn as the characters, no TeX


HOSTILE_CHAPTERS = Path(__file__).parent / "fixtures" / "presentation" / "hostile_chapters.csv"


@pytest.fixture(scope="module")
def hostile_built(tmp_path_factory):
    from hrcmap.build import build

    out = tmp_path_factory.mktemp("hostile-text")
    build(Path(__file__).parent / "fixtures" / "hostile", out, rel_dir="data/raw")
    return out


def _rendered_markdown(at) -> list[str]:
    """Every piece of markdown the page asked Streamlit to render, as the HTML a markdown renderer makes of it."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark")
    texts = [
        e.value
        for kind in ("markdown", "caption", "title", "header", "subheader", "info", "warning", "error")
        for e in getattr(at, kind)
    ]
    texts += [p.proto.label for p in at.get("page_link")]
    return [md.render(t) for t in texts]


@pytest.mark.parametrize(
    "page,params,seen",
    [
        ("map", {"city": "vienna-aut"}, "evil"),
        ("timeline", {}, "evil"),
        ("networks", {"network": "fx-coalition"}, "evil"),
        ("cities", {"city": "wonosobo-idn"}, "evil"),
        ("cities", {"city": "gwangju-kor"}, "evil"),
        ("data", {"q": "<img"}, "&lt;img"),
        ("about", {}, "10 recorded commitments"),
        ("present", {"present": "1"}, "evil"),
        ("present", {"present": "2"}, "onerror"),
        ("map", {"region": "![x](https://evil.example/r.png)", "[Sign in again](https://evil.example/a)": "1"}, "evil"),
    ],
)
def test_no_page_renders_markup_from_the_data_the_chapters_or_the_link(hostile_built, monkeypatch, page, params, seen):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("HRCMAP_PROCESSED", str(hostile_built))
    monkeypatch.setenv("HRCMAP_CHAPTERS", str(HOSTILE_CHAPTERS))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    for k, v in params.items():
        at.query_params[k] = v
    at.switch_page(f"pages/{page}.py").run()
    assert not at.exception, at.exception
    html = "\n".join(_rendered_markdown(at))
    assert seen in html  # the hostile text (where the page shows any in text) is on the page…
    for bad in ("<img", '<a href="https://evil', '<a href="javascript', "<strong>Bold", "<b>", "<script", "<span"):
        assert bad not in html, (bad, html[:2000])  # …as text only
    assert "https://evil" not in html and "www.evil" not in html  # no bare address left for autolinking


def test_the_html_builders_escape_what_they_are_given():
    """The guard above trusts functions named *_html: each one escapes the text it is given."""
    from hrcmap import legend, maps

    hostile = '<img src=x onerror=alert(1)>"><script>alert(2)</script>'
    built = legend.legend_html([(hostile, "#fff")])
    assert "<img" not in built and "<script" not in built and "&lt;img src=x" in built
    assert maps.placeholder_html(3, 520).endswith(">Drawing 3 places…</div>")
    builders = [n for m in (legend, maps) for n in dir(m) if n.endswith("_html")]
    assert sorted(builders) == ["legend_html", "placeholder_html"], "a new *_html builder needs its escaping test here"
