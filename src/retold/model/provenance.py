"""Who took text from whom: a small graph of "B likely / possibly from A", each edge with its evidence.

A pure function of the finished alignment, the outlets' metadata and their credit lines
(model/credits.py); it never re-aligns. Evidence is named and weighed:

- near-verbatim share: how many of B's sentences A has near word for word;
- order: which was published first, only when both intervals (model/published.py) say so;
- a credit: B's byline, sign-off, dateline or notice names A, or a source not among the outlets
  (a wire: its own node);
- an idiosyncrasy: A's own dateline kept in B's text ("(Meridian)" in another outlet's copy);
- a translation credit: B says it is translated from A's language.

Never more certain than the evidence. Shared text with no known order and no credit makes no edge,
only a note ("A and B share 92 % of their 24 sentences; order unknown"). Two outlets that credit the same
source share text because of it: no edge between them. "Likely" needs a credit or a kept dateline (or
a translation credit) together with text that supports it, and no contradicting time; "possible" is
text and order alone, or a credit the text or the times only partly support. "Likely" edges never
form a cycle (a claim that would close one is lowered to "possible", with the reason).

Outlet ids never decide anything (ties are broken by names and text), so renaming or reordering
the files changes nothing but the ids.

Pure: no Textual or Rich import.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache


from retold.model.credits import Credit, credits_of, language_code, names_match
from retold.model.normalize import fold, tokens
from retold.model.published import Published, outlet_published
from retold.model.story import SHARED_SIMILARITY, Alignment, Outlet

LIKELY, POSSIBLE = "likely", "possible"
# Shared text alone (with a known order) is a "possible" claim only when nearly all of the later
# outlet is the earlier one word for word, over enough sentences that a few shared quotes cannot make it.
COPY_SHARE = 0.8
COPY_MIN_SENTENCES = 3
# A credit naming A needs text behind it: half of B's sentences with a counterpart in A.
SUPPORT_SHARE = 0.5
WEAK_SUPPORT_SHARE = 0.2
MAX_WORDS_COMPARED = 400
NOTE_SHARE = 0.3  # pairs that share less than this (and have no edge) get no note
# ... unless most of their sentences have counterparts, in any words: a copy reworded sentence by
# sentence is what a reader of Sources looks for, even where the words make no claim.
TOLD_NOTE_SHARE = 0.6
_SOURCE_KINDS = ("wire", "agencies", "dateline", "source", "byline", "first appeared", "copyright", "additional reporting")


@dataclass(frozen=True)
class Evidence:
    kind: str  # near-verbatim | counterparts | order | credit | kept dateline | translation | common source | against
    weight: str  # strong | moderate | weak | against
    detail: str  # one sentence a person reads


@dataclass(frozen=True)
class Node:
    id: str  # an outlet's id, or "source:<name>" for a source not among the outlets
    name: str
    outlet: bool
    published: str | None  # how the publication time reads ("3 Mar 2026 09:14 UTC", "2026-03-03 (day only)")


@dataclass(frozen=True)
class Edge:
    source: str  # node id: where the text likely came from
    target: str  # outlet id: the outlet that took it
    confidence: str  # likely | possible
    evidence: tuple[Evidence, ...]

    def sentence(self, names: dict[str, str]) -> str:
        return f"{names[self.target]} {self.confidence} from {names[self.source]}"


@dataclass(frozen=True)
class PairNote:
    """What two outlets share and what that does (not) prove."""

    a: str
    b: str
    shared: float  # share of both outlets' sentences near-verbatim in the other
    order: str  # "a first" | "b first" | "unknown"
    verdict: str  # the one-line summary a person reads


@dataclass(frozen=True)
class Provenance:
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    pairs: tuple[PairNote, ...]
    credits: dict[str, tuple[Credit, ...]]  # by outlet id

    def names(self) -> dict[str, str]:
        return {node.id: node.name for node in self.nodes}

    def edges_into(self, outlet_id: str) -> list[Edge]:
        return [e for e in self.edges if e.target == outlet_id]


# ---------------------------------------------------------------- text evidence


@lru_cache(maxsize=100_000)
def _words(text: str) -> tuple[str, ...]:
    return tuple(tokens(text))


@lru_cache(maxsize=200_000)
def _near_verbatim(a: str, b: str) -> bool:
    return words_near_verbatim(_words(a), _words(b))


def words_near_verbatim(wa: tuple[str, ...], wb: tuple[str, ...]) -> bool:
    """near_verbatim of two texts, given their words."""
    if not wa or not wb or 2 * min(len(wa), len(wb)) < SHARED_SIMILARITY * (len(wa) + len(wb)):
        return False  # the word counts alone keep the pair below the bar
    similarity = _SIMILARITY[0] if _SIMILARITY else _similarity()
    # A "sentence" of thousands of words is no prose; its opening decides, in bounded time.
    return similarity(wa[:MAX_WORDS_COMPARED], wb[:MAX_WORDS_COMPARED]) >= SHARED_SIMILARITY


_SIMILARITY: list = []  # rapidfuzz's Indel.normalized_similarity, once a first pair is compared


def _similarity():
    """Imported at the first comparison, not at the top (a story read from the cache needs no
    rapidfuzz), and kept: an import statement in words_near_verbatim itself cost a tenth of
    the Sources' text shares (a 40 x 1,000 story compares 270,000 pairs)."""
    from rapidfuzz.distance import Indel

    if not _SIMILARITY:
        _SIMILARITY.append(Indel.normalized_similarity)
    return _SIMILARITY[0]


