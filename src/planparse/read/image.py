"""Images of pages — a scanner's PNG, JPEG or (multi-page) TIFF, a photo of a page — read by OCR.

The image becomes a PDF of page images at its own resolution, which the PDF reader reads as any scan:
each page straightened and read by Tesseract, its words laid out in lines, columns and pages.
"""

from __future__ import annotations

import io

from planparse.errors import CorruptFileError, LimitExceededError, NeedsOCRError, TooManyPagesError
from planparse.model import SourceInfo
from planparse.read import Progress, Source
from planparse.read.limits import Limits
from planparse.read.sniff import image_kind

A4_SHORT_SIDE = 8.27  # inches: a page's width, to guess the resolution of an image that does not say it
DPI_RANGE = (100, 1200)  # resolutions a scanner uses; outside it an image's stated dpi is a default, not a fact
_PDF_MODES = {"1", "L", "RGB", "CMYK"}  # what a PDF holds as it is


def read_image(data: bytes, info: SourceInfo, ocr: str, progress: Progress | None, limits: Limits) -> Source:
    """Read the pages of an image file by OCR (``ocr`` ``never`` refuses it: an image holds no text layer)."""
    if ocr == "never":
        raise NeedsOCRError("an image of a page holds no text, only pixels; read it with OCR (--ocr auto)")
    from planparse.read.pdf import read_pdf

    return read_pdf(_as_pdf(data, limits), info, "always", progress, limits)


def _as_pdf(data: bytes, limits: Limits) -> bytes:
    """The image's pages as a PDF, each page its size at the image's resolution; a typed error for an image
    that cannot be decoded or is over a limit."""
    from PIL import Image, ImageSequence

    pdf = io.BytesIO()
    try:
        with Image.open(io.BytesIO(data)) as image:
            pages = getattr(image, "n_frames", 1)
            if pages > limits.pages:
                raise limits.refuse(TooManyPagesError, f"the image has {pages:,} pages", "pages")
            frames = ([image] if image.mode in _PDF_MODES
                      else [frame.convert("L") for frame in ImageSequence.Iterator(image)])
            frames[0].save(pdf, format="PDF", save_all=True, append_images=frames[1:], resolution=_dpi(image))
    except Image.DecompressionBombError as exc:
        raise LimitExceededError(f"the image is too large to read as a page ({exc})") from None
    except (OSError, SyntaxError, ValueError, EOFError) as exc:  # what Pillow raises for a damaged image
        raise CorruptFileError(f"the {image_kind(data) or 'scanned'} image cannot be decoded ({exc})") from None
    return pdf.getvalue()


def _dpi(image) -> float:
    """The image's resolution: as it states, where a scanner would use it; else as if its shorter side were
    an A4 page's width."""
    stated = image.info.get("dpi")
    dpi = float(stated[0]) if isinstance(stated, tuple) and stated else 0.0
    if DPI_RANGE[0] <= dpi <= DPI_RANGE[1]:
        return dpi
    return max(min(image.size) / A4_SHORT_SIDE, 1.0)

