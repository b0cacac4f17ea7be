"""Read the versions of one story into Documents.

Each file's bytes are decoded once and the decoded text is kept exactly as it is (line endings,
markup, page junk and all): every later offset points into that text, so nothing here may strip,
normalize or rewrite it. The one exception is HTML, where the page itself is not prose: for an
``.html``/``.htm`` file (or HTML piped on stdin) the Document's text is the main text extracted by
trafilatura, and all offsets refer to that extracted text, not to the HTML source.

Publication dates come, in order of trust, from ``corpus.toml`` (MANIFEST), from the page itself
(TEXT: an HTML page's metadata, or a date header in the first few lines of a plain-text version),
or, for a version that shows none, from the most common date of the others (INFERRED), so that
relative dates ("on Tuesday") can still be resolved and the guess is visible as a guess.
"""

from __future__ import annotations

import re
import sys
import tomllib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any, TextIO

from .errors import InputError
from .model import DateSource, Document

MANIFEST_NAME = "corpus.toml"
TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
STORY_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES
STDIN_ID = "stdin"
HEADER_LINES = 5  # a date header counts only among the first few non-blank lines

# Share of control characters above which decoded bytes are taken to be binary, not text.
_MAX_CONTROL_SHARE = 0.01
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # Unicode Cc less tab and line breaks


def read_corpus(
    paths: Sequence[str | Path], stdin: TextIO | None = None, *, distinct_ids: bool = False
) -> tuple[Document, ...]:
    """Read every version named by ``paths`` (story folders, files, or ``-`` for stdin).

    Raises InputError, naming the path, for anything the user has to fix: a missing path, an empty
    folder, an unreadable, binary or empty file, a bad manifest, duplicate ids, or fewer than two
    versions in total (a discrepancy needs something to differ from). With ``distinct_ids``
    (``factdiff diff old/story.txt new/story.txt``) versions that would share an id are told
    apart by their path instead (``old/story``, ``new/story``).
    """
    if not paths:
        raise InputError("need at least two versions of the story: no input paths given")
    documents: list[Document] = []
    manifests: dict[Path, _Manifest] = {}
    for raw in paths:
        if str(raw) == "-":
            documents.append(_read_stdin(sys.stdin if stdin is None else stdin))
            continue
        path = Path(raw)
        if path.is_dir():
            documents.extend(_read_folder(path, manifests))
        elif path.exists():
            if path.name == MANIFEST_NAME:
                raise InputError(f"{path} is a manifest, not a version: name its folder instead")
            manifest = _manifest_for(path.parent, manifests)
            documents.append(_read_file(path, manifest.entry_for(path.name)))
        else:
            raise InputError(f"no such file or folder: {path}")

    if len(documents) < 2:
        raise InputError(
            f"need at least two versions of the story, got {len(documents)}"
            + (f" ({documents[0].path})" if documents else "")
        )
    if distinct_ids:
        documents = _distinct_ids(documents)
    seen: dict[str, str] = {}
    for doc in documents:
        if doc.id in seen:
            raise InputError(
                f"duplicate document id {doc.id!r}: {seen[doc.id]} and {doc.path}"
                f" (give one another id in {MANIFEST_NAME})"
            )
        seen[doc.id] = doc.path
    return _infer_dates(documents)


def _distinct_ids(documents: list[Document]) -> list[Document]:
    """Colliding ids replaced by the version's path without its suffix, then numbered."""
    counts = Counter(d.id for d in documents)
    renamed = [
        d if counts[d.id] == 1 or d.path == "-" else replace(d, id=Path(d.path).with_suffix("").as_posix())
        for d in documents
    ]
    counts = Counter(d.id for d in renamed)
    taken: Counter[str] = Counter()
    out = []
    for d in renamed:
        if counts[d.id] > 1:
            taken[d.id] += 1
            d = replace(d, id=f"{d.id}~{taken[d.id]}")
        out.append(d)
    return out


# --- files and folders -------------------------------------------------------------------------


@dataclass(frozen=True)
class _Entry:
    """What corpus.toml says about one file."""

    id: str | None = None
    source: str | None = None
    url: str | None = None
    published: date | None = None


@dataclass(frozen=True)
class _Manifest:
    path: Path | None
    entries: dict[str, _Entry]

    def entry_for(self, name: str) -> _Entry:
        if name in self.entries:
            return self.entries[name]
        return self.entries.get(Path(name).stem, _Entry())


def _read_folder(folder: Path, manifests: dict[Path, _Manifest]) -> list[Document]:
    try:
        files = sorted(
            (p for p in folder.iterdir() if _is_story_file(p)),
            key=lambda p: p.name,
        )
    except OSError as exc:
        raise InputError(f"cannot read folder {folder}: {exc.strerror or exc}") from None
    if not files:
        raise InputError(f"no .txt, .md or .html files in folder {folder}")
    manifest = _manifest_for(folder, manifests)
    names = {p.name for p in files} | {p.stem for p in files}
    for key in manifest.entries:
        if key not in names:
            raise InputError(f"{manifest.path}: documents.{key!r} matches no file in {folder}")
    return [_read_file(p, manifest.entry_for(p.name)) for p in files]


