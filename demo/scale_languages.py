"""French and Portuguese texts of the generated practices (demo/scale.py), so the library's
search has the languages of a real network to read: practices written in French or Portuguese by
the cities of those countries, with an English translation, and French translations of many of
the others. Shorter word lists than the English ones: the volume and the language matter here,
not the variety."""

from __future__ import annotations

import random

# Per language and theme: what a practice does, for whom, what its description says and what
# its results are ({n} a number), as THEME_TEXT in demo/scale.py does in English.
THEMES = {
    "fr": {
        "education": {
            "subjects": [
                "Médiation scolaire", "Aide aux devoirs", "École de la deuxième chance",
                "Accueil en crèche et à l'école maternelle",
            ],
            "groups": ["les enfants roms et leurs familles", "les élèves en décrochage"],
            "sentences": [
                "Des médiateurs scolaires accompagnent les élèves et leurs parents de "
                "l'inscription jusqu'au diplôme.",
                "La médiation scolaire suit chaque absence dans les deux jours.",
                "Les enseignants ont été formés à une pédagogie inclusive.",
            ],
            "results": "L'assiduité scolaire des {n} enfants suivis a nettement progressé.",
        },
        "housing": {
            "subjects": [
                "Agence immobilière sociale", "Relogement hors des bidonvilles",
                "Logement d'abord", "Accompagnement des locataires",
            ],
            "groups": ["les familles vivant en bidonville", "les ménages menacés d'expulsion"],
            "sentences": [
                "Chaque ménage reçoit une proposition de logement adaptée à sa situation.",
                "Les bidonvilles ne sont fermés qu'après une proposition à chaque famille.",
                "Les locataires sont aidés pour le loyer, les factures et le voisinage.",
            ],
            "results": "{n} ménages ont accédé à un logement stable, sans aucune expulsion.",
        },
        "employment": {
            "subjects": [
                "Accompagnement vers l'emploi", "Entreprise d'insertion",
                "Apprentissage chez des employeurs locaux", "Validation des compétences",
            ],
            "groups": ["les jeunes roms sans emploi ni formation", "les femmes roms"],
            "sentences": [
                "Des conseillers préparent les participants aux entretiens d'embauche.",
                "Des employeurs locaux proposent des stages et recrutent ceux qui les terminent.",
                "Une entreprise d'insertion emploie des habitants dans la rénovation.",
            ],
            "results": "{n} adultes ont trouvé un emploi ou commencé une formation.",
        },
        "health": {
            "subjects": [
                "Médiation en santé", "Unité mobile de santé", "Campagne de vaccination",
                "Accès au médecin traitant",
            ],
            "groups": ["les femmes roms et les jeunes mères", "les familles sans médecin"],
            "sentences": [
                "Des médiateurs en santé accompagnent les familles à leurs rendez-vous.",
                "Une unité mobile de santé passe chaque semaine dans les quartiers.",
                "Les familles sont aidées à s'inscrire auprès d'un médecin traitant.",
            ],
            "results": "{n} familles ont désormais un médecin traitant.",
        },
        "anti-discrimination": {
            "subjects": [
                "Permanence contre les discriminations", "Formation des agents municipaux",
                "Semaine de l'histoire des Roms",
            ],
            "groups": ["les agents municipaux", "le grand public"],
            "sentences": [
                "Les agents municipaux suivent une formation sur l'antitsiganisme.",
                "Une permanence reçoit les plaintes et offre un conseil juridique gratuit.",
                "Les écoles accueillent une semaine consacrée à l'histoire des Roms.",
            ],
            "results": "{n} plaintes pour discrimination ont été suivies.",
        },
        "community-building": {
            "subjects": [
                "Centre social de quartier", "Conseil des jeunes roms", "Budget participatif",
            ],
            "groups": ["les jeunes roms", "les associations roms"],
            "sentences": [
                "Un centre social est géré avec une association rom.",
                "Les habitants élisent des comités de quartier associés aux décisions.",
                "De petites subventions soutiennent les initiatives des habitants.",
            ],
            "results": "{n} habitants ont participé aux comités de quartier.",
        },
        "foreign-roma": {
            "subjects": [
                "Accueil des familles européennes mobiles", "Cours de langue pour les "
                "nouveaux arrivants", "Médiation interculturelle",
            ],
            "groups": ["les familles roms nouvellement arrivées"],
            "sentences": [
                "Un guichet d'accueil aide les familles à s'inscrire auprès des services.",
                "Des cours de langue sont proposés aux parents pendant la garde des enfants.",
                "Les familles sont conseillées sur leur droit au séjour.",
            ],
            "results": "{n} familles ont été inscrites auprès des services de la ville.",
        },
    },
    "pt": {
        "education": {
            "subjects": [
                "Mediação escolar", "Apoio ao estudo", "Escola de segunda oportunidade",
                "Acesso à educação pré-escolar",
            ],
            "groups": ["as crianças ciganas e as suas famílias", "os alunos em risco de abandono"],
            "sentences": [
                "Mediadores escolares acompanham os alunos e os pais desde a matrícula até ao "
                "fim da escolaridade.",
                "A mediação escolar acompanha cada falta no prazo de dois dias.",
                "Os professores receberam formação em educação inclusiva.",
            ],
            "results": "A assiduidade escolar das {n} crianças acompanhadas melhorou muito.",
        },
        "housing": {
            "subjects": [
                "Agência social de arrendamento", "Realojamento de bairros informais",
                "Habitação primeiro", "Apoio aos inquilinos",
            ],
            "groups": ["as famílias em bairros informais", "os agregados em risco de despejo"],
            "sentences": [
                "Cada agregado recebe uma proposta de habitação adequada à sua situação.",
                "Os bairros informais só são encerrados depois de uma proposta a cada família.",
                "Os inquilinos recebem apoio com a renda, as contas e a vizinhança.",
            ],
            "results": "{n} agregados passaram a ter uma habitação estável, sem despejos.",
        },
        "employment": {
            "subjects": [
                "Acompanhamento para o emprego", "Empresa social",
                "Aprendizagem com empregadores locais", "Reconhecimento de competências",
            ],
            "groups": ["os jovens ciganos sem emprego nem formação", "as mulheres ciganas"],
            "sentences": [
                "Técnicos de emprego preparam os participantes para as entrevistas.",
                "Empregadores locais oferecem estágios e contratam quem os conclui.",
                "Uma empresa social emprega moradores em obras de reabilitação.",
            ],
            "results": "{n} adultos encontraram emprego ou iniciaram uma formação.",
        },
        "health": {
            "subjects": [
                "Mediação em saúde", "Unidade móvel de saúde", "Campanha de vacinação",
                "Inscrição no médico de família",
            ],
            "groups": ["as mulheres ciganas e as mães recentes", "as famílias sem médico"],
            "sentences": [
                "Mediadores de saúde acompanham as famílias às consultas.",
                "Uma unidade móvel de saúde visita os bairros todas as semanas.",
                "As famílias são ajudadas a inscrever-se num médico de família.",
            ],
            "results": "{n} famílias têm agora médico de família.",
        },
        "anti-discrimination": {
            "subjects": [
                "Gabinete contra a discriminação", "Formação dos trabalhadores municipais",
                "Semana da história cigana",
            ],
            "groups": ["os trabalhadores municipais", "o público em geral"],
            "sentences": [
                "Os trabalhadores municipais recebem formação sobre o anticiganismo.",
                "Um gabinete recebe queixas e oferece aconselhamento jurídico gratuito.",
                "As escolas dedicam uma semana à história e à cultura ciganas.",
            ],
            "results": "{n} queixas de discriminação foram acompanhadas.",
        },
        "community-building": {
            "subjects": [
                "Centro comunitário", "Conselho de jovens ciganos", "Orçamento participativo",
            ],
            "groups": ["os jovens ciganos", "as associações ciganas"],
            "sentences": [
                "Um centro comunitário é gerido com uma associação cigana.",
                "Os moradores elegem comissões de bairro que participam nas decisões.",
                "Pequenos apoios financiam iniciativas propostas pelos moradores.",
            ],
            "results": "{n} moradores participaram nas comissões de bairro.",
        },
        "foreign-roma": {
            "subjects": [
                "Acolhimento de famílias europeias móveis", "Cursos de língua para recém-"
                "chegados", "Mediação intercultural",
            ],
            "groups": ["as famílias ciganas recém-chegadas"],
            "sentences": [
                "Um balcão de acolhimento ajuda as famílias a inscrever-se nos serviços.",
                "Há cursos de língua para os pais enquanto os filhos são acompanhados.",
                "As famílias recebem aconselhamento sobre o direito de residência.",
            ],
            "results": "{n} famílias foram inscritas nos serviços municipais.",
        },
    },
}  # fmt: skip
# Per language: how a title and a summary are put together, and sentences any practice may use.
PHRASES = {
    "fr": {
        "title": "{subject} pour {group} à {city}",
        "summary": "{city} met en œuvre : {subject} pour {group}, avec ses partenaires.",
        "sentences": [
            "Des travailleurs de proximité rencontrent les familles là où elles vivent.",
            "Un comité de pilotage réunit la ville, les services et des habitants roms.",
            "Le projet a commencé dans un quartier et a été étendu après une évaluation.",
            "Chaque famille a une personne de contact qui coordonne l'aide reçue.",
        ],
        "success": "Le personnel recruté dans la communauté a vite gagné la confiance.",
        "transfer": "Une ville disposant d'un partenaire associatif peut l'adapter en un an.",
        "lessons": [
            "Des financements trop courts ont interrompu le travail : il faut des budgets "
            "pluriannuels.",
            "Associer les habitants a pris du temps mais a rendu les résultats durables.",
        ],
    },
    "pt": {
        "title": "{subject} para {group} em {city}",
        "summary": "{city} desenvolve: {subject} para {group}, com os seus parceiros.",
        "sentences": [
            "Técnicos de proximidade encontram as famílias onde elas vivem.",
            "Um grupo de acompanhamento junta a câmara, os serviços e moradores ciganos.",
            "O projeto começou num bairro e foi alargado depois de uma avaliação.",
            "Cada família tem uma pessoa de contacto que coordena o apoio que recebe.",
        ],
        "success": "A equipa recrutada na comunidade ganhou depressa a confiança das famílias.",
        "transfer": "Uma cidade com um parceiro associativo pode adaptá-lo num ano.",
        "lessons": [
            "Financiamentos curtos interromperam o trabalho: são precisos orçamentos plurianuais.",
            "Envolver os moradores demorou mais mas tornou os resultados duradouros.",
        ],
    },
}


