"""Cleaning on the shapes real scraped pages have (issue 8), on fixtures written in our own words."""

from __future__ import annotations

from pathlib import Path

import pytest

from retold.model.clean import clean_documents, strong_reason
from retold.model.pipeline import load_alignment
from retold.model.story import OutletMeta, RawDoc

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def doc(text: str, name: str = "page") -> RawDoc:
    return RawDoc(meta=OutletMeta(id=name, name=name, source=f"{name}.txt"), text=text, encoding="utf-8")


def body_of(article, text: str) -> list[str]:
    return [" ".join(text[s:e].split()) for s, e in article.paragraphs]


@pytest.mark.parametrize("words", [3, 40, 41, 120, 600])
def test_icon_runs_of_any_length_are_furniture(words):
    names = ["icon-" + w for w in "menu share mail print link star heart play user bell".split()]
    line = " ".join(names[n % len(names)] for n in range(words))
    assert strong_reason(line) == "icon names"


@pytest.mark.parametrize("line, reason", [
    ("HomeNewsWorldAsia", "navigation"),
    ("HomeSportRowing", "navigation"),
    ("Follow our coverage of the lantern festival on Telegram @lanternpost", "social / subscribe prompt"),
    ("Support independent journalism. Donate to The Lantern Post today.", "fundraising appeal"),
    ("Donate now", "fundraising appeal"),
    ("Become a supporter from 3 euros a month and keep our reporting free.", "fundraising appeal"),
    ("Keep our reporters on the night ferries: give what you can.", "fundraising appeal"),
    ("Every contribution, however small, counts. Chip in today.", "fundraising appeal"),
    ("Lantern festival moves to the old quay after stor… | The Lantern Post", "page title"),
    ("Cracks found in the dam, hundreds leave their hom... - Orlin Observer", "page title"),
    ("Facebook Twitter WhatsApp Email", "share buttons"),
    ("Share | Facebook | X | Email", "share buttons"),
    ("Comments are closed for this article.", "comment form"),
    ("Have your say", "comment form"),
])
def test_real_page_furniture_has_a_reason(line, reason):
    assert strong_reason(line) == reason


@pytest.mark.parametrize("extra", [0, 30, 200])
def test_agency_notices_of_any_length(extra):
    notice = ("All rights reserved. This material may not be published, broadcast, rewritten or redistributed "
              "in whole or in part without prior written permission. " + "Further terms apply to every reuse. " * extra)
    assert strong_reason(notice.strip()) == "copyright"


@pytest.mark.parametrize("sentence", [
    "The council said it would donate the old ferry to the maritime museum.",  # "donate" as news, not an appeal
    "Neighbours chipped in to pay for the new roof of the ferry shelter.",  # giving as news, not an appeal
    "Home owners near the quay were told to leave by Sunday evening.",
    "The regional copyright office said the rules were written in 1998.",
])
def test_news_sentences_with_furniture_words_stay(sentence):
    assert strong_reason(sentence) is None


def test_fixture_page_keeps_the_article_and_finds_headline_and_name():
    alignment = load_alignment([str(FIXTURES / "furniture-page")])
    post = alignment.outlet("lantern-post")
    assert post.name == "The Lantern Post" and post.meta.name_from == "page"
    assert post.title == "Lantern festival moves to the old quay after storm damage"
    texts = [s.text for s in post.sentences]
    assert texts[0].startswith("Kestrel Bay, May 4 (Wire) – The city's lantern festival")  # the dateline stays in
    assert not any("icon-" in t or "Telegram" in t or "Donate" in t or "rights reserved" in t for t in texts)
    assert len(texts) == 5
    reasons = {r.reason for r in post.removed}
    assert {"icon names", "navigation", "page title", "fundraising appeal", "copyright"} <= reasons


