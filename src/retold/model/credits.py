"""An outlet's credit lines, as data: who it says the text came from.

Derived from what cleaning already produced — the removed lines (bylines, sign-offs, notices) and the
body sentences (a wire dateline stays in the first sentence) — so cleaning decides what is article,
and this module only reads what the page says about its sources:

- a dateline's bracket: "VALMORA, March 3 (Meridian) –" (the outlet's own name, or another's kept in
  a copy, or an agency's: kind `wire` when it reads as one);
- a sign-off: "— Reuters", "(dpa)" on a line of its own;
- "with agencies", "with AFP", "avec AFP", "mit dpa";
- a translation credit: "Translated from German by …", "Aus dem Englischen übersetzt von …";
- "This article first appeared in …", "Originally published by …", "Republished from …";
- "Additional reporting by …", "Reporting by …";
- "Source: Northwire", "Quelle: dpa" (a short line, or a field of a meta row "date | Source: X | …");
- a byline or copyright notice naming an organisation that is not the outlet itself.

Pure: no Textual or Rich import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from retold.model.lazy_pattern import LazyPattern, PhrasedPattern  # compiled on first use: a cached story needs none
from retold.model.normalize import fold
from retold.model.story import Outlet


@dataclass(frozen=True)
class Credit:
    kind: str  # wire | agencies | dateline | source | translated | first appeared | additional reporting | reporting | byline | copyright
    source: str  # the name (or language, for `translated`) as the page prints it
    text: str  # the line or phrase it was read from
    own: bool  # the source is the outlet itself ("(Meridian)" in Meridian Press's own dateline)
    where: str  # "body" (a sentence) or "removed" (a line cleaning set aside)
    start: int  # offsets into the outlet's text, as for sentences
    end: int
    language: str | None = None  # for `translated`: the language translated from (ISO 639-1), when known

    @property
    def language_name(self) -> str:
        """For `translated`: the language in English ("Englischen", "l'anglais" → "English"), as
        the credit's own word when it is no language retold names (then it is all there is)."""
        return LANGUAGE_NAMES.get(self.language or "", self.source)

    def describe(self) -> str:
        """'translated from English' (the language named in English; the credit's own words are
        quoted beside it where it is shown), 'dateline names Lantern Wire (its own name)'."""
        source = self.language_name if self.kind == "translated" else self.source
        label = {
            "wire": "credits the agency", "agencies": "credits agencies", "dateline": "dateline names",
            "translated": "translated from", "first appeared": "first appeared in",
            "additional reporting": "additional reporting by", "reporting": "reporting by",
            "byline": "byline names", "copyright": "copyright notice names", "source": "names its source",
        }.get(self.kind, self.kind)
        return f"{label} {source}" + (" (its own name)" if self.own else "")


# News agencies whose names are public knowledge: a bracket or sign-off with one of these is a wire.
_AGENCY_NAMES = sorted(
    (
        "AFP", "AP", "Associated Press", "Reuters", "dpa", "ANSA", "EFE", "Lusa", "ANP", "Belga", "APA",
        "Keystone-SDA", "KNA", "epd", "PA Media", "UPI", "Xinhua", "Kyodo", "TASS", "Europa Press",
        "Agence France-Presse", "Agencia EFE", "Adnkronos", "Yonhap", "AAP", "Canadian Press", "Interfax",
    ),
    key=len, reverse=True,
)
KNOWN_AGENCIES = frozenset(
    fold(name)
    for name in (
        "AFP", "AP", "Associated Press", "Reuters", "dpa", "ANSA", "EFE", "Lusa", "ANP", "Belga", "APA", "SDA",
        "Keystone-SDA", "KNA", "epd", "PA", "PA Media", "UPI", "Xinhua", "Kyodo", "Bloomberg", "TASS", "Europa Press",
        "Agence France-Presse", "Agencia EFE", "Agenzia Nova", "Adnkronos", "AGI", "CTK", "PAP", "TT", "NTB", "Ritzau",
        "STT", "BTA", "MTI", "HINA", "Tanjug", "Anadolu", "Yonhap", "AAP", "CP", "Canadian Press", "RIA Novosti",
        "Interfax", "Ukrinform", "DPA",
    )
)
_ORG_WORDS = frozenset(
    "press news agency wire service services times post daily herald gazette ledger observer online tribune "
    "journal courier agence presse agentur agencia agenzia agência associated media network radio tv "
    "television broadcasting zeitung tageblatt rundschau nachrichten".split()
)
_GENERIC = frozenset("the a an of and press news daily times post online media".split())

