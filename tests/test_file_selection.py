"""Which files a run checks: walks skip hidden, git-ignored, excluded and project files;
named files are checked unless --force-exclude applies the excludes to them too; glob
patterns follow .gitignore rules relative to the config file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_cli
from test_cli import LOADING_ARTICLE, XY_ARTICLE, write_rule_pack
from test_config_resolution import findings_by_file


def write(path: Path, text: str = LOADING_ARTICLE) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def shown_files(*args: str) -> list[str]:
    result = run_cli("check", "--show-files", *args)
    assert result.exit_code == 0, result.output
    return sorted(Path(line).as_posix().removeprefix("./") for line in result.stdout.splitlines())


@pytest.fixture
def newsroom(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


# --- project files and the default excludes ---------------------------------------------------

def test_a_walk_skips_project_files_but_a_named_one_is_checked(newsroom: Path) -> None:
    for name in ("README.md", "LICENSE.txt", "CHANGELOG.md", "CONTRIBUTING.md", "node_modules/pkg/notes.md"):
        write(newsroom / name)
    write(newsroom / "harbour.txt")
    write(newsroom / "readme-of-the-week.txt")  # an article whose name only starts like one
    assert shown_files(".") == ["harbour.txt", "readme-of-the-week.txt"]
    assert shown_files("README.md") == ["README.md"]  # named: checked, as ruff checks a named file


def test_extend_exclude_adds_to_the_defaults_and_exclude_replaces_them(newsroom: Path) -> None:
    write(newsroom / "README.md")
    write(newsroom / "drafts" / "idea.txt")
    write(newsroom / "harbour.txt")
    write(newsroom / "newslint.toml", 'extend-exclude = ["drafts"]\n')
    assert shown_files(".") == ["harbour.txt"]
    write(newsroom / "newslint.toml", 'exclude = ["drafts"]\n')
    assert shown_files(".") == ["README.md", "harbour.txt"]


def test_hidden_directories_are_never_walked(newsroom: Path) -> None:
    write(newsroom / ".archive" / "old.txt")
    write(newsroom / "harbour.txt")
    assert shown_files(".", "--no-respect-gitignore") == ["harbour.txt"]


# --- .gitignore --------------------------------------------------------------------------------

def test_a_walk_skips_what_gitignore_ignores(newsroom: Path) -> None:
    (newsroom / ".git").mkdir()
    write(newsroom / ".gitignore", "build/\n*.tmp.txt\n!keep.tmp.txt\n")
    write(newsroom / "content" / ".gitignore", "embargoed.md\n")
    for name in ("build/page.html", "content/scratch.tmp.txt", "content/keep.tmp.txt", "content/embargoed.md",
                 "content/harbour.txt", "embargoed.md"):
        write(newsroom / name)
    assert shown_files(".") == ["content/harbour.txt", "content/keep.tmp.txt", "embargoed.md"]
    # The repository's .gitignore counts when only a subdirectory is walked.
    assert shown_files("content") == ["content/harbour.txt", "content/keep.tmp.txt"]
    assert shown_files(".", "--no-respect-gitignore") == [
        "build/page.html", "content/embargoed.md", "content/harbour.txt", "content/keep.tmp.txt",
        "content/scratch.tmp.txt", "embargoed.md"]


def test_gitignore_above_a_repository_does_not_count(newsroom: Path) -> None:
    write(newsroom / ".gitignore", "*.txt\n")
    (newsroom / "site" / ".git").mkdir(parents=True)
    write(newsroom / "site" / "harbour.txt")
    assert shown_files("site") == ["site/harbour.txt"]


def test_a_path_named_on_the_command_line_is_checked_even_if_git_ignored(newsroom: Path) -> None:
    (newsroom / ".git").mkdir()
    write(newsroom / ".gitignore", "scratch/\n")
    write(newsroom / "scratch" / "harbour.txt")
    assert shown_files("scratch/harbour.txt") == ["scratch/harbour.txt"]
    assert shown_files("scratch") == ["scratch/harbour.txt"]  # so is a named directory


# --- --force-exclude ---------------------------------------------------------------------------

def test_force_exclude_applies_excludes_to_named_files(newsroom: Path) -> None:
    write(newsroom / "newslint.toml", 'extend-exclude = ["drafts/"]\n')
    draft = write(newsroom / "content" / "drafts" / "idea.txt")
    published = write(newsroom / "content" / "harbour.txt")
    write(newsroom / "README.md")  # excluded by default
    assert "NL101" in run_cli("check", str(draft)).stdout  # named without the flag: checked
    result = run_cli("check", "--force-exclude", "--format", "json", str(draft), str(published), "README.md")
    assert {Path(f["path"]).name for f in json.loads(result.stdout)["findings"]} == {"harbour.txt"}


def test_a_run_whose_named_files_are_all_excluded_checks_nothing_and_passes(newsroom: Path) -> None:
    write(newsroom / "newslint.toml", 'extend-exclude = ["drafts"]\n')
    draft = write(newsroom / "drafts" / "idea.txt")
    write(newsroom / "README.md")
    result = run_cli("check", "--force-exclude", "--format", "json", str(draft), "README.md")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {"version": 1, "findings": [], "errors": []}
    assert run_cli("check", "--force-exclude", str(draft)).exit_code == 0


def test_force_exclude_uses_each_files_own_config(newsroom: Path) -> None:
    write(newsroom / "sport" / "newslint.toml", 'extend-exclude = ["results-*.txt"]\n')
    write(newsroom / "sport" / "results-friday.txt")
    write(newsroom / "results-friday.txt")
    result = run_cli("check", "--force-exclude", "--show-files", "sport/results-friday.txt", "results-friday.txt")
    assert result.stdout.splitlines() == ["results-friday.txt"]


# --- glob patterns: .gitignore rules, relative to the config file -----------------------------

@pytest.fixture
def wire_desk(newsroom: Path) -> Path:
    """The README's example from a root config: per-file-ignores "wire/*" turns XY1 off."""
    write_rule_pack(newsroom / "house-rules")
    write(newsroom / "newslint.toml", 'rule-packs = ["house-rules"]\nselect = ["XY"]\n'
                                      '[per-file-ignores]\n"wire/*" = ["XY1"]\n"content/wire" = ["XY2"]\n')
    for name in ("wire/agency.txt", "content/wire/agency.txt", "content/local.txt", "content/deep/wire/agency.txt"):
        write(newsroom / name, XY_ARTICLE)
    return newsroom


