"""Evidence that two sentences (or beads) tell the same statement, and a calibrated confidence.

Sharing the story's topic words is not evidence: every sentence of a story about Velmont and
Korrin names Velmont and Korrin. What is evidence:

- `lexical` — the weighted overlap of their informative features, each feature's weight lowered
  by how many sentences of the *whole story* carry it (story-level document frequency);
- `run` — a long common run of words (longest common subsequence of tokens): two words swapped
  in a long sentence leave most of it in order;
- `numbers` — a number both give; a number each gives and the other does not is evidence against,
  and so is a day of the week each gives and the other does not ("met on Tuesday" / "will meet
  on Thursday": another day, another meeting);
- `names` — the same named actors in the same roles (their order: "Velmont accused Korrin" and
  "Korrin warned Velmont" swap agent and patient); each side naming someone the other does not
  (a different speaker) is evidence against;
- `quote` — the same quoted words; different quoted words are evidence against;
- `semantic` — a sentence model's cosine, normalised by the outlet pair's median cosine (when a
  model is given: `retold.model.semantic`);
- `position` — supplied by the aligner (the pair sits in parallel text, between confirmed pairs).

The features are combined by a logistic model fitted on the Microsoft Research Paraphrase
Corpus training pairs (three quarters of them; the rest and the dev pairs held out:
`bench/fit_evidence.py` prints the fit and the held-out figures), so the confidence reads as a
probability that the two say the same thing.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Indel

# A sentence's clues live in clues.py; the names other phases read here stay importable from here.
from retold.model.align.clues import _DAY_WORDS, _DAYS, Clues, _clues, _merged, _who_to_whom, clues, reported_clause  # noqa: F401
from retold.model.align.acts import _PARTICLE, FAMILY
from retold.model.align.answers import answers_differ
from retold.model.align.features import feature_of
from retold.model.align.facts import against as facts_against
from retold.model.align.facts import _TIME_KEYS, against_none, counted_differ, counted_none, sheet, small_actors_differ, small_none
from retold.model.align.factwords import counts, rounded_alike, word_key
from retold.model.align.params import FRAME_AFTER, FRAME_BEFORE, LONG_PARALLEL
from retold.model.story import AGAINST as STORY_AGAINST
from retold.model.story import SHARED_SIMILARITY as STORY_SHARED
from retold.model.story import STRONG as STORY_STRONG

# ---------------------------------------------------------------- parameters

# Story-level document frequency: a feature carried by this share of the story's sentences
# (all outlets together) or less is full evidence; at TOPIC_DF_NONE and above it weighs
# TOPIC_FLOOR of its weight. The count is smoothed by DF_PRIOR sentences, and a story of fewer
# than TOPIC_STORY sentences (one MSRP pair) has no topic words.
TOPIC_DF_FULL = 0.15
TOPIC_DF_NONE = 0.45
TOPIC_FLOOR = 0.1
DF_PRIOR = 4
TOPIC_STORY = 12
NUMBER_BOOST = 1.5  # as the aligner's weights: numbers survive rewrites

# The logistic model (bench/fit_evidence.py): intercept, then one weight per feature, in the
# order of FEATURE_NAMES. LEXICAL_MODEL is fitted without the sentence model, SEMANTIC_MODEL with it.
FEATURE_NAMES = ("lexical", "contained", "run", "run_contained", "numbers", "numbers_differ",
                 "roles_swapped", "speakers_differ", "quote", "quote_differs")
# Set, not fitted (the rest is fitted around them): a conflicting number, roles swapped and
# another speaker — MSRP's judges call "rose 31 cents to $28.39" / "fell 38 cents to $27.45" a
# paraphrase, so it cannot teach them; containment — MSRP calls a sentence with a clause added a
# different statement, retold calls it the same statement trimmed or extended ("altered"); and
# the word overlap itself, which MSRP's fit trades against the common run (the two go together
# there), while retold calls a sentence reordered ("… voted to close the quay" / "the quay will
# close after a vote …") the same statement.
FIXED_WEIGHTS = {0: 1.0, 1: 1.5, 3: 1.5, 5: -3.0, 6: -3.0, 7: -1.5}  # feature index -> weight
LEXICAL_MODEL = (-2.978, 1.0, 1.5, 2.489, 1.5, -0.001, -3.0, -3.0, -1.5, 0.139, -0.365)
SEMANTIC_MODEL = (-5.019, 1.0, 1.5, -0.157, 1.5, -0.188, -3.0, -3.0, -1.5, 0.046, -0.347, 4.996)  # ... and the cosine's height above its reference level

# Two facts both give (a number, a day of the week) that the story does not give everywhere, and
# nothing against: the same count on the same day is one event told twice ("3,000 people marched
# … on Wednesday evening" / "Around 3,000 people … marched … on Wednesday evening"), however the
# rest is worded. Log-odds added to the words', up to "possible" at most. (MSRP's fit gives a shared number no weight: its
# pairs share numbers as often when they differ as when they agree, one number at a time.)
FACTS_AGREE = 0.5
FACTS_AGREE_LEAST = 2
FACT_TOPIC = 0.5  # a number or day the story's judge weighs at most this share of its weight is the story's own (its summit's day, its year)

# Decisions on the calibrated confidence.
SAME_STATEMENT = 0.5  # an order-free pair (or a bead of non-parallel text) needs this to be a link
STRONG = STORY_STRONG  # below this a link is shown as "possible" (retold.model.story, where the reader reads it)
VETO = {"roles swapped", "numbers differ", "counted differ", "answers differ"}  # what neither the sentence model nor position may outweigh
# ... and what a place in the text may not: another speaker ("Velmont's minister said …" /
# "Korrin's minister said …" beside a pair already made is still someone else's word). The
# sentence model may (MSRP's judges pair a company's statement with its spokesman's).
PLACE_VETO = VETO | {"speakers differ"}
# What the words name against a pair: a pair they still make is at most "possible".
AGAINST = STORY_AGAINST  # facts.AGAINST names the ones align/facts.py finds (a test keeps them among these)
# The aligner's structural evidence, added to the content's log-odds: a pair the gap programme
# made in parallel text, and a pair between two confirmed pairs in both texts.
POSITION_PARALLEL = 2.5
POSITION_NEIGHBOURS = 1.0
POSITION_NEAR = 0.7  # ... and a pair at the same relative place in both texts (within PLACE_NEAR)
PLACE_NEAR = 0.1
POSITION_CEILING = 0.74  # a pair its place carries (content alone below SAME_STATEMENT): at most "possible"
_CEILING_LOGIT = math.log(POSITION_CEILING / (1.0 - POSITION_CEILING))  # FACTS_AGREE lifts no pair past it
PLACE_TEXTS = 4  # sentences each text needs before a relative place says anything
ATTRIBUTION_LEAST = 3  # words an attribution needs before two alike say nothing of what was said
COHERENCE_FLOOR = 0.3  # a group member's mean support from the group's other outlets

# Semantic: with fewer than this many sentence pairs an outlet pair's median cosine is no
# reference level; the story's, then the model's typical level of unrelated sentences stands in.
REFERENCE_PAIRS = 9
TYPICAL_COSINE = 0.80  # multilingual-e5-small between unrelated sentences of one domain


# ---------------------------------------------------------------- the judge

@dataclass(frozen=True, slots=True)
class Verdict:
    confidence: float  # calibrated 0..1
    evidence: tuple[str, ...]  # the evidence named: what speaks for (and, as "… differ", against)


VERBATIM = Verdict(1.0, ("verbatim",))
NEAR_VERBATIM = STORY_SHARED  # word similarity of a near-verbatim copy (the aligner's "shared")
NEAR = Verdict(0.99, ("verbatim", "run"))


def sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, x))))


def judged_parallel(judge, a: int, b: int) -> bool:
    """The aligner judged outlets `a` and `b` parallel (stored under one order of the two)."""
    return bool(judge.parallel.get((a, b)) or judge.parallel.get((b, a)))


def long_parallel(judge, a: int, b: int) -> bool:
    """Judged parallel, and long enough for that to mean a translation (LONG_PARALLEL sentences a
    side): on short texts a few names in order make "parallel" by chance (review17: a Portuguese
    outlet and an English blog of ten sentences each, on two names)."""
    return judged_parallel(judge, a, b) and min(len(judge.features[a]), len(judge.features[b])) >= LONG_PARALLEL


class Judge:
    """Judges pairs of beads of one story: story-level topic weights, clues per text, the model."""

    def __init__(self, texts: Sequence[Sequence[str]], features: Sequence[Sequence[object]], weights: dict[str, float], vectors=None,
                 languages: Sequence[str] | None = None):
        self.texts = texts  # per outlet (canonical order), its sentences' texts
        self.languages = languages  # per outlet, its language code ("" unknown), or None: one language
        self._joined_keys: set[tuple[str, str]] | None = None  # (x, y) for each "x and [the] y" of the story's sentences (told_apart)
        self.features = features
        self.vectors = vectors  # per outlet: rows of L2-normalised vectors, or None
        total = sum(len(row) for row in features)
        count: Counter[str] = Counter()  # how many sentences carry each feature (counted in C)
        for row in features:
            for f in row:
                count.update(f.feats)
        self.weights = {}
        self.full_weights = weights  # before the story's topic words are weighed down
        for feat, weight in weights.items():
            df = count.get(feat, 0) / (total + DF_PRIOR) if total >= TOPIC_STORY else 0.0
            if df <= TOPIC_DF_FULL:
                factor = 1.0
            elif df >= TOPIC_DF_NONE:
                factor = TOPIC_FLOOR
            else:
                factor = 1.0 - (1.0 - TOPIC_FLOOR) * (df - TOPIC_DF_FULL) / (TOPIC_DF_NONE - TOPIC_DF_FULL)
            self.weights[feat] = weight * factor
        self.parallel: dict[tuple[int, int], bool] = {}  # outlet pair -> judged parallel by the aligner
        # (outlet_a, rows, outlet_b, cols) of the beads the lengths placed between the sentence
        # model's pairs, each confirmed by the model (acrosslang.lengths_between_model_pairs)
        self.model_length_beads: set[tuple] = set()
        self.verdicts: dict[tuple, Verdict] = {}
        self._cells: dict[int, list] = {}  # id(links) -> [links seen, their cells]
        self._content_cache: dict[tuple, tuple[float, list[str]]] = {}
        # One sentence against one (nearly every question), keyed by the two parses
        # (id(Features): wire copies in different outlets share theirs, and self.features holds
        # every one for the judge's life): whether it is settled as a copy (VERBATIM, NEAR or
        # None), and the words' log-odds and evidence named.
        # (Each pair of parses keyed by one int, number(a) << 32 | number(b), each parse's number
        # dense from 0 and read by place: a big story asks about hundreds of thousands, and a
        # tuple of two ids per key was most of these caches' memory.)
        numbers: dict[int, int] = {}
        self._parse_numbers = [[numbers.setdefault(id(f), len(numbers)) for f in row] for row in features]
        self._settled: dict[int, Verdict | None] = {}
        self._sentence_content: dict[int, tuple[float, Verdict]] = {}
        self._mass: dict[frozenset[str], float] = {}
        self._clues: dict[int, Clues] = {}  # id(Features) -> the clues, the opener settled
        self._raw_clues: dict[int, Clues] = {}  # id(Features) -> _clues() of its text
        self._clue_rows: list[list[Clues] | None] = [None] * len(features)  # per outlet, per sentence: clues_of's answers (once the story's names are read)
        self._sheets: dict[int, object] = {}  # id() of each clues_of answer (held in _clue_rows) -> its facts.Sheet
        self._story_names: frozenset[str] | None = None
        self.statements: dict = {}  # id(Features) -> (statement words, their weight): statements.py's
        self._held: list[object] = []  # keeps the link lists whose id() keys _cells
        self._reference: dict[tuple[int, int], float] = {}
        self._story_reference: float | None = None

    # -- features
    def clues_of(self, k: int, i: int) -> Clues:
        """The sentence's clues, its opening word a name when the story capitalises it
        elsewhere too ("Korrin warned …" beside "… said Korrin"; not "Shops in …")."""
        row = self._clue_rows[k]
        if row is not None:
            return row[i]
        f = self.features[k][i]
        found = self._clues.get(id(f))  # one parse per distinct text (wire copies share it)
        if found is None:
            story_names = self.story_names()
            found = self._raw_clues[id(f)]
            if found.opener and found.opener in story_names and found.opener not in found.names:
                names = (found.opener,) + found.names
                found = Clues(found.words, names, found.opener, found.speakers, found.numbers, found.quoted, found.days)
            self._clues[id(f)] = found
        return found

    def _settle_clue_rows(self) -> None:
        """Every sentence's clues, by outlet and place: clues_of is asked of both sides of every
        question (most of them more than once), and a list read by place spares it the two
        lookups by parse. The same values clues_of settles one by one."""
        self._clue_rows = [None] * len(self.features)  # (clues_of reads them one by one until all are settled)
        rows = [[self.clues_of(k, i) for i in range(len(row))] for k, row in enumerate(self.features)]
        self._clue_rows = rows
        sheets = self._sheets
        for row in rows:
            for c in row:
                if id(c) not in sheets:
                    sheets[id(c)] = sheet(c)

    def _both_sheets(self, ca: Clues, cb: Clues):
        """The two sentences' facts sheets, or None when either has none (then the plain check runs)."""
        sheets = self._sheets
        sa, sb = sheets.get(id(ca)), sheets.get(id(cb))
        return None if sa is None or sb is None else (sa, sb)

    def _against(self, ca: Clues, cb: Clues) -> tuple[str, ...]:
        """facts.against(ca, cb), unread where the two sentences' sheets show it gives nothing."""
        both = self._both_sheets(ca, cb)
        if both is not None and against_none(*both):
            return ()
        return facts_against(ca, cb)

    def _counted_differ(self, ca: Clues, cb: Clues) -> bool:
        """facts.counted_differ of the two sentences (with their names and openers), unread where their sheets show it is False."""
        both = self._both_sheets(ca, cb)
        if both is not None and counted_none(*both):
            return False
        return counted_differ(ca.words, _with_opener(ca), cb.words, _with_opener(cb), self.told_apart)

    def _answers_differ(self, ca: Clues, cb: Clues) -> bool:
        """answers.answers_differ of the two sentences, read off their sheets when both have one."""
        both = self._both_sheets(ca, cb)
        if both is not None:
            return both[0].non_answer != both[1].non_answer
        return answers_differ(ca.words, cb.words)

    def story_names(self) -> frozenset[str]:
        """Every name the story's sentences give (each distinct text read once: its clues are
        kept for clues_of)."""
        if self._story_names is None:
            raw = self._raw_clues
            for k, row in enumerate(self.texts):
                parses = self.features[k]
                for i, text in enumerate(row):
                    f = parses[i]
                    if id(f) not in raw:
                        raw[id(f)] = _clues.__wrapped__(text, f.words)  # (kept here: the lru cache would keep each for the process's life)
            self._story_names = frozenset(n for found in raw.values() for n in found.names)
            self._settle_clue_rows()
        return self._story_names

    def features_of(self, a: int, rows: Sequence[int], b: int, cols: Sequence[int]) -> list[float]:
        return self._features_and_clues(a, rows, b, cols)[0]

    def _features_and_clues(self, a: int, rows: Sequence[int], b: int, cols: Sequence[int]) -> tuple[list[float], Clues, Clues]:
        fa = self.features[a][rows[0]].feats if len(rows) == 1 else frozenset().union(*(self.features[a][i].feats for i in rows))
        fb = self.features[b][cols[0]].feats if len(cols) == 1 else frozenset().union(*(self.features[b][j].feats for j in cols))
        ca = _merged([self.clues_of(a, i) for i in rows])
        cb = _merged([self.clues_of(b, j) for j in cols])
        x = pair_features(fa, fb, ca, cb, self.weights, self._mass, self._against)
        if x[9] and not self.same_language(a, b):
            x[9] = 0.0  # a translated quote is in other words by nature: no sign it was changed
        return x, ca, cb

    def semantic(self, a: int, rows: Sequence[int], b: int, cols: Sequence[int]) -> float | None:
        """The pair's cosine above the outlet pair's reference level, scaled to 0..1 (may be below 0)."""
        if self.vectors is None or self.vectors[a] is None or self.vectors[b] is None:
            return None
        va = self.vectors[a][list(rows)].mean(axis=0)
        vb = self.vectors[b][list(cols)].mean(axis=0)
        cos = float(va @ vb) / max(1e-9, float((va @ va) ** 0.5 * (vb @ vb) ** 0.5))
        ref = self.reference(a, b)
        return (cos - ref) / max(1e-3, 1.0 - ref)

    def reference(self, a: int, b: int) -> float:
        found = self._reference.get((a, b))
        if found is None:
            import numpy

            va, vb = self.vectors[a], self.vectors[b]
            if len(va) * len(vb) >= REFERENCE_PAIRS:
                found = float(numpy.median(va @ vb.T))
            else:
                found = self.story_reference()
            self._reference[(a, b)] = found
        return found

    def story_reference(self) -> float:
        if self._story_reference is None:
            import numpy

            cells = [(v @ w.T).ravel() for n, v in enumerate(self.vectors) for w in self.vectors[n + 1:]
                     if v is not None and w is not None]
            cells = numpy.concatenate(cells) if cells else numpy.zeros(0)
            self._story_reference = float(numpy.median(cells)) if len(cells) >= REFERENCE_PAIRS else TYPICAL_COSINE
        return self._story_reference

    def forget_cells(self) -> None:
        """Drop the confirmed cells of the link lists asked about so far (neighbours): once an
        outlet pair is aligned, no list of its passes is asked about again (each is the pass's
        own, or a temporary one), and a big story's would otherwise all stay until the end."""
        self._cells = {}
        self._held = []

    def forget_pairs(self) -> None:
        """Drop what only the outlet pairs' passes ask (each pass's confirmed cells, the statement
        words): once every pair is aligned, grouping and the statuses need neither, and on a big
        story they would sit beside the groups' own work at the memory's peak."""
        self.statements = {}
        self._cells = {}
        self._held = []

    # -- decisions in the aligner
    def neighbours_confirmed(self, a: int, rows: Sequence[int], b: int, cols: Sequence[int], links: Sequence) -> bool:
        """The pair stands between two pairs already made in both texts: (i-1, j-1) before and
        (i+1, j+1) after (both texts' start, or both texts' end, counts as confirmed)."""
        return self.neighbours(a, rows, b, cols, links) == 2

    def neighbours(self, a: int, rows: Sequence[int], b: int, cols: Sequence[int], links: Sequence) -> int:
        """How many of the pair's two sides (before, after) continue a pair already made."""
        found = self._cells.get(id(links))
        if found is None or found[0] > len(links):
            found = [0, {(-1, -1), (len(self.texts[a]), len(self.texts[b]))}]
            self._cells[id(links)] = found
            self._held.append(links)
        cells = found[1]
        for link in links[found[0]:]:  # the links added since the last question
            cells.update((i, j) for i in link.rows for j in link.cols)
        found[0] = len(links)
        before, after = (rows[0] - 1, cols[0] - 1), (rows[-1] + 1, cols[-1] + 1)
        if before == (-1, -1) and after == (len(self.texts[a]), len(self.texts[b])):
            return 0  # the whole of both texts: nothing around it confirms anything
        return (before in cells) + (after in cells)

    def same_place(self, a: int, rows: Sequence[int], b: int, cols: Sequence[int]) -> bool:
        """At the same relative place in two texts long enough for a place to mean something."""
        if min(len(self.texts[a]), len(self.texts[b])) < PLACE_TEXTS:
            return False
        na, nb = len(self.texts[a]) - 1, len(self.texts[b]) - 1
        return abs(rows[0] / na - cols[0] / nb) <= PLACE_NEAR

    def accept(self, a: int, rows: Sequence[int], b: int, cols: Sequence[int], links: Sequence, retold: bool = False, semantic: bool = False) -> bool:
        if len(rows) == 1 and len(cols) == 1 and self.features[a][rows[0]] is self.features[b][cols[0]]:
            return True  # one text (wire copies share their parse): verbatim, nothing to weigh
        if not retold:
            # The words first: what they settle alone needs no look at the neighbours (most pairs).
            verdict = self.verdict(a, rows, b, cols, 0.0, semantic)
            if verdict.confidence >= SAME_STATEMENT and not (semantic and VETO & set(verdict.evidence)):
                self.verdicts[(a, tuple(rows), b, tuple(cols))] = verdict
                return True
        sides = self.neighbours(a, rows, b, cols, links)
        supported = sides == 2
        if retold:
            if not supported or len(rows) != 1 or len(cols) != 1:
                return False  # no words in common and no confirmed pair on both sides: position alone
            structure = POSITION_PARALLEL + POSITION_NEIGHBOURS
        else:
            structure = POSITION_NEIGHBOURS * sides / 2  # half for a pair that continues one on one side
            if self.same_place(a, rows, b, cols):
                structure += POSITION_NEAR
        verdict = self.verdict(a, rows, b, cols, structure, semantic)
        self.verdicts[(a, tuple(rows), b, tuple(cols))] = verdict
        if PLACE_VETO & set(verdict.evidence):
            # Neither a sentence model nor a place in the text tells who did what to whom, one
            # number from another, or who said it: against that, only the words themselves may
            # decide (above).
            return False
        return retold or verdict.confidence >= SAME_STATEMENT

    def contradicted(self, a: int, rows: Sequence[int], b: int, cols: Sequence[int]) -> bool:
        """In parallel text: the words swap who acts on whom, and do not, on their own, make the
        pair likely. (Numbers are not asked here: a translation writes "3 000" for "3,000".)"""
        if len(rows) != 1 or len(cols) != 1:
            return False
        verdict = self.verdict(a, rows, b, cols)
        return "roles swapped" in verdict.evidence and verdict.confidence < SAME_STATEMENT

    def link_verdict(self, link) -> Verdict:
        """A finished link's verdict: the one it was judged with, else (a pair the programme
        made in parallel text, or a link grown since) from its content and its pair's structure."""
        if len(link.rows) == 1 and len(link.cols) == 1 and self.features[link.outlet_a][link.rows[0]] is self.features[link.outlet_b][link.cols[0]]:
            return VERBATIM  # one text (wire copies share their parse)
        key = (link.outlet_a, link.rows, link.outlet_b, link.cols)
        found = self.verdicts.get(key)
        if found is None:
            structure = POSITION_PARALLEL if self.parallel.get((link.outlet_a, link.outlet_b)) else 0.0
            found = self.verdicts[key] = self.verdict(link.outlet_a, link.rows, link.outlet_b, link.cols, structure)
        return found

    # -- verdicts
    def content(self, a: int, rows: Sequence[int], b: int, cols: Sequence[int], semantic: bool = False) -> tuple[float, list[str]]:
        """Log-odds from what the texts say, and the evidence named. The sentence model speaks
        only when asked (the order-free phase's second look at what the words left unlinked)."""
        x, ca, cb = self._features_and_clues(a, rows, b, cols)
        sem = self.semantic(a, rows, b, cols) if semantic else None
        model = LEXICAL_MODEL if sem is None else SEMANTIC_MODEL
        values = x + ([] if sem is None else [sem])
        logit = model[0] + sum(w * v for w, v in zip(model[1:], values))
        said = self.said_alike(a, rows, b, cols, ca, cb)
        if said is not None:
            # One speaker's reported speech: what was said is compared, not who said it where.
            # Lower only where the two attributions are one ("'…,' said Ivo Brask, Velmont's foreign
            # minister, in Geneva": two quotes of one speaker share all but what was said); else a
            # clause read off the words may leave out what the attribution carries.
            said_logit = model[0] + sum(w * v for w, v in zip(model[1:], said + ([] if sem is None else [sem])))
            if said_logit > logit or self._attributed_alike(a, rows, b, cols, ca, cb):
                x, logit = said, said_logit
        named = name_evidence(x, sem) + [e for e in self._against(ca, cb) if e not in ("numbers differ", "roles swapped")]
        if not x[5] and self.same_language(a, b) and self._counted_differ(ca, cb):
            # The same count of two things the story tells apart: another count, as a number
            # that differs (the same weight).
            named.append("counted differ")
            logit += model[6]
        if "roles swapped" not in named and self.same_language(a, b) and (ca.speakers or cb.speakers) and spoken_to(ca, cb):
            # Who speaks in one is, in the other, only whom an act is done to ("Vastoria says its
            # troops … are on exercises" / "The leaders urged Vastoria to withdraw the troops …"):
            # the answer and the demand, the denial and the accusation, are two acts.
            named.append("roles swapped")
            logit += model[6]
        if self.same_language(a, b) and self._answers_differ(ca, cb):
            # One reports that someone would not say, the other an answer (answers.py): two
            # acts, however alike their words about the question (the weight of roles swapped).
            named.append("answers differ")
            logit += model[6]
        small = self.small_against(a, b, ca, cb) if "actors differ" not in named else None
        if small:
            # Institutions written small ("the union said" / "the company said"): another speaker
            # weighs as a named one does; another actor is named (and caps the pair at possible).
            named.append(small)
            if small == "speakers differ":
                logit += model[8]
        if "roles swapped" not in named and set(ca.names) & set(cb.names):
            named.insert(0, "names")  # the same actors named (across languages, often all there is)
        if logit < _CEILING_LOGIT and not AGAINST.intersection(named) and not VETO.intersection(named) and self.facts_agree(ca, cb) >= FACTS_AGREE_LEAST:
            # Up to "possible" at most (POSITION_CEILING), never to "sure": the same count on the
            # same day may be another group of people ("2,500 police officers were deployed …" /
            # "2,500 farmers drove …"); a pair the words alone make sure is left as they make it.
            logit = min(logit + FACTS_AGREE, _CEILING_LOGIT)
        return logit, named

    def same_language(self, a: int, b: int) -> bool:
        if self.languages is None:
            return True
        la, lb = self.languages[a], self.languages[b]
        return not la or not lb or la == lb

    def said_alike(self, a: int, rows: Sequence[int], b: int, cols: Sequence[int], ca: Clues, cb: Clues) -> list[float] | None:
        """The pair's features on the reported clauses alone, when both sentences report speech
        by one named speaker ("Ilse Varnholm said at a press conference that the alliance did not
        seek …" / "Varnholm added that the alliance was not seeking …"), else None."""
        within = self.said_within(a, rows, b, cols, ca, cb)
        if within is None:
            return None
        (said_a, keep_a), (said_b, keep_b) = within
        clause_a = Clues(said_a, ca.names, ca.opener, ca.speakers, ca.numbers, ca.quoted, ca.days)
        clause_b = Clues(said_b, cb.names, cb.opener, cb.speakers, cb.numbers, cb.quoted, cb.days)
        return pair_features(keep_a, keep_b, clause_a, clause_b, self.weights, self._mass)

    def _attributed_alike(self, a: int, rows: Sequence[int], b: int, cols: Sequence[int], ca: Clues, cb: Clues) -> bool:
        """The words around the two reported clauses (who said it, where, how) are near one."""
        (said_a, _), (said_b, _) = self.said_within(a, rows, b, cols, ca, cb)
        rest_a = tuple(w for w in ca.words if w not in frozenset(said_a))
        rest_b = tuple(w for w in cb.words if w not in frozenset(said_b))
        return min(len(rest_a), len(rest_b)) >= ATTRIBUTION_LEAST and Indel.normalized_similarity(rest_a, rest_b) >= NEAR_VERBATIM

    def said_within(self, a: int, rows: Sequence[int], b: int, cols: Sequence[int], ca: Clues, cb: Clues):
        """Each side's reported clause (its words, its features) when both sentences report
        speech by one named speaker and one of them says more than the clause, else None."""
        speaker = ca.speakers & cb.speakers
        if not speaker or len(rows) != 1 or len(cols) != 1 or not self.same_language(a, b):
            return None
        said_a, said_b = reported_clause(ca, speaker), reported_clause(cb, speaker)
        if said_a is None or said_b is None or (said_a == ca.words and said_b == cb.words):
            return None
        fa, fb = self.features[a][rows[0]].feats, self.features[b][cols[0]].feats
        return ((said_a, fa & {feature_of(w) for w in said_a}), (said_b, fb & {feature_of(w) for w in said_b}))

    def small_against(self, a: int, b: int, ca: Clues, cb: Clues) -> str | None:
        """Another speaker or actor written small (facts.small_actors_differ), in one language
        and where neither sentence names who speaks."""
        if ca.speakers or cb.speakers or not self.same_language(a, b):
            return None
        both = self._both_sheets(ca, cb)
        if both is not None and small_none(*both):
            return None
        return small_actors_differ(ca.words, _with_opener(ca), cb.words, _with_opener(cb), self.told_apart)

    def told_apart(self, ka: str, kb: str) -> bool:
        """The story names the two words (keys) as two things: in a sentence that joins them ("the
        union and the company", "police and farmers", "trucks or jobs"; a story that varies its
        words for one thing, "the deal … the agreement", does not join them so), and neither is a
        name it capitalises ("seven coal miners" in a story of Velka Coal)."""
        names = self.story_names()
        if ka in names or kb in names:
            return False
        joined = self._joined_keys
        if joined is None:
            # Every pair of keys some sentence joins, read once for the story: a sentence joins
            # ka and kb (_joined) exactly when one of the pairs it joins is (ka, kb) or (kb, ka)
            # (tests/unit/test_speed_equivalence_2.py holds it to the plain search, sentence by
            # sentence through those holding both keys).
            joined = self._joined_keys = set()
            for row in self.features:
                for f in row:
                    if _JOINING.isdisjoint(f.words):
                        continue  # no sentence joins anything in it
                    joined.update(joined_pairs(tuple(map(word_key, f.words))))
        return (ka, kb) in joined or (kb, ka) in joined

    def facts_agree(self, ca: Clues, cb: Clues) -> int:
        """How many numbers and days of the week both sentences give that the story does not give
        everywhere (FACT_TOPIC: its judge weighs them down as topic words)."""
        shared = [n for n in ca.numbers & cb.numbers]
        if ca.days & cb.days:
            days = ca.days & cb.days
            shared += [w[:5] for w in ca.words if _DAYS.get(w) in days]
        full = self.full_weights
        return len({k for k in shared if k not in full or self.weights.get(k, 0.0) > FACT_TOPIC * full[k]})

    def verdict(self, a: int, rows: Sequence[int], b: int, cols: Sequence[int], structure: float = 0.0, semantic: bool = False) -> Verdict:
        if len(rows) == 1 and len(cols) == 1:
            # What the two texts say is read once per pair of parses; only the structure (and
            # the sentence model's cosine, which depends on the outlet pair) is per question.
            i, j = rows[0], cols[0]
            numbers = self._parse_numbers
            pair = numbers[a][i] << 32 | numbers[b][j]
            settled = self._settled.get(pair, False)
            if settled is False:
                settled = self._settled[pair] = self._copy(a, i, b, j)
            if settled is not None:
                return settled
            if not semantic:
                found = self._sentence_content.get(pair)
                if found is None:
                    # Kept as the log-odds and the verdict of the words alone (most questions; a
                    # frozen value, handed out again as it is), whose evidence is the named list
                    # as a tuple: _weighed(logit, named, 0.0) always gives Verdict(sigmoid(logit), tuple(named)).
                    logit, named = self.content(a, rows, b, cols)
                    found = self._sentence_content[pair] = (logit, _weighed(logit, named, 0.0))
                if structure == 0.0:
                    return found[1]
                return _weighed(found[0], list(found[1].evidence), structure)
        key = (a, tuple(rows), b, tuple(cols), semantic)
        found = self._content_cache.get(key)
        if found is None:
            found = self._content_cache[key] = self.content(a, rows, b, cols, semantic)
        return _weighed(*found, structure)

    def _copy(self, a: int, i: int, b: int, j: int) -> Verdict | None:
        """VERBATIM or NEAR when one sentence copies the other, else None (the evidence decides)."""
        if self.texts[a][i] == self.texts[b][j]:
            return VERBATIM
        ca, cb = self.clues_of(a, i), self.clues_of(b, j)
        if (ca.numbers == cb.numbers and ca.days == cb.days and ca.names == cb.names and Indel.normalized_similarity(ca.words, cb.words) >= NEAR_VERBATIM
                and not self._against(ca, cb) and not self.small_against(a, b, ca, cb)):
            return NEAR  # a word or two changed, the same numbers and actors in the same order
        return None