# The languages of _LANGUAGE_STEMS as an English sentence names them.
LANGUAGE_NAMES = {"de": "German", "en": "English", "fr": "French", "es": "Spanish", "it": "Italian", "pt": "Portuguese", "nl": "Dutch"}
_LANGUAGE_STEMS = (  # how the languages retold detects are named in those languages
    ("de", ("german", "deutsch", "allemand", "alemán", "aleman", "tedesco", "alemão", "alemao", "duits")),
    ("en", ("english", "englisch", "anglais", "inglés", "ingles", "inglese", "inglês", "engels")),
    ("fr", ("french", "französisch", "franzosisch", "français", "francais", "francés", "frances", "francese", "francês", "frans")),
    ("es", ("spanish", "spanisch", "espagnol", "español", "espanol", "spagnolo", "espanhol", "spaans")),
    ("it", ("italian", "italienisch", "italien", "italiano", "italiaans")),
    ("pt", ("portuguese", "portugiesisch", "portugais", "portugués", "portugues", "portoghese", "português", "portugees")),
    ("nl", ("dutch", "niederländisch", "niederlandisch", "néerlandais", "neerlandais", "neerlandés", "olandese", "holandês", "nederlands")),
)


def language_code(name: str) -> str | None:
    """"German", "Englischen", "l'anglais" → "de", "en", "en"; None for a language not listed."""
    word = fold(name).strip(" '’").split("'")[-1].split("’")[-1]
    for code, stems in _LANGUAGE_STEMS:
        if any(word.startswith(stem[: max(5, len(stem) - 2)]) for stem in stems):
            return code
    return None


