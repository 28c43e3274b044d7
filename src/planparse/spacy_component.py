"""spaCy integration: a Vietnamese tokenizer, the ``planparse`` pipeline component and a displaCy view.

- ``UndertheseaTokenizer``: one token per Vietnamese word (``Thông tin``),
  from underthesea's word segmentation (spaCy's own ``vi`` needs pyvi);
  ``doc.text`` is the text given.
- the ``planparse`` component (registered through the ``spacy_factories``
  entry point, so ``nlp.add_pipe("planparse")`` works once planparse is
  installed): parses ``doc.text`` into a :class:`~planparse.model.Plan`, kept as
  ``doc._.plan``, and puts its facts in ``doc.spans["planparse"]`` labelled
  BODY, OBJECTIVE, QUANTITY, DEADLINE, BUDGET and REFERENCE.
- ``render(doc)``: the spans drawn by displaCy (in a notebook, inline).

The plan's offsets point into its cleaned text; the Document's offset map carries
each span back to the Doc's text.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import registry
from spacy.vocab import Vocab

from planparse import document as documents
from planparse.errors import EmptyDocumentError, NotAPlanError
from planparse.lang.segment import word_spans
from planparse.model import Plan, SourceInfo
from planparse.pipeline import extract
from planparse.read import Source

SPANS_KEY = "planparse"
LABELS = ("BODY", "OBJECTIVE", "QUANTITY", "DEADLINE", "BUDGET", "REFERENCE")
_COLOURS = {"BODY": "#7aecec", "OBJECTIVE": "#bfeeb7", "QUANTITY": "#feca74", "DEADLINE": "#ff9561",
            "BUDGET": "#c887fb", "REFERENCE": "#ddd"}

if not Doc.has_extension("plan"):
    Doc.set_extension("plan", default=None)


class UndertheseaTokenizer:
    """A spaCy tokenizer with one token per Vietnamese word; whitespace other than one space is a token."""

    def __init__(self, vocab: Vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        pos = 0
        for start, end in word_spans(text):
            gap = text[pos:start]
            if gap:
                if words and gap.startswith(" "):
                    spaces[-1], gap = True, gap[1:]
                if gap:
                    words.append(gap)
                    spaces.append(False)
            words.append(text[start:end])
            spaces.append(False)
            pos = end
        if text[pos:]:
            words.append(text[pos:])
            spaces.append(False)
        return Doc(self.vocab, words=words, spaces=spaces)


@registry.tokenizers("planparse.UndertheseaTokenizer.v1")
def create_tokenizer():
    """For a config: ``[nlp.tokenizer] @tokenizers = "planparse.UndertheseaTokenizer.v1"``."""
    return lambda nlp: UndertheseaTokenizer(nlp.vocab)


def blank() -> Language:
    """A blank pipeline with the underthesea tokenizer and the planparse component."""
    import spacy

    nlp = spacy.blank("xx")
    nlp.tokenizer = UndertheseaTokenizer(nlp.vocab)
    nlp.add_pipe("planparse")
    return nlp


class PlanparseComponent:
    """Parses each Doc's text as a plan and labels the spans of its facts."""

    def __init__(self, spans_key: str = SPANS_KEY):
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        try:
            document = documents.build(Source.from_text(doc.text, SourceInfo(format="text")))
        except (EmptyDocumentError, NotAPlanError):
            doc.spans[self.spans_key] = []
            return doc
        doc._.plan = extract(document)
        doc.spans[self.spans_key] = plan_spans(doc, doc._.plan, document)
        return doc


@Language.factory("planparse", default_config={"spans_key": SPANS_KEY})
def make_planparse(nlp: Language, name: str, spans_key: str) -> PlanparseComponent:
    """The ``planparse`` pipeline component."""
    return PlanparseComponent(spans_key)


def facts_spans(plan: Plan) -> Iterator[tuple[int, int, str]]:
    """(start, end, label) in ``plan.text`` for each fact of the plan that has a place in it."""
    for objective in plan.objectives:
        yield objective.provenance.start, objective.provenance.end, "OBJECTIVE"
        for q in objective.quantities:
            yield q.start, q.end, "QUANTITY"
    placed = [(a.body.provenance, "BODY") for a in plan.assignments]
    placed += [(deadline.provenance, "DEADLINE") for deadline in plan.deadlines]
    placed += [(source.provenance, "BUDGET") for source in plan.budget_sources]
    placed += [(mention, "REFERENCE") for ref in plan.references for mention in ref.mentions]
    for where, label in placed:
        yield where.start, where.end, label


def plan_spans(doc: Doc, plan: Plan, document: documents.Document) -> list[Span]:
    """The labelled spans of ``plan``'s facts in ``doc`` (each once, in order); ``document`` is the one
    ``plan`` was extracted from, out of ``doc.text``."""
    seen: dict[tuple[int, int, str], Span] = {}
    for fact_start, fact_end, label in facts_spans(plan):
        start, end = document.source_span(fact_start, fact_end)
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None:
            seen.setdefault((span.start, span.end, label), span)
    return sorted(seen.values(), key=lambda s: (s.start, s.end, s.label_))


def render(doc: Doc, spans_key: str = SPANS_KEY, jupyter: bool | None = None) -> str | None:
    """The planparse spans of ``doc`` drawn by displaCy; inline in a notebook, else the HTML."""
    from spacy import displacy
    from spacy.util import is_in_jupyter

    options = {"spans_key": spans_key, "colors": _COLOURS}
    parsed = displacy.parse_spans(doc, options)  # displaCy drops line breaks: carry them through as a mark
    parsed["tokens"] = [token.replace("\n", _BREAK) for token in parsed["tokens"]]
    html = displacy.render(parsed, style="span", manual=True, options=options, jupyter=False).replace(_BREAK, "<br>")
    if jupyter or (jupyter is None and is_in_jupyter()):
        from IPython.display import HTML, display

        display(HTML(html))
        return None
    return html


_BREAK = "\u2029"  # PARAGRAPH SEPARATOR: never in a cleaned plan, left alone by displaCy's escaping
