"""Dutch texts: agenda subjects (from the demo regions' subjects, renamed) and document bodies of 1–8 kB."""

from __future__ import annotations

import functools
import random
import re
from dataclasses import dataclass

from naober.demo.history.content import AMERSFOORT, Subject
from naober.demo.history.content_regions import ACHTERHOEK, DENDER, TWENTE
from naober.demo.history.documents import ARGUMENTS, FINANCES, RISKS

# The topics of generated cooperations, with the demo subject groups they borrow from.
TOPICS: dict[str, tuple[str, ...]] = {
    "Wonen": ("wonen",),
    "Ruimte": ("ruimte", "ontwikkelbeeld"),
    "Mobiliteit": ("mobiliteit",),
    "Energie": ("energie",),
    "Sociaal domein": ("sociaal",),
    "Economie": ("economie",),
    "Werk en inkomen": ("werk",),
    "Landelijk gebied": ("landelijk",),
    "Recreatie en toerisme": ("recreatie",),
    "Circulaire economie": ("circulair",),
    "Bestuur en regie": ("regie", "bestuur", "board"),
}
_DEMO_REGIONS = re.compile(
    r"Regio Amersfoort|Regio Achterhoek|Achterhoek|Amersfoort|Twente|Denderregio|Dender"
)
_YEAR = re.compile(r"\b20[12]\d\b")


@dataclass(frozen=True)
class Topic:
    name: str
    subjects: tuple[Subject, ...]


@functools.cache
def topics() -> tuple[Topic, ...]:
    groups: dict[str, list[Subject]] = {}
    for region in (AMERSFOORT, ACHTERHOEK, TWENTE, DENDER):
        for key, subjects in region.items():
            groups.setdefault(key, []).extend(subjects)
    every = [subject for subjects in groups.values() for subject in subjects]
    found = []
    for name, keys in TOPICS.items():
        chosen = [subject for key in keys for subject in groups.get(key, [])]
        found.append(Topic(name, tuple(chosen or every)))
    return tuple(found)


def localise(text: str, *, region: str, year: int) -> str:
    """The demo subjects name their own region and year: put the generated region and year in."""
    return _YEAR.sub(str(year), _DEMO_REGIONS.sub(region, text))


SENTENCES = (
    "In {place} zijn in {year} {number} projecten gestart die bijdragen aan de regionale "
    "opgave voor {topic}.",
    "De gemeente {place} vraagt aandacht voor de uitvoeringskracht van kleinere gemeenten bij {topic}.",
    "Het budget voor {topic} bedraagt in {year} € {amount}, verdeeld naar inwonertal over de deelnemers.",
    "De werkgroep onder leiding van {person} heeft de knelpunten in {place} en {other} in kaart gebracht.",
    "Op {date} is het voorstel besproken in het ambtelijk overleg; de opmerkingen zijn verwerkt.",
    "De provincie {province} draagt € {amount} bij aan de uitvoering, mits de gemeenten "
    "hetzelfde bedrag inbrengen.",
    "Uit de monitor blijkt dat de doelstelling voor {topic} in {year} voor {percent} procent is gehaald.",
    "{person} licht toe dat de planning haalbaar is als de colleges vóór {date} besluiten.",
    "De raden van {place} en {other} hebben eerder wensen en bedenkingen meegegeven over {topic}.",
    "Met de partners in de regio is afgesproken dat de voortgang twee keer per jaar wordt gerapporteerd.",
    "Voor de komende periode ligt de nadruk op uitvoering: minder plannen maken, meer resultaten boeken.",
    "De inwoners van {place} worden via een bewonersavond en een online peiling betrokken bij de keuzes.",
    "Het regionale programma {topic} loopt tot en met {year}; daarna volgt een evaluatie door "
    "een extern bureau.",
    "De kosten van het onderzoek bedragen € {amount} en worden gedekt uit de reserve van het "
    "samenwerkingsverband.",
    "Een meerderheid van de gemeenten steunt het voorstel; {place} maakt een voorbehoud voor "
    "de financiële gevolgen.",
    "Het bestuurlijk overleg wordt gevraagd in te stemmen met de uitgangspunten en de verdere uitwerking.",
    "Na vaststelling wordt het besluit gepubliceerd en ter kennisname gestuurd aan de gemeenteraden.",
    "De ambtelijke capaciteit voor {topic} is beperkt; daarom wordt een regionale projectleider aangesteld.",
    "Het aantal woningen, banen en voorzieningen in {place} groeit sneller dan in de rest van de regio.",
    "Vanaf {date} geldt een nieuwe werkwijze voor aanvragen, meldingen en de afhandeling van bezwaren.",
)
HEADINGS = (
    "Aanleiding",
    "Voorstel",
    "Argumenten",
    "Financiën",
    "Risico's",
    "Planning",
    "Communicatie",
    "Vervolg",
)


class TextMaker:
    """Builds document bodies of a target length from the subject and fill-in sentences; deterministic.

    The fill-in sentences are made once per cooperation (a pool of a few thousand), then drawn in bulk: the
    national dataset has three gigabytes of text to write."""

    POOL = 3000

    def __init__(self, rng: random.Random, *, places: list[str], people: list[str], province: str) -> None:
        self.rng = rng
        self.places = places or ["de regio"]
        self.people = people or ["de secretaris"]
        self.province = province
        self.pools: dict[tuple[str, int], list[str]] = {}

    def _sentence(self, topic: str, year: int) -> str:
        rng = self.rng
        template = rng.choice(SENTENCES)
        return template.format(
            place=rng.choice(self.places),
            other=rng.choice(self.places),
            person=rng.choice(self.people),
            province=self.province,
            topic=topic.lower(),
            year=year + rng.randint(-1, 3),
            number=rng.randint(2, 40),
            amount=f"{rng.randint(20, 4000) * 250:,}".replace(",", "."),
            percent=rng.randint(35, 100),
            date=f"{rng.randint(1, 28)}-{rng.randint(1, 12)}-{year}",
        )

    def _pool(self, topic: str, year: int) -> list[str]:
        key = (topic, year)
        if key not in self.pools:
            made = [self._sentence(topic, year) for _ in range(self.POOL // 10)]
            self.pools[key] = [*made, *ARGUMENTS, *FINANCES, *RISKS]
        return self.pools[key]

    def length(self) -> int:
        """1–8 kB, about 3 kB on average (a log-normal, clipped)."""
        return int(min(8000, max(1000, self.rng.lognormvariate(7.9, 0.45))))

    def body(self, *, title: str, lead: str, topic: str, year: int) -> str:
        target = self.length()
        pool = self._pool(topic, year)
        sentences = self.rng.choices(pool, k=target // 90 + 4)
        parts = [title, "", lead]
        for index, heading in enumerate(HEADINGS):
            chunk = sentences[index * 4 : index * 4 + 4]
            if not chunk:
                break
            parts.extend(("", heading, " ".join(chunk)))
        rest = sentences[len(HEADINGS) * 4 :]
        if rest:
            parts.append(" ".join(rest))
        return "\n".join(parts)[:target]
