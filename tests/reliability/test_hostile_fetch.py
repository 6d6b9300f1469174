"""Issue 17, `retold fetch` against hostile servers and shared folders (items 2-8).

Pages are served from 127.0.0.1 only, by servers written here; every story folder is built in a
temporary folder. Each case asserts the one-line answer, the exit status, the files before and
after, and no traceback; a run that could hang runs in a child process with a generous timeout.
"""

from __future__ import annotations

import base64
import gzip
import os
import socket
import subprocess
import sys
import threading
import time
import tomllib
import zlib
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from retold.sources.fetch import FetchError, FetchOptions, _Inflater, fetch_into
from local_http import serving, no_proxy_env

PARAGRAPHS = [
    "The harbour board of Tallvik approved a new ferry pier on Monday after a long debate.",
    "Work on the pier will start in the spring and should take about two years to finish.",
    "Residents had asked for a quieter design after complaints about noise from the old pier.",
]


def page(marker: str = "", charset: str = "utf-8") -> str:
    extra = f"<p>The clerk filed the pier papers under the reference {marker} that evening.</p>" if marker else ""
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="{charset}"><title>Tallvik pier | Tide</title>'
            '<meta property="og:site_name" content="The Tallvik Tide"></head><body><article><h1>Tallvik pier</h1>'
            + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + extra + "</article></body></html>")


SECRET = "s3cret-Pa55"


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def _send(self, code, body: bytes, ctype="text/html; charset=utf-8", extra=()):
        self.send_response(code)
        if ctype:
            self.send_header("Content-Type", ctype)
        for key, value in extra:
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: N802
        path, _, query = self.path.partition("?")
        if path == "/plain":
            self._send(200, page().encode())
        elif path.startswith("/race/"):
            time.sleep(0.05)  # the runs overlap: both are downloading while the other commits
            self._send(200, page(marker=query.replace("&", "-").replace("=", "")).encode())
        elif path == "/latin":
            self._send(200, page("Caf\u00e9", charset="iso-8859-1").encode("latin-1"), ctype="text/html")
        elif path == "/private":
            expected = "Basic " + base64.b64encode(f"reader:{SECRET}".encode()).decode()
            if self.headers.get("Authorization") != expected:
                self._send(401, b"<p>who are you</p>")
            else:
                self._send(200, page("private").encode())
        elif path == "/gzip":
            self._send(200, gzip.compress(page("gzipped").encode()), extra=[("Content-Encoding", "gzip")])
        elif path == "/deflate":
            self._send(200, zlib.compress(page("deflated").encode()), extra=[("Content-Encoding", "deflate")])
        elif path == "/raw-deflate":
            squeeze = zlib.compressobj(wbits=-zlib.MAX_WBITS)
            body = squeeze.compress(page("rawdeflate").encode()) + squeeze.flush()
            self._send(200, body, extra=[("Content-Encoding", "deflate")])
        elif path == "/bomb":
            self._send(200, BOMB, extra=[("Content-Encoding", "gzip")])
        elif path == "/brotli":
            self._send(200, b"\x8b\x02\x80hello\x03", extra=[("Content-Encoding", "br")])
        elif path.startswith("/charset/"):
            self._send(200, page().encode(), ctype=f"text/html; charset={path.rsplit('/', 1)[1]}")
        elif path == "/to-javascript":
            self._send(302, b"", extra=[("Location", "javascript:alert(1)")])
        elif path == "/to-data":
            self._send(302, b"", extra=[("Location", "data:text/html,<p>hi</p>")])
        elif path == "/to-broken":
            self._send(302, b"", extra=[("Location", "http://[::1/x")])
        else:
            self._send(404, b"")


BOMB = gzip.compress(b"<p>" + b"\0" * 20_000_000 + b"</p>", compresslevel=9)


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch):
    no_proxy_env(monkeypatch)


@pytest.fixture(scope="module")
def server():
    with serving(Handler) as url:
        yield url


