"""Running rules' documented examples, as ``newslint test-rules`` does for a rule pack.

A `bad` example must give at least one finding of its rule and a `good` one none; a rule
must document both sides, so a pack with no examples cannot pass by saying nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from newslint.decode import InputError
from newslint.engine import ENGINE_CODE, ReaderCrashed, check_document, read_document
from newslint.model import Example, Rule
from newslint.registry import Registry


@dataclass(frozen=True)
class ExampleFailure:
    """One way a rule's examples failed: `number` counts its examples from 1, in file order
    (0 for a side the rule does not document at all)."""

    code: str
    where: str  # the rule file, or the module of a rule written in Python
    number: int
    example: Example | None
    problem: str

    def render(self) -> str:
        if self.example is None:
            return f"{self.where}: {self.code}: {self.problem}"
        side = "bad" if self.example.flagged else "good"
        lines = [f"{self.where}: {self.code} example {self.number} ({side}, {self.example.format}): {self.problem}",
                 *(f"    {line}" for line in self.example.text.strip("\n").splitlines())]
        return "\n".join(lines)


def rule_location(registry: Registry, rule: Rule) -> str:
    """The file that declares `rule`, or the module of a rule written in Python."""
    implementation = registry.implementations.get(rule.code)
    if implementation is None:
        return rule.origin
    return implementation.files[0] if implementation.files else f"module {implementation.module}"


def rules_declared_in(registry: Registry, targets: Iterable[Path]) -> tuple[Rule, ...]:
    """The rules whose file is one of `targets` or lies directly in a target directory."""
    wanted = [target.resolve() for target in targets]

    def declared_here(rule: Rule) -> bool:
        implementation = registry.implementations.get(rule.code)
        if implementation is None or not implementation.files:
            return False
        file = Path(implementation.files[0]).resolve()
        return file in wanted or file.parent in wanted

    return tuple(rule for rule in registry.rules if declared_here(rule))


def example_failures(registry: Registry, rules: Sequence[Rule]) -> list[ExampleFailure]:
    """Every failing example of `rules`, and every side (bad, good) a rule leaves untested."""
    failures: list[ExampleFailure] = []
    for rule in rules:
        where = rule_location(registry, rule)
        for flagged, side in ((True, "bad"), (False, "good")):
            if not any(example.flagged is flagged for example in rule.doc.examples):
                failures.append(ExampleFailure(rule.code, where, 0, None,
                                               f"documents no {side} example (add [[examples]] with {side} = \"...\")"))
        for number, example in enumerate(rule.doc.examples, 1):
            problem = example_problem(registry, rule, example)
            if problem is not None:
                failures.append(ExampleFailure(rule.code, where, number, example, problem))
    return failures


def example_problem(registry: Registry, rule: Rule, example: Example) -> str | None:
    """Why `example` fails for `rule`, or None if the rule treats it as documented."""
    reader = registry.reader_named(example.format)
    extension = reader.extensions[0] if reader is not None and reader.extensions else ""
    try:
        document, _ = read_document(f"example{extension}", example.text.encode("utf-8"), registry,
                                    input_format=example.format)
    except (InputError, ReaderCrashed) as error:
        return f"cannot be read: {error}"
    findings = check_document(document, [rule], known_codes=registry.codes)
    crash = next((finding for finding in findings if finding.code == ENGINE_CODE), None)
    if crash is not None:
        return crash.message
    own = [finding for finding in findings if finding.code == rule.code]
    if example.flagged and not own:
        return "not flagged, but it is a bad example"
    if not example.flagged and own:
        line, column = document.position(own[0].start)
        return f"flagged at line {line}, column {column}, but it is a good example: {own[0].message}"
    return None
