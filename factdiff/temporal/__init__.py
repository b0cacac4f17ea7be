"""Find date mentions in news text and normalize them to comparable ISO values.

Regex-based on purpose (no spaCy, no dateparser): it must be fast, deterministic and keep the
*granularity* a version actually stated, because "in March" vs "on March 17" is a rewording,
not a disagreement.

Resolution rules (news is written in the past tense, so the default is backwards):

* weekday names resolve to the most recent such day on or before the publication date; with
  "next"/"this coming"/"upcoming"/"coming" the first such day after it; with "last"/"this past"
  the most recent one strictly before it;
* a month name without a year resolves to the most recent such month on or before the
  publication month ("in April" in April 2023 is 2023-04, "in May" is 2022-05); "last <month>"
  to the most recent one strictly before the publication month; "next <month>" to the first one
  after it; "<month> last year"/"this year"/"next year" to that month of that year;
* a month and day without a year ("April 18th", "Sunday April 16th") resolves to the most
  recent such date on or before the publication date; a weekday next to a date is ignored;
* "today", "tonight", "this morning", "yesterday", "last night", "tomorrow", "the day before
  yesterday"; "N days/weeks/months/years/decades ago"; "in N years"; "last/this/next
  week|month|year" (optionally preceded by early/late/earlier/later) and "over the weekend";
  an early/late/mid qualifier is kept in the mention's text but never changes the value;
* seasons are supported at ``season`` granularity (meteorological, northern hemisphere:
  spring = Mar-May, summer = Jun-Aug, autumn = Sep-Nov, winter = Dec-Feb, labelled with the year
  its December falls in): "in the spring"/"over the winter" resolve to the most recent such
  season that has started by the publication date, "last spring" to the one before the current
  season, "next spring" forward, "this spring" to the one labelled with the publication year
  (in January/February "this winter" is the current winter); "spring 2022" is absolute;
* bare years (1900-2099) only count in a date-ish context (after in/since/by/until/before/
  after/of/from/to/during/through/between/early/late/mid, before "'s", or next to a month name)
  and never when a plural noun follows ("in 2000 stores"); decades "1990s" are ``decade``;
* a span of years ("the 2013–16 outbreak", "1998–2001", "2013-2016") is one mention of
  ``year`` granularity whose value is ``2013/2016`` (from the start of the first year to the
  end of the last), date enough without a preposition; so "16" is never a number against
  "2016". A hyphenated later two-digit year wins over an ISO month ("2010-11" is two years).

* a day told from the story's own last date ("two days later", "a day earlier", "the next day",
  "the following morning", "that night", "the same day", "the day before.") has the key
  ``rel:narr:<days>`` and no value from the publication date: the comparison anchors it to the
  date the version told before it (:func:`shifted` moves that date), or drops it.

Durations ("for 14 months", "two months of fighting", "the last year") are never dates. Time of
day, numeric dates such as 4/18/2023, and holidays ("Good Friday") are ignored.

A relative mention's ``key`` (``rel:month:-1``, ``rel:weekday:tue``, ``rel:month-name:9``,
``rel:date:04-16``...) does not depend on the publication date, so two versions whose dates are
unknown can still be compared (:func:`same_date`); :func:`resolve_key` turns a key into a value.
"""

from .find import find_dates
from .values import (
    DAY, DECADE, GRANULARITIES, MONTH, SEASON, WEEK, YEAR, DateMention, granularity_of_key, resolve_key,
    same_date, shifted, within,
)

__all__ = [
    "DAY",
    "DECADE",
    "GRANULARITIES",
    "MONTH",
    "SEASON",
    "WEEK",
    "YEAR",
    "DateMention",
    "find_dates",
    "granularity_of_key",
    "within",
    "resolve_key",
    "same_date",
    "shifted",
]
