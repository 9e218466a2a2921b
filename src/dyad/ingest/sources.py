"""Reading articles from files, folders (with an ``index.jsonl`` manifest), URLs and feeds.

Every reader yields either a :class:`RawDocument` or an :class:`IngestError` naming the
input and the problem, so one bad file never stops the others.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from dyad.ingest.dates import leading_date, normalise_date

TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES
MANIFEST = "index.jsonl"
MAX_BYTES = 5_000_000  # a news article is far below this; bigger files are not articles
USER_AGENT = "dyad/0.1 (+https://example.org/dyad)"
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml")


@dataclass
class RawDocument:
    doc_id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    source: str | None = None
    origin: str | None = None


@dataclass
class IngestError:
    name: str
    reason: str

    def __str__(self) -> str:
        return f"{self.name}: {self.reason}"


Item = RawDocument | IngestError


def decode_text(data: bytes, name: str) -> str:
    """Decode article bytes as UTF-8, refusing binaries, empties and oversize files."""
    if len(data) > MAX_BYTES:
        raise ValueError(f"too large ({len(data)} bytes; limit {MAX_BYTES})")
    if b"\x00" in data[:8192]:
        raise ValueError("not a text file (contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"not valid UTF-8 (byte {exc.start})") from exc
    # Same newline handling as Path.read_text, so offsets match what readers of the file see.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ValueError("empty")
    return text


def html_to_document(html: str, doc_id: str, url: str | None = None, origin: str | None = None) -> RawDocument:
    """Main text with trafilatura, title from its metadata, publication date with htmldate."""
    import trafilatura
    from htmldate import find_date

    text = trafilatura.extract(html, url=url, include_comments=False, include_tables=False, favor_recall=True)
    if not text or not text.strip():
        raise ValueError("no article text found in the HTML")
    meta = trafilatura.extract_metadata(html, default_url=url)
    published = None
    try:
        published = normalise_date(find_date(html, url=url, original_date=True, extensive_search=False))
    except Exception:  # htmldate raises on odd markup; a missing date is not fatal
        published = None
    return RawDocument(
        doc_id=doc_id,
        text=text,
        title=(meta.title if meta else None) or None,
        url=url or (meta.url if meta else None),
        published=published or normalise_date(meta.date if meta else None),
        source=(meta.sitename if meta else None) or None,
        origin=origin or url,
    )


def read_file(path: Path, meta: dict | None = None) -> RawDocument:
    """Read one article file; ``meta`` is its manifest line, if any."""
    meta = meta or {}
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ValueError(f"unsupported file type {suffix or '(none)'}; expected .txt, .md or .html")
    data = path.read_bytes()
    text = decode_text(data, str(path))
    doc_id = str(meta.get("file") or path.name)
    if suffix in HTML_SUFFIXES:
        doc = html_to_document(text, doc_id, url=meta.get("url"), origin=str(path))
    else:
        doc = RawDocument(doc_id=doc_id, text=text, origin=str(path))
    doc.title = meta.get("title") or doc.title
    doc.url = meta.get("url") or doc.url
    doc.source = meta.get("source") or doc.source
    doc.published = normalise_date(meta.get("published")) or doc.published or leading_date(doc.text)
    return doc


def read_manifest(folder: Path) -> tuple[dict[str, dict], list[IngestError]]:
    """Parse ``folder/index.jsonl``: file name -> metadata, plus errors for broken lines."""
    path = folder / MANIFEST
    entries: dict[str, dict] = {}
    errors: list[IngestError] = []
    if not path.exists():
        return entries, errors
    for n, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(IngestError(where, f"broken manifest line: {exc.msg}"))
            continue
        if not isinstance(obj, dict) or not isinstance(obj.get("file"), str) or not obj["file"]:
            errors.append(IngestError(where, "broken manifest line: needs a \"file\" string"))
            continue
        if obj.get("published") and not normalise_date(obj["published"]):
            errors.append(IngestError(where, f"broken manifest line: bad published date {obj['published']!r}"))
            continue
        entries[obj["file"]] = obj
    return entries, errors


def read_folder(folder: Path) -> Iterator[Item]:
    """Every supported file under ``folder``, recursively, in a stable order."""
    manifests: dict[Path, dict[str, dict]] = {}
    for sub in sorted({folder, *(p.parent for p in folder.rglob(MANIFEST))}):
        entries, errors = read_manifest(sub)
        manifests[sub] = entries
        yield from errors
        for name in entries:
            if not (sub / name).exists():
                yield IngestError(f"{sub / MANIFEST}", f"lists {name!r}, which does not exist")
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.name == MANIFEST or path.name.startswith("."):
            continue
        if path.suffix.lower() not in SUPPORTED_SUFFIXES:
            continue  # folders hold other things (gold files, images); skip them quietly
        meta = None
        for parent in [path.parent, *path.parents]:
            entries = manifests.get(parent)
            if entries:
                meta = entries.get(str(path.relative_to(parent))) or entries.get(path.name)
                if meta:
                    break
        yield _safe(lambda p=path, m=meta: read_file(p, m), str(path))


def fetch(url: str, timeout: float = 20.0) -> tuple[bytes, str]:
    """GET ``url``; return the body and its content type."""
    req = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 - http(s) only, checked by caller
        body = resp.read(MAX_BYTES + 1)
        return body, resp.headers.get("Content-Type", "")


def _looks_like_feed(body: bytes, content_type: str) -> bool:
    head = body[:2048].lstrip().lower()
    if any(t in content_type for t in FEED_TYPES[:2]):
        return True
    return b"<rss" in head or (b"<feed" in head and b"atom" in head)


def read_url(url: str) -> Iterator[Item]:
    """An article URL, or a feed URL whose every linked article is read."""
    try:
        body, ctype = fetch(url)
    except (urllib.error.URLError, OSError, ValueError) as exc:
        yield IngestError(url, f"cannot fetch: {exc}")
        return
    if _looks_like_feed(body, ctype):
        yield from read_feed(url, body)
        return
    yield _safe(lambda: _article_from_body(url, body), url)


def _article_from_body(url: str, body: bytes, meta: dict | None = None) -> RawDocument:
    html = decode_text(body, url)
    doc_id = url
    doc = html_to_document(html, doc_id, url=url, origin=url)
    if meta:
        doc.title = doc.title or meta.get("title")
        doc.published = doc.published or meta.get("published")
    return doc


def _entry_date(entry) -> str | None:  # type: ignore[no-untyped-def]
    """The entry's date as the publisher wrote it (feedparser's parsed form is in UTC,
    which moves a late-evening story to the next day)."""
    from email.utils import parsedate_to_datetime

    for key in ("published", "updated"):
        raw = entry.get(key)
        if not raw:
            continue
        iso = normalise_date(raw)
        if iso:
            return iso
        try:
            return parsedate_to_datetime(raw).date().isoformat()
        except (TypeError, ValueError):
            continue
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return f"{parsed.tm_year:04d}-{parsed.tm_mon:02d}-{parsed.tm_mday:02d}" if parsed else None


def read_feed(url: str, body: bytes) -> Iterator[Item]:
    import feedparser

    feed = feedparser.parse(body)
    if feed.bozo and not feed.entries:
        yield IngestError(url, f"broken feed: {feed.bozo_exception}")
        return
    source = feed.feed.get("title")
    for entry in feed.entries:
        link = entry.get("link")
        if not link:
            yield IngestError(url, f"feed entry {entry.get('title')!r} has no link")
            continue
        published = _entry_date(entry)
        try:
            article, _ = fetch(link)
        except (urllib.error.URLError, OSError, ValueError) as exc:
            yield IngestError(link, f"cannot fetch: {exc}")
            continue
        entry_meta = {"title": entry.get("title"), "published": published}
        item = _safe(lambda a=article, lk=link, em=entry_meta: _article_from_body(lk, a, em), link)
        if isinstance(item, RawDocument):
            item.source = source or item.source  # the feed names its outlet; trafilatura guesses a host
            # The feed's own date is the publisher's statement; prefer it to a guess from HTML.
            item.published = published or item.published
        yield item


def _safe(fn, name: str) -> Item:  # type: ignore[no-untyped-def]
    try:
        return fn()
    except (ValueError, OSError) as exc:
        return IngestError(name, str(exc))


def read_inputs(inputs: list[str]) -> Iterator[Item]:
    """Dispatch each CLI argument to the right reader."""
    for arg in inputs:
        if arg.startswith(("http://", "https://")):
            yield from read_url(arg)
            continue
        path = Path(arg)
        if path.is_dir():
            yield from read_folder(path)
        elif path.is_file():
            yield _safe(lambda p=path: read_file(p, _manifest_entry(p)), str(path))
        else:
            yield IngestError(arg, "no such file, folder or URL")


def _manifest_entry(path: Path) -> dict | None:
    entries, _ = read_manifest(path.parent)
    return entries.get(path.name)
