"""Assignments: which body the plan makes responsible for which task, as lead or support.

Read in the plan's tasks, organisation and annex parts (in a letter without
them, such as a Công văn, in its numbered body):
- ``lead``: each body that a heading names (``3. Sở Tài chính, Sở Kế hoạch và
  Đầu tư``; ``4. Đề nghị Ban Tuyên giáo Tỉnh ủy: …``; ``- Sở Y tế: …``), a body
  written just before ``chủ trì``, the subject of a duty (``Các cơ quan báo chí
  tỉnh xây dựng …``), and the bodies of a table's Chủ trì column;
- ``support``: the bodies written right after ``phối hợp (với|cùng)`` and those
  of a Phối hợp column.
Recipients, bodies reported to or advised, and catch-alls (``các cơ quan, đơn
vị liên quan``) are not assignees. A group the plan names in a shorter form
elsewhere (``các cơ quan báo chí``) takes its fullest form (``Các cơ quan báo
chí tỉnh``).
"""

from __future__ import annotations

import bisect
import os
import re
from collections.abc import Iterator
from functools import cache
from itertools import accumulate

from planparse.document import Document
from planparse.lang import genre, times, vocab
from planparse.lang.bodies import (BodyReader, Mention, commas_before_bodies, cue_openings, duty_openers,
                                   may_open_a_body_past_a_comma, may_open_a_list, province_of, role_cue, role_cues_in)
from planparse.lang.quantities import phrases
from planparse.model import (
    Assignment,
    Body,
    Deadline,
    DocumentInfo,
    Provenance,
    Role,
    Section,
    SectionKind,
    SectionRole,
    Task,
    TimeExpression,
    walk_sections,
)
from planparse.lang.numbering import match_label
from planparse.extract.tasks import names_role

# the models made for each body named, validated from their fields' dicts (no __init__ keyword arguments)
_BODY, _ASSIGNMENT = Body.__pydantic_validator__, Assignment.__pydantic_validator__
_SCOPE = {SectionRole.TASKS, SectionRole.ORGANISATION, SectionRole.ANNEX}
_NUMBERED = {SectionKind.ARTICLE, SectionKind.ROMAN, SectionKind.ARABIC, SectionKind.DECIMAL, SectionKind.LETTER,
             SectionKind.MARKDOWN}
_BREAKS = ".;:\n"  # the marks a sentence ends at (the text's own start is a sentence's too)
_COMMA = re.compile(r"\s*,\s*")
_SPACES = re.compile(r"\s*")
_COLUMN_WORDS = 10  # the most words of a task table's column header (Cá nhân phụ trách chỉ đạo, kiểm tra, đôn đốc)


@cache
def _duty_start() -> re.Pattern[str]:
    return re.compile(r"\s*,?\s*" + phrases(duty_openers()), re.IGNORECASE)


@cache
def _duty_opener() -> re.Pattern[str]:
    """A duty opener anywhere (the quick test before a sentence's subject is read: _duty_start() matches only where
    this finds one)."""
    return re.compile(phrases(duty_openers()), re.IGNORECASE)


