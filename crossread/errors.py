"""crossread's exceptions and the stable codes of the problems it reports.

The tree::

    CrossreadError
    ├── InputError      an input could not be read (carries source path and line or record id)
    ├── OptionsError    an option or option combination is invalid
    ├── FetchError      a URL or feed could not be fetched (including refused private addresses)
    ├── StoreError      the SQLite store failed
    └── StageError      a stage failed on one article (carries stage and article id)

Only the CLI turns these into messages and exit codes. Library code that meets
bad input records a ``model.Problem`` with one of the codes below and goes on.
"""
from __future__ import annotations

__all__ = [
    "CODES",
    "CrossreadError",
    "InputError",
    "OptionsError",
    "FetchError",
    "StoreError",
    "StageError",
]

#: Stable problem codes (tests and users may search for them).
CODES = {
    "E100": "path does not exist",
    "E101": "empty file",
    "E102": "binary file",
    "E103": "not decodable as text",
    "E104": "JSON line is not valid JSON",
    "E105": "JSON line has no text or html body",
    "E106": "HTML page has no extractable text",
    "E107": "folder holds no readable files",
    "E108": "record is not a JSON object",
    "E109": "unsupported file type",
    "E110": "could not read file",
    "E120": "URL could not be fetched",
    "E121": "URL refused: private or loopback address",
    "E122": "feed could not be parsed",
    "E111": "duplicate article id (renamed)",
    "E200": "a stage failed on an article",
}


class CrossreadError(Exception):
    """Root of every error crossread raises."""

    code = "E000"


class InputError(CrossreadError):
    """An input could not be read."""

    def __init__(self, code: str, source: str, message: str | None = None) -> None:
        self.code = code
        self.source = source
        self.message = message or CODES.get(code, "bad input")
        super().__init__(f"{source}: {self.message} [{code}]")


class OptionsError(CrossreadError):
    """An option is invalid; names the option."""

    code = "E300"


class FetchError(InputError):
    """A URL or feed could not be fetched."""


class StoreError(CrossreadError):
    """The store could not be opened or written."""

    code = "E400"


class StageError(CrossreadError):
    """A stage failed on one article."""

    code = "E200"

    def __init__(self, stage: str, article_id: str, cause: BaseException) -> None:
        self.stage = stage
        self.article_id = article_id
        self.cause = cause
        super().__init__(f"{article_id}: stage {stage} failed: {cause!r} [E200]")
