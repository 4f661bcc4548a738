"""The 2020 work plan, the 2019 achievements and the housing guideline in French, as the
network's staff would translate them. Keyed as the seed keys its records (demo/seed.py: codes,
numbers, activity keys; demo/practices_seed.py: a guideline's sections in their order), so a
text is found whatever its English wording. demo/languages.py saves them as translations.

French typography: a non-breaking space (\\u00a0) before : ; ? ! and inside « ». Narratives keep
their {placeholders}: the figures are put in their place.
"""

from __future__ import annotations

NBSP = "\u00a0"

INTRODUCTION = (
    "Ce groupe de travail s'engage à lutter contre les discriminations et l'exploitation et à "
    "favoriser l'inclusion de la plus grande minorité d'Europe, la communauté rom. Les villes du "
    "groupe de travail échangent leurs bonnes pratiques et partagent leurs expériences des "
    "politiques d'intégration au niveau local. Le groupe s'attache à impliquer activement les "
    "villes et à faire connaître le rôle important qu'elles jouent dans le cadre de l'UE et dans "
    "les stratégies nationales d'inclusion des Roms."
)

# Network priorities have no code: keyed by their English title (seed.OBJECTIVES_2020).
PRIORITIES = {
    "A good start in life for all children and young people": (
        "Un bon départ dans la vie pour tous les enfants et tous les jeunes"
    ),
    "Diversity, social cohesion and integration of refugees and migrants": (
        "Diversité, cohésion sociale et intégration des réfugiés et des migrants"
    ),
}

# seed.STRATEGIC_OBJECTIVES, by code. 1.3 is cut short in the source, and so here.
STRATEGIC_OBJECTIVES = {
    "1.1": "Lutter contre la pauvreté urbaine et l'exclusion sociale",
    "1.2": "Garantir l'accès à un logement décent et abordable",
    "1.3": "Faciliter l'inclusion des réfugiés, des migrants, des minorités ethniques et des "
    "personnes",
    "1.4": "Garantir une éducation inclusive et de qualité",
}

# seed.OBJECTIVES_2020, by number.
OBJECTIVES = {
    1: "Renforcement des capacités des villes pour prévenir et combattre le décrochage scolaire "
    "des enfants roms",
    2: "Renforcement des capacités des villes en matière d'inclusion des Roms étrangers et de "
    "soutien à l'auto-organisation par le développement communautaire",
    3: "Politique et plaidoyer auprès de la nouvelle Commission et en vue de la future législation",
}

