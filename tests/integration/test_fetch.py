"""`retold fetch` against a real HTTP server on 127.0.0.1 serving pages we wrote.

Every failure the fetcher names has its route here; no test touches any other address or asks a
name server (every URL is a literal 127.0.0.1).
"""

from __future__ import annotations

from pathlib import Path

import socket
import subprocess
import sys
import threading
import time
import tomllib
from collections import Counter
from http.server import BaseHTTPRequestHandler

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from retold.model.pipeline import load_alignment
from retold.sources.fetch import FetchOptions, append_entry, decode_page, FetchError, fetch_into, toml_string
from local_http import serving, no_proxy_env

PARAGRAPHS = [
    "The harbour board of Tallvik approved a new ferry pier on Monday after a long debate.",
    "Work on the pier will start in the spring and should take about two years to finish.",
    "Residents had asked for a quieter design after complaints about noise from the old pier.",
]

ARTICLE = """<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">
<title>Tallvik approves new ferry pier | The Tallvik Tide</title>
<meta property="og:site_name" content="The Tallvik Tide">
<meta property="article:published_time" content="2026-05-04T08:00:00Z">
<meta name="author" content="Mira Holm">
</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Tallvik approves new ferry pier</h1>{body}</article>
<footer>Copyright 2026 The Tallvik Tide</footer></body></html>"""

DIV_SOUP = """<html><head><title>Pier plan passes at last - Fjord Weekly | Fjord Weekly</title></head><body>
<div class="menu"><a href="/">Front</a> | <a href="/sport">Sport</a></div>
<div class="story"><h2>Pier plan passes at last</h2>{body}</div>
<div class="foot">All rights reserved.</div></body></html>"""


def _body(paragraphs):
    return "".join(f"<p>{p}</p>" for p in paragraphs)


class Handler(BaseHTTPRequestHandler):
    hits: Counter = Counter()
    agents: set = set()
    active = 0
    most_active = 0
    lock = threading.Lock()

    def log_message(self, *args):  # quiet test output
        pass

    def _send(self, code, body: bytes, ctype="text/html; charset=utf-8", extra=()):
        self.send_response(code)
        if ctype:
            self.send_header("Content-Type", ctype)
        for key, value in extra:
            self.send_header(key, value)
        if not any(k == "Content-Length" for k, _ in extra):
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: N802
        Handler.hits[self.path] += 1
        Handler.agents.add(self.headers.get("User-Agent"))
        path = self.path
        if path == "/tide.html":
            self._send(200, ARTICLE.format(body=_body(PARAGRAPHS)).encode())
        elif path.startswith("/pause/"):
            with Handler.lock:
                Handler.active += 1
                Handler.most_active = max(Handler.most_active, Handler.active)
            time.sleep(0.3)
            with Handler.lock:
                Handler.active -= 1
            self._send(200, ARTICLE.format(body=_body(PARAGRAPHS)).encode())
        elif path == "/late-first":  # answers after the next URL's page, to test the order kept
            time.sleep(0.4)
            self._send(200, ARTICLE.format(body=_body(PARAGRAPHS)).encode())
        elif path == "/dateline":
            page = ARTICLE.replace('content="Mira Holm"', 'content="Tove Brandt; Esbergen"')
            self._send(200, page.format(body=_body(PARAGRAPHS[:2] + ["The ferry company welcomed the vote."])).encode())
        elif path == "/unrelated":
            self._send(200, ARTICLE.format(body=_body([
                "A rare orchid bloomed in the botanical garden of Lindau for the first time in forty years.",
                "Gardeners said the cool spring had helped the plant, which came from a mountain forest.",
                "Visitors can see the flower in the glasshouse until the end of the month.",
            ])).encode())
        elif path == "/weekly":
            self._send(200, DIV_SOUP.format(body=_body(PARAGRAPHS[:2] + ["The council will pay for half of it, the board said."])).encode())
        elif path == "/moved":
            self._send(301, b"", extra=[("Location", "/tide.html")])
        elif path == "/latin":
            page = ARTICLE.replace("utf-8", "iso-8859-1").format(body=_body(["Café owners in Tallvik welcomed the pier decision on Monday evening."] + PARAGRAPHS[1:]))
            self._send(200, page.encode("latin-1"), ctype="text/html")
        elif path == "/missing":
            self._send(404, b"<p>Not here</p>")
        elif path == "/broken":
            self._send(500, b"<p>Oops</p>")
        elif path == "/slow":
            time.sleep(2.0)
            self._send(200, ARTICLE.format(body=_body(PARAGRAPHS)).encode())
        elif path == "/loop":
            self._send(302, b"", extra=[("Location", "/loop")])
        elif path == "/to-ftp":
            self._send(302, b"", extra=[("Location", "ftp://127.0.0.1/file")])
        elif path == "/report.pdf":
            self._send(200, b"%PDF-1.4 not a page", ctype="application/pdf")
        elif path == "/huge":
            self._send(200, b"<p>" + b"word " * 40_000 + b"</p>")
        elif path == "/huge-chunked":
            # No Content-Length: the cap must hold while streaming.
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(50):
                self.wfile.write(b"<p>" + b"word " * 2_000 + b"</p>")
            self.close_connection = True
        elif path == "/menu-only":
            self._send(200, b"<html><body><nav><a href='/'>Home</a></nav><div><a href='/x'>More</a></div></body></html>")
        elif path == "/bad-charset":
            self._send(200, ARTICLE.format(body=_body(PARAGRAPHS)).encode(), ctype="text/html; charset=x-no-such-charset")
        elif path == "/bad-bytes":
            self._send(200, ARTICLE.format(body=_body(PARAGRAPHS)).encode() + b"\xff\xfe\xfa", ctype="text/html; charset=utf-8")
        else:
            self._send(404, b"")


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch):
    no_proxy_env(monkeypatch)


