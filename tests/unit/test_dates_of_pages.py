"""Dates a page gives, not dates guessed for it (a tester's wire, review13, was dated 1 January
2026 from its footer's "© 2026", and sorted first by that). Invented pages."""

from __future__ import annotations

from retold.model.html import page_meta
from retold.model.pipeline import load_alignment

BODY = ("<p>The Harbour Guild on Thursday accused the Ostmere port board of hiding damage to the north quay.</p>"
        "<p>The board said the quay had passed its last inspection in October and was safe to use.</p>"
        "<p>Guild leader Ines Varg said members would refuse night shifts until engineers had looked at the cracks.</p>"
        "<p>The board's chair, Tomas Rell, said an engineer would visit the quay on Monday.</p>")


def _page(byline: str, footer: str = "<p>© 2026 Ostmere Press Agency. All rights reserved.</p>") -> str:
    return ("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Guild accuses port board | Ostmere Press Agency</title>"
            "<meta property='og:site_name' content='Ostmere Press Agency'></head><body><header><a href='/'>Ostmere Press Agency</a></header>"
            f"<article><h1>Guild accuses port board over quay damage</h1><p class='byline'>{byline}</p>{BODY}</article>"
            f"<footer>{footer}</footer></body></html>")


def test_a_year_alone_is_no_day():
    meta = page_meta(_page("By Lena Markov, OPA"), deep=True)
    assert meta.published is None or not meta.published.startswith("2026-01-01")


def test_the_byline_dates_the_outlet_where_the_markup_gives_no_date(tmp_path):
    (tmp_path / "wire.html").write_text(_page("By Lena Markov and Ivo Petran, OPA · 10 December 2026, 17:42 UTC"), encoding="utf-8")
    (tmp_path / "copy.txt").write_text("Guild accuses port board over quay damage\n\n" + "\n\n".join(
        p.removeprefix("<p>") for p in BODY.split("</p>") if p) + "\n", encoding="utf-8")
    alignment = load_alignment([str(tmp_path)], semantic=False)
    assert alignment.outlet("wire").meta.published == "2026-12-10T17:42:00+00:00"


def test_a_first_of_january_the_page_prints_stays():
    page = _page("By Lena Markov", footer="<p>© 2026</p>").replace(
        "<title>", "<meta property='article:published_time' content='2026-01-01T09:00:00Z'><title>")
    assert page_meta(page, deep=True).published == "2026-01-01T09:00:00Z"


def test_a_date_and_byline_line_under_a_pasted_headline_is_not_its_tail(tmp_path):
    text = ("Ostmere Gazette - News from the islands\nHome | Islands | Harbour\n"
            "Guild accuses port board over quay damage in Ostmere\n10 December 2026 | Gazette staff\n"
            + "\n".join(p.removeprefix("<p>") for p in BODY.split("</p>") if p) + "\n")
    (tmp_path / "gazette.txt").write_text(text, encoding="utf-8")
    alignment = load_alignment([str(tmp_path)], semantic=False)
    outlet = alignment.outlet("gazette")
    assert outlet.title == "Guild accuses port board over quay damage in Ostmere"
    assert outlet.meta.published == "2026-12-10"


def test_a_first_of_january_printed_in_words_stays():
    from retold.model.html import _a_day_the_page_gives

    assert _a_day_the_page_gives("2026-01-01", "<p>Published 1 January 2026</p>") == "2026-01-01"
    assert _a_day_the_page_gives("2026-01-01", "<p>January 1, 2026</p>") == "2026-01-01"
    assert _a_day_the_page_gives("2026-01-01", "<footer>© 2026</footer>") is None
