"""planparse: parse Vietnamese administrative plans into typed, comparable facts.

>>> import planparse
>>> plan = planparse.parse_file("corpus/lai-chau-3414-kh-ubnd-2023.txt")  # doctest: +SKIP
>>> plan.document.number  # doctest: +SKIP
'3414/KH-UBND'
"""

from importlib.metadata import PackageNotFoundError, version

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


_LAZY = frozenset({"compare", "Comparison"})


def __getattr__(name: str):
    """The comparison is imported when first asked for: a parse (a batch worker) does not need it."""
    if name in _LAZY:
        import planparse.comparison

        return getattr(planparse.comparison, name)
    raise AttributeError(f"module 'planparse' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


try:
    __version__ = version("planparse")  # written once, in pyproject.toml
except PackageNotFoundError:  # a source tree that was never installed
    __version__ = "0+unknown"

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
