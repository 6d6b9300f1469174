"""`retold fetch`: download outlets' pages into a story folder.

httpx downloads (timeouts, a size cap, a redirect limit, a user agent, a few at a time); the page
is kept as an .html file in the folder (it is the outlet's file: provenance and input at once);
the same extraction the loader uses must find an article in it; what the page says about itself
(site name, date, author, language) goes into story.toml, merged: existing text is never
rewritten, new [[outlet]] tables are appended. A URL whose file is already listed there is not
fetched again, so a re-run fetches only what is missing or failed.
"""

from __future__ import annotations

import codecs
import os
import re
import tempfile
import threading
import time
import tomllib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from retold import __version__
from retold.model.story import MANIFEST_NAME, InputError, read_manifest

USER_AGENT = f"retold/{__version__} (+https://github.com/retold/retold; story fetcher)"
HTML_TYPES = ("text/html", "application/xhtml+xml")
RAW_DIR = ".fetched"  # original bytes of pages transcoded to UTF-8 (a dot folder: the loader skips it)


@dataclass(frozen=True)
class FetchOptions:
    timeout: float = 15.0  # seconds for connect / each read; a whole download gets 4×
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    concurrency: int = 4


@dataclass
class FetchResult:
    url: str
    status: str  # "fetched", "present" (already in the folder) or "failed"
    file: str | None = None
    error: str | None = None
    entry: dict = field(default_factory=dict)


class FetchError(Exception):
    """One URL's failure, in a few words (the caller prefixes the URL)."""


# ---------------------------------------------------------------- story.toml

def toml_string(value: str) -> str:
    """A TOML basic string for any text: quotes, backslashes and control characters escaped."""
    out = ['"']
    for ch in value:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


ENTRY_KEYS = ("file", "name", "url", "published", "language", "author", "fetched", "charset")


def toml_entry(entry: dict) -> str:
    lines = ["[[outlet]]"]
    lines += [f"{key} = {toml_string(str(entry[key]))}" for key in ENTRY_KEYS if entry.get(key) is not None]
    return "\n".join(lines) + "\n"


def append_entry(manifest: Path, entry: dict) -> None:
    """Append one [[outlet]] table; the existing text stays byte for byte. The result must parse
    and keep every existing entry, or nothing is written."""
    old = manifest.read_text(encoding="utf-8-sig") if manifest.exists() else (
        "# Written by `retold fetch`; edit freely: a re-run only appends.\n"
    )
    new = old + ("" if old.endswith("\n") else "\n") + "\n" + toml_entry(entry)
    try:
        before = tomllib.loads(old).get("outlet", [])
        after = tomllib.loads(new).get("outlet", [])
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{manifest}: not valid TOML ({exc}); not changed") from None
    if after[: len(before)] != before:
        raise InputError(f"{manifest}: cannot append an [[outlet]] table here; not changed")
    _write_atomic(manifest, new.encode("utf-8"))


