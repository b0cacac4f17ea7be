"""read_corpus: what counts as a version, how it is decoded, and where its date comes from."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest

from factdiff.errors import InputError
from factdiff.model import DateSource
from factdiff.read import read_corpus

BUNDLED = Path(__file__).resolve().parent.parent / "corpora" / "putin-visit-2023-04"

STORY_A = "Putin visited troops in Kherson on Tuesday.\nThe Kremlin released a video.\n"
STORY_B = "Putin visited troops in Luhansk on Monday.\nThe Kremlin released a video.\n"


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def story_folder(tmp_path: Path, **files: str | bytes) -> Path:
    folder = tmp_path / "story"
    folder.mkdir()
    for name, content in files.items():
        write(folder, name.replace("__", "."), content)
    return folder


# --- what counts as a version ------------------------------------------------------------------


def test_a_folder_gives_its_txt_md_and_html_files_sorted_by_name(tmp_path: Path) -> None:
    folder = story_folder(
        tmp_path,
        b__md=STORY_B,
        a__txt=STORY_A,
        c__html="<html><body><article><p>" + "Putin visited troops in Kherson. " * 5
        + "</p></article></body></html>",
        notes__json="{}",
        **{".hidden__txt": STORY_A},
    )
    docs = read_corpus([folder])
    assert [d.id for d in docs] == ["a", "b", "c"]
    assert docs[0].path == str(folder / "a.txt")


def test_files_can_be_named_directly(tmp_path: Path) -> None:
    a = write(tmp_path, "one.txt", STORY_A)
    b = write(tmp_path, "two.txt", STORY_B)
    docs = read_corpus([str(a), b])
    assert [d.id for d in docs] == ["one", "two"]
    assert docs[1].text == STORY_B


def test_dash_reads_stdin_as_document_stdin(tmp_path: Path) -> None:
    a = write(tmp_path, "one.txt", STORY_A)
    docs = read_corpus([a, "-"], stdin=io.StringIO(STORY_B))
    assert [d.id for d in docs] == ["one", "stdin"]
    assert docs[1].text == STORY_B


def test_stdin_bytes_are_decoded_like_files(tmp_path: Path) -> None:
    a = write(tmp_path, "one.txt", STORY_A)
    stream = io.TextIOWrapper(io.BytesIO("Café owners said naïve things.\n".encode("cp1252")))
    docs = read_corpus([a, "-"], stdin=stream)
    assert docs[1].text == "Café owners said naïve things.\n"


# --- errors the user must fix ------------------------------------------------------------------


def test_missing_path_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    with pytest.raises(InputError, match="nope.txt"):
        read_corpus([missing, write(tmp_path, "a.txt", STORY_A)])


def test_empty_folder_is_an_error(tmp_path: Path) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    with pytest.raises(InputError, match="no .txt, .md or .html files in folder .*empty"):
        read_corpus([folder])


def test_folder_without_story_files_is_an_error(tmp_path: Path) -> None:
    folder = story_folder(tmp_path, data__json="{}", corpus__toml="")
    with pytest.raises(InputError, match="no .txt"):
        read_corpus([folder])


@pytest.mark.parametrize("content", ["", "   \n\t\r\n  ", "\ufeff"])
def test_empty_or_whitespace_file_is_an_error(tmp_path: Path, content: str) -> None:
    folder = story_folder(tmp_path, a__txt=STORY_A, blank__txt=content)
    with pytest.raises(InputError, match=r"blank\.txt is empty"):
        read_corpus([folder])


def test_nul_bytes_mean_binary(tmp_path: Path) -> None:
    folder = story_folder(tmp_path, a__txt=STORY_A, pic__txt=b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(InputError, match=r"pic\.txt looks binary"):
        read_corpus([folder])


def test_control_characters_mean_binary(tmp_path: Path) -> None:
    folder = story_folder(tmp_path, a__txt=STORY_A, blob__txt=bytes(range(1, 32)) * 20)
    with pytest.raises(InputError, match=r"blob\.txt"):
        read_corpus([folder])


def test_unreadable_file_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a = write(tmp_path, "a.txt", STORY_A)
    locked = write(tmp_path, "locked.txt", STORY_B)
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    with pytest.raises(InputError, match=r"cannot read .*locked\.txt: Permission denied"):
        read_corpus([a, locked])


def test_one_version_is_not_enough(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="need at least two versions"):
        read_corpus([write(tmp_path, "a.txt", STORY_A)])
    with pytest.raises(InputError, match="need at least two versions"):
        read_corpus([story_folder(tmp_path, a__txt=STORY_A)])
    with pytest.raises(InputError, match="need at least two versions"):
        read_corpus([])


def test_duplicate_ids_are_an_error(tmp_path: Path) -> None:
    a = write(tmp_path, "x/story.txt", STORY_A)
    b = write(tmp_path, "y/story.md", STORY_B)
    with pytest.raises(InputError, match="duplicate document id 'story'"):
        read_corpus([a, b])


def test_duplicate_ids_from_the_manifest_are_an_error(tmp_path: Path) -> None:
    folder = story_folder(
        tmp_path,
        a__txt=STORY_A,
        b__txt=STORY_B,
        corpus__toml='[documents."a.txt"]\nid = "b"\n',
    )
    with pytest.raises(InputError, match="duplicate document id 'b'"):
        read_corpus([folder])


def test_a_manifest_is_not_a_version(tmp_path: Path) -> None:
    folder = story_folder(tmp_path, a__txt=STORY_A, b__txt=STORY_B, corpus__toml="")
    with pytest.raises(InputError, match="manifest"):
        read_corpus([folder / "corpus.toml", folder / "a.txt"])


# --- decoding ----------------------------------------------------------------------------------

ACCENTED = "Café owners in Zürich said the naïve plan “won’t work” — déjà vu.\r\n"


@pytest.mark.parametrize(
    ("encoded", "expected"),
    [
        (ACCENTED.encode("utf-8"), ACCENTED),
        (b"\xef\xbb\xbf" + ACCENTED.encode("utf-8"), ACCENTED),  # BOM stripped
        (ACCENTED.encode("utf-16"), ACCENTED),  # BOM written by Python's codec
        (b"\xfe\xff" + ACCENTED.encode("utf-16-be"), ACCENTED),
        (b"\xff\xfe" + ACCENTED.encode("utf-16-le"), ACCENTED),
        (ACCENTED.encode("cp1252"), ACCENTED),
        ("Grüße aus München, sagte der Bürgermeister.\n".encode("latin-1"),
         "Grüße aus München, sagte der Bürgermeister.\n"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16", "utf-16-be-bom", "utf-16-le-bom", "cp1252", "latin-1"],
)
def test_encodings_decode_to_the_same_text(tmp_path: Path, encoded: bytes, expected: str) -> None:
    folder = story_folder(tmp_path, a__txt=encoded, b__txt=STORY_B)
    assert read_corpus([folder])[0].text == expected


def test_crlf_and_markdown_are_kept_verbatim(tmp_path: Path) -> None:
    text = "# Headline here\r\n\r\n![photo](x.jpg)\r\nPutin visited Kherson.\r\n"
    folder = story_folder(tmp_path, a__md=text, b__txt=STORY_B)
    assert read_corpus([folder])[0].text == text


# --- HTML --------------------------------------------------------------------------------------

HTML = """<!DOCTYPE html><html><head><title>Putin visits troops</title>
<meta property="article:published_time" content="2023-04-18T09:00:00+00:00">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Putin visits Russian troops in occupied Ukraine</h1>
<p>Russian President Vladimir Putin visited the headquarters of Russian troops fighting in
Ukraine on Tuesday, his second trip to the Russian-held territories there since March.</p>
<p>A video released by the Kremlin showed Putin visiting the command post for Russian forces in
the southern Kherson region, where he heard reports from commanders.</p>
<table><tr><td>Table cell noise</td></tr></table>
</article>
<footer>Copyright 2023 Example News. All rights reserved.</footer>
</body></html>"""


def test_html_text_is_the_extracted_main_text(tmp_path: Path) -> None:
    folder = story_folder(tmp_path, page__html=HTML, b__txt=STORY_B)
    doc = {d.id: d for d in read_corpus([folder])}["page"]
    assert "<" not in doc.text and "Home" not in doc.text
    assert "Table cell noise" not in doc.text
    start = doc.text.index("southern Kherson region")
    assert doc.text[start : start + 23] == "southern Kherson region"
    assert doc.published == date(2023, 4, 18) and doc.published_from is DateSource.TEXT


def test_html_without_text_is_an_error(tmp_path: Path) -> None:
    page = "<html><head><title>x</title></head><body><img src=a.jpg></body></html>"
    folder = story_folder(tmp_path, page__htm=page, b__txt=STORY_B)
    with pytest.raises(InputError, match=r"page\.htm has no readable text"):
        read_corpus([folder])


def test_html_on_stdin_is_detected(tmp_path: Path) -> None:
    a = write(tmp_path, "a.txt", STORY_A)
    doc = read_corpus([a, "-"], stdin=io.StringIO(HTML))[1]
    assert "<p>" not in doc.text and "southern Kherson region" in doc.text


# --- manifest ----------------------------------------------------------------------------------


def test_manifest_sets_id_source_url_and_date(tmp_path: Path) -> None:
    folder = story_folder(
        tmp_path,
        a__txt=STORY_A,
        b__txt=STORY_B,
        c__txt=STORY_B.replace("Monday", "Sunday"),
        corpus__toml="""
