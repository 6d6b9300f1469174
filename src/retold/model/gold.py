"""Score an alignment against a hand-made gold file (sample_corpus/<story>/gold.json).

Gold format: {"outlets": {FILE: {"title": str, "sentences": [{"text", "group", "status"}],
"furniture": [lines that must not reach the alignment], "name": optional str}}}. Sentences with
the same `group` label correspond; a null label is a unique sentence. `name`, where given, is the
outlet name a reader should see (scored as `names`: a page's section label must not become it).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

from retold.model.story import Alignment


def _key(text: str) -> str:
    return " ".join(text.split())


@dataclass
class GoldScore:
    pair_precision: float
    pair_recall: float
    pair_f1: float
    status_accuracy: float
    body_kept: float
    body_missing: list[str] = field(default_factory=list)
    furniture_leaked: list[str] = field(default_factory=list)  # predicted sentences that are not gold body
    title_correct: float = 0.0
    names_right: int = 0  # outlets whose gold gives a `name` and whose shown name is it
    names_total: int = 0  # outlets whose gold gives a `name`
    name_errors: list[str] = field(default_factory=list)
    status_errors: list[str] = field(default_factory=list)
    pair_errors: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"pair precision {self.pair_precision:.3f}  recall {self.pair_recall:.3f}  F1 {self.pair_f1:.3f}  "
            f"status accuracy {self.status_accuracy:.3f}  body kept {self.body_kept:.3f}  "
            f"furniture leaked {len(self.furniture_leaked)}  titles {self.title_correct:.3f}"
            + (f"  names {self.names_right}/{self.names_total}" if self.names_total else "")
        )


def score(alignment: Alignment, gold_path: Path) -> GoldScore:
    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    by_file = {Path(o.meta.source).name: o for o in alignment.outlets}
    gold_id: dict[tuple[str, int], tuple[str, int]] = {}  # predicted (outlet, index) -> gold (file, n)
    gold_pairs: set[frozenset] = set()
    missing: list[str] = []
    leaked: list[str] = []
    status_right = status_total = titles_right = 0
    status_errors: list[str] = []
    name_errors: list[str] = []
    names_right = names_total = 0
    labels: dict[str, list[tuple[str, int]]] = {}
    for file, entry in gold["outlets"].items():
        outlet = by_file.get(file)
        if outlet is None:
            raise ValueError(f"{gold_path}: outlet file {file} is not in the alignment")
        titles_right += int(_key(outlet.title or "") == _key(entry.get("title") or ""))
        if entry.get("name") is not None:
            names_total += 1
            if outlet.meta.name == entry["name"]:
                names_right += 1
            else:
                name_errors.append(f"{file}: named {outlet.meta.name!r}, not {entry['name']!r}")
        wanted = {_key(s["text"]): n for n, s in enumerate(entry["sentences"])}
        for n, sentence in enumerate(entry["sentences"]):
            if sentence["group"] is not None:
                labels.setdefault(sentence["group"], []).append((file, n))
        found = set()
        for sentence in outlet.sentences:
            n = wanted.get(_key(sentence.text))
            if n is None:
                leaked.append(f"{file}: {sentence.text}")
                continue
            found.add(n)
            gold_id[(outlet.id, sentence.index)] = (file, n)
            status_total += 1
            expected = entry["sentences"][n]["status"]
            if sentence.status == expected:
                status_right += 1
            else:
                status_errors.append(f"{file}#{n} {expected}→{sentence.status}: {sentence.text[:70]}")
        missing += [f"{file}: {s['text']}" for n, s in enumerate(entry["sentences"]) if n not in found]
    for members in labels.values():
        gold_pairs |= {frozenset(p) for p in combinations(members, 2)}
    predicted_pairs: set[frozenset] = set()
    for group in alignment.groups:
        mapped = [gold_id[(m.outlet, m.sentence)] for m in group.members if (m.outlet, m.sentence) in gold_id]
        predicted_pairs |= {frozenset(p) for p in combinations(mapped, 2)}
    hits = len(gold_pairs & predicted_pairs)
    precision = hits / len(predicted_pairs) if predicted_pairs else 1.0
    recall = hits / len(gold_pairs) if gold_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    total_gold = sum(len(e["sentences"]) for e in gold["outlets"].values())
    pair_errors = [f"extra {sorted(p)}" for p in predicted_pairs - gold_pairs] + [
        f"missed {sorted(p)}" for p in gold_pairs - predicted_pairs
    ]
    return GoldScore(
        pair_precision=precision,
        pair_recall=recall,
        pair_f1=f1,
        status_accuracy=status_right / status_total if status_total else 0.0,
        body_kept=(total_gold - len(missing)) / total_gold if total_gold else 1.0,
        body_missing=missing,
        furniture_leaked=leaked,
        title_correct=titles_right / len(gold["outlets"]),
        names_right=names_right,
        names_total=names_total,
        name_errors=name_errors,
        status_errors=status_errors,
        pair_errors=pair_errors,
    )
