"""HTML pages of legal portals and provincial sites: the document's blocks, without the site around it.

- scripts, styles, forms, menus (``nav``), sidebars (``aside``), site headers
  and footers are dropped (not the form an ASP.NET or SharePoint page is wrapped in);
- the document is the element holding most of the page's text that is not
  link text: from ``body`` down, while one child holds nearly all of it;
- block elements end paragraphs, ``<br>`` and the line breaks of ``<pre>``
  break them (one :class:`Paragraph` per line); headings give the heading level; items of ordered lists get
  their numbers as labels;
- a table becomes a :class:`Table` (``colspan`` and ``rowspan`` kept, a cell
  under a ``rowspan`` covered); a cell's text is its lines.

The tree is walked with a stack, never recursively, and the text of each
element is measured once, bottom up. A page of more elements than ``--max-elements``
(counted in its bytes before it is parsed, by ``read``) or nested deeper than
``--max-depth`` raises :class:`LimitExceededError` (see :class:`~planparse.read.limits.Limits`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from planparse.blocks import Block, Paragraph, Table, TableCell, render
from planparse.errors import LimitExceededError, MissingExtraError
from planparse.model import SourceInfo
from planparse.read import Source
from planparse.read.limits import Limits
from planparse.read.numbering_labels import number_label

_DROP = ("script", "style", "noscript", "template", "iframe", "button", "select", "textarea", "nav", "aside",
         "svg", "canvas", "object")
_SITE = ("header", "footer")  # dropped when outside the document's own element
_BLOCKS = {"p", "div", "section", "article", "main", "blockquote", "pre", "li", "dd", "dt", "center",
           "h1", "h2", "h3", "h4", "h5", "h6", "tr", "ul", "ol", "dl", "table", "header", "footer", "address"}
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_LIST_TYPES = {"I": "upperRoman", "i": "lowerRoman", "A": "upperLetter", "a": "lowerLetter"}
NEARLY_ALL = 0.7  # the share of the text a child must hold for the document to be inside it


def read_html(data: bytes, info: SourceInfo, limits: Limits = Limits()) -> Source:
    """Read an HTML file (the encoding from its BOM or ``<meta charset>``, else guessed), its elements
    nested no deeper than ``limits.depth`` (the count of its elements is checked before: ``read``)."""
    try:
        from bs4 import BeautifulSoup, FeatureNotFound
    except ImportError:
        raise MissingExtraError(
            "reading HTML needs beautifulsoup4 and lxml: pip install 'planparse[html]'") from None
    try:
        soup = BeautifulSoup(data, "lxml")
    except FeatureNotFound:
        raise MissingExtraError("reading HTML needs lxml: pip install 'planparse[html]'") from None
    for tag in soup.find_all(_DROP):
        tag.decompose()
    _drop_forms(soup)
    lengths = _text_lengths(soup.body or soup, limits)
    root = _document(soup.body or soup, lengths)
    size = lengths[id(root)]
    for tag in root.find_all(_SITE):
        if not tag.decomposed and lengths[id(tag)] < NEARLY_ALL * size:
            tag.decompose()
    return Source(tuple(_blocks(root)), info.model_copy(update={"encoding": soup.original_encoding}))


def _drop_forms(soup) -> None:
    """Drop forms (a search box, a login), but not the one that wraps a whole ASP.NET or SharePoint page."""
    total = len("".join(soup.get_text().split()))
    for form in soup.find_all("form"):
        if not form.decomposed and len("".join(form.get_text().split())) < NEARLY_ALL * total:
            form.decompose()


def _text_lengths(top, limits: Limits) -> dict[int, int]:
    """For ``top`` and each element inside it (by ``id``): its characters of text outside links (menus
    and lists of other documents are links), spaces aside. Measured bottom up, once; raises
    :class:`LimitExceededError` for nesting deeper than ``limits.depth``."""
    from bs4 import CData, NavigableString, Tag

    totals: dict[int, tuple[int, int]] = {}  # id → (all text, text in links inside)
    stack: list[tuple[Tag, int, bool]] = [(top, 0, False)]
    while stack:
        tag, depth, measured = stack.pop()
        if not measured:
            if depth > limits.depth:
                raise limits.refuse(LimitExceededError, "the HTML nests its elements deeper", "depth")
            stack.append((tag, depth, True))
            stack.extend((child, depth + 1, False) for child in tag.contents if isinstance(child, Tag))
            continue
        total = links = 0
        for child in tag.contents:
            if isinstance(child, Tag):
                text, linked = totals[id(child)]
                total += text
                links += linked + (text if child.name == "a" else 0)
            elif type(child) in (NavigableString, CData):
                total += len("".join(child.split()))
        totals[id(tag)] = (total, links)
    return {key: text - linked for key, (text, linked) in totals.items()}


def _document(tag, lengths: dict[int, int]):
    """From ``tag`` down, while one child holds nearly all the text outside links."""
    size = lengths[id(tag)]
    while True:
        children = [(lengths[id(c)], c) for c in tag.find_all(recursive=False) if c.name not in ("table", "tr", "p")]
        best_size, best = max(children, key=lambda sized: sized[0], default=(0, None))
        if best is None or size == 0 or best_size < NEARLY_ALL * size:
            return tag
        tag, size = best, best_size


@dataclass
class _Writer:
    """The blocks of an element being written, and the line being written: its text, and the heading
    mark or list label it started with."""

    blocks: list[Block] = field(default_factory=list)
    text: str = ""
    level: int | None = None
    label: str | None = None
    position: int = 0
    preformatted: int = 0  # inside this many <pre>: a line break in the text ends the line

    def start(self, position: int, level: int | None = None, label: str | None = None) -> None:
        """Start a line (after ending the one before) at the element ``position``."""
        self.end_line()
        self.position, self.level, self.label = position, level, label

    def add(self, text: str, position: int) -> None:
        if self.preformatted:
            first, *rest = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
            self._add(first, position)
            for line in rest:
                self.end_line()
                self._add(line, position)
        else:
            self._add(text, position)

    def end_pre(self) -> None:
        self.preformatted -= 1
        self.end_line()

    def _add(self, text: str, position: int) -> None:
        if not (self.text or self.level or self.label):
            self.position = position
        if text.strip():
            self.text += _spaced(text)
        elif self.text and not self.text.endswith(" "):
            self.text += " "

    def end_line(self) -> None:
        """End the line being written: a paragraph if it holds more than a heading mark."""
        mark = "#" * self.level if self.level else self.label or ""
        if (mark + self.text).strip("# "):
            self.blocks.append(Paragraph(self.text.strip(), label=self.label, level=self.level,
                                         position=self.position))
        self.text, self.level, self.label = "", None, None

    def lines(self) -> list[str]:
        """The lines written, as a table cell holds them."""
        self.end_line()
        return [line.strip() for line in render(self.blocks).text.split("\n")] if self.blocks else []


@dataclass
class _TableBuilder:
    """A table being read: its rows, and the grid columns a ``rowspan`` above still covers."""

    position: int
    rows: list[list[TableCell]] = field(default_factory=list)
    spans: dict[int, tuple[int, int]] = field(default_factory=dict)  # grid column → (rows left, colspan)
    column: int = 0

    def start_row(self) -> None:
        self._finish_row()
        self.rows.append([])
        self.column = 0

    def add_cell(self, cell: TableCell) -> None:
        if not self.rows:
            self.start_row()
        self._cover()
        self.rows[-1].append(cell)
        if cell.rowspan > 1:
            self.spans[self.column] = (cell.rowspan - 1, cell.colspan)
        self.column += cell.colspan

    def table(self) -> Table:
        self._finish_row()
        return Table(tuple(tuple(row) for row in self.rows), position=self.position)

    def _cover(self) -> None:
        """Covered cells for the columns, from the current one, that a cell above still spans."""
        while self.column in self.spans:
            left, colspan = self.spans.pop(self.column)
            if left > 1:
                self.spans[self.column] = (left - 1, colspan)
            self.rows[-1].append(TableCell(colspan=colspan, covered=True))
            self.column += colspan

    def _finish_row(self) -> None:
        """Covered cells for the spans that reach past the row's last cell."""
        while self.rows and (after := [column for column in self.spans if column >= self.column]):
            self.column = min(after)
            self._cover()


