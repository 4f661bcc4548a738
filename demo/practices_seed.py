"""Demo content for the portal's library of good practices and guidelines.

Written for the demo of the portal of the working group on Roma inclusion: plausible municipal
measures and guidelines, not a record of real programmes. The figures are illustrative. Only the
facts taken from the working group's 2020 work plan and 2019 achievements (see demo/seed.py) are
meant to be accurate: the Toulouse policy transfer on moving Roma out of camps into housing, the
critical friend review of Braga's Integrated Plan of Action for Disadvantaged Communities, Berlin's
Roma Inclusion Action Plan with its external evaluation and Turin's strategy against school
dropout. Contacts are services, never persons; results describe groups, never individuals, and
hold no ethnic data about individuals. Links are left empty on purpose: no invented addresses.

PRACTICES: one dict per good practice. Codes: themes (education, housing, employment, health,
anti-discrimination, community-building, foreign-roma), funding (municipal, national, esf-plus,
erdf, other), strategic objectives 1.1-1.4 and network priorities as in demo/seed.py. Transfers
are (adopting city slug, stage, what was adapted) with stage understand, adapt or reuse.

GUIDELINES: one dict per guideline, with authors as (role, city slug or None, organisation) and
sections with their recommendations.
"""

from __future__ import annotations

GOOD_START = "A good start in life for all children and young people"
DIVERSITY = "Diversity, social cohesion and integration of refugees and migrants"

EUROCITIES_AUTHOR = ("Policy and funding officer", None, "EUROCITIES Brussels office")

