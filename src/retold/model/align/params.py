"""Every threshold and constant of the alignment, each with why it has its value.

Tuned together on every gold file in sample_corpus/ and the Text+Berg dev document
(bench/score_gold.py, bench/textberg.py); never on one story. The phases import them by name:
change one here, not in a phase.
"""

from retold.model.story import SHARED_SIMILARITY as STORY_SHARED_SIMILARITY

# ---------------------------------------------------------------- features and weights
PREFIX = 5  # feature = first letters of an accent-stripped word: a light stemmer that meets cognates
NUMBER_BOOST = 1.5  # numbers and dates survive rewrites and translations

# ---------------------------------------------------------------- scoring and statuses
SHARED_SIMILARITY = STORY_SHARED_SIMILARITY  # word-level similarity for "near-verbatim" (one value for the aligner, evidence and provenance: retold.model.story)
STATUS_SCORE_FLOOR = 0.5  # below this feature similarity a pair is never near-verbatim word for word
CONTAINMENT_DISCOUNT = 0.85  # a trimmed sentence wholly inside a longer one scores this

# ---------------------------------------------------------------- candidates
PROBE_FEATURES = 6  # rarest features of a sentence used to find candidates
# ... among those held by at most PROBE_PER_OUTLET sentences per outlet that prints them (on
# average; PROBE_LEAST in all): a probe's postings in a partner stay few however many outlets
# the story has (a cap on the story's count, 4 per outlet of the story, let a word one outlet
# repeats through its text probe a 40-outlet story)
PROBE_PER_OUTLET = 4
PROBE_LEAST = 8
CANDIDATES_PER_OUTLET = 2  # best candidates kept per sentence and other outlet
CANDIDATE_MARGIN = 0.6  # ... when their probe overlap is at least this share of the best one
ALL_PAIRS_UP_TO = 8  # outlets; a bigger story aligns each outlet with NEIGHBOURS others (candidates.outlet_pairs)
NEIGHBOURS = 4  # partners each outlet has at least in a big story (its closest, then the next closest): cost grows with N, not N²
# A sentence no pair linked in a big story looks in this many of the closest outlets its own was
# not aligned with (rescue.py), and is linked in this many of them at most: enough to join its
# group (union-find needs one link; a second is support for the coherence check).
RESCUE_TRIES = 16
RESCUE_LINKS = 2

# ---------------------------------------------------------------- confident pairs
ALTERED_THRESHOLD = 0.40  # an order-free pair below this is not "the same statement"
FUSED_APART = 0.15  # a k:k bead's sentences that share at most this with the other's partner are statements side by side (fused.py)
ANCHOR_THRESHOLD = 0.55  # a confident pair: reciprocal best at least this similar
ANCHOR_CROSS_LANGUAGE = 0.2  # across languages only names, numbers and cognates meet

# ---------------------------------------------------------------- the parallel decision
PARALLEL_MONOTONE = 0.9  # share of confident pairs on the chain for a pair to count as parallel
PARALLEL_CHAIN = 8  # ... with at least this many on the chain
PARALLEL_COVER = 0.5  # ... or covering this share of the shorter text
TRANSLATION_COUNT = 0.8  # a translation keeps at least this share of its original's sentence count,
TRANSLATION_LENGTH = 0.7  # ... of its length,
TRANSLATION_PLACE = 0.05  # ... and its confident pairs sit this near the same relative place
LONG_PARALLEL = 12  # sentences each side needs for a "parallel" judgement to hold a thin merge or an unnamed bead across languages: on fewer, order falls in place by chance (LENGTH_ORDER_LEAST measured 11 % of unrelated pairs at 12 sentences; review17 10-sentence outlets on two names); Text+Berg de-fr pieces of 13-16 sentences are translations and lost recall at 16
TRANSLATION_ANCHORS = 2  # two such pairs at least: one alone may be a rewrite's copied opening

