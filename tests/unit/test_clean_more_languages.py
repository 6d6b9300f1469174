"""Furniture, names and dates a user's Italian and English copies carried (review 15), as classes
in our own invented lines: a cookie banner asking consent, a share row "Condividi su …", a teaser
"LEGGI ANCHE:", an Italian byline "di …", a date line with the little words of its language, an
aggregator's "Source: X · date", a copyright naming the owner before a full stop, a masthead of
the "Il Corriere di …" shape, and the paid links under a "Sponsored" heading."""

from __future__ import annotations

import pytest

from retold.model.clean import strong_reason
from retold.model.pipeline import load_alignment


@pytest.mark.parametrize("line, reason", [
    ("Questo sito utilizza cookie tecnici e di profilazione. Chiudendo il banner acconsenti all'uso dei cookie.", "cookie notice"),
    ("Al continuar navegando aceptas el uso de cookies.", "cookie notice"),
    ("Condividi su Facebook Twitter WhatsApp", "share buttons"),
    ("LEGGI ANCHE: Nebbia fitta sul lago, chiuso il porto", "teaser link"),
    ("di Marta Colleoni", "byline"),
    ("Publié le 3 mars 2026 à 18h10", "page date"),
    ("Pubblicato il 3 marzo 2026 alle ore 16:05", "page date"),
])
def test_the_line_is_furniture_of_its_class(line, reason):
    assert strong_reason(line) == reason


@pytest.mark.parametrize("line", ["di cui si parla da anni", "Le 3 mars 2026 il a dit oui", "Condividi il dolore delle famiglie."])
def test_prose_of_the_same_words_is_not(line):
    assert strong_reason(line) is None


def _outlet(tmp_path, text, name="page.txt"):
    folder = tmp_path / "story"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return load_alignment([str(folder)], semantic=False).outlets[0]


def test_an_italian_page_copy_keeps_its_article_its_name_headline_byline_and_time(tmp_path):
    outlet = _outlet(tmp_path, "Il Giornale di Vessano\nHome\nCronaca\nSport\n"
                     "Questo sito utilizza cookie tecnici. Chiudendo questo banner acconsenti all'uso dei cookie.\n"
                     "HomeCronacaNebbia sul lago: chiuso il porto di Vessano\ndi Marta Colleoni\n3 marzo 2026 - 16:05\n"
                     "Condividi su Facebook Twitter WhatsApp\n\n"
                     "Il porto di Vessano è rimasto chiuso tutta la mattina per la nebbia fitta sul lago.\n\n"
                     "LEGGI ANCHE: Maltempo, allerta gialla sulla costa\n\n"
                     "I traghetti sono ripartiti nel primo pomeriggio, ha detto la capitaneria.\n")
    assert outlet.name == "Il Giornale di Vessano"
    assert outlet.title == "Nebbia sul lago: chiuso il porto di Vessano"
    assert (outlet.meta.author, outlet.meta.published) == ("Marta Colleoni", "2026-03-03T16:05")
    assert [s.text[:12] for s in outlet.sentences] == ["Il porto di ", "I traghetti "]


def test_an_aggregators_copy_names_itself_dates_itself_and_drops_its_paid_links(tmp_path):
    outlet = _outlet(tmp_path, "LakeBrief\nTop Stories\nWorld\n\nFog closes Vessano port for a morning\n"
                     "Source: Vessano Radio · Mar 3, 2026 · 17:40\n\n"
                     "Fog closed the port of Vessano for the whole morning, the harbour office said.\n\n"
                     "Ferries sailed again in the early afternoon.\n\nSponsored\n"
                     "This one kitchen trick will change your mornings\nLocals are switching to heat pumps - here's why\n\n"
                     "© 2026 LakeBrief Media Ltd. Stories from partner outlets remain the property of their owners.\n",
                     name="lakebrief.txt")
    assert outlet.name == "LakeBrief" and outlet.meta.published == "2026-03-03T17:40"
    assert [s.text[:10] for s in outlet.sentences] == ["Fog closed", "Ferries sa"]


def test_a_copy_crediting_another_outlet_of_the_story_with_with_names_its_source(tmp_path):
    """"By Courier staff, with Nordwire": Nordwire is no agency the world knows, but an outlet of
    this story; before, the credit was not read and the Sources said "no claim"."""
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "nordwire.txt").write_text("Nordwire\n\nThe harbour board approved the new ferry pier on Monday after a long debate.\n")
    (folder / "courier.txt").write_text("Ferry pier approved\nPublished: 18/11/2026 17:45 | By Courier staff, with Nordwire\n\n"
                                        "The harbour board approved the new ferry pier on Monday after a long debate.\n")
    from retold.model.credits import credits_of

    alignment = load_alignment([str(folder)], semantic=False)
    courier = next(o for o in alignment.outlets if o.id == "courier")
    credits = credits_of(courier, tuple(o.name for o in alignment.outlets if o.id != "courier"))
    assert [(c.kind, c.source) for c in credits if c.source == "Nordwire"] == [("source", "Nordwire")], credits


