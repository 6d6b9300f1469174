"""The two HTML extractors on our HTML fixtures: the built-in parser vs trafilatura.

    python bench/bench_html.py

For every sample story with an HTML page, the story is loaded three ways — as retold does it
(built-in parser for pages that mark <article>/<main>, trafilatura for the rest), with the built-in
parser for every page, and with trafilatura for every page — and scored against its gold file:
body sentences kept, furniture leaked, and for each HTML outlet the removed lines it can show (`r`).
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import retold.model.html as html_module
from retold.model.gold import score
from retold.model.pipeline import load_alignment

ROOT = Path(__file__).resolve().parents[1] / "sample_corpus"
NEVER = re.compile(r"(?!x)x")
ALWAYS = re.compile(r"")
MODES = {"retold (mixed)": html_module._SEMANTIC, "built-in only": ALWAYS, "trafilatura only": NEVER}


def main() -> None:
    import trafilatura  # noqa: F401 - imported up front so the timings are extraction only

    for gold in sorted(ROOT.glob("*/gold.json")):
        pages = sorted(p for p in gold.parent.iterdir() if p.suffix.lower() in (".html", ".htm"))
        if not pages:
            continue
        print(f"{gold.parent.name} ({', '.join(p.name for p in pages)})")
        for mode, pattern in MODES.items():
            html_module._SEMANTIC = pattern
            started = time.perf_counter()
            alignment = load_alignment([str(gold.parent)])
            seconds = time.perf_counter() - started
            result = score(alignment, gold)
            sources = {Path(o.meta.source).name: o for o in alignment.outlets}
            pages_text = ", ".join(
                f"{p.name}: {len(sources[p.name].sentences)} sentences, {len(sources[p.name].removed)} removed lines shown"
                for p in pages
            )
            print(f"  {mode:17s} body kept {result.body_kept:.3f}  furniture leaked {len(result.furniture_leaked)}  "
                  f"titles {result.title_correct:.3f}  [{pages_text}]  ({seconds * 1000:.0f} ms to load)")
        html_module._SEMANTIC = MODES["retold (mixed)"]


if __name__ == "__main__":
    main()