def near_verbatim(a: str, b: str) -> bool:
    """Word similarity at the aligner's "shared" bar; wire copies repeat, so each pair of texts
    is scored once."""
    return _near_verbatim(a, b) if a <= b else _near_verbatim(b, a)


def text_shares(alignment: Alignment, b: Outlet, a: Outlet) -> tuple[int, int]:
    """(near-verbatim, with any counterpart): how many of b's sentences a has word for word, and
    how many a tells in any words (the alignment's groups)."""
    verbatim = counterparts = 0
    spans = alignment.counterpart_spans(b.id, a.id)
    for sentence, span in zip(b.sentences, spans):
        if not span:
            continue
        counterparts += 1
        if any(near_verbatim(sentence.text, a.sentences[i].text) for i in span) or (
            len(span) > 1 and near_verbatim(sentence.text, " ".join(a.sentences[i].text for i in span))
        ):
            verbatim += 1
    return verbatim, counterparts


def all_text_shares(alignment: Alignment) -> dict[tuple[str, str], tuple[int, int]]:
    """text_shares(alignment, b, a) for every ordered pair of outlets (keyed (b.id, a.id)), in
    one pass over the groups: per group, each distinct sentence text is tested against each
    distinct text of another outlet's part once (wire copies in twenty outlets are one test, not
    four hundred), and the counts are added outlet by outlet (tests/unit/test_provenance.py
    holds it equal to text_shares)."""
    outlets = list(alignment.outlets)
    number = {o.id: n for n, o in enumerate(outlets)}
    # [b][a]; the diagonal ([b][b], an outlet against itself) is counted too and never read.
    verbatim = [[0] * len(outlets) for _ in outlets]
    counterparts = [[0] * len(outlets) for _ in outlets]
    texts: dict[str, int] = {}  # each distinct sentence text's number
    ids = [[texts.setdefault(s.text, len(texts)) for s in o.sentences] for o in outlets]
    text_of = list(texts)  # by number
    words_of: list[tuple[str, ...] | None] = [None] * len(text_of)  # by number, read when first asked

    def words(n: int) -> tuple[str, ...]:
        found = words_of[n]
        if found is None:
            found = words_of[n] = _words(text_of[n])
        return found

    found: dict[tuple[int, object], bool] = {}  # (text number, part key) -> near-verbatim there
    for group in alignment.groups:
        rows, parts = _group_parts(group, number, ids, outlets, counterparts)
        for own, bs in rows.items():
            text = text_of[own]
            for key, (span, as_) in parts.items():
                # One sentence against one: the test is symmetric, so (b's, a's) and (a's, b's)
                # are one entry. Against several: the sentence against each, then their join.
                if key.__class__ is int:
                    pair = (own, key) if own <= key else (key, own)
                else:
                    pair = (own, key)
                same = found.get(pair)
                if same is None:
                    if key.__class__ is int:
                        same = words_near_verbatim(words(own), words(key))  # near_verbatim(text, span[0])
                    else:
                        same = any(near_verbatim(text, t) for t in span) or near_verbatim(text, " ".join(span))
                    found[pair] = same
                if same:
                    for b in bs:
                        row = verbatim[b]
                        for a in as_:
                            row[a] += 1
    return {(outlets[b].id, outlets[a].id): (verbatim[b][a], counterparts[b][a])
            for b in range(len(outlets)) for a in range(len(outlets)) if a != b}


