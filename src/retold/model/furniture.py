"""Furniture found from where a line stands on the page, not from the line alone.

`clean.py` decides each line by rules of its own; these rules read the page as a whole (its
lines already classified), so they live apart from the line rules. They take `clean.Line`
objects (kind, reason, weak, text) and only ever turn body into furniture with a reason.
"""

from __future__ import annotations

import re
from typing import Protocol

from retold.model.lazy_pattern import LazyPattern


class _Line(Protocol):
    text: str
    kind: str
    reason: str
    weak: bool


# Strong furniture that pages put under the article, never inside its running text: the
# comment form, share row, tag list, "Related" heading, copyright notice, links to the next post.
ARTICLE_END_REASONS = frozenset({
    "comment form", "share buttons", "post tags", "section heading", "copyright", "social / subscribe prompt",
    "previous / next link", "site credits", "teaser link", "cookie notice", "navigation", "author bio", "paywall prompt",
    "editorial policy",
})
# Below that line, what still reads as prose is at most this share of the prose above it: a
# comment thread, a sidebar blurb, a teaser's standfirst. An article whose share row stands
# above its last seventh or so (a mid-article newsletter box) is not cut.
TAIL_SHARE = 0.15
# A photo credit "… © Agency / Name" is a caption inside the article, not the notice that ends
# the page: only a notice that opens with the mark (or says "all rights reserved") ends it.
_NOTICE_OPENINGS = ("©", "(c)", "copyright")
_CREDIT_HEAD_CHARS = 30


# A wire's sign-off credits the desk's work, bracketed or not: "Reporting by Ana Veldt; Editing by
# Tom Derrel", "Writing by …", "Compiled by …"; an author's byline ("By Ana Veldt") does not.
_SIGN_OFF = LazyPattern(r"(?i)^\(?(?:additional |with )?(?:reporting|writing|editing|compiled|produced|fact-checked) by\b")


def _ends_article(line: _Line) -> bool:
    if line.kind == "furniture" and not line.weak and line.reason == "byline":
        # A wire's sign-off under its text, "(Reporting by Ana Veldt; Editing by Tom Derrel)",
        # ends the article; a byline above it ("By Ana Veldt") does not.
        return (line.text.startswith("(") and line.text.rstrip().endswith(")")) or bool(_SIGN_OFF.match(line.text))
    if line.kind != "furniture" or line.weak or line.reason not in ARTICLE_END_REASONS:
        return False
    if line.reason == "copyright":
        text = line.text.lower()
        if "all rights reserved" in text:
            return True
        # "© Bild: Werk/Name" is a picture's credit under a photo, mid-article: a colon or a slash
        # near its start tells it from the notice that ends the page ("© 2026 The Harbour Gazette").
        return text.startswith(_NOTICE_OPENINGS) and not any(mark in text[:_CREDIT_HEAD_CHARS] for mark in ":/")
    return True


def mark_after_article_end(lines: list[_Line]) -> None:
    """The article ends at the first end-of-article line (see ARTICLE_END_REASONS) below which
    the prose left is under a tenth of the prose above it; every body line below it is then
    page furniture (weak: another outlet that carries the line gives it back)."""
    words = [len(line.text.split()) if line.kind == "body" else 0 for line in lines]
    total = sum(words)
    above = 0
    for n, line in enumerate(lines):
        above += words[n]
        if above and _ends_article(line) and total - above < TAIL_SHARE * above:
            for after in lines[n + 1:]:
                if after.kind == "body":
                    after.kind, after.reason, after.weak = "furniture", "after the article's end", True
            return


# ------------------------------------------------------------------ more line classes

