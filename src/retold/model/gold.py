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


# ---------------------------------------------------------------- provenance, credits and quotes
# Optional gold keys (a gold file without them scores as before):
#   "credits": {FILE: [{"kind", "source", "text", "reason"}]}
#   "provenance": {"edges": [{"from": FILE or a source's name, "to": FILE, "confidence", "reason"}],
#                  "no_edge": [{"between": [FILE, FILE], "reason"}]}
#   "quotes": [{"id", "speaker", "reason", "members": [{"file", "text", "flags": [...]}]}]


@dataclass
class SourcesScore:
    edge_precision: float
    edge_recall: float
    edges_predicted: int
    edges_gold: int
    confidence_agreed: int  # matched edges whose likely/possible is the gold's
    quote_pair_precision: float
    quote_pair_recall: float
    changed_flagged: int  # gold members with a change flag whose predicted member has that flag
    changed_total: int
    false_flags: int  # predicted change flags on members gold calls unchanged
    credit_precision: float
    credit_recall: float
    errors: list[str] = field(default_factory=list)

    def summary(self) -> str:
        share = self.changed_flagged / self.changed_total if self.changed_total else 1.0
        return (
            f"edges P {self.edge_precision:.3f} R {self.edge_recall:.3f} ({self.edges_predicted} claimed, {self.edges_gold} gold, "
            f"{self.confidence_agreed} at the gold's confidence)  quote pairs P {self.quote_pair_precision:.3f} "
            f"R {self.quote_pair_recall:.3f}  changed quotes flagged {self.changed_flagged}/{self.changed_total} ({share:.3f}), "
            f"false flags {self.false_flags}  credits P {self.credit_precision:.3f} R {self.credit_recall:.3f}"
        )


def has_sources_gold(gold_path: Path) -> bool:
    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    return "provenance" in gold or "quotes" in gold


