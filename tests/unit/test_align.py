import random
from collections import Counter

from retold.model.align import align
from retold.model.pipeline import load_alignment
from retold.model.story import Outlet, OutletMeta, Sentence
from retold.model.worddiff import word_diff
from retold.synthetic import make_story


def outlet(oid, sentences, language=None):
    meta = OutletMeta(id=oid, name=oid, source=f"{oid}.txt", language=language)
    return Outlet(
        meta=meta, text="", title=None, removed=(),
        sentences=tuple(Sentence(index=i, paragraph=i, text=t, start=0, end=0) for i, t in enumerate(sentences)),
    )


def group_sets(alignment):
    return {frozenset((m.outlet, m.sentence) for m in g.members) for g in alignment.groups}


def check_invariants(alignment):
    seen = Counter()
    for group in alignment.groups:
        outlets = [m.outlet for m in group.members]
        assert len(set(outlets)) >= 2, "a group spans two outlets at least"
        for outlet_id in set(outlets):
            indices = group.of(outlet_id)
            assert list(indices) == list(range(indices[0], indices[0] + len(indices))), "an outlet's part of a group is consecutive"
        for m in group.members:
            seen[(m.outlet, m.sentence)] += 1
            s = alignment.outlet(m.outlet).sentences[m.sentence]
            assert s.group == group.id and s.status in ("shared", "altered")
            assert 0.0 <= m.score <= 1.0
    for o in alignment.outlets:
        for s in o.sentences:
            assert (s.group is None) == (s.status == "unique")
            assert seen[(o.id, s.index)] == (0 if s.group is None else 1), "every sentence appears exactly once"


def test_invariants_on_sample(sample_alignment):
    check_invariants(sample_alignment)


def test_same_result_whatever_the_input_order(sample_dir, tmp_path):
    files = sorted(str(p) for p in sample_dir.iterdir() if p.suffix in {".txt", ".md", ".html"})
    reference = load_alignment(files)
    for seed in range(3):
        shuffled = files[:]
        random.Random(seed).shuffle(shuffled)
        other = load_alignment(shuffled)
        assert group_sets(other) == group_sets(reference)
        statuses = {(o.id, s.index): s.status for o in other.outlets for s in o.sentences}
        assert statuses == {(o.id, s.index): s.status for o in reference.outlets for s in o.sentences}


def test_order_independence_on_a_synthetic_story(tmp_path):
    story = make_story(tmp_path / "synthetic", outlets=6, sentences=60, seed=3)
    files = sorted(str(p) for p in story.iterdir())
    a = load_alignment(files)
    b = load_alignment(list(reversed(files)))
    check_invariants(a)
    assert group_sets(a) == group_sets(b)
    assert len(a.groups) >= 50  # most wire sentences are found in several outlets


def test_statuses_shared_altered_unique():
    a = outlet("a", [
        "Critics have warned that the cables could be vulnerable to sabotage.",
        "This grid is the decisive enabler of our energy independence, said Ilse Korhonen.",
        "The harbour master said the town would seek compensation for any lost catch.",
    ])
    b = outlet("b", [
        "Critics have warned that the cables could be vulnerable for sabotage.",
        "The grid is a crucial enabler of energy independence, Council chair Ilse Korhonen told reporters.",
        "Ministers from eight countries met in Valmora on Tuesday.",
    ])
    result = align([a, b])
    check_invariants(result)
    a, b = result.outlets
    assert [s.status for s in a.sentences] == ["shared", "altered", "unique"]
    assert [s.status for s in b.sentences] == ["shared", "altered", "unique"]


def test_topic_alone_is_not_a_group():
    a = outlet("a", ["NATO leaders met in Washington on Tuesday to mark the alliance's anniversary."])
    b = outlet("b", ["NATO leaders will meet in Washington again next year to discuss defence spending targets."])
    a, b = align([a, b]).outlets
    assert a.sentences[0].status == b.sentences[0].status == "unique"


