"""Evaluators: each scores one stage or the whole pipeline against gold data and returns a dict of metrics."""


def pair_spans(gold: list[tuple[int, int]], pred: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs of overlapping spans, largest overlap first."""
    options = sorted(
        (-(min(ge, pe) - max(gs, ps)), i, j)
        for i, (gs, ge) in enumerate(gold)
        for j, (ps, pe) in enumerate(pred)
        if min(ge, pe) - max(gs, ps) > 0
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, i, j in options:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((i, j))
    return pairs