def _is_story_file(path: Path) -> bool:
    return (
        not path.name.startswith(".")
        and path.suffix.lower() in STORY_SUFFIXES
        and path.is_file()
    )


def _read_file(path: Path, entry: _Entry) -> Document:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    text = _decode(data, str(path))
    is_html = path.suffix.lower() in HTML_SUFFIXES
    return _make_document(path.stem, str(path), str(path), text, is_html, entry)


def _read_stdin(stream: TextIO) -> Document:
    try:
        buffer = getattr(stream, "buffer", None)
        text = _decode(buffer.read(), "stdin") if buffer is not None else stream.read()
    except OSError as exc:
        raise InputError(f"cannot read stdin: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise InputError("stdin is not text (cannot decode it)") from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\x00" in text:
        raise InputError("stdin looks binary (it contains NUL bytes), not text")
    return _make_document(STDIN_ID, "-", "stdin", text, _looks_like_html(text), _Entry())


def _make_document(
    stem: str, path: str, label: str, text: str, is_html: bool, entry: _Entry
) -> Document:
    if not text.strip():
        raise InputError(f"{label} is empty")
    url = entry.url
    published, published_from = entry.published, DateSource.MANIFEST if entry.published else None
    if is_html:
        text, page_date, page_url = _extract_html(text, label)
        url = url or page_url
        if published is None and page_date is not None:
            published, published_from = page_date, DateSource.TEXT
    if published is None:
        published = _header_date(text)
        published_from = DateSource.TEXT if published else None
    return Document(
        id=entry.id or stem,
        path=path,
        text=text,
        source=entry.source,
        url=url,
        published=published,
        published_from=published_from,
    )


# --- decoding ----------------------------------------------------------------------------------

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def _decode(data: bytes, name: str) -> str:
    """Bytes to text: a BOM decides; else UTF-8; else Windows-1252 if it reads cleanly; else detect.

    Short Western text is routinely misdetected (as cp1250 and worse), and English news is what
    this tool reads, so cp1252 is tried before charset-normalizer's general guess.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                raise InputError(
                    f"{name} has a {encoding} byte-order mark but is not valid {encoding}"
                ) from None
            return _check_text(text, name)
    if b"\x00" in data:
        raise InputError(f"{name} looks binary (it contains NUL bytes), not text")
    try:
        return _check_text(data.decode("utf-8"), name)
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # imported late: only needed for non-UTF-8 files

    western = from_bytes(data, cp_isolation=["cp1252"]).best()
    match = western if western is not None and western.chaos <= 0.1 else from_bytes(data).best()
    if match is None:
        raise InputError(f"{name} is not text in any encoding we can detect (binary?)")
    return _check_text(str(match), name)


def _check_text(text: str, name: str) -> str:
    if not text:
        return text
    controls = len(_CONTROL.findall(text))
    if controls / len(text) > _MAX_CONTROL_SHARE:
        raise InputError(f"{name} looks binary (control characters), not text")
    return text


# --- HTML --------------------------------------------------------------------------------------

_HTML_START = re.compile(r"\A\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.I)


def _looks_like_html(text: str) -> bool:
    return bool(_HTML_START.match(text[:1000]))


def _extract_html(html: str, name: str) -> tuple[str, date | None, str | None]:
    """The page's main text (no comments, tables, images or links), its metadata date and URL."""
    import trafilatura  # imported late: slow to import and only needed for HTML

    try:
        result = trafilatura.bare_extraction(
            html,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            with_metadata=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # trafilatura/lxml raise assorted errors on broken markup
        raise InputError(f"cannot parse HTML in {name}: {exc}") from None

    def field(key: str) -> Any:  # a Document (trafilatura 2.x) or a dict (as_dict / older)
        return result.get(key) if isinstance(result, dict) else getattr(result, key, None)

    text = field("text") or ""
    if not text.strip():
        text = trafilatura.html2txt(html) or ""
    if not text.strip():
        raise InputError(f"{name} has no readable text in its HTML")
    page_date = None
    if field("date"):
        try:
            page_date = date.fromisoformat(str(field("date"))[:10])
        except ValueError:
            page_date = None
    return text, page_date, field("url") or None


# --- manifest ----------------------------------------------------------------------------------


def _manifest_for(folder: Path, cache: dict[Path, _Manifest]) -> _Manifest:
    key = folder.resolve()
    if key not in cache:
        cache[key] = _load_manifest(folder / MANIFEST_NAME)
    return cache[key]


def _load_manifest(path: Path) -> _Manifest:
    """Parse corpus.toml; unknown keys are ignored so manifests can carry notes for people."""
    if not path.is_file():
        return _Manifest(None, {})
    try:
        data = tomllib.loads(path.read_bytes().decode("utf-8-sig"))
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{path}: invalid TOML: {exc}") from None
    story = data.get("story", {})
    if not isinstance(story, dict):
        raise InputError(f"{path}: [story] must be a table")
    documents = data.get("documents", {})
    if not isinstance(documents, dict):
        raise InputError(f"{path}: [documents] must be a table of [documents.\"<file name>\"]")
    entries: dict[str, _Entry] = {}
    for name, table in documents.items():
        where = f'{path}: documents."{name}"'
        if not isinstance(table, dict):
            raise InputError(f"{where} must be a table")
        entries[name] = _Entry(
            id=_optional_str(table, "id", where),
            source=_optional_str(table, "source", where),
            url=_optional_str(table, "url", where),
            published=_parse_published(table.get("published"), where),
        )
    return _Manifest(path, entries)


def _optional_str(table: dict[str, Any], key: str, where: str) -> str | None:
    value = table.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise InputError(f"{where}.{key} must be a non-empty string, got {value!r}")
    return value.strip()


def _parse_published(value: Any, where: str) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value.strip()).date()
        except ValueError:
            pass
    raise InputError(f"{where}.published: {value!r} is not a date (use YYYY-MM-DD)")


# --- dates found in the text -------------------------------------------------------------------

_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE_PATTERNS = (
    re.compile(r"(?<!\d)(?P<year>\d{4})-(?P<mon>\d{2})-(?P<day>\d{2})(?!\d)"),
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b", re.I),
    re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})\b", re.I),
)
_ISO_HEADER = re.compile(r"^\W*date\s*:?\s+(\d{4}-\d{2}-\d{2})\b", re.I)
_PUBLISH_WORD = re.compile(
    r"^\W*(?:first\s+)?(?:published|posted|date[d]?|updated|last\s+updated|modified)\b", re.I
)
_UPDATED_WORD = re.compile(r"\b(?:updated|modified)\b", re.I)
_SEPARATORS = re.compile(r"[|•·]")
# Words that may sit beside a date in a header line without making it prose.
_HEADER_FILLER = re.compile(
    r"\b(?:first|published|posted|dated?|updated|last|modified|on|at|"
    r"mon|tue|wed|thu|fri|sat|sun|(?:mon|tues|wednes|thurs|fri|satur|sun)day|"
    r"am|pm|a\.m\.|p\.m\.|utc|gmt|bst|cet|cest|est|edt|cst|cdt|pst|pdt|et|pt|ist|jst|"
    r"\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?)\b",
    re.I,
)
_MONTH_NUMBERS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}


