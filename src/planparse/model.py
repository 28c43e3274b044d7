"""Pydantic models of a parsed plan.

Every extracted item carries a :class:`Provenance`: its character span in the
cleaned text (``Plan.text``) and the line of the source it came from.
Serialisers (the facts view, JSON Schema) live outside the models.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Container, Iterator
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA_VERSION = "2"  # 2: a repeat's interval is amount and unit (schema 1: every_months)

NonNegative = Annotated[int, Field(ge=0)]
LineNumber = Annotated[int, Field(ge=1, description="1-based line in the source text")]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Provenance(_Model):
    """Where an item was found: ``Plan.text[start:end]``, on source line ``line``."""

    start: NonNegative
    end: NonNegative
    line: LineNumber
    page: Annotated[int, Field(ge=1)] | None = Field(
        default=None, description="1-based page, for paged sources (PDF)"
    )


class SourceInfo(_Model):
    """What was read: the file (if any), its format and encoding, and what reading changed."""

    path: str | None = None
    format: str = Field(description="text, markdown, …")
    encoding: str | None = None
    notes: tuple[str, ...] = Field(default=(), description="what reading changed, e.g. control characters dropped")


class SectionKind(StrEnum):
    """The numbering form a section's label takes."""

    ARTICLE = "article"  # Điều 1.
    ROMAN = "roman"  # I.
    ARABIC = "arabic"  # 1.
    DECIMAL = "decimal"  # 1.1.
    LETTER = "letter"  # a)
    BULLET = "bullet"  # - + • *
    MARKDOWN = "markdown"  # # heading without a label
    CAPS = "caps"  # HEADING IN CAPITALS
    LEAD = "lead"  # a line ending in ":" that heads what follows (Nơi nhận:)
    BLOCK = "block"  # an unlabelled block: preamble, signature


class SectionRole(StrEnum):
    """What a section is for in the genre."""

    HEADER = "header"
    LEGAL_BASIS = "legal_basis"
    PURPOSE = "purpose"
    OBJECTIVES = "objectives"
    TASKS = "tasks"
    BUDGET = "budget"
    ORGANISATION = "organisation"
    ANNEX = "annex"
    RECIPIENTS = "recipients"  # Nơi nhận
    ADDRESSEES = "addressees"  # Kính gửi
    SIGNATURE = "signature"


class Section(_Model):
    """A numbered or headed part of the document and the parts under it."""

    label: str | None = Field(description="the numbering label as written: 'I.', '1.1.', 'a)', '-'")
    kind: SectionKind
    title: str = Field(description="the heading text after the label (the whole line for items)")
    role: SectionRole | None = None
    provenance: Provenance = Field(description="the heading line")
    end: NonNegative = Field(description="end offset of the section's whole text in Plan.text")
    children: list[Section] = Field(default_factory=list)

    @property
    def own_end(self) -> int:
        """Where the section's own text ends: at its first sub-section, else at its end."""
        return self.children[0].provenance.start if self.children else self.end


class Recipient(_Model):
    """One entry of the ``Nơi nhận`` list."""

    name: str
    provenance: Provenance


class DocumentInfo(_Model):
    """The header of the document: who issued what, when and where, and who signed."""

    type: str | None = Field(default=None, description="Kế hoạch, Quyết định, Công văn, …")
    type_code: str | None = Field(default=None, description="KH, QĐ, CTr, … from the number")
    number: str | None = Field(default=None, description="the số hiệu, spaces removed")
    date: dt.date | None = None
    place: str | None = None
    issuer: str | None = Field(default=None, description="the issuing body, abbreviations expanded")
    parent_issuer: str | None = Field(default=None, description="the body above the issuer")
    title: str | None = Field(default=None, description="the trích yếu")
    signer: str | None = None
    signer_position: str | None = None
    signature_marks: list[str] = Field(
        default_factory=list, description="TM., KT., Q., TL., TUQ. as they appear, in order"
    )
    signing_for: str | None = Field(default=None, description="the body a TM. signature acts for")
    recipients: list[Recipient] = Field(default_factory=list)
    provenance: dict[str, Provenance] = Field(
        default_factory=dict, description="where each field above was found"
    )


class Reference(_Model):
    """Another document the text cites by number."""

    number: str = Field(description="as written, spaces removed: 348/QĐ-TTg, 09-NQ/TU")
    type: str | None = Field(default=None, description="Quyết định, Nghị quyết, … when named")
    type_code: str | None = None
    issuer_code: str | None = Field(default=None, description="TTg, UBND, TU, …")
    year: int | None = Field(default=None, description="the year inside the number, if any")
    date: dt.date | None = None
    provenance: Provenance = Field(description="the first mention")
    mentions: list[Provenance] = Field(default_factory=list, description="every mention")


