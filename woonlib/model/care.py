"""Care homes: 30% of new social rent for residents with a care or support need.

The rule and its bases, with no import from the core: `woonlib.model.core.care` composes them
for a scenario, and `woonlib.model.segments.care_table` tabulates the result.
"""

from __future__ import annotations

# The bases the care homes are computed on: the programme's new social rent before demolition
# (the rule's base, lines 931-933), the same net of demolition (shown beside it) and the
# scenario's social rent
CARE_BASES = ("programme_gross", "programme_net", "scenario")
# The bases the headline may take (assumption care_base): net of demolition is shown only
CARE_HEADLINE_BASES = ("programme_gross", "scenario")


def care_homes(social_rent_homes: float, care_share: float) -> float:
    """Homes for residents with a care or support need  [homes].

    Woonvisie 2024, lines 931–933: 30% of every new social-rent development.
    """
    return social_rent_homes * care_share
