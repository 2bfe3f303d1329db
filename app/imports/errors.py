"""Errors of the import flow: a file that cannot be read as what it claims to be."""

from __future__ import annotations

from app.errors import NotFound, SkgError


class BadImportFile(SkgError):
    """The file cannot be read (encoding, header, columns, syntax, size, remote context).

    The message says what and where; details carry file, row, column or line.
    Nothing is staged and the store is untouched.
    """

    code = "bad-import-file"
    status = 400


class FileTooLarge(BadImportFile):
    code = "file-too-large"
    status = 413


class ImportRefused(SkgError):
    """The file has violations (or was imported already) and is not committed."""

    code = "import-refused"
    status = 409


class ImportNotFound(NotFound):
    code = "import-not-found"
