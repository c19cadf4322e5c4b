# ruff: noqa: E501 — Dutch prose and tuples of demo data read best on one line each.
"""The demo regions' strategic agendas (shared/domain/regions.md, seeds 001–004), as plain data.

Periods are relative to the day the demo is loaded (`years`: from January of `today.year + first` to December
of `today.year + last`), so that milestones and measurements fall around the generated meeting history.
Dossiers are named by their key in `naober.demo.history.regions`; persons are fictional and found by body.
Amounts are illustrative, not taken from real budgets.
"""

from __future__ import annotations

from typing import Any

PROGRAMMES: dict[str, dict[str, Any]] = {
    "denderregio": {
        "slug": "strategie",
        "title": "Strategie Denderregio",
        "years": (-1, 4),
        "summary": "Missie: regionale samenwerking als motor voor vooruitgang. De lokale besturen van de "
        "Denderregio bundelen hun krachten om uitdagingen aan te pakken die een lokaal antwoord overstijgen.",
        "themes": [],
        "goals": [
            (
                1,
                "",
                "De krachten zijn gebundeld voor performante beleids- en projectuitvoering",
                "Intergemeentelijke samenwerkingsverbanden op subregionaal en regionaal niveau zorgen voor "
                "efficiënte beleids- en projectuitvoering en ontzorgen de lokale besturen.",
            ),
            (
                2,
                "",
                "Er is een sterk regiogevoel met positief imago",
                "Draagvlak en actieve betrokkenheid van beleidsmakers, lokale besturen en inwoners vergroten.",
            ),
            (
                3,
                "",
                "Het regionaal ecosysteem is actief betrokken",
                "Regionale netwerken en overlegstructuren verbinden beleid en uitvoering met alle partners.",
            ),
            (
                4,
                "",
                "Er is een versterkte financiële slagkracht",
                "Een duurzaam financieringsmodel en belangenbehartiging op hogere beleidsniveaus.",
            ),
            (
                5,
                "",
                "De bestuurlijke structuur verloopt optimaal",
                "Een efficiënte en wendbare governancestructuur die de besluitvorming versnelt.",
            ),
        ],  # fmt: skip
        "projects": [
            {
                "slug": "financieringsmodel",
                "title": "Financieringsmodel Denderregio",
                "summary": "Een bijdrage per inwoner voor de regionale werking, verdeeld over Dender Noord en Zuid.",
                "goals": [4],
                "status": "running",
                "progress": 60,
                "lead_body": "dbo",
                "lead_member": "aalst",
                "participants": ["aalst", "dendermonde", "ninove", "geraardsbergen"],
                "partners": ["solva", "dds"],
                "budget": "150000",
                "funding": [
                    ("members", "Bijdrage per inwoner", "120000"),
                    ("other", "Projectsubsidie", "30000"),
                ],
                "dossiers": ["financieringsmodel"],
                "milestones": [
                    (-300, "Principeakkoord in het DBO", True),
                    (-60, "Voorstel aan de gemeenteraden", True),
                    (120, "Alle gemeenteraden hebben beslist", False),
                ],
                "indicators": [
                    (
                        "Gemeenten die de regionale bijdrage goedkeuren",
                        "gemeenten",
                        "14",
                        [(-180, "4"), (-90, "9"), (-20, "11")],
                    )
                ],
                "reports": [
                    (
                        -200,
                        -20,
                        60,
                        "De gemeenteraden bespreken het model; elf van de veertien keurden "
                        "het goed. Dender Noord vraagt een tussentijdse evaluatie na twee jaar.",
                    )
                ],
            },
            {
                "slug": "lobbyagenda-vlaamse-overheid",
                "title": "Lobbyagenda Vlaamse overheid",
                "kind": "lobby",
                "summary": "De gezamenlijke prioriteiten van de Denderregio voor mobiliteit, de Dender en economie.",
                "goals": [4],
                "status": "running",
                "progress": 40,
                "lead_body": "dbo",
                "lead_member": "dendermonde",
                "position": "De Denderregio vraagt structurele middelen voor de Dender als waterweg, een betere "
                "treinbediening op de lijn Aalst–Dendermonde en erkenning als referentieregio.",
                "targets": "Vlaamse Regering (minister van Mobiliteit en Openbare Werken)\nDe Vlaamse Waterweg\n"
                "Provincie Oost-Vlaanderen",
                "actions": "Gesprek met het kabinet Mobiliteit; gezamenlijke nota bij de Vlaamse begroting; "
                "werkbezoek aan de Dender.",
                "results": "Toezegging voor een haalbaarheidsstudie over de verbreding van de Dender.",
                "partners": ["provincie-oost-vlaanderen"],
                "dossiers": ["lobbyagenda"],
                "milestones": [
                    (-120, "Lobbyagenda opgesteld in het DADO", True),
                    (60, "Werkbezoek Vlaamse Regering", False),
                ],
            },
            {
                "slug": "governancemodel",
                "title": "Governancemodel referentieregio",
                "summary": "De structuur van de samenwerking in de referentieregio en de rol van SOLVA en DDS.",
                "goals": [5, 1],
                "status": "running",
                "progress": 75,
                "lead_body": "stuurgroep-regiovorming",
                "partners": ["solva", "dds"],
                "dossiers": ["governance"],
                "milestones": [
                    (-240, "Stuurgroep regiovorming gestart", True),
                    (-30, "Besluit in het DBO", True),
                ],
            },
            {
                "slug": "merkstrategie",
                "title": "Merkstrategie Denderregio",
                "summary": "Een gezamenlijk merk en een communicatieplan om het regiogevoel te versterken.",
                "goals": [2],
                "status": "preparing",
                "progress": 20,
                "lead_body": "dado",
                "dossiers": ["merk"],
            },
        ],
    },
    "regio-achterhoek": {
        "slug": "uitvoeringsagenda",
        "title": "Uitvoeringsagenda Achterhoek",
        "years": (-2, 1),
        "summary": "Smart Werken is de strategische focus; goed wonen en een goede bereikbaarheid zijn daarvoor "
        "voorwaarden. Overheid, ondernemers en onderwijs werken de agenda uit in thematafels.",
        "themes": [
            (
                "Smart Werken",
                "smart-werken",
                "De strategische focus: digitalisering, robotisering en scholing.",
            ),
            ("Wonen", "wonen", "Voldoende en passende woningen voor jong en oud in alle kernen."),
            ("Bereikbaarheid", "bereikbaarheid", "Snelle verbindingen per spoor, weg, fiets en glasvezel."),
        ],
        "goals": [
            (1, "Smart Werken", "Digitalisering en robotisering in het mkb versnellen", ""),
            (2, "Smart Werken", "Meer mensen opgeleid voor de banen van morgen", ""),
            (3, "Wonen", "Voldoende en passende woningen in elke kern", ""),
            (4, "Bereikbaarheid", "Snelle en veilige verbindingen tussen kernen, scholen en werk", ""),
        ],
        "projects": [
            {
                "slug": "smart-werken",
                "title": "Smart Werken: uitvoeringsprogramma",
                "summary": "Digitaliseringsscans, robotiseringsvouchers en scholing voor werkenden in het mkb.",
                "goals": [1, 2],
                "status": "running",
                "progress": 45,
                "lead_body": "achterhoek-board",
                "lead_member": "doetinchem",
                "participants": [
                    "aalten",
                    "berkelland",
                    "bronckhorst",
                    "doetinchem",
                    "montferland",
                    "oost-gelre",
                    "oude-ijsselstreek",
                    "winterswijk",
                ],
                "partners": ["provincie-gelderland"],
                "budget": "4200000",
                "funding": [
                    ("members", "Bijdrage gemeenten (per inwoner)", "1200000"),
                    ("province", "Provincie Gelderland", "1500000"),
                    ("regio-deal", "Regio Deal Achterhoek", "1500000"),
                ],
                "dossiers": ["smart-werken"],
                "milestones": [
                    (-400, "Start digitaliseringsscans", True),
                    (-150, "Eerste 200 scans uitgevoerd", True),
                    (-20, "Uitvoeringsprogramma 2026–2027 in het algemeen bestuur", False),
                    (200, "400 scans uitgevoerd", False),
                ],
                "indicators": [
                    (
                        "Mkb-bedrijven met een digitaliseringsscan",
                        "bedrijven",
                        "400",
                        [(-540, "60"), (-360, "140"), (-180, "230"), (-30, "290")],
                    ),
                    (
                        "Werkenden in een scholingstraject",
                        "personen",
                        "1500",
                        [(-360, "300"), (-180, "650"), (-30, "910")],
                    ),
                ],
                "reports": [
                    (
                        -365,
                        -183,
                        25,
                        "De scans lopen volgens plan; de vraag naar robotiseringsvouchers is "
                        "groter dan verwacht.",
                    ),
                    (
                        -182,
                        -1,
                        45,
                        "290 bedrijven hebben een scan gehad. Het uitvoeringsprogramma "
                        "2026–2027 is voorbereid; het algemeen bestuur stelde de behandeling een vergadering uit.",
                    ),
                ],
            },
            {
                "slug": "regionaal-fietsplan",
                "title": "Regionaal fietsplan Achterhoek",
                "summary": "Snelle en veilige fietsroutes tussen de kernen, de scholen en de bedrijventerreinen.",
                "goals": [4],
                "status": "preparing",
                "progress": 30,
                "lead_body": "thematafel-mobiliteit",
                "lead_member": "winterswijk",
                "participants": ["winterswijk", "aalten", "oost-gelre"],
                "partners": ["provincie-gelderland"],
                "budget": "2500000",
                "funding": [
                    ("province", "Provincie Gelderland", "1250000"),
                    ("members", "Deelnemende gemeenten", "1250000"),
                ],
                "dossiers": ["fietsplan"],
                "milestones": [
                    (-200, "Knelpunteninventarisatie klaar", True),
                    (30, "Fietsplan in het algemeen bestuur", False),
                    (300, "Eerste snelfietsroute Winterswijk–Aalten aanbesteed", False),
                ],
                "indicators": [
                    ("Kilometer snelfietsroute", "km", "60", [(-360, "12"), (-180, "18"), (-30, "25")])
                ],
            },
            {
                "slug": "woningbouwafspraken",
                "title": "Regionale woningbouwafspraken",
                "summary": "Afspraken over aantallen en doelgroepen per kern, met de provincie en de corporaties.",
                "goals": [3],
                "status": "running",
                "progress": 55,
                "lead_body": "algemeen-bestuur",
                "lead_member": "berkelland",
                "partners": ["provincie-gelderland"],
                "indicators": [
                    (
                        "Nieuwe woningen opgeleverd",
                        "woningen",
                        "6000",
                        [(-540, "1400"), (-360, "2300"), (-180, "3100"), (-30, "3900")],
                    )
                ],
            },
            {
                "slug": "res-achterhoek",
                "title": "RES 2.0 Achterhoek",
                "summary": "Het tweede bod voor duurzame opwek, warmte en energiebesparing.",
                "goals": [4],
                "status": "finished",
                "progress": 100,
                "lead_body": "thematafel-circulaire-economie",
                "dossiers": ["res"],
            },
        ],
        "events": [
            {
                "title": "Achterhoekdag",
                "kind": "regional-day",
                "offset": -70,
                "location": "Doetinchem",
                "theme": "",
                "report": "Vierhonderd ondernemers, bestuurders, docenten en inwoners bespraken de uitvoeringsagenda. "
                "Elke thematafel presenteerde haar resultaten in een korte video.",
                "videos": [
                    (
                        "Videoverslag thematafel Smart Werken",
                        "https://video.example.org/achterhoekdag/smart-werken",
                    ),
                    (
                        "Videoverslag thematafel Mobiliteit",
                        "https://video.example.org/achterhoekdag/mobiliteit",
                    ),
                ],
            },
            {
                "title": "Thematafel Mobiliteit: werksessie fietsplan",
                "kind": "theme-table",
                "offset": -150,
                "location": "Winterswijk",
                "theme": "Bereikbaarheid",
                "report": "De tafel koos vijf prioritaire fietsroutes en vroeg de provincie om cofinanciering.",
                "videos": [],
            },
        ],
    },
    "twente": {
        "slug": "agenda-voor-twente",
        "title": "Agenda voor Twente",
        "years": (-3, 0),
        "summary": "De gezamenlijke sociaaleconomische agenda van overheid, ondernemers en onderwijs in Twente, "
        "met de Regio Deal Twente als versneller.",
        "themes": [
            ("Vestigingsklimaat", "vestigingsklimaat", ""),
            ("Arbeidsmarkt", "arbeidsmarkt", ""),
            ("Bereikbaarheid", "bereikbaarheid", ""),
            ("Public affairs & lobby", "public-affairs-en-lobby", ""),
        ],
        "goals": [
            (1, "Vestigingsklimaat", "Twente als groen technologisch topcluster", ""),
            (2, "Arbeidsmarkt", "Genoeg vakmensen voor de technische maakindustrie", ""),
            (3, "Bereikbaarheid", "Goede verbindingen met de Randstad en Duitsland", ""),
        ],
        "projects": [
            {
                "slug": "regio-deal-twente",
                "title": "Regio Deal Twente: groen technologisch topcluster",
                "summary": "Innovatieprojecten in de maakindustrie, gefinancierd door Rijk, provincie en regio.",
                "goals": [1, 2],
                "status": "running",
                "progress": 65,
                "lead_body": "twente-board",
                "lead_member": "enschede",
                "participants": ["enschede", "hengelo", "almelo"],
                "partners": ["provincie-overijssel"],
                "budget": "30000000",
                "funding": [
                    ("regio-deal", "Rijk: Regio Deal Twente", "15000000"),
                    ("province", "Provincie Overijssel", "7500000"),
                    ("members", "Veertien gemeenten", "7500000"),
                ],
                "dossiers": ["regio-deal", "agenda-voor-twente"],
                "milestones": [
                    (-700, "Regio Deal ondertekend", True),
                    (-300, "Eerste tranche toegekend", True),
                    (10, "Tweede tranche in het algemeen bestuur", False),
                ],
                "indicators": [
                    (
                        "Banen in de technische maakindustrie",
                        "banen",
                        "2000",
                        [(-720, "250"), (-360, "900"), (-30, "1450")],
                    )
                ],
                "reports": [
                    (
                        -365,
                        -1,
                        65,
                        "Achttien projecten lopen; de tweede tranche is voorbereid in de Twente Board.",
                    )
                ],
            },
            {
                "slug": "grensoverschrijdend-ov",
                "title": "Lobby grensoverschrijdend openbaar vervoer",
                "kind": "lobby",
                "summary": "Betere trein- en busverbindingen met Duitsland.",
                "goals": [3],
                "status": "running",
                "progress": 35,
                "lead_body": "twente-board",
                "lead_member": "hengelo",
                "position": "Twente wil een directe treinverbinding Hengelo–Bielefeld–Berlijn en een halfuursdienst "
                "Enschede–Münster.",
                "targets": "Ministerie van Infrastructuur en Waterstaat\nLand Nordrhein-Westfalen\nProvincie Overijssel\n"
                "Europese Commissie (Interreg VI Deutschland-Nederland)",
                "actions": "Gezamenlijke position paper met de Euregio; rondetafel met het ministerie; aanvraag Interreg.",
                "results": "Proefdienst Enschede–Münster verlengd.",
                "partners": ["provincie-overijssel"],
                "funding": [
                    ("eu", "Interreg VI Deutschland-Nederland", "400000"),
                    ("members", "Gemeenten", "100000"),
                ],
                "dossiers": ["grensverkeer"],
            },
        ],
    },
    "regio-amersfoort": {
        "slug": "strategische-agenda",
        "title": "Strategische agenda Regio Amersfoort",
        "years": (-2, 0),
        "summary": "De gezamenlijke opgaven van de regio, uitgewerkt vanuit het Ontwikkelbeeld 2030–2040.",
        "themes": [
            ("Wonen", "wonen", ""),
            ("Mobiliteit", "verkeer-en-vervoer", ""),
            ("Energie", "res", ""),
            ("Economie", "economische-zaken", ""),
        ],
        "goals": [
            (1, "Wonen", "Betaalbare woningen voor alle doelgroepen", ""),
            (2, "Mobiliteit", "Een bereikbare regio met minder autoverkeer", ""),
            (3, "Energie", "Duurzame opwek en een oplossing voor netcongestie", ""),
            (4, "Economie", "Ruimte voor werk en bedrijvigheid", ""),
        ],
        "projects": [
            {
                "slug": "woondeal",
                "title": "Regionale woondeal",
                "summary": "Uitvoeringsafspraken met de provincie Utrecht en de corporaties.",
                "goals": [1],
                "status": "running",
                "progress": 50,
                "lead_body": "bo-wonen",
                "lead_member": "amersfoort",
                "participants": ["amersfoort", "leusden", "soest", "baarn"],
                "partners": ["provincie-utrecht", "swev"],
                "dossiers": ["woondeal"],
                "indicators": [
                    (
                        "Woningen in aanbouw",
                        "woningen",
                        "8000",
                        [(-360, "2100"), (-180, "3400"), (-30, "4300")],
                    )
                ],
            },
            {
                "slug": "mobiliteitsvisie-2040",
                "title": "Regionale mobiliteitsvisie 2040",
                "summary": "Fiets, openbaar vervoer, de knooppunten en de A1/A28.",
                "goals": [2],
                "status": "preparing",
                "progress": 25,
                "lead_body": "bo-verkeer-en-vervoer",
                "dossiers": ["mobiliteitsvisie"],
            },
            {
                "slug": "res-2",
                "title": "RES 2.0 Regio Amersfoort",
                "summary": "Het tweede bod voor duurzame elektriciteit en warmte.",
                "goals": [3],
                "status": "running",
                "progress": 70,
                "lead_body": "bo-res",
                "dossiers": ["res"],
            },
            {
                "slug": "grondpositie-bedrijventerrein",
                "title": "Grondpositie regionaal bedrijventerrein",
                "summary": "Vertrouwelijk: de verwerving van een grondpositie.",
                "goals": [4],
                "status": "preparing",
                "progress": 10,
                "confidentiality": "confidential",
                "lead_body": "bo-economische-zaken",
                "dossiers": ["grondpositie"],
            },
        ],
    },
}