def test_reordered_paragraphs_still_align():
    wire = [f"Sentence number {n} tells of the {w} harbour and its {v} boats." for n, w, v in
            zip(range(8), "north south east west upper lower inner outer".split(), "red blue green grey white black brown pink".split())]
    moved = wire[4:] + wire[:4]
    a, b = outlet("a", wire), outlet("b", moved)
    result = align([a, b])
    for i, s in enumerate(result.outlet("a").sentences):
        assert result.counterpart("a", i, "b") == (i + 4) % 8
        assert s.status == "shared"


def test_single_article_is_all_unique():
    a = outlet("a", ["Only one outlet told this.", "Nobody else has it."])
    result = align([a])
    assert result.groups == () and {s.status for s in result.outlet("a").sentences} == {"unique"}


def test_overlap_table(sample_alignment):
    table = sample_alignment.overlap()
    assert table["meridian"]["harbour-ledger"] == 1.0  # verbatim wire copy
    assert 0.0 < table["evening-courier"]["meridian"] < 1.0  # the rewrite adds its own
    for a in table:
        assert table[a][a] == 1.0


def test_word_diff_marks_the_swapped_words():
    a = '"This grid is the decisive enabler of our energy independence," said Ilse Korhonen.'
    b = '"This grid is the crucial enabler of our energy independence," said Ilse Korhonen.'
    diff = word_diff(a, b)
    assert not diff.rewritten
    assert [a[s:e] for s, e in diff.spans_a] == ["decisive"]
    assert [b[s:e] for s, e in diff.spans_b] == ["crucial"]


def test_word_diff_absorbs_confetti_and_flags_rewrites():
    a = "one two three four five six seven eight"
    b = "one deux three quatre five six seven eight"
    diff = word_diff(a, b)
    assert [a[s:e] for s, e in diff.spans_a] == ["two three four"]
    b = "one deux three four cinq six seven eight"
    assert [a[s:e] for s, e in word_diff(a, b).spans_a] == ["two", "five"]
    assert word_diff("A completely different sentence about cats.", "Nothing here matches the other one at all.").rewritten


# ---------------------------------------------------------------- odd shapes (small sizes; bench/bench_align.py times the big ones)

def _numbered(n, seed=0):
    """n invented sentences, each with words of its own (as real statements have)."""
    import random as _random
    rng = _random.Random(seed)
    syllables = "ka lo ri ven tor mas eli dun bra sel quo fin arn hel mor tes val pen gri ost".split()

    def word():
        return "".join(rng.choice(syllables) for _ in range(rng.randint(2, 3)))

    return [" ".join(word() for _ in range(9)).capitalize() + f" {rng.randint(1, 9999)}." for _ in range(n)]


def test_long_outlet_against_a_tiny_one():
    long = _numbered(600, seed=1)
    short = [long[10], long[300], long[590]]
    result = align([outlet("long", long), outlet("short", short)])
    check_invariants(result)
    assert [result.counterpart("short", i, "long") for i in range(3)] == [10, 300, 590]


def test_every_sentence_identical_pairs_in_order():
    line = "The harbour council voted to close the old quay on Monday."
    result = align([outlet(name, [line] * 40) for name in ("a", "b", "c")])
    check_invariants(result)
    assert [result.counterpart("a", i, "b") for i in range(40)] == list(range(40))


def test_one_outlet_is_the_others_concatenated():
    parts = [_numbered(15, seed=s) for s in range(3)]
    whole = [s for part in parts for s in part]
    result = align([outlet(f"p{n}", part) for n, part in enumerate(parts)] + [outlet("all", whole)])
    check_invariants(result)
    for n, part in enumerate(parts):
        assert [result.counterpart(f"p{n}", i, "all") for i in range(15)] == [15 * n + i for i in range(15)]


def test_many_outlets_group_a_wire_sentence_across_all():
    wire = _numbered(12, seed=4)
    outlets = [outlet(f"o{n:02d}", wire) for n in range(14)]  # more than NEIGHBOURS + 1: not every pair is aligned
    result = align(outlets)
    check_invariants(result)
    assert len(result.groups) == 12 and all(len(g.members) == 14 for g in result.groups)


