"""The one sanitiser for text bound for a terminal (or a document): untrusted text (article
text, file names, outlet names, note text) goes through `printable` on every path.

Every C0 control (tab becomes a space), DEL and every C1 control is replaced by a visible
stand-in, so no ESC/CSI/OSC/DCS sequence can start: ESC becomes "␛" and what followed it is
plain text ("␛]0;title␇"). Bidirectional overrides, isolates and marks (which make text read
differently from what it is), line and paragraph separators and lone surrogates (undecodable
bytes of a file name) are replaced too.
"""

from __future__ import annotations

import json
import re

from retold.model.lazy_pattern import LazyPattern

_UNSAFE_CLASS = (
    r"\x00-\x08\x0a-\x1f\x7f\x80-\x9f"  # C0 (tab handled apart), DEL, C1
    r"\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"  # bidirectional marks, embeddings, overrides, isolates
    r"\u2028\u2029"  # line and paragraph separators
    r"\ud800-\udfff"  # lone surrogates: what os.fsdecode makes of undecodable bytes
)
_UNSAFE = LazyPattern(f"[{_UNSAFE_CLASS}]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # ␛ for ESC, ␇ for BEL...
    if code == 0x7F:
        return "\u2421"
    return "\ufffd"


def printable(text: str) -> str:
    """Replace control and escape characters with visible stand-ins; tabs become spaces."""
    return _UNSAFE.sub(_picture, str(text).replace("\t", " "))


def printable_lines(text: str) -> str:
    """`printable` for text of several lines: line breaks are kept, everything else as above."""
    return "\n".join(printable(line) for line in str(text).split("\n"))


# json.dumps escapes C0 controls inside strings itself (raw tab, CR and LF in its output are
# indentation); these pass through json.dumps(ensure_ascii=False) raw.
_JSON_UNSAFE_CLASS = r"\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff"
_JSON_UNSAFE = LazyPattern(f"[{_JSON_UNSAFE_CLASS}]")
# Everything from DEL up. Spelled as a negated class: the range [\x7f-\U0010ffff] means the same
# but takes 9 ms to compile, at every start of `retold align`.
_JSON_NOT_ASCII = LazyPattern("[^\x00-\x7e]")


def json_inert(text: str, ascii_only: bool = False) -> str:
    """JSON text with every character `printable` would replace written as a \\u escape (the
    same JSON value, nothing a terminal acts on); `ascii_only` escapes all non-ASCII too, for an
    output stream that cannot encode it. Valid because such characters occur only inside
    strings: JSON's own syntax is ASCII."""
    pattern = _JSON_NOT_ASCII if ascii_only else _JSON_UNSAFE
    return pattern.sub(lambda match: json.dumps(match.group())[1:-1], text)


# ---------------------------------------------------------------- URLs

# The authority of a URL: after "//", up to the first / ? # (RFC 3986), or also \ (which
# browsers read as /): credentials are looked for under both readings.
_AUTHORITIES = (LazyPattern(r"^([A-Za-z][A-Za-z0-9+.\-]*:)?//([^/?#]*)"),
                LazyPattern(r"^([A-Za-z][A-Za-z0-9+.\-]*:)?//([^/?#\\]*)"))
_URL_UNSAFE = LazyPattern(f"[\\s{_UNSAFE_CLASS}]")


def _percent(match: re.Match[str]) -> str:
    return "".join(f"%{byte:02X}" for byte in match.group().encode("utf-8", "surrogatepass"))


def public_url(url: str) -> str:
    """The one form of a URL retold stores or shows (story.toml, JSON, HTML, batch records,
    messages): without the user name and password a URL may carry (`https://user:pass@host/`
    becomes `https://host/`; they are for the request only), and with every whitespace,
    control, bidirectional or separator character percent-encoded, so it stays one visible
    line and still a URL. Total: any text gives an answer, however malformed."""
    text = str(url)
    for authority in _AUTHORITIES:
        match = authority.match(text)
        if match and "@" in match.group(2):
            host = match.group(2).rsplit("@", 1)[1]
            text = f"{match.group(1) or ''}//{host}{text[match.end():]}"
    return _URL_UNSAFE.sub(_percent, text)


def has_credentials(url: str) -> bool:
    return any((match := authority.match(str(url))) and "@" in match.group(2) for authority in _AUTHORITIES)


def shown_url(url: str, limit: int = 300) -> str:
    """`public_url` for a message: one line, and a monster URL cut to its start."""
    text = printable(public_url(url))
    return text if len(text) <= limit else f"{text[:limit]}… ({len(text):,} characters)"