def _blocks(root) -> list[Block]:
    """The blocks of ``root``'s text: its tree walked with a stack, never recursively.

    Between a table's cells (inside the table, outside a cell), text is not the document's: only
    rows and their cells are read, and a table there is skipped."""
    from bs4 import NavigableString, Tag
    from bs4.element import PageElement, PreformattedString  # comments, doctype, CDATA …

    document = _Writer()
    contexts: list[_Writer | _TableBuilder] = [document]  # what the text goes to: a writer, or a table
    counts: dict[int, int] = {}  # id of an <ol> → its items so far
    stack: list = [root]  # elements to enter, and callables that end one
    position = 0
    while stack:
        node = stack.pop()
        if not isinstance(node, PageElement):
            node()  # an element ends
            continue
        context = contexts[-1]
        if isinstance(node, PreformattedString) or not isinstance(node, NavigableString | Tag):
            continue
        if isinstance(node, NavigableString):
            if isinstance(context, _Writer):
                context.add(str(node), position)
            continue
        position += 1
        name = node.name
        if isinstance(context, _TableBuilder):
            if name == "table":
                continue
            if name == "tr":
                context.start_row()
            elif name in ("td", "th") and node.parent is not None and node.parent.name == "tr":
                contexts.append(_Writer(position=position))
                stack.append(_cell_end(contexts, node))
        elif name == "br":
            context.end_line()
            continue
        elif name == "table":
            context.end_line()
            contexts.append(_TableBuilder(position))
            stack.append(_table_end(contexts))
        elif name in _BLOCKS:
            level = int(name[1]) if name in _HEADINGS else None
            context.start(position, level, _list_label(node, counts))
            if name == "pre":
                context.preformatted += 1
            stack.append(context.end_pre if name == "pre" else context.end_line)
        stack.extend(reversed(node.contents))
    document.end_line()  # the last run of text, in no block of its own
    return document.blocks