def _header_date(text: str) -> date | None:
    """A publication date from a header line near the top, or None.

    Conservative on purpose: only the first few non-blank lines count, and only lines that are
    header-like (``date 2023-04-18``, ``Published: April 18, 2023``, a line that is little but a
    date and time). An ISO ``date YYYY-MM-DD`` header wins; then the first publication date; an
    ``Updated`` date is used only when nothing else is there.
    """
    candidates: list[tuple[int, int, date]] = []  # (rank, order, date)
    for order, line in enumerate(_first_lines(text, HEADER_LINES)):
        iso = _ISO_HEADER.match(line)
        if iso:
            found = _safe_date(*map(int, iso.group(1).split("-")))
            if found:
                candidates.append((0, order, found))
                continue
        if len(line) > 160 or not _is_header_line(line):
            continue
        for position, found in _dates_in(line):
            segment = _SEPARATORS.split(line[:position])[-1]
            rank = 2 if _UPDATED_WORD.search(segment) else 1
            candidates.append((rank, order * 1000 + position, found))
    return min(candidates)[2] if candidates else None


def _first_lines(text: str, count: int) -> Iterable[str]:
    taken = 0
    for line in text.splitlines():
        if line.strip():
            yield line.strip()
            taken += 1
            if taken == count:
                return


def _is_header_line(line: str) -> bool:
    if not any(True for _ in _dates_in(line)):
        return False
    if _PUBLISH_WORD.match(line):
        return True
    residue = line
    for pattern in _DATE_PATTERNS:
        residue = pattern.sub(" ", residue)
    residue = _HEADER_FILLER.sub(" ", residue)
    words = re.findall(r"[^\W\d_]{2,}", residue)
    if residue.lstrip().lower().startswith("by "):
        return len(words) <= 6  # "By Jane Doe | April 18, 2023"
    return len(words) <= 2


def _dates_in(line: str) -> Iterable[tuple[int, date]]:
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(line):
            groups = m.groupdict()
            if groups.get("mon"):
                month = int(groups["mon"])
            else:
                month = _MONTH_NUMBERS[groups["month"][:3].lower()]
            found = _safe_date(int(groups["year"]), month, int(groups["day"]))
            if found:
                yield m.start(), found


def _safe_date(year: int, month: int, day: int) -> date | None:
    if not 1900 <= year <= 2100:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _infer_dates(documents: list[Document]) -> tuple[Document, ...]:
    """Give undated versions the most common known date (ties: earliest), marked INFERRED."""
    known = Counter(d.published for d in documents if d.published is not None)
    if not known:
        return tuple(documents)
    most = max(known.values())
    guess = min(day for day, n in known.items() if n == most)
    return tuple(
        d
        if d.published is not None
        else replace(d, published=guess, published_from=DateSource.INFERRED)
        for d in documents
    )
