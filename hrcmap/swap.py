"""The build's output folder: where a build may write, and a new folder put in place of the old in one step.

The new dataset is written whole to a hidden folder beside ``out_dir`` (".processed.build-*", on
the same filesystem), checked, then exchanged with ``out_dir`` by one renameat2(RENAME_EXCHANGE),
so a reader sees the complete old folder or the complete new one whatever moment the build dies
at. Where the exchange is unavailable, two renames move the old folder aside (".processed.old-*")
and the new one in; a build killed between them is repaired by the next build, and the loader
reads the folder set aside meanwhile. Leftovers of killed builds are removed by the next build.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from .load import set_aside, set_aside_dataset
from .package import OUTPUT_FILES


class BuildError(Exception):
    """The build cannot run as asked; the message is one line saying why. Nothing was written."""


def check_folders(raw_dir: Path, out_dir: Path) -> None:
    """Refuse an output folder that is, holds or lies inside the raw folder (a build must not overwrite its input)."""
    raw, out = Path(raw_dir).resolve(), Path(out_dir).resolve()
    if out == raw:
        raise BuildError(
            f"--out {out_dir} is the raw folder itself; the build would overwrite the tables it reads. Give another output folder"
        )
    if raw in out.parents:
        raise BuildError(f"--out {out_dir} lies inside the raw folder {raw_dir}. Give an output folder outside it")
    if out in raw.parents:
        raise BuildError(
            f"--out {out_dir} contains the raw folder {raw_dir}, and the build replaces its output folder whole. Give another output folder"
        )
    if raw.parent == out.parent and raw.name.startswith(f".{out.name}."):
        raise BuildError(f"the raw folder {raw_dir} is named like a temporary folder of the build. Rename it")


def _checkpoint(step: str) -> None:
    """A named point of the write phase. Does nothing; tests replace it to kill the build there."""


def _sync_dir(folder: Path) -> None:
    """Make a rename inside ``folder`` durable."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # not every platform can open a folder; the rename is still atomic
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _write(path: Path, data: bytes) -> None:
    """Write a new file and flush it to disk before it can be swapped in."""
    with open(path, "xb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one atomic step (Linux renameat2); False where that is unavailable."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False  # a C library older than glibc 2.28
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False  # the kernel or this filesystem cannot exchange
    raise OSError(err, os.strerror(err), str(a), None, str(b))


def _remove(folder: Path) -> None:
    """Delete a folder of outputs file by file (each a step a test can kill the build at)."""
    for p in sorted(folder.iterdir()):
        if p.is_dir() and not p.is_symlink():
            shutil.rmtree(p)
        else:
            p.unlink()
        _checkpoint(f"removed {folder.name}/{p.name}")
    folder.rmdir()


def _build_dirs(out_dir: Path) -> list[Path]:
    """Folders of builds killed before their swap."""
    return sorted(out_dir.parent.glob(f".{out_dir.name}.build-*"))


def _legacy_dirs(out_dir: Path) -> list[Path]:
    """Temporary folders of builds before 2026-12 (".build-*" beside the output, holding only outputs)."""
    found = []
    for p in out_dir.parent.glob(".build-*"):
        try:
            if p.is_dir() and not p.is_symlink() and all(f.is_file() and f.name in OUTPUT_FILES for f in p.iterdir()):
                found.append(p)
        except OSError:
            continue
    return sorted(found)


def recover(out_dir: Path, keep: Path | None = None) -> None:
    """Put back the old dataset a killed build set aside, and remove killed builds' temporary folders."""
    if not out_dir.exists():
        old = set_aside_dataset(out_dir)
        if old is not None:
            os.rename(old, out_dir)
            _sync_dir(out_dir.parent)
    for p in _build_dirs(out_dir) + set_aside(out_dir) + _legacy_dirs(out_dir):
        if keep is not None and (p == keep or p in keep.parents):
            continue
        shutil.rmtree(p, ignore_errors=True)


def _check_replaceable(out_dir: Path) -> None:
    """Refuse to swap away a folder that is not an earlier build's (the old folder is deleted whole)."""
    if not out_dir.exists():
        return
    if not out_dir.is_dir():
        raise BuildError(f"--out {out_dir} is a file, not a folder. Give a folder for the built dataset")
    entries = [p for p in out_dir.iterdir() if not p.name.startswith(".")]
    if not entries:
        return
    try:
        old = json.loads((out_dir / "datapackage.json").read_text(encoding="utf-8"))
        listed = {str(r.get("path")) for r in old.get("resources", []) + old.get("binary_copies", [])}
        earlier_build = old.get("name") == "hrcmap"
    except (OSError, ValueError, AttributeError, TypeError):
        listed, earlier_build = set(), False
    allowed = set(OUTPUT_FILES) | listed
    foreign = sorted(p.name for p in entries if p.is_symlink() or not p.is_file() or p.name not in allowed)
    if not earlier_build or foreign:
        what = (
            f"holds files the build did not write ({', '.join(foreign[:3])}{', …' if len(foreign) > 3 else ''})"
            if foreign
            else "is not the folder of an earlier build (no hrcmap datapackage.json)"
        )
        raise BuildError(
            f"--out {out_dir} {what}, and the build replaces its output folder whole. "
            "Give an empty or new folder, or the folder of an earlier build"
        )


def _new_folder(out_dir: Path) -> Path:
    """An empty folder beside ``out_dir`` with the permissions ``out_dir`` has (mkdtemp makes it private)."""
    tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.build-", dir=out_dir.parent))
    if out_dir.is_dir():
        mode = out_dir.stat().st_mode & 0o7777
    else:
        umask = os.umask(0o022)
        os.umask(umask)
        mode = 0o777 & ~umask
    os.chmod(tmp, mode)
    return tmp


@contextlib.contextmanager
def _locked(folder: Path):
    """One build at a time per output folder's parent (an flock on the parent folder itself)."""
    try:
        import fcntl
    except ImportError:  # Windows: no flock; builds there must not overlap
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def replace_folder(contents: dict[str, bytes], out_dir: Path, check: Callable[[Path], None], keep: Path | None = None) -> None:
    """Write ``contents`` (file name -> bytes) to a new folder beside ``out_dir``, ``check`` it, and swap it in whole.

    ``keep`` (the raw folder) is never removed as a leftover. Any failure before the swap leaves
    ``out_dir`` as it was.
    """
    out_dir = Path(os.path.realpath(out_dir))  # through a symbolic link: the swap replaces the folder it points to
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    with _locked(out_dir.parent):
        recover(out_dir, keep)
        _check_replaceable(out_dir)
        _checkpoint("recovered")
        tmp = _new_folder(out_dir)
        try:
            _checkpoint("made the new folder")
            for name, data in contents.items():
                _write(tmp / name, data)
                _checkpoint(f"wrote {name}")
            check(tmp)
            _sync_dir(tmp)
            _checkpoint("checked")
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        _swap_in(tmp, out_dir)


def _swap_in(new: Path, out_dir: Path) -> None:
    """Put the folder ``new`` where ``out_dir`` is, then remove the old one."""
    if not out_dir.exists():
        os.rename(new, out_dir)
        _sync_dir(out_dir.parent)
        _checkpoint("moved the new folder in")
        return
    if _exchange(new, out_dir):
        _sync_dir(out_dir.parent)
        _checkpoint("exchanged")
        _remove(new)  # ``new`` now names the old folder
        return
    old = out_dir.with_name(f".{out_dir.name}.old-{new.name.rsplit('-', 1)[-1]}")
    os.rename(out_dir, old)
    _checkpoint("moved the old folder aside")
    os.rename(new, out_dir)
    _sync_dir(out_dir.parent)
    _checkpoint("moved the new folder in")
    _remove(old)