class _Extractor:
    def __init__(self, doc: Document, reader: BodyReader, deadlines: list[Deadline]):
        self.text = doc.text
        self.times = doc.times
        self.deadlines = deadlines
        self.first_of_task: dict[int | None, Deadline] = {}
        for d in deadlines:
            self.first_of_task.setdefault(d.task, d)
        self.by_start = sorted((d.provenance.start, k) for k, d in enumerate(deadlines))  # (start, index)
        self.starts = [start for start, _ in self.by_start]
        self.span = doc.locate
        self.reader = reader
        self.out: list[Assignment] = []
        self.tasks: dict[tuple[int, int], tuple[str, Provenance]] = {}  # a duty's text and span, read once

    def add(self, mentions: list[Mention], role: Role, task: tuple[int, int] | None,
            deadline: Deadline | None = None) -> None:
        for m in mentions:
            if m.catchall:
                continue
            body = _BODY.validate_python({"name": m.name, "text": self.text[m.start:m.end], "collective": m.collective,
                                          "successor": m.successor, "provenance": self.span(m.start, m.end)})
            task_text, task_span = self.task(task) if task else (None, None)
            deadline = deadline or self.deadline_in(task)
            self.out.append(_ASSIGNMENT.validate_python({
                "body": body, "role": role, "task": task_text, "task_provenance": task_span,
                "deadline": deadline.time.text if deadline else None,
                "deadline_provenance": deadline.provenance if deadline else None}))

    def task(self, span: tuple[int, int]) -> tuple[str, Provenance]:
        """A duty's text, its spaces made single, and its provenance (the bodies of one duty share them)."""
        found = self.tasks.get(span)
        if found is None:
            found = self.tasks[span] = " ".join(self.text[span[0]:span[1]].split()), self.span(*span)
        return found

    def deadline_in(self, task: tuple[int, int] | None) -> Deadline | None:
        """The first time limit written inside a duty's text."""
        if task is None:
            return None
        inside = self.by_start[bisect.bisect_left(self.starts, task[0]):bisect.bisect_left(self.starts, task[1])]
        return self.deadlines[min(k for _, k in inside)] if inside else None

    # -- headings ----------------------------------------------------------------------------------

    def heading_bodies(self, section: Section) -> list[Mention]:
        """The bodies a heading names (the whole heading, or the part before its colon), else []."""
        if section.kind not in _NUMBERED and section.kind is not SectionKind.BULLET:
            return []
        start, end = section.provenance.start, section.provenance.end
        title_at = self.text.find(section.title, start, end)
        if title_at < 0:
            return []
        start = title_at
        request = role_cue("request").match(self.text, start)
        if request:
            start = request.end()
        colon = self.text.find(":", start, end)
        before_end = colon if colon >= 0 else end
        if colon < 0 and section.kind is SectionKind.BULLET:
            return []  # a bullet names its bodies before a colon (- Sở Y tế: …)
        opening = self.text.find("(", start, before_end)  # a bracket closed before the end: a note, not bodies
        if opening >= 0 and self.text.find(")", opening, before_end) >= 0:
            before_end = start + len(self.text[start:opening].rstrip())
        before = self.reader.listing(self.text, start, before_end) or self.owners(section, start, before_end)
        if not before:
            return []
        if colon >= 0 and all(m.collective for m in before):
            after = self.reader.listing(self.text, colon + 1, end)
            if after:
                return after  # Các sở: Sở Tài chính, Sở Kế hoạch và Đầu tư
        return [m for m in before if not m.catchall]

    def owners(self, section: Section, start: int, end: int) -> list[Mention] | None:
        """The bodies a heading that gives its part a role names as that part's own (``II. NHIỆM VỤ CHỦ YẾU CỦA
        BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG``, ``Trách nhiệm của các sở, ngành``): the list that ends it after ``của``."""
        if not names_role(section):
            return None
        words = vocab.body_words("of")
        for m in re.finditer(r"\w+", self.text[start:end]):
            if m.group().casefold() in words:
                owners = self.reader.listing(self.text, start + m.end(), end)
                if owners:
                    return owners
        return None

    # -- prose -------------------------------------------------------------------------------------

    def prose(self, start: int, end: int) -> None:
        """Roles in a stretch of prose: subjects of duties (not those of a closing call), bodies before chủ trì,
        after phối hợp. The stretch is searched once for the cues and the commas a body may open past; a sentence's
        line is read for a closing call only where a subject may open in it or subjects wait for their duty."""
        pending: list[Mention] = []  # subjects listed with ; before their duty: các bộ, ngành; các cấp …
        cues = cue_openings(("support", "lead"), self.text, start, end)
        commas = commas_before_bodies(self.text, start, end)
        request = role_cue("request")
        line_end, closing = -1, False  # the line of the last sentence read, and whether it is a closing call
        for sentence_start, sentence_end in _sentences(self.text, start, end):
            asked = request.match(self.text, sentence_start)
            at = asked.end() if asked else sentence_start
            may = self._may_have_subject(at, sentence_end, commas)
            if may or pending:
                if sentence_start > line_end:  # a sentence on a line of its own: the line is read once
                    line_start, line_end = _line(self.text, sentence_start)
                    closing = _closing_call(self.text, line_start, line_end)
                if not closing:
                    pending = self.subject(sentence_start, at, sentence_end, pending) if may else []
            k = bisect.bisect_left(cues, sentence_start)
            if k < len(cues) and cues[k] < sentence_end:
                self.cues(sentence_start, sentence_end)

    def cues(self, start: int, end: int) -> None:
        """The bodies a sentence gives a role by its cues: after phối hợp, before chủ trì."""
        for cue in role_cues_in("support", self.text, start, end):
            mentions = self.reader.run(self.text, cue.end(), end, bare=True)
            self.add(mentions, Role.SUPPORT, (start, end))
        for cue in role_cues_in("lead", self.text, start, end):
            if not self.text[start:cue.start()].strip(" ,"):
                continue  # no body written before it (Chủ trì, phối hợp …)
            before = self.reader.find_all(self.text, start, cue.start())
            if self._names_a_column(before):
                continue
            for m in before:
                if not self.text[m.end:cue.start()].strip(" ,"):
                    self.add([m], Role.LEAD, (start, end))

    def _names_a_column(self, mentions: list[Mention]) -> bool:
        """Is the line the first of ``mentions`` opens a task table's column header that a text dump wrote as a line
        of its own (``Cơ quan, tổ chức đảng chủ trì``; ``Cá nhân phụ trách chỉ đạo, kiểm tra``), not a duty: groups
        alone opening a short line that ends without a full stop?"""
        if not mentions or not all(m.collective for m in mentions):
            return False
        line = self.text[slice(*_line(self.text, mentions[0].start))].strip()
        return line.startswith(self.text[mentions[0].start:mentions[0].end]) and len(line.split()) <= _COLUMN_WORDS \
            and not line.endswith((".", ";", ":"))

    def subject(self, start: int, at: int, end: int, pending: list[Mention]) -> list[Mention]:
        """The bodies a duty sentence opens with, after a request cue or a time set before them
        (``Trong năm 2022, các bộ, ngành … hoàn thành …``; ``Hằng năm, các địa phương …``), with the ``pending`` subjects listed before it; none
        after a condition (``nếu có khó khăn, vướng mắc, các đơn vị báo cáo …``), which sets no work.
        A request cue opens a duty only at the start of its line (``Đề nghị Ủy ban MTTQ …``); after a ``;``
        the bodies it asks for are the duty's object (``…; yêu cầu các tổ chức, doanh nghiệp thực hiện …``).
        ``at`` is past the request cue that opens the sentence, if any, where the quick test (_may_have_subject)
        has found that a subject may open. Returns the subjects still waiting for their duty: those of a sentence
        that is nothing but bodies."""
        if at > start and _skip_label(self.text, self.text.rfind("\n", 0, start) + 1, end) != start:
            return []
        if self.text[end - 1] == "\n" and not _duty_opener().search(self.text, at, end):
            return []  # no duty, and no subjects that wait for one: they end before a ; or , on their line
        comma = _COMMA.search(self.text, at, end)
        if fronted := self._fronted_time(at, end):
            comma = _COMMA.match(self.text, fronted.end)
            at = comma.end() if comma else at
        elif comma and times.says_how_often(self.text[at:comma.start()]):
            at = comma.end()  # Hằng năm, các địa phương lập kế hoạch …
        if role_cue("frame").match(self.text, at):
            at = next((c.end() for c in _COMMA.finditer(self.text, at, end) if self._opens_duty(c.end(), end)), at)
        if role_cue("condition").search(self.text, start, at):
            return []  # a contingency: nếu có khó khăn, vướng mắc, các cơ quan, đơn vị báo cáo …
        mentions = self.reader.run(self.text, at, end)
        if self._names_a_column(mentions):
            return []
        if mentions and _duty_start().match(self.text, self._past_aside(mentions[-1].end, end), end):
            self.add(pending + mentions, Role.LEAD, (start, end))
            return []
        if mentions and not self.text[mentions[-1].end:end].strip(" ;,"):
            return pending + mentions
        return []

    def _fronted_time(self, at: int, end: int) -> TimeExpression | None:
        """The time that opens ``text[at:end]`` past its spaces (``Trong năm 2022, …``), if any; the text is read
        for its times only where the grammar may open one there."""
        sentence = self.text[at:end]
        first = _SPACES.match(sentence).end()
        found = self.times(sentence, at) if times.may_open_a_time(sentence, first) else []
        return found[0] if found and found[0].start == at + first else None

    def _may_have_subject(self, at: int, end: int, commas: list[int]) -> bool:
        """May a duty's subject open at ``at`` or past a comma after it (where a time, a frequency or a frame set
        before the subject ends)? The quick test before the sentence's opening is read; the text past a comma is
        searched only where ``commas`` holds one (:func:`commas_before_bodies`)."""
        if may_open_a_list(self.text, at, end):
            return True
        k = bisect.bisect_left(commas, at)
        return k < len(commas) and commas[k] < end and may_open_a_body_past_a_comma(self.text, at, end)

    def _past_aside(self, at: int, end: int) -> int:
        """Where the verb of a duty whose subject ends at ``at`` may start: past an aside of manner, at the comma
        a duty verb follows (``Các sở, ban, ngành`` | ``theo chức năng, nhiệm vụ được giao,`` | ``phối hợp với …``)."""
        aside = role_cue("manner").match(self.text, _SPACES.match(self.text, at).end())
        commas = _COMMA.finditer(self.text, aside.end(), end) if aside else ()
        return next((c.end() for c in commas if _duty_start().match(self.text, c.end(), end)), at)

    def _opens_duty(self, start: int, end: int) -> bool:
        """Do bodies written from ``start`` on open a duty?"""
        mentions = self.reader.run(self.text, start, end)
        return bool(mentions) and bool(_duty_start().match(self.text, mentions[-1].end, end))

    # -- tables ------------------------------------------------------------------------------------

    def table(self, tasks: list[Task]) -> None:
        """The bodies of each table row's Chủ trì and Phối hợp cells, with the row's task and deadline. The names
        the cells spell out are learnt first, so that a cell naming a body in lower case (``Ban quản lý quy
        hoạch``) reads the name another cell writes in full (``Ban Quản lý quy hoạch``): a cell is read again
        where a name learnt after its first reading may read it otherwise."""
        cells = [(index, task, role, task.cells[column]) for index, task in enumerate(tasks) if task.source == "table"
                 for column, role in (("lead", Role.LEAD), ("support", Role.SUPPORT)) if task.cells.get(column)]
        readings = []
        for _, _, _, cell in cells:
            learnt = len(self.reader.learnt)
            mentions = self.reader.run(self.text, cell.start, cell.end, bare=True)
            for m in mentions:
                self.reader.learn(self.text, m)
            readings.append((mentions, learnt))
        for (index, task, role, cell), (mentions, learnt) in zip(cells, readings, strict=True):
            if not self.reader.reads_alike(self.text, cell.start, cell.end, learnt):
                mentions = self.reader.run(self.text, cell.start, cell.end, bare=True)
            text = task.cells.get("text", task.provenance)
            self.add(mentions, role, (text.start, text.end), self.first_of_task.get(index))


