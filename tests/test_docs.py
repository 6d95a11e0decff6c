"""Documentation that cannot drift: every raw column is documented."""

from hrcmap import schema as S
from hrcmap.paths import DATA


def test_every_raw_field_is_in_data_readme():
    text = (DATA / "README.md").read_text(encoding="utf-8")
    for table in S.RAW_TABLES:
        assert f"`{table}.csv`" in text
        for name in (f["name"] for f in S.RAW_SCHEMAS[table]["fields"]):
            assert f"`{name}`" in text, f"{table}.{name} is not documented in data/README.md"


def test_every_module_has_its_place_in_the_architecture_page():
    from hrcmap.paths import ROOT

    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    modules = [p for p in (ROOT / "hrcmap").glob("*.py") if p.name not in ("__init__.py", "__main__.py", "paths.py")]
    missing = [p.name for p in modules if p.name not in text]
    assert not missing, f"docs/architecture.md does not place {', '.join(missing)} in its layers"


def test_every_url_parameter_is_in_the_url_contract():
    from hrcmap import state

    contract = state.__doc__ or ""
    for key in state.URL_KEYS - {"embed", "embed_options"}:
        assert f"``{key}``" in contract, f"URL key {key} is not described in hrcmap/state.py's docstring"


def test_every_kind_of_event_is_defined_in_data_readme():
    """A journalist reads what a kind means in data/README.md; a kind added to the code must be defined there."""
    from hrcmap.kinds import EVENT_KINDS

    text = (DATA / "README.md").read_text(encoding="utf-8")
    for kind in EVENT_KINDS:
        assert f"`{kind}`" in text, f"the kind {kind} is not defined in data/README.md"
