"""Visits: the patterns of ``dyad/data/patterns/events.json`` that tell a visit, compiled once (the travel verbs
and nouns, the host's welcome, the cues of a visit under way, planned, recalled or going on), and the small
tests on the words around a trigger that use them."""

from __future__ import annotations

import re

from dyad.nlp.components.util import patterns

DATA = patterns("events")
LEVELS = DATA["visit_levels"]
_BACK_ON = (r"(?:(?:on\s+(?:[A-Z][a-z]+day|\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2})|yesterday|today|"
            r"last\s+night)\s+)?")
# "a four-day trade mission to Brazil": a minister's trip with companies, told as their mission
MISSION = r"(?:trade|commercial|business|investment|export)(?:\s+and\s+[a-z]+)?\s+mission"
VISIT_RE = re.compile(
    r"\b(?:(?P<level>" + "|".join(LEVELS) + r")\s+)?(?P<noun>visit|trip|"
    + MISSION + r")s?\b(?!or)|"
    r"\b(?P<verb>visited|visiting|visits|will visit|to visit|arrived in|arrives in|will arrive in|landed in|lands in|"
    # "arrived at Jacksons International Airport in Port Moresby"
    r"(?:arrived|arrives|landed|lands)\s+at\s+(?:the\s+)?(?:[A-Z][\w\-'\u2019]*\s+){1,5}(?:[Aa]irport|[Aa]ir\s+[Bb]ase|"
    r"[Aa]irbase)\s+in|"
    # "landed at the Nnamdi Azikiwe International Airport on Saturday night": the country from the sentence
    r"(?:arrived|arrives|landed|lands)\s+at\s+(?:the\s+)?(?:[A-Z][\w\-'\u2019]*\s+){1,5}(?:[a-z]+\s+){0,2}"
    r"(?:[Aa]irport|[Aa]ir\s+[Bb]ase|[Aa]irbase|air\s+terminal|airfield)\b(?!\s+in\b)|"
    # "spent a day in Cotonou in July 2015"; "attended the fiftieth anniversary of independence in Kinshasa"
    r"spent\s+(?:a|one|two|three|four|five|several|a\s+few)\s+(?:days?|nights?|hours)\s+in(?=\s+[A-Z])|"
    r"attended\s+(?:the\s+)?(?:[\w\-'\u2019]+\s+){1,7}?in(?=\s+[A-Z])|"
    # "made a stopover in Praia on Monday", "stopped over in Luanda on his way home"
    r"(?:made|makes|will\s+make|to\s+make)\s+an?\s+(?:brief\s+|short\s+|one-day\s+)?stop(?:over)?\s+in(?=\s+[A-Z])|"
    r"stopped\s+over\s+in(?=\s+[A-Z])|"
    # "returned from the Philippines on Wednesday night": back from a visit there
    # ("returned on Saturday from Seoul, where he met ...": the day of coming back between)
    r"(?:returned|returns|flew\s+back|flew\s+home|arrived\s+back|came\s+back)\s+(?:home\s+)?" + _BACK_ON
    + r"from(?=\s+(?:the\s+)?[A-Z])|"
    r"travell?ed to|travels to|to travel to|will travel to|would travel to|flew to|"
    # "came to Riga in January last year" (not "came to power", "came to an agreement")
    r"(?:came|comes|will\s+come)\s+to(?=\s+(?-i:[A-Z]))|(?:is|are)\s+(?:expected|due)\s+in(?=\s+[A-Z])|"
    # the next leg of a trip: "will depart for Indonesia this evening", "will then proceed to Pakistan",
    # "flies on Friday to the Maldives", "before leaving for Spain"
    r"(?:will\s+|to\s+)?(?:depart|departs|departed|departing|leave|leaves|left|leaving)\s+for(?=\s+(?:the\s+)?[A-Z])|"
    r"(?:will\s+(?:then\s+)?|to\s+)?(?:proceed|proceeds|proceeded)\s+to(?=\s+(?:the\s+)?[A-Z])|"
    r"(?:flies|fly|flying)\s+(?:on\s+\w+\s+)?to(?=\s+(?:the\s+)?[A-Z])|"
    # "Last month X was in Cairo for a round of political consultations"
    r"(?:was|were)\s+in(?=\s+(?:(?-i:[A-Z])[\w\-]+\s+){1,3}for\s+(?:a\s+|an\s+)?(?:(?:round|series)\s+of\s+)?"
    r"(?:[\w\-]+\s+)?(?:talks|consultations|meetings?|negotiations)\b)|"
    # "Rwanda's health minister, who was in Dakar on Monday and Tuesday", "who is in Rotterdam with a delegation",
    # "who was in Baku for the seventh meeting of ...": a named official's stay in a foreign place
    r"(?<=\bwho\s)(?:is|was|are|were)\s+(?:also\s+)?in(?=\s+(?:the\s+)?(?:(?-i:[A-Z])[\w\-]+\s+){1,3}"
    r"(?:on\s+(?-i:[A-Z])|for\s+(?![^,.;]*\b(?:summit|forum|conference|games|championships?|olympics)\b)|"
    r"with\s+(?:a|an|his|her|their)\s|this\s+week|at\s+the\s+invitation|from\s+(?-i:[A-Z])|from\s+\d))|"
    # "Slovenia's culture minister, in the Czech Republic for two days, ...": the same stay in apposition
    r"(?<=,\s)in(?=\s+(?:the\s+)?(?:(?-i:[A-Z])[\w\-]+\s+){1,3}for\s+(?:a|one|two|three|four|five|\d)[\s\-]+days?\b))\b",
    re.I)