_NAME = r"[A-ZÀ-Þ][\w&.'’-]*(?:\s+(?:of|de|du|la|der|des|di|da|van|von|&|[A-ZÀ-Þ][\w&.'’-]*))*"
# "VALMORA, March 3 (Meridian) –": a bracketed name right before the dateline's dash, early in the text.
_DATELINE = LazyPattern(r"^(?:[^.!?()]|(?<=\d)\.){0,60}?\((\w[\w&.'’/ -]{0,38})\)\s*[-–—:]\s")
_SIGN_OFF = LazyPattern(rf"^\s*(?:[-–—]+\s*({_NAME}(?:\s*/\s*{_NAME})?)|\(\s*({_NAME}(?:\s*/\s*{_NAME})?)\s*\))\s*$")
_WITH = LazyPattern(
    r"(?i)(?:^|[\s(])(?:with|avec|mit|con|com|met|and)\s+"
    r"(agencies|agency reports|wires|agences|agenturen|agencias|agenzie|agências|agencias|persbureaus"
    rf"|(?-i:{_NAME}(?:\s*(?:,|/|and|et|und|y|e|en)\s*{_NAME})*))\s*\)?\s*\.?\s*$"
)
# These three are asked of every line and sentence: each stands behind words all its matches hold.
_TRANSLATED = PhrasedPattern(
    r"(?i)\b(?:translated|translation)\s+(?:from\s+(?:the\s+)?(\w+)\s*)?(?:by\b|:)"
    r"|\b(?:aus\s+dem|vom)\s+(\w+?)(?:en|n)?\s+(?:übersetzt|übertragen)"
    r"|\bübersetzung\s+aus\s+dem\s+(\w+?)(?:en|n)?\b"
    r"|\btradu(?:it|ite|ction)\s+(?:de\s+l['’]|du\s+|de\s+)(?!notre\b|nos\b|la\b)(\w+)"
    r"|\btraduc(?:ido|ida|ción)\s+del?\s+(\w+)"
    r"|\btradott[oa]\s+(?:dall['’]|dal\s+)(\w+)"
    r"|\btraduzid[oa]\s+do\s+(\w+)"
    r"|\bvertaald\s+uit\s+het\s+(\w+)"
    r"|\btranslated\s+by\b"
    r"|^\s*translated\s+from\s+(?:the\s+)?(\w+)\s*\.?\s*$"  # a line (or a meta row's field) that says only that
    # A note that the text is a translation of the outlet's own other service: "This text is a
    # translation of our Norse service", "Dieser Text ist eine Übersetzung unseres norrischen
    # Dienstes", "Ce texte est une traduction de notre service norrois" (the language when named).
    r"|\b(?:this|the\s+present)\s+(?:text|article|story|report|piece|item|version|page)\s+(?:is|was|has\s+been)\s+"
    r"an?\s+(?:[\w-]+\s+)?translation\s+(?:of|from)\s+(?:our|the|an?|its)\s+(?:original\s+)?"
    r"(?:(\w+)\s+(?:service|edition|programme|program|broadcast|website|site|desk|original|version|article|report|text)\b)?"
    r"|\b(?:dieser|der\s+vorliegende)\s+(?:text|artikel|beitrag|bericht)\s+ist\s+eine\s+(?:[\w-]+\s+)?übersetzung\s+"
    r"(?:(?:unseres|unserer|des|der|aus\s+unserem|aus\s+dem|von\s+unserem)\s+(\w+?)(?:en|n)?\s+"
    r"(?:dienstes|dienst|programms|programm|angebots|angebot|redaktion|ausgabe|originals?)\b)?"
    r"|\b(?:ce|cet)\s+(?:texte|article|reportage)\s+(?:est|a\s+été)\s+une\s+(?:[\w-]+\s+)?traduction\s+"
    r"(?:(?:de\s+notre|du|de\s+la|de\s+l['’])\s*(?:service|édition|rédaction|programme|site)\s+(\w+))?",
    ("translat", "tradu", "tradott", "vertaald"),  # (the German alternatives need a "ü": no ASCII text holds one)
)
_FIRST_APPEARED = PhrasedPattern(
    r"(?i)\b(?:first\s+appeared|(?:was\s+)?(?:originally|first)\s+published|republished(?:\s+with\s+permission)?"
    r"|reproduced\s+with\s+permission)\s+(?:in|on|by|from|at)\s+(?:the\s+)?(?-i:([A-ZÀ-Þ][\w&.'’-]*(?:\s+[A-ZÀ-Þ][\w&.'’-]*){0,5}))",
    ("appeared", "published", "reproduced"),
)
_REPORTING = PhrasedPattern(
    rf"(?i)\b(additional\s+reporting|reporting)\s+by\s+(?-i:({_NAME}(?:\s*(?:,|and)\s*{_NAME})*))", ("reporting",)
)
# "Source: Northwire", "Quelle: dpa", "Sources: AFP, Reuters": the page names where its text came from.
_SOURCE_LINE = LazyPattern(
    rf"(?i)^\s*(?:source|sources|quelle|quellen|fuente|fuentes|fonte|fontes|bron|via|źródło|źródła|kilde|källa|fonti)\s*:\s*"
    rf"(?-i:((?:{_NAME}|dpa|epd|kna|apa)(?:\s*(?:,|/|;|and|und|et|y|e)\s*(?:{_NAME}|dpa|epd|kna|apa))*))"
    # ... and the outlet's own hand in it: "Źródło: Meridian Sports Wire, oprac. własne"
    rf"(?i:\s*,\s*(?:oprac\.?\s*własne|own (?:editing|reporting)|eigene bearbeitung|elaboración propia))?\s*\.?\s*$"
)
_FIELD_SEPARATOR = LazyPattern(r"\s+[|•·]\s+")  # a meta row's fields: "01.12.2026 17:20 | Source: X | Translated from …"
_BYLINE = LazyPattern(rf"(?i)^\s*(?:by|von|par|por|di|door)\s+(?-i:({_NAME}))\s*(?:[,|–—-].*)?$")
_COPYRIGHT_NAME = LazyPattern(r"(?i)(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}\s*)?(?:[-–]\s*\d{4}\s*)?(.*)$")
_MAX_LINE_WORDS = 16  # a credit line is short; a longer sentence that says "with" is prose