def _group_parts(group, number: dict[str, int], ids: list[list[int]], outlets: list[Outlet], counterparts: list[list[int]]):
    """A group's sentence texts, each with the outlets printing it (once a sentence), and its
    parts by key (a text's number, or the numbers of a part of several sentences), each with its
    texts and the outlets whose part it is; the group's counterparts added on the way (each
    sentence of an outlet's part has one in every other outlet of the group). Empty for a
    group of one outlet: no pair to count."""
    by_outlet: dict[int, list[int]] = {}
    for m in group.members:
        by_outlet.setdefault(number[m.outlet], []).append(m.sentence)
    rows: dict[int, list[int]] = {}
    parts: dict[object, tuple[list[str], list[int]]] = {}
    if len(by_outlet) < 2:
        return rows, parts
    for k, indices in by_outlet.items():
        span = sorted(indices)
        own = ids[k]
        for i in span:
            rows.setdefault(own[i], []).append(k)
        key = own[span[0]] if len(span) == 1 else tuple(own[i] for i in span)
        found_part = parts.get(key)
        if found_part is None:
            parts[key] = ([outlets[k].sentences[i].text for i in span], [k])
        else:
            found_part[1].append(k)
        sentences = len(span)
        row = counterparts[k]
        for other in by_outlet:
            row[other] += sentences
    return rows, parts


def _percent(part: float) -> str:
    return f"{round(part * 100)} %"


def _gap(first: Published, second: Published) -> str:
    hours = (second.earliest - first.latest).total_seconds() / 3600
    if hours < 1:
        return f"{max(1, round(hours * 60))} min"
    if hours < 48:
        return f"{hours:.0f} h" if hours >= 10 else f"{hours:.1f} h".replace(".0 h", " h")
    return f"{hours / 24:.0f} days"


# ---------------------------------------------------------------- the graph