def test_merge_and_split_make_one_group():
    a = outlet("a", [
        "The dam was built in 1962 and holds back about 40 million cubic metres of water.",
        "It was last repaired in 2019, when a leak was sealed at a cost of 12 million crowns.",
        "Divers will inspect the wall on Tuesday.",
    ])
    b = outlet("b", [
        "Built in 1962, the dam holds back about 40 million cubic metres of water and was last repaired in 2019, when a leak was sealed for 12 million crowns.",
        "Divers will inspect the wall on Tuesday.",
    ])
    result = align([a, b])
    check_invariants(result)
    assert result.counterpart_span("b", 0, "a") == (0, 1)
    assert result.counterpart_span("a", 1, "b") == (0,)
    assert result.outlet("b").sentences[0].status == "altered"


KEEPERS = [
    ("The lighthouse keepers of Kestrel Point counted forty storms in the winter of 1958.",
     "In the winter of 1958 the keepers at Kestrel Point recorded forty storms."),
    ("Their logbooks record wind speeds, wave heights and the ships that sheltered in the bay.",
     "The logbooks note wave heights, wind speeds and every ship sheltering in the bay."),
    ("The worst storm struck on the night of 11 February and tore the lantern roof away.",
     "On the night of 11 February the worst storm tore away the roof of the lantern."),
    ("Two keepers carried the lamp down to the store room and kept it burning there.",
     "The two keepers carried the lamp to the store room, where they kept it burning."),
    ("A fishing boat from Marrow Cove saw the light and reached the harbour safely.",
     "Seeing the light, a fishing boat from Marrow Cove made the harbour safely."),
    ("The roof was rebuilt in copper during the spring of 1959.",
     "In the spring of 1959 the roof was rebuilt in copper."),
]
KEEPERS_TAIL = [
    ("The keepers left the point for good when the light was automated in 1971.",
     "When the light was automated in 1971 the keepers left the point for good."),
    ("Their logbooks are now kept in the county archive at Lund.",
     "The county archive at Lund now keeps their logbooks."),
    ("Visitors may read them on the first Monday of every month.",
     "They may be read by visitors on the first Monday of each month."),
    ("A small museum opened in the old store room in 1984.",
     "In 1984 a small museum opened in the old store room."),
    ("Its windows still show the scorch marks of the storm of 1958.",
     "The scorch marks of the 1958 storm can still be seen on its windows."),
]


def test_fragments_of_one_sentence_stay_in_its_bead():
    """A line that stops mid-sentence ("... (Kestrel:") runs on into the next: on parallel texts
    its few shared words are no reason to cut it off the bead its sentence belongs to."""
    book_a = "Ada Renn's fine book on the keepers adds little to what their own logbooks already told us."
    book_b = ["The book by Ada Renn (Harbour Lights, Kestrel:", "Quayside Press), now out in a Dutch edition too (Lund:",
              "Vell 1961), adds little to the logbooks of the keepers."]
    a = [x for x, _ in KEEPERS] + [book_a] + [x for x, _ in KEEPERS_TAIL]
    b = [y for _, y in KEEPERS] + book_b + [y for _, y in KEEPERS_TAIL]
    alignment = align([outlet("a", a), outlet("b", b)])
    check_invariants(alignment)
    book = alignment.outlet("a").sentences[len(KEEPERS)]
    assert book.group is not None
    assert alignment.groups[book.group].of("b") == (len(KEEPERS), len(KEEPERS) + 1, len(KEEPERS) + 2)


def test_a_line_without_words_is_not_part_of_a_bead():
    """The programme may fold a line of dots into a neighbouring bead to avoid a skip; with no
    words it tells no statement and stays out of every group."""
    a = [x for x, _ in KEEPERS + KEEPERS_TAIL]
    b = [y for _, y in KEEPERS] + ["....."] + [y for _, y in KEEPERS_TAIL]
    alignment = align([outlet("a", a), outlet("b", b)])
    check_invariants(alignment)
    assert alignment.outlet("b").sentences[len(KEEPERS)].group is None
    assert all(alignment.outlet("a").sentences[i].group is not None for i in range(len(a)))


