"""OCR of PDF pages: each page rendered by pdfium, straightened, and read by Tesseract with its Vietnamese
model; the words come back with their boxes in the page's own units (points from its top left), as the
PDF reader's text layer gives them, so that lines, columns and wrapped paragraphs are found the same way.

Tesseract runs as a program (Debian: ``tesseract-ocr`` and ``tesseract-ocr-vie``), one thread per page:
a batch already keeps every core busy with one document per worker.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
from functools import cache

from planparse.errors import ConversionError, MissingProgramError

DPI = 300  # Tesseract reads best at 300 dpi
MAX_SIDE = 7000  # pixels: a page larger than A3 is read at a lower resolution, not rendered without end
LANGUAGE = "vie"
TIMEOUT = 300  # seconds for one page
MIN_CONFIDENCE = 10  # Tesseract's confidence (0-100) below which a "word" is a speck, a stamp or a signature
SKEW_DEGREES = 4.0  # the most a scan is straightened by
EM_PER_LETTER = 0.5  # a letter of running text is about half as wide as its type is high
PACKAGES = "tesseract-ocr tesseract-ocr-vie"
_MISREAD_LABEL = re.compile(r"(\d{1,2}|[IVXÌÍ][IVX]{0,3})[.,]")


@cache
def tesseract() -> str:
    """The Tesseract program, checked to have the Vietnamese model; else :class:`MissingProgramError`."""
    program = shutil.which("tesseract")
    if program is None:
        raise MissingProgramError(f"OCR needs Tesseract, which is not installed; install the Debian packages"
                                  f" {PACKAGES} (or run with --ocr never)")
    listed = subprocess.run([program, "--list-langs"], capture_output=True, text=True, check=False)
    if LANGUAGE not in (listed.stdout + listed.stderr).split():
        raise MissingProgramError(f"OCR needs Tesseract's Vietnamese model, which is not installed; install the"
                                  f" Debian package tesseract-ocr-{LANGUAGE}")
    return program


def page_words(page) -> list[dict]:
    """The words Tesseract reads on a pypdfium2 ``page``: ``text``, ``x0``, ``x1``, ``top``, ``bottom``
    (points from the page's top left, the scan straightened) and ``size`` (the type size of its line, in
    points)."""
    program = tesseract()
    scale = min(DPI / 72, MAX_SIDE / max(page.get_size()))  # pixels a point
    image = straighten(page.render(scale=scale, grayscale=True).to_pil())
    png = io.BytesIO()
    image.save(png, format="PNG")
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        result = subprocess.run([program, "stdin", "stdout", "-l", LANGUAGE, "--psm", "3", "tsv"],
                                input=png.getvalue(), capture_output=True, timeout=TIMEOUT, env=env, check=False)
    except subprocess.TimeoutExpired:
        raise ConversionError(f"Tesseract did not finish reading a page in {TIMEOUT} s") from None
    if result.returncode != 0:
        said = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise ConversionError(f"Tesseract failed on a page ({said[-1] if said else result.returncode})")
    return _words(result.stdout.decode("utf-8", "replace"), 1 / scale)


def _words(tsv: str, scale: float) -> list[dict]:
    """Tesseract's TSV as words, each with its line's top and bottom (``scale``: points a pixel) and the type
    size its line's letters are wide for (a line's height varies with its letters' marks more than with
    the type size: a running header in small print is told by its narrow letters)."""
    rows = list(csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE))
    kept = [r for r in rows if r["level"] == "5" and (r.get("text") or "").strip()
            and float(r["conf"]) >= MIN_CONFIDENCE]
    lines = {_line(r): r for r in rows if r["level"] == "4"}
    widths: dict[tuple[str, ...], list[int]] = {}
    for r in kept:
        width = widths.setdefault(_line(r), [0, 0])
        width[0] += int(r["width"])
        width[1] += len(r["text"].strip())
    words = []
    for row in kept:
        text = row["text"].strip()
        line = lines.get(_line(row), row)
        top, left = int(line["top"]), int(row["left"])
        width, letters = widths[_line(row)]
        words.append({"text": _label(text) if row["word_num"] == "1" else text, "x0": left * scale,
                      "x1": (left + int(row["width"])) * scale, "top": top * scale,
                      "bottom": (top + int(line["height"])) * scale, "size": width / letters * scale / EM_PER_LETTER})
    return words


def _line(row: dict) -> tuple[str, ...]:
    return row["block_num"], row["par_num"], row["line_num"]


def _label(word: str) -> str:
    """The first word of a line as the genre numbers it: OCR reads the label ``5.`` as ``5,`` and ``I.`` as
    ``Ì.``."""
    m = _MISREAD_LABEL.fullmatch(word)
    return m.group(1).replace("Ì", "I").replace("Í", "I") + "." if m else word


def straighten(image):
    """``image`` (a grey PIL image) turned by the angle that lines its text up with the rows of pixels:
    the angle, within :data:`SKEW_DEGREES`, whose rows of dark pixels vary the most."""
    import numpy as np

    small = image.reduce(4)
    dark = small.point(lambda v: 255 if v < 128 else 0)

    def sharpness(angle: float) -> float:
        rows = np.asarray(dark.rotate(angle, fillcolor=0), dtype=np.float32).sum(axis=1)
        return float(np.var(np.diff(rows)))

    coarse = max((a / 2 for a in range(int(-2 * SKEW_DEGREES), int(2 * SKEW_DEGREES) + 1)), key=sharpness)
    angle = max((coarse + a / 10 for a in range(-5, 6)), key=sharpness)
    return image.rotate(angle, fillcolor=255, resample=3) if abs(angle) >= 0.1 else image
