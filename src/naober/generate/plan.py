"""The plan of one generated cooperation: who takes part, its topics and bodies, and its meeting dates."""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field

from django.utils.text import slugify

from naober.generate.registry import MunicipalityPlan, RegistryPlan
from naober.generate.scales import Scale
from naober.generate.text import TOPICS
from naober.governance.models import BodyKind
from naober.registry.models import LegalForm

NL_FORMS = (
    ("Regio {}", LegalForm.NETWORK),
    ("Regio {}", LegalForm.WGR_PLAIN),
    ("Omgevingsdienst {}", LegalForm.WGR_PUBLIC_BODY),
    ("GGD {}", LegalForm.WGR_PUBLIC_BODY),
    ("Werkbedrijf {}", LegalForm.WGR_OPERATIONS),
    ("Samenwerking {}", LegalForm.WGR_JOINT_ORGAN),
)
BE_FORMS = (
    ("Interlokale vereniging {}", LegalForm.BE_INTERLOCAL),
    ("Projectvereniging {}", LegalForm.BE_PROJECT),
    ("Referentieregio {}", LegalForm.BE_REFERENCE_REGION),
    ("Welzijnsvereniging {}", LegalForm.BE_SERVICE),
)
MONTHS = {1: (5,), 2: (3, 10), 3: (2, 6, 11), 4: (2, 4, 9, 11), 5: (1, 3, 5, 9, 11), 6: (1, 3, 5, 6, 9, 11)}


@dataclass
class BodyPlan:
    key: str
    name: str
    short_name: str
    kind: str
    per_year: int
    topic: str = ""
    prepares: str = ""
    public: bool = False
    pk: int = 0


@dataclass
class CooperationPlan:
    index: int
    name: str
    slug: str
    country: str
    legal_form: str
    province: str
    members: list[MunicipalityPlan]
    topics: list[str]
    bodies: list[BodyPlan] = field(default_factory=list)

    @property
    def partner_province(self) -> str:
        return self.province


def _bodies(rng: random.Random, topics: list[str]) -> list[BodyPlan]:
    bodies = [
        BodyPlan("ab", "Algemeen bestuur", "AB", BodyKind.GENERAL_BOARD, 3, public=True),
        BodyPlan("db", "Dagelijks bestuur", "DB", BodyKind.DAILY_BOARD, 6),
        BodyPlan("secr", "Overleg gemeentesecretarissen", "Secretarissen", BodyKind.SECRETARIES_GROUP, 4),
        BodyPlan("bureau", "Regiobureau", "Bureau", BodyKind.BUREAU, 0),
    ]
    for topic in topics:
        short = slugify(topic)
        per_year = rng.choice((3, 4))
        bodies.append(
            BodyPlan(
                f"bo-{short}",
                f"Bestuurlijk overleg {topic}",
                "BO",
                BodyKind.PORTFOLIO_MEETING,
                per_year,
                topic=topic,
            )
        )
        bodies.append(
            BodyPlan(
                f"ao-{short}",
                f"Ambtelijk overleg {topic}",
                "AO",
                BodyKind.CIVIL_SERVANTS_MEETING,
                per_year,
                topic=topic,
                prepares=f"bo-{short}",
            )
        )
    tables = rng.sample(topics, k=min(len(topics), rng.choice((0, 1, 1, 2))))
    bodies.extend(
        BodyPlan(f"tafel-{slugify(topic)}", f"Thematafel {topic}", "", BodyKind.THEME_TABLE, 2, topic=topic)
        for topic in tables
    )
    return bodies


def cooperations(scale: Scale, registry: RegistryPlan, seed: int) -> list[CooperationPlan]:
    rng = random.Random(f"cooperations-{seed}")
    plans: list[CooperationPlan] = []
    provinces = list(registry.provinces)
    weights = [len(registry.provinces[p]) for p in provinces]
    used: set[str] = set()
    for index in range(scale.cooperations):
        province = rng.choices(provinces, weights)[0] if len(provinces) > 1 else provinces[0]
        pool = registry.provinces[province]
        low, high = scale.members
        members = sorted(rng.sample(pool, k=min(len(pool), rng.randint(low, high))), key=lambda m: m.name)
        country = members[0].country
        template, form = rng.choice(NL_FORMS if country == "NL" else BE_FORMS)
        name = template.format(rng.choice(members).name)
        slug = slugify(name)
        while slug in used:
            name = f"{name} {rng.choice(('Noord', 'Zuid', 'Oost', 'West', 'Midden'))}"
            slug = slugify(name)
        used.add(slug)
        topic_count = rng.randint(*scale.topics)
        topics = rng.sample(list(TOPICS)[:-1], k=min(topic_count, len(TOPICS) - 1))
        plan = CooperationPlan(index, name, slug, country, form, province, members, topics)
        plan.bodies = _bodies(rng, topics)
        plans.append(plan)
    return plans


def meeting_dates(rng: random.Random, body: BodyPlan, year: int) -> list[datetime.date]:
    """Dates of a body's meetings in a year: spread over the months, Tuesday to Thursday, not in summer."""
    months = MONTHS.get(body.per_year, MONTHS[4])
    dates = []
    for month in months:
        day = datetime.date(year, month, rng.randint(8, 20))
        while day.weekday() not in (1, 2, 3):
            day += datetime.timedelta(days=1)
        dates.append(day)
    return dates
