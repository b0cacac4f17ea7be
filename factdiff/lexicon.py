"""Closed word classes whose members contradict each other when one replaces another.

Replacing "boys" with "girls", "increase" with "decrease" or "yellow" with "green" changes a fact;
replacing "dumped" with "poured" usually does not. Sentence embeddings cannot tell these apart
(antonyms and co-hyponyms sit as close together as synonyms; measured on SummEdits news dev, a
per-edit embedding shift separates changed from unchanged pairs at only 0.56 balanced accuracy),
so the contrasting sets are listed here: general English, not words of any one story.
Lemmas are matched (spaCy's lemmatizer), so inflections need not be listed.
"""

from __future__ import annotations

# Units of time contrast ("per month" / "per year") unless counted: "a decade" is "ten years".
TIME_UNITS = frozenset("minute hour day week month year decade century".split())

# Sets of mutually exclusive values of one attribute.
CONTRAST_SETS: tuple[frozenset[str], ...] = tuple(
    frozenset(words.split())
    for words in (
        "red orange yellow green blue purple violet pink brown black white grey gray gold silver",
        "man woman",
        "men women",
        "boy girl",
        "male female",
        "brother sister",
        "son daughter",
        "father mother",
        "husband wife",
        "king queen",
        "uncle aunt",
        "nephew niece",
        "grandfather grandmother",
        "he she",
        "him her",
        "his her",
        "mr mrs ms",
        "north south east west northeast northwest southeast southwest northern southern eastern western",
        "spring summer autumn fall winter",
        "morning afternoon evening night",
        "all some none",
        "always never sometimes",
        "everyone nobody",
        "first last",
        "minimum maximum",
        "majority minority",
        "left right",
        "upper lower",
        "inside outside",
        "domestic foreign",
        "public private",
        "civilian military",
        "federal state",
        "democrat republican",
        "democratic republican",
        "liberal conservative",
        "guilty innocent",
        "legal illegal",
        "official unofficial",
        "alive dead",
        "married divorced single",
        "daily weekly monthly yearly annual",
        " ".join(sorted(TIME_UNITS)),
        "beginning middle end",
        "land sea air",
        "voluntary mandatory compulsory optional",
        "secret public",
        "secretly publicly openly",
        "temporarily permanently",
        "because despite",
    )
)

# Pairs of opposites (either order).
_OPPOSITES = """
increase decrease | increase decline | increase drop | increase fall | increase reduce | increase cut
rise fall | rise drop | rise decline | raise lower | raise cut | gain loss | gain lose | grow shrink
growth decline | up down | high low | higher lower | highest lowest | more less | more fewer
most least | many few | larger smaller | largest smallest | big small | bigger smaller
biggest smallest | long short | longer shorter | early late | earlier later | before after
above below | over under | strong weak | stronger weaker | increasing decreasing
win lose | won lost | victory defeat | winner loser | accept reject | approve reject | approve deny
allow ban | allow forbid | allow prohibit | permit ban | support oppose | agree disagree
confirm deny | admit deny | open close | opened closed | start end | begin end | start stop
enter leave | arrive depart | buy sell | bought sold | import export | hire fire | hire lay
add remove | include exclude | join leave | attack defend | succeed fail | success failure
pass fail | rich poor | old new | old young | ancient modern | cheap expensive | hot cold
warm cold | wet dry | safe dangerous | easy difficult | easy hard | possible impossible
likely unlikely | true false | right wrong | correct incorrect | positive negative | best worst
better worse | good bad | sharp slight | sharp steady | fast slow | quick slow | full empty
heavy light | past future | previous next | last next | former current | temporary permanent
partial full | partly fully | rural urban | local national | local international
national international | increase cut | surge plunge | soar plunge | surge slump | boost cut
peace war | ally enemy | friend enemy | arrest release | convict acquit
live die | birth death | born died | lend borrow | send receive | push pull
remove keep | remove add | keep lose | keep sell | save waste | protect attack | hide reveal
hide show | conceal reveal | conceal disclose | release capture | capture free | kill save
kill rescue | injure kill | sick healthy | sick well | ill healthy | strengthen weaken
improve worsen | expand reduce | expand shrink | extend shorten | speed slow | accelerate slow
encourage discourage | spur slow | spur curb | help hurt | benefit harm | praise criticize
praise criticise | welcome reject | welcome condemn | agree refuse | legalize ban | legalise ban
arrive leave | first final | include omit | raise reduce | surplus deficit | profit loss
bull bear | boom bust | inflow outflow | inbound outbound | upstream downstream
ahead behind | top bottom | within outside | input output | internal external | existing new
maximize minimize | present absent | presence absence
online offline | broad narrow | wide narrow | diverse narrow | diverse homogeneous
embrace reject | embrace avoid | embrace shun | highlight ignore | highlight overlook
emphasize downplay | emphasise downplay | connect disconnect | install uninstall | stay leave
substantial modest | substantial minimal | substantial slight | substantial marginal
substantially slightly | substantially minimally | substantially marginally
significantly slightly | significantly marginally
kill arrest | kill capture | kill detain | kill wound | dead injured | dead wounded | dead missing
dead sick | injured missing | wounded missing
""".replace("\n", " | ")  # a line break separates pairs too
OPPOSITES: frozenset[frozenset[str]] = frozenset(
    frozenset(pair.split()) for pair in _OPPOSITES.split("|") if len(pair.split()) == 2
)


# Two sides of one scale: any word of one side is the opposite of any word of the other.
OPPOSED_SIDES: tuple[tuple[frozenset[str], frozenset[str]], ...] = tuple(
    (frozenset(up.split()), frozenset(down.split()))
    for up, down in (
        # what an action does to something: "boosts" / "hinders performance"
        ("help aid boost spur improve enhance promote encourage foster facilitate strengthen benefit",
         "hinder impair hamper impede hurt harm damage undermine discourage weaken worsen"),
        # what is done with news: "unveiling" / "hiding goals"
        ("reveal disclose unveil expose publicize", "hide conceal withhold suppress"),
        # which way in time: "in the years ahead" / "in past years"
        ("ahead upcoming future", "past previous bygone"),
        # how often
        ("always usually often frequently commonly regularly",
         "rarely seldom occasionally never"),
    )
)


_SUFFIXES = (("ies", "y"), ("es", "e"), ("es", ""), ("s", ""), ("ied", "y"), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""))


def stems(word: str) -> frozenset[str]:
    """The word and what it may be an inflection of, for lemmas the tagger got wrong ("impairs"
    read as an adjective, "installed" lemmatized "instal"); only listed words can match, so the
    wrong guesses among these do no harm."""
    word = word.lower()
    return frozenset({word} | {word[: -len(end)] + base for end, base in _SUFFIXES if word.endswith(end) and len(word) > len(end) + 2})


def contrast(a: str, b: str) -> str | None:
    """Why replacing lemma ``a`` by lemma ``b`` changes a fact, or None if nothing says so."""
    a, b = a.lower(), b.lower()
    if a == b or a.startswith(b) or b.startswith(a):
        return None  # "west" / "western", "high" / "higher" say the same thing
    if frozenset((a, b)) in OPPOSITES or any(
        a in up and b in down or b in up and a in down for up, down in OPPOSED_SIDES
    ):
        return "opposite"
    for words in CONTRAST_SETS:
        if a in words and b in words:
            return "contrast"
    return None
