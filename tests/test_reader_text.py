"""The plain-text reader: paragraphs, line blocks, captions and credits."""

from __future__ import annotations

from newslint.document import BlockKind
from newslint.readers.text import TextReader
from newslint.text.credits import is_credit

ARTICLE = """Ferry strike strands thousands on the coast

Crews walked out at dawn on Monday, halting every crossing.

A ferry sits idle at the quay in Portvale on Monday as crews strike.
Reuters

Unions meet again on Friday

Loading...
Route 9
"""


def read(text: str):
    return TextReader().read("a.txt", text)


def test_blocks_and_kinds() -> None:
    kinds = [(block.kind, block.text) for block in read(ARTICLE).blocks]
    assert kinds == [
        (BlockKind.HEADLINE, "Ferry strike strands thousands on the coast"),
        (BlockKind.PARAGRAPH, "Crews walked out at dawn on Monday, halting every crossing."),
        (BlockKind.CAPTION, "A ferry sits idle at the quay in Portvale on Monday as crews strike."),
        (BlockKind.CREDIT, "Reuters"),
        (BlockKind.HEADING, "Unions meet again on Friday"),
        (BlockKind.PARAGRAPH, "Loading..."),
        (BlockKind.HEADING, "Route 9"),
    ]


def test_block_text_is_the_exact_source_slice() -> None:
    document = read(ARTICLE.replace("\n", "\r\n") + "  trailing   \n")
    for block in document.blocks:
        start, end = block.to_source(0, len(block.text))
        assert document.source[start:end] == block.text
        assert block.extent == (start, end)


def test_hard_wrapped_paragraph_stays_one_block() -> None:
    wrapped = (
        "The council voted on Tuesday to close the old bridge to lorries\n"
        "while engineers inspect the cracked supports, a process that could\n"
        "take most of the summer.\n"
    )
    blocks = read(wrapped).blocks
    assert len(blocks) == 1 and blocks[0].text.endswith("summer.")


def test_credit_lines() -> None:
    for credit in ("AFP", "Reuters", "AP Photo/Jane Doe", "Getty Images", "Photo: Sam Lee", "Jane Doe/AFP"):
        assert is_credit(credit), credit
    for prose in ("The army retreated.", "Afghan forces held the line on Thursday", "Later Thursday", "Before/after the flood the town rebuilt"):
        assert not is_credit(prose), prose
    # a label before a pointer to a link the text lost is no credit
    assert not is_credit("(Graphic: Ferry prices this year - here)")
    assert is_credit("(Graphic: Sam Doe)")


def test_a_list_heading_above_story_titles_is_no_caption() -> None:
    """A title with "for" in it ("... for Every Season") is not a "Name for The Outlet" credit,
    so the line above it stays a line of its own, not a caption."""
    text = ("Quarry plan approved\n\nThe council approved the quarry on Monday after a long debate.\n"
            "Related Articles:\nSeven Easy Garden Ideas That Work for Every Season\nHow to Pick a Spade\n")
    kinds = [block.kind for block in read(text).blocks]
    assert BlockKind.CAPTION not in kinds and BlockKind.CREDIT not in kinds
    credited = "Quarry plan approved\n\nThe quarry site at dawn\nSam Doe for The Daily Post\n"
    assert [block.kind for block in read(credited).blocks][-2:] == [BlockKind.CAPTION, BlockKind.CREDIT]


def test_a_first_line_that_reads_like_a_sentence_is_the_lede_not_a_headline() -> None:
    """Wire copy and CMS bodies often have no title: their first line is checked prose."""
    lede = "Crews walked out at dawn on Monday, halting every crossing to the islands for the day."
    kinds = [block.kind for block in read(f"{lede}\n\nUnions meet again on Friday.\n").blocks]
    assert kinds == [BlockKind.PARAGRAPH, BlockKind.PARAGRAPH]
    assert read("Ferry strike strands thousands\n\nCrews walked out.\n").blocks[0].kind is BlockKind.HEADLINE
    assert read("Why are the ferries not running?\n\nCrews walked out.\n").blocks[0].kind is BlockKind.HEADLINE
    assert read("The ferries stopped.\n\nCrews walked out.\n").blocks[0].kind is BlockKind.PARAGRAPH
    assert read("Ferries run again!\n\nCrews walked out.\n").blocks[0].kind is BlockKind.HEADLINE
