"""Find numbers in news text and normalize them for comparison across versions.

Regex-based for speed and control. A mention's ``text`` covers the number itself with its
currency sign, scale word and percent sign ("$1.8 billion", "11 per cent", "eight and a half");
the qualifier ("about") and the counted noun are reported separately, not included.

Rules:

* values: digits with thousands commas and decimals, unicode and "8 1/2" fractions,
  "8-and-a-half"; number words ("twenty-five", "a hundred", "one hundred and twenty",
  "a dozen", "two dozen", "half a million"); scale words and abbreviations ("2.5 billion",
  "$2.5bn", "£5m": ``m``/``k``/``b`` stuck to digits are scales after a currency sign, and
  ``m`` also before a plural noun, "8m refugees"; otherwise "100m" is 100 with unit ``m``);
* ``unit`` is ``percent``/``percentage point``, an ISO currency code (``USD``, ``GBP``, ``EUR``,
  ``AUD``..., from a sign, a code or a currency word after the number), or the counted noun:
  the first word after the number, skipping "of (the)" and up to two modifiers (adjective-like
  words: a short list, hyphenated words, typical adjective suffixes, capitalized words before
  another noun), lowercased and singularized with simple rules ("person" and "people" are both
  ``people``); "" if no noun follows;
* ``qualifier`` is "", "about" (about, around, roughly, approximately, some, nearly, almost,
  close to, an estimated), "more than" (more than, over, above, upwards of, in excess of),
  "at least" (also no fewer/less than), "less than" (less than, under, below, fewer than) or
  "up to" (also no more than, as many as);
* ordinals ("2nd", "second", "twenty-first") have ``ordinal`` True; "second" is skipped when it
  is clearly the time unit and "first" after "at" or capitalized mid-sentence ("First Lady");
* vague amounts ("dozens", "hundreds of thousands", "several", "a few", "numerous",
  "scores") have ``vague`` True and their lower bound as value; they never conflict;
* "one" is not a number in pronoun use: before of/another/'s or nothing, after
  the/this/that/which/no/any/every/each/such; number words capitalized mid-sentence are names
  ("World War Two", "Formula One");
* times of day ("1:34 PM", "13:34", "10am") have unit ``time of day`` (``time of day edt`` where
  a zone follows) and as value the minutes on a twelve-hour dial (a time given without am/pm is
  not taken for another);
* not numbers: digits glued to letters (MH17, F-16, COVID-19, 5G, 1990s), slashes (24/7, 9/11,
  1/2 on its own), fractions ("two-thirds", "a third of"), digit strings
  longer than 15 digits;
* in ranges ("10-15 million", "$10 to $15 million", "10 to 15 people") the scale, currency and
  unit are shared between both ends.
"""

from .agree import numbers_agree
from .mention import CLOCK_UNIT, MEASURE_UNITS, QUALIFIERS, NumberMention, is_bare_year, is_clock
from .parse import find_numbers
from .patterns import TIME_ZONE
from .units import singularize

__all__ = ["CLOCK_UNIT", "MEASURE_UNITS", "TIME_ZONE", "is_bare_year", "is_clock", "QUALIFIERS", "NumberMention", "find_numbers", "numbers_agree", "singularize"]
