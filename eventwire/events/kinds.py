"""Event kinds: one coding in PLOVER, CAMEO and ACLED at once.

Codes follow the public manuals (PLOVER 2021, CAMEO 1.1b3, ACLED codebook 2023). A kind is the most specific
coding the trigger words alone support; the extractor refines it from the actors (an attack on civilians is ACLED
"Violence against civilians", a capture by the territory's own state is "Government regains territory").
"""

from __future__ import annotations

from dataclasses import dataclass

BATTLES = "Battles"
ERV = "Explosions/Remote violence"
VAC = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
SD = "Strategic developments"


@dataclass(frozen=True, slots=True)
class Kind:
    key: str
    plover: str
    cameo: str
    mode: str | None = None
    context: str | None = None
    acled: tuple[str, str] | None = None
    violent: bool = False  # fighting kinds, which ACLED codes and which carry fatalities


KINDS: dict[str, Kind] = {
    k.key: k
    for k in [
        Kind("capture", "COERCE", "192", "seize", "military", (BATTLES, "Non-state actor overtakes territory"), True),
        Kind("regain", "COERCE", "192", "seize", "military", (BATTLES, "Government regains territory"), True),
        Kind("retreat", "RETREAT", "0874", "disarm", "military"),
        Kind("disrupted", "ASSAULT", "190", None, "military", (SD, "Disrupted weapons use"), True),
        Kind("evacuate", "AID", "073", None, "humanitarian", (SD, "Other")),
        Kind("deport", "COERCE", "174", "deport", "legal", (SD, "Other")),
        Kind("ceasefire", "RETREAT", "0871", "ceasefire", "military", (SD, "Agreement")),
        Kind("shelling", "ASSAULT", "194", "heavy-weapons", "military", (ERV, "Shelling/artillery/missile attack"), True),
        Kind("airstrike", "ASSAULT", "195", "aerial", "military", (ERV, "Air/drone strike"), True),
        Kind("explosion", "ASSAULT", "183", "explosives", None, (ERV, "Remote explosive/landmine/IED"), True),
        Kind("suicide_bomb", "ASSAULT", "1831", "suicide-attack", None, (ERV, "Suicide bomb"), True),
        Kind("clash", "ASSAULT", "190", "firearms", "military", (BATTLES, "Armed clash"), True),
        Kind("attack", "ASSAULT", "190", None, "military", (BATTLES, "Armed clash"), True),
        Kind("kill", "ASSAULT", "190", None, None, (VAC, "Attack"), True),
        Kind("abduct", "ASSAULT", "181", "abduct", None, (VAC, "Abduction/forced disappearance"), True),
        Kind("physical_assault", "ASSAULT", "182", "beat", None, (VAC, "Attack"), True),
        Kind("sexual_violence", "ASSAULT", "1821", "sexual", None, (VAC, "Sexual violence"), True),
        Kind("praise", "SUPPORT", "051", None, "diplomatic"),
        Kind("agreement", "SUPPORT", "057", None, "diplomatic", (SD, "Agreement")),
        Kind("meet", "CONSULT", "040"),
        Kind("visit", "CONSULT", "042", "visit"),
        Kind("invite", "AGREE", "036", None, "diplomatic"),
        Kind("negotiate", "CONSULT", "046", None, "diplomatic"),
        Kind("appeal", "REQUEST", "020"),
        Kind("appeal_military_aid", "REQUEST", "0232", "assist", "military"),
        Kind("appeal_aid", "REQUEST", "023", "assist", "humanitarian"),
        Kind("demand", "REQUEST", "10"),
        Kind("aid", "AID", "070"),
        Kind("aid_humanitarian", "AID", "073", None, "humanitarian"),
        Kind("aid_military", "AID", "072", None, "military"),
        Kind("aid_economic", "AID", "071", None, "economic"),
        Kind("threaten", "THREATEN", "130"),
        Kind("threaten_force", "THREATEN", "138", "violence", "military"),
        Kind("accuse", "ACCUSE", "112", "allege"),
        Kind("criticise", "ACCUSE", "111", "disapprove"),
        Kind("complain", "ACCUSE", "114", "allege", "diplomatic"),
        Kind("protest", "PROTEST", "141", "demo", None, (PROTESTS, "Peaceful protest")),
        Kind("riot", "PROTEST", "145", "riot", None, (RIOTS, "Violent demonstration"), True),
        Kind("arrest", "COERCE", "173", "arrest", "legal", (SD, "Arrests")),
        Kind("loot", "COERCE", "171", "seize", None, (SD, "Looting/property destruction")),
        Kind("mobilize", "MOBILIZE", "154", "troops", "military"),
        Kind("alert", "MOBILIZE", "152", "troops", "military"),
        Kind("demobilize", "RETREAT", "0873", "disarm", "military"),
        Kind("sanction", "SANCTION", "163", None, "economic"),
        Kind("reject", "REJECT", "120"),
        Kind("agree", "AGREE", "030", None, "diplomatic"),
        Kind("agree_aid", "AGREE", "033", None, "diplomatic"),
        Kind("concede", "CONCEDE", "080"),
        Kind("release", "RETREAT", "0841", "release", "legal"),
        Kind("allow_access", "RETREAT", "086", "access", "diplomatic"),
        Kind("cooperate", "COOPERATE", "060"),
        Kind("cooperate_legal", "COOPERATE", "063", None, "legal"),
        Kind("investigate", "ACCUSE", "090", "investigate"),
        Kind("support", "SUPPORT", "050", None, "diplomatic"),
        Kind("host", "CONSULT", "043", "visit"),
        Kind("phone", "CONSULT", "041", "phone"),
        Kind("mediate", "CONSULT", "045", None, "diplomatic"),
        Kind("reduce_relations", "SANCTION", "160"),
        Kind("halt_aid", "SANCTION", "162", "discontinue", "human_security"),
        Kind("expel", "SANCTION", "161", "withdraw", "diplomatic"),
        Kind("expel_peacekeepers", "SANCTION", "1661", "expel", "military"),
        Kind("expel_monitors", "SANCTION", "1662", "expel", "diplomatic"),
        Kind("expel_aid", "SANCTION", "1663", "expel", "human_security"),
        Kind("ban", "COERCE", "172", "restrict", "executive"),
        Kind("blockade", "COERCE", "191", "restrict", "military"),
        Kind("seize_property", "COERCE", "171", "seize", "human_security"),
        Kind("invade", "ASSAULT", "190", None, "military", ("Battles", "Armed clash"), True),
        Kind("assassinate", "ASSAULT", "186", "assassinate", None, ("Violence against civilians", "Attack"), True),
        Kind("hijack", "ASSAULT", "181", "abduct", None, ("Violence against civilians", "Abduction/forced disappearance"), True),
        Kind("strike_labour", "PROTEST", "143", "boycott", None, ("Protests", "Peaceful protest")),
        Kind("hunger_strike", "PROTEST", "142", "hunger", None, ("Protests", "Peaceful protest")),
    ]
}


