"""Dutch agenda subjects per topic, for the demo history: what a BO, an AO or a board talks about.

A subject's `outcome` is a clause whose use depends on the kind of item: for a decision an infinitive clause
("de monitor vast te stellen"), used as "Het BO besluit …" or "Het AO adviseert het BO …"; for information a
noun phrase ("Het BO neemt kennis van …"); for a discussion the conclusion as a full sentence.
All persons, parcels and companies in these texts are fictional.
"""

from __future__ import annotations

from dataclasses import dataclass

from naober.core.models import Confidentiality
from naober.meetings.models import AgendaItemKind

PUBLIC = str(Confidentiality.PUBLIC)
CONFIDENTIAL = str(Confidentiality.CONFIDENTIAL)
SECRET = str(Confidentiality.SECRET)


@dataclass(frozen=True)
class Subject:
    title: str
    description: str
    kind: str
    outcome: str
    confidentiality: str = PUBLIC


def decide(title: str, description: str, outcome: str, confidentiality: str = PUBLIC) -> Subject:
    return Subject(title, description, str(AgendaItemKind.DECISION), outcome, confidentiality)


def discuss(title: str, description: str, outcome: str, confidentiality: str = PUBLIC) -> Subject:
    return Subject(title, description, str(AgendaItemKind.DISCUSSION), outcome, confidentiality)


def inform(title: str, description: str, outcome: str, confidentiality: str = PUBLIC) -> Subject:
    return Subject(title, description, str(AgendaItemKind.INFORMATION), outcome, confidentiality)


# Regio Amersfoort, by topic (the AO and the BO of a topic share its subjects) -----------------------------

