"""Retold's cleaning on real pages: trafilatura's evaluation set.

    python bench/bench_clean_eval.py PATH_TO_TRAFILATURA_CHECKOUT [--limit N] [--path html|text]
                                     [--show-leaks N] [--show-losses N]

The pages are not ours and stay out of this repository; get them with
    git clone https://github.com/adbar/trafilatura
and pass the checkout's path. `tests/evaldata.json` there lists ~990 real pages (files under
`tests/eval/` or `tests/cache/`), each with snippets that must be kept (`with`) and snippets that
must be removed (`without`).

Each page is cleaned two ways, as one outlet of its own:
- html: the saved page loaded as retold loads a .html file (its extractor, then cleaning);
- text: the plain text a browser's select-all-and-copy gives (rendered here: scripts, styles and
  hidden elements dropped, block elements as line breaks), cleaned as a pasted .txt file.
A snippet counts as kept when it stands (whitespace normalised) in what retold shows of the
article: the headline it found and the body it kept.
For each path the bench prints kept-snippet recall and removed-snippet leak rate, over all
snippets and over those present in the text the cleaner received (the cleaning's own share), on a
tuning part and a held-out part (70/30 by a hash of the file name: tune on the first only), and how
often the headline retold found is the page's annotated title (up to case and punctuation).
`--show-leaks` / `--show-losses` / `--show-titles` list, for the tuning part only, leaked removed
snippets with the paragraph they stood in, lost kept snippets with the reason their line was removed,
and headlines that differ from the annotated title.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from retold.model.clean import clean_documents
from retold.model.story import InputError, OutletMeta, RawDoc, decode_bytes, load_raw

HOW_TO_GET = "git clone https://github.com/adbar/trafilatura"

# ------------------------------------------------------------------ the browser's plain text

# Not rendered, so not copied.
_INVISIBLE = {"script", "style", "noscript", "template", "head", "title", "svg", "iframe", "object", "canvas", "select", "datalist"}
# Block-level boxes: a browser's copied text breaks the line around them.
_BLOCK = {
    "address", "article", "aside", "blockquote", "dd", "details", "dialog", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "footer", "form", "header", "hgroup", "hr", "li", "main", "nav", "ol", "section",
    "summary", "table", "tbody", "thead", "tfoot", "tr", "ul", "caption", "center", "menu", "body", "html",
}
# A blank line around them (paragraphs and headings: innerText's two required line breaks).
_PARAGRAPH = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "pre"}
_CELL = {"td", "th"}
_HIDDEN_STYLE = re.compile(r"(?i)display\s*:\s*none|visibility\s*:\s*hidden")


def _hidden(element) -> bool:
    if element.get("hidden") is not None or element.get("type") == "hidden":
        return True
    return bool(_HIDDEN_STYLE.search(element.get("style") or ""))


def browser_text(markup: str) -> str:
    """The page's visible text as select-all-and-copy gives it, approximately: text runs as the
    browser collapses their white space, block elements on lines of their own, paragraphs and
    headings set apart by a blank line, table cells separated by a tab."""
    import lxml.etree
    import lxml.html

    try:
        # As bytes with the encoding named: lxml refuses a str that carries an XML declaration.
        root = lxml.html.document_fromstring(markup.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8"))
    except (lxml.etree.ParserError, ValueError):
        return ""
    out: list[str] = []  # text pieces and break markers ("\n" one, "\n\n" two)

    def brk(kind: str) -> None:
        out.append(kind)

    walker = lxml.etree.iterwalk(root, events=("start", "end"))
    skipped: set = set()
    for event, element in walker:
        tag = element.tag if isinstance(element.tag, str) else None
        if event == "start":
            if tag is None or tag.lower() in _INVISIBLE or _hidden(element):
                walker.skip_subtree()
                skipped.add(element)
                continue
            tag = tag.lower()
            if tag == "br":
                brk("\n")
            elif tag in _PARAGRAPH:
                brk("\n\n")
            elif tag in _BLOCK:
                brk("\n")
            elif tag == "img" and element.get("alt") is None:
                pass
            if element.text:
                out.append(element.text)
        else:
            if element in skipped:
                skipped.discard(element)
            elif tag is not None:
                tag = tag.lower()
                if tag in _PARAGRAPH:
                    brk("\n\n")
                elif tag in _BLOCK:
                    brk("\n")
                elif tag in _CELL:
                    out.append("\t")
            if element.tail and element is not root:
                out.append(element.tail)
    # Collapse: white space inside text runs to one space; break markers to line breaks.
    lines: list[str] = []
    current: list[str] = []
    pending = 0  # line breaks owed before the next text
    for piece in out:
        if piece in ("\n", "\n\n"):
            pending = max(pending, len(piece))
            if current:
                lines.append("".join(current))
                current = []
            continue
        if pending and piece.strip():
            if pending == 2 and lines and lines[-1] != "":
                lines.append("")
            pending = 0
        current.append(re.sub(r"[ \t\r\n\f]+", " ", piece) if piece != "\t" else "\t")
    if current:
        lines.append("".join(current))
    text = "\n".join(line.strip(" \t") for line in lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


# ------------------------------------------------------------------ scoring


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@dataclass
class Tally:
    kept_found: int = 0
    kept_total: int = 0
    kept_present: int = 0  # `with` snippets the cleaner's input holds
    kept_found_present: int = 0
    leaked: int = 0
    removed_total: int = 0
    removed_present: int = 0
    pages: int = 0
    failures: int = 0
    titled: int = 0  # pages whose annotation gives a title
    titles_found: int = 0  # ... and retold's headline is that title
    titles_missing: int = 0  # ... and retold found no headline
    leak_reasons: Counter = field(default_factory=Counter)

    def line(self) -> str:
        def rate(a: int, b: int) -> str:
            return f"{a / b:.3f}" if b else "  -  "

        return (f"pages {self.pages:4d}  kept recall {rate(self.kept_found, self.kept_total)} "
                f"(of present {rate(self.kept_found_present, self.kept_present)}, {self.kept_present}/{self.kept_total} present)  "
                f"leak rate {rate(self.leaked, self.removed_total)} "
                f"(of present {rate(self.leaked, self.removed_present)}, {self.removed_present}/{self.removed_total} present)"
                + f"  headline {rate(self.titles_found, self.titled)} (none on {self.titles_missing}/{self.titled})"
                + (f"  failures {self.failures}" if self.failures else ""))


def same_title(found: str, wanted: str) -> bool:
    """The same headline, up to case, punctuation and white space."""
    def words(text: str) -> list[str]:
        return re.findall(r"\w+", text.casefold())

    return words(found) == words(wanted)


def is_tuning(file_name: str) -> bool:
    return hashlib.sha1(file_name.encode()).digest()[0] < 0.7 * 256


def clean_one(doc: RawDoc):
    article = clean_documents([doc])[0]
    body = " ".join(doc.text[start:end] for start, end in article.paragraphs)
    return article, norm(f"{article.title or ''} {body}")


def line_holding(doc_text: str, article, snippet: str) -> str:
    """The removed line that holds (the start of) `snippet`, with its reason."""
    head = norm(snippet)[:40]
    for removed in article.removed:
        if head in norm(removed.text):
            return f"[{removed.reason}] {removed.text[:160]}"
    return "(not in one removed line)"


def paragraph_holding(doc_text: str, article, snippet: str) -> str:
    """The kept paragraph that holds (the start of) `snippet`."""
    head = norm(snippet)[:40]
    for start, end in article.paragraphs:
        if head in norm(doc_text[start:end]):
            return doc_text[start:end][:160]
    return "(across paragraphs)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("checkout", help="path to a checkout of github.com/adbar/trafilatura")
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages (by URL)")
    parser.add_argument("--path", choices=("html", "text", "both"), default="both")
    parser.add_argument("--show-leaks", type=int, default=0, help="list N leaked snippets of the tuning part")
    parser.add_argument("--show-losses", type=int, default=0, help="list N lost kept snippets of the tuning part")
    parser.add_argument("--show-titles", type=int, default=0, help="list N headlines of the tuning part that differ from the title")
    args = parser.parse_args()
    tests = Path(args.checkout) / "tests"
    evaldata = tests / "evaldata.json"
    if not evaldata.is_file():
        print(f"{args.checkout}: no tests/evaldata.json there; get the pages with: {HOW_TO_GET}", file=sys.stderr)
        return 2
    data = json.loads(evaldata.read_text(encoding="utf-8"))
    paths = ("html", "text") if args.path == "both" else (args.path,)
    tallies = {(p, part): Tally() for p in paths for part in ("tuning", "held-out")}
    leaks: list[str] = []
    titles: list[str] = []
    losses: list[str] = []
    started = time.perf_counter()
    urls = sorted(data)[: args.limit or None]
    for url in urls:
        item = data[url]
        file = next((tests / sub / item["file"] for sub in ("cache", "eval") if (tests / sub / item["file"]).is_file()), None)
        if file is None:
            continue
        part = "tuning" if is_tuning(item["file"]) else "held-out"
        for path in paths:
            tally = tallies[(path, part)]
            tally.pages += 1
            try:
                if path == "html":
                    doc = load_raw(file, {})
                else:
                    # Decoded as a browser shows it (lxml alone reads bytes without a charset
                    # declaration as Latin-1: "AufklÃ¤rung"); retold then gets the copied text.
                    text = browser_text(decode_bytes(file.read_bytes(), str(file))[0])
                    if not text.strip():
                        raise InputError(f"{file}: no visible text")
                    doc = RawDoc(meta=OutletMeta(id="page", name="page", source=str(file)), text=text, encoding="utf-8")
                article, body = clean_one(doc)
                given = norm(doc.text)
            except InputError:
                article, body, given = None, "", ""
                tally.failures += 1
            if item.get("title"):
                tally.titled += 1
                found = article.title if article is not None else None
                tally.titles_missing += not found
                tally.titles_found += bool(found) and same_title(found, item["title"])
                if part == "tuning" and not (found and same_title(found, item["title"])):
                    titles.append(f"{path} {item['file']}: wanted {item['title'][:70]!r}\n      found  {(found or '(none)')[:70]!r}")
            for snippet in item["with"]:
                s = norm(snippet)
                tally.kept_total += 1
                found = s in body
                tally.kept_found += found
                if s in given:
                    tally.kept_present += 1
                    tally.kept_found_present += found
                    if not found and part == "tuning" and article is not None:
                        losses.append(f"{path} {item['file']}: {s[:70]!r}\n      {line_holding(doc.text, article, s)}")
            for snippet in item["without"]:
                s = norm(snippet)
                tally.removed_total += 1
                tally.removed_present += s in given
                if s in body:
                    tally.leaked += 1
                    if part == "tuning":
                        leaks.append(f"{path} {item['file']}: {s[:70]!r}\n      in {paragraph_holding(doc.text, article, s)!r}")
    seconds = time.perf_counter() - started
    print(f"trafilatura evaluation set: {len(urls)} pages, {seconds:.0f} s")
    for (path, part), tally in tallies.items():
        print(f"  {path:4s} {part:8s}  {tally.line()}")
    for title, entries, count in (("leaked (tuning part)", leaks, args.show_leaks), ("lost (tuning part)", losses, args.show_losses),
                                  ("headlines that differ (tuning part)", titles, args.show_titles)):
        if count:
            print(f"\n{title}: {len(entries)}")
            for entry in entries[:count]:
                print("  " + entry)
    return 0


if __name__ == "__main__":
    sys.exit(main())
