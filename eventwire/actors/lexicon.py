"""Words that name kinds of actors, and the people a news reader is expected to know.

Sector codes follow the CAMEO/PLOVER actor vocabulary: GOV government, MIL armed forces, REB rebels and
non-state armed groups, POL parties and politicians, CVL civilians, MED media, IGO intergovernmental
organisations, NGO, BUS business, REF refugees, LEG courts, JUD judiciary, COP police (kept under GOV in ACLED terms).
"""

from __future__ import annotations

# Head nouns (lemmas) → sector.
GROUP_NOUNS: dict[str, str] = {
    **dict.fromkeys(
        ["troop", "force", "soldier", "army", "military", "unit", "brigade", "battalion", "regiment", "division",
         "serviceman", "servicemen", "marine", "paratrooper", "artillery", "navy", "airforce", "commander", "general",
         "officer", "sniper", "tank", "warplane", "jet", "aircraft", "drone", "garrison", "defender", "infantry",
         "guard", "corps", "sailor", "pilot", "reservist", "conscript", "mercenary", "contractor", "defence",
         "defense", "warship", "helicopter", "bomber", "gunship"],
        "MIL",
    ),
    **dict.fromkeys(
        ["rebel", "separatist", "militant", "insurgent", "militia", "fighter", "guerrilla", "jihadist", "terrorist",
         "gunman", "gunmen", "extremist", "partisan", "proxy", "paramilitary", "militiaman", "militiamen"],
        "REB",
    ),
    **dict.fromkeys(
        ["government", "authority", "official", "ministry", "minister", "president", "leader", "premier",
         "chancellor", "king", "emir", "governor", "mayor", "administration", "cabinet", "kremlin", "spokesman",
         "spokeswoman", "spokesperson", "diplomat", "ambassador", "envoy", "prosecutor", "regime", "state",
         "parliament", "lawmaker", "senator", "police", "policeman", "officer", "intelligence", "embassy",
         "secretary", "head", "chief", "delegation", "negotiator", "ruler", "junta", "leadership", "representative",
         "delegate"],
        "GOV",
    ),
    **dict.fromkeys(
        ["civilian", "resident", "local", "people", "villager", "child", "woman", "man", "family", "student",
         "worker", "farmer", "citizen", "inhabitant", "passenger", "pensioner", "patient", "volunteer",
         "teacher", "doctor", "protester", "demonstrator", "activist", "crowd", "population", "person",
         "victim", "hostage", "prisoner", "detainee", "journalist", "reporter", "mob", "rioter"],
        "CVL",
    ),
    **dict.fromkeys(["refugee", "evacuee", "migrant"], "REF"),
    **dict.fromkeys(["party", "opposition", "politician", "candidate"], "POL"),
    **dict.fromkeys(["newspaper", "broadcaster", "channel", "agency", "outlet", "media"], "MED"),
}
# Nouns about people that carry no sector of their own but head an actor phrase: "men in military uniform".
GENERIC_PEOPLE = {"man", "men", "group", "unit", "side", "team"}
MILITARY_MODIFIERS = {"military", "armed", "army", "naval", "air", "uniform", "uniformed", "combat"}

# Nouns that, in apposition to a name, make it a person's ("Sophie, the Duchess of Edinburgh").
PERSON_TITLES = {"duchess", "duke", "prince", "princess", "queen", "king", "countess", "earl", "wife", "husband",
                 "widow", "daughter", "son", "president", "minister", "chancellor", "spokesman", "spokeswoman",
                 "spokesperson", "ambassador", "envoy", "mayor", "governor", "senator", "commander", "general",
                 "leader", "founder", "chief", "head", "director", "adviser", "advisor", "aide", "secretary"}

# Titles before a name, → sector.
TITLES: dict[str, str] = {
    **dict.fromkeys(
        ["president", "minister", "premier", "chancellor", "king", "queen", "prince", "emir", "sheikh", "governor",
         "mayor", "ambassador", "secretary", "spokesman", "spokeswoman", "spokesperson", "senator", "envoy",
         "prosecutor", "leader", "head", "chief", "deputy", "foreign", "defence", "defense", "interior", "prime",
         "speaker", "adviser", "advisor", "aide", "official", "ayatollah", "sultan", "vice", "judge", "mediator",
         "coordinator", "secretary-general", "general-secretary", "commissioner", "rapporteur"],
        "GOV",
    ),
    **dict.fromkeys(["general", "colonel", "commander", "major", "lieutenant", "admiral", "captain", "sergeant",
                     "marshal", "brigadier", "lt", "gen", "col", "maj", "capt"], "MIL"),
}

