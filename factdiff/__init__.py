"""factdiff: find where versions of one story disagree on facts."""

__version__ = "0.1.0"
