"""Presentation mode: chapters from a data file, validated; every chapter renders; bad chapter numbers."""

from __future__ import annotations

import json
import re

import pytest

from hrcmap.chapters import chapter_index, parse_chapters
from hrcmap.load import load_dataset
from hrcmap.paths import CHAPTERS, DATA
from hrcmap.validate import ValidationError

from .test_app import run_page

HEADER = "chapter,title,text,view,as_of,networks,place,milestones\n"


@pytest.fixture(scope="module")
def data(built):
    return load_dataset(built)


def test_a_valid_chapter_file(data):
    chapters = parse_chapters(HEADER + "2,B,Two.,map,2006,fx-coalition,graz-aut,rosario\n1,A,One.,timeline,,,,udhr\n", data)
    assert [c.title for c in chapters] == ["A", "B"]
    assert chapters[1].networks == ("fx-coalition",) and chapters[1].as_of == 2006


def test_every_problem_in_a_chapter_file_is_named(data):
    bad = HEADER + "1,A,x,slideshow,2999,nope,atlantis,moon-landing\n"
    with pytest.raises(ValidationError) as info:
        parse_chapters(bad, data, rel="chapters.csv")
    report = info.value.report()
    for line in (
        "chapters.csv, row 2, column view: 'slideshow' is not one of: map, timeline, growth",
        "chapters.csv, row 2, column as_of: '2999' is not a year between 1900 and",
        "chapters.csv, row 2, column networks: 'nope' is not a network_id in the dataset",
        "chapters.csv, row 2, column place: 'atlantis' is not a place_id in the dataset",
        "chapters.csv, row 2, column milestones: 'moon-landing' is not a milestone_id in the dataset",
    ):
        assert line in report, report


def test_the_bundled_chapters_are_valid():
    chapters = parse_chapters(CHAPTERS.read_text(encoding="utf-8"), load_dataset(DATA / "processed"))
    assert len(chapters) >= 8 and [c.number for c in chapters] == list(range(1, len(chapters) + 1))


@pytest.mark.parametrize("raw,expected", [(None, (0, None)), ("3", (2, None)), ("1", (0, None))])
def test_chapter_index(raw, expected):
    assert chapter_index(raw, 9) == expected


@pytest.mark.parametrize("raw", ["0", "10", "abc", "²", "<script>"])
def test_out_of_range_chapter_gives_first_and_a_notice(raw):
    index, notice = chapter_index(raw, 9)
    assert index == 0 and "chapters 1 to 9" in notice


@pytest.mark.parametrize("chapter", range(1, 10))
def test_every_bundled_chapter_renders(monkeypatch, chapter):
    at = run_page("present", DATA / "processed", monkeypatch, present=str(chapter))
    assert not at.exception
    assert at.caption[0].value == f"Chapter {chapter} of 9"
    assert at.title[0].value
    assert any("Sources:" in c.value.replace("\\", "") for c in at.caption)


def test_next_button_moves_to_the_next_chapter(monkeypatch):
    at = run_page("present", DATA / "processed", monkeypatch, present="2")
    next_button = next(b for b in at.button if b.label == "Next ▶")
    next_button.click().run()
    assert at.query_params["present"] == "3" and at.caption[0].value == "Chapter 3 of 9"


def test_bad_chapter_number_in_the_url(monkeypatch):
    at = run_page("present", DATA / "processed", monkeypatch, present="99")
    assert "There is no chapter “99”" in at.info[0].value
    assert at.caption[0].value == "Chapter 1 of 9"


def test_map_chapter_draws_its_network_up_to_its_year(monkeypatch):
    at = run_page("present", DATA / "processed", monkeypatch, present="3")
    spec = json.loads(at.get("deck_gl_json_chart")[0].proto.json)
    places = next(layer for layer in spec["layers"] if layer["id"] == "places")["data"]
    # "2000", "2001; one source says 2000" or "none yet (first step 2000)": the first year written is the headline
    assert places and all(int(re.search(r"\d{4}", str(p["y"])).group()) <= 2000 for p in places)