def test_headline_is_the_line_that_tells_the_opening_not_a_breadcrumb_or_promo():
    text = (
        "Skip to content\n"
        "Most popular this week on Harbour Radio Online\n"
        "Ferry crews vote to strike over winter rosters\n"
        "Listen live: the morning show with Dana Bright\n"
        "Ferry crews on the northern routes voted on Monday to strike over new winter rosters, their union said.\n"
        "The strike would begin on 3 December.\n"
    )
    [article] = clean_documents([doc(text)])
    assert article.title == "Ferry crews vote to strike over winter rosters"


@pytest.mark.parametrize("row", ["Home | News | Weather", "We use cookies. Accept | Reject | Manage options"])
def test_a_row_of_links_is_not_the_page_title_that_names_the_outlet(row):
    text = (f"{row}\nLibrary reopens after flood repairs | The Fenwick Gazette\n\n"
            "The town library reopened on Monday after six months of flood repairs.\n\n"
            "Readers queued from eight in the morning, the librarian said.\n")
    [article] = clean_documents([doc(text)])
    assert article.site_name == "The Fenwick Gazette"


def test_site_name_from_copyright_line_when_no_title_bar():
    text = "Ferry crews vote to strike\n\nFerry crews voted on Monday to strike, their union said.\n\n© 2026 Harbour Radio. All rights reserved.\n"
    [article] = clean_documents([doc(text)])
    assert article.site_name == "Harbour Radio"


def test_plain_sentence_per_line_text_comes_through_whole():
    folder = FIXTURES / "plain-lines"
    alignment = load_alignment([str(folder)])
    for outlet in alignment.outlets:
        lines = [line.strip() for line in Path(outlet.meta.source).read_text(encoding="utf-8").splitlines() if line.strip()]
        kept = " ".join(s.text for s in outlet.sentences)
        assert all(line in kept for line in lines), outlet.id  # "Music." and "Lights." too
        assert outlet.removed == ()


def test_sentence_per_line_keeps_each_line_its_own_sentence():
    text = "\n".join([
        "The chronicle begins with the heights of the great peaks :",
        "first the refraction of light ;",
        "then the pull of the mountains ;",
        "finally the reduction to sea level .",
        "Each of these was measured again after 1952 .",
    ]) + "\n"
    [article] = clean_documents([doc(text)])
    assert len(article.paragraphs) == 5  # no line joined to the next


def _sentences_of(tmp_path, files: dict[str, str]):
    folder = tmp_path / "story"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return load_alignment([str(folder)])


SEGMENTED = [  # a file its author segmented: a line per sentence, list numbers and abbreviations inside lines
    "Harbour chronicle 1961",
    "With notes by the editor",
    "1. The north mole was rebuilt in approx. four months .",
    "2. 1959 :",
    "the crane arrived from Ostend on the third barge .",
    "The harbour master, Capt. Ilse Varga, signed the order on 3 May .",
    ".....",
    "3. The ferry dock reopened with two berths instead of one .",
    "Traffic rose by a fifth in the first year .",
    "( Translated by R. T. )",
]


def test_author_segmented_lines_are_each_one_sentence_and_none_is_dropped(tmp_path):
    alignment = _sentences_of(tmp_path, {"chronicle.txt": "\n".join(SEGMENTED) + "\n", "other.txt": "\n".join(SEGMENTED[:1] + SEGMENTED[2:6]) + "\n"})
    outlet = alignment.outlet("chronicle")
    # Every line is one sentence, whole: no list number or abbreviation cuts a line, and no
    # heading, header line, list item or line of dots is set aside as furniture or title.
    assert [s.text for s in outlet.sentences] == SEGMENTED
    assert outlet.removed == () and outlet.title is None


def test_a_page_scraped_a_paragraph_per_line_is_still_split_into_sentences(tmp_path):
    lines = [f"The {w} quay was flooded on Monday. Crews pumped it dry by Tuesday night. Shops opened again on Friday."
             for w in ("north", "south", "east", "west", "old", "new")]
    alignment = _sentences_of(tmp_path, {"paper.txt": "\n".join(lines) + "\n"})
    assert len(alignment.outlet("paper").sentences) == 3 * len(lines)


