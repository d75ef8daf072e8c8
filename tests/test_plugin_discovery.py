"""The cheap pre-check in front of entry-point discovery, and what it saves at start-up.

`may_declare_entry_points` must never say "no" when a distribution declares the group
(that would hide an installed plugin), and should say "no" when none does, so a run
without third-party plugins never imports `importlib.metadata`.
"""

from __future__ import annotations

import importlib.machinery
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from newslint.plugins import ENTRY_POINT_GROUP, may_declare_entry_points


def dist_info(site: Path, name: str, entry_points: str | None, suffix: str = ".dist-info") -> Path:
    directory = site / f"{name}-1.0{suffix}"
    directory.mkdir(parents=True)
    (directory / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n", encoding="utf-8")
    if entry_points is not None:
        (directory / "entry_points.txt").write_text(entry_points, encoding="utf-8")
    return directory


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A site directory that is the whole of sys.path (the standard finders only)."""
    monkeypatch.setattr(sys, "path", [str(tmp_path)])
    monkeypatch.setattr(sys, "meta_path", [finder for finder in sys.meta_path
                                           if getattr(finder, "find_distributions", None) is None
                                           or finder is importlib.machinery.PathFinder])
    return tmp_path


def test_no_distribution_declares_the_group(site: Path) -> None:
    dist_info(site, "tool", "[console_scripts]\nnewslint = newslint.cli:main\n")  # names newslint, other group
    dist_info(site, "bare", None)
    assert not may_declare_entry_points(ENTRY_POINT_GROUP)


@pytest.mark.parametrize("header", ["[newslint]", "[ newslint ]", "  [newslint]  "])
def test_a_declaring_distribution_is_found(site: Path, header: str) -> None:
    dist_info(site, "other", "[console_scripts]\nother = other:main\n")
    dist_info(site, "newslint_house_style", f"{header}\nhouse = newslint_house_style\n")
    assert may_declare_entry_points(ENTRY_POINT_GROUP)


def test_egg_info_and_upper_case_suffix_are_read(site: Path) -> None:
    dist_info(site, "legacy", "[newslint]\nlegacy = legacy\n", suffix=".EGG-INFO")
    assert may_declare_entry_points(ENTRY_POINT_GROUP)


def test_an_egg_on_the_path_is_read(site: Path) -> None:
    egg = site / "plugin-1.0.egg"
    (egg / "EGG-INFO").mkdir(parents=True)
    (egg / "EGG-INFO" / "entry_points.txt").write_text("[newslint]\nplugin = plugin\n", encoding="utf-8")
    sys.path.append(str(egg))
    assert may_declare_entry_points(ENTRY_POINT_GROUP)


def test_a_zip_archive_on_the_path_is_a_maybe(site: Path) -> None:
    archive = site / "bundle.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.writestr("placeholder.py", "")
    sys.path.append(str(archive))
    assert may_declare_entry_points(ENTRY_POINT_GROUP)


def test_a_custom_metadata_finder_is_a_maybe(site: Path) -> None:
    class Finder:
        @staticmethod
        def find_spec(*args: object) -> None:
            return None

        @staticmethod
        def find_distributions(*args: object) -> list[object]:
            return []

    sys.meta_path.insert(0, Finder)  # type: ignore[arg-type]
    assert may_declare_entry_points(ENTRY_POINT_GROUP)


def test_missing_path_entries_are_skipped(site: Path) -> None:
    sys.path.append(str(site / "does-not-exist"))
    assert not may_declare_entry_points(ENTRY_POINT_GROUP)


def test_a_plain_check_does_not_import_importlib_metadata(tmp_path: Path) -> None:
    """Start-up budget: with no third-party plugin installed, `newslint check` on one
    article must not pay for importlib.metadata (tens of milliseconds)."""
    article = tmp_path / "article.txt"
    article.write_text("Bridge to reopen\n\nThe bridge will reopen on Monday, the council said.\n", encoding="utf-8")
    probe = ("import atexit, sys\n"
             "atexit.register(lambda: print('METADATA', 'importlib.metadata' in sys.modules, file=sys.stderr))\n"
             "from newslint.cli import main\n"
             "sys.argv = ['newslint', 'check', '--no-cache', sys.argv[1]]\n"
             "main()\n")
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    done = subprocess.run([sys.executable, "-c", probe, str(article)], capture_output=True, text=True,
                          cwd=tmp_path, env=env, timeout=120, check=False)
    if may_declare_entry_points(ENTRY_POINT_GROUP):
        pytest.skip("a distribution in this environment declares newslint entry points")
    assert done.returncode in (0, 1), done.stderr
    assert "METADATA False" in done.stderr


def test_deferred_builtins_offer_what_their_modules_offer() -> None:
    """The readers and formats registered without importing their modules say what the
    modules' own hooks say, in the same order."""
    import importlib

    from newslint.plugins import DEFERRED_FORMATS, DEFERRED_READERS

    for module, readers in DEFERRED_READERS.items():
        offered = importlib.import_module(module).newslint_readers()
        assert [(r.name, tuple(r.extensions), r.charset_in_markup) for r in offered] == list(readers), module
    for module, formats in DEFERRED_FORMATS.items():
        assert [f.name for f in importlib.import_module(module).newslint_formatters()] == list(formats), module


def test_a_text_check_imports_no_other_reader_or_format(tmp_path: Path) -> None:
    import subprocess
    import sys

    story = tmp_path / "story.txt"
    story.write_text("The pier reopened on Monday.\n", encoding="utf-8")
    probe = ("import sys\nfrom newslint.cli import main\nsys.argv = ['newslint', 'check', '--no-cache', sys.argv[1]]\n"
             "try:\n    main()\nexcept SystemExit:\n    pass\n"
             "print(sorted(m for m in sys.modules if m.startswith(('newslint.readers.', 'newslint.formats.'))))")
    done = subprocess.run([sys.executable, "-c", probe, str(story)], capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "['newslint.formats.builtin', 'newslint.readers.text']"


def test_checking_named_files_leaves_the_gitignore_matcher_unimported(tmp_path: Path) -> None:
    import subprocess
    import sys

    (tmp_path / "story.txt").write_text("The pier reopened on Monday.\n", encoding="utf-8")
    probe = ("import sys\nfrom newslint.cli import main\nsys.argv = ['newslint', 'check', '--no-cache', *sys.argv[1:]]\n"
             "try:\n    main()\nexcept SystemExit:\n    pass\n"
             "print('pathspec' in sys.modules)")

    def imports_pathspec(*arguments: str) -> bool:
        done = subprocess.run([sys.executable, "-c", probe, *arguments], capture_output=True, text=True, check=True,
                              cwd=tmp_path)
        return done.stdout.strip().splitlines()[-1] == "True"

    assert not imports_pathspec("story.txt")
    assert imports_pathspec(".")  # a walk reads .gitignore files and the excludes