PRACTICES = [
    {
        "slug": "toulouse-from-camps-to-housing",
        "city": "toulouse",
        "title": (
            "From camps to housing: integrated support for Roma families leaving informal "
            "settlements"
        ),
        "summary": (
            "Toulouse supports Roma families living in camps and squats to move into adequate, "
            "stable housing. Each household is offered a housing solution matched to its "
            "situation, together with integrated social support on residence rights, income, "
            "schooling and health. The approach was the focus of the working group's 2019 policy "
            "transfer."
        ),
        "description": (
            "<p>For years several hundred people, most of them Roma from Romania and Bulgaria, "
            "lived in camps and squats across the Toulouse area. Repeated evictions moved families "
            "from one site to the next, interrupted schooling and health care, and solved nothing. "
            "In 2014 the city and its partners changed course: sites would be closed by offering "
            "every household a route into housing, not by clearing them.</p>"
            "<p>The approach combines elements that are usually run separately:</p>"
            "<ul><li><strong>A range of housing solutions</strong>: small temporary insertion "
            "sites with individual units, intermediary rental housing managed by a social rental "
            "agency, and access to ordinary social housing, chosen with each household rather than "
            "for it.</li><li><strong>Integrated social support</strong>: one referent social "
            "worker per household, who coordinates help with residence rights, income, employment, "
            "school enrolment and health.</li><li><strong>Shared governance</strong>: the city, "
            "State services and associations keep a common list of households and review "
            "situations together every month.</li>"
            "</ul><p>A site is closed only once every household living there has received an "
            "offer. In 2019 Toulouse hosted the working group's policy transfer on this approach: "
            "35 city officers from 15 European cities met local policy-makers, practitioners and "
            "rehoused residents to see which elements could work in their own cities.</p>"
        ),
        "themes": ["housing", "foreign-roma"],
        "target_group": (
            "Roma households, mainly from Romania and Bulgaria, living in camps, squats and "
            "informal settlements"
        ),
        "start_year": 2014,
        "end_year": None,
        "funding": ["municipal", "national", "esf-plus"],
        "results": (
            "By the end of 2019 around 180 households had left camps and squats for temporary or "
            "permanent housing, and eleven informal sites had been closed without forced eviction. "
            "Among households supported for more than two years, most had at least one adult in "
            "work or training, and the children of school age were enrolled in school. After the "
            "2019 policy transfer, four cities drafted action plans on their own housing "
            "challenges and took first follow-up steps."
        ),
        "success_factors": (
            "A political decision to end camps through rehousing rather than eviction. One "
            "referent worker per household for as long as needed, often two to three years. A "
            "flexible housing offer, with small temporary sites as a step and not an end point. "
            "Joint steering between the city and State services, so that residence and benefit "
            "questions are solved alongside housing."
        ),
        "transferability": (
            "The method does not rely on a specific French instrument. A city needs a mix of "
            "transitional and permanent housing, a social work team able to follow households over "
            "time and an agreement with national services on residence and benefits. Cities with "
            "few vacant social dwellings can begin with transitional solutions while they "
            "negotiate allocation quotas with social landlords."
        ),
        "lessons_learnt": (
            "Early attempts to rehouse whole sites at once failed: households were at very "
            "different stages, and the pressure led to refusals and returns to squats. Working "
            "household by household, with a clear offer, proved more effective. Temporary sites "
            "need an agreed end date, or they turn into new camps. Opposition from neighbours was "
            "underestimated at first; information meetings before families moved in reduced "
            "conflicts."
        ),
        "contact_role": "Social cohesion and Roma inclusion mission, City of Toulouse",
        "links": [],
        "strategic_objectives": ["1.2", "1.3", "1.1"],
        "priority": DIVERSITY,
        "published_year": 2019,
        "transfers": [
            (
                "athens",
                "adapt",
                (
                    "Athens adapted the household-by-household case review to plan the relocation "
                    "of families from two settlements, with prefabricated units as its "
                    "transitional step."
                ),
            ),
            (
                "barcelona",
                "adapt",
                (
                    "Barcelona adapted the referent worker model for families in shanty "
                    "settlements and linked it to its municipal rental housing programme."
                ),
            ),
            (
                "bucharest",
                "adapt",
                (
                    "Bucharest adapted the joint steering with national services to secure "
                    "identity documents and benefits before households are rehoused."
                ),
            ),
            (
                "skopje",
                "adapt",
                (
                    "Skopje adapted the graduated housing offer, using renovated municipal "
                    "buildings as transitional housing for families living in informal dwellings."
                ),
            ),
        ],
    },
    {
        "slug": "toulouse-school-access-camps-squats",
        "city": "toulouse",
        "title": "School enrolment and transport for children living in camps and squats",
        "summary": (
            "A small school access team enrols children who live in camps, squats and temporary "
            "sites and makes sure they can actually get to school. It removes the practical "
            "obstacles, such as proof of address, transport and canteen fees, and prepares "
            "teachers to welcome the children."
        ),
        "description": (
            "<p>Children living in informal settlements in Toulouse were often refused or delayed "
            "at enrolment because their families could not prove an address, and many stopped "
            "attending after each eviction. In 2016 the city set up a school access team of two "
            "mediators, attached to the education department and working with the local education "
            "authority.</p><h3>What the team does</h3>"
            "<ul><li>It identifies children of school age on each site and helps families put "
            "together the enrolment file, using the postal address of a social service where "
            "needed.</li><li>It arranges school bus passes, or a shuttle when a site is far from "
            "the nearest school.</li><li>It obtains free canteen access and a starter kit of "
            "school supplies.</li><li>It meets teachers before a child arrives and checks "
            "attendance weekly during the first term.</li>"
            "<li>When a family moves to temporary housing, it tries to keep the child in the same "
            "school.</li></ul><p>The team is part of the integrated support of Toulouse's housing "
            "approach, but it starts earlier: a child is enrolled while the family still lives on "
            "a site, not only after rehousing. Parents are invited to visit the school and to meet "
            "the mediator regularly, with an interpreter if they wish.</p>"
        ),
        "themes": ["education", "foreign-roma"],
        "target_group": (
            "Children aged 3 to 16 living in camps, squats and temporary sites, and their parents"
        ),
        "start_year": 2016,
        "end_year": None,
        "funding": ["municipal", "national"],
        "results": (
            "Over three school years the team supported the enrolment of about 400 children. The "
            "average time between a request and a child's first day at school fell from several "
            "months to around three weeks. Schools receiving children from the sites reported "
            "better attendance in the first term."
        ),
        "success_factors": (
            "A named contact for head teachers. An agreement with the education authority on "
            "enrolment without proof of a permanent address. Free canteen meals and transport, "
            "which removed the most frequent reasons for absence."
        ),
        "transferability": (
            "Applicable wherever children live in informal or temporary accommodation. The main "
            "condition is an agreement with the school authority on enrolment without a fixed "
            "address, which many national rules already allow but local practice often ignores."
        ),
        "lessons_learnt": (
            "Enrolment alone did not keep children in school: after evictions attendance dropped "
            "sharply, one of the reasons the city moved away from evictions. Catch-up support for "
            "older children who had never been to school was insufficient in the first years; a "
            "class for newly arrived pupils with little prior schooling was added in 2018."
        ),
        "contact_role": "School access team, Education department, City of Toulouse",
        "links": [],
        "strategic_objectives": ["1.4", "1.3"],
        "priority": GOOD_START,
        "published_year": 2018,
        "transfers": [],
    },
    {
        "slug": "braga-integrated-plan-disadvantaged-communities",
        "city": "braga",
        "title": (
            "Integrated Plan of Action for Disadvantaged Communities in three social neighbourhoods"
        ),
        "summary": (
            "Braga's Integrated Plan of Action for Disadvantaged Communities brings housing "
            "renovation, education, employment and participation together in three social "
            "neighbourhoods where many Roma families live. Peers from other cities reviewed the "
            "plan during the working group's critical friend review in September 2019."
        ),
        "description": (
            "<p>The plan covers three municipal social housing neighbourhoods with high "
            "unemployment, early school leaving and poor housing conditions. Many residents are "
            "Roma, but the plan addresses all residents of the neighbourhoods: this avoids "
            "singling out one group while making sure that Roma families are reached.</p>"
            "<h3>Four lines of action</h3><ol><li><strong>Housing and public space</strong>: "
            "renovation of buildings, repair of common areas and a neighbourhood maintenance "
            "team.</li><li><strong>Education</strong>: pre-school places, school mediators and "
            "study support in each neighbourhood.</li>"
            "<li><strong>Employment and training</strong>: a neighbourhood employment desk and "
            "vocational courses linked to local employers.</li>"
            "<li><strong>Participation</strong>: a residents' committee in each neighbourhood, "
            "meeting the municipal team every two months.</li>"
            "</ol><p>For each neighbourhood a municipal coordinator brings together city services, "
            "school clusters, the health centre and local associations around one yearly action "
            "plan, monitored with a shared set of neighbourhood indicators.</p>"
            "<p>During the critical friend review on 24–26 September 2019, 22 local experts from "
            "12 cities, including experts from North Macedonia, visited the neighbourhoods and "
            "discussed the plan with residents and staff. Their feedback helped Braga prepare the "
            "extension of its local strategy to a new neighbourhood.</p>"
        ),
        "themes": ["community-building", "housing", "education"],
        "target_group": (
            "All residents of three municipal social housing neighbourhoods, with particular "
            "attention to Roma families"
        ),
        "start_year": 2016,
        "end_year": None,
        "funding": ["municipal", "erdf", "esf-plus"],
        "results": (
            "More than 60 dwellings were renovated with tenants staying in place, and pre-school "
            "attendance of children aged 3 to 5 in the three neighbourhoods rose clearly. About 90 "
            "residents completed vocational training between 2017 and 2019. Each neighbourhood now "
            "has an active residents' committee."
        ),
        "success_factors": (
            "A neighbourhood coordinator with a mandate to convene all services. One yearly plan "
            "instead of separate projects. Combining EU funds for renovation with funds for social "
            "measures. Residents' committees with a real say in the yearly plan."
        ),
        "transferability": (
            "The area-based model suits cities where Roma families are concentrated in a few "
            "social housing estates. It needs a municipal lead able to coordinate departments and "
            "access to both ERDF and ESF+ funding, or national equivalents. The peers saw the "
            "shared neighbourhood indicators as the element other cities can reuse most directly."
        ),
        "lessons_learnt": (
            "The peers noted that Roma residents, and Roma women in particular, were "
            "under-represented in the residents' committees; Braga has since organised separate "
            "preparatory meetings. Indicators were at first collected differently in each "
            "neighbourhood, which made comparison difficult. Renovation works delayed by "
            "procurement caused frustration and a loss of trust that community work had to rebuild."
        ),
        "contact_role": "Department of Social Cohesion, Municipality of Braga",
        "links": [],
        "strategic_objectives": ["1.1", "1.2", "1.4"],
        "priority": None,
        "published_year": 2019,
        "transfers": [
            (
                "skopje",
                "understand",
                (
                    "Skopje's experts studied the neighbourhood coordinator role and the "
                    "residents' committees with a view to an area-based plan for one of its "
                    "districts."
                ),
            ),
            (
                "prague",
                "understand",
                (
                    "Prague examined how Braga combines renovation and social measures in a single "
                    "yearly neighbourhood plan."
                ),
            ),
        ],
    },
    {
        "slug": "braga-neighbourhood-employment-desk",
        "city": "braga",
        "title": "Neighbourhood employment desks in social housing estates",
        "summary": (
            "An employment desk in each of Braga's social neighbourhoods offers job counselling, "
            "referrals to training and contacts with employers within walking distance of "
            "residents' homes. The desks are part of the city's integrated plan and are open to "
            "all residents."
        ),
        "description": (
            "<p>Before 2017, residents of Braga's social neighbourhoods had to go to the central "
            "employment office. Many Roma residents said they felt unwelcome there, and "
            "appointments were short and focused on benefit conditions. The employment desks bring "
            "the service to the neighbourhood.</p>"
            "<ul><li>Each desk is open three half-days a week in a community room.</li>"
            "<li>A job counsellor works in a pair with a community worker who lives in one of the "
            "neighbourhoods.</li><li>Residents get help with CVs, online job searches and driving "
            "licences, and with having informal skills recognised, for example in trading or "
            "building work.</li><li>Short vocational courses in cleaning, gardening, catering and "
            "construction are organised with training providers and with local firms that agree in "
            "advance to interview graduates.</li>"
            "<li>A small fund covers transport and childcare during training, two costs that often "
            "made people drop out.</li></ul><p>The desks work closely with the public employment "
            "service, which recognises registrations and counselling done in the neighbourhood. "
            "Since 2018 a group for women meets every week with childcare on site.</p>"
        ),
        "themes": ["employment"],
        "target_group": (
            "Unemployed and inactive adults living in the social neighbourhoods, including many "
            "Roma women and men"
        ),
        "start_year": 2017,
        "end_year": None,
        "funding": ["esf-plus", "municipal"],
        "results": (
            "Between 2017 and 2019 about 420 residents used the desks, 160 completed a course and "
            "around 110 found work, mostly on fixed-term contracts. Participation of women "
            "increased markedly after the women's group started."
        ),
        "success_factors": (
            "Proximity. A community worker whom residents trust. Agreements with employers before "
            "a course begins. Covering transport and childcare."
        ),
        "transferability": (
            "Easy to reproduce in any city whose public employment service is willing to delegate "
            "some tasks. The costs are mainly staff time and a small support fund."
        ),
        "lessons_learnt": (
            "Many jobs were short-term and some participants came back to the desk within a year, "
            "so follow-up after placement was added in 2019. Courses designed without employers "
            "did not lead to jobs and were discontinued."
        ),
        "contact_role": "Employment and training unit, Municipality of Braga",
        "links": [],
        "strategic_objectives": ["1.1"],
        "priority": None,
        "published_year": 2020,
        "transfers": [],
    },
    {
        "slug": "berlin-roma-inclusion-action-plan",
        "city": "berlin",
        "title": "Roma Inclusion Action Plan and its external evaluation",
        "summary": (
            "Berlin's Roma Inclusion Action Plan coordinates measures across the city's "
            "administrations for Roma who have moved from other EU countries, alongside "
            "long-established Roma and Sinti communities. Roma self-organisations play a central "
            "role, and an external evaluation assesses the plan; its outcomes and methodology are "
            "reviewed at the working group's autumn 2020 meeting in Berlin."
        ),
        "description": (
            "<p>Berlin adopted its action plan when the number of Roma arriving from Romania and "
            "Bulgaria grew and local services were not prepared. The plan brings together the "
            "city-state's administrations and the districts around shared measures in:</p>"
            "<ul><li>education, with welcome classes and school mediators;</li>"
            "<li>housing, including emergency accommodation and advice against exploitative "
            "rentals;</li><li>health, with consultations for people without health insurance;</li>"
            "<li>employment and counselling on social rights;</li>"
            "<li>anti-discrimination and the fight against antigypsyism.</li>"
            "</ul><p>Many measures are delivered by associations through grants, and Roma "
            "self-organisations are among them. Community building and self-organisation are "
            "treated as aims in their own right: Roma organisations take part in steering "
            "meetings, and several services are run by Roma staff.</p>"
            "<h3>The external evaluation</h3><p>An independent team evaluates the plan measure by "
            "measure and as a whole. Its methodology combines output monitoring of each funded "
            "project, interviews with service users in their own language, focus groups with staff "
            "and Roma organisations, and an analysis of cooperation between administrations. "
            "<em>No ethnic data on individuals are collected</em>: indicators refer to services, "
            "districts and target groups as the measures define them. Recommendations from the "
            "evaluation feed into each revision of the plan.</p>"
        ),
        "themes": ["foreign-roma", "community-building", "anti-discrimination"],
        "target_group": (
            "Roma who moved to Berlin from other EU countries, long-established Roma and Sinti, "
            "and the services working with them"
        ),
        "start_year": 2013,
        "end_year": None,
        "funding": ["municipal", "other"],
        "results": (
            "More than 30 measures have been funded across the city, and counselling services "
            "reach several thousand people a year. The evaluation found better school enrolment of "
            "newly arrived children and improved cooperation between districts, and recommended "
            "more stable funding for self-organisations."
        ),
        "success_factors": (
            "A plan adopted by the city government, with a named coordinating office. Roma "
            "self-organisations involved in both design and delivery. An evaluation built in from "
            "the start rather than added at the end."
        ),
        "transferability": (
            "The governance model suits large cities with several administrative levels. The "
            "evaluation methodology, based on mixed methods, interviews in Romani and other "
            "languages and no ethnic data on individuals, can be reused by smaller cities with a "
            "narrower scope."
        ),
        "lessons_learnt": (
            "Yearly project funding made it hard for small organisations to keep trained staff. "
            "Some districts engaged much less than others, and the plan had no instrument to make "
            "them act. Housing remained the weakest area: advice alone could not counter "
            "overcrowded and exploitative rentals."
        ),
        "contact_role": "Roma inclusion coordination office, City of Berlin",
        "links": [],
        "strategic_objectives": ["1.3", "1.1"],
        "priority": DIVERSITY,
        "published_year": 2018,
        "transfers": [
            (
                "ghent",
                "understand",
                (
                    "Ghent studied the evaluation methodology to design the monitoring of its own "
                    "policy on intra-EU migration."
                ),
            ),
            (
                "malmo",
                "adapt",
                (
                    "Malmö adapted the grant scheme for self-organisations by reserving part of "
                    "its community funding for Roma-led groups."
                ),
            ),
        ],
    },
    {
        "slug": "berlin-self-organisation-small-grants",
        "city": "berlin",
        "title": "Small grants and coaching for new Roma self-organisations",
        "summary": (
            "A small grants scheme with organisational coaching helps newly formed Roma groups, "
            "many founded by people who moved from other EU countries, to run their own activities "
            "and become partners of the city. Grants are modest and the application process is "
            "deliberately simple."
        ),
        "description": (
            "<p>Under the Roma Inclusion Action Plan, most funding at first went to established "
            "organisations that could handle complex applications. Groups founded by Roma who had "
            "recently arrived in Berlin were rarely among them. The small grants scheme was "
            "designed in 2017 to close this gap.</p>"
            "<ul><li>Grants of up to a few thousand euro a year support activities chosen by the "
            "group: homework help, women's groups, cultural events or information sessions on "
            "rights.</li><li>The application form has two pages and can be submitted in Romanian, "
            "Bulgarian or Romani as well as German.</li>"
            "<li>An experienced organisation coaches the groups on bookkeeping, association law, "
            "fundraising and reporting.</li><li>Once a year the groups present their work to "
            "district officials and to each other.</li>"
            "</ul><p>After two years, groups can apply to the city's regular funding programmes "
            "and keep their coach. The coordination office manages the scheme; its selection panel "
            "includes representatives of Roma organisations.</p>"
            "<p>The scheme is one of the ways the action plan strengthens self-organisation "
            "through community building, a topic of the working group's 2020 meeting in Berlin.</p>"
        ),
        "themes": ["community-building", "foreign-roma"],
        "target_group": (
            "Informal and newly registered groups led by Roma, in particular by Roma who moved to "
            "Berlin from other EU countries"
        ),
        "start_year": 2017,
        "end_year": None,
        "funding": ["municipal"],
        "results": (
            "Between 2017 and 2019, 24 groups received grants and nine registered as associations. "
            "Five went on to obtain regular city funding for services, among them two homework "
            "clubs and a counselling group for women."
        ),
        "success_factors": (
            "A low threshold for access. Coaching rather than control. A selection panel that "
            "includes Roma representatives. A clear path towards regular funding."
        ),
        "transferability": (
            "Any city with a small discretionary budget can reproduce it. The city must accept a "
            "higher administrative risk and plan enough coaching capacity."
        ),
        "lessons_learnt": (
            "Some groups were run by a single extended family and did not reach the wider "
            "community; the panel now asks how activities are open to others. Reporting forms were "
            "in German only at first, which discouraged several groups."
        ),
        "contact_role": "Roma inclusion coordination office, City of Berlin",
        "links": [],
        "strategic_objectives": ["1.3"],
        "priority": DIVERSITY,
        "published_year": 2020,
        "transfers": [],
    },
    {
        "slug": "turin-school-dropout-strategy",
        "city": "turin",
        "title": "Local strategy for fighting and preventing school dropout of Roma children",
        "summary": (
            "Turin's local strategy brings schools, social services, families and associations "
            "together to prevent Roma children from leaving school early. It combines early "
            "warning on absences, school mediation, educational support and work with parents, "
            "from pre-school to the end of lower secondary school. It is the focus of the working "
            "group's 2020 policy transfer."
        ),
        "description": (
            "<p>In Turin many Roma children, from Italian Roma and Sinti families as well as from "
            "families who came from the former Yugoslavia and Romania, start school late and leave "
            "during or soon after lower secondary school. The strategy treats dropout as a process "
            "that begins years before a child stops attending.</p>"
            "<h3>Main components</h3><ul><li><strong>Early warning</strong>: schools report "
            "repeated absences to a school–family mediator within two weeks, not at the end of "
            "term.</li><li><strong>School mediation</strong>: mediators, some of them from Roma "
            "communities, work with a group of schools, visit families and accompany children at "
            "key transitions.</li><li><strong>Educational support</strong>: after-school study "
            "groups and summer activities against learning loss.</li>"
            "<li><strong>Transition to secondary school</strong>: joint meetings of primary and "
            "secondary teachers with families before the move.</li>"
            "<li><strong>Parents</strong>: meetings at school, literacy courses for mothers and "
            "help with school forms and costs.</li>"
            "</ul><p>A local coordination table led by the education department brings school "
            "heads, social services, health services and associations together three times a year. "
            "Progress is monitored at school level, without recording the ethnicity of individual "
            "pupils.</p><p>The strategy is the subject of the working group's policy transfer in "
            "Turin in spring 2020 and of its guidelines on fighting and preventing school dropout "
            "of Roma children.</p>"
        ),
        "themes": ["education"],
        "target_group": (
            "Roma and Sinti children aged 3 to 16, their families and the schools they attend"
        ),
        "start_year": 2015,
        "end_year": None,
        "funding": ["municipal", "national", "esf-plus"],
        "results": (
            "In the schools involved, about two thirds of the pupils reported for repeated absence "
            "returned to regular attendance within a term. More children from the communities "
            "concerned now complete lower secondary school, and pre-school enrolment increased "
            "after a targeted campaign."
        ),
        "success_factors": (
            "Acting early on absences. Mediators who stay long enough to know families over "
            "several years. Attention to transitions between school levels. A coordination table "
            "that makes schools and social services share responsibility."
        ),
        "transferability": (
            "The components can be introduced one at a time. Cities with limited budgets often "
            "start with early warning and mediation, which depend more on organisation than on "
            "money. National rules on information sharing between schools and social services need "
            "to be checked first."
        ),
        "lessons_learnt": (
            "Mediators funded year by year left frequently, and each change set back trust with "
            "families. Study groups held far from where children live were poorly attended. In the "
            "first years the strategy focused on primary school, and the drop in attendance "
            "between ages 12 and 14 was addressed only later."
        ),
        "contact_role": "Intercultural and inclusion unit, Education department, City of Turin",
        "links": [],
        "strategic_objectives": ["1.4", "1.1"],
        "priority": GOOD_START,
        "published_year": 2020,
        "transfers": [
            (
                "athens",
                "understand",
                (
                    "Athens studied the early warning procedure on absences for the schools "
                    "serving its Roma settlements."
                ),
            ),
            (
                "warsaw",
                "understand",
                (
                    "Warsaw examined how mediators accompany children at the transition to "
                    "secondary school."
                ),
            ),
            (
                "madrid",
                "understand",
                (
                    "Madrid looked at the coordination table as a way to bring schools and social "
                    "services into one shared plan."
                ),
            ),
        ],
    },
    {
        "slug": "turin-early-childhood-outreach",
        "city": "turin",
        "title": "Early childhood outreach: from health visits to nursery places",
        "summary": (
            "A paediatric nurse and an early childhood educator visited families with young "
            "children in authorised camps and informal settlements together, combining health "
            "checks with information on nursery and pre-school places. The project ended in 2018, "
            "when part of its work was taken over by regular services."
        ),
        "description": (
            "<p>Few children from Turin's camps attended nursery or pre-school, and their first "
            "contact with education often came at the age of six. Many also had gaps in "
            "vaccinations and routine health checks. The project linked the two.</p>"
            "<ul><li>A paediatric nurse and an early childhood educator visited families with "
            "children under six once a month.</li>"
            "<li>Visits included growth checks, vaccination reminders and help to register with a "
            "family paediatrician.</li><li>The educator brought play materials, explained how "
            "nursery and pre-school work and helped with applications.</li>"
            "<li>Parents were invited to open mornings at the nearest pre-school, with transport "
            "provided.</li><li>An agreement with the education department reserved places in "
            "nearby nurseries.</li></ul><p>The visits also gave families a chance to raise other "
            "problems, such as documents, income or housing, which were referred to social "
            "services.</p><p>The project was funded by the city and a private foundation. When the "
            "foundation's support ended in 2018, the health visits continued within the local "
            "health service and enrolment support moved to the school mediators of the city's "
            "dropout strategy.</p>"
        ),
        "themes": ["education", "health"],
        "target_group": "Families with children under six living in camps and informal settlements",
        "start_year": 2012,
        "end_year": 2018,
        "funding": ["municipal", "other"],
        "results": (
            "By 2017 about 150 children had started nursery or pre-school through the project. The "
            "share of visited children with up-to-date vaccinations rose substantially, and many "
            "families registered with a family paediatrician for the first time."
        ),
        "success_factors": (
            "Joint health and education visits. Trust built through regular, predictable visits. "
            "Reserved places, so that a family's interest could turn into an actual enrolment."
        ),
        "transferability": (
            "Any city with community nursing or health visiting services can adapt it. The costs "
            "are mainly staff time and transport."
        ),
        "lessons_learnt": (
            "The project depended on foundation funding, and integration into regular services "
            "reduced the frequency of visits. Evictions interrupted follow-up for some families. "
            "Reserved places left unused at the start of the school year were lost, so "
            "applications had to be made earlier."
        ),
        "contact_role": "Early childhood services, Education department, City of Turin",
        "links": [],
        "strategic_objectives": ["1.4", "1.1"],
        "priority": GOOD_START,
        "published_year": 2017,
        "transfers": [],
    },
    {
        "slug": "ghent-school-bridge-figures",
        "city": "ghent",
        "title": "Bridge figures between schools and newly arrived families",
        "summary": (
            "Bridge figures are school-based workers who build trust between schools and families, "
            "with a focus on families who moved to Ghent from other EU countries, many of them "
            "Roma. They work on enrolment, attendance and communication between teachers and "
            "parents."
        ),
        "description": (
            "<p>From around 2008 Ghent saw the arrival of families from Central and Eastern "
            "Europe, many of them Roma from Slovakia, Bulgaria and Romania, who settled in a few "
            "neighbourhoods. Schools in those areas faced high absence rates, communication "
            "problems and mutual distrust between teachers and parents.</p>"
            "<p>The city placed bridge figures in primary schools with many newly arrived pupils. "
            "A bridge figure:</p><ul><li>welcomes new families and explains how the school system "
            "works;</li><li>follows up unexplained absences with a home visit in the same "
            "week;</li><li>organises coffee mornings for parents and accompanies them to meetings "
            "with teachers;</li><li>refers families to welfare, health and housing services;</li>"
            "<li>helps teachers understand the family situation behind a child's behaviour.</li>"
            "</ul><p>Several bridge figures speak Slovak, Bulgarian, Romanian or Romani, and some "
            "come from the communities themselves. They are employed by the city, not by "
            "individual schools, and work as a team, which allows peer support and a common "
            "approach. The team meets the city's intra-EU migration service every month.</p>"
        ),
        "themes": ["education", "foreign-roma"],
        "target_group": (
            "Primary school pupils from newly arrived EU families, many of them Roma, their "
            "parents and teachers"
        ),
        "start_year": 2011,
        "end_year": None,
        "funding": ["municipal", "national"],
        "results": (
            "Bridge figures now work in more than 30 schools. Participating schools report fewer "
            "unexplained absences and more parents attending meetings with teachers. Late "
            "enrolment of newly arrived children has become rare."
        ),
        "success_factors": (
            "Employment by the city, which gives continuity across schools. Language skills. A "
            "clear role, distinct from that of teachers and social workers."
        ),
        "transferability": (
            "Widely adaptable. Ghent's experience supports recruiting from the communities "
            "concerned, provided there is training and supervision."
        ),
        "lessons_learnt": (
            "At first some schools used bridge figures as interpreters or for disciplinary tasks, "
            "which damaged trust with families; a role description agreed with school heads was "
            "needed. Bridge figures alone cannot address overcrowded housing or frequent moves, "
            "which remain major causes of absence."
        ),
        "contact_role": "Education policy department, City of Ghent",
        "links": [],
        "strategic_objectives": ["1.4", "1.3"],
        "priority": GOOD_START,
        "published_year": 2016,
        "transfers": [
            (
                "amsterdam",
                "adapt",
                (
                    "Amsterdam adapted the role for primary schools with many Roma and Sinti "
                    "pupils and linked its bridge figures to the city's youth services."
                ),
            ),
        ],
    },
    {
        "slug": "ghent-housing-first-families",
        "city": "ghent",
        "title": "Housing First for families in precarious housing",
        "summary": (
            "Ghent adapted the Housing First approach for families with children living in squats, "
            "overcrowded rooms or shelters, including many Roma families from other EU countries. "
            "Families receive a rented home without preconditions and intensive, flexible support "
            "from a small team."
        ),
        "description": (
            "<p>Housing First was developed for homeless single adults with complex needs. Ghent's "
            "social services saw that the same principles could help families moving between "
            "squats, emergency shelters and overcrowded private rentals, a situation that affected "
            "many Roma families and harmed their children's schooling and health.</p>"
            "<h3>How it works</h3><ul><li>The city rents dwellings from private and social "
            "landlords and sublets them to families.</li>"
            "<li>Access does not depend on having a job or completing a programme; the only "
            "conditions are paying the rent and respecting the tenancy agreement.</li>"
            "<li>A support worker follows each family for as long as needed, visiting at least "
            "weekly in the first months.</li><li>Support covers rent and energy bills, schooling, "
            "health and employment, at the family's pace.</li>"
            "<li>After about two years, the lease can be transferred to the family's name.</li>"
            "</ul><p>Families are proposed by a panel of social services, schools and health "
            "workers, with priority for families with young children and families facing eviction. "
            "Caseloads are kept small, with no more than eight families per worker.</p>"
        ),
        "themes": ["housing"],
        "target_group": (
            "Families with children living in squats, shelters or severely overcrowded housing"
        ),
        "start_year": 2017,
        "end_year": None,
        "funding": ["municipal", "other"],
        "results": (
            "Between 2017 and 2019, 42 families were housed; 38 were still in their homes at the "
            "end of 2019, and twelve leases had been transferred to the families. Schools reported "
            "better attendance among the children of housed families."
        ),
        "success_factors": (
            "Permanent housing first, support second. Small caseloads. The city acting as tenant, "
            "which reassures private landlords."
        ),
        "transferability": (
            "Transferable wherever a city can rent or obtain dwellings. The main costs are the "
            "rent guarantee and staff; savings on emergency shelter partly offset them."
        ),
        "lessons_learnt": (
            "Finding dwellings large enough for big families was the main obstacle, and some "
            "families were housed in units that were too small. Relations with neighbours were "
            "difficult in a few cases; the team now introduces itself to neighbours before a "
            "family moves in. Families without any entitlement to income support were hard to "
            "include."
        ),
        "contact_role": "Public centre for social welfare, City of Ghent",
        "links": [],
        "strategic_objectives": ["1.2", "1.1"],
        "priority": None,
        "published_year": 2019,
        "transfers": [],
    },
    {
        "slug": "barcelona-job-coaching-roma-youth",
        "city": "barcelona",
        "title": "Job coaching and paid work placements for young Roma",
        "summary": (
            "Young people aged 16 to 29 in Barcelona neighbourhoods with high unemployment receive "
            "one-to-one job coaching, short training and paid placements with local employers. The "
            "programme is open to all young people in these areas but was designed with Roma "
            "associations in order to reach young Roma."
        ),
        "description": (
            "<p>Many young Roma in Barcelona leave school early and go into informal work, street "
            "markets or family businesses without qualifications. Mainstream employment programmes "
            "rarely reached them.</p><p>The programme works in three steps:</p>"
            "<ol><li><strong>Outreach and first contact</strong> through youth workers and Roma "
            "associations, in places where young people already meet.</li>"
            "<li><strong>An individual pathway</strong> with a job coach: skills assessment, short "
            "training in retail, logistics, catering or digital skills, and preparation for "
            "returning to adult education where needed.</li>"
            "<li><strong>A paid placement</strong> of three to six months with a local employer; "
            "the coach visits regularly and mediates when problems arise.</li>"
            "</ol><p>Young women can work with a female coach if they prefer, and sessions can be "
            "arranged around family responsibilities. Employers sign a charter covering "
            "non-discrimination, mentoring and a fair assessment at the end of the placement.</p>"
            "<p>The same coach follows the young person through all three steps, and for six "
            "months after the placement ends.</p>"
        ),
        "themes": ["employment"],
        "target_group": (
            "Young people aged 16 to 29 who are not in employment, education or training, with a "
            "focus on young Roma"
        ),
        "start_year": 2015,
        "end_year": None,
        "funding": ["esf-plus", "municipal"],
        "results": (
            "From 2015 to 2018 some 350 young people started a pathway. Around 60% completed a "
            "placement, and about 40% were in work or back in education six months later."
        ),
        "success_factors": (
            "Coaches who stay with the young person through the whole pathway. Paid rather than "
            "unpaid placements. Employers prepared in advance."
        ),
        "transferability": (
            "Widely transferable with ESF+ funding. The outreach phase needs partners whom young "
            "people and their families trust."
        ),
        "lessons_learnt": (
            "A first version required participants to have completed compulsory education, which "
            "excluded many; the condition was dropped. Some employers treated placements as cheap "
            "labour and were removed from the list. Results for young women were weaker until "
            "childcare support was added."
        ),
        "contact_role": "Employment and economic development agency, City of Barcelona",
        "links": [],
        "strategic_objectives": ["1.1"],
        "priority": GOOD_START,
        "published_year": 2018,
        "transfers": [],
    },
    {
        "slug": "barcelona-anti-roma-hate-speech-monitoring",
        "city": "barcelona",
        "title": "Monitoring and responding to anti-Roma hate speech",
        "summary": (
            "The city's non-discrimination office monitors anti-Roma hate speech in local media, "
            "on social networks and in public spaces, supports people who report incidents and "
            "responds publicly when needed. An annual report informs the city's policies and "
            "training."
        ),
        "description": (
            "<p>Anti-Roma stereotypes circulate widely, including in comments on local news and on "
            "social media, and rarely meet any response. Roma residents said they saw little point "
            "in reporting incidents. In 2018 the city's non-discrimination office set up a "
            "monitoring and response procedure.</p>"
            "<ul><li><strong>Monitoring</strong>: trained staff and volunteers review local online "
            "media and public social media pages every week, using a common grid to classify "
            "content.</li><li><strong>Reporting</strong>: residents can report incidents online, "
            "by phone or through Roma associations that act as reporting points.</li>"
            "<li><strong>Support</strong>: people affected receive legal advice, and the city "
            "supports complaints where the law allows.</li>"
            "<li><strong>Response</strong>: in serious cases the office contacts the platform or "
            "the media outlet, and the city may issue a public statement.</li>"
            "<li><strong>Prevention</strong>: findings are used in workshops in secondary schools "
            "and in sessions with journalists.</li>"
            "</ul><p>Only the content and context of incidents are recorded. The reporting form "
            "does not ask for the ethnicity of the person reporting.</p>"
        ),
        "themes": ["anti-discrimination"],
        "target_group": (
            "Roma residents affected by hate speech; local media, schools and the general public"
        ),
        "start_year": 2018,
        "end_year": None,
        "funding": ["municipal"],
        "results": (
            "The first annual report documented several hundred items of anti-Roma content, most "
            "of them on social media. Around 60 reports from residents were received in the first "
            "two years, and a number of items were removed after the office contacted platforms. "
            "Local media agreed to moderate comments on articles about Roma more actively."
        ),
        "success_factors": (
            "Reporting points in associations. A clear, simple classification grid. Visible "
            "follow-up, so that people see that a report leads somewhere."
        ),
        "transferability": (
            "Suitable for cities with an anti-discrimination office or a local equality body. The "
            "classification grid can be reused as it is."
        ),
        "lessons_learnt": (
            "Volunteers found the monitoring work draining and turnover was high, so supervision "
            "and rotation were introduced. Legal action was possible in only a few cases. Public "
            "statements sometimes amplified the original content; the office now decides case by "
            "case whether to respond publicly."
        ),
        "contact_role": "Office for non-discrimination, City of Barcelona",
        "links": [],
        "strategic_objectives": ["1.3"],
        "priority": DIVERSITY,
        "published_year": 2020,
        "transfers": [
            (
                "madrid",
                "adapt",
                (
                    "Madrid adapted the classification grid and the network of reporting points in "
                    "associations for its own equal treatment service."
                ),
            ),
        ],
    },
    {
        "slug": "barcelona-recycling-social-enterprise",
        "city": "barcelona",
        "title": "A recycling social enterprise for EU-mobile Roma scrap collectors",
        "summary": (
            "Many Roma who moved to Barcelona from Romania earn a living by collecting scrap metal "
            "informally. A social enterprise supported by the city offers them formal contracts in "
            "collection and recycling, training, and help with residence and social security "
            "registration."
        ),
        "description": (
            "<p>Informal scrap collection provides an income but no social protection, exposes "
            "collectors to fines and is often linked to living in settlements. Rather than ban the "
            "activity, the city decided to build on the skills collectors already had.</p>"
            "<ul><li>A social enterprise, set up with start-up funding from the city, employs "
            "collectors on contracts of six to eighteen months.</li>"
            "<li>Workers collect bulky waste and metal under a municipal service agreement and "
            "sort materials at a depot.</li><li>Each worker has a pathway plan: language classes "
            "in Spanish or Catalan, a driving licence and occupational safety training.</li>"
            "<li>A social worker helps with registration on the municipal population register, the "
            "health card and social security.</li>"
            "<li>At the end of the contract, workers are helped to move on to other employers in "
            "waste management, logistics or construction.</li>"
            "</ul><p>The enterprise also works with collectors it does not employ, offering them a "
            "place to sell materials legally at a fair price, and a first contact with the social "
            "worker.</p>"
        ),
        "themes": ["employment", "foreign-roma"],
        "target_group": "EU-mobile Roma, mainly from Romania, working as informal scrap collectors",
        "start_year": 2014,
        "end_year": None,
        "funding": ["municipal", "esf-plus", "other"],
        "results": (
            "Over five years about 130 people held contracts with the enterprise, and roughly half "
            "moved on to other jobs. Most workers registered with social security for the first "
            "time. The municipal service agreement now covers part of the running costs."
        ),
        "success_factors": (
            "Recognising existing skills. A public service agreement that guarantees income. "
            "Registration support from day one."
        ),
        "transferability": (
            "Requires a municipal service that can be contracted to a social enterprise, and "
            "national rules that allow reserved contracts."
        ),
        "lessons_learnt": (
            "Contracts were too short at first for workers to settle, and were extended. Some "
            "collectors earned more informally and did not want a contract. The enterprise could "
            "not solve housing, and workers living in settlements left the programme more often."
        ),
        "contact_role": "Social rights department, City of Barcelona",
        "links": [],
        "strategic_objectives": ["1.1", "1.3"],
        "priority": DIVERSITY,
        "published_year": 2018,
        "transfers": [],
    },
    {
        "slug": "helsinki-outreach-eu-mobile-roma",
        "city": "helsinki",
        "title": "Outreach and a day centre for EU-mobile Roma",
        "summary": (
            "Helsinki funds outreach work and a day centre for people from other EU countries, "
            "mainly Roma from Romania and Bulgaria, who stay in the city for a few months at a "
            "time. The services offer basic health care, counselling and information on rights, "
            "and help for those who want to settle or to return home."
        ),
        "description": (
            "<p>Since the late 2000s a few hundred EU-mobile Roma have stayed in Helsinki each "
            "summer, and a smaller group through the winter. Most are not entitled to regular "
            "social assistance, and many slept outdoors. The city chose to provide basic services "
            "while being clear about the limits of entitlements.</p>"
            "<ul><li>Outreach workers, some of whom speak Romanian and Romani, visit places where "
            "people sleep or work.</li><li>A day centre, run by an association with city funding, "
            "offers showers, laundry, meals and a place to rest.</li>"
            "<li>A nurse holds consultations twice a week, offers vaccinations and refers urgent "
            "cases to emergency services.</li><li>Counsellors give information on rights, work and "
            "housing in Finland and help people who want to look for work or to return home.</li>"
            "<li>An emergency night shelter opens in winter.</li>"
            "</ul><p>Staff also support people in their dealings with the police, health services "
            "and employers, and document cases of exploitation.</p>"
        ),
        "themes": ["foreign-roma", "health"],
        "target_group": (
            "EU-mobile Roma staying in Helsinki temporarily, mainly from Romania and Bulgaria"
        ),
        "start_year": 2015,
        "end_year": None,
        "funding": ["municipal", "other"],
        "results": (
            "The day centre records several thousand visits a year. The nurse's consultations "
            "allow many health problems to be treated before they become emergencies. Each year a "
            "small number of people find formal work and register as residents."
        ),
        "success_factors": (
            "Low-threshold access. Language skills in the team. Clear and honest information on "
            "what the city can and cannot offer."
        ),
        "transferability": (
            "Relevant for northern and western European cities that receive seasonal EU-mobile "
            "Roma. Requires a legal basis for providing services to people without a registered "
            "residence."
        ),
        "lessons_learnt": (
            "The centre was overcrowded in summer, and opening hours were extended with "
            "volunteers. Health care beyond emergencies remained difficult because of entitlement "
            "rules. Information on returning home was sometimes felt as pressure to leave and had "
            "to be separated from other services."
        ),
        "contact_role": "Social services and health care division, City of Helsinki",
        "links": [],
        "strategic_objectives": ["1.3", "1.1"],
        "priority": DIVERSITY,
        "published_year": 2017,
        "transfers": [
            (
                "malmo",
                "adapt",
                (
                    "Malmö adapted the combination of outreach and a nurse's consultations for its "
                    "own day centre for EU-mobile people."
                ),
            ),
        ],
    },
    {
        "slug": "helsinki-tenancy-advice-mediation",
        "city": "helsinki",
        "title": "Tenancy advice and mediation for Roma families in municipal housing",
        "summary": (
            "Finnish Roma families often meet discrimination when looking for a home, and "
            "evictions have serious consequences for their children. A housing advisor with a Roma "
            "background works with the municipal housing company to help families find suitable "
            "flats, keep their tenancies and settle disputes early."
        ),
        "description": (
            "<p>Finnish Roma have lived in Helsinki for generations, yet many families report "
            "difficulties in finding rented housing, on the private market and sometimes in "
            "municipal housing too. Evictions for rent arrears or neighbour disputes disrupted "
            "children's schooling and led to long stays in temporary accommodation.</p>"
            "<ul><li>A housing advisor with a Roma background works within the tenancy team of the "
            "municipal housing company.</li><li>The advisor helps families with applications, "
            "explains allocation rules and can raise situations where a family needs a flat in a "
            "particular area for family reasons.</li>"
            "<li>When rent arrears appear, the tenancy team contacts the family early and agrees a "
            "payment plan with the help of social services.</li>"
            "<li>In neighbour disputes, the advisor and a mediator meet both sides before any "
            "formal warning is issued.</li><li>Housing company staff receive training on Roma "
            "culture and on discrimination in housing.</li>"
            "</ul><p>The service is voluntary. It is also used by tenants who are not Roma but "
            "face similar difficulties, and the early contact on arrears has since been extended "
            "to all tenants of the company.</p>"
        ),
        "themes": ["housing", "anti-discrimination"],
        "target_group": "Finnish Roma families applying for or living in municipal rented housing",
        "start_year": 2014,
        "end_year": None,
        "funding": ["municipal", "national"],
        "results": (
            "Evictions among families followed by the advisor became rare, and most rent arrears "
            "were resolved through payment plans. By 2017 all tenancy officers of the housing "
            "company had taken part in the training."
        ),
        "success_factors": (
            "Early contact on arrears. An advisor trusted by families and accepted by colleagues. "
            "Commitment from the housing company's management."
        ),
        "transferability": (
            "Transferable to any city with a municipal or social housing provider. The advisor's "
            "role needs clear boundaries with the landlord's enforcement tasks."
        ),
        "lessons_learnt": (
            "Some families at first saw the advisor as working for the landlord; separating advice "
            "from enforcement helped. Discrimination on the private rental market was outside the "
            "service's reach and remains a major barrier."
        ),
        "contact_role": "Municipal housing services, City of Helsinki",
        "links": [],
        "strategic_objectives": ["1.2", "1.1"],
        "priority": None,
        "published_year": 2018,
        "transfers": [],
    },
    {
        "slug": "prague-inclusive-primary-schools",
        "city": "prague",
        "title": "Ending the separate schooling of Roma pupils in primary schools",
        "summary": (
            "Prague worked with district authorities and schools to end the disproportionate "
            "placement of Roma children in separate classes and schools, changing enrolment areas, "
            "assessment practice and support in mainstream classes. The measures accompanied "
            "national reforms on inclusive education."
        ),
        "description": (
            "<p>In some Prague districts Roma pupils were concentrated in a few primary schools, "
            "and a disproportionate number had been placed in classes for pupils with mild "
            "intellectual disabilities. When national rules on inclusive education changed in "
            "2016, the city and the districts used the opportunity to tackle segregation "
            "locally.</p><h3>What was done</h3><ul><li><strong>Enrolment</strong>: catchment areas "
            "were redrawn in two districts so that schools serve mixed neighbourhoods, and the "
            "enrolment process was explained to all parents at pre-school.</li>"
            "<li><strong>Assessment</strong>: school counselling centres reviewed placements in "
            "special classes, and assessments are now made in the child's strongest language.</li>"
            "<li><strong>Support</strong>: teaching assistants work in mainstream classes, funded "
            "through national and ESF resources.</li>"
            "<li><strong>Teachers</strong>: training on inclusive teaching and on prejudice.</li>"
            "<li><strong>Parents</strong>: meetings addressing the fear of some parents that mixed "
            "schools would lower standards.</li></ul>"
            "<p>Monitoring relies on school-level data on placements, support measures and "
            "results, not on ethnic data about pupils.</p>"
        ),
        "themes": ["education", "anti-discrimination"],
        "target_group": (
            "Primary school pupils in districts with segregated schools, their parents and teachers"
        ),
        "start_year": 2016,
        "end_year": None,
        "funding": ["national", "esf-plus", "municipal"],
        "results": (
            "In the districts involved, the number of pupils in separate classes for mild "
            "intellectual disability fell by more than half between 2016 and 2019, and most of the "
            "pupils concerned moved into mainstream classes with support. One school that most "
            "families in its area had avoided now has an intake that reflects its neighbourhood."
        ),
        "success_factors": (
            "National reform used as a lever. Assistants in mainstream classes. Work with all "
            "parents, not only Roma parents."
        ),
        "transferability": (
            "Depends on national rules on enrolment and special education, but the local measures "
            "(redrawn catchment areas, reassessment, support in mainstream classes) can be adapted "
            "elsewhere."
        ),
        "lessons_learnt": (
            "Some families moved their children to schools in other areas, and the city had few "
            "tools to prevent it. Assistants were sometimes assigned to individual pupils rather "
            "than to the class, which reinforced labelling. In the first year there were not "
            "enough assistants, which caused resistance among teachers."
        ),
        "contact_role": "Department of Education, Youth and Sport, City of Prague",
        "links": [],
        "strategic_objectives": ["1.4", "1.3"],
        "priority": GOOD_START,
        "published_year": 2019,
        "transfers": [
            (
                "budapest",
                "understand",
                (
                    "Budapest studied the review of placements in special classes and the "
                    "redrawing of catchment areas."
                ),
            ),
        ],
    },
    {
        "slug": "prague-social-housing-pilot",
        "city": "prague",
        "title": "Social housing pilot with tenancy support and community work",
        "summary": (
            "A social housing pilot allocated renovated municipal flats, spread across ordinary "
            "buildings, to households in housing need, including many Roma families living in "
            "commercial hostels. Each household received tenancy support, and community workers "
            "worked with neighbours and residents' groups."
        ),
        "description": (
            "<p>Many Roma families in Prague lived for years in commercial hostels, at high cost "
            "and in poor conditions, often paid for with housing benefit. In 2017 the city "
            "launched a social housing pilot to test an alternative.</p>"
            "<ul><li>Flats from the municipal stock were renovated with ERDF funding and allocated "
            "through a points system based on housing need, not on whether a household was judged "
            "ready to be a tenant.</li><li>Flats were scattered across many buildings to avoid "
            "creating new concentrations of poverty.</li>"
            "<li>Each household had a social worker for at least a year, funded through the ESF, "
            "focusing on rent payment, debts and children's schooling.</li>"
            "<li>Community workers held meetings in the buildings, supported residents' groups and "
            "mediated in conflicts.</li><li>Tenancies started with one-year contracts, renewed "
            "when rent had been paid regularly.</li>"
            "</ul><p>An independent team evaluated the pilot, and its findings were used to "
            "prepare a permanent municipal social housing scheme, which the city council approved "
            "in 2020.</p>"
        ),
        "themes": ["housing", "community-building"],
        "target_group": (
            "Households in acute housing need, including families living in commercial hostels"
        ),
        "start_year": 2017,
        "end_year": 2020,
        "funding": ["municipal", "erdf", "esf-plus"],
        "results": (
            "Between 2017 and 2020 around 250 households were housed, a large share of them from "
            "hostels. More than 90% kept their tenancy after the first year, and schools reported "
            "better attendance among the children concerned."
        ),
        "success_factors": (
            "Scattered allocation. Housing need as the only criterion. Support tied to the tenancy "
            "in the first year. An evaluation that convinced the city council to continue."
        ),
        "transferability": (
            "Suitable for cities with a municipal housing stock. Scattered allocation depends on "
            "having enough vacant flats across the city."
        ),
        "lessons_learnt": (
            "Short initial contracts caused anxiety and felt like probation to some tenants; the "
            "evaluation recommended longer contracts. Some building managers resisted allocations "
            "to Roma families, and the department's management had to back the allocations. Debts "
            "from previous housing weighed on many households."
        ),
        "contact_role": "Housing department, City of Prague",
        "links": [],
        "strategic_objectives": ["1.2", "1.1"],
        "priority": None,
        "published_year": 2020,
        "transfers": [],
    },
    {
        "slug": "budapest-integrated-neighbourhood-renewal",
        "city": "budapest",
        "title": "Socially sensitive renewal of a deprived inner-city neighbourhood",
        "summary": (
            "An integrated renewal programme in a deprived inner-city area, where a large share of "
            "residents were Roma, combined the renovation of municipal housing blocks with social, "
            "employment and community programmes. Residents were able to stay in the area during "
            "and after the works."
        ),
        "description": (
            "<p>The renewal of old inner-city areas has often pushed poorer residents out. In this "
            "programme the city and the district set out to improve housing without displacing the "
            "people who lived there, many of them Roma families renting municipal flats.</p>"
            "<ul><li>Municipal blocks were renovated (roofs, insulation, bathrooms, heating), with "
            "temporary rehousing nearby during the works and a right to return.</li>"
            "<li>Courtyards and public spaces were redesigned with residents.</li>"
            "<li>A community centre opened with programmes for children, young people and "
            "adults.</li><li>An employment programme offered training and jobs in renovation and "
            "maintenance, with places reserved for local residents.</li>"
            "<li>Tenants received debt advice, since rent and utility arrears were common.</li>"
            "</ul><p>The programme was funded through ERDF and ESF integrated urban development "
            "instruments, which required physical and social measures to be planned together. A "
            "local office in the neighbourhood kept residents informed throughout the works and "
            "handled complaints.</p>"
        ),
        "themes": ["housing", "community-building"],
        "target_group": "Tenants of municipal housing in a deprived inner-city area",
        "start_year": 2010,
        "end_year": 2015,
        "funding": ["erdf", "esf-plus", "municipal"],
        "results": (
            "Several hundred flats were renovated and most tenants returned to their renovated "
            "homes. The community centre still operates after the end of the programme. The "
            "employment programme gave temporary income to many residents, but few moved on to "
            "regular jobs."
        ),
        "success_factors": (
            "The right of return. Physical and social measures under one funding framework. A "
            "community centre as a stable anchor."
        ),
        "transferability": (
            "Relevant to cities using integrated territorial instruments under cohesion policy. "
            "The right of return and temporary rehousing nearby are the critical elements."
        ),
        "lessons_learnt": (
            "Rents rose after renovation and some households fell into arrears; rent support "
            "should have been planned from the start. The employment part relied on public works "
            "schemes with little lasting effect. When EU funding ended, some social programmes "
            "stopped."
        ),
        "contact_role": "Urban development department, Municipality of Budapest",
        "links": [],
        "strategic_objectives": ["1.2", "1.1"],
        "priority": None,
        "published_year": 2016,
        "transfers": [],
    },
    {
        "slug": "budapest-maintenance-social-enterprise",
        "city": "budapest",
        "title": "Social enterprise for building maintenance and green space care",
        "summary": (
            "A social enterprise employs long-term unemployed residents, many of them Roma, in "
            "building maintenance, cleaning and the care of parks for municipal companies. It "
            "offers a stepping stone to the open labour market through training and mentoring."
        ),
        "description": (
            "<p>Public works schemes gave many long-term unemployed people in Budapest a temporary "
            "income but rarely led to regular jobs. The city supported the creation of a social "
            "enterprise that offers real contracts and a path to further work.</p>"
            "<ul><li>The enterprise holds service contracts from municipal companies for "
            "maintenance, cleaning and park care.</li>"
            "<li>Workers are hired on standard employment contracts, at or above the minimum wage, "
            "for up to two years.</li><li>Each team has a supervisor who also acts as a mentor; "
            "several supervisors are former workers.</li>"
            "<li>Vocational training leads to recognised certificates in facility maintenance or "
            "gardening.</li><li>In the last six months of the contract, a job coach helps workers "
            "apply to private employers.</li></ul>"
            "<p>The enterprise was set up with a social investment loan and a start-up grant, and "
            "the city guarantees a minimum volume of contracts each year. Recruitment goes through "
            "the district social services and the community centres in disadvantaged "
            "neighbourhoods, which reach people who are not registered with the employment "
            "service.</p>"
        ),
        "themes": ["employment"],
        "target_group": (
            "Long-term unemployed adults from disadvantaged neighbourhoods, many of them Roma"
        ),
        "start_year": 2015,
        "end_year": None,
        "funding": ["other", "municipal"],
        "results": (
            "Around 80 people have worked in the enterprise since 2015, and about 35 of them moved "
            "on to jobs with other employers. Sick leave and turnover fell after the mentoring "
            "system was introduced."
        ),
        "success_factors": (
            "Guaranteed municipal contracts. Supervisors with lived experience. Recognised "
            "certificates."
        ),
        "transferability": (
            "Possible where public procurement rules allow reserved contracts or social clauses."
        ),
        "lessons_learnt": (
            "The first business plan overestimated income, and the enterprise needed extra support "
            "in its second year. Private employers were reluctant to hire former workers, partly "
            "out of prejudice; the job coach now prepares employers as well as workers."
        ),
        "contact_role": "Social policy department, Municipality of Budapest",
        "links": [],
        "strategic_objectives": ["1.1"],
        "priority": None,
        "published_year": 2017,
        "transfers": [],
    },
    {
        "slug": "athens-mobile-health-units-vaccination",
        "city": "athens",
        "title": "Mobile health units and vaccination campaigns in Roma settlements",
        "summary": (
            "Mobile health units visit Roma settlements and poor neighbourhoods on a regular "
            "schedule, offering primary care, vaccinations for children and adults, and health "
            "education. Roma health mediators prepare each visit and follow up with families."
        ),
        "description": (
            "<p>Children living in Roma settlements in the Athens area had low vaccination "
            "coverage, and the measles outbreaks of 2017–2018 hit these communities particularly "
            "hard. Many families had no regular contact with primary care.</p>"
            "<ul><li>A mobile unit with a doctor, a nurse and a health mediator visits each "
            "settlement every two weeks.</li><li>Vaccination follows the national schedule; "
            "children's records are checked and missing doses are given.</li>"
            "<li>Health mediators from Roma communities explain the purpose of vaccines, address "
            "fears and remind families of appointments.</li>"
            "<li>The unit refers people to hospitals and to the city's health centres, and helps "
            "them obtain the social security number needed to access care.</li>"
            "<li>Health education sessions cover hygiene, nutrition, and maternal and child "
            "health.</li></ul><p>Vaccinations are recorded in national health records, as for any "
            "patient. The city's own reports use aggregated figures per site only.</p>"
            "<p>The units coordinate with the city's community centre, which follows up the social "
            "and administrative problems that families raise during visits.</p>"
        ),
        "themes": ["health"],
        "target_group": (
            "Residents of Roma settlements and poor neighbourhoods, especially children and "
            "pregnant women"
        ),
        "start_year": 2017,
        "end_year": None,
        "funding": ["national", "municipal", "other"],
        "results": (
            "Within two years the units gave several thousand vaccine doses, and vaccination "
            "coverage of children in the settlements visited came close to the national average. "
            "Fewer cases of preventable diseases were reported in the areas covered."
        ),
        "success_factors": (
            "Regular and predictable visits. Health mediators. Linking vaccination with help to "
            "obtain a social security number."
        ),
        "transferability": (
            "Transferable to cities with settlements or neighbourhoods with poor access to primary "
            "care. Requires cooperation with national health authorities for vaccines and records."
        ),
        "lessons_learnt": (
            "A one-off campaign in 2017 reached many children but was not followed by second "
            "doses; regular visits solved this. Some settlements were hard to reach in winter. The "
            "mediators' short-term contracts led to staff changes that affected trust."
        ),
        "contact_role": "Public health directorate, City of Athens",
        "links": [],
        "strategic_objectives": ["1.1"],
        "priority": GOOD_START,
        "published_year": 2019,
        "transfers": [
            (
                "skopje",
                "adapt",
                (
                    "Skopje adapted the regular visiting schedule and the role of health mediators "
                    "for vaccination catch-up through its municipal health centres."
                ),
            ),
        ],
    },
    {
        "slug": "athens-community-centre-roma-branch",
        "city": "athens",
        "title": "A one-stop Roma branch of the city's community centre",
        "summary": (
            "A Roma branch of the city's community centre offers one point of contact on welfare "
            "benefits, employment, education and documents. It is staffed by social workers and "
            "Roma mediators and organises activities with local Roma associations."
        ),
        "description": (
            "<p>Roma residents of Athens had to deal with many separate services, often far from "
            "where they live, and were frequently turned away for incomplete files. The Roma "
            "branch of the community centre was set up to offer a single point of contact.</p>"
            "<ul><li><strong>Information and referral</strong>: guaranteed minimum income, child "
            "benefits, housing allowances and health coverage.</li>"
            "<li><strong>Documents</strong>: civil registration, tax numbers and social security "
            "numbers.</li><li><strong>Employment</strong>: registration with the public employment "
            "service, CVs and links to training.</li>"
            "<li><strong>Education</strong>: school enrolment and referral of adults to "
            "second-chance schools.</li><li><strong>Community activities</strong>: meetings with "
            "Roma associations, women's groups and youth activities.</li>"
            "</ul><p>The branch works from a building close to two settlements and also holds "
            "weekly sessions in the settlements themselves. It belongs to a national network of "
            "community centres co-funded by the ESF, which secures its staffing.</p>"
            "<p>Staff can contact other services on a resident's behalf, with consent, which "
            "avoids sending people from one office to another.</p>"
        ),
        "themes": ["community-building", "employment"],
        "target_group": (
            "Roma residents of Athens, in particular those living in or near settlements"
        ),
        "start_year": 2017,
        "end_year": None,
        "funding": ["esf-plus", "national"],
        "results": (
            "The branch serves more than 1,000 people a year. Many households obtained benefits to "
            "which they were entitled but had never claimed, and several Roma associations now use "
            "the centre as their base."
        ),
        "success_factors": (
            "A one-stop service. Mediators. Presence in the settlements. Cooperation with "
            "associations."
        ),
        "transferability": (
            "Relevant to cities with national or ESF+ funding for community centres. The one-stop "
            "model works best when staff can act on behalf of residents with other services."
        ),
        "lessons_learnt": (
            "Employment results were weak: support concentrated on benefits and documents, and "
            "training offers were rarely adapted to residents' needs. Staff turnover linked to "
            "funding cycles interrupted follow-up. Associations asked for a larger role in "
            "planning activities, which was only partly achieved."
        ),
        "contact_role": "Directorate of social solidarity, City of Athens",
        "links": [],
        "strategic_objectives": ["1.1", "1.3"],
        "priority": None,
        "published_year": 2018,
        "transfers": [],
    },
    {
        "slug": "malmo-roma-information-knowledge-centre",
        "city": "malmo",
        "title": "A Roma-led information and knowledge centre",
        "summary": (
            "Malmö runs an information and knowledge centre staffed largely by people of Roma "
            "background. It offers guidance to Roma residents, training for city staff and a "
            "meeting place for Roma associations, and Roma representatives sit on its steering "
            "group."
        ),
        "description": (
            "<p>As part of a national pilot on Roma inclusion, Malmö chose to build a municipal "
            "service in which Roma residents are not only users but also staff and "
            "decision-makers. The centre opened in 2013.</p>"
            "<h3>Three functions</h3><ul><li><strong>Guidance</strong>: staff help residents in "
            "their contacts with schools, social services, housing and employment, in Swedish, "
            "Romani and other languages.</li><li><strong>Knowledge</strong>: the centre trains "
            "city employees on Roma history, antigypsyism and how to avoid discriminatory "
            "practices.</li><li><strong>Meeting place</strong>: associations use the premises for "
            "meetings, cultural events and homework help.</li>"
            "</ul><p>A steering group of representatives of Roma associations and city departments "
            "sets the centre's priorities every year. Posts are open to all applicants, but "
            "language skills and knowledge of Roma communities are required, so most staff have a "
            "Roma background.</p><p>The centre also records discrimination reported by visitors "
            "and raises it with the departments concerned, which must reply within a set time.</p>"
        ),
        "themes": ["community-building", "anti-discrimination"],
        "target_group": "Roma residents of Malmö, Roma associations and city employees",
        "start_year": 2013,
        "end_year": None,
        "funding": ["municipal", "national"],
        "results": (
            "The centre handles several thousand guidance contacts a year, and more than 1,000 "
            "city employees had been trained by 2016. The number of Roma associations active in "
            "the city has grown."
        ),
        "success_factors": (
            "Roma staff and shared decision-making. A double role, serving residents and training "
            "the administration. Long-term municipal funding once the national pilot ended."
        ),
        "transferability": (
            "Adaptable by cities with active Roma associations. Shared decision-making requires "
            "the administration to accept sharing power over priorities."
        ),
        "lessons_learnt": (
            "Staff were sometimes expected to solve problems that belonged to other departments, "
            "which led to overload and frustration. Tensions between associations had to be "
            "handled openly in the steering group. Training for city staff was voluntary at first "
            "and reached those already interested; it is now part of induction in several "
            "departments."
        ),
        "contact_role": "Roma information and knowledge centre, City of Malmö",
        "links": [],
        "strategic_objectives": ["1.3", "1.1"],
        "priority": DIVERSITY,
        "published_year": 2016,
        "transfers": [
            (
                "helsinki",
                "adapt",
                (
                    "Helsinki adapted the training module on antigypsyism for its social and "
                    "health care employees."
                ),
            ),
            (
                "warsaw",
                "understand",
                "Warsaw studied how the steering group shares decisions with Roma associations.",
            ),
        ],
    },
    {
        "slug": "malmo-bridge-builders-schools",
        "city": "malmo",
        "title": "Bridge builders with Romani language skills in schools",
        "summary": (
            "Bridge builders with Romani language skills and knowledge of Roma communities work in "
            "Malmö's schools to support pupils, inform parents and help teachers. After a trial "
            "period the role became part of the city's regular school staffing."
        ),
        "description": (
            "<p>Roma pupils in Malmö, from Swedish Roma families as well as from families who "
            "arrived more recently, had lower attendance and completion rates than their "
            "classmates. Many parents had difficult experiences of school themselves. The city "
            "trained and employed bridge builders to work between schools and families.</p>"
            "<ul><li>Bridge builders complete a vocational course on the school system, children's "
            "rights and confidentiality.</li><li>Each one supports several schools and is known to "
            "the families in the area.</li><li>They take part in meetings between teachers and "
            "parents and explain decisions on support and assessment.</li>"
            "<li>They offer study support in Romani and Swedish and help pupils choose upper "
            "secondary programmes.</li><li>They work with each school's pupil health team on "
            "attendance problems.</li></ul><p>Mother tongue tuition in Romani, a national minority "
            "language in Sweden, is offered alongside, and bridge builders help families apply for "
            "it. A coordinator in the education department supervises the bridge builders and "
            "organises monthly case discussions.</p>"
        ),
        "themes": ["education"],
        "target_group": "Roma pupils in compulsory school, their parents and teachers",
        "start_year": 2014,
        "end_year": None,
        "funding": ["municipal"],
        "results": (
            "Attendance improved in most schools where bridge builders work, and more pupils from "
            "the families they support went on to upper secondary school. Parents report better "
            "contact with teachers."
        ),
        "success_factors": (
            "Formal training and clear job descriptions. Employment by the city. The link with "
            "mother tongue tuition and minority language rights."
        ),
        "transferability": (
            "Similar to school mediator roles in many cities; the training and supervision are "
            "what make the difference."
        ),
        "lessons_learnt": (
            "Some schools called bridge builders only for conflicts, not for prevention. Spreading "
            "them across too many schools left too little time for each. Pupils who had moved "
            "between countries often needed more intensive language and learning support than "
            "bridge builders could give."
        ),
        "contact_role": "Education department, City of Malmö",
        "links": [],
        "strategic_objectives": ["1.4"],
        "priority": GOOD_START,
        "published_year": 2017,
        "transfers": [],
    },
    {
        "slug": "skopje-legal-aid-civil-documents",
        "city": "skopje",
        "title": "Legal aid for civil registration and personal documents",
        "summary": (
            "A free legal aid service helps Roma residents without a birth certificate, identity "
            "card or settled status to regularise their situation, including families displaced "
            "from Kosovo and their children. Without documents, people cannot access health "
            "insurance, social assistance, school or formal work."
        ),
        "description": (
            "<p>A number of Roma in Skopje lack personal documents. Some children were never "
            "registered at birth because their parents had no documents themselves, and some "
            "families displaced by the conflicts of the late 1990s never obtained a settled "
            "status.</p><ul><li>Paralegals from Roma communities identify people without documents "
            "through home visits and information sessions.</li>"
            "<li>Lawyers assess each case and prepare applications for late birth registration, "
            "identity cards, permanent residence or citizenship.</li>"
            "<li>The service accompanies people to registry offices and courts and covers the "
            "fees.</li><li>Cases where registration is refused without legal grounds are "
            "documented and raised with the authorities.</li>"
            "<li>The city's social services and health centres refer people to the service.</li>"
            "</ul><p>The service is run by a legal aid association with city support and with "
            "national and international funding. Case files are confidential and used only for "
            "legal purposes.</p><p>Once documents are obtained, the paralegals help people "
            "register for health insurance and, where relevant, enrol their children in school, so "
            "that the new status leads to actual access to services.</p>"
        ),
        "themes": ["anti-discrimination", "foreign-roma"],
        "target_group": (
            "Roma residents without personal documents, including displaced families and their "
            "children"
        ),
        "start_year": 2012,
        "end_year": None,
        "funding": ["other", "national"],
        "results": (
            "Several hundred people have obtained a birth certificate, identity card or residence "
            "permit since 2012, and most of them then gained health insurance. Cases raised with "
            "the authorities contributed to a simpler procedure for late birth registration."
        ),
        "success_factors": (
            "Paralegals from the community. A free service that also covers fees. Referral links "
            "with public services."
        ),
        "transferability": (
            "Relevant wherever groups lack civil documents, including EU-mobile Roma and non-EU "
            "nationals in EU cities."
        ),
        "lessons_learnt": (
            "Some cases take years and depend on documents from other countries. Funding from "
            "international donors was unstable. Without follow-up, newly registered people did not "
            "always claim the services they had become entitled to, which is why accompaniment "
            "after registration was added."
        ),
        "contact_role": "Social protection unit, City of Skopje",
        "links": [],
        "strategic_objectives": ["1.3", "1.1"],
        "priority": DIVERSITY,
        "published_year": 2018,
        "transfers": [],
    },
    {
        "slug": "skopje-free-preschool-places",
        "city": "skopje",
        "title": "Free kindergarten places and a door-to-door enrolment campaign",
        "summary": (
            "Skopje offers free places in municipal kindergartens for children from low-income "
            "families and runs a door-to-door enrolment campaign in Roma neighbourhoods with Roma "
            "educators. Children spend at least one year in kindergarten before starting primary "
            "school."
        ),
        "description": (
            "<p>Few Roma children in Skopje attended kindergarten, and many started primary school "
            "without speaking the language of instruction. Fees, documents and distance were the "
            "main barriers, together with a lack of trust.</p>"
            "<ul><li>Kindergarten fees are waived for families receiving social assistance and for "
            "families in the neighbourhoods covered.</li>"
            "<li>Roma educators visit families with children aged 3 to 5, explain what "
            "kindergarten offers and help with enrolment.</li>"
            "<li>Kindergartens employ Roma teaching assistants who speak Romani.</li>"
            "<li>Parents are invited to take part in activities and to a monthly parents' "
            "meeting.</li><li>The health checks and vaccinations required for enrolment are "
            "organised at the kindergarten with the local health centre.</li>"
            "</ul><p>The scheme started with support from international donors and has gradually "
            "been taken over by the city budget. Children are placed in mixed groups, and the city "
            "checks group composition every autumn to make sure that this remains the case.</p>"
        ),
        "themes": ["education"],
        "target_group": (
            "Children aged 3 to 6 from low-income families in Roma neighbourhoods, and their "
            "parents"
        ),
        "start_year": 2014,
        "end_year": None,
        "funding": ["other", "municipal"],
        "results": (
            "Kindergarten enrolment of children from the neighbourhoods covered rose several times "
            "over, and about 600 children have attended through the scheme. First-grade teachers "
            "report that these children settle into school faster."
        ),
        "success_factors": (
            "Fee waivers. Romani-speaking assistants. Health requirements handled on site."
        ),
        "transferability": (
            "Easily transferable; the costs are the fee waivers and staff. A similar approach "
            "suits EU cities where Roma children are under-represented in early childhood "
            "education."
        ),
        "lessons_learnt": (
            "Kindergartens near Roma neighbourhoods lacked capacity, which led to waiting lists. "
            "Some kindergartens grouped Roma children separately, which is why the city now checks "
            "group composition. Irregular attendance in winter remained a problem for families "
            "without transport."
        ),
        "contact_role": "Department of child protection and education, City of Skopje",
        "links": [],
        "strategic_objectives": ["1.4"],
        "priority": GOOD_START,
        "published_year": 2019,
        "transfers": [],
    },
    {
        "slug": "amsterdam-anti-discrimination-training",
        "city": "amsterdam",
        "title": "Anti-discrimination training for front-line civil servants",
        "summary": (
            "Amsterdam trains front-line staff in social services, housing, youth care and "
            "enforcement to recognise and avoid discrimination, including against Roma and Sinti. "
            "The training is built on real cases from the city, and residents with experience of "
            "discrimination take part as co-trainers."
        ),
        "description": (
            "<p>Roma and Sinti residents, like other minorities, reported being treated with "
            "suspicion by city services in housing allocation, benefit checks and youth care. An "
            "internal review found that some procedures and informal practices led to unequal "
            "treatment.</p><h3>The training programme</h3>"
            "<ul><li>A half-day basic module for all front-line staff on the legal framework, "
            "implicit bias and the city's complaints procedure.</li>"
            "<li>A two-day module for the teams with the most contact with residents, built on "
            "anonymised cases from those teams.</li>"
            "<li>Co-trainers from Roma, Sinti and other communities share their experience of "
            "dealing with the city.</li><li>Team leaders receive guidance on discussing "
            "discriminatory incidents within their teams.</li>"
            "<li>Follow-up sessions after six months review what has changed in practice.</li>"
            "</ul><p>The training is part of a wider city programme that also reviews procedures, "
            "for example how risk profiles are used in benefit checks. Teams that complete the "
            "two-day module agree on one procedure they will review themselves.</p>"
        ),
        "themes": ["anti-discrimination"],
        "target_group": (
            "Front-line civil servants in social services, housing, youth care and enforcement"
        ),
        "start_year": 2016,
        "end_year": None,
        "funding": ["municipal"],
        "results": (
            "More than 2,000 staff had completed the basic module by 2018. Several teams changed "
            "procedures after the two-day module, including removing a risk criterion that "
            "indirectly targeted residents of caravan sites."
        ),
        "success_factors": (
            "Real cases. Co-trainers with lived experience. Support from senior management. The "
            "link with the review of procedures."
        ),
        "transferability": (
            "Directly reusable; the modules can be adapted to the groups most affected in each "
            "city."
        ),
        "lessons_learnt": (
            "A half-day session on its own had little lasting effect. Some staff felt accused; the "
            "programme now starts from shared professional values. Measuring the effect on "
            "residents' experience proved difficult."
        ),
        "contact_role": "Diversity and anti-discrimination programme, City of Amsterdam",
        "links": [],
        "strategic_objectives": ["1.3"],
        "priority": None,
        "published_year": 2018,
        "transfers": [
            (
                "ghent",
                "reuse",
                (
                    "Ghent reused the co-trainer format and the two-day module for its social "
                    "services teams."
                ),
            ),
            (
                "berlin",
                "understand",
                (
                    "Berlin examined the review of risk profiles in benefit checks as part of its "
                    "anti-discrimination measures."
                ),
            ),
        ],
    },
    {
        "slug": "amsterdam-youth-leadership-programme",
        "city": "amsterdam",
        "title": "Leadership programme for young Roma and Sinti",
        "summary": (
            "A one-year leadership programme helped young Roma and Sinti aged 16 to 25 to build "
            "skills in public speaking, project management and advocacy, and to run their own "
            "projects in their communities. Graduates formed a network that the city now consults."
        ),
        "description": (
            "<p>Young Roma and Sinti were rarely heard in the city's youth policy, and few had "
            "role models in education or public life. The programme, run by a youth organisation "
            "with city funding and support from a private foundation, aimed to build a new "
            "generation of community leaders.</p>"
            "<ul><li>Each year a group of about fifteen young people met every two weeks for "
            "workshops on communication, leadership, rights and local politics.</li>"
            "<li>Participants designed and carried out a small project, such as a homework club, a "
            "sports tournament or an exhibition on Roma and Sinti history.</li>"
            "<li>Each participant had a mentor, often a professional from a Roma, Sinti or other "
            "minority background.</li><li>Visits to the city council and meetings with officials "
            "showed participants how decisions are made.</li>"
            "<li>Participants received support with choices about school, training or work.</li>"
            "</ul><p>After the programme, graduates could join an alumni network, which the city "
            "consults on youth and education policy.</p>"
        ),
        "themes": ["community-building", "education"],
        "target_group": "Young Roma and Sinti aged 16 to 25",
        "start_year": 2015,
        "end_year": 2019,
        "funding": ["municipal", "other"],
        "results": (
            "About 65 young people completed the programme over five years. Most continued in "
            "education or found work, and the alumni network has advised the city on three policy "
            "documents."
        ),
        "success_factors": (
            "Mentors. Projects chosen by the participants. A real channel to decision-makers."
        ),
        "transferability": (
            "Adaptable by any city at modest cost. It works best with a partner organisation that "
            "families trust."
        ),
        "lessons_learnt": (
            "Young women were under-represented in the first year; holding sessions at times and "
            "places acceptable to families helped. The programme ended when private co-funding "
            "stopped, and the alumni network now depends on volunteers."
        ),
        "contact_role": "Youth and education department, City of Amsterdam",
        "links": [],
        "strategic_objectives": ["1.4", "1.3"],
        "priority": GOOD_START,
        "published_year": 2019,
        "transfers": [],
    },
    {
        "slug": "warsaw-roma-education-assistants",
        "city": "warsaw",
        "title": "Roma education assistants in primary schools",
        "summary": (
            "Roma education assistants employed in Warsaw's primary schools support pupils, "
            "mediate between schools and families and follow up on attendance. The posts are "
            "financed through national programmes for the Roma community and by the city as the "
            "school authority."
        ),
        "description": (
            "<p>Poland introduced the post of Roma education assistant under its national "
            "programmes for the Roma community. Warsaw, which runs the city's primary schools, "
            "employs assistants in schools attended by pupils from Polish Roma families.</p>"
            "<ul><li>Assistants support pupils in class and during homework sessions.</li>"
            "<li>They keep in touch with families, visit homes when a child is absent and "
            "accompany parents to school meetings.</li>"
            "<li>They help schools organise events on Roma culture and history.</li>"
            "<li>Schools receive additional funds for materials, excursions and summer camps.</li>"
            "<li>The city organises joint training for assistants and teachers every year.</li>"
            "</ul><p>Assistants work in tandem with teachers and are members of the school staff. "
            "Since 2014 they have also supported children from Roma families who came from Romania "
            "and settled in the city.</p><p>An education office coordinator brings the assistants "
            "together every term to share practice and to discuss difficult situations.</p>"
        ),
        "themes": ["education"],
        "target_group": "Roma pupils in primary schools, their families and teachers",
        "start_year": 2008,
        "end_year": None,
        "funding": ["national", "municipal"],
        "results": (
            "Attendance of the pupils supported improved and more of them completed primary "
            "school. Schools value the assistants' role in resolving conflicts early."
        ),
        "success_factors": (
            "A stable national framework and funding. Assistants as regular members of school "
            "staff. Joint training with teachers."
        ),
        "transferability": (
            "Reproducible where national or city budgets can fund assistant posts. The training "
            "component is essential."
        ),
        "lessons_learnt": (
            "In some schools assistants were left to deal with all matters concerning Roma pupils, "
            "and teachers stayed uninvolved. A focus on attendance sometimes overshadowed "
            "learning. Low pay and status for assistants led to turnover."
        ),
        "contact_role": "Education office, City of Warsaw",
        "links": [],
        "strategic_objectives": ["1.4"],
        "priority": GOOD_START,
        "published_year": 2016,
        "transfers": [],
    },
    {
        "slug": "warsaw-mobile-outreach-informal-settlements",
        "city": "warsaw",
        "title": "Mobile outreach for Roma families from Romania in informal settlements",
        "summary": (
            "A mobile team of a social worker, a nurse and a Romanian-speaking mediator visits the "
            "small informal settlements where Roma families from Romania live on the outskirts of "
            "Warsaw. It provides basic health care, helps children go to school and connects "
            "families with city services."
        ),
        "description": (
            "<p>Several small groups of Roma families from Romania have lived for years in "
            "makeshift dwellings on the edge of Warsaw. Living conditions are very poor, and "
            "families had almost no contact with city services, partly because of language "
            "barriers and fear of eviction.</p><ul><li>The mobile team visits each site every week "
            "on a fixed day.</li><li>The nurse provides basic care, checks children's health and "
            "vaccinations, accompanies people to clinics and checks their health insurance "
            "entitlements as EU citizens.</li><li>The social worker helps with residence "
            "registration, access to the social assistance families are eligible for, and school "
            "enrolment.</li><li>The mediator interprets and explains rights and obligations.</li>"
            "<li>In winter the team arranges heating fuel and warm clothing with the social "
            "welfare centre.</li></ul><p>The team also liaises with other departments when a site "
            "faces problems of sanitation, fire risk or clearance, to avoid evictions without an "
            "alternative.</p>"
        ),
        "themes": ["foreign-roma", "health"],
        "target_group": (
            "Roma families from Romania living in informal settlements on the outskirts of Warsaw"
        ),
        "start_year": 2017,
        "end_year": None,
        "funding": ["municipal", "other"],
        "results": (
            "The team is in regular contact with about 30 families. Most children of school age in "
            "these families are now enrolled, and several families have moved into rented flats "
            "with the support of the social welfare centre."
        ),
        "success_factors": (
            "A regular presence. A Romanian-speaking mediator. Health and social support combined "
            "in one team."
        ),
        "transferability": "Adaptable by cities with small informal settlements of EU-mobile Roma.",
        "lessons_learnt": (
            "The team has no housing of its own to offer, and its work on one site was undermined "
            "when another department ordered a clearance without notice. Entitlements for EU "
            "citizens without registered work remain a barrier. After taking part in the 2019 "
            "policy transfer in Toulouse, the city is considering a housing-led approach."
        ),
        "contact_role": "Social welfare centre, City of Warsaw",
        "links": [],
        "strategic_objectives": ["1.3", "1.1"],
        "priority": DIVERSITY,
        "published_year": 2020,
        "transfers": [],
    },
    {
        "slug": "bucharest-community-health-mediators",
        "city": "bucharest",
        "title": "Community health mediators linked to family doctors",
        "summary": (
            "Community health mediators, most of them Roma women, work with family doctors in "
            "Bucharest's poorest neighbourhoods. They help residents register with a doctor, "
            "follow pregnancies, keep children's vaccinations up to date and obtain health "
            "insurance."
        ),
        "description": (
            "<p>In several neighbourhoods of Bucharest many residents, among them many Roma, were "
            "not registered with a family doctor or had no health insurance, and used emergency "
            "services as their only source of care. Romania has a national framework for health "
            "mediators working with Roma communities; the city extended it to its own "
            "neighbourhoods and linked the mediators to primary care.</p>"
            "<ul><li>Mediators are recruited locally and trained in basic public health, rights to "
            "health care and communication.</li><li>They help residents register with a family "
            "doctor.</li><li>They follow pregnant women and new mothers and remind parents of "
            "vaccination dates.</li><li>They help people obtain identity documents and health "
            "insurance.</li><li>They organise information sessions on topics chosen with "
            "residents, from child nutrition to diabetes.</li>"
            "</ul><p>Mediators are employed by the public health service and supervised by a "
            "community nurse. They meet the family doctors of their area every month to discuss "
            "follow-up.</p>"
        ),
        "themes": ["health"],
        "target_group": (
            "Residents of disadvantaged neighbourhoods without regular access to primary care, "
            "with a focus on mothers and young children"
        ),
        "start_year": 2009,
        "end_year": None,
        "funding": ["national", "municipal"],
        "results": (
            "In the areas covered, registration with family doctors increased substantially, and "
            "more pregnant women attended at least four antenatal check-ups. Health mediation has "
            "become a recognised role in the city's health services."
        ),
        "success_factors": (
            "Mediators from the community. The link with family doctors. A national legal basis "
            "for the role."
        ),
        "transferability": (
            "Health mediation exists in several EU countries and is transferable; the key is to "
            "link mediators to primary care and to recognise the role formally."
        ),
        "lessons_learnt": (
            "Low pay and no career prospects led to vacancies, and several posts stayed empty for "
            "long periods. Some family doctors refused new patients without insurance, which "
            "mediators could not solve alone. An early plan to map households raised concerns "
            "about personal data and was dropped; mediators now record only what is needed for "
            "health follow-up, with consent."
        ),
        "contact_role": "Public health directorate, Municipality of Bucharest",
        "links": [],
        "strategic_objectives": ["1.1"],
        "priority": None,
        "published_year": 2017,
        "transfers": [],
    },
    {
        "slug": "bucharest-homework-clubs-summer-school",
        "city": "bucharest",
        "title": "Homework clubs and a summer school in disadvantaged neighbourhoods",
        "summary": (
            "After-school homework clubs and a summer school in four disadvantaged neighbourhoods "
            "offer children aged 6 to 14 help with school work, a hot meal and activities. The "
            "clubs work with schools and parents so that children do not fall behind and leave "
            "school early."
        ),
        "description": (
            "<p>Many children in Bucharest's poorest neighbourhoods, including many Roma children, "
            "have nowhere quiet to study, and their parents cannot always help with homework. "
            "Falling behind in the first school years is one of the main causes of early school "
            "leaving.</p><ul><li>Clubs open every school day after classes, in community centres "
            "or school premises.</li><li>Teachers and trained volunteers help children in small "
            "groups with homework and reading.</li>"
            "<li>Every child receives a hot meal.</li>"
            "<li>Clubs also offer sport, art and library visits.</li>"
            "<li>Club staff meet teachers from the children's schools every month to discuss each "
            "group's progress.</li></ul><p>A four-week summer school limits learning loss over the "
            "long summer holidays and prepares children for the move to lower secondary school. "
            "Parents are invited to a monthly meeting and to the summer school's closing event.</p>"
            "<p>The clubs are open to all children in the neighbourhoods, with priority for "
            "children whose schools report difficulties.</p>"
        ),
        "themes": ["education"],
        "target_group": (
            "Children aged 6 to 14 in four disadvantaged neighbourhoods, and their parents"
        ),
        "start_year": 2016,
        "end_year": None,
        "funding": ["esf-plus", "municipal"],
        "results": (
            "About 300 children take part each year. Schools report better completion of homework "
            "and fewer repeated school years among participants, and attendance at the summer "
            "school has grown every year."
        ),
        "success_factors": "The hot meal. Small groups. Regular contact with schools.",
        "transferability": (
            "One of the simplest measures to transfer; the main costs are staff, meals and "
            "premises."
        ),
        "lessons_learnt": (
            "Clubs relying mainly on volunteers had irregular staffing and lost more children. "
            "Children aged 12 to 14 tended to drop out of the clubs, so a separate programme with "
            "mentoring by university students was added. A gap between two ESF-funded project "
            "cycles closed the clubs for several months in 2018."
        ),
        "contact_role": (
            "Directorate for social assistance and child protection, Municipality of Bucharest"
        ),
        "links": [],
        "strategic_objectives": ["1.4", "1.1"],
        "priority": GOOD_START,
        "published_year": 2019,
        "transfers": [],
    },
    {
        "slug": "madrid-dispersed-rehousing-shanty-settlement",
        "city": "madrid",
        "title": (
            "Dispersed rehousing of families from a shanty settlement, with social accompaniment"
        ),
        "summary": (
            "Madrid rehoused families living in a long-standing shanty settlement on its "
            "outskirts, most of them Spanish Roma, into ordinary flats spread across the city. "
            "Each family was accompanied by social workers before, during and after the move."
        ),
        "description": (
            "<p>Shanty settlements on the outskirts of Madrid were home to many Spanish Roma "
            "families for decades. Earlier programmes had moved families into special estates, "
            "which reproduced segregation. For one of the remaining settlements, the city and the "
            "regional government adopted a different approach.</p>"
            "<ul><li><strong>Dispersed rehousing</strong>: families were offered public housing "
            "flats in ordinary buildings across the city, with no more than a few families in the "
            "same building.</li><li><strong>Preparation</strong>: social workers prepared each "
            "family for the move, covering budgeting, tenancy rights, school transfers and "
            "relations with neighbours.</li><li><strong>Accompaniment</strong>: for at least two "
            "years after the move, social workers visited regularly and helped with employment, "
            "school and health.</li><li><strong>Neighbourhood work</strong>: community workers "
            "informed residents' associations in the receiving areas and mediated when conflicts "
            "arose.</li><li><strong>Closure</strong>: each shack was demolished when the family "
            "moved out, to prevent re-occupation.</li>"
            "</ul><p>Funding came from the city, the regional government and the ERDF, which "
            "supported the regeneration of the cleared land.</p>"
        ),
        "themes": ["housing", "community-building"],
        "target_group": "Families living in a shanty settlement, most of them Spanish Roma",
        "start_year": 2011,
        "end_year": 2016,
        "funding": ["municipal", "other", "erdf"],
        "results": (
            "Around 150 families were rehoused between 2011 and 2016 and the settlement was "
            "closed. Most families rehoused in the first phase were still in their flats five "
            "years later, and school enrolment of the children concerned increased."
        ),
        "success_factors": (
            "Dispersed housing. Long accompaniment after the move. Cooperation between the city "
            "and the regional government."
        ),
        "transferability": (
            "Dispersed rehousing is widely recommended but requires access to scattered public "
            "housing. The accompaniment model can be adapted more easily."
        ),
        "lessons_learnt": (
            "Some families felt cut off from relatives after dispersal, and a few moved back to "
            "other settlements; allowing related families to live in the same neighbourhood, "
            "though not the same building, helped. The demolition of shacks caused distress and "
            "should have been prepared with families. Employment results were modest."
        ),
        "contact_role": "Housing and social services area, City of Madrid",
        "links": [],
        "strategic_objectives": ["1.2", "1.1"],
        "priority": None,
        "published_year": 2017,
        "transfers": [],
    },
    {
        "slug": "madrid-employment-itineraries",
        "city": "madrid",
        "title": "Personalised employment itineraries for Roma adults",
        "summary": (
            "Madrid offers Roma adults personalised employment itineraries that combine guidance, "
            "vocational training, work placements and intermediation with companies. The programme "
            "runs from neighbourhood employment points and is co-financed by the ESF."
        ),
        "description": (
            "<p>Unemployment among Roma adults in Madrid is much higher than in the population as "
            "a whole, and many worked in informal trade, which declined during the economic "
            "crisis. The programme offers a long-term, individual route into formal employment.</p>"
            "<ol><li><strong>Reception and diagnosis</strong>: an employment advisor assesses "
            "skills, experience and constraints, including family responsibilities.</li>"
            "<li><strong>Itinerary agreement</strong>: the person and the advisor agree on goals "
            "and steps, reviewed every three months.</li>"
            "<li><strong>Training</strong>: basic skills, adult education for those without school "
            "certificates, and vocational courses in sectors with demand, such as retail, "
            "logistics, care and cleaning.</li><li><strong>Placements</strong>: practical training "
            "in companies, with a tutor.</li><li><strong>Intermediation</strong>: advisors build "
            "relations with employers and stay in touch during the first weeks of a job.</li>"
            "</ol><p>The employment points are located in neighbourhoods and work with local "
            "associations, including Roma associations, to reach people. Employers who hire "
            "participants can receive advice on diversity management.</p>"
        ),
        "themes": ["employment"],
        "target_group": "Unemployed Roma adults, with particular attention to women",
        "start_year": 2012,
        "end_year": None,
        "funding": ["esf-plus", "municipal"],
        "results": (
            "Between 2012 and 2015 about 1,100 people started an itinerary and around 30% obtained "
            "an employment contract, many of them women. Participants who completed adult "
            "education were more likely to find work."
        ),
        "success_factors": (
            "Long-term individual follow-up. Training combined with intermediation. Outreach "
            "through associations."
        ),
        "transferability": "A widely used model under the ESF; easily adaptable.",
        "lessons_learnt": (
            "Many contracts were short and part-time, and people cycled back into the programme. "
            "Unpaid placements were out of reach for people with urgent income needs. Employers' "
            "prejudice remained a barrier, and more work with employers was needed."
        ),
        "contact_role": "Employment agency, City of Madrid",
        "links": [],
        "strategic_objectives": ["1.1"],
        "priority": None,
        "published_year": 2016,
        "transfers": [],
    },
]

