"""Shared fixtures."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def story_cache(tmp_path_factory):
    """One embedding cache for every test that runs the model on the bundled story.

    The model then encodes the story once per test session, not once per module; tests stay
    independent of the user's own cache.
    """
    return tmp_path_factory.mktemp("factdiff-cache")