AMERSFOORT: dict[str, tuple[Subject, ...]] = {
    "wonen": (
        decide(
            "Monitor woningbouwprogrammering 2026",
            "De jaarlijkse stand van de woningbouwplannen per gemeente, afgezet tegen de afspraken uit de "
            "regionale woondeal.",
            "de monitor woningbouwprogrammering 2026 vast te stellen en te delen met de provincie Utrecht",
        ),
        discuss(
            "Huisvesting arbeidsmigranten: stand van zaken per gemeente",
            "Ronde langs de gemeenten over locaties, vergunningen en de spreiding van tijdelijke "
            "huisvesting.",
            "De gemeenten delen voor de volgende vergadering hun zoeklocaties, zodat een regionaal beeld "
            "ontstaat.",
        ),
        inform(
            "Voortgang Woondeal Regio Amersfoort",
            "Halfjaarlijkse rapportage over de afspraken met Rijk en provincie: aantallen, betaalbaarheid en "
            "doelgroepen.",
            "de voortgangsrapportage van de woondeal",
        ),
        decide(
            "Regionale urgentieregeling en woonruimteverdeling",
            "Voorstel om de urgentiecriteria in de regio gelijk te trekken, zoals de Wet versterking regie "
            "volkshuisvesting vraagt.",
            "in te stemmen met gelijke urgentiecriteria en deze voor te leggen aan de colleges",
        ),
        discuss(
            "Flexwonen en tijdelijke woningen",
            "Welke gemeenten hebben locaties voor flexwoningen, en kan de regio gezamenlijk inkopen?",
            "Het BRA verkent met de corporaties (SWEV) een gezamenlijke uitvraag voor flexwoningen.",
        ),
        inform(
            "Prestatieafspraken met de woningcorporaties",
            "Terugblik op de prestatieafspraken 2026 en de planning voor de afspraken 2027.",
            "de stand van de prestatieafspraken met de corporaties",
        ),
        decide(
            "Vertrouwelijke verkenning locatie tijdelijke huisvesting",
            "Verkenning van een locatie voor tijdelijke huisvesting; de onderhandelingen met de eigenaar "
            "lopen nog.",
            "in te stemmen met het voortzetten van de verkenning binnen de besproken kaders",
            CONFIDENTIAL,
        ),
    ),
    "ruimte": (
        decide(
            "Regionale verstedelijkingsstrategie: uitgangspunten",
            "Uitgangspunten voor de verstedelijking tot 2040, afgestemd met het Ontwikkelbeeld 2030–2040.",
            "de uitgangspunten voor de verstedelijkingsstrategie vast te stellen",
        ),
        discuss(
            "Programma Mooi Nederland en de ruimtelijke arrangementen",
            "Wat betekenen de ruimtelijke arrangementen van Rijk en provincie voor de regio?",
            "De regio stelt één gezamenlijke inbreng op voor het gesprek met de provincie Utrecht.",
        ),
        inform(
            "Planning provinciale omgevingsverordening",
            "De provincie Utrecht past de omgevingsverordening aan; de regio kan reageren in het voorjaar.",
            "de planning van de herziening van de omgevingsverordening",
        ),
        decide(
            "Regionale reactie op de ontwerp-omgevingsvisie",
            "Concept van een gezamenlijke zienswijze van de regiogemeenten.",
            "de gezamenlijke zienswijze op de ontwerp-omgevingsvisie vast te stellen",
        ),
        discuss(
            "Werklocaties en woningbouw: ruimtevragers in beeld",
            "Overzicht van de ruimtevraag voor wonen, werken, energie en natuur per gemeente.",
            "De kaart met ruimtevragers wordt aangevuld met de plannen van Barneveld en Nijkerk.",
        ),
        decide(
            "Grondpositie ontwikkellocatie (vertrouwelijk)",
            "Voorstel over een mogelijke grondpositie van een van de gemeenten op een regionale "
            "ontwikkellocatie.",
            "in te stemmen met de voorgestelde onderhandelingsruimte",
            CONFIDENTIAL,
        ),
    ),
    "mobiliteit": (
        decide(
            "Inbreng aanbesteding busconcessie (vertrouwelijk)",
            "De provincie vraagt om vertrouwelijkheid tot de publicatie van de aanbesteding.",
            "in te stemmen met de vertrouwelijke inbreng voor de aanbesteding",
            CONFIDENTIAL,
        ),
        inform(
            "Voortgang regionale fietsroutes",
            "Stand van de snelfietsroutes en de aansluitingen tussen de kernen; subsidieaanvragen 2026.",
            "de voortgang van de regionale fietsroutes",
        ),
        decide(
            "Uitvoeringsprogramma fietsroutes 2027",
            "Prioritering van de regionale fietsverbindingen en de verdeling van de cofinanciering.",
            "het uitvoeringsprogramma fietsroutes 2027 vast te stellen",
        ),
        discuss(
            "OV-knooppunt Amersfoort Centraal en de busconcessie",
            "De nieuwe busconcessie en de ontwikkeling van het OV-knooppunt: wat vraagt de regio van de "
            "provincie?",
            "De regio vraagt de provincie om behoud van de snelle verbindingen naar de kleinere kernen.",
        ),
        inform(
            "Verkeersveiligheid: regionaal risicoprofiel",
            "Het risicoprofiel toont de gevaarlijkste wegen en kruispunten in de regio.",
            "het regionaal risicoprofiel verkeersveiligheid",
        ),
        decide(
            "Bijdrage regionale mobiliteitsmonitor",
            "Voorstel voor een gezamenlijke mobiliteitsmonitor met de provincie Utrecht.",
            "de bijdrage van € 25.000 aan de mobiliteitsmonitor te verdelen naar inwonertal",
        ),
        discuss(
            "Bereikbaarheid A1/A28 en de MIRT-gesprekken",
            "Voorbereiding van de bestuurlijke overleggen over het MIRT.",
            "De regio brengt de knelpunten op de A1 en de A28 gezamenlijk in.",
        ),
    ),
    "energie": (
        decide(
            "Onderhandeling netcapaciteit met de netbeheerder (vertrouwelijk)",
            "Stand van de gesprekken over voorrang bij aansluitingen; bevat bedrijfsgegevens.",
            "in te stemmen met de inzet voor het vervolggesprek",
            CONFIDENTIAL,
        ),
        decide(
            "RES 2.0: concept-bod",
            "Het concept-bod voor de RES 2.0: opwek van duurzame elektriciteit, warmte en netcongestie.",
            "het concept-bod RES 2.0 vrij te geven voor besluitvorming in de raden",
        ),
        inform(
            "Netcongestie: stand van zaken",
            "Netbeheerder en provincie over de wachtrij en de prioritering van aansluitingen.",
            "de stand van zaken van de netcongestie in de regio",
        ),
        discuss(
            "Regionale Structuur Warmte en de warmtetransitie",
            "Hoe stemmen de gemeenten hun warmteprogramma's af op de regionale warmtebronnen?",
            "De gemeenten stellen een gezamenlijke werkgroep warmte in onder leiding van Leusden.",
        ),
        decide(
            "Monitor RES 1.0: voortgang opwek",
            "Stand van de zon- en windprojecten uit de RES 1.0.",
            "de monitor RES 1.0 vast te stellen en aan de raden te zenden",
        ),
        inform(
            "Participatie en lokaal eigendom",
            "De energiecoöperaties over het streven naar 50% lokaal eigendom.",
            "de ervaringen met lokaal eigendom van de energiecoöperaties",
        ),
    ),
    "sociaal": (
        decide(
            "Regionale inkoop jeugdhulp 2027",
            "Uitgangspunten voor de nieuwe inkoop van specialistische jeugdhulp vanaf 2027.",
            "de uitgangspunten voor de inkoop van jeugdhulp vast te stellen",
        ),
        inform(
            "Beschermd wonen: doordecentralisatie",
            "De stand van de doordecentralisatie van beschermd wonen en het financieel verdeelmodel.",
            "de stand van zaken van de doordecentralisatie beschermd wonen",
        ),
        discuss(
            "Hervormingsagenda Jeugd: regionale opgave",
            "Wat vraagt de Hervormingsagenda van de regio, en welke afspraken maken we samen?",
            "De stuurgroep werkt de regionale opgave uit in een plan van aanpak voor de volgende ronde.",
        ),
        decide(
            "Regionaal preventieakkoord",
            "Voorstel voor gezamenlijke preventie-afspraken met GGD, huisartsen en welzijnsorganisaties.",
            "in te stemmen met het regionaal preventieakkoord",
        ),
        decide(
            "Financiële onderhandeling zorgaanbieders (vertrouwelijk)",
            "Stand van de onderhandelingen over tarieven met een grote zorgaanbieder.",
            "in te stemmen met het onderhandelingsmandaat",
            CONFIDENTIAL,
        ),
        inform(
            "Monitor sociaal domein 2026",
            "Cijfers over jeugdhulp, Wmo en beschermd wonen per gemeente.",
            "de monitor sociaal domein 2026",
        ),
    ),
    "economie": (
        decide(
            "Regionaal economisch actieprogramma 2027",
            "Het actieprogramma met de Federatie van Bedrijvenkringen: werklocaties, arbeidsmarkt, "
            "innovatie.",
            "het regionaal economisch actieprogramma 2027 vast te stellen",
        ),
        discuss(
            "Behoefte aan bedrijventerreinen",
            "De nieuwe behoefteraming voor bedrijventerreinen in de regio en de provincie Utrecht.",
            "De regio vraagt de provincie om ruimte voor lokale bedrijven in de kleinere kernen.",
        ),
        inform(
            "Vestigingsklimaat: enquête onder ondernemers",
            "Uitkomsten van de enquête van de bedrijvenkringen.",
            "de uitkomsten van de ondernemersenquête",
        ),
        decide(
            "Grondpositie regionaal bedrijventerrein (vertrouwelijk)",
            "Voorstel over de verwerving van een grondpositie voor een regionaal bedrijventerrein.",
            "in te stemmen met de onderhandelingsruimte voor de verwerving",
            CONFIDENTIAL,
        ),
        discuss(
            "Retailvisie en winkelgebieden",
            "Leegstand in de centra en de afstemming van nieuwe winkelplannen.",
            "De gemeenten melden grote winkelplannen voortaan vooraf in het AO.",
        ),
    ),
    "werk": (
        decide(
            "Personele gevolgen herinrichting werkbedrijf (vertrouwelijk)",
            "Voorstel over de overgang van medewerkers; bevat persoonsgegevens.",
            "in te stemmen met het sociaal plan voor de overgang van medewerkers",
            CONFIDENTIAL,
        ),
        decide(
            "Regionaal werkbedrijf: jaarplan 2027",
            "Het jaarplan van het werkbedrijf met de gemeenten, UWV en werkgevers.",
            "het jaarplan 2027 van het regionaal werkbedrijf vast te stellen",
        ),
        inform(
            "Arbeidsmarktmonitor regio Amersfoort",
            "Krapte per sector, werkzoekenden en de ontwikkeling van de bijstand.",
            "de arbeidsmarktmonitor",
        ),
        discuss(
            "Inburgering en werk",
            "Ervaringen met de Wet inburgering en de leerroutes naar werk.",
            "De gemeenten bundelen de inkoop van taaltrajecten in een gezamenlijke aanbesteding.",
        ),
        decide(
            "Regionale aanpak laaggeletterdheid",
            "Voorstel voor een gezamenlijk programma met bibliotheken en het Taalhuis.",
            "in te stemmen met de regionale aanpak laaggeletterdheid",
        ),
    ),
    "landelijk": (
        decide(
            "Grondruil voor natuurontwikkeling (vertrouwelijk)",
            "Voorstel voor een grondruil met een agrarisch bedrijf; de onderhandelingen lopen.",
            "in te stemmen met de voorwaarden voor de grondruil",
            CONFIDENTIAL,
        ),
        discuss(
            "Gebiedsprogramma landelijk gebied provincie Utrecht",
            "De opgaven voor natuur, water en landbouw in de Gelderse Vallei en het Eemland.",
            "De regio vraagt de provincie om de agrarische ondernemers vroeg te betrekken.",
        ),
        decide(
            "Regionale inbreng stikstof en natuurherstel",
            "Gezamenlijke inbreng voor het provinciaal programma landelijk gebied.",
            "de gezamenlijke inbreng vast te stellen en aan de provincie te zenden",
        ),
        inform(
            "Voortgang Groene Contour en recreatief groen",
            "Stand van de projecten voor groen rond de kernen.",
            "de voortgang van de projecten in het groen",
        ),
        discuss(
            "Vrijkomende agrarische bebouwing",
            "Hoe gaan de gemeenten om met stoppende boeren en leegkomende stallen?",
            "Het AO stelt een regionale handreiking op voor vrijkomende agrarische bebouwing.",
        ),
    ),
    "recreatie": (
        decide(
            "Subsidieverzoek recreatieondernemer (vertrouwelijk)",
            "Het verzoek bevat bedrijfsgegevens van de aanvrager.",
            "in te stemmen met een bijdrage onder voorwaarden",
            CONFIDENTIAL,
        ),
        decide(
            "Regionale vrijetijdsagenda 2027",
            "Prioriteiten voor recreatie en toerisme: routes, Heuvelrug, Eemland en de binnenstad.",
            "de vrijetijdsagenda 2027 vast te stellen",
        ),
        inform(
            "Toeristenbelasting en bezoekcijfers",
            "Overzicht van bezoekersaantallen en de tarieven per gemeente.",
            "het overzicht van bezoekcijfers en tarieven",
        ),
        discuss(
            "Regiomarketing en de samenwerking met Amersfoort Marketing",
            "Welke rol speelt de regio in de promotie van de kernen?",
            "De gemeenten willen een gezamenlijke campagne voor het voorjaar van 2027.",
        ),
        decide(
            "Recreatieve routenetwerken: beheer en onderhoud",
            "Voorstel voor de verdeling van de beheerkosten van wandel- en fietsroutenetwerken.",
            "in te stemmen met de verdeling van de beheerkosten naar kilometers route per gemeente",
        ),
    ),
    "ontwikkelbeeld": (
        inform(
            "Monitor Ontwikkelbeeld 2030–2040",
            "De tweejaarlijkse monitor van het Ontwikkelbeeld: wonen, werken, bereikbaarheid en groen.",
            "de monitor van het Ontwikkelbeeld",
        ),
        discuss(
            "Actualisatie Ontwikkelbeeld: aanpak",
            "Is het Ontwikkelbeeld nog actueel na de woondeal en het programma landelijk gebied?",
            "Het BO vraagt om een lichte actualisatie in 2027, zonder nieuwe besluitvorming in de raden.",
        ),
        decide(
            "Gezamenlijke inbreng gebiedsagenda provincie",
            "De regio levert haar inbreng voor de provinciale gebiedsagenda.",
            "de inbreng voor de gebiedsagenda vast te stellen",
        ),
    ),
    "regie": (
        decide(
            "Begroting Regio Amersfoort 2027",
            "De begroting van het Bureau Regio Amersfoort en de bijdrage per inwoner.",
            "de begroting 2027 vast te stellen met een bijdrage van € 2,35 per inwoner",
        ),
        decide(
            "Jaarverslag en jaarrekening 2025",
            "Verantwoording over het werk van de regio en het bureau in 2025.",
            "het jaarverslag en de jaarrekening 2025 vast te stellen",
        ),
        discuss(
            "Evaluatie Regiomiddag",
            "Werkt de maandelijkse Regiomiddag, en hoe kan de voorbereiding in de AO's beter?",
            "De Regiomiddag blijft; de stukken gaan voortaan tien dagen vooraf rond.",
        ),
        inform(
            "Lobby en public affairs: Den Haag en Utrecht",
            "Overzicht van de regionale lobbyagenda richting Rijk en provincie.",
            "het overzicht van de lobbyagenda",
        ),
        decide(
            "Personele bezetting Bureau Regio Amersfoort (vertrouwelijk)",
            "Voorstel over de formatie en een vacature in het bureau; bevat persoonsgegevens.",
            "in te stemmen met de voorgestelde formatie en de invulling van de vacature",
            CONFIDENTIAL,
        ),
        discuss(
            "Samenwerking met de regio Foodvalley",
            "Barneveld en Nijkerk werken in beide regio's: hoe voorkomen we dubbel werk?",
            "De regiosecretarissen van beide regio's maken werkafspraken per onderwerp.",
        ),
    ),
}