_NAME_WORD = r"[A-ZÄÖÜÉÈÁÍÓÚÑ][a-zäöüßéèêëáíóúñçïîôàù'’.-]+"
# Each (reason, pattern, phrases, most words): `clean.py` adds them to its strong line rules,
# behind a cheap test that the line holds one of `phrases` (every match holds one, lower case).
# Classes seen leaking on real pages, each in the languages those pages use most.
LINE_RULES: list[tuple[str, re.Pattern[str], tuple[str, ...], int]] = [
    # "All rights reserved" beyond English.
    ("copyright", LazyPattern(
        r"(?i)\b(?:alle rechte vorbehalten|todos los derechos reservados|tous droits réservés|wszelkie prawa zastrzeżone|"
        r"todos os direitos reservados|tutti i diritti riservati|alle rechten voorbehouden)\b"),
        ("rechte vorbehalten", "derechos reservados", "droits r", "prawa zastrze", "direitos reservados", "diritti riservati",
         "rechten voorbehouden"), 40),
    # The page's licence: "This work is licensed under a Creative Commons …".
    ("copyright", LazyPattern(
        r"(?i)\b(?:is|are) licen[sc]ed under (?:a |the )?creative commons\b|\bsteht unter einer creative commons\b|"
        r"^(?:this work|content|text) (?:is )?(?:available )?under (?:a |the )?(?:cc|creative commons)\b"),
        ("creative commons", "under "), 40),
    # A blog's follow-by-email box: "Enter your email address to follow this blog".
    ("social / subscribe prompt", LazyPattern(
        r"(?i)\b(?:enter|gib|geben sie)\b.{0,24}\b(?:your|deine|ihre) e-?mail(?:-adresse)?\b|\be-?mail(?:-adresse)? (?:eingeben|ein,)|"
        r"\bsend me (?:an )?e-?mail\b|\bper e-?mail (?:informiert|benachrichtig)|\bneue beiträge per e-?mail\b"),
        ("mail",), 30),
    # The newsroom asking for tips: "Have you been affected? Email newsdesk@…", "Contact us at
    # tips@…", "Schreiben Sie uns: redaktion@…", "Got a story? Email newsdesk@… or call 01642 …". A request (or a question to the reader, then a
    # request) addressed to an email address; an article sentence that gives an address says
    # who gave it ("… can email help@… , the council said") and opens otherwise.
    ("social / subscribe prompt", LazyPattern(
        r"(?i)^(?:[^.?!@]{0,80}\?\s+)?(?:e-?mail(?: us)?|contact(?: us)?|write to us|send (?:us )?(?:your|an)|tell us|"
        r"get in touch|share your (?:story|experience|photos?|pictures?)|schreiben sie uns|kontakt|écrivez-nous|contactez-nous|"
        r"escríbanos|escríbenos|call|phone|ring)\b[^@]{0,60}[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
        # and a number to ring or a messenger instead: "… or call 01642 330 118", "… or WhatsApp us"
        r"(?:,?\s+(?:or|oder|ou|o)\s+(?:(?:call|phone|ring|text|whatsapp|rufen sie|appelez|llame)\b[^@\d]{0,20}\+?\d[\d ()/.-]{5,}\d"
        r"|(?:whatsapp|message|text|dm|signal) us))?\.?\s*$"),
        ("@",), 30),
    # The head of the comment thread: "12 responses to “Headline”", "4 Gedanken zu „…“".
    ("comment form", LazyPattern(
        r"(?i)^(?:\d+|one|two|three|no|keine|ein|eine|zwei|drei) (?:responses?|antworten|replies|reaktionen|kommentare?|comments?|"
        r"gedanken|thoughts) (?:to|zu|on|for|auf|about|zum|zur) [“\"„«‘']"),
        ("respons", "antworten", "repl", "reaktion", "kommentar", "comment", "gedanken", "thought"), 30),
    # "We may receive compensation for some links", "Für Links auf dieser Seite erhält X eine Provision".
    ("affiliate disclosure", LazyPattern(
        r"(?i)\b(?:we|i) (?:may )?(?:receive|earn|get) (?:a )?(?:small )?(?:compensation|commission)\b|"
        r"\berhält? \S+ (?:ggf\. |gegebenenfalls |eventuell )?eine provision\b|\b(?:affiliate|partner)-?links?\b.{0,60}\bprovision\b|"
        r"\bthis post (?:may )?contains? (?:affiliate links|references to products)\b"),
        ("compensation", "commission", "provision", "affiliate links", "references to products"), 60),
    # Consent lines of forms and the page: "This site is protected by reCAPTCHA …", "Ich akzeptiere die Datenschutzerklärung".
    ("cookie notice", LazyPattern(
        r"(?i)\bprotected by recaptcha\b|\bich (?:akzeptiere|stimme) (?:die|der|den) datenschutz|\bakzeptieren sie unsere datenschutz|"
        r"\bi (?:agree|accept) (?:to )?(?:the|your) (?:privacy policy|terms)\b|\bby (?:signing up|subscribing|registering),? you (?:agree|accept)\b"),
        ("recaptcha", "datenschutz", "privacy policy", "terms", "you agree", "you accept"), 40),
    # A photo credit closing a caption, beyond English: "… Foto: Archivo", "Beitragsbild: Titelseite".
    ("photo caption / credit", LazyPattern(
        r"(?i)(?:^|[.)]\s+)(?:foto|fotos|bild|bilder|beitragsbild|titelbild|imagen|fotografía|photo|crédit photo|crédits? photos?)\s*:"
        r"\s*\S[^.!?]{0,60}[.]?$"),
        ("foto", "bild", "imagen", "fotograf", "photo"), 40),
    # A credit closing a caption, in brackets or after the caption's last sentence: "… (Foto:
    # Privat)", "… (REUTERS/Ana Veldt)", "(Quelle: Name/Agentur)", "… Foto: Name | flickr | CC BY 2.0";
    # and a figure's label: "Abbildung 4: …", "Figure 2: …". A source named in a news sentence
    # ("… rose to 5 percent (source: the statistics office).") has no slash or photo word: it stays.
    ("photo caption / credit", LazyPattern(
        r"(?i)\((?:foto|fotos|bild|bilder|photo|photos|image|imagen|foto(?:grafía)?|crédit photo|photo credit|picture)\s*:\s*[^)]{1,60}\)\s*$|"
        r"\((?:reuters|afp|ap|ap photo|efe|epa|dpa|anadolu|getty images|ansa|xinhua)\s*/\s*[^)]{2,60}\)\s*$|"
        r"\((?:quelle|source|fuente)\s*:\s*[^)/]{1,40}/[^)]{1,40}\)\s*$|"
        r"(?:^|[.!?]\s+)(?:foto|bild|photo|quelle|source)\s*:\s*[^.!?|/]{1,40}[|/][^!?]{0,60}$|"
        r"^(?:abbildung|abb\.|figure|fig\.|grafik)\s*\d+\s*:"),
        ("foto", "bild", "photo", "image", "imagen", "picture", "reuters", "afp", "(ap", "efe", "epa", "dpa", "anadolu", "getty",
         "ansa", "xinhua", "quelle", "source", "fuente", "abbildung", "abb.", "figure", "fig.", "grafik"), 40),
    # The rest behind a paywall: "To view the full story, please subscribe", "Pour lire la suite …".
    ("paywall prompt", LazyPattern(
        r"(?i)\b(?:to (?:view|read|continue reading) the (?:full|rest of the) (?:story|article)|for the full story|"
        r"instant access to the full article|pour lire la suite|um (?:den|diesen) (?:vollständigen )?artikel (?:weiter )?zu lesen|"
        r"continue reading with a subscription)\b"),
        ("full story", "full article", "rest of the", "lire la suite", "artikel", "subscription"), 40),
    # A like button and its loading label: "Like Loading…", "Gefällt mir Wird geladen …".
    ("share buttons", LazyPattern(r"(?i)^(?:gefällt mir|like|j'aime|me gusta)\s+(?:wird geladen|loading|chargement|cargando)"),
        ("gef", "like", "j'aime", "me gusta"), 8),
    # Donation asks beyond English: "Jede kleine Spende hilft", "would you consider supporting our work?".
    ("fundraising appeal", LazyPattern(
        r"(?i)\bjede (?:kleine )?spende hilft\b|\b(?:would|will) you consider supporting (?:our|us|this)\b|"
        r"\bunterstützen sie (?:unsere|uns)\b.{0,40}\b(?:spende|abo|mitglied)|\bjetzt spenden\b"),
        ("spende", "consider supporting", "unterst"), 40),
    # The outlet's pledge or policy, linked under its articles: "Our Standards: The Harbour Wire
    # Trust Principles.", "Read our editorial guidelines", "Corrections policy". A line that is
    # only the link's label (short, opening with the outlet's "our" or the policy's name).
    ("editorial policy", LazyPattern(
        r"(?i)^(?:(?:read|see|learn more about|about) )?(?:"
        r"(?:our|the) (?:editorial |journalistic )?(?:standards|principles|values|ethics|guidelines|code of (?:practice|conduct))|"
        r"(?:our |the )?(?:editorial|journalistic) (?:standards|principles|values|ethics|guidelines)|"
        r"(?:our |the )?(?:corrections?|ethics|editorial|complaints) policy|(?:[\w&'’-]+ ){0,3}trust principles)"
        r"\s*(?::\s*[^.!?:]{2,60})?[.]?$"),
        ("standards", "principles", "values", "ethics", "guidelines", "code of", "policy"), 12),
    # Where the text came from, alone on its line: "Source: Harbour Wire", "Quelle: dpa", "Sources:
    # AFP, Reuters" (names only: "Source: the council said on Friday that …" is not one).
    ("source credit", LazyPattern(
        r"^(?:[Ss]ources?|SOURCES?|[Qq]uellen?|[Ff]uentes?|[Ff]ontes?|[Bb]ron)\s*:\s*"
        r"(?:[A-ZÀ-Þ][\w&.'’-]*|dpa|epd|kna|apa)(?:(?:\s+|\s*[,/;]\s*)(?:[A-ZÀ-Þ][\w&.'’-]*|dpa|epd|kna|apa|of|the|and|und|et|y|de|di|du|der|la|le))*\s*\.?$"),
        ("source", "quelle", "fuente", "fonte", "bron"), 8),
    # How long the article takes to read: "5 min read", "Lesezeit: 3 Minuten".
    ("reading time", LazyPattern(
        r"(?i)^(?:\d+\s*(?:min(?:ute)?s?|minuten)\.?\s*(?:read|reading time|lesezeit|de lectura|lesen)|"
        r"(?:lesezeit|reading time|tiempo de lectura|temps de lecture)\s*:?\s*(?:ca\.\s*)?\d+\s*(?:min(?:ute)?s?|minuten)\.?)$"),
        ("min",), 8),
    # The article's filing line: "Topics: Ferries, Strikes", "Kategorie: Hafen".
    ("post tags", LazyPattern(
        r"(?i)^(?:topics|themen|themenseiten|temas|sujets|kategorien|categories|kategorie|category|rubrik|schlagwörter)\s*:\s*\S"),
        ("topics", "themen", "temas", "sujets", "kategorie", "categor", "rubrik", "schlagw"), 30),
    # Counters of the share row: "1.2k shares", "3 comments 120 views".
    ("share buttons", LazyPattern(
        r"(?i)^(?:\d+(?:[.,]\d+)?k?\s*(?:shares?|likes?|views?|aufrufe|mal geteilt)\s*)+$"),
        ("share", "like", "view", "aufrufe", "mal geteilt"), 12),
    # The head of the author's box: "About the author", "Über die Autorin:".
    ("author bio", LazyPattern(
        r"(?i)^(?:about the author|über den autor|über die autorin|sobre el autor|à propos de l'auteur)\b"),
        ("about the author", "ber den autor", "ber die autorin", "sobre el autor", "propos de l'auteur"), 40),
    # Bylines beyond English: "Von Mara Quell", "Par Loïc Brenn | 31.10.23", "Por Ana Ruiz y Tomas Brenn",
    # "di Giulia Ferraro", "Av Kari Lund".
    # The name's words are capitalised and lower case after their first letter ("POR ESO …" is a
    # shouted headline), and nothing after them ends a sentence.
    ("byline", LazyPattern(
        r"^(?:[Vv]on|[Pp]or|[Pp]ar|[Dd]oor|[Bb]y|[Dd]i|[Aa]v|[Aa]f)\s*:?\s+" + _NAME_WORD
        + r"(?:\s+(?:(?:van|von|de|der|den|da|di|du|del|della|dos|le|la|ter|ten)\s+)*" + _NAME_WORD + r"){0,3}"
        r"(?:\s*(?:[|,/•·–—-]|\bund\b|\band\b|\by\b|\bet\b|\bam\b|\bon\b|\bel\b|\ble\b)\s*.*?)?(?<![.!?])$"),
        ("von", "por", "par", "door", "by", "di", "av", "af"), 14),
    # A byline by job title, alone or with the outlet: "Staff Writer | Harbour Daily", "Our
    # Correspondent", "News Desk, Harbour Daily", "Redaktion | Seeblatt".
    ("byline", LazyPattern(
        r"(?i)^(?:(?:(?:by )?(?:a|our|staff|special|senior|political|foreign|local|online|web)\s+(?:writer|reporter|correspondent|staff)|"
        r"(?:news|web|online|digital|city|foreign) desk|(?:eigener|eigene|unser|unsere) (?:redaktion|korrespondent(?:in)?)|"
        r"(?:la )?rédaction|redacción)(?:\s*[|,/•·–—-]\s*[^.!?|]{1,60})?|"
        r"(?:writer|reporter|correspondent|staff|redaktion)\s*[|,/•·–—-]\s*[^.!?|]{1,60})$"),
        ("writer", "reporter", "correspondent", "desk", "staff", "redaktion", "korrespondent", "rédaction", "redacción"), 8),
    # "Veröffentlicht am 3. Mai von Mara", "Publié le 3 mai par Loïc Brenn", "Posted on May 3 by Mara".
    ("byline", LazyPattern(
        r"(?i)^(?:veröffentlicht|gespeichert|erstellt|geschrieben|publié|publicado|posted|published|written)(?: am| le| el| on)?\s"
        r".{0,40}\b(?:von|par|por|by)\s+\S+(?:\s+\S+){0,3}$"),
        ("ffentlicht", "gespeichert", "erstellt", "geschrieben", "publi", "posted", "written"), 14),
    # The comment form's spam notice and count beyond English: "Diese Website verwendet Akismet …",
    # "There are 0 comments."
    ("comment form", LazyPattern(
        r"(?i)\bverwendet akismet\b|\butilise akismet\b|\butiliza akismet\b|^there (?:are|is) (?:\d+|no) (?:comments?|responses?)\b"),
        ("akismet", "there "), 30),
    # "Folge uns auf Instagram", "Síguenos en Google News", "Suivez-nous".
    ("social / subscribe prompt", LazyPattern(
        r"(?i)^(?:folge|folgt|folgen sie) (?:uns|mir)\b|^(?:síguenos|siguenos|suivez-nous|siga-nos|seguici)\b"),
        ("folg", "guenos", "suivez-nous", "siga-nos", "seguici"), 20),
    # The page asking about itself, in a question put to the reader: "Was this article helpful?",
    # "Hat Ihnen dieser Artikel gefallen?", "Möchten Sie weiterlesen?", "Gefällt dir unser Magazin?".
    # The article named with its article, and the reader or a judging word in the line: "Did the
    # council like the post?" names no reader and stays.
    ("reader prompt", LazyPattern(
        r"(?i)^(?:(?=[^?]*(?:\b(?:you|your|ihnen|dir|euch|du|vous|usted|te)\b|(?-i:\bSie\b)|\b(?:helpful|useful|nützlich|hilfreich|utile|útil)\b))"
        r"[^.!?]{0,60}\b(?:this|the|dieser|diesen|dieses|der|den|cet|cette|ce|este|esta|el)\s+(?:article|story|post|artikel|beitrag|artículo)\b"
        r"[^.!?]{0,60}\?|"
        r"(?:möchten sie|wollen sie|willst du|möchtest du|do you want to|want to|would you like to)\s+"
        r"(?:weiterlesen|mehr lesen|keep reading|continue reading|read on)\s*\?|"
        r"(?:gefällt|gefallen) (?:ihnen|dir|euch) (?:unser|unsere)\b(?:[^.!?]|\.(?=\w)){0,40}\?|"
        r"(?:sie lesen|liest du|lesen sie) gerne? (?:[^.!?]|\.(?=\w)){0,40}\?)"),
        ("article", "story", "post", "artikel", "beitrag", "artículo", "weiterlesen", "mehr lesen", "reading", "read on", "gef", "gern"), 30),
    # An embedded post, video or map the page will not show without consent: "Externer Inhalt",
    # "Klicken Sie auf den Button, um den Inhalt von Kartendienst zu laden.", "Wir stellen ohne
    # dein Einverständnis keine Verbindung zu Twitter her."
    ("embedded content", LazyPattern(
        r"(?i)^(?:externer inhalt|externe inhalte|external content|inhalt laden|load content|contenido externo|contenu externe)\s*$|"
        r"\b(?:klicken sie|klicke|click|tap)\b.{0,60}\b(?:um|to)\b.{0,40}\b(?:inhalte?|content|video|tweet|karte|map)\b.{0,60}"
        r"\b(?:zu laden|anzuzeigen|zu sehen)\b|"
        r"\b(?:click|tap)\b.{0,60}\bto (?:load|view|display|show|see|watch)\b.{0,30}\b(?:content|video|tweet|map|post)\b|"
        r"\bkeine verbindung zu \S+ her\b"),
        ("externe", "external", "inhalt", "content", "contenido", "contenu", "klick", "click", "tap", "verbindung"), 40),
    # Asked to subscribe, in the reader's imperative, however long the line: "Abonnieren Sie
    # kostenlos den Newsletter und bleiben Sie …", "Melde dich hier für unseren Newsletter an!",
    # and the promise of the reader's inbox beyond English ("… in deinen Posteingang liefern").
    ("social / subscribe prompt", LazyPattern(
        r"(?i)(?:^|[.!?:]\s+)(?:abonnieren sie|abonniere|abonniert|subscribe to|sign up for|melde dich|melden sie sich|"
        r"suscríbete|suscríbase|abonnez-vous|inscrivez-vous)\b.{0,60}\bnewsletters?\b|"
        r"\bin (?:deinen|ihren|euren) posteingang\b|\bdans votre boîte (?:mail|e-mail|de réception)\b|\ben tu bandeja de entrada\b|"
        # an app to download, and push notifications: "… download the Harbour News apps for iOS
        # and Android", "Harbour Daily would like to send you push notifications."
        r"\bdownload (?:the|our) (?:[\w.&'’-]+ ){0,3}apps? for (?:ios|android|iphone)\b|\bsend you (?:push )?notifications\b|^benachrichtigungen? aktivieren\b"),
        ("abonn", "subscribe", "sign up", "melde", "suscr", "inscrivez", "posteingang", "boîte", "bandeja", "download", "send you",
         "benachrichtigung"), 40),
    # The comment form beyond English: logging in to comment ("Sie müssen sich einloggen, um sich an
    # der Diskussion zu beteiligen."), comments closed, and the help text a CMS prints under its
    # comment box ("Zeilenumbrüche und Absätze werden automatisch erzeugt.", "Lines and paragraphs
    # break automatically.").
    ("comment form", LazyPattern(
        r"(?i)\b(?:einloggen|eingeloggt sein|angemeldet sein|anmelden)\b.{0,60}\b(?:kommentar\w*|kommentieren|diskussion)\b|"
        r"\b(?:kommentar\w*|kommentieren|diskussion)\b.{0,60}\b(?:einloggen|eingeloggt sein|angemeldet sein)\b|"
        r"^die kommentarfunktion ist (?:geschlossen|deaktiviert|abgeschaltet)|"
        r"\bzeilenumbrüche und absätze werden automatisch\b|\blines and paragraphs break automatically\b|"
        r"\bpour créer des paragraphes, laissez\b|\b(?:web page|e-?mail) addresses (?:and e-?mail addresses )?turn into links\b"),
        ("einlogg", "eingeloggt", "angemeldet", "anmelden", "kommentarfunktion", "zeilenumbr", "paragraphs break", "paragraphes",
         "turn into links"), 30),
    # A share row's label beyond English: "Mit Freunden teilen", "Teilen Sie dies mit:", "Den Artikel
    # mit anderen teilen:", "Podziel się", "Flattr this:".
    ("share buttons", LazyPattern(
        r"(?i)^(?:mit freunden teilen|teilen sie dies mit|teilen senden|(?:news|seite) teilen|podziel się|flattr this|"
        r"(?:den |diesen )?(?:artikel|beitrag) mit (?:anderen|freunden) teilen(?:/diskutieren)?)\s*:?$"),
        ("teilen", "podziel", "flattr"), 8),
    # A link back to the list the article was opened from: "Zurück zur Übersicht", "< Zurück",
    # "Back to all news", "Retour à la liste" (a headline "Zurück zur Normalität" names no list).
    ("navigation", LazyPattern(
        r"(?i)^(?:[<«←]\s*)?(?:zurück|back|retour|volver)(?:\s+(?:zur|zum|zu den|to(?: the)?(?: all)?|à la|au|aux|a la|al)\s+"
        r"(?:übersicht|liste|startseite|newsroom|suche|suchergebnissen|archiv|blog|news|nachrichten|home|homepage|overview|list|"
        r"results|search|index|articles|liste des articles|accueil|inicio|listado))?(?:\s*[/|»>]\s*\S+)?\s*$"),
        ("zur", "back", "retour", "volver"), 6),
    # A rating widget: "(Noch keine Bewertungen)", "Bewerten Sie dieses Produkt", "Rate this article".
    ("share buttons", LazyPattern(
        r"(?i)^\(?noch keine bewertungen?\)?$|^(?:bewerten sie|bewerte) (?:diesen|dieses|diese|den|das|die)\s+\w+\s*[:!]?$|"
        r"^rate this (?:article|post|story|recipe|product)\s*[:!]?$"),
        ("bewert", "rate this"), 6),
    # The forum's or blog's visitor counter: "13 Besucher sind online", "5 users online".
    ("navigation", LazyPattern(
        r"(?i)^\d+\s+(?:besucher|gäste|mitglieder|users|visitors|guests|members)\s+(?:sind\s+|are\s+)?online\s*(?:\([^()]*\))?\s*\.?$"),
        ("online",), 20),
    # The outlet asking for support beyond English: "Ihr Beitrag hilft, unsere Berichterstattung
    # auszubauen", "Unterstütze Hafenblatt bereits mit 2,50!".
    ("fundraising appeal", LazyPattern(
        r"(?i)\b(?:ihr|dein|jeder) (?:beitrag|spende|unterstützung)\b.{0,20}\bhilft\b.{0,20}\b(?:unsere?|uns)\b|"
        r"^unterstütze\b.{0,40}\bmit (?:nur |bereits |schon )?\d"),
        ("hilft", "unterst"), 40),
    # The terms of reuse and the blog's disclaimer: "Verwendung und Weitergabe der Inhalte nur unter
    # Namensnennung", "Les opinions exprimées … n'engagent que leurs auteurs", "The views expressed
    # are those of the author".
    ("copyright", LazyPattern(
        r"(?i)\b(?:verwendung|vervielfältigung|weitergabe|nutzung)\b.{0,40}\b(?:inhalte|texte|bilder|fotos|beiträge|materials)\b"
        r".{0,40}\bnur (?:mit|unter|nach)\b.{0,40}"
        r"\b(?:genehmigung|namensnennung|zustimmung|quellenangabe)\b|"
        r"\bn['’]engagent que (?:leurs?|son|ses) auteurs?\b|"
        r"\b(?:views|opinions) expressed (?:here |in this \w+ )?are (?:those of the author|the author['’]s own|solely those)\b"),
        ("nur ", "engagent", "expressed"), 40),
    # The picture's enlarge link before or in its caption: "Zum Vergrößern auf das Bild klicken",
    # "Vergrößern Die neue Fähre am Kai", "Click to enlarge".
    ("photo caption / credit", LazyPattern(
        r"(?i)\bzum vergrößern (?:auf (?:das|die) (?:bild|grafik|foto) )?klicken\b|^(?:bild )?vergrößern\b(?!\s+sie\b)|"
        r"\bclick (?:here )?to (?:enlarge|zoom)\b"),
        ("vergrößern", "to enlarge", "to zoom"), 40),
    # The rest behind a subscription: "Subscription will auto renew annually."
    ("paywall prompt", LazyPattern(r"(?i)\bsubscription will (?:automatically |auto[- ]?)renew\b"), ("subscription",), 40),
    # The reader not logged in: "Sie sind nicht verbunden. Loggen Sie sich ein oder registrieren Sie sich".
    ("navigation", LazyPattern(
        r"(?i)^sie sind nicht (?:angemeldet|eingeloggt|verbunden)\b|\bloggen sie sich ein oder registrieren\b|"
        r"^you are not (?:logged|signed) in\b"),
        ("sie sind nicht", "loggen sie", "you are not"), 20),
    # Menu words alone on a line, beyond English: "Startseite", "Anmelden", "Inicio", "Accueil".
    ("navigation", LazyPattern(
        r"(?i)^(?:anmelden|abmelden|einloggen|registrieren|mein konto|benutzerkonto erstellen|konto erstellen|suche|startseite|"
        r"iniciar sesión|registrarse|buscar|inicio|connexion|se connecter|rechercher|accueil|zum seitenanfang|nach oben)\s*$"),
        ("anmelden", "abmelden", "einloggen", "registr", "konto", "suche", "startseite", "iniciar", "buscar", "inicio", "connexion",
         "connecter", "rechercher", "accueil", "seitenanfang", "nach oben"), 4),
]
