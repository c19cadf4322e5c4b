"""Dutch agenda subjects of the Achterhoek, Twente and the Denderregio (conventions: see content.py)."""

from __future__ import annotations

from naober.demo.history.content import CONFIDENTIAL, SECRET, Subject, decide, discuss, inform

ACHTERHOEK: dict[str, tuple[Subject, ...]] = {
    "bestuur": (
        decide(
            "Ontwerpbegroting 2027 Regio Achterhoek",
            "De ontwerpbegroting gaat voor zienswijzen naar de acht gemeenteraden (Wgr: twaalf weken).",
            "de ontwerpbegroting 2027 voor zienswijzen aan de gemeenteraden te zenden",
        ),
        decide(
            "Jaarstukken 2025",
            "Jaarverslag en jaarrekening 2025, met het advies van de accountant.",
            "de jaarstukken 2025 vast te stellen",
        ),
        discuss(
            "Smart Werken: voortgang van de strategische focus",
            "Hoe staan de projecten van Smart Werken ervoor, en wat vraagt dat van de gemeenten?",
            "Het bestuur wil de resultaten van Smart Werken zichtbaar maken op de Achterhoekdag.",
        ),
        inform(
            "Regio Deal Achterhoek: voortgangsrapportage",
            "De rapportage aan het Rijk over de besteding van de Regio Deal-middelen.",
            "de voortgangsrapportage van de Regio Deal",
        ),
        decide(
            "Regionale woonagenda Achterhoek",
            "Afspraken over woningbouw, doorstroming en wonen voor jongeren en ouderen.",
            "de regionale woonagenda vast te stellen",
        ),
        discuss(
            "Lobby Bereikbaarheid: N18, spoor en breedband",
            "Voorbereiding van de gesprekken met provincie Gelderland en het ministerie.",
            "De voorzitter brengt de spoorverbinding Zutphen–Winterswijk in bij het bestuurlijk overleg "
            "met de provincie.",
        ),
        decide(
            "Personele zaken regio-organisatie (vertrouwelijk)",
            "Voorstel over de inrichting van de regio-organisatie; bevat persoonsgegevens.",
            "in te stemmen met de voorgestelde inrichting",
            CONFIDENTIAL,
        ),
    ),
    "circulair": (
        decide(
            "Subsidieaanvraag circulair ketenproject (vertrouwelijk)",
            "De aanvraag bevat bedrijfsgegevens van de deelnemende ondernemers.",
            "in te stemmen met de cofinanciering van het project",
            CONFIDENTIAL,
        ),
        discuss(
            "Circulaire maakindustrie: projectenpijplijn",
            "Welke bedrijven doen mee aan de circulaire ketenprojecten, en waar zit de subsidie?",
            "De tafel selecteert drie projecten voor de aanvraag bij de provincie.",
        ),
        inform(
            "RES Achterhoek: voortgang opwek",
            "De stand van de wind- en zonprojecten en de netcapaciteit.",
            "de voortgang van de duurzame opwek",
        ),
        decide(
            "Uitvoeringsagenda energietransitie 2027",
            "Acties voor warmte, opwek en energiebesparing bij bedrijven.",
            "de uitvoeringsagenda energietransitie 2027 vast te stellen",
        ),
        discuss(
            "Netcongestie bij bedrijven",
            "Ondernemers kunnen niet uitbreiden door een vol stroomnet: wat kan de regio doen?",
            "De tafel vraagt de netbeheerder om een regionale sessie over energiehubs.",
        ),
    ),
    "mobiliteit": (
        inform(
            "N18: afronding en verkeersveiligheid",
            "De stand van de laatste werkzaamheden en de verkeersveiligheid op de N18.",
            "de stand van zaken van de N18",
        ),
        discuss(
            "Spoorlijn Zutphen–Winterswijk: verdubbeling",
            "De kansen op gedeeltelijke verdubbeling en elektrificatie.",
            "De tafel maakt met de provincie een gezamenlijk lobbydocument.",
        ),
        decide(
            "Regionaal fietsplan Achterhoek",
            "Voorstel voor snelle fietsroutes tussen de kernen en de scholen.",
            "het regionaal fietsplan vast te stellen",
        ),
        discuss(
            "Doelgroepenvervoer en buurtbussen",
            "Hoe houden we de kleine kernen bereikbaar voor wie niet zelf kan rijden?",
            "De tafel brengt de buurtbusverenigingen en de vervoerders bij elkaar.",
        ),
    ),
    "board": (
        decide(
            "Investeringsplan innovatiecampus (vertrouwelijk)",
            "Het plan bevat bedrijfsvertrouwelijke gegevens van de investeerders.",
            "in te stemmen met de verdere uitwerking van het investeringsplan",
            CONFIDENTIAL,
        ),
        discuss(
            "Achterhoek Visie 2030: herijking",
            "Overheid, ondernemers en onderwijs over de ambities voor de komende jaren.",
            "De Board vraagt de thematafels om hun ambities voor de zomer aan te scherpen.",
        ),
        inform(
            "Arbeidsmarkt: tekorten in techniek en zorg",
            "Cijfers en initiatieven van werkgevers en het onderwijs.",
            "de arbeidsmarktcijfers en de lopende initiatieven",
        ),
        decide(
            "Programma Achterhoekdag",
            "Opzet van de jaarlijkse Achterhoekdag met de videoverslagen per thematafel.",
            "het programma van de Achterhoekdag vast te stellen",
        ),
    ),
    "raad": (
        discuss(
            "Zienswijze ontwerpbegroting 2027",
            "De Achterhoek Raad bespreekt de ontwerpbegroting vóór de raden hun zienswijze geven.",
            "De Raad vraagt om een heldere verantwoording per thema in de volgende begroting.",
        ),
        inform(
            "Informatie over de Regio Deal",
            "Presentatie over de besteding en de resultaten van de Regio Deal.",
            "de presentatie over de Regio Deal",
        ),
        discuss(
            "Rol van de raden in de regionale samenwerking",
            "Hoe houden de raadsleden grip op wat in de regio gebeurt?",
            "De Raad stelt een werkgroep in voor een informatieprotocol.",
        ),
    ),
}