# The 2020 and 2019 activities, by their seed key: the fields the English fills.
ACTIVITIES = {
    "turin-2020": {
        "title": "Transfert de politiques ou revue critique par les pairs à Turin sur les "
        "stratégies locales visant à prévenir et à combattre le décrochage scolaire des enfants "
        "roms",
    },
    "school-dropout-guidelines": {
        "title": "Lignes directrices pour les politiques de prévention et de lutte contre le "
        "décrochage scolaire des enfants roms",
        "description": "Élaborer des lignes directrices pour les politiques de prévention et de "
        "lutte contre le décrochage scolaire des enfants roms.",
    },
    "replicating-plans-2020": {
        "title": "Plans d'action de 5 villes qui reprennent la démarche",
        "description": "Rédiger les plans d'action de 5 villes qui reprennent la démarche et "
        "s'engagent à travailler sur cette question.",
    },
    "berlin-2020": {
        "title": "Réunion du groupe de travail à Berlin sur l'inclusion des Roms étrangers et le "
        "renforcement de l'auto-organisation par le développement communautaire",
        "description": "Examiner les résultats du plan d'action de Berlin pour l'inclusion des "
        "Roms, y compris la méthode de son évaluation externe.",
    },
    "advocacy-post-2020": {
        "title": "Plaider pour une stratégie en faveur des Roms après 2020",
        "description": "Plaider pour une stratégie en faveur des Roms après 2020 qui réponde aux "
        "besoins des villes pour favoriser l'inclusion des Roms au niveau local, en coordination "
        "avec les autres réseaux européens engagés dans l'inclusion des Roms.",
    },
    "advocacy-antidiscrimination": {
        "title": "Plaider pour un soutien aux mesures locales d'inclusion des Roms dans le cadre "
        "de la nouvelle législation contre les discriminations",
    },
    "advocacy-new-institutions": {
        "title": "Nouer des relations avec la nouvelle Commission européenne et le Parlement "
        "européen récemment élu",
    },
    "advocacy-collaboration": {
        "title": "Poursuivre notre collaboration avec la FRA, le HCDH, le Conseil de l'Europe, la "
        "Commission européenne et la DG JUST sur l'inclusion des Roms",
    },
    "braga-progress-2020": {
        "title": "Rapport sur l'avancement du plan d'action local de Braga pour l'inclusion des "
        "Roms",
        "description": "Suite donnée à la revue critique par les pairs de septembre 2019.",
    },
    "toulouse-2019": {
        "title": "Transfert de politiques à Toulouse sur l'accompagnement vers le logement de la "
        "communauté rom",
        "description": "Des agents municipaux ont échangé avec des décideurs locaux, des "
        "bénéficiaires et des professionnels de terrain sur la manière de transférer les "
        "pratiques inspirantes de la politique toulousaine qui aide les Roms à quitter les "
        "campements pour un logement décent.",
        "outcomes": "Les villes de transfert ont rédigé des plans d'action sur leurs propres "
        "enjeux locaux liés au logement de la communauté rom et ont déjà engagé des actions de "
        "suivi.",
    },
    "braga-2019": {
        "title": "Revue critique par les pairs à Braga",
        "description": "Des experts locaux ont découvert le plan d'action intégré de la ville "
        "pour les communautés défavorisées et son action dans 3 quartiers d'habitat social. Des "
        "experts locaux de Macédoine du Nord y étaient invités.",
        "outcomes": "Braga a réfléchi à ses actions futures, élaborées avec d'autres villes, pour "
        "étendre sa stratégie locale à un nouveau quartier.",
    },
    "housing-guidelines": {
        "title": "Lignes directrices pour aider les Roms à quitter les campements pour un "
        "logement décent",
        "description": "Rédigées par des experts des villes à la suite du transfert de "
        "politiques de Toulouse.",
    },
    "transfer-plans-2019": {
        "title": "Plans d'action des villes de transfert sur le logement de la communauté rom",
    },
    "integrated-plans-guidelines": {
        "title": "Lignes directrices sur les plans municipaux intégrés",
        "description": "Rédigées pour poursuivre le transfert des connaissances acquises lors de "
        "la revue critique par les pairs à Braga.",
    },
}

# seed.ADVOCACY_2019, by key.
ADVOCACY = {
    "coe-presentation": {
        "title": "Présentation de bonnes pratiques au Conseil de l'Europe",
    },
    "eurodiaconia-hearing": {
        "title": "Intervention sur la future stratégie de l'UE en faveur des Roms lors de "
        "l'audition d'Eurodiaconia",
    },
    "coordination-meetings": {
        "title": "Réunions de coordination des parties prenantes sur la future stratégie de l'UE "
        "en faveur des Roms",
    },
    "framework-contribution": {
        "title": "Contribution au cadre de l'UE pour les Roms après 2020",
        "description": "Elle a servi de base aux discussions et aux réunions avec la Commission "
        "européenne, en particulier la DG JUST.",
    },
    "pillar-pledges": {
        "title": "Campagne sur les engagements des villes en faveur de la mise en œuvre du socle "
        "européen des droits sociaux",
        "description": "Des villes se sont engagées à mettre en œuvre le principe 3 sur l'égalité "
        "des chances.",
    },
}