_ADDRESS_SKIP = frozenset("the a an its their on to".split())  # between an act and whom it is done to ("urged the Halden Alliance", "called on Velmont")


def spoken_to(ca: Clues, cb: Clues) -> bool:
    """One sentence's speaker is named in the other only as whom an act of a frame family (warn,
    urge, call on, accuse, blame …: frames.FAMILY) is done to, right after the verb, and is no
    speaker there nor named before that verb; nor is it whom such an act is done to in the
    first ("the group criticizing Schwarzenegger, the League …, said" / "The League …, the group
    criticizing Schwarzenegger, said": the same roles). A day or a month is nobody."""
    return _addressed(ca, cb) or _addressed(cb, ca)


def _addressed(ca: Clues, cb: Clues) -> bool:
    speakers = ca.speakers - cb.speakers - _TIME_KEYS
    if not speakers:
        return False
    whom = _addressees(cb) & speakers
    return bool(whom) and not whom <= _addressees(ca)


def _addressees(c: Clues) -> frozenset[str]:
    """The names whom an act of a frame family is done to, right after its verb, that are not
    named just before it."""
    words = c.words
    if FAMILY.keys().isdisjoint(words):
        return frozenset()
    found = set()
    for n, word in enumerate(words):
        if word not in FAMILY:
            continue
        particle = _PARTICLE.get(word)
        if particle is not None and words[n + 1:n + 2] != (particle,):
            continue  # "call" and "appeal" name the act only with their particle ("called on Velmont")
        after = [w[:5] for w in words[n + 1:n + 1 + FRAME_AFTER] if w not in _ADDRESS_SKIP]
        whom = next((k for k in after if k in c.names and k not in _TIME_KEYS), None)
        if whom is not None and whom not in {w[:5] for w in words[max(0, n - FRAME_BEFORE):n]}:
            found.add(whom)
    return frozenset(found)


