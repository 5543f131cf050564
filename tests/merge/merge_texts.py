"""Short news reports of our own for the merge tests."""

from __future__ import annotations

from datetime import date

from eventwire.types import Document

KUPIANSK_A = ("Russian forces shelled the city of Kupiansk on Sunday, killing two civilians, the regional governor "
              "said. Rescue teams worked through the night to clear the rubble of a school and two apartment blocks. "
              "The governor said more than forty homes were damaged and electricity was cut in the eastern "
              "districts of the town.")
KUPIANSK_B = "Russian troops shelled Kupiansk on Sunday. Officials said two civilians were killed in the attack."
KHERSON = "Russian forces shelled the city of Kherson on Sunday, the regional governor said."
TALKS = "Ukrainian and Turkish officials met in Istanbul on Tuesday to discuss grain exports."
# The same wire story as KUPIANSK_A, republished by another outlet with its own dateline and credit line.
KUPIANSK_COPY = "KYIV, May 15 (Copy Four) - " + KUPIANSK_A + " Reporting by a staff writer."

REPORTS = {
    "a-wire": ("Wire One", KUPIANSK_A),
    "b-daily": ("Daily Two", KUPIANSK_B),
    "c-post": ("Post Three", KHERSON),
    "d-copy": ("Copy Four", KUPIANSK_COPY),
    "e-talks": ("Daily Two", TALKS),
}


def make_docs(ids=None) -> list[Document]:
    ids = ids or list(REPORTS)
    return [Document(doc_id=i, text=REPORTS[i][1], published=date(2023, 5, 15), source=REPORTS[i][0]) for i in ids]


# One story told by two outlets (the second a translation), and another story that shares one sentence
# nearly word for word: the `wording` tests.
ONE = [
    "Ukrainian forces repelled seven Russian attacks near the village of Bilohorivka, the general staff said.",
    "Russian artillery shelled the town of Kupiansk overnight, wounding three civilians.",
    "The governor of Kharkiv region urged residents to stay in shelters during the night.",
    "Officials said two soldiers were killed and four others wounded in the fighting on Thursday.",
    "The defence minister met his Polish counterpart in Kyiv to discuss air defence deliveries.",
]
# The same story translated by another outlet: other words, other order, the same sentences.
RETOLD = [
    "The general staff reported that Ukrainian troops had repelled seven attacks by Russian forces near Bilohorivka.",
    "Overnight, Russian artillery shelled the town of Kupiansk, and three civilians were wounded.",
    "Residents were urged by the governor of the Kharkiv region to stay in shelters at night.",
    "According to officials, two soldiers died and four others were wounded in the fighting on Thursday.",
    "In Kyiv, the defence minister met his counterpart from Poland to discuss air defence deliveries.",
]
# Another story that happens to share one sentence, nearly word for word.
OTHER = [
    "The governor of Sumy region urged residents to stay in shelters during the night.",
    "Farmers in Poland blocked a border crossing for a third day in protest at grain imports.",
    "The European Commission said it would propose new rules on agricultural trade next month.",
    "Prices for wheat fell sharply on commodity markets after the announcement in Brussels.",
    "Truck drivers waiting at the crossing said they had run out of food and water.",
]


# An article and its translation by another outlet, each sentence retold in other words.
VERSION_ONE = " ".join([
    "Ukrainian forces repelled seven Russian attacks near the village of Bilohorivka, the general staff said on "
    "Friday.",
    "Russian artillery shelled the town of Kupiansk overnight, wounding three civilians.",
    "The governor of Kharkiv region urged residents to stay in shelters during the night.",
    "Officials said two soldiers were killed and four others wounded in fighting in Donetsk region on Thursday.",
    "The defence minister met his Polish counterpart in Kyiv to discuss air defence deliveries."])
VERSION_TWO = " ".join([
    "The general staff reported on Friday that Ukrainian troops had repelled seven attacks by Russian forces near "
    "the village of Bilohorivka.",
    "Overnight, Russian artillery fired at the town of Kupiansk, and three civilians were wounded.",
    "Residents were urged by the governor of the Kharkiv region to stay in the shelters at night.",
    "According to officials, two soldiers died and four more were wounded in the fighting on Thursday.",
    "In Kyiv, the defence minister held a meeting with his counterpart from Poland on air defence deliveries."])
