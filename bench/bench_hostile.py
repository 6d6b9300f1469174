"""Hostile-input figures for the model's text stages (issue 11): each input at 1×, 2× and 4× size,
so quadratic work shows as a 4× step per doubling and linear work as 2×.

    PYTHONPATH=src python bench/bench_hostile.py [--scale 1]

Before issue 11: the icon-run pattern took 47 s on a 178-byte line; a 300 KB paragraph split
in ~7 s (quadratic); a 50 MB file ran > 20 min in the cross-outlet loop of cleaning.
"""

from __future__ import annotations

import argparse
import time

from retold.model.clean import clean_documents, logical_lines, strong_reason
from retold.model.html import extract_text_stdlib
from retold.model.segment import split_sentences
from retold.model.story import OutletMeta, RawDoc


def _doc(name: str, text: str) -> RawDoc:
    return RawDoc(meta=OutletMeta(id=name, name=name, source=f"{name}.txt"), text=text, encoding="utf-8")


def icon_line(n: int) -> str:
    return "icon" + "iconx" * n + "!"


def long_paragraph(n: int) -> str:
    # Every piece starts lowercase, so all of them merge into one growing sentence span.
    return ("word " * 10 + "and more. ") * (n // 60)


def wrapped_paragraph(n: int) -> str:
    # Hard-wrapped lines without sentence end: all join into one logical line.
    return "\n".join("the grid operators said the cable would run under the sea" for _ in range(n // 60)) + "\n"


def cross_outlet(n: int) -> list[RawDoc]:
    # Many weakly removed (headline-like) lines in one outlet, many body lines sharing words in another.
    doubtful = "\n\n".join(f"Grid cable plan number {i} wins backing from ministers" for i in range(n // 55))
    body = "\n\n".join(f"Ministers back the grid cable plan number {i} today." for i in range(n // 55))
    return [_doc("a", doubtful + "\n"), _doc("b", body + "\n")]


def charrefs(n: int) -> str:
    return "<article><p>" + ("&#" + "9" * 5000 + "; ") * (n // 5000) + "</p></article>"


CASES = [
    ("icon-run line (units of 'iconx')", 40, lambda n: strong_reason(icon_line(n))),
    ("photo-caption line, no spaces (chars)", 100_000, lambda n: strong_reason("(photo" * (n // 6))),
    ("one paragraph, sentence split (chars)", 300_000, lambda n: split_sentences(long_paragraph(n))),
    ("hard-wrapped paragraph, logical lines (chars)", 2_000_000, lambda n: logical_lines(wrapped_paragraph(n))),
    ("hard-wrapped paragraph, clean (chars)", 2_000_000, lambda n: clean_documents([_doc("a", wrapped_paragraph(n))])),
    ("cross-outlet restore check (chars per outlet)", 1_000_000, lambda n: clean_documents(cross_outlet(n))),
    ("'&#' + 5000 digits, repeated (chars)", 1_000_000, lambda n: extract_text_stdlib(charrefs(n))),
]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args()
    for label, size, run in CASES:
        figures = []
        for factor in (1, 2, 4):
            n = int(size * args.scale * factor)
            start = time.perf_counter()
            run(n)
            figures.append(f"{n:>10,}: {time.perf_counter() - start:7.3f} s")
        print(f"{label}\n    " + "   ".join(figures), flush=True)


if __name__ == "__main__":
    main()
