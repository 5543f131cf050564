"""Repeat detection, both directions, on synthetic paragraphs."""

from eventwire.clean import clean
from eventwire.types import Document

A = (
    "Rebel fighters seized the northern airbase near Tal Hamid after a three-day siege, local monitors said "
    "on Wednesday."
)
A_REWORDED = (
    "Rebel militants seized the northern airbase near Tal Hamid after a three-day siege, local observers said "
    "on Wednesday."
)
A_PLUS_NEWS = (
    "Rebel fighters who seized the airbase near Tal Hamid have since shelled the provincial capital, forcing "
    "thousands of families to flee south toward the border."
)
B = "The United Nations called for an immediate humanitarian pause to evacuate the wounded from the district."
C = "Aid convoys reached the eastern villages on Thursday for the first time since the fighting began in March."


def _doc(*paras, sep="\n\n"):
    return Document("d", sep.join(paras))


def _flagged(c):
    return [c.text[r.start : r.end] for r in c.repeats]


def test_exact_and_reworded_paragraph_repeats_are_flagged():
    c = clean(_doc(A, B, A_REWORDED, C, A))
    assert _flagged(c) == [A_REWORDED, A]
    r = c.repeats[0]
    assert c.text[r.of_start : r.of_end] == A and 0.7 <= r.similarity < 1
    assert c.repeats[1].similarity == 1.0


def test_the_later_copy_is_the_repeat_and_extraction_text_blanks_it():
    c = clean(_doc(A, B, A))
    start = c.text.rindex(A)
    assert (c.repeats[0].start, c.repeats[0].end) == (start, start + len(A))
    ex = c.extraction_text()
    assert len(ex) == len(c.text) and ex.count(A) == 1 and ex.startswith(A) and ex[start:].strip() == ""


def test_same_names_with_new_information_is_not_a_repeat():
    assert clean(_doc(A, B, A_PLUS_NEWS)).repeats == []


def test_longer_restatement_adding_a_clause_is_not_a_repeat():
    longer = A[:-1] + ", after government forces withdrew to the coast and blew up the fuel depot behind them."
    assert clean(_doc(A, B, longer)).repeats == []


def test_shorter_summary_of_an_earlier_paragraph_is_a_repeat():
    summary = "Rebel fighters seized the northern airbase near Tal Hamid, monitors said."
    c = clean(_doc(A, B, summary))
    assert _flagged(c) == [summary]


def test_new_number_or_flipped_negation_is_never_a_repeat():
    first = "Regional officials said 12 civilians were killed when rockets hit the market in the old town."
    toll = "Regional officials said 15 civilians were killed when rockets hit the market in the old town."
    denial = "Regional officials said civilians were not killed when rockets hit the market in the old town."
    assert clean(_doc(first, B, toll)).repeats == []
    assert clean(_doc(first, B, denial)).repeats == []
    same_number_in_words = toll.replace("15", "twelve")
    assert _flagged(clean(_doc(first, B, same_number_in_words))) == [same_number_in_words]


def test_short_passages_are_never_repeats():
    short = "The shelling continued overnight."  # 3 content words
    assert clean(_doc(short, B, short)).repeats == []


def test_sentence_inside_a_longer_paragraph_repeating_an_earlier_sentence():
    later = f"{C} {A} Officials expect more convoys to follow next week if the roads stay open."
    c = clean(_doc(A, B, later))
    assert _flagged(c) == [A]
    r = c.repeats[0]
    assert r.start == c.text.rindex(A) and c.text[r.of_start : r.of_end] == A


def test_reworded_sentence_inside_a_paragraph_is_not_flagged():
    # a paraphrase is tolerated for whole paragraphs, but a sentence must repeat nearly word for word
    later = f"{C} {A_REWORDED} Officials expect more convoys to follow next week if the roads stay open."
    assert clean(_doc(A, B, later)).repeats == []


def test_repeat_within_a_single_paragraph_text():
    # corpora without line breaks: one paragraph, sentences repeated inside it
    c = clean(_doc(f"{A} {B} {C} {A}"))
    assert _flagged(c) == [A] and c.repeats[0].start > 0 and c.repeats[0].of_start == 0


def test_only_kept_passages_are_originals():
    c = clean(_doc(A, A, A))
    assert [(r.of_start, r.of_end) for r in c.repeats] == [(0, len(A))] * 2


def test_no_repeats_in_distinct_paragraphs_and_offsets_match_document():
    doc = _doc(A, B, C, A_PLUS_NEWS)
    c = clean(doc)
    assert c.repeats == [] and c.extraction_text() == c.text
    assert [doc.text[p.start : p.end] for p in c.paragraphs] == [A, B, C, A_PLUS_NEWS]


def test_many_paragraphs_stay_fast():
    import time

    paras = [
        f"Report {i}: forces shelled village number {i} in the district of area {i % 97}, killing {i} people."
        for i in range(3000)
    ]
    doc = _doc(*paras)
    t = time.perf_counter()
    c = clean(doc)
    assert time.perf_counter() - t < 2.0 and c.repeats == []
