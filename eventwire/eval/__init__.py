"""Evaluators: each scores one stage or the whole pipeline against gold data and returns a dict of metrics."""
