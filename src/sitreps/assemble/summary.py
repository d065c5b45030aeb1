"""A one-sentence summary of an event in the style of ACLED's notes."""

from __future__ import annotations

from ..types import Event

_VERB = {
    "Air/drone strike": "carried out an air/drone strike on",
    "Shelling/artillery/missile attack": "shelled or fired missiles at",
    "Remote explosive/landmine/IED": "detonated an explosive device in",
    "Suicide bomb": "carried out a suicide bombing in",
    "Grenade": "threw a grenade in",
    "Chemical weapon": "used a chemical weapon in",
    "Armed clash": "clashed in",
    "Attack": "attacked civilians in",
    "Abduction/forced disappearance": "abducted people in",
    "Sexual violence": "committed sexual violence in",
    "Peaceful protest": "protested in",
    "Protest with intervention": "protested and were met by force in",
    "Excessive force against protesters": "used excessive force against protesters in",
    "Violent demonstration": "rioted in",
    "Mob violence": "engaged in mob violence in",
}


_PLURAL = {
    "drone": "drones", "missile": "missiles", "rocket": "rockets", "air_strike": "air strikes",
    "ied": "explosive devices", "suicide_bomb": "suicide bombs", "grenade": "grenades",
    "firearm": "firearms", "explosive": "explosives", "chemical": "chemical weapons",
    "blade": "bladed weapons",
}  # fmt: skip


def _figure(label: str, best: int | None) -> str | None:
    return None if best is None else f"{best} {label}"


def summarize(event: Event) -> str:
    """ "On 17 June 2025, Military Forces of Russia carried out an air/drone strike on Kyiv ..."."""
    when = (
        f"On {event.date.end:%-d %B %Y}"
        if event.date.end and event.date.precision == "day"
        else (
            f"In {event.date.start:%B %Y}"
            if event.date.start and event.date.precision == "month"
            else "On an unknown date"
        )
    )
    perpetrators = [a.name for a in event.actors if a.role == "perpetrator"]
    who = " and ".join(perpetrators) or "unidentified actors"
    where = "an unknown location"
    if event.location is not None:
        parts = [event.location.name, event.location.admin1, event.location.country]
        where = event.location.name + (
            f" ({', '.join(p for p in parts[1:] if p)})" if any(parts[1:]) else ""
        )
    verb = _VERB.get(event.sub_event_type)
    if verb is None:
        sentence = (
            f"{when}, {event.sub_event_type.lower()} ({event.event_type}) reported in {where}."
        )
    else:
        sentence = f"{when}, {who} {verb} {where}."
    weapons = list(dict.fromkeys(_PLURAL.get(w.kind, w.kind) for w in event.weapons))
    if weapons and event.event_type == "Explosions/Remote violence":
        listed = " and ".join(weapons) if len(weapons) <= 2 else ", ".join(weapons)
        sentence = sentence[:-1] + f", using {listed}."
    figures = [
        _figure("fatalities", event.fatalities.best if event.fatalities else None),
        _figure("injured", event.injured.best if event.injured else None),
    ]
    stated = [f for f in figures if f]
    return sentence + (" " + ", ".join(stated).capitalize() + "." if stated else "")