def test_a_pattern_with_a_slash_is_anchored_at_the_config_file(wire_desk: Path) -> None:
    assert findings_by_file(".") == {
        "wire/agency.txt": ["XY201"],                        # "wire/*"
        "content/wire/agency.txt": ["XY101", "XY102"],       # "content/wire": a directory and what it holds
        "content/deep/wire/agency.txt": ["XY101", "XY102", "XY201"],  # neither: both are anchored
        "content/local.txt": ["XY101", "XY102", "XY201"],
    }


def test_patterns_do_not_depend_on_the_working_directory(wire_desk: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(wire_desk / "content")
    assert findings_by_file("wire/agency.txt", str(wire_desk / "wire" / "agency.txt")) == {
        "wire/agency.txt": ["XY101", "XY102"], (wire_desk / "wire" / "agency.txt").as_posix(): ["XY201"]}


def test_a_bare_name_matches_at_any_depth(newsroom: Path) -> None:
    write(newsroom / "newslint.toml", 'extend-exclude = ["archive", "*.print.html"]\n')
    for name in ("archive/old.txt", "content/archive/old.txt", "content/page.print.html", "content/harbour.txt",
                 "content/archive-index.txt"):
        write(newsroom / name)
    assert shown_files(".") == ["content/archive-index.txt", "content/harbour.txt"]


def test_a_subdirectory_configs_patterns_are_relative_to_it(newsroom: Path) -> None:
    write(newsroom / "sport" / "newslint.toml", 'extend-exclude = ["/drafts"]\n')
    write(newsroom / "sport" / "drafts" / "idea.txt")
    write(newsroom / "drafts" / "idea.txt")
    assert shown_files(".") == ["drafts/idea.txt"]


def test_show_files_reports_a_missing_path_as_an_error(newsroom: Path) -> None:
    write(newsroom / "harbour.txt")
    result = run_cli("check", "--show-files", "harbour.txt", "missing.txt")
    assert result.exit_code == 2
    assert result.stdout.splitlines() == ["harbour.txt"]
    assert "missing.txt: no such file or directory" in result.stderr


def test_show_files_with_stdin_names_the_stdin_filename_and_reads_nothing(newsroom: Path) -> None:
    result = run_cli("check", "--show-files", "--stdin-filename", "live/blog.md", input="Loading...\n")
    assert (result.exit_code, result.stdout) == (0, "live/blog.md\n")


def test_force_exclude_applies_to_the_stdin_filename(newsroom: Path) -> None:
    write(newsroom / "newslint.toml", 'extend-exclude = ["drafts/"]\n')
    result = run_cli("check", "--force-exclude", "--format", "json", "--stdin-filename", "drafts/idea.txt",
                     input=LOADING_ARTICLE)
    assert (result.exit_code, json.loads(result.stdout)["findings"]) == (0, [])
    fixed = run_cli("check", "--force-exclude", "--fix", "--stdin-filename", "drafts/idea.txt", input=LOADING_ARTICLE)
    assert (fixed.exit_code, fixed.stdout) == (0, LOADING_ARTICLE)  # printed back untouched
    checked = run_cli("check", "--format", "json", "--stdin-filename", "drafts/idea.txt", input=LOADING_ARTICLE)
    assert [finding["code"] for finding in json.loads(checked.stdout)["findings"]] == ["NL101"]


def test_a_name_starting_with_two_dots_is_still_matched_by_gitignore(newsroom: Path) -> None:
    (newsroom / ".git").mkdir()
    write(newsroom / ".gitignore", "..old.txt\n")
    write(newsroom / "..old.txt")
    write(newsroom / "harbour.txt")
    assert shown_files(".") == ["harbour.txt"]
