"""Ingestion of every input kind (text, Markdown and HTML files, folders with manifests,
article URLs, RSS and Atom feeds served by a real local HTTP server) and of bad inputs,
each of which must be reported by name and reason without losing the others."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from conftest import WebSite, run_cli
from dyad.store.db import open_db
from dyad.store.models import Document

ARMENIA = ("Armenia and Georgia agreed on Tuesday to reopen the Upper Lars border crossing for freight, "
           "the Armenian Foreign Ministry said after talks in Tbilisi.\n\n"
           "The two governments also discussed a new railway timetable between Yerevan and Batumi.\n")
MONGOLIA = ("Mongolia and Japan signed a memorandum on copper exploration in Ulaanbaatar on Monday.\n\n"
            "Japanese Foreign Minister Yoko Kamikawa said Tokyo would fund a geological survey "
            "of the Gobi.\n")
OMAN = ("Oman and India launched talks on a free trade agreement in Muscat, officials said on Sunday.\n\n"
        "Bilateral trade reached $12 billion last year, according to the Omani Ministry of Commerce.\n")
LATVIA = ("Latvia and Lithuania opened a new section of the Rail Baltica line near Riga on Friday.\n\n"
          "The prime ministers of the two countries attended the ceremony at the border station.\n")
QATAR = ("Qatar and Rwanda signed an aviation agreement in Doha on Wednesday, the Qatari foreign ministry "
         "said.\n\nQatar Airways will add three weekly flights to Kigali from next spring.\n")


def html_page(headline: str, body: str, *, title: str | None = None, published: str | None = None,
              site: str | None = None) -> str:
    head = ['<meta charset="utf-8">']
    if title:
        head.append(f"<title>{title}</title>")
    if published:
        head.append(f'<meta property="article:published_time" content="{published}">')
    if site:
        head.append(f'<meta property="og:site_name" content="{site}">')
    paras = "\n".join(f"<p>{p}</p>" for p in body.split("\n\n") if p.strip())
    h1 = f"<h1>{headline}</h1>" if headline else ""
    return (f'<!DOCTYPE html>\n<html lang="en"><head>{"".join(head)}</head><body>\n'
            '<nav><a href="/">Home</a> | <a href="/world">World</a> | '
            '<a href="/subscribe">Subscribe</a></nav>\n'
            f"<article>{h1}\n{paras}\n</article>\n"
            "<footer>Copyright 2024 Caspian Courier. All rights reserved.</footer>\n</body></html>\n")


def stored(db: str) -> dict[str, Document]:
    factory = open_db(db)
    with factory() as session:
        return {d.doc_id: d for d in session.scalars(select(Document))}


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def manifest(folder: Path, *entries: dict | str) -> Path:
    lines = [e if isinstance(e, str) else json.dumps(e) for e in entries]
    return write(folder / "index.jsonl", "\n".join(lines) + "\n")


# ---------------------------------------------------------------------------- files and folders


def test_single_text_file(db_url, tmp_path):
    f = write(tmp_path / "armenia-georgia.txt", ARMENIA)
    res = run_cli("ingest", f, db=db_url)
    assert res.exit_code == 0, res
    assert "added 1, already stored 0, failed 0" in res.stderr
    doc = stored(db_url)["armenia-georgia.txt"]
    assert doc.text == ARMENIA
    assert doc.chars == len(ARMENIA)
    assert (doc.title, doc.url, doc.published, doc.source) == (None, None, None, None)
    assert doc.origin == str(f)


def test_markdown_file(db_url, tmp_path):
    text = "# Mongolia and Japan sign copper memorandum\n\n" + MONGOLIA
    write(tmp_path / "mng-jpn.md", text)
    res = run_cli("ingest", tmp_path / "mng-jpn.md", db=db_url)
    assert res.exit_code == 0, res
    assert stored(db_url)["mng-jpn.md"].text == text


def test_windows_newlines_and_bom_are_normalised(db_url, tmp_path):
    f = tmp_path / "crlf.txt"
    f.write_bytes(b"\xef\xbb\xbf" + ARMENIA.replace("\n", "\r\n").encode("utf-8"))
    assert run_cli("ingest", f, db=db_url).exit_code == 0
    doc = stored(db_url)["crlf.txt"]
    assert doc.text == ARMENIA  # offsets then match what Path.read_text gives readers of the file


def test_html_file_main_text_title_and_date(db_url, tmp_path):
    page = html_page("Oman and India launch free trade talks", OMAN,
                     title="Oman and India launch free trade talks", published="2024-05-02",
                     site="Caspian Courier")
    write(tmp_path / "oman-india.html", page)
    res = run_cli("ingest", tmp_path / "oman-india.html", db=db_url)
    assert res.exit_code == 0, res
    doc = stored(db_url)["oman-india.html"]
    assert doc.title == "Oman and India launch free trade talks"
    assert doc.published == "2024-05-02"
    assert doc.source == "Caspian Courier"
    assert "Oman and India launched talks on a free trade agreement in Muscat" in doc.text
    assert "Bilateral trade reached $12 billion" in doc.text
    assert "<p>" not in doc.text and "Subscribe" not in doc.text and "All rights reserved" not in doc.text


def test_folder_is_read_recursively_and_other_files_skipped(db_url, tmp_path):
    root = tmp_path / "news"
    write(root / "armenia.txt", ARMENIA)
    write(root / "asia" / "mongolia.md", MONGOLIA)
    write(root / "asia" / "gulf" / "oman.txt", OMAN)
    write(root / "asia" / "gulf" / "notes.csv", "a,b\n1,2\n")  # not an article: skipped quietly
    (root / "asia" / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    write(root / ".hidden.txt", LATVIA)
    write(root / "asia" / "README.md", "# Asia folder\n\nArticles on Asian pairs, collected in May.\n")
    res = run_cli("ingest", root, db=db_url)
    assert res.exit_code == 0, res
    assert "added 3, already stored 0, failed 0" in res.stderr
    docs = stored(db_url)
    assert sorted(docs) == ["armenia.txt", "mongolia.md", "oman.txt"]
    assert docs["oman.txt"].text == OMAN


def test_same_file_name_in_two_subfolders_keeps_both(db_url, tmp_path):
    root = tmp_path / "news"
    write(root / "a" / "story.txt", ARMENIA)
    write(root / "b" / "story.txt", LATVIA)
    res = run_cli("ingest", root, db=db_url)
    assert res.exit_code == 0, res
    docs = stored(db_url)
    assert len(docs) == 2
    assert "story.txt" in docs
    assert {d.text for d in docs.values()} == {ARMENIA, LATVIA}


def test_manifest_supplies_title_url_published_source(db_url, tmp_path):
    root = tmp_path / "news"
    write(root / "latvia.txt", LATVIA)
    write(root / "qatar.txt", QATAR)
    write(root / "sub" / "oman.txt", OMAN)
    manifest(root,
             {"file": "latvia.txt", "title": "Rail Baltica section opens", "url": "https://example.org/rb",
              "published": "2024-09-13", "source": "Baltic Times"},
             {"file": "sub/oman.txt", "title": "Oman, India start FTA talks", "published": "2024-03"})
    res = run_cli("ingest", root, db=db_url)
    assert res.exit_code == 0, res
    docs = stored(db_url)
    latvia = docs["latvia.txt"]
    assert (latvia.title, latvia.url, latvia.published, latvia.source) == \
        ("Rail Baltica section opens", "https://example.org/rb", "2024-09-13", "Baltic Times")
    # A manifest entry for a file in a subfolder: the id is the manifest's "file" value.
    oman = docs["sub/oman.txt"]
    assert (oman.title, oman.published) == ("Oman, India start FTA talks", "2024-03")
    qatar = docs["qatar.txt"]  # not in the manifest
    assert (qatar.title, qatar.published) == (None, None)


def test_file_given_explicitly_still_gets_its_manifest_entry(db_url, tmp_path):
    root = tmp_path / "news"
    write(root / "qatar.txt", QATAR)
    manifest(root, {"file": "qatar.txt", "title": "Qatar, Rwanda sign aviation pact",
                    "published": "2024-11-20", "source": "Gulf Times"})
    assert run_cli("ingest", root / "qatar.txt", db=db_url).exit_code == 0
    doc = stored(db_url)["qatar.txt"]
    assert (doc.title, doc.published, doc.source) == \
        ("Qatar, Rwanda sign aviation pact", "2024-11-20", "Gulf Times")


@pytest.mark.parametrize(("first_line", "expected"), [
    ("date 2024-03-11\n", "2024-03-11"),
    (" date 2025-10-22 MENAFN - Caspian Courier) Staff writer\n", "2025-10-22"),
    ("Date: 2024-03\n", "2024-03"),
    ("", None),
])
def test_publication_date_from_a_leading_date_line(db_url, tmp_path, first_line, expected):
    write(tmp_path / "dated.txt", first_line + ARMENIA)
    assert run_cli("ingest", tmp_path / "dated.txt", db=db_url).exit_code == 0
    assert stored(db_url)["dated.txt"].published == expected


def test_date_later_in_the_text_is_not_a_publication_date(db_url, tmp_path):
    write(tmp_path / "later.txt", ARMENIA + "\ndate 2019-01-01\n")
    assert run_cli("ingest", tmp_path / "later.txt", db=db_url).exit_code == 0
    assert stored(db_url)["later.txt"].published is None


def test_manifest_date_wins_over_leading_date_line(db_url, tmp_path):
    write(tmp_path / "dated.txt", "date 2024-03-11\n" + ARMENIA)
    manifest(tmp_path, {"file": "dated.txt", "published": "2024-03-12"})
    assert run_cli("ingest", tmp_path, db=db_url).exit_code == 0
    assert stored(db_url)["dated.txt"].published == "2024-03-12"


def test_partial_dates_are_kept_at_their_precision(db_url, tmp_path):
    write(tmp_path / "month.txt", ARMENIA)
    write(tmp_path / "year.txt", LATVIA)
    manifest(tmp_path, {"file": "month.txt", "published": "2024-03"},
             {"file": "year.txt", "published": "2023"})
    assert run_cli("ingest", tmp_path, db=db_url).exit_code == 0
    docs = stored(db_url)
    assert docs["month.txt"].published == "2024-03"
    assert docs["year.txt"].published == "2023"
    out = run_cli("export", db=db_url).stdout
    records = [json.loads(line) for line in out.splitlines()]
    published = {r["id"]: r["published"] for r in records if r["kind"] == "document"}
    assert published == {"month.txt": "2024-03", "year.txt": "2023"}


# ---------------------------------------------------------------------------- URLs and feeds

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
  <title>Caspian Courier</title>
  <link>{base}/</link>
  <description>News from the Caspian and beyond</description>
  <item>
    <title>Armenia, Georgia reopen Upper Lars for freight</title>
    <link>{base}/rss/armenia.html</link>
    <pubDate>Tue, 14 May 2024 09:30:00 +0000</pubDate>
  </item>
  <item>
    <title>Mongolia, Japan sign copper memorandum</title>
    <link>{base}/rss/mongolia.html</link>
    <pubDate>Mon, 03 Jun 2024 06:00:00 GMT</pubDate>
  </item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Baltic and Gulf Wire</title>
  <id>{base}/atom.xml</id>
  <updated>2024-11-21T10:00:00Z</updated>
  <entry>
    <title>Rail Baltica section opens near Riga</title>
    <link rel="alternate" href="{base}/atom/latvia.html"/>
    <id>{base}/atom/latvia.html</id>
    <published>2024-09-13T08:00:00Z</published>
    <updated>2024-09-14T08:00:00Z</updated>
  </entry>
  <entry>
    <title>Qatar and Rwanda sign aviation pact</title>
    <link rel="alternate" href="{base}/atom/qatar.html"/>
    <id>{base}/atom/qatar.html</id>
    <updated>2024-11-20T12:00:00Z</updated>
  </entry>
</feed>
"""