[story]
title = "Putin visits troops"
editor = "unknown keys are ignored"

[documents."a.txt"]
id = "wire"
source = "Associated Press"
url = "https://example.org/a"
published = 2023-04-18

[documents."b.txt"]
published = 2023-04-17T22:27:00
note = "ignored too"

[documents."c.txt"]
published = "2023-04-19"
""",
    )
    a, b, c = read_corpus([folder])
    assert (a.id, a.source, a.url) == ("wire", "Associated Press", "https://example.org/a")
    assert (a.published, a.published_from) == (date(2023, 4, 18), DateSource.MANIFEST)
    assert (b.id, b.source, b.published) == ("b", None, date(2023, 4, 17))
    assert c.published == date(2023, 4, 19) and c.published_from is DateSource.MANIFEST


def test_manifest_applies_to_files_named_directly(tmp_path: Path) -> None:
    folder = story_folder(
        tmp_path, a__txt=STORY_A, b__txt=STORY_B, corpus__toml='[documents."a.txt"]\nid = "wire"\n'
    )
    assert read_corpus([folder / "a.txt", folder / "b.txt"])[0].id == "wire"


@pytest.mark.parametrize(
    ("manifest", "problem"),
    [
        ('[documents."a.txt"\nid = "x"', "invalid TOML"),
        ('[documents."a.txt"]\npublished = "last Tuesday"', "not a date"),
        ('[documents."a.txt"]\npublished = 20230418', "not a date"),
        ('[documents."a.txt"]\nid = 7', "must be a non-empty string"),
        ('documents = "a.txt"', "must be a table"),
        ('[documents."missing.txt"]\nid = "x"', "matches no file"),
    ],
)
def test_bad_manifest_names_corpus_toml_and_the_problem(
    tmp_path: Path, manifest: str, problem: str
) -> None:
    folder = story_folder(tmp_path, a__txt=STORY_A, b__txt=STORY_B, corpus__toml=manifest)
    with pytest.raises(InputError, match=rf"corpus\.toml.*{problem}"):
        read_corpus([folder])


# --- publication dates -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (" date 2023-04-18 Close\nPutin rallies his troops\n", date(2023, 4, 18)),
        ("Headline of the story here\nPublished: April 18, 2023\nBody.\n", date(2023, 4, 18)),
        (
            "Headline\n\nApr 17, 2023, 10:27 PM | Updated: Apr 18, 2023, 1:14 am\n",
            date(2023, 4, 17),
        ),
        ("Headline\nUpdated: 19 April 2023\nBody text.\n", date(2023, 4, 19)),
        ("Headline\nBy Jane Doe | Sept. 5, 2023\n", date(2023, 9, 5)),
        # an ISO "date" header wins over other header dates
        ("Apr 17, 2023\n date 2023-04-18 World\nHeadline\n", date(2023, 4, 18)),
        # a date inside a sentence is not a header
        ("Headline\nOn April 18, 2023, Putin visited troops in Kherson, the Kremlin said.\n", None),
        # only the first few non-blank lines count
        ("One\n\nTwo\nThree\nFour\nFive\nSix\nPublished: April 18, 2023\n", None),
        ("Headline\nPublished: February 30, 2023\n", None),  # not a real date
    ],
)
def test_date_header(tmp_path: Path, text: str, expected: date | None) -> None:
    doc = read_corpus([story_folder(tmp_path, a__txt=text, b__txt=STORY_B)])[0]
    assert doc.published == expected
    assert doc.published_from is (DateSource.TEXT if expected else None)


def test_text_dates_and_inference(tmp_path: Path) -> None:
    folder = story_folder(
        tmp_path,
        a__txt=" date 2023-04-18 Close\n" + STORY_A,
        b__txt="Published: April 18, 2023\n" + STORY_B,
        c__txt="Published: April 17, 2023\n" + STORY_B,
        d__txt=STORY_A,
    )
    a, b, c, d = read_corpus([folder])
    assert (a.published, a.published_from) == (date(2023, 4, 18), DateSource.TEXT)
    assert (c.published, c.published_from) == (date(2023, 4, 17), DateSource.TEXT)
    assert (d.published, d.published_from) == (date(2023, 4, 18), DateSource.INFERRED)


def test_inference_tie_takes_the_earliest_date(tmp_path: Path) -> None:
    folder = story_folder(
        tmp_path,
        a__txt="Published: April 19, 2023\n" + STORY_A,
        b__txt="Published: April 17, 2023\n" + STORY_B,
        c__txt=STORY_A,
    )
    assert read_corpus([folder])[2].published == date(2023, 4, 17)


def test_no_dates_anywhere_leaves_published_empty(tmp_path: Path) -> None:
    docs = read_corpus([story_folder(tmp_path, a__txt=STORY_A, b__txt=STORY_B)])
    assert all(d.published is None and d.published_from is None for d in docs)


# --- the bundled story -------------------------------------------------------------------------


def test_bundled_corpus_reads_with_its_manifest() -> None:
    docs = {d.id: d for d in read_corpus([BUNDLED])}
    assert len(docs) == 5
    wire, second, japan = (docs[k] for k in ("000_467066fa4cc774d1", "001_5ffaebfa1d87371e",
                                              "002_3a8191f3d3776c2d"))
    assert wire.source == "Associated Press" and japan.source == "JapanToday"
    assert second.source is None
    for doc in docs.values():
        assert doc.published == date(2023, 4, 18)
        assert doc.text == (BUNDLED / f"{doc.id}.txt").read_text(encoding="utf-8")
    assert wire.published_from is DateSource.MANIFEST
    assert {docs[k].published_from for k in docs if k[:3] in ("002", "003", "004")} == {
        DateSource.INFERRED
    }


def test_bundled_headers_carry_their_dates_without_the_manifest(tmp_path: Path) -> None:
    for name in ("000_467066fa4cc774d1.txt", "001_5ffaebfa1d87371e.txt"):
        write(tmp_path, name, (BUNDLED / name).read_bytes())
    docs = read_corpus([tmp_path])
    for doc in docs:
        assert (doc.published, doc.published_from) == (date(2023, 4, 18), DateSource.TEXT)
