"""A Word file's package (Open Packaging Conventions): the main document part and the parts it relates to.

Only what reading needs is parsed: the main document, its styles and its numbering, found
through the package's relationships as python-docx finds them. A damaged package raises
``zipfile.BadZipFile``, ``KeyError`` (a part or its content type missing), ``ValueError``
(not a Word document) or lxml's ``XMLSyntaxError``.
"""

from __future__ import annotations

import io
import posixpath
import zipfile

from lxml import etree

_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_RELATIONSHIP = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_WORD_DOCUMENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False)  # python-docx's parser options


class WordPackage:
    """The parsed parts of a DOCX file: ``document`` (root element), ``styles`` and ``numbering`` (or None)."""

    def __init__(self, data: bytes) -> None:
        self._zip = zipfile.ZipFile(io.BytesIO(data))
        main = self._related("/", "officeDocument")
        if main is None:
            raise KeyError("no main document part")
        content_type = self._content_type(main)
        if content_type != _WORD_DOCUMENT:
            raise ValueError(f"not a Word document: its content type is {content_type!r}")
        self.document = self._xml(main)
        styles, numbering = self._related(main, "styles"), self._related(main, "numbering")
        self.styles = self._xml(styles) if styles is not None else None
        self.numbering = self._xml(numbering) if numbering is not None else None

    def _xml(self, partname: str):
        return etree.fromstring(self._zip.read(partname[1:]), _PARSER)

    def _related(self, source: str, kind: str) -> str | None:
        """The part that ``source`` (a part name, or ``/`` for the package) relates to as ``kind``, if any."""
        base, name = posixpath.split(source)
        try:
            rels = self._zip.read(posixpath.join(base, "_rels", f"{name}.rels")[1:])
        except KeyError:
            return None
        targets = [rel.get("Target") for rel in etree.fromstring(rels, _PARSER).iterchildren(_RELATIONSHIP)
                   if rel.get("Type") == _RELATIONSHIPS + kind and rel.get("TargetMode") != "External"]
        if len(targets) > 1:
            raise ValueError(f"more than one {kind} part")
        return posixpath.normpath(posixpath.join(base, targets[0])) if targets else None

    def _content_type(self, partname: str) -> str:
        """The content type ``[Content_Types].xml`` gives the part: its override, else its extension's."""
        types = etree.fromstring(self._zip.read("[Content_Types].xml"), _PARSER)
        extension = posixpath.splitext(partname)[1][1:].lower()
        overrides = {o.get("PartName", "").lower(): o.get("ContentType") for o in types.iterchildren(f"{_TYPES}Override")}
        defaults = {d.get("Extension", "").lower(): d.get("ContentType") for d in types.iterchildren(f"{_TYPES}Default")}
        if partname.lower() in overrides:
            return overrides[partname.lower()]
        if extension in defaults:
            return defaults[extension]
        raise KeyError(f"no content type for {partname}")