def test_a_retelling_pairs_a_sentence_in_its_place_a_copy_does_not():
    """Between parallel texts that retell (no pair word for word) the sentence standing in
    another's place is its counterpart even in other words; between copies it is the outlet's own."""
    night_a, night_b = "Nobody on the island remembers a worse night.", "Old fishermen still speak of it with dread."
    retold_a = [x for x, _ in KEEPERS] + [night_a] + [x for x, _ in KEEPERS_TAIL]
    retold_b = [y for _, y in KEEPERS] + [night_b] + [y for _, y in KEEPERS_TAIL]
    alignment = align([outlet("a", retold_a), outlet("b", retold_b)])
    check_invariants(alignment)
    assert alignment.counterpart_span("a", len(KEEPERS), "b") == (len(KEEPERS),)
    copy_b = [x for x, _ in KEEPERS] + [night_b] + [x for x, _ in KEEPERS_TAIL]
    alignment = align([outlet("a", retold_a), outlet("b", copy_b)])
    check_invariants(alignment)
    assert alignment.outlet("b").sentences[len(KEEPERS)].status == "unique"


TRANSLATED = [  # (English, French): our own sentences, each with a name or number to meet across languages
    ("The Kestrel Point light was first lit in 1851 by keeper Tomas Elvin.", "Le phare de Kestrel Point fut allumé pour la première fois en 1851 par le gardien Tomas Elvin."),
    ("Its lantern stood 42 metres above the sea at high tide.", "Sa lanterne se dressait à 42 mètres au-dessus de la mer à marée haute."),
    ("In 1898 a storm broke 14 of its 16 windows.", "En 1898, une tempête brisa 14 de ses 16 fenêtres."),
    ("Elvin's daughter Marit kept the lamp burning until 1903.", "Marit, la fille d'Elvin, entretint la lampe jusqu'en 1903."),
    ("The tower was painted red and white in 1921.", "La tour fut peinte en rouge et blanc en 1921."),
    ("Electric light came to Kestrel Point in 1936.", "La lumière électrique arriva à Kestrel Point en 1936."),
    ("During the war of 1940 the light stayed dark for 1,800 nights.", "Pendant la guerre de 1940, le phare resta éteint durant 1 800 nuits."),
    ("A new lens from Lund was fitted in 1952.", "Une nouvelle lentille venue de Lund fut installée en 1952."),
    ("The last keeper, Ada Renn, left in 1971.", "La dernière gardienne, Ada Renn, partit en 1971."),
    ("Since 1984 the tower has housed a museum of 300 objects.", "Depuis 1984, la tour abrite un musée de 300 objets."),
    ("About 9,000 visitors climb its 212 steps every year.", "Environ 9 000 visiteurs gravissent chaque année ses 212 marches."),
    ("The light still flashes every 15 seconds.", "Le feu clignote toujours toutes les 15 secondes."),
]
CAPTIONS = ["Kestrel Point ( 42 m )", "Photo Lund Harbour Archive", "Tomas Elvin 1851", "Marit Elvin",
            "Photo Ada Renn", "Lantern room , 1936", "Photo Kestrel Museum", "The north mole at dusk"]


def test_across_languages_a_block_of_captions_does_not_pull_sentences_apart():
    """Captions inserted between two translated sentences share names and numbers with the text:
    the programme keeps the confident pairs on either side together instead of spreading the
    sentences over the captions."""
    english = [e for e, _ in TRANSLATED]
    french = [f for _, f in TRANSLATED[:6]] + CAPTIONS + [f for _, f in TRANSLATED[6:]]
    alignment = align([outlet("en", english, "en"), outlet("fr", french, "fr")])
    check_invariants(alignment)
    for i in range(len(TRANSLATED)):
        j = i if i < 6 else i + len(CAPTIONS)
        assert j in alignment.counterpart_span("en", i, "fr"), (i, alignment.counterpart_span("en", i, "fr"))


