"""Readers: every input format to clean text and metadata, without the parser."""

from __future__ import annotations

import codecs
import io
import json

import pytest

from detente.errors import InputError
from detente.ingest import (
    Article,
    Overrides,
    decode_bytes,
    make_doc_id,
    read_bytes,
    read_inputs,
    split_plain_text,
    to_document,
)

from .conftest import seed_path

ARTICLE_HTML = """<!DOCTYPE html>
<html lang="en"><head>
<title>Harbour talks resume in Velmora | The Coastal Ledger</title>
<meta property="og:title" content="Harbour talks resume in Velmora">
<meta property="og:site_name" content="The Coastal Ledger">
<meta property="article:published_time" content="2025-03-14T09:30:00Z">
<meta name="author" content="Ilse Danner">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li>Sport</li></ul></nav>
<article>
<h1>Harbour talks resume in Velmora</h1>
<p class="byline">By Ilse Danner</p>
<p>Negotiators from the two coastal republics met again on Thursday in Velmora, the first
round of harbour talks since the collapse of the fishing accord last autumn.</p>
<p>"We came to listen, and we will keep coming," the deputy foreign minister told reporters
outside the conference hall, adding that both delegations had agreed to meet monthly.</p>
<p>Officials declined to say whether the disputed quota would be discussed at the next round,
which is expected to take place in the northern port of Sallis.</p>
</article>
<aside><h3>Related stories</h3><ul><li>Quota dispute explained</li><li>Port strike ends</li></ul></aside>
<footer>© 2025 The Coastal Ledger. All rights reserved. <a href="/privacy">Privacy</a></footer>
<script>window.analytics = {track: function(){}};</script>
</body></html>"""

RSS_FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Northern Wire</title><link>https://wire.invalid/</link><description>News</description>
<item><title>Border crossing reopens</title><link>https://wire.invalid/a1</link>
<pubDate>Tue, 04 Feb 2025 08:00:00 GMT</pubDate>
<content:encoded><![CDATA[<p>The main border crossing reopened on Monday after a week of closure.</p>\
<p>Traders welcomed the decision.</p>]]></content:encoded>
</item>
<item><title>Ministers to meet</title><link>https://wire.invalid/a2</link>
<pubDate>Wed, 05 Feb 2025 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Foreign ministers will meet next week, officials said.&lt;/p&gt;</description>
</item>
</channel></rss>"""

ATOM_FEED = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Lakeside Review</title>
<id>urn:x</id><updated>2025-06-01T00:00:00Z</updated>
<entry><title>Dam agreement signed</title><id>urn:e1</id><link href="https://lake.invalid/e1"/>
<updated>2025-06-01T12:00:00Z</updated><author><name>Mara Quell</name></author>
<content type="html">&lt;p&gt;The two governments signed the dam agreement on Sunday.&lt;/p&gt;</content></entry>
</feed>"""


def only(items):
    items = list(items)
    assert len(items) == 1, items
    return items[0]


@pytest.mark.parametrize(
    ("text", "title", "author", "body_start"),
    [
        ("Talks resume\nThe talks resumed today.", "Talks resume", None, "The talks resumed"),
        ("Ilse Danner: Why the harbour talks matter\nBody here.", "Why the harbour talks matter",
         "Ilse Danner", "Body here."),
        ("Talks resume\n\nBy Ilse Danner\n\nThe talks resumed.", "Talks resume", "Ilse Danner", "The talks resumed."),
        ("North Korea: talks resume\nBody.", "North Korea: talks resume", None, "Body."),
        ("Breaking News: talks resume\nBody.", "Breaking News: talks resume", None, "Body."),
        ("The talks resumed today in the capital.\nMore text.", None, None, "The talks resumed today"),
        ("A single line without a body", None, None, "A single line"),
    ],
)
def test_ingest_plain_text_headline_and_byline(text, title, author, body_start):
    got_title, got_author, body = split_plain_text(text)
    assert (got_title, got_author) == (title, author)
    assert body.startswith(body_start)


@pytest.mark.seed
def test_ingest_seed_titles_and_author():
    first = only(read_bytes(seed_path("000").read_bytes(), "000.txt", "text"))
    second = only(read_bytes(seed_path("003").read_bytes(), "003.txt", "text"))
    assert first.title == "When Moscow undermines trust, the CIS loses its meaning Time to draw conclusions"
    assert first.author is None
    assert first.text.startswith("Events of recent months are forcing Azerbaijan")
    assert second.title == (
        "Overcoming the “Crisis of Emotions” Between Russia and Azerbaijan. CIS Summit in Dushanbe"
    )
    assert second.author == "Alihüseyin Guluzade"
    assert second.text.startswith("Overcoming the “Crisis of Emotions” Between Russia and Azerbaijan. CIS Summit")


