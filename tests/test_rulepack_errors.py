"""A malformed rule file fails the load, naming the file, the key and the reason.

Rule packs are written by editors, so every way to get one wrong has a test: the
loader raises `RulePackError(path, key, reason)`, the CLI prints that on one line and
exits 2, and no rule is ever silently left out. A property test throws random rule
files at the loader: the only outcomes are a rule or a `RulePackError`.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest
from conftest import run_cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint.hookspecs import hookimpl
from newslint.plugins import plugin_manager
from newslint.registry import build_registry
from newslint.rulepack import RulePackError, load_rule_file, load_rule_pack

VALID = {
    "code": "ED101",
    "name": "house-placeholder",
    "kind": "pattern",
    "severity": "warning",
    "message": "Placeholder '{match}' left in the copy",
    "summary": "Flags the newsroom's placeholder text.",
    "options": {"patterns": ["TK+", "XXX"]},
    "examples": [{"bad": "The mayor said TK on Monday."}, {"good": "The mayor spoke on Monday."}],
}


READER_NAMES = frozenset(reader.name for reader in build_registry(plugin_manager(load_entry_points=False)).readers.values())


def _kinds(*extra: object) -> dict[str, Any]:
    manager = plugin_manager(load_entry_points=False, extra=extra)
    return {name: factory for kind_map in manager.hook.newslint_rule_kinds() for name, factory in kind_map.items()}


KINDS = _kinds()


def toml_value(value: object) -> str:
    """A minimal TOML writer for the values rule files hold."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf") if math.isinf(value) else repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(str(key))} = {toml_value(item)}" for key, item in value.items()) + "}"
    raise TypeError(type(value))


def toml_document(data: dict[str, object]) -> str:
    return "".join(f"{json.dumps(key)} = {toml_value(value)}\n" for key, value in data.items())


def write_rule(directory: Path, data: dict[str, object] | str, name: str = "ED101-rule.toml") -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    path.write_text(data if isinstance(data, str) else toml_document(data), encoding="utf-8")
    return path


def changed(**changes: object) -> dict[str, object]:
    data = {**VALID, **changes}
    return {key: value for key, value in data.items() if value is not DROP}


DROP = object()