def test_a_bare_file_of_paragraphs_keeps_its_headline_as_the_title(tmp_path):
    lines = ["Quay flooded for the third time this winter"] + [
        f"The {w} quay was flooded on Monday. Crews pumped it dry by Tuesday night." for w in ("north", "south", "east", "west", "old")]
    alignment = _sentences_of(tmp_path, {"paper.txt": "\n".join(lines) + "\n"})
    outlet = alignment.outlet("paper")
    assert outlet.title == lines[0]
    assert len(outlet.sentences) == 2 * (len(lines) - 1) and outlet.removed == ()


def test_a_sentence_per_line_page_with_furniture_still_loses_its_furniture(tmp_path):
    text = "\n".join(["Home | News | Harbour | Weather", "Share this article",
                      "Crews pumped the quay dry by Tuesday night.", "Shops opened again on Friday.",
                      "The mayor thanked the volunteers.", "Traffic returned on Saturday.",
                      "Most read", "Storm season starts early"]) + "\n"
    alignment = _sentences_of(tmp_path, {"paper.txt": text})
    assert [s.text for s in alignment.outlet("paper").sentences] == [
        "Crews pumped the quay dry by Tuesday night.", "Shops opened again on Friday.",
        "The mayor thanked the volunteers.", "Traffic returned on Saturday."]


def test_repeated_standfirst_does_not_steal_the_body_copys_pair():
    alignment = load_alignment([str(Path(__file__).resolve().parents[2] / "sample_corpus" / "veneth-dam")])
    wire, observer = alignment.outlet("tidewater-wire"), alignment.outlet("orlin-observer")
    body_copy = next(s for s in observer.sentences if s.text.startswith("ORLIN, May 4"))
    assert body_copy.group is not None and body_copy.group == wire.sentences[0].group


def test_byline_gives_the_author_and_credits_are_bylines():
    alignment = load_alignment([str(Path(__file__).resolve().parents[2] / "sample_corpus" / "veneth-dam")])
    wire = alignment.outlet("tidewater-wire")
    assert wire.meta.author == "Mara Quell"
    assert {r.reason for r in wire.removed if "Reporting by" in r.text} == {"byline"}


def test_top_level_title_in_story_toml_is_a_clear_error(tmp_path):
    from retold.model.story import InputError

    (tmp_path / "a.txt").write_text("The council met on Monday.\n\nIt voted to close the quay.\n", encoding="utf-8")
    (tmp_path / "story.toml").write_text('title = "Quay"\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"story.toml: unknown top-level key 'title'.*\[story\]"):
        load_alignment([str(tmp_path)])


def test_windows_line_ends_read_as_one_break():
    """A hard-wrapped paragraph reads the same with "\\r\\n", "\\n" or "\\r" line ends: "\\r\\n" is
    one break, not a line end followed by a blank line."""
    lines = ["Harbour crews worked through the night to pump the", "flooded quay dry before the ferry came in.",
             "The mayor thanked them on the radio the next", "morning and promised new pumps."]
    cleaned = {}
    for newline in ("\n", "\r\n", "\r"):
        text = newline.join(lines) + newline
        [article] = clean_documents([doc(text)])
        cleaned[newline] = body_of(article, text)
    assert cleaned["\n"] == cleaned["\r\n"] == cleaned["\r"] == [" ".join(lines[:2]), " ".join(lines[2:])]


@pytest.mark.parametrize("byline", ["By Tamsin Crowe, Local Affairs Reporter", "By Tamsin Crowe - Staff writer", "By Tamsin Crowe",
                                    "Von Tamsin Crowe", "Par Tamsin Crowe"])  # (a new user's German page had no author)
def test_the_author_is_the_name_in_the_byline_not_the_job(tmp_path, byline):
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "paper.txt").write_text(f"Ferry to run all night\n\n{byline}\n\nThe ferry will run all night from July, the harbour said.\n", encoding="utf-8")
    assert load_alignment([str(folder)]).outlet("paper").meta.author == "Tamsin Crowe"


