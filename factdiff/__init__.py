"""factdiff: find where versions of one story disagree on facts.

``factdiff.check(paths)`` is the library entry point; the CLI calls the same function.
"""

from typing import Any

from .errors import InputError

__all__ = ["InputError", "check", "check_documents"]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    # Lazy, so `factdiff --version` and the CLI's option parsing do not pay for numpy and the pipeline.
    if name in ("check", "check_documents"):
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'factdiff' has no attribute {name!r}")
