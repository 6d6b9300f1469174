"""Phase 7: statuses (shared when near-verbatim with another outlet's part of the group, else
altered; unique outside every group) and the frozen `Alignment`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from retold.model.align.coherence import peer_supported
from retold.model.align.evidence import AGAINST, Judge, Verdict, judged_parallel, long_parallel
from retold.model.align.factwords import counts
from retold.model.align.params import SHARED_SIMILARITY, STATUS_SCORE_FLOOR
from retold.model.align.records import Features, Link, new_member, with_status
from retold.model.align.scoring import Scorer
from retold.model.story import Alignment, Group, Member, Outlet, Sentence, Status

Node = tuple[int, int]  # (outlet in canonical order, sentence index)


class _Evidence:
    """Per sentence: the best score and the best word-level similarity of the links that hold it
    inside its group (a refused link says nothing about the group)."""

    def __init__(self, group_of: dict[Node, int], features: list[list[Features]], scorer: Scorer, judge: Judge | None = None):
        self.group_of, self.features, self.scorer, self.judge = group_of, features, scorer, judge
        self.score: dict[Node, float] = {}
        self.words: dict[Node, float] = {}
        self.verdict: dict[Node, Verdict] = {}  # the best verdict of its links: its score and evidence

    def judged(self, link: Link, nodes) -> None:
        if self.judge is None:
            return
        verdict = self.judge.link_verdict(link)
        for node in nodes:
            found = self.verdict.get(node)
            if found is None or verdict.confidence > found.confidence:
                self.verdict[node] = self._own(verdict, link, node)

    def _own(self, verdict: Verdict, link: Link, node: Node) -> Verdict:
        """A merge's verdict as one of its sentences carries it: the quoted words and the numbers
        are named only for a sentence that gives some ("The summit host, Prime Minister Jonas
        Brekke, appealed for help." beside the next sentence's quote, against one sentence that
        holds both, was shown with `quote`)."""
        side = link.rows if node[0] == link.outlet_a else link.cols
        if len(side) == 1 or not ("quote" in verdict.evidence or "numbers" in verdict.evidence):
            return verdict
        clues = self.judge.clues_of(*node)
        drop = set()
        if not clues.quoted:
            drop.add("quote")
        if not clues.numbers and not counts(clues.words):
            drop.add("numbers")
        if not drop.intersection(verdict.evidence):
            return verdict
        return Verdict(verdict.confidence, tuple(e for e in verdict.evidence if e not in drop))

    def differs(self, link: Link) -> bool:
        """The link's words name a fact told otherwise (another number or month, roles swapped,
        another actor or speaker, a negation): whatever its words share, it is no near-verbatim
        copy, so it makes no sentence "shared" (another link of the group still may)."""
        return self.judge is not None and not AGAINST.isdisjoint(self.judge.link_verdict(link).evidence)

    def one_to_one(self, link: Link) -> None:
        """A one-to-one link, by far the commonest: as `many` without the lists (word
        similarity is symmetric, so one value serves both sides)."""
        node_a, node_b = (link.outlet_a, link.rows[0]), (link.outlet_b, link.cols[0])
        group = self.group_of.get(node_a)
        if group is None or self.group_of.get(node_b) != group:
            return
        score, best_score, best_words = link.score, self.score, self.words
        # best_words only decides shared (>= SHARED_SIMILARITY) or not: the edit distance is
        # spared when both sides are shared already, or when the word counts alone keep the
        # pair below the bar (the similarity is at most 2·min / (len_a + len_b)).
        fa, fb = self.features[link.outlet_a][link.rows[0]], self.features[link.outlet_b][link.cols[0]]
        la, lb = len(fa.words), len(fb.words)
        # The link's verdict, asked once here for both differs() and judged() (the judge keeps
        # it: asking again gives the same one).
        verdict = self.judge.link_verdict(link) if self.judge is not None else None
        if (
            score < STATUS_SCORE_FLOOR
            or (best_words.get(node_a, 0.0) >= SHARED_SIMILARITY and best_words.get(node_b, 0.0) >= SHARED_SIMILARITY)
            or 2 * min(la, lb) < (SHARED_SIMILARITY - 1e-9) * (la + lb)
            or (verdict is not None and not AGAINST.isdisjoint(verdict.evidence))  # differs()
        ):
            words = 0.0  # too little shared weight to be near-verbatim: spare the edit distance
        else:
            words = self.scorer.sentence_words(fa, fb)
        best_verdict = self.verdict
        for node in (node_a, node_b):
            if score > best_score.get(node, 0.0):
                best_score[node] = score
            if words > best_words.get(node, 0.0):
                best_words[node] = words
            if verdict is not None:  # judged()
                found = best_verdict.get(node)
                if found is None or verdict.confidence > found.confidence:
                    best_verdict[node] = verdict

    def many(self, link: Link) -> None:
        nodes_a = [(link.outlet_a, i) for i in link.rows]
        nodes_b = [(link.outlet_b, j) for j in link.cols]
        group = self.group_of.get(nodes_a[0])
        if group is None or any(self.group_of.get(node) != group for node in nodes_a + nodes_b):
            return
        side_a = [self.features[link.outlet_a][i] for i in link.rows]
        side_b = [self.features[link.outlet_b][j] for j in link.cols]
        one_to_one = len(side_a) == 1 and len(side_b) == 1
        differs = self.differs(link)
        for nodes, own, other in ((nodes_a, side_a, side_b), (nodes_b, side_b, side_a)):
            for node, f in zip(nodes, own):
                if link.score < STATUS_SCORE_FLOOR or differs:
                    words = 0.0  # too little shared weight to be near-verbatim: spare the edit distance
                elif one_to_one:
                    words = self.scorer.words(own, other)
                else:
                    # A merge or split is "altered" however few words changed; a sentence is
                    # still shared when it stands verbatim as one sentence on the other side
                    # (copied beside a neighbour the other outlet lacks, or a repeated standfirst).
                    words = max(self.scorer.words([f], [g]) for g in other)
                self.score[node] = max(self.score.get(node, 0.0), link.score)
                self.words[node] = max(self.words.get(node, 0.0), words)
        self.judged(link, nodes_a + nodes_b)


def _finished_outlets(outlets: Sequence[Outlet], canonical: list[int], groups: list[list[Node]], evidence: _Evidence) -> tuple[dict[str, Outlet], list[list[Member]]]:
    """Every outlet with its sentences' statuses, and each group's members."""
    finished: dict[str, Outlet] = {}
    group_members: list[list[Member]] = [[] for _ in groups]
    for k, outlet in enumerate(outlets[n] for n in canonical):
        sentences: list[Sentence] = []
        for sentence in outlet.sentences:
            node = (k, sentence.index)
            group = evidence.group_of.get(node)
            if group is None:
                sentences.append(with_status(sentence, Status.UNIQUE, None))
                continue
            status = Status.SHARED if evidence.words.get(node, 0.0) >= SHARED_SIMILARITY else Status.ALTERED
            sentences.append(with_status(sentence, status, group))
            verdict = evidence.verdict.get(node)
            if verdict is None:  # no judge: the similarity stands
                member = new_member(outlet.id, sentence.index, round(min(1.0, evidence.score.get(node, 0.0)), 4))
            else:
                member = new_member(outlet.id, sentence.index, round(verdict.confidence, 4), verdict.evidence)
            group_members[group].append(member)
        finished[outlet.id] = replace(outlet, sentences=tuple(sentences))
    return finished, group_members


def _weighed(groups: list[list[Node]], links: list[Link], features: list[list[Features]], scorer: Scorer,
             judge: Judge | None) -> _Evidence:
    group_of: dict[Node, int] = {}
    for number, members in enumerate(groups):
        for node in members:
            group_of[node] = number
    evidence = _Evidence(group_of, features, scorer, judge)
    for link in links:
        if len(link.rows) == 1 and len(link.cols) == 1:
            evidence.one_to_one(link)
        else:
            evidence.many(link)
    return evidence


def _placed_by_lengths(link: Link, judge: Judge | None) -> bool:
    """A length+order bead that a translation's lengths hold: between texts judged parallel, long
    enough for that to mean a translation; or one the lengths placed between the sentence model's
    pairs and the model confirmed (`acrosslang.lengths_between_model_pairs`). Ten-sentence texts
    read as "parallel" on two names hold nothing (review17), nor a bead of texts not judged
    parallel that the model did not confirm (review16's governor and deputy at 0.05)."""
    if judge is None:
        return link.basis == "length+order"
    a, b = link.outlet_a, link.outlet_b
    if (a, link.rows, b, link.cols) in getattr(judge, "model_length_beads", ()):
        return True  # (a half the lengths and the model joined to a link of any basis too)
    return link.basis == "length+order" and long_parallel(judge, a, b)


def _against_only(evidence: _Evidence, placed: set[Node] = frozenset()) -> set[Node]:
    """The sentences whose best verdict in their group names no evidence at all (a review's
    governor and deputy governor paired at 0.05, "evidence: none named"), unless the group holds
    an outlet judged parallel to theirs (a translation's bead: its place is the evidence); or
    evidence against and none for it beyond their place (~0.03, "numbers differ, position"),
    unless that parallel outlet is of their language (a figure written otherwise in a machine
    translation is still that sentence: Text+Berg)."""
    if evidence.judge is None:
        return set()
    # (a sentence no link of its group holds at all, left there when the group was cut, has no verdict)
    unnamed = {node for node in evidence.group_of
               if node not in placed and ((verdict := evidence.verdict.get(node)) is None or not verdict.evidence)}
    against = {node for node, verdict in evidence.verdict.items()
               if node not in unnamed and not AGAINST.isdisjoint(verdict.evidence)
               and set(verdict.evidence) <= AGAINST | {"position"}}
    if not unnamed and not against:
        return set()
    judge, languages = evidence.judge, evidence.judge.languages

    def placed_by_parallel_text(k: int, l: int, one_language: bool) -> bool:
        # (against a fact, one language only: a French paper and an English live blog read as
        # "parallel" on a few names is no translation whose order outweighs another number; and
        # across languages, only texts long enough for "parallel" to mean a translation)
        if languages is None or not (languages[k] and languages[l] and languages[k] != languages[l]):
            return judged_parallel(judge, k, l)
        return not one_language and long_parallel(judge, k, l)

    outlets_of: dict[int, set[int]] = {}
    for (k, _), group in evidence.group_of.items():
        outlets_of.setdefault(group, set()).add(k)
    return {(k, i) for k, i in unnamed | against
            if not any(placed_by_parallel_text(k, l, (k, i) in against) for l in outlets_of[evidence.group_of[(k, i)]] if l != k)}


def finish(outlets: Sequence[Outlet], canonical: list[int], groups: list[list[Node]], links: list[Link], features: list[list[Features]], scorer: Scorer, judge: Judge | None = None) -> Alignment:
    if judge is not None:
        languages = [(outlets[n].meta.language or "").split("-")[0].lower() for n in canonical]
        groups = peer_supported(groups, links, judge, languages)
    evidence = _weighed(groups, links, features, scorer, judge)
    # (a bead the lengths placed between the sentence model's pairs, `acrosslang`, is placed by
    # evidence the words do not name: not "unnamed")
    placed = {node for link in links if _placed_by_lengths(link, judge)
              for node in [(link.outlet_a, i) for i in link.rows] + [(link.outlet_b, j) for j in link.cols]}
    unsupported = _against_only(evidence, placed)
    if unsupported:
        # A sentence whose every link in its group names nothing for it but its place, and
        # something against it ("numbers differ"), is no counterpart: out of the group, and the
        # group weighed again without it (its partners may have had no other link).
        groups = [kept for kept in ([node for node in members if node not in unsupported] for members in groups)
                  if len({k for k, _ in kept}) > 1]
        evidence = _weighed(groups, links, features, scorer, judge)
    finished, group_members = _finished_outlets(outlets, canonical, groups, evidence)
    position = {outlet.id: n for n, outlet in enumerate(outlets)}  # members listed in story order
    result_groups = tuple(
        Group(id=number, members=tuple(sorted(members, key=lambda m: (position[m.outlet], m.sentence))))
        for number, members in enumerate(group_members)
    )
    return Alignment(outlets=tuple(finished[o.id] for o in outlets), groups=result_groups)