RECALLED_RE = re.compile(r"\b(?:last|previous|earlier|former|once again|again|past|since|prior|ago)\b", re.I)
ONGOING_RE = re.compile(r"\b(?:is|are)\s+(?:currently\s+|now\s+)?"
                        r"(?:in\s+(?:the\s+)?[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?\s+)?"
                        # ("is in Fiji this week on an official visit")
                        r"(?:(?:this\s+week|today|this\s+weekend)\s+)?"
                        r"(?:on|for)\s+(?:a|an|his|her|their)\s+(?:[\w\-]+\s+){0,3}(?:visit|trip|" + MISSION + r")|"
                        r"\bcurrently\s+(?:on|paying)\s+(?:a|an|his|her|their)\s+(?:[\w\-]+\s+){0,3}(?:visit|trip)|"
                        r"\bis\s+(?:currently\s+)?visiting\b|"
                        # ("X, who is in Samarkand with a delegation": there on the day of the report)
                        r"\bwho\s+(?:is|are)\s+(?:also\s+)?in$", re.I)
PASSIVE_HOST_RE = re.compile(r"\b(?:was|were|is|are|be|being|been)\s+(?:\w+ly\s+)?$")
# Who travels on a visit: officials, not tourists.
OFFICIAL = re.compile(r"\b(?:president|prime minister|premier|minister|chancellor|king|queen|emir|sultan|prince|"
                      r"leader|head of (?:state|government)|delegation|ambassador|envoy|speaker|chairman|governor|"
                      # ("The head of the Federal Department of Justice and Police is in Sri Lanka")
                      r"head of the (?:[A-Z][\w\-]*\s+)*(?:Department|Ministry|Office|Agency|Directorate|Service)|"
                      r"statesman|stateswoman|"
                      r"officials?|government)s?\b", re.I)
# "the prime minister's trip": a visit named by its traveller's office alone refers to one told before
ANAPHOR_RE = re.compile(r"\b(?:the|his|her|their)\s+(?:[a-z][\w\-]*\s+){0,3}[a-z][\w\-]*['\u2019]s\s+$")
ADJACENT_PLAN = re.compile(r"\b(?:forthcoming|upcoming|planned|scheduled|expected|proposed|future|next|"
                           r"anticipated|prospective)\s+(?:[\w\-]+\s+){0,3}$", re.I)
NON_VISIT_RE = re.compile(r"\s+(?:(?:a|an|the)\s+)?(?:\w+\s+)?(?:" + "|".join(
    re.escape(w) for w in sorted(DATA["host_verb_non_visits"], key=len, reverse=True)) + r")\b", re.I)
HOST_VERB_RE = re.compile(r"\b(?:welcomed|welcomes|received|receives|hosted|hosts|greeted|greets|will welcome|"
                          r"will host|will receive)\b")
# "welcomed Bosnian Foreign Minister X", "will welcome the Prime Minister of Iceland, X,": after a form of welcome,
# nothing but the guest's titles before the name ("welcomed the decision of X" welcomes no one)
WELCOMED_GUEST_GAP_RE = re.compile(r"\s+(?:(?:[A-Z][\w\-]*|of|and|for|the|his|her|visiting)[\s,]+){0,16}")


# a relative clause on people other than the one named before ("the labourers who first arrived in ...")
OTHERS_WHO_RE = re.compile(r"\b(?:the|a|an|these|those|many|some)\s+(?:[\w\-]+\s+){0,4}[a-z]{3,}s,?\s+(?:who|that)\s+"
                           r"(?:(?:had|have|first|once|later|then|all|also)\s+)*$")
# between a host's verb and a person named later: another clause, or that person as a sender
SENDER_GAP_RE = re.compile(r",\s+(?:where|who|which|whom|during\s+which)\b|\b(?:message|letter|greetings|invitation|"
                           r"regards|congratulations)\s+(?:from|of)\s+(?:[\w\-]+\s+){0,3}$|\bon\s+behalf\s+of\s+"
                           r"(?:[\w\-]+\s+){0,3}$")