TWENTE: dict[str, tuple[Subject, ...]] = {
    "bestuur": (
        decide(
            "Ontwerpbegroting 2027 SamenTwente",
            "De ontwerpbegroting met de bijdrage per inwoner; gaat voor zienswijzen naar de raden.",
            "de ontwerpbegroting 2027 voor zienswijzen aan de raden te zenden",
        ),
        decide(
            "Regio Deal Twente: besteding tweede tranche",
            "Voorstel voor projecten in het groen technologisch topcluster.",
            "in te stemmen met de voorgestelde projecten",
        ),
        discuss(
            "Agenda voor Twente: prioriteiten",
            "Welke opgaven van de Agenda voor Twente krijgen voorrang?",
            "Het bestuur legt de nadruk op arbeidsmarkt en bereikbaarheid.",
        ),
        inform(
            "Grensoverschrijdende samenwerking met Duitsland",
            "Stand van de projecten met de Euregio en de Duitse buurgemeenten.",
            "de stand van de grensoverschrijdende samenwerking",
        ),
        decide(
            "Jaarstukken 2025 SamenTwente",
            "Jaarverslag en jaarrekening 2025.",
            "de jaarstukken 2025 vast te stellen",
        ),
        discuss(
            "Lobby Den Haag en Brussel",
            "Voorbereiding van de public-affairsagenda.",
            "De voorzitter agendeert de spoorverbinding naar Duitsland bij het Rijk.",
        ),
        decide(
            "Financiële positie deelneming (vertrouwelijk)",
            "De financiële positie van een regionale deelneming en de mogelijke bijstorting.",
            "in te stemmen met de voorgestelde bijstorting onder voorwaarden",
            CONFIDENTIAL,
        ),
    ),
    "raad": (
        inform(
            "Besloten informatiesessie financiële positie deelneming (vertrouwelijk)",
            "Technische toelichting voor de raadsleden in besloten zitting.",
            "de vertrouwelijke toelichting op de financiële positie",
            CONFIDENTIAL,
        ),
        discuss(
            "Zienswijze op de ontwerpbegroting 2027",
            "De Twenteraad bespreekt de ontwerpbegroting voor de zienswijzen van de raden.",
            "De Twenteraad vraagt om meer inzicht in de resultaten van de Regio Deal.",
        ),
        inform(
            "Presentatie Twente Board",
            "De Twente Board over de sociaaleconomische agenda.",
            "de presentatie van de Twente Board",
        ),
        discuss(
            "Democratische legitimatie van de regio",
            "Hoe betrekken we de raden eerder bij regionale besluiten?",
            "Het presidium werkt een voorstel uit voor een jaarlijkse regiodag voor raadsleden.",
        ),
    ),
    "board": (
        decide(
            "Investeringsvoorstel van een hightechbedrijf (vertrouwelijk)",
            "Het voorstel bevat bedrijfsvertrouwelijke gegevens.",
            "in te stemmen met de verdere gesprekken over een regionale bijdrage",
            CONFIDENTIAL,
        ),
        discuss(
            "Arbeidsmarkt: tekort aan technici",
            "Werkgevers en onderwijs over het tekort aan technici in Twente.",
            "De Board start een gezamenlijke campagne met de technische opleidingen.",
        ),
        decide(
            "Programma technologisch topcluster",
            "Voorstel voor de programmering van het groen technologisch topcluster.",
            "het programma technologisch topcluster vast te stellen",
        ),
        inform(
            "Vestigingsklimaat: nieuwe bedrijven",
            "Overzicht van nieuwe vestigingen en uitbreidingen.",
            "het overzicht van nieuwe vestigingen",
        ),
    ),
}