Unit = Literal["%", "count", "level", "VND"]
Comparator = Literal[">=", "<=", "="]
Kind = Literal["share", "increase", "count", "level", "amount"]
Direction = Literal["up", "down"]


class Quantity(_Model):
    """One number a target commits to, with its unit, comparator and qualifiers."""

    value: float = Field(description="the number, multiplied out for money (1,5 tỷ đồng → 1500000000)")
    unit: Unit
    comparator: Comparator
    kind: Kind = Field(description="share (a %), increase (a change), count, level or amount (money)")
    direction: Direction | None = Field(default=None, description="for a change: tăng → up, giảm → down")
    range_id: int | None = Field(
        default=None, description="for the two bounds of a range: the start offset of the lower bound"
    )
    baseline_year: int | None = Field(default=None, description="the year of 'so với năm 2020'")
    per_year: bool = Field(default=False, description="hàng năm, mỗi năm, 15%/năm")
    noun: str | None = Field(default=None, description="for a count: the thing counted (cơ quan báo chí)")
    start: NonNegative
    end: NonNegative
    text: str = Field(description="the quantity phrase: text[start:end] of the text given")


class ObjectiveScope(StrEnum):
    """Whether an objective is the plan's general aim or one of its specific targets."""

    GENERAL = "general"  # Mục tiêu chung
    SPECIFIC = "specific"  # Mục tiêu cụ thể, or targets under no such heading


class Objective(_Model):
    """One target the plan sets: its words, its horizon year and the numbers it commits to."""

    text: str = Field(description="the target's own words, labels and closing punctuation removed")
    horizon: int | None = Field(default=None, description="the year it is due (Mục tiêu đến năm 2025 → 2025)")
    scope: ObjectiveScope = ObjectiveScope.SPECIFIC
    quantities: list[Quantity] = Field(default_factory=list, description="in order of the text")
    subject: str | None = Field(default=None, description="what it counts: cơ quan báo chí tỉnh, hộ nghèo …")
    indicator: str | None = Field(default=None, description="what must be achieved, without the numbers")
    provenance: Provenance = Field(description="the target's words (a table row for a table of targets)")


class BudgetKind(StrEnum):
    """The kinds of funding of the facts view (shared/eval/FACTS.md)."""

    STATE_BUDGET = "state_budget"
    PROGRAM_INTEGRATION = "program_integration"
    AID = "aid"
    SOCIALIZATION = "socialization"
    SELF_FUNDED = "self_funded"
    INVESTMENT_CAPITAL = "investment_capital"
    OTHER_LAWFUL = "other_lawful"
    ALLOCATED = "allocated"


class BudgetSource(_Model):
    """A kind of funding the budget section names, at its first mention."""

    kind: BudgetKind
    text: str = Field(description="the words that name it")
    provenance: Provenance


class BudgetAmount(_Model):
    """A sum of money the budget section states, in VND."""

    value: float = Field(description="in VND: 1,5 tỷ đồng → 1500000000")
    text: str
    provenance: Provenance


class TimeKind(StrEnum):
    """The kinds of time the time grammar reads. The facts view shows a year as a one-year ``period`` and a
    ``periodic`` time as ``recurring`` (weekly, monthly, quarterly, half-yearly; with its day: ``trước ngày 05
    hằng tháng``) or a bare ``annual`` (yearly); a duration it does not show."""

    DATE = "date"  # trước ngày 15/12/2023
    ANNUAL = "annual"  # trước ngày 15 tháng 12 hằng năm; Hằng năm
    QUARTER = "quarter"  # quý III/2023
    PERIOD = "period"  # 2023-2025, giai đoạn 2021 - 2025
    ONGOING = "ongoing"  # Thường xuyên
    ON_EVENT = "on_event"  # Khi có yêu cầu
    MONTH = "month"  # tháng 6/2024
    YEAR = "year"  # năm 2024
    PERIODIC = "periodic"  # định kỳ 6 tháng; hằng tuần; trước ngày 05 hằng tháng (with its day)
    DURATION = "duration"  # trong vòng 30 ngày kể từ ngày ký


DurationUnit = Literal["day", "working_day", "week", "month", "year"]