# Words that join two things in a list ("the union and the company"), in the languages whose
# weekdays the judge reads, and the articles that may stand before the second.
_JOINING = frozenset("and or nor versus vs et ou und oder y o e".split())
_JOINED_ARTICLES = frozenset("the a an its their both le la les l un une des der die das den dem des ein eine el los las".split())


def joined_pairs(keys: tuple[str, ...]) -> list[tuple[str, str]]:
    """Each (x, y) the keys join: "x and [the] y", "x or y" (what _joined looks for, every pair at once)."""
    found = []
    last = len(keys)
    for n in range(last - 2):
        m = n + 1
        if keys[m] in _JOINING:
            m += 1
            while m < last and keys[m] in _JOINED_ARTICLES:
                m += 1
            if m < last:
                found.append((keys[n], keys[m]))
    return found


def _joined(keys: tuple[str, ...], ka: str, kb: str) -> bool:
    """Keys ka and kb stand joined in the words: "ka and [the] kb" or "kb or kb"."""
    for n, k in enumerate(keys):
        if k != ka and k != kb:
            continue
        other = kb if k == ka else ka
        m = n + 1
        if m < len(keys) and keys[m] in _JOINING:
            m += 1
            while m < len(keys) and keys[m] in _JOINED_ARTICLES:
                m += 1
            if m < len(keys) and keys[m] == other:
                return True
    return False


