"""The school holidays naober ships (after shared/domain/holidays.md); a data migration loads them and a
secretariat corrects or adds years. Dutch summer holidays are fixed by OCW; autumn and spring dates are
advice; 2026–2027 is indicative until verified on rijksoverheid.nl."""

from __future__ import annotations

import datetime

D = datetime.date
OCW = "rijksoverheid.nl, schoolvakanties"
OCW_INDICATIVE = "rijksoverheid.nl, schoolvakanties (indicatief, nog te controleren)"
FLANDERS = "onderwijs.vlaanderen.be, schoolvakanties (BVR 17-4-1991)"
NL = ("nl-noord", "nl-midden", "nl-zuid")

# (region, name, first day, last day, source, certainty)
SCHOOL_HOLIDAYS: list[tuple[str, str, D, D, str, str]] = [
    *[
        (r, "herfstvakantie", D(2025, 10, 18), D(2025, 10, 26), OCW, "advice")
        for r in ("nl-noord", "nl-midden")
    ],
    ("nl-zuid", "herfstvakantie", D(2025, 10, 11), D(2025, 10, 19), OCW, "advice"),
    *[(r, "kerstvakantie", D(2025, 12, 20), D(2026, 1, 4), OCW, "advice") for r in NL],
    ("nl-noord", "voorjaarsvakantie", D(2026, 2, 21), D(2026, 3, 1), OCW, "advice"),
    *[
        (r, "voorjaarsvakantie", D(2026, 2, 14), D(2026, 2, 22), OCW, "advice")
        for r in ("nl-midden", "nl-zuid")
    ],
    *[(r, "meivakantie", D(2026, 4, 25), D(2026, 5, 3), OCW, "advice") for r in NL],
    ("nl-noord", "zomervakantie", D(2026, 7, 4), D(2026, 8, 16), OCW, "confirmed"),
    ("nl-midden", "zomervakantie", D(2026, 7, 18), D(2026, 8, 30), OCW, "confirmed"),
    ("nl-zuid", "zomervakantie", D(2026, 7, 11), D(2026, 8, 23), OCW, "confirmed"),
    *[(r, "herfstvakantie", D(2026, 10, 17), D(2026, 10, 25), OCW_INDICATIVE, "indicative") for r in NL],
    *[(r, "kerstvakantie", D(2026, 12, 19), D(2027, 1, 3), OCW_INDICATIVE, "indicative") for r in NL],
    ("nl-zuid", "voorjaarsvakantie", D(2027, 2, 6), D(2027, 2, 14), OCW_INDICATIVE, "indicative"),
    *[
        (r, "voorjaarsvakantie", D(2027, 2, 20), D(2027, 2, 28), OCW_INDICATIVE, "indicative")
        for r in ("nl-noord", "nl-midden")
    ],
    *[(r, "meivakantie", D(2027, 4, 24), D(2027, 5, 2), OCW_INDICATIVE, "indicative") for r in NL],
    # Summer 2027 is not verified: six weeks in weeks 28–35, regions in rotation.
    ("nl-noord", "zomervakantie", D(2027, 7, 17), D(2027, 8, 29), OCW_INDICATIVE, "indicative"),
    ("nl-midden", "zomervakantie", D(2027, 7, 10), D(2027, 8, 22), OCW_INDICATIVE, "indicative"),
    ("nl-zuid", "zomervakantie", D(2027, 7, 24), D(2027, 9, 5), OCW_INDICATIVE, "indicative"),
    ("be-vl", "herfstvakantie", D(2025, 10, 27), D(2025, 11, 2), FLANDERS, "confirmed"),
    ("be-vl", "kerstvakantie", D(2025, 12, 22), D(2026, 1, 4), FLANDERS, "confirmed"),
    ("be-vl", "krokusvakantie", D(2026, 2, 16), D(2026, 2, 22), FLANDERS, "confirmed"),
    ("be-vl", "paasvakantie", D(2026, 4, 6), D(2026, 4, 19), FLANDERS, "confirmed"),
    ("be-vl", "zomervakantie", D(2026, 7, 1), D(2026, 8, 31), FLANDERS, "confirmed"),
]


def easter(year: int) -> D:
    """Easter Sunday (Gregorian; the anonymous algorithm of Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return D(year, month, day + 1)


def flemish_school_holidays(school_year: int) -> list[tuple[str, D, D]]:
    """Flanders' holidays of the school year starting in `school_year` by the BVR rules (🟡: check for
    amendments; the Easter exceptions are left out): autumn from the Monday of the week with 1 November,
    Christmas two weeks from the Monday of the week with 25 December, krokus from the 7th Monday before
    Easter, Easter two weeks from the first Monday of April, summer 1 July – 31 August."""

    def monday_of(day: D) -> D:
        return day - datetime.timedelta(days=day.weekday())

    nxt = school_year + 1
    autumn = monday_of(D(school_year, 11, 1))
    christmas = monday_of(D(school_year, 12, 25))
    krokus = easter(nxt) - datetime.timedelta(days=48)
    april = D(nxt, 4, 1) + datetime.timedelta(days=(7 - D(nxt, 4, 1).weekday()) % 7)
    return [
        ("herfstvakantie", autumn, autumn + datetime.timedelta(days=6)),
        ("kerstvakantie", christmas, christmas + datetime.timedelta(days=13)),
        ("krokusvakantie", krokus, krokus + datetime.timedelta(days=6)),
        ("paasvakantie", april, april + datetime.timedelta(days=13)),
        ("zomervakantie", D(nxt, 7, 1), D(nxt, 8, 31)),
    ]
