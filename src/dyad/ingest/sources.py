"""Reading articles from files, folders (with an ``index.jsonl`` manifest), URLs and feeds.

Every reader yields either a :class:`RawDocument` or an :class:`IngestError` naming the
input and the problem, so one bad file never stops the others.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urljoin

from dyad.ingest.dates import leading_date, normalise_date
from dyad.ingest.fetch import FetchError, FetchPolicy, check_scheme, fetch
from dyad.ingest.manifest import MANIFEST, MAX_TITLE, OUTSIDE, inside, read_manifest

__all__ = ["MANIFEST", "FetchPolicy", "IngestError", "IngestWarning", "RawDocument", "read_inputs"]

TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES
MAX_BYTES = 5_000_000  # a news article is far below this; bigger files are not articles
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml")
# "ftp:", "file:", "data:" ... but not a Windows drive letter ("C:").
_URL_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]+:")
# A line of prose: six words or more, ending like a sentence (perhaps inside a quotation).
_PROSE_LINE = re.compile(r"(?:\S+\s+){5,}\S*[.!?\u3002\uff01\uff1f][\"'\u201d\u2019)\]]*\s*$")


@dataclass
class RawDocument:
    doc_id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    source: str | None = None
    origin: str | None = None
    warnings: list[str] = field(default_factory=list)  # stored anyway; the user is told


@dataclass
class IngestError:
    name: str
    reason: str

    def __str__(self) -> str:
        return f"{self.name}: {self.reason}"


@dataclass
class IngestWarning(IngestError):
    """Something the user should know that lost no document (a feed read only in part)."""


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
    if not has_prose(text):
        raise ValueError("no article text found in the HTML: the page holds only links, menu items or "
                         "headlines, no sentences")
    meta = trafilatura.extract_metadata(html, default_url=url)
    published = None
    try:
        published = normalise_date(find_date(html, url=url, original_date=True, extensive_search=False))
    except Exception:  # htmldate raises on odd markup; a missing date is not fatal
        published = None
    doc = RawDocument(
        doc_id=doc_id,
        text=text,
        title=(meta.title if meta else None) or None,
        url=url or (meta.url if meta else None),
        published=published or normalise_date(meta.date if meta else None),
        source=(meta.sitename if meta else None) or None,
        origin=origin or url,
    )
    bound_title(doc)
    return doc


def has_prose(text: str) -> bool:
    """True when the text has sentences, not only short link lines, menu items or headlines:
    at least one line of prose, and prose is at least a quarter of the words."""
    total = prose = 0
    for line in text.splitlines():
        words = len(line.split())
        total += words
        if _PROSE_LINE.search(line):
            prose += words
    return prose > 0 and prose * 4 >= total


def bound_title(doc: RawDocument) -> None:
    """A title found in a page or a feed is cut at MAX_TITLE characters, with a warning."""
    if doc.title and len(doc.title) > MAX_TITLE:
        doc.warnings.append(f"title of {len(doc.title):,} characters cut to {MAX_TITLE}")
        doc.title = doc.title[:MAX_TITLE].rstrip() + "\u2026"


def read_bytes(path: Path, root: Path | None = None) -> bytes:
    """The file's bytes. With ``root`` (the resolved folder being ingested) the file must lie inside
    it once every link is followed; the check and the read use the same resolved path, opened
    without following a last-moment link."""
    real = path.resolve()
    if root is not None and not real.is_relative_to(root):
        raise ValueError(OUTSIDE)
    fd = os.open(real, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(fd, "rb") as fh:
        size = os.fstat(fh.fileno()).st_size
        if size > MAX_BYTES:
            raise ValueError(f"too large ({size} bytes; limit {MAX_BYTES})")
        return fh.read(MAX_BYTES + 1)


def read_file(path: Path, meta: dict | None = None, root: Path | None = None) -> RawDocument:
    """Read one article file; ``meta`` is its manifest line, if any; ``root``, see read_bytes."""
    meta = meta or {}
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ValueError(f"unsupported file type {suffix or '(none)'}; expected .txt, .md or .html")
    data = read_bytes(path, root)
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


FOLDER_NOTES = {"README", "LICENSE", "LICENCE", "CHANGELOG", "NOTICE", "COPYING"}


def read_folder(folder: Path) -> Iterator[Item]:
    """Every supported file under ``folder``, recursively, in a stable order. Only files inside the
    folder are read: a link leading out of it is refused, whether or not its target exists."""
    root = folder.resolve()
    manifests: dict[Path, dict[str, dict]] = {}
    for sub in sorted({folder, *(p.parent for p in folder.rglob(MANIFEST))}):
        entries, errors = read_manifest(sub, root)
        manifests[sub] = entries
        for err in errors:
            yield IngestError(err.where, err.reason)
        for name in entries:
            if not (sub / name).exists():
                yield IngestError(f"{sub / MANIFEST}", f"lists {name!r}, which does not exist")
    for path in sorted(folder.rglob("*")):
        if path.name == MANIFEST or path.name.startswith("."):
            continue
        if path.is_symlink() and not inside(path, root):
            yield IngestError(str(path), OUTSIDE)
            continue
        if not path.is_file() or path.suffix.lower() not in SUPPORTED_SUFFIXES:
            continue  # folders hold other things (gold files, images); skip them quietly
        if path.stem.upper() in FOLDER_NOTES:
            continue  # a collection's own README or licence describes it; it is not an article
        meta = None
        for parent in [path.parent, *path.parents]:
            entries = manifests.get(parent)
            if entries:
                meta = entries.get(str(path.relative_to(parent))) or entries.get(path.name)
                if meta:
                    break
        yield _safe(lambda p=path, m=meta: read_file(p, m, root), str(path))


def _looks_like_feed(body: bytes, content_type: str) -> bool:
    head = body[:2048].lstrip().lower()
    if any(t in content_type for t in FEED_TYPES[:2]):
        return True
    return b"<rss" in head or (b"<feed" in head and b"atom" in head)


def _fetch_error(url: str, exc: FetchError) -> IngestError:
    msg = str(exc)
    return IngestError(url, msg if msg.startswith("refused") else f"cannot fetch: {msg}")


def read_url(url: str, policy: FetchPolicy | None = None) -> Iterator[Item]:
    """An article URL, or a feed URL whose linked articles are read (at most
    ``policy.max_feed_items`` of them). The URL itself is the user's choice; its redirects and
    its feed's links are not (see dyad.ingest.fetch)."""
    policy = policy or FetchPolicy()
    try:
        body, ctype, final = fetch(url, replace(policy, max_bytes=MAX_BYTES), chosen_by_user=True)
    except FetchError as exc:
        yield _fetch_error(url, exc)
        return
    if _looks_like_feed(body, ctype):
        yield from read_feed(final, body, policy)
        return
    yield _safe(lambda: _article_from_body(url, body), url)


