"""planparse: parse Vietnamese administrative plans into typed, comparable facts.

>>> import planparse
>>> plan = planparse.parse_file("corpus/lai-chau-3414-kh-ubnd-2023.txt")  # doctest: +SKIP
>>> plan.document.number  # doctest: +SKIP
'3414/KH-UBND'
"""

from planparse.comparison import Comparison, compare
from planparse.errors import (
    CorruptFileError,
    EmptyDocumentError,
    EncryptedError,
    FileMissingError,
    InputError,
    LegacyEncodingError,
    MissingExtraError,
    NeedsOCRError,
    NotAPlanError,
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
    Deadline,
    DocumentInfo,
    Objective,
    ObjectiveScope,
    Plan,
    Provenance,
    Quantity,
    Reference,
    Section,
    SectionRole,
    Task,
    TimeExpression,
    TimeKind,
)
from planparse.pipeline import parse, parse_file
from planparse.read import Limits, Source, read

__version__ = "0.1.0"

__all__ = [
    "parse",
    "parse_file",
    "read",
    "compare",
    "Comparison",
    "Plan",
    "DocumentInfo",
    "Reference",
    "Objective",
    "ObjectiveScope",
    "Quantity",
    "Task",
    "Deadline",
    "TimeExpression",
    "TimeKind",
    "Section",
    "SectionRole",
    "Provenance",
    "Source",
    "Limits",
    "PlanparseError",
    "InputError",
    "FileMissingError",
    "UnsupportedFormatError",
    "UndecodableError",
    "TooLargeError",
    "UnpackedTooLargeError",
    "TooManyEntriesError",
    "TooManyPagesError",
    "TextTooLongError",
    "TimeLimitError",
    "WorkerDiedError",
    "EmptyDocumentError",
    "NotAPlanError",
    "MissingExtraError",
    "CorruptFileError",
    "EncryptedError",
    "NeedsOCRError",
    "LegacyEncodingError",
]
