"""Per demo region: what each body discusses, the dossiers that travel, and the meeting that was cancelled.

A dossier's route is anchored on one step: `anchor` picks that body's meeting (-1 its last meeting before
today, -2 the one before; 0 its first meeting from today, 1 the next). The steps before it are placed in the
latest earlier meetings of their bodies; later steps only once the step before was treated, and only in a
meeting whose agenda is already drawn up. Steps without a meeting stay on the planned route.
"""

from __future__ import annotations

from dataclasses import dataclass

from naober.demo.history.content import AMERSFOORT, PUBLIC, Subject
from naober.demo.history.content_regions import ACHTERHOEK, DENDER, TWENTE
from naober.meetings.models import ConsultationRole

PREPARE, ADVISE, DECIDE = (
    str(role) for role in (ConsultationRole.PREPARE, ConsultationRole.ADVISE, ConsultationRole.DECIDE)
)
AMENDED = "amended"
POSTPONED = "postponed"


@dataclass(frozen=True)
class DossierSpec:
    key: str
    title: str
    summary: str
    topic: str  # topic slug of the cooperation, or ""
    route: tuple[tuple[str, str], ...]  # (body slug, consultation role)
    anchor_step: int
    anchor: int
    outcome: str  # what the deciding body decides, as an infinitive clause
    twist: str = ""  # AMENDED or POSTPONED: how the deciding step goes
    confidentiality: str = PUBLIC


@dataclass(frozen=True)
class RegionSpec:
    pools: dict[str, tuple[Subject, ...]]
    pool_of_body: dict[str, str]  # body slug → pool key; bodies not listed use the pool of their topic
    pool_of_topic: dict[str, str]
    dossiers: tuple[DossierSpec, ...]
    cancelled: tuple[str, int, str]  # body, which past meeting (-1 the last), reason
    voting_bodies: tuple[str, ...] = ()
    # The chance that a meeting's subjects include a confidential one (when its topic has any): tuned so that
    # about 10–15% of the items are confidential or secret (rules.md §5), given how many subjects each has.
    confidential_chance: float = 0.5

    def pool(self, body: str, topic: str) -> tuple[Subject, ...]:
        key = self.pool_of_body.get(body) or self.pool_of_topic.get(topic, "")
        return self.pools.get(key, ())


AMERSFOORT_SPEC = RegionSpec(
    pools=AMERSFOORT,
    pool_of_body={"bora": "regie", "arg": "regie"},
    pool_of_topic={
        "wonen": "wonen",
        "ruimte-en-wonen": "ruimte",
        "verkeer-en-vervoer": "mobiliteit",
        "res": "energie",
        "sociaal-domein": "sociaal",
        "economische-zaken": "economie",
        "werk-en-inkomen": "werk",
        "landelijk-gebied": "landelijk",
        "recreatie-en-toerisme": "recreatie",
        "ontwikkelbeeld": "ontwikkelbeeld",
    },  # fmt: skip
    dossiers=(
        DossierSpec(
            "woondeal",
            "Regionale woondeal 2026–2030: uitvoeringsafspraken",
            "Afspraken tussen de regiogemeenten, de provincie Utrecht en de corporaties over aantallen, "
            "betaalbaarheid en doelgroepen, als uitwerking van de woondeal met het Rijk.",
            "wonen",
            (("ao-wonen", PREPARE), ("bo-wonen", ADVISE), ("bora", DECIDE)),
            2,
            -2,
            "de uitvoeringsafspraken van de regionale woondeal vast te stellen en ter bekrachtiging aan de "
            "colleges voor te leggen",
        ),
        DossierSpec(
            "arbeidsmigranten",
            "Regionaal afsprakenkader huisvesting arbeidsmigranten",
            "Een gezamenlijk kader voor de huisvesting van arbeidsmigranten: spreiding over de gemeenten, "
            "kwaliteitseisen en handhaving.",
            "ruimte-en-wonen",
            (("ao-ruimte-en-wonen", PREPARE), ("bo-ruimte-en-wonen", ADVISE), ("bora", DECIDE)),
            2,
            -1,
            "het regionaal afsprakenkader huisvesting arbeidsmigranten vast te stellen",
            AMENDED,
        ),
        DossierSpec(
            "mobiliteitsvisie",
            "Regionale mobiliteitsvisie 2040",
            "De visie op bereikbaarheid tot 2040: fiets, openbaar vervoer, de knooppunten en de A1/A28.",
            "verkeer-en-vervoer",
            (("ao-verkeer-en-vervoer", PREPARE), ("bo-verkeer-en-vervoer", ADVISE), ("bora", DECIDE)),
            2,
            -2,
            "de regionale mobiliteitsvisie 2040 vast te stellen",
            POSTPONED,
        ),
        DossierSpec(
            "res",
            "RES 2.0 Regio Amersfoort",
            "Het tweede bod van de regio voor duurzame elektriciteit en warmte, met een aanpak voor "
            "netcongestie.",
            "res",
            (("bo-res", ADVISE), ("bora", DECIDE)),
            1,
            -1,
            "de RES 2.0 vast te stellen en aan de gemeenteraden voor te leggen",
        ),
        DossierSpec(
            "jeugdhulp",
            "Regionale inkoop jeugdhulp 2027–2030",
            "De uitgangspunten en het inkoopmodel voor specialistische jeugdhulp vanaf 2027.",
            "sociaal-domein",
            (("stuurgroep-sociaal-domein", PREPARE), ("bo-sociaal-domein", ADVISE), ("bora", DECIDE)),
            1,
            -1,
            "het inkoopmodel jeugdhulp 2027–2030 vast te stellen",
        ),
        DossierSpec(
            "strategische-agenda",
            "Strategische agenda Regio Amersfoort 2027–2030",
            "De opvolger van de strategische agenda: de gezamenlijke opgaven voor de komende vier jaar.",
            "",
            (("arg", PREPARE), ("bora", DECIDE)),
            0,
            0,
            "de strategische agenda 2027–2030 vast te stellen",
        ),
        DossierSpec(
            "werklocaties",
            "Regionaal programma werklocaties",
            "Afspraken over nieuwe en te herstructureren bedrijventerreinen in de regio.",
            "economische-zaken",
            (("ao-economische-zaken", PREPARE), ("bo-economische-zaken", DECIDE)),
            1,
            -1,
            "het regionaal programma werklocaties vast te stellen",
        ),
        DossierSpec(
            "grondpositie",
            "Grondpositie regionaal bedrijventerrein",
            "Vertrouwelijk: de verwerving van een grondpositie voor een regionaal bedrijventerrein.",
            "economische-zaken",
            (("ao-economische-zaken", PREPARE), ("bo-economische-zaken", DECIDE)),
            1,
            -2,
            "in te stemmen met de onderhandelingsruimte voor de verwerving van de grondpositie",
            confidentiality="confidential",
        ),
    ),
    cancelled=("ao-recreatie-en-toerisme", -2, "Vervalt wegens gebrek aan agendapunten."),
)

