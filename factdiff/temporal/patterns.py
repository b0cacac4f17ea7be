"""The words and regular expressions the date finder (:mod:`.find`) matches, compiled once."""

from __future__ import annotations

import re

from .values import WEEKDAYS


_MONTH_NAMES = (
    "january february march april may june july august september october november december"
).split()
MONTHS: dict[str, int] = {name: i for i, name in enumerate(_MONTH_NAMES, 1)}
MONTH_ABBR: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
ALL_MONTHS = {**MONTHS, **MONTH_ABBR}
# Month names that are also common words or names: only dates with a day/year or in a date-ish
# context (preposition, last/next/this, early/late/mid, or a list of months).
AMBIGUOUS_MONTHS = frozenset({"may", "march"})


WEEKDAY_INDEX = {name: i for i, name in enumerate(WEEKDAYS)}


SEASONS = {"spring": 0, "summer": 1, "autumn": 2, "fall": 2, "winter": 3}


UNIT_WORDS = "day week weekend month year decade".split()
PART_OF_DAY = "night morning afternoon evening".split()
DAY_WORDS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}

SMALL_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}  # fmt: skip
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS_1_9 = "one|two|three|four|five|six|seven|eight|nine"
_COUNT = (
    rf"[0-9]{{1,4}}|(?:{_TENS})(?:[\s-](?:{_UNITS_1_9}))?"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|an|a"
)


_I = re.IGNORECASE
_MONTH_ALT = "|".join(sorted(ALL_MONTHS, key=len, reverse=True))
_MONTH_RE = rf"(?:{_MONTH_ALT})\b\.?"
_YEAR_RE = r"(?:1[0-9]{3}|20[0-9]{2})(?![0-9])"
_DAYNUM_RE = r"[0-3]?[0-9](?:st|nd|rd|th)?(?![0-9])"

# One cheap token pass finds candidate anchors (a big alternation regex is several times slower).
TOKEN = re.compile(r"[0-9]+|[A-Za-z]+")
_ANCHOR_WORDS = frozenset(
    list(ALL_MONTHS) + WEEKDAYS + list(DAY_WORDS) + [u + "s" for u in UNIT_WORDS]
    + UNIT_WORDS + PART_OF_DAY + list(SEASONS)
)  # fmt: skip
CANDIDATE_FORMS = frozenset(f for w in _ANCHOR_WORDS for f in (w, w.title(), w.upper()))

ISO = re.compile(r"(1[0-9]{3}|20[0-9]{2})-([01][0-9])(?:-([0-3][0-9]))?(?![0-9]|-[0-9])")
# "17 March 2022", "17th of March, 2022", "18 April"
DMY = re.compile(
    rf"(?P<d>{_DAYNUM_RE})(?:\s+of)?\s+(?P<m>{_MONTH_RE})(?:\s?,?\s+(?P<y>{_YEAR_RE}))?", _I
)
# "March 17, 2022", "Apr. 17", "April 18th"
MDY = re.compile(rf"(?P<m>{_MONTH_RE})\s+(?P<d>{_DAYNUM_RE})(?:\s?,?\s+(?P<y>{_YEAR_RE}))?", _I)
# "March 2022", "March of 2022", "Mar. 2022"
MY = re.compile(rf"(?P<m>{_MONTH_RE}),?(?:\s+of)?\s+(?P<y>{_YEAR_RE})", _I)
# "2013–16", "1998–2001", "2013-2016"; not an ISO date ("2013-11-05").
YEAR_RANGE = re.compile(r"(?P<a>19[0-9]{2}|20[0-9]{2})\s?[-–—]\s?(?P<b>[0-9]{2}|19[0-9]{2}|20[0-9]{2})(?![0-9]|[-–][0-9])")
YEAR_SUFFIX = re.compile(r"(?:,?\s+of)?,?\s+(?P<w>last|this|next)\s+year\b", _I)
DECADE_RE = re.compile(r"(1[0-9]|20)[0-9]0['’]?s\b")
WEEKDAY_DATE_GAP = re.compile(r",?\s+(?:the\s+)?")
# "Monday in February": a weekday of a named month (the month's full name, capitalised).
WEEKDAY_IN_MONTH = re.compile(r"\s+in\s+(?P<m>" + "|".join(n.capitalize() for n in MONTHS) + r")\b(?!,?\s+\d)")
SEASON_YEAR = re.compile(rf"(?:\s+of)?\s+(?P<y>{_YEAR_RE})(?:[-/–][0-9]{{2,4}}\b)?", _I)
OF_AFTER = re.compile(r"\s+of\b", _I)
AGO_AFTER = re.compile(r"\s+ago\b", _I)
TIME_AFTER = re.compile(r"['’]?\s+time\b", _I)
POSSESSIVE_AFTER = re.compile(r"['’]s\b")
NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")
PREV_WORD = re.compile(r"(\w+)[ \t]+\Z")

