"""Named regions that news writes about but no installed gazetteer carries: conflict zones, geographic and
political regions, seas and straits.

A hand-written table of facts. Coordinates are representative points (roughly the middle of the area, rounded),
not boundaries; `geonameid` is given only where it is known for certain, else None. Containment is approximated:
a region contains the countries in `members`, the admin1 units in `admin1_codes` (GeoNames codes, "UA.14") or
whose names contain `admin1_match`, and, failing those, anything in `country` (or anywhere when `country` is None)
within `radius_km` of its point.

Places that *are* admin1 units in GeoNames (Crimea, Tigray, Chechnya, Tibet, Balochistan, Kurdistan province of
Iran...) are not repeated here: the gazetteer already finds them by name with a proper admin1 point.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["RegionFact", "REGIONS"]


@dataclass(frozen=True, slots=True)
class RegionFact:
    name: str
    alt_names: tuple[str, ...]
    country: str | None  # ISO3 when the region lies in one country
    lat: float
    lon: float
    feature_code: str = "RGN"  # GeoNames feature code: RGN region, PEN peninsula, SEA, GULF, STRT, LK, DSRT, ISL, OCN, ZN
    geonameid: int | None = None
    members: tuple[str, ...] = ()  # ISO3 of countries wholly counted as inside
    admin1_codes: tuple[str, ...] = ()
    admin1_match: str | None = None  # admin1 units of `country` whose name contains this word are inside
    radius_km: float = 0.0


_MIDDLE_EAST = ("BHR", "CYP", "EGY", "IRN", "IRQ", "ISR", "JOR", "KWT", "LBN", "OMN", "PSE", "QAT", "SAU", "SYR",
                "TUR", "ARE", "YEM")

REGIONS: tuple[RegionFact, ...] = (
    # Russia's war in Ukraine
    RegionFact("Donbas", ("Donbass", "Donets Basin", "Donetsk Basin"), "UKR", 48.3, 38.4,
               admin1_codes=("UA.05", "UA.14"), radius_km=250),
    RegionFact("Crimean Peninsula", ("Crimean peninsula",), "UKR", 45.3, 34.4, "PEN",
               admin1_codes=("UA.11", "UA.20"), radius_km=200),
    RegionFact("Eastern Ukraine", ("East Ukraine", "Ukraine's east", "the east of Ukraine"), "UKR", 48.5, 37.5,
               admin1_codes=("UA.05", "UA.14", "UA.07"), radius_km=300),
    RegionFact("Southern Ukraine", ("South Ukraine", "Ukraine's south", "the south of Ukraine"), "UKR", 47.0, 33.5,
               admin1_codes=("UA.08", "UA.26", "UA.16", "UA.17"), radius_km=300),
    RegionFact("Western Ukraine", ("West Ukraine", "Ukraine's west"), "UKR", 49.5, 24.5, radius_km=300),
    RegionFact("Northern Ukraine", ("North Ukraine", "Ukraine's north"), "UKR", 51.0, 32.0, radius_km=250),
    RegionFact("Snake Island", ("Zmiinyi Island", "Zmiinyi", "Zmeiny Island"), "UKR", 45.255, 30.204, "ISL",
               radius_km=2),
    RegionFact("Donetsk People's Republic", ("Donetsk Peoples Republic",), "UKR", 48.0, 37.8,
               admin1_codes=("UA.05",), radius_km=150),
    RegionFact("Luhansk People's Republic", ("Luhansk Peoples Republic", "Lugansk People's Republic"), "UKR",
               48.6, 39.3, admin1_codes=("UA.14",), radius_km=150),
    RegionFact("Transnistria", ("Transdniestria", "Transdniester", "Trans-Dniester", "Pridnestrovie"), "MDA",
               47.2, 29.4, radius_km=100),
    RegionFact("South Ossetia", ("Tskhinvali Region",), "GEO", 42.3, 44.0, radius_km=60),
    # Middle East
    RegionFact("Gaza Strip", ("Gaza", "the Gaza Strip"), "PSE", 31.42, 34.37, admin1_codes=("PS.GZ",), radius_km=30),
    RegionFact("West Bank", ("the West Bank", "occupied West Bank"), "PSE", 31.95, 35.25, admin1_codes=("PS.WE",),
               radius_km=80),
    RegionFact("Golan Heights", ("Golan", "the Golan", "occupied Golan Heights"), "SYR", 33.0, 35.77, radius_km=40),
    RegionFact("Rojava", ("North and East Syria", "Northeast Syria", "North-east Syria", "northeastern Syria",
                          "north-eastern Syria", "Syrian Kurdistan",
                          "Autonomous Administration of North and East Syria"), "SYR", 36.5, 40.5, radius_km=250),
    RegionFact("Northwest Syria", ("North-west Syria", "northwestern Syria", "north-western Syria"), "SYR",
               35.9, 36.7, radius_km=120),
    RegionFact("Northern Syria", ("North Syria", "Syria's north"), "SYR", 36.3, 38.5, radius_km=250),
    RegionFact("Eastern Ghouta", ("East Ghouta", "Ghouta"), "SYR", 33.55, 36.45, radius_km=15),
    RegionFact("Kurdistan Region", ("Iraqi Kurdistan", "Kurdistan Region of Iraq", "Kurdistan region of Iraq",
                                    "Kurdish region of Iraq"), "IRQ", 36.4, 44.3, radius_km=200),
    RegionFact("Northern Iraq", ("North Iraq", "Iraq's north"), "IRQ", 36.0, 43.5, radius_km=250),
    RegionFact("Kurdistan", ("Greater Kurdistan",), None, 37.3, 43.5, radius_km=450),
    RegionFact("Southern Lebanon", ("South Lebanon", "Lebanon's south"), "LBN", 33.3, 35.4, radius_km=50),
    RegionFact("Sinai Peninsula", ("Sinai", "the Sinai"), "EGY", 29.5, 33.8, "PEN", admin1_match="sinai",
               radius_km=200),
    RegionFact("Middle East", ("Mideast", "Near East"), None, 29.3, 42.5, members=_MIDDLE_EAST),
    RegionFact("Levant", ("the Levant",), None, 33.5, 36.0, members=("SYR", "LBN", "ISR", "PSE", "JOR")),
    RegionFact("Arabian Peninsula", ("Arabia",), None, 23.0, 46.0, "PEN",
               members=("SAU", "YEM", "OMN", "ARE", "QAT", "BHR", "KWT")),
    RegionFact("Gulf states", ("Gulf countries", "Gulf Arab states"), None, 25.0, 50.0,
               members=("SAU", "ARE", "QAT", "BHR", "KWT", "OMN")),
    RegionFact("Persian Gulf", ("Arabian Gulf",), None, 27.0, 51.0, "GULF"),
    RegionFact("Strait of Hormuz", ("Hormuz Strait", "Straits of Hormuz"), None, 26.6, 56.3, "STRT"),
    RegionFact("Red Sea", (), None, 20.0, 38.5, "SEA"),
    RegionFact("Bab-el-Mandeb", ("Bab el-Mandeb", "Bab al-Mandab", "Bab al-Mandeb Strait"), None, 12.6, 43.3, "STRT"),
    RegionFact("Gulf of Aden", (), None, 12.5, 47.5, "GULF"),
    # Caucasus, Central and South Asia
    RegionFact("Nagorno-Karabakh", ("Karabakh", "Nagorny Karabakh", "Nagorno Karabakh", "Artsakh",
                                    "Upper Karabakh"), "AZE", 39.85, 46.7, radius_km=80),
    RegionFact("Caucasus", ("the Caucasus", "Caucasia"), None, 42.5, 44.0, members=("ARM", "AZE", "GEO")),
    RegionFact("South Caucasus", ("Transcaucasia", "Southern Caucasus"), None, 41.0, 45.0,
               members=("ARM", "AZE", "GEO")),
    RegionFact("North Caucasus", ("Northern Caucasus",), "RUS", 43.5, 44.5, radius_km=350),
    RegionFact("Kashmir", ("Kashmir Valley",), None, 34.5, 75.5, radius_km=300),
    RegionFact("Central Asia", (), None, 43.0, 65.0, members=("KAZ", "KGZ", "TJK", "TKM", "UZB")),
    RegionFact("South Asia", (), None, 22.0, 79.0,
               members=("IND", "PAK", "BGD", "NPL", "BTN", "LKA", "MDV", "AFG")),
    RegionFact("Southeast Asia", ("South-east Asia", "South East Asia"), None, 10.0, 110.0,
               members=("BRN", "KHM", "IDN", "LAO", "MYS", "MMR", "PHL", "SGP", "THA", "TLS", "VNM")),
    RegionFact("East Asia", (), None, 35.0, 118.0, members=("CHN", "JPN", "KOR", "PRK", "MNG", "TWN")),
    RegionFact("Korean Peninsula", ("Korean peninsula",), None, 37.5, 127.5, "PEN", members=("KOR", "PRK")),
    RegionFact("South China Sea", (), None, 12.0, 114.0, "SEA"),
    RegionFact("Taiwan Strait", ("Taiwan Straits", "Formosa Strait"), None, 24.0, 119.5, "STRT"),
    RegionFact("Siberia", (), "RUS", 62.0, 100.0, radius_km=2000),
    # Africa
    RegionFact("Darfur", (), "SDN", 13.5, 24.5, admin1_match="darfur", radius_km=500),
    RegionFact("Sahel", ("the Sahel", "Sahel region"), None, 15.0, 2.0,
               members=("MLI", "BFA", "NER", "TCD", "MRT")),
    RegionFact("Horn of Africa", (), None, 8.0, 44.0, members=("ETH", "ERI", "DJI", "SOM")),
    RegionFact("Lake Chad", ("Lake Chad Basin", "Lake Chad region"), None, 13.0, 14.5, "LK", radius_km=250),
    RegionFact("Sahara", ("Sahara Desert",), None, 23.0, 13.0, "DSRT", radius_km=1500),
    RegionFact("Maghreb", ("the Maghreb",), None, 31.0, 3.0, members=("MAR", "DZA", "TUN", "LBY", "MRT")),
    RegionFact("North Africa", ("Northern Africa",), None, 27.0, 14.0,
               members=("MAR", "DZA", "TUN", "LBY", "EGY", "SDN", "ESH")),
    RegionFact("West Africa", ("Western Africa",), None, 12.0, -3.0,
               members=("BEN", "BFA", "CPV", "CIV", "GMB", "GHA", "GIN", "GNB", "LBR", "MLI", "MRT", "NER",
                        "NGA", "SEN", "SLE", "TGO")),
    RegionFact("East Africa", ("Eastern Africa",), None, 2.0, 38.0,
               members=("KEN", "TZA", "UGA", "RWA", "BDI", "ETH", "ERI", "DJI", "SOM", "SSD")),
    RegionFact("Sub-Saharan Africa", ("sub-Saharan Africa",), None, -2.0, 20.0),
    RegionFact("Somaliland", (), "SOM", 9.8, 46.0, radius_km=250),
    RegionFact("Puntland", (), "SOM", 8.5, 49.0, radius_km=300),
    # Europe and the Americas
    RegionFact("Balkans", ("the Balkans", "Balkan Peninsula", "Balkan peninsula"), None, 42.5, 21.5,
               members=("ALB", "BIH", "BGR", "HRV", "GRC", "XKX", "MNE", "MKD", "SRB")),
    RegionFact("Western Balkans", (), None, 42.6, 20.0, members=("ALB", "BIH", "XKX", "MNE", "MKD", "SRB")),
    RegionFact("Eastern Europe", (), None, 50.0, 30.0,
               members=("BLR", "BGR", "CZE", "HUN", "MDA", "POL", "ROU", "RUS", "SVK", "UKR")),
    RegionFact("Western Europe", (), None, 48.0, 5.0,
               members=("AUT", "BEL", "FRA", "DEU", "LIE", "LUX", "MCO", "NLD", "CHE")),
    RegionFact("Scandinavia", (), None, 63.0, 15.0, members=("DNK", "NOR", "SWE")),
    RegionFact("Baltic states", ("Baltics", "the Baltics", "Baltic countries"), None, 56.5, 24.5,
               members=("EST", "LVA", "LTU")),
    RegionFact("Black Sea", (), None, 43.4, 34.3, "SEA"),
    RegionFact("Sea of Azov", ("Azov Sea",), None, 46.0, 36.5, "SEA"),
    RegionFact("Kerch Strait", ("Strait of Kerch",), None, 45.3, 36.6, "STRT"),
    RegionFact("Baltic Sea", (), None, 58.0, 20.0, "SEA"),
    RegionFact("Mediterranean Sea", ("Mediterranean", "the Mediterranean"), None, 35.0, 18.0, "SEA"),
    RegionFact("Caspian Sea", (), None, 42.0, 50.5, "LK"),
    RegionFact("European Union", (), None, 49.84, 9.90, "ZN",  # point: the EU's geographic centre (Gadheim)
               members=("AUT", "BEL", "BGR", "HRV", "CYP", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC", "HUN",
                        "IRL", "ITA", "LVA", "LTU", "LUX", "MLT", "NLD", "POL", "PRT", "ROU", "SVK", "SVN", "ESP",
                        "SWE")),
    RegionFact("Atlantic Ocean", ("Atlantic", "the Atlantic"), None, 10.0, -25.0, "OCN"),
    RegionFact("Pacific Ocean", ("Pacific", "the Pacific"), None, 0.0, -160.0, "OCN"),
    RegionFact("Indian Ocean", (), None, -10.0, 70.0, "OCN"),
    RegionFact("Arctic Ocean", (), None, 85.0, 0.0, "OCN"),
    RegionFact("Latin America", (), None, -5.0, -60.0),
    RegionFact("Central America", (), None, 14.0, -87.0,
               members=("BLZ", "CRI", "SLV", "GTM", "HND", "NIC", "PAN")),
    RegionFact("Caribbean", ("the Caribbean",), None, 17.0, -72.0),
)
