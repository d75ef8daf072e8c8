"""WordPress: REST API posts and collections (read by the generic JSON reader) and
Gutenberg block markup (read as HTML; a fix takes a block's comment pair with it)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import REPO, run_cli
from test_ans import text_at

from newslint.document import Document
from newslint.readers.html import HtmlReader
from newslint.readers.json import JsonReader

CMS = REPO / "examples" / "cms"
POST, COLLECTION, GUTENBERG, PLAIN = (CMS / name for name in (
    "wordpress-post.json", "wordpress-collection.json", "gutenberg.html", "article.txt"))


def findings(path: Path) -> list[dict[str, object]]:
    result = run_cli("check", "--no-cache", "--format", "json", str(path))
    return list(json.loads(result.stdout)["findings"])


def plain_codes(*, fixable: bool | None = None) -> list[str]:
    """The codes the plain-text article gives (only those with or without a fix, if asked)."""
    return [str(f["code"]) for f in findings(PLAIN) if fixable is None or f["fixable"] == fixable]


def document_of(path: Path) -> Document:
    source = path.read_text(encoding="utf-8")
    return JsonReader().read(str(path), source) if path.suffix == ".json" else HtmlReader().read(str(path), source)


def flagged(path: Path) -> list[tuple[str, str]]:
    """(code, flagged text) of each finding, the text read back through the blocks' maps, so
    that every position is checked to be exact."""
    document = document_of(path) if path.suffix != ".txt" else None
    source = path.read_text(encoding="utf-8")
    result = []
    for finding in findings(path):
        start, end = int(finding["start"]), int(finding["end"])  # type: ignore[call-overload]
        result.append((str(finding["code"]), source[start:end] if document is None else text_at(document, start, end)))
    return result


# --- REST API -----------------------------------------------------------------------


def test_a_post_gives_the_plain_texts_findings_with_pointers() -> None:
    assert flagged(POST) == flagged(PLAIN)
    assert [(f["code"], f["pointer"]) for f in findings(POST)] == [(code, "/content/rendered") for code in plain_codes()]


def test_a_post_reads_title_as_headline_and_excerpt_and_seo_fields_as_summary() -> None:
    kinds = {(block.pointer, block.kind.value) for block in document_of(POST).blocks}
    assert {("/title/rendered", "headline"), ("/excerpt/rendered", "summary"),
            ("/yoast_head_json/title", "summary"), ("/yoast_head_json/description", "summary")} <= kinds
    assert [pointer for pointer, kind in kinds if kind == "headline"] == ["/title/rendered"]
    assert not any(pointer and pointer.startswith("/guid") for pointer, _ in kinds)


def test_fixing_a_post_keeps_the_lede_the_excerpt_and_every_other_field(tmp_path: Path) -> None:
    path = tmp_path / "post.json"
    path.write_bytes(POST.read_bytes())
    run_cli("check", "--no-cache", "--fix", str(path))
    before, after = json.loads(POST.read_text(encoding="utf-8")), json.loads(path.read_text(encoding="utf-8"))
    assert {key: value for key, value in after.items() if key != "content"} == \
        {key: value for key, value in before.items() if key != "content"}
    content = after["content"]["rendered"]
    assert content.startswith("\n<p>Ellsmere&#8217;s harbour footbridge")  # the lede the excerpt repeats
    assert "READ MORE" not in content and "Loading..." not in content
    assert content.count("Engineers inspect the damaged supports") == 1  # the caption stays, its copy goes
    assert [code for code, _ in flagged(path)] == plain_codes(fixable=False)


@pytest.mark.parametrize("wrap", ["array", "posts"])
def test_a_collection_is_two_articles_each_with_its_headline(tmp_path: Path, wrap: str) -> None:
    posts = json.loads(COLLECTION.read_text(encoding="utf-8"))
    path = tmp_path / "posts.json"
    path.write_text(json.dumps(posts if wrap == "array" else {"posts": posts, "total": 2}, indent=2),
                    encoding="utf-8")
    prefix = "" if wrap == "array" else "/posts"
    # Post 2 repeats post 1's caption and calls the authority plural: no finding across posts.
    assert [(f["code"], f["pointer"]) for f in findings(path)] == \
        [(code, f"{prefix}/0/content/rendered") for code in plain_codes()]
    headlines = [(block.article, block.pointer) for block in document_of(path).blocks if block.kind.value == "headline"]
    assert headlines == [(1, f"{prefix}/0/title/rendered"), (2, f"{prefix}/1/title/rendered")]


def test_the_collection_sample_gives_post_ones_findings_only() -> None:
    assert flagged(COLLECTION) == flagged(PLAIN)


# --- Gutenberg block markup ---------------------------------------------------------


def test_gutenberg_markup_gives_the_plain_texts_findings() -> None:
    assert flagged(GUTENBERG) == flagged(PLAIN)


def test_a_fix_takes_the_blocks_comment_pair_and_nothing_else(tmp_path: Path) -> None:
    path = tmp_path / "post.html"
    path.write_bytes(GUTENBERG.read_bytes())
    run_cli("check", "--no-cache", "--fix", str(path))
    before, after = GUTENBERG.read_text(encoding="utf-8"), path.read_text(encoding="utf-8")
    assert not re.search(r"<!-- wp:[\w/-]+[^>]*-->\s*<!-- /wp:", after)  # no empty pair is left
    assert "\n\n\n" not in after
    removed = [
        ('<!-- wp:paragraph -->\n<p>Engineers inspect the damaged supports of the Ellsmere harbour footbridge'
         ' on Tuesday morning.</p>\n<!-- /wp:paragraph -->\n\n'),
        ('<!-- wp:paragraph {"className":"read-more"} -->\n<p class="read-more"><strong>READ MORE:</strong> '
         '<a href="https://www.example.org/2025/05/30/ferry-timetable-summer/">Ferry timetable changes for the '
         'summer season</a></p>\n<!-- /wp:paragraph -->\n\n'),
        '<!-- wp:html -->\n<div class="wp-block-poll" data-poll="881">Loading...</div>\n<!-- /wp:html -->\n\n',
    ]
    expected = before
    for piece in removed:
        assert expected.count(piece) == 1
        expected = expected.replace(piece, "")
    assert after == expected


@pytest.mark.xfail(reason="NL105 knows only listed shortcode names (caption, gallery, embed, ...): a lone "
                          "[related_posts] or [newsletter_signup id=\"3\"] block is not flagged (rule change "
                          "noted for the artifacts family)", strict=False)
def test_a_lone_shortcode_block_is_flagged() -> None:
    flagged_texts = [text for code, text in flagged(GUTENBERG) if code == "NL105"]
    assert flagged_texts == ["[related_posts]", '[newsletter_signup id="3"]']
