"""Tell the story apart from the page junk around it.

Saved web pages carry navigation, captions, photo credits, bylines, ads, copyright footers and
reader comments. Left in, they would align with each other or with story sentences and produce
discrepancies nobody cares about ("Monday" in a caption versus "Tuesday" in the story). Removing
them would break offsets, so instead the whole text is partitioned into Regions, each marked story
or junk with a short reason, and later stages read only the story regions.

The rules are deliberately general (credit markers, caption phrasing, comment widgets, footer
markers, header stubs) rather than tuned to any one site, and work line by line because page junk
comes in lines and paragraphs. Headlines stay story: they carry facts too.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .model import Document, Region
from .pagejunk import (
    CAPTION_LEAD, NEWSLETTER, NEWSLETTER_MAX_CHARS, NEWSLETTER_ONE_MARK_CHARS, PAGE_VOICE, PAGE_VOICE_MAX_WORDS, TEASER, TWEET,
)

BODY_MIN_WORDS = 12  # a story paragraph: at least this many words and a sentence end...
BODY_LONG_WORDS = 25  # ...or at least this many words even without one
SHORT_LINE_WORDS = 5  # fewer words and no sentence end: a label (navigation, section, tags)
SUBHEAD_MAX_WORDS = 15  # an unpunctuated line this short inside the body: subhead or story link
REPEAT_MAX_WORDS = 20  # a body line this short that occurs twice is a caption, not story
URL_MAX_WORDS = 40  # a line with a URL is a link, unless it is a long paragraph that cites one
LONG_LINE_CHARS = 5_000  # a line this long is story text without line breaks, never furniture
WRAP_MIN_CONTINUED = 3  # a text is hard-wrapped if at least this many lines go on mid-sentence
WRAP_MIN_SHARE = 0.3  # ...and they are at least this share of adjacent line pairs
BLOCK_MAX_LINES = 12  # lines a "Read more:" label can claim after itself
CAPTION_MAX_WORDS = 60  # a line under "Image:" longer than this is not its caption

# Reasons after which the rest of the page is footer or comments (see _tail_cut).
TAIL_TRIGGERS = frozenset({"comments", "vote-count", "copyright"})


def story_regions(doc: Document) -> tuple[Region, ...]:
    """Partition ``doc.text`` into consecutive Regions, each story or junk with a reason.

    The regions cover every character in order; blank lines join the region before them.
    """
    lines = _split_lines(doc.text)
    if not lines:
        return ()
    labels = [_line_reason(line.body) for line in lines]
    _label_blocks(lines, labels)
    _front_matter(lines, labels)
    _duplicates(lines, labels)
    _subheads(lines, labels)
    _tail_cut(lines, labels)
    return _merge(lines, labels, len(doc.text))


# --- lines -------------------------------------------------------------------------------------

BLANK = "blank"
STORY = ""


@dataclass(frozen=True)
class _Line:
    start: int
    end: int  # including the line break
    body: str  # stripped content

    @property
    def blank(self) -> bool:
        return not self.body


def _split_lines(text: str) -> list[_Line]:
    """The text's units: its lines, or its paragraphs if the text is hard-wrapped.

    Saved pages put one paragraph on a line, so a line is the unit. Text wrapped at a fixed width
    (plain-text wire copy, markdown) breaks lines mid-sentence; there a run of non-blank lines is
    the unit. segment() uses the same units, so a sentence never straddles two of them.
    """
    lines: list[_Line] = []
    position = 0
    for raw in text.splitlines(keepends=True):
        lines.append(_Line(position, position + len(raw), raw.strip()))
        position += len(raw)
    return _join_wrapped(lines) if _hard_wrapped(lines) else lines


def _hard_wrapped(lines: list[_Line]) -> bool:
    """Many lines that stop mid-sentence and go on in lower case: the text is wrapped."""
    pairs = continued = 0
    for a, b in zip(lines, lines[1:]):
        if a.blank or b.blank:
            continue
        pairs += 1
        if _CONTINUATION.match(b.body) and not _ends_sentence(a.body) and len(a.body) >= 30:
            continued += 1
    return continued >= WRAP_MIN_CONTINUED and continued >= pairs * WRAP_MIN_SHARE


def _join_wrapped(lines: list[_Line]) -> list[_Line]:
    """Runs of non-blank lines become one unit; list items, headings and rules stay apart."""
    units: list[_Line] = []
    for line in lines:
        previous = units[-1] if units else None
        if (
            previous is not None
            and not previous.blank
            and not line.blank
            and not _BLOCK_START.match(line.body)
            and not _MARKUP.match(line.body)
            and not _MARKUP.match(previous.body)
        ):
            units[-1] = _Line(previous.start, line.end, previous.body + " " + line.body)
        else:
            units.append(line)
    return units


def _words(body: str) -> list[str]:
    return _WORD.findall(body)


_WORD = re.compile(r"\S*[^\W\d_]\S*")
_SENTENCE_END = re.compile(r"[.!?]['\"”’»)\]]*\s*$")
_BULLET = re.compile(r"^(?:[-*+•·]|\d{1,2}[.)])\s+")
_BLOCK_START = re.compile(r"^(?:[-*+•·]\s|\d{1,2}[.)]\s|#{1,6}\s|>)")
_CONTINUATION = re.compile(r"^[a-z]")


def _ends_sentence(body: str) -> bool:
    return bool(_SENTENCE_END.search(body)) and not _ELLIPSIS_END.search(body)


def _is_body(body: str) -> bool:
    """A line that reads like a story paragraph rather than a label or headline."""
    words = len(_words(body))
    return words >= BODY_LONG_WORDS or (words >= BODY_MIN_WORDS and _ends_sentence(body))


# --- single-line rules -------------------------------------------------------------------------

_I = re.I
_MARKUP = re.compile(
    r"^(?:(?:[-_*=~#+]\s*){3,}"  # horizontal rules
    r"|!\[[^\]]*\]\([^)]*\)"  # markdown image
    r"|\|?[\s:|-]*-{3,}[\s:|-]*\|?"  # markdown table rule
    r"|(?:</?[a-z][^>]*>\s*)+"  # stray tags
    r"|\{[^{}]*\}|<!--.*-->)$",
    _I,
)
_MD_LINK_ONLY = re.compile(r"^[-*+•]?\s*\[[^\]]*\]\([^)]*\)\W*$")
_URL = re.compile(r"https?://|\bwww\.[a-z0-9-]+\.", _I)
_LINK_HEADING = re.compile(
    r"^(?:read|see|watch|listen)\s+(?:more|also|next)\b.{0,40}$"
    r"|^(?:related|more)"
    r"(?:\s+(?:stories|articles|coverage|news|on\s+this\s+story|on\s+this|reading))?\s*:?$"
    r"|^more\s+(?:on|from|about)\s+.{0,40}:$"
    r"|^(?:further\s+reading|recommended\s+(?:reading|stories|articles)|you\s+(?:may|might)\s+also\s+like"
    r"|(?:also|read)\s+(?:read|also|next)|editor['’]?s?\s+picks)\s*:?$",
    _I,
)
_FOLLOW = re.compile(
    r"^follow\b.{0,80}\b(?:coverage|twitter|facebook|instagram|linkedin|us|updates)\b", _I
)
_COPYRIGHT = re.compile(
    r"^(?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\)|\d{4}))|©\s*\d{4}|\ball rights reserved\b"
    r"|\bmay not be (?:published|reproduced|redistributed|copied)\b.{0,80}\bwithout\b.{0,20}"
    r"\bpermission\b",
    _I,
)
_COMMENTS = re.compile(
    r"^(?:\d+\s+)?comments?\s*(?:\(\d+\)|:)?$"
    r"|^(?:log\s*in|sign\s*in|register|subscribe)\s+to\s+"
    r"(?:leave\s+|post\s+|add\s+|view\s+)?(?:a\s+|the\s+)?comments?\b"
    r"|^(?:leave|post|add|write)\s+a\s+(?:comment|reply)\b"
    r"|^(?:show|view|load|read|see)\s+(?:all\s+|more\s+)?(?:\d+\s+)?(?:comments|replies)\b"
    r"|^join\s+the\s+(?:conversation|discussion)\b"
    r"|^(?:reader\s+)?comments\s+(?:are\s+closed|policy)\b",
    _I,
)
_VOTES = re.compile(r"^[-+−–]?\s*\d+\s*\(\s*\+\s*\d+\s*/\s*[-−–]\s*\d+\s*\)$")
_ADVERT = re.compile(
    r"^(?:advertisement|advertising|ad|ads|sponsored(?:\s+(?:content|links?|stories))?"
    r"|paid\s+(?:content|post|partner)|promoted(?:\s+stories)?|partner\s+content"
    r"|story\s+continues\s+(?:below|after)\s+(?:this\s+)?(?:advertisement|ad)"
    r"|advertisement\s+continue\s+reading\s+the\s+main\s+story"
    r"|(?:learn|find\s+out|read)\s+more|shop\s+now|buy\s+now|apply\s+now|get\s+started)[.!:]?$",
    _I,
)
_NAV_PHRASE = re.compile(
    r"newsletters?(?:\s+sign\s*-?\s*up)?|sign\s*-?\s*up|sign\s*in|sign\s*out|log\s*-?\s*in"
    r"|log\s*out|register|subscribe|subscription|my\s+account|account|trending(?:\s+now)?"
    r"|most\s+(?:read|popular|viewed|shared)(?:\s+(?:stories|articles))?|more\s*>+"
    r"|popular|recommended(?:\s+for\s+you)?|share(?:\s+this(?:\s+(?:article|story|page))?)?"
    r"|share\s+on\s+\w+|[0-9.,]+k?\s+shares?(?:\s+on\s+\w+)?|shares\s+on\s+\w+|tweet|e-?mail|print"
    r"|facebook|twitter|whatsapp|linkedin|pinterest|reddit|messenger|copy\s+link"
    r"|skip\s+to\s+(?:main\s+)?content"
    r"|exit\s+mobile\s+version|menu|search|home|close|back\s+to\s+top|next\s+(?:article|story)"
    r"|previous\s+(?:article|story)|more\s+stories|listen\s+to\s+this\s+article"
    r"|forgot\s+(?:your\s+)?password|user\s+registration|facebook\s+connect"
    r"|cookie\s+(?:settings|policy)|privacy\s+policy|terms\s+of\s+use"
    r"|contact\s+us|about\s+us|follow\s+us|open\s+in\s+app|continue\s+reading|load\s+more",
    _I,
)
_NAV_RESIDUE = re.compile(r"[\s/|•·,:;!?.()\[\]>-]+")
_BYLINE = re.compile(
    r"^by$|\bprofile\s+(?:picture|photo|image)$"
    r"|^(?:written|reported|reporting|edited|editing|compiled|additional\s+reporting)\s+by\b"
    r"|\bcontributed(?:\s+reporting)?\s+to\s+this\s+(?:report|story|article)\W*$",  # "Jane Doe contributed to this report."
    _I,
)
_BY_NAME = re.compile(r"^by\s+[A-Z]", _I)
_CAPTION_LABEL = re.compile(
    r"^(?:image|photo|photograph|picture|caption|video|graphic|illustration|gallery)s?"
    r"(?:\s+\d+\s+of\s+\d+)?\s*:?$",
    _I,
)
_CREDIT_LINE = re.compile(
    r"^(?:(?:image|photo|photograph|picture|video)s?\s*)?(?:credits?|source|courtesy|by)\s*:"
    r"|^(?:image|photo|photograph|picture|video)s?\s*(?::|by\b)"
    r"|^\([^()]*\)$",
    _I,
)
_AGENCY = (
    r"(?:AP|AFP|Reuters|EPA(?:-EFE)?|Getty\s+Images|Getty|Shutterstock|Alamy|Xinhua|TASS"
    r"|Sputnik|Bloomberg|ANP|PA|dpa|Anadolu)"
)
_CREDIT_MARK = re.compile(
    r"(?i:\bphoto(?:graph)?s?\s*(?:by\b|:)|\bphoto\s+credit\b|\b(?:AP|pool|file|handout)\s+photo\b"
    r"|\bimage\s*:|\bcredit\s*:|\(\s*source\s*:)"
    r"|\bvia\s+" + _AGENCY + r"\b|\bGetty\s+Images\b|\bREUTERS/|\b(?:Reuters|AFP|EPA)/"
    r"|[/|]\s*" + _AGENCY + r"\s*\)?\s*$|\b(?i:source)\s*:\s*" + _AGENCY + r"\b"
    r"|\bvia\s+(?i:" + _AGENCY + r")\s*\)?\s*$"
)
_POSITIONAL = re.compile(
    r",\s*(?:(?:far|second|third|top|bottom|front|back|rear|centre|center|standing|seated)\s+)?"
    r"(?:from\s+)?(?:left|right|centre|center)(?:\s+to\s+(?:right|left))?\s*,"
    r"|\((?:L|R|C|left|right|centre|center)\)",
    _I,
)
_ELLIPSIS_END = re.compile(r"(?:\.\s*\.\s*\.|…)\s*$")
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE_TOKEN = re.compile(
    r"\b\d{4}-\d{2}-\d{2}(?:[t ]\d{2}:\d{2}(?::\d{2})?(?:z|[+-]\d{2}:?\d{2})?)?\b"
    r"|\b" + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?,?(?:\s+\d{4})?\b"
    r"|\b\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTH + r",?(?:\s+\d{4})?\b"
    r"|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b"
    r"|\b\d{1,2}(?::\d{2})+\s*(?:[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.?m\.?(?!\w)"
    r"|\b\d+\s+(?:sec(?:ond)?s?|min(?:ute)?s?|hours?|hrs?|days?|weeks?)\s+ago\b",
    _I,
)
_DATE_FILLER = re.compile(
    r"\b(?:date[d]?|published|posted|first|updated|last|modified|on|at|ago|today|yesterday"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|wed|thu|fri|sat|sun"
    r"|utc|gmt|bst|cet|cest|est|edt|cst|cdt|pst|pdt|et|pt|ist|jst)\b",
    _I,
)
_HEADER_STUB = re.compile(
    r"^(?:(?:first\s+)?published|posted|updated|last\s+updated|modified|on|at|date)\s*:?$", _I
)
# "KYIV, Ukraine" / "WASHINGTON (AP) —": the place stub that opens a wire story.
_DATELINE = re.compile(
    r"^[A-Z][A-Z.'’ -]+(?:,\s*[A-Z][\w.'’ -]*)?(?:\s*\([A-Za-z]+\))?\s*[-—–]?$"
)


def _line_reason(body: str) -> str:
    """Why a line on its own is junk, or STORY; context rules come later."""
    if not body:
        return BLANK
    if len(body) > LONG_LINE_CHARS:
        return STORY  # no page furniture is this long; it is story text without line breaks
    if _MARKUP.match(body):
        return "markup"
    words = _words(body)
    if _MD_LINK_ONLY.match(body) or _FOLLOW.match(body):
        return "link"
    if _URL.search(body) and len(words) <= URL_MAX_WORDS:
        return "link"
    if _LINK_HEADING.match(body):
        return "link"
    if TEASER.match(body):
        return "teaser"
    if TWEET.search(body):
        return "embed"
    if CAPTION_LEAD.search(body):
        return "caption"
    if _VOTES.match(body):
        return "vote-count"
    if _COMMENTS.match(body):
        return "comments"
    if _COPYRIGHT.search(body) and len(body) < 400:
        return "copyright"
    if _ADVERT.match(body):
        return "advert"
    if _CAPTION_LABEL.match(body):
        return "caption"
    if _CREDIT_LINE.match(body) and len(words) <= 12:
        return "credit"
    if _CREDIT_MARK.search(body):
        return "credit" if len(words) <= 6 else "caption"
    if _POSITIONAL.search(body):
        return "caption"
    if _BYLINE.search(body) or (
        _BY_NAME.match(body) and len(words) <= 10 and not _ends_sentence(body)
    ):
        return "byline"
    if _ELLIPSIS_END.search(body):
        return "truncated-teaser"
    if _HEADER_STUB.match(body) or _is_date_header(body):
        return "dateline-header"
    if len(body) <= 200 and not _NAV_RESIDUE.sub("", _NAV_PHRASE.sub("", body)):
        return "navigation"
    marks = len(NEWSLETTER.findall(body))
    if marks and len(body) <= NEWSLETTER_MAX_CHARS and (marks >= 2 or len(body) <= NEWSLETTER_ONE_MARK_CHARS):
        return "newsletter"
    if PAGE_VOICE.search(body) and len(words) <= PAGE_VOICE_MAX_WORDS:
        return "link"
    if len(words) < SHORT_LINE_WORDS and not _ends_sentence(body) and not _BULLET.match(body):
        return "dateline-header" if _DATELINE.match(body) else "navigation"
    return STORY


def _is_date_header(body: str) -> bool:
    """A line that is little but a date or time: a timestamp, not a sentence about a date."""
    if len(body) > 160 or not _DATE_TOKEN.search(body):
        return False
    residue = _DATE_FILLER.sub(" ", _DATE_TOKEN.sub(" ", body))
    words = len(_words(residue))
    if residue.lstrip().lower().startswith("by "):  # "By Jane Doe | April 18, 2023"
        return words <= 6 and not _ends_sentence(body)
    return words <= 2


# --- context rules -----------------------------------------------------------------------------


def _next_nonblank(labels: list[str], index: int) -> int | None:
    for j in range(index + 1, len(labels)):
        if labels[j] != BLANK:
            return j
    return None


def _label_blocks(lines: list[_Line], labels: list[str]) -> None:
    """A bare "Image:" claims the caption right under it; "Read more:" claims the links under it.

    Only lines that follow without a blank line are claimed: a blank line ends the block.
    """
    for i, line in enumerate(lines):
        if _CAPTION_LABEL.match(line.body):
            claim, limit = "caption", 1
        elif labels[i] == "link" and _LINK_HEADING.match(line.body):
            claim, limit = "link", BLOCK_MAX_LINES
        else:
            continue
        for j in range(i + 1, min(len(lines), i + 1 + limit)):
            body = lines[j].body
            if labels[j] == BLANK or (claim == "link" and _is_body(body)):
                break
            if len(_words(body)) > CAPTION_MAX_WORDS:
                break
            if labels[j] == STORY:
                labels[j] = claim


def _front_matter(lines: list[_Line], labels: list[str]) -> None:
    """Markdown front matter (``---`` ... ``---`` at the very top) is metadata, not story."""
    first = _next_nonblank(labels, -1)
    if first is None or lines[first].body != "---":
        return
    for j in range(first + 1, min(len(lines), first + 60)):
        if lines[j].body == "---":
            for k in range(first, j + 1):
                if labels[k] != BLANK:
                    labels[k] = "markup"
            return


def _duplicates(lines: list[_Line], labels: list[str]) -> None:
    """A line seen before is junk; a short line repeated inside the body is a caption, all copies.

    Pages repeat headlines (title plus on-page headline) and captions (alt text plus caption);
    stories do not repeat their own sentences verbatim.
    """
    keys = [" ".join(line.body.split()) for line in lines]
    counts = Counter(k for k, label in zip(keys, labels) if label != BLANK)
    body_started = False
    seen: set[str] = set()
    for i, key in enumerate(keys):
        if labels[i] == BLANK:
            continue
        if labels[i] == STORY:
            if key in seen:
                labels[i] = "duplicate"
            elif (
                body_started
                and counts[key] > 1
                and len(_words(key)) <= REPEAT_MAX_WORDS
            ):
                labels[i] = "duplicate"
            elif _is_body(key):
                body_started = True
        seen.add(key)


def _subheads(lines: list[_Line], labels: list[str]) -> None:
    """Inside the body, a short unpunctuated line is a subhead or a link to another story."""
    body_started = False
    for i, line in enumerate(lines):
        if labels[i] != STORY:
            continue
        if _is_body(line.body):
            body_started = True
        elif (
            body_started
            and not _ends_sentence(line.body)
            and not _BULLET.match(line.body)
            and len(_words(line.body)) <= SUBHEAD_MAX_WORDS
        ):
            labels[i] = "subhead"


def _tail_cut(lines: list[_Line], labels: list[str]) -> None:
    """Once a footer or comments marker follows the story body, the rest of the page is junk.

    A marker counts only after the body has begun, and (if only one paragraph precedes it) only
    when more body precedes it than follows it, so that a comment counter under the headline does
    not cut away the story.
    """
    body = [labels[i] == STORY and _is_body(line.body) for i, line in enumerate(lines)]
    total = sum(body)
    before = 0
    for i, label in enumerate(labels):
        if label in TAIL_TRIGGERS:
            after = total - before
            if before >= 2 or (before == 1 and before >= after):
                rest = "footer"
                for j in range(i, len(labels)):
                    if labels[j] in TAIL_TRIGGERS:
                        rest = "comments" if labels[j] in ("comments", "vote-count") else "footer"
                    elif labels[j] in (STORY, "subhead", "duplicate"):
                        labels[j] = rest
                return
        before += body[i]


def _merge(lines: list[_Line], labels: list[str], length: int) -> tuple[Region, ...]:
    """Blank lines join the region before them; runs with one label become one Region."""
    first = _next_nonblank(labels, -1)
    if first is None:
        return (Region(0, length, False, BLANK),)
    current = labels[first]
    filled: list[str] = []
    for label in labels:
        if label != BLANK:
            current = label
        filled.append(current)
    regions: list[Region] = []
    start = 0
    for i in range(1, len(lines) + 1):
        if i == len(lines) or filled[i] != filled[start]:
            label = filled[start]
            regions.append(Region(lines[start].start, lines[i - 1].end, label == STORY, label))
            start = i
    return tuple(regions)

