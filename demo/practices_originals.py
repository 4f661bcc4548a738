"""Eight demo practices as their cities wrote them, in their own language.

The network's library takes practices in any of its languages: these eight are kept in the
language of the city that wrote them, and their English texts (demo/practices_seed.py) become
the English translation (demo/languages.py). By slug: the original's language and every text
field of the practice.
"""

from __future__ import annotations

NBSP = "\u00a0"

ORIGINALS: dict[str, dict[str, str]] = {
    # Braga, Portugal: Portuguese (Portugal).
    "braga-neighbourhood-employment-desk": {
        "language": "pt",
        "title": "Gabinetes de emprego de proximidade nos bairros sociais",
        "summary": "Em cada um dos bairros sociais de Braga, um gabinete de emprego presta "
        "aconselhamento profissional, encaminha para formação e faz a ligação com empregadores, "
        "a poucos passos da casa dos moradores. Os gabinetes fazem parte do plano integrado do "
        "município e estão abertos a todos os moradores.",
        "description": "<p>Até 2017, os moradores dos bairros sociais de Braga tinham de se "
        "deslocar ao centro de emprego. Muitos moradores ciganos diziam não se sentir bem-vindos "
        "ali, e os atendimentos eram curtos e centrados nas condições de acesso às prestações "
        "sociais. Os gabinetes de emprego levam o serviço até ao bairro.</p><ul><li>Cada "
        "gabinete está aberto três meios-dias por semana numa sala comunitária.</li><li>Um "
        "técnico de emprego trabalha em dupla com um técnico comunitário que vive num dos "
        "bairros.</li><li>Os moradores recebem apoio na elaboração do currículo, na procura de "
        "emprego na internet e na obtenção da carta de condução, bem como no reconhecimento de "
        "competências adquiridas de forma informal, por exemplo no comércio ou na "
        "construção.</li><li>São organizados cursos de formação profissional de curta duração "
        "em limpeza, jardinagem, restauração e construção civil, com entidades formadoras e com "
        "empresas locais que se comprometem de antemão a entrevistar os formandos.</li><li>Um "
        "pequeno fundo cobre as despesas de transporte e de guarda das crianças durante a "
        "formação, dois custos que muitas vezes levavam as pessoas a desistir.</li></ul><p>Os "
        "gabinetes trabalham em estreita articulação com o serviço público de emprego, que "
        "reconhece as inscrições e o acompanhamento feitos no bairro. Desde 2018, um grupo de "
        "mulheres reúne-se todas as semanas, com guarda das crianças no local.</p>",
        "target_group": "Adultos desempregados e inativos que vivem nos bairros sociais, entre "
        "os quais muitas mulheres e muitos homens ciganos",
        "results": "Entre 2017 e 2019, cerca de 420 moradores recorreram aos gabinetes, 160 "
        "concluíram um curso e cerca de 110 encontraram trabalho, sobretudo com contratos a "
        "termo. A participação das mulheres aumentou de forma marcada depois de o grupo de "
        "mulheres ter começado.",
        "success_factors": "A proximidade. Um técnico comunitário em quem os moradores confiam. "
        "Acordos com os empregadores antes do início de cada curso. A cobertura das despesas de "
        "transporte e de guarda das crianças.",
        "transferability": "Fácil de reproduzir em qualquer cidade cujo serviço público de "
        "emprego esteja disposto a delegar algumas tarefas. Os custos são sobretudo o tempo do "
        "pessoal e um pequeno fundo de apoio.",
        "lessons_learnt": "Muitos empregos eram de curta duração e alguns participantes "
        "voltaram ao gabinete no espaço de um ano, pelo que em 2019 foi introduzido um "
        "acompanhamento após a colocação. Os cursos concebidos sem os empregadores não levaram "
        "a empregos e foram descontinuados.",
    },
    # Turin, Italy: Italian.
    "turin-early-childhood-outreach": {
        "language": "it",
        "title": "Prima infanzia: dalle visite sanitarie ai posti al nido",
        "summary": "Un'infermiera pediatrica e un'educatrice della prima infanzia visitavano "
        "insieme le famiglie con bambini piccoli nei campi autorizzati e negli insediamenti "
        "spontanei, unendo i controlli sanitari alle informazioni sui posti al nido e alla "
        "scuola dell'infanzia. Il progetto si è concluso nel 2018, quando una parte delle sue "
        "attività è stata presa in carico dai servizi ordinari.",
        "description": "<p>Pochi bambini dei campi torinesi frequentavano il nido o la scuola "
        "dell'infanzia, e il loro primo contatto con la scuola avveniva spesso a sei anni. Molti "
        "avevano inoltre vaccinazioni incomplete e saltavano i controlli sanitari di routine. "
        "Il progetto ha messo in relazione i due aspetti.</p><ul><li>Un'infermiera pediatrica e "
        "un'educatrice della prima infanzia visitavano una volta al mese le famiglie con bambini "
        "sotto i sei anni.</li><li>Le visite comprendevano il controllo della crescita, il "
        "promemoria delle vaccinazioni e l'aiuto per scegliere un pediatra di "
        "famiglia.</li><li>L'educatrice portava materiali di gioco, spiegava come funzionano il "
        "nido e la scuola dell'infanzia e aiutava a compilare le domande di "
        "iscrizione.</li><li>I genitori erano invitati alle mattinate di scuola aperta della "
        "scuola dell'infanzia più vicina, con il trasporto assicurato.</li><li>Un accordo con i "
        "servizi educativi della Città riservava posti nei nidi della zona.</li></ul><p>Le "
        "visite offrivano anche alle famiglie l'occasione di segnalare altri problemi, come i "
        "documenti, il reddito o la casa, che venivano indirizzati ai servizi sociali.</p><p>Il "
        "progetto era finanziato dalla Città e da una fondazione privata. Quando il sostegno "
        "della fondazione è terminato nel 2018, le visite sanitarie sono proseguite nell'ambito "
        "dell'azienda sanitaria locale e l'accompagnamento all'iscrizione è passato ai mediatori "
        "scolastici della strategia cittadina contro la dispersione scolastica.</p>",
        "target_group": "Famiglie con bambini sotto i sei anni che vivono nei campi e negli "
        "insediamenti spontanei",
        "results": "Entro il 2017 circa 150 bambini avevano iniziato a frequentare il nido o la "
        "scuola dell'infanzia grazie al progetto. La quota di bambini visitati con le "
        "vaccinazioni in regola è aumentata sensibilmente e molte famiglie hanno scelto per la "
        "prima volta un pediatra di famiglia.",
        "success_factors": "Visite congiunte, sanitarie ed educative. Una fiducia costruita con "
        "visite regolari e prevedibili. Posti riservati, perché l'interesse di una famiglia "
        "potesse tradursi in un'iscrizione effettiva.",
        "transferability": "Qualsiasi città dotata di servizi infermieristici di comunità o di "
        "visite domiciliari può adattarlo. I costi riguardano soprattutto il tempo del personale "
        "e i trasporti.",
        "lessons_learnt": "Il progetto dipendeva dai finanziamenti della fondazione, e il "
        "passaggio ai servizi ordinari ha ridotto la frequenza delle visite. Gli sgomberi hanno "
        "interrotto il percorso di alcune famiglie. I posti riservati rimasti liberi all'inizio "
        "dell'anno scolastico andavano persi, per cui le domande dovevano essere presentate "
        "prima.",
    },
    # Berlin, Germany: German.
    "berlin-self-organisation-small-grants": {
        "language": "de",
        "title": "Kleinförderung und Coaching für neue Roma-Selbstorganisationen",
        "summary": "Ein Kleinförderprogramm mit Organisationscoaching hilft neu gegründeten "
        "Roma-Gruppen – viele davon von Menschen gegründet, die aus anderen EU-Staaten "
        "zugezogen sind –, eigene Aktivitäten durchzuführen und Partner der Stadt zu werden. "
        "Die Zuschüsse sind bescheiden, das Antragsverfahren ist bewusst einfach gehalten.",
        "description": "<p>Im Rahmen des Aktionsplans zur Einbeziehung ausländischer Roma "
        "flossen die Mittel anfangs größtenteils an etablierte Organisationen, die aufwendige "
        "Anträge bewältigen konnten. Gruppen, die von erst kürzlich nach Berlin gekommenen Roma "
        "gegründet worden waren, gehörten selten dazu. Das Kleinförderprogramm wurde 2017 "
        "entwickelt, um diese Lücke zu schließen.</p><ul><li>Zuschüsse von bis zu einigen "
        "Tausend Euro im Jahr fördern Aktivitäten, die die Gruppe selbst wählt: "
        "Hausaufgabenhilfe, Frauengruppen, Kulturveranstaltungen oder Informationsabende zu "
        "Rechten.</li><li>Das Antragsformular umfasst zwei Seiten und kann außer auf Deutsch auch "
        "auf Rumänisch, Bulgarisch oder Romanes eingereicht werden.</li><li>Eine erfahrene "
        "Organisation berät die Gruppen in Buchhaltung, Vereinsrecht, Mittelakquise und "
        "Berichtswesen.</li><li>Einmal im Jahr stellen die Gruppen ihre Arbeit den Bezirksämtern "
        "und einander vor.</li></ul><p>Nach zwei Jahren können die Gruppen Mittel aus den "
        "regulären Förderprogrammen der Stadt beantragen und behalten ihren Coach. Die "
        "Koordinierungsstelle verwaltet das Programm; im Auswahlgremium sitzen auch "
        "Vertreterinnen und Vertreter von Roma-Organisationen.</p><p>Das Programm ist einer der "
        "Wege, auf denen der Aktionsplan die Selbstorganisation durch Gemeinwesenarbeit stärkt – "
        "ein Thema des Treffens der Arbeitsgruppe 2020 in Berlin.</p>",
        "target_group": "Informelle und neu eingetragene Gruppen unter der Leitung von Roma, "
        "insbesondere von Roma, die aus anderen EU-Staaten nach Berlin gezogen sind",
        "results": "Zwischen 2017 und 2019 erhielten 24 Gruppen eine Förderung, neun ließen sich "
        "als Verein eintragen. Fünf erhielten anschließend eine Regelförderung der Stadt für "
        "ihre Angebote, darunter zwei Hausaufgabenclubs und eine Beratungsgruppe für Frauen.",
        "success_factors": "Ein niedrigschwelliger Zugang. Begleitung statt Kontrolle. Ein "
        "Auswahlgremium, dem Vertreterinnen und Vertreter der Roma angehören. Ein klarer Weg zur "
        "Regelförderung.",
        "transferability": "Jede Stadt mit einem kleinen, frei verfügbaren Budget kann das "
        "Programm übernehmen. Sie muss ein höheres Verwaltungsrisiko in Kauf nehmen und genügend "
        "Kapazitäten für das Coaching einplanen.",
        "lessons_learnt": "Einige Gruppen wurden von einer einzigen Großfamilie getragen und "
        "erreichten die übrige Community nicht; das Gremium fragt inzwischen, wie die "
        "Aktivitäten auch anderen offenstehen. Die Berichtsformulare gab es anfangs nur auf "
        "Deutsch, was mehrere Gruppen abschreckte.",
    },
    # Toulouse, France: French.
    "toulouse-school-access-camps-squats": {
        "language": "fr",
        "title": "Scolarisation et transport des enfants vivant en campements et en squats",
        "summary": "Une petite équipe d'accès à l'école inscrit les enfants qui vivent dans des "
        "campements, des squats et des sites temporaires, et veille à ce qu'ils puissent "
        "réellement se rendre en classe. Elle lève les obstacles pratiques, comme le justificatif "
        "de domicile, le transport et les frais de cantine, et prépare les enseignants à "
        "accueillir les enfants.",
        "description": "<p>À Toulouse, les enfants vivant dans des campements illicites se "
        "voyaient souvent refuser ou retarder leur inscription parce que leur famille ne pouvait "
        "pas justifier d'une adresse, et beaucoup cessaient de venir à l'école après chaque "
        "expulsion. En 2016, la ville a créé une équipe d'accès à l'école composée de deux "
        "médiateurs, rattachée à la direction de l'éducation et travaillant avec la direction "
        "académique.</p><h3>Ce que fait l'équipe</h3><ul><li>Elle repère les enfants d'âge "
        "scolaire sur chaque site et aide les familles à constituer le dossier d'inscription, en "
        "utilisant au besoin l'adresse de domiciliation d'un service social.</li><li>Elle "
        "organise les abonnements au bus scolaire, ou une navette lorsqu'un site est éloigné de "
        "l'école la plus proche.</li><li>Elle obtient la gratuité de la cantine et un kit de "
        "fournitures scolaires pour la rentrée.</li><li>Elle rencontre les enseignants avant "
        "l'arrivée d'un enfant et vérifie chaque semaine son assiduité pendant le premier "
        "trimestre.</li><li>Lorsqu'une famille est relogée dans un logement temporaire, elle "
        "s'efforce de maintenir l'enfant dans la même école.</li></ul><p>L'équipe fait partie de "
        "l'accompagnement global de la démarche toulousaine en matière de logement, mais elle "
        f"intervient plus tôt{NBSP}: l'enfant est inscrit pendant que la famille vit encore sur "
        "un site, et pas seulement après le relogement. Les parents sont invités à visiter "
        "l'école et à rencontrer régulièrement le médiateur, avec un interprète s'ils le "
        "souhaitent.</p>",
        "target_group": "Enfants de 3 à 16 ans vivant dans des campements, des squats et des "
        "sites temporaires, et leurs parents",
        "results": "En trois années scolaires, l'équipe a accompagné l'inscription d'environ 400 "
        "enfants. Le délai moyen entre une demande et le premier jour d'école d'un enfant est "
        "passé de plusieurs mois à trois semaines environ. Les écoles qui accueillent des enfants "
        "des sites constatent une meilleure assiduité au premier trimestre.",
        "success_factors": "Un interlocuteur identifié pour les directeurs d'école. Un accord "
        "avec la direction académique sur l'inscription sans justificatif de domicile stable. La "
        "gratuité de la cantine et du transport, qui a supprimé les causes d'absence les plus "
        "fréquentes.",
        "transferability": "Applicable partout où des enfants vivent dans un habitat informel "
        "ou temporaire. La principale condition est un accord avec l'autorité scolaire sur "
        "l'inscription sans domicile fixe, que de nombreuses réglementations nationales "
        "permettent déjà mais que la pratique locale ignore souvent.",
        "lessons_learnt": "L'inscription ne suffisait pas à elle seule à maintenir les enfants à "
        f"l'école{NBSP}: après les expulsions, l'assiduité chutait fortement, et c'est l'une des "
        "raisons pour lesquelles la ville a renoncé aux expulsions. Le soutien scolaire des "
        "enfants plus âgés qui n'avaient jamais été scolarisés a été insuffisant les premières "
        f"années{NBSP}; une classe pour les élèves nouvellement arrivés peu ou pas scolarisés "
        "auparavant a été ouverte en 2018.",
    },
    # Madrid, Spain: Spanish.
    "madrid-dispersed-rehousing-shanty-settlement": {
        "language": "es",
        "title": "Realojo disperso de las familias de un poblado chabolista, con acompañamiento "
        "social",
        "summary": "Madrid realojó a las familias de un antiguo poblado chabolista de las afueras "
        "de la ciudad, en su mayoría gitanas españolas, en viviendas normalizadas repartidas por "
        "toda la ciudad. Cada familia contó con el acompañamiento de trabajadores sociales antes, "
        "durante y después de la mudanza.",
        "description": "<p>Durante décadas, los poblados chabolistas de las afueras de Madrid "
        "fueron el hogar de muchas familias gitanas españolas. Los programas anteriores habían "
        "trasladado a las familias a barrios de tipología especial, que reproducían la "
        "segregación. Para uno de los poblados que quedaban, el Ayuntamiento y la Comunidad de "
        "Madrid optaron por otro enfoque.</p><ul><li><strong>Realojo disperso</strong>: se "
        "ofrecieron a las familias viviendas públicas en edificios normales de toda la ciudad, "
        "con no más de unas pocas familias en un mismo edificio.</li><li><strong>"
        "Preparación</strong>: los trabajadores sociales prepararon a cada familia para la "
        "mudanza, con atención a la economía doméstica, los derechos como inquilinos, el cambio "
        "de colegio y la relación con el vecindario.</li><li><strong>Acompañamiento</strong>: "
        "durante al menos dos años después de la mudanza, los trabajadores sociales hicieron "
        "visitas periódicas y ayudaron en materia de empleo, escolarización y "
        "salud.</li><li><strong>Trabajo con el vecindario</strong>: los trabajadores "
        "comunitarios informaron a las asociaciones vecinales de los barrios de acogida y "
        "mediaron cuando surgieron conflictos.</li><li><strong>Cierre</strong>: cada chabola se "
        "derribaba en cuanto la familia se marchaba, para evitar que se volviera a "
        "ocupar.</li></ul><p>La financiación procedió del Ayuntamiento, de la Comunidad de Madrid "
        "y del FEDER, que apoyó la regeneración de los terrenos liberados.</p>",
        "target_group": "Familias que vivían en un poblado chabolista, en su mayoría gitanas "
        "españolas",
        "results": "Entre 2011 y 2016 se realojó a unas 150 familias y se cerró el poblado. La "
        "mayoría de las familias realojadas en la primera fase seguían en sus viviendas cinco "
        "años después, y aumentó la escolarización de los niños y niñas afectados.",
        "success_factors": "La vivienda dispersa. Un acompañamiento prolongado después de la "
        "mudanza. La cooperación entre el Ayuntamiento y la Comunidad de Madrid.",
        "transferability": "El realojo disperso se recomienda ampliamente, pero exige disponer "
        "de vivienda pública repartida por la ciudad. El modelo de acompañamiento es más fácil "
        "de adaptar.",
        "lessons_learnt": "Algunas familias se sintieron aisladas de sus parientes tras la "
        "dispersión, y unas pocas volvieron a otros asentamientos; ayudó permitir que familias "
        "emparentadas vivieran en el mismo barrio, aunque no en el mismo edificio. El derribo de "
        "las chabolas causó angustia y debería haberse preparado con las familias. Los "
        "resultados en materia de empleo fueron modestos.",
    },
    "madrid-employment-itineraries": {
        "language": "es",
        "title": "Itinerarios personalizados de inserción laboral para personas gitanas adultas",
        "summary": "Madrid ofrece a las personas gitanas adultas itinerarios personalizados de "
        "inserción laboral que combinan orientación, formación profesional, prácticas en "
        "empresas e intermediación laboral. El programa se desarrolla desde puntos de empleo de "
        "barrio y está cofinanciado por el FSE.",
        "description": "<p>El desempleo de las personas gitanas adultas en Madrid es muy "
        "superior al del conjunto de la población, y muchas se dedicaban al comercio informal, "
        "que cayó con la crisis económica. El programa ofrece un itinerario individual y a largo "
        "plazo hacia el empleo formal.</p><ol><li><strong>Acogida y diagnóstico</strong>: un "
        "orientador laboral valora las competencias, la experiencia y las limitaciones de cada "
        "persona, incluidas las responsabilidades familiares.</li><li><strong>Acuerdo de "
        "itinerario</strong>: la persona y el orientador acuerdan objetivos y pasos, que se "
        "revisan cada tres meses.</li><li><strong>Formación</strong>: competencias básicas, "
        "educación de personas adultas para quienes no tienen el graduado escolar y cursos de "
        "formación profesional en sectores con demanda, como el comercio, la logística, los "
        "cuidados y la limpieza.</li><li><strong>Prácticas</strong>: formación práctica en "
        "empresas, con un tutor.</li><li><strong>Intermediación</strong>: los orientadores "
        "establecen relaciones con las empresas y mantienen el contacto durante las primeras "
        "semanas de trabajo.</li></ol><p>Los puntos de empleo están en los barrios y colaboran "
        "con asociaciones locales, entre ellas asociaciones gitanas, para llegar a las personas. "
        "Las empresas que contratan a participantes pueden recibir asesoramiento sobre gestión "
        "de la diversidad.</p>",
        "target_group": "Personas gitanas adultas en situación de desempleo, con especial "
        "atención a las mujeres",
        "results": "Entre 2012 y 2015, unas 1.100 personas iniciaron un itinerario y en torno al "
        f"30{NBSP}% obtuvo un contrato de trabajo, muchas de ellas mujeres. Quienes completaron "
        "la educación de personas adultas tenían más probabilidades de encontrar empleo.",
        "success_factors": "Un seguimiento individual a largo plazo. La formación combinada con "
        "la intermediación. La captación a través de las asociaciones.",
        "transferability": "Un modelo muy extendido en el marco del FSE; fácil de adaptar.",
        "lessons_learnt": "Muchos contratos eran de corta duración y a tiempo parcial, y las "
        "personas volvían una y otra vez al programa. Las prácticas no remuneradas quedaban "
        "fuera del alcance de quienes necesitaban ingresos con urgencia. Los prejuicios de las "
        "empresas siguieron siendo un obstáculo, y hacía falta trabajar más con ellas.",
    },
    # Bucharest, Romania: Romanian (ș and ț with a comma below).
    "bucharest-community-health-mediators": {
        "language": "ro",
        "title": "Mediatori sanitari comunitari care lucrează cu medicii de familie",
        "summary": "Mediatorii sanitari comunitari, în majoritate femei rome, lucrează împreună "
        "cu medicii de familie în cele mai sărace cartiere ale Bucureștiului. Ei îi ajută pe "
        "locuitori să se înscrie la un medic de familie, urmăresc sarcinile, se îngrijesc ca "
        "vaccinările copiilor să fie la zi și sprijină obținerea asigurării de sănătate.",
        "description": "<p>În mai multe cartiere ale Bucureștiului, mulți locuitori, printre "
        "care mulți romi, nu erau înscriși la un medic de familie sau nu aveau asigurare de "
        "sănătate și apelau la serviciile de urgență ca singură sursă de îngrijire. România are "
        "un cadru național pentru mediatorii sanitari care lucrează cu comunitățile de romi; "
        "municipalitatea l-a extins în propriile cartiere și i-a legat pe mediatori de "
        "asistența medicală primară.</p><ul><li>Mediatorii sunt recrutați din comunitatea locală "
        "și instruiți în noțiuni de bază de sănătate publică, în drepturile privind asistența "
        "medicală și în comunicare.</li><li>Îi ajută pe locuitori să se înscrie la un medic de "
        "familie.</li><li>Urmăresc femeile însărcinate și proaspetele mame și le amintesc "
        "părinților datele vaccinărilor.</li><li>Ajută oamenii să obțină acte de identitate și "
        "asigurare de sănătate.</li><li>Organizează sesiuni de informare pe teme alese împreună "
        "cu locuitorii, de la alimentația copiilor la diabet.</li></ul><p>Mediatorii sunt "
        "angajați ai serviciului public de sănătate și sunt coordonați de o asistentă medicală "
        "comunitară. Se întâlnesc lunar cu medicii de familie din zona lor pentru a discuta "
        "cazurile aflate în urmărire.</p>",
        "target_group": "Locuitori ai cartierelor defavorizate fără acces regulat la asistență "
        "medicală primară, în special mame și copii mici",
        "results": "În zonele acoperite, numărul persoanelor înscrise la medicul de familie a "
        "crescut considerabil, iar mai multe femei însărcinate au efectuat cel puțin patru "
        "controale prenatale. Medierea sanitară a devenit un rol recunoscut în serviciile de "
        "sănătate ale orașului.",
        "success_factors": "Mediatori din comunitate. Legătura cu medicii de familie. O bază "
        "legală națională pentru acest rol.",
        "transferability": "Medierea sanitară există în mai multe țări ale UE și este "
        "transferabilă; esențial este ca mediatorii să fie legați de asistența medicală primară "
        "și ca rolul lor să fie recunoscut oficial.",
        "lessons_learnt": "Salariile mici și lipsa perspectivelor de carieră au dus la posturi "
        "vacante, iar mai multe posturi au rămas neocupate perioade lungi. Unii medici de "
        "familie au refuzat pacienți noi fără asigurare, o problemă pe care mediatorii nu o "
        "puteau rezolva singuri. Un plan inițial de cartografiere a gospodăriilor a stârnit "
        "îngrijorări privind datele cu caracter personal și a fost abandonat; în prezent, "
        "mediatorii înregistrează, cu acordul persoanelor, doar ceea ce este necesar pentru "
        "urmărirea stării de sănătate.",
    },
    "bucharest-homework-clubs-summer-school": {
        "language": "ro",
        "title": "Cluburi de teme și școală de vară în cartiere defavorizate",
        "summary": "Cluburile de teme de după ore și o școală de vară din patru cartiere "
        "defavorizate le oferă copiilor între 6 și 14 ani ajutor la teme, o masă caldă și "
        "activități. Cluburile colaborează cu școlile și cu părinții, pentru ca copiii să nu "
        "rămână în urmă și să nu abandoneze școala timpuriu.",
        "description": "<p>Mulți copii din cele mai sărace cartiere ale Bucureștiului, printre "
        "care mulți copii romi, nu au un loc liniștit în care să învețe, iar părinții lor nu îi "
        "pot ajuta întotdeauna la teme. Rămânerea în urmă în primii ani de școală este una "
        "dintre principalele cauze ale părăsirii timpurii a școlii.</p><ul><li>Cluburile sunt "
        "deschise în fiecare zi de școală, după ore, în centre comunitare sau în spații ale "
        "școlilor.</li><li>Profesori și voluntari pregătiți îi ajută pe copii, în grupuri mici, "
        "la teme și la citit.</li><li>Fiecare copil primește o masă caldă.</li><li>Cluburile "
        "oferă și sport, activități artistice și vizite la bibliotecă.</li><li>Personalul "
        "cluburilor se întâlnește lunar cu profesorii de la școlile copiilor pentru a discuta "
        "progresele fiecărei grupe.</li></ul><p>O școală de vară de patru săptămâni limitează "
        "pierderile de învățare din lunga vacanță de vară și îi pregătește pe copii pentru "
        "trecerea la gimnaziu. Părinții sunt invitați la o întâlnire lunară și la evenimentul "
        "de închidere a școlii de vară.</p><p>Cluburile sunt deschise tuturor copiilor din "
        "cartiere, cu prioritate pentru cei ale căror școli semnalează dificultăți.</p>",
        "target_group": "Copii între 6 și 14 ani din patru cartiere defavorizate și părinții lor",
        "results": "Aproximativ 300 de copii participă în fiecare an. Școlile raportează că "
        "participanții își fac temele mai des și repetă mai rar anul școlar, iar participarea la "
        "școala de vară a crescut de la an la an.",
        "success_factors": "Masa caldă. Grupurile mici. Contactul regulat cu școlile.",
        "transferability": "Una dintre măsurile cel mai ușor de transferat; principalele costuri "
        "sunt personalul, mesele și spațiile.",
        "lessons_learnt": "Cluburile care se bazau mai ales pe voluntari au avut un personal "
        "instabil și au pierdut mai mulți copii. Copiii între 12 și 14 ani tindeau să renunțe la "
        "cluburi, așa că s-a adăugat un program separat, cu mentorat oferit de studenți. O "
        "pauză între două cicluri de proiecte finanțate din FSE a închis cluburile timp de "
        "câteva luni în 2018.",
    },
}