@pytest.fixture(scope="module")
def server():
    with serving(Handler) as url:
        yield url


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


FAST = FetchOptions(timeout=0.5, max_bytes=100_000, max_redirects=5, concurrency=4)

FAILURES = {
    "/missing": "HTTP 404",
    "/broken": "HTTP 500",
    "/slow": "timed out",
    "/loop": "too many redirects",
    "/to-ftp": "redirected to a URL that is not http(s)",
    "/report.pdf": "not HTML (application/pdf)",
    "/huge": "too big",
    "/huge-chunked": "too big",
    "/menu-only": "no article found",
    "/bad-charset": "unknown charset 'x-no-such-charset'",
    "/bad-bytes": "not valid utf-8",
}


def test_each_failure_is_reported_and_the_others_continue(server, tmp_path):
    refused = f"http://127.0.0.1:{closed_port()}/gone"
    good = [f"{server}/tide.html", f"{server}/weekly", f"{server}/latin"]
    urls = [good[0], *(server + p for p in FAILURES), good[1], refused, good[2], "ftp://127.0.0.1/x"]
    results = {r.url: r for r in fetch_into(urls, tmp_path / "story", FAST)}
    for path, problem in FAILURES.items():
        r = results[server + path]
        assert r.status == "failed" and problem in r.error, (path, r.error)
    assert results[refused].status == "failed" and "cannot connect" in results[refused].error
    assert "not an http(s) URL" in results["ftp://127.0.0.1/x"].error
    assert [results[u].status for u in good] == ["fetched"] * 3
    # Exactly one outlet per fetched URL, nothing left over from the failures.
    alignment = load_alignment([str(tmp_path / "story")])
    assert sorted(o.meta.url for o in alignment.outlets) == sorted(good)
    names = {o.meta.url: o.name for o in alignment.outlets}
    # /latin is a second page of The Tallvik Tide: two panes of one name carry their files' names.
    tide_file, latin_file = (Path(o.meta.source).name for u in (good[0], good[2]) for o in alignment.outlets if o.meta.url == u)
    assert names[good[0]] == f"The Tallvik Tide ({tide_file})" and names[good[2]] == f"The Tallvik Tide ({latin_file})"
    assert names[good[1]] == "Fjord Weekly"
    tide = next(o for o in alignment.outlets if o.meta.url == good[0])
    assert (tide.meta.published, tide.meta.author, tide.meta.language) == ("2026-05-04T08:00:00Z", "Mira Holm", "en-GB")
    latin = next(o for o in alignment.outlets if o.meta.url == good[2])
    assert latin.sentences[0].text.startswith("Café owners")
    assert (tmp_path / "story" / ".fetched" / latin.meta.source.split("/")[-1]).read_bytes().count(b"Caf\xe9") == 1
    assert not [p for p in (tmp_path / "story").iterdir() if p.name.endswith(".part.html")]
    assert {agent.split(" ")[0].split("/")[0] for agent in Handler.agents} == {"retold"}