def retold(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    return subprocess.run([sys.executable, "-m", "retold", *args], capture_output=True, text=True,
                          timeout=timeout, env=env, errors="replace")


def snapshot(folder: Path) -> dict[str, bytes | str]:
    """Every entry under `folder`: a link as its target, a file as its bytes."""
    found: dict[str, bytes | str] = {}
    for path in sorted(folder.rglob("*")):
        key = path.relative_to(folder).as_posix()
        if path.is_symlink():
            found[key] = "-> " + os.readlink(path)
        elif path.is_file():
            found[key] = path.read_bytes()
    return found


def assert_no_traceback(done: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in done.stderr and "Traceback" not in done.stdout, done.stderr


def manifest(folder: Path) -> list[dict]:
    return tomllib.loads((folder / "story.toml").read_text(encoding="utf-8")).get("outlet", [])


# ---------------------------------------------------------------- item 2: two runs at once


def test_two_fetch_runs_into_one_folder_keep_every_page_once(server, tmp_path):
    """Two real processes, each with its own URLs that all want the same file name, into one
    folder; repeated: before the folder lock, names, staging files and story.toml entries crossed."""
    for round_ in range(3):
        folder = tmp_path / f"story-{round_}"
        folder.mkdir()
        runs = []
        for run in (1, 2):
            urls = [f"{server}/race/story?run={run}&n={n}" for n in range(4)] + [f"{server}/race/story?both=1"]
            runs.append(subprocess.Popen(
                [sys.executable, "-m", "retold", "fetch", "--into", str(folder), "--concurrency", "4", *urls],
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                env={k: v for k, v in os.environ.items() if "proxy" not in k.lower()},
            ))
        for process in runs:
            out, err = process.communicate(timeout=120)
            assert process.returncode == 0, err
            assert "Traceback" not in err
        entries = manifest(folder)
        assert sorted(e["url"] for e in entries) == sorted(
            [f"{server}/race/story?run={run}&n={n}" for run in (1, 2) for n in range(4)] + [f"{server}/race/story?both=1"])
        assert len({e["file"] for e in entries}) == 9  # the URL both runs fetched: once
        for entry in entries:  # each page is its own URL's page
            marker = entry["url"].split("?", 1)[1].replace("&", "-").replace("=", "")
            assert marker in (folder / entry["file"]).read_text(encoding="utf-8"), entry
        pages = sorted(p.name for p in folder.iterdir() if p.suffix == ".html")
        assert pages == sorted(e["file"] for e in entries)  # no stray page, no staging file left
        assert not [p for p in folder.iterdir() if p.name.startswith(".")]


# ---------------------------------------------------------------- item 3: links in the folder


def test_links_in_the_folder_are_never_written_through(server, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    victim = outside / "precious.txt"
    victim.write_text("the user's own file\n")
    folder = tmp_path / "story"
    folder.mkdir()
    # The staging name the old code wrote to, and the folder of original bytes, both links out.
    (folder / ".127-0-0-1-plain.part.html").symlink_to(victim)
    (folder / ".127-0-0-1-latin.part.html").symlink_to(victim)
    (folder / ".fetched").symlink_to(outside)
    before = snapshot(outside)
    done = retold("fetch", "--into", str(folder), f"{server}/plain", f"{server}/latin")
    assert_no_traceback(done)
    assert snapshot(outside) == before  # nothing outside the folder changed
    plain = folder / "127-0-0-1-plain.html"
    assert plain.is_file() and not plain.is_symlink() and "Tallvik" in plain.read_text()
    # The transcoded page needs .fetched: it is a link, so that URL is refused, by name.
    assert done.returncode == 1
    [line] = [line for line in done.stderr.splitlines() if "/latin" in line]
    assert ".fetched is a symbolic link" in line
    assert not (folder / "127-0-0-1-latin.html").exists()
    assert [e["url"] for e in manifest(folder)] == [f"{server}/plain"]
    # A real .fetched folder with a link at the page's name inside: replaced, not written through.
    (folder / ".fetched").unlink()
    (folder / ".fetched").mkdir()
    (folder / ".fetched" / "127-0-0-1-latin.html").symlink_to(victim)
    done = retold("fetch", "--into", str(folder), f"{server}/latin")
    assert done.returncode == 0, done.stderr
    assert snapshot(outside) == before
    kept = folder / ".fetched" / "127-0-0-1-latin.html"
    assert not kept.is_symlink() and b"Caf\xe9" in kept.read_bytes()  # the original latin-1 bytes


# ---------------------------------------------------------------- item 4: credentials


def test_credentials_are_used_for_the_request_and_stored_nowhere(server, tmp_path):
    folder = tmp_path / "story"
    url = server.replace("http://", f"http://reader:{SECRET}@") + "/private"
    done = retold("fetch", "--into", str(folder), url, f"{server}/plain")
    assert done.returncode == 0, done.stderr
    assert_no_traceback(done)
    assert SECRET not in done.stdout + done.stderr
    assert done.stderr.count("used for its request only") == 1  # said once
    assert f"{server}/private" in done.stdout
    stored = (folder / "story.toml").read_text()
    assert SECRET not in stored and "reader" not in stored and f'url = "{server}/private"' in stored
    # A story.toml the user wrote with a password: never in the JSON, the page or a batch record.
    text = stored.replace(f'url = "{server}/private"', f'url = "{url}"')
    (folder / "story.toml").write_text(text)
    for form in ("json", "html"):  # the forms that carry URLs
        shown = retold("align", str(folder), "--format", form)
        assert shown.returncode == 0, shown.stderr
        assert SECRET not in shown.stdout and f"{server}/private" in shown.stdout.replace("&#x2F;", "/"), form
    from retold.batch.job import align_story

    record = align_story(str(tmp_path), "story")
    assert record["ok"] and SECRET not in repr(record)


@given(st.text(max_size=30), st.text(max_size=30), st.text(max_size=30))
@settings(max_examples=200, deadline=None)
def test_public_url_never_keeps_a_password_or_a_control_character(user, password, rest):
    from retold.model.safe import public_url

    password = "pw" + password.replace("@", "").replace("/", "").replace("?", "").replace("#", "").replace("\\", "")
    user = "".join(ch for ch in user if ch not in "/?#")  # these end the authority: no longer a user name
    url = f"https://{user}:{password}@example.test/{rest}"
    shown = public_url(url)
    assert f":{password}@" not in shown
    assert not any(ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F or ch.isspace() for ch in shown)
    assert shown == public_url(shown)  # what is stored is stored as it is


# ---------------------------------------------------------------- item 5: a trickling server


@pytest.fixture()
def trickle_server():
    """Answers every connection with a status line and then one header byte every 0.1 s, for
    far longer than any deadline."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)
    stop = threading.Event()

    def serve(conn):
        with conn:
            conn.recv(4096)
            conn.sendall(b"HTTP/1.1 200 OK\r\nX-Slow: ")
            for _ in range(3000):
                if stop.is_set():
                    return
                try:
                    conn.sendall(b"a")
                except OSError:
                    return
                time.sleep(0.1)

    def accept():
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            threading.Thread(target=serve, args=(conn,), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    stop.set()
    listener.close()


def test_headers_trickled_a_byte_at_a_time_end_at_the_whole_request_deadline(trickle_server, server, tmp_path):
    started = time.monotonic()
    done = retold("fetch", "--into", str(tmp_path / "story"), "--timeout", "0.5",
                  f"{trickle_server}/page", f"{server}/plain", timeout=60)
    took = time.monotonic() - started
    assert_no_traceback(done)
    assert done.returncode == 1
    [line] = [line for line in done.stderr.splitlines() if trickle_server in line]
    assert "timed out (the whole request took over 2 s)" in line
    assert "1 of 2 URLs" in done.stderr
    assert took < 45  # the deadline is 2 s; the rest is start-up, generously


# ---------------------------------------------------------------- item 6: compressed pages


def test_compressed_pages_are_decoded_and_a_bomb_is_refused(server, tmp_path):
    folder = tmp_path / "story"
    urls = [f"{server}/gzip", f"{server}/deflate", f"{server}/raw-deflate", f"{server}/bomb", f"{server}/brotli"]
    results = {r.url: r for r in fetch_into(urls, folder, FetchOptions(timeout=5, max_bytes=1_000_000))}
    for name, marker in (("gzip", "gzipped"), ("deflate", "deflated"), ("raw-deflate", "rawdeflate")):
        result = results[f"{server}/{name}"]
        assert result.status == "fetched", result.error
        assert marker in (folder / result.file).read_text(encoding="utf-8")
    assert results[f"{server}/bomb"].status == "failed"
    assert "too big (more than 1,000,000 bytes once decompressed)" in results[f"{server}/bomb"].error
    assert "compressed as 'br'" in results[f"{server}/brotli"].error


@given(st.binary(max_size=3000), st.sampled_from(["gzip", "deflate", "raw"]), st.lists(st.integers(1, 400), max_size=20))
@example(b"", "raw", [1])  # raw deflate whose first chunk is one byte: zlib judges the header only at two
@example(b"<p>x</p>", "raw", [1, 1, 1])
@settings(max_examples=300, deadline=None)
def test_inflating_in_any_chunks_gives_the_page_back(data, coding, cuts):
    if coding == "gzip":
        packed = gzip.compress(data)
    elif coding == "deflate":
        packed = zlib.compress(data)
    else:
        squeeze = zlib.compressobj(wbits=-zlib.MAX_WBITS)
        packed = squeeze.compress(data) + squeeze.flush()
    inflater = _Inflater("gzip" if coding == "gzip" else "deflate", limit=len(data))
    out, position = [], 0
    for cut in [*cuts, len(packed)]:
        out.append(inflater.feed(packed[position:position + cut]))
        position += cut
    out.append(inflater.feed(packed[position:]))
    assert b"".join(out) == data


@given(st.integers(1, 5000))
@settings(max_examples=50, deadline=None)
def test_inflating_never_gives_more_than_the_limit(limit):
    inflater = _Inflater("gzip", limit=limit)
    produced = 0
    with pytest.raises(FetchError, match="too big"):
        for start in range(0, len(BOMB), 8192):
            produced += len(inflater.feed(BOMB[start:start + 8192]))
            assert produced <= limit
    assert inflater.size <= limit + 1  # never more than one byte past the cap is inflated


# ---------------------------------------------------------------- items 7, 8: answers


def test_one_bad_url_does_not_end_the_run(server, tmp_path):
    bad = [
        f"{server}/charset/rot13", f"{server}/charset/base64", f"{server}/charset/idna", f"{server}/charset/undefined",
        f"{server}/to-javascript", f"{server}/to-data", f"{server}/to-broken",
        "http://[::1", "http://127.0.0.1/" + "x" * 70_000, "http://exa\u0301mple..test/", "http://\u0661\u0662a.test/",
    ]
    url_file = tmp_path / "urls.txt"
    url_file.write_text("\n".join([f"{server}/plain", *bad]) + "\n", encoding="utf-8")
    done = retold("fetch", "--into", str(tmp_path / "story"), "--urls", str(url_file), "--timeout", "5")
    assert_no_traceback(done)
    assert done.returncode == 1
    lines = done.stderr.splitlines()
    assert f"retold: 1 of {len(bad) + 1} URLs in" in lines[-1] and f"{len(bad)} failed" in lines[-1]
    failures = lines[:-1]
    assert len(failures) == len(bad), failures
    for url in bad:  # one line each, naming the URL (the long one by its start)
        assert sum(line.startswith(f"retold: {url[:60]}") for line in failures) == 1, url[:60]
    assert all(len(line) < 500 for line in failures)
    assert [e["url"] for e in manifest(tmp_path / "story")] == [f"{server}/plain"]


@pytest.mark.parametrize("args, words", [
    (["--timeout", "nan"], "--timeout: must be a positive number"),
    (["--timeout", "-1"], "--timeout: must be a positive number"),
    (["--timeout", "inf"], "--timeout: must be a positive number"),
    (["--concurrency", "0"], "--concurrency: must be at least 1"),
    (["--max-bytes", "-5"], "--max-bytes: must be at least 1"),
])
def test_bad_options_get_a_usage_message(tmp_path, args, words):
    done = retold("fetch", "--into", str(tmp_path / "story"), *args, "http://127.0.0.1:9/x")
    assert done.returncode == 2 and words in done.stderr, done.stderr
    assert_no_traceback(done)
    assert not (tmp_path / "story").exists()


def test_into_below_a_file_is_one_line(tmp_path):
    (tmp_path / "file.txt").write_text("a file\n")
    for into in (tmp_path / "file.txt" / "story", tmp_path / "file.txt" / "deeper" / "story"):
        done = retold("fetch", "--into", str(into), "http://127.0.0.1:9/x")
        assert done.returncode == 2, done.stderr
        assert_no_traceback(done)
        assert done.stderr.count("\n") == 1 and "is a file, not a folder" in done.stderr
    assert (tmp_path / "file.txt").read_text() == "a file\n"


def test_safe_writes_keep_the_mode_a_plain_write_would_give(tmp_path):
    from retold.files import write_atomic

    mask = os.umask(0o022)
    os.umask(mask)
    fresh = tmp_path / "fresh.html"
    write_atomic(fresh, b"<p>new</p>")
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~mask  # not the 0600 of a temporary file
    shared = tmp_path / "shared.jsonl"
    shared.write_bytes(b"old\n")
    shared.chmod(0o640)
    write_atomic(shared, b"new\n")
    assert shared.read_bytes() == b"new\n" and shared.stat().st_mode & 0o777 == 0o640
