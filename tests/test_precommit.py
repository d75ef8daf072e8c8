"""The pre-commit hook, run by pre-commit itself against a repository holding the seed article.

`pre-commit try-repo` installs the hook from a git repository the way a user's
`.pre-commit-config.yaml` would: it clones the repository at a commit, builds a
virtualenv and pip-installs newslint into it. try-repo only sees committed files (plus
changes to tracked ones), so the hook repository here is a temporary commit of this
working tree's files: what is tested is what is on disk, in a fresh clone and in a
working copy with new files alike. Building the hook's virtualenv needs PyPI (for
hatchling and newslint's dependencies); pip's own cache makes reruns fast.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, SEED, needs_shared, run_cli
from pre_commit.clientlib import load_manifest

GIT_IDENTITY = ("-c", "user.name=newslint tests", "-c", "user.email=tests@newslint.invalid",
                "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main")


def clean_env(**extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("GIT_", "PRE_COMMIT")) and key not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return {**env, **extra}


def git(*args: str, cwd: Path) -> str:
    completed = subprocess.run(["git", *GIT_IDENTITY, *args], cwd=cwd, env=clean_env(),
                               capture_output=True, text=True, check=True)
    return completed.stdout


def commit_working_tree(destination: Path) -> Path:
    """A one-commit git repository with this checkout's tracked and untracked, not ignored, files."""
    listed = git("ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=REPO)
    for name in filter(None, listed.split("\0")):
        source = REPO / name
        if source.is_file():
            target = destination / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    git("init", "-q", cwd=destination)
    git("add", "-A", cwd=destination)
    git("commit", "-q", "-m", "newslint working tree", cwd=destination)
    return destination


def test_hook_definition() -> None:
    (hook,) = load_manifest(str(REPO / ".pre-commit-hooks.yaml"))  # validates against pre-commit's schema
    assert hook["id"] == "newslint"
    # pre-commit names every staged file: --force-exclude keeps the config's excludes in force (ruff's hook does).
    assert hook["entry"] == "newslint check --force-exclude"
    assert hook["language"] == "python"
    # `text` would hand every text file (Python, YAML, ...) to newslint; `plain-text` is .txt.
    assert set(hook["types_or"]) == {"html", "markdown", "plain-text", "json"}


@needs_shared()
@pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git")
@pytest.mark.skipif(not (REPO / ".git").exists(), reason="the hook repository is built from a git checkout")
def test_try_repo_fails_on_the_seed_and_prints_its_findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    hook_repo = commit_working_tree(tmp_path / "hook-repo")

    articles = tmp_path / "articles"
    articles.mkdir()
    shutil.copyfile(SEED, articles / "seed-article.txt")
    (articles / "build.py").write_text("print('not an article')\n", encoding="utf-8")
    git("init", "-q", cwd=articles)
    git("add", "-A", cwd=articles)

    completed = subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(hook_repo), "newslint", "--all-files", "--color", "never"],
        cwd=articles, env=clean_env(PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home")),
        capture_output=True, text=True, timeout=600, check=False)
    output = completed.stdout + completed.stderr
    assert completed.returncode == 1, output
    assert "newslint" in output and "Failed" in output
    assert "- exit code: 1" in output
    assert "build.py" not in output  # not an article type: never handed to newslint

    # The hook prints exactly what newslint prints for the same file.
    monkeypatch.chdir(articles)
    direct = run_cli("check", "seed-article.txt")
    assert direct.exit_code == 1
    finding_lines = [line for line in direct.stdout.splitlines() if line.startswith("seed-article.txt:")]
    for line_number in (20, 48, 68, 84):  # the seed's four `Loading...` widget lines
        assert f"seed-article.txt:{line_number}:1: NL101" in direct.stdout
    missing = [line for line in finding_lines if line not in output]
    assert not missing, f"pre-commit output lacks {missing}\n{output}"
