"""The document model: source maps and line/column positions."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newslint.document import Document, Segment, SourceMap


def entity_map() -> tuple[str, str, SourceMap]:
    # text "a&b" comes from source "xx<p>a&amp;b</p>"
    source = "xx<p>a&amp;b</p>"
    segments = [Segment(0, 1, 5, 6), Segment(1, 2, 6, 11), Segment(2, 3, 11, 12)]
    return "a&b", source, SourceMap.from_segments(segments)


def test_linear_map_is_a_shift() -> None:
    source_map = SourceMap.linear(10, 5)
    assert source_map.to_source(0, 5) == (10, 15)
    assert source_map.to_source(2, 3) == (12, 13)


def test_atomic_segment_maps_whole_entity() -> None:
    _text, source, source_map = entity_map()
    assert source[slice(*source_map.to_source(1, 2))] == "&amp;"
    assert source[slice(*source_map.to_source(0, 3))] == "a&amp;b"
    assert source[slice(*source_map.to_source(2, 3))] == "b"


def test_empty_span_maps_to_a_point() -> None:
    _, _, source_map = entity_map()
    assert source_map.to_source(2, 2) == (11, 11)


def test_compose_maps_through_an_outer_source() -> None:
    _text, inner_source, inner = entity_map()
    outer = SourceMap.linear(100, len(inner_source))
    composed = inner.compose(outer)
    assert composed.to_source(0, 3) == (105, 112)
    assert composed.to_source(1, 2) == (106, 111)


def test_adjacent_linear_segments_merge() -> None:
    merged = SourceMap.from_segments([Segment(0, 2, 0, 2), Segment(2, 4, 2, 4), Segment(4, 5, 7, 8)])
    assert len(merged.segments) == 2


def test_positions_count_characters_and_every_line_end() -> None:
    document = Document("x", "é\r\nab\rc\nd", "text")
    assert document.position(0) == (1, 1)
    assert document.position(1) == (1, 2)
    assert document.position(3) == (2, 1)
    assert document.position(6) == (3, 1)
    assert document.position(8) == (4, 1)


@given(st.text(alphabet="ab\r\n", max_size=40), st.data())
def test_position_agrees_with_a_naive_count(source: str, data: st.DataObject) -> None:
    offset = data.draw(st.integers(0, len(source)))
    normalised = source[:offset].replace("\r\n", "\n").replace("\r", "\n")
    expected_line = normalised.count("\n") + 1
    expected_column = len(normalised) - (normalised.rfind("\n") + 1) + 1
    if offset and source[offset - 1] == "\r" and offset < len(source) and source[offset] == "\n":
        return  # between CR and LF: not a position a finding can start at
    assert Document("x", source, "text").position(offset) == (expected_line, expected_column)


def test_shared_work_is_done_once_per_document_and_equal_inputs() -> None:
    calls: list[tuple[str, frozenset[str]]] = []

    def word_count(document: Document, label: str, stop: frozenset[str]) -> int:
        calls.append((label, stop))
        return len([word for word in document.source.split() if word not in stop])

    document = Document(path="a.txt", source="The pier reopened on Monday after the storm.", format="text")
    assert document.shared(word_count, "x", frozenset({"the"})) == 7
    assert document.shared(word_count, "x", frozenset({"the"})) == 7  # an equal set: done already
    assert document.shared(word_count, "x", frozenset({"on"})) == 7
    assert len(calls) == 2
    other = Document(path="b.txt", source="The pier reopened.", format="text")
    assert other.shared(word_count, "x", frozenset({"the"})) == 3  # another document does its own
    assert len(calls) == 3
