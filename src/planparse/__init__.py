"""planparse: parse Vietnamese administrative plans into typed, comparable facts.

>>> import planparse
>>> plan = planparse.parse_file("corpus/lai-chau-3414-kh-ubnd-2023.txt")  # doctest: +SKIP
>>> plan.document.number  # doctest: +SKIP
'3414/KH-UBND'
"""

from functools import cache

from planparse.blocks import Block, Columns, Paragraph, Table, TableCell
from planparse.document import Document
from planparse.errors import (
    ConversionError,
    CorruptFileError,
    DatabaseError,
    DatabaseLockedError,
    EmptyDocumentError,
    EncryptedError,
    FileMissingError,
    InputError,
    LegacyEncodingError,
    LimitExceededError,
    MissingExtraError,
    MissingProgramError,
    NeedsOCRError,
    NewerSchemaError,
    NotADatabaseError,
    NotAPlanError,
    OlderSchemaError,
    PlanparseError,
    TextTooLongError,
    TimeLimitError,
    TooLargeError,
    TooManyEntriesError,
    TooManyPagesError,
    UndecodableError,
    UnpackedTooLargeError,
    UnsupportedFormatError,
    WorkerDiedError,
)
from planparse.model import (
    Assignment,
    Body,
    BudgetAmount,
    BudgetKind,
    BudgetSource,
    Comparator,
    Deadline,
    Direction,
    DocumentInfo,
    Kind,
    Objective,
    ObjectiveScope,
    Plan,
    Provenance,
    Quantity,
    Recipient,
    Reference,
    Role,
    Section,
    SectionKind,
    SectionRole,
    SourceInfo,
    Task,
    TimeExpression,
    TimeKind,
    Unit,
)
from planparse.pipeline import extract, load_plan, parse, parse_file
from planparse.read import Limits, Source, read


_LAZY = frozenset({"compare", "Comparison", "__version__"})


def __getattr__(name: str):
    """The comparison is imported when first asked for: a parse (a batch worker) does not need it; so is the
    version, read from the installed package's metadata (importing ``importlib.metadata`` costs a worker's start)."""
    if name == "__version__":
        return _version()
    if name in _LAZY:
        import planparse.comparison

        return getattr(planparse.comparison, name)
    raise AttributeError(f"module 'planparse' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


@cache
def _version() -> str:
    """The installed version, written once, in pyproject.toml (``0+unknown`` in a source tree never installed)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("planparse")
    except PackageNotFoundError:
        return "0+unknown"


__all__ = [
    "parse",
    "parse_file",
    "read",
    "extract",
    "load_plan",
    "compare",
    "Comparison",
    "Source",
    "SourceInfo",
    "Limits",
    "Block",
    "Paragraph",
    "Table",
    "TableCell",
    "Columns",
    "Document",
    "Plan",
    "DocumentInfo",
    "Recipient",
    "Reference",
    "Section",
    "SectionKind",
    "SectionRole",
    "Objective",
    "ObjectiveScope",
    "Quantity",
    "Kind",
    "Comparator",
    "Direction",
    "Unit",
    "Task",
    "Deadline",
    "TimeExpression",
    "TimeKind",
    "Assignment",
    "Body",
    "Role",
    "BudgetSource",
    "BudgetKind",
    "BudgetAmount",
    "Provenance",
    "PlanparseError",
    "InputError",
    "FileMissingError",
    "UnsupportedFormatError",
    "UndecodableError",
    "TooLargeError",
    "LimitExceededError",
    "UnpackedTooLargeError",
    "TooManyEntriesError",
    "TooManyPagesError",
    "TextTooLongError",
    "TimeLimitError",
    "WorkerDiedError",
    "EmptyDocumentError",
    "NotAPlanError",
    "MissingExtraError",
    "MissingProgramError",
    "ConversionError",
    "CorruptFileError",
    "EncryptedError",
    "NeedsOCRError",
    "LegacyEncodingError",
    "DatabaseError",
    "NotADatabaseError",
    "NewerSchemaError",
    "OlderSchemaError",
    "DatabaseLockedError",
]