def _closing_call(text: str, line_start: int, line_end: int) -> bool:
    """Is the line from ``line_start`` to ``line_end`` in a plan's closing call: the paragraph without a label that
    ends its text with ``./.`` after its last item's own text (``Căn cứ Kế hoạch này, các cơ quan, đơn vị … triển
    khai thực hiện./.``), which asks all to carry the plan out and sets no duty of its own? A paragraph straight
    after a numbered item's line is that item's text (``Điều 2. …`` / ``Chánh Văn phòng … chịu trách nhiệm thi
    hành Quyết định này./.``), and a text without items has no closing call."""
    line = text[line_start:line_end]
    if not genre.CLOSING.search(line) or match_label(line) is not None:
        return False
    labels = (match_label(previous) for previous in _lines_before(text, line_start))
    if (first := next(labels, None)) is not None and first.kind is not SectionKind.BULLET:
        return False
    return any(label is not None and label.kind is not SectionKind.BULLET for label in labels)


def _line(text: str, offset: int) -> tuple[int, int]:
    """The start and end of the line that holds ``offset``."""
    end = text.find("\n", offset)
    return text.rfind("\n", 0, offset) + 1, end if end >= 0 else len(text)


def _lines_before(text: str, line_start: int) -> Iterator[str]:
    """The lines above the one that starts at ``line_start``, nearest first (read only as far as asked)."""
    end = line_start - 1
    while end >= 0:
        start = text.rfind("\n", 0, end) + 1
        yield text[start:end]
        end = start - 1


