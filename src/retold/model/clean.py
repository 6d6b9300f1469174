"""Separate headline and article body from site furniture in scraped text.

Each line is classified by rules (strong: whole-line patterns that are never
article prose; weak: shape alone, such as a short line without sentence
punctuation). Weak decisions are then revisited with evidence from the other
outlets: a line that matches another outlet's body is body. Nothing is dropped
silently: every removed line is returned with its reason.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz.distance import Indel

from retold.model.clean_headline import headline_over_deck, headline_over_meta, headline_over_standfirst, list_item
from retold.model.clean_position import (
    lines_past_article_end, mark_author_bios, mark_prose_islands, mark_reader_prompts, mark_teaser_excerpts,
)
from retold.model.clean_voice import mark_page_voice
from retold.model.furniture import ARTICLE_END_REASONS, LINE_RULES, mark_after_article_end
from retold.model.html import DROPPED_BY_EXTRACTOR, without_edition
from retold.model.lazy_pattern import LazyPattern
from retold.model.normalize import content_tokens, tokens
from retold.model.segment import SEGMENTED_BY_AUTHOR, split_sentences
from retold.model.story import RawDoc, Removed

# ------------------------------------------------------------------ rules

_TERMINAL = LazyPattern(r"[.!?…。！？](?:[\"'”’»)\]]*)$|[\"”’»]$")
_WORD = LazyPattern(r"\w+(?:[’'.-]\w+)*")

_MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
).split()
_DAYS = "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thurs fri sat sun".split()
_DATE_WORDS = set(_MONTHS) | set(_DAYS) | {
    "am", "pm", "a.m", "p.m", "gmt", "utc", "cet", "cest", "bst", "est", "edt", "pst", "pdt", "et", "ist", "msk",
    "at", "on", "updated", "published", "posted", "modified", "last", "first", "ago", "hours", "hour", "minutes",
    "min", "mins", "today", "yesterday", "read", "reading", "time",
    # ... and the words around a date written in figures in other languages: "07.12.2026, 19:02
    # Uhr", "Stand: 07.12.2026", "Publié 07/12/2026 19h02", "Actualizado 07/12/2026" (the months
    # themselves are read in English only; "de", "le", "a" stay out: "De 2019 a 2023." is prose)
    "uhr", "um", "stand", "aktualisiert", "veröffentlicht", "publié", "mis", "jour", "actualizado", "publicado",
}

_ICON = LazyPattern(r"(?i)icon[\s_-]?[a-z]")  # one icon name's head: "icon-share", "iconShare", "icon share"
_ICON_TAIL = LazyPattern(r"[\w-]")
_NOT_IN_NAMES = LazyPattern(r"[^\s\w-]")


class _IconRun:
    """Icon names left by a scraper: a line made only of icon names ("icon bookmarkicon chevron
    downicon share"), or any line holding two of them.

    The same language as the pattern (?i)^(?:\\s*icon[\\s_-]?[a-z][\\w-]*)+\\s*$|icon[\\s_-]?[a-z]+.*?icon[\\s_-]?[a-z],
    decided in one pass: that pattern's nested quantifiers backtrack exponentially (47 s on a
    178-byte line).
    """

    def search(self, text: str) -> bool:
        """`text` is one line (the pattern's `.` would stop at a newline; lines never hold one)."""
        if text.isascii() and "icon" not in text.lower():
            return False  # every line is asked: on ASCII, (?i) is plain lower-casing, and a substring test is cheaper
        first = _ICON.search(text)
        if first is None:
            return False
        if _ICON.search(text, first.end()) is not None:
            return True  # two names: the second begins after the first one's letter
        # Only icon names: the line starts with one and holds nothing but names and spaces.
        if _ICON.match(text.lstrip()) is None or _NOT_IN_NAMES.search(text):
            return False
        return self._only_icons(text)

    @staticmethod
    def _only_icons(text: str) -> bool:
        n = len(text)
        # run_end[i]: where the run of [\w-] characters starting at i ends.
        run_end = list(range(n + 1))
        for i in range(n - 1, -1, -1):
            if _ICON_TAIL.match(text, i):
                run_end[i] = run_end[i + 1]
        # Positions where an icon name may end form ranges [letter + 1, run_end]; a sweep over
        # the difference array marks them. `ready`: an icon may start here (line start or
        # after a name's end, then any whitespace).
        opened = [0] * (n + 2)
        content_end = len(text.rstrip())
        active = 0
        ready = False
        for i in range(n + 1):
            active += opened[i]
            name_end = active > 0
            ready = i == 0 or name_end or (ready and text[i - 1].isspace())
            if ready and i < n:
                head = _ICON.match(text, i)
                if head is not None:
                    opened[head.end()] += 1
                    opened[run_end[head.end()] + 1] -= 1
            if name_end and i >= content_end:
                return True  # only whitespace after this name
        return False


class _Phrases:
    """A rule's pattern behind a cheap test it implies: every match holds one of `phrases`
    (lower case). On ASCII text, where the pattern's (?i) is plain lower-casing, a line holding
    none of them is passed over without running the pattern; other text runs it. For the long
    rules, which every line of every article is asked (tests/unit/test_speed_equivalence.py
    checks the two decide alike)."""

    def __init__(self, pattern: re.Pattern[str], phrases: tuple[str, ...]):
        self.pattern = pattern
        self.phrases = phrases

    def search(self, text: str) -> re.Match[str] | None:
        if text.isascii():
            lowered = text.lower()
            if not any(phrase in lowered for phrase in self.phrases):
                return None
        return self.pattern.search(text)


# Labels that introduce a link to another article ("READ MORE: <headline>"), in the languages
# the evaluation pages use most; alone on a line they head a list of such links.
_LIST_LABELS = (
    r"read also|also read|related|see also|more on this(?: story| topic)?|further reading|"
    r"recommended|must read|don'?t miss|"
    r"lesen sie auch|lies auch|auch interessant|mehr zum thema|"
    r"lea (?:también|más)|lee (?:también|más)|(?:le|te) puede interesar|"
    r"(?:à )?lire aussi|veja também|leia também|czytaj (?:też|także)|"
    r"leggi anche|vedi anche|(?:ti )?potrebbe (?:anche )?interessare|lees ook|zie ook"
)
# Before a separator only: alone, "Watch" or "Listen" may be a line of dialogue, and "Read more"
# is the link that ends a teaser, not a heading over a list.
_TEASER_LABELS = _LIST_LABELS + (
    r"|read more|lesen sie mehr|weiterlesen|watch|listen|"
    r"lea|vea también|ver también|mira|nicht verpassen|als nächstes|siehe auch|mehr dazu|leia mais|voir aussi|à voir aussi|lisez aussi"
)
# Headings over a block of links to other content: "Other topics of interest", "You may also be
# interested in", "More stories", "Das könnte Sie auch interessieren".
_RELATED_HEADINGS = (
    r"(?:other |more )?(?:topics|stories|articles|reads|posts|videos|news) (?:of interest|(?:that )?you (?:may|might) (?:also )?(?:like|enjoy))|"
    r"(?:artikel|beiträge),? die (?:dir|ihnen|sie) (?:auch )?gefallen (?:könnten|werden)|"
    r"(?:other|more|related|similar|further|recommended|popular) (?:topics|stories|articles|reads|reading|posts|links|coverage|videos|content)"
    r"(?: (?:for you|on this(?: story| topic)?))?|"
    r"also of interest|of interest|you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|"
    r"das könnte (?:sie|dich) auch interessieren|beliebte beiträge(?: zum thema)?|ähnliche (?:artikel|beiträge)|"
    r"weitere (?:artikel|beiträge|nachrichten|news)|noticias relacionadas|artículos relacionados|sur le même sujet|"
    r"articles? similaires?|dans la même rubrique|"
    # ... and more of the languages the evaluation pages use most: "NOTAS RELACIONADAS", "Lo más
    # leído", "Meistgelesen", "Mehr zum Thema auf Hafenblatt.de", "Latest on"
    r"notas relacionadas|contenido relacionado|más noticias|lo más (?:leído|visto)|(?:las )?más leídas|mais lidas|les plus lus|"
    r"meistgelesene?(?: artikel| beiträge| nachrichten)?|weitere meldungen|latest on|"
    r"mehr (?:zum thema|kolumnen|artikel|beiträge|nachrichten|news|videos|rezepte|tipps)(?: (?:auf|von|bei|aus|im) \S+(?: \S+)?)?"
)

# A teaser's label alone on its line ("Read more", "Also read:", "See also –"): the link's
# headline stands on the line under it. Not the labels that are words of dialogue alone
# ("Watch", "Listen", "Mira", "Lea"): they label a teaser only before a separator.
_TEASER_LABEL_ALONE = LazyPattern(
    r"(?i)^(?:" + _LIST_LABELS + r"|read more|lesen sie mehr|weiterlesen|vea también|ver también|nicht verpassen|als nächstes|"
    r"siehe auch|mehr dazu|leia mais|voir aussi|à voir aussi|lisez aussi)\s*[:|»>–—-]?\s*$"
)

# A share row's label, in the languages the cleaner knows, and the names of its buttons.
_SHARE_LABELS = (
    r"share this(?: article| story| post)?|like this|teilen mit|share(?:n)? mit|gefällt mir|"
    r"(?:diesen )?(?:artikel|beitrag) teilen|inhalt teilen|partager(?: cet article)?|compartir(?: en)?|"
    r"be sociable, share|like it\? share it|"
    # the button's name alone on its line ("Share" between the last paragraph and "Copy link")
    r"share|teilen|partager|compartir|condividi"
)
_SHARE_BUTTON_NAMES = (
    r"facebook|twitter|x|whatsapp|telegram|linkedin|reddit|pinterest|email|e-mail|mail|courriel|"
    r"print|drucken|imprimer|imprimir|copy link|link kopieren|copier le lien|copiar enlace|messenger|bluesky|threads|mastodon|"
    r"flipboard|sms|xing|threema"
)
# One or more button names, nothing else (a sentence goes on with other words).
_SHARE_BUTTONS = r"(?:(?:" + _SHARE_BUTTON_NAMES + r")(?:[\s,|•·/]+|$))+"

_SITE_LINE = LazyPattern(r"^(?P<site>[A-Za-z0-9][\w-]*(?:\.[\w-]+)*\.[a-z]{2,})\s+[-–—|:]\s+\S.{0,150}$")

# (reason, pattern, longest line in words it applies to): furniture lines are short,
# and checking only short lines keeps cleaning fast on long articles.
# One credit for who translated or edited a text: its head, then names only (capitalised words,
# their particles, "and"), so that the credit ends there ("Übersetzt von einem Team aus zwölf
# Leuten wurde …" goes on: news).
_CREDIT_HEAD = (
    r"(?:(?:translated|translation)(?: from (?:the )?[\w-]+)?(?: into (?:the )?[\w-]+)? by|translation\s*:|"
    r"(?:edited|editing|copy-edited|proofread|fact-checked|compiled) by|editor\s*:|"
    r"(?:aus dem [\w-]+ )?(?:übersetzt|übertragen)(?: aus dem [\w-]+)? von|übersetzung(?: aus dem [\w-]+)?\s*:|"
    r"(?:redigiert|bearbeitet|redaktion) von|redaktion\s*:|"
    r"traduit(?: de l['’][\w-]+| du [\w-]+| de [\w-]+)? par|traduction\s*:|(?:édité|relu) par|"
    r"traducido(?: del? [\w-]+)? por|traducción\s*:|editado por|"
    r"tradotto(?: dall['’][\w-]+| dal [\w-]+)? da|traduzione\s*:)"
)
_CREDIT_NAMES = (
    r"\s+(?-i:[A-ZÀ-Þ][\w'’.-]*)(?:(?:\s+|,\s*)(?:(?-i:[A-ZÀ-Þ][\w'’.-]*)|and|und|et|y|e|von|van|de|da|di|del|der|la|le))*\s*[.)]*"
)
# Or a desk, not a person: "… by our desk", "… von unserer Redaktion", "… par notre rédaction".
_CREDIT_DESK = (
    r"\s+(?:our|the|unsere[rm]?|der|notre|la|nuestra|el|la nostra)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:desk|team|staff|newsroom|editors?|service|redaktion|nachrichtenredaktion|dienst|rédaction|équipe|service|"
    r"redacción|equipo|servicio|redazione)\s*[.)]*"
)
_CREDIT = _CREDIT_HEAD + r"(?:" + _CREDIT_NAMES + r"|" + _CREDIT_DESK + r")"
# A line saying the text is a translation: "This text is a translation of our Norse service.",
# "Dieser Beitrag wurde aus dem Norrischen übersetzt.", "Cet article est une traduction de notre
# rédaction norroise." Anchored on "this text / article …": "The report was translated into
# twelve languages" is news.
_TRANSLATION_NOTE = (
    r"(?:this|the present) (?:text|article|story|report|piece|item|version|page)\s+(?:is|was|has been)\s+"
    r"(?:an?\s+(?:[\w-]+\s+)?translation|(?:machine-|automatically\s+)?translated)\b[^.!?,;:\"“”„«»]{0,90}\.?|"
    r"(?:dieser|der vorliegende) (?:text|artikel|beitrag|bericht)\s+(?:ist|wurde)\s+"
    r"(?:eine\s+(?:[\w-]+\s+)?übersetzung\b[^.!?,;:\"“”„«»]{0,90}|(?:[\w-]+\s+){0,5}?(?:übersetzt|übertragen))\.?|"
    r"(?:ce|cet) (?:texte|article|reportage|récit)\s+(?:est|a été)\s+"
    r"(?:une\s+(?:[\w-]+\s+)?traduction|traduit)\b[^.!?,;:\"“”„«»]{0,90}\.?"
)

_ACCOUNT_LINK = (r"skip to (?:main )?content|skip navigation|menu|main menu|search|sign in|sign up|log in|login|log out|register|"
                 r"subscribe|home|back to top|close|open menu|toggle navigation|account|my account|sections|e-paper|epaper|"
                 r"anmelden|abmelden|abonnieren|registrieren|mein konto|se connecter|connexion|s'abonner|iniciar sesión|suscribirse")
_STRONG_RULES: list[tuple[str, re.Pattern[str], int]] = [
    ("icon names", _IconRun(), 2000),  # icon runs come in any length
    # The site's own name line: "Harbourdaily.com - News from the north coast".
    ("site name", _SITE_LINE, 15),
    ("advertisement", LazyPattern(
        r"(?i)^(?:advertisement|advertising|ad|ads|sponsored(?: content)?|promoted|"
        r"(?:story|article) continues (?:below|after)(?: this)? (?:advertisement|ad)|scroll to continue(?: with content)?)[\s.:]*$"), 8),
    # A prompt, not a mention: "Officials said on Telegram…" and "…said in a newsletter to
    # investors" are news; "Join us on Telegram", "our Telegram channel" and a newsletter named
    # in a line that is no sentence are prompts.
    ("social / subscribe prompt", _Phrases(LazyPattern(
        r"(?i)\b(?:join us on|follow us|share (?:this|on|via)|subscribe to|sign up (?:for|to)|like us on|"
        r"tweet this|copy link|download (?:our|the) app|get the app)\b|"
        r"^(?!.*[.!?][\"'”’)]*$).*\bnewsletters?\b|"
        r"(?:\bour\b|\byour\b|\bunser\w*|\bnotre\b|\bnuestro\b|\babonn\w*|\bsubscri\w*|\bsign(?:ing)? up\b).{0,40}\bnewsletters?\b|"
        r"(?:\bour\b|\bjoin\b|\bunser\w*|únete|tenemos|rejoignez|\bnotre\b).{0,40}\b(?:telegram|whatsapp)\b|"
        r"^(?:stay|keep) (?:up to date|up-to-date|informed|in the loop|in touch|connected|updated)\b|^never miss (?:a|an|the)\b|"
        r"^bleiben sie (?:auf dem laufenden|informiert)|^immer informiert|"
        # "Get the Morning Brief in your inbox every weekday. Sign up now."
        r"^(?:get|receive)\b.{0,60}\b(?:in|to|into) your inbox\b|^[^.!?]{0,60}\bdelivered (?:straight )?to your inbox\b|"
        r"(?:^|[.!]\s+)sign up (?:now|free|today|here)[.!]?$"),
        ("join us on", "follow us", "share ", "subscribe to", "sign up", "like us on", "tweet this", "copy link", "download ",
         "get the app", "newsletter", "telegram", "whatsapp", "stay ", "keep ", "never miss", "bleiben sie", "immer informiert",
         "inbox")), 20),
    # An imperative to follow or join the outlet somewhere, with a handle or a platform:
    # "Follow our war coverage at @…", "Follow The Daily Lamp on X and Instagram @…".
    ("social / subscribe prompt", LazyPattern(
        r"(?i)^(?:follow|join|find|connect with|like|subscribe to|add) (?!-).{0,120}?"
        r"(?:@\w|\b(?:on|at|via) (?:telegram|twitter|x|facebook|instagram|whatsapp|tiktok|youtube|threads|bluesky|linkedin|mastodon)\b)"), 40),
    ("teaser link", LazyPattern(r"(?i)^(?:" + _TEASER_LABELS + r")\s*[:|»>–—-]"), 30),
    # A press release's boilerplate heading over its note on the company ("About Brightwell",
    # "À propos de Velmont"): a label, not a sentence (run into the note's first line it had become
    # "About Brightwell Brightwell, founded in 1961, …"). Not German "Über …": its nouns are
    # capitals too ("Über Kohleausstieg, Kernkraftwerke und …" is a headline).
    ("boilerplate heading", LazyPattern(
        r"^(?:(?:About|Acerca de|Sobre|Informazioni su|Over) |[ÀA] propos d(?:e |'))"
        r"(?:the )?[A-Z][\w&.'’-]*(?:,? (?:[A-Z0-9&][\w&.'’-]*|and|und|et|y|e|of|de|des|du|der|von|van))*\s*:?$"), 7),
    ("section heading", LazyPattern(
        r"(?i)^(?:top stories|top news|most read|most popular|most viewed|related(?: articles| stories| news| coverage| content| posts)?|"
        r"more (?:from|on|stories|news|in) ?[\w ]{0,30}|trending(?: now| stories)?|latest(?: news| stories| headlines)?|"
        r"you (?:may|might) also like|recommended(?: for you| stories)?|editor'?s picks?|popular(?: now)?|in other news|"
        r"what to read next|read next|up next|more headlines|breaking news|headlines|" + _RELATED_HEADINGS + r"|"
        + _LIST_LABELS + r")\s*(?::|!|…|\.\.\.)?$"), 8),  # "Das könnte Sie auch interessieren …"
    ("comment form", LazyPattern(
        # a blog's comment thread: "3 comments on “…”", each comment headed "Marta K. says:"
        r"(?i)^\d+ (?:comments?|responses?|replies|thoughts?) (?:on|to)\b|^(?:[\w.'’-]+ ){1,3}(?:says|said|writes|wrote)\s*:$|"
        r"please enter your (?:comment|name|email)|^leave a (?:reply|comment)|^post (?:a )?comment|"
        r"entered an incorrect email|save my name,? email|^\d+ comments?$|^comments?(?: \(\d+\))?$|"
        r"log ?in to (?:comment|reply)|be the first to comment|^cancel reply$|^reply$|"
        r"comments (?:are|have been) (?:closed|disabled|turned off)|^have your say\W*$|^join the (?:conversation|discussion|debate)\W*$|"
        r"^(?:show|view|read|see|load) (?:all |more )?comments"), 30),
    # A blog's comment form and share block (WordPress and its kin print the same lines in every
    # language they ship; the ones the evaluation pages use most).
    ("comment form", _Phrases(LazyPattern(
        r"(?i)\byour e-?mail address will not be published|\brequired fields are marked|^notify me (?:of|when)\b|"
        r"\buses akismet to reduce spam|\byou must be logged in to post a comment|"
        r"e-mail-adresse wird nicht veröffentlicht|erforderliche felder sind mit|"
        r"^(?:schreibe|hinterlasse) einen kommentar|musst angemeldet sein, um einen kommentar|"
        r"^(?:keine )?kommentare (?:sind )?(?:geschlossen|möglich)|leider sind keine kommentare möglich|"
        r"adresse (?:e-mail|de messagerie) ne sera pas publiée|^laisser un commentaire|"
        r"correo electrónico no será publicada|^deja (?:un|una) (?:comentario|respuesta)"),
        ("mail", "required fields", "notify me", "akismet", "logged in", "erforderliche felder", "kommentar", "publiée",
         "commentaire", "publicada", "deja ")), 30),
    ("share buttons", LazyPattern(r"(?i)^(?:" + _SHARE_LABELS + r")\s*[:!]?$"), 6),
    # The same label followed by its buttons' names only, the icons lost: "Share: Facebook X
    # Email", "Teilen mit: Facebook Twitter E-Mail", "Partager : Facebook Twitter E-mail".
    ("share buttons", LazyPattern(r"(?i)^(?:" + _SHARE_LABELS + r"|share|teilen|share on|teilen auf|partager sur|condividi su|"
                                 r"compartir en|compartilhe(?: no)?|partilhar(?: no)?|delen op|deel op|udostępnij(?: na)?)\s*[:!|»>–—-]?\s*"
                                 + _SHARE_BUTTONS + r"$"), 14),
    # Links to the neighbouring posts: "Previous article: …", "Nächster Beitrag …", "← Older post".
    ("previous / next link", LazyPattern(
        r"(?i)^(?:(?:previous|next|older|newer) (?:article|post|story|entry|page)|(?:vorheriger|nächster|voriger) (?:artikel|beitrag)|"
        r"article (?:suivant|précédent)|(?:artículo|entrada) (?:anterior|siguiente))"
        r"(?=\s*$|\s*:|\s*(?-i:[A-ZÄÖÜ«\"„“])|(?-i:[A-Z]))|^[←→] ?\S"), 30),
    # A blog post's filing line and its tag links.
    ("post tags", _Phrases(LazyPattern(
        r"(?i)\bperma(?:nent)?link\.?$|^filed under\b|^posted in\b.{0,80}\b(?:tagged|by)\b|^abgelegt unter\b|\bverschlagwortet mit\b|"
        r"^(?:tags|tagged|schlagworte|schlagwörter|stichwörter|etiquetas|tagi|tematy|mots-clés)\s*:"),
        ("link", "filed under", "posted in", "abgelegt unter", "verschlagwortet", "tag", "schlag", "stichw", "etiquetas", "tematy", "mots-cl")), 40),
    # The platform's own line: "Powered by WordPress", "Bloggen auf WordPress.com".
    ("site credits", _Phrases(LazyPattern(
        r"(?i)^(?:proudly )?powered by\b|\bbloggen auf wordpress|\bfourni par blogger\b|\berstelle eine kostenlose website\b|"
        r"^(?!.*[.!?]$)(?:theme|thème|design|template)(?: \w+)? (?:by|von|par)\b|\bcreate a free website or blog\b"),
        ("powered by", "wordpress", "blogger", "kostenlose website", "theme", "thème", "design", "template", "free website")), 14),
    ("comment form", LazyPattern(
        r"(?i)^benachrichtige mich\b|^(?:kommentare|commentaires|comentarios|reacties)\s*(?:\(\d+\))?\s*:?$|"
        r"^(?:\d+|keine|no) (?:kommentare|comments|commentaires|comentarios)\s*(?:[.:»]|$)"), 12),
    ("share buttons", _Phrases(LazyPattern(
        r"(?i)^(?:teile|teilt) (?:diesen|den|die)\b.{0,30}\b(?:beitrag|artikel|seite)\b|\bjetzt teilen\b|^diesen (?:artikel|beitrag) teilen\b"),
        ("teile", "teilt")), 12),
    # Each button with its own label: "Partager sur Facebook Partager sur X Envoyer par e-mail",
    # "Share on Facebook Share on X".
    ("share buttons", LazyPattern(
        r"(?i)^(?:(?:share on|share via|partager sur|partager par|envoyer par|teilen auf|per|condividi su|compartir en|"
        r"compartilhar no|enviar por|send by)\s+(?:" + _SHARE_BUTTON_NAMES + r")[\s,|•·/]*){2,}$"), 16),
    # A row of share buttons whose icons the scraper dropped: "Facebook Twitter WhatsApp Email".
    ("share buttons", LazyPattern(r"(?i)^(?:(?:share|" + _SHARE_BUTTON_NAMES + r")[\s,|•·/]*){2,}$"), 12),
    # ... under a question and a prompt to the reader: "Like this? Share it: Facebook · X · WhatsApp".
    ("share buttons", LazyPattern(
        r"(?i)^(?:[^.?!]{1,30}\?\s+)?share(?: it| this(?: article| story| page)?)?\s*:\s*(?:(?:" + _SHARE_BUTTON_NAMES
        + r")[\s,|•·/]*){2,}$"), 16),
    ("cookie notice", LazyPattern(
        r"(?i)\bwe (?:and our (?:\d[\d,.]* )?(?:trusted )?(?:partners|vendors) )?use cookies|\b(?:site|website|page) uses cookies|\bcookies help us\b|\bcookie (?:settings|policy|preferences|consent|notice)|"
        r"\baccept (?:all )?cookies|\bconsent preferences|\bmanage (?:cookie )?preferences|^accept all$|"
        # ... in the languages whose pages are read: "Wir verwenden Cookies.", "Ce site utilise des cookies"
        r"\bwir (?:verwenden|nutzen) cookies|\b(?:seite|website|webseite) (?:verwendet|nutzt) cookies|\bcookie-einstellungen|"
        r"\bnous utilisons (?:des )?cookies|\bce site utilise (?:des )?cookies|\butilizamos cookies|"
        r"\b(?:este sitio|esta web|este sitio web) utiliza cookies|\butilizziamo (?:i )?cookie|\bwij gebruiken cookies|"
        r"\bdeze website gebruikt cookies|"
        # the consent a banner asks for: "Questo sito utilizza cookie tecnici …", "… acconsenti all'uso dei cookie",
        # "… aceptas el uso de cookies", "… vous acceptez l'utilisation des cookies"
        r"\bquesto sito (?:web )?(?:utilizza|usa) (?:i )?cookie|\bacconsenti all['’]uso dei cookie|\bcookie (?:tecnici|di profilazione)|"
        r"\bacept(?:a|as|ar) (?:el )?uso de (?:las )?cookies|\bacceptez l['’]utilisation (?:des|de) cookies|"
        r"\bstimmen sie der (?:verwendung|nutzung) von cookies|\bthis (?:site|website) uses cookies|\bo uso de cookies|"
        r"\beste (?:site|sítio|website) (?:utiliza|usa) cookies|\baceita a utiliza[cç][aã]o de cookies|\bacceptez l['’]utilisation des cookies|"
        r"\bu[żz]ywamy (?:plik[óo]w )?cookies|\bzgadzasz si[ęe] na (?:ich )?u[żz]ycie"), 40),
    # "copyright" alone is a word news uses; with a © or a year it is a notice.
    ("copyright", LazyPattern(r"(?i)©|\(c\)\s*\d{4}|\bcopyright\s*(?:©|\(c\))?\s*\d{4}|all rights reserved"), 25),
    ("photo caption / credit", LazyPattern(
        r"(?i)\((?:photo|image|picture|file photo|photograph|video|illustration)\b[^)]*\)\s*$|"
        r"\b(?:photo|photograph|image|picture|illustration)s?\s*(?::|by\s|credit)|^credit\s*:|"
        r"/\s*(?:getty images|afp|reuters|ap photo|epa|anadolu)\b|"
        # a chart's or a map's caption, with its source: "Chart: Policy rate and inflation, 2022-2026. Source: …"
        r"^(?:chart|graph|graphic|infographic|map|table|grafik|grafiken|karte|gráfico|infografía|graphique|carte|grafico|mappa)\s*:"), 40),
    ("byline", LazyPattern(
        r"(?i)^\(?(?:by|written by|writing by|reporting by|reported by|editing by|edited by|words by|"
        r"(?:with )?additional reporting by|with reporting by)\s+\S.*?(?<![.!?\"”])\)?$|"
        # a wire's credit ends with a full stop too: "Additional reporting by Continental Press Agency."
        r"^\(?(?:(?:with )?additional reporting by|reporting by|editing by)\s+(?-i:[A-ZÀ-Þ][\w'’.-]*(?:,?\s+(?:[A-ZÀ-Þ][\w'’.-]*|and|in|de|van|von))*)\.\)?$"), 14),
    # The article's source named alone on its line: "Source: Lorvanian Electoral Commission."
    ("source credit", LazyPattern(
        r"^(?i:source|sources|quelle|fuente|fonte|bron|źródło)\s*:\s*(?-i:[A-ZÀ-ÞŁŚŻŹ][\w&.'’-]*(?:,?\s+(?:[A-ZÀ-ÞŁŚŻŹ][\w&.'’-]*|of|for|and|de|des|der|du))*)"
        r"(?i:\s*,\s*(?:oprac\.?\s*własne|own (?:editing|reporting)))?\s*\.?$"), 10),
    # A wire's credit line of several roles, each "… by" names and a place: "Reporting by Ana Kell in
    # Lusk; additional reporting by Joel Varga; editing by Nina Orr" (longer than one byline).
    ("byline", LazyPattern(
        r"(?i)^\(?(?=(?:with )?(?:additional )?(?:reporting|writing|editing) by)"  # a newsroom's roles first: "Produced by Netflix; produced by HBO." is news
        r"(?:(?:with )?(?:additional )?(?:reporting|writing|editing|research|compiled|produced|graphics|"
        r"fact-?checking|translation)\s+by\s+"
        # ... names and places only, capitalised (a sentence goes on in lower case)
        r"(?-i:[A-ZÀ-Þ][\w'’.-]*(?:,?\s+(?:[A-ZÀ-Þ][\w'’.-]*|in|and|de|del|da|van|von|der|la|le|al|bin|ben))*)"
        r"(?:;\s*(?:and\s+)?|\)?\.?$)){2,}$"), 40),
    # A newsroom signing as such, with the time after it: "Brief24 staff | 01.12.2026 12:30",
    # "Staff reporter | 4 May 2026".
    # (A bar or a dot between, and a date or a time after it: "Kitchen staff, 12 in all, walked
    # out." is news.)
    ("byline", LazyPattern(
        r"(?i)^(?:[\w&.'’-]+\s+){0,3}(?:staff|staff reporter|staff writer|desk|newsroom|news team|team|redaktion|rédaction)"
        r"\s*[|·•–—]\s*[^|]{0,25}(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2}:\d{2}|\d{1,2}\.? [A-Za-z]{3,9}\.? \d{4})[^|.!?]{0,15}$"), 10),
    # ... or a comma, then a whole date and its clock time and nothing else: "Brief24 team, 14 Aug
    # 2026 20:30" (a caption "Hospital staff, 3 May 2026" gives no time).
    ("byline", LazyPattern(
        r"(?i)^(?:[\w&.'’-]+\s+){0,3}(?:staff|staff reporter|staff writer|desk|newsroom|news team|team|redaktion|rédaction),\s+"
        r"(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2}\.? [A-Za-z]{3,9}\.? \d{4}),?\s+(?:at\s+|um\s+)?\d{1,2}[:.]\d{2}"
        r"(?:\s*(?:am|pm|a\.m\.|p\.m\.|uhr|h|[A-Z]{2,5}))?$"), 10),
    # Who translated or edited the article, alone on its line, one credit or several: "Translated
    # from the English by Ada Roe.", "Aus dem Englischen übersetzt von …", "Traduit de l'anglais
    # par …", "Translation: …", "Edited by …", "Translated from the Norse by Ada Roe. Edited by
    # Jo Park." Anchored at the line's start, each credit followed by names only: a sentence that
    # mentions a translation ("The novel, translated from the French by …, sold …") is news.
    ("translator or editor credit", LazyPattern(rf"(?i)^\(?{_CREDIT}(?:\s*[|·•;]?\s*\(?{_CREDIT})*$"), 24),
    ("translator or editor credit", LazyPattern(rf"(?i)^\(?(?:{_TRANSLATION_NOTE})\)?$"), 24),
    # One account link or a row of them: "Log in | Subscribe", "Anmelden · Abonnieren".
    ("navigation", LazyPattern(
        r"(?i)^(?:" + _ACCOUNT_LINK + r")(?:\s*[|•·/]\s*(?:" + _ACCOUNT_LINK + r"))*\s*$"), 8),
    # Skip links, in the languages the evaluation pages use most: "Skip to primary navigation",
    # "Springe zum Inhalt", "Aller à la navigation".
    ("navigation", LazyPattern(
        r"(?i)^(?:skip to (?:the )?(?:main |primary |secondary )?(?:content|navigation|menu|sidebar|footer)|jump to (?:main )?(?:content|navigation)|"
        r"(?:springe|springen|direkt|gehe|weiter) (?:zum|zur) (?:inhalt|navigation|hauptinhalt|hauptmenü|menü)|zum inhalt (?:springen|überspringen)|"
        r"(?:aller|passer) (?:à|au) (?:la navigation|contenu|menu)|(?:saltar|ir) al (?:contenido|menú)|toggle (?:navigation|menu)|"
        r"primäres menü|hauptmenü|primary menu)(?:\s+\S+){0,4}(?<![.!?])\s*$"), 8),
    # Breadcrumbs whose separators the scraper lost: "HomeNewsWorldAsia".
    ("navigation", LazyPattern(r"^(?:[A-Z][a-z]{1,15}){3,}$"), 1),
    # Behind its phrases: _mark_appeal_openers asks every body paragraph.
    ("fundraising appeal", _Phrases(LazyPattern(
        r"(?i)\bsupport (?:independent|quality|local|our|trusted|free) (?:journalism|reporting|news|media)\b|"
        r"\bdonate (?:now|today|to|here|once|monthly)\b|^donate\b|\bmake a (?:donation|contribution)\b|"
        r"\bbecome a (?:member|supporter|patron|subscriber)\b|\bsupport us\b|"
        # The outlet named: "please support GDS with a donation today", "funded by readers like you".
        # (in the reader's imperative, or unattributed: "… like you, its director said" is news)
        r"\bplease support (?:[\w.&'’-]+ ){1,3}with a (?:donation|contribution|gift|subscription)\b|"
        r"^(?!.*\b(?:said|says|told|according)\b).*?\b(?:funded|supported|paid for|made possible) by "
        r"(?:readers|listeners|viewers|people|members|supporters) like you\b|"
        # The ask in the reader's imperative, with no donation word: "give what you can".
        r"\bgive what you can\b|\bchip in (?:today|now)\b|"
        r"\b(?:every|any) (?:contribution|donation|gift),? (?:however (?:small|big|large),? )?(?:helps|counts|matters)\b|"
        # A blog's: "please consider supporting this blog", "Donate via Ko-fi", "Buy me a coffee"
        r"\bplease consider supporting (?:this|our|my) (?:blog|site|work|newsletter|podcast|journalism|writing)\b|"
        r"\b(?:via|on) (?:ko-?fi|patreon|liberapay|buy ?me ?a ?coffee)\b|^buy me a coffee\b"),
        ("support ", "donate", "donation", "contribution", "become a ", "give what you can", "chip in ", "gift", " like you",
         "supporting", "ko-fi", "kofi", "patreon", "liberapay", "coffee")), 40),
    # A betting ad's small print: "BET £10 GET £30 IN FREE BETS - 18+ New customers only.", "BeGambleAware.org".
    ("advertisement", _Phrases(LazyPattern(
        r"(?i)\bnew customers only\b|\bbegambleaware\b|\bgamble responsibly\b|\bt&cs apply\b|\bin free bets\b|^18\+"),
        ("new customers", "gambleaware", "gamble respons", "t&cs", "free bets", "18+")), 20),
    # A press office's contact line: "Media contact: press@example.org", "Pressekontakt: …".
    ("contact line", LazyPattern(
        r"(?i)^(?:media|press|news ?room|pr) contacts?\s*:|^(?:pressekontakt|kontakt für medien|contact presse|contacto de prensa|kontakt dla mediów)\s*:"), 12),
    # A podcast's or a video's chapter list: "00:04 The ban", "12:30 The appeal" (a time, a short title, no sentence).
    ("chapter marks", LazyPattern(r"^(?:\d{1,2}:)?\d{1,2}:\d{2}\s+[^.!?]{1,60}$"), 8),
    # What a blocked or scripted page shows instead of the article.
    ("page notice", LazyPattern(
        r"(?i)^(?:please )?enable javascript\b|\bjavascript (?:is )?(?:required|disabled)\b|^access denied\.?$|"
        r"^checking your browser\b|^you have been blocked\b|^(?:please )?turn off your ad ?blocker\b"), 12),
    # A press release's legal notice: "This press release contains forward-looking statements …",
    # "Actual results may differ materially …", "… undertakes no obligation to update …".
    ("press release disclaimer", _Phrases(LazyPattern(
        r"(?i)\bcontains? forward-looking statements\b|^forward-looking statements?\b|\bactual results (?:may|could) differ materially\b|"
        r"\bundertakes? no obligation to (?:publicly )?(?:update|revise)\b|\bsafe harbor provisions?\b"),
        ("forward-looking", "actual results", "no obligation", "safe harbor")), 60),
    # Agency notices run long: the phrases, not the length, decide.
    ("copyright", _Phrases(LazyPattern(
        r"(?i)^all rights reserved\b|\bmay not be (?:published|reproduced|copied),? (?:broadcast|distributed)|"
        r"\b(?:rewritten|redistributed) (?:or|and) (?:redistributed|rewritten)\b|without (?:the )?prior written (?:permission|consent)"),
        ("all rights reserved", "may not be ", "rewritten", "redistributed", "prior written")), 5000),
    # The page's <title> left in the text: "Headline cut short… | Site Name".
    ("page title", LazyPattern(r"^\S.{8,200}?(?:…|\.\.\.)\s*[|–—-]\s*\S[^|]{1,60}$"), 40),
]
# The classes furniture.py adds, each behind its phrase test.
_STRONG_RULES += [(reason, _Phrases(pattern, phrases), longest) for reason, pattern, phrases, longest in LINE_RULES]

_SEPARATORS = LazyPattern(r"\s[|•·›»>/]\s|\s[|•·›»]|[|•·›»]\s")


def _is_page_date(text: str) -> bool:
    # "_*" too: Markdown emphasis around a date line ("_14 October 2026_").
    words = [w.lower().strip(".,:_*") for w in re.split(r"[\s,|/–—-]+", text) if w.strip(".,:_*")]
    if not words or len(words) > 12:
        return False
    has_date = False
    for word in words:
        if word in _MONTHS or re.fullmatch(r"\d{1,4}(?:[.:/h]\d{1,4}){0,3}(?:st|nd|rd|th)?", word):
            has_date = True
        elif word not in _DATE_WORDS:
            return _is_foreign_date_line(text)
    return has_date


_YEAR = LazyPattern(r"\d{4}")
# The heading over a block of paid links ("Sponsored", "Promoted stories"), not the one-spot
# "Advertisement" marker a page prints between paragraphs.
_SPONSORED_HEADING = LazyPattern(r"(?i)^(?:sponsored|promoted)(?: content| stories| links)?[\s.:]*$")
# Weekdays of the languages whose month names retold.model.published reads.
_FOREIGN_DAYS = frozenset(
    "montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag "
    "lundi mardi mercredi jeudi vendredi samedi dimanche "
    "lunes martes miércoles jueves viernes sábado domingo "
    "lunedì martedì mercoledì giovedì venerdì sabato domenica "
    "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag".split())


# Around a whole date read in another language, the verb and the little words of its line:
# "Publié le 18 novembre 2026 à 18h10", "Pubblicato il 7 dicembre 2026 alle ore 16:05". (Here
# only, beside a whole date: "De 2019 a 2023." is prose.)
_FOREIGN_DATE_WORDS = frozenset(
    "le à il alle ore el la am den op om às em "
    "pubblicato aggiornato gepubliceerd bijgewerkt publicada atualizado modifié actualisé mise".split())


def _is_foreign_date_line(text: str) -> bool:
    """A date line with its month named in another language ("Dienstag, 1. Februar 2022",
    "mardi 1 février 2022, 09:40"): a whole date (day, month, year) and around it only a weekday,
    a clock time and the words around dates."""
    if not _YEAR.search(text):
        return False  # most short lines: no year, no date line (read_date is not asked)
    from retold.model.published import read_date

    reading = read_date(text)
    if reading is None or not _YEAR.search(reading.text):
        return False
    rest = text.replace(reading.text, " ", 1)
    for word in re.split(r"[\s,|/–—-]+", rest):
        word = word.lower().strip(".,:_*()")
        if (word and word not in _DATE_WORDS and word not in _FOREIGN_DAYS and word not in _FOREIGN_DATE_WORDS
                and not re.fullmatch(r"\d{1,2}[:.h]\d{2}", word)):
            return False
    return True


def _is_nav_row(text: str) -> bool:
    # Split on the separator alone (the parts' spaces do not count): `\s*[|…]\s*` rescans a
    # long run of spaces from each of its positions.
    parts = [p for p in re.split(r"[|•·›»>/]", text) if p.strip()]
    return len(_SEPARATORS.findall(text)) >= 2 and len(parts) >= 3 and all(len(p.split()) <= 4 for p in parts)


# Furniture lines are short in characters too: a 1 MB "line" without spaces counts as one word,
# and some rules (the photo caption's `\([^)]*\)$`) are quadratic in a line's length.
_CHARS_PER_WORD = 20
_FEWEST_CHARS = 400  # the character limit of one-word rules ("HomeNewsWorldAsia…")
_LONGEST_RULE = max(longest for _, _, longest in _STRONG_RULES)
# A line this long is prose whatever a rule says (the long rules, icon runs and agency notices,
# are never followed by a hard-wrapped tail), so joining stops asking: that keeps it linear.
_JOIN_CHECK_WORDS = 40


def strong_reason(text: str) -> str | None:
    """Reason a line is furniture by itself, whatever surrounds it, or None."""
    words = text.count(" ") + 1
    if words > _LONGEST_RULE:
        return None  # longer than every rule's limit
    length = len(text)
    for reason, pattern, most_chars in _rules_for(words):
        if length <= most_chars and pattern.search(text):
            return reason
    if words > 12:
        return None
    if _is_page_date(text):
        return "page date"
    if _is_nav_row(text):
        return "navigation"
    if not _WORD.search(text):
        return "no words"
    return None


@lru_cache(maxsize=None)  # at most _LONGEST_RULE + 1 entries
def _rules_for(words: int) -> list[tuple[str, re.Pattern[str], int]]:
    """The rules that apply to a line of this many words, in order, each with its character
    limit: a long body line is asked two rules, not every rule's limits."""
    return [
        (reason, pattern, max(longest * _CHARS_PER_WORD, _FEWEST_CHARS))
        for reason, pattern, longest in _STRONG_RULES
        if words <= longest
    ]


_SENTENCE_ENDS = ".!?…。！？"  # and the full-width stops of Chinese and Japanese
_CLOSERS = "\"'”’»)]"  # may follow a sentence end: 'said.”' '(see below.)'
_QUOTE_ENDS = "\"”’»"  # end a sentence by themselves


def ends_sentence(text: str) -> bool:
    """`_TERMINAL.search(text.rstrip())`, read from the end of the line: a search for a pattern
    anchored at `$` tries every position of the line, and every sentence and line of every
    outlet is asked (tests/unit/test_speed_equivalence.py checks the two agree)."""
    end = text.rstrip()
    if not end:
        return False
    if end[-1] in _QUOTE_ENDS:
        return True
    core = end.rstrip(_CLOSERS)
    return bool(core) and core[-1] in _SENTENCE_ENDS


# ------------------------------------------------------------------ lines

@dataclass
class Line:
    start: int
    end: int
    text: str  # whitespace-collapsed
    blank_before: bool
    kind: str = "body"  # body | title | furniture
    reason: str = ""
    weak: bool = False  # a shape-based decision that cross-outlet evidence may overturn
    kept_by_place: bool = False  # short, no sentence end: body only for standing between body lines


@dataclass
class CleanArticle:
    doc: RawDoc
    title: str | None
    title_span: tuple[int, int] | None
    paragraphs: list[tuple[int, int]]  # spans into doc.text
    removed: list[Removed] = field(default_factory=list)
    site_name: str | None = None  # read off the page: "… | Site Name" or "© 2026 Site Name"
    line_per_sentence: bool = False  # laid out a sentence (or clause) per line: each paragraph is one line


_LINE_BREAK = LazyPattern(r"\r\n|\r|\n")


def physical_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, its break excluded. "\r\n" is one break: read as two, every
    line of a Windows file had a blank line after it, and no hard wrap was ever joined."""
    spans = []
    start = 0
    for match in _LINE_BREAK.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


# Whitespace, and the byte-order mark a UTF-8 file may open with (kept in the decoded text so
# that offsets index the file as `bytes.decode("utf-8")` reads it).
_SPACE = (  # every character str.isspace() accepts, spelled out (computing it costs 0.15 s at import)
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
    "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
)
_LINE_END = LazyPattern(r"[.!?…:;\"'”’»)\]]$")


def one_sentence_per_line(text: str) -> bool:
    """Plain text laid out a sentence (or clause) per line, with no blank lines between: every
    line break is then a boundary, never a hard wrap to join. Hard-wrapped prose breaks lines
    mid-phrase; pages scraped a paragraph per line pass this test and lose nothing by it."""
    lines = text.splitlines()
    nonblank = blank_between = ends = 0
    seen_text = False
    pending_blank = False
    for raw in lines:
        stripped = raw.strip()
        if not stripped:
            pending_blank = seen_text
            continue
        nonblank += 1
        blank_between += pending_blank
        pending_blank = False
        seen_text = True
        ends += bool(_LINE_END.search(stripped))
    return nonblank >= 5 and blank_between <= 0.1 * nonblank and ends >= 0.6 * nonblank


_WRAP_CHARS = 40  # a hard-wrapped line is near its wrap width: shorter, it was a line of its own


_AFTER_DATE = LazyPattern(r"^\s*(?:[|·•–—]|-\s)")
_DATE_LINE_WORDS = 12


def _opens_with_date_and_byline(text: str) -> bool:
    """A short line that opens with a whole date followed by a separator ("10 December 2026 |
    Gazette staff", "3 March 2026 · 4 min read"): a page's date-and-byline line."""
    if text.count(" ") >= _DATE_LINE_WORDS or not text[:1].isdigit():
        return False
    from retold.model.published import read_date

    reading = read_date(text)
    return reading is not None and text.startswith(reading.text) and bool(_AFTER_DATE.match(text[len(reading.text):]))


def logical_lines(text: str, join_wrapped: bool = True) -> list[Line]:
    """Join hard-wrapped lines (a line without sentence end followed by a lowercase start)."""
    result: list[Line] = []
    # The pieces of the last logical line, joined once it is complete: joining as we go
    # copies a long hard-wrapped paragraph once per physical line (quadratic).
    pieces: list[str] = []
    words = 0  # in the last logical line, counted as strong_reason counts them
    length = 0  # of the last logical line's joined text

    def finish() -> None:
        if len(pieces) > 1:
            result[-1].text = " ".join(pieces)

    blank = True
    for start, end in physical_lines(text):
        raw = text[start:end]
        stripped = raw.strip(_SPACE)
        if not stripped:
            blank = True
            continue
        lead = len(raw) - len(raw.lstrip(_SPACE))
        trail = len(raw) - len(raw.rstrip(_SPACE))
        start, end = start + lead, end - trail
        collapsed = " ".join(stripped.split())
        previous = result[-1] if result else None
        if (
            join_wrapped
            and previous is not None
            and not blank
            and not ends_sentence(pieces[-1])  # a sentence end lies within the last piece
            and length >= _WRAP_CHARS
            and re.match(r"[a-z0-9(,;]", collapsed)
            and (words > _JOIN_CHECK_WORDS or strong_reason(" ".join(pieces)) is None)
            and strong_reason(collapsed) is None  # a date line under a headline is not its tail
            and not _opens_with_date_and_byline(collapsed)  # ... nor "10 December 2026 | Gazette staff"
        ):
            previous.end = end
            pieces.append(collapsed)
            words += collapsed.count(" ") + 1
            length += 1 + len(collapsed)
        else:
            if previous is not None:
                finish()
            result.append(Line(start, end, collapsed, blank_before=blank))
            pieces = [collapsed]
            words = collapsed.count(" ") + 1
            length = len(collapsed)
        blank = False
    if result:
        finish()
    return result


# ------------------------------------------------------------------ classify one outlet

_MD_HEADING = LazyPattern(r"^#{1,6}\s+")
_CJK = LazyPattern(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")  # kana and ideographs


_GLUE = LazyPattern(r"(?<=[a-zß-ÿąćęłńóśźż0-9])(?=[A-ZÀ-ÞĄĆĘŁŃÓŚŹŻ])")  # "JazeeraChina", "2026Lorvania": two words whose space was lost
# The first crumb, "Home" in the languages whose pages retold reads: "StartseiteFinanzen…",
# "InicioMercados…", "AccueilÉconomie…".
_BREADCRUMB_START = LazyPattern(r"^(?:Home|Startseite|Inicio|Portada|Accueil|Início|Voorpagina|Forside|Etusivu|Strona główna)[›>»/|]?(?=[A-ZÀ-ÞĄĆĘŁŃÓŚŹŻ])")
_CRUMB_MIN_LETTERS = 4  # "News", "World", "Jazeera"; not "You" of YouTube or "Pay" of PayPal
_CRUMB_MAX_CHARS = 160


def _glued_prefix(text: str) -> tuple[int, str] | None:
    """(length, reason) of furniture glued in front of a line's own text, or None: a breadcrumb
    whose separators were lost ("HomeNewsWorld" run straight into the headline: it ends at the
    last join of two words whose left one has 4 letters or more), or a run of icon names before
    the text ("icon shareicon mail Ferry crews…")."""
    home = _BREADCRUMB_START.match(text)
    if home:
        cut = None
        # (from the home word's end: "Strona główna" has a word without a capital of its own)
        for match in _GLUE.finditer(text, home.end() - 1, _CRUMB_MAX_CHARS):  # a breadcrumb is short: bounded, never quadratic
            left = re.search(r"[A-Za-zÀ-ÿąćęłńóśźżĄĆĘŁŃÓŚŹŻ]+$|(?<![\w,.])\d{4}$", text[:match.start()])
            crumbs = text[home.end():match.start()]
            last = crumbs[max(crumbs.rfind(" "), crumbs.rfind("›"), crumbs.rfind(">")) + 1:]
            if " " in crumbs and not re.search(r"[A-ZÀ-ÞĄĆĘŁŃÓŚŹŻ0-9]", last):
                break  # past the run: a word with no capital (a year is a crumb's: "Referendum 2026")
            if left and len(left.group()) >= _CRUMB_MIN_LETTERS:
                cut = match.start()
        if cut and len(text[cut:].split()) >= 3:
            return cut, "navigation"
    if "icon" in text.lower():
        words = text.split(" ")
        last = max((n for n, word in enumerate(words) if "icon" in word.lower()), default=-1)
        if 0 <= last < len(words) - 1 and words[last].lower().endswith("icon") and words[last + 1][:1].islower():
            last += 1  # "…icon camera": the last name, in lower case like every icon name
        prefix = " ".join(words[:last + 1])
        if 0 <= last < len(words) - 3 and _ICON.match(prefix) and _IconRun().search(prefix):
            return len(prefix) + 1, "icon names"
    return None


def _raw_offset(raw: str, collapsed_index: int) -> int:
    """Where the `collapsed_index`-th character of a whitespace-collapsed line stands in `raw`."""
    seen = 0
    in_space = False
    for i, ch in enumerate(raw):
        if ch in _SPACE:
            if not in_space and seen:
                seen += 1  # one space for the run
                in_space = True
            continue
        if in_space or seen == 0:
            if seen >= collapsed_index:
                return i
        in_space = False
        if seen >= collapsed_index:
            return i
        seen += 1
    return len(raw)


def _split_glued(text: str, lines: list[Line]) -> list[Line]:
    """Lines with glued furniture in front become two: the furniture, then the line's text."""
    result = []
    for line in lines:
        found = _glued_prefix(line.text) if line.text[:1].isalpha() else None
        if found is None:
            result.append(line)
            continue
        raw = text[line.start:line.end]
        if "\n" in raw or "\r" in raw:  # joined from several lines: offsets would not map
            result.append(line)
            continue
        cut, reason = found
        split = line.start + _raw_offset(raw, cut)
        head = Line(line.start, line.start + len(raw[:split - line.start].rstrip(_SPACE)), line.text[:cut].rstrip(), line.blank_before,
                    kind="furniture", reason=reason)
        result.append(head)
        result.append(Line(split, line.end, line.text[cut:].lstrip(), blank_before=False))
    return result


# A headline that ends on a quotation ("… for 'provoking confrontation'"), not a sentence
# that does ("… he said: “We will.”"): no full stop before the closing mark.
_QUOTED_HEADLINE_END = LazyPattern(r"[^\s.!?…,;:][\"”’»]$")
_HEADLINE_WORDS = 20
_PARAGRAPH_WORDS = 25  # a line this long is prose, even without its final punctuation


# A site's slogan under its name: two to four "sentences" of at most three words ("Your city.
# Your news. Since 1891."), in the page's first lines, above anything read as the article (an
# article may write "It rained. The river rose." — not as its page's second line).
_TAGLINE = LazyPattern(r"^(?:[^\w\s]*\w[\w'’-]*(?:\s+[\w'’-]+){0,2}[.!]\s*){2,4}$")
_TAGLINE_WITHIN = 3  # lines from the top
_NAME_WORDS = 4  # a site's name above its slogan: this many words at most, no sentence end ("The Orvena Herald")


def _under_a_name(above: str) -> bool:
    return len(above.split()) <= _NAME_WORDS and not above.rstrip().endswith((".", "!", "?"))


def _classify(doc: RawDoc, line_per_sentence: bool) -> tuple[list[Line], list[Line]]:
    """(the lines cleaning reads, the lines the HTML extractor left out): those are only listed,
    never read by cleaning's rules (they would stand between the article's lines and move
    where a run of prose is found to end)."""
    lines = _split_glued(doc.text, logical_lines(doc.text, join_wrapped=not line_per_sentence))
    left_out: list[Line] = []
    if DROPPED_BY_EXTRACTOR in doc.forced_furniture.values():
        left_out = [line for line in lines if doc.forced_furniture.get(line.start) == DROPPED_BY_EXTRACTOR]
        lines = [line for line in lines if doc.forced_furniture.get(line.start) != DROPPED_BY_EXTRACTOR]
        for line in left_out:
            line.kind, line.reason, line.weak = "furniture", DROPPED_BY_EXTRACTOR, False
    in_list = False
    body_seen = False
    teaser_above = False  # the line above is a teaser's label alone: this one may be its headline
    for n, line in enumerate(lines):
        label_above, teaser_above = teaser_above, False
        if line.kind == "furniture":
            continue  # glued furniture split off its line
        text = line.text
        # Chinese and Japanese run without spaces: about two characters a word.
        words = len(text.split()) + len(_CJK.findall(text)) // 2
        if _MD_HEADING.match(text):
            line.kind, line.reason, line.weak = "furniture", "heading", True
            in_list = False
            continue
        forced = doc.forced_furniture.get(line.start)
        if forced == "heading":  # an HTML heading: the headline or a subhead, never a body sentence
            line.kind, line.reason, line.weak = "furniture", "heading", True
            in_list = False
            continue
        reason = forced or strong_reason(text)
        if (reason is None and not body_seen and 0 < n < _TAGLINE_WITHIN and words <= 12 and _TAGLINE.match(text)
                and _under_a_name(lines[n - 1].text)):
            reason = "site tagline"
        if reason is None and _TEASER_LABEL_ALONE.match(text):
            reason = "teaser link"  # "Read more" alone: the label of the link under it
        if reason == "teaser link" and _TEASER_LABEL_ALONE.match(text):
            teaser_above = True
        if reason == "section heading" or (reason == "advertisement" and _SPONSORED_HEADING.match(text)):
            in_list = True  # (under "Sponsored" too: its ads are headlines; "Advertisement" marks one spot)
        if reason:
            line.kind, line.reason = "furniture", reason
            continue
        # Laid out a sentence per line, a line ending in a colon or semicolon is a clause of
        # running prose, not a label.
        sentence_like = ends_sentence(text) or (line_per_sentence and text.endswith((":", ";")))
        if sentence_like and not body_seen and words <= _HEADLINE_WORDS and _QUOTED_HEADLINE_END.search(text):
            sentence_like = False  # above the article only: inside it, such a line is a quote or a subhead
        if (
            sentence_like and not body_seen and words <= _HEADLINE_WORDS and text.rstrip(_CLOSERS).endswith(("?", "!"))
            and n + 1 < len(lines) and (doc.forced_furniture.get(lines[n + 1].start) or strong_reason(lines[n + 1].text)) in ("page date", "byline")
        ):
            sentence_like = False  # a question or exclamation over a date or byline is the headline
        if label_above and not sentence_like and words <= _HEADLINE_WORDS:
            # The teased article's headline under its label ("Read more" / "Port talks collapse").
            line.kind, line.reason = "furniture", "teaser link"
            continue
        if in_list:
            # Items after "Top stories" and the like are headlines, until prose resumes.
            # (a long line ending in a colon is prose that introduces what follows)
            if (sentence_like or text.endswith(":")) and words >= 8 and not text.endswith("?"):
                in_list = False
            else:
                line.kind, line.reason, line.weak = "furniture", "headline list", True
                continue
        if sentence_like and words >= 3:
            body_seen = True
            continue  # body
        if not sentence_like and words >= _PARAGRAPH_WORDS:
            body_seen = True
            continue  # a paragraph that lost its final punctuation
        line.kind, line.weak = "furniture", True
        line.reason = "short fragment" if words <= 5 else "headline-like line (no sentence end)"
    _mark_appeal_openers(lines, (doc.meta.language or "en").split("-")[0])
    mark_after_article_end(lines)
    block = _main_block(lines)
    # A page's prompts and author notes, on a page: in a bare text (no line is furniture by a rule
    # of its own) a closing question to the reader is its author's.
    if block is not None and not _bare(lines):
        mark_reader_prompts(lines, block)
        mark_teaser_excerpts(lines, block)
        mark_author_bios(lines, block)
        mark_page_voice(lines, block, _PAGE_END_REASONS - {"social / subscribe prompt"})
    _keep_inner_lines(lines, block)
    _keep_lead_ins(lines)  # after: a lead-in kept does not bound the article's inner lines
    mark_prose_islands(lines, _PAGE_END_REASONS)
    if line_per_sentence and _bare(lines):
        _keep_bare_lines(lines, (doc.meta.language or "en").split("-")[0])
    return lines, left_out


# Strong lines that end an article, for the rules that read what stands below them: not an
# inline "Read more: …" teaser, which pages put mid-article too.
_PAGE_END_REASONS = ARTICLE_END_REASONS - {"teaser link"}

_APPEAL = next(pattern for reason, pattern, _ in _STRONG_RULES if reason == "fundraising appeal")
_OUTLET_VOICE = LazyPattern(r"(?i)\b(?:we|we're|we've|we'll|our|us|wir|unsere?|nous|notre|nosotros|nuestr[oa]s?)\b")
_READER_ADDRESSED = LazyPattern(r"(?i)\b(?:you|your|you're|sie|ihr|vous|votre|usted|tu)\b")
_QUOTE_MARKS = LazyPattern(r"[\"“”«»„]")
_APPEAL_OPENER_LINES = 2  # lines above an appeal that may open it
_APPEAL_PARAGRAPH_WORDS = 200  # an appeal is a paragraph, not a whole file run together


def _mark_appeal_openers(lines: list[Line], language: str) -> None:
    """A fundraising appeal often opens with a line that sets a scene in the outlet's own voice
    ("There is a war on, and we are here to report it") and asks only later ("Become a member").
    The ask is the evidence: a line above it, in the outlet's voice ("we", "our") and quoting no
    one, belongs to the appeal when nothing parts them (or, across a blank line, when it also
    speaks to the reader: "you"). An appeal paragraph too long for the line rule is the appeal
    when its closing sentences ask and its opening one speaks as "we"."""
    for n, line in enumerate(lines):
        if (
            line.kind == "body" and line.text.count(" ") < _APPEAL_PARAGRAPH_WORDS
            and _APPEAL.search(line.text) and _OUTLET_VOICE.search(line.text) and not _QUOTE_MARKS.search(line.text)
        ):
            sentences = [line.text[a:b] for a, b in split_sentences(line.text, language)]
            if len(sentences) >= 2 and _OUTLET_VOICE.search(sentences[0]) and any(_APPEAL.search(s) for s in sentences[-2:]):
                line.kind, line.reason, line.weak = "furniture", "fundraising appeal", False
        if line.reason != "fundraising appeal":
            continue
        for m in range(n - 1, max(-1, n - 1 - _APPEAL_OPENER_LINES), -1):
            opener, after = lines[m], lines[m + 1]
            if opener.kind == "title" or (opener.kind == "furniture" and not opener.weak):
                break
            if not _OUTLET_VOICE.search(opener.text) or _QUOTE_MARKS.search(opener.text):
                break
            if after.blank_before and not _READER_ADDRESSED.search(opener.text):
                break
            opener.kind, opener.reason, opener.weak = "furniture", "fundraising appeal", False


# Strong reasons that plain prose meets too: a list item "2. 1953 :" reads as a date, and a
# line of dots or dashes has no words. Alone they are no evidence of a web page.
_PROSE_SHAPES = ("page date", "no words")


def _bare(lines: list[Line]) -> bool:
    """A file with no trace of a web page: no line is furniture by a rule of its own (apart from
    the shapes prose has too). Its author wrote every line, so shape is no evidence there."""
    return any(line.kind == "body" for line in lines) and not any(
        line.kind == "furniture" and not line.weak and line.reason not in _PROSE_SHAPES for line in lines
    )


def _keep_bare_lines(lines: list[Line], language: str) -> None:
    """In a bare file laid out a line per statement, every line is the text's, short header lines
    and list numbers included: nothing its author wrote is set aside, so other outlets' versions
    of those lines meet them. When its author also segmented it (most lines hold one sentence:
    a transcript, a segmented corpus) the first line is a sentence too; in a file of paragraphs,
    one a line, a first line that reads like a headline is the headline."""
    segmented = sum(len(split_sentences(line.text, language)) <= 1 for line in lines) >= SEGMENTED_BY_AUTHOR * len(lines)
    for n, line in enumerate(lines):
        if line.kind != "furniture":
            continue
        if n == 0 and not segmented and not ends_sentence(line.text) and len(line.text.split()) <= 30:
            line.reason, line.weak = "heading", True  # the headline (_pick_title takes it)
            continue
        line.kind, line.reason, line.weak = "body", "", False


_OPEN_END = LazyPattern(r"[:;,(\[–—-]$")
_LEAD_IN_WORDS = 6


def _keep_lead_ins(lines: list[Line]) -> None:
    """A line of six words or more ending in a colon, right under a sentence of the article, is
    the article leading in to what follows ("As the council put it in short:", "The berths can
    take these vessels:"), even where what follows is a list or code the cleaner sets aside."""
    for n in range(1, len(lines)):
        line, above = lines[n], lines[n - 1]
        if (
            line.kind == "furniture" and line.weak and line.reason in ("short fragment", "headline-like line (no sentence end)")
            and line.text.endswith(":") and len(line.text.split()) >= _LEAD_IN_WORDS
            and above.kind == "body" and ends_sentence(above.text)
        ):
            line.kind, line.reason, line.weak = "body", "", False


def _keep_inner_lines(lines: list[Line], block: tuple[int, int] | None) -> None:
    """A line judged by its shape alone (short, no full stop) is body when it stands inside the
    article, between body lines: plain prose has short lines, dialogue and sentences that run on
    with a colon. Only a crosshead (a short line set apart by blank lines on both sides, not
    running on) stays out. Above the first and below the last body line, shape still decides:
    that is where pages put their furniture."""
    # The article runs from its first to its last line that ends a sentence (a long line
    # without a full stop may be a scraper's run of labels, not the article's start).
    body = [n for n, line in enumerate(lines) if line.kind == "body" and ends_sentence(line.text)]
    if not body:
        return
    last = body[-1]
    # A heading over related links marks where the article ends: shape-only lines between its
    # last sentence and that heading (a closing list, a sign-off) are the article's tail; strong
    # furniture among them (a caption, a date) stays furniture.
    for n in range(last + 1, len(lines)):
        line = lines[n]
        if line.reason == "section heading":
            last = n
            break
        if line.kind != "furniture":
            break
    menus = _link_menus(lines)
    # (not after a one-word menu word either: "Account" may head a table's column)
    past_end = lines_past_article_end(lines, body, block, _PAGE_END_REASONS - {"navigation"})
    for n in range(body[0] + 1, last):
        line = lines[n]
        if line.kind != "furniture" or not line.weak or line.reason not in ("short fragment", "headline-like line (no sentence end)"):
            continue
        if n in menus:
            line.reason = "menu of links"
            continue
        if n in past_end:
            continue
        blank_after = n + 1 < len(lines) and lines[n + 1].blank_before
        crosshead = line.blank_before and blank_after and len(line.text.split()) <= 10 and not _OPEN_END.search(line.text)
        if not crosshead:
            line.kind, line.reason, line.weak = "body", "", False
            line.kept_by_place = True


_MENU_LINES = 4  # at least this many lines in a row
_MENU_WORDS = 2  # of at most this many words each


def _link_menus(lines: list[Line]) -> set[int]:
    """Lines that form a menu of links copied from the page ("Contact", "About us", "Advertise",
    "Newsletters" one under the other): four or more short lines in a row, each of one or two
    words without a sentence end or a digit and no blank line between them (some may be furniture
    by a rule of their own): the cells of a table of figures ("3.3 GB/s") are data, not links. An article's own list of that
    shape is introduced by a line ending in a colon ("The winners:"), and stays."""
    def short(line: Line) -> bool:
        return (line.kind == "furniture" and len(line.text.split()) <= _MENU_WORDS and not ends_sentence(line.text)
                and not any(ch.isdigit() for ch in line.text))

    found: set[int] = set()
    n = 0
    while n < len(lines):
        if not short(lines[n]):
            n += 1
            continue
        m = n + 1
        while m < len(lines) and short(lines[m]) and not lines[m].blank_before:
            m += 1
        introduced = n > 0 and lines[n - 1].text.endswith(":")
        if m - n >= _MENU_LINES and not introduced:
            found.update(range(n, m))
        n = m
    return found


_HEADLINE_OVERLAP = 0.25  # share of a heading's content words found in the opening sentences


_BLOCK_GAP = 2  # lines of furniture that may stand between two body lines of one run of prose
_BLOCK_OPENING = 10  # body lines of the run whose words the headline should tell
_NEAR_HEADLINE_OVERLAP = 0.4  # share of the headline's content words found there
_HEADLINE_WORD_RANGE = (4, 30)


def _main_block(lines: list[Line]) -> tuple[int, int] | None:
    """(first, last) line of the longest run of prose (in words): body lines that end a sentence
    (or run 25 words), with at most _BLOCK_GAP other lines between neighbours (a short line kept
    inside the article, such as a menu item between two blurbs, does not join two runs)."""
    best: tuple[int, int, int] | None = None  # (words, first, last)
    first = last = -1
    words = 0
    for n, line in enumerate(lines):
        if line.kind != "body" or not (ends_sentence(line.text) or len(line.text.split()) >= _PARAGRAPH_WORDS):
            continue
        if first < 0 or n - last - 1 > _BLOCK_GAP:
            first, words = n, 0
        last = n
        words += len(line.text.split())
        if best is None or words > best[0]:
            best = (words, first, last)
    return (best[1], best[2]) if best else None


_ASKS = LazyPattern(r"[?!][\"'”’»)\]]*$")
_INNER_END = LazyPattern(r"[.!?…][\"'”’»)\]]*\s+\S")
_SENTENCE_HEADLINE_WORDS = 20


def _headline_as_sentence(lines: list[Line], n: int) -> bool:
    """A headline that asks or exclaims ("Can the ferries run all winter?", "Crews win their
    fight!"): one sentence of at most 20 words, set apart by blank lines as a heading is, above
    the article. Read as a sentence, it was body; it may be the headline when it tells what the
    article's opening tells (the caller asks)."""
    line = lines[n]
    return (
        line.kind == "body" and not line.kept_by_place and line.blank_before
        and (n + 1 == len(lines) or lines[n + 1].blank_before)
        and bool(_ASKS.search(line.text)) and not _INNER_END.search(line.text)
        and len(line.text.split()) <= _SENTENCE_HEADLINE_WORDS
    )


def _headline_above_main_block(lines: list[Line], block: tuple[int, int] | None, kept_by_place: bool = False) -> Line | None:
    """The nearest headline-like line above the article's main run that tells what the run's
    opening tells; with `kept_by_place`, short lines kept as body only for standing between
    body lines count too (a headline under a blurb that ends a sentence is kept so)."""
    if block is None:
        return None
    first, last = block
    told: set[str] = set()
    for line in [line for line in lines[first:last + 1] if line.kind == "body"][:_BLOCK_OPENING]:
        told |= set(content_tokens(tokens(line.text)))
    # The run may open with a headline that asks or exclaims: it tells what the lines under it tell.
    if first < last and _headline_as_sentence(lines, first):
        rest: set[str] = set()
        for line in [line for line in lines[first + 1:last + 1] if line.kind == "body"][:_BLOCK_OPENING]:
            rest |= set(content_tokens(tokens(line.text)))
        words = set(content_tokens(tokens(lines[first].text)))
        if words and len(words & rest) / len(words) >= _NEAR_HEADLINE_OVERLAP:
            return lines[first]
    for n in range(first - 1, -1, -1):
        line = lines[n]
        if (
            ((line.kind == "furniture" and line.weak) or (kept_by_place and line.kept_by_place and not line.text.endswith(":"))
             or _headline_as_sentence(lines, n))
            and "|" not in line.text and not list_item(line.text)
            and _HEADLINE_WORD_RANGE[0] <= len(_WORD.findall(line.text)) <= _HEADLINE_WORD_RANGE[1]
        ):
            words = set(content_tokens(tokens(line.text)))
            if words and len(words & told) / len(words) >= _NEAR_HEADLINE_OVERLAP:
                return line
    # A short headline ("Winter ferries", "Strike on the quay") only when every content word of it,
    # two at least, is in the run's opening: short lines above an article are mostly menu items.
    for line in reversed(lines[:first]):
        if line.kind == "furniture" and line.weak and "|" not in line.text and len(_WORD.findall(line.text)) < _HEADLINE_WORD_RANGE[0] and not list_item(line.text):
            words = set(content_tokens(tokens(line.text)))
            if len(words) >= 2 and words <= told:
                return line
    return None


def _pick_title(doc: RawDoc, lines: list[Line]) -> Line | None:
    wanted = doc.meta.title
    if wanted:
        key = " ".join(tokens(wanted))
        for line in lines:
            if " ".join(tokens(_MD_HEADING.sub("", line.text))) == key:
                return line
        return None
    first_body = next((i for i, line in enumerate(lines) if line.kind == "body"), len(lines))
    for line in lines[:first_body]:
        if line.text.startswith("# "):
            return line
    opening = set()
    for line in lines[first_body:first_body + 3]:
        opening |= set(content_tokens(tokens(line.text)))

    def overlap(line: Line) -> float:
        words = set(content_tokens(tokens(line.text)))
        return len(words & opening) / len(words) if words else 0.0

    # An HTML <h1>–<h6> (or the page <title>) above the body: the first, unless a later one tells
    # what the opening sentences tell (the site's name may be a heading in the page header too).
    headings = [line for line in lines[:first_body] if line.reason == "heading" and not _MD_HEADING.match(line.text)]
    # The site's own name in its page header is no headline, when the page names the site.
    site = _words_of(doc.meta.name) if doc.meta.name_from == "page" else None
    headings = [line for line in headings if _words_of(line.text) != site] or headings
    if headings:
        # With none telling the opening, a heading of two content words or more before a one-word
        # label ("Blog", "Sociedad", "Aktuelles" are section labels).
        return max(headings, key=lambda line: (
            overlap(line) >= _HEADLINE_OVERLAP, len(content_tokens(tokens(line.text))) >= 2, -headings.index(line)))
    # Pasted text: the article is the page's longest run of prose, and its headline the nearest
    # headline-like line above that run that tells what the run's opening tells (the site's
    # name, menus, sidebar blurbs and teasers above it do not).
    block = _main_block(lines)
    over_meta = headline_over_meta(lines, block[0]) if block is not None else None
    if over_meta is not None:
        return headline_over_standfirst(lines, lines.index(over_meta), block) or over_meta
    # (lines kept for their place only on a page that shows it is one: in a bare text every
    # line is its author's, and a short line above its longest run is no headline by that)
    nearest = _headline_above_main_block(lines, block) or (
        None if _bare(lines) else _headline_above_main_block(lines, block, kept_by_place=True))
    if nearest is not None:
        return headline_over_deck(lines, lines.index(nearest), block) or nearest
    # The headline: of the headline-like lines before the body, the one that tells what the
    # first sentences tell (a breadcrumb, promo or section label does not), then the longer.
    candidates = [
        line for line in lines[:first_body]
        if line.kind == "furniture" and line.weak and line.reason != "headline list" and 4 <= len(_WORD.findall(line.text)) <= 30
        and "|" not in line.text and "…" not in line.text and not list_item(line.text)
    ]
    if not candidates:
        # Only lines under a list heading above the body ("Latest news" in the menu): the one
        # right above the body, with nothing but strong furniture (a date, a byline) between, is
        # the headline.
        for line in reversed(lines[:first_body]):
            if line.kind == "furniture" and not line.weak:
                continue
            if line.reason == "headline list" and 4 <= len(_WORD.findall(line.text)) <= 30 and "|" not in line.text and not list_item(line.text):
                return line
            break
    def fitness(line: Line) -> tuple[float, int]:
        return (overlap(line), len(_WORD.findall(line.text)))

    return max(candidates, key=fitness, default=None)


def _words_of(text: str | None) -> str | None:
    return " ".join(tokens(text)) if text else None


_SITE_TAIL = LazyPattern(r"\s+[|–—-]\s+([^|–—-]{2,60})$")


def _without_site_tail(doc: RawDoc, title: Line) -> tuple[str, tuple[int, int]]:
    """The headline's text and span, less a " | Site Name" (" - ", " – ") tail that is the name
    the page gives the site: "Library reopens after flood | The Fenwick Gazette" is the title bar,
    whose headline is the part before the name."""
    text = _MD_HEADING.sub("", title.text)
    match = _SITE_TAIL.search(text)
    if match is None or doc.meta.name_from != "page" or _words_of(match.group(1)) != _words_of(doc.meta.name):
        return text, (title.start, title.end)
    kept = text[:match.start()]
    raw = doc.text[title.start:title.end]
    end = title.start + _raw_offset(raw, len(title.text) - len(text) + len(kept))
    while end > title.start and doc.text[end - 1] in _SPACE:
        end -= 1
    return kept, (title.start, end)


_TITLE_SITE = LazyPattern(r"\s[|–—-]\s*([^|–—-][^|]{1,60}?)\s*$")
# The year stands before the name ("© 2026 Harbour Radio") or after it ("© NewsDrop 2026",
# "Copyright The Harbour Daily 2020-2026"): either way it is no part of the name.
_COPYRIGHT_SITE = LazyPattern(r"(?i)^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*(.{2,60}?)[\s.,]*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?[\s.,]*(?:all rights reserved\b.*)?\s*$")


_FIRST_SENTENCE = LazyPattern(r".*?(?:(?<=[a-z]{2})\.(?=\s+[A-Z])|$)", re.DOTALL)

# The company's legal form after a publication's name in its copyright line ("© 2026 The Lorvan
# Chronicle Ltd"): the reader knows the paper by its name alone.
_LEGAL_FORM = LazyPattern(r"(?i),?\s+(?:ltd|limited|plc|inc|llc|gmbh|ag|s\.?a|s\.?l|b\.?v|n\.?v|sarl|s\.?p\.?a|pty)\.?$")

_NAME_JOINERS = {"of", "the", "and", "&", "for", "on", "de", "du", "des", "la", "le", "el", "der", "die", "das", "y", "et", "und", "am", "an", "im", "in", "at",
                 # "Il Corriere di Sorvania", "Diário do Norte", "Het Nieuws van Lier"
                 "di", "del", "della", "dello", "dei", "degli", "delle", "da", "do", "dos", "van", "het", "e"}


# A particle elided onto a capitalised word: "Le Courrier d'Ostrana", "Il Corriere dell'Alto".
_ELIDED_NAME = LazyPattern(r"^(?:d|l|dell|dall|all|nell|sull)['’][A-ZÀ-Þ]")


def _looks_like_a_name(text: str) -> bool:
    """A publication's name is capitalised ("The Harbour Daily", "Al Jazeera", "RT"), or a domain;
    a section label is not ("Russia-Ukraine conflict", "World news")."""
    words = [w for w in re.split(r"[\s-]+", text.strip()) if w]
    if not re.search(r"[^\W\d_]", text):
        return False  # no letter at all: a date or a time ("… | 03.03.2026 20:05") names no one
    from retold.model.published import read_date  # (published reads clean's date words)

    if read_date(text) is not None:
        return False  # a date line's tail ("… | Updated 14 October 2026, 18:00 UTC") names no one
    if not words or re.search(r"\.[a-z]{2,}$", text.strip()):
        return bool(words)
    return words[0][:1].isupper() or words[0][:1].isdigit() if len(words) == 1 else all(
        w[:1].isupper() or w[:1].isdigit() or w.lower() in _NAME_JOINERS or _ELIDED_NAME.match(w) for w in words
    ) and not all(w.lower() in _NAME_JOINERS for w in words)


def _names_the_topic(label: str, lines: list[Line]) -> bool:
    """A title bar's tail whose every content word the article itself uses ("… | Russia-Ukraine
    War" over an article on that war) is the section the page files the story under, not the
    publisher's name: a name is rarely made of the story's own words."""
    words = set(content_tokens(tokens(label)))
    if not words:
        return False
    for line in lines:
        if line.kind == "body":
            words -= set(content_tokens(tokens(line.text)))
            if not words:
                return True
    return False


# Lines with a bar that are never a page's title bar: "Tout accepter | Paramétrer" ends a consent
# line, and its last button is no publisher's name.
_NOT_A_TITLE_BAR = frozenset({
    "cookie notice", "navigation", "share buttons", "social / subscribe prompt", "comment form", "copyright",
    "byline", "page date", "teaser link"})


def site_name(lines: list[Line]) -> str | None:
    """The outlet's name as its page gives it: the "| Site Name" end of a page title above the
    body, else a "© 2026 Site Name" line."""
    for line in lines:
        if line.kind == "body":
            break
        if line.reason == "site name":
            return _SITE_LINE.match(line.text).group("site")
    for line in lines:
        if line.kind == "body":
            break
        if line.reason == "page title" or (line.kind == "furniture" and " | " in line.text and line.reason not in _NOT_A_TITLE_BAR):
            match = _TITLE_SITE.search(line.text)
            # A page title is a headline of some words and one separator: "Home | News | Weather"
            # and "Accept | Reject | Manage options" are rows of links, not a title and a name.
            if (
                match and len(match.group(1).split()) <= 6 and _looks_like_a_name(match.group(1))
                and line.text.count("|") <= 1 and len(line.text[:match.start()].split()) >= 3
                and not _names_the_topic(match.group(1), lines)
            ):
                return without_edition(match.group(1).strip())
    # The masthead before the copyright line: the name the outlet shows its readers ("CPA
    # Newswire"), where the notice names the company that owns it ("Coastal Press Agency").
    masthead = _masthead(lines)
    if masthead is not None:
        return _as_the_page_writes_it(masthead, lines)
    for line in reversed(lines):
        if line.kind == "furniture" and line.reason == "copyright":
            # The notice's first sentence: "© 2026 NewsPulse Media Ltd. Content from third-party
            # publishers remains …" names its owner before the full stop.
            match = _COPYRIGHT_SITE.match(_FIRST_SENTENCE.match(line.text).group(0))
            if (
                match and match.group(1) and len(match.group(1).split()) <= 6 and _looks_like_a_name(match.group(1))
                and not re.search(r"(?i)rights|reserved", match.group(1))
                and not re.search(r"[:/]", match.group(1))  # a photo credit: "© Foto: Name/Agency"
            ):
                return _short_form_on_top(without_edition(_LEGAL_FORM.sub("", match.group(1)).strip()), lines)
    return None


def _short_form_on_top(owner: str, lines: list[Line]) -> str:
    """The name the page's first line gives, where the copyright's owner is that name and a
    company word: "NewsPulse" on top, "© 2026 NewsPulse Media Ltd" at the foot."""
    first = next((line.text.strip() for line in lines if line.text.strip()), "")
    words, owned = first.split(), owner.split()
    if (0 < len(words) < len(owned) and [w.casefold() for w in owned[:len(words)]] == [w.casefold() for w in words]
            and all(_plain(w) in _COMPANY_WORDS for w in owned[len(words):])):
        return first
    return owner


# Words a company adds to its publication's name in a copyright line.
_COMPANY_WORDS = frozenset("media group publishing publishers holdings company co corporation corp network networks "
                           "news digital ventures verlag mediengruppe editore editorial editions éditions".split())


def _as_the_page_writes_it(name: str, lines: list[Line]) -> str:
    """An all-capitals masthead ("OLM VALLEY COURIER") in the mixed case the page writes the same
    name in elsewhere ("© 2026 Olm Valley Courier Ltd"); as it stands when the page never does."""
    if not name.isupper():
        return name
    pattern = re.compile(r"(?i)(?<!\w)" + r"\s+".join(re.escape(word) for word in name.split()) + r"(?!\w)")
    for line in lines:
        for match in pattern.finditer(line.text):
            if not match.group(0).isupper():
                return " ".join(match.group(0).split())
    return name


# The last word of a newspaper's or broadcaster's name ("Pellaro Evening Post", "The Harth Valley
# Gazette", "Orlin Radio"): a page's first line of a few capitalised words ending in one is its
# masthead. A section label ("World news", "Port strike", "Economy") ends in none of them.
_PUBLICATION_WORDS = frozenset(
    "post times gazette herald courier chronicle tribune journal standard observer daily news express "
    "mail mirror record echo argus advertiser press telegraph guardian star globe examiner sentinel "
    "bulletin register ledger dispatch wire radio television tv weekly monitor messenger reporter "
    "recorder leader clarion banner beacon inquirer enquirer newswire agency online "
    # ... in the languages whose pages retold reads (accents stripped, as _a_masthead compares)
    "zeitung rundschau anzeiger kurier blatt nachrichten tagblatt tageblatt presse "
    "courrier depeche quotidien nouvelles republicain "
    "diario periodico noticias correo heraldo gazzetta corriere giornale stampa nieuws krant dagblad".split()
)
# Articles of other languages a name may open with ("L'Écho du Littoral", "Le Courrier de la
# Baie", "Der Kurier"): the word after one may be the publication's word too.
_NAME_ARTICLES = frozenset("le la les l der die das el il lo het de".split())  # (not "the": "The Press Conference" is no paper)


def _masthead(lines: list[Line]) -> str | None:
    """The page's first line when it is a publication's name of two to five capitalised words
    ending in a word of _PUBLICATION_WORDS, above the body (a masthead copied with the page),
    alone or before a tagline; or, with an edition or a short form before a bar, the name after
    it when one of those words opens or ends it ("ORB English | Radio Orlin International")."""
    first = next((line for line in lines if line.text.strip()), None)
    if first is None or first.kind != "furniture":
        return None  # the body, or the headline itself ("Hard Times for Ferry Crews" names no outlet)
    # A tagline may follow the name: "Marlow Bay Gazette - Harbour news since 1921".
    parts = [part.strip() for part in re.split(r"\s[-–—|]\s", first.text.strip(), maxsplit=1)]
    if _a_masthead(parts[0], at_end_only=True):
        return parts[0]
    if len(parts) == 2 and len(parts[0].split()) <= 3 and _a_masthead(parts[1], at_end_only=False):
        return parts[1]
    return None


def _a_masthead(text: str, at_end_only: bool) -> bool:
    words = text.split()
    if not 2 <= len(words) <= 5 or not _looks_like_a_name(text) or re.search(r"[|:>/]", text):
        return False
    ends = [words[-1]] if at_end_only else [words[0], words[-1]]
    # "L'Écho du Littoral": the word after an article (or its elision) names the kind of paper.
    head = re.split(r"['’]", words[0], maxsplit=1)
    if len(head) == 2 and head[0].lower() in _NAME_ARTICLES:
        ends.append(head[1])
    elif words[0].lower() in _NAME_ARTICLES:
        ends.append(words[1])
    return any(_plain(word) in _PUBLICATION_WORDS for word in ends)


def _plain(word: str) -> str:
    """A word lower-cased, its accents and edge punctuation gone ("Écho," -> "echo")."""
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower().strip(".,")) if not unicodedata.combining(c))


# ------------------------------------------------------------------ all outlets

RESTORE_SIMILARITY = 0.75
# Bounds on the cross-outlet check (far above what a real story needs: tens of doubtful
# lines, hundreds of body lines).
_MAX_POSTINGS = 400  # body lines remembered per word and outlet
_MAX_CANDIDATES = 400  # body lines compared with one doubtful line
_COMPARISON_BUDGET = 200_000  # comparisons in all (each doubtful line still gets one)
# Indel similarity s = 2·LCS / (len1 + len2) implies LCS >= s/(2 - s)·len1 (0.6 for s = 0.75):
# at most 40% of the doubtful line's words are missing from a line that restores it.
_UNMATCHED_SHARE = 1 - RESTORE_SIMILARITY / (2 - RESTORE_SIMILARITY)


def restores(doubtful: tuple[str, ...], body: tuple[str, ...]) -> bool:
    """Indel.normalized_similarity(doubtful, body) >= RESTORE_SIMILARITY. The similarity,
    2·LCS / (len1 + len2), is at most 2·min / (len1 + len2): the lengths alone rule most
    candidates out (tests/unit/test_speed_equivalence.py)."""
    if 2 * min(len(doubtful), len(body)) < RESTORE_SIMILARITY * (len(doubtful) + len(body)):
        return False
    return Indel.normalized_similarity(doubtful, body) >= RESTORE_SIMILARITY


def _runs_on(text: str) -> bool:
    """Does a body line without a sentence end run on into the next line's sentence? A hard wrap
    (a long line) or an open end ("The council said:", "…, and") does; a short line with neither
    is a unit of its own ("Read more" over a headline, a label): two lines glued into one
    sentence would show a newline in the middle of it."""
    return len(text) >= _WRAP_CHARS or bool(_OPEN_END.search(text))


def clean_documents(docs: list[RawDoc]) -> list[CleanArticle]:
    layouts = [one_sentence_per_line(doc.text) for doc in docs]
    classified, left_out = [], []
    for doc, layout in zip(docs, layouts):
        lines, dropped = _classify(doc, layout)
        classified.append(lines)
        left_out.append(dropped)
    # Cross-outlet evidence: a weakly removed line that matches another outlet's body is body.
    doubtful = [
        (outlet_no, line, tokens(line.text))
        for outlet_no, lines in enumerate(classified)
        for line in lines
        if line.kind == "furniture" and line.weak and len(line.text.split()) >= 6
    ]
    wanted = {t for _, _, toks in doubtful for t in content_tokens(toks)}
    body_tokens: list[dict[int, tuple[str, ...]]] = [{} for _ in classified]
    index: dict[str, dict[int, list[int]]] = {}  # word -> outlet -> body lines holding it
    one: dict[str, str] = {}  # each distinct word's one string, which the kept lines share (a big story's 700,000 words took 37 MB)
    if doubtful:
        for outlet_no, lines in enumerate(classified):
            for line_no, line in enumerate(lines):
                if line.kind != "body":
                    continue
                # Tokenising every body line is linear; testing each wanted word as a substring
                # of each line was not (a 50 MB file ran for 20 minutes).
                toks = tuple([one.setdefault(t, t) for t in tokens(line.text)])
                shared = set(content_tokens(toks)) & wanted
                if not shared:
                    continue  # most body lines share no word with a doubtful one
                body_tokens[outlet_no][line_no] = toks
                for token in shared:
                    postings = index.setdefault(token, {}).setdefault(outlet_no, [])
                    if len(postings) < _MAX_POSTINGS:
                        postings.append(line_no)
    # Each doubtful line is compared with a bounded number of body lines (a share of a fixed
    # budget, at least one), found through its rarest words first. Exact while the share lasts:
    # a line with similarity >= 0.75 shares >= 60% of the doubtful line's words in order, so it
    # holds one of any 40% + 1 of them; only hostile input (thousands of near-identical lines)
    # reaches the bound, and a line left unchecked keeps its conservative furniture verdict.
    share = max(1, min(_MAX_CANDIDATES, _COMPARISON_BUDGET // max(1, len(doubtful))))
    held = {token: sum(map(len, by.values())) for token, by in index.items()}  # postings of each word, every outlet's
    for outlet_no, line, toks in doubtful:
        counts = Counter(content_tokens(toks))
        candidates: dict[tuple[int, int], None] = {}
        visited = covered = 0
        for token in sorted(counts, key=lambda t: held.get(t, 0) - len(index.get(t, {}).get(outlet_no, ()))):  # other outlets' postings
            for o, lines_of in index.get(token, {}).items():
                if o == outlet_no:
                    continue
                for n in lines_of:
                    candidates[(o, n)] = None
                    visited += 1
                    if len(candidates) >= share or visited >= 2 * share:
                        break
                if len(candidates) >= share or visited >= 2 * share:
                    break
            covered += counts[token]
            if len(candidates) >= share or visited >= 2 * share or covered > _UNMATCHED_SHARE * len(toks) + 1e-9:
                break
        if any(restores(toks, body_tokens[o][n]) for o, n in candidates):
            line.kind, line.reason, line.weak = "body", "", False

    titles = [_pick_title(doc, lines) for doc, lines in zip(docs, classified)]
    for title in titles:
        if title is not None:
            title.kind, title.reason = "title", "headline"

    articles = []
    for doc, lines, title, line_per_sentence, dropped in zip(docs, classified, titles, layouts, left_out):
        site = site_name(lines)
        if dropped:
            lines = sorted(lines + dropped, key=lambda line: line.start)
        paragraphs: list[tuple[int, int]] = []
        removed: list[Removed] = []
        previous_body: Line | None = None
        for line in lines:
            if line.kind == "body":
                # The paragraph so far ends with the previous body line, so does its sentence end
                # (testing the line, not the growing paragraph, keeps this linear).
                if (
                    previous_body is not None and not line_per_sentence and not line.blank_before and not ends_sentence(previous_body.text)
                    and _runs_on(previous_body.text) and not list_item(line.text)  # a list item starts its own
                ):
                    paragraphs[-1] = (paragraphs[-1][0], line.end)
                else:
                    paragraphs.append((line.start, line.end))
                previous_body = line
                continue
            previous_body = None
            if line.kind == "furniture":
                removed.append(Removed(text=line.text, reason=line.reason, start=line.start, end=line.end))
        title_text, title_span = None, None
        if title is not None:
            title_text, title_span = _without_site_tail(doc, title)
        articles.append(CleanArticle(
            doc=doc,
            title=doc.meta.title or title_text,
            title_span=title_span,
            paragraphs=paragraphs,
            removed=removed,
            site_name=site,
            line_per_sentence=line_per_sentence,
        ))
    return articles


def page_date(lines: list[str]) -> str | None:
    """The date (YYYY-MM-DD) of the first of a page's date lines ("Published 12 March 2026,
    09:40", "May 4, 2026", "2026-05-04", "By Ana Veldt | 03.03.2026, 17:05") that names a real
    day, or None; the instant in UTC ("2026-08-14T14:40:00+00:00") where the line names a time
    and its zone ("14 August 2026, 16:40 CEST"). A time without a zone is local somewhere: the
    time as printed, without an offset ("2026-12-07T16:05"), never a guessed instant
    (retold.model.published reads it as a window of the day's zones, as it reads story.toml's).
    With the day only, a wire that printed its minute sorted after a copy whose page markup gave
    one; and two users saw the printed time dropped from the headers and the JSON."""
    import datetime as dt

    from retold.model.published import parse_date_line, read_date

    for text in lines:
        reading = read_date(text)
        if reading is not None:
            line = parse_date_line(text)
            if line is not None and line.exact:
                return line.earliest.isoformat()
            if reading.clock is not None:
                return dt.datetime.combine(reading.day, reading.clock).isoformat(timespec="minutes")
            return reading.day.isoformat()
    return None