@pytest.mark.seed
def test_ingest_plain_text_keeps_its_characters():
    raw = seed_path("003").read_text(encoding="utf-8")
    article = only(read_bytes(raw.encode(), "003.txt", "text"))
    # the body is the source text after the headline, character for character
    assert article.text in raw
    assert article.text.endswith("Yorum gönder")


def test_ingest_html_main_text_and_metadata():
    article = only(read_bytes(ARTICLE_HTML.encode(), "page.html", "html"))
    assert article.title == "Harbour talks resume in Velmora"
    assert article.source == "The Coastal Ledger"
    assert article.published == "2025-03-14"
    assert article.published_basis == "metadata"
    assert article.author == "Ilse Danner"
    assert article.language == "en"
    assert article.text.startswith("Negotiators from the two coastal republics")
    assert "We came to listen" in article.text
    for boilerplate in ("Home", "Related stories", "All rights reserved", "analytics", "Port strike"):
        assert boilerplate not in article.text


def test_ingest_html_without_body_text_is_an_error():
    page = "<html><head><title>Empty</title></head><body><nav>Home</nav></body></html>"
    error = only(read_bytes(page.encode(), "empty.html", "html"))
    assert isinstance(error, InputError)
    assert str(error) == "empty.html: HTML page has no article text"


def test_ingest_jsonl_fields():
    lines = [
        {"text": "First article body.", "title": "First", "source": "Wire", "url": "https://x.invalid/1",
         "published": "2025-02-01", "author": "A. Writer", "id": "w-1"},
        {"text": "Second article body.", "published": "2025-02-02T10:00:00+00:00"},
        {"text": "Third article body."},
    ]
    data = "\n".join(json.dumps(line) for line in lines).encode()
    first, second, third = read_bytes(data, "wire.jsonl", "jsonl")
    assert (first.title, first.source, first.url, first.author) == ("First", "Wire", "https://x.invalid/1", "A. Writer")
    assert (first.published, first.published_basis) == ("2025-02-01", "given")
    assert first.meta["input_id"] == "w-1"
    assert (second.published, second.published_basis) == ("2025-02-02", "given")
    assert (third.published, third.published_basis) == (None, None)
    assert first.origin == "wire.jsonl:1" and third.origin == "wire.jsonl:3"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"text": "ok"', "wire.jsonl:2: invalid JSON: Expecting ',' delimiter (column 14)"),
        ('{"title": "no text"}', 'wire.jsonl:2: no "text" field'),
        ('["a list"]', "wire.jsonl:2: expected a JSON object"),
        ('{"text": "   "}', 'wire.jsonl:2: empty "text"'),
        ('{"text": "x", "published": "yesterday"}', "wire.jsonl:2: \"published\" is not a date: 'yesterday'"),
    ],
)
def test_ingest_jsonl_bad_line_names_file_and_line(line, message):
    data = ('{"text": "good one"}\n' + line + '\n{"text": "good two"}\n').encode()
    items = list(read_bytes(data, "wire.jsonl", "jsonl"))
    assert [type(i).__name__ for i in items] == ["Article", "InputError", "Article"]
    assert str(items[1]) == message


def test_ingest_rss_one_document_per_item():
    first, second = read_bytes(RSS_FEED.encode(), "feed.xml", "feed")
    assert first.source == second.source == "Northern Wire"
    assert (first.title, first.url, first.published, first.published_basis) == (
        "Border crossing reopens", "https://wire.invalid/a1", "2025-02-04", "metadata")
    assert first.text == (
        "The main border crossing reopened on Monday after a week of closure.\nTraders welcomed the decision."
    )
    assert second.text == "Foreign ministers will meet next week, officials said."


def test_ingest_atom_entry():
    entry = only(read_bytes(ATOM_FEED.encode(), "lake.atom", "feed"))
    assert (entry.source, entry.title, entry.author, entry.published) == (
        "Lakeside Review", "Dam agreement signed", "Mara Quell", "2025-06-01")
    assert entry.url == "https://lake.invalid/e1"


def test_ingest_feed_without_entries_is_an_error():
    empty = '<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>'
    assert str(only(read_bytes(empty.encode(), "quiet.xml", "feed"))) == "quiet.xml: feed has no entries"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("Überraschung in Brask — “quoted”".encode(), "utf-8"),
        (codecs.BOM_UTF8 + "Überraschung in Brask — “quoted”".encode(), "utf-8-sig"),
        ("Überraschung in Brask — “quoted”".encode("utf-16"), "utf-16"),
        (codecs.BOM_UTF16_BE + "Überraschung in Brask — “quoted”".encode("utf-16-be"), "utf-16"),
    ],
)
def test_ingest_decodes_unicode_encodings(data, encoding):
    text, used, warning = decode_bytes(data, "f.txt")
    assert text == "Überraschung in Brask — “quoted”"
    assert used == encoding and warning is None


