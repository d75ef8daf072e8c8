"""newslint: a plugin-based linter for news articles."""

from newslint.plugins import hookimpl

__version__ = "0.1.0"

__all__ = ["__version__", "hookimpl"]