ACHTERHOEK_SPEC = RegionSpec(
    pools=ACHTERHOEK,
    pool_of_body={
        "algemeen-bestuur": "bestuur",
        "dagelijks-bestuur": "bestuur",
        "thematafel-circulaire-economie": "circulair",
        "thematafel-mobiliteit": "mobiliteit",
        "achterhoek-board": "board",
        "achterhoek-raad": "raad",
    },  # fmt: skip
    pool_of_topic={},
    dossiers=(
        DossierSpec(
            "res",
            "RES 2.0 Achterhoek",
            "Het tweede bod van de Achterhoek voor duurzame opwek, warmte en energiebesparing.",
            "circulaire-economie-en-energietransitie",
            (
                ("thematafel-circulaire-economie", ADVISE),
                ("dagelijks-bestuur", PREPARE),
                ("algemeen-bestuur", DECIDE),
            ),
            2,
            -2,
            "de RES 2.0 Achterhoek vast te stellen",
        ),
        DossierSpec(
            "begroting",
            "Begroting 2027 Regio Achterhoek",
            "De begroting 2027, na de zienswijzen van de acht gemeenteraden.",
            "",
            (("dagelijks-bestuur", PREPARE), ("achterhoek-raad", ADVISE), ("algemeen-bestuur", DECIDE)),
            2,
            -2,
            "de begroting 2027 vast te stellen",
            AMENDED,
        ),
        DossierSpec(
            "fietsplan",
            "Regionaal fietsplan Achterhoek",
            "Snelle en veilige fietsroutes tussen de kernen, de scholen en de bedrijventerreinen.",
            "mobiliteit-en-bereikbaarheid",
            (("thematafel-mobiliteit", ADVISE), ("dagelijks-bestuur", PREPARE), ("algemeen-bestuur", DECIDE)),
            2,
            0,
            "het regionaal fietsplan vast te stellen",
        ),
        DossierSpec(
            "smart-werken",
            "Smart Werken: uitvoeringsprogramma 2026–2027",
            "Het programma van de strategische focus Smart Werken: digitalisering, robotisering en scholing.",
            "smart-werken",
            (("achterhoek-board", ADVISE), ("algemeen-bestuur", DECIDE)),
            1,
            -3,
            "het uitvoeringsprogramma Smart Werken 2026–2027 vast te stellen",
            POSTPONED,
        ),
    ),
    cancelled=(
        "thematafel-mobiliteit",
        -2,
        "Vervalt: de agendapunten schuiven door naar de volgende vergadering.",
    ),
    voting_bodies=("algemeen-bestuur", "achterhoek-raad"),
)