def test_ingest_legacy_encoding_fallback_is_reported():
    data = "Café au lait — “quoted” in Brask".encode("cp1252")
    text, used, warning = decode_bytes(data, "old.txt")
    assert text == "Café au lait — “quoted” in Brask"
    assert used == "windows-1252"
    assert warning == "old.txt: not valid UTF-8 (byte 0xe9 at offset 3); decoded as windows-1252"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "f.txt: empty file"),
        (b"   \n\n  ", "f.txt: empty file"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "f.txt: binary file (PDF document), not text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "f.txt: binary file (PNG image), not text"),
        (b"abc\x00\x01\x02def", "f.txt: binary file (contains NUL bytes), not text"),
        (bytes(range(128, 256)) * 4, "f.txt: binary file (neither UTF-8 nor legacy text)"),
    ],
)
def test_ingest_rejects_empty_and_binary(data, message):
    with pytest.raises(InputError) as caught:
        decode_bytes(data, "f.txt")
    assert str(caught.value) == message


def test_ingest_folders_recursively_and_skips_other_files(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("Headline one\nBody one.", encoding="utf-8")
    (tmp_path / "two.html").write_text(ARTICLE_HTML, encoding="utf-8")
    (tmp_path / "notes.csv").write_text("x,y\n", encoding="utf-8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "three.txt").write_text("Hidden\nBody.", encoding="utf-8")
    items = list(read_inputs([str(tmp_path)]))
    assert [i.title for i in items] == ["Headline one", "Harbour talks resume in Velmora"]


def test_ingest_directory_without_articles(tmp_path):
    (tmp_path / "notes.csv").write_text("x", encoding="utf-8")
    error = only(read_inputs([str(tmp_path)]))
    assert str(error) == f"{tmp_path}: no articles found (looked for .txt, .html, .jsonl, .xml)"


def test_ingest_missing_file():
    assert str(only(read_inputs(["nowhere/missing.txt"]))) == "nowhere/missing.txt: no such file or directory"


def test_ingest_unreadable_file(tmp_path, monkeypatch):
    path = tmp_path / "locked.txt"
    path.write_text("Headline\nBody.", encoding="utf-8")
    original = type(path).read_bytes

    def refuse(self):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return original(self)

    monkeypatch.setattr(type(path), "read_bytes", refuse)
    assert str(only(read_inputs([str(path)]))) == f"{path}: cannot read: Permission denied"


def test_ingest_stdin_sniffs_the_format():
    jsonl = io.BytesIO(b'{"text": "From a pipe.", "title": "Piped"}\n')
    article = only(read_inputs(["-"], stdin=jsonl))
    assert (article.title, article.text, article.origin) == ("Piped", "From a pipe.", "<stdin>:1")
    html = only(read_inputs(["-"], stdin=io.BytesIO(ARTICLE_HTML.encode())))
    assert html.title == "Harbour talks resume in Velmora"


def test_ingest_doc_id_depends_only_on_clean_text():
    body = "The two governments signed the dam agreement on Sunday."
    from_txt = only(read_bytes(f"Dam agreement signed\n{body}\n".encode(), "a.txt", "text"))
    from_jsonl = only(read_bytes(json.dumps({"text": body, "title": "Other"}).encode(), "b.jsonl", "jsonl"))
    from_crlf = only(read_bytes(f"Dam agreement signed\r\n{body}\r\n".encode("utf-16"), "c.txt", "text"))
    ids = {to_document(a).doc_id for a in (from_txt, from_jsonl, from_crlf)}
    assert ids == {make_doc_id(body)}


def test_ingest_doc_id_is_stable_across_runs():
    # a fixed value: the id must not change between runs, machines or versions
    assert make_doc_id("Talks resumed.") == "e6351357d301fcfa"


def test_ingest_overrides_win_over_metadata():
    article = Article(text="Body.", origin="x.html", source="Site", url="https://a.invalid",
                      published="2025-01-01", published_basis="metadata")
    doc = to_document(article, Overrides(source="Desk", published="2025-02-03", url="https://b.invalid"))
    assert (doc.source, doc.url, doc.published, doc.published_basis) == (
        "Desk", "https://b.invalid", "2025-02-03", "given")


@pytest.mark.parametrize(
    ("text", "title", "body"),
    [
        ("Security\nValdoria launches drills\nBody text.", "Valdoria launches drills", "Body text."),
        ("Valdoria launches drills\nBody text.", "Valdoria launches drills", "Body text."),
        ("Valdoria\nBody text.", "Valdoria launches drills", "Valdoria\nBody text."),
        ("Brief No. 7 · March 2026\nAfter the fee war\nBody.", "Brief No. 7: After the fee war",
         "Brief No. 7 · March 2026\nAfter the fee war\nBody."),
    ],
)
def test_ingest_html_headline_not_repeated_in_body(text, title, body):
    from detente.ingest import _drop_repeated_headline

    assert _drop_repeated_headline(text, title) == body
