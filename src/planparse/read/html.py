"""HTML pages of legal portals and provincial sites: the document's text, without the site around it.

- scripts, styles, forms, menus (``nav``), sidebars (``aside``), site headers
  and footers are dropped;
- the document is the element holding most of the page's text that is not
  link text: from ``body`` down, while one child holds nearly all of it;
- block elements end lines, ``<br>`` breaks them; headings become markdown
  headings; ordered lists get their numbers;
- a table of three or more columns becomes a pipe table; one of one or two
  columns is layout (the header, the signature block) and gives its text, two
  columns as ``left | right`` rows.
"""

from __future__ import annotations

from planparse.errors import MissingExtraError
from planparse.model import SourceInfo
from planparse.read import Source
from planparse.read.layout import number_label, table_lines

_DROP = ("script", "style", "noscript", "template", "iframe", "form", "button", "select", "nav", "aside",
         "svg", "canvas", "object")
_SITE = ("header", "footer")  # dropped when outside the document's own element
_BLOCKS = {"p", "div", "section", "article", "main", "blockquote", "pre", "li", "dd", "dt", "center",
           "h1", "h2", "h3", "h4", "h5", "h6", "tr", "ul", "ol", "dl", "table", "header", "footer", "address"}
NEARLY_ALL = 0.7  # the share of the text a child must hold for the document to be inside it


def read_html(data: bytes, info: SourceInfo) -> Source:
    """Read an HTML file (the encoding from its BOM or ``<meta charset>``, else guessed)."""
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
    root = _document(soup.body or soup)
    size = _text_len(root)
    for tag in root.find_all(_SITE):
        if _text_len(tag) < NEARLY_ALL * size:
            tag.decompose()
    lines: list[str] = []
    _walk(root, lines, [""])
    text = "\n".join(line.strip() for line in lines)
    return Source(text, info.model_copy(update={"encoding": soup.original_encoding}))


def _text_len(tag) -> int:
    """Characters of text outside links (menus and lists of other documents are links)."""
    total = len("".join(tag.get_text(" ").split()))
    links = sum(len("".join(a.get_text(" ").split())) for a in tag.find_all("a"))
    return total - links


def _document(tag):
    """From ``tag`` down, while one child holds nearly all the text outside links."""
    size = _text_len(tag)
    while True:
        children = [(_text_len(c), c) for c in tag.find_all(recursive=False) if c.name not in ("table", "tr", "p")]
        best_size, best = max(children, key=lambda sized: sized[0], default=(0, None))
        if best is None or size == 0 or best_size < NEARLY_ALL * size:
            return tag
        tag, size = best, best_size


def _walk(tag, lines: list[str], current: list[str]) -> None:
    """Append the text of ``tag`` to ``lines``; ``current`` holds the line being written."""
    from bs4 import NavigableString, Tag
    from bs4.element import PreformattedString  # comments, doctype, CDATA …

    for child in tag.children:
        if isinstance(child, PreformattedString):
            continue
        if isinstance(child, NavigableString):
            text = str(child)
            if text.strip():
                current[0] += _spaced(text)
            elif current[0] and not current[0].endswith(" "):
                current[0] += " "
            continue
        if not isinstance(child, Tag):
            continue
        name = child.name
        if name == "br":
            _end_line(lines, current)
        elif name == "table":
            _end_line(lines, current)
            lines += _table(child)
        elif name in _BLOCKS:
            _end_line(lines, current)
            if name in ("h1", "h2", "h3", "h4", "h5", "h6"):
                current[0] = "#" * int(name[1]) + " "
            elif name == "li":
                current[0] = _list_label(child)
            _walk(child, lines, current)
            _end_line(lines, current)
        else:
            _walk(child, lines, current)


def _spaced(text: str) -> str:
    """Inline text with its spaces collapsed, keeping one at either end if it had one."""
    inner = " ".join(text.split())
    return (" " if text[:1].isspace() else "") + inner + (" " if text[-1:].isspace() else "")


def _end_line(lines: list[str], current: list[str]) -> None:
    if current[0].strip() and current[0].strip("# ") != "":
        lines.append(current[0])
    current[0] = ""


def _list_label(li) -> str:
    """``1. ``, ``a) ``… for an item of an ordered list, as the browser numbers it; nothing for others."""
    parent = li.parent
    if parent is None or parent.name != "ol":
        return ""
    start = int(parent.get("start", "1")) if str(parent.get("start", "1")).isdigit() else 1
    n = start + parent.find_all("li", recursive=False).index(li)
    if li.get("value", "").isdigit():
        n = int(li["value"])
    fmt = {"I": "upperRoman", "i": "lowerRoman", "A": "upperLetter", "a": "lowerLetter"}.get(parent.get("type"))
    return f"{number_label(n, fmt or 'decimal')}. "


def _table(table) -> list[str]:
    rows: list[list[tuple[list[str], int]]] = []  # row → cell → (lines, columns spanned)
    for tr in table.find_all("tr"):
        if tr.find_parent("table") is not table:
            continue
        row: list[tuple[list[str], int]] = []
        for cell in tr.find_all(("td", "th"), recursive=False):
            lines: list[str] = []
            _walk(cell, lines, current := [""])
            _end_line(lines, current)
            span = str(cell.get("colspan", "1"))
            row.append(([line.strip() for line in lines], int(span) if span.isdigit() else 1))
        rows.append(row)
    return table_lines(rows)
