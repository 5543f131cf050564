"""Romanising Ukrainian place names the two ways English-language sources write them."""

from __future__ import annotations

import pytest

from eventwire.geo.names import romanise_ukrainian


@pytest.mark.parametrize(
    ("cyrillic", "official", "y_forms"),
    [
        ("Костянтинівка", "Kostiantynivka", "Kostyantynivka"),  # я inside a word: ia / ya
        ("Ясинувата", "Yasynuvata", "Yasynuvata"),  # я opening a word is ya either way
        ("Мар'янське", "Marianske", "Maryanske"),  # the apostrophe is not written
        ("Нижнє Лозове", "Nyzhnie Lozove", "Nyzhnye Lozove"),  # each word opens afresh
        ("Новомихайлівка", "Novomykhailivka", "Novomykhaylivka"),  # й inside a word
        ("Андріївка", "Andriivka", "Andriyivka"),  # ї inside a word
        ("Згурівка", "Zghurivka", "Zghurivka"),  # зг is zgh, not zh
        ("Щастя", "Shchastia", "Shchastya"),
        ("Золоте-5", "Zolote-5", "Zolote-5"),  # digits and dashes pass through
        ("Гуляйполе", "Huliaipole", "Hulyaypole"),
    ],
)
def test_romanise_ukrainian(cyrillic: str, official: str, y_forms: str) -> None:
    assert romanise_ukrainian(cyrillic) == official
    assert romanise_ukrainian(cyrillic, y_forms=True) == y_forms