TWENTE_SPEC = RegionSpec(
    pools=TWENTE,
    pool_of_body={"algemeen-bestuur": "bestuur", "twenteraad": "raad", "twente-board": "board"},
    pool_of_topic={},
    dossiers=(
        DossierSpec(
            "agenda-voor-twente",
            "Agenda voor Twente 2027–2030",
            "De gezamenlijke sociaaleconomische agenda van overheid, ondernemers en onderwijs.",
            "vestigingsklimaat",
            (("twente-board", ADVISE), ("algemeen-bestuur", DECIDE)),
            1,
            -2,
            "de Agenda voor Twente 2027–2030 vast te stellen",
        ),
        DossierSpec(
            "begroting",
            "Begroting 2027 SamenTwente",
            "De begroting 2027 met de zienswijzen van de veertien gemeenteraden.",
            "",
            (("twenteraad", ADVISE), ("algemeen-bestuur", DECIDE)),
            1,
            -2,
            "de begroting 2027 vast te stellen",
            AMENDED,
        ),
        DossierSpec(
            "grensverkeer",
            "Lobbyagenda grensoverschrijdend openbaar vervoer",
            "Betere trein- en busverbindingen met Duitsland: de inzet richting Rijk, Land en EU.",
            "bereikbaarheid",
            (("twente-board", ADVISE), ("algemeen-bestuur", DECIDE)),
            1,
            -3,
            "de lobbyagenda grensoverschrijdend openbaar vervoer vast te stellen",
            POSTPONED,
        ),
        DossierSpec(
            "regio-deal",
            "Regio Deal Twente: tweede tranche",
            "De projecten voor de tweede tranche van de Regio Deal in het groen technologisch topcluster.",
            "vestigingsklimaat",
            (("twente-board", ADVISE), ("algemeen-bestuur", DECIDE)),
            1,
            0,
            "in te stemmen met de projecten van de tweede tranche",
        ),
    ),
    cancelled=("twente-board", -3, "Vervalt wegens gebrek aan agendapunten."),
    voting_bodies=("algemeen-bestuur", "twenteraad"),
    confidential_chance=0.35,
)

DENDER_SPEC = RegionSpec(
    pools=DENDER,
    pool_of_body={"dbo": "bestuur", "dado": "bestuur", "stuurgroep-regiovorming": "regiovorming"},
    pool_of_topic={},
    dossiers=(
        DossierSpec(
            "financieringsmodel",
            "Financieringsmodel Denderregio 2027",
            "Een bijdrage per inwoner voor de regionale werking, verdeeld over Dender Noord en Zuid.",
            "financiering-en-belangenbehartiging",
            (("dado", PREPARE), ("dbo", DECIDE)),
            1,
            -2,
            "het financieringsmodel 2027 vast te stellen en voor te leggen aan de gemeenteraden",
            AMENDED,
        ),
        DossierSpec(
            "governance",
            "Governancemodel referentieregio Denderregio",
            "De structuur van de samenwerking in de referentieregio en de rol van SOLVA en DDS.",
            "regiovorming",
            (("stuurgroep-regiovorming", ADVISE), ("dado", PREPARE), ("dbo", DECIDE)),
            2,
            -1,
            "het governancemodel van de referentieregio vast te stellen",
        ),
        DossierSpec(
            "merk",
            "Regionale identiteit: merkstrategie Denderregio",
            "Een gezamenlijk merk en een communicatieplan om het regiogevoel te versterken.",
            "regiogevoel-en-imago",
            (("dado", PREPARE), ("dbo", DECIDE)),
            1,
            -5,
            "de merkstrategie Denderregio vast te stellen",
            POSTPONED,
        ),
        DossierSpec(
            "lobbyagenda",
            "Lobbyagenda Vlaamse overheid 2027",
            "De gezamenlijke prioriteiten van de Denderregio voor mobiliteit, de Dender en economie.",
            "financiering-en-belangenbehartiging",
            (("dado", PREPARE), ("dbo", DECIDE)),
            1,
            0,
            "de lobbyagenda 2027 vast te stellen",
        ),
    ),
    cancelled=("stuurgroep-regiovorming", -2, "Vervalt wegens gebrek aan agendapunten."),
    confidential_chance=0.4,
)

REGIONS: dict[str, RegionSpec] = {
    "regio-amersfoort": AMERSFOORT_SPEC,
    "regio-achterhoek": ACHTERHOEK_SPEC,
    "twente": TWENTE_SPEC,
    "denderregio": DENDER_SPEC,
}