GUIDELINES = [
    {
        "slug": "moving-roma-out-of-camps-into-adequate-housing",
        "title": "Moving Roma out of camps into adequate housing",
        "topic": "Housing support for Roma living in camps, squats and informal settlements",
        "introduction": (
            "<p>These guidelines were written by city experts after the working group's 2019 "
            "policy transfer in Toulouse, where 35 city officers from 15 European cities studied "
            "how Toulouse supports Roma to move out of camps into adequate housing. They draw on "
            "Toulouse's approach, which combines housing solutions with integrated social support, "
            "and on the experience of other cities with rehousing, Housing First and tenancy "
            "support.</p><p>The guidelines are meant for city officers who are preparing or "
            "revising a local plan for people living in camps, squats or shanty settlements. They "
            "do not offer a single model: national rules, housing markets and the situation of the "
            "people concerned differ widely. During the policy transfer, four transfer cities "
            "drafted action plans on their own housing challenges and have since taken follow-up "
            "actions.</p>"
        ),
        "status": "published",
        "published_year": 2020,
        "activity": "housing-guidelines",
        "practices": [
            "toulouse-from-camps-to-housing",
            "toulouse-school-access-camps-squats",
            "madrid-dispersed-rehousing-shanty-settlement",
            "ghent-housing-first-families",
            "prague-social-housing-pilot",
            "helsinki-tenancy-advice-mediation",
        ],
        "authors": [
            ("Housing policy officer", "toulouse", ""),
            ("Social inclusion officer", "barcelona", ""),
            ("Head of the social housing unit", "athens", ""),
            EUROCITIES_AUTHOR,
        ],
        "sections": [
            {
                "title": "Set the goal: closing camps through housing, not eviction",
                "body": (
                    "<p>Evictions without an alternative move families from one site to another. "
                    "Each move interrupts schooling, health care and work, and costs the city "
                    "money without reducing the number of people living in camps. The cities that "
                    "made progress started with a political decision: a site is closed when every "
                    "household on it has been offered a housing solution.</p>"
                    "<p>This goal has to be shared by the city, the State services responsible for "
                    "public order and residence, and the main social landlords. In Toulouse, a "
                    "joint steering group keeps one list of sites and households and reviews it "
                    "every month. Where clearances are ordered for safety reasons, the steering "
                    "group looks for temporary solutions before the clearance takes place.</p>"
                ),
                "recommendations": [
                    (
                        "Adopt a formal decision that camps will be closed through rehousing and "
                        "not through eviction alone."
                    ),
                    (
                        "Set up a joint steering group with State services and social landlords "
                        "that meets at least monthly."
                    ),
                    (
                        "Agree a procedure for urgent clearances that guarantees temporary "
                        "accommodation for every household."
                    ),
                ],
            },
            {
                "title": "Work household by household",
                "body": (
                    "<p>Households living on the same site are often at very different stages. "
                    "Some have work and documents and could move into ordinary housing quickly; "
                    "others need months of support first. Plans that tried to move a whole site at "
                    "once led to refusals and returns to squats.</p>"
                    "<p>A short assessment of each household, made with the household and not "
                    "about it, should cover housing wishes, residence status, income, schooling, "
                    "health and any debts. This assessment is the basis of an individual offer. "
                    "Cities should record only what they need to support the household: there is "
                    "no need to register anyone's ethnicity, and doing so damages trust.</p>"
                ),
                "recommendations": [
                    (
                        "Carry out an individual assessment with each household before making a "
                        "housing offer."
                    ),
                    "Make one clear offer per household and explain what happens if it is refused.",
                    (
                        "Record only the information needed to support the household, and never "
                        "ethnic data about individuals."
                    ),
                ],
            },
            {
                "title": "Offer a range of housing solutions",
                "body": (
                    "<p>No single housing product fits all households. The cities contributing to "
                    "these guidelines used a combination of small temporary sites with individual "
                    "units, intermediary rental housing managed by a social rental agency, "
                    "ordinary social housing and private rentals with a city guarantee, as in "
                    "Ghent's Housing First scheme.</p>"
                    "<p>Temporary solutions are useful but risky. Without an agreed end date they "
                    "become new camps. Permanent housing should be scattered across the city: "
                    "Madrid's experience shows that dispersed rehousing avoids recreating "
                    "segregated estates, provided families can stay reasonably close to relatives. "
                    "Large families need large dwellings, which are scarce in most cities and must "
                    "be planned for early.</p>"
                ),
                "recommendations": [
                    (
                        "Combine temporary and permanent housing options, and give every temporary "
                        "solution an end date."
                    ),
                    (
                        "Scatter permanent dwellings across the city instead of concentrating "
                        "rehoused families in one estate."
                    ),
                    (
                        "Negotiate allocation quotas or rent guarantees with social and private "
                        "landlords before the first moves."
                    ),
                    "Plan early for dwellings large enough for big families.",
                ],
            },
            {
                "title": "Provide integrated social support for as long as needed",
                "body": (
                    "<p>Housing alone does not make a move last. In Toulouse, each household has "
                    "one referent social worker who coordinates help with residence rights, "
                    "income, employment, school enrolment and health. Support lasts as long as "
                    "needed, often two to three years, and becomes lighter over time.</p>"
                    "<p>Children's schooling deserves particular attention. Enrolment should start "
                    "while the family still lives on a site, and children should keep their school "
                    "when the family moves, where possible. After the move, early contact on rent "
                    "arrears, as practised in Helsinki, prevents many evictions. Caseloads must "
                    "stay small enough for workers to visit households regularly.</p>"
                ),
                "recommendations": [
                    (
                        "Assign one referent worker to each household who coordinates all other "
                        "services."
                    ),
                    (
                        "Enrol children in school before rehousing and avoid changing school when "
                        "the family moves."
                    ),
                    "Contact tenants as soon as rent arrears appear and agree a payment plan.",
                ],
            },
            {
                "title": "Prepare neighbours, secure funding and measure results",
                "body": (
                    "<p>Opposition from neighbours was underestimated in several cities. "
                    "Information meetings before families move in, a contact person for neighbours "
                    "and quick mediation when conflicts arise reduce tensions. Elected "
                    "representatives should be ready to defend the policy publicly.</p>"
                    "<p>Funding can combine municipal budgets, national housing and social funds, "
                    "ESF+ for social support and ERDF for renovation of dwellings or regeneration "
                    "of cleared land. Cities should follow a small number of outcome indicators: "
                    "households rehoused, tenancies still in place after one and two years, "
                    "children enrolled in school and sites closed without forced eviction. Results "
                    "should be reported openly, including setbacks.</p>"
                ),
                "recommendations": [
                    (
                        "Hold information meetings with neighbours before families move in and "
                        "name a contact person for them."
                    ),
                    "Combine ESF+ for social support with ERDF or national funds for housing.",
                    (
                        "Report each year on tenancies sustained after one and two years, not only "
                        "on moves."
                    ),
                ],
            },
        ],
    },
    {
        "slug": "integrated-city-plans-for-disadvantaged-communities",
        "title": "Integrated city plans for disadvantaged communities",
        "topic": "Area-based integrated plans for neighbourhoods where many Roma live",
        "introduction": (
            "<p>These guidelines build on the critical friend review held in Braga on 24–26 "
            "September 2019, where 22 local experts from 12 cities, including experts from North "
            "Macedonia, discovered Braga's Integrated Plan of Action for Disadvantaged Communities "
            "and its work in three social neighbourhoods. The review helped Braga prepare the "
            "extension of its strategy to a new neighbourhood.</p>"
            "<p>The guidelines are for cities that want to move from separate projects to one "
            "integrated plan for the neighbourhoods where many Roma and other disadvantaged "
            "residents live. They cover governance, participation, funding, monitoring and scaling "
            "up, and draw on experience from Braga, Berlin, Budapest, Athens and Prague.</p>"
        ),
        "status": "published",
        "published_year": 2020,
        "activity": "integrated-plans-guidelines",
        "practices": [
            "braga-integrated-plan-disadvantaged-communities",
            "braga-neighbourhood-employment-desk",
            "budapest-integrated-neighbourhood-renewal",
            "berlin-roma-inclusion-action-plan",
            "athens-community-centre-roma-branch",
            "prague-social-housing-pilot",
        ],
        "authors": [
            ("Social cohesion officer", "braga", ""),
            ("Roma inclusion coordinator", "berlin", ""),
            ("Urban development expert", "skopje", ""),
            EUROCITIES_AUTHOR,
        ],
        "sections": [
            {
                "title": "Why an integrated, area-based plan",
                "body": (
                    "<p>In many cities Roma families are concentrated in a few neighbourhoods "
                    "where poor housing, unemployment, early school leaving and poor health "
                    "reinforce each other. Separate projects, each with its own funding and "
                    "timetable, rarely change this. An integrated plan addresses the neighbourhood "
                    "as a whole, with housing, education, employment, health and participation in "
                    "one framework.</p><p>Braga's plan is addressed to all residents of its social "
                    "neighbourhoods. This explicit but not exclusive approach reaches Roma "
                    "families without singling them out, and reduces the risk of resentment among "
                    "other residents. It does require checking regularly that Roma residents "
                    "actually benefit, through participation and feedback rather than ethnic "
                    "registers.</p>"
                ),
                "recommendations": [
                    (
                        "Define the plan for whole neighbourhoods and state explicitly that Roma "
                        "residents are among its priority groups."
                    ),
                    (
                        "Cover at least housing, education, employment and participation in the "
                        "same plan."
                    ),
                    (
                        "Check regularly, with residents and associations, whether Roma residents "
                        "benefit from each measure."
                    ),
                ],
            },
            {
                "title": "Give one coordinator a clear mandate",
                "body": (
                    "<p>The critical friends in Braga identified the neighbourhood coordinator as "
                    "the key to the plan. The coordinator convenes city departments, school "
                    "clusters, the health centre, the employment service and associations around "
                    "one yearly action plan, and can escalate problems to senior management.</p>"
                    "<p>Berlin's action plan shows the same need at city level: a named "
                    "coordination office, and a plan adopted by the city government so that "
                    "departments and districts are committed. Berlin's experience also shows the "
                    "limits: without instruments to make reluctant districts act, delivery becomes "
                    "uneven. Mandates should therefore be written down, with the commitments of "
                    "each partner.</p>"
                ),
                "recommendations": [
                    (
                        "Appoint a coordinator for each neighbourhood with a written mandate to "
                        "convene all services."
                    ),
                    (
                        "Have the plan adopted by the city council or government so that all "
                        "departments are bound by it."
                    ),
                    (
                        "Record each partner's commitments in the yearly action plan and review "
                        "them publicly."
                    ),
                ],
            },
            {
                "title": "Involve residents, and Roma women in particular",
                "body": (
                    "<p>Residents' committees give people a say in the yearly plan and help "
                    "rebuild trust when works are delayed. In Braga, the peers noticed that Roma "
                    "residents, and Roma women especially, were under-represented in the "
                    "committees. Separate preparatory meetings, held at convenient times and with "
                    "childcare, made it easier for them to speak.</p>"
                    "<p>Participation should go beyond consultation. Roma associations can deliver "
                    "services, as in Berlin and Athens, and can help design measures. Cities "
                    "should expect disagreements, between residents and the city and among "
                    "residents themselves, and handle them openly rather than avoiding difficult "
                    "topics.</p>"
                ),
                "recommendations": [
                    (
                        "Set up a residents' committee in each neighbourhood with a real role in "
                        "setting yearly priorities."
                    ),
                    (
                        "Organise separate preparatory meetings for groups that are "
                        "under-represented, including Roma women."
                    ),
                    (
                        "Involve Roma associations in the delivery of services, not only in "
                        "consultation."
                    ),
                ],
            },
            {
                "title": "Combine funds without creating gaps",
                "body": (
                    "<p>Integrated plans usually need several funding sources: ERDF for renovation "
                    "and public space, ESF+ for education, employment and social support, national "
                    "programmes and the municipal budget. Budapest's renewal programme shows the "
                    "strength of integrated territorial instruments, which require physical and "
                    "social measures to be planned together.</p>"
                    "<p>It also shows the risks. When EU funding ended, several social programmes "
                    "stopped, and gaps between project cycles interrupted services in other cities "
                    "too. Renovation delayed by procurement damaged trust in Braga. Cities should "
                    "plan for continuity from the start and protect core staff, such as "
                    "coordinators and mediators, through the municipal budget.</p>"
                ),
                "recommendations": [
                    (
                        "Plan ERDF-funded works and ESF+-funded social measures together, with a "
                        "joint timetable."
                    ),
                    "Fund core posts such as coordinators and mediators from the municipal budget.",
                    "Prepare the follow-up funding at least a year before a project cycle ends.",
                ],
            },
            {
                "title": "Monitor with shared indicators and evaluate independently",
                "body": (
                    "<p>A small set of neighbourhood indicators, collected the same way in every "
                    "neighbourhood, makes progress visible and comparable. Braga's first "
                    "indicators were collected differently in each area; harmonising them was one "
                    "of the improvements suggested by the peers. Useful indicators include "
                    "pre-school attendance, school completion, residents in training or work, "
                    "dwellings renovated and tenancies sustained.</p>"
                    "<p>Berlin's external evaluation offers a method that other cities can adapt: "
                    "output monitoring of each measure, interviews with users in their own "
                    "language, focus groups with staff and Roma organisations, and analysis of "
                    "cooperation between administrations. Neither approach requires ethnic data on "
                    "individuals.</p>"
                ),
                "recommendations": [
                    (
                        "Agree one set of neighbourhood indicators and collect them in the same "
                        "way everywhere."
                    ),
                    (
                        "Commission an independent evaluation at the start of the plan, not at its "
                        "end."
                    ),
                    (
                        "Use interviews with residents in their own language alongside "
                        "quantitative data."
                    ),
                ],
            },
            {
                "title": "Scale up to a new neighbourhood",
                "body": (
                    "<p>The critical friend review gave Braga the opportunity to prepare, together "
                    "with peers, the extension of its strategy to a new neighbourhood. Scaling up "
                    "is not copying: each neighbourhood has its own history, actors and problems. "
                    "The core elements can stay the same, namely the coordinator, the yearly plan, "
                    "the residents' committee and the shared indicators, while the actions are "
                    "chosen locally.</p><p>Before extending a plan, cities should take stock of "
                    "what did not work in the first neighbourhoods and fix it. Peer reviews by "
                    "other cities are a cost-effective way to do this, and they also help local "
                    "teams see their own work with fresh eyes.</p>"
                ),
                "recommendations": [
                    (
                        "Keep the core elements of the plan when scaling up, and choose actions "
                        "with the new neighbourhood's residents."
                    ),
                    (
                        "Review what did not work in the first neighbourhoods before extending the "
                        "plan."
                    ),
                    "Invite peers from other cities to review the plan at key moments.",
                ],
            },
        ],
    },
    {
        "slug": "fighting-and-preventing-school-dropout-of-roma-children",
        "title": "Fighting and preventing school dropout of Roma children",
        "topic": "Local strategies against early school leaving of Roma children",
        "introduction": (
            "<p>This is a working draft of the guidelines on fighting and preventing school "
            "dropout of Roma children, one of the working group's objectives for 2020 under the "
            "priority 'a good start in life for all children and young people'. It draws mainly on "
            "Turin's local strategy, the subject of the policy transfer planned in Turin in spring "
            "2020, and on practices from Ghent, Prague, Malmö, Bucharest and Skopje.</p>"
            "<p>The draft will be completed with the findings of the policy transfer and will "
            "support the five replicating cities that have committed to draft action plans on this "
            "issue. Comments from member cities are welcome before publication.</p>"
        ),
        "status": "draft",
        "published_year": None,
        "activity": "school-dropout-guidelines",
        "practices": [
            "turin-school-dropout-strategy",
            "turin-early-childhood-outreach",
            "ghent-school-bridge-figures",
            "prague-inclusive-primary-schools",
            "malmo-bridge-builders-schools",
            "bucharest-homework-clubs-summer-school",
        ],
        "authors": [
            ("Education policy officer", "turin", ""),
            ("School inclusion officer", "ghent", ""),
            EUROCITIES_AUTHOR,
        ],
        "sections": [
            {
                "title": "Start early: pre-school and the first school years",
                "body": (
                    "<p>Dropout often begins long before a child stops attending. Children who "
                    "start school late, or without having attended pre-school, are more likely to "
                    "fall behind, repeat years and leave early. Turin's early childhood outreach "
                    "and Skopje's free kindergarten places show that enrolment rises quickly when "
                    "fees, documents and distance are dealt with and when families are approached "
                    "in person.</p><p>Pre-school should be inclusive: children placed in separate "
                    "groups lose much of the benefit. Cities should also make sure there are "
                    "enough places near the neighbourhoods concerned, and that the health "
                    "requirements for enrolment can be met easily, for example by organising "
                    "checks at the kindergarten.</p>"
                ),
                "recommendations": [
                    (
                        "Waive pre-school fees for low-income families and help them with "
                        "enrolment at home."
                    ),
                    (
                        "Reserve pre-school places near the neighbourhoods concerned and apply "
                        "early for them."
                    ),
                    (
                        "Check every year that Roma children are not placed in separate pre-school "
                        "groups."
                    ),
                ],
            },
            {
                "title": "Act on absences before they become dropout",
                "body": (
                    "<p>In Turin's strategy, schools report repeated absences to a school–family "
                    "mediator within two weeks. The mediator contacts the family quickly and looks "
                    "for the reason: illness, transport, a move, conflict at school or a need to "
                    "help at home. Acting in the first weeks is far more effective than acting at "
                    "the end of term.</p><p>Early warning needs clear rules: what counts as "
                    "repeated absence, who is informed and what information can be shared between "
                    "schools and social services under national law. The purpose is support, not "
                    "sanctions; fines for absence without support tend to push families away from "
                    "school.</p>"
                ),
                "recommendations": [
                    (
                        "Agree a threshold of repeated absence that triggers contact with the "
                        "family within two weeks."
                    ),
                    (
                        "Check national rules on information sharing between schools and social "
                        "services before starting."
                    ),
                    "Use early warning to offer support, and avoid sanctions as a first response.",
                ],
            },
            {
                "title": "Mediators between schools and families",
                "body": (
                    "<p>Mediators, bridge figures and bridge builders work in many cities under "
                    "different names. They explain the school system to parents, help teachers "
                    "understand family situations and accompany children at key moments. Ghent and "
                    "Malmö show that employing them centrally, with training and supervision, "
                    "gives continuity and a common approach.</p>"
                    "<p>The role needs protecting. Mediators should not become interpreters on "
                    "call or be used for discipline, and teachers must remain responsible for all "
                    "their pupils. Turin's experience shows that year-by-year contracts lead to "
                    "turnover that damages trust with families.</p>"
                ),
                "recommendations": [
                    "Employ mediators centrally with a role description agreed with school heads.",
                    (
                        "Train and supervise mediators, and recruit from the communities concerned "
                        "where possible."
                    ),
                    "Offer mediators multi-year contracts rather than yearly ones.",
                ],
            },
            {
                "title": "Inclusive schools, not separate ones",
                "body": (
                    "<p>Segregated schools and classes lower expectations and results. Prague's "
                    "work with its districts shows what cities can do even when national rules set "
                    "the framework: redraw catchment areas so that schools serve mixed "
                    "neighbourhoods, review placements in special classes, carry out assessments "
                    "in the child's strongest language and provide support in mainstream "
                    "classes.</p><p>Desegregation meets resistance, including from some parents "
                    "who fear that standards will fall. Working with all parents, and providing "
                    "enough support staff from the start, reduces this resistance. Support staff "
                    "should be assigned to classes, not to individual pupils, to avoid "
                    "labelling.</p>"
                ),
                "recommendations": [
                    (
                        "Review the placement of pupils in special classes and schools with "
                        "independent assessors."
                    ),
                    "Assign support staff to classes rather than to individual Roma pupils.",
                    (
                        "Talk with all parents about the reasons for mixed schools before changes "
                        "are introduced."
                    ),
                ],
            },
            {
                "title": "Support beyond the classroom and at transitions",
                "body": (
                    "<p>Homework clubs, study groups and summer schools help children who have no "
                    "quiet place to study at home. Bucharest's clubs show the value of a hot meal, "
                    "small groups and regular contact with teachers. Activities must take place "
                    "close to where children live, or attendance drops.</p>"
                    "<p>Transitions are moments of high risk, in particular the move to lower "
                    "secondary school around the age of 11 or 12. Joint meetings of primary and "
                    "secondary teachers with families, mentoring by older students and specific "
                    "activities for young teenagers have helped in Turin and Bucharest.</p>"
                ),
                "recommendations": [
                    "Organise homework support within walking distance of children's homes.",
                    (
                        "Hold joint meetings of primary and secondary teachers with families "
                        "before the move to secondary school."
                    ),
                    "Offer mentoring by older students to pupils aged 12 to 14.",
                ],
            },
            {
                "title": "Coordinate locally and monitor without ethnic registers",
                "body": (
                    "<p>A local coordination table, like the one in Turin, brings together school "
                    "heads, social services, health services and associations several times a "
                    "year. It shares responsibility for results and solves problems that no single "
                    "service can solve alone.</p><p>Monitoring should follow school-level "
                    "indicators: pre-school enrolment, attendance, repetition, completion of lower "
                    "secondary school and transition to upper secondary school, for the schools "
                    "and neighbourhoods concerned. This gives a clear picture of progress without "
                    "recording the ethnicity of individual pupils, which many cities cannot and "
                    "should not do.</p>"
                ),
                "recommendations": [
                    (
                        "Set up a local coordination table led by the education department that "
                        "meets at least three times a year."
                    ),
                    "Monitor progress with indicators at school and neighbourhood level.",
                    "Never record the ethnicity of individual pupils for monitoring purposes.",
                ],
            },
        ],
    },
]
