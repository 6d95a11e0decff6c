"""Documentation that cannot drift: every raw column is documented."""
from hrcmap import schema as S
from hrcmap.paths import DATA


def test_every_raw_field_is_in_data_readme():
    text = (DATA / "README.md").read_text(encoding="utf-8")
    for table in S.RAW_TABLES:
        assert f"`{table}.csv`" in text
        for name, *_ in S.field_descriptions(table):
            assert f"`{name}`" in text, f"{table}.{name} is not documented in data/README.md"
