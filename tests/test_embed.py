"""The embedding cache: vectors are computed once, never trusted when damaged."""

from __future__ import annotations

import sqlite3

import numpy as np
import pytest

from factdiff.embed import DEFAULT_MODEL, Embedder, EmbeddingCache, model_key


def _vectors(n: int, dim: int = 8) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(0)
    return {f"sentence {i}": rng.standard_normal(dim).astype(np.float32) for i in range(n)}


def test_cache_returns_what_was_stored(tmp_path):
    cache = EmbeddingCache(tmp_path)
    stored = _vectors(3)
    cache.put("m", stored)
    found = cache.get("m", list(stored) + ["never stored"])
    assert set(found) == set(stored)
    for text, vector in stored.items():
        np.testing.assert_array_equal(found[text], vector)


def test_cache_keys_include_the_model(tmp_path):
    cache = EmbeddingCache(tmp_path)
    cache.put("model-a", _vectors(1))
    assert cache.get("model-b", ["sentence 0"]) == {}


def test_a_corrupted_entry_is_dropped_not_trusted(tmp_path):
    cache = EmbeddingCache(tmp_path)
    cache.put("m", _vectors(2))
    cache.close()
    with sqlite3.connect(tmp_path / "embeddings-v1.sqlite3") as db:
        key = EmbeddingCache.key("m", "sentence 0")
        db.execute("UPDATE vectors SET vector = ? WHERE key = ?", (b"\x00" * 32, key))
    found = EmbeddingCache(tmp_path).get("m", ["sentence 0", "sentence 1"])
    assert set(found) == {"sentence 1"}


def test_an_unreadable_cache_file_is_set_aside_and_rebuilt(tmp_path):
    (tmp_path / "embeddings-v1.sqlite3").write_bytes(b"this is not a database" * 100)
    cache = EmbeddingCache(tmp_path)
    assert cache.get("m", ["x"]) == {}
    cache.put("m", _vectors(1))
    assert set(cache.get("m", ["sentence 0"])) == {"sentence 0"}
    assert list(tmp_path.glob("embeddings-v1.sqlite3.corrupt-*"))


def _writer(directory: str, offset: int) -> None:
    cache = EmbeddingCache(directory)
    rng = np.random.default_rng(offset)
    for i in range(20):
        cache.put("m", {f"s{offset}-{i}": rng.standard_normal(8).astype(np.float32)})


def test_concurrent_writers_do_not_lose_or_damage_entries(tmp_path, in_processes):
    in_processes(_writer, [(str(tmp_path), k) for k in range(3)])
    texts = [f"s{k}-{i}" for k in range(3) for i in range(20)]
    assert len(EmbeddingCache(tmp_path).get("m", texts)) == 60


def test_bundled_model_key_names_the_weights_revision():
    assert model_key(DEFAULT_MODEL) == model_key("sentence-transformers/all-MiniLM-L6-v2")
    assert "1110a243" in model_key(DEFAULT_MODEL)


@pytest.fixture(scope="module")
def warm_cache(tmp_path_factory):
    directory = tmp_path_factory.mktemp("cache")
    embedder = Embedder(cache=EmbeddingCache(directory))
    vectors = embedder.encode(["Putin visited Mariupol last month.", "The weather was fine."])
    return directory, vectors


def test_the_real_model_gives_normalised_vectors(warm_cache):
    _, vectors = warm_cache
    assert vectors.shape == (2, 384)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_a_warm_cache_answers_without_running_the_model(warm_cache):
    directory, first = warm_cache
    embedder = Embedder(cache=EmbeddingCache(directory))
    again = embedder.encode(["Putin visited Mariupol last month.", "The weather was fine."])
    assert embedder.encoded == 0 and embedder._encoder is None
    np.testing.assert_array_equal(first, again)