def _cell_end(contexts: list[_Writer | _TableBuilder], cell):
    """What ends the cell being read: its lines become a cell of the table."""
    def end() -> None:
        writer = contexts.pop()
        contexts[-1].add_cell(TableCell(tuple(writer.lines()), colspan=_span(cell, "colspan"),
                                        rowspan=_span(cell, "rowspan")))
    return end


def _table_end(contexts: list[_Writer | _TableBuilder]):
    """What ends the table being read: it becomes a block of the writer around it."""
    def end() -> None:
        table = contexts.pop().table()
        contexts[-1].blocks.append(table)
    return end


def _span(cell, attribute: str) -> int:
    value = str(cell.get(attribute, "1"))
    return max(1, int(value)) if value.isdigit() else 1


def _spaced(text: str) -> str:
    """Inline text with its spaces collapsed, keeping one at either end if it had one."""
    inner = " ".join(text.split())
    return (" " if text[:1].isspace() else "") + inner + (" " if text[-1:].isspace() else "")


def _list_label(li, counts: dict[int, int]) -> str | None:
    """``1.``, ``a.``… for an item of an ordered list, as the browser numbers it; ``None`` for others."""
    parent = li.parent
    if li.name != "li" or parent is None or parent.name != "ol":
        return None
    start = int(parent.get("start", "1")) if str(parent.get("start", "1")).isdigit() else 1
    n = start + counts.get(id(parent), 0)
    counts[id(parent)] = counts.get(id(parent), 0) + 1
    if li.get("value", "").isdigit():
        n = int(li["value"])
    return f"{number_label(n, _LIST_TYPES.get(parent.get('type'), 'decimal'))}."