@pytest.mark.parametrize("line, day", [("Published 12 March 2026, 09:40", "2026-03-12T09:40"), ("May 4, 2026", "2026-05-04"),
                                       ("Updated: 2026-05-04 10:00", "2026-05-04T10:00"), ("Sunday 31 February 2026", None),
                                       ("7 dicembre 2026 - 16:05", "2026-12-07T16:05"),
                                       ("Published 12 March 2026, 09:40 GMT", "2026-03-12T09:40:00+00:00")])
def test_the_page_date_line_gives_the_published_day(tmp_path, line, day):
    """The day, and the time as printed when the line prints one (without a zone: no offset,
    never a guessed instant; two users saw "16:05" dropped from the headers and the JSON)."""
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "paper.txt").write_text(f"Ferry to run all night\n\n{line}\n\nThe ferry will run all night from July, the harbour said.\n", encoding="utf-8")
    assert load_alignment([str(folder)]).outlet("paper").meta.published == day


# ------------------------------------------------ issue 16 item 5: furniture classes on real pages

@pytest.mark.parametrize("line, reason", [
    ("Follow our flood coverage at @harbourdaily", "social / subscribe prompt"),
    ("Follow The Harbour Daily on X and Instagram @harbourdaily and on Facebook @harbourdailynews", "social / subscribe prompt"),
    ("Stay up to date with the harbour", "social / subscribe prompt"),
    ("Other topics of interest", "section heading"),
    ("You may also be interested in", "section heading"),
    ("Das könnte Sie auch interessieren:", "section heading"),
    ("Lesen Sie auch: Neue Fähre für den Hafen", "teaser link"),
    ("Lea también: El puerto abre de nuevo", "teaser link"),
    ("Your email address will not be published. Required fields are marked *", "comment form"),
    ("This site uses Akismet to reduce spam. Learn how your comment data is processed.", "comment form"),
    ("Notify me of follow-up comments by email.", "comment form"),
    ("Teilen mit:", "share buttons"),
])
def test_more_real_page_furniture_has_a_reason(line, reason):
    assert strong_reason(line) == reason


@pytest.mark.parametrize("sentence", [
    "Officials said on Telegram that three ferries were hit overnight.",  # war news quotes Telegram posts
    "The ministry said on its Telegram channel that the bridge was closed.",
    "The board told members in a newsletter that fares would rise in May.",
    "Follow-up talks on the quay are planned for June.",
    "Watch",  # a line of dialogue, not a label over links
    "Read more",  # the link that ends a teaser, never a heading over the article
])
def test_news_mentions_of_platforms_and_labels_alone_are_not_prompts_or_headings(sentence):
    assert strong_reason(sentence) not in ("social / subscribe prompt", "section heading")


def test_links_under_a_related_heading_go_and_the_articles_closing_list_stays():
    text = (
        "Harbour opens three new berths\n\n"
        "The harbour opened three new berths on Monday, the port authority said.\n\n"
        "Ships will no longer wait in the bay, it said. The berths can take these vessels:\n\n"
        "Ferries up to 120 metres\nCargo ships of the coastal lines\nFishing boats\n\n"
        "Other topics of interest\n\n"
        "Council votes on the new bridge toll\n"
        "Storm warning for the coast!\n"
        "Fishing quotas cut again for next year\n"
    )
    [article] = clean_documents([doc(text)])
    body = " ".join(body_of(article, text))
    assert "Ferries up to 120 metres" in body and "Fishing boats" in body  # the article's own list
    assert "bridge toll" not in body and "Storm warning" not in body and "Fishing quotas" not in body


def _one(text: str):
    [article] = clean_documents([doc(text)])
    return article, " ".join(body_of(article, text))