# ---- review16: breadcrumbs in other languages, a chart's caption, a blog's comment thread,
# its filing line's author, a masthead "… Online", and a date line above the article first.

@pytest.mark.parametrize("glued, headline", [
    ("StartseiteFinanzenVessano: Notenbank lässt Leitzins unverändert", "Vessano: Notenbank lässt Leitzins unverändert"),
    ("InicioMercadosEl puerto de Vessano cierra por la niebla", "El puerto de Vessano cierra por la niebla"),
    ("AccueilÉconomieLa banque centrale maintient son taux", "La banque centrale maintient son taux"),
])
def test_a_breadcrumb_glued_to_the_headline_is_split_off_in_other_languages(glued, headline):
    from retold.model.clean import _glued_prefix

    cut, reason = _glued_prefix(glued)
    assert (glued[cut:], reason) == (headline, "navigation")


@pytest.mark.parametrize("line, reason", [
    ("Chart: Vessano's policy rate and inflation, 2022-2026. Source: Lake Bank", "photo caption / credit"),
    ("Grafik: Leitzins und Inflation seit 2022", "photo caption / credit"),
    ("3 comments on “No rate cut yet”", "comment form"),
    ("Marta K. says:", "comment form"),
])
def test_captions_and_comment_threads_are_furniture(line, reason):
    assert strong_reason(line) == reason


def test_a_blog_post_names_its_author_drops_the_bio_and_the_comments_and_is_dated_by_its_own_line(tmp_path):
    outlet = _outlet(tmp_path, "Nordwirtschaft Online\nHome\nSavings\n\nNo rate cut yet: what it means for your mortgage\n"
                     "Posted on March 4, 2026 by Oskar Lund\n\n"
                     "The lake bank decided on Thursday not to change its interest rate, so it stays at 6.25%.\n\n"
                     "If you have a variable-rate mortgage, your monthly payment will stay the same for now.\n\n"
                     "Prices are still going up, but more slowly: inflation was 4.8% in February.\n\n"
                     "The next decision comes on April 28, so that is the date to watch.\n\n"
                     "My advice: do not lock in a fixed rate in a panic, but do build a bit of extra savings.\n\n"
                     "About the author\nOskar Lund is a former bank clerk who writes about household budgets.\n"
                     "2 comments on “No rate cut yet”\nMarta K. says:\nMarch 4, 2026 at 9:12 am\n"
                     "Thanks, this was really clear and it helped me a lot.\nReply\n", name="blog.txt")
    assert (outlet.name, outlet.meta.author, outlet.meta.published) == ("Nordwirtschaft Online", "Oskar Lund", "2026-03-04")
    assert [s.text[:12] for s in outlet.sentences] == ["The lake ban", "If you have ", "Prices are s", "The next dec",
                                                       "My advice: d"]


# ---- review17: Portuguese consent, share buttons each with its label, a press release's legal
# notice, a blog's donation ask, a name with an elided particle, thousands set apart by spaces.

@pytest.mark.parametrize("line, reason", [
    ("Este site utiliza cookies.", "cookie notice"),
    ("Ao continuar a navegar, aceita a utilização de cookies.", "cookie notice"),
    ("Partager sur Facebook Partager sur X Envoyer par e-mail", "share buttons"),
    ("This press release contains forward-looking statements about the timing of approvals.", "press release disclaimer"),
    ("Actual results may differ materially from those described here.", "press release disclaimer"),
    ("Lakeward undertakes no obligation to update any statement.", "press release disclaimer"),
    ("If you value independent science writing, please consider supporting this blog.", "fundraising appeal"),
    ("Donate via Ko-fi.", "fundraising appeal"),
])
def test_more_furniture_of_its_class(line, reason):
    assert strong_reason(line) == reason


@pytest.mark.parametrize("line", ["The ministry said it would consider supporting the farmers' blog.",
                                  "Investors fear that actual results may differ from the forecasts, analysts said."])
def test_news_in_the_same_words_is_not(line):
    assert strong_reason(line) is None


