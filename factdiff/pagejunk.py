"""What real news pages put around a story besides navigation and credits: teasers of the
outlet's other stories, embedded posts, newsletter boxes and the page speaking to its reader,
and broadcasters' caption furniture. :mod:`.clean` marks lines that match as junk.

Found by reading saved pages of many outlets (Multi-News); the patterns are page furniture in
general, never words of one article, and each asks for a form a story sentence does not take
("RELATED:" and a headline; a tweet's signature "— Name (@handle) May 28, 2014").
"""

from __future__ import annotations

import re

# A teaser of another story: "RELATED: <headline>", "More: <headline>", "Read next <headline>",
# "► Aug. 15: <headline>" (a dated list of the outlet's earlier stories).
TEASER = re.compile(
    r"^(?:related(?:\s+(?:video|videos|stories|articles|coverage|content|links?|reading))?|more"
    r"|see\s+also|also\s+(?:read|see)|read\s+(?:more|also|next)|further\s+reading|recommended"
    r"(?:\s+(?:reading|stories|videos?|for\s+you))?|most\s+(?:read|popular|viewed|shared)"
    r"(?:\s+(?:stories|articles))?|you\s+(?:may|might)\s+also\s+like|watch|listen|trending"
    r"|top\s+stories|editor['’]?s?\s+picks?)\s*[:|>»►]\s*\S"
    r"|^(?:read\s+next|related(?:\s+coverage|\s+stories)?|further\s+reading|you\s+(?:may|might)"
    r"\s+also\s+like)\s+(?-i:[A-Z‘'\"“])"
    r"|^[►▶»>]\s*(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}"
    r"|\d{1,2}/\d{1,2}(?:/\d{2,4})?)\s*:",
    re.I,
)
# A tweet embedded in the page: its signature ("— Jane Doe (@janedoe) May 28, 2014"), or a
# picture link; the tweet is the page quoting a post, told in the story's own words if at all.
TWEET = re.compile(
    r"\bpic\.twitter\.com/|[—–-]\s*[^—–()]{1,80}\(@\w{1,15}\)\s*(?:\S+\s+\d{1,2},?\s+\d{4}|\d{4}\b.{0,20})?\s*$"
)
# Newsletter and subscription boxes: the page speaking to its reader.
NEWSLETTER = re.compile(
    r"\bby\s+signing\s+up\b|\byou\s+(?:can\s+)?unsubscribe\b|\bverify\s+you['’]?re\s+not\s+a\s+robot\b"
    r"|\binvalid\s+e-?mail\b|\bsign\s*-?\s*up\s+(?:for\s+our|here|today|now)\b|\bsubscribe\s+now\b"
    r"|\bnever\s+miss\s+(?:a|our|another)\b|\bin\s+your\s+inbox\b|\bthank\s+you\s+for\s+signing\s+up\b"
    r"|\bsign\s+me\s+up\b|\bnewsletters?\s+sign\s*-?\s*up\b|\be-?mail\s+address\b.{0,40}\bsubscribe\b",
    re.I,
)
NEWSLETTER_ONE_MARK_CHARS = 200  # one mark makes a short line a box; a longer paragraph needs two
# (a sales e-mail or a story about a service says "sign up today" once, a sign-up box says more)
# The page pointing elsewhere: "..., click here.", "follow us on Twitter", "become a fan".
PAGE_VOICE = re.compile(
    r"\bclick\s+here\b|\bfollow\s+(?:us|him|her|me|them)\s+on\s+(?:twitter|facebook|instagram)\b"
    r"|\bbecome\s+a\s+fan\b|\blike\s+us\s+on\s+facebook\b",
    re.I,
)
PAGE_VOICE_MAX_WORDS = 60  # a line that speaks to the reader this short is no story paragraph
NEWSLETTER_MAX_CHARS = 700  # a sign-up box is a few lines of small print, not an article
# Caption furniture of broadcasters' pages: "Image copyright AFP Image caption ...", "Media
# playback is unsupported on your device", "Enlarge this image toggle caption ...".
CAPTION_LEAD = re.compile(
    r"^(?:image|media)\s+(?:copyright|caption)\b|^media\s+playback\s+is\s+unsupported\b"
    r"|^enlarge\s+this\s+image\b|\b(?:toggle|hide|show)\s+caption\b"
    r"|^(?:photo|image|slide|picture|gallery)s?\s*\d{1,3}\s*(?:of|/)\s*\d{1,3}\b",
    re.I,
)
