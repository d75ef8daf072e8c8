"""Loading declarative rule files: one TOML file per rule, validated strictly.

A malformed file is an error naming the file, the key and the reason; a rule is
never silently dropped.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newslint.lexicons import resolve_lexicon_path
from newslint.model import Example, Rule, RuleDoc, RuleSpec, Severity
from newslint.options import OptionError
from newslint.text.language import ENGLISH
from newslint.text.messages import MessageError
from newslint.text.pattern_store import process_store

REQUIRED = ("code", "name", "kind", "severity", "message", "summary")
RESERVED_CODES = {"NL000": "reserved for newslint's own errors"}
KNOWN = set(REQUIRED) | {"why", "notes", "fixable", "options", "examples", "language", "opt_in"}
LANGUAGES = (ENGLISH,)  # what `newslint.text.language` can recognise
CODE_SHAPE = r"^[A-Z]{1,4}[0-9]{3}$"


class RulePackError(ValueError):
    def __init__(self, path: Path | str, key: str, reason: str):
        super().__init__(f"{path}: {key}: {reason}")
        self.path, self.key, self.reason = str(path), key, reason


@dataclass(frozen=True)
class DeclaredFile:
    """A rule file as loaded: what it declared, and the rule its kind built from that."""

    spec: RuleSpec
    rule: Rule


def load_rule_pack(directory: Path, kinds: Mapping[str, Callable[[RuleSpec], Rule]],
                   origin: str) -> list[Rule]:
    return [loaded.rule for loaded in load_rule_pack_files(directory, kinds, origin)]


def load_rule_pack_files(directory: Path, kinds: Mapping[str, Callable[[RuleSpec], Rule]], origin: str,
                         example_formats: Collection[str] | None = None) -> list[DeclaredFile]:
    """Every rule file of `directory`. `example_formats` are the names of the readers an
    example may be written for (the registry's); None leaves the names unchecked."""
    if not directory.is_dir():
        raise RulePackError(directory, "rule-packs", "not a directory")
    # Every *.toml, in any letter case: a rule file named NL901.TOML is loaded, not skipped;
    # but a lexicon file beside the rules, named in a rule's `lexicons` option, is not a rule.
    files = {path: _read_toml(path) for path in sorted(directory.iterdir()) if path.suffix.lower() == ".toml"}
    lexicons = {lexicon for path, data in files.items() for lexicon in _named_lexicons(path, data)}
    return [declare(path, data, kinds, origin, example_formats) for path, data in files.items()
            if path.resolve() not in lexicons]


def _named_lexicons(path: Path, data: Mapping[str, Any]) -> set[Path]:
    """The lexicon files a rule file's ``options.lexicons`` names, resolved."""
    options = data.get("options")
    names = options.get("lexicons") if isinstance(options, dict) else None
    if not isinstance(names, list):
        return set()
    named = set()
    for name in names:
        try:
            named.add(resolve_lexicon_path(name, str(path)).resolve())
        except (OSError, ValueError, TypeError):  # a name no file can have: the kind reports it
            continue
    return named


def load_rule_file(path: Path, kinds: Mapping[str, Callable[[RuleSpec], Rule]], origin: str,
                   example_formats: Collection[str] | None = None) -> Rule:
    return load_declared_file(path, kinds, origin, example_formats).rule


def load_declared_file(path: Path, kinds: Mapping[str, Callable[[RuleSpec], Rule]], origin: str,
                       example_formats: Collection[str] | None = None) -> DeclaredFile:
    return declare(path, _read_toml(path), kinds, origin, example_formats)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        # utf-8-sig: editors on Windows add a BOM. The table may be the store's: never changed.
        return process_store().parsed_toml(path.read_text(encoding="utf-8-sig"))
    except tomllib.TOMLDecodeError as error:
        raise RulePackError(path, "(file)", f"not valid TOML: {error}") from None
    except UnicodeDecodeError as error:
        raise RulePackError(path, "(file)", f"not UTF-8 text (byte {error.start})") from None
    except RecursionError:
        raise RulePackError(path, "(file)", "not valid TOML: nested too deeply") from None
    except OSError as error:
        raise RulePackError(path, "(file)", error.strerror or str(error)) from None


def declare(path: Path, data: Mapping[str, Any], kinds: Mapping[str, Callable[[RuleSpec], Rule]], origin: str,
            example_formats: Collection[str] | None = None) -> DeclaredFile:
    """The rule the file's TOML `data` declares, built by its kind."""
    spec = parse_spec(data, path, origin, example_formats)
    if spec.kind not in kinds:
        raise RulePackError(path, "kind", f"unknown kind {spec.kind!r}; known kinds: {', '.join(sorted(kinds))}")
    try:
        return DeclaredFile(spec, kinds[spec.kind](spec))
    except OptionError as error:
        raise RulePackError(path, f"options.{error.key}", error.reason) from None
    except MessageError as error:
        raise RulePackError(path, "message", str(error)) from None
    except ValueError as error:
        raise RulePackError(path, "options", str(error)) from None
    except Exception as error:  # noqa: BLE001 - a kind is plugin code; its bug must not be a traceback
        raise RulePackError(path, "kind",
                            f"kind {spec.kind!r} failed on this rule: {type(error).__name__}: {error}") from None


def parse_spec(data: Mapping[str, Any], path: Path, origin: str,
               example_formats: Collection[str] | None = None) -> RuleSpec:
    import regex

    if not set(data) & KNOWN:
        raise RulePackError(path, "(file)", f"not a rule file (it has none of the keys {', '.join(REQUIRED)}); "
                                            "a lexicon beside the rules must be named in a rule's "
                                            "options.lexicons, or kept in a lexicons/ folder")
    for key in REQUIRED:
        if key not in data:
            raise RulePackError(path, key, "missing (required)")
    unknown = sorted(set(data) - KNOWN)
    if unknown:
        raise RulePackError(path, unknown[0], f"unknown key; expected one of {', '.join(sorted(KNOWN))}")
    for key in ("code", "name", "kind", "message", "summary", "severity"):
        if not isinstance(data[key], str) or not data[key].strip():
            raise RulePackError(path, key, "expected a non-empty string")
    if not regex.match(CODE_SHAPE, data["code"]):
        raise RulePackError(path, "code", f"expected letters then three digits, like NL101, got {data['code']!r}")
    if data["code"] in RESERVED_CODES:
        raise RulePackError(path, "code", f"{data['code']} is {RESERVED_CODES[data['code']]}")
    try:
        severity = Severity.parse(data["severity"])
    except ValueError as error:
        raise RulePackError(path, "severity", str(error)) from None
    options = data.get("options", {})
    if not isinstance(options, dict):
        raise RulePackError(path, "options", "expected a table")
    fixable = data.get("fixable", False)
    if not isinstance(fixable, bool):
        raise RulePackError(path, "fixable", "expected true or false")
    language = data.get("language")
    if language is not None and language not in LANGUAGES:
        raise RulePackError(path, "language", f"expected one of {', '.join(LANGUAGES)}, got {language!r}")
    return RuleSpec(
        code=data["code"],
        name=data["name"],
        kind=data["kind"],
        severity=severity,
        message=data["message"],
        doc=RuleDoc(
            summary=data["summary"],
            why=_optional_str(data, "why", path),
            notes=_optional_str(data, "notes", path),
            examples=_examples(data.get("examples", []), path, example_formats),
        ),
        options=options,
        fixable=fixable,
        origin=origin,
        path=str(path),
        language=language,
        opt_in=_optional_bool(data, "opt_in", path),
    )


def _optional_bool(data: Mapping[str, Any], key: str, path: Path) -> bool:
    value = data.get(key, False)
    if not isinstance(value, bool):
        raise RulePackError(path, key, "expected true or false")
    return value


def _optional_str(data: Mapping[str, Any], key: str, path: Path) -> str:
    value = data.get(key, "")
    if not isinstance(value, str):
        raise RulePackError(path, key, "expected a string")
    return value.strip()


def _examples(raw: object, path: Path, formats: Collection[str] | None) -> tuple[Example, ...]:
    if not isinstance(raw, list):
        raise RulePackError(path, "examples", "expected an array of tables [[examples]]")
    examples = []
    for index, item in enumerate(raw):
        key = f"examples[{index}]"
        if not isinstance(item, dict) or sum(k in item for k in ("bad", "good")) != 1:
            raise RulePackError(path, key, "expected a table with exactly one of 'bad' or 'good'")
        extra = set(item) - {"bad", "good", "format"}
        if extra:
            raise RulePackError(path, f"{key}.{min(extra)}", "unknown key; expected bad, good, format")
        text = item.get("bad", item.get("good"))
        if not isinstance(text, str):
            raise RulePackError(path, key, "expected the example text as a string")
        example_format = item.get("format", "text")
        if not isinstance(example_format, str) or (formats is not None and example_format not in formats):
            known = ", ".join(sorted(formats)) if formats is not None else "a reader's name"
            raise RulePackError(path, f"{key}.format", f"expected one of {known}, got {example_format!r}")
        examples.append(Example(text=text, flagged="bad" in item, format=example_format))
    return tuple(examples)