# seed.ACHIEVEMENTS_2019, by number: title, narrative and the figures' labels by their key.
ACHIEVEMENTS = {
    1: {
        "title": "Renforcer les capacités des villes en matière d'accompagnement vers le logement "
        "de la communauté rom",
        "narrative": "C'était l'objet du transfert de politiques organisé à Toulouse, où "
        "{officers} agents municipaux de {cities} villes européennes ont échangé avec des "
        "décideurs locaux, des bénéficiaires et des professionnels de terrain pour découvrir "
        "comment transférer certaines pratiques inspirantes de la politique toulousaine qui aide "
        "les Roms à quitter les campements pour un logement décent. En associant solutions de "
        "logement et accompagnement social global, la ville a mis au point une approche "
        "innovante. {plans} villes de transfert ont eu l'occasion de rédiger des plans d'action "
        "sur leurs propres enjeux locaux liés au logement de la communauté rom et ont déjà engagé "
        "des actions de suivi. Des experts des villes ont également rédigé des lignes directrices "
        "pour aider les Roms à quitter les campements pour un logement décent.",
        "figures": {
            "officers": "agents municipaux",
            "cities": "villes européennes",
            "plans": "villes de transfert ont rédigé des plans d'action",
        },
    },
    2: {
        "title": "Un groupe de travail qui s'agrandit et une représentation géographique plus "
        "large",
        "narrative": "En 2019, le groupe de travail a continué à gagner des membres actifs et a "
        "amélioré sa représentation géographique lors des réunions, notamment en invitant des "
        "experts locaux de Macédoine du Nord à la revue critique par les pairs de Braga. Du 24 "
        "au 26 septembre, cette réunion a rassemblé {experts} experts locaux de {cities} villes "
        "venus découvrir le plan d'action intégré de la ville pour les communautés défavorisées "
        "et son action dans 3 quartiers d'habitat social. La revue critique par les pairs a "
        "permis à Braga de réfléchir à ses actions futures, élaborées avec d'autres villes, pour "
        "étendre sa stratégie locale à un nouveau quartier. Des lignes directrices sur les plans "
        "municipaux intégrés sont en cours de rédaction afin de poursuivre le transfert des "
        "connaissances acquises lors de cette réunion.",
        "figures": {
            "experts": "experts locaux",
            "cities": "villes",
        },
    },
    3: {
        "title": "Faire valoir le rôle et le point de vue des villes auprès des principaux "
        "acteurs européens",
        "narrative": "EUROCITIES a travaillé avec les principaux acteurs européens pour faire "
        "valoir le rôle et le point de vue des villes. Une présentation de bonnes pratiques a eu "
        "lieu au Conseil de l'Europe et nous sommes intervenus dans plusieurs réunions sur la "
        "future stratégie de l'UE en faveur des Roms, notamment lors de l'audition "
        "d'Eurodiaconia et des réunions de coordination des parties prenantes. La contribution "
        "d'EUROCITIES au cadre de l'UE pour les Roms après 2020 a également servi de base aux "
        "discussions et aux réunions avec la Commission européenne, en particulier la DG JUST. "
        "L'engagement des villes en faveur de l'inclusion des Roms s'est aussi traduit dans la "
        "campagne d'EUROCITIES sur les engagements des villes en faveur de la mise en œuvre du "
        "socle européen des droits sociaux, avec notamment {pledged} villes engagées à mettre en "
        "œuvre le principe 3 sur l'égalité des chances.",
        "figures": {
            "pledged": "villes engagées en faveur du principe 3 sur l'égalité des chances",
        },
    },
}

