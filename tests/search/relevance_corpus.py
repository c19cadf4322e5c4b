"""A fixed Dutch test corpus of regional-cooperation texts, and labelled queries with their expected hits.

Relevance rule used for the labels (written down before any analyzer was measured): a document is relevant
to a word query when it contains that word's concept as a word in any inflection (plural, diminutive,
conjugation, adjective form) or as part of a compound that is about it — as first part (`woningbouw` for
`woning`) or as last part when the compound is a kind of it (`huurwoningen` for `woningen`, `jeugdzorg` for
`zorg`). A phrase query wants the words in that order (inflected); a prefix query (`fiets*`) wants a word
starting with it. Multi-word queries want all their words. Homographs with another meaning are not
relevant (`gelden` "to apply" for `geld` "money"; `bieden` "to offer" for `gebied` "area").
"""

from __future__ import annotations

DOCS: dict[str, tuple[str, str]] = {
    "d01": (
        "Woningbouwprogramma 2026-2030",
        "Het regionale woningbouwprogramma legt vast hoeveel woningen de gemeenten in de regio tot 2030 "
        "bouwen. Per gemeente staan de aantallen sociale huurwoningen, middenhuur en koopwoningen genoemd.",
    ),
    "d02": (
        "Voortgang woningbouw in de regio",
        "De woningbouw loopt achter door netcongestie en stikstof. In 2025 zijn 1.840 woningen opgeleverd, "
        "minder dan afgesproken in de woondeal.",
    ),
    "d03": (
        "Huisvesting van arbeidsmigranten",
        "Gemeenten werken aan een regionale aanpak voor de huisvesting van arbeidsmigranten. Werkgevers en "
        "gemeenten maken afspraken over goede en veilige huisvesting.",
    ),
    "d04": (
        "Beleidsregel tijdelijke huisvesting arbeidsmigrant",
        "Een arbeidsmigrant mag maximaal twaalf maanden in een tijdelijke unit op een bedrijventerrein "
        "verblijven. De gemeente houdt toezicht op de kwaliteit.",
    ),
    "d05": (
        "Mobiliteitsvisie Regio Amersfoort",
        "De mobiliteitsvisie beschrijft hoe inwoners zich in 2040 verplaatsen: meer fiets, beter openbaar "
        "vervoer en minder autoverkeer in de binnensteden.",
    ),
    "d06": (
        "Verkeersveiligheid rond scholen",
        "Het aantal verkeersongevallen bij basisscholen neemt toe. De regio stelt een plan voor veilige "
        "schoolroutes en lagere snelheden voor.",
    ),
    "d07": (
        "Regionaal Strategisch Plan Verkeersveiligheid",
        "Het plan richt zich op kwetsbare verkeersdeelnemers: fietsers, voetgangers en ouderen. Gemeenten "
        "investeren samen in veiligere kruispunten.",
    ),
    "d08": (
        "Snelfietsroute Amersfoort-Utrecht",
        "De provincie en de gemeenten financieren de snelfietsroute. De fietspaden worden verbreed en "
        "krijgen verlichting.",
    ),
    "d09": (
        "Regionale Energiestrategie 2.0",
        "De Regionale Energiestrategie (RES) beschrijft waar zonneparken en windturbines komen. De "
        "gemeenteraden geven hun zienswijze op de RES 2.0.",
    ),
    "d10": (
        "Zienswijze gemeenteraad Leusden op de energiestrategie",
        "De raad van Leusden vraagt om meer aandacht voor zon op daken voordat zonneparken in het "
        "buitengebied worden aangelegd.",
    ),
    "d11": (
        "Warmtetransitie en aardgasvrije wijken",
        "De transitievisie warmte geeft per wijk aan wanneer woningen van het aardgas af gaan. Inwoners "
        "krijgen ondersteuning bij isolatie.",
    ),
    "d12": (
        "Regionale inkoop jeugdzorg",
        "De gemeenten kopen de specialistische jeugdzorg vanaf 2027 gezamenlijk in. Jeugdigen en ouders "
        "houden keuzevrijheid tussen aanbieders.",
    ),
    "d13": (
        "Wachtlijsten jeugdhulp",
        "Jongeren wachten gemiddeld veertien weken op jeugdhulp. De regio zet in op een doorbraakaanpak met "
        "de zorgaanbieders.",
    ),
    "d14": (
        "Beschermd wonen en maatschappelijke opvang",
        "Vanaf 2026 gaat de verantwoordelijkheid voor beschermd wonen over naar alle gemeenten. Cliënten "
        "wonen zoveel mogelijk in hun eigen wijk.",
    ),
    "d15": (
        "Besluitenlijst Bestuurlijk Overleg Wonen 12 maart",
        "Het BO Wonen besluit in te stemmen met het woningbouwprogramma. Besloten wordt de monitor jaarlijks "
        "aan de raden te sturen.",
    ),
    "d16": (
        "Besluit vaststelling begroting 2027",
        "Het algemeen bestuur heeft besloten de begroting 2027 vast te stellen. De bijdrage per inwoner "
        "stijgt met 2,1 procent.",
    ),
    "d17": (
        "Kadernota en meerjarenbegroting",
        "De kadernota schetst de financiële uitgangspunten voor de begrotingen van de komende jaren. De "
        "deelnemende gemeenten dienen hun zienswijze in.",
    ),
    "d18": (
        "Jaarrekening 2025",
        "Het resultaat over 2025 is positief. Het overschot wordt naar rato van het aantal inwoners "
        "terugbetaald aan de gemeenten.",
    ),
    "d19": (
        "Gemeenschappelijke regeling Regio Amersfoort: wijziging",
        "De gemeenschappelijke regeling wordt aangepast aan de gewijzigde Wet gemeenschappelijke regelingen. "
        "De raden krijgen meer invloed op de begroting.",
    ),
    "d20": (
        "Bedrijventerreinen en werklocaties",
        "Er is in de regio tot 2030 behoefte aan 90 hectare nieuw bedrijventerrein. Bestaande "
        "bedrijventerreinen worden verduurzaamd.",
    ),
    "d21": (
        "Regionale arbeidsmarktagenda",
        "Werkgevers, onderwijs en gemeenten werken samen aan een betere aansluiting tussen onderwijs en "
        "arbeidsmarkt. Er is vooral een tekort aan technici en zorgpersoneel.",
    ),
    "d22": (
        "Economische agenda Achterhoek",
        "De economische agenda zet in op maakindustrie, innovatie en vestigingsklimaat. Ondernemers worden "
        "betrokken via de triple-helixtafel.",
    ),
    "d23": (
        "Recreatieparken en vakantiehuisjes",
        "Op verschillende recreatieparken worden vakantiehuisjes permanent bewoond. Gemeenten pakken de "
        "ondermijning en de slechte woonomstandigheden samen aan.",
    ),
    "d24": (
        "Vitale vakantieparken",
        "Het programma Vitale Vakantieparken helpt eigenaren hun park toekomstbestendig te maken. Een "
        "vakantiehuisje mag niet als hoofdverblijf worden gebruikt.",
    ),
    "d25": (
        "Stikstof en ruimte voor landbouw",
        "De stikstofdepositie op Natura 2000-gebieden moet omlaag. Boeren krijgen hulp bij extensivering of "
        "verplaatsing van hun bedrijf.",
    ),
    "d26": (
        "Klimaatadaptatie: regionale aanpak wateroverlast",
        "Door hevige buien ontstaat vaker wateroverlast in de kernen. Het waterschap en de gemeenten maken "
        "een uitvoeringsagenda klimaatadaptatie.",
    ),
    "d27": (
        "Aanpak ondermijning",
        "Het Regionaal Informatie- en Expertisecentrum ondersteunt gemeenten bij de aanpak van ondermijnende "
        "criminaliteit op bedrijventerreinen en in het buitengebied.",
    ),
    "d28": (
        "Gebiedsagenda Vallei en Eem",
        "Het gebied rond de Eem krijgt een agenda voor natuur, water en recreatie. Partners bieden samen "
        "ruimte aan nieuwe initiatieven.",
    ),
    "d29": (
        "Subsidieregeling cultuur",
        "Culturele instellingen kunnen subsidie aanvragen voor regionale projecten. De regels gelden voor "
        "aanvragen vanaf 1 januari.",
    ),
    "d30": (
        "Financiering regionale projecten",
        "Het Regiofonds stelt geld beschikbaar voor projecten die meerdere gemeenten verbinden. Het geld "
        "wordt verdeeld naar inwonertal.",
    ),
    "d31": (
        "Inwonerspanel over de leefbaarheid",
        "Ruim 2.000 inwoners deden mee aan het inwonerspanel. Een inwoner uit Nijkerk noemde de "
        "bereikbaarheid van voorzieningen het grootste probleem.",
    ),
    "d32": (
        "Dienstregeling openbaar vervoer",
        "De vervoerder past de dienstregeling aan. Buslijnen in kleine kernen rijden minder vaak, wat zorgen "
        "geeft bij ouderen en scholieren.",
    ),
    "d33": (
        "Voorstellen voor de regionale investeringsagenda",
        "De portefeuillehouders bespreken drie voorstellen voor de investeringsagenda: bereikbaarheid, "
        "woningbouw en energie.",
    ),
    "d34": (
        "Voorstel: regionale woonzorgvisie",
        "Het voorstel vraagt in te stemmen met de woonzorgvisie. Er komen meer geschikte woningen voor "
        "ouderen met een zorgvraag.",
    ),
    "d35": (
        "Afspraken met woningcorporaties",
        "De gemeenten en de corporaties maken prestatieafspraken over nieuwbouw, verduurzaming en "
        "betaalbaarheid van sociale huurwoningen.",
    ),
    "d36": (
        "Evaluatie samenwerkingsafspraak statushouders",
        "De afspraak uit 2022 over de verdeling van statushouders is geëvalueerd. Gemeenten voldoen "
        "grotendeels aan de taakstelling.",
    ),
    "d37": (
        "Onderwijshuisvesting en kindcentra",
        "Voor integrale kindcentra zijn nieuwe schoolgebouwen nodig. Kinderen krijgen onderwijs en opvang "
        "onder één dak.",
    ),
    "d38": (
        "Kinderopvang en voorschoolse educatie",
        "Elk kind met een taalachterstand krijgt voorschoolse educatie. De gemeenten financieren extra uren.",
    ),
    "d39": (
        "Samenwerking in de Achterhoek",
        "Acht gemeenten werken samen in de Achterhoek Raad. Gemeentes met een klein ambtenarenapparaat delen "
        "specialisten.",
    ),
    "d40": (
        "Agenda van de gemeenteraad",
        "De gemeenteraad bespreekt het regionale woningbouwprogramma en de bijdrage aan de regio.",
    ),
    "d41": (
        "Opening en mededelingen",
        "De voorzitter opent de vergadering en heet iedereen welkom. Er zijn geen mededelingen.",
    ),
    "d42": (
        "Rondvraag en sluiting",
        "Er worden geen vragen gesteld. De voorzitter sluit de vergadering om 16.30 uur.",
    ),
    "d43": (
        "Zonnepark Heiligenberg",
        "Het college wil medewerking verlenen aan een zonnepark van 20 hectare. Omwonenden zijn bezorgd over "
        "het landschap.",
    ),
    "d44": (
        "Windenergie in de regio",
        "De gemeenten verkennen zoekgebieden voor windturbines. Lokaal eigendom is een voorwaarde voor "
        "draagvlak bij inwoners.",
    ),
    "d45": (
        "Laadinfrastructuur voor elektrische auto's",
        "De regio werkt aan een netwerk van laadpalen. Ook komen er laadpleinen voor deelauto's bij "
        "stations.",
    ),
    "d46": (
        "Regiodeal Foodvalley",
        "Het Rijk en de regio tekenen een regiodeal. Met de middelen worden projecten voor gezonde voeding "
        "en innovatie in de landbouw gefinancierd.",
    ),
    "d47": (
        "Personeelstekort in de zorg",
        "Zorgorganisaties in de regio kampen met een groot personeelstekort. Een regionaal opleidingsfonds "
        "moet meer mensen naar de zorg trekken.",
    ),
    "d48": (
        "Besluit: instemming mobiliteitsprogramma",
        "Het bestuur stemt in met het uitvoeringsprogramma mobiliteit. Het programma volgt uit de "
        "mobiliteitsvisie en bevat 24 maatregelen.",
    ),
    "d49": (
        "Huisvesting statushouders",
        "De gemeenten zoeken gezamenlijk naar woonruimte voor statushouders. Kleine woninkjes op een "
        "voormalig kantoorterrein zijn een optie.",
    ),
    "d50": (
        "Duurzame bedrijfshuisvesting",
        "Ondernemers krijgen advies over het verduurzamen van hun bedrijfspand.",
    ),
}

