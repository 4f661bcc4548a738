"""Headline targets of the EU Roma strategic framework for equality, inclusion and participation
2020–2030 (European Commission communication of 7 October 2020), shipped as data so a plan's
indicator can say which one it serves. The objectives and targets are marked for translation:
pages show them with gettext (the rows keep the English)."""

from __future__ import annotations

from django.utils.translation import gettext_noop as _

# (code, objective, headline target)
EU_ROMA_TARGETS = [
    ("DISCRIMINATION", _("Fight and prevent antigypsyism and discrimination"),
     _("Cut by at least half the proportion of Roma who experience discrimination")),
    ("POVERTY", _("Reduce poverty and social exclusion"),
     _("Cut by at least half the poverty gap between Roma and the general population")),
    ("POVERTY-CHILDREN", _("Reduce poverty and social exclusion"),
     _("Cut by at least half the poverty gap between Roma children and other children")),
    ("PARTICIPATION", _("Promote participation through empowerment, cooperation and trust"),
     _("Double the proportion of Roma who file a complaint when they experience discrimination")),
    ("EDU-ECEC", _("Increase effective equal access to quality inclusive mainstream education"),
     _("Cut by at least half the gap in participation in early childhood education and care")),
    ("EDU-UPPER-SECONDARY", _("Increase effective equal access to quality inclusive mainstream education"),
     _("Reduce by at least one third the gap in upper secondary completion")),
    ("EDU-SEGREGATION", _("Increase effective equal access to quality inclusive mainstream education"),
     _("Cut by at least half the proportion of Roma children attending segregated primary schools")),
    ("EMPLOYMENT", _("Increase effective equal access to quality and sustainable employment"),
     _("Cut by at least half the employment gap")),
    ("EMPLOYMENT-GENDER", _("Increase effective equal access to quality and sustainable employment"),
     _("Cut by at least half the gender employment gap for Roma")),
    ("NEET", _("Increase effective equal access to quality and sustainable employment"),
     _("Cut by at least half the gap in young people not in employment, education or training")),
    ("HEALTH", _("Improve Roma health and increase effective equal access to healthcare"),
     _("Cut by at least half the life expectancy gap")),
    ("HOUSING-DEPRIVATION", _("Increase effective equal access to adequate desegregated housing"),
     _("Cut by at least one third the gap in housing deprivation")),
    ("HOUSING-OVERCROWDING", _("Increase effective equal access to adequate desegregated housing"),
     _("Cut by at least half the gap in overcrowding")),
    ("HOUSING-WATER", _("Increase effective equal access to adequate desegregated housing"),
     # xgettext:no-python-format
     _("Ensure that at least 95% of Roma have access to tap water")),
]  # fmt: skip