def practice_text(rng: random.Random, language: str, city: str, themes: list[str]) -> dict:
    """A practice's translatable texts in French or Portuguese: the first theme sets the
    subject and most of the wording, the other themes add a sentence each."""
    theme = THEMES[language][themes[0]]
    phrases = PHRASES[language]
    subject, group = rng.choice(theme["subjects"]), rng.choice(theme["groups"])
    lowered = subject[0].lower() + subject[1:]
    paragraphs = [
        " ".join([rng.choice(theme["sentences"]), *rng.sample(phrases["sentences"], 2)])
        for _ in range(rng.randint(2, 3))
    ]
    paragraphs[-1] += "".join(
        " " + rng.choice(THEMES[language][code]["sentences"]) for code in themes[1:]
    )
    return {
        "title": phrases["title"].format(subject=subject, group=group, city=city)[:200],
        "summary": phrases["summary"].format(subject=lowered, group=group, city=city)
        + " "
        + rng.choice(theme["sentences"]),
        "description": "".join(f"<p>{p}</p>" for p in paragraphs),
        "target_group": group[0].upper() + group[1:],
        "results": theme["results"].format(n=rng.randint(12, 600)),
        "success_factors": phrases["success"],
        "transferability": phrases["transfer"],
        "lessons_learnt": rng.choice(phrases["lessons"]),
    }
