"""Readers: files, folders, stdin -> ``Article`` items with clean text and metadata.

Each reader yields either an ``Article`` or an ``InputError`` for the part that failed, so one
bad line of a JSON Lines file or one broken file in a folder never stops the rest.
``to_document`` turns an article into a ``Document`` with its stable ``doc_id``.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from .errors import InputError, UsageError
from .records import Document, PublishedBasis

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FEED_SUFFIXES = {".xml", ".rss", ".atom"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES

# magic numbers of common binary formats that happen to start with printable bytes
BINARY_MAGIC = {
    b"%PDF": "PDF document",
    b"\x89PNG": "PNG image",
    b"PK\x03\x04": "ZIP archive",
    b"\x1f\x8b": "gzip archive",
    b"GIF8": "GIF image",
    b"\xff\xd8\xff": "JPEG image",
    b"SQLite format 3": "SQLite database",
    b"\x7fELF": "executable",
}
ALLOWED_CONTROLS = {"\t", "\n", "\r", "\f"}


@dataclass(frozen=True, slots=True)
class Article:
    """What a reader found: clean text plus whatever metadata the input carried."""

    text: str
    origin: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None
    published_basis: PublishedBasis | None = None
    author: str | None = None
    language: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Overrides:
    """Metadata a user gives on the command line; it wins over what the input says."""

    source: str | None = None
    published: str | None = None
    url: str | None = None


Item = Article | InputError


# ---------------------------------------------------------------- text and identity


def normalize_text(text: str) -> str:
    """The stored form of a text: one newline convention, no BOM, no surrounding blank space.

    Characters inside the text are kept as they are (no Unicode normalisation), so offsets
    computed on the stored text point at exactly what the source said.
    """
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.rstrip() for line in text.split("\n")]
    return "\n".join(lines).strip()


def make_doc_id(text: str) -> str:
    """Stable id of a stored text: the same clean text always gives the same id."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def decode_bytes(data: bytes, origin: str) -> tuple[str, str, str | None]:
    """Decode an input file: ``(text, encoding, warning)``; binary input raises InputError."""
    if not data.strip():
        raise InputError(origin, "empty file")
    for magic, kind in BINARY_MAGIC.items():
        if data.startswith(magic):
            raise InputError(origin, f"binary file ({kind}), not text")
    warning = None
    if data.startswith(codecs.BOM_UTF8):
        text, encoding = _strict(data[3:], "utf-8", origin), "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, encoding = _strict(data, "utf-16", origin), "utf-16"
    elif b"\x00" in data:
        raise InputError(origin, "binary file (contains NUL bytes), not text")
    else:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError as err:
            text, encoding = _legacy(data, origin), "windows-1252"
            warning = (
                f"{origin}: not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start});"
                " decoded as windows-1252"
            )
    _reject_control_heavy(text, origin)
    if not text.strip():  # Python counts a few control characters as space
        raise InputError(origin, "empty file")
    return text, encoding, warning