class TimeExpression(_Model):
    """A time phrase read by the time grammar, with the fields its kind has."""

    kind: TimeKind
    text: str = Field(description="the phrase as written, its lead included: trước ngày 15/12/2023")
    lead: str | None = Field(default=None, description="the words before the time that limit work: trước, chậm nhất")
    date: dt.date | None = None
    year: int | None = None
    quarter: Annotated[int, Field(ge=1, le=4)] | None = None
    month: Annotated[int, Field(ge=1, le=12)] | None = None
    day: Annotated[int, Field(ge=1, le=31, description="the day of the month; of a weekly repeat, the day of the "
                                                       "week as written (thứ 5 hằng tuần → 5)")] | None = None
    start_year: int | None = None
    end_year: int | None = None
    amount: int | None = Field(default=None, description="duration: how many units; periodic: how many between "
                                                         "repeats (định kỳ 6 tháng → 6, hằng tuần → 1)")
    unit: DurationUnit | None = Field(default=None, description="duration and periodic: the unit (month, week …)")
    anchor: str | None = Field(default=None, description="duration: the event it runs from (kể từ ngày ký)")
    event: str | None = Field(default=None, description="on_event: the event (Khi có yêu cầu từ Bộ TTTT)")
    start: NonNegative
    end: NonNegative

    @model_validator(mode="before")
    @classmethod
    def _whole_years(cls, data: Any) -> Any:
        """A repeat's interval in whole years where it is (định kỳ 12 tháng → 1 year); a plan saved under schema 1
        gave it in months (``every_months``)."""
        if not isinstance(data, dict):
            return data
        data = dict(data)
        if months := data.pop("every_months", None):
            data["amount"], data["unit"] = months, "month"
        if data.get("kind") == TimeKind.PERIODIC and data.get("unit") == "month" \
                and data.get("amount") and data["amount"] % 12 == 0:
            data["amount"], data["unit"] = data["amount"] // 12, "year"
        return data


class Task(_Model):
    """A piece of work the plan sets: a row of a task table, or a duty written in the tasks or organisation part."""

    number: str | None = Field(default=None, description="the row number as written: 1, 5.1")
    group: str | None = Field(default=None, description="the group row or heading the task sits under")
    text: str
    lead: str | None = Field(default=None, description="the lead cell, or the organisation heading, as written")
    support: str | None = Field(default=None, description="the support cell as written")
    output: str | None = Field(default=None, description="the output (product) cell as written")
    timeframe: str | None = Field(default=None, description="the time cell, or the time phrase of a duty")
    source: Literal["table", "prose"]
    provenance: Provenance
    cells: dict[str, Provenance] = Field(
        default_factory=dict, description="where each cell was (text, lead, support, output, timeframe)"
    )


class Deadline(_Model):
    """A time limit set on work, and the task it limits."""

    time: TimeExpression
    task: NonNegative | None = Field(default=None, description="index of the task in Plan.tasks")
    provenance: Provenance


class Role(StrEnum):
    """How a body is responsible for a task: it leads it or supports the lead."""

    LEAD = "lead"
    SUPPORT = "support"


class Body(_Model):
    """A body named in the plan, with its full canonical name."""

    name: str = Field(description="the full name, abbreviations expanded, the place resolved")
    text: str = Field(description="as written")
    collective: bool = Field(default=False, description="a group of bodies: Các sở, ban, ngành")
    successor: str | None = Field(default=None, description="the body it became in the 2025 reorganisation")
    provenance: Provenance


class Assignment(_Model):
    """A body made responsible for a task or duty, and how."""

    body: Body
    role: Role
    task: str | None = Field(default=None, description="the task or duty text")
    task_provenance: Provenance | None = None
    deadline: str | None = Field(default=None, description="the time limit of the task, as written")
    deadline_provenance: Provenance | None = None


class Plan(_Model):
    """A parsed plan: its cleaned text, header, references, outline and the facts found in it."""

    schema_version: str = SCHEMA_VERSION
    source: SourceInfo
    text: str = Field(description="the cleaned text every provenance span points into")
    document: DocumentInfo
    references: list[Reference] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    objectives: list[Objective] = Field(default_factory=list)
    quantities: list[Quantity] = Field(
        default_factory=list, description="quantities stated outside the objectives (tasks, organisation …)"
    )
    budget_sources: list[BudgetSource] = Field(default_factory=list)
    budget_amounts: list[BudgetAmount] = Field(default_factory=list)
    budget_allocations: list[Reference] = Field(
        default_factory=list, description="decisions the budget section cites as allocations already made"
    )
    tasks: list[Task] = Field(default_factory=list)
    deadlines: list[Deadline] = Field(default_factory=list)
    assignments: list[Assignment] = Field(default_factory=list)

    def to_facts(self) -> dict:
        """The ``planparse-facts/1`` view of this plan (see ``planparse.facts``)."""
        from planparse.facts import to_facts

        return to_facts(self)

    def walk(self) -> Iterator[Section]:
        """Every section, depth first, in document order."""
        return walk_sections(self.sections)


def walk_sections(sections: list[Section]) -> Iterator[Section]:
    """Every section of a tree, depth first, in document order."""
    for section in sections:
        yield section
        yield from walk_sections(section.children)


def parts(sections: list[Section], roles: Container[SectionRole | None]) -> Iterator[Section]:
    """The outermost sections whose role is one of ``roles`` (their sub-sections share it)."""
    for section in sections:
        if section.role in roles:
            yield section
        elif section.children:  # a leaf's generator not made: most sections are leaves
            yield from parts(section.children, roles)
