"""Headline targets of the EU Roma strategic framework for equality, inclusion and participation
2020–2030 (European Commission communication of 7 October 2020), shipped as data so a plan's
indicator can say which one it serves."""

from __future__ import annotations

# (code, objective, headline target)
EU_ROMA_TARGETS = [
    ("DISCRIMINATION", "Fight and prevent antigypsyism and discrimination",
     "Cut by at least half the proportion of Roma who experience discrimination"),
    ("POVERTY", "Reduce poverty and social exclusion",
     "Cut by at least half the poverty gap between Roma and the general population"),
    ("POVERTY-CHILDREN", "Reduce poverty and social exclusion",
     "Cut by at least half the poverty gap between Roma children and other children"),
    ("PARTICIPATION", "Promote participation through empowerment, cooperation and trust",
     "Double the proportion of Roma who file a complaint when they experience discrimination"),
    ("EDU-ECEC", "Increase effective equal access to quality inclusive mainstream education",
     "Cut by at least half the gap in participation in early childhood education and care"),
    ("EDU-UPPER-SECONDARY", "Increase effective equal access to quality inclusive mainstream education",
     "Reduce by at least one third the gap in upper secondary completion"),
    ("EDU-SEGREGATION", "Increase effective equal access to quality inclusive mainstream education",
     "Cut by at least half the proportion of Roma children attending segregated primary schools"),
    ("EMPLOYMENT", "Increase effective equal access to quality and sustainable employment",
     "Cut by at least half the employment gap"),
    ("EMPLOYMENT-GENDER", "Increase effective equal access to quality and sustainable employment",
     "Cut by at least half the gender employment gap for Roma"),
    ("NEET", "Increase effective equal access to quality and sustainable employment",
     "Cut by at least half the gap in young people not in employment, education or training"),
    ("HEALTH", "Improve Roma health and increase effective equal access to healthcare",
     "Cut by at least half the life expectancy gap"),
    ("HOUSING-DEPRIVATION", "Increase effective equal access to adequate desegregated housing",
     "Cut by at least one third the gap in housing deprivation"),
    ("HOUSING-OVERCROWDING", "Increase effective equal access to adequate desegregated housing",
     "Cut by at least half the gap in overcrowding"),
    ("HOUSING-WATER", "Increase effective equal access to adequate desegregated housing",
     "Ensure that at least 95% of Roma have access to tap water"),
]  # fmt: skip