def _strict(data: bytes, encoding: str, origin: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        raise InputError(origin, f"invalid {encoding} at byte {err.start}") from None


def _legacy(data: bytes, origin: str) -> str:
    # windows-1252 leaves five bytes undefined; latin-1 maps them to C1 controls, which the
    # control-character check below then counts against the input
    text = "".join(
        chr(b) if b in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else bytes([b]).decode("cp1252")
        for b in data
    )
    letters = sum(ch.isalpha() for ch in text)
    if _control_count(text) > max(2, len(text) // 200) or letters < 0.5 * len(text.strip()):
        raise InputError(origin, "binary file (neither UTF-8 nor legacy text)")
    return text


def _control_count(text: str) -> int:
    return sum(1 for ch in text if (ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0) and ch not in ALLOWED_CONTROLS)


def _reject_control_heavy(text: str, origin: str) -> None:
    if _control_count(text) > max(2, len(text) // 200):
        raise InputError(origin, "binary file (control characters), not text")


# ---------------------------------------------------------------- dates in metadata

_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_date_option(value: str) -> str:
    """A user-given publication date: ISO ``YYYY[-MM[-DD]]`` or an ISO timestamp."""
    normalized = iso_date(value)
    if normalized is None:
        raise UsageError(f"--published: not a date: {value!r} (use YYYY-MM-DD, YYYY-MM or YYYY)")
    return normalized


def iso_date(value: Any) -> str | None:
    """Normalise a metadata date (ISO date, ISO timestamp) to ``YYYY[-MM[-DD]]``, else None."""
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    match = _ISO_DATE.match(value)
    if match:
        year, month, day = match.groups()
        try:
            date(int(year), int(month or 1), int(day or 1))
        except ValueError:
            return None
        return value
    try:
        stamp = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return stamp.date().isoformat()


def _struct_time_date(parsed: Any) -> str | None:
    if not parsed:
        return None
    return datetime(*parsed[:6], tzinfo=UTC).date().isoformat()


# ---------------------------------------------------------------- plain text

_HEADLINE_LABELS = {
    "analysis", "breaking", "comment", "editorial", "exclusive", "explainer", "factbox",
    "interview", "live", "opinion", "update", "video", "watch", "review", "report", "briefing",
}  # fmt: skip
_NAME_WORD = re.compile(r"^(?:[A-Z\u00C0-\u024F][\w'’.\-\u00C0-\u024F]*|de|da|van|von|al|bin|ibn|la|le|del)$")
_BYLINE = re.compile(r"^By\s+(?P<name>[^,|–—]+?)\s*(?:[,|–—].*)?$")


@cache
def _place_names() -> frozenset[str]:
    """State names and capitals: "North Korea: …" is a headline, not a byline."""
    path = Path(__file__).with_name("gazetteer") / "states.json"
    states = json.loads(path.read_text(encoding="utf-8"))["states"]
    names: set[str] = set()
    for state in states:
        names.update([state["name"], state["official_name"], *state["aliases"], *state["capitals"]])
    return frozenset(n.lower() for n in names)


def looks_like_person_name(candidate: str) -> bool:
    """Two to four capitalised words, not a headline label or a place name."""
    words = candidate.split()
    if not 2 <= len(words) <= 4 or any(ch.isdigit() for ch in candidate):
        return False
    if not all(_NAME_WORD.match(w) for w in words) or not words[-1][0].isupper():
        return False
    lowered = candidate.lower()
    return not (lowered in _place_names() or any(w.lower().strip(".") in _HEADLINE_LABELS for w in words))


def is_headline(line: str) -> bool:
    """A headline is short and does not end like a sentence."""
    line = line.strip()
    return 0 < len(line) <= 250 and len(line.split()) <= 35 and not line.endswith((".", ",", ";"))


def split_plain_text(text: str) -> tuple[str | None, str | None, str]:
    """Split ``(title, author, body)`` off a normalised plain text.

    The first line is the title when it looks like a headline and more text follows. A
    headline "Name: Headline" or a following line "By Name" gives the author.
    """
    lines = text.split("\n")
    if len(lines) < 2 or not is_headline(lines[0]):
        return None, _byline_author(lines[0]) if lines else None, text
    title, author = lines[0].strip(), None
    name, sep, rest = title.partition(": ")
    if sep and rest.strip() and looks_like_person_name(name):
        author, title = name.strip(), rest.strip()
    body_lines = lines[1:]
    first = next((i for i, line in enumerate(body_lines) if line.strip()), None)
    if first is not None:
        byline = _byline_author(body_lines[first])
        if byline:
            author = author or byline
            body_lines = body_lines[first + 1 :]
    body = "\n".join(body_lines).strip()
    if not body:
        return None, author, text
    return title, author, body


def _byline_author(line: str) -> str | None:
    match = _BYLINE.match(line.strip())
    if match and looks_like_person_name(match["name"].strip()):
        return match["name"].strip()
    return None


def read_plain_text(text: str, origin: str) -> Article:
    text = normalize_text(text)
    if not text:
        raise InputError(origin, "empty file")
    title, author, body = split_plain_text(text)
    return Article(text=body, origin=origin, title=title, author=author, meta={"format": "text"})


# ---------------------------------------------------------------- HTML


def read_html(html: str, origin: str) -> Article:
    """Main text and metadata of an HTML page (trafilatura), without boilerplate."""
    import trafilatura

    extracted = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = normalize_text(getattr(extracted, "text", None) or "") if extracted else ""
    # trafilatura falls back to menu items when a page has no article; a menu has no sentence
    if not any(len(line.split()) >= 6 for line in text.split("\n")):
        raise InputError(origin, "HTML page has no article text")
    title = _clean_title(getattr(extracted, "title", None), getattr(extracted, "sitename", None))
    text = _drop_repeated_headline(text, title)
    published = iso_date(getattr(extracted, "date", None))
    meta = {"format": "html", "site": getattr(extracted, "sitename", None)}
    return Article(
        text=text,
        origin=origin,
        title=title,
        source=getattr(extracted, "sitename", None),
        url=getattr(extracted, "url", None),
        published=published,
        published_basis="metadata" if published else None,
        author=getattr(extracted, "author", None),
        language=_html_language(html),
        meta={k: v for k, v in meta.items() if v},
    )


def _drop_repeated_headline(text: str, title: str | None) -> str:
    """Drop the page's own headline (and a section label just above it) from the body.

    Like a plain text's headline, the <h1> is the title, not body text.
    """
    if not title:
        return text
    lines = text.split("\n")
    folded = title.casefold()
    for i, line in enumerate(lines[:3]):
        label_above = all(len(previous.split()) <= 4 for previous in lines[:i])
        is_headline = len(line.strip()) >= len(title) / 2 and line.strip().casefold() in folded
        if is_headline and label_above and "\n".join(lines[i + 1 :]).strip():
            return "\n".join(lines[i + 1 :]).strip()
    return text


def _clean_title(title: str | None, site: str | None) -> str | None:
    """Drop a "Headline | Site" suffix the page title may carry."""
    if not title:
        return None
    title = title.strip()
    for sep in (" | ", " – ", " — ", " - ", " :: "):
        head, found, tail = title.rpartition(sep)
        if (
            found
            and head
            and (site is None or tail.strip().lower() == site.strip().lower())
            and (site is not None or len(tail.split()) <= 4)
        ):
            return head.strip()
    return title


_LANG_ATTR = re.compile(r"<html[^>]*\blang=[\"']?([a-zA-Z]{2})", re.IGNORECASE)


def _html_language(html: str) -> str | None:
    match = _LANG_ATTR.search(html[:5000])
    return match[1].lower() if match else None


def html_fragment_to_text(fragment: str) -> str:
    """Text of an HTML fragment (a feed item's body): one line per block element."""
    import lxml.html

    if "<" not in fragment:
        return normalize_text(fragment)
    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    for block in root.xpath("//p|//div|//br|//li|//h1|//h2|//h3|//h4|//blockquote"):
        block.tail = "\n" + (block.tail or "")
    return normalize_text(re.sub(r"\n\s*\n+", "\n", root.text_content()))


# ---------------------------------------------------------------- JSON Lines

JSONL_FIELDS = ("text", "title", "source", "url", "published", "author", "id", "language")


def read_jsonl(text: str, origin: str) -> Iterator[Item]:
    """One article per line; a bad line is an error naming the line, the rest go on."""
    seen_any = False
    for number, line in enumerate(text.lstrip("\ufeff").splitlines(), start=1):
        if not line.strip():
            continue
        seen_any = True
        try:
            yield _jsonl_article(line, origin, number)
        except InputError as err:
            yield err
    if not seen_any:
        yield InputError(origin, "empty file")


def _jsonl_article(line: str, origin: str, number: int) -> Article:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as err:
        raise InputError(origin, f"invalid JSON: {err.msg} (column {err.colno})", number) from None
    return json_article(obj, origin, number)


def json_article(obj: Any, origin: str, number: int | None = None) -> Article:
    """The article of one JSON object with ``text`` and the optional fields of ``JSONL_FIELDS``."""
    if not isinstance(obj, dict):
        raise InputError(origin, "expected a JSON object", number)
    raw_text = obj.get("text")
    if not isinstance(raw_text, str):
        raise InputError(origin, 'no "text" field', number)
    text = normalize_text(raw_text)
    if not text:
        raise InputError(origin, 'empty "text"', number)
    for name in ("title", "source", "url", "published", "author", "language"):
        if obj.get(name) is not None and not isinstance(obj[name], str):
            raise InputError(origin, f'"{name}" must be a string, not {type(obj[name]).__name__}', number)
    published = obj.get("published")
    iso = iso_date(published) if published is not None else None
    if published is not None and iso is None:
        raise InputError(origin, f'"published" is not a date: {published!r}', number)
    meta: dict[str, Any] = {"format": "jsonl", "line": number} if number is not None else {"format": "json"}
    if obj.get("id") is not None:
        meta["input_id"] = str(obj["id"])
    return Article(
        text=text,
        origin=f"{origin}:{number}" if number is not None else origin,
        title=_str_or_none(obj.get("title")),
        source=_str_or_none(obj.get("source")),
        url=_str_or_none(obj.get("url")),
        published=iso,
        published_basis="given" if iso else None,
        author=_str_or_none(obj.get("author")),
        language=_str_or_none(obj.get("language")),
        meta=meta,
    )


def _str_or_none(value: Any) -> str | None:
    if value is None:
        return None
    value = str(value).strip()
    return value or None


# ---------------------------------------------------------------- RSS / Atom


def read_feed(data: bytes, origin: str) -> Iterator[Item]:
    """One article per feed entry; the feed's title is the source."""
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries:
        if parsed.get("bozo") and not parsed.get("feed"):
            yield InputError(origin, f"not a valid RSS/Atom feed ({parsed.get('bozo_exception')})")
        else:
            yield InputError(origin, "feed has no entries")
        return
    feed_title = _str_or_none(parsed.feed.get("title"))
    for number, entry in enumerate(parsed.entries, start=1):
        where = f"{origin}#{number}"
        body = ""
        if entry.get("content"):
            body = entry.content[0].get("value", "")
        body = body or entry.get("summary", "") or ""
        text = html_fragment_to_text(body) if body else ""
        if not text:
            yield InputError(origin, f"entry {number} has no text")
            continue
        published = _struct_time_date(entry.get("published_parsed") or entry.get("updated_parsed"))
        yield Article(
            text=text,
            origin=where,
            title=_str_or_none(entry.get("title")),
            source=feed_title,
            url=_str_or_none(entry.get("link")),
            published=published,
            published_basis="metadata" if published else None,
            author=_str_or_none(entry.get("author")),
            language=(_str_or_none(parsed.feed.get("language")) or "")[:2].lower() or None,
            meta={"format": "feed", "entry": number},
        )


# ---------------------------------------------------------------- dispatch


def sniff_format(text: str) -> str:
    """Guess an input's format from its content: feed, html, jsonl or text."""
    head = text.lstrip("\ufeff \t\r\n")[:2000].lower()
    if head.startswith(("<?xml", "<rss", "<feed", "<rdf")) and re.search(r"<(rss|feed|rdf:rdf)[\s>]", head):
        return "feed"
    if head.startswith("<") and re.search(r"<(html|body|p|article|div|!doctype)[\s>]", head):
        return "html"
    lines = [line for line in text.splitlines() if line.strip()]
    if lines and all(line.lstrip().startswith("{") for line in lines[:20]):
        return "jsonl"
    return "text"


def format_of(path: Path, text: str) -> str:
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in FEED_SUFFIXES:
        return "feed"
    return sniff_format(text)


def read_bytes(data: bytes, origin: str, fmt: str | None = None) -> Iterator[Item]:
    """Read one input's bytes, whatever its format; yields articles and per-item errors."""
    try:
        text, encoding, warning = decode_bytes(data, origin)
    except InputError as err:
        yield err
        return
    fmt = fmt or sniff_format(text)
    extra: dict[str, Any] = {"encoding": encoding}
    if warning:
        extra["encoding_warning"] = warning
    try:
        if fmt == "jsonl":
            items: Iterable[Item] = read_jsonl(text, origin)
        elif fmt == "feed":
            items = read_feed(data, origin)
        elif fmt == "html":
            items = [read_html(text, origin)]
        else:
            items = [read_plain_text(text, origin)]
        for item in items:
            yield replace(item, meta={**item.meta, **extra}) if isinstance(item, Article) else item
    except InputError as err:
        yield err


#: the media types an upload may declare, and the reader each one takes
UPLOAD_FORMATS = {
    "text/plain": "text",
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/x-ndjson": "jsonl",
    "application/jsonl": "jsonl",
    "application/json": "json",
    "application/rss+xml": "feed",
    "application/atom+xml": "feed",
}


def read_upload(data: bytes, media_type: str, origin: str) -> list[Item]:
    """The articles of one uploaded body, read as its declared media type says.

    ``application/json`` takes one object (``text`` plus the optional JSON Lines fields) or a
    list of them; the other types read as the file formats do. Errors come back as items.
    """
    fmt = UPLOAD_FORMATS.get(media_type.lower())
    if fmt is None:
        return [InputError(origin, f"unsupported content type {media_type!r}; send one of {', '.join(UPLOAD_FORMATS)}")]
    if fmt != "json":
        return list(read_bytes(data, origin, fmt))
    try:
        text, _, _ = decode_bytes(data, origin)
        body = json.loads(text)
    except InputError as err:
        return [err]
    except json.JSONDecodeError as err:
        return [InputError(origin, f"invalid JSON: {err.msg} (line {err.lineno}, column {err.colno})")]
    objects = body if isinstance(body, list) else [body]
    if not objects:
        return [InputError(origin, "empty list of articles")]
    items: list[Item] = []
    for number, obj in enumerate(objects, start=1):
        try:
            items.append(json_article(obj, origin, number if isinstance(body, list) else None))
        except InputError as err:
            items.append(err)
    return items


def discover(
    paths: Iterable[str], suffixes: frozenset[str] | set[str] = KNOWN_SUFFIXES
) -> Iterator[tuple[str, Path | None] | InputError]:
    """Expand the user's paths: folders recursively (files with these suffixes only), ``-`` for stdin."""
    for raw in paths:
        if raw == "-":
            yield raw, None
            continue
        path = Path(raw)
        if not path.exists():
            yield InputError(raw, "no such file or directory")
        elif path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in suffixes
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not found:
                yield InputError(raw, "no articles found (looked for .txt, .html, .jsonl, .xml)")
            for p in found:
                yield str(p), p
        else:
            yield raw, path


def read_inputs(paths: Iterable[str], stdin: Any = None) -> Iterator[Item]:
    """Every article (or error) from the given paths, in a stable order."""
    for found in discover(paths):
        if isinstance(found, InputError):
            yield found
            continue
        origin, path = found
        if path is None:
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from read_bytes(stream.read(), "<stdin>")
            continue
        try:
            data = path.read_bytes()
        except OSError as err:
            yield InputError(origin, f"cannot read: {err.strerror or err}")
            continue
        fmt = format_of(path, "") if path.suffix.lower() in KNOWN_SUFFIXES else None
        yield from read_bytes(data, origin, fmt)


def to_document(article: Article, overrides: Overrides = Overrides()) -> Document:
    """The stored document of an article, command-line overrides applied."""
    published, basis = article.published, article.published_basis
    if overrides.published:
        published, basis = overrides.published, "given"
    meta = {"origin": article.origin, **article.meta}
    return Document(
        doc_id=make_doc_id(article.text),
        text=article.text,
        title=article.title,
        source=overrides.source or article.source,
        url=overrides.url or article.url,
        published=published,
        published_basis=basis,
        author=article.author,
        language=article.language or "en",
        meta=meta,
    )