def provenance(alignment: Alignment) -> Provenance:
    outlets = list(alignment.outlets)
    credits = {o.id: credits_of(o, tuple(other.name for other in outlets if other.id != o.id)) for o in outlets}
    times = {o.id: outlet_published(o) for o in outlets}
    by_id = {o.id: o for o in outlets}

    # External sources: credited names that name no outlet of the story (merged by name/initials).
    external: dict[str, str] = {}  # node id -> name

    def external_node(name: str) -> str:
        for node_id, existing in sorted(external.items(), key=lambda kv: kv[1]):
            if names_match(name, existing) or names_match(existing, name):
                return node_id
        node_id = "source:" + " ".join(fold(name).split())
        external[node_id] = name
        return node_id

    def outlets_named(name: str, exclude: str) -> list[Outlet]:
        return [o for o in outlets if o.id != exclude and names_match(name, o.name, o.meta.url)]

    # What each outlet credits: outlets of the story, and sources that are not among them.
    credits_outlet: dict[str, dict[str, list[Credit]]] = {}
    credits_external: dict[str, dict[str, list[Credit]]] = {}
    for o in outlets:
        credits_outlet[o.id], credits_external[o.id] = {}, {}
        for credit in credits[o.id]:
            if credit.own or credit.kind not in _SOURCE_KINDS:
                continue
            named = outlets_named(credit.source, o.id)
            if named:
                for other in named:
                    credits_outlet[o.id].setdefault(other.id, []).append(credit)
            elif credit.kind in ("wire", "agencies", "first appeared", "dateline", "source") or (
                # A byline or notice naming an organisation that is not an outlet here is often the
                # outlet's own publisher or desk ("© Clarion Media Group"): only an agency counts.
                credit.kind in ("copyright", "byline", "additional reporting") and _agency_like(credit)
            ):
                credits_external[o.id].setdefault(external_node(credit.source if credit.kind != "agencies" else "agencies"), []).append(credit)

    shares = all_text_shares(alignment)

    def order_evidence(a: Outlet, b: Outlet) -> Evidence | None:
        ta, tb = times[a.id], times[b.id]
        if ta is None or tb is None:
            return None
        if ta.before(tb):
            return Evidence("order", "moderate", f"{a.name} published {_gap(ta, tb)} before {b.name} ({ta.describe()}; {tb.describe()})")
        if tb.before(ta):
            return Evidence("against", "against", f"but {b.name} was published {_gap(tb, ta)} before {a.name} ({tb.describe()}; {ta.describe()})")
        return None

    candidates: list[tuple[tuple, Edge]] = []

    # 1. Edges from outlets of the story.
    for b in outlets:
        nb = len(b.sentences) or 1
        translated = [c for c in credits[b.id] if c.kind == "translated"]
        for a in outlets:
            if a.id == b.id:
                continue
            verbatim, counterparts = shares[(b.id, a.id)]
            evidence: list[Evidence] = []
            strong = False
            for credit in credits_outlet[b.id].get(a.id, []):
                strong = True
                if credit.kind == "dateline":
                    kept = any(c.own and c.kind == "dateline" and fold(c.source) == fold(credit.source) for c in credits[a.id])
                    detail = (f"{b.name} keeps {a.name}'s own dateline \u201c({credit.source})\u201d" if kept
                              else f"{b.name}'s dateline names {a.name}: \u201c{credit.text}\u201d")
                    evidence.append(Evidence("kept dateline", "strong", detail))
                else:
                    evidence.append(Evidence("credit", "strong", f"{b.name} credits {a.name}: \u201c{credit.text}\u201d"))
            translation_from_a = [c for c in translated if c.language and c.language == (a.meta.language or "").split("-")[0]]
            if translation_from_a and (a.meta.language or "") != (b.meta.language or "") or translation_from_a and counterparts / nb >= SUPPORT_SHARE:
                if not credits_external[b.id] or credits_outlet[b.id].get(a.id):
                    peers = [o for o in outlets if o.id != b.id and (o.meta.language or "").split("-")[0] == translation_from_a[0].language]
                    if len(peers) == 1:
                        strong = True
                        evidence.append(Evidence("translation", "strong", f"{b.name} says it is translated from {translation_from_a[0].language_name} (\u201c{translation_from_a[0].text}\u201d), and {a.name} is the story's only outlet in that language"))
                    else:
                        evidence.append(Evidence("translation", "weak", f"{b.name} says it is translated from {translation_from_a[0].language_name}; {len(peers)} outlets here are in that language"))
            if verbatim:
                evidence.append(Evidence(
                    "near-verbatim", "strong" if verbatim / nb >= COPY_SHARE else "moderate" if verbatim / nb >= SUPPORT_SHARE else "weak",
                    f"{verbatim} of {b.name}'s {len(b.sentences)} sentences are near-verbatim in {a.name} ({_percent(verbatim / nb)})",
                ))
            if counterparts > verbatim:
                evidence.append(Evidence("counterparts", "weak", f"{counterparts} of {b.name}'s {len(b.sentences)} sentences have a counterpart in {a.name} ({_percent(counterparts / nb)})"))
            order = order_evidence(a, b)
            if order is not None:
                evidence.append(order)
            against = order is not None and order.weight == "against"
            for credit in credits_outlet[a.id].get(b.id, []):
                against = True
                evidence.append(Evidence("against", "against", f"but {a.name} credits {b.name}: \u201c{credit.text}\u201d"))
            common = sorted(set(credits_external[a.id]) & set(credits_external[b.id]))
            support = max(verbatim, counterparts) / nb
            confidence = None
            if strong:
                if support >= SUPPORT_SHARE and not against:
                    confidence = LIKELY
                elif support >= WEAK_SUPPORT_SHARE or (support >= SUPPORT_SHARE and against):
                    confidence = POSSIBLE
            elif (
                not common and not credits_external[b.id]
                and verbatim >= COPY_MIN_SENTENCES and verbatim / nb >= COPY_SHARE
                and order is not None and not against
                and not credits_external[a.id]
            ):
                confidence = POSSIBLE
                evidence.append(Evidence("common source", "weak", "no credit either way: both may also have it from a source not among the outlets"))
            if confidence is None:
                continue
            strength = (
                sum(e.weight == "strong" for e in evidence), verbatim / nb, counterparts / nb,
            )
            candidates.append(((confidence == LIKELY, strength, a.name, b.name, a.id, b.id), Edge(a.id, b.id, confidence, tuple(evidence))))

    # 2. Edges from sources not among the outlets: what the outlet itself says.
    for b in outlets:
        nb = len(b.sentences) or 1
        translated = [c for c in credits[b.id] if c.kind == "translated"]
        for node_id, node_credits in credits_external[b.id].items():
            evidence = [Evidence("credit", "strong", f"{b.name} credits {external[node_id]}: \u201c{c.text}\u201d") for c in node_credits]
            for c in translated:
                evidence.append(Evidence("translation", "moderate", f"and says it is translated from {c.language_name}: \u201c{c.text}\u201d"))
            peers = sorted((by_id[o] for o in credits_external if o != b.id and node_id in credits_external[o]), key=lambda o: o.name)
            for peer in peers:
                verbatim, counterparts = shares[(b.id, peer.id)]
                if counterparts:
                    evidence.append(Evidence("common source", "moderate", f"{peer.name} credits it too and has {counterparts} of {b.name}'s {len(b.sentences)} sentences ({verbatim} near-verbatim)"))
            kinds = {c.kind for c in node_credits}
            confidence = POSSIBLE if kinds <= {"agencies", "additional reporting", "copyright"} else LIKELY
            candidates.append(((confidence == LIKELY, (len(evidence), 1.0, 1.0), external[node_id], b.name, node_id, b.id), Edge(node_id, b.id, confidence, tuple(evidence))))
        if not credits_external[b.id]:
            # A translation whose original is not among the outlets: the original is a node of its own.
            for c in translated:
                if c.language and any((o.meta.language or "").split("-")[0] == c.language and o.id != b.id for o in outlets):
                    continue
                language = c.language_name
                node_id = external_node(f"{language} original")
                evidence = (Evidence("translation", "strong", f"{b.name} says it is translated from {language} (\u201c{c.text}\u201d); no outlet here is in that language"),)
                candidates.append(((True, (1, 1.0, 1.0), external[node_id], b.name, node_id, b.id), Edge(node_id, b.id, LIKELY, evidence)))

    # Strongest first; a "likely" claim that would close a cycle of likely claims becomes "possible".
    candidates.sort(key=lambda item: (not item[0][0], tuple(-x for x in item[0][1]), item[0][2], item[0][3]))
    likely_next: dict[str, set[str]] = {}
    edges: list[Edge] = []
    for _, edge in candidates:
        if edge.confidence == LIKELY:
            if _reaches(likely_next, edge.target, edge.source):
                edge = Edge(edge.source, edge.target, POSSIBLE, edge.evidence + (
                    Evidence("against", "against", "a likelier claim points the other way: this one cannot also be likely"),))
            else:
                likely_next.setdefault(edge.source, set()).add(edge.target)
        edges.append(edge)
    # One claim per pair of nodes: the strongest direction (a credit outweighs the order alone).
    chosen: dict[tuple[str, str], Edge] = {}
    for edge in edges:
        if (edge.source, edge.target) in chosen or (edge.target, edge.source) in chosen:
            continue
        chosen[(edge.source, edge.target)] = edge
    final_edges = tuple(sorted(chosen.values(), key=lambda e: (e.confidence != LIKELY, _name(e.target, by_id, external), _name(e.source, by_id, external))))

    nodes = [Node(o.id, o.name, True, times[o.id].describe() if times[o.id] else None) for o in outlets]
    used = {e.source for e in final_edges}
    nodes += [Node(node_id, name, False, None) for node_id, name in sorted(external.items(), key=lambda kv: kv[1]) if node_id in used]

    pairs: list[PairNote] = []
    # Each pair named in one order whatever the files' order: by name, then text.
    canonical = sorted(outlets, key=lambda o: (o.name, o.text))
    for i, a in enumerate(canonical):
        for b in canonical[i + 1:]:
            va, ca = shares[(a.id, b.id)]
            vb, cb = shares[(b.id, a.id)]
            total = len(a.sentences) + len(b.sentences)
            shared = (va + vb) / total if total else 0.0
            told = (ca + cb) / total if total else 0.0
            between = [e for e in final_edges if {e.source, e.target} == {a.id, b.id}]
            ta, tb = times[a.id], times[b.id]
            order = "a first" if ta and tb and ta.before(tb) else "b first" if ta and tb and tb.before(ta) else "unknown"
            common = sorted(set(credits_external[a.id]) & set(credits_external[b.id]))
            if not between and shared < NOTE_SHARE and told < TOLD_NOTE_SHARE:
                continue
            head = _pair_head(a, b, shared, told, total)
            if between:
                verdict = "; ".join(e.sentence({**{o.id: o.name for o in outlets}, **external}) for e in between)
                verdict = f"{head}: {verdict}"
            elif common:
                verdict = f"{head}; both credit {', '.join(external[c] for c in common)}: a common source, not one from the other"
            elif order == "unknown":
                verdict = f"{head}; order unknown"
            else:
                first, second = (a, b) if order == "a first" else (b, a)
                # Without a credit, a copy is claimed only at COPY_SHARE near word for word: say so,
                # not "too little" beside a figure a reader takes for a lot ("78 % … too little").
                enough = (f"no credit either way, and without one a claim needs {_percent(COPY_SHARE)} near word for word"
                          if _percent(told) != _percent(shared) else "too little for a claim")
                verdict = f"{head}; {first.name} published first, {enough}"
            pairs.append(PairNote(a.id, b.id, shared, order, verdict))
    return Provenance(tuple(nodes), final_edges, tuple(pairs), credits)