# Groups of kinds the extractor reasons about.
COOPERATIVE_KINDS = {"aid", "aid_humanitarian", "aid_military", "aid_economic", "meet", "visit", "host", "phone",
                     "negotiate", "mediate", "support", "praise", "invite", "agreement", "release", "concede",
                     "cooperate", "cooperate_legal", "evacuate", "ceasefire", "retreat", "allow_access", "demobilize"}
CONFLICT_KINDS = {"attack", "clash", "shelling", "airstrike", "explosion", "kill", "capture", "invade", "sanction",
                  "physical_assault",
                  "reduce_relations", "expel", "expel_peacekeepers", "expel_monitors", "expel_aid", "ban", "blockade",
                  "arrest", "deport", "abduct", "mobilize", "alert"}
# Said or shown rather than done: a nominal event in their clause is their topic, not a new report.
VERBAL_KINDS = {"praise", "meet", "visit", "invite", "negotiate", "appeal", "appeal_military_aid", "appeal_aid",
                "demand", "threaten", "threaten_force", "accuse", "criticise", "complain", "protest", "reject",
                "sanction", "agree", "concede", "support"}
# Folded into another violent mention of the same sentence when there is one ("shelled the town, killing 12").
OUTCOME_KINDS = {"kill"}
TERRITORY_KINDS = {"capture", "regain"}
FIGHTING_KINDS = {"shelling", "airstrike", "explosion", "suicide_bomb", "clash", "attack", "kill", "disrupted",
                  "physical_assault"}