def test_a_masthead_with_an_elided_particle_names_the_outlet(tmp_path):
    outlet = _outlet(tmp_path, "Le Courrier d'Ostrana - Le quotidien de la vallée\nAccueil\nSanté\n\n"
                     "Le vaccin est efficace à 83 %\n\nLe laboratoire a annoncé lundi que son vaccin avait empêché 83 % des infections.\n",
                     name="courrier.txt")
    assert outlet.name == "Le Courrier d'Ostrana"


@pytest.mark.parametrize("text, numbers", [
    ("L'essai a porté sur 28 400 adultes dans 61 centres.", {"28400", "61"}),
    ("Le budget est de 1\u00a0200\u00a0000 euros.", {"1200000"}),
    ("En 2024 300 personnes sont venues.", {"2024", "300"}),  # a year, then a count: not one number
])
def test_thousands_set_apart_by_spaces_are_one_number(text, numbers):
    from retold.model.align.clues import clues

    assert set(clues(text).numbers) == numbers


# ---- review18 and review19: Polish and Dutch pages, betting ads, a press office's contact line,
# a podcast's chapter list, a blocked page's notice, a wire's credit and source lines.

@pytest.mark.parametrize("line, reason", [
    ("Używamy plików cookies. Korzystając ze strony, zgadzasz się na ich użycie.", "cookie notice"),
    ("BET £10 GET £30 IN FREE BETS - 18+ New customers only.", "advertisement"),
    ("BeGambleAware.org", "advertisement"),
    ("Media contact: press@lakebank.example", "contact line"),
    ("00:04 The ban", "chapter marks"),
    ("12:30 What it means for the club", "chapter marks"),
    ("Please enable JavaScript.", "page notice"),
    ("Door Joost van Ameide", "byline"),
    ("Additional reporting by Continental Press Agency.", "byline"),
    ("Source: Lorvanian Electoral Commission.", "source credit"),
    ("Źródło: Meridian Sports Wire, oprac. własne", "source credit"),
])
def test_furniture_of_these_classes(line, reason):
    assert strong_reason(line) == reason


@pytest.mark.parametrize("line", ["14:32 The court sentenced Koskel to six years.", "Source: the ministry said nothing.",
                                  "The suspect said he had been checking your browser history."])
def test_a_live_entry_or_a_sentence_is_not(line):
    assert strong_reason(line) is None


@pytest.mark.parametrize("glued, headline", [
    ("Strona głównaLekkoatletykaWrzos z brązowym medalem", "Wrzos z brązowym medalem"),
    ("Home›Lorvania›Referendum 2026Lorvania votes to lower the voting age", "Lorvania votes to lower the voting age"),
])
def test_more_breadcrumbs_are_split_off(glued, headline):
    from retold.model.clean import _glued_prefix

    cut, _reason = _glued_prefix(glued)
    assert glued[cut:] == headline


def test_a_polish_date_line_dates_the_outlet_and_ds_does_not_end_a_sentence(tmp_path):
    outlet = _outlet(tmp_path, "Biegowo.pl\nStart\nWyniki\n\nHadrava zawieszona na cztery lata\nAnna Kowalczyk | 3 grudnia 2026, 17:05\n\n"
                     "Zawodniczka została zawieszona w czwartek na cztery lata po dwóch pozytywnych testach, które przeprowadzono w marcu i w czerwcu.\n\n"
                     "Jej pełnomocnik zapowiedział odwołanie do Trybunału Arbitrażowego ds. Sportu (CSA). Trener powiedział nam, że to dla niej bardzo smutny dzień.\n",
                     name="biegowo.txt")
    assert (outlet.meta.language, outlet.meta.published) == ("pl", "2026-12-03T17:05")
    assert [s.text[:20] for s in outlet.sentences] == ["Zawodniczka została ", "Jej pełnomocnik zapo", "Trener powiedział na"]


def test_a_blocked_page_tells_no_story_and_names_none(tmp_path):
    """Review19: a saved page of "Access denied" and "Please enable JavaScript." became an outlet
    with that sentence, and its title the story's."""
    from retold.model.arrange import story_heading

    folder = tmp_path / "story"
    folder.mkdir()
    for name in ("a.txt", "b.txt"):
        (folder / name).write_text("The council approved the sea wall on Monday after a long debate.\n")
    (folder / "blocked.html").write_text("<html><head><title>Access denied</title></head><body><nav>Home</nav>"
                                         "<p>Please enable JavaScript.</p></body></html>")
    alignment = load_alignment([str(folder)], semantic=False)
    assert not alignment.outlet("blocked").sentences
    assert story_heading(alignment) != "Access denied"
