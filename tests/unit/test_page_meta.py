"""HTML pages name their outlet, date, author and language when story.toml does not (issue 8)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from retold.model.html import page_meta
from retold.model.pipeline import load_alignment

BODY = "<article><h1>Lake ferry gets a new timetable</h1><p>The lake ferry will run every hour from May, the operator said on Friday.</p></article>"


def test_og_site_name_date_author_language():
    meta = page_meta(
        '<html lang="de-CH"><head><title>Neuer Fahrplan | Seeblatt</title>'
        '<meta property="og:site_name" content="Das Seeblatt">'
        '<meta property="article:published_time" content="2026-04-01T07:30:00+02:00">'
        '<meta name="author" content="Lea Brun"></head><body></body></html>'
    )
    assert (meta.site_name, meta.published, meta.author, meta.language, meta.title) == (
        "Das Seeblatt", "2026-04-01T07:30:00+02:00", "Lea Brun", "de-CH", "Neuer Fahrplan")


def test_title_suffix_names_the_site_and_time_gives_the_date():
    meta = page_meta("<html><head><title>Lake ferry gets a new timetable | The Lakeside Echo</title></head>"
                     '<body><time datetime="2026-04-03">3 April</time></body></html>')
    assert (meta.site_name, meta.title, meta.published) == ("The Lakeside Echo", "Lake ferry gets a new timetable", "2026-04-03")


def test_a_title_tail_after_a_hyphen_names_the_site_when_the_copyright_line_names_it():
    # (a fifth user's page: "Headline - The Calvenna Herald", the brand and the © line below)
    page = ("<html><head><title>Crews battle to save the town - The Orlo Herald</title></head><body>"
            '<a class="brand">The Orlo Herald</a>{body}<p>© 2026 The Orlo Herald</p></body></html>')
    meta = page_meta(page.format(body=BODY))
    assert (meta.site_name, meta.title) == ("The Orlo Herald", "Crews battle to save the town")
    # A hyphen inside a headline, its tail printed nowhere else: the title stays whole.
    meta = page_meta("<html><head><title>Ex-mayor backs the ferry plan - a first look</title></head>"
                     f"<body>{BODY}</body></html>")
    assert (meta.site_name, meta.title) == (None, "Ex-mayor backs the ferry plan - a first look")
    # A section before the hyphen and the headline after it, printed again as the page's <h1>.
    meta = page_meta("<html><head><title>Police reports - Ring road closed after a crash</title></head>"
                     "<body><h1>Ring road closed after a crash</h1><p>© 2026 Orlo Police</p></body></html>")
    assert meta.site_name is None


def test_page_fills_only_what_story_toml_leaves_out(tmp_path):
    page = ('<html lang="en"><head><title>Lake ferry | The Lakeside Echo</title>'
            '<meta name="author" content="Sam Reed"><meta property="article:published_time" content="2026-04-03"></head>'
            f"<body>{BODY}</body></html>")
    (tmp_path / "echo.html").write_text(page)
    (tmp_path / "other.html").write_text(page.replace("The Lakeside Echo", "Shore News"))
    (tmp_path / "story.toml").write_text('[[outlet]]\nfile = "other.html"\nname = "My Own Name"\npublished = "2026-04-04"\n')
    alignment = load_alignment([str(tmp_path)])
    metas = {o.meta.source.rsplit("/", 1)[-1]: o.meta for o in alignment.outlets}
    assert (metas["echo.html"].name, metas["echo.html"].published, metas["echo.html"].author, metas["echo.html"].language) == (
        "The Lakeside Echo", "2026-04-03", "Sam Reed", "en")
    assert (metas["other.html"].name, metas["other.html"].published, metas["other.html"].author) == (
        "My Own Name", "2026-04-04", "Sam Reed")


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_any_markup_gives_metadata_or_none_never_an_error(markup):
    meta = page_meta(markup)
    for value in (meta.title, meta.site_name, meta.published, meta.author, meta.language):
        assert value is None or (value == " ".join(value.split()) and value)