MALFORMED = [
    # (id, file content, key, words the reason must contain)
    ("bad-toml", 'code = "ED101"\nname = \n', "(file)", "not valid TOML"),
    ("bad-toml-unclosed-table", toml_document(VALID) + "[options\n", "(file)", "not valid TOML"),
    ("unknown-kind", changed(kind="patern"), "kind", "unknown kind 'patern'"),
    ("invalid-regex", changed(options={"patterns": ["TK+", "(unclosed"]}), "options.patterns",
     "invalid regular expression '(unclosed'"),
    ("invalid-regex-in-unless", changed(options={"patterns": ["TK"], "unless": ["[z-a]"]}), "options.unless",
     "invalid regular expression"),
    ("empty-regex", changed(options={"patterns": [""]}), "options.patterns", "non-empty"),
    # Compiles once wrapped in the combination, "(?:a)|(b)", but is no pattern alone.
    ("stray-parenthesis", changed(options={"patterns": ["TK", "a)|(b"]}), "options.patterns",
     "invalid regular expression 'a)|(b'"),
    ("bad-regex-among-many", changed(options={"patterns": [f"word{n}" for n in range(50)] + ["x{2,1}"]}),
     "options.patterns", "invalid regular expression 'x{2,1}'"),
    ("no-patterns", changed(options={}), "options", "patterns"),
    ("missing-message", changed(message=DROP), "message", "missing"),
    ("missing-code", changed(code=DROP), "code", "missing"),
    ("missing-summary", changed(summary=DROP), "summary", "missing"),
    ("empty-message", changed(message="  "), "message", "non-empty string"),
    ("message-not-a-string", changed(message=["Placeholder"]), "message", "string"),
    ("severity-a-number", changed(severity=3), "severity", "string"),
    ("severity-unknown", changed(severity="fatal"), "severity", "error, warning, info"),
    ("fixable-a-string", changed(fixable="yes"), "fixable", "true or false"),
    ("code-lower-case", changed(code="ed101"), "code", "three digits"),
    ("code-reserved", changed(code="NL000"), "code", "reserved"),
    ("unknown-top-level-key", changed(mesage="typo"), "mesage", "unknown key"),
    ("unknown-language", changed(language="fr"), "language", "expected one of en"),
    ("options-not-a-table", changed(options="TK"), "options", "table"),
    ("patterns-a-string", changed(options={"patterns": "TK"}), "options.patterns", "array of strings"),
    ("patterns-numbers", changed(options={"patterns": [1, 2]}), "options.patterns", "array of strings"),
    ("option-wrong-type", changed(options={"patterns": ["TK"], "ignore_case": "yes"}), "options.ignore_case",
     "true or false"),
    ("unknown-option", changed(options={"patterns": ["TK"], "ignorecase": True}), "options.ignorecase",
     "unknown option"),
    ("unknown-block-kind", changed(options={"patterns": ["TK"], "blocks": ["para"]}), "options.blocks",
     "unknown block kind"),
    ("why-not-a-string", changed(why=1), "why", "string"),
    ("opt-in-not-a-boolean", changed(opt_in="yes"), "opt_in", "true or false"),
    ("examples-not-an-array", changed(examples="TK"), "examples", "array"),
    ("example-both-sides", changed(examples=[{"bad": "TK", "good": "TK"}]), "examples[0]", "exactly one"),
    ("example-unknown-key", changed(examples=[{"bad": "TK", "fromat": "html"}]), "examples[0].fromat", "unknown key"),
    ("example-unknown-format", changed(examples=[{"bad": "TK", "format": "htm"}]), "examples[0].format",
     "got 'htm'"),
    ("example-not-text", changed(examples=[{"bad": 5}]), "examples[0]", "string"),
    ("nested-too-deeply", "code = " + "[" * 5000 + "\n", "(file)", "not valid TOML"),
]


@pytest.mark.parametrize(("content", "key", "reason"), [pytest.param(*case[1:], id=case[0]) for case in MALFORMED])
def test_malformed_rule_file_names_file_key_and_reason(tmp_path: Path, content: Any, key: str, reason: str) -> None:
    path = write_rule(tmp_path, content)
    with pytest.raises(RulePackError) as raised:
        load_rule_file(path, KINDS, "test pack", READER_NAMES)
    error = raised.value
    assert (error.path, error.key) == (str(path), key), str(error)
    assert reason in error.reason, str(error)
    assert str(error) == f"{path}: {key}: {error.reason}"


def test_the_valid_base_loads(tmp_path: Path) -> None:
    rule = load_rule_file(write_rule(tmp_path, VALID), KINDS, "test pack")
    assert (rule.code, rule.name, rule.origin) == ("ED101", "house-placeholder", "test pack")


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "ED101.toml"
    path.write_bytes(toml_document(VALID).encode("utf-8").replace(b"copy", b"c\xf6py"))
    with pytest.raises(RulePackError, match=r"\(file\): not UTF-8 text"):
        load_rule_file(path, KINDS, "test pack")


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    """Notepad saves UTF-8 with a BOM; that is still a valid rule file."""
    path = tmp_path / "ED101.toml"
    path.write_bytes(b"\xef\xbb\xbf" + toml_document(VALID).encode("utf-8"))
    assert load_rule_file(path, KINDS, "test pack").code == "ED101"


class CrashingKindPlugin:
    @hookimpl
    def newslint_rule_kinds(self) -> dict[str, Any]:
        def factory(spec: Any) -> Any:
            return spec.options["threshold"] + 1  # KeyError/TypeError on bad options: a plugin bug

        return {"fragile": factory}


