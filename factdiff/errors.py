"""Errors a user can act on; the CLI prints them as one line and exits 2."""


class InputError(Exception):
    """Bad input or usage: a missing path, an unreadable or empty file, an invalid manifest."""
