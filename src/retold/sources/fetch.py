"""`retold fetch`: download outlets' pages into a story folder.

httpx downloads (timeouts, a size cap, a redirect limit, a user agent, a few at a time); the page
is kept as an .html file in the folder (it is the outlet's file: provenance and input at once);
the same extraction the loader uses must find an article in it; what the page says about itself
(site name, date, author, language) goes into story.toml, merged: existing text is never
rewritten, new [[outlet]] tables are appended. A URL whose file is already listed there is not
fetched again, so a re-run fetches only what is missing or failed.

Hostile servers and shared folders: the deadline covers the whole request (connecting, headers
and body); compressed pages are inflated under the size cap (a bomb is refused, never inflated);
a URL is stored and shown only as `public_url` makes it (no password); every file is written to a
new name in the folder and renamed (never through a link); several runs into one folder at once
choose names and update story.toml one at a time, under a lock on the folder.
"""

from __future__ import annotations

import codecs
import ipaddress
import os
import re
import socket
import threading
import time
import tomllib
import zlib
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import httpcore
import httpx

from retold import __version__
from retold.files import real_folder, staging_file, write_atomic
from retold.model.parse import load_toml
from retold.model.safe import public_url
from retold.model.story import MANIFEST_NAME, InputError, read_manifest

USER_AGENT = f"retold/{__version__} (+https://github.com/retold/retold; story fetcher)"
HTML_TYPES = ("text/html", "application/xhtml+xml")
RAW_DIR = ".fetched"  # original bytes of pages transcoded to UTF-8 (a dot folder: the loader skips it)
MAX_URL_CHARS = 8192  # what common servers accept; a longer "URL" is a mistake or an attack
WHOLE_REQUEST = 4  # the whole request (connect, headers, body) may take this many --timeout
# Only what is decoded here, under the size cap; "br" and "zstd" are not asked for.
ACCEPT_ENCODING = "gzip, deflate"


@dataclass(frozen=True)
class FetchOptions:
    timeout: float = 15.0  # seconds for connect / each read; the whole request gets WHOLE_REQUEST ×
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
        before = load_toml(old).get("outlet", [])
        after = load_toml(new).get("outlet", [])
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{manifest}: not valid TOML ({exc}); not changed") from None
    if after[: len(before)] != before:
        raise InputError(f"{manifest}: cannot append an [[outlet]] table here; not changed")
    write_atomic(manifest, new.encode("utf-8"))


# ---------------------------------------------------------------- URLs


def url_problem(url: str) -> str | None:
    """Why `url` cannot be fetched, in a few words; None when it can be tried."""
    if len(url) > MAX_URL_CHARS:
        return f"not fetched: longer than {MAX_URL_CHARS:,} characters"
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError as exc:
        return f"not a valid URL ({exc})"
    if parts.scheme.lower() not in ("http", "https") or not host:
        return "not an http(s) URL"
    try:
        httpx.URL(url)  # the host name as the request will spell it (IDNA), the port
    except Exception as exc:  # noqa: BLE001 - httpx raises several kinds for one answer: not valid
        return f"not a valid URL ({_reason(exc)})"
    return None


# ---------------------------------------------------------------- download

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# Codecs Python knows that no page is written in: they decode anything, or nothing, or
# transform bytes (rot13, base64 are caught by codec info: not text encodings).
_NOT_PAGE_CHARSETS = {"idna", "punycode", "undefined", "unicode_escape", "raw_unicode_escape", "uu_codec"}


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
            info = codecs.lookup(declared)
        except (LookupError, ValueError, TypeError):
            raise FetchError(f"undecodable: unknown charset {declared!r}") from None
        if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_PAGE_CHARSETS:
            raise FetchError(f"undecodable: {declared!r} is not a character set pages are written in")
        name = info.name
        try:
            return data.decode(name), name
        except UnicodeDecodeError as exc:
            raise FetchError(f"undecodable: not valid {declared} (byte {exc.start})") from None
        except (UnicodeError, LookupError, ValueError, TypeError) as exc:
            raise FetchError(f"undecodable: charset {declared!r} failed ({_reason(exc)})") from None
    for name in ("utf-8", "cp1252"):
        try:
            return data.decode(name), name
        except UnicodeDecodeError:
            continue
    raise FetchError("undecodable: no charset declared, and neither UTF-8 nor Windows-1252")


# The deadline of the request running in this thread: every connect, read and write of its
# connection waits at most until then, so a server trickling its headers a byte at a time
# cannot hold a download past it (httpx's own timeouts are per read).
_deadline = threading.local()