def _article_from_body(url: str, body: bytes, meta: dict | None = None) -> RawDocument:
    html = decode_text(body, url)
    doc_id = url
    doc = html_to_document(html, doc_id, url=url, origin=url)
    if meta:
        doc.title = doc.title or meta.get("title")
        doc.published = doc.published or meta.get("published")
        bound_title(doc)
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


def read_feed(url: str, body: bytes, policy: FetchPolicy | None = None) -> Iterator[Item]:
    import feedparser

    policy = policy or FetchPolicy()
    feed = feedparser.parse(body)
    if feed.bozo and not feed.entries:
        yield IngestError(url, f"broken feed: {feed.bozo_exception}")
        return
    source = feed.feed.get("title")
    entries = feed.entries
    if len(entries) > policy.max_feed_items:
        yield IngestWarning(url, f"the feed lists {len(entries)} items; only the first {policy.max_feed_items} "
                                 "were read (see --max-feed-items)")
        entries = entries[:policy.max_feed_items]
    for entry in entries:
        link = entry.get("link")
        if not link:
            yield IngestError(url, f"feed entry {str(entry.get('title'))[:80]!r} has no link")
            continue
        try:
            link = urljoin(url, str(link))
        except ValueError:
            yield IngestError(url, f"feed entry {str(entry.get('title'))[:80]!r} has a broken link")
            continue
        published = _entry_date(entry)
        try:
            article, _, _ = fetch(link, replace(policy, max_bytes=MAX_BYTES))
        except FetchError as exc:
            yield _fetch_error(link, exc)
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


def read_inputs(inputs: list[str], policy: FetchPolicy | None = None, *, allow_private: bool | None = None,
                deadline: float | None = None, max_feed_items: int | None = None) -> Iterator[Item]:
    """Dispatch each CLI argument to the right reader.

    ``policy`` (or the keyword shortcuts, which override it) bounds every fetch: see FetchPolicy.
    A URL given here is fetched even on a private or loopback address (the user typed it); what it
    redirects to, and the links of a feed, must be public unless ``allow_private``. A file given
    here is read wherever it is (the user named it); a folder's files only inside the folder."""
    policy = policy or FetchPolicy()
    overrides = {k: v for k, v in (("allow_private", allow_private), ("deadline", deadline),
                                   ("max_feed_items", max_feed_items)) if v is not None}
    policy = replace(policy, **overrides)
    for arg in inputs:
        if arg.lower().startswith(("http://", "https://")):
            yield from read_url(arg, policy)
            continue
        path = Path(arg)
        if path.is_dir():
            yield from read_folder(path)
        elif path.is_file():
            yield _safe(lambda p=path: read_file(p, _manifest_entry(p)), str(path))
        elif _URL_SCHEME.match(arg):
            try:
                check_scheme(arg)
            except FetchError as exc:
                yield IngestError(arg, str(exc))
            else:  # pragma: no cover - http(s) are handled above
                yield IngestError(arg, "no such file, folder or URL")
        else:
            yield IngestError(arg, "no such file, folder or URL")


def _manifest_entry(path: Path) -> dict | None:
    entries, _ = read_manifest(path.parent)
    return entries.get(path.name)