def _sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    starts = [start, *_sentence_starts(text, start, end)]
    for a, b in zip(starts, [*starts[1:], end], strict=True):
        a = _skip_label(text, a, b)
        if a < b:
            yield a, b


def _sentence_starts(text: str, start: int, end: int) -> list[int]:
    """Where a sentence starts in ``text[start:end]`` past its first: at a word's first character straight after a
    line break, or after a ``.``, ``;`` or ``:`` and spaces. The marks are found by ``str.find`` (a regular
    expression tries every character in Python's engine, some twenty times slower), each start past the one
    before."""
    marks = []
    for mark in _BREAKS:
        at = text.find(mark, start, end)
        while at >= 0:
            marks.append(at)
            at = text.find(mark, at + 1, end)
    marks.sort()
    starts: list[int] = []
    for at in marks:
        after = at + 1
        if starts and at < starts[-1]:
            continue  # among the spaces before the last start
        if text[at] != "\n":
            while after < end and text[after].isspace():
                after += 1
            if after == at + 1:
                continue
        if after < end and (text[after].isalnum() or text[after] == "_"):  # a word's character (\w)
            starts.append(after)
    return starts


def _skip_label(text: str, start: int, end: int) -> int:
    line_end = text.find("\n", start, end)
    line = text[start:line_end if line_end >= 0 else end]
    label = match_label(line)
    return start + label.rest_start if label else start


