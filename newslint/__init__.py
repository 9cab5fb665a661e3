"""newslint: an editorial style and neutrality linter for news copy."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("newslint")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"