def _pair_head(a: Outlet, b: Outlet, verbatim: float, told: float, total: int) -> str:
    """What a pair shares, in figures that do not contradict each other: the near-verbatim share
    alone when every counterpart is word for word; else beside it the share with a counterpart in
    any words; and for two languages (a translation is word for word nowhere) that share alone.
    Shares of the two outlets' sentences together, and said so with their number: beside "6 of the
    aggregator's 6 sentences" a bare "50 %" read as a contradiction."""
    of = f"of their {total} sentences"
    language_a, language_b = ((o.meta.language or "").split("-")[0] for o in (a, b))
    if language_a and language_b and language_a != language_b:
        return f"{a.name} and {b.name} have counterparts for {_percent(told)} {of} (in two languages)"
    if _percent(told) != _percent(verbatim):
        return (f"{a.name} and {b.name} share {_percent(verbatim)} {of} near word for word"
                f" and have counterparts for {_percent(told)}")
    return f"{a.name} and {b.name} share {_percent(verbatim)} {of}"


def _agency_like(credit: Credit) -> bool:
    from retold.model.credits import _is_agency  # one rule for what an agency looks like

    return _is_agency(credit.source)


def _name(node_id: str, by_id: dict[str, Outlet], external: dict[str, str]) -> str:
    return by_id[node_id].name if node_id in by_id else external.get(node_id, node_id)


def _reaches(graph: dict[str, set[str]], start: str, goal: str) -> bool:
    seen, stack = set(), [start]
    while stack:
        node = stack.pop()
        if node == goal:
            return True
        if node in seen:
            continue
        seen.add(node)
        stack.extend(graph.get(node, ()))
    return False


__all__ = ["Edge", "Evidence", "Node", "PairNote", "Provenance", "provenance", "LIKELY", "POSSIBLE", "language_code"]