def score_sources(alignment: Alignment, gold_path: Path) -> SourcesScore:
    from rapidfuzz.distance import Indel

    from retold.model.credits import language_code, names_match
    from retold.model.normalize import tokens
    from retold.model.quotes import CHANGE_FLAGS
    from retold.model.sources import sources_of

    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    sources = sources_of(alignment)
    file_of = {o.id: Path(o.meta.source).name for o in alignment.outlets}
    node_name = {n.id: n.name for n in sources.provenance.nodes}
    errors: list[str] = []

    def same_node(gold_from: str, node_id: str) -> bool:
        if node_id in file_of:
            return file_of[node_id] == gold_from
        name = node_name.get(node_id, "")
        return gold_from not in file_of.values() and (names_match(gold_from, name) or names_match(name, gold_from))

    # Edges.
    gold_edges = (gold.get("provenance") or {}).get("edges", [])
    predicted = list(sources.provenance.edges)
    matched_pred: set[int] = set()
    agreed = 0
    for g in gold_edges:
        hit = next((n for n, e in enumerate(predicted) if n not in matched_pred and file_of.get(e.target) == g["to"] and same_node(g["from"], e.source)), None)
        if hit is None:
            errors.append(f"missed edge {g['from']} → {g['to']}")
            continue
        matched_pred.add(hit)
        if predicted[hit].confidence == g.get("confidence"):
            agreed += 1
        else:
            errors.append(f"edge {g['from']} → {g['to']}: {predicted[hit].confidence}, gold {g.get('confidence')}")
    for n, e in enumerate(predicted):
        if n not in matched_pred:
            errors.append(f"extra edge {node_name.get(e.source, e.source)} → {file_of.get(e.target)} ({e.confidence})")
    edge_precision = len(matched_pred) / len(predicted) if predicted else 1.0
    edge_recall = len(matched_pred) / len(gold_edges) if gold_edges else 1.0

    # Quotes: map each predicted member to the gold member of its file with the closest words.
    gold_members: list[tuple[str, tuple[str, ...], str, tuple[str, ...]]] = []  # (file, words, group id, flags)
    for group in gold.get("quotes", []):
        for m in group["members"]:
            gold_members.append((m["file"], tuple(tokens(m["text"])), group["id"], tuple(m.get("flags", ()))))

    def gold_index(outlet_id: str, text: str) -> int | None:
        words = tuple(tokens(text))
        best, best_score = None, 0.7
        for n, (file, gold_words, _, _) in enumerate(gold_members):
            if file != file_of[outlet_id]:
                continue
            score = Indel.normalized_similarity(words, gold_words)
            if score > best_score:
                best, best_score = n, score
        return best

    gold_pairs = {
        frozenset((a, b))
        for a in range(len(gold_members)) for b in range(a + 1, len(gold_members))
        if gold_members[a][2] == gold_members[b][2]
    }
    predicted_pairs: set[frozenset] = set()
    flagged: dict[int, set[str]] = {}
    for group in sources.quotes:
        mapped = []
        for m in group.members:
            n = gold_index(m.quote.outlet, m.quote.text)
            key = n if n is not None else ("unlisted", m.quote.outlet, m.quote.start)
            mapped.append(key)
            if n is not None:
                flagged.setdefault(n, set()).update(m.flags)
        predicted_pairs |= {frozenset((a, b)) for i, a in enumerate(mapped) for b in mapped[i + 1:] if a != b}
    hits = gold_pairs & predicted_pairs
    for pair in predicted_pairs - gold_pairs:
        errors.append("extra quote pair " + " / ".join(sorted(_member_label(gold_members, k) for k in pair)))
    for pair in gold_pairs - predicted_pairs:
        errors.append("missed quote pair " + " / ".join(sorted(_member_label(gold_members, k) for k in pair)))
    changed_total = changed_flagged = false_flags = 0
    for n, (file, words, group_id, flags) in enumerate(gold_members):
        wanted = {f for f in flags if f in CHANGE_FLAGS}
        got = {f for f in flagged.get(n, set()) if f in CHANGE_FLAGS}
        for f in wanted:
            changed_total += 1
            if f in got:
                changed_flagged += 1
            else:
                errors.append(f"unflagged {f}: {file} {' '.join(words)[:60]}")
        for f in got - wanted:
            false_flags += 1
            errors.append(f"false flag {f}: {file} {' '.join(words)[:60]}")

    # Credits: kind and source (a translation by the language it names).
    gold_credits = [(file, c) for file, entries in (gold.get("credits") or {}).items() for c in entries]
    predicted_credits = [(file_of[o], c) for o, cs in sources.provenance.credits.items() for c in cs]

    def credit_match(gc: dict, pc) -> bool:
        if gc["kind"] != pc.kind:
            return False
        if pc.kind == "translated":
            return language_code(gc["source"]) == pc.language
        return names_match(gc["source"], pc.source) or names_match(pc.source, gc["source"])

    credit_hits = 0
    used: set[int] = set()
    for file, gc in gold_credits:
        hit = next((n for n, (f, pc) in enumerate(predicted_credits) if n not in used and f == file and credit_match(gc, pc)), None)
        if hit is None:
            errors.append(f"missed credit {file}: {gc['kind']} {gc['source']}")
        else:
            used.add(hit)
            credit_hits += 1
    for n, (file, pc) in enumerate(predicted_credits):
        if n not in used:
            errors.append(f"extra credit {file}: {pc.kind} {pc.source}")
    return SourcesScore(
        edge_precision=edge_precision, edge_recall=edge_recall, edges_predicted=len(predicted), edges_gold=len(gold_edges),
        confidence_agreed=agreed,
        quote_pair_precision=len(hits) / len(predicted_pairs) if predicted_pairs else 1.0,
        quote_pair_recall=len(hits) / len(gold_pairs) if gold_pairs else 1.0,
        changed_flagged=changed_flagged, changed_total=changed_total, false_flags=false_flags,
        credit_precision=credit_hits / len(predicted_credits) if predicted_credits else 1.0,
        credit_recall=credit_hits / len(gold_credits) if gold_credits else 1.0,
        errors=errors,
    )


def _member_label(members: list, key) -> str:
    if isinstance(key, int):
        file, words, group_id, _ = members[key]
        return f"{group_id}:{file}:{' '.join(words)[:40]}"
    return f"unlisted:{key[1]}@{key[2]}"