STORY = ("Ferry crews on the northern routes voted on Monday to strike over new winter rosters, their union said.\n\n"
         "The strike would begin on 3 December, the union said.\n\n")


@pytest.mark.parametrize("appeal", [
    # The scene-setting line, then the ask on the next line of the same paragraph.
    "There is a storm season like no other on this coast right now, and we are here to report every hour of it.\n"
    "Keep us on the quay: become a member for 4 euros a month.\n",
    # One long paragraph: it opens as "we" and closes with the ask.
    "There is a storm season like no other on this coast right now, and we are here to report every hour of it. "
    "Our six reporters work through the night, in the wind and the rain, so that the coast knows what happens "
    "to its ferries, its quays and its people. None of it is behind a paywall. "
    "Become a member for 4 euros a month. Donate today.\n",
])
def test_a_fundraising_appeal_goes_with_its_scene_setting_opening(appeal):
    article, body = _one(STORY + appeal)
    assert "storm season" not in body and "euros" not in body
    assert "voted on Monday" in body and "3 December" in body
    assert {r.reason for r in article.removed if "storm season" in r.text} == {"fundraising appeal"}


def test_the_outlets_own_sentence_above_an_appeal_stays_when_a_blank_line_parts_them():
    article, body = _one(STORY + "We asked the council for comment but heard nothing by Friday.\n\n"
                         "Support independent journalism. Donate today.\n")
    assert "We asked the council" in body and "Donate" not in body


def test_a_breadcrumb_glued_to_the_headline_is_split_off_and_the_headline_kept():
    text = "HomeHarbour DailyFerry crews vote to strike over winter rosters\n\n" + STORY
    article, body = _one(text)
    assert article.title == "Ferry crews vote to strike over winter rosters"
    assert text[slice(*article.title_span)] == article.title
    crumb = next(r for r in article.removed if r.reason == "navigation")
    assert crumb.text == "HomeHarbour Daily" and text[crumb.start:crumb.end] == crumb.text


def test_an_icon_run_in_front_of_text_is_split_off_and_the_text_kept():
    text = STORY + "icon shareicon mailicon camera The crews' union will meet the council on Friday.\n"
    article, body = _one(text)
    assert "The crews' union will meet the council on Friday." in body and "icon" not in body
    assert [r.text for r in article.removed if r.reason == "icon names"] == ["icon shareicon mailicon camera"]


def test_a_site_name_line_names_the_outlet_and_the_headline_after_it_and_the_date_is_found():
    text = ("Harbourdaily.com - News from the north coast\n\nFerry strike\n\nMay 4, 2026\n\n"
            "Ferry crews slam council over ‘reckless rosters’\n\n" + STORY)
    article, body = _one(text)
    assert article.site_name == "Harbourdaily.com"
    assert article.title == "Ferry crews slam council over ‘reckless rosters’"
    assert "reckless rosters’" not in body and "News from the north coast" not in body


def test_a_section_label_in_the_title_bar_does_not_name_the_outlet():
    text = "Ferry crews vote to strike over winter rosters | Ferry strike coverage\n\n" + STORY
    article, _ = _one(text)
    assert article.site_name is None


def test_a_consent_lines_last_button_does_not_name_the_outlet_and_a_masthead_in_another_language_does():
    # (a sixth user's French page: it was named "Paramétrer", after "Tout accepter | Paramétrer")
    text = ("L'Écho du Littoral\nAccueil  Actualité  Région  Sports\n"
            "Ce site utilise des cookies pour améliorer votre expérience. Tout accepter | Paramétrer\n\n"
            "Ferry crews vote to strike over winter rosters\n\n" + STORY)
    article, _ = _one(text)
    assert article.site_name == "L'Écho du Littoral"
    article, _ = _one(text.replace("L'Écho du Littoral", "Der Kurier am Hafen"))
    assert article.site_name == "Der Kurier am Hafen"
    # An English line of the same shape is no masthead: "The Press Conference" names no paper.
    from retold.model.clean import _a_masthead

    assert not _a_masthead("The Press Conference", at_end_only=True)
    # Without a masthead, no name rather than a button's.
    article, _ = _one(text.replace("L'Écho du Littoral\n", ""))
    assert article.site_name is None