# The housing guideline (demo/practices_seed.py), its sections in their order, each with its
# recommendations in theirs.
HOUSING_GUIDELINE_SLUG = "moving-roma-out-of-camps-into-adequate-housing"
HOUSING_GUIDELINE = {
    "title": "Accompagner les Roms des campements vers un logement décent",
    "topic": "Accompagnement vers le logement des Roms vivant dans des campements, des squats et "
    "des bidonvilles",
    "introduction": "<p>Ces lignes directrices ont été rédigées par des experts des villes à la "
    "suite du transfert de politiques organisé en 2019 à Toulouse par le groupe de travail, au "
    "cours duquel 35 agents municipaux de 15 villes européennes ont étudié la manière dont "
    "Toulouse aide les Roms à quitter les campements pour un logement décent. Elles s'appuient "
    "sur l'approche toulousaine, qui associe solutions de logement et accompagnement social "
    "global, ainsi que sur l'expérience d'autres villes en matière de relogement, de Logement "
    "d'abord (Housing First) et d'accompagnement des locataires.</p><p>Elles s'adressent aux "
    "agents municipaux qui préparent ou révisent un plan local en faveur des personnes vivant "
    "dans des campements, des squats ou des bidonvilles. Elles ne proposent pas de modèle "
    f"unique{NBSP}: les règles nationales, les marchés du logement et la situation des personnes "
    "concernées varient fortement. Lors du transfert de politiques, quatre villes de "
    "transfert ont rédigé des plans d'action sur leurs propres difficultés en matière "
    "de logement et ont depuis engagé des actions de suivi.</p>",
    "sections": [
        {
            "title": f"Fixer l'objectif{NBSP}: résorber les campements par le logement, non par "
            "l'expulsion",
            "body": "<p>Les expulsions sans solution de relogement ne font que déplacer les "
            "familles d'un site à l'autre. Chaque déplacement interrompt la scolarité, les soins "
            "et le travail, et coûte de l'argent à la ville sans réduire le nombre de personnes "
            "vivant en campement. Les villes qui ont progressé sont parties d'une décision "
            f"politique{NBSP}: un site n'est fermé que lorsque chacun des ménages qui y vivent "
            "s'est vu proposer une solution de logement.</p><p>Cet objectif doit être partagé "
            "par la ville, les services de l'État chargés de l'ordre public et du séjour, et les "
            "principaux bailleurs sociaux. À Toulouse, un comité de pilotage commun tient une "
            "liste unique des sites et des ménages et la réexamine chaque mois. Lorsque des "
            "évacuations sont ordonnées pour des raisons de sécurité, le comité de pilotage "
            "cherche des solutions temporaires avant qu'elles aient lieu.</p>",
            "recommendations": [
                "Adopter une décision formelle selon laquelle les campements seront résorbés par "
                "le relogement et non par la seule expulsion.",
                "Mettre en place avec les services de l'État et les bailleurs sociaux un comité "
                "de pilotage commun qui se réunit au moins une fois par mois.",
                "Convenir d'une procédure pour les évacuations d'urgence qui garantisse un "
                "hébergement temporaire à chaque ménage.",
            ],
        },
        {
            "title": "Travailler ménage par ménage",
            "body": "<p>Les ménages qui vivent sur un même site en sont souvent à des étapes très "
            "différentes. Certains ont un emploi et des papiers et pourraient emménager "
            f"rapidement dans un logement ordinaire{NBSP}; d'autres ont d'abord besoin de "
            "plusieurs mois d'accompagnement. Les plans qui cherchaient à reloger tout un site "
            "en une seule fois se sont heurtés à des refus et à des retours vers les "
            "squats.</p><p>Un bref diagnostic de chaque ménage, réalisé avec lui et non à son "
            "sujet, devrait porter sur ses souhaits en matière de logement, son droit au séjour, "
            "ses revenus, la scolarité des enfants, sa santé et ses éventuelles dettes. Ce "
            "diagnostic sert de base à une proposition individuelle. Les villes ne devraient "
            f"enregistrer que ce dont elles ont besoin pour accompagner le ménage{NBSP}: il est "
            "inutile d'enregistrer l'origine ethnique de quiconque, et le faire nuit à la "
            "confiance.</p>",
            "recommendations": [
                "Réaliser un diagnostic individuel avec chaque ménage avant de lui faire une "
                "proposition de logement.",
                "Faire une proposition claire à chaque ménage et expliquer ce qui se passe en cas "
                "de refus.",
                "N'enregistrer que les informations nécessaires à l'accompagnement du ménage, et "
                "jamais de données ethniques sur les personnes.",
            ],
        },
        {
            "title": "Proposer un éventail de solutions de logement",
            "body": "<p>Aucune solution de logement ne convient à elle seule à tous les ménages. "
            "Les villes qui ont contribué à ces lignes directrices ont combiné de petits sites "
            "temporaires composés de logements individuels, du logement locatif intermédiaire "
            "géré par une agence immobilière sociale, du logement social ordinaire et des "
            "locations dans le parc privé garanties par la ville, comme dans le programme "
            "Housing First de Gand.</p><p>Les solutions temporaires sont utiles mais "
            f"risquées{NBSP}: sans date de fin convenue, elles deviennent de nouveaux "
            "campements. Les logements pérennes devraient être répartis dans toute la "
            f"ville{NBSP}: l'expérience de Madrid montre que le relogement diffus évite de "
            "recréer des quartiers ségrégués, à condition que les familles puissent rester à une "
            "distance raisonnable de leur famille élargie. Les familles nombreuses ont besoin de "
            "grands logements, rares dans la plupart des villes, qu'il faut prévoir très "
            "tôt.</p>",
            "recommendations": [
                "Combiner solutions temporaires et logements pérennes, et fixer une date de fin à "
                "chaque solution temporaire.",
                "Répartir les logements pérennes dans toute la ville au lieu de concentrer les "
                "familles relogées dans un même quartier.",
                "Négocier des quotas d'attribution ou des garanties de loyer avec les bailleurs "
                "sociaux et privés avant les premiers relogements.",
                "Prévoir tôt des logements assez grands pour les familles nombreuses.",
            ],
        },
        {
            "title": "Assurer un accompagnement social global aussi longtemps que nécessaire",
            "body": "<p>Le logement seul ne suffit pas à rendre un relogement durable. À "
            "Toulouse, chaque ménage a un travailleur social référent qui coordonne l'aide en "
            "matière de droit au séjour, de revenus, d'emploi, d'inscription scolaire et de "
            "santé. L'accompagnement dure aussi longtemps que nécessaire, souvent deux à trois "
            "ans, et s'allège avec le temps.</p><p>La scolarité des enfants mérite une attention "
            "particulière. L'inscription à l'école devrait commencer pendant que la famille vit "
            "encore sur un site, et les enfants devraient, dans la mesure du possible, garder "
            "leur école lorsque la famille déménage. Après le relogement, un contact rapide dès "
            "les premiers impayés de loyer, comme à Helsinki, évite de nombreuses expulsions. Le "
            "nombre de ménages suivis par chaque travailleur social doit rester assez faible "
            "pour qu'il puisse leur rendre visite régulièrement.</p>",
            "recommendations": [
                "Désigner pour chaque ménage un référent unique qui coordonne tous les autres "
                "services.",
                "Inscrire les enfants à l'école avant le relogement et leur éviter de changer "
                "d'école quand la famille déménage.",
                "Contacter les locataires dès l'apparition d'impayés de loyer et convenir d'un "
                "plan d'apurement.",
            ],
        },
        {
            "title": "Préparer le voisinage, assurer le financement et mesurer les résultats",
            "body": "<p>Plusieurs villes ont sous-estimé l'opposition du voisinage. Des réunions "
            "d'information avant l'arrivée des familles, une personne de contact pour les "
            "voisins et une médiation rapide en cas de conflit réduisent les tensions. Les élus "
            "doivent être prêts à défendre publiquement cette politique.</p><p>Le financement "
            "peut associer budgets municipaux, fonds nationaux pour le logement et l'action "
            "sociale, FSE+ pour l'accompagnement social et FEDER pour la rénovation des "
            "logements ou la requalification des terrains libérés. Les villes devraient suivre "
            f"un petit nombre d'indicateurs de résultats{NBSP}: ménages relogés, baux toujours "
            "en cours après un et deux ans, enfants scolarisés et sites fermés sans expulsion "
            "forcée. Les résultats devraient être publiés en toute transparence, y compris les "
            "revers.</p>",
            "recommendations": [
                "Organiser des réunions d'information avec le voisinage avant l'arrivée des "
                "familles et désigner une personne de contact pour les voisins.",
                "Associer le FSE+ pour l'accompagnement social au FEDER ou à des fonds nationaux "
                "pour le logement.",
                "Rendre compte chaque année des baux maintenus après un et deux ans, et pas "
                "seulement des relogements.",
            ],
        },
    ],
}
