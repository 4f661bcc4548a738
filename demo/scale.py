"""A large, realistic, seeded data set: the volume the portal must stay fast at.

At ``scale=1.0``: 500 cities with their officers, 10,000 published good practices (themes,
funding, strategic objectives, links, attachment records, transfers), 2,000 action plans with
20,000 actions (milestones), indicators with 40,000 measurements, progress updates and critical
friend reviews, 300 meetings with their agendas, 15,000 registrations and the decisions taken.
Other scales multiply every count (``expected_counts``).

Everything comes from one ``random.Random(seed)``: the same seed and anchor date give the same
records. Dates are spread around the anchor (today by default), so some meetings are ahead.
Rows are written with ``bulk_create`` in batches; the practices' full-text vector and the
action plans' history (django-simple-history's "created" entries) are written in bulk too.

The data set lives beside the demo (``manage.py load_demo``), never instead of it: its cities
and accounts are recognised by their e-mail domain (``SCALE_DOMAIN``), and everything else by
those cities. Nothing is invented about real people: officers have generated names, meeting
participants other than officers are named by role, and no needs are recorded.
"""

from __future__ import annotations

import random
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ImproperlyConfigured
from django.db import models, transaction
from django.test.utils import override_settings
from django.utils import timezone
from django.utils.text import slugify

from actionplans.models import (
    Action,
    ActionPlan,
    ActionStatus,
    EUTarget,
    Finding,
    Indicator,
    Measurement,
    Milestone,
    ProgressUpdate,
    Review,
)
from actionplans.services import eu_targets_ensure, snapshot_of
from cities.models import City, CityMembership, OfficerRole
from fragments.versions import content_changed
from meetings.models import (
    AgendaItem,
    AgendaSession,
    Decision,
    FollowUp,
    Meeting,
    Registration,
    Speaker,
    in_zone,
)
from objectives.models import NetworkPriority, Objective, StrategicObjective
from practices.facet_counts import facets_changed
from practices.models import (
    FundingSource,
    Practice,
    PracticeAttachment,
    PracticeEvent,
    PracticeLink,
    PracticeStatus,
    Theme,
    Transfer,
)
from practices.search import practices_search_index
from practices.services import choices_ensure
from translations.models import Translation
from translations.reading import source_fingerprint
from translations.registry import spec_for

from . import scale_languages, seed
from .practices_seed import DIVERSITY, GOOD_START

# Generated cities' contact addresses and officers' e-mail addresses end with this domain.
SCALE_DOMAIN = "scale.example.org"
BATCH = 2000

FULL_COUNTS = {
    "cities": 500,
    "practices": 10_000,
    "plans": 2_000,
    "actions": 20_000,
    "measurements": 40_000,
    "meetings": 300,
    "registrations": 15_000,
}
# At least this many of each, so even a tiny scale has transfers, reviews and peers.
MINIMUM = {"cities": 3, "meetings": 2}


def expected_counts(scale: float) -> dict[str, int]:
    """The exact number of each record ``scale_load`` creates at this scale."""
    return {
        name: max(MINIMUM.get(name, 1), int(full * scale + 0.5))
        for name, full in FULL_COUNTS.items()
    }


# --- Word lists ------------------------------------------------------------------------

# (country, time zone, weight, latitude range, longitude range, name endings, name prefixes)
COUNTRIES = [
    ("RO", "Europe/Bucharest", 9, (44.4, 47.5), (22.2, 27.4), ["ești", "eni", "ani", "oara", "iu"],
     ["Târgu ", "Câmpu "]),
    ("HU", "Europe/Budapest", 7, (46.3, 47.9), (17.0, 21.5), ["háza", "vár", "falva", "halom",
     "szeg"], ["Nagy", "Kis"]),
    ("BG", "Europe/Sofia", 6, (42.2, 43.6), (23.3, 27.2), ["ovo", "grad", "ets", "ica"],
     ["Gorna ", "Dolna "]),
    ("SK", "Europe/Bratislava", 5, (48.2, 49.2), (17.6, 21.5), ["any", "ovce", "ce", "ov"],
     ["Nové ", "Spišská "]),
    ("CZ", "Europe/Prague", 5, (49.3, 50.5), (13.5, 17.5), ["ice", "ov", "any", "ín"],
     ["Nové ", "Horní "]),
    ("ES", "Europe/Madrid", 7, (37.5, 42.5), (-6.0, 2.0), ["ejo", "illa", "ares", "ón", "al"],
     ["San ", "Villa"]),
    ("IT", "Europe/Rome", 6, (40.8, 45.5), (8.5, 16.0), ["ano", "ello", "ino", "one", "ate"],
     ["San ", "Castel"]),
    ("FR", "Europe/Paris", 6, (44.0, 49.0), (0.0, 5.5), ["ville", "court", "mont", "ac", "ay"],
     ["Saint-", "Mont"]),
    ("DE", "Europe/Berlin", 6, (48.5, 53.5), (7.0, 13.5), ["burg", "dorf", "stadt", "hausen",
     "heim"], ["Neu", "Ober"]),
    ("GR", "Europe/Athens", 4, (37.8, 40.8), (21.2, 23.8), ["poli", "ada", "ia", "os"],
     ["Nea ", "Ano "]),
    ("PT", "Europe/Lisbon", 3, (38.0, 41.8), (-8.6, -7.0), ["elo", "inho", "eira", "al"],
     ["Vila ", "São "]),
    ("PL", "Europe/Warsaw", 4, (50.3, 53.8), (15.5, 23.0), ["owo", "ów", "ice", "in"],
     ["Nowy ", "Stary "]),
    ("HR", "Europe/Zagreb", 3, (45.2, 46.0), (15.5, 18.5), ["ovac", "ica", "grad", "je"],
     ["Donji ", "Gornji "]),
    ("RS", "Europe/Belgrade", 3, (43.2, 45.5), (19.5, 22.0), ["ovac", "evo", "ac", "ica"],
     ["Novi ", "Stari "]),
    ("SI", "Europe/Ljubljana", 2, (45.8, 46.5), (14.0, 15.8), ["ec", "je", "ica"], []),
    ("MK", "Europe/Skopje", 2, (41.2, 42.1), (20.9, 22.5), ["ovo", "evo", "ica"], []),
    ("AT", "Europe/Vienna", 2, (47.2, 48.3), (13.5, 16.3), ["dorf", "kirchen", "feld", "au"],
     ["Sankt "]),
    ("BE", "Europe/Brussels", 3, (50.4, 51.1), (3.5, 5.5), ["gem", "hout", "ville", "kerke"],
     []),
    ("NL", "Europe/Amsterdam", 2, (51.5, 53.0), (4.5, 6.5), ["dam", "hoven", "wijk", "veen"],
     []),
    ("SE", "Europe/Stockholm", 2, (56.0, 60.5), (12.0, 18.0), ["köping", "by", "holm", "sund"],
     []),
    ("FI", "Europe/Helsinki", 2, (60.3, 62.5), (22.5, 28.0), ["lahti", "niemi", "joki", "salo"],
     []),
]  # fmt: skip
STEMS = [
    "Ber", "Hal", "Mar", "Lin", "Ros", "Val", "Kor", "Tes", "Dor", "Bel", "Sal", "Ven", "Mil",
    "Car", "Tor", "Bra", "Lu", "Mo", "Ka", "Sa", "Ne", "Vi", "Ro", "Pe", "Gra", "Stra", "Bo",
    "Ze", "Li", "Pa", "Dra", "Ha", "Kra", "Ol", "Ar", "Em", "Til", "Var", "Sen", "Mur",
]  # fmt: skip
FIRST_NAMES = [
    "Ana", "Maria", "Elena", "Ioana", "Katarina", "Eva", "Sofia", "Lucia", "Marta", "Anna",
    "Claire", "Julia", "Petra", "Zsófia", "Milena", "Agnieszka", "Laura", "Nadia", "Irene",
    "Jan", "Peter", "Marco", "Luis", "Andrei", "Tomas", "Milan", "Pierre", "Lukas", "Nikos",
    "János", "Piotr", "Dragan", "Miguel", "Stefan", "Jonas", "Pavel", "Matteo", "David",
]  # fmt: skip
LAST_NAMES = [
    "Popescu", "Novák", "Horváth", "Kovač", "Rossi", "García", "Müller", "Dubois", "Silva",
    "Nowak", "Petrov", "Papadopoulos", "Jansen", "Virtanen", "Lindqvist", "Ivanova", "Marin",
    "Varga", "Bianchi", "Fernández", "Schmidt", "Lefèvre", "Costa", "Kowalski", "Georgiev",
    "Nikolić", "Dimitrova", "Peeters", "Hofer", "Balogh", "Stan", "Moreau", "Ferreira",
]  # fmt: skip

