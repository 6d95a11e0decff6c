"""The build is all or nothing: killed at any step of its write phase, it leaves the complete old
dataset or the complete new one, and the next build cleans up. It never writes where it reads."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from hrcmap import build as B
from hrcmap import swap
from hrcmap.load import load_dataset
from hrcmap.validate import validate_raw

from .conftest import VALID

KILLED = 86
ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="kills a forked build")


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _killed_at(step: int, out, package, out_dir: Path) -> int:
    """Run the write phase in a child process that dies (no cleanup, like a kill) at its ``step``-th step."""
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 1
        try:
            passed = 0

            def checkpoint(name: str) -> None:
                nonlocal passed
                passed += 1
                if passed == step:
                    os._exit(KILLED)

            swap._checkpoint = checkpoint
            B.write_outputs(out, package, out_dir)
            code = 0
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def _exchange_works(tmp_path: Path) -> bool:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    try:
        return swap._exchange(tmp_path / "a", tmp_path / "b")
    finally:
        shutil.rmtree(tmp_path / "a")
        shutil.rmtree(tmp_path / "b")


@pytest.mark.parametrize("how", ["exchange", "two renames"])
def test_a_build_killed_at_any_step_leaves_the_old_or_the_new_dataset(tmp_path: Path, raw_copy: Path, monkeypatch, how):
    if how == "exchange" and not _exchange_works(tmp_path):
        pytest.skip("this filesystem cannot exchange two folders in one step")
    if how == "two renames":
        monkeypatch.setattr(swap, "_exchange", lambda a, b: False)
    old_site = tmp_path / "old"
    B.build(VALID, old_site / "processed", rel_dir="data/raw")
    (raw_copy / "events.csv").write_text((raw_copy / "events.csv").read_text().replace("Fixture: declared first.", "Changed."))
    out, package, _ = B.render(validate_raw(raw_copy), raw_copy, "data/raw")
    B.write_outputs(out, package, tmp_path / "new" / "processed")
    old, new = load_dataset(old_site / "processed"), load_dataset(tmp_path / "new" / "processed")
    assert old.version != new.version
    snapshots = {old.version: _snapshot(old_site / "processed"), new.version: _snapshot(tmp_path / "new" / "processed")}
    frames = {old.version: old.events, new.version: new.events}

    seen = []
    for step in range(1, 100):
        site = tmp_path / f"kill-{step}"
        shutil.copytree(old_site, site)
        code = _killed_at(step, out, package, site / "processed")
        if code == 0:
            break  # the build has fewer steps than this: every one was covered
        assert code == KILLED
        data = load_dataset(site / "processed")
        assert data.version in snapshots, step
        assert data.events.equals(frames[data.version]), step
        if (site / "processed").exists():
            assert _snapshot(site / "processed") == snapshots[data.version], step
        seen.append(data.version)

        B.write_outputs(out, package, site / "processed")  # the next build repairs and cleans up
        assert [p.name for p in site.iterdir()] == ["processed"], step
        assert _snapshot(site / "processed") == snapshots[new.version]
        shutil.rmtree(site)
    else:
        pytest.fail("the build never finished")
    # kill points: the clean-up, the new folder, each file written, the check, the swap (one or
    # two renames) and each file of the old folder removed
    assert step - 1 >= 2 * len(B.OUTPUT_FILES) + 4
    assert seen[0] == old.version and seen[-1] == new.version


def test_a_first_build_killed_leaves_no_dataset_and_the_next_cleans_up(tmp_path: Path):
    out, package, _ = B.render(validate_raw(VALID), VALID, "data/raw")
    code = _killed_at(5, out, package, tmp_path / "processed")
    assert code == KILLED
    assert not (tmp_path / "processed").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".processed.build-")]
    B.write_outputs(out, package, tmp_path / "processed")
    assert [p.name for p in tmp_path.iterdir()] == ["processed"]


def test_leftovers_of_older_builds_are_removed_and_other_folders_kept(tmp_path: Path):
    legacy = tmp_path / ".build-abc123"
    legacy.mkdir()
    (legacy / "events.csv").write_text("half a file")
    mine = tmp_path / ".build-notes"
    mine.mkdir()
    (mine / "notes.txt").write_text("not the build's")
    B.build(VALID, tmp_path / "processed", rel_dir="data/raw")
    assert sorted(p.name for p in tmp_path.iterdir()) == [".build-notes", "processed"]


def test_the_folder_is_swapped_whole_and_keeps_its_permissions(tmp_path: Path):
    out = tmp_path / "processed"
    B.build(VALID, out, rel_dir="data/raw")
    before = out.stat()
    B.build(VALID, out, rel_dir="data/raw")
    after = out.stat()
    assert after.st_ino != before.st_ino  # a new folder, so caches keyed on it see the change
    assert after.st_mode == before.st_mode
    assert oct(after.st_mode & 0o777) == oct(0o777 & ~_umask())


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def test_cache_stamp_changes_when_a_build_swaps_the_folder(tmp_path: Path):
    from hrcmap.cache import _stamp

    out = tmp_path / "processed"
    B.build(VALID, out, rel_dir="data/raw")
    first = _stamp(out)
    B.build(VALID, out, rel_dir="data/raw")
    assert _stamp(out) != first
    assert _stamp(tmp_path / "missing") == ""


# ---- the build refuses to write where it reads -------------------------------------------------


@pytest.mark.parametrize(
    "where,words",
    [
        (lambda raw: raw, "is the raw folder itself"),
        (lambda raw: raw / "processed", "lies inside the raw folder"),
        (lambda raw: raw.parent, "contains the raw folder"),
        (lambda raw: raw / ".." / raw.name, "is the raw folder itself"),
    ],
)
def test_out_over_raw_is_refused_with_one_line_and_nothing_written(tmp_path: Path, raw_copy: Path, where, words):
    before = _snapshot(raw_copy)
    siblings = sorted(p.name for p in tmp_path.iterdir())
    run = subprocess.run(
        [sys.executable, "-m", "hrcmap", "build", "--raw", str(raw_copy), "--out", str(where(raw_copy))],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert run.returncode == 2
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: --out ") and words in lines[0], run.stderr
    assert lines[0].endswith("Nothing was written.")
    assert "Traceback" not in run.stderr
    assert _snapshot(raw_copy) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == siblings


def test_out_over_raw_is_refused_through_a_symlink(tmp_path: Path, raw_copy: Path):
    (tmp_path / "link").symlink_to(raw_copy)
    with pytest.raises(B.BuildError, match="is the raw folder itself"):
        B.build(raw_copy, tmp_path / "link", rel_dir="data/raw")


def test_a_folder_that_is_not_an_earlier_build_is_not_replaced(tmp_path: Path, raw_copy: Path):
    other = tmp_path / "other-raw"
    shutil.copytree(VALID, other)  # table names the build also writes, but no datapackage.json
    with pytest.raises(B.BuildError, match="is not the folder of an earlier build"):
        B.build(raw_copy, other, rel_dir="data/raw")
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "todo.txt").write_text("mine")
    (notes / "datapackage.json").write_text(json.dumps({"name": "hrcmap"}))
    with pytest.raises(B.BuildError, match=r"holds files the build did not write \(todo.txt\)"):
        B.build(raw_copy, notes, rel_dir="data/raw")
    assert (notes / "todo.txt").read_text() == "mine" and _snapshot(other) == _snapshot(VALID)


def test_an_output_folder_behind_a_symbolic_link_is_replaced_where_it_is(tmp_path: Path):
    real = tmp_path / "real" / "processed"
    B.build(VALID, real, rel_dir="data/raw")
    (tmp_path / "link").symlink_to(real)
    B.build(VALID, tmp_path / "link", rel_dir="data/raw")
    assert (tmp_path / "link").is_symlink() and load_dataset(tmp_path / "link").version
    assert sorted(p.name for p in real.parent.iterdir()) == ["processed"]