def _with_opener(c: Clues) -> frozenset[str]:
    return frozenset(c.names) | ({c.opener} if c.opener else frozenset())


def _weighed(logit: float, named: list[str], structure: float) -> Verdict:
    """The verdict of the words' log-odds and the structure the aligner adds."""
    if structure > 0:
        named = named + ["position"]
        if sigmoid(logit) < SAME_STATEMENT:
            # The words alone would not pair them; their place does. Shown as "possible", never
            # as sure: a retelling's lead beside the wire's lead may be another statement.
            return Verdict(min(sigmoid(logit + structure), POSITION_CEILING), tuple(named))
    confidence = sigmoid(logit + structure)
    if AGAINST.intersection(named):
        # The words name something against (another speaker, another quote): however much else
        # they share, the pair is shown as "possible", never as sure.
        confidence = min(confidence, POSITION_CEILING)
    return Verdict(confidence, tuple(named))


def name_evidence(x: Sequence[float], sem: float | None) -> list[str]:
    lexical, contained, run, run_contained, numbers, numbers_differ, roles, speakers, quote, quote_differs = x
    named = []
    if max(lexical, contained) >= 0.4:
        named.append("lexical")
    if max(run, run_contained) >= 0.6:
        named.append("run")
    if numbers:
        named.append("numbers")
    if quote:
        named.append("quote")
    if sem is not None and sem >= 0.5:
        named.append("semantic")
    if numbers_differ:
        named.append("numbers differ")
    if roles:
        named.append("roles swapped")
    if speakers:
        named.append("speakers differ")
    if quote_differs:
        named.append("quote differs")
    return named