def scope(sections: list[Section]) -> Iterator[tuple[Section, int]]:
    """Each section to read, with the end of its own text (before its first child)."""
    every = list(walk_sections(sections))
    roles = {s.role for s in every}
    scope = _SCOPE if roles & {SectionRole.TASKS, SectionRole.ORGANISATION} else _SCOPE | {None}
    for section in every:
        if section.role in scope and section.kind is not SectionKind.BLOCK:
            yield section, section.own_end


def _widen(assignments: list[Assignment]) -> list[Assignment]:
    """Groups named in a shorter form take the fullest form the plan uses (các cơ quan báo chí → … tỉnh)."""
    names = {a.body.name for a in assignments if a.body.collective}
    if len(names) < 2:
        return assignments  # no other form of a group
    catchall = _widening()

    def words(name: str) -> list[str]:
        return [w for w in name.casefold().replace(",", " ").split() if w not in vocab.body_words("plural")]

    named = {name: words(name) for name in names}
    out = []
    for a in assignments:
        if a.body.collective:
            own = named[a.body.name]
            wider = [n for n, more in named.items() if len(more) > len(own) and more[:len(own)] == own
                     and " ".join(more[len(own):]) in catchall]
            if wider:
                a = a.model_copy(update={"body": a.body.model_copy(update={"name": max(wider, key=len)})})
        out.append(a)
    return out