@pytest.fixture(scope="module")
def site(website: WebSite) -> WebSite:
    # Article pages with no <title>, <h1> or date of their own: those must come from the feed.
    website.write("rss/armenia.html", html_page("", ARMENIA))
    website.write("rss/mongolia.html", html_page("", MONGOLIA))
    website.write("atom/latvia.html", html_page("", LATVIA))
    website.write("atom/qatar.html", html_page("", QATAR))
    website.write("rss.xml", RSS.format(base=website.base))
    website.write("atom.xml", ATOM.format(base=website.base))
    website.write("article/oman-india.html", html_page(
        "Oman and India launch free trade talks", OMAN, title="Oman and India launch free trade talks",
        published="2024-05-02", site="Caspian Courier"))
    return website


def test_article_url(db_url, site):
    url = site.url("article/oman-india.html")
    res = run_cli("ingest", url, db=db_url)
    assert res.exit_code == 0, res
    doc = stored(db_url)[url]
    assert doc.url == url
    assert doc.title == "Oman and India launch free trade talks"
    assert doc.published == "2024-05-02"
    assert "Oman and India launched talks on a free trade agreement" in doc.text
    assert "Subscribe" not in doc.text


def test_rss_feed_stores_every_linked_article_with_feed_metadata(db_url, site):
    res = run_cli("ingest", "--allow-private", site.url("rss.xml"), db=db_url)
    assert res.exit_code == 0, res
    assert "added 2, already stored 0, failed 0" in res.stderr
    docs = stored(db_url)
    armenia = docs[site.url("rss/armenia.html")]
    assert armenia.url == site.url("rss/armenia.html")
    assert armenia.title == "Armenia, Georgia reopen Upper Lars for freight"
    assert armenia.published == "2024-05-14"
    assert "Upper Lars border crossing" in armenia.text
    mongolia = docs[site.url("rss/mongolia.html")]
    assert mongolia.title == "Mongolia, Japan sign copper memorandum"
    assert mongolia.published == "2024-06-03"