_WONING = {"d01", "d02", "d11", "d15", "d33", "d34", "d35", "d40", "d49"}
_GEMEENTE = {
    *("d01", "d03", "d04", "d07", "d08", "d09", "d10", "d12", "d14", "d17", "d18", "d21"),
    *("d23", "d26", "d27", "d30", "d35", "d36", "d38", "d39", "d40", "d44", "d49"),
}
_BESLUIT = {"d15", "d16", "d48"}
_INWONER = {"d05", "d11", "d16", "d18", "d30", "d31", "d44"}
_GEBIED = {"d10", "d25", "d27", "d28", "d44"}

# (query as typed in the search box, the keys of the relevant documents)
QUERIES: list[tuple[str, set[str]]] = [
    ("woningbouwprogramma", {"d01", "d15", "d40"}),
    ("woningbouw", {"d01", "d02", "d15", "d33", "d40"}),
    ("woningen", _WONING),
    ("woning", _WONING),
    ("gemeenten", _GEMEENTE),
    ("gemeente", _GEMEENTE),
    ("gemeentes", _GEMEENTE),
    ("gemeenteraad", {"d09", "d10", "d40"}),
    ("besluit", _BESLUIT),
    ("besluiten", _BESLUIT),
    ("besloten", _BESLUIT),
    ("inwoners", _INWONER),
    ("inwoner", _INWONER),
    ("arbeidsmigranten", {"d03", "d04"}),
    ("arbeidsmigrant", {"d03", "d04"}),
    ("mobiliteitsvisie", {"d05", "d48"}),
    ("mobiliteit", {"d05", "d48"}),
    ("verkeersveiligheid", {"d06", "d07"}),
    ("verkeer", {"d05", "d06", "d07"}),
    ("veiligheid", {"d06", "d07"}),
    ("regionale energiestrategie", {"d09"}),
    ('"regionale energiestrategie"', {"d09"}),
    ("energiestrategie", {"d09", "d10"}),
    ("energie", {"d09", "d10", "d33", "d44"}),
    ("jeugdzorg", {"d12"}),
    ("jeugd", {"d12", "d13"}),
    ("zorg", {"d12", "d13", "d21", "d34", "d47"}),
    ("begroting", {"d16", "d17", "d19"}),
    ("begrotingen", {"d16", "d17", "d19"}),
    ("vakantiehuisje", {"d23", "d24"}),
    ("vakantiehuisjes", {"d23", "d24"}),
    ("huisje", {"d23", "d24"}),
    ("geld", {"d30"}),
    ("gebied", _GEBIED),
    ("gebieden", _GEBIED),
    ("regels", {"d04", "d29"}),
    ("voorstel", {"d33", "d34"}),
    ("voorstellen", {"d33", "d34"}),
    ("afspraken", {"d03", "d35", "d36"}),
    ("afspraak", {"d03", "d35", "d36"}),
    ("kinderen", {"d37", "d38"}),
    ("kind", {"d37", "d38"}),
    ("zienswijze", {"d09", "d10", "d17"}),
    ("zienswijzen", {"d09", "d10", "d17"}),
    ("zonneparken", {"d09", "d10", "d43"}),
    ("zonnepark", {"d09", "d10", "d43"}),
    ("windturbine", {"d09", "d44"}),
    ("ondernemers", {"d22", "d50"}),
    ("huisvesting", {"d03", "d04", "d37", "d49", "d50"}),
    ("woning*", {"d01", "d02", "d11", "d15", "d33", "d34", "d35", "d40"}),
    ("fiets*", {"d05", "d07", "d08"}),
    ("energie*", {"d09", "d10", "d33"}),
    ("mobiliteit*", {"d05", "d48"}),
    ('"gemeenschappelijke regeling"', {"d19"}),
    ("gemeenschappelijke regeling", {"d19"}),
    ('"beschermd wonen"', {"d14"}),
    ("regionale jeugdzorg", {"d12"}),
    ("woningbouw regio", {"d01", "d02", "d40"}),
    ("statushouders", {"d36", "d49"}),
    ("kernen", {"d26", "d32"}),
    ("stikstof", {"d02", "d25"}),
    ("ouderen", {"d07", "d32", "d34"}),
    ("scholen", {"d06", "d37"}),
    ("raad", {"d09", "d10", "d15", "d19", "d39", "d40"}),
    ("laadpalen", {"d45"}),
    ("bedrijventerreinen", {"d04", "d20", "d27"}),
    ("vergadering", {"d41", "d42"}),
    ("klimaatadaptatie", {"d26"}),
    ("wateroverlast", {"d26"}),
    ("financiële", {"d17"}),
    ("economische", {"d22"}),
    ("woningen -woningbouw", {"d11", "d34", "d35", "d49"}),
]
