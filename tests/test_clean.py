"""story_regions: page junk is marked (never deleted) so it cannot produce discrepancies."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factdiff.clean import story_regions
from factdiff.model import Document, Region

BUNDLED = Path(__file__).resolve().parent.parent / "corpora" / "putin-visit-2023-04"


def bundled(prefix: str) -> Document:
    (path,) = BUNDLED.glob(f"{prefix}_*.txt")
    return Document(id=path.stem, path=str(path), text=path.read_text(encoding="utf-8"))


def region_at(doc: Document, regions: tuple[Region, ...], snippet: str, nth: int = 0) -> Region:
    position = -1
    for _ in range(nth + 1):
        position = doc.text.index(snippet, position + 1)
    return next(r for r in regions if r.start <= position < r.end)


def is_story(doc: Document, snippet: str, nth: int = 0) -> bool:
    return region_at(doc, story_regions(doc), snippet, nth).is_story


def reason(doc: Document, snippet: str, nth: int = 0) -> str:
    return region_at(doc, story_regions(doc), snippet, nth).reason


def make(text: str) -> Document:
    return Document(id="t", path="t.txt", text=text)


def assert_partition(text: str, regions: tuple[Region, ...]) -> None:
    if not text:
        assert regions == ()
        return
    assert regions[0].start == 0 and regions[-1].end == len(text)
    for before, after in zip(regions, regions[1:]):
        assert before.end == after.start
    for region in regions:
        assert region.start < region.end
        assert region.is_story == (region.reason == "")


# --- the partition -----------------------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_bundled_regions_cover_every_character_in_order(prefix: str) -> None:
    doc = bundled(prefix)
    assert_partition(doc.text, story_regions(doc))


# Text built from pieces that trigger the rules (junk markers, dates, line breaks) and noise.
PIECES = st.sampled_from(
    ["\n", "\r\n", "\r", "\n\n", " ", ". ", "...", "5 Comments", "© 2024", "Photo: AP",
     ", left, ", "Advertisement", "By Jane Doe", "---", "http://x.y", "April 18, 2023",
     "Read more:", "Image:", "8 ( +8 / -0 )", "The council voted on Monday to close the bridge. ",
     "Putin visited Kherson", "“Yes.”", "\u2028", "\ufeff", "\t"]
)
TEXTS = st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_any_text_is_partitioned(text: str) -> None:
    assert_partition(text, story_regions(make(text)))


def test_crlf_text_is_partitioned_on_its_own_offsets() -> None:
    text = "World\r\n\r\nPutin visits troops in occupied Kherson region\r\n\r\n" + (
        "Russian President Vladimir Putin visited the headquarters of troops in Ukraine.\r\n"
    )
    doc = make(text)
    regions = story_regions(doc)
    assert_partition(text, regions)
    assert not is_story(doc, "World")
    assert is_story(doc, "Putin visits troops") and is_story(doc, "Russian President")


# --- the bundled story: junk -------------------------------------------------------------------


def test_reader_comments_and_ads_after_the_story_are_junk() -> None:
    doc = bundled("002")
    for snippet in [
        "Get the Perfect Car Loan in Japan!",
        "No permanent residency needed.",
        "Login to comment",
        "Putin's too cowardly",
        "8 ( +8 / -0 )",
        "Pretending to be Christian",
        "A coward, too.",
        "Alleged War Criminal Putin",
        "Use your Facebook account",
        "How to Use Pasmo or Suica",
        "Dine Like a Local",
    ]:
        assert not is_story(doc, snippet), snippet
    # a comment that quotes the story verbatim is still a comment
    quoted = "A video released by the Kremlin and broadcast by Russian state television"
    assert is_story(doc, quoted, nth=0) and not is_story(doc, quoted, nth=1)
    assert reason(doc, "© Copyright 2023 The Associated Press") == "copyright"


def test_page_header_junk_is_not_story() -> None:
    japan = bundled("002")
    assert reason(japan, "Newsletter Signup") == "navigation"
    assert reason(japan, "Russia Putin") == "navigation"
    assert reason(japan, "5 Comments") == "comments"  # a counter under the headline: no tail cut
    assert not is_story(japan, "KYIV, Ukraine")
    wire = bundled("000")
    assert reason(wire, " date 2023-04-18") == "dateline-header"
    assert reason(wire, "Apr 17, 2023, 10:27 PM") == "dateline-header"
    assert reason(wire, "Associated Press's Profile Picture") == "byline"
    assert reason(wire, "BY") == "byline"
    assert reason(bundled("001"), "9:25pm") == "dateline-header"
    guardian = bundled("003")
    assert not is_story(guardian, "World")
    assert not is_story(guardian, "Published") and not is_story(guardian, "on\n")


@pytest.mark.parametrize(
    ("prefix", "snippet", "nth"),
    [
        ("000", "Russian President Vladimir Putin, left,", 0),  # teaser cut short with "..."
        ("000", "Russian President Vladimir Putin, left,", 1),
        ("000", "Credit: ASSOCIATED PRESS", 0),
        ("000", "(Gavriil Grigorov, Sputnik, Kremlin Pool Photo via AP)", 1),
        ("001", "Russian President Vladimir Putin, left,", 0),
        ("001", "Russian President Vladimir Putin, left,", 1),
        ("001", "Oleksiy Danilov, Secretary of", 0),  # a repeated caption, both copies
        ("001", "Oleksiy Danilov, Secretary of", 1),
        ("002", "Russian President Vladimir Putin, left,", 0),
        ("003", "Image:", 0),
        ("003", "Russian President Vladimir Putin disembarks a helicopter", 0),
    ],
)
def test_captions_and_credits_are_junk(prefix: str, snippet: str, nth: int) -> None:
    assert not is_story(bundled(prefix), snippet, nth)


def test_links_and_footers_are_junk() -> None:
    wire = bundled("000")
    assert reason(wire, "___") == "markup"
    assert reason(wire, "Follow the AP’s coverage") == "link"
    guardian = bundled("003")
    for snippet in ["Read more:", "Could Putin be using the war", "Biden ‘concerned’",
                    "Putin visits Ukraine to ‘listen", "Trending", "Exit mobile version"]:
        assert not is_story(guardian, snippet), snippet


def test_a_repeated_headline_counts_once() -> None:
    doc = bundled("004")
    headline = "Putin Visits Military Headquarters in Occupied Eastern Ukraine"
    assert is_story(doc, headline, nth=0)
    assert reason(doc, headline, nth=1) == "duplicate"


# --- the bundled story: what stays --------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["000", "001", "002"])
def test_main_story_sentences_are_story(prefix: str) -> None:
    doc = bundled(prefix)
    assert is_story(doc, "Last month, Putin visited the Russian-held Sea of Azov port city")
    assert is_story(doc, "in the southern Kherson region")
    assert is_story(doc, "Russia annexed the Kherson and Luhansk regions")
    assert is_story(doc, "He expressed confidence that Ukraine will be able to return")
    assert is_story(doc, "We will defeat Russia")


@pytest.mark.parametrize(
    ("prefix", "headline"),
    [
        ("000", "Putin rallies his troops with 2nd Ukraine visit in 2 months"),
        ("001", "Vladimir Putin visits Russian troops in occupied Ukraine"),
        ("002", "Putin visits Russian troops in occupied Ukraine"),
        ("003", "Putin visits occupied Luhansk and Kherson regions of Ukraine, Kremlin says"),
    ],
)
def test_headlines_are_story(prefix: str, headline: str) -> None:
    assert is_story(bundled(prefix), headline)


def test_every_paragraph_of_a_clean_story_is_story() -> None:
    doc = bundled("004")
    for paragraph in doc.text.split("\n\n")[1:]:
        assert is_story(doc, paragraph.strip()[:40])


# --- general rules on made-up pages -------------------------------------------------------------

BODY = (
    "The council voted on Monday to close the old bridge to traffic for six months.\n\n"
    "Engineers found cracks in two of its steel supports during an inspection in March.\n\n"
)


@pytest.mark.parametrize(
    ("line", "why"),
    [
        ("Advertisement", "advert"),
        ("Story continues below advertisement", "advert"),
        ("Share this article", "navigation"),
        ("Sign up / Log in", "navigation"),
        ("Skip to main content", "navigation"),
        ("Photo: Jane Doe/Reuters", "credit"),
        ("Image credit: Getty Images", "credit"),
        ("The old bridge seen from the river bank. (John Smith, AFP via Getty Images)", "caption"),
        ("Mayor Ann Lee (L) and engineer Tom Park inspect the bridge on Monday", "caption"),
        ("Council members, left to right, vote on the plan", "caption"),
        ("Bridge closure could cost the city millions, engineers warn...", "truncated-teaser"),
        ("See https://example.org/bridge for the full report", "link"),
        ("![The bridge](https://example.org/bridge.jpg)", "markup"),
        ("* * *", "markup"),
        ("By Jane Doe and John Roe", "byline"),
        ("Example News' Jane Doe in London contributed to this report.", "byline"),
        ("Updated 3 hours ago", "dateline-header"),
        ("Published: 12 March 2024, 09:15 GMT", "dateline-header"),
    ],
)
def test_general_junk_lines(line: str, why: str) -> None:
    doc = make("City closes old bridge for urgent repairs\n\n" + line + "\n\n" + BODY)
    assert reason(doc, line) == why
    assert is_story(doc, "City closes old bridge") and is_story(doc, "Engineers found cracks")


@pytest.mark.parametrize(
    ("line", "why"),
    [
        ("RELATED: Mayor promises new bridge by the end of the decade", "teaser"),
        ("More: Three other bridges in the county need repairs, report finds", "teaser"),
        ("Read next Ten bridges that changed how cities are built", "teaser"),
        ("Further Reading: How old steel bridges fail", "teaser"),
        ("Recommended: The town that lost its only bridge", "teaser"),
        ("Most Popular: Storm closes ferry service for a week", "teaser"),
        ("► Aug. 15: Bridge inspectors warned of cracks years ago", "teaser"),
        ("Further Reading", "link"),
        ("Image copyright Reuters Image caption The bridge was built in 1932", "caption"),
        ("Media playback is unsupported on your device Media caption The mayor on the closure", "caption"),
        ("Enlarge this image toggle caption Jane Doe/Example News", "caption"),
        ("Photo 3 of 12 Engineers inspect the supports of the bridge", "caption"),
        ("Drivers queue at the closed bridge on Monday. | Getty", "caption"),
        ("Engineers on the bridge on Monday. Jane Doe/Handout via REUTERS", "caption"),
        ("Share this 1.2k shares on Facebook", "navigation"),
        ("Advertisement Continue reading the main story", "advert"),
        ("Get our daily briefing in your inbox. Email Sign Up By signing up you agree to our terms.", "newsletter"),
        ("Want more stories like this? Sign up for our newsletter.", "newsletter"),
        ("For a map of all diversions, click here.", "link"),
        ("For more, follow us on Twitter and Facebook.", "link"),
        ("The bridge is finally closed. Good news for the river! — Jane Doe (@janedoe) May 28, 2014", "embed"),
        ("Queues already at the old bridge pic.twitter.com/AbCdEf123", "embed"),
    ],
)
def test_junk_of_real_news_pages(line: str, why: str) -> None:
    after = "Drivers will be sent on a diversion through the town centre for the next six months.\n"
    doc = make("City closes old bridge for urgent repairs\n\n" + BODY + line + "\n\n" + after)
    assert reason(doc, line) == why
    assert is_story(doc, "City closes old bridge") and is_story(doc, "Engineers found cracks")
    assert is_story(doc, "Drivers will be sent")


def test_story_sentences_about_related_shared_or_recommended_things_stay() -> None:
    lines = [
        "More than 200 people signed a petition asking the council to keep the bridge open.",
        "Related charges against the contractor were dropped in May, the court said.",
        "Engineers recommended closing the bridge after the cracks were found in March.",
        "The mayor shared a photo of the cracks on Facebook and Twitter on Monday evening.",
        "Residents were told by email that the bridge would close for six months.",
        "Watch officials said more inspections of the other bridges would follow this year.",
        "The contractor said it would sign up more engineers to finish the work by October.",
        "Read the full report, the council urged residents, before the meeting in May.",
    ]
    doc = make(BODY + "\n\n".join(lines) + "\n\nThe council will meet again in May to review it.\n")
    for line in lines:
        assert is_story(doc, line), line
    assert is_story(doc, "The council will meet again")


def test_copyright_cuts_off_the_rest_of_the_page() -> None:
    doc = make(
        BODY + "© 2024 Example News. All rights reserved.\n\n"
        "Ten tips for a cheaper summer holiday with the whole family and friends.\n\n"
        "Our readers love this new kitchen gadget that makes dinner in minutes.\n"
    )
    assert reason(doc, "© 2024") == "copyright"
    assert not is_story(doc, "Ten tips") and not is_story(doc, "Our readers love")


def test_comments_section_cuts_off_the_rest_of_the_page() -> None:
    doc = make(
        BODY + "3 Comments\n\nThis council never gets anything right, they should all resign now.\n"
        "12 ( +14 / -2 )\n\n"
        "I drove over that bridge yesterday and it looked perfectly fine to me.\n"
    )
    assert not is_story(doc, "This council never") and not is_story(doc, "I drove over")
    assert reason(doc, "12 ( +14 / -2 )") == "vote-count"


def test_a_comment_counter_at_the_top_does_not_cut_the_story() -> None:
    doc = make("Bridge to close for repairs this summer\n\n12 Comments\n\n" + BODY)
    assert reason(doc, "12 Comments") == "comments"
    assert is_story(doc, "The council voted") and is_story(doc, "Engineers found cracks")


def test_markdown_front_matter_and_headings() -> None:
    doc = make(
        "---\ntitle: Bridge\ndate: 2024-03-12\n---\n\n"
        "# City closes old bridge for urgent repairs\n\n"
        + BODY
        + "---\n"
    )
    assert reason(doc, "title: Bridge") == "markup"
    assert is_story(doc, "# City closes old bridge")
    assert reason(doc, "---", nth=2) == "markup"


def test_short_quotes_and_bullets_in_the_body_stay() -> None:
    doc = make(BODY + "“No.”\n\n- 12 people hurt\n\nShe said it twice.\n")
    assert is_story(doc, "“No.”") and is_story(doc, "- 12 people hurt")
    assert is_story(doc, "She said it twice.")


def test_empty_and_blank_text() -> None:
    assert story_regions(make("")) == ()
    assert story_regions(make(" \n\n")) == (Region(0, 3, False, "blank"),)


def test_story_sentences_that_merely_mention_junk_words_stay() -> None:
    lines = [
        "The report may not be published until the inquiry ends, the minister said.",
        "By Tuesday, April 18, the troops had left the city and returned to their base.",
        "As noted above, the bridge was built in 1932 and last repaired in 1990.",
        "Copyright holders said on Monday they would appeal against the ruling.",
    ]
    doc = make(BODY + "\n\n".join(lines) + "\n\nThe council will meet again in May to review it.\n")
    for line in lines:
        assert is_story(doc, line), line
    assert is_story(doc, "The council will meet again")


WRAPPED = (
    "Bridge to close for urgent repairs\n\n"
    "The council voted on Monday to close the old bridge to traffic for\n"
    "six months after engineers found cracks in two of its steel supports\n"
    "during an inspection in March.\n\n"
    "Drivers will be sent on a diversion through the town centre, which\n"
    "officials said would add about ten minutes to most journeys.\n\n"
    "“We had no choice,” the mayor said. “Safety comes first, and the\n"
    "repairs cannot wait any longer.”\n\n"
    "Advertisement\n\n"
    "© 2024 Example News. All rights reserved.\n\n"
    "Ten tips for a cheaper summer holiday with the whole family and friends.\n"
)


def test_hard_wrapped_paragraphs_are_judged_whole() -> None:
    doc = make(WRAPPED)
    regions = story_regions(doc)
    assert_partition(WRAPPED, regions)
    for snippet in ["six months after", "during an inspection", "officials said would add",
                    "repairs cannot wait", "Bridge to close"]:
        assert is_story(doc, snippet), snippet
    assert reason(doc, "Advertisement") == "advert"
    assert not is_story(doc, "Ten tips")


def test_a_paragraph_that_offers_a_sign_up_once_is_still_the_text():
    """A sales e-mail or a story about a service says "sign up today" once; a sign-up box says
    more in less room."""
    email = (
        "EcoGenius offers smart building systems that cut energy use by up to 30 percent in offices "
        "and schools, and the first month costs nothing. Sign up today and our engineers will visit "
        "your building within a week to plan the installation with your facilities team."
    )
    doc = Document("a", "a.txt", email)
    assert all(r.is_story for r in story_regions(doc))