LAST_DAY_OF_RE = re.compile(r"\bon\s+the\s+(?:last|final|closing)\s+day\s+of\s+(?:his|her|their|the)\s+"
                            r"(?:[\w\-]+\s+){0,3}$", re.I)
# "said here on Wednesday at the start of a four-day trade mission, ending on Saturday": the day told before is the
# first ("on the first day of a commercial mission to Japan")
FIRST_DAY_OF_RE = re.compile(r"\b(?:at\s+the\s+(?:start|beginning|outset|opening)|on\s+the\s+(?:first|opening)\s+day)"
                             r"\s+of\s+(?:a|an|his|her|their|the)\s+(?:[\w\-]+\s+){0,3}$", re.I)
CONTINUED_TRIP_RE = re.compile(r"\bcontinu(?:e|es|ed|ing)\s+(?:his|her|their|the)\s+(?:[\w\-]+\s+)?$")
FUTURE_AFTER_RE = re.compile(r"\s+(?:could|will|would|may|might|is\s+(?:to|expected|due|planned|scheduled))\b")
RETURN_TRIGGER_RE = re.compile(r"(?:returned|returns|flew|arrived|came)\s+(?:back\s+|home\s+)*" + _BACK_ON + r"from$",
                               re.I)
# a person told inside "..., accompanied by A and B, ..." goes with the traveller
ACCOMPANIED_BY_RE = re.compile(r",\s*(?:who\s+(?:was|is)\s+)?(?:accompanied|joined|flanked)\s+by\b[^,;()]*$")


def is_welcome(verb: str) -> bool:
    """A form of "welcome" (its guest is held to WELCOMED_GUEST_GAP_RE; a meeting it tells yields to another)."""
    return verb.endswith(("welcomed", "welcomes", "welcome"))


# "On a two-day state visit to Nairobi, ...", "May 2021 - During an official visit to ...": the visit first
FRONTED_VISIT_RE = re.compile(r"^\s*(?:[^,\n]{0,30}\s[-\u2013\u2014]\s+)?"
                              r"(?:On|During|While\s+on|In\s+the\s+course\s+of)\s+"
                              r"(?:a|an|his|her|their|the)\s+(?:[\w\-]+\s+){0,3}$")
DEPARTURE_RE = re.compile(r"(?:will\s+|to\s+)?(?:then\s+)?(?:depart|leav|left|proceed|fl[yi])", re.I)
# "visit the X office / a factory / the site of ...": a place inside the country, not a trip to it
VISITS_A_SITE_RE = re.compile(r"\s+(?:the|a|an)\s+(?:[\w\-]+\s+){0,5}?(?:office|offices|plant|factory|university|"
                              r"museum|memorial|site|centre|center|port|exhibition|farm|mine|school|hospital|campus|"
                              r"headquarters|facility|facilities|park|mausoleum|cathedral|mosque|temple|base)\b", re.I)


RETURN_TO_RE = re.compile(r"\b(?:return|returns|returning|returned|back|home|fly\s+home|flying\s+home)\s+to\s+"
                          r"(?:the\s+)?$")
# a ship or an aircraft calling at a port: "the Royal Navy frigate deployed to the region will visit Manila"
VESSEL_VISITS_RE = re.compile(r"\b(?:frigate|ship|vessel|warship|destroyer|corvette|submarine|cruiser|"
                              r"aircraft\s+carrier|training\s+ship|flotilla|squadron|patrol\s+boat)s?\b[^.;,]{0,80}$",
                              re.I)
# "will visit seafood processors", "visited farmers": people at work, not a country
VISITS_PEOPLE_RE = re.compile(r"\s+(?:local\s+|small\s+)?(?:[\w\-]+\s+){0,2}?(?:processors|producers|farmers|workers|"
                              r"companies|firms|businesses|entrepreneurs|exporters|manufacturers|plants|factories|"
                              r"students|troops|refugees|communities|families)\b", re.I)
# "X was received by Y", "was received today by Y", "was warmly welcomed on Monday by Y": the agent follows
PASSIVE_BY_RE = re.compile(r"\s+(?:(?:today|yesterday|tonight|earlier|later|also|warmly|cordially|officially|"
                           r"on\s+\w+|at\s+\w+(?:\s+\w+){0,3}?)\s+)*by\b", re.I)
# a later clause of the sentence: a place it names is not where the visit goes ("the first since the new government
# took office in Damascus")
OTHER_CLAUSE_RE = re.compile(r"\b(?:since|when|where|after|before|while)\b")