def test_a_label_between_retold_sentences_stays_a_line_of_its_own():
    """A crosshead or caption (no sentence end) between two retold sentences is not folded into
    their bead: a sentence's counterpart ends a sentence too."""
    for label in ("Archive pictures", "Seen from the cliffs", "More on this"):
        a = [x for x, _ in KEEPERS + KEEPERS_TAIL]
        b = [y for _, y in KEEPERS[:3]] + [label] + [y for _, y in KEEPERS[3:] + KEEPERS_TAIL]
        alignment = align([outlet("a", a), outlet("b", b)])
        check_invariants(alignment)
        assert alignment.outlet("b").sentences[3].group is None, label
        assert alignment.counterpart_span("a", 2, "b") == (2,) and alignment.counterpart_span("a", 3, "b") == (4,)


def _cipher_story(seed: int):
    """A long text and its "translation" into a word-for-word code language: only the numbers
    are written alike, as names and numbers are across real languages."""
    rng = random.Random(seed)
    vocabulary = ("ridge camp glacier porter rope summit storm tent valley snow tower pass route lake "
                  "climber village bridge river morning evening night wind cloud stone ice wall step "
                  "leader doctor cook letter map supply fire path slope crest boulder").split()
    code = {w: "".join(reversed(w)) + "qua" for w in vocabulary}  # every word spelt otherwise
    source, target = [], []
    for n in range(60):
        words = rng.sample(vocabulary, rng.randint(5, 12))
        if n % 3 == 0 and not 20 <= n <= 40:  # names and numbers, written alike, outside the middle
            for alike in (str(1900 + n), str(n * 7 + 3), rng.choice(["Elvin", "Marit", "Renn", "Kestrel"])):
                words.insert(rng.randrange(len(words)), alike)
        source.append(" ".join(words).capitalize() + ".")
        target.append(" ".join(code.get(w, w) for w in words).capitalize() + ".")
    return source, target


def test_across_languages_the_words_a_first_pass_pairs_teach_the_second():
    """In the middle of a long translation nothing is written alike; the words the first pass's
    beads keep together (learned, not given) place the sentence the translator left out."""
    for seed in range(3):
        source, target = _cipher_story(seed)
        del target[30]  # the translator left one sentence out, far from any number
        alignment = align([outlet("en", source, "en"), outlet("xx", target, "xx")])
        check_invariants(alignment)
        assert alignment.outlet("en").sentences[30].group is None, seed
        for i in list(range(24, 30)) + list(range(31, 37)):
            assert alignment.counterpart_span("en", i, "xx") == ((i,) if i < 30 else (i - 1,)), (seed, i)


def test_far_apart_anchors_keep_the_programme_banded(monkeypatch):
    """Confident pairs only at the ends and in two places between: the rectangles between them are
    searched along a band, not whole (whole, the cells grow with the square of the text)."""
    import retold.model.align as align_module
    from retold.model.align import gaps

    monkeypatch.setattr(gaps, "BAND", 5)
    rng = random.Random(3)
    vocabulary = [f"w{k}" for k in range(2000)]
    n = 300
    a, b = [], []
    for i in range(n):
        if i < 10 or i > n - 10 or i in (n // 3, 2 * n // 3):
            line = f"Shared line {i} about {rng.choice(vocabulary)} with {i * 7} items."
            a.append(line)
            b.append(line)
        else:
            a.append(" ".join(rng.sample(vocabulary, 10)) + ".")
            b.append(" ".join(rng.sample(vocabulary, 10)) + ".")
    calls = Counter()
    bead = align_module.Scorer.bead

    def counted(self, x, y):
        calls["bead"] += 1
        return bead(self, x, y)

    monkeypatch.setattr(align_module.Scorer, "bead", counted)
    alignment = align([outlet("a", a), outlet("b", b)])
    check_invariants(alignment)
    cells_in_band = (n + 1) * (2 * 5 + 1 + 2 * align_module.ANCHOR_SLACK)
    assert calls["bead"] <= len(align_module.MOVES) * cells_in_band


def test_an_undeclared_translation_is_aligned_across_languages(tmp_path):
    """No story.toml and no markup says the second file is French: its function words do, and
    it is aligned as a translation (sentence for sentence), not as an English text that shares
    almost no words."""
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "wire.txt").write_text("\n\n".join(e for e, _ in TRANSLATED) + "\n", encoding="utf-8")
    (folder / "journal.txt").write_text("\n\n".join(f for _, f in TRANSLATED) + "\n", encoding="utf-8")
    alignment = load_alignment([str(folder)])
    assert alignment.outlet("wire").meta.language == "en" and alignment.outlet("journal").meta.language == "fr"
    for i in range(len(TRANSLATED)):
        assert alignment.counterpart_span("wire", i, "journal") == (i,), i


