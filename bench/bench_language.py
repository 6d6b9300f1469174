"""An outlet's language guessed from its function words, on real pages: trafilatura's evaluation set.

    python bench/bench_language.py PATH_TO_TRAFILATURA_CHECKOUT

(get the pages with `git clone https://github.com/adbar/trafilatura`; they stay out of this
repository). Each page whose <html> tag carries a `lang` attribute is loaded and cleaned as retold
loads a saved .html file, and `retold.model.normalize.guess_language` is asked the language of the
article text kept, as the pipeline asks it when neither story.toml nor the page's markup says.
Printed per marked language: named as marked, named otherwise, left unknown; then the pages named
otherwise (many pages are marked "en" by their site's template whatever their text is: read them).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from retold.model.clean import clean_documents  # noqa: E402
from retold.model.normalize import guess_language  # noqa: E402
from retold.model.story import InputError, load_raw  # noqa: E402

_LANG = re.compile(rb"<html[^>]*\blang\s*=\s*[\"']?([a-zA-Z]{2})", re.I)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkout", type=Path, help="a clone of github.com/adbar/trafilatura")
    args = parser.parse_args()
    tests = args.checkout / "tests"
    if not (tests / "evaldata.json").is_file():
        print(f"no tests/evaldata.json under {args.checkout}: git clone https://github.com/adbar/trafilatura")
        return 2
    counts: Counter = Counter()
    otherwise = []
    for entry in json.loads((tests / "evaldata.json").read_text(encoding="utf-8")).values():
        page = tests / "eval" / entry["file"]
        if not page.exists():
            page = tests / "cache" / entry["file"]
        if not page.exists():
            continue
        marked = _LANG.search(page.read_bytes()[:20_000])
        if not marked:
            continue
        want = marked.group(1).decode().lower()
        try:
            doc = load_raw(page, {})
            article = next(iter(clean_documents([doc])))
        except (InputError, StopIteration):
            continue
        guess = guess_language(" ".join(doc.text[start:end] for start, end in article.paragraphs[:400]))
        verdict = "unknown" if guess is None else ("as marked" if guess == want else "otherwise")
        counts[(want, verdict)] += 1
        if verdict == "otherwise":
            otherwise.append((entry["file"], want, guess))
    for language in sorted({want for want, _verdict in counts}):
        print(f"{language}: " + ", ".join(f"{v} {counts[(language, v)]}" for v in ("as marked", "otherwise", "unknown") if counts[(language, v)]))
    print("all: " + ", ".join(f"{v} {sum(n for (_l, w), n in counts.items() if w == v)}" for v in ("as marked", "otherwise", "unknown")))
    for name, want, guess in otherwise:
        print(f"  named otherwise: {name} (marked {want}, guessed {guess})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