def test_cli_exit_code_and_rerun_fetches_only_what_is_missing(server, tmp_path):
    story = tmp_path / "story"
    url_file = tmp_path / "urls.txt"
    url_file.write_text(f"# five links\n{server}/tide.html\n\n{server}/weekly\n{server}/missing\n")
    run = lambda: subprocess.run(  # noqa: E731
        [sys.executable, "-m", "retold", "fetch", "--urls", str(url_file), "--into", str(story), "--timeout", "2"],
        capture_output=True, text=True, timeout=60,
    )
    Handler.hits.clear()
    first = run()
    assert first.returncode == 1
    [failure] = [line for line in first.stderr.splitlines() if "/missing" in line]
    assert failure == f"retold: {server}/missing: HTTP 404 Not Found"
    assert first.stdout.count("fetched ") == 2
    second = run()
    assert second.returncode == 1 and second.stdout.count("present ") == 2
    assert Handler.hits[  "/tide.html"] == 1 and Handler.hits["/weekly"] == 1 and Handler.hits["/missing"] == 2
    url_file.write_text(f"{server}/tide.html\n{server}/weekly\n")
    assert run().returncode == 0
    entries = tomllib.loads((story / "story.toml").read_text())["outlet"]
    assert len(entries) == 2  # a re-run never adds an entry twice


def test_merge_keeps_what_the_user_wrote(server, tmp_path):
    story = tmp_path / "story"
    story.mkdir()
    user_text = (
        '# my notes on this story\n[story]\ntitle = "Pier vote"\n\n'
        f'[[outlet]]\nfile = "mine.html"\nname = "My Name For It"\nurl = "{server}/tide.html"\n'
    )
    (story / "story.toml").write_text(user_text)
    fetch_into([f"{server}/tide.html", f"{server}/weekly"], story, FAST)
    text = (story / "story.toml").read_text()
    assert text.startswith(user_text)  # byte for byte
    data = tomllib.loads(text)
    assert data["outlet"][0] == {"file": "mine.html", "name": "My Name For It", "url": f"{server}/tide.html"}
    assert (story / "mine.html").is_file() and len(data["outlet"]) == 2
    alignment = load_alignment([str(story)])
    assert [o.name for o in alignment.outlets][0] == "My Name For It"


def test_a_manifest_that_cannot_take_an_entry_is_left_alone(tmp_path):
    manifest = tmp_path / "story.toml"
    manifest.write_text('outlet = [{file = "a.txt"}]\n')
    with pytest.raises(Exception, match="not changed"):
        append_entry(manifest, {"file": "b.html", "name": "B"})
    assert manifest.read_text() == 'outlet = [{file = "a.txt"}]\n'


@settings(max_examples=150, deadline=None)
@given(st.text(st.characters(blacklist_categories=["Cs"]), max_size=40))
def test_any_text_round_trips_through_toml(value):
    assert tomllib.loads(f"v = {toml_string(value)}")["v"] == value


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=200), st.sampled_from([None, "utf-8", "iso-8859-1", "shift_jis", "nonsense-cs"]))
def test_decode_page_decodes_or_says_why(data, charset):
    try:
        text, name = decode_page(data, charset)
    except FetchError as exc:
        assert str(exc).startswith("undecodable")
    else:
        assert isinstance(text, str) and name


def test_a_manifest_file_name_never_leads_outside_the_folder(server, tmp_path):
    story = tmp_path / "story"
    story.mkdir()
    (story / "story.toml").write_text(f'[[outlet]]\nfile = "../escape.html"\nurl = "{server}/tide.html"\n')
    [result] = fetch_into([f"{server}/tide.html"], story, FAST)
    assert result.status == "failed" and "plain .html name" in result.error
    assert not (tmp_path / "escape.html").exists()


def test_downloads_at_most_concurrency_at_a_time(server, tmp_path):
    Handler.most_active = 0
    urls = [f"{server}/pause/{n}" for n in range(6)]
    results = fetch_into(urls, tmp_path / "story", FetchOptions(timeout=5, concurrency=2))
    assert [r.status for r in results] == ["fetched"] * 6
    assert Handler.most_active == 2


def test_story_toml_keeps_the_order_the_urls_were_given(server, tmp_path):
    """Issue 18: outlets entered story.toml in the order their downloads finished."""
    Handler.hits.clear()
    urls = [f"{server}/late-first", f"{server}/weekly", f"{server}/tide.html"]
    results = fetch_into(urls, tmp_path, FAST)
    assert [r.status for r in results] == ["fetched"] * 3
    manifest = tomllib.loads((tmp_path / "story.toml").read_text(encoding="utf-8"))
    assert [o["url"] for o in manifest["outlet"]] == urls


def test_a_dateline_place_is_not_stored_as_an_author(server, tmp_path):
    [result] = fetch_into([f"{server}/dateline"], tmp_path, FAST)
    assert result.entry["author"] == "Tove Brandt"


def test_a_page_sharing_nothing_with_the_others_is_warned_about(server, tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "retold", "fetch", f"{server}/tide.html", f"{server}/weekly", f"{server}/unrelated",
         "--into", str(tmp_path / "s")],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if "shares no sentence" in line]
    assert len(warnings) == 1 and "unrelated" in warnings[0]
