"""Furniture classes seen on real pages (issue 16 item 5), on lines we wrote ourselves."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from retold.model.clean import clean_documents
from retold.model.furniture import TAIL_SHARE
from retold.model.story import OutletMeta, RawDoc


def doc(text: str, name: str = "page") -> RawDoc:
    return RawDoc(meta=OutletMeta(id=name, name=name, source=f"{name}.txt"), text=text, encoding="utf-8")


def clean(text: str):
    [article] = clean_documents([doc(text)])
    return article, " ".join(" ".join(text[s:e].split()) for s, e in article.paragraphs)


ARTICLE = [
    "Ferry crews on the northern routes voted on Monday to strike over new winter rosters, their union said.",
    "The strike would begin on 3 December and last for two days, the union's speaker told reporters at the quay.",
    "The harbour council said it would meet the crews on Friday and hoped to settle the dispute before winter.",
    "Crews say the new rosters leave them eleven hours at sea without a break on the longest of the crossings.",
    "Passengers were told to check the timetable before they travel, as the night ferries may be cancelled first.",
]
ARTICLE_TEXT = "Ferry crews vote to strike over winter rosters\n\n" + "\n\n".join(ARTICLE) + "\n\n"


# ------------------------------------------------ the article's end


def test_prose_under_the_comment_form_at_the_foot_of_the_page_is_not_the_article():
    text = (ARTICLE_TEXT + "Share this article\n\n2 comments\n\n"
            "Mara from the quay\n\nThe rosters are a disgrace.\n\nI hope they win.\n")
    article, body = clean(text)
    assert all(sentence in body for sentence in ARTICLE)
    assert "disgrace" not in body and "I hope they win" not in body
    assert {r.reason for r in article.removed if "disgrace" in r.text} == {"after the article's end"}


def test_a_share_row_high_in_the_article_does_not_end_it():
    # The share row stands after the first paragraph: most of the prose is still to come.
    text = ("Ferry crews vote to strike over winter rosters\n\n" + ARTICLE[0] + "\n\nShare this article\n\n"
            + "\n\n".join(ARTICLE[1:]) + "\n")
    _, body = clean(text)
    assert all(sentence in body for sentence in ARTICLE)


def test_a_photo_credit_with_a_copyright_mark_does_not_end_the_article():
    text = (ARTICLE_TEXT + "A ferry at the north quay. © Harbour Photo / Tom Brenn\n\n"
            "The union will vote again in spring.\n")
    _, body = clean(text)
    assert "The union will vote again in spring." in body


SENTENCES = st.sampled_from(ARTICLE + [
    "The mayor said she would ride the first ferry after the strike.",
    "Good on them.",
    "Nobody at the harbour office answered the phone on Sunday afternoon.",
])
END_LINES = st.sampled_from(["Share this article", "Tags: ferries, strike", "© 2026 The Harbour Daily", "3 comments",
                             "Related stories", "Follow us on Instagram @harbourdaily", "Next article"])


@settings(max_examples=80, deadline=None)
@given(st.lists(st.one_of(SENTENCES, END_LINES), min_size=1, max_size=14))
def test_the_articles_end_never_takes_more_than_its_share_of_the_prose_it_keeps(page):
    """Whatever the order of prose and end-of-article lines, the prose the rule sets aside is
    under TAIL_SHARE of the prose above its cut, which the cleaner keeps."""
    text = "Ferry crews vote to strike over winter rosters\n\n" + "\n\n".join(page) + "\n"
    article, body = clean(text)
    cut = sum(len(r.text.split()) for r in article.removed if r.reason == "after the article's end")
    kept = len(body.split())
    assert cut < TAIL_SHARE * kept or cut == 0


# ------------------------------------------------ the headline of a page with headings


def _html_outlet(tmp_path, head: str, headings: list[str]):
    from retold.model.pipeline import load_alignment

    page = tmp_path / "daily.html"
    page.write_text(
        f"<html><head>{head}</head><body>" + "".join(f"<div><h1>{h}</h1></div>" for h in headings)
        + "<main><p>" + "</p><p>".join(ARTICLE) + "</p></main></body></html>", encoding="utf-8")
    return load_alignment([str(page)]).outlets[0]


def test_the_sites_own_name_in_the_header_is_not_the_headline(tmp_path):
    # The site's name shares a word with the opening ("harbour"), the headline none: the page naming
    # the site rules the name out.
    outlet = _html_outlet(tmp_path, '<meta property="og:site_name" content="The Harbour Daily">',
                          ["The Harbour Daily", "Tempers rise on deck"])
    assert outlet.name == "The Harbour Daily" and outlet.title == "Tempers rise on deck"


def test_a_one_word_section_label_is_not_the_headline(tmp_path):
    outlet = _html_outlet(tmp_path, "", ["Blog", "Tempers rise on deck"])
    assert outlet.title == "Tempers rise on deck"


def test_the_sites_name_after_the_headline_is_cut_and_the_span_still_holds_the_headline():
    from retold.model.story import OutletMeta, RawDoc

    text = "A long night on the quay  |  The Harbour Daily\n\n" + "\n\n".join(ARTICLE) + "\n"
    meta = OutletMeta(id="daily", name="The Harbour Daily", source="daily.html", name_from="page")
    [article] = clean_documents([RawDoc(meta=meta, text=text, encoding="utf-8", forced_furniture={0: "heading"})])
    assert article.title == "A long night on the quay"
    assert text[slice(*article.title_span)] == article.title
    # A tail that is not the site's name stays: it may be the headline's own second part.
    meta = OutletMeta(id="daily", name="Harbour Radio", source="daily.html", name_from="page")
    [article] = clean_documents([RawDoc(meta=meta, text=text, encoding="utf-8", forced_furniture={0: "heading"})])
    assert article.title == "A long night on the quay | The Harbour Daily"


# ------------------------------------------------ the headline of pasted text


def test_the_headline_is_the_line_above_the_longest_run_of_prose_that_tells_its_opening():
    # A blog's welcome sentence stands above its menu and the headline: the article is the long
    # run of prose below, and its headline the nearest line above it that tells what it tells.
    text = ("Harbour Notes - a blog about boats and the sea\n\nWelcome to my blog. I write about boats every week.\n\n"
            "Home\nBoats\nAbout me\n\nFerry crews vote to strike over winter rosters\n\nMay 4, 2026\n\n" + "\n\n".join(ARTICLE) + "\n")
    article, body = clean(text)
    assert article.title == "Ferry crews vote to strike over winter rosters"
    assert all(sentence in body for sentence in ARTICLE)


def test_a_line_above_the_article_that_tells_something_else_is_not_its_headline():
    text = ("Ferry crews vote to strike over winter rosters\n\nWelcome to my blog about boats and the sea\n\n"
            + "\n\n".join(ARTICLE) + "\n")
    article, _ = clean(text)
    assert article.title == "Ferry crews vote to strike over winter rosters"


PAGE_LINES = st.sampled_from(ARTICLE + [
    "Ferry crews vote to strike over winter rosters", "Welcome to my blog about boats and the sea", "Harbour news",
    "May 4, 2026", "Share this article", "By Mara Quell", "Council votes on the new bridge toll", "Storm warning for the coast!",
    "Harbour Notes - a blog about boats and the sea", "Good on them.", "Most read",
])


@settings(max_examples=120, deadline=None)
@given(st.lists(PAGE_LINES, min_size=1, max_size=16), st.lists(st.booleans(), min_size=16, max_size=16))
def test_the_headline_found_is_the_text_at_its_span_and_never_also_body(page, blank):
    text = "".join(line + ("\n\n" if gap else "\n") for line, gap in zip(page, blank))
    article, _ = clean(text)
    if article.title is None:
        return
    start, end = article.title_span
    assert text[start:end] == article.title
    assert all(end <= s or e <= start for s, e in article.paragraphs)


# ------------------------------------------------ more line classes (furniture.LINE_RULES)

from retold.model.clean import strong_reason  # noqa: E402


@pytest.mark.parametrize("line, reason", [
    ("© 2026 Hafenblatt Verlag. Alle Rechte vorbehalten.", "copyright"),
    ("Diario del Puerto 2026 - Todos los derechos reservados.", "copyright"),
    ("All content on this blog is licensed under a Creative Commons Attribution 4.0 licence.", "copyright"),
    ("Enter your email address to follow this blog and get new posts by email.", "social / subscribe prompt"),
    ("Gib deine E-Mail-Adresse ein, um neuen Beiträgen zu folgen.", "social / subscribe prompt"),
    ("12 responses to “Ferry crews vote to strike”", "comment form"),
    ("3 Gedanken zu „Neue Fähre für den Hafen“", "comment form"),
    ("Some links on this page are affiliate links: we may receive a small commission when you buy.", "affiliate disclosure"),
    ("Für Links auf dieser Seite erhält Hafenblatt ggf. eine Provision vom Händler.", "affiliate disclosure"),
    ("This form is protected by reCAPTCHA and the provider's privacy policy applies.", "cookie notice"),
    ("Ich akzeptiere die Datenschutzerklärung.", "cookie notice"),
    ("Die neue Fähre am Nordkai. Foto: Hafenamt", "photo caption / credit"),
    ("El ferry en el muelle norte. Foto: Archivo Diario del Puerto.", "photo caption / credit"),
    ("To continue reading the full story, log in with your account.", "paywall prompt"),
    ("Pour lire la suite, abonnez-vous.", "paywall prompt"),
    ("Like Loading...", "share buttons"),
    ("Gefällt mir Wird geladen …", "share buttons"),
    ("If you liked this post, would you consider supporting our work?", "fundraising appeal"),
    ("Jede kleine Spende hilft uns, weiter zu berichten.", "fundraising appeal"),
])
def test_more_real_page_line_classes_have_a_reason(line, reason):
    assert strong_reason(line) == reason


@pytest.mark.parametrize("sentence", [
    "The union said it would email every member before the vote on Friday.",
    "Two responses to the council's letter arrived on Monday, the union said.",
    "The ferry company earns a commission on every ticket sold at the quay, the report found.",
    "The photo shows the new ferry at the north quay.",
    "The council will read the full report on Friday.",
    "Crews said they liked the new rosters better than the old ones.",
    "Die Fähre legt um acht Uhr am Nordkai an, sagte der Hafenmeister.",
])
def test_news_sentences_with_those_words_stay(sentence):
    assert strong_reason(sentence) is None


def test_a_lead_in_ending_in_a_colon_under_a_sentence_stays_with_the_article():
    text = (ARTICLE_TEXT + "The crews' union put its demands in a short list:\n\n"
            "# rest after eleven hours\n\nShare this article\n")
    _, body = clean(text)
    assert "The crews' union put its demands in a short list:" in body


from retold.model import furniture  # noqa: E402
from retold.model.clean import _Phrases  # noqa: E402

LINE_RULE_PIECES = [
    "Alle Rechte vorbehalten", "derechos reservados", "licensed under ", "Creative Commons", "under ", "Enter your ", "email",
    "E-Mail-Adresse eingeben", "12 responses to ", "“", "\"", "Gedanken zu „", "we may receive ", "commission", "eine Provision",
    "erhält ", "protected by reCAPTCHA", "Ich akzeptiere die Datenschutz", "Foto: ", "Photo: ", ". ", "to read the full article",
    "Pour lire la suite", "Like ", "Loading", "Gefällt mir ", "would you consider supporting our", "Jede kleine Spende hilft",
    "Diese Website verwendet Akismet", "There are 0 comments", "Folge uns", "Síguenos", "Startseite", "Abmelden", "ABMELDEN", "Accueil",
    "Von ", "Mara ", "Quell", "Par ", "Veröffentlicht am ", "Posted on ", " by ", " von ", "5 min read", "Lesezeit: ", "3 Minuten", "Topics: ", "Kategorie:", "1.2k shares", " views", "About the author", "Über die Autorin",
    "é", "K", "\u212a", "ſ", " ", "x",
    "Was this article helpful", "?", "Hat Ihnen dieser Artikel gefallen", "Möchten Sie weiterlesen", "Gefällt dir unser ", "Sie lesen gern ",
    "Externer Inhalt", "Klicken Sie auf den Button, um den Inhalt zu laden", "keine Verbindung zu Kurzpost her", "Abonnieren Sie den Newsletter",
    "in deinen Posteingang", "download the ", "Harbour ", "apps", "send you push notifications", "Benachrichtigung aktivieren",
    "Sie müssen sich einloggen", "Kommentar", "Die Kommentarfunktion ist geschlossen", "Zeilenumbrüche und Absätze werden automatisch",
    "Mit Freunden teilen", "Flattr this", "Zurück zur Übersicht", "< ", "(Noch keine Bewertungen)", "Bewerten Sie diesen Artikel",
    "13 Besucher sind online", "5 users online",
    "Ihr Beitrag hilft, unsere ", "Unterstütze Hafenblatt mit 2", "nur unter Namensnennung", "n'engagent que leurs auteurs",
    "The views expressed are those of the author", "Zum Vergrößern auf das Bild klicken", "Vergrößern", "Subscription will auto renew",
    "Sie sind nicht verbunden",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(LINE_RULE_PIECES), max_size=8))
def test_line_rules_behind_a_phrase_test_decide_as_their_patterns(parts):
    line = "".join(parts)
    for reason, pattern, phrases, _ in furniture.LINE_RULES:
        assert bool(_Phrases(pattern, phrases).search(line)) == bool(pattern.search(line)), reason


@pytest.mark.parametrize("line, reason", [
    ("Lea: El ferry vuelve al muelle norte", "teaser link"),
    ("VEA TAMBIÉN: Huelga en los ferris del norte", "teaser link"),
    ("Nicht verpassen: Neue Fähre für den Hafen", "teaser link"),
    ("Siehe auch: Streik auf der Nordroute", "teaser link"),
    ("5 min read", "reading time"),
    ("Lesezeit: ca. 3 Minuten", "reading time"),
    ("Topics: Ferries, Strikes, Harbour", "post tags"),
    ("Kategorie: Hafen", "post tags"),
    ("1.2k shares", "share buttons"),
    ("About the author", "author bio"),
])
def test_teasers_reading_times_topics_counters_and_bio_heads_have_a_reason(line, reason):
    assert strong_reason(line) == reason


@pytest.mark.parametrize("sentence", [
    "Lea said the ferry would be late.",
    "Mira Brenn, the harbour master, said the ferry would be late.",
    "The crossing takes 5 minutes in calm weather.",
    "Topics such as rosters and pay will be discussed on Friday.",
])
def test_sentences_opening_like_those_labels_stay(sentence):
    assert strong_reason(sentence) is None


def test_the_authors_box_under_the_article_is_not_the_article():
    text = ARTICLE_TEXT + "About the author\n\nMara Quell has covered the harbour since 2019.\n"
    article, body = clean(text)
    assert "has covered the harbour" not in body and all(sentence in body for sentence in ARTICLE)


@pytest.mark.parametrize("line", ["Von Mara Quell", "Par Loïc Brenn | 31.10.23", "Por Ana Ruiz y Tomas Brenn", "Von: Tomas Brenn, Hafenreporter",
                                  "Veröffentlicht am 3. Mai 2026 von Mara Quell", "Publié le 3 mai par Loïc Brenn"])
def test_bylines_beyond_english_are_bylines(line):
    assert strong_reason(line) == "byline"


@pytest.mark.parametrize("line", ["Von Hamburg nach Kiel", "POR ESO INFORMAR ES", "Von den 300 Fähren fahren nur 20 im Winter.",
                                  ])
def test_lines_opening_like_a_byline_that_name_no_one_are_not_bylines(line):
    assert strong_reason(line) != "byline"


def test_a_question_over_a_byline_beyond_english_is_the_headline():
    text = "Fahren die Fähren diesen Winter?\n\nVon Mara Quell\n\n" + "\n\n".join(ARTICLE) + "\n"
    article, body = clean(text)
    assert article.title == "Fahren die Fähren diesen Winter?" and "Fahren die Fähren" not in body


# ------------------------------------------------ the outlet's name


def test_a_section_label_made_of_the_storys_own_words_does_not_name_the_outlet():
    body = "\n\n".join(ARTICLE) + "\n"
    article, _ = clean("Ferry crews vote to strike over winter rosters | Ferry Strike\n\n" + body)
    assert article.site_name is None
    article, _ = clean("Ferry crews vote to strike over winter rosters | The Harbour Daily\n\n" + body)
    assert article.site_name == "The Harbour Daily"


def test_a_photo_credit_with_a_copyright_mark_does_not_name_the_outlet():
    article, _ = clean("\n\n".join(ARTICLE) + "\n\n© Foto: Tom Brenn/Harbour Pictures\n")
    assert article.site_name is None


@pytest.mark.parametrize("line, reason", [
    ("Diese Website verwendet Akismet, um Spam zu reduzieren.", "comment form"),
    ("There are 0 comments. Add yours.", "comment form"),
    ("Folge uns auch auf Instagram!", "social / subscribe prompt"),
    ("Síguenos en Google News", "social / subscribe prompt"),
    ("Dann geben Sie hier einfach Ihre E-Mail-Adresse ein.", "social / subscribe prompt"),
    ("Startseite", "navigation"),
    ("Abmelden", "navigation"),
    ("Accueil", "navigation"),
])
def test_comment_follow_and_menu_lines_beyond_english_have_a_reason(line, reason):
    assert strong_reason(line) == reason


@pytest.mark.parametrize("sentence", [
    "Folgen die Fähren dem neuen Fahrplan, sagte der Hafenmeister.",
    "There are 40 ferries on the northern routes.",
    "Die Suche nach dem vermissten Fischer dauerte bis Montag.",
])
def test_sentences_with_those_words_stay_too(sentence):
    assert strong_reason(sentence) is None


def test_a_short_headline_is_found_when_all_its_words_are_in_the_opening_and_a_menu_item_is_not():
    text = "Harbour Notes\n\nHome\nAbout me\n\nWinter rosters\n\nMay 4, 2026\n\n" + "\n\n".join(ARTICLE) + "\n"
    article, _ = clean(text)
    assert article.title == "Winter rosters"
    article, _ = clean("Harbour Notes\n\nHome\nAbout me\n\nMay 4, 2026\n\n" + "\n\n".join(ARTICLE) + "\n")
    assert article.title is None


@pytest.mark.parametrize("line, reason", [
    # a German page's consent line and date line (a new user's translation)
    ("Wir verwenden Cookies. Mit der Nutzung der Seite stimmen Sie zu.", "cookie notice"),
    ("Diese Website verwendet Cookies.", "cookie notice"),
    ("Ce site utilise des cookies pour mesurer l'audience.", "cookie notice"),
    ("07.12.2026, 19:02 Uhr", "page date"),
    ("Stand: 07.12.2026, 19:02 Uhr", "page date"),
    # a date line with its month and weekday in another language (it became a page's headline)
    ("Dienstag, 1. Februar 2022", "page date"),
    ("mardi 1 février 2022, 09:40", "page date"),
    ("4 de mayo de 2022", "page date"),
    # a third user's pages (review7): consent lines, a newsletter's own appeal, a newsroom's byline
    ("We and our partners use cookies.", "cookie notice"),
    ("We and our 214 partners use cookies to personalise content and ads.", "cookie notice"),
    ("Cookies help us run this site. OK", "cookie notice"),
    ("Get the Harbour Morning Brief in your inbox every weekday. Sign up now.", "social / subscribe prompt"),
    ("Our best stories of the week, delivered to your inbox.", "social / subscribe prompt"),
    ("Harbour24 staff | 01.12.2026 12:30", "byline"),
    ("Harbourbite team | 24.11.2026 13:05", "byline"),
    ("Like this? Share it: Facebook · X · WhatsApp", "share buttons"),
    # the share button's name alone on its line, under the last paragraph
    ("Share", "share buttons"),
    ("Teilen", "share buttons"),
    # a wire's credit line of several roles (a fifth user's wire: it was kept as a sentence)
    ("Reporting by Marta Ulven in Brisa; additional reporting by Joel Kask in Lusk; editing by Nina Orr", "byline"),
    ("(Reporting by Ana Kell and Tomas Brisk; Writing by Ana Kell; Editing by Nina Orr)", "byline"),
    ("Staff reporter | 4 May 2026", "byline"),
    ("Harbourbite team, 14 Aug 2026 20:30", "byline"),
    # a row of account links
    ("Log in | Subscribe", "navigation"),
    ("Anmelden · Abonnieren", "navigation"),
])
def test_furniture_lines_in_more_languages_and_rows(line, reason):
    from retold.model.clean import strong_reason

    assert strong_reason(line) == reason


@pytest.mark.parametrize("line", [
    "Der Stadtrat will am Montag über die Cookies der Bäckerei am Hafen entscheiden.",
    "Le 7 décembre, le maire a démissionné.",
    "Passengers can log in to the harbour website to check the new timetable.",
    "Police said scam emails promising refunds had been sent to your inbox addresses.",
    '"Sign up now," the harbour master urged volunteers.',
    "Staff at the terminal worked through the night, 12 of them unpaid.",
    "Kitchen staff, 12 in all, walked out.",
    "De 2019 a 2023.",
    "Like this? The mayor asked voters to share it: her plan, she said, was the only one.",
    "The council said: sign up today!",
    "Two hospital staff, 14 patients, were hurt.",
    "Our newsroom, 40 people, is moving.",
    "Share prices fell.",
    "Reporting by the Herald found that 14 homes burned; editing by hand was not possible.",
    "The editing by Nina Orr was praised; reporting by Ana was not.",
    "1. Februar 2022: Der Rat tagt",
    "Mars 2030",
    "The bakers said we and our neighbours use cookies as gifts.",
    # (a reviewer's: a caption's date after a comma is no newsroom byline; two credits of a film are no wire's)
    "Hospital staff, 3 May 2026",
    "Medical staff, 10:30 am",
    "Produced by Netflix; produced by HBO.",
])
def test_article_sentences_near_those_words_stay(line):
    from retold.model.clean import strong_reason

    assert strong_reason(line) is None


# ------------------------------------------------ the page asking about itself, embeds, subscribe asks (issue 16 item 5, round 4)


# Each furniture line beside a news sentence that shares its words: the rule takes the one and
# leaves the other.
@pytest.mark.parametrize("line, reason, sentence", [
    ("Was this article helpful?", "reader prompt", "Was the article in the harbour bylaws ever enforced?"),
    ("Did you enjoy this story? Share it with a friend.", "reader prompt", "Did the council like the post? Its members would not say."),
    ("War der Artikel hilfreich?", "reader prompt", "Hat der Rat den Artikel des Gesetzes geändert?"),
    ("Hat Ihnen dieser Beitrag gefallen? Dann empfehlen Sie ihn weiter", "reader prompt",
     "Hat dem Rat der Beitrag der Reederei gefallen?"),
    ("Möchten Sie den Artikel teilen?", "reader prompt", "Will der Rat den Artikel teilen?"),
    ("Möchten Sie weiterlesen?", "reader prompt", "Crews who want to keep reading the rosters can ask the union for a copy."),
    ("Gefällt dir unser Hafenmagazin?", "reader prompt", "Gefällt dem Rat unser Vorschlag nicht, sagte die Gewerkschaft."),
    ("Sie lesen gern Hafenblatt.de?", "reader prompt", "Die Crews lesen gern Seekarten, sagte der Kapitän."),
    ("Externer Inhalt", "embedded content", "Externer Inhalt wurde im Bericht des Rates nicht genannt."),
    ("Klicken Sie auf den Button unten, um den Inhalt von Kartenwerk zu laden.", "embedded content",
     "Der Kapitän klickte auf die Karte, um die Route zu prüfen, sagte er."),
    ("Click the button below to load the video from Streamhaus.", "embedded content",
     "The council said it would click through the new timetable with the crews on Friday."),
    ("Wir stellen ohne dein Einverständnis keine Verbindung zu Kurzpost her.", "embedded content",
     "Die Fähre stellt ab Montag eine Verbindung zu den Inseln her."),
    ("Nichts mehr verpassen aus dem Hafen: Abonnieren Sie kostenlos den Hafenblatt-Newsletter und bleiben Sie über alle "
     "Neuigkeiten rund um Fähren, Werften und Kais auf dem Laufenden.", "social / subscribe prompt",
     "The union's newsletter said crews would subscribe to the new pension fund, its editor told members in a long letter on Friday evening."),
    ("Lust auf mehr? Lass dir die besten Geschichten jede Woche in deinen Posteingang liefern.", "social / subscribe prompt",
     "Betrüger schicken gefälschte Rechnungen, die in Ihrem Posteingang landen, warnte die Hafenpolizei am Freitag."),
    ("Nos derniers reportages dans votre boîte mail.", "social / subscribe prompt",
     "La lettre du conseil est arrivée dans la boîte aux lettres du syndicat lundi."),
    ("For breaking news from the quay download the Harbour Daily apps for iOS and Android.", "social / subscribe prompt",
     "Scam emails landed in your inbox, the harbour police warned, and asked people to download the official app only."),
    ("Harbour Daily would like to send you push notifications.", "social / subscribe prompt",
     "The ferry company will send passengers notifications by text when a crossing is cancelled."),
    ("NOTAS RELACIONADAS", "section heading", "Las notas relacionadas con la huelga llegaron al consejo el lunes."),
    ("Lo más leído", "section heading", "Lo más leído en la biblioteca del puerto fue el horario de invierno."),
    ("Meistgelesen", "section heading", "Meistgelesen wurde im Hafen der Fahrplan, sagte der Hafenmeister."),
    ("Mehr zum Thema auf Hafenblatt.de:", "section heading", "Mehr zum Thema Fähren sagte der Hafenmeister nicht."),
    ("Latest on:", "section heading", "Latest figures show more passengers on the night ferries."),
    ("Sie müssen sich einloggen, um sich an der Diskussion zu beteiligen.", "comment form",
     "Der Rat will die Diskussion über die Fähren erst im Mai beginnen, sagte er."),
    ("Um den Beitrag kommentieren zu können, müssen Sie angemeldet sein.", "comment form",
     "Die Reederei hat sich beim Hafenamt angemeldet, sagte der Sprecher."),
    ("Die Kommentarfunktion ist geschlossen.", "comment form", "Die Fährverbindung ist geschlossen, sagte der Hafenmeister."),
    ("Zeilenumbrüche und Absätze werden automatisch erzeugt.", "comment form", "Die Fahrpläne werden automatisch erzeugt, sagte er."),
    ("Lines and paragraphs break automatically.", "comment form", "The old mooring lines break easily in winter, the crews said."),
    ("Mit Freunden teilen", "share buttons", "Crews teilen sich die Kabinen mit Freunden, sagte der Kapitän."),
    ("Teilen Sie dies mit:", "share buttons", "Teilen Sie dies mit dem Rat, sagte die Gewerkschaft."),
    ("Den Artikel mit anderen teilen/diskutieren:", "share buttons", "Den Artikel will der Rat mit anderen Häfen teilen."),
    ("Zurück zur Übersicht", "navigation", "Zurück zur Normalität"),
    ("< ZURÜCK / Fähren", "navigation", "Zurück im Hafen: die Fähre Nordlicht"),
    ("Back to all news", "navigation", "Back to the quay: crews return after the strike"),
    ("(Noch keine Bewertungen)", "share buttons", "Noch keine Bewertungen der Fähre liegen vor, sagte das Amt."),
    ("Bewerten Sie diesen Artikel", "share buttons", "Bewerten Sie diesen Plan der Reederei, fragte der Rat die Crews."),
    ("13 Besucher sind online", "navigation", "13 Besucher sind online für die Fähre registriert, sagte das Amt."),
    ("Ihr Beitrag hilft, unsere Berichterstattung über den Hafen weiter auszubauen.", "fundraising appeal",
     "Ihr Beitrag hilft der Reederei nicht, sagte der Rat zu den Crews."),
    ("Unterstütze Hafenblatt bereits mit 2,50!", "fundraising appeal", "Unterstütze die Crews, rief der Sprecher am Kai."),
    ("Verwendung und Weitergabe der Inhalte nur unter Namensnennung. Danke.", "copyright",
     "Die Nutzung der Kais ist nur mit Genehmigung des Hafenamts erlaubt, sagte der Rat."),
    ("Les opinions exprimées dans ce blog n'engagent que leurs auteurs.", "copyright",
     "Les opinions des équipages ont été entendues par le conseil lundi."),
    ("The views expressed are those of the author.", "copyright", "The views expressed by the crews were heard by the council."),
    ("Zum Vergrößern auf das Bild klicken", "photo caption / credit", "Der Rat will den Hafen vergrößern, sagte er."),
    ("Vergrößern Die neue Fähre am Nordkai.", "photo caption / credit", "Vergrößern Sie den Fahrplan, rät das Amt."),
    ("Subscription will auto renew annually.", "paywall prompt", "The crews' contract will renew annually, the union said."),
    ("Sie sind nicht verbunden. Loggen Sie sich ein oder registrieren Sie sich", "navigation",
     "Die Inseln sind nicht verbunden, seit die Fähre ausfällt."),
])
def test_the_page_asking_about_itself_embeds_and_subscribe_asks_have_a_reason(line, reason, sentence):
    assert strong_reason(line) == reason
    assert strong_reason(sentence) is None


def test_a_related_heading_in_spanish_takes_the_teasers_under_it():
    text = (ARTICLE_TEXT + "NOTAS RELACIONADAS\n\nHuelga en los ferris del norte termina tras dos días de paro\n\n"
            "Jueves 21 abril, 2026\n\nEl consejo del puerto firmó el jueves un nuevo acuerdo con las tripulaciones de los ferris.\n\n"
            "Las tripulaciones votan el nuevo horario de invierno en el muelle norte\n\nLunes 18 abril, 2026\n\n"
            "La votación se hará el viernes en la sede del sindicato, dijo su portavoz a los periodistas.\n")
    _, body = clean(text)
    assert "Huelga en los ferris" not in body and all(sentence in body for sentence in ARTICLE)