# Intergovernmental and other well-known organisations (normalised name → (canonical name, sector)). The ICRC
# counts as an IGO: it holds a mandate under the Geneva Conventions, and event coders list it with the UN and OSCE.
ORGANISATIONS: dict[str, tuple[str, str]] = {
    "un": ("United Nations", "IGO"), "united nations": ("United Nations", "IGO"),
    "un security council": ("UN Security Council", "IGO"), "security council": ("UN Security Council", "IGO"),
    "nato": ("NATO", "IGO"), "eu": ("European Union", "IGO"), "european union": ("European Union", "IGO"),
    "european commission": ("European Union", "IGO"), "osce": ("OSCE", "IGO"), "icrc": ("ICRC", "IGO"),
    "red cross": ("ICRC", "IGO"), "international committee of the red cross": ("ICRC", "IGO"),
    "iaea": ("IAEA", "IGO"), "who": ("WHO", "IGO"), "unicef": ("UNICEF", "IGO"), "unhcr": ("UNHCR", "IGO"),
    "european community": ("European Union", "IGO"), "ec": ("European Union", "IGO"),
    "international labor office": ("ILO", "IGO"), "international labour organization": ("ILO", "IGO"),
    "ilo": ("ILO", "IGO"), "asean": ("ASEAN", "IGO"), "opec": ("OPEC", "IGO"), "ecowas": ("ECOWAS", "IGO"),
    "organization of american states": ("OAS", "IGO"), "oas": ("OAS", "IGO"), "wto": ("WTO", "IGO"),
    "african union": ("African Union", "IGO"), "arab league": ("Arab League", "IGO"), "g7": ("G7", "IGO"),
    "imf": ("IMF", "IGO"), "world bank": ("World Bank", "IGO"), "amnesty international": ("Amnesty International", "NGO"),
    "human rights watch": ("Human Rights Watch", "NGO"), "msf": ("MSF", "NGO"),
    "doctors without borders": ("MSF", "NGO"), "the west": ("the West", "GOV"), "west": ("the West", "GOV"),
    "islamic state": ("Islamic State", "REB"), "isis": ("Islamic State", "REB"), "isil": ("Islamic State", "REB"),
    "daesh": ("Islamic State", "REB"), "hamas": ("Hamas", "REB"), "hezbollah": ("Hezbollah", "REB"),
    "taliban": ("Taliban", "REB"), "al-qaeda": ("al-Qaeda", "REB"), "al qaeda": ("al-Qaeda", "REB"),
    "sdf": ("Syrian Democratic Forces", "REB"), "syrian democratic forces": ("Syrian Democratic Forces", "REB"),
    "ypg": ("YPG", "REB"), "pkk": ("PKK", "REB"), "hts": ("Hayat Tahrir al-Sham", "REB"),
    "hayat tahrir al-sham": ("Hayat Tahrir al-Sham", "REB"), "wagner": ("Wagner Group", "MIL"),
    "wagner group": ("Wagner Group", "MIL"), "houthis": ("Houthis", "REB"), "houthi": ("Houthis", "REB"),
    "free syrian army": ("Free Syrian Army", "REB"), "fsa": ("Free Syrian Army", "REB"),
    "white helmets": ("White Helmets", "NGO"),
    "dpr": ("Donetsk People's Republic", "REB"), "dnr": ("Donetsk People's Republic", "REB"),
    "donetsk people's republic": ("Donetsk People's Republic", "REB"),
    "lpr": ("Luhansk People's Republic", "REB"), "lnr": ("Luhansk People's Republic", "REB"),
    "luhansk people's republic": ("Luhansk People's Republic", "REB"),
    "donbass people's militia": ("Donetsk People's Republic", "REB"),
    "luhansk people's militia": ("Luhansk People's Republic", "REB"),
    "people's militia": ("Donetsk People's Republic", "REB"),
    "naf": ("United Armed Forces of Novorossiya", "REB"), "novorossiya": ("United Armed Forces of Novorossiya", "REB"), "kremlin": ("Kremlin", "GOV"), "pentagon": ("Pentagon", "GOV"),
}
# Home country of organisations that have one.
ORGANISATION_COUNTRY = {
    "Syrian Democratic Forces": "SYR", "YPG": "SYR", "PKK": "TUR", "Hayat Tahrir al-Sham": "SYR", "Wagner Group": "RUS",
    "Houthis": "YEM", "Free Syrian Army": "SYR", "White Helmets": "SYR", "Hezbollah": "LBN", "Hamas": "PSE",
    "Taliban": "AFG", "Kremlin": "RUS", "Pentagon": "USA",
    # Armed groups inside Ukraine's recognised borders, coded to Ukraine as ACLED codes them.
    "Donetsk People's Republic": "UKR", "Luhansk People's Republic": "UKR", "United Armed Forces of Novorossiya": "UKR",
    # ACLED places the Donbas republics' forces in Ukraine, where they fight.
    "Donetsk People's Republic": "UKR", "Luhansk People's Republic": "UKR", "United Armed Forces of Novorossiya": "UKR",
}