def _write_atomic(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# ---------------------------------------------------------------- download

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def decode_page(data: bytes, header_charset: str | None) -> tuple[str, str]:
    """(text, charset): the declared charset (HTTP header, then <meta>), strictly; else UTF-8,
    else Windows-1252 (as the loader does). FetchError when the bytes do not decode."""
    declared = header_charset
    if not declared and (match := _META_CHARSET.search(data[:4096])):
        declared = match.group(1).decode("ascii")
    if data.startswith(codecs.BOM_UTF8):
        declared = "utf-8-sig"
    if declared:
        try:
            name = codecs.lookup(declared).name
        except LookupError:
            raise FetchError(f"undecodable: unknown charset {declared!r}") from None
        try:
            return data.decode(name), name
        except UnicodeDecodeError as exc:
            raise FetchError(f"undecodable: not valid {declared} (byte {exc.start})") from None
    for name in ("utf-8", "cp1252"):
        try:
            return data.decode(name), name
        except UnicodeDecodeError:
            continue
    raise FetchError("undecodable: no charset declared, and neither UTF-8 nor Windows-1252")


def download(client: httpx.Client, url: str, options: FetchOptions) -> tuple[bytes, str | None, str]:
    """(body, header charset, final URL)."""
    deadline = time.monotonic() + 4 * options.timeout
    try:
        with client.stream("GET", url) as response:
            if response.status_code >= 400:
                raise FetchError(f"HTTP {response.status_code} {response.reason_phrase}".rstrip())
            kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
            if kind and kind not in HTML_TYPES:
                raise FetchError(f"not HTML ({kind})")
            length = response.headers.get("content-length")
            if length and length.isdigit() and int(length) > options.max_bytes:
                raise FetchError(f"too big ({int(length):,} bytes; the limit is {options.max_bytes:,})")
            chunks, size = [], 0
            for chunk in response.iter_raw():
                size += len(chunk)
                if size > options.max_bytes:
                    raise FetchError(f"too big (more than {options.max_bytes:,} bytes)")
                if time.monotonic() > deadline:
                    raise FetchError(f"timed out (download took over {4 * options.timeout:g} s)")
                chunks.append(chunk)
            body = b"".join(chunks)
            if not kind and not re.search(rb"<(html|body|p|article)[\s>]", body[:8192], re.IGNORECASE):
                raise FetchError("not HTML (no content type, and no HTML in the body)")
            return body, response.charset_encoding, str(response.url)
    except httpx.TooManyRedirects:
        raise FetchError(f"too many redirects (more than {options.max_redirects})") from None
    except httpx.TimeoutException:
        raise FetchError(f"timed out (no answer within {options.timeout:g} s)") from None
    except httpx.ConnectError as exc:
        raise FetchError(f"cannot connect ({_reason(exc)})") from None
    except httpx.UnsupportedProtocol:
        raise FetchError("redirected to a URL that is not http(s)") from None
    except httpx.HTTPError as exc:
        raise FetchError(f"download failed ({type(exc).__name__}: {_reason(exc)})") from None


def _reason(exc: Exception) -> str:
    text = str(exc) or type(exc).__name__
    # "[Errno 111] Connection refused" -> "Connection refused"
    return re.sub(r"^\[Errno -?\d+\]\s*", "", text.splitlines()[0])[:120]


# ---------------------------------------------------------------- one story folder


def file_name_for(url: str, taken: set[str]) -> str:
    parts = urlsplit(url)
    host = (parts.hostname or "page").removeprefix("www.")
    tail = [p for p in parts.path.split("/") if p][-2:]
    stem = re.sub(r"[^a-z0-9]+", "-", "-".join([host, *tail]).lower()).strip("-")[:60].strip("-") or "page"
    stem = re.sub(r"-html?$", "", stem) or "page"
    name, n = f"{stem}.html", 1
    while name.lower() in taken:
        n += 1
        name = f"{stem}-{n}.html"
    taken.add(name.lower())
    return name


def check_article(path: Path, entry: dict) -> None:
    """The loader's own steps on the saved page: it must yield article sentences."""
    from retold.model.clean import clean_documents
    from retold.model.segment import segment_article
    from retold.model.story import load_raw

    try:
        doc = load_raw(path, entry)
    except InputError:
        raise FetchError("no article found in the page") from None
    [article] = clean_documents([doc])
    if not segment_article(doc.meta.id, doc.text, article.paragraphs, doc.meta.language):
        raise FetchError("no article found in the page (only site furniture)")


def person_names(author: str | None) -> str | None:
    """The byline's people: a page's author list often carries the dateline's place as one
    more entry ("Tove Brandt; Esbergen"); a one-word entry beside a full name is dropped."""
    if not author:
        return author
    parts = [part.strip() for part in author.split(";") if part.strip()]
    names = [part for part in parts if len(part.split()) >= 2]
    return "; ".join(names) if names else author


def fetch_into(
    urls: list[str],
    into: Path,
    options: FetchOptions = FetchOptions(),
    report: Callable[[FetchResult], None] | None = None,
) -> list[FetchResult]:
    """Fetch every URL into the story folder `into`; one result per distinct URL, in order."""
    into.mkdir(parents=True, exist_ok=True)
    manifest = into / MANIFEST_NAME
    _, entries = read_manifest(into)
    by_url = {str(e["url"]): e for e in entries.values() if e.get("url")}
    taken = {p.name.lower() for p in into.iterdir()} | {name.lower() for name in entries}
    lock = threading.Lock()  # story.toml and the file-name reservations
    results: dict[str, FetchResult] = {}
    todo: list[tuple[str, dict | None]] = []
    for url in dict.fromkeys(u.strip() for u in urls if u.strip()):
        entry = by_url.get(url)
        if entry is not None and (into / str(entry["file"])).is_file():
            results[url] = FetchResult(url, "present", str(entry["file"]))
        elif urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).hostname:
            results[url] = FetchResult(url, "failed", error="not an http(s) URL")
        else:
            todo.append((url, entry))  # entry: the user listed this URL with its file, not yet there
    for result in results.values():
        if report:
            report(result)

    # Pages download at once but enter story.toml in the order the URLs were given: each job
    # waits for its turn (every earlier job written or failed) before it writes.
    turn = {"next": 0}
    turns = threading.Condition()

    def in_order(number: int, client: httpx.Client, url: str, user_entry: dict | None) -> FetchResult:
        try:
            return one(client, url, user_entry, number)
        finally:
            with turns:
                turns.wait_for(lambda: turn["next"] >= number)
                turn["next"] = max(turn["next"], number + 1)
                turns.notify_all()

    def wait_turn(number: int) -> None:
        with turns:
            turns.wait_for(lambda: turn["next"] >= number)
            if turn.get("stopped"):
                raise FetchError("interrupted")

    def one(client: httpx.Client, url: str, user_entry: dict | None, number: int = 0) -> FetchResult:
        try:
            body, header_charset, final_url = download(client, url, options)
            text, charset = decode_page(body, header_charset)
            with lock:
                name = str(user_entry["file"]) if user_entry else file_name_for(url, taken)
            if Path(name).name != name or Path(name).suffix.lower() not in (".html", ".htm"):
                raise FetchError(f"{manifest}: the file for this URL must be a plain .html name in the folder, not {name!r}")
            target = into / name
            from retold.model.html import page_meta

            page = page_meta(text, deep=True)
            entry = {
                "file": name,
                "name": page.site_name or (urlsplit(final_url).hostname or "").removeprefix("www."),
                "url": url,
                "published": page.published,
                "language": page.language,
                "author": person_names(page.author),
                "fetched": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                "charset": charset if charset not in ("utf-8", "utf-8-sig") else None,
            }
            # Written to a dot-name first (the loader skips it) and checked like the loader reads it.
            staging = into / f".{target.stem}.part.html"
            staging.write_bytes(text.encode("utf-8"))
            try:
                check_article(staging, entry)
            except FetchError:
                staging.unlink(missing_ok=True)
                raise
            wait_turn(number)
            with lock:
                try:
                    # The entry first: a page without its entry would be re-fetched under another name.
                    if user_entry is None:
                        append_entry(manifest, entry)
                    if entry["charset"]:  # transcoded: the original bytes are kept beside it
                        (into / RAW_DIR).mkdir(exist_ok=True)
                        (into / RAW_DIR / name).write_bytes(body)
                    os.replace(staging, target)
                finally:
                    staging.unlink(missing_ok=True)
            return FetchResult(url, "fetched", name, entry=entry)
        except (FetchError, InputError) as exc:
            return FetchResult(url, "failed", error=str(exc))
        except OSError as exc:
            return FetchResult(url, "failed", error=f"cannot write in {into} ({exc.strerror or exc})")

    if todo:
        with httpx.Client(
            follow_redirects=True,
            max_redirects=options.max_redirects,
            timeout=httpx.Timeout(options.timeout),
            headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml"},
        ) as client, ThreadPoolExecutor(max_workers=max(1, min(options.concurrency, len(todo)))) as pool:
            futures = [(url, pool.submit(in_order, number, client, url, entry)) for number, (url, entry) in enumerate(todo)]
            try:
                for url, future in futures:
                    results[url] = future.result()
                    if report:
                        report(results[url])
            except KeyboardInterrupt:
                for _, future in futures:
                    future.cancel()
                with turns:  # jobs waiting for a cancelled one's turn give up instead
                    turn["stopped"], turn["next"] = True, len(futures)
                    turns.notify_all()
                raise
    order = list(dict.fromkeys(u.strip() for u in urls if u.strip()))
    return [results[url] for url in order]