def test_a_kind_that_crashes_on_bad_options_is_still_a_clean_load_error(tmp_path: Path) -> None:
    path = write_rule(tmp_path, changed(kind="fragile", options={"limit": 3}))
    with pytest.raises(RulePackError) as raised:
        load_rule_file(path, _kinds(CrashingKindPlugin()), "test pack")
    assert raised.value.key == "kind"
    assert "kind 'fragile' failed on this rule: KeyError" in raised.value.reason


# --- nothing is silently dropped ---------------------------------------------------


def test_every_rule_file_in_a_pack_is_loaded(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    for number, name in ((101, "a.toml"), (102, "B.TOML"), (103, "c.Toml")):
        write_rule(pack, changed(code=f"ED{number}", name=f"rule-{number}"), name)
    (pack / "README.md").write_text("Not a rule file.\n", encoding="utf-8")
    rules = load_rule_pack(pack, KINDS, "test pack")
    assert sorted(rule.code for rule in rules) == ["ED101", "ED102", "ED103"]


def test_one_bad_file_fails_the_whole_pack(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    write_rule(pack, VALID, "a-good.toml")
    bad = write_rule(pack, changed(code="ED102", message=DROP), "b-bad.toml")
    write_rule(pack, changed(code="ED103"), "c-good.toml")
    with pytest.raises(RulePackError) as raised:
        load_rule_pack(pack, KINDS, "test pack")
    assert raised.value.path == str(bad)


# --- through the CLI: exit 2, one line -----------------------------------------------


def _project(tmp_path: Path, rule: dict[str, object] | str, name: str = "ED101-rule.toml") -> tuple[Path, Path]:
    write_rule(tmp_path / "house-rules", rule, name)
    config = tmp_path / "newslint.toml"
    config.write_text('rule-packs = ["house-rules"]\n', encoding="utf-8")
    article = tmp_path / "article.txt"
    article.write_text("The mayor said TK on Monday.\n", encoding="utf-8")
    return config, article


@pytest.mark.parametrize(("content", "key", "reason"), [pytest.param(*case[1:], id=case[0]) for case in MALFORMED])
def test_cli_exits_2_with_one_line(tmp_path: Path, content: Any, key: str, reason: str) -> None:
    config, article = _project(tmp_path, content)
    for command in (["check", "--config", str(config), str(article)], ["rules", "--config", str(config)]):
        result = run_cli(*command)
        assert result.exit_code == 2, result.output
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, result.stderr
        assert str(tmp_path / "house-rules" / "ED101-rule.toml") in lines[0]
        assert f": {key}: " in lines[0] and reason in lines[0]
        assert result.stdout == ""


def test_cli_runs_a_valid_pack(tmp_path: Path) -> None:
    config, article = _project(tmp_path, VALID)
    result = run_cli("check", "--config", str(config), "--format", "json", str(article))
    assert result.exit_code == 0, result.output  # a warning does not fail the run
    assert [f["code"] for f in json.loads(result.stdout)["findings"]] == ["ED101"]


def test_cli_refuses_a_code_defined_twice(tmp_path: Path) -> None:
    config, article = _project(tmp_path, VALID)
    write_rule(tmp_path / "house-rules", changed(name="again"), "ED101-again.toml")
    result = run_cli("check", "--config", str(config), str(article))
    assert result.exit_code == 2 and "ED101 is defined twice" in result.stderr


# --- property: any rule file either loads or fails cleanly -----------------------------

_REGEX_PIECES = st.sampled_from([
    "TK", "(", ")", "[", "]", "*", "+", "?", "{2,", "}", "\\", "\\1", "(?P<x>", "(?|", "(?i)", "\\p{Lu}",
    "\\N{BOGUS}", "|", "^", "$", "(?<=a+)", "(?#", "[[:alpha:]]", "\\d", "a{99999999999}", ".", "(?V0)", "\\L<w>",
])
_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=20)
_SCALAR = st.one_of(_TEXT, st.integers(), st.floats(), st.booleans())
_VALUE = st.recursive(_SCALAR, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(_TEXT, inner, max_size=3)), max_leaves=6)
_PATTERN = st.lists(_REGEX_PIECES, min_size=0, max_size=5).map("".join)
_OPTION_KEYS = st.sampled_from(["patterns", "ignore_case", "blocks", "whole_block", "unless", "suggestion",
                                "threshold", "cues", "min_words", "words"])