def credits_of(outlet: Outlet, other_names: tuple[str, ...] = ()) -> tuple[Credit, ...]:
    """The outlet's credit lines, in text order, one per (kind, source). A byline is a credit when
    it names an agency, an organisation, or one of `other_names` (the story's other outlets); a
    person's name is not a source."""
    found: list[Credit] = []
    lines: list[tuple[str, str, int, int, str | None]] = []  # text, where, start, end, removal reason
    for removed in outlet.removed:
        lines.append((removed.text, "removed", removed.start, removed.end, removed.reason))
    for sentence in outlet.sentences:
        lines.append((sentence.text, "body", sentence.start, sentence.end, None))
    first_body = [s for s in outlet.sentences[:3]]
    for sentence in first_body:
        match = _DATELINE.match(sentence.text)
        if match and (match.group(1)[0].isupper() or _is_agency(match.group(1))) and _looks_like_dateline(
            sentence.text[:match.start(1) - 1]
        ) and not re.match(
            r"(?i)(photo|foto|image|bild|video)\b", match.group(1)
        ):
            name = match.group(1).strip()
            own = names_match(name, outlet.name, outlet.meta.url)
            kind = "wire" if not own and _is_agency(name) else "dateline"
            head = match.group(0).strip()
            at = outlet.text.find(head, sentence.start, sentence.end)
            start, end = (at, at + len(head)) if at >= 0 else (sentence.start, sentence.end)
            found.append(Credit(kind, name, head, own, "body", start, end))
            break
    for text, where, start, end, reason in lines:
        found.extend(_line_credits(outlet, text, where, start, end, reason, other_names))
    result: list[Credit] = []
    seen: set[tuple[str, str]] = set()
    for credit in sorted(found, key=lambda c: (c.start, c.kind)):
        key = (credit.kind, fold(credit.source))
        if key not in seen:
            seen.add(key)
            result.append(credit)
    return tuple(result)


def _line_credits(
    outlet: Outlet, text: str, where: str, start: int, end: int, reason: str | None, other_names: tuple[str, ...]
) -> list[Credit]:
    out: list[Credit] = []
    if where == "removed" and _FIELD_SEPARATOR.search(text):
        # A meta row of fields: each field is read as a line of its own (and the row whole, below).
        at = 0
        for field in _FIELD_SEPARATOR.split(text):
            offset = text.find(field, at)
            at = offset + len(field)
            if field.strip() and field != text:
                out.extend(_line_credits(outlet, field, where, start + offset, start + offset + len(field), reason, other_names))
    words = len(text.split())
    short = words <= _MAX_LINE_WORDS

    def add(kind: str, source: str, language: str | None = None) -> None:
        source = source.strip(" .,;:")
        if source:
            own = names_match(source, outlet.name, outlet.meta.url) if kind not in ("translated", "reporting", "additional reporting") else False
            out.append(Credit(kind, source, text.strip(), own, where, start, end, language))

    translated = _TRANSLATED.search(text)
    if translated and (short or where == "removed"):
        language = next((g for g in translated.groups() if g), None)
        code = language_code(language) if language else None
        add("translated", language or "another language", code)
    appeared = _FIRST_APPEARED.search(text)
    if appeared and (short or words <= 30):
        add("first appeared", appeared.group(1))
    for match in _REPORTING.finditer(text):
        if short or where == "removed":
            add("additional reporting" if match.group(1).lower().startswith("additional") else "reporting", match.group(2))
    if not short:
        return out
    source_line = _SOURCE_LINE.match(text)
    if source_line and (where == "removed" or words <= 6):
        for part in re.split(r"\s*(?:,|/|;|\band\b|\bund\b|\bet\b|\by\b|\be\b)\s*", source_line.group(1)):
            if part:
                add("wire" if _is_agency(part) else "source", part)
    sign_off = _SIGN_OFF.match(text)
    if sign_off and where == "removed" or sign_off and words <= 4:
        name = sign_off.group(1) or sign_off.group(2)
        if _is_agency(name) or _looks_like_organisation(name):
            add("wire" if _is_agency(name) else "byline", name)
    with_match = _WITH.search(text)
    if with_match and (where == "removed" or words <= 6 or text.strip().startswith("(")):
        name = with_match.group(1)
        if fold(name) in {"agencies", "agency reports", "wires", "agences", "agenturen", "agencias", "agenzie", "agências", "persbureaus"}:
            add("agencies", name)
        elif all(_is_agency(part) for part in re.split(r"\s*(?:,|/|\band\b|\bet\b|\bund\b|\by\b|\be\b|\ben\b)\s*", name) if part):
            for part in re.split(r"\s*(?:,|/|\band\b|\bet\b|\bund\b|\by\b|\be\b|\ben\b)\s*", name):
                if part:
                    add("wire", part)
        elif any(names_match(name, other) for other in other_names):
            # "By Courier staff, with Nordwire": not an agency the world knows, but an outlet of
            # this story, credited as the copy's source.
            add("source", name)
    if reason == "byline" or (where == "removed" and _BYLINE.match(text)):
        byline = _BYLINE.match(text)
        if byline and not _REPORTING.search(text):
            name = byline.group(1)
            if _is_agency(name) or _looks_like_organisation(name) or any(names_match(name, other) for other in other_names):
                add("wire" if _is_agency(name) else "byline", name)
    if (where == "removed" and reason in ("byline", "copyright", "short fragment", "headline-like line (no sentence end)")) or (
        where == "body" and words <= 6
    ):
        for name in _agencies_named(text):
            if not names_match(name, outlet.name, outlet.meta.url):
                add("wire", name)
    if reason == "copyright":
        copyright_match = _COPYRIGHT_NAME.search(text)
        if copyright_match:
            name = re.split(r"(?i)[.|;]|\ball rights\b|\btous droits\b|\balle rechte\b", copyright_match.group(1))[0].strip()
            name = re.sub(r"\s*\d{4}$", "", name).strip()
            if name and (_is_agency(name) or _looks_like_organisation(name)) and not names_match(name, outlet.name, outlet.meta.url):
                add("copyright", name)
    return out