DENDER: dict[str, tuple[Subject, ...]] = {
    "bestuur": (
        decide(
            "Financieringsmodel Denderregio",
            "Voorstel voor een bijdrage per inwoner en de verdeling tussen Dender Noord en Dender Zuid.",
            "het financieringsmodel vast te stellen en voor te leggen aan de gemeenteraden",
        ),
        discuss(
            "Regionale identiteit en merk Denderregio",
            "Hoe versterken we het regiogevoel en het imago van de Denderregio?",
            "De burgemeesters willen een gezamenlijke communicatiecampagne in het voorjaar.",
        ),
        inform(
            "Stand van zaken referentieregio",
            "De Vlaamse regering over de afstemming van de samenwerkingsverbanden op de referentieregio's.",
            "de stand van zaken van de referentieregio's",
        ),
        decide(
            "Gezamenlijke belangenbehartiging bij de Vlaamse overheid",
            "Voorstel voor een lobbyagenda: mobiliteit, de Dender en economie.",
            "de lobbyagenda vast te stellen",
        ),
        discuss(
            "Samenwerking SOLVA en DDS",
            "Hoe ondersteunen de twee dienstverlenende verenigingen de regio samen?",
            "De algemeen directeurs werken een voorstel uit voor één regionaal aanspreekpunt.",
        ),
        inform(
            "Mobiliteit: vervoerregio en de Dender",
            "Afstemming met de vervoerregio over het openbaar vervoer en de fietsroutes langs de Dender.",
            "de afstemming met de vervoerregio",
        ),
        decide(
            "Aanstelling regiocoördinator (vertrouwelijk)",
            "Voorstel over de verlenging van de aanstelling; bevat persoonsgegevens.",
            "in te stemmen met de verlenging van de aanstelling",
            CONFIDENTIAL,
        ),
    ),
    "regiovorming": (
        discuss(
            "Governance van de referentieregio",
            "Welke structuur past bij de Denderregio: interlokale vereniging of projectvereniging?",
            "De stuurgroep werkt twee scenario's uit voor het burgemeestersoverleg.",
        ),
        decide(
            "Takenpakket regionale samenwerking",
            "Welke samenwerkingsverbanden worden in de referentieregio ondergebracht?",
            "het voorstel voor het takenpakket voor te leggen aan het burgemeestersoverleg",
        ),
        inform(
            "Ervaringen uit andere referentieregio's",
            "Wat leren we van de Kempen en de Westhoek?",
            "de ervaringen uit andere referentieregio's",
        ),
    ),
}

# Formally secret items (rules.md §5): (region, body, which past meeting of the body: -1 the last one, -2 the
# one before …, the subject).
SECRET_ITEMS: dict[str, tuple[tuple[str, int, Subject], ...]] = {
    "regio-amersfoort": (
        (
            "bora",
            -2,
            decide(
                "Vertrouwelijke onderhandeling met marktpartij over ontwikkellocatie",
                "Geheim op grond van artikel 5.1 Woo (economische en financiële belangen): de onderhandeling "
                "met een ontwikkelaar over een regionale woningbouwlocatie.",
                "in te stemmen met het onderhandelingsresultaat en de geheimhouding te bekrachtigen",
                SECRET,
            ),
        ),
        (
            "arg",
            -1,
            discuss(
                "Onderzoek integriteitsmelding (geheim)",
                "Geheim op grond van artikel 5.1 Woo (persoonlijke levenssfeer).",
                "De ARG neemt de aanbevelingen van het onderzoek over.",
                SECRET,
            ),
        ),
    ),
    "regio-achterhoek": (
        (
            "dagelijks-bestuur",
            -2,
            decide(
                "Onderhandeling verkoop aandelen regionale deelneming (geheim)",
                "Geheim op grond van artikel 5.1 Woo: de onderhandeling met een koper.",
                "in te stemmen met het onderhandelingsmandaat",
                SECRET,
            ),
        ),
    ),
    "twente": (
        (
            "algemeen-bestuur",
            -2,
            decide(
                "Vertrouwelijke onderhandeling met een marktpartij over een grensoverschrijdend "
                "bedrijventerrein",
                "Geheim op grond van artikel 5.1 Woo (economische en financiële belangen).",
                "in te stemmen met de onderhandelingsruimte",
                SECRET,
            ),
        ),
    ),
    "denderregio": (
        (
            "dbo",
            -3,
            decide(
                "Onderhandeling met een marktpartij over een regionaal warmtenet (geheim)",
                "Geheim: de onderhandeling over de voorwaarden van een concessie.",
                "in te stemmen met de voorwaarden voor de verdere onderhandeling",
                SECRET,
            ),
        ),
    ),
}