def pair_features(fa: frozenset[str], fb: frozenset[str], ca: Clues, cb: Clues, weights: dict[str, float], masses: dict | None = None,
                  against=facts_against) -> list[float]:
    """`against`: facts.against, or what answers as it does (the judge's, which reads the two
    sentences' facts sheets first)."""
    shared = fa & fb
    weight = weights.__getitem__  # every feature of the story has its weight
    masses = {} if masses is None else masses
    ma = masses.get(fa)
    if ma is None:
        ma = masses[fa] = sum(map(weight, fa))
    mb = masses.get(fb)
    if mb is None:
        mb = masses[fb] = sum(map(weight, fb))
    overlap = sum(map(weight, shared))
    lexical = 2 * overlap / (ma + mb) if ma + mb else 0.0
    contained = overlap / min(ma, mb) if len(shared) >= 3 and min(ma, mb) > 0 else lexical
    la, lb = len(ca.words), len(cb.words)
    if la and lb:
        common = (la + lb - Indel.distance(ca.words, cb.words)) / 2  # longest common subsequence
        run, run_contained = common / max(la, lb), common / min(la, lb)
    else:
        run = run_contained = 0.0
    numbers = 1.0 if ca.numbers & cb.numbers else 0.0
    if not numbers and (ca.numbers or cb.numbers) and (ca.numbers & counts(cb.words) or cb.numbers & counts(ca.words)):
        numbers = 1.0  # one figure, in digits and in words ("6 a.m." / "six in the morning", "1 km" / "one kilometre")
    # A number or a day each gives and the other does not: another count, another day.
    only_a, only_b = ca.numbers - cb.numbers, cb.numbers - ca.numbers
    if only_a and only_b:  # ... unless one gives the other's figure rounded ("around 170" / "171")
        rounded_a, rounded_b = rounded_alike(ca.words, ca.numbers, cb.words, cb.numbers)
        only_a, only_b = only_a - rounded_a, only_b - rounded_b
    if only_a and only_b:  # ... or in words ("6 a.m." / "six in the morning")
        only_a, only_b = only_a - counts(cb.words), only_b - counts(ca.words)
    numbers_differ = 1.0 if (only_a and only_b) or ((ca.days - cb.days) and (cb.days - ca.days)) else 0.0
    shared_names = [n for n in ca.names if n in cb.names]
    # Who did what to whom: "Velmont accused Korrin …" / "Korrin warned Velmont …" swap agent and
    # patient. A mere change of order elsewhere is common in paraphrase (an attribution moved to
    # the end, "X and Y"); the agent becoming the patient is not.
    ta, tb = _who_to_whom(ca), _who_to_whom(cb)
    roles = 1.0 if ta and tb and ta == (tb[1], tb[0]) else 0.0
    # ... and the same, read around a verb both give, with titles or a dateline before the names;
    # a month or a number written out each gives and the other does not (retold.model.align.facts).
    found = against(ca, cb)
    roles = roles or float("roles swapped" in found)
    numbers_differ = numbers_differ or float("numbers differ" in found)
    # Another speaker: each names who speaks, and neither names the other's speaker at all.
    # (The opening word counts as named here: "Britain said …" beside "Britain has said …" is one
    # speaker, though an opening capital alone does not make a name elsewhere.)
    speakers = 1.0 if ca.speakers and cb.speakers and not ca.speakers & {*cb.names, cb.opener} and not cb.speakers & {*ca.names, ca.opener} else 0.0
    quote = quote_differs = 0.0
    if ca.quoted and cb.quoted:
        q = Indel.normalized_similarity(ca.quoted, cb.quoted)
        quote, quote_differs = (1.0, 0.0) if q >= 0.6 else ((0.0, 1.0) if q < 0.3 else (0.0, 0.0))
    return [lexical, contained, run, run_contained, numbers, numbers_differ, roles, speakers, quote, quote_differs]


def embed_rows(embedder, rows: Sequence[Sequence[str]]):
    """Per outlet, the L2-normalised vectors of its sentences (each distinct text embedded once)."""
    import numpy

    distinct = sorted({text for row in rows for text in row})
    if not distinct:
        return [None for _row in rows]
    matrix = numpy.asarray(embedder.embed(distinct), dtype=numpy.float32)
    where = {text: n for n, text in enumerate(distinct)}
    return [matrix[[where[t] for t in row]] if row else None for row in rows]