@cache
def _widening() -> frozenset[str]:
    """What a group's fullest form may add to a shorter one: catch-all words, a unit, or either after của (của tỉnh)."""
    catchall = vocab.catchall_words() | set(vocab.admin_units())
    return frozenset(catchall | {f"{of} {u}" for of in vocab.body_words("of") for u in catchall})


def _heads_joined(assignments: list[Assignment], doc: Document) -> list[Assignment]:
    """Two bodies of one head joined by ``và`` (``Cục Lâm nghiệp và Cục Kiểm lâm``) are the one body the plan
    names elsewhere with the head written once (``Cục Lâm nghiệp và Kiểm lâm``): a body formed of two, called
    by their names."""
    names = {a.body.name.casefold(): a.body.name for a in assignments}
    joiners = vocab.body_words("joiner")
    out: list[Assignment] = []
    for a in assignments:
        before = out[-1] if out else None
        between = doc.text[before.body.provenance.end:a.body.provenance.start].strip() if before else ""
        if before and before.role is a.role and before.task_provenance == a.task_provenance \
                and between.casefold() in joiners:
            head = _common_head(before.body.name, a.body.name)
            whole = head and names.get(f"{before.body.name} {between} {a.body.name[len(head) + 1:]}".casefold())
            if whole:
                start, end = before.body.provenance.start, a.body.provenance.end
                body = before.body.model_copy(update={"name": whole, "text": doc.text[start:end],
                                                      "provenance": doc.locate(start, end)})
                out[-1] = before.model_copy(update={"body": body})
                continue
        out.append(a)
    return out


def _common_head(first: str, second: str) -> str | None:
    """The head noun both names open with (``Cục``), if any: the longest start of their common start that ends
    before a space and is a head."""
    common = os.path.commonprefix((first, second))
    heads = vocab.body_heads()
    at = common.rfind(" ")
    while at > 0:
        if common[:at] in heads:
            return common[:at]
        at = common.rfind(" ", 0, at)
    return None


def extract(doc: Document, header: DocumentInfo, tasks: list[Task], deadlines: list[Deadline],
            segment: bool = True) -> list[Assignment]:
    """Every (body, role) the plan assigns, in document order, each with its task and deadline.

    ``tasks`` and ``deadlines`` are those of ``extract/tasks.py``: its table rows give the Chủ trì and
    Phối hợp columns, its deadlines the time limit of each task or duty. ``segment=False`` reads names
    one syllable a token (no word segmentation), for comparison.
    """
    text = doc.text
    reader = BodyReader(province_of(header.issuer, header.place, header.parent_issuer), segment=segment)
    ex = _Extractor(doc, reader, list(deadlines))
    rows = sorted((t.provenance.start, t.provenance.end) for t in tasks if t.source == "table")
    starts, reach = [start for start, _ in rows], list(accumulate((end for _, end in rows), max, initial=0))
    parts = list(scope(doc.sections))
    headed: dict[int, list[Mention]] = {}
    for section, _ in parts:
        mentions = ex.heading_bodies(section)
        if mentions:
            headed[id(section)] = mentions
            for m in mentions:
                reader.learn(text, m)
    for section, own_end in parts:
        if id(section) in headed:
            ex.add(headed[id(section)], Role.LEAD, (section.provenance.start, section.end))
        pos = section.provenance.start
        first = bisect.bisect_right(starts, pos)  # the rows before the section only move its start past them
        pos = max(pos, reach[first])
        for start, end in rows[first:bisect.bisect_left(starts, own_end)]:  # table rows are read by column
            if pos < start:
                ex.prose(pos, start)
            pos = max(pos, end)
        if pos < own_end:
            ex.prose(pos, own_end)
    ex.table(list(tasks))
    return _heads_joined(_widen(sorted(ex.out, key=lambda a: a.body.provenance.start)), doc)