_DATELINE_STOP = frozenset("the a an of and in on at for to with by der die das le la les el il de".split())


def _looks_like_dateline(head: str) -> bool:
    """What stands before a dateline's bracket: a place ("WASHINGTON", "KYIV, Ukraine", "Berlin"),
    maybe a date ("March 3", "9. Juni"), or nothing — not a phrase ("The World Health Organization (WHO) –")."""
    head = head.strip()
    if not head:
        return True
    place, _, rest = head.partition(",")
    words = place.split()
    if not 1 <= len(words) <= 3 or any(fold(w) in _DATELINE_STOP for w in words):
        return False
    if not all(w[:1].isupper() for w in words):
        return False
    return len(rest.split()) <= 5


def _agencies_named(text: str) -> list[str]:
    """Known agencies named as whole words in a short line ("By JOHN DOE Associated Press")."""
    found = []
    for name in _AGENCY_NAMES:
        pattern = rf"(?<![\w-]){re.escape(name)}(?![\w-])"
        if re.search(pattern, text, 0 if len(name) <= 4 else re.IGNORECASE):
            if not any(name in longer for longer in found):
                found.append(name)
    return found


def _is_agency(name: str) -> bool:
    """A known agency's name, or initials of one ("BPA"): 2–6 capitals, nothing else."""
    name = name.strip()
    return fold(name) in KNOWN_AGENCIES or bool(re.fullmatch(r"[A-ZÀ-Þ]{2,6}", name))


def _looks_like_organisation(name: str) -> bool:
    return any(fold(word).strip(".") in _ORG_WORDS for word in name.split())


def _name_tokens(name: str) -> list[str]:
    return [t for t in re.findall(r"\w+", fold(name))]


def names_match(source: str, name: str, url: str | None = None) -> bool:
    """Does a credited `source` ("Meridian", "BPA", "The Harbour Ledger") name the outlet called
    `name` (at `url`)? Every distinctive word of the source is in the name, or the source is the
    name's initials, or the url's site label."""
    source_tokens = _name_tokens(source)
    name_tokens = _name_tokens(name)
    if not source_tokens or not name_tokens:
        return False
    distinctive = [t for t in source_tokens if t not in _GENERIC]
    if distinctive and all(t in name_tokens for t in distinctive):
        return True
    initials = "".join(t[0] for t in name_tokens if t not in ("the", "of", "and"))
    joined = "".join(source_tokens)
    if len(joined) >= 2 and len(source_tokens) == 1 and joined == initials and len(initials) >= 2:
        return True
    if url:
        host = re.sub(r"^(?:https?://)?(?:www\.)?", "", url.strip().lower()).split("/")[0].split(":")[0]
        label = host.split(".")[0] if host else ""
        if label and len(joined) >= 4 and (label == joined or label.replace("-", "") == joined):
            return True
    return False