_OPTION_VALUES = st.one_of(_VALUE, st.lists(_PATTERN, max_size=3), st.lists(
    st.sampled_from(["paragraph", "caption", "heading", "bogus"]), max_size=2))


@st.composite
def rule_files(draw: st.DrawFn) -> dict[str, object]:
    data: dict[str, object] = dict(VALID)
    data["kind"] = draw(st.sampled_from(sorted(KINDS) + ["nope"]))
    data["options"] = draw(st.dictionaries(_OPTION_KEYS, _OPTION_VALUES, max_size=4))
    for key in draw(st.lists(st.sampled_from(sorted(VALID) + ["why", "notes", "fixable", "extra"]), max_size=3)):
        if draw(st.booleans()):
            data.pop(key, None)
        else:
            data[key] = draw(_VALUE)
    return data


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(data=rule_files())
def test_any_rule_file_loads_or_fails_cleanly(tmp_path: Path, data: dict[str, object]) -> None:
    path = write_rule(tmp_path, data)
    try:
        rule = load_rule_file(path, KINDS, "fuzz")
    except RulePackError as error:
        assert error.path == str(path) and error.key and error.reason
        # Built-in kinds validate their options: a bad option is named, not a crash.
        assert "failed on this rule" not in error.reason, str(error)
        return
    assert rule.code == data["code"]


# --- the config file that names the packs is held to the same standard --------------------------


@pytest.mark.parametrize(("name", "content", "message"), [
    ("newslint.toml", "select = " + "[" * 5000 + "\n", "(file): not valid TOML: nested too deeply"),
    ("newslint.toml", 'select = ["NL1"\n', "(file): not valid TOML"),
    ("pyproject.toml", 'tool = "newslint"\n', "tool: expected a table"),
    ("pyproject.toml", "[tool]\nnewslint = 3\n", "tool.newslint: expected a table"),
])
def test_a_broken_config_is_one_line_and_exit_2(tmp_path: Path, name: str, content: str, message: str) -> None:
    config = tmp_path / name
    config.write_text(content, encoding="utf-8")
    article = tmp_path / "article.txt"
    article.write_text("Loading...\n", encoding="utf-8")
    result = run_cli("check", "--config", str(config), str(article))
    assert result.exit_code == 2, result.output
    [line] = result.stderr.strip().splitlines()
    assert line.startswith(f"newslint: error: {config}: {message}"), line


def test_a_config_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    config, article = _project(tmp_path, VALID)
    config.write_bytes(b"\xef\xbb\xbf" + config.read_bytes())
    result = run_cli("check", "--config", str(config), "--format", "json", str(article))
    assert result.exit_code == 0, result.output
    assert [f["code"] for f in json.loads(result.stdout)["findings"]] == ["ED101"]


@pytest.mark.parametrize(("message", "reason"), [
    ("Placeholder '{matched}' left in the copy", "unknown placeholder {matched}; this kind fills {match}, {suggestion}"),
    ("Placeholder {match} {Match}", "unknown placeholder {Match}"),
])
def test_a_message_naming_a_placeholder_the_kind_does_not_fill_fails_the_load(
        tmp_path: Path, message: str, reason: str) -> None:
    path = write_rule(tmp_path, {**VALID, "message": message})
    with pytest.raises(RulePackError) as raised:
        load_rule_file(path, KINDS, "test pack")
    assert (raised.value.path, raised.value.key) == (str(path), "message")
    assert reason in raised.value.reason

