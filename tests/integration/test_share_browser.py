"""The HTML export in a real browser: headless Chromium (Debian's `chromium`; `.ci/run` installs it).

Checks that the article text appears, that the status colours are painted, and that nothing an
article carries runs or loads: its scripts, event handlers and images point at a server on
127.0.0.1 that counts requests, and that server must see none.
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import sys
import zlib
from html import unescape
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from local_http import serving

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--hide-scrollbars",
]


REQUIRE_BROWSER = "RETOLD_REQUIRE_BROWSER"  # set by .ci/run, which installs Chromium


def chromium() -> str:
    """The browser's path. Without one: a skip with the reason for a user's `pytest`, a failure
    where CI says the browser is required."""
    for name in ("chromium", "chromium-browser"):
        if path := shutil.which(name):
            return path
    reason = "headless Chromium is needed: `apt-get install -y chromium` (.ci/run installs it)"
    if os.environ.get(REQUIRE_BROWSER):
        pytest.fail(f"{reason}; {REQUIRE_BROWSER} is set")
    pytest.skip(reason)


def test_a_missing_browser_is_a_skip_unless_ci_requires_it(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.delenv(REQUIRE_BROWSER, raising=False)
    with pytest.raises(pytest.skip.Exception, match="Chromium is needed"):
        chromium()
    monkeypatch.setenv(REQUIRE_BROWSER, "1")
    with pytest.raises(pytest.fail.Exception, match="RETOLD_REQUIRE_BROWSER is set"):
        chromium()


def run_chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"  # fresh each run
    return subprocess.run([chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
                          capture_output=True, text=True, timeout=90)


def read_png(path: Path) -> tuple[int, int, list[bytes], int]:
    """(width, height, rows of RGB(A) bytes, bytes per pixel) for the 8-bit, non-interlaced PNGs Chromium writes."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    width, height, depth, color, _, _, interlace = header
    assert depth == 8 and interlace == 0 and color in (2, 6)
    bpp = 4 if color == 6 else 3
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            left = line[x - bpp] if x >= bpp else 0
            up, up_left = prev[x], (prev[x - bpp] if x >= bpp else 0)
            if kind == 1:
                line[x] = (line[x] + left) & 255
            elif kind == 2:
                line[x] = (line[x] + up) & 255
            elif kind == 3:
                line[x] = (line[x] + ((left + up) >> 1)) & 255
            elif kind == 4:
                p = left + up - up_left
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - up_left)
                line[x] = (line[x] + (left if pa <= pb and pa <= pc else up if pb <= pc else up_left)) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, rows, bpp


class Counter(BaseHTTPRequestHandler):
    requests: list[str] = []

    def log_message(self, *args):
        pass

    def do_GET(self):  # noqa: N802
        Counter.requests.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()


@pytest.fixture()
def beacon():
    Counter.requests = []
    with serving(Counter) as url:
        yield url


def hostile_story(folder: Path, beacon: str) -> None:
    folder.mkdir()
    lead = "The river ferry at Oskvik will run every half hour from June, the town council decided on Tuesday."
    second = "Tickets will cost two euros for adults and nothing for children under twelve."
    (folder / "first.txt").write_text(
        "Oskvik ferry to run every half hour\n\n"
        f"{lead} {second}\n\n"
        f"<script>document.title = 'RAN'; fetch('{beacon}/script')</script> Readers wrote in about the timetable.\n\n"
        f"<img src=\"{beacon}/img\" onerror=\"document.body.setAttribute('data-ran', '1')\"> The mayor welcomed the plan.\n"
    )
    (folder / "second.txt").write_text(
        "Half-hourly ferry for Oskvik from June\n\n"
        "The river ferry at Oskvik will sail every thirty minutes from June, the council decided on Tuesday. "
        f"{second}\n\n"
        f"[Timetable](javascript:fetch('{beacon}/link')) The old timetable had one crossing an hour.\n"
    )
    (folder / "story.toml").write_text(
        '[[outlet]]\nfile = "first.txt"\nname = "Oskvik <b>Post</b>"\n'
        f'url = "javascript:fetch(\'{beacon}/header\')"\n\n'
        '[[outlet]]\nfile = "second.txt"\nname = "River Times"\nurl = "https://rivertimes.example/ferry"\n'
    )


def export(folder: Path, out: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "retold", "align", str(folder), "--format", "html", "-o", str(out)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


def test_chromium_shows_text_and_colours_and_runs_nothing(tmp_path, beacon):
    hostile_story(tmp_path / "story", beacon)
    page = tmp_path / "comparison.html"
    export(tmp_path / "story", page)

    dom = run_chromium(tmp_path, "--dump-dom", page.as_uri())
    assert dom.returncode == 0, dom.stderr
    html = dom.stdout
    text = unescape(re.sub(r"<[^>]+>", "", html))  # what a reader sees
    assert "The river ferry at Oskvik will run every half hour from June, the town council decided" in text
    assert "<script>document.title = 'RAN'; fetch(" in text and "The mayor welcomed the plan." in text
    assert "&lt;script&gt;document.title = 'RAN'" in html  # shown as text
    assert "&lt;img src=" in html and "Oskvik &lt;b&gt;Post&lt;/b&gt;" in html
    assert "<title>RAN</title>" not in html and "data-ran" not in html.split("&lt;img", 1)[0]
    assert 'data-ran="1"' not in html and "<img" not in html and "<script" not in html
    assert 'href="javascript:' not in html
    assert 'href="https://rivertimes.example/ferry"' in html

    shot = tmp_path / "shot.png"
    done = run_chromium(tmp_path, "--window-size=1200,1400", f"--screenshot={shot}", page.as_uri())
    assert done.returncode == 0 and shot.exists(), done.stderr
    width, height, rows, bpp = read_png(shot)
    colours: dict[bytes, int] = {}
    for row in rows:
        for x in range(0, width * bpp, bpp):
            key = row[x:x + 3]
            colours[key] = colours.get(key, 0) + 1
    painted = lambda hex_colour: colours.get(bytes.fromhex(hex_colour), 0)  # noqa: E731
    assert painted("fdefd3") > 500  # altered cells: pale orange
    assert painted("e4f3fc") > 500  # unique cells: pale sky blue
    assert painted("f5c26b") > 50  # changed words marked
    assert painted("e69f00") > 50 and painted("56b4e9") > 50  # the Okabe–Ito edge of each cell
    assert Counter.requests == []  # nothing from the article was fetched or run