# Look-backs: searched in text[s-window:s], anchored at the anchor's start with \Z.
# A day counted from the story's own last date, not from the publication date ("a day later",
# "the next morning", "that night", "the day before."): the offset in days.
LATER_AFTER = re.compile(r"\s+(?P<w>later|earlier)\b", _I)
LB_NARRATIVE = re.compile(r"\b(?P<w>the\s+next|the\s+following|the\s+previous|the\s+same|that)\s+\Z", _I)
NARRATIVE_OFFSET = {"the next": 1, "the following": 1, "the previous": -1, "the same": 0, "that": 0}
NOT_NARRATIVE_AFTER = re.compile(r"\s+(?:care|trip|job|shift|school|club|show|news|time|off)\b", _I)  # a compound: "day care"
LB_THE_ALONE = re.compile(r"\bthe\s+\Z", _I)
BEFORE_AFTER_ALONE = re.compile(r"\s+(?P<w>before|after)(?=\s*(?:[,.;:!?)\]]|\Z))", _I)  # "the day before."
MAX_NARRATIVE_DAYS = 31  # "45 days later" counts a stretch, not a day the reader can place
LB_QUAL = re.compile(r"\b(?P<q>early|late|earlier|later|mid)(?:\s+|-)\Z", _I)
LB_MID = re.compile(r"\b(?P<q>early|late|mid)(?:\s*-\s*|\s+)\Z", _I)
LB_MOD = re.compile(
    r"\b(?P<mod>this\s+coming|this\s+past|last|next|this|upcoming|coming)\s+\Z", _I
)
LB_THE = re.compile(r"\b(?:the|a|an|that|each|every|of\s+the)\s+\Z", _I)
LB_PREP = re.compile(
    r"\b(?:in|since|by|until|till|through|throughout|during|from|to|of|before|after|between"
    r"|around|on|into|for|last|next|this|coming|upcoming|past|early|late|earlier|later|mid"
    r"|each|every|end|start|beginning|middle)(?:\s+the)?(?:\s+|-)\Z",
    _I,
)
LB_MONTH_LIST = re.compile(
    rf"\b{_MONTH_RE}(?:\s+[0-9]{{1,2}})?,?\s*(?:and|or|to|through|until|-|–|,)\s*\Z", _I
)
LB_YEAR_PREP = re.compile(
    r"\b(?:in|since|by|until|till|before|after|of|from|to|during|through|throughout|between"
    r"|circa|around|early|late|mid|fiscal|year)(?:\s*-\s*|\s+)\Z",
    _I,
)
LB_YEAR_LIST = re.compile(r"[0-9]{4}s?\s*(?:,|and|or|to|-|–|through|until)\s*\Z", _I)
LB_COUNT = re.compile(rf"(?<![\w.,/½¼¾-])(?P<n>{_COUNT})(?:\s+|-)\Z", _I)
LB_IN_COUNT = re.compile(rf"\bin\s+(?P<n>{_COUNT})\s+\Z", _I)
LB_DURATION_CUE = re.compile(
    r"\b(?:first|last|highest|lowest|biggest|largest|smallest|fastest|slowest|best|worst"
    r"|strongest|weakest|deadliest|longest|shortest|most|least|ever|time|times|once|only"
    r"|record|sharpest|steepest)\b[^.;:!?]{0,30}\Z",
    _I,
)
LB_WEEKEND = re.compile(r"\b(?:over|during|at|on|across|through|throughout)\s+the\s+\Z", _I)
LB_DAY_BEFORE = re.compile(r"\bthe\s+day\s+(?P<w>before|after)\s+\Z", _I)
LB_PART_OF_DAY = re.compile(r"\b(?P<w>this|last)\s+\Z", _I)
LB_SEASON = re.compile(
    r"\b(?:(?P<q1>early|late)\s+)?(?P<mod>this\s+coming|this\s+past|last|next|this|coming"
    r"|upcoming)\s+(?:(?P<q2>early|late)\s+)?\Z",
    _I,
)
LB_SEASON_PREP = re.compile(
    r"\b(?:in|over|during|through|throughout|since|until|by|before|after|into|for)"
    r"\s+(?:the\s+)?(?:(?:early|late|mid)(?:\s+|-))?\Z",
    _I,
)
LB_NOT_WEEKDAY = re.compile(
    r"\b(?:good|black|super|bloody|easter|palm|ash|holy|maundy|cyber|shrove|giving|whit)\s+\Z",
    _I,
)
NOT_WEEKDAY_AFTER = re.compile(
    r"\s+(?:Times|Telegraph|Express|Mirror|Post|Herald|Mail|Star|Independent|Tribune|Sport"
    r"|People|Night\s+Live|Service|School|Roast|Best)\b"
)
SENTENCE_START = re.compile(r"(?:\A|[.!?:;\n\"“”‘'(\[—–-])\s*\Z")

WINDOW = 48

# Plural nouns after a bare year mean it is a count ("in 2000 stores"); these words end in -s
# but are not such nouns.
NOT_PLURAL_NOUNS = frozenset(
    "this thus plus always perhaps whereas besides sometimes afterwards towards across its his "
    "has was is as us yes unless".split()
)
