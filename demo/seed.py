"""The working group's 2020 work plan and 2019 achievements, as data.

Source: the working group's own document (shared seed). Typos of the source are corrected;
nothing is invented beyond a handful of further member cities for the map, whose records hold
only name, country and coordinates. Staff contacts are named by role, not by person.
"""

from __future__ import annotations

INTRODUCTION = (
    "This working group is committed to fight discrimination and exploitation, and foster the "
    "inclusion of Europe's biggest minority – the Roma community. The cities of the working group "
    "exchange good practices and share experiences on integration policies at local level. The "
    "group's focus is to actively involve cities and raise awareness of their important role in "
    "the EU framework and the national Roma inclusion strategies."
)

NETWORK = "EUROCITIES"
# The seed names the framework only as "SAF strategy"; no expansion is given, so none is made.
PRIORITY_FRAMEWORK = "SAF strategy"

# (slug, name, country, latitude, longitude, membership, time zone)
CITIES = [
    ("turin", "Turin", "IT", 45.07049, 7.68682, "member", "Europe/Rome"),
    ("berlin", "Berlin", "DE", 52.52000, 13.40495, "member", "Europe/Berlin"),
    ("toulouse", "Toulouse", "FR", 43.60465, 1.44421, "member", "Europe/Paris"),
    ("braga", "Braga", "PT", 41.54540, -8.42651, "member", "Europe/Lisbon"),
    ("ghent", "Ghent", "BE", 51.05434, 3.71742, "member", "Europe/Brussels"),
    ("barcelona", "Barcelona", "ES", 41.38506, 2.17340, "member", "Europe/Madrid"),
    ("helsinki", "Helsinki", "FI", 60.16986, 24.93838, "member", "Europe/Helsinki"),
    ("prague", "Prague", "CZ", 50.07554, 14.43780, "member", "Europe/Prague"),
    ("budapest", "Budapest", "HU", 47.49791, 19.04023, "member", "Europe/Budapest"),
    ("athens", "Athens", "GR", 37.98381, 23.72754, "member", "Europe/Athens"),
    ("malmo", "Malmö", "SE", 55.60499, 13.00382, "member", "Europe/Stockholm"),
    ("skopje", "Skopje", "MK", 41.99812, 21.42544, "partner", "Europe/Skopje"),
    ("amsterdam", "Amsterdam", "NL", 52.36757, 4.90414, "member", "Europe/Amsterdam"),
    ("warsaw", "Warsaw", "PL", 52.22968, 21.01223, "member", "Europe/Warsaw"),
    ("bucharest", "Bucharest", "RO", 44.42677, 26.10254, "member", "Europe/Bucharest"),
    ("madrid", "Madrid", "ES", 40.41678, -3.70379, "observer", "Europe/Madrid"),
]

STRATEGIC_OBJECTIVES = [
    ("1.1", "Fight urban poverty and social exclusion"),
    ("1.2", "Ensure access to adequate and affordable housing"),
    ("1.3", "Facilitate the inclusion of refugees, migrants, ethnic minorities and people"),
    ("1.4", "Ensure quality and inclusive education"),
]

STAKEHOLDERS = [
    # (name, short name, kind, parent short name)
    ("European Commission", "European Commission", "eu_institution", None),
    (
        "Directorate-General for Justice and Consumers",
        "DG JUST",
        "eu_institution",
        "European Commission",
    ),
    ("European Parliament", "European Parliament", "eu_institution", None),
    ("European Union Agency for Fundamental Rights", "FRA", "eu_institution", None),
    (
        "Office of the United Nations High Commissioner for Human Rights",
        "OHCHR",
        "international",
        None,
    ),
    ("Council of Europe", "Council of Europe", "international", None),
    ("Eurodiaconia", "Eurodiaconia", "network", None),
]

CONTACTS = [
    ("Staff contact of the working group", "EUROCITIES"),
    ("Policy and funding officer", "EUROCITIES Brussels office"),
]

