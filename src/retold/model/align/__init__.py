"""Group corresponding sentences across outlets.

The alignment is built in phases, each a pure function of the one before, each in its own module:

1. `features` — per sentence: its words (for the near-verbatim test), its informative features
   (accent-stripped five-letter word prefixes: a light stemmer that also meets cognates across
   languages, and numbers) and its length;
2. `features.feature_weights` — inverse statement frequency: rare words are evidence, topic
   words are not;
3. `candidates` — for every outlet pair, the sentences that share rare features (an inverted
   index of each sentence's rarest features), scored once per distinct pair of texts
   (`scoring`);
4. `anchors` — reciprocal best candidates above a high bar, guarded against short and repeated
   lines; their longest increasing chain; whether the pair is parallel, and on what basis (its
   confident pairs, a translation's shape, or `lengths`: its sentence lengths follow each other
   in order);
5. `pairs` — per outlet pair: the chain splits both texts into gaps; the banded monotone
   dynamic programme of `gaps` (moves up to 1:4/4:1 and 2:3/3:2, lexical cost scaled by bead
   size, a Gale–Church length cost, a skip cost) aligns each gap; `beads` trims and judges its
   beads, `growth` grows links into free neighbours, `lexicon` teaches a pass across languages
   which words translate each other. How much the programme may decide without lexical
   evidence depends on the pair: parallel or not, same language or not. Confident pairs off the
   chain (moved paragraphs) stay as links of their own;
   `lone` then drops a lone "possible" pair between two outlets that share nothing else when it
   would join two groups other links hold (two statements chained through one thin pair);
   in a story of more outlets than every pair is aligned for, `rescue` first gives each
   sentence no pair linked a look in the outlets its own was not aligned with;
6. `grouping` — pairwise links merged into N-way groups with union-find in descending score,
   refusing a merge that would make an outlet's members of a group non-consecutive;
7. `finish` — statuses (shared when near-verbatim with another outlet's part of the group) and a
   frozen `Alignment`.

`run.align` runs them in order; `params` holds every threshold. Every tie is broken by (outlet
id, sentence index), never by the order outlets were given in.
"""

from retold.model.align.anchors import best_partners, confident_pairs, increasing_chain, is_parallel, parallel_basis, translation_shaped
from retold.model.align.candidates import candidate_pairs, outlet_pairs
from retold.model.align.features import feature_weights, sentence_features, text_features
from retold.model.align.gaps import gap_programme, length_cost
from retold.model.align.grouping import group_links
from retold.model.align.lexicon import learned_lexicon
from retold.model.align.pairs import pair_links
from retold.model.align.params import *  # noqa: F403 — the thresholds, by their names
from retold.model.align.records import Features, Link, PairSides
from retold.model.align.run import align
from retold.model.align.scoring import Scorer, word_similarity

__all__ = [
    "Features", "Link", "PairSides", "Scorer", "align", "best_partners", "candidate_pairs", "confident_pairs",
    "feature_weights", "gap_programme", "group_links", "increasing_chain", "is_parallel", "learned_lexicon",
    "length_cost", "outlet_pairs", "pair_links", "parallel_basis", "sentence_features", "text_features", "translation_shaped",
    "word_similarity",
]
