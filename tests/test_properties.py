"""Property tests for the readers and text normalisation: offsets stay valid for any input."""

from __future__ import annotations

import codecs
import json

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from detente.errors import InputError
from detente.ingest import decode_bytes, make_doc_id, normalize_text, read_bytes, split_plain_text

# printable text of any script, with the line breaks and spaces articles carry
text_chars = st.characters(codec="utf-8", exclude_categories=("Cc", "Cs"), include_characters="\n\r\t ")
texts = st.text(alphabet=text_chars, max_size=400)


@given(texts)
def test_properties_normalize_is_idempotent(text):
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert "\r" not in once and once == once.strip()


@given(texts)
def test_properties_plain_text_body_is_part_of_the_stored_text(text):
    clean = normalize_text(text)
    assume(clean)
    title, author, body = split_plain_text(clean)
    assert body in clean
    assert title is None or title in clean
    assert author is None or author in clean


@given(texts, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le-bom", "utf-16-be-bom"]))
def test_properties_unicode_encodings_round_trip(text, encoding):
    assume(text.strip())
    if encoding == "utf-16-le-bom":
        data = codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    elif encoding == "utf-16-be-bom":
        data = codecs.BOM_UTF16_BE + text.encode("utf-16-be")
    else:
        data = text.encode(encoding)
    try:
        decoded, _, warning = decode_bytes(data, "f.txt")
    except InputError as error:  # a text that is mostly control characters is rejected, not garbled
        assert "binary" in str(error)
        return
    # in plain UTF-8 a leading U+FEFF is indistinguishable from a byte-order mark
    bom_eaten = encoding == "utf-8" and text.startswith("\ufeff")
    assert decoded == (text[1:] if bom_eaten else text)
    assert warning is None


@given(st.binary(max_size=300))
def test_properties_any_bytes_give_text_or_a_clear_error(data):
    try:
        text, _, _ = decode_bytes(data, "f.txt")
    except InputError as error:
        assert str(error).startswith("f.txt: ")
        return
    assert isinstance(text, str) and text.strip()


@given(texts, texts)
def test_properties_jsonl_text_is_stored_normalised(text, title):
    assume(normalize_text(text))
    line = json.dumps({"text": text, "title": title}).encode()
    (article,) = read_bytes(line, "w.jsonl", "jsonl")
    assert article.text == normalize_text(text)


@given(texts)
def test_properties_doc_id_depends_only_on_text(text):
    assert make_doc_id(text) == make_doc_id(str(text))
    assert len(make_doc_id(text)) == 16


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_properties_newline_conventions_give_one_id(newline):
    body = newline.join(["Headline", "First paragraph.", "", "Second paragraph."])
    (article,) = read_bytes(body.encode(), "a.txt", "text")
    assert make_doc_id(article.text) == make_doc_id("First paragraph.\n\nSecond paragraph.")