def test_atom_feed_stores_every_linked_article_with_feed_metadata(db_url, site):
    res = run_cli("ingest", "--allow-private", site.url("atom.xml"), db=db_url)
    assert res.exit_code == 0, res
    assert "added 2, already stored 0, failed 0" in res.stderr
    docs = stored(db_url)
    latvia = docs[site.url("atom/latvia.html")]
    assert latvia.url == site.url("atom/latvia.html")
    assert latvia.title == "Rail Baltica section opens near Riga"
    assert latvia.published == "2024-09-13"  # <published>, not the later <updated>
    qatar = docs[site.url("atom/qatar.html")]
    assert qatar.title == "Qatar and Rwanda sign aviation pact"
    assert qatar.published == "2024-11-20"  # only <updated> given


def test_feed_title_is_the_source_of_its_articles(db_url, site):
    """Pages without og:site_name take their outlet name from the feed, not from the host name."""
    assert run_cli("ingest", "--allow-private", site.url("rss.xml"), site.url("atom.xml"), db=db_url).exit_code == 0
    docs = stored(db_url)
    assert docs[site.url("rss/armenia.html")].source == "Caspian Courier"
    assert docs[site.url("atom/qatar.html")].source == "Baltic and Gulf Wire"


def test_feed_date_is_the_publishers_local_date(db_url, site):
    """A US outlet's late-evening item is dated that evening, not the next day in UTC."""
    rss = RSS.format(base=site.base).replace("Tue, 14 May 2024 09:30:00 +0000",
                                             "Tue, 14 May 2024 22:30:00 -0500")
    site.write("rss-local.xml", rss)
    assert run_cli("ingest", "--allow-private", site.url("rss-local.xml"), db=db_url).exit_code == 0
    docs = stored(db_url)
    assert docs[site.url("rss/mongolia.html")].published == "2024-06-03"  # GMT: unchanged
    assert docs[site.url("rss/armenia.html")].published == "2024-05-14"


