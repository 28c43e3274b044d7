"""planparse: parse Vietnamese administrative plans into typed, comparable facts.

>>> import planparse
>>> plan = planparse.parse_file("corpus/lai-chau-3414-kh-ubnd-2023.txt")  # doctest: +SKIP
>>> plan.document.number  # doctest: +SKIP
'3414/KH-UBND'
"""

from importlib.metadata import PackageNotFoundError, version

from planparse.blocks import Block, Columns, Paragraph, Table, TableCell
from planparse.comparison import Comparison, compare
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
    MissingExtraError,
    MissingProgramError,
    NeedsOCRError,
    NewerSchemaError,
    NotADatabaseError,
    NotAPlanError,
    OlderSchemaError,
    PlanparseError,
    TooLargeError,
    UndecodableError,
    UnsupportedFormatError,
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
from planparse.read import Source, read

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
