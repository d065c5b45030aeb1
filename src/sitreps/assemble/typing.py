"""Event typing by ACLED's codebook: the first rule whose words appear decides.

The rules follow the codebook's definitions in its own order of precedence: a suicide bomb is
a suicide bomb whatever else the report says; an attack from the air is an air/drone strike;
remote weapons without air cover are shelling; a protest met by force is a protest with
intervention; one-sided violence against unarmed people is an attack on civilians, while a
fight needs two organised armed sides (a crowd's fight is a riot; an attack that hits only
armed people is a battle); a bomb found or defused is a disrupted weapon use. Each rule
returns the words that decided it, as evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .prefilter import Prefilter

_F = re.IGNORECASE

# Planted or carried explosives: the weapons that can be found and made safe before use.
_EXPLOSIVE = (
    r"(?:IEDs?|improvised\s+explosive\s+devices?|explosive\s+devices?|explosives?|bombs?|landmines?"
    r"|mines?|grenades?|car\s+bombs?|VBIEDs?|suicide\s+vests?)"
)
# Fire returned, or direct-fire weapons beside the heavy ones: a fight, not a remote attack.
_DIRECT_FIRE = re.compile(
    r"\b(?:exchang\w+\s+(?:\w+\s+)?(?:fire|artillery|shelling|mortars?|gunfire|shots)"
    r"|responded\s+to\s+(?:the\s+)?(?:[\w-]+\s+)?(?:fire|shelling|attack)|returned\s+fire"
    r"|small\s+arms|(?:heavy\s+)?machine[\s-]guns?|sniper\s+(?:rifles?|fire)"
    r"|grenade\s+launchers?|infantry\s+fighting\s+vehicles?|IFVs?)\b",
    _F,
)
# Engaged in a fight, or engaged an armed side; not engaged in talks or an engagement party.
_ENGAGED = (
    r"engag(?:ed|ing)\s+(?:in\s+(?:\w+\s+){0,2}?(?:fight\w*|clash\w*|combat|battles?|firefights?"
    r"|gunfights?|exchanges?|fire)|(?:(?:suspected|two|\d+|the)\s+)?(?:(?-i:[A-Z])\w+|enemy"
    r"|militants|rebels|insurgents|gunmen|jihadists|fighters|troops|forces|soldiers|police|army))"
)
# A mob or a lynching is mob violence whatever the victims: the crowd, not an armed group, acts.
_MOB = re.compile(r"\b(?:mobs?|lynch(?:ed|ing|ings)?|angry\s+crowds?)\b", _F)
# (event_type, sub_event_type, pattern). Order is precedence.
RULES: tuple[tuple[str, str, re.Pattern[str]], ...] = (
    # A bomb defused or found before it went off is a disrupted weapon use, whatever its kind:
    # the codebook puts it among strategic developments, not explosions.
    (
        "Strategic developments",
        "Disrupted weapons use",
        re.compile(
            rf"\b(?:defus(?:ed|ing|al)|(?:neutrali[sz]ed|dismantled|destroyed|disposed\s+of"
            rf"|found|discovered|recovered|located|seized|unearthed)\s+(?:\w+\s+){{0,4}}?{_EXPLOSIVE}"
            rf"|{_EXPLOSIVE}\s+(?:\w+\s+){{0,4}}?(?:was|were)\s+(?:\w+\s+)?(?:found|discovered"
            rf"|recovered|defused|neutrali[sz]ed|seized|dismantled)|controlled\s+(?:explosion|detonation)"
            rf"|bomb\s+disposal|EOD)\b",
            _F,
        ),
    ),
    (
        "Explosions/Remote violence",
        "Suicide bomb",
        re.compile(r"\bsuicide\s+(?:bomb\w*|attack\w*|vest|car|blast|attacker)", _F),
    ),
    (
        "Explosions/Remote violence",
        "Chemical weapon",
        re.compile(
            r"\b(?:chemical\s+(?:weapon|attack|agent)s?|chlorine\s+gas|sarin|nerve\s+agent|toxic\s+gas\s+attack)",
            _F,
        ),
    ),
    (
        "Violence against civilians",
        "Sexual violence",
        re.compile(
            r"\b(?:rap(?:ed|es|ing)|sexual(?:ly)?\s+(?:violence|assault\w*|abuse\w*)|gang[\s-]rape)",
            _F,
        ),
    ),
    (
        "Violence against civilians",
        "Abduction/forced disappearance",
        re.compile(
            # Not "an attempted abduction", "a foiled kidnapping": none took place.
            r"(?<!attempted\s)(?<!foiled\s)(?<!thwarted\s)\b(?:abduct\w*|kidnap\w*|taken\s+hostage"
            r"|held\s+hostage|forcibly\s+disappeared|forced\s+disappearance)",
            _F,
        ),
    ),
    (
        "Protests",
        "Excessive force against protesters",
        re.compile(
            r"\b(?:(?:police|security\s+forces|troops|soldiers)\s+(?:\w+\s+){0,4}(?:shot|killed|opened\s+fire\s+on)\s+(?:\w+\s+){0,3}(?:protesters|demonstrators)"
            r"|(?:protesters|demonstrators)\s+(?:were\s+)?(?:shot\s+dead|killed)\s+by\s+(?:police|security\s+forces|troops|soldiers)"
            r"|(?:fired|firing|used|using|opened)\s+live\s+(?:bullets|ammunition|rounds|fire))",
            _F,
        ),
    ),
    ("Riots", "Mob violence", _MOB),
    ("Riots", "Mob violence", re.compile(r"\bvigilantes?\b", _F)),
    (
        "Riots",
        "Violent demonstration",
        re.compile(
            r"\b(?:(?<!anti-)riot(?:s|ers|ing|ed)?(?!\s+(?:police|gear|squad|control|units?))|(?:protesters|demonstrators)\s+(?:\w+\s+){0,3}(?:torched|set\s+fire|threw\s+stones|hurled|burned|looted|vandali[sz]ed|clashed))",
            _F,
        ),
    ),
    (
        "Protests",
        "Protest with intervention",
        re.compile(
            r"\b(?:(?:protest\w*|demonstrat\w*|rally|march\w*|sit-in)\b[^.]{0,120}\b(?:tear\s*gas|dispersed|water\s+cannon|rubber\s+bullets|arrested|detained|batons?)"
            r"|(?:tear\s*gas|dispersed|water\s+cannon|rubber\s+bullets)\b[^.]{0,120}\b(?:protest\w*|demonstrat\w*|rally|crowd))",
            _F,
        ),
    ),
    (
        "Protests",
        "Peaceful protest",
        re.compile(
            r"\b(?:protest(?:s|ed|ers|ing)?|demonstrat(?:ion|ions|ors|ed)|rall(?:y|ies|ied)|marched|sit-in|strike\s+action|went\s+on\s+strike)\b",
            _F,
        ),
    ),
    # Fire returned, or direct-fire weapons beside the heavy ones, is a fight, not a remote
    # attack: before the remote-violence rules.
    ("Battles", "Armed clash", _DIRECT_FIRE),
    (
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
        re.compile(
            r"\b(?:IEDs?|improvised\s+explosive|roadside\s+bomb|truck\s+bomb|(?:truck|car|vehicle|motorcycle)\s+(?:packed|laden|loaded|rigged)\s+with\s+explosives|explosives?-laden\s+(?:car|truck|vehicle|motorcycle)|landmines?|land\s+mines?|car\s+bomb|explosive\s+device|stepped\s+on\s+a\s+mine|mine\s+(?:explosion|blast)|booby[\s-]trap|bomb\s+(?:exploded|blast|went\s+off|explosion)|VBIED"
            # Left-over munitions that go off, and charges set off from afar.
            r"|unexploded\s+(?:ordnance|ordinance|munitions?|shells?|bombs?|devices?)|UXOs?"
            r"|explosive\s+remnants|(?<!controlled\s)detonat(?:ed|ing|ion))",
            _F,
        ),
    ),
    ("Explosions/Remote violence", "Grenade", re.compile(r"\bgrenades?\b(?!\s*launcher)", _F)),
    (
        "Explosions/Remote violence",
        "Air/drone strike",
        re.compile(
            r"\b(?:air\s*strikes?|airstrikes?|air\s+raids?|drones?|UAVs?|warplanes?|fighter\s+jets?|aircraft|helicopter\s+gunships?|glide\s+bombs?|bombed\s+from\s+the\s+air|aerial\s+(?:bombardment|attack|strike)s?|Shahed\w*|loitering\s+munitions?|bombing\s+raids?|KABs?)\b",
            _F,
        ),
    ),
    (
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
        re.compile(
            r"\b(?:shell(?:ed|ing|s)|artillery|missiles?|rockets?|mortars?|howitzers?|Iskander|Kinzhal"
            r"|Kalibr|MLRS|Grad|bombardment|barrage|pound(?:ed|ing))\b",
            _F,
        ),
    ),
    (
        "Battles",
        "Government regains territory",
        re.compile(
            r"\b(?:(?:army|troops|forces|military|soldiers)\s+(?:\w+\s+){0,3}(?:recaptured|retook|regained|liberated|reclaimed)|(?:recaptured|retook|regained\s+control|liberated)\b[^.]{0,60}\bfrom\s+(?:militants|rebels|insurgents|jihadists))",
            _F,
        ),
    ),
    (
        "Battles",
        "Non-state actor overtakes territory",
        re.compile(
            # Territory: a place is taken, not a vehicle or a haul of goods.
            r"\b(?:(?:militants|rebels|insurgents|jihadists|fighters|group|RSF|M23|Taliban)\s+(?:\w+\s+){0,3}"
            r"(?:seized|captured|overran|took\s+control\s+of|took\s+over)\s+(?:(?:full\s+)?control\s+of\s+)?"
            r"(?:the\s+)?(?:(?:town|village|city|district|base|camp|area|territory|region|province"
            r"|positions?|checkpoint|border|crossing|headquarters|garrison|military)\b|(?-i:[A-Z]))"
            r"|fell\s+to\s+(?:the\s+)?(?:militants|rebels|insurgents|jihadists))",
            _F,
        ),
    ),
    (
        "Battles",
        "Armed clash",
        re.compile(
            rf"\b(?:clash(?:ed|es)?|fighting|fought|battle[sd]?|exchange\s+of\s+fire|exchanged\s+fire|firefights?|gun\s*battles?|skirmish\w*|{_ENGAGED}|ambush\w*|repelled\s+an?\s+attack|attacked\s+(?:a\s+)?(?:military|army|police)\s+(?:base|post|position|checkpoint|convoy|patrol))\b",
            _F,
        ),
    ),
    (
        "Strategic developments",
        "Arrests",
        re.compile(r"\b(?:arrest(?:ed|s)?|detained|detention|taken\s+into\s+custody)\b", _F),
    ),
    (
        "Strategic developments",
        "Looting/property destruction",
        re.compile(
            r"\b(?:looted|looting|pillag(?:ed|ing)|ransacked|torched|set\s+(?:ablaze|on\s+fire)|burned\s+down"
            r"|razed|demolished|vandali[sz]ed|(?:seized|stole|carried\s+off)\s+(?:\w+\s+){0,3}(?:vehicles?"
            r"|trucks?|motorbikes?|motorcycles?|tricycles?|cattle|livestock|goods|property|supplies))\b",
            _F,
        ),
    ),
    (
        "Strategic developments",
        "Disrupted weapons use",
        re.compile(
            r"\b(?:defused|dismantled\s+an?\s+(?:IED|bomb|explosive)|seized\s+(?:a\s+)?(?:weapons|arms|explosives)\s+cache|arms\s+cache|foiled)\b",
            _F,
        ),
    ),
    (
        "Strategic developments",
        "Agreement",
        re.compile(
            r"\b(?:ceasefire|cease-fire|truce|peace\s+(?:deal|agreement|accord)|signed\s+an?\s+agreement|prisoner\s+(?:swap|exchange))\b",
            _F,
        ),
    ),
    (
        "Strategic developments",
        "Headquarters or base established",
        re.compile(
            r"\b(?:established|set\s+up)\s+(?:a\s+)?(?:new\s+)?(?:base|headquarters|camp)\b", _F
        ),
    ),
    (
        "Strategic developments",
        "Change to group/activity",
        re.compile(
            r"\b(?:merg(?:ed|er)\s+with|defect(?:ed|ion|ions)|split\s+from|broke\s+away\s+from"
            r"|formed\s+(?:a\s+)?new\s+(?:armed\s+)?(?:group|militia|alliance|coalition|faction|brigade)"
            r"|(?:pledged|declared|swore)\s+(?:its\s+|their\s+)?(?:allegiance|loyalty)|renamed|rebranded"
            r"|ended\s+(?:its|their)\s+(?:affiliation|alliance|membership)"
            # The codebook's troop movements and exercises: armed forces deployed or arrived
            # (withdrawn, they may hand territory over); drills; a security operation begun.
            r"|(?:troops|forces|soldiers|reinforcements|battalions?|brigades?|units)\s+(?:[\w-]+\s+){0,3}?"
            r"(?:(?:were|was|have\s+been|had\s+been|has\s+been)\s+)?(?:reportedly\s+)?"
            r"(?:deployed|redeployed|dispatched|stationed|arrived|reached|mobili[sz]ed)"
            r"|(?:deployed|dispatched|sent|mobili[sz]ed)\s+(?:[\w-]+\s+){0,3}?(?:troops|soldiers|forces"
            r"|reinforcements)"
            r"|military\s+(?:exercises|drills|manoeuvres|maneuvers)|conducted\s+(?:[\w-]+\s+)?"
            r"(?:exercises|drills)"
            r"|(?:announced|launched|began|started)\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?:security|military"
            r"|search(?:-|\s+)and(?:-|\s+)clear|clearing|sweep(?:ing)?)\s+operation"
            r"|operation\s+(?:is\s+)?underway)\b",
            _F,
        ),
    ),
    (
        "Strategic developments",
        "Other",
        re.compile(
            r"\b(?:coup(?:\s+d'[ée]tat)?|seized\s+power|military\s+takeover|overthr(?:ew|own)"
            r"|toppled\s+(?:the\s+)?(?:president|government))\b",
            _F,
        ),
    ),
    (
        "Strategic developments",
        "Non-violent transfer of territory",
        re.compile(
            r"\b(?:withdrew\s+from|handed\s+over|took\s+over\s+(?:\w+\s+){0,3}without\s+(?:a\s+)?(?:fight|resistance)|without\s+a\s+fight)\b",
            _F,
        ),
    ),
)
# Deaths without a weapon named: shootings and killings of unarmed people are attacks.
_CIVILIAN_VICTIMS = re.compile(
    r"\b(?:civilians?|villagers|residents|worshipp?ers|passengers|farmers|children|women|people"
    r"|family|students|shot\s+dead|massacre\w*|executed|hacked|stabbed|beheaded)\b",
    _F,
)
_ARMED_VICTIMS = re.compile(
    r"\b(?:soldiers|troops|servicemen|militants|fighters|officers|police)\b", _F
)
_VIOLENT = re.compile(
    r"\b(?:attack\w*|strikes?|struck|kill\w*|shot|gunmen|shooting|bomb\w*|explosion|blast"
    # raids, not "Raiders"; shelling, not an egg's or a moon's shell
    r"|raid(?:s|ed|ing)?|assault\w*|massacre\w*|violence|clash\w*|fighting|ambush\w*"
    r"|shell(?:s|ed|ing)|barrage|died|dead"
    r"|injured|wounded|hurt|homicide|robbery|robbed|gunpoint|shots|gunfire|stabb\w*|murder\w*"
    r"|held\s+up|open(?:s|ed)?\s+fire|fire[sd]?\s+(?:at|on|shots|into|through)|car\s*jack\w*"
    r"|bullet\s+holes?"
    # A defence ministry's words for killing or destroying the enemy: "eliminated 300 invaders",
    # "neutralised 20 terrorists", "destroyed up to 140 servicemen", "destroyed a depot".
    r"|(?:destroy(?:ed|ing|s)?|eliminat(?:ed|ing|es)|neutrali[sz](?:ed|ing|es)"
    r"|liquidat(?:ed|ing|es))\s+(?:(?:up\s+to|about|more\s+than|over|at\s+least|an?|the|their|its"
    r"|\d[\d,]*|[a-z]+)\s+){0,4}(?:servicemen|soldiers|troops|militants|fighters|invaders"
    r"|occupiers|terrorists|insurgents|personnel|military|units|positions|depots?|tanks?"
    r"|armou?red|artillery|equipment|command\s+posts?|ammunition|gunmen|bandits|jihadists"
    r"|rebels|enemy)"
    # "pulled out a handgun and demanded money": a weapon drawn on someone
    r"|pulled\s+(?:out\s+)?(?:a|an|his|her)\s+(?:gun|handgun|pistol|rifle|shotgun|firearm))\b",
    _F,
)
STRATEGIC_RE = re.compile(
    r"\b(?:summit|talks|meeting|meet|met|visit\w*|arrived|negotiations?|sanctions|ceasefire"
    r"|agreement|deal|election|resign\w*|appointed|departure|supplied|delivered|pledged"
    r"|announced\s+(?:a|new)|treaty|accord|diplomat\w*)\b",
    _F,
)


# Harm to people: without it, an attack that only burned, looted or destroyed is ACLED's
# looting/property destruction.
_PROPERTY = re.compile(
    r"\b(?:loot\w*|pillag\w*|ransack\w*|burn(?:ed|t|ing)|set\s+(?:\w+\s+)?(?:ablaze|on\s+fire)"
    r"|torch\w*|destroy\w*|vandali[sz]\w*|steal\w*|stole|stolen|seized\s+(?:\w+\s+){0,3}"
    r"(?:motorbikes?|motorcycles?|vehicles?|cattle|livestock|goods|trucks?))\b",
    _F,
)
_SETTING_ONLY = frozenset({"Agreement", "Change to group/activity"})
# Someone killed or hurt in a text that names a truce: the truce is the violence's setting.
# Not a toll a war or a fight of before took ("a war that killed 300,000").
_TRUCE_BROKEN = re.compile(
    r"(?<!\bthat\s)(?<!\bwhich\s)(?<!\bwho\s)\b(?:killed|wounded|injured|died|shot\s+dead)\b",
    _F,
)
_HARM = re.compile(
    r"\b(?:kill\w*|wound\w*|injur\w*|dead|died|death|beat\w*|shot(?!\s+down)|abduct\w*|kidnap\w*|rap(?:ed|e)"
    r"|assault\w*|hurt|execut\w*|casualt\w*|fatalit\w*|bod(?:y|ies)|hostage\w*|tortur\w*"
    r"|whipp\w*|flogg\w*|stabb\w*|murder\w*|threat\w*|intimidat\w*|opened\s+fire"
    r"|fir(?:ed|ing)\s+(?:gun)?shots\s+at|petrol\s+bombs?|molotov\w*|searched\s+for)\b",
    _F,
)


_REMOTE, _STRATEGIC, _DISRUPTED = (
    "Explosions/Remote violence",
    "Strategic developments",
    "Disrupted weapons use",
)
_INTERCEPTED = re.compile(r"\b(?:intercept(?:ed|ion|s)|shot\s+down|downed)\b", _F)
_HIT = re.compile(
    r"\b(?:hit|struck|damag\w*|destroy\w*|fire\s+broke|debris|impact\w*|landed|exploded)\b", _F
)


# A weapon's name alone, which the remote-violence rules start from: a strike needs it used.
_WEAPON = re.compile(
    r"(?:drones?|UAVs?|warplanes?|fighter\s+jets?|aircraft|helicopter\s+gunships?|missiles?"
    r"|rockets?|mortars?|howitzers?|artillery|loitering\s+munitions?)",
    _F,
)
_WEAPON_USED = re.compile(
    r"\b(?:struck|strik\w*|hit(?:s|ting)?|attack\w*|fir(?:e|ed|es|ing)|launch\w*|dropp\w*"
    r"|target\w*|bomb\w*|shell\w*|kill\w*|injur\w*|wound\w*|destroy\w*|damag\w*|explo\w*"
    r"|land(?:ed|ing)|shot|down(?:ed|ing)|intercept\w*|used|using|employ\w*|raid\w*|pound\w*"
    r"|blast\w*|casualt\w*|dead|died|victims?|impact\w*|fell|carried\s+out|conduct\w*"
    r"|operations?|sorties?|air\s*strikes?|rained|barrage|warfare|fighting|worked\s+(?:against|on)"
    r"|against\s+(?:the\s+)?(?:enemy|positions|targets|militants|rebels|insurgents|forces|troops))\b",
    _F,
)
_VAC = "Violence against civilians"
# What a protest is about or a claim says happened, not what happened: "denouncing the
# abduction of", "families who claim their children were kidnapped".
_REASON = re.compile(
    r"\b(?:against|over|denounc\w*|condemn\w*|demand\w*|claim\w*|accus\w*|justice\s+for"
    r"|release\s+of|in\s+protest\s+(?:at|of|against))\s+(?:[\w'-]+\s+){0,6}$",
    _F,
)
# The sides of a fight: crowds and unarmed groups, or organised armed groups.
_CROWD_SIDE = re.compile(
    r"\b(?:youths?|students|residents|villagers|supporters|activists|protesters|demonstrators"
    r"|rioters|teachers|workers|traders|mobs?|crowds?|political\s+opponents|Palestinians"
    r"|party\s+(?:members|supporters|activists)|neighbou?rs|families)\b",
    _F,
)
_ARMED_SIDE = re.compile(
    r"\b(?:militants?|rebels?|insurgents?|gunmen|militia\w*|fighters?|jihadists?|combatants?"
    r"|armed|troops|soldiers|army|military|bandits|guerrill\w+)\b",
    _F,
)
_PROTEST_WORDS = re.compile(
    r"\b(?:protest\w*|demonstrat\w*|march\w*|rall(?:y|ies)|sit-in|strik(?:e|ing)|dharna)\b", _F
)


_ARMED_PEOPLE = (
    r"(?:soldiers?|troops|servicem[ae]n|militants?|fighters?|police\s*officers?|policem[ae]n"
    r"|gendarmes?|militiam[ae]n|rebels?|insurgents?|jihadists?|combatants?|security\s+personnel)"
)
_ARMED_VICTIMS_ONLY = re.compile(
    rf"\b(?:killed|shot\s+dead|wounded|injured|ambushed|attacked)\s+(?:[\w-]+\s+){{0,4}}?{_ARMED_PEOPLE}\b"
    rf"|\b{_ARMED_PEOPLE}\s+(?:were|was)\s+(?:\w+\s+)?(?:killed|wounded|injured|shot)",
    _F,
)
# Unarmed people among the victims, or a remote weapon, a protest, an abduction, an execution:
# then the codebook's battle test does not apply.
_NOT_A_FIGHT = re.compile(
    r"\b(?:civilians?|villagers?|residents?|farmers?|herders?|women|children|wom[ae]n|m[ae]n|boys?"
    r"|girls?|youths?|family|people|persons?|individuals?|passengers|students?|traders?"
    r"|worshipp?ers|chief|teachers?|wife|husband|drivers?|retired|former|off-duty|unarmed|IEDs?"
    r"|mines?|explosive\w*|bomb\w*|shell\w*|air\s*strikes?|airstrikes?|drones?|rockets?|artillery"
    r"|mortars?|missiles?|grenades?|protest\w*|demonstrat\w*|riot\w*|mob|abduct\w*|kidnap\w*"
    r"|arrest\w*|detain\w*|executed|extrajudicial\w*|custody|prisoners?)\b",
    _F,
)


def armed_victims_only(text: str) -> bool:
    """True when only armed people are told as hit: the codebook's battle, not an attack on
    civilians ("militants killed a soldier", "the army killed eight militants")."""
    return bool(_ARMED_VICTIMS_ONLY.search(text)) and not _NOT_A_FIGHT.search(text)


def property_only(text: str) -> bool:
    """True when ``text`` tells of property burned, looted or destroyed and of no harm to anyone."""
    return bool(_PROPERTY.search(text)) and not _HARM.search(text)


@dataclass(frozen=True, slots=True)
class Typing:
    event_type: str
    sub_event_type: str
    spans: tuple[tuple[int, int], ...]
    by_rule: bool = True  # False: only the generic violence fallback applied
    sure: bool = False  # a rule the codebook settles whatever the learned model says


# Words of violence in senses that are no one's violence: an illness, a computer break-in, a
# market's rise, a sport's shot. Blanked out (same length, so spans keep their place) before
# the typing rules read a text.
_FIGURATIVE = re.compile(
    r"\b(?:(?:heart|panic|asthma|anxiety|cyber|ransomware|phishing|malware|denial-of-service"
    r"|DDoS)[\s-]+attacks?"
    r"|(?:market|stock|stocks|share|shares|equity|equities|bond|relief|year-end|price)\s+rall(?:y|ies)"
    r"|rall(?:y|ied|ies)\s+(?:in|for)\s+(?:[\w-]+\s+)?(?:stocks|shares|equities|bonds|prices|markets)"
    # a player's or a team's comeback
    r"|rall(?:y|ied|ies|ying)\s+(?:to\s+(?:beat|win|defeat|victory|a\s+win|draw|tie|level|edge"
    r"|claim|take|force)|from\s+(?:behind|down|\d))"
    r"|(?:stocks|shares|equities|markets|indexes|indices|prices)\s+rallied"
    r"|shots?\s+on\s+(?:goal|target|net)|died\s+down"
    # protests as a season or a topic, not one told: "hit by months of protests", "protest laws"
    r"|(?:months|weeks|years|a\s+year|a\s+month)\s+of\s+(?:[\w-]+\s+){0,2}(?:protests|demonstrations"
    r"|unrest|rallies)|protest\s+(?:laws?|bills?|songs?|votes?|signs?)"
    # a vaccine's shot; a fight against an illness
    r"|(?:flu|booster|vaccine|vaccination)\s+shots?|shots?\s+(?:against|of\s+(?:the\s+)?vaccine)"
    r"|(?:fight\w*|battl\w*|combat\w*)\s+(?:against\s+)?(?:the\s+)?(?:(?-i:AIDS|HIV)|diseases?"
    r"|cancer|malaria|polio|tuberculosis|the\s+virus|the\s+epidemic|the\s+pandemic|infections?))\b",
    _F,
)


def literal(text: str) -> str:
    """``text`` with violence words of other senses (a heart attack, a market rally) blanked."""
    if not _FIGURATIVE.search(text):
        return text
    return _FIGURATIVE.sub(lambda m: " " * len(m.group()), text)


def is_violent(text: str) -> bool:
    text = literal(text)
    return _MAY_VIOLENT.may_match(text) and bool(_VIOLENT.search(text))


# Deaths whose cause is no one's act (a collapse, a crash, a flood, an illness) are not political
# violence; they tell an event only when an attack or a weapon is named beside them
# ("the building collapsed after a missile strike").
_ACCIDENT = re.compile(
    r"\b(?:collaps\w*|crash\w*|accident\w*|earthquakes?|flood\w*|landslides?|mudslides?"
    r"|stampedes?|derail\w*|capsiz\w*|drown\w*|lightning|cyclones?|hurricanes?|typhoons?"
    r"|avalanches?|heat\s*waves?|wildfires?|heart\s+attacks?|illness\w*|diseases?|natural\s+causes"
    r"|cancer|overdos\w*|tsunamis?"
    # An epidemic kills too, and is no one's act either.
    r"|epidemics?|pandemics?|outbreaks?(?!\s+of\s+(?:violence|fighting|clashes|unrest|hostilities))"
    r"|infect\w*|virus\w*|flu|influenza|H\d+N\d+|cholera|plague|ebola|malaria|measles|polio"
    r"|tuberculosis|(?-i:HIV|AIDS)|dengue|meningitis|pneumonia|hepatitis|typhoid|anthrax"
    r"|(?:tested|tests?)\s+positive|sicken\w*|(?:fell|became|become|becoming)\s+ill"
    # and so do poisonings by food, water or gas
    r"|poisoning|tainted|contaminated|symptoms)\b",
    _F,
)
_HOSTILE = re.compile(
    r"\b(?:attack\w*|strikes?|struck|gunm[ae]n|shot|shooting|bomb\w*|explosi\w*|blasts?|raid\w*"
    r"|assault\w*|massacre\w*|clash\w*|fighting|ambush\w*|shell\w*|missiles?|drones?|rockets?"
    r"|opened\s+fire|fired\s+(?:at|on)|sabotag\w*|arson\w*|militants?|insurgents?|rebels?"
    r"|troops|soldiers|police|mobs?|burn(?:t|ed|ing)?|torch\w*|ablaze|loot\w*|vandali[sz]\w*"
    r"|ston(?:ed|ing))\b",
    _F,
)
_CROWD_ACT = re.compile(
    r"\b(?:protest\w*|demonstrat\w*|rall(?:y|ies|ied)|march\w*|riot\w*|demand\w*|sit-?ins?"
    r"|block(?:ed|ing|ade)\w*|strik(?:e|es|ing)\s+(?:workers|teachers|drivers))\b",
    _F,
)


def accidental(text: str, *, crowd_acts: bool = True) -> bool:
    """Tells of harm from an accident or a disaster, with no hostile act or armed side named.

    With ``crowd_acts``, a protest named beside the disaster is the event ("marched after the
    collapse"); a recalled disaster that "set off months of demonstrations" is not.
    """
    if not _ACCIDENT.search(text) or _HOSTILE.search(literal(text)):
        return False
    return not (crowd_acts and _CROWD_ACT.search(text))


_MAY_VIOLENT = Prefilter([_VIOLENT])
# A text none of whose words can start a rule gets no type; most text is such, and this finds
# it without a search by every rule.
_MAY_TYPE = Prefilter([*(pattern for _, _, pattern in RULES), _VIOLENT])


@lru_cache(maxsize=8192)
def classify(text: str, offset: int = 0) -> Typing | None:
    """The ACLED type of the event told in ``text``; None when no rule applies.

    ``offset`` is where ``text`` starts in the article, so that spans point into it.
    Remembered: the focus planner, the segmenter and event assembly each ask about the same
    sentences, and every rule is a search of the whole text (the answer is immutable).
    """
    text = literal(text)
    # Which rules (and, last, the violence fallback) the text holds a word of: a long
    # paragraph with one rule's word is not searched by the thirty others.
    may = _MAY_TYPE.may_match_each(text)
    if not any(may):
        return None  # none of the words any rule (or the violence fallback) starts from
    for (event_type, sub_event_type, pattern), maybe in zip(RULES, may, strict=False):
        match = pattern.search(text) if maybe else None
        if match and event_type == _VAC and _REASON.search(text, 0, match.start()):
            continue  # "families who claim their children were kidnapped ... held a sit-in"
        if match and sub_event_type in _SETTING_ONLY and _TRUCE_BROKEN.search(text):
            # "two soldiers killed despite the truce", "troops deployed after gunmen killed
            # three": the violence is the event
            continue
        named = match and event_type == _REMOTE and _WEAPON.fullmatch(match.group())
        if named and not _WEAPON_USED.search(text):
            continue  # "an order for 30 aircraft", "the new drone": a weapon named, not used
        if match:
            sure = False
            crowd = _CROWD_SIDE.search(text) and not _ARMED_SIDE.search(text)
            if sub_event_type == "Armed clash" and crowd:
                # A fight needs two organised armed sides; a crowd's fight is a riot.
                protest = _PROTEST_WORDS.search(text)
                event_type, sure = "Riots", True
                sub_event_type = "Violent demonstration" if protest else "Mob violence"
            elif pattern is _MOB:
                sure = True
            if event_type == _REMOTE and sub_event_type != "Suicide bomb":
                stopped = _INTERCEPTED.search(text)
                if stopped and not _HARM.search(text) and not _HIT.search(text):
                    # Shot down or intercepted, and nothing hit: the use was disrupted.
                    match, event_type, sub_event_type = stopped, _STRATEGIC, _DISRUPTED
            found = (offset + match.start(), offset + match.end())
            return Typing(event_type, sub_event_type, (found,), sure=sure)
    violent = _VIOLENT.search(text) if may[-1] else None
    if violent is None:
        return None
    span = ((offset + violent.start(), offset + violent.end()),)
    civilians = _CIVILIAN_VICTIMS.search(text)
    armed = _ARMED_VICTIMS.search(text)
    if civilians and not (armed and armed.start() < civilians.start()):
        return Typing("Violence against civilians", "Attack", span, by_rule=False)
    return Typing("Battles", "Armed clash", span, by_rule=False)


_EXCESSIVE_FORCE = next(p for _, sub, p in RULES if sub == "Excessive force against protesters")
_CROWD_VIOLENCE = re.compile(
    # Not "no clashes", "houses were damaged": the crowd's own acts, not what the protest is
    # about. Barricades the crowd builds block roads (the codebook's riot); breaking through
    # police barriers is not that.
    r"(?<!\bno\s)(?<!\bnot\s)(?<!\bwere\s)(?<!\bwas\s)(?<!\bare\s)(?<!\bis\s)(?<!\bbeen\s)(?<!\bof\s)\b(?:barricaded|(?:erect\w*|set\s+up|built|building|put\s+up|mounted|burn\w*|lit)\s+(?:\w+\s+)?barricades|broke\s+(?:the\s+)?windows|stormed|vandalism|destruction\s+of\s+property"
    r"|burn(?:ed|t|ing)\s+(?:\w+\s+)?(?:tyres|tires)|torched|set\s+(?:fire|ablaze)|threw\s+(?:stones|rocks"
    r"|projectiles|petrol\s+bombs|molotov)|pelted|hurled|vandali[sz]ed|looted|ransacked|smashed"
    r"|attacked\s+(?:the\s+)?(?:police|officers|a\s+police)|clash(?:ed|es)|scuffles?|rioted|rioters"
    r"|damaged|destroyed|burn(?:ed|t)|setting\s+(?:fire|ablaze)|violent(?:ly)?|took\s+(?:\w+\s+)?hostage"
    r"|(?:threw|throwing|hurled|hurling)\s+(?:\w+\s+)?(?:stones|rocks)"
    r"|fir(?:ed|ing)\s+their\s+(?:guns|firearms|weapons|rifles))\b",
    _F,
)
# "Arrested" counts only when the authorities arrest at the protest, not in a protest against
# an arrest ("demanding the release of detained activists").
_INTERVENTION = re.compile(
    r"\b(?:dispers\w+|tear\s*gas|water\s+cannons?|rubber\s+bullets|batons?"
    r"|(?:police|officers|forces|gendarmes|authorities|soldiers)\s+(?:\w+\s+){0,3}(?:arrested|detained)"
    r"|(?:protesters|demonstrators|participants|they|\d+|dozens|several|some|many|students)\s+"
    r"(?:\w+\s+){0,2}(?:were|was)\s+(?:\w+\s+)?(?:arrested|detained)"
    r"|beat\s+(?:the\s+)?(?:protesters|demonstrators)|baton-charged|fired\s+(?:warning\s+)?shots"
    r"|broke\s+up|pepper\s+spray|lathi[\s-]charge\w*|interrupt\w*|interfer\w*|deterred|faced\s+off"
    r"|(?:were|was)\s+(?:\w+\s+)?(?:arrested|detained|stopped|blocked)\s+by"
    r"|(?:prevented|stopped|blocked|barred)\s+(?:the\s+)?(?:them|protesters|demonstrators|marchers"
    r"|participants|march|protest|rally)|\d+\s+(?:people\s+)?arrested)\b",
    _F,
)


def is_intervention(text: str) -> bool:
    """True when ``text`` tells of the authorities acting on a crowd: it continues a protest."""
    return bool(_INTERVENTION.search(text))


def refine_protest(typing: Typing, text: str, offset: int = 0) -> Typing:
    """A protest's sub-type read over all its opening sentences, in ACLED's order of precedence.

    A crowd that turns violent makes a riot, even when force meets it; force against a peaceful
    crowd outranks an intervention by the authorities; only then is a protest peaceful. The
    police often arrive in a later sentence.
    """
    if typing.event_type not in ("Protests", "Riots") or typing.sub_event_type == "Mob violence":
        return typing
    for event_type, sub_event_type, pattern in (
        ("Riots", "Violent demonstration", _CROWD_VIOLENCE),
        ("Protests", "Excessive force against protesters", _EXCESSIVE_FORCE),
        ("Protests", "Protest with intervention", _INTERVENTION),
    ):
        match = pattern.search(text)
        if match:
            span = (offset + match.start(), offset + match.end())
            return Typing(event_type, sub_event_type, (*typing.spans, span), typing.by_rule)
    return typing