# Per theme: what a practice does (title subject) and for whom.
PRACTICE_SUBJECTS = {
    "education": [
        "School mediators", "Homework clubs", "Early childhood education places",
        "Second-chance school", "Secondary school scholarships", "Preschool outreach",
        "Roma teaching assistants", "Summer school", "Parent-school partnership",
        "Mentoring against early school leaving", "Desegregation of primary schools",
    ],
    "housing": [
        "Social rental agency", "Rehousing from informal settlements", "Housing First",
        "Renovation of social housing", "Legalisation of informal dwellings",
        "Temporary insertion sites", "Tenancy support", "Desegregation of housing estates",
    ],
    "employment": [
        "Job coaching", "Social enterprise", "Apprenticeships with local employers",
        "Public works with training", "Microcredit for small businesses",
        "Employer partnerships", "Vocational training", "Recognition of skills",
    ],
    "health": [
        "Health mediators", "Mobile clinics", "Vaccination campaign",
        "Maternal health outreach", "Registration with family doctors",
        "Mental health support", "Health insurance counselling",
    ],
    "anti-discrimination": [
        "Anti-discrimination desk", "Training of municipal staff", "Roma history week",
        "Hate speech monitoring", "Campaign against antigypsyism", "Free legal aid",
    ],
    "community-building": [
        "Community centre", "Roma youth council", "Participatory budgeting",
        "Neighbourhood committees", "Women's self-help groups", "Cultural festival",
        "Support for Roma self-organisations",
    ],
    "foreign-roma": [
        "Welcome desk for EU-mobile families", "Language courses for newcomers",
        "Registration and residence support", "Street outreach", "Intercultural mediation",
    ],
}  # fmt: skip
# Per theme: for whom, what the description says and what the results are, so a search for
# "school mediation" finds the education practices rather than every practice.
THEME_TEXT = {
    "education": {
        "groups": [
            "Roma children and their families", "Roma pupils at risk of leaving school early",
            "young children and their parents", "Roma secondary school students",
        ],
        "sentences": [
            "School mediators accompany pupils and their parents from enrolment to graduation.",
            "Homework support is offered every afternoon in the neighbourhood school.",
            "Teachers were trained in inclusive teaching and in working with parents.",
            "Absences are followed up within two days by a mediator who visits the family.",
            "Preschool places were reserved for children who had never attended.",
        ],
        "results": [
            "School attendance of the children taking part rose from {a}% to {b}% in three "
            "years.",
            "Early school leaving fell by {p} percentage points in the schools taking part.",
        ],
    },
    "housing": {
        "groups": [
            "families living in informal settlements", "residents of segregated neighbourhoods",
            "households at risk of eviction", "homeless Roma families",
        ],
        "sentences": [
            "Each household is offered a housing solution matched to its situation.",
            "A social rental agency rents flats from private owners and sublets them.",
            "Informal settlements are closed only once every household has had an offer.",
            "Tenants receive support with rent, bills and relations with neighbours.",
        ],
        "results": [
            "{n} households moved into stable housing and none was evicted.",
            "{n} flats were renovated with their tenants staying in place.",
        ],
    },
    "employment": {
        "groups": [
            "young Roma people not in education or work", "Roma adults looking for work",
            "Roma women", "long-term unemployed residents",
        ],
        "sentences": [
            "Job coaches help participants prepare for interviews and stay in work.",
            "Local employers offer placements and hire those who complete them.",
            "Skills learnt informally are recognised through a short assessment.",
            "A social enterprise employs residents in renovation and maintenance work.",
        ],
        "results": [
            "{n} adults found a job or started a training course.",
            "{n} participants were still in work one year later.",
        ],
    },
    "health": {
        "groups": [
            "Roma women and new mothers", "families without a family doctor",
            "older Roma people", "residents of segregated neighbourhoods",
        ],
        "sentences": [
            "Health mediators accompany families to appointments and explain treatments.",
            "A mobile clinic visits the neighbourhoods every week.",
            "Vaccination days are organised together with community leaders.",
            "Families are helped to register with a family doctor and with health insurance.",
        ],
        "results": [
            "{n} families are now registered with a family doctor.",
            "Childhood vaccination coverage reached {b}% in the neighbourhoods served.",
        ],
    },
    "anti-discrimination": {
        "groups": [
            "municipal staff and service providers", "the general public",
            "people facing discrimination", "young people",
        ],
        "sentences": [
            "Municipal staff follow a training on antigypsyism and equal treatment.",
            "A desk receives complaints of discrimination and offers free legal advice.",
            "Schools and libraries host a week on Roma history and culture.",
            "Hate speech online is monitored and reported to the platforms.",
        ],
        "results": [
            "{n} complaints of discrimination were followed up.",
            "{n} municipal staff completed the training.",
        ],
    },
    "community-building": {
        "groups": [
            "Roma youth", "Roma women", "Roma-led organisations",
            "residents of segregated neighbourhoods",
        ],
        "sentences": [
            "A community centre is run together with a Roma-led organisation.",
            "Residents elect neighbourhood committees that take part in planning.",
            "A youth council advises the city on the services it funds.",
            "Small grants support initiatives proposed by residents.",
        ],
        "results": [
            "{n} young people took part in the activities each year.",
            "{n} residents took part in the neighbourhood committees.",
        ],
    },
    "foreign-roma": {
        "groups": [
            "EU-mobile Roma families", "newly arrived Roma families",
            "children of EU-mobile families",
        ],
        "sentences": [
            "A welcome desk helps newly arrived families register and find services.",
            "Language courses are offered to parents while their children are looked after.",
            "Street outreach workers speak Romanian, Bulgarian and Romani.",
            "Families receive advice on residence rights and access to social benefits.",
        ],
        "results": [
            "{n} families were registered with the city and its services.",
            "{n} adults completed a language course.",
        ],
    },
}  # fmt: skip
VERBS = ["runs", "funds", "set up", "coordinates", "scaled up", "tested", "co-designs"]
PARTNERS = [
    "the regional education authority", "Roma-led NGOs", "the public employment service",
    "local schools", "the social housing company", "the university", "health centres",
    "the national Roma contact point", "churches and charities", "the police",
]  # fmt: skip
SENTENCES = [
    "Outreach workers meet families where they live and explain the services on offer.",
    "A steering group of the city, service providers and Roma residents meets every quarter.",
    "Staff were recruited from the community, which built trust quickly.",
    "The project started in one neighbourhood and was extended after an evaluation.",
    "Each family has one contact person who coordinates the help it receives.",
    "Funding was secured for several years, so the service could plan ahead.",
    "Data are collected on groups and areas, never on the ethnicity of individuals.",
    "Social services and the other partners share one referral procedure.",
    "Residents were involved in designing the service from the first month.",
    "The team speaks Romani and the national language and works in both directions.",
    "The results are reviewed every year with the families and the partners.",
    "The approach combines several measures so that each supports the others.",
]  # fmt: skip
LESSONS = [
    "Short project funding interrupted the work twice; multi-annual budgets are essential.",
    "Involving residents took longer than planned but made the results last.",
    "Targeting only Roma families caused resentment; opening the service to all helped.",
    "Without data on results it was hard to convince the council to continue.",
]
CONTACTS = [
    "Roma inclusion unit, social affairs department", "Education department",
    "Housing department", "Office for equal opportunities", "Employment and economy service",
    "Public health service", "Department for social cohesion",
]  # fmt: skip
ATTACHMENTS = [
    ("Evaluation report", "evaluation-report", ".pdf", "application/pdf"),
    ("Project leaflet", "leaflet", ".pdf", "application/pdf"),
    ("Presentation at the working group", "presentation", ".pptx",
     "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
    ("Budget overview", "budget", ".xlsx",
     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ("Photo of the project", "photo", ".jpg", "image/jpeg"),
    ("Cooperation agreement", "agreement", ".docx",
     "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
]  # fmt: skip

PLAN_TOPICS = {
    "school_dropout": ("Preventing school dropout of Roma children", "education"),
    "education": ("Inclusive education", "education"),
    "housing": ("Adequate housing for all", "housing"),
    "community_building": ("Stronger Roma communities", "community-building"),
    "employment": ("Roma employment", "employment"),
    "health": ("Health for all", "health"),
    "anti_discrimination": ("Fighting antigypsyism", "anti-discrimination"),
    "integrated": ("Integrated plan for disadvantaged neighbourhoods", "housing"),
}
ACTION_VERBS = ["Recruit", "Train", "Open", "Extend", "Evaluate", "Fund", "Set up", "Pilot"]
RESPONSIBLE = [
    "Education department", "Social services", "Housing company", "Employment service",
    "Public health service", "Mayor's office", "District office", "Roma-led NGO",
]  # fmt: skip
# (indicator name, unit, counts people, direction, EU target code or "")
INDICATORS = [
    ("Roma pupils leaving school early", "%", False, "lower", "edu-upper-secondary"),
    ("Children attending early childhood education", "children", True, "higher", "edu-ecec"),
    ("Households living in adequate housing", "households", True, "higher",
     "housing-deprivation"),
    ("Adults in employment or training", "people", True, "higher", "employment"),
    ("People registered with a family doctor", "people", True, "higher", "health"),
    ("Discrimination complaints followed up", "cases", False, "higher", "discrimination"),
    ("Residents taking part in neighbourhood committees", "people", True, "higher",
     "participation"),
    ("Share of pupils in segregated classes", "%", False, "lower", "edu-segregation"),
]  # fmt: skip
MEETING_TOPICS = [
    "school mediation", "housing first", "access to employment", "health mediation",
    "fighting antigypsyism", "EU funds for Roma inclusion", "youth participation",
    "moving out of informal settlements", "data and monitoring", "early childhood education",
]  # fmt: skip
ROOMS = ["Plenary hall", "Room A", "Room B"]
SPEAKER_ROLES = [
    "Deputy Mayor for social affairs", "Head of the education department",
    "Roma inclusion coordinator", "School mediator", "Social worker",
    "Representative of a Roma-led NGO", "Policy officer, EUROCITIES",
]  # fmt: skip


# --- Helpers ----------------------------------------------------------------------------


@dataclass
class ScaleResult:
    counts: dict[str, int]
    seconds: float
    steps: list[tuple[str, float]] = field(default_factory=list)


def _split(rng: random.Random, total: int, parts: int, *, minimum: int = 0) -> list[int]:
    """``parts`` random whole numbers, each at least ``minimum`` where possible, summing to
    exactly ``total``."""
    if parts <= 0:
        return []
    floor = minimum if total >= minimum * parts else 0
    weights = [rng.uniform(0.3, 1.7) for _ in range(parts)]
    spare = total - floor * parts
    scale = spare / sum(weights)
    shares = [floor + int(w * scale) for w in weights]
    for index in rng.sample(range(parts), total - sum(shares)):
        shares[index] += 1
    return shares


def _unique(text: str, taken: set[str], *, limit: int = 200) -> str:
    base = slugify(text)[:limit] or "item"
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug


def _bulk(model: type[models.Model], rows: Sequence[models.Model]) -> list[models.Model]:
    return model.objects.bulk_create(rows, batch_size=BATCH)


def _bulk_with_history(model: type[models.Model], rows: Sequence[models.Model]) -> None:
    """Rows and their "created" history entries, as django-simple-history's own
    ``bulk_create_with_history`` does, without its second pass for databases that return no
    keys (PostgreSQL and SQLite both do)."""
    created = _bulk(model, rows)
    model.history.bulk_history_create(created, batch_size=BATCH, default_date=timezone.now())


def _aware(day: date, hour: int = 9) -> datetime:
    return datetime(day.year, day.month, day.day, hour, 0, tzinfo=UTC)


def _months_before(day: date, months: int) -> date:
    month = day.month - 1 - months
    year = day.year + month // 12
    return date(year, month % 12 + 1, 28 if day.day > 28 else day.day)


def _half_year_ends(start: date, count: int) -> list[date]:
    """``count`` successive 30 June / 31 December dates from ``start`` on."""
    ends, year, second = [], start.year, start.month > 6
    while len(ends) < count:
        ends.append(date(year, 12, 31) if second else date(year, 6, 30))
        year, second = (year + 1, False) if second else (year, True)
    return ends


def _refuse_in_production() -> None:
    if settings.PRODUCTION:
        raise ImproperlyConfigured("Generated data is refused in production mode.")


# --- What is there ---------------------------------------------------------------------


def scale_cities() -> models.QuerySet[City]:
    return City.objects.filter(contact_email__endswith=f"@{SCALE_DOMAIN}")


def scale_counts() -> dict[str, int]:
    """How many records of the generated data set the database holds, by ``FULL_COUNTS`` name."""
    cities = scale_cities()
    plans = ActionPlan.objects.filter(city__in=cities)
    meetings = Meeting.objects.filter(host_city__in=cities)
    return {
        "cities": cities.count(),
        "practices": Practice.objects.filter(
            city__in=cities, status=PracticeStatus.PUBLISHED
        ).count(),
        "plans": plans.count(),
        "actions": Action.objects.filter(plan__in=plans).count(),
        "measurements": Measurement.objects.filter(indicator__plan__in=plans).count(),
        "meetings": meetings.count(),
        "registrations": Registration.objects.filter(meeting__in=meetings).count(),
    }


@contextmanager
def _history_off() -> Iterator[None]:
    # A bulk removal of generated data is not a change anyone made: no "deleted" entries.
    with override_settings(SIMPLE_HISTORY_ENABLED=False):
        yield


def _public_content_changed() -> None:
    for app_label in settings.PUBLIC_CONTENT_APPS | settings.PRIVATE_CONTENT_APPS:
        content_changed(app_label)
    facets_changed()


def scale_delete() -> dict[str, int]:
    """Remove the generated data set (and only it); the demo and real records stay."""
    _refuse_in_production()
    counts = scale_counts()
    cities = list(scale_cities().values_list("pk", flat=True))
    users = get_user_model().objects.filter(email__endswith=f"@{SCALE_DOMAIN}")
    with transaction.atomic(), _history_off():
        plans = ActionPlan.objects.filter(city_id__in=cities)
        history_plans = ActionPlan.history.filter(city_id__in=cities).values("id")
        history_actions = Action.history.filter(plan_id__in=history_plans).values("id")
        history_indicators = Indicator.history.filter(plan_id__in=history_plans).values("id")
        Measurement.history.filter(indicator_id__in=history_indicators).delete()
        Milestone.history.filter(action_id__in=history_actions).delete()
        Indicator.history.filter(plan_id__in=history_plans).delete()
        Action.history.filter(plan_id__in=history_plans).delete()
        ActionPlan.history.filter(city_id__in=cities).delete()
        meetings = Meeting.objects.filter(host_city_id__in=cities)
        Registration.objects.filter(
            models.Q(meeting__in=meetings) | models.Q(city_id__in=cities) | models.Q(user__in=users)
        ).delete()
        Review.objects.filter(meeting__in=meetings).update(meeting=None)
        meetings.delete()
        plans.delete()
        practices = Practice.objects.filter(city_id__in=cities)
        translations = {
            "content_type": ContentType.objects.get_for_model(Practice),
            "object_id__in": practices.values("pk"),
        }
        Translation.history.filter(**translations).delete()
        Translation.objects.filter(**translations).delete()
        practices.delete()
        Transfer.objects.filter(city_id__in=cities).delete()
        users.delete()
        City.objects.filter(pk__in=cities).delete()
        _public_content_changed()
    return counts


# --- The generator -----------------------------------------------------------------------


class _Generator:
    def __init__(self, *, scale: float, seed_value: int, anchor: date) -> None:
        self.rng = random.Random(seed_value)
        self.language_rng = random.Random(f"languages-{seed_value}")
        self.anchor = anchor
        self.target = expected_counts(scale)
        self.scale = scale
        self.counts: dict[str, int] = {}

    # Cities and officers ------------------------------------------------------------

    def cities(self) -> None:
        rng = self.rng
        names = set(City.objects.values_list("name", flat=True))
        slugs = set(City.objects.values_list("slug", flat=True))
        weights = [c[2] for c in COUNTRIES]
        rows = []
        for _ in range(self.target["cities"]):
            country, zone, _w, lat, lon, endings, prefixes = rng.choices(COUNTRIES, weights)[0]
            while True:
                stem = "".join(rng.sample(STEMS, rng.choice([1, 2])))
                name = stem + rng.choice(endings)
                name = name[0] + name[1:].lower()
                if prefixes and rng.random() < 0.15:
                    name = rng.choice(prefixes) + name
                if name not in names:
                    break
            names.add(name)
            slug = _unique(name, slugs, limit=110)
            roll = rng.random()
            membership = "member" if roll < 0.85 else "observer" if roll < 0.95 else "partner"
            rows.append(
                City(
                    name=name,
                    slug=slug,
                    country=country,
                    latitude=Decimal(f"{rng.uniform(*lat):.5f}"),
                    longitude=Decimal(f"{rng.uniform(*lon):.5f}"),
                    timezone=zone,
                    membership=membership,
                    description=(
                        f"{name} joined the working group to exchange with other cities on "
                        f"{rng.choice(MEETING_TOPICS)} and {rng.choice(MEETING_TOPICS)}."
                    ),
                    contact_role=rng.choice(CONTACTS),
                    contact_email=f"roma-inclusion.{slug}@{SCALE_DOMAIN}",
                    website=f"https://{slug}.example.org/",
                )
            )
        self.city_list: list[City] = _bulk(City, rows)
        self.counts["cities"] = len(rows)

    def officers(self) -> None:
        rng = self.rng
        user_model = get_user_model()
        password = make_password(settings.DEMO_PASSWORD)  # hashed once, shared
        users, memberships, per_city = [], [], []
        for city in self.city_list:
            team = []
            for n in range(rng.choice([1, 2, 2, 2, 3])):
                first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
                email = f"{slugify(first)}.{slugify(last)}.{city.slug}{n or ''}@{SCALE_DOMAIN}"
                users.append(
                    user_model(email=email, first_name=first, last_name=last, password=password)
                )
                team.append((len(users) - 1, OfficerRole.LEAD if n == 0 else OfficerRole.OFFICER))
            per_city.append(team)
        users = _bulk(user_model, users)
        _bulk(
            EmailAddress,
            [EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users],
        )
        self.officers_of: dict[int, list] = {}
        for city, team in zip(self.city_list, per_city, strict=True):
            self.officers_of[city.pk] = [users[i] for i, _role in team]
            memberships += [CityMembership(user=users[i], city=city, role=role) for i, role in team]
        _bulk(CityMembership, memberships)
        self.all_officers = users
        self.counts["officers"] = len(users)

    # Good practices -------------------------------------------------------------------

    def reference_data(self) -> None:
        choices_ensure()
        eu_targets_ensure()
        for code, title in seed.STRATEGIC_OBJECTIVES:
            StrategicObjective.objects.get_or_create(code=code, defaults={"title": title})
        for title in (GOOD_START, DIVERSITY):
            NetworkPriority.objects.get_or_create(
                title=title, defaults={"framework": seed.PRIORITY_FRAMEWORK}
            )
        self.themes = {t.code: t.pk for t in Theme.objects.order_by("pk")}
        self.funding = {f.code: f.pk for f in FundingSource.objects.order_by("pk")}
        self.strategic = list(
            StrategicObjective.objects.order_by("code").values_list("pk", flat=True)
        )
        self.priorities = list(
            NetworkPriority.objects.order_by("title").values_list("pk", flat=True)
        )
        self.eu_targets = {t.code: t.pk for t in EUTarget.objects.all()}
        self.objectives = list(Objective.objects.order_by("pk").values_list("pk", flat=True))

    def _practice_text(self, city: City, themes: list[str]) -> dict:
        """Title, summary, description and results: the first theme sets the subject, the
        target group and most of the wording; the other themes add a sentence each."""
        rng = self.rng
        text = THEME_TEXT[themes[0]]
        subject = rng.choice(PRACTICE_SUBJECTS[themes[0]])
        group = rng.choice(text["groups"])
        title = f"{subject} for {group} in {city.name}"
        summary = (
            f"{city.name} {rng.choice(VERBS)} {subject[0].lower() + subject[1:]} for {group}, "
            f"together with {rng.choice(PARTNERS)}. {rng.choice(text['sentences'])} "
            f"{rng.choice(SENTENCES)}"
        )
        themed = [rng.choice(THEME_TEXT[code]["sentences"]) for code in themes[1:]]
        paragraphs = [
            " ".join([rng.choice(text["sentences"]), *rng.sample(SENTENCES, 2)])
            for _ in range(rng.randint(2, 4))
        ]
        paragraphs[-1] += " " + " ".join(themed)
        results = " ".join(
            template.format(
                a=rng.randint(40, 70),
                b=rng.randint(71, 95),
                n=rng.randint(12, 600),
                p=rng.randint(3, 25),
            )
            for template in text["results"]
        )
        return {
            "title": title[:200],
            "summary": summary[:1000],
            "description": "".join(f"<p>{p.strip()}</p>" for p in paragraphs),
            "target_group": group[0].upper() + group[1:],
            "results": results,
            "success_factors": rng.choice(SENTENCES),
            "transferability": (
                f"Cities with {rng.choice(PARTNERS)} as a partner can adapt it within a year."
            ),
            "lessons_learnt": rng.choice(LESSONS),
            "contact_role": rng.choice(CONTACTS),
        }

    def _languages(self, city: City, themes: list[str], english: dict) -> tuple[str, dict]:
        """The language a practice is written in and its texts in the others it has: the cities
        of Portugal and France write in their language (with an English translation for all of
        France's and half of Portugal's), and a quarter of the others are translated into
        French. Drawn from a random source of their own, so the rest of the data set is the
        same as without them."""
        rng = self.language_rng
        country = city.country.code
        if country in ("PT", "FR"):
            language = country.lower()
            texts = {language: scale_languages.practice_text(rng, language, city.name, themes)}
            if country == "FR" or rng.random() < 0.5:
                texts["en"] = english
            return language, texts
        if rng.random() < 0.25:
            return "en", {"fr": scale_languages.practice_text(rng, "fr", city.name, themes)}
        return "en", {}

    def _translations(self, practices: list[Practice], translations_of: list[dict]) -> None:
        """The translations ``_languages`` wrote, made by the practice's author and checked by
        another officer of its city when there is one."""
        spec = spec_for(Practice)
        content_type = ContentType.objects.get_for_model(Practice)
        rows = []
        for practice, translated in zip(practices, translations_of, strict=True):
            officers = self.officers_of[practice.city_id]
            checker = next((o for o in officers if o.pk != practice.created_by_id), None)
            when = practice.published_at or timezone.now()
            for language, texts in translated.items():
                rows.append(
                    Translation(
                        content_type=content_type,
                        object_id=practice.pk,
                        language=language,
                        texts={name: texts.get(name, "") for name in spec.fields},
                        source=source_fingerprint(spec.texts_of(practice)),
                        translated_by=practice.created_by,
                        translated_at=when,
                        checked_by=checker,
                        checked_at=when if checker else None,
                    )
                )
        _bulk_with_history(Translation, rows)
        self.counts["translations"] = len(rows)

    def _pick(self, choices: Sequence, probability: float):
        """One of ``choices`` with the given probability, else None; draws the same random
        numbers whether or not there is anything to choose (the demo may not be loaded)."""
        roll, index = self.rng.random(), self.rng.random()
        if not choices or roll >= probability:
            return None
        return choices[int(index * len(choices))]

    def practices(self) -> None:
        rng = self.rng
        slugs = set(Practice.objects.values_list("slug", flat=True))
        theme_codes = list(self.themes)
        funding_codes = list(self.funding)
        published_count = self.target["practices"]
        # Drafts and practices under review beside the library, as officers' workspaces have.
        unpublished = max(1, published_count // 50)
        first_day = date(self.anchor.year - 8, 1, 1)
        span = (self.anchor - first_day).days
        rows, themes_of, translations_of = [], [], []
        for n in range(published_count + unpublished):
            city = rng.choice(self.city_list)
            # Every theme is somebody's first theme, evenly, then one or two more at random.
            first = theme_codes[n % len(theme_codes)]
            codes = [first, *rng.sample([c for c in theme_codes if c != first], rng.randint(0, 2))]
            start_year = rng.randint(self.anchor.year - 12, self.anchor.year - 1)
            end_year = (
                None
                if rng.random() < 0.4
                else min(start_year + rng.randint(1, 6), self.anchor.year)
            )
            published = n < published_count
            status = (
                PracticeStatus.PUBLISHED
                if published
                else rng.choice(
                    [
                        PracticeStatus.DRAFT,
                        PracticeStatus.SUBMITTED,
                        PracticeStatus.CHANGES_REQUESTED,
                    ]
                )
            )
            text = self._practice_text(city, codes)
            language, translated = self._languages(city, codes, text)
            text = {**text, **translated.pop(language, {})}
            when = first_day + timedelta(days=rng.randrange(span))
            rows.append(
                Practice(
                    city=city,
                    original_language=language,
                    slug=_unique(text["title"], slugs),
                    start_year=start_year,
                    end_year=end_year,
                    priority_id=rng.choice(self.priorities) if rng.random() < 0.5 else None,
                    status=status,
                    created_by=rng.choice(self.officers_of[city.pk]),
                    published_at=_aware(when, 8 + rng.randint(0, 9)) if published else None,
                    **text,
                )
            )
            themes_of.append(codes)
            translations_of.append(translated)
        practices = _bulk(Practice, rows)
        self.published = practices[:published_count]

        through_theme = Practice.themes.through
        through_funding = Practice.funding_sources.through
        through_strategic = Practice.strategic_objectives.through
        theme_rows, funding_rows, strategic_rows = [], [], []
        attachments, links, events = [], [], []
        for practice, codes in zip(practices, themes_of, strict=True):
            theme_rows += [
                through_theme(practice_id=practice.pk, theme_id=self.themes[c]) for c in codes
            ]
            funding_rows += [
                through_funding(practice_id=practice.pk, fundingsource_id=self.funding[c])
                for c in rng.sample(funding_codes, rng.randint(1, 2))
            ]
            strategic_rows += [
                through_strategic(practice_id=practice.pk, strategicobjective_id=pk)
                for pk in rng.sample(self.strategic, rng.randint(0, 2))
            ]
            for title, stem, extension, mime in rng.sample(
                ATTACHMENTS, rng.choice([0, 1, 1, 2, 3])
            ):
                year = rng.randint(practice.start_year, self.anchor.year)
                attachments.append(
                    PracticeAttachment(
                        practice=practice,
                        title=f"{title} {year}",
                        file=f"attachments/{rng.getrandbits(128):032x}{extension}",
                        original_name=f"{stem}-{year}{extension}",
                        content_type=mime,
                        size=rng.randint(40_000, 6_000_000),
                        uploaded_by=practice.created_by,
                    )
                )
            if rng.random() < 0.5:
                links.append(
                    PracticeLink(
                        practice=practice,
                        title=f"{practice.city.name}: project page",
                        url=f"https://{practice.city.slug}.example.org/{practice.slug[:80]}/",
                    )
                )
            events.append(
                PracticeEvent(practice=practice, to_status=practice.status, by=practice.created_by)
            )
        for model, batch in (
            (through_theme, theme_rows),
            (through_funding, funding_rows),
            (through_strategic, strategic_rows),
            (PracticeAttachment, attachments),
            (PracticeLink, links),
            (PracticeEvent, events),
        ):
            _bulk(model, batch)
        self._translations(practices, translations_of)
        for start in range(0, len(practices), BATCH):
            practices_search_index(practice_ids=[p.pk for p in practices[start : start + BATCH]])
        self.counts.update(
            practices=published_count,
            practices_unpublished=unpublished,
            attachments=len(attachments),
        )

    def transfers(self) -> None:
        rng = self.rng
        rows, seen = [], set()
        for practice in rng.sample(self.published, max(1, len(self.published) // 8)):
            for city in rng.sample(self.city_list, min(len(self.city_list), rng.randint(1, 3))):
                if city.pk == practice.city_id or (practice.pk, city.pk) in seen:
                    continue
                seen.add((practice.pk, city.pk))
                rows.append(
                    Transfer(
                        practice=practice,
                        city=city,
                        stage=rng.choice(["understand", "adapt", "adapt", "reuse"]),
                        adaptations=rng.choice(SENTENCES),
                    )
                )
        self.transfer_list: list[Transfer] = _bulk(Transfer, rows)
        self.counts["transfers"] = len(rows)

    # Action plans ---------------------------------------------------------------------

    def plans(self) -> None:
        rng = self.rng
        topics = list(PLAN_TOPICS)
        per_city = _split(rng, self.target["plans"], len(self.city_list))
        transfers_by_city: dict[int, list[Transfer]] = {}
        for transfer in self.transfer_list:
            if transfer.stage != "understand":
                transfers_by_city.setdefault(transfer.city_id, []).append(transfer)
        plans = []
        for city, count in zip(self.city_list, per_city, strict=True):
            for n in range(count):
                topic = rng.choice(topics)
                label, _theme = PLAN_TOPICS[topic]
                start = date(
                    rng.randint(self.anchor.year - 6, self.anchor.year), rng.choice([1, 7]), 1
                )
                roll = rng.random()
                status = (
                    "drafting"
                    if roll < 0.15
                    else "adopted"
                    if roll < 0.3
                    else "implementation"
                    if roll < 0.8
                    else "completed"
                    if roll < 0.95
                    else "discontinued"
                )
                transfer = (
                    transfers_by_city.get(city.pk, []).pop()
                    if (transfers_by_city.get(city.pk) and rng.random() < 0.5)
                    else None
                )
                plans.append(
                    ActionPlan(
                        city=city,
                        title=f"{label} in {city.name} {start.year}–{start.year + 4}"
                        + (f" ({n + 1})" if n else ""),
                        topic=topic,
                        objective_id=self._pick(self.objectives, 0.3),
                        inspired_by_id=transfer.practice_id
                        if transfer
                        else (rng.choice(self.published).pk if rng.random() < 0.3 else None),
                        transfer=transfer,
                        status=status,
                        start_date=start,
                        end_date=date(start.year + rng.randint(2, 5), 12, 31),
                        summary=(
                            f"{city.name}'s plan for {label.lower()}: {rng.choice(SENTENCES)}"
                        ),
                        baseline=" ".join(rng.sample(SENTENCES, 2)),
                        is_public=rng.random() < 0.6,
                    )
                )
        _bulk_with_history(ActionPlan, plans)
        self.plan_list = plans
        self.counts["plans"] = len(plans)

    def actions(self) -> None:
        rng = self.rng
        funding = list(self.funding.values())
        per_plan = _split(rng, self.target["actions"], len(self.plan_list), minimum=1)
        actions = []
        for plan, count in zip(self.plan_list, per_plan, strict=True):
            _label, theme = PLAN_TOPICS[plan.topic]
            for order in range(count):
                start = plan.start_date + timedelta(days=rng.randrange(0, 540))
                end = start + timedelta(days=rng.randrange(90, 900))
                if plan.status in ("drafting", "adopted") or start > self.anchor:
                    status, progress = ActionStatus.NOT_STARTED, 0
                elif plan.status == "completed" or end < self.anchor - timedelta(days=180):
                    status, progress = rng.choice(
                        [(ActionStatus.COMPLETED, 100)] * 4 + [(ActionStatus.DROPPED, 40)]
                    )
                else:
                    status = rng.choice([ActionStatus.ON_TRACK] * 3 + [ActionStatus.DELAYED])
                    progress = rng.randint(10, 90)
                validated = rng.random() < 0.3 and status != ActionStatus.NOT_STARTED
                subject = rng.choice(PRACTICE_SUBJECTS[theme])
                actions.append(
                    Action(
                        plan=plan,
                        order=order,
                        title=f"{rng.choice(ACTION_VERBS)}: {subject.lower()}"[:250],
                        description=rng.choice(SENTENCES),
                        responsible_body=rng.choice(RESPONSIBLE),
                        partners=", ".join(rng.sample(PARTNERS, 2)),
                        budget=Decimal(rng.randrange(5, 800) * 1000),
                        funding_source_id=rng.choice(funding),
                        start_date=start,
                        end_date=end,
                        status=status,
                        progress=progress,
                        validated_status=(
                            rng.choice([status, status, "no_evidence"]) if validated else ""
                        ),
                        validated_at=_aware(self.anchor - timedelta(days=rng.randrange(30, 400)))
                        if validated
                        else None,
                    )
                )
        _bulk_with_history(Action, actions)
        milestones = []
        for action in actions:
            for n in range(rng.choice([0, 1, 1, 2])):
                due = action.start_date + timedelta(days=(n + 1) * rng.randrange(60, 240))
                done = (
                    due - timedelta(days=rng.randrange(0, 30))
                    if due < self.anchor and rng.random() < 0.7
                    else None
                )
                milestones.append(
                    Milestone(
                        action=action,
                        title=f"Step {n + 1}: {rng.choice(SENTENCES)[:200]}",
                        due_date=due,
                        done_date=done,
                    )
                )
        _bulk_with_history(Milestone, milestones)
        self.actions_by_plan: dict[int, list[Action]] = {}
        for action in actions:
            self.actions_by_plan.setdefault(action.plan_id, []).append(action)
        self.counts.update(actions=len(actions), milestones=len(milestones))

    def indicators(self) -> None:
        rng = self.rng
        indicators = []
        for plan in self.plan_list:
            for name, unit, people, direction, eu in rng.sample(INDICATORS, rng.randint(2, 6)):
                indicators.append(
                    Indicator(
                        plan=plan,
                        name=name,
                        unit=unit,
                        is_count_of_people=people,
                        direction=direction,
                        baseline_value=Decimal(0),
                        baseline_year=2000,
                        target_value=Decimal(0),
                        target_year=2001,
                        data_source=rng.choice(CONTACTS) + " records",
                        eu_target_id=self.eu_targets.get(eu) if rng.random() < 0.6 else None,
                    )
                )
        per_indicator = _split(rng, self.target["measurements"], len(indicators))
        measurements = []
        for indicator, count in zip(indicators, per_indicator, strict=True):
            first = _months_before(self.anchor, 6 * count + 6)
            indicator.baseline_year = max(2000, first.year - 1)
            indicator.target_year = indicator.baseline_year + rng.randint(3, 8)
            percent = indicator.unit == "%"
            base = rng.randint(5, 60) if percent else rng.randint(0, 300)
            goal = (
                base + rng.randint(5, 30)
                if indicator.direction == "higher"
                else max(0, base - rng.randint(3, base or 1))
            )
            if percent:
                goal = min(goal, 100)
            indicator.baseline_value, indicator.target_value = Decimal(base), Decimal(goal)
            for step, when in enumerate(_half_year_ends(first, count)):
                value = base + (goal - base) * (step + 1) / (count + 2) + rng.uniform(-2, 2)
                value = min(max(value, 0), 100) if percent else max(round(value), 0)
                measurements.append(
                    Measurement(indicator=indicator, date=when, value=Decimal(f"{value:.2f}"))
                )
        _bulk_with_history(Indicator, indicators)
        for measurement in measurements:
            measurement.indicator_id = measurement.indicator.pk
        _bulk_with_history(Measurement, measurements)
        self.indicators_by_plan: dict[int, list[tuple[Indicator, list[Measurement]]]] = {}
        by_indicator: dict[int, list[Measurement]] = {}
        for measurement in measurements:
            by_indicator.setdefault(measurement.indicator_id, []).append(measurement)
        for indicator in indicators:
            self.indicators_by_plan.setdefault(indicator.plan_id, []).append(
                (indicator, by_indicator.get(indicator.pk, []))
            )
        self.counts.update(indicators=len(indicators), measurements=len(measurements))

    def updates(self) -> None:
        """Submitted progress updates of plans under way, with the snapshot a submission
        freezes (``actionplans.services.snapshot_of``)."""
        rng = self.rng
        rows = []
        for plan in self.plan_list:
            if plan.status not in ("implementation", "completed"):
                continue
            ends = [
                end
                for end in _half_year_ends(plan.start_date, 12)
                if end + timedelta(days=14) < self.anchor
            ][-rng.randint(1, 3) :]
            for end in ends:
                start = date(end.year, 1 if end.month == 6 else 7, 1)
                snapshot = snapshot_of(
                    indicators=self.indicators_by_plan.get(plan.pk, []),
                    actions=self.actions_by_plan.get(plan.pk, []),
                    until=end,
                )
                rows.append(
                    ProgressUpdate(
                        plan=plan,
                        period_label=f"{end.year}, {'first' if end.month == 6 else 'second'} half",
                        period_start=start,
                        period_end=end,
                        narrative=" ".join(rng.sample(SENTENCES, 3)),
                        snapshot=snapshot,
                        submitted_at=_aware(end + timedelta(days=14), 10),
                        submitted_by=rng.choice(self.officers_of[plan.city_id]),
                    )
                )
        _bulk(ProgressUpdate, rows)
        self.counts["progress_updates"] = len(rows)

    def reviews(self) -> None:
        rng = self.rng
        reviews, peer_sets = [], []
        for plan in rng.sample(self.plan_list, max(1, len(self.plan_list) // 30)):
            others = [
                u
                for u in rng.sample(self.all_officers, min(8, len(self.all_officers)))
                if u not in self.officers_of[plan.city_id]
            ][:3]
            if not others:
                continue
            closed = rng.random() < 0.6
            reviews.append(
                Review(
                    plan=plan,
                    questions=f"How can we make {PLAN_TOPICS[plan.topic][0].lower()} last once "
                    "the project funding ends? How do we involve residents better?",
                    due_date=self.anchor + timedelta(days=rng.randint(-400, 90)),
                    status=Review.Status.CLOSED if closed else Review.Status.OPEN,
                )
            )
            peer_sets.append((others, closed))
        _bulk(Review, reviews)
        through = Review.peers.through
        _bulk(
            through,
            [
                through(review_id=review.pk, user_id=user.pk)
                for review, (peers, _closed) in zip(reviews, peer_sets, strict=True)
                for user in peers
            ],
        )
        findings = []
        for review, (peers, closed) in zip(reviews, peer_sets, strict=True):
            actions = self.actions_by_plan.get(review.plan_id, [])
            for _ in range(rng.randint(2, 4)):
                findings.append(
                    Finding(
                        review=review,
                        section=rng.choice(Finding.Section.values),
                        action=rng.choice(actions) if actions and rng.random() < 0.5 else None,
                        kind=rng.choice(Finding.Kind.values),
                        text=rng.choice(SENTENCES),
                        author=rng.choice(peers),
                        response=rng.choice(SENTENCES) if closed else "",
                    )
                )
        _bulk(Finding, findings)
        self.counts.update(reviews=len(reviews), findings=len(findings))

    # Meetings -------------------------------------------------------------------------

    def meetings(self) -> None:
        rng = self.rng
        slugs = set(Meeting.objects.values_list("slug", flat=True))
        count = self.target["meetings"]
        first = self.anchor - timedelta(days=5 * 365)
        span = (self.anchor + timedelta(days=365) - first).days
        kinds = list(Meeting.Kind.values)
        meetings, agendas = [], []
        for n in range(count):
            host = rng.choice(self.city_list)
            kind = rng.choice(kinds)
            topic = rng.choice(MEETING_TOPICS)
            day = first + timedelta(days=rng.randrange(span))
            days = 1 if kind == Meeting.Kind.ONLINE_MEETING else rng.randint(1, 3)
            title = {
                "policy_transfer": f"Policy transfer in {host.name} on {topic}",
                "critical_friend_review": f"Critical friend review in {host.name}",
                "working_group_meeting": f"Working group meeting in {host.name}: {topic}",
                "online_meeting": f"Online exchange on {topic}",
            }[kind]
            agenda = self._agenda(host, kind, day, days)
            starts_at, ends_at = agenda[0][2], max(i[2] + timedelta(minutes=i[3]) for i in agenda)
            # The last tenth of the meetings still ahead are drafts the staff are preparing.
            draft = day > self.anchor and n % 10 == 0 and count >= 10
            published = None if draft else _aware(day - timedelta(days=rng.randint(45, 120)))
            meetings.append(
                Meeting(
                    uid=uuid.UUID(int=rng.getrandbits(128), version=4),
                    slug=_unique(f"{title} {day.year}", slugs, limit=110),
                    title=f"{title} ({day.year})",
                    kind=kind,
                    host_city=host,
                    venue="Online" if kind == "online_meeting" else f"{host.name} City Hall",
                    address="" if kind == "online_meeting" else f"Main square 1, {host.name}",
                    starts_at=starts_at,
                    ends_at=ends_at,
                    description=f"Cities exchange on {topic}. {rng.choice(SENTENCES)}",
                    practical_information="Working language: English. Registration is free.",
                    capacity=rng.choice([None, 60, 80, 100, 120]),
                    registration_deadline=starts_at - timedelta(days=7),
                    published_at=published,
                    updated_at=published or timezone.now(),
                    outcomes=rng.choice(SENTENCES) if day < self.anchor else "",
                )
            )
            agendas.append(agenda)
        _bulk(Meeting, meetings)
        sessions, items, session_of = [], [], []
        for meeting, agenda in zip(meetings, agendas, strict=True):
            named = {}
            for session_title, *_rest in agenda:
                if session_title not in named:
                    named[session_title] = AgendaSession(meeting=meeting, title=session_title)
                    sessions.append(named[session_title])
            for session_title, kind, start, minutes, title, room in agenda:
                items.append(
                    AgendaItem(
                        meeting=meeting,
                        kind=kind,
                        title=title,
                        starts_at=start,
                        duration=minutes,
                        room=room,
                    )
                )
                session_of.append(named[session_title])
        _bulk(AgendaSession, sessions)
        for item, session in zip(items, session_of, strict=True):
            item.session = session
        _bulk(AgendaItem, items)
        speakers = []
        for item in items:
            if item.kind in (AgendaItem.Kind.PLENARY, AgendaItem.Kind.WORKSHOP):
                for order, role in enumerate(rng.sample(SPEAKER_ROLES, rng.randint(1, 2))):
                    speakers.append(
                        Speaker(
                            item=item,
                            name=role,
                            role=f"City of {item.meeting.host_city.name}",
                            order=order,
                        )
                    )
        _bulk(Speaker, speakers)
        self.meeting_list = meetings
        self.counts.update(meetings=len(meetings), agenda_items=len(items))

    def _agenda(self, host: City, kind: str, first_day: date, days: int) -> list[tuple]:
        """(session, kind, start, minutes, title, room) rows: a plausible day's rhythm, items
        in one room never overlap; workshops run in parallel rooms."""
        rng = self.rng
        zone = host.timezone
        rows = []

        def at(day: date, hour: int, minute: int) -> datetime:
            return in_zone(datetime(day.year, day.month, day.day, hour, minute), zone)

        if kind == Meeting.Kind.ONLINE_MEETING:
            return [
                ("Online session", "plenary", at(first_day, 10, 0), 30, "Welcome", "Online"),
                (
                    "Online session",
                    "plenary",
                    at(first_day, 10, 30),
                    60,
                    f"Cities' experience: {rng.choice(MEETING_TOPICS)}",
                    "Online",
                ),
                ("Online session", "workshop", at(first_day, 11, 30), 45, "Discussion", "Online"),
            ]
        for d in range(days):
            day = first_day + timedelta(days=d)
            morning, afternoon = f"Day {d + 1}, morning", f"Day {d + 1}, afternoon"
            topic = rng.choice(MEETING_TOPICS)
            rows += [
                (morning, "plenary", at(day, 9, 0), 30, "Welcome and introduction", ROOMS[0]),
                (
                    morning,
                    "plenary",
                    at(day, 9, 30),
                    90,
                    f"{host.name}'s approach to {topic}",
                    ROOMS[0],
                ),
                (morning, "break", at(day, 11, 0), 15, "Coffee break", ROOMS[0]),
                (
                    morning,
                    "workshop",
                    at(day, 11, 15),
                    75,
                    f"Workshop: {topic} in schools",
                    ROOMS[1],
                ),
                (
                    morning,
                    "workshop",
                    at(day, 11, 15),
                    75,
                    f"Workshop: {topic} in housing",
                    ROOMS[2],
                ),
                (morning, "break", at(day, 12, 30), 60, "Lunch", ROOMS[0]),
            ]
            if rng.random() < 0.5:
                rows.append(
                    (
                        afternoon,
                        "site_visit",
                        at(day, 13, 30),
                        150,
                        f"Site visit: {rng.choice(PRACTICE_SUBJECTS['housing'])}",
                        f"{host.name}, {rng.choice(['north', 'east', 'old town'])}",
                    )
                )
            else:
                rows.append(
                    (
                        afternoon,
                        "plenary",
                        at(day, 13, 30),
                        150,
                        "Peer exchange: cities present their plans",
                        ROOMS[0],
                    )
                )
            rows.append((afternoon, "plenary", at(day, 16, 15), 45, "Conclusions", ROOMS[0]))
        return rows

    def registrations(self) -> None:
        rng = self.rng
        published = [m for m in self.meeting_list if m.published_at is not None]
        per_meeting = _split(rng, self.target["registrations"], len(published), minimum=5)
        rows = []
        for meeting, count in zip(published, per_meeting, strict=True):
            officers = rng.sample(self.all_officers, min(len(self.all_officers), int(count * 0.6)))
            confirmed = 0
            past = meeting.ends_at < _aware(self.anchor)
            for n in range(count):
                registered = meeting.starts_at - timedelta(days=rng.randint(8, 60), hours=n % 9)
                status = (
                    Registration.Status.CANCELLED
                    if rng.random() < 0.03
                    else (
                        Registration.Status.CONFIRMED
                        if meeting.capacity is None or confirmed < meeting.capacity
                        else Registration.Status.WAITING
                    )
                )
                if n < len(officers):
                    user = officers[n]
                    city = self._city_of(user)
                    row = Registration(
                        user=user,
                        registered_by=user,
                        name=user.get_full_name(),
                        organisation=f"City of {city.name}",
                        city=city,
                        role="Roma inclusion officer",
                        kind=Registration.Kind.CITY_OFFICER,
                        email=user.email,
                    )
                else:
                    city = rng.choice(self.city_list)
                    expert = rng.random() < 0.75
                    role = rng.choice(SPEAKER_ROLES[:6])
                    row = Registration(
                        name=f"{role}, {city.name}" if expert else f"Guest: {role}",
                        organisation=f"City of {city.name}" if expert else rng.choice(PARTNERS),
                        city=city if expert else None,
                        role=role,
                        kind=Registration.Kind.LOCAL_EXPERT if expert else Registration.Kind.GUEST,
                    )
                row.meeting = meeting
                row.status = status
                row.created_at = row.status_changed_at = registered
                if status == Registration.Status.CONFIRMED:
                    confirmed += 1
                    if past:
                        row.attended = rng.random() < 0.9
                rows.append(row)
        _bulk(Registration, rows)
        self.counts["registrations"] = len(rows)

    def _city_of(self, user) -> City:
        if not hasattr(self, "_city_by_user"):
            self._city_by_user = {
                u.pk: city for city in self.city_list for u in self.officers_of[city.pk]
            }
        return self._city_by_user[user.pk]

    def decisions(self) -> None:
        rng = self.rng
        decisions, cities_of = [], []
        for meeting in self.meeting_list:
            if meeting.published_at is None or meeting.ends_at >= _aware(self.anchor):
                continue
            for _ in range(rng.randint(0, 3)):
                due = meeting.ends_at.date() + timedelta(days=rng.choice([60, 90, 180]))
                decisions.append(
                    Decision(
                        meeting=meeting,
                        title=f"Cities share their {rng.choice(MEETING_TOPICS)} "
                        "experience before the next meeting",
                        due_date=due,
                        created_at=meeting.ends_at,
                    )
                )
                cities_of.append(rng.sample(self.city_list, min(3, rng.randint(1, 3))))
        _bulk(Decision, decisions)
        followups = []
        for decision, cities in zip(decisions, cities_of, strict=True):
            for city in cities:
                done = decision.due_date < self.anchor and rng.random() < 0.7
                followups.append(
                    FollowUp(
                        decision=decision,
                        city=city,
                        status=FollowUp.Status.DONE if done else FollowUp.Status.OPEN,
                        done_at=_aware(decision.due_date) if done else None,
                    )
                )
        _bulk(FollowUp, followups)
        self.counts.update(decisions=len(decisions), followups=len(followups))


def scale_load(
    *,
    scale: float = 1.0,
    seed_value: int = 2020,
    anchor: date | None = None,
    progress: Callable[[str, float], None] | None = None,
) -> ScaleResult:
    """Generate the data set in one transaction; refuses when some of it is already there."""
    _refuse_in_production()
    if scale <= 0:
        raise ValueError("The scale must be above 0.")
    if scale_cities().exists():
        raise FileExistsError("The generated data set is already loaded.")
    generator = _Generator(
        scale=scale, seed_value=seed_value, anchor=anchor or timezone.localdate()
    )
    steps: list[tuple[str, float]] = []
    started = time.perf_counter()
    with transaction.atomic():
        for name in (
            "reference_data",
            "cities",
            "officers",
            "practices",
            "transfers",
            "plans",
            "actions",
            "indicators",
            "updates",
            "reviews",
            "meetings",
            "registrations",
            "decisions",
        ):
            step_started = time.perf_counter()
            getattr(generator, name)()
            steps.append((name, time.perf_counter() - step_started))
            if progress:
                progress(name, steps[-1][1])
        _public_content_changed()  # bulk inserts send no signals: cached pages must go
    return ScaleResult(counts=generator.counts, seconds=time.perf_counter() - started, steps=steps)


def scale_digest_rows() -> Iterable[str]:
    """The generated records' identity, without database keys: equal for equal seeds."""
    cities = scale_cities()
    yield from (
        f"city {c.slug} {c.name} {c.country} {c.latitude} {c.longitude}"
        for c in cities.order_by("slug")
    )
    yield from (
        f"practice {slug} {title}"
        for slug, title in Practice.objects.filter(city__in=cities)
        .order_by("slug")
        .values_list("slug", "title")
    )
    yield from (
        f"plan {city} {title}"
        for city, title in ActionPlan.objects.filter(city__in=cities)
        .order_by("city__slug", "title")
        .values_list("city__slug", "title")
    )
    yield from (
        f"meeting {slug} {uid}"
        for slug, uid in Meeting.objects.filter(host_city__in=cities)
        .order_by("slug")
        .values_list("slug", "uid")
    )
