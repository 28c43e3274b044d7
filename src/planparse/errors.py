"""The errors planparse raises: one hierarchy, each message naming the file and the reason.

Policy: a caller's bad input raises one of these; "nothing found" is never an
error (it gives empty lists and ``None`` fields).
"""

from __future__ import annotations

from pathlib import Path


class PlanparseError(Exception):
    """Base class of every error planparse raises on purpose."""

    def __init__(self, reason: str, path: str | Path | None = None) -> None:
        self.reason = reason
        self.path = str(path) if path is not None else None
        super().__init__(f"{self.path}: {reason}" if self.path else reason)

    def with_path(self, path: str | Path) -> PlanparseError:
        """The same error, naming ``path`` (used when a text came from a file)."""
        return type(self)(self.reason, path)


class InputError(PlanparseError):
    """The input could not be read as a document."""


class FileMissingError(InputError):
    """The path does not exist or is not a readable file."""


class UnsupportedFormatError(InputError):
    """The file's format is not one planparse reads (yet)."""


class UndecodableError(InputError):
    """The bytes are binary or in an encoding planparse cannot decode."""


class LegacyEncodingError(UndecodableError):
    """The text is in a legacy Vietnamese encoding (TCVN3, VNI) that cannot be converted with certainty."""


class CorruptFileError(InputError):
    """The file is truncated or damaged, or its content is not what its name says."""


class EncryptedError(InputError):
    """The file is protected by a password."""


class NeedsOCRError(InputError):
    """The PDF has pages but no text layer (a scan): it needs OCR first."""


class ConversionError(InputError):
    """A converter planparse runs (LibreOffice, antiword, Tesseract) failed on the file or ran out of time."""


class TooLargeError(InputError):
    """The document is larger than a limit allows (the message names the limit and the option that raises it)."""


class LimitExceededError(TooLargeError):
    """The document is beyond a limit on what reading it may cost (the message names the limit)."""


class UnpackedTooLargeError(LimitExceededError):
    """A DOCX (ZIP) archive whose parts unpack to more than the limit: a zip bomb by ratio."""


class TooManyEntriesError(LimitExceededError):
    """A DOCX (ZIP) archive of more entries than the limit: a zip bomb by count."""


class TooManyPagesError(LimitExceededError):
    """A PDF or an image file of more pages than the limit."""


class TextTooLongError(LimitExceededError):
    """A document whose text has more characters than the limit."""


class EmptyDocumentError(InputError):
    """The document holds no text."""


class NotAPlanError(PlanparseError):
    """The text is readable but is not a Vietnamese administrative document."""


class MissingExtraError(PlanparseError):
    """A feature needs an optional dependency that is not installed (the message names the extra)."""


class MissingProgramError(MissingExtraError):
    """A feature needs a program that is not installed (the message names the Debian packages)."""


class TimeLimitError(PlanparseError):
    """Converting the document took longer than the batch allows each document (``--timeout``)."""


class WorkerDiedError(PlanparseError):
    """The process converting the document died (killed, or out of memory)."""


class DatabaseError(PlanparseError):
    """The plans database cannot be opened or written (the message names its file)."""


class NotADatabaseError(DatabaseError):
    """The file is not a DuckDB database, or not one planparse wrote."""


class NewerSchemaError(DatabaseError):
    """The database was written by a newer planparse, whose schema this one does not know."""


class OlderSchemaError(DatabaseError):
    """The database was written by an older planparse whose schema cannot be migrated: rebuild it."""


class DatabaseLockedError(DatabaseError):
    """Another process has the database open for writing."""