def test_the_headline_under_a_menu_list_heading_is_found():
    text = ("Latest news\n\nFerry crews vote to strike over winter rosters\n\nMay 4, 2026\n\n" + STORY)
    article, _ = _one(text)
    assert article.title == "Ferry crews vote to strike over winter rosters"


from hypothesis import given, settings, strategies as st


@settings(max_examples=60, deadline=None)
@given(names=st.lists(st.sampled_from(["share", "mail", "print", "bookmark", "camera"]), min_size=2, max_size=6),
       gaps=st.lists(st.sampled_from([" ", "  ", "\t", " \u00a0 "]), min_size=8, max_size=8))
def test_a_split_off_icon_run_keeps_exact_spans_whatever_the_spacing(names, gaps):
    run = "".join(f"icon{gaps[n]}{name}" for n, name in enumerate(names))
    text = STORY + run + gaps[-1] + "The crews' union will meet the council on Friday.\n"
    article, body = _one(text)
    assert "The crews' union will meet the council on Friday." in body and "icon" not in body
    [removed] = [r for r in article.removed if r.reason == "icon names"]
    assert text[removed.start:removed.end] == run.strip()
    assert all(text[s:e].strip() == text[s:e] for s, e in article.paragraphs)


def test_the_articles_closing_list_stays_with_a_caption_between_it_and_the_related_heading():
    text = (STORY + "The berths can take these vessels:\n\nFerries up to 120 metres\nCargo ships of the coastal lines\n\n"
            "Photo: Harbour Authority\n\nMore stories\n\nCouncil votes on the new bridge toll\n")
    article, body = _one(text)
    assert "Ferries up to 120 metres" in body and "Cargo ships" in body
    assert "bridge toll" not in body and "Harbour Authority" not in body


def test_a_long_line_ending_in_a_colon_ends_a_list_under_a_heading():
    text = (STORY + "Related\n\nThe harbour's full timetable and the strike dates for every route are listed here:\n\n"
            "Winter timetable for the northern routes\n\nThe union will meet the council on Friday, it said.\n")
    article, body = _one(text)
    assert "full timetable and the strike dates" in body


def test_a_menu_of_links_copied_inside_the_page_goes_and_an_introduced_list_of_names_stays():
    text = (STORY + "Contact\nAbout us\nAdvertise\nNewsletters\nPrivacy\n\n"
            "The crews elected their speakers:\n\nMara Quell\nTomas Brenn\nIlse Varga\nDana Bright\n\n"
            "The union will meet the council on Friday, it said.\n")
    article, body = _one(text)
    assert "Advertise" not in body and "About us" not in body
    assert "Mara Quell" in body and "Dana Bright" in body
    assert {r.reason for r in article.removed if r.text in ("Contact", "Privacy")} == {"menu of links"}


@pytest.mark.parametrize("line, reason", [
    ("Previous articleHarbour crews vote to strike", "previous / next link"),
    ("Nächster Beitrag: Neue Fähre für den Hafen", "previous / next link"),
    ("← Older post", "previous / next link"),
    ("Tags: ferries, strike, harbour", "post tags"),
    ("This entry was posted in Harbour and tagged ferries by Mara. Permalink.", "post tags"),
    ("Powered by WordPress", "site credits"),
    ("Theme by Harbour Studio", "site credits"),
    ("Benachrichtige mich über neue Kommentare per E-Mail.", "comment form"),
    ("Kommentare (3):", "comment form"),
    ("Teile diesen Beitrag auf Social Media.", "share buttons"),
])
def test_blog_page_furniture_has_a_reason(line, reason):
    assert strong_reason(line) == reason