def _until_deadline(timeout: float | None) -> float | None:
    at = getattr(_deadline, "at", None)
    if at is None:
        return timeout
    left = at - time.monotonic()
    if left <= 0:
        raise httpcore.ReadTimeout("the request's deadline passed")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, _until_deadline(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, _until_deadline(timeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(self, ssl_context, server_hostname=None, timeout=None):
        return _DeadlineStream(self._stream.start_tls(ssl_context, server_hostname, _until_deadline(timeout)))

    def get_extra_info(self, info: str):
        return self._stream.get_extra_info(info)


class _DeadlineBackend(httpcore.SyncBackend):
    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        return _DeadlineStream(super().connect_tcp(host, port, _until_deadline(timeout), local_address, socket_options))


def _addresses(host: str, port: int) -> list[str]:
    """The IP addresses `host` stands for (itself when it is one); [] when it does not resolve."""
    try:
        return [ipaddress.ip_address(host.strip("[]")).compressed]
    except ValueError:
        pass
    try:
        return list(dict.fromkeys(str(info[4][0]) for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)))
    except (OSError, UnicodeError, ValueError):
        return []


def _is_local(address: str) -> bool:
    """An address of this machine or a private network (loopback, RFC 1918, link-local such as
    the cloud metadata service 169.254.169.254, unique local, reserved, multicast)."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if ip.version == 6 and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved or ip.is_multicast or ip.is_unspecified


class _GuardedBackend(_DeadlineBackend):
    """The direct connections (not a proxy's): a page whose URL is public may not lead, by
    redirects, to an address on this machine or its private network (a hostile server sending
    retold to a router's admin page or a cloud metadata service). A URL the user gives on such an
    address is fetched as asked. The address checked is the one connected to: no second lookup."""

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        if getattr(_deadline, "local_ok", True):
            return super().connect_tcp(host, port, timeout, local_address, socket_options)
        addresses = _addresses(host, port)
        local = next((address for address in addresses if _is_local(address)), None)
        if local is not None:
            raise FetchError(f"redirected to an address on this machine or its private network ({local}); not followed")
        if not addresses:
            # Connecting by name would look it up again, unchecked: the second answer could be
            # this machine (a name that answers nothing, then 127.0.0.1).
            raise httpcore.ConnectError(f"the name {host!r} does not resolve to an address")
        failure: Exception | None = None
        for address in addresses:
            try:
                return super().connect_tcp(address, port, timeout, local_address, socket_options)
            except httpcore.ConnectError as exc:
                failure = exc
        raise failure


def _refuse_local_hop(request: httpx.Request) -> None:
    """Every request, redirects included, before it is sent: under a public URL, a hop whose host
    is this machine or a private network is refused. Through a proxy this is the only check (the
    proxy connects, not retold); a name that does not resolve here is the proxy's to resolve.
    Direct connections are checked again on the address connected to (`_GuardedBackend`)."""
    if getattr(_deadline, "local_ok", True):
        return
    host = request.url.host
    local = next((a for a in _addresses(host, request.url.port or 443) if _is_local(a)), None)
    if local is not None or host.lower().rstrip(".") == "localhost":
        raise FetchError(f"redirected to an address on this machine or its private network ({local or host}); not followed")


def _with_deadlines(client: httpx.Client) -> httpx.Client:
    """Every connection of the client's transports (the direct one and any proxy from the
    environment) under the thread's deadline. httpx does not let a backend be given, so it is
    set on the pools it made; were that to change, the per-read timeouts still hold."""
    direct = getattr(client, "_transport", None)
    for transport in [direct, *getattr(client, "_mounts", {}).values()]:
        pool = getattr(transport, "_pool", None)
        if pool is not None and isinstance(getattr(pool, "_network_backend", None), httpcore.SyncBackend):
            pool._network_backend = _GuardedBackend() if transport is direct else _DeadlineBackend()
    return client


class _Inflater:
    """Content-Encoding undone chunk by chunk, never producing more than `limit` bytes: the
    size cap holds for what the page inflates to (a few kilobytes of zeros compressed can
    stand for gigabytes)."""

    def __init__(self, header: str, limit: int) -> None:
        codings = [c.strip().lower() for c in header.split(",") if c.strip() and c.strip().lower() != "identity"]
        for coding in codings:
            if coding not in ("gzip", "x-gzip", "deflate"):
                raise FetchError(f"compressed as {coding!r}, which retold does not decode")
        # [coding, decompressor, the input seen until zlib has judged the 2-byte header (or None)]
        self.stages = [[coding, None, b""] for coding in reversed(codings)]
        self.limit = limit
        self.size = 0

    def _stage(self, stage: list, data: bytes, room: int) -> bytes:
        coding, obj, seen = stage
        if obj is None:
            wbits = zlib.MAX_WBITS | 16 if coding != "deflate" else zlib.MAX_WBITS
            obj = stage[1] = zlib.decompressobj(wbits)
        try:
            out = obj.decompress(data, room + 1)
        except zlib.error:
            if coding == "deflate" and seen is not None:  # some servers send raw deflate, without its zlib header
                obj = stage[1] = zlib.decompressobj(-zlib.MAX_WBITS)
                stage[2] = None
                try:
                    return obj.decompress(seen + data, room + 1)
                except zlib.error as exc:
                    raise FetchError(f"the page's {coding} compression is broken ({exc})") from None
            raise FetchError(f"the page's {coding} compression is broken") from None
        if seen is not None:
            stage[2] = None if len(seen) + len(data) >= 2 else seen + data  # the header passed zlib's check
        return out

    def feed(self, data: bytes) -> bytes:
        for stage in self.stages:
            if not data:
                return b""
            data = self._stage(stage, data, self.limit - self.size)
        self.size += len(data)
        if self.size > self.limit:
            raise FetchError(f"too big (more than {self.limit:,} bytes once decompressed)")
        return data


def download(client: httpx.Client, url: str, options: FetchOptions) -> tuple[bytes, str | None, str]:
    """(body, header charset, final URL). The whole request, headers included, ends within
    WHOLE_REQUEST × options.timeout."""
    whole = WHOLE_REQUEST * options.timeout
    _deadline.at = deadline = time.monotonic() + whole
    try:
        origin = urlsplit(url)
        # A URL on this machine or a private network was asked for: its redirects may stay there.
        _deadline.local_ok = any(_is_local(a) for a in _addresses(origin.hostname or "", origin.port or 443)) or not origin.hostname
    except ValueError:
        _deadline.local_ok = True
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
            inflater = _Inflater(response.headers.get("content-encoding", ""), options.max_bytes)
            chunks, size = [], 0
            for chunk in response.iter_raw():
                size += len(chunk)
                if size > options.max_bytes:
                    raise FetchError(f"too big (more than {options.max_bytes:,} bytes)")
                if time.monotonic() > deadline:
                    raise FetchError(f"timed out (the whole request took over {whole:g} s)")
                chunks.append(inflater.feed(chunk))
            body = b"".join(chunks)
            if not kind and not re.search(rb"<(html|body|p|article)[\s>]", body[:8192], re.IGNORECASE):
                raise FetchError("not HTML (no content type, and no HTML in the body)")
            return body, response.charset_encoding, str(response.url)
    except httpx.TooManyRedirects:
        raise FetchError(f"too many redirects (more than {options.max_redirects})") from None
    except httpx.TimeoutException:
        if time.monotonic() >= deadline - 0.05:
            raise FetchError(f"timed out (the whole request took over {whole:g} s)") from None
        raise FetchError(f"timed out (no answer within {options.timeout:g} s)") from None
    except httpx.ConnectError as exc:
        raise FetchError(f"cannot connect ({_reason(exc)})") from None
    except httpx.UnsupportedProtocol:
        raise FetchError("redirected to a URL that is not http(s)") from None
    except (httpx.InvalidURL, httpx.RemoteProtocolError) as exc:
        raise FetchError(f"the server answered with something that is not a valid redirect or response ({_reason(exc)})") from None
    except httpx.HTTPError as exc:
        raise FetchError(f"download failed ({type(exc).__name__}: {_reason(exc)})") from None
    finally:
        _deadline.at = None
        _deadline.local_ok = True


def _reason(exc: Exception) -> str:
    text = str(exc) or type(exc).__name__
    # "[Errno 111] Connection refused" -> "Connection refused"
    return re.sub(r"^\[Errno -?\d+\]\s*", "", text.splitlines()[0] if text.splitlines() else text)[:120]


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
    except InputError as exc:
        # Why, without the name of the file it was checked under ("too much markup…").
        reason = str(exc).removeprefix(f"{path}: ")
        raise FetchError(f"no article found in the page ({reason})") from None
    [article] = clean_documents([doc])
    if not segment_article(doc.meta.id, doc.text, article.paragraphs, doc.meta.language):
        raise FetchError("no article found in the page (only site furniture)")


@contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """An exclusive lock on the story folder itself (no lock file is left in it): two `retold
    fetch` runs into one folder choose file names and rewrite story.toml one at a time."""
    try:
        import fcntl
    except ImportError:  # Windows: runs in one process still take turns (the thread lock)
        yield
        return
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


def _urls_by_stored_form(into: Path) -> tuple[dict[str, dict], dict[str, dict]]:
    _, entries = read_manifest(into)
    return entries, {public_url(str(e["url"])): e for e in entries.values() if e.get("url")}


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
    """Fetch every URL into the story folder `into`; one result per distinct URL, in order.
    A result's url is the URL as stored (`public_url`); the request used the URL as given."""
    into.mkdir(parents=True, exist_ok=True)
    manifest = into / MANIFEST_NAME
    entries, by_url = _urls_by_stored_form(into)
    lock = threading.Lock()  # story.toml and file names, between this run's threads
    results: dict[str, FetchResult] = {}
    todo: list[tuple[str, dict | None]] = []
    order = list(dict.fromkeys(u.strip() for u in urls if u.strip()))
    for url in order:
        stored = public_url(url)
        entry = by_url.get(stored)
        problem = url_problem(url)
        if problem:
            results[url] = FetchResult(stored, "failed", error=problem)
        elif entry is not None and (into / str(entry["file"])).is_file():
            results[url] = FetchResult(stored, "present", str(entry["file"]))
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

    def commit(staging: Path, url: str, entry: dict, body: bytes, user_entry: dict | None) -> FetchResult:
        """Under both locks: story.toml as it is now (another run may have written since), the
        file name chosen against the folder as it is now, then the entry, then the page."""
        stored = entry["url"]
        with lock, folder_lock(into):
            entries, by_url = _urls_by_stored_form(into)
            other = by_url.get(stored)
            if user_entry is None and other is not None and (into / str(other["file"])).is_file():
                return FetchResult(stored, "present", str(other["file"]))  # another run fetched it meanwhile
            if user_entry is not None:
                name = str(user_entry["file"])
            else:
                taken = {p.name.lower() for p in into.iterdir()} | {n.lower() for n in entries}
                name = file_name_for(stored, taken)
            entry["file"] = name
            raw = into / RAW_DIR
            if entry["charset"] and (problem := real_folder(raw)):
                raise FetchError(f"{raw} is {problem}; nothing is written through it (remove it, then re-run)")
            # The entry first: a page without its entry would be re-fetched under another name.
            if user_entry is None:
                append_entry(manifest, entry)
            if entry["charset"]:  # transcoded: the original bytes are kept beside it
                raw.mkdir(exist_ok=True)
                write_atomic(raw / name, body)
            os.replace(staging, into / name)  # replaces a link at that name, never writes through it
        return FetchResult(stored, "fetched", name, entry=entry)

    def one(client: httpx.Client, url: str, user_entry: dict | None, number: int = 0) -> FetchResult:
        stored = public_url(url)
        staging = None
        try:
            if user_entry is not None:
                name = str(user_entry["file"])
                if Path(name).name != name or Path(name).suffix.lower() not in (".html", ".htm"):
                    raise FetchError(f"{manifest}: the file for this URL must be a plain .html name in the folder, not {name!r}")
            body, header_charset, final_url = download(client, url, options)
            text, charset = decode_page(body, header_charset)
            from retold.model.html import page_meta

            page = page_meta(text, deep=True)
            try:
                final_host = urlsplit(final_url).hostname or ""
            except ValueError:
                final_host = ""
            entry = {
                "file": None,
                "name": page.site_name or final_host.removeprefix("www."),
                "url": stored,
                "published": page.published,
                "language": page.language,
                "author": person_names(page.author),
                "fetched": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                "charset": charset if charset not in ("utf-8", "utf-8-sig") else None,
            }
            # Written under a new dot-name of its own (the loader skips it; never a name another
            # run or a planted link holds) and checked like the loader reads it.
            staging = staging_file(into, ".fetch-", ".part.html", text.encode("utf-8"))
            check_article(staging, entry)
            wait_turn(number)
            return commit(staging, url, entry, body, user_entry)
        except (FetchError, InputError) as exc:
            return FetchResult(stored, "failed", error=str(exc))
        except OSError as exc:
            return FetchResult(stored, "failed", error=f"cannot write in {into} ({exc.strerror or exc})")
        except Exception as exc:  # noqa: BLE001 - one URL's surprise is its own line, never the run's end
            return FetchResult(stored, "failed", error=f"failed ({type(exc).__name__}: {_reason(exc)})")
        finally:
            if staging is not None:
                staging.unlink(missing_ok=True)

    if todo:
        with _with_deadlines(httpx.Client(
            follow_redirects=True,
            max_redirects=options.max_redirects,
            event_hooks={"request": [_refuse_local_hop]},
            timeout=httpx.Timeout(options.timeout),
            headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml",
                     "Accept-Encoding": ACCEPT_ENCODING},
        )) as client, ThreadPoolExecutor(max_workers=max(1, min(options.concurrency, len(todo)))) as pool:
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
    return [results[url] for url in order]