# ---------------------------------------------------------------- the gap programme
LEXICAL_WEIGHT = 1.0  # cost of a bead's missing overlap, per two sentences it holds
SKIP_COST = 0.7  # per sentence left out; above half the lexical weight, so a gap is paired rather than skipped
SKIP_COST_CROSS_LANGUAGE = 1.0  # across languages the words say little, so order and length pair more
LENGTH_WEIGHT = 0.12  # weight of the Gale–Church length cost beside the lexical one
LENGTH_VARIANCE = 6.8  # Gale & Church's variance of the length difference per character
MOVES = ((1, 1), (1, 2), (2, 1), (1, 3), (3, 1), (2, 2), (1, 4), (4, 1), (2, 3), (3, 2))  # bead shapes: up to 1:4/4:1
# A bead's prior cost by shape: one-to-one is the norm, merges and splits must earn their place.
MOVE_PRIOR = {(1, 1): 0.0, (1, 2): 0.25, (2, 1): 0.25, (1, 3): 0.5, (3, 1): 0.5, (2, 2): 0.6,
              (1, 4): 0.75, (4, 1): 0.75, (2, 3): 0.75, (3, 2): 0.75}
END_MISMATCH = 0.25  # a bead whose one side ends a sentence and the other does not (a caption, a heading)
# Across languages the confident pairs are few and the words elsewhere say little: a bead that
# keeps a confident pair together earns this much, so the programme does not spread the
# sentences around it over an inserted block (captions between two translated sentences).
ANCHOR_BONUS_CROSS_LANGUAGE = 4.0
ANCHOR_SLACK = 3  # cells the programme may stray from the rectangles between soft anchors
MAX_CELLS = 40_000  # a gap without anchors is searched in at most about this many cells
BAND = 30  # cells either side of a big gap's diagonal: keeps the programme near-linear

# ---------------------------------------------------------------- which beads become links
# Lowest similarity a programme bead needs to become a link: parallel texts in two languages rely
# on length and order; in one language a true counterpart always shares some words.
FLOOR_CROSS_LANGUAGE = 0.0
FLOOR_PARALLEL = 0.12
FLOOR_LOOSE = 0.40
# ... but between parallel texts that retell rather than copy (under COPIES of their confident
# pairs near-verbatim), a sentence in another's place is its counterpart however few words it shares.
FLOOR_RETOLD = 0.0
COPIES = 0.5
# A merge or split in one language must earn its place: the joined sentences together clearly
# match, and every one of them shares words with the other side.
FLOOR_MERGE = 0.45
TRIM_MARGIN = 0.02  # a bead's end is dropped when the rest matches at least this much better without it
CROSS_TRIM_EVIDENCE = 0.25  # across languages an end is dropped only when the rest scores this much ...
CROSS_TRIM_GAIN = 0.05  # ... and this much more than the whole bead
EXTEND_SHARE = 0.5  # a neighbour joins a confident pair as its split when half its weight is across
# Outside parallel text, once every pair is made (splits.py): a free neighbour of a pair joins it as
# the other half of a split or merge when this share of its weight (topic words weighing little)
# is in the part of the long side the paired half does not cover, with at least this many of its
# statement words there; below SPLIT_STRONG, and with its words alone short of the judge's bar,
# it is shown as "possible".
SPLIT_REST_SHARE = 0.4
SPLIT_STATEMENT_LEAST = 1
SPLIT_STRONG = 0.7
PART_DOUBT = 0.25  # ... below this share a part must also improve the bead's overlap to stay
PART_SHARE = 0.1  # in one language, each sentence of a merge finds this share of its weight across
ORPHAN_GAIN = 0.0  # ... and the bead's plain overlap does not fall
ORPHAN_SHARE = 0.15  # a left-out sentence joins a neighbouring bead when this share of it is there
# In one language, each sentence of a merge must be judged, on its own against the other side,
# at least this likely the same statement (evidence.SAME_STATEMENT): a quote folded into the next
# sentence's bead by a shared speaker's name scores 0.1-0.4, a real split's parts 0.65 and up.
PART_EVIDENCE = 0.5
# In parallel text of one language, a pair its place makes is refused when the words each side
# says beyond names and topic words (STATEMENT_TOPIC: weighed at most this share of their weight
# by the story's judge) — at least STATEMENT_LEAST of them on each side — meet in less than
# STATEMENT_SHARE of the smaller side's weight.
STATEMENT_TOPIC = 0.5
STATEMENT_LEAST = 3
STATEMENT_SHARE = 0.35
# In parallel text of one language, a bead the words alone would not make (below FLOOR_LOOSE) is
# refused when one of its sentences has a reciprocal best partner (ALTERED_THRESHOLD at least)
# outside it and at most this many sentences away: a retelling moved that statement (its lead
# opens with what the original says third), and place must not pair it with another.
# (A many-to-many bead whose reciprocal best pairs inside it run against each other, or one at
# its opposite corners, is refused likewise: anchors.swapped_inside.)
MOVED_NEAR = 3
# ... only where the outlet copies some of its sentences near-verbatim (this share of the
# confident pairs): a rewrite of the same copy. A translation (a machine's or a person's) copies
# none and rewords every sentence (Text+Berg's machine-translated French: 0.04).
STATEMENT_COPIES = 0.2