def test_urls_that_fail_are_reported_and_the_others_stored(db_url, site):
    missing = site.url("article/no-such-story.html")
    res = run_cli("ingest", "--allow-private", site.url("article/oman-india.html"), missing, site.url("atom.xml"),
                  db=db_url)
    assert res.exit_code == 1, res
    assert "added 3, already stored 0, failed 1" in res.stderr
    assert f"{missing}: cannot fetch: HTTP Error 404" in res.stderr
    assert set(stored(db_url)) == {site.url("article/oman-india.html"), site.url("atom/latvia.html"),
                                   site.url("atom/qatar.html")}


def test_feed_entry_with_a_dead_link_is_reported_and_the_others_stored(db_url, site):
    rss = RSS.format(base=site.base).replace("rss/mongolia.html", "rss/gone.html")
    site.write("rss-dead.xml", rss)
    res = run_cli("ingest", "--allow-private", site.url("rss-dead.xml"), db=db_url)
    assert res.exit_code == 1, res
    assert f"{site.url('rss/gone.html')}: cannot fetch: HTTP Error 404" in res.stderr
    assert set(stored(db_url)) == {site.url("rss/armenia.html")}


def test_unreachable_host_is_reported(db_url, site):
    # A port nothing listens on: the server fixture's port plus one is not guaranteed free,
    # so bind and close a socket to get one.
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}/story.html"
    res = run_cli("ingest", url, db=db_url)
    assert res.exit_code == 1, res
    assert f"{url}: cannot fetch" in res.stderr


def test_reingesting_a_feed_skips_stored_articles(db_url, site):
    assert run_cli("ingest", "--allow-private", site.url("rss.xml"), db=db_url).exit_code == 0
    again = run_cli("ingest", "--allow-private", site.url("rss.xml"), db=db_url)
    assert again.exit_code == 0, again
    assert "added 0, already stored 2, failed 0" in again.stderr


# ---------------------------------------------------------------------------- bad input


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("error:")]