# People a news reader is expected to know without being told (facts; name, surname keys, ISO3, sector).
# Titles in the text still win over this table; it only fills what the article leaves implicit.
KNOWN_PEOPLE: list[tuple[str, str, str]] = [
    ("Vladimir Putin", "RUS", "GOV"), ("Sergei Shoigu", "RUS", "GOV"), ("Sergei Lavrov", "RUS", "GOV"),
    ("Dmitry Peskov", "RUS", "GOV"), ("Dmitry Medvedev", "RUS", "GOV"), ("Mikhail Mishustin", "RUS", "GOV"),
    ("Valery Gerasimov", "RUS", "MIL"), ("Andrei Belousov", "RUS", "GOV"), ("Maria Zakharova", "RUS", "GOV"),
    ("Yevgeny Prigozhin", "RUS", "MIL"), ("Ramzan Kadyrov", "RUS", "GOV"), ("Denis Pushilin", "UKR", "REB"),
    ("Leonid Pasechnik", "UKR", "REB"), ("Volodymyr Zelenskyy", "UKR", "GOV"), ("Volodymyr Zelensky", "UKR", "GOV"),
    ("Dmytro Kuleba", "UKR", "GOV"), ("Oleksii Reznikov", "UKR", "GOV"), ("Oleksiy Reznikov", "UKR", "GOV"),
    ("Denys Shmyhal", "UKR", "GOV"), ("Valerii Zaluzhnyi", "UKR", "MIL"), ("Oleksandr Syrskyi", "UKR", "MIL"),
    ("Serhiy Haidai", "UKR", "GOV"), ("Pavlo Kyrylenko", "UKR", "GOV"), ("Rustem Umerov", "UKR", "GOV"),
    ("Andriy Yermak", "UKR", "GOV"), ("Kyrylo Budanov", "UKR", "MIL"), ("Vitali Klitschko", "UKR", "GOV"),
    ("Joe Biden", "USA", "GOV"), ("Donald Trump", "USA", "GOV"), ("Antony Blinken", "USA", "GOV"),
    ("Lloyd Austin", "USA", "GOV"), ("Jake Sullivan", "USA", "GOV"), ("Kamala Harris", "USA", "GOV"),
    ("Mike Pompeo", "USA", "GOV"), ("James Mattis", "USA", "GOV"), ("Rex Tillerson", "USA", "GOV"),
    ("Boris Johnson", "GBR", "GOV"), ("Rishi Sunak", "GBR", "GOV"), ("Liz Truss", "GBR", "GOV"),
    ("Ben Wallace", "GBR", "GOV"), ("Theresa May", "GBR", "GOV"), ("Emmanuel Macron", "FRA", "GOV"),
    ("Olaf Scholz", "DEU", "GOV"), ("Angela Merkel", "DEU", "GOV"), ("Recep Tayyip Erdogan", "TUR", "GOV"),
    ("Tayyip Erdogan", "TUR", "GOV"), ("Mevlut Cavusoglu", "TUR", "GOV"), ("Hulusi Akar", "TUR", "GOV"),
    ("Bashar al-Assad", "SYR", "GOV"), ("Bashar Assad", "SYR", "GOV"), ("Mazloum Abdi", "SYR", "REB"),
    ("Abu Bakr al-Baghdadi", "IRQ", "REB"), ("Ali Khamenei", "IRN", "GOV"), ("Hassan Rouhani", "IRN", "GOV"),
    ("Ebrahim Raisi", "IRN", "GOV"), ("Benjamin Netanyahu", "ISR", "GOV"), ("Xi Jinping", "CHN", "GOV"),
    ("Alexander Lukashenko", "BLR", "GOV"), ("Andrzej Duda", "POL", "GOV"), ("Antonio Guterres", "", "IGO"),
    ("Jens Stoltenberg", "", "IGO"), ("Ursula von der Leyen", "", "IGO"), ("Rafael Grossi", "", "IGO"),
    ("Josep Borrell", "", "IGO"), ("Staffan de Mistura", "", "IGO"), ("Geir Pedersen", "", "IGO"),
    ("Kofi Annan", "", "IGO"), ("Ban Ki-moon", "", "IGO"), ("Boutros Boutros-Ghali", "", "IGO"),
    ("Bill Clinton", "USA", "GOV"), ("George W. Bush", "USA", "GOV"), ("Barack Obama", "USA", "GOV"),
    ("Tony Blair", "GBR", "GOV"), ("Jacques Chirac", "FRA", "GOV"), ("Boris Yeltsin", "RUS", "GOV"),
    ("Mikhail Gorbachev", "RUS", "GOV"), ("Slobodan Milosevic", "SRB", "GOV"), ("Saddam Hussein", "IRQ", "GOV"),
    ("Yasser Arafat", "PSE", "GOV"), ("Ariel Sharon", "ISR", "GOV"), ("Hosni Mubarak", "EGY", "GOV"),
    ("Li Qiang", "CHN", "GOV"), ("Wang Yi", "CHN", "GOV"), ("Kim Jong Un", "PRK", "GOV"),
]
# Known people whose family name comes first, as English news writes them: "Xi" is Xi Jinping, "Jinping" no one.
FAMILY_NAME_FIRST = {"Xi Jinping", "Li Qiang", "Wang Yi", "Kim Jong Un", "Ban Ki-moon"}

# Speech and reporting verbs: events under them are what someone says happened.
SAY_VERBS = {"say", "tell", "announce", "report", "state", "add", "write", "note", "declare", "confirm", "inform",
             "post", "reveal", "explain", "insist", "assert"}
CLAIM_VERBS = {"claim", "allege", "insist", "assert", "boast"}
DENY_VERBS = {"deny", "dismiss", "refute", "reject"}