# ---------------------------------------------------------------- the learned lexicon (across languages)
LEXICON_FROM = 30  # links of a first pass across languages: fewer teach too little
LEXICON_LEAST = 2  # beads a word pair must share to be learned
LEXICON_DICE = 0.3  # ... and how exclusively (Dice over beads)
LEXICON_BEAD_CELLS = 5_000  # word pairs one bead may contribute
LEXICON_ROUNDS = 2  # passes that learn from the one before (a third learns nothing new on the dev document)

# ---------------------------------------------------------------- parallel by lengths (a translation with few confident pairs)
LENGTH_ORDER_SAMPLE = 80  # sentences of a long text the length test looks at (about 0.1 s a pair at most)
LENGTH_ORDER_SHUFFLES = 8  # shuffled alignments the real one is compared with
LENGTH_ORDER_PARALLEL = 0.70  # own-order cost at most this share of the shuffled one: the lengths follow each other
LENGTH_ORDER_SIZE = 0.5  # a translation keeps at least half its original's sentences and characters (else no test)
LENGTH_ORDER_LEAST = 16  # sentences a side needs: on fewer, unrelated lengths fall in order by chance too often (measured: about 3% of unrelated pairs at 20 sentences, 11% at 12, with lengths in sharp classes)
LENGTH_ORDER_ANCHORS = 1  # confident pairs that must sit on the length alignment: a second signal that agrees
LENGTH_ORDER_ON_PATH = 0.8  # ... the share of the chain's confident pairs that must
LENGTH_ORDER_ALONE = 0.55  # across languages with not one confident pair, the rhythm alone must be this clear

# ---------------------------------------------------------------- length-supported regions (a pair not parallel as a whole)
# Between the links made, a plain Gale–Church alignment (lengths alone, the pair's length ratio)
# is trusted where it is sure of itself: most of its beads there have lengths that agree.
LENGTH_AGREE = 1.0  # a bead's lengths agree: at most this many standard deviations apart
REGION_AGREE = 0.6  # ... and at least this share of a region's beads agree, or none of them is kept
LENGTH_KEEP = 1.5  # a bead of such a region is kept when its lengths are at most this far apart
LENGTH_KEEP_SURE = 2.0  # ... or this far, where the whole pair's lengths follow each other in order
# Across languages a link whose lengths are this far apart may be half a translator's merge: a
# neighbour may complete it (1.0 cost precision on Text+Berg pieces; 2.0 left wrong length beads
# beside half merges in generated translations).
GROW_FROM = 1.5

# ---------------------------------------------------------------- paraphrases found by their frame (frames.py)
# One named actor doing one kind of speech act (warn/urge, accuse/blame, ...) to one addressee or
# on one day: log-odds added to the words' for a pair the words leave free. 2.5 lifts a pair whose
# words share little beyond the frame's own names and day (the judge gives those 0.08-0.1 on their
# own: invented paraphrased leads, tests/unit/test_align_frames.py) to the judge's bar of 0.5; a
# pair whose words share nothing at all (0.05) stays under it; and never past "possible".
FRAME_EVIDENCE = 2.5
FRAME_BEFORE = 4  # words before the verb searched for its actor ("Korrin on Thursday warned", "Korrin's foreign minister warned")
FRAME_AFTER = 3  # words after it searched for whom it addresses ("warned the Accord", "called on Velmont's")

# ---------------------------------------------------------------- the sentence model across languages (acrosslang.py)
# A pair of sentences in two languages that the words leave free, each the other's closest by the
# model's cosine in the whole other text: its height above the outlet pair's typical cosine (0..1,
# as Judge.semantic scales it) and its lead over the runner-up on either side. Measured on an
# invented German rewrite of an English story (16 of 16 the same statement at 0.4 / 0.05; 30 of
# 34 at 0.3 / 0) and on the Text+Berg dev document's German and French.
CROSS_HEIGHT = 0.4
CROSS_MARGIN = 0.05
CROSS_CONFIDENCE = 0.6  # shown as "possible" (under story.STRONG): the model alone speaks for it