def test_bad_files_are_reported_by_name_and_reason_and_others_ingested(db_url, tmp_path, monkeypatch):
    # Something already stored before the bad batch must survive it.
    first = write(tmp_path / "earlier" / "qatar.txt", QATAR)
    assert run_cli("ingest", first, db=db_url).exit_code == 0

    root = tmp_path / "batch"
    write(root / "armenia.txt", ARMENIA)
    write(root / "deep" / "mongolia.txt", MONGOLIA)
    (root / "binary.txt").write_bytes(b"PK\x03\x04\x00\x00\x08\x00" + bytes(range(256)))
    latin1 = "Le président Mirziyoyev a reçu le ministre à Tachkent.\n".encode("latin-1")
    (root / "latin1.txt").write_bytes(latin1)
    (root / "empty.txt").write_bytes(b"")
    write(root / "blank.md", "  \n\n\t\n")
    write(root / "huge.txt", LATVIA * 40)
    write(root / "no-text.html",
          "<html><head><title>Subscribe</title></head><body><img src=x.png></body></html>")
    manifest(root,
             {"file": "armenia.txt", "title": "Upper Lars reopens"},
             '{"file": "mongolia.txt", "title": broken',
             {"file": "ghost.txt", "title": "A story that was never saved"},
             {"file": "deep/mongolia.txt", "published": "sometime"})
    monkeypatch.setattr("dyad.ingest.sources.MAX_BYTES", 2000)

    res = run_cli("ingest", root, db=db_url)
    assert res.exit_code == 1, res
    errors = error_lines(res.stderr)
    expected = {
        f"{root / 'binary.txt'}: not a text file (contains NUL bytes)",
        f"{root / 'latin1.txt'}: not valid UTF-8 (byte 5)",
        f"{root / 'empty.txt'}: empty",
        f"{root / 'blank.md'}: empty",
        f"{root / 'huge.txt'}: too large ({len((LATVIA * 40).encode())} bytes; limit 2000)",
        f"{root / 'no-text.html'}: no article text found in the HTML",
        f"{root / 'index.jsonl'}:2: broken manifest line",
        f"{root / 'index.jsonl'}: lists 'ghost.txt', which does not exist",
        f"{root / 'index.jsonl'}:4: broken manifest line: bad published date 'sometime'",
    }
    for want in expected:
        assert any(line.startswith("error: " + want) for line in errors), (want, errors)
    assert len(errors) == len(expected), errors
    assert f"added 2, already stored 0, failed {len(expected)}" in res.stderr

    docs = stored(db_url)
    assert sorted(docs) == ["armenia.txt", "mongolia.txt", "qatar.txt"]
    assert docs["armenia.txt"].title == "Upper Lars reopens"
    assert docs["qatar.txt"].text == QATAR


def test_unsupported_extension_given_explicitly(db_url, tmp_path):
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    good = write(tmp_path / "armenia.txt", ARMENIA)
    res = run_cli("ingest", pdf, good, db=db_url)
    assert res.exit_code == 1, res
    assert f"error: {pdf}: unsupported file type .pdf; expected .txt, .md or .html" in res.stderr
    assert sorted(stored(db_url)) == ["armenia.txt"]


def test_file_without_extension_given_explicitly(db_url, tmp_path):
    f = write(tmp_path / "README", ARMENIA)
    res = run_cli("ingest", f, db=db_url)
    assert res.exit_code == 1, res
    assert f"error: {f}: unsupported file type (none)" in res.stderr
    assert stored(db_url) == {}


def test_nonexistent_path(db_url, tmp_path):
    good = write(tmp_path / "latvia.txt", LATVIA)
    res = run_cli("ingest", tmp_path / "no" / "such" / "folder", good, db=db_url)
    assert res.exit_code == 1, res
    assert f"error: {tmp_path / 'no' / 'such' / 'folder'}: no such file, folder or URL" in res.stderr
    assert sorted(stored(db_url)) == ["latvia.txt"]


def test_too_large_by_the_real_limit(db_url, tmp_path):
    from dyad.ingest import sources

    big = tmp_path / "big.txt"
    line = "Lithuania and Poland discussed gas interconnector tariffs in Vilnius.\n"
    big.write_text(line * (sources.MAX_BYTES // len(line) + 1), encoding="utf-8")
    res = run_cli("ingest", big, db=db_url)
    assert res.exit_code == 1, res
    assert f"error: {big}: too large (" in res.stderr
    assert stored(db_url) == {}


def test_error_messages_keep_square_brackets_in_file_names(db_url, tmp_path):
    """File names are printed as written, not read as rich console markup."""
    bad = tmp_path / "notes [draft].txt"
    bad.write_bytes(b"")
    res = run_cli("ingest", bad, db=db_url)
    assert res.exit_code == 1, res
    assert f"error: {bad}: empty" in res.stderr