# Each activity: key, kind, title, description, host city, season, dates, stakeholders. Whether
# it was done is not typed: it comes from its evidence (see demo/accountability.py).
OBJECTIVES_2020 = [
    {
        "number": 1,
        "title": "Capacity building of cities on fighting and preventing school dropout of Roma children",
        "priority": "A good start in life for all children and young people",
        "activities": [
            {
                "key": "turin-2020",
                "kind": "policy_transfer",
                "title": "Policy transfer or critical friend review in Turin on local strategies for "
                "fighting and preventing school dropout of Roma children",
                "host": "turin",
                "season": "spring",
            },
            {
                "key": "school-dropout-guidelines",
                "kind": "guideline",
                "title": "Policy guidelines on fighting and preventing school dropout of Roma children",
                "description": "Develop policy guidelines on fighting and preventing school dropout "
                "of Roma children.",
            },
            {
                "key": "replicating-plans-2020",
                "kind": "action_plan_drafting",
                "title": "Action plans for 5 replicating cities",
                "description": "Draft action plans for 5 replicating cities which commit to work "
                "on this issue.",
            },
        ],
    },
    {
        "number": 2,
        "title": "Capacity building of cities on inclusion of foreign Roma and strengthening "
        "self-organisation through community building",
        "priority": "Diversity, social cohesion and integration of refugees and migrants",
        "activities": [
            {
                "key": "berlin-2020",
                "kind": "working_group_meeting",
                "title": "Working group meeting in Berlin on inclusion of foreign Roma and "
                "strengthening self-organisation through community building",
                "description": "Review outcomes of the Berlin Roma Inclusion Action Plan, including "
                "the external evaluation methodology.",
                "host": "berlin",
                "season": "autumn",
            },
        ],
    },
    {
        "number": 3,
        "title": "Policy and advocacy towards the new Commission and upcoming legislation",
        "priority": None,
        "activities": [
            {
                "key": "advocacy-post-2020",
                "kind": "advocacy",
                "title": "Advocate for a Roma strategy post-2020",
                "description": "Advocate for a Roma strategy post-2020 in line with the needs of "
                "cities to foster Roma inclusion at local level, in coordination with other "
                "European networks involved in Roma inclusion.",
            },
            {
                "key": "advocacy-antidiscrimination",
                "kind": "advocacy",
                "title": "Advocate for support to local measures for Roma inclusion under new "
                "antidiscrimination legislation",
            },
            {
                "key": "advocacy-new-institutions",
                "kind": "advocacy",
                "title": "Establish relations with the new European Commission and the recently "
                "elected European Parliament",
                "stakeholders": ["European Commission", "European Parliament"],
            },
            {
                "key": "advocacy-collaboration",
                "kind": "advocacy",
                "title": "Continue our collaboration with the FRA, OHCHR, Council of Europe and "
                "European Commission and DG JUST on Roma inclusion",
                "stakeholders": [
                    "FRA",
                    "OHCHR",
                    "Council of Europe",
                    "European Commission",
                    "DG JUST",
                ],
            },
            {
                "key": "braga-progress-2020",
                "kind": "progress_report",
                "title": "Report on Braga's progress in its local action plan for Roma inclusion",
                "description": "A follow-up to the critical friend review of September 2019.",
                "host": "braga",
            },
        ],
    },
]

ACTIVITIES_2019 = [
    {
        "key": "toulouse-2019",
        "kind": "policy_transfer",
        "title": "Policy transfer in Toulouse on housing support for the Roma community",
        "description": "City officers discussed with local policy-makers, beneficiaries and "
        "practitioners how to transfer inspiring practices from Toulouse's policy to support Roma "
        "to move out of camps into adequate housing.",
        "host": "toulouse",
        "outcomes": "The transfer cities drafted action plans on their own local challenges "
        "related to housing of the Roma community and already took follow-up actions.",
    },
    {
        "key": "braga-2019",
        "kind": "critical_friend_review",
        "title": "Critical friend review in Braga",
        "description": "Local experts discovered the city's Integrated Plan of Action for "
        "Disadvantaged Communities and its action in 3 social neighbourhoods. Local experts from "
        "North Macedonia were invited.",
        "host": "braga",
        "start": (2019, 9, 24),
        "end": (2019, 9, 26),
        "outcomes": "Braga reflected on future actions, drafted jointly with other cities, to "
        "scale up its local strategy into a new neighbourhood.",
    },
    {
        "key": "housing-guidelines",
        "kind": "guideline",
        "title": "Guidelines on moving Roma out of camps into adequate housing",
        "description": "Produced by city experts after the Toulouse policy transfer.",
    },
    {
        "key": "transfer-plans-2019",
        "kind": "action_plan_drafting",
        "title": "Action plans of the transfer cities on housing of the Roma community",
    },
    {
        "key": "integrated-plans-guidelines",
        "kind": "guideline",
        "title": "Guidelines on integrated city plans",
        "description": "Drafted to further transfer the knowledge acquired during the critical "
        "friend review in Braga.",
    },
]

ADVOCACY_2019 = [
    {
        "key": "coe-presentation",
        "kind": "presentation",
        "title": "Presentation of good practices at the Council of Europe",
        "stakeholders": ["Council of Europe"],
    },
    {
        "key": "eurodiaconia-hearing",
        "kind": "hearing",
        "title": "Intervention on the future EU Roma strategy at the Eurodiaconia hearing",
        "stakeholders": ["Eurodiaconia"],
    },
    {
        "key": "coordination-meetings",
        "kind": "meeting",
        "title": "Stakeholders' coordination meetings on the future EU Roma strategy",
        "stakeholders": [],
    },
    {
        "key": "framework-contribution",
        "kind": "contribution",
        "title": "Contribution to the EU Roma framework post-2020",
        "description": "It served as a basis for discussions and meetings with the European "
        "Commission, in particular DG JUST.",
        "stakeholders": ["European Commission", "DG JUST"],
    },
    {
        "key": "pillar-pledges",
        "kind": "campaign",
        "title": "Campaign on city pledges to the implementation of the European Pillar of "
        "Social Rights",
        "description": "Cities committed to the implementation of principle 3 on equal "
        "opportunities.",
        "stakeholders": [],
    },
]

