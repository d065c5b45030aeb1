"""ACLED's event taxonomy: 6 event types, 25 sub-event types.

Spelled exactly as the ACLED codebook spells them, because the output is compared with
ACLED-coded data and read by tools that match these strings literally. The JSON Schema in
``schema/result.schema.json`` repeats these lists; a unit test keeps the two equal.
"""

from __future__ import annotations

from typing import Final

TAXONOMY: Final[dict[str, tuple[str, ...]]] = {
    "Battles": (
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    ),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": (
        "Sexual violence",
        "Attack",
        "Abduction/forced disappearance",
    ),
    "Protests": (
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    ),
    "Riots": (
        "Violent demonstration",
        "Mob violence",
    ),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}

EVENT_TYPES: Final[tuple[str, ...]] = tuple(TAXONOMY)
SUB_EVENT_TYPES: Final[tuple[str, ...]] = tuple(sub for subs in TAXONOMY.values() for sub in subs)