@pytest.mark.parametrize("sentence", [
    "Next article of the treaty sets the toll for every ferry.",
    "No comments were made by the harbour master on Monday.",
    "Design by committee slowed the new quay, the mayor said.",
])
def test_news_sentences_opening_like_blog_furniture_stay(sentence):
    assert strong_reason(sentence) is None


from retold.model import clean as clean_module

GUARDED_RULES = [(reason, rule) for reason, rule, _ in clean_module._STRONG_RULES if isinstance(rule, clean_module._Phrases)]
RULE_PIECES = [
    "Join us on ", "follow us", "Share this", "subscribe to ", "Sign up for ", "our ", "Our ", "newsletter", "NEWSLETTER",
    "Telegram", " channel", "join ", "Stay ", "up to date", "Keep ", "informed", "Never miss ", "the ", "Bleiben Sie ",
    "auf dem Laufenden", "Your email address will not be published", "Required fields are marked", "Notify me of ",
    "akismet", "Kommentare ", "geschlossen", "Schreibe einen Kommentar", "Deja un comentario", "Permalink", "link",
    "Filed under ", "Posted in ", " tagged ", " by ", "Tags:", "Schlagworte:", "Powered by ", "Theme by ", "Design ",
    "Teile diesen Beitrag", " jetzt teilen", "é", "K", "ſ", "\u212a", ".", " ", "x", ":",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(RULE_PIECES), max_size=8))
def test_rules_behind_a_phrase_test_decide_as_their_patterns(parts):
    line = "".join(parts)
    for reason, rule in GUARDED_RULES:
        assert bool(rule.search(line)) == bool(rule.pattern.search(line)), reason


def test_a_table_of_figures_is_not_a_menu_of_links():
    text = STORY + "Crossing\nDistance\nNorth quay\n12 km\nSouth quay\n9 km\nOld harbour\n15 km\n\nThe union will meet the council on Friday, it said.\n"
    article, body = _one(text)
    assert "North quay" in body and "15 km" in body


def test_an_article_headline_in_its_header_is_the_headline_not_the_site_name(tmp_path):
    page = tmp_path / "daily.html"
    page.write_text(
        "<html><body><header><h1>The Harbour Daily</h1><nav><a>Home</a> <a>Ferries</a></nav></header>"
        "<main><article><header><h1>Ferry crews vote to strike over winter rosters</h1></header>"
        "<p>Ferry crews on the northern routes voted on Monday to strike over new winter rosters, their union said.</p>"
        "<p>The strike would begin on 3 December, the union said.</p></article></main></body></html>",
        encoding="utf-8")
    outlet = load_alignment([str(page)]).outlets[0]
    assert outlet.title == "Ferry crews vote to strike over winter rosters"
    assert outlet.sentences[0].text.startswith("Ferry crews on the northern routes")


@pytest.mark.parametrize("line", ["Skip to primary navigation", "Springe zum Inhalt", "Primäres Menü Springe zum Inhalt",
                                  "Aller à la navigation", "Zum Inhalt überspringen"])
def test_skip_links_are_navigation(line):
    assert strong_reason(line) == "navigation"


def test_a_sentence_about_skipping_is_not_a_skip_link():
    assert strong_reason("Skip to content of the report, the mayor told reporters.") is None


def test_a_question_over_a_date_line_is_the_headline_and_a_question_lede_stays_body():
    article, body = _one("Will the ferries run this winter?\n\nMay 4, 2026\n\n" + STORY)
    assert article.title == "Will the ferries run this winter?" and "Will the ferries" not in body
    article, body = _one("Harbour news\n\nYou know the feeling!\n\n" + STORY)
    assert "You know the feeling!" in body


