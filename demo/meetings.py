"""The seed's four meetings as records: agendas, and for 2019 the attendance behind its figures;
and one meeting of 2027 open to guests, so the guest registration can be tried.

The seed gives the meetings, their hosts, Braga's dates and the 2019 figures ("35 city officers
from 15 European cities" in Toulouse, "22 local experts from 12 cities" in Braga); the other
dates, the agendas and who came from which city are plausible fillers. Braga's local experts came
as guests (people without an account), recorded by role category. Participants are named by
role ("Housing officer, City of Ghent"), never by an invented person's name, and carry no e-mail
or needs. Idempotent: every record is found by a natural key.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction

from cities.models import City
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
from objectives.models import Activity

STAFF = [("Policy officer", "EUROCITIES"), ("Project coordinator", "EUROCITIES")]

# Agenda rows: (day, start, minutes, kind, title, room, session, speakers as (name, role)).
# fmt: off
TOULOUSE = {
    "slug": "toulouse-policy-transfer-2019",
    "activity": (2019, "toulouse", "policy_transfer"),
    "kind": "policy_transfer",
    "title": "Policy transfer in Toulouse on housing support for the Roma community",
    "host": "toulouse",
    "venue": "Toulouse City Hall (Capitole)",
    "address": "Place du Capitole, 31000 Toulouse",
    "start": (2019, 3, 26, 9, 0),
    "end": (2019, 3, 28, 13, 0),
    "capacity": 45,
    "description": "City officers discuss with local policy-makers, beneficiaries and "
    "practitioners how to transfer inspiring practices from Toulouse's policy to support Roma "
    "to move out of camps into adequate housing.",
    "practical": "Working language: English, with French interpretation on day 1. "
    "The site visits leave by bus from the City Hall; wear comfortable shoes.",
    "outcomes": "Four transfer cities drafted action plans on their own local challenges "
    "related to housing of the Roma community and already took follow-up actions. City experts "
    "produced guidelines to help moving Roma people out of camps into adequate housing.",
    "agenda": [
        (1, "09:00", 30, "plenary", "Welcome and opening", "Salle des Illustres",
         "Toulouse's approach", [("Deputy Mayor for social cohesion", "City of Toulouse")]),
        (1, "09:30", 90, "plenary", "Moving Roma out of camps into adequate housing: "
         "Toulouse's policy", "Salle des Illustres", "Toulouse's approach",
         [("Head of the housing department", "City of Toulouse")]),
        (1, "11:00", 15, "break", "Coffee break", "Salle des Illustres", "", []),
        (1, "11:15", 105, "plenary", "Combining housing solutions and integrated social support",
         "Salle des Illustres", "Toulouse's approach",
         [("Project manager, integrated social support", "City of Toulouse"),
          ("Social worker, camp resorption programme", "City of Toulouse")]),
        (1, "13:00", 60, "break", "Lunch", "Salle des Illustres", "", []),
        (1, "14:00", 210, "site_visit", "Site visits: temporary housing sites and relocated "
         "families", "Departure by bus from the City Hall", "", []),
        (2, "09:00", 90, "plenary", "Beneficiaries and practitioners: what made it work",
         "Salle des Illustres", "Learning from practice",
         [("Director", "Social housing association, Toulouse"),
          ("Family support worker", "Roma families' association, Toulouse")]),
        (2, "10:30", 15, "break", "Coffee break", "Salle des Illustres", "", []),
        (2, "10:45", 135, "workshop", "Transfer workshop: housing pathways", "Room A",
         "Learning from practice", []),
        (2, "10:45", 135, "workshop", "Transfer workshop: social support and schooling",
         "Room B", "Learning from practice", []),
        (2, "13:00", 60, "break", "Lunch", "Salle des Illustres", "", []),
        (2, "14:00", 150, "workshop", "Transfer cities draft their action plans",
         "Salle des Illustres", "Transfer", []),
        (2, "16:30", 30, "plenary", "Wrap-up of the day", "Salle des Illustres", "Transfer", []),
        (3, "09:00", 120, "workshop", "Transfer cities present their draft action plans",
         "Salle des Illustres", "Transfer", []),
        (3, "11:00", 15, "break", "Coffee break", "Salle des Illustres", "", []),
        (3, "11:15", 75, "plenary", "Next steps: guidelines and follow-up",
         "Salle des Illustres", "Transfer", [("Policy officer", "EUROCITIES")]),
        (3, "12:30", 30, "plenary", "Closing", "Salle des Illustres", "", []),
    ],
    "decisions": [
        ("City experts write guidelines on moving Roma out of camps into adequate housing",
         date(2019, 12, 31), {"toulouse": date(2019, 12, 16)}),
        ("Transfer cities draft action plans on their own local housing challenges",
         date(2019, 9, 30), {}),
    ],
}

BRAGA = {
    "slug": "braga-critical-friend-review-2019",
    "activity": (2019, "braga", "critical_friend_review"),
    "kind": "critical_friend_review",
    "title": "Critical friend review in Braga",
    "host": "braga",
    "venue": "Braga City Hall",
    "address": "Praça do Município, 4700-435 Braga",
    "start": (2019, 9, 24, 9, 0),
    "end": (2019, 9, 26, 13, 0),
    "capacity": 30,
    "description": "Local experts discover the city's Integrated Plan of Action for "
    "Disadvantaged Communities and its action in 3 social neighbourhoods, and review it as "
    "critical friends. Local experts from North Macedonia are invited.",
    "practical": "Working language: English. The visits to the social neighbourhoods take the "
    "whole afternoon of day 1; transport is provided.",
    "outcomes": "Braga reflected on future actions, drafted jointly with other cities, to scale "
    "up its local strategy into a new neighbourhood. Guidelines on integrated city plans are "
    "being drafted to further transfer the knowledge acquired during the meeting.",
    "agenda": [
        (1, "09:00", 30, "plenary", "Welcome by the City of Braga", "Salão Nobre",
         "The plan under review", [("Councillor for social cohesion", "City of Braga")]),
        (1, "09:30", 90, "plenary", "Braga's Integrated Plan of Action for Disadvantaged "
         "Communities", "Salão Nobre", "The plan under review",
         [("Coordinator of the Integrated Plan of Action", "City of Braga")]),
        (1, "11:00", 15, "break", "Coffee break", "Salão Nobre", "", []),
        (1, "11:15", 105, "plenary", "The host city's questions to its critical friends",
         "Salão Nobre", "The plan under review",
         [("Social neighbourhoods manager", "City of Braga")]),
        (1, "13:00", 60, "break", "Lunch", "Salão Nobre", "", []),
        (1, "14:00", 240, "site_visit", "Visits to three social neighbourhoods",
         "Social neighbourhoods of Braga", "", []),
        (2, "09:00", 120, "workshop", "Peer review in small groups: education and employment",
         "Room 1", "Critical friends at work", []),
        (2, "09:00", 120, "workshop", "Peer review in small groups: housing and community "
         "building", "Room 2", "Critical friends at work", []),
        (2, "11:00", 15, "break", "Coffee break", "Salão Nobre", "", []),
        (2, "11:15", 105, "workshop", "Findings and recommendations, section by section of "
         "the plan", "Salão Nobre", "Critical friends at work", []),
        (2, "13:00", 60, "break", "Lunch", "Salão Nobre", "", []),
        (2, "14:00", 120, "plenary", "Experiences from North Macedonia", "Salão Nobre",
         "Critical friends at work", [("Roma inclusion adviser", "City of Skopje")]),
        (2, "16:00", 60, "workshop", "Drafting future actions jointly", "Salão Nobre",
         "Critical friends at work", []),
        (3, "09:00", 120, "plenary", "The critical friends present their recommendations",
         "Salão Nobre", "Conclusions", []),
        (3, "11:00", 15, "break", "Coffee break", "Salão Nobre", "", []),
        (3, "11:15", 75, "plenary", "Braga's response: scaling up the strategy into a new "
         "neighbourhood", "Salão Nobre", "Conclusions",
         [("Councillor for social cohesion", "City of Braga")]),
        (3, "12:30", 30, "plenary", "Closing and next steps", "Salão Nobre", "Conclusions",
         [("Policy officer", "EUROCITIES")]),
    ],
    "decisions": [
        ("Braga reports on the progress of its local action plan for Roma inclusion",
         date(2020, 12, 31), {"braga": None}),
        ("Draft guidelines on integrated city plans", date(2020, 6, 30), {"braga": None}),
    ],
}

TURIN = {
    "slug": "turin-policy-transfer-2020",
    "activity": (2020, "turin", "policy_transfer"),
    "kind": "policy_transfer",
    "title": "Policy transfer in Turin on fighting and preventing school dropout of Roma "
    "children",
    "host": "turin",
    "venue": "Turin City Hall (Palazzo Civico)",
    "address": "Piazza Palazzo di Città 1, 10122 Torino",
    "start": (2020, 4, 21, 9, 30),
    "end": (2020, 4, 23, 13, 0),
    "capacity": 40,
    "description": "Cities learn from Turin's local strategies for fighting and preventing "
    "school dropout of Roma children, towards policy guidelines and action plans for 5 "
    "replicating cities.",
    "practical": "Working language: English. The school visits on day 1 are in small groups; "
    "please register by the deadline so the schools can plan.",
    "agenda": [
        (1, "09:30", 30, "plenary", "Welcome and opening", "Sala Rossa", "",
         [("Deputy Mayor for education", "City of Turin")]),
        (1, "10:00", 90, "plenary", "Turin's local strategy against school dropout of Roma "
         "children", "Sala Rossa", "Turin's strategy",
         [("Head of the education inclusion service", "City of Turin")]),
        (1, "11:30", 15, "break", "Coffee break", "Sala Rossa", "", []),
        (1, "11:45", 75, "plenary", "Follow-ups from earlier meetings", "Sala Rossa", "",
         [("Policy officer", "EUROCITIES")]),
        (1, "13:00", 60, "break", "Lunch", "Sala Rossa", "", []),
        (1, "14:00", 180, "site_visit", "Visits to schools and a community centre",
         "Schools of the Aurora neighbourhood", "Turin's strategy", []),
        (2, "09:30", 90, "workshop", "School mediators and family support", "Room A",
         "What can be transferred", []),
        (2, "09:30", 90, "workshop", "Early childhood education and care", "Room B",
         "What can be transferred", []),
        (2, "11:00", 15, "break", "Coffee break", "Sala Rossa", "", []),
        (2, "11:15", 105, "workshop", "What can be transferred, and how?", "Sala Rossa",
         "What can be transferred", []),
        (2, "13:00", 60, "break", "Lunch", "Sala Rossa", "", []),
        (2, "14:00", 150, "workshop", "Replicating cities start their action plans",
         "Sala Rossa", "What can be transferred", []),
        (3, "09:30", 90, "plenary", "Towards policy guidelines on school dropout", "Sala Rossa",
         "Conclusions", []),
        (3, "11:00", 15, "break", "Coffee break", "Sala Rossa", "", []),
        (3, "11:15", 75, "plenary", "Conclusions and next steps", "Sala Rossa", "Conclusions",
         [("Policy officer", "EUROCITIES")]),
    ],
    "decisions": [],
}

# Not in the seed: a meeting still to come, open to anyone as a guest, to try the guest form.
GHENT_2027 = {
    "slug": "ghent-working-group-meeting-2027",
    "activity": None,
    "kind": "working_group_meeting",
    "title": "Working group meeting in Ghent on community representatives in local action plans",
    "host": "ghent",
    "venue": "Ghent City Hall",
    "address": "Botermarkt 1, 9000 Ghent",
    "start": (2027, 10, 19, 9, 30),
    "end": (2027, 10, 21, 13, 0),
    "published": (2026, 11, 20, 10, 0),
    "capacity": 60,
    "guest_access": "open",
    "description": "Cities, Roma community representatives, local experts, practitioners and "
    "researchers discuss how community representatives take part in drafting and steering "
    "local action plans. Guests without an account are welcome: register with your e-mail "
    "address.",
    "practical": "Working language: English, with Dutch and French interpretation in the "
    "plenary sessions. The venue is accessible by wheelchair.",
    "agenda": [
        (1, "09:30", 30, "plenary", "Welcome", "Pacificatiezaal", "",
         [("Alderman for social affairs", "City of Ghent")]),
        (1, "10:00", 90, "plenary", "Community representatives in Ghent's action plan",
         "Pacificatiezaal", "Taking part", []),
        (1, "11:30", 15, "break", "Coffee break", "Pacificatiezaal", "", []),
        (1, "11:45", 75, "workshop", "What helps community representatives take part, and "
         "what stands in the way", "Pacificatiezaal", "Taking part", []),
        (2, "09:30", 120, "workshop", "Steering groups with residents: cities' experiences",
         "Pacificatiezaal", "Steering together", []),
        (3, "09:30", 90, "plenary", "Conclusions and next steps", "Pacificatiezaal", "",
         [("Policy officer", "EUROCITIES")]),
    ],
    "decisions": [],
}

BERLIN = {
    "slug": "berlin-working-group-meeting-2020",
    "activity": (2020, "berlin", "working_group_meeting"),
    "kind": "working_group_meeting",
    "title": "Working group meeting in Berlin on the inclusion of foreign Roma and community "
    "building",
    "host": "berlin",
    "venue": "Berlin City Hall (Rotes Rathaus)",
    "address": "Rathausstraße 15, 10178 Berlin",
    "start": (2020, 10, 13, 13, 0),
    "end": (2020, 10, 15, 12, 0),
    "capacity": 50,
    "description": "The working group reviews outcomes of the Berlin Roma Inclusion Action "
    "Plan, including the external evaluation methodology, and how cities include foreign Roma "
    "and strengthen self-organisation through community building.",
    "practical": "Working language: English. The meeting starts after lunch on day 1.",
    "agenda": [
        (1, "13:00", 30, "plenary", "Welcome", "Louise-Schroeder-Saal", "",
         [("State Secretary for integration", "State of Berlin")]),
        (1, "13:30", 90, "plenary", "Outcomes of the Berlin Roma Inclusion Action Plan",
         "Louise-Schroeder-Saal", "The Berlin action plan",
         [("Roma inclusion coordinator", "State of Berlin")]),
        (1, "15:00", 15, "break", "Coffee break", "Louise-Schroeder-Saal", "", []),
        (1, "15:15", 105, "plenary", "The external evaluation methodology",
         "Louise-Schroeder-Saal", "The Berlin action plan",
         [("Evaluator", "External evaluation team")]),
        (2, "09:00", 90, "plenary", "Inclusion of foreign Roma: cities' experiences",
         "Louise-Schroeder-Saal", "Community building", []),
        (2, "10:30", 15, "break", "Coffee break", "Louise-Schroeder-Saal", "", []),
        (2, "10:45", 135, "site_visit", "Community-building initiatives and Roma "
         "self-organisations", "Neukölln", "Community building", []),
        (2, "13:00", 60, "break", "Lunch", "Louise-Schroeder-Saal", "", []),
        (2, "14:00", 120, "workshop", "Strengthening self-organisation through community "
         "building", "Louise-Schroeder-Saal", "Community building", []),
        (3, "09:00", 90, "plenary", "Working group business: progress of the 2020 work plan",
         "Louise-Schroeder-Saal", "", [("Policy officer", "EUROCITIES")]),
        (3, "10:30", 30, "plenary", "Closing", "Louise-Schroeder-Saal", "", []),
    ],
    "decisions": [],
}

# fmt: on

MEETINGS = [TOULOUSE, BRAGA, TURIN, BERLIN, GHENT_2027]

# Who attended the 2019 meetings: (participant kind, city slug or None, role, organisation).
_TOULOUSE_HOSTS = [
    "Head of the housing department",
    "Roma inclusion coordinator",
    "Social worker, camp resorption programme",
    "Housing officer",
    "Social inclusion officer",
    "Project manager, integrated social support",
    "Urban planning officer",
]
# fmt: off
_TOULOUSE_VISITORS = [
    "turin", "berlin", "braga", "ghent", "barcelona", "helsinki", "prague", "budapest",
    "athens", "malmo", "amsterdam", "warsaw", "bucharest", "madrid",
]
# fmt: on
_BRAGA_HOSTS = [
    "Coordinator of the Integrated Plan of Action",
    "Social neighbourhoods manager",
    "Education officer",
    "Community mediator",
]
_BRAGA_TWO_EACH = ["turin", "berlin", "toulouse", "ghent", "barcelona", "madrid"]
_BRAGA_ONE_EACH = ["prague", "budapest", "athens", "amsterdam"]


def _attendance(slug: str) -> list[tuple[str, str | None, str, str | None]]:
    staff = [("network_staff", None, role, org) for role, org in STAFF]
    if slug == TOULOUSE["slug"]:
        # 35 city officers from 15 European cities, plus staff and local guests.
        people = [("city_officer", "toulouse", role, None) for role in _TOULOUSE_HOSTS]
        for city in _TOULOUSE_VISITORS:
            for role in ("Housing officer", "Social inclusion officer"):
                people.append(("city_officer", city, role, None))
        people += [
            ("guest", "toulouse", "Director", "Social housing association, Toulouse"),
            ("guest", "toulouse", "Family support worker", "Roma families' association, Toulouse"),
            ("guest", "toulouse", "Researcher", "University of Toulouse"),
        ]
        return people + staff
    if slug == BRAGA["slug"]:
        # 22 local experts from 12 cities, North Macedonia included: guests, by role category.
        expert = "guest:local_expert"
        people = [(expert, "braga", role, None) for role in _BRAGA_HOSTS]
        people += [
            (expert, "skopje", "Roma inclusion adviser", None),
            (expert, "skopje", "Social protection officer", None),
        ]
        for city in _BRAGA_TWO_EACH:
            for role in ("Social inclusion officer", "Education officer"):
                people.append((expert, city, role, None))
        for city in _BRAGA_ONE_EACH:
            people.append((expert, city, "Roma inclusion coordinator", None))
        return people + staff
    return []


def _refuse_in_production() -> None:
    if settings.PRODUCTION:
        raise ImproperlyConfigured("Demo data and demo accounts are refused in production mode.")


def _activity(cities: dict[str, City], year: int, host: str, kind: str) -> Activity | None:
    if year is None:
        return None
    return (
        Activity.objects.filter(year=year, host_city=cities[host], kind=kind).order_by("id").first()
    )


def _meeting(spec: dict, cities: dict[str, City]) -> Meeting:
    host = cities[spec["host"]]
    starts_at = in_zone(datetime(*spec["start"]), host.timezone)
    ends_at = in_zone(datetime(*spec["end"]), host.timezone)
    # Published six weeks before, never changed since: the page shows no "updated on".
    published_at = starts_at - timedelta(days=42)
    if "published" in spec:
        published_at = in_zone(datetime(*spec["published"]), host.timezone)
    meeting, _ = Meeting.objects.update_or_create(
        slug=spec["slug"],
        defaults={
            "title": spec["title"],
            "kind": spec["kind"],
            "activity": _activity(cities, *(spec["activity"] or (None, None, None))),
            "host_city": host,
            "venue": spec["venue"],
            "address": spec["address"],
            "starts_at": starts_at,
            "ends_at": ends_at,
            "description": spec["description"],
            "practical_information": spec["practical"],
            "capacity": spec["capacity"],
            "registration_deadline": starts_at - timedelta(days=14),
            "published_at": published_at,
            "updated_at": published_at,
            "outcomes": spec.get("outcomes", ""),
            "guest_access": spec.get("guest_access", Meeting.GuestAccess.OFFICERS),
        },
    )
    return meeting


def _agenda(meeting: Meeting, spec: dict) -> None:
    sessions: dict[str, AgendaSession] = {}
    for day, start, minutes, kind, title, room, session_title, speakers in spec["agenda"]:
        session = None
        if session_title:
            if session_title not in sessions:
                sessions[session_title], _ = AgendaSession.objects.get_or_create(
                    meeting=meeting, title=session_title
                )
            session = sessions[session_title]
        hour, minute = (int(part) for part in start.split(":"))
        wall = datetime.combine(meeting.start_date + timedelta(days=day - 1), time(hour, minute))
        item, _ = AgendaItem.objects.update_or_create(
            meeting=meeting,
            starts_at=in_zone(wall, meeting.time_zone),
            room=room,
            defaults={"title": title, "kind": kind, "duration": minutes, "session": session},
        )
        for order, (name, role) in enumerate(speakers):
            Speaker.objects.update_or_create(
                item=item, name=name, role=role, defaults={"order": order}
            )
        item.speakers.exclude(name__in=[name for name, _role in speakers]).delete()


def _registrations(meeting: Meeting, cities: dict[str, City]) -> None:
    moment = meeting.published_at
    for n, (kind, city_slug, role, organisation) in enumerate(_attendance(meeting.slug)):
        city = cities.get(city_slug or "")
        organisation = organisation or (f"City of {city.name}" if city else "")
        registered = moment + timedelta(hours=n)
        # "guest:local_expert": a guest (no account) of that role category.
        kind, _colon, category = kind.partition(":")
        Registration.objects.update_or_create(
            meeting=meeting,
            name=f"{role}, {organisation}",
            defaults={
                "organisation": organisation,
                "city": city,
                "place": city.name if city and category else "",
                "country": city.country if city and category else "",
                "guest_category": category,
                "role": role,
                "kind": kind,
                "status": Registration.Status.CONFIRMED,
                "attended": True,
                "created_at": registered,
                "status_changed_at": registered,
            },
        )


def _decisions(meeting: Meeting, spec: dict, cities: dict[str, City]) -> None:
    for n, (title, due, followups) in enumerate(spec["decisions"]):
        decision, _ = Decision.objects.update_or_create(
            meeting=meeting,
            title=title,
            defaults={"due_date": due, "created_at": meeting.ends_at + timedelta(minutes=n)},
        )
        for slug, done_on in followups.items():
            done_at = in_zone(datetime.combine(done_on, time(12)), "UTC") if done_on else None
            FollowUp.objects.update_or_create(
                decision=decision,
                city=cities[slug],
                defaults={
                    "status": FollowUp.Status.DONE if done_on else FollowUp.Status.OPEN,
                    "done_at": done_at,
                },
            )


def meetings_demo_load(*, cities: dict[str, City]) -> None:
    """Load the seed's meetings; ``cities`` maps the seed's slugs to the loaded cities."""
    _refuse_in_production()
    with transaction.atomic():
        for spec in MEETINGS:
            meeting = _meeting(spec, cities)
            _agenda(meeting, spec)
            _registrations(meeting, cities)
            _decisions(meeting, spec, cities)
