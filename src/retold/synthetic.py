"""Generate large synthetic stories (many outlets × many sentences) for benchmarks and tests.

    python -m retold.synthetic OUT_DIR --outlets 20 --sentences 400 [--seed 1]

A "wire" story of invented sentences is retold by each outlet: most sentences
copied (some with a word or two changed), some reworded with synonyms, some
dropped, paragraphs moved, sentences of its own added, wrapped in site furniture.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

_SYLLABLES = "ka lo ri ven tor mas eli dun bra sel quo fin arn hel mor tes val pen gri ost".split()
_FUNCTION = "the a of to in and on for with by at from that was has will would said".split()
_FURNITURE = [
    "Skip to content", "Home", "World", "Sign in", "ADVERTISEMENT", "Top stories", "Join us on Telegram",
    "Please enter your comment!", "icon menuicon search",
]


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3)))


def _sentence(rng: random.Random, vocabulary: list[str]) -> list[str]:
    words = []
    for _ in range(rng.randint(12, 24)):
        words.append(rng.choice(_FUNCTION) if rng.random() < 0.35 else rng.choice(vocabulary))
    if rng.random() < 0.5:
        words.insert(rng.randrange(len(words)), str(rng.randint(2, 9999)))
    return words


def _render(words: list[str]) -> str:
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def make_story(directory: Path, outlets: int = 20, sentences: int = 400, seed: int = 1,
               truth: dict[str, list[tuple[str, int | None]]] | None = None) -> Path:
    """Write the story's outlet files under `directory` and return it. `truth`, when given, is
    filled with each outlet file's body sentences in order: (text, the wire sentence it retells,
    or None for the outlet's own): what bench/synthetic_gold.py scores the aligner against. The
    files are the same with or without it."""
    rng = random.Random(seed)
    vocabulary = [_word(rng) for _ in range(6000)]
    synonyms = {w: _word(rng) for w in vocabulary}
    wire = [_sentence(rng, vocabulary) for _ in range(sentences)]
    paragraphs = [list(range(i, min(i + 3, sentences))) for i in range(0, sentences, 3)]
    directory.mkdir(parents=True, exist_ok=True)
    for n in range(outlets):
        order = list(paragraphs)
        for _ in range(len(order) // 10):  # move a tenth of the paragraphs
            i, j = rng.randrange(len(order)), rng.randrange(len(order))
            order[i], order[j] = order[j], order[i]
        lines = ["Skip to content", "Home", "World", f"Synthetic story retold by outlet {n}", ""]
        told: list[tuple[str, int | None]] = []
        for paragraph in order:
            out = []
            for index in paragraph:
                roll = rng.random()
                words = list(wire[index])
                if roll < 0.08:
                    continue  # dropped
                if roll < 0.45:
                    pass  # verbatim
                elif roll < 0.75:
                    words[rng.randrange(len(words))] = rng.choice(vocabulary)  # a word changed
                else:
                    words = [synonyms.get(w, w) if rng.random() < 0.3 else w for w in words]  # reworded
                out.append(_render(words))
                told.append((out[-1], index))
            if rng.random() < 0.15:
                out.append(_render(_sentence(rng, vocabulary)))  # the outlet's own sentence
                told.append((out[-1], None))
            if out:
                lines.append(" ".join(out))
                lines.append("")
            if rng.random() < 0.05:
                lines += [rng.choice(_FURNITURE), ""]
        lines += ["Top stories", "Another story entirely here", f"© 2026 Synthetic Outlet {n}. All rights reserved."]
        (directory / f"outlet_{n:02d}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        if truth is not None:
            truth[f"outlet_{n:02d}.txt"] = told
    return directory


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--outlets", type=int, default=20)
    parser.add_argument("--sentences", type=int, default=400)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    make_story(args.out, args.outlets, args.sentences, args.seed)
    print(args.out)


if __name__ == "__main__":
    main()