@pytest.mark.parametrize("line, name", [
    ("© NewsDrop 2026", "NewsDrop"),
    ("© The Harbour Daily 2026. All rights reserved.", "The Harbour Daily"),
    ("Copyright © Harbour Radio 2019-2026", "Harbour Radio"),
    ("© 2026 Harbour Radio. All rights reserved.", "Harbour Radio"),
    ("© 2026 The Harbour Daily Ltd. All rights reserved.", "The Harbour Daily"),  # the legal form is no part of the name
    ("© Orlin Medien GmbH 2026", "Orlin Medien"),
])
def test_a_copyright_year_after_the_name_is_no_part_of_it(line, name):
    text = f"Ferry crews vote to strike\n\nFerry crews voted on Monday to strike, their union said.\n\n{line}\n"
    [article] = clean_documents([doc(text)])
    assert article.site_name == name


@pytest.mark.parametrize("first, name", [
    ("Pellaro Evening Post", "Pellaro Evening Post"),
    ("The Harbour Gazette", "The Harbour Gazette"),
    ("Orlin Radio", "Orlin Radio"),
    ("World news", None),  # a section label: not capitalised as a name
    ("Port strike", None),
    ("Economy", None),  # one word: a section
    ("Ferry Strike Latest", None),  # capitalised, but no publication's word at its end
    ("Marlow Bay Gazette - Harbour news since 1921", "Marlow Bay Gazette"),  # a tagline after the name
    ("Orlin Radio | Live and local", "Orlin Radio"),
    ("Ferry strike - live updates", None),
    ("ORB English | Radio Orlin International", "Radio Orlin International"),  # an edition, then the name
    ("Live | Ferry Strike Latest", None),
    ("Harbour Live | Port Strike Talks", None),
])
def test_a_masthead_on_the_first_line_names_the_outlet(first, name):
    text = (f"{first}\nFerry crews vote to strike over winter rosters\n"
            "Ferry crews on the northern routes voted on Monday to strike over new winter rosters, their union said.\n"
            "The strike would begin on 3 December, the union said.\n")
    [article] = clean_documents([doc(text)])
    assert article.site_name == name


def test_a_headline_on_the_first_line_is_no_masthead():
    text = ("Ferry Crews Face Hard Times\n\nFerry crews on the northern routes voted on Monday to strike over new winter rosters.\n\n"
            "The strike would begin on 3 December, the union said.\n")
    [article] = clean_documents([doc(text)])
    assert article.title == "Ferry Crews Face Hard Times" and article.site_name is None


@pytest.mark.parametrize("stamp", ["03.03.2026 20:05", "2026-03-03", "20:05", "Updated 14 October 2026, 18:00 UTC",
                                   "Posted March 3, 2026"])
def test_a_date_after_a_bar_is_no_name(stamp):
    """"Harbour Radio International | 03.03.2026 20:05": what follows the bar is a time, not the outlet."""
    text = (f"Ferry crews vote to strike over winter rosters\nHarbour Radio International | {stamp}\n\n"
            "Ferry crews on the northern routes voted on Monday to strike over new winter rosters, their union said.\n\n"
            "The strike would begin on 3 December, the union said.\n\n© 2026 Harbour Radio International\n")
    [article] = clean_documents([doc(text)])
    assert article.site_name == "Harbour Radio International"


@pytest.mark.parametrize("headline", [
    "Will the crews strike over the winter rosters?",
    "Crews vote to strike over winter rosters!",
])
def test_a_headline_that_asks_or_exclaims_set_apart_above_the_article_is_the_headline(headline):
    # (a menu above it, no date or byline under it: the question tells what the opening tells),
    # right above the article or with a picture's lines between
    for between in ("", "Share\n\nThe north quay at dawn\n\nPhoto archive\n\n"):
        text = "Harbour Daily\n\nNews\nSport\nWeather\n\n" + headline + "\n\n" + between + STORY + STORY.replace("3 December", "4 December")
        article, body = _one(text)
        assert article.title == headline and headline not in body
    # A question set apart above the article that tells something else is no headline: it stays.
    text = "Harbour Daily\n\nNews\nSport\nWeather\n\nWho reads the timetable at night anyway?\n\n" + STORY
    article, body = _one(text)
    assert article.title != "Who reads the timetable at night anyway?"