ACHIEVEMENTS_2019 = [
    {
        "number": 1,
        "title": "Increasing capacities of cities on housing support for the Roma community",
        "narrative": "This was the focus of the policy transfer organised in Toulouse, where {officers} "
        "city officers from {cities} European cities discussed with local policy-makers, beneficiaries "
        "and practitioners to discover how to transfer some inspiring practices from Toulouse's "
        "policy to support Roma to move out of camps into adequate housing in the city. By "
        "combining housing solutions and integrated social support, the city developed an "
        "innovative approach. {plans} transfer cities had the opportunity to draft action plans on "
        "their own local challenges related to housing of the Roma community and already took "
        "follow-up actions. City experts also produced guidelines to help moving Roma people out "
        "of camps into adequate housing.",
        # (key in the narrative, label, measure, which ones, activity, commitment)
        "figures": [
            ("officers", "city officers", "attendees", "city_officer", "toulouse-2019", None),
            ("cities", "European cities", "attending_cities", "", "toulouse-2019", None),
            (
                "plans",
                "transfer cities drafted action plans",
                "plan_cities",
                "",
                "transfer-plans-2019",
                None,
            ),
        ],
        "activities": ["toulouse-2019", "transfer-plans-2019", "housing-guidelines"],
        "advocacy": [],
        "cities": ["toulouse"],
    },
    {
        "number": 2,
        "title": "A growing working group with a wider geographical representation",
        "narrative": "The working group continued to grow in terms of active members in 2019 and "
        "improved its geographical representation in meetings, especially by inviting local "
        "experts from North Macedonia to the critical friend review in Braga. This meeting "
        "gathered on 24–26 September {experts} local experts from {cities} cities to discover the city's "
        "Integrated Plan of Action for Disadvantaged Communities and its action in 3 social "
        "neighbourhoods. The critical friend review gave Braga the opportunity to reflect on "
        "future actions, jointly drafted with other cities, to scale up its local strategy into a "
        "new neighbourhood. Guidelines on integrated city plans are being drafted to further "
        "transfer the knowledge acquired during the meeting.",
        "figures": [
            ("experts", "local experts", "attendees", "guest:local_expert", "braga-2019", None),
            ("cities", "cities", "attending_cities", "", "braga-2019", None),
        ],
        "activities": ["braga-2019", "integrated-plans-guidelines"],
        "advocacy": [],
        "cities": ["braga"],
    },
    {
        "number": 3,
        "title": "Promoting the role and views of cities with key European stakeholders",
        "narrative": "EUROCITIES was involved with key European stakeholders to promote the role "
        "and views of cities. A presentation of good practices was held at the Council of Europe "
        "and we intervened in different meetings on the future EU Roma strategy, including the "
        "Eurodiaconia hearing and stakeholders' coordination meetings. The EUROCITIES "
        "contribution to the EU Roma framework post-2020 also served as a basis for discussions "
        "and meetings with the European Commission, in particular DG JUST. Cities' commitment to "
        "including Roma people was also represented in the EUROCITIES campaign on city pledges to "
        "the implementation of the European Pillar of Social Rights, in particular with {pledged} "
        "cities committed to the implementation of principle 3 on equal opportunities.",
        "figures": [
            (
                "pledged",
                "cities pledged to principle 3 on equal opportunities",
                "pledging_cities",
                "",
                None,
                "pillar-principle-3",
            ),
        ],
        "activities": [],
        "advocacy": [
            "coe-presentation",
            "eurodiaconia-hearing",
            "coordination-meetings",
            "framework-contribution",
            "pillar-pledges",
        ],
        "cities": [],
    },
]

# What cities pledged to. The seed counts seven cities pledged to principle 3 without naming
# them: the demo gives the pledge to seven member cities so that the figure has records behind
# it (no statement or source is invented); a real portal holds the real list.
COMMITMENTS = {
    "pillar-principle-3": (
        "European Pillar of Social Rights",
        "Principle 3: equal opportunities",
    ),
}
PLEDGES = [
    ("pillar-principle-3", slug, 2019)
    for slug in ["barcelona", "ghent", "helsinki", "amsterdam", "toulouse", "turin", "berlin"]
]

# Records that show the 2019 and 2020 activities were done, beyond those that point at their
# activity by themselves (meetings, transfers, guidelines): (activity key, kind of record, which).
EVIDENCE = [
    ("transfer-plans-2019", "toulouse_transfer_plans", None),
    ("replicating-plans-2020", "replicating_plans", None),
    ("braga-progress-2020", "braga_plan", None),
    ("braga-progress-2020", "braga_updates", None),
]

# Demo accounts: (email, is staff, city slug or None, role, first name, last name). The people
# are made up: the seed names no officer.
ACCOUNTS = [
    ("staff@example.org", True, None, None, "Sofia", "Martens"),
    ("braga@example.org", False, "braga", "lead", "Ana", "Costa"),
    ("turin@example.org", False, "turin", "lead", "Luca", "Ferrero"),
]

# The demo staff account's TOTP secret (base32). Development data only, like the password.
DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