def test_language_is_guessed_only_when_the_text_says_it_clearly():
    from retold.model.normalize import guess_language

    assert guess_language(" ".join(f for _, f in TRANSLATED)) == "fr"
    assert guess_language(" ".join(e for e, _ in TRANSLATED)) == "en"
    assert guess_language("Kestrel Point 1851.") is None  # too few words to tell
    assert guess_language(" ".join(e + " " + f for e, f in TRANSLATED)) is None  # half and half


def test_a_short_line_with_no_word_across_is_not_folded_into_a_retold_bead():
    """'Music.' and 'Lights.' stand between two retold sentences; the other outlet has neither,
    and they share no word with the sentence after them: they are the outlet's own."""
    from pathlib import Path

    alignment = load_alignment([str(Path(__file__).resolve().parents[1] / "fixtures" / "plain-lines")])
    story = alignment.outlet("story")
    added = [s for s in story.sentences if s.text in ("Music.", "Lights.")]
    assert len(added) == 2 and all(s.status == "unique" for s in added)
    chestnuts = next(s for s in story.sentences if "chestnuts" in s.text)
    assert chestnuts.group is not None and alignment.groups[chestnuts.group].of("story") == (chestnuts.index,)


SHORT_EN = ["The old lighthouse on Kestrel Point will open to visitors this summer.",
            "Volunteers have spent two winters repairing the stairs and the lamp room.",
            "The council paid for new railings and a small exhibition.",
            "Guides led by Marit Elvin will take groups of ten up the tower every afternoon.",
            "Children under twelve must be with an adult.",
            "Tickets can be bought at the harbour office."]
SHORT_FR = ["Le vieux phare de Kestrel Point ouvrira ses portes aux visiteurs cet été.",
            "Des bénévoles ont passé deux hivers à réparer l'escalier et la salle de la lanterne.",
            "La mairie a financé de nouvelles rambardes et une petite exposition.",
            "Des guides menés par Marit Elvin conduiront chaque après-midi des groupes de dix personnes au sommet de la tour.",
            "Les enfants de moins de douze ans doivent être accompagnés d'un adulte.",
            "Les billets sont en vente au bureau du port."]


def test_a_short_translation_with_two_names_is_aligned_sentence_for_sentence():
    """Two names are all a short translation shares with its original; its size and their place
    say the rest."""
    alignment = align([outlet("en", SHORT_EN, "en"), outlet("fr", SHORT_FR, "fr")])
    check_invariants(alignment)
    for i in range(len(SHORT_EN)):
        assert alignment.counterpart_span("en", i, "fr") == (i,), i


def test_a_short_rewrite_in_another_language_keeps_its_own_sentences():
    """Not a translation: it drops sentences and adds its own, so its sizes and its one anchor's
    place say nothing about the rest, and its own sentences stay unique."""
    rewrite = [SHORT_FR[0], "Le maire a promis une fête pour l'ouverture.", "Il y aura de la musique sur le quai.",
               "Les pêcheurs du port offriront de la soupe de poisson.", "On attend plusieurs centaines de personnes.",
               "La météo annonce du soleil."]
    alignment = align([outlet("en", SHORT_EN, "en"), outlet("fr", rewrite, "fr")])
    check_invariants(alignment)
    assert all(s.status == "unique" for s in alignment.outlet("fr").sentences[1:])
