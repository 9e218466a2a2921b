"""Projects: the patterns of ``dyad/data/patterns/projects.json`` compiled once, and the status a
project takes from cue words or from the parse around its mention."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from dyad.nlp.components.util import patterns, text_of

DATA = patterns("projects")
HEADS: dict[str, str] = DATA["named_heads"]
UNNAMED: dict[str, str] = DATA["unnamed_heads"]
NOT_NAMES = {n.lower() for n in DATA["not_project_names"]}
CAP = r"(?:[\u201c\"]?[A-Z][\w'\u2019\-\u2013]*[\u201d\"]?)"
# inside a name, a capitalised word or its acronym in brackets ("Rapid Transit System (RTS) Link")
CAP_IN = r"(?:" + CAP + r"|\([A-Z]{2,8}\))"
_HEAD_ALT = "|".join(HEADS)
# "and" inside a name before more of it ("Economic and Trade Cooperation Zone"), not before its head
# ("Belt and Road": "Road" alone is no name)
_AND_IN = r"(?:and\s+(?=[A-Z])(?!(?:" + _HEAD_ALT + r")\b))?"
NAMED_RE = re.compile(  # heads may stack ("Corridor Highway")
    r"(?P<name>(?:" + CAP_IN + r"\s+" + _AND_IN + r"){0,6}?(?:" + CAP + r"\s+)?(?:(?:" + _HEAD_ALT + r")\s+)*"
    r"(?P<head>" + _HEAD_ALT + r")\b(?:-\d{1,2}(?![\w\-\u2013.,]\d))?(?![\-\u2013]\d)"  # "Line-6" numbered
    r"(?:\s+(?:for|of|on)\s+(?:the\s+)?(?:" + CAP + r"(?:\s+and)?\s*){1,6})?)")
# the phrases a name that opens with its head runs on over ("... of Road Maintenance Equipment in X")
TITLE_PP_RE = re.compile(r"(?:\s+(?:of|at|in|for|on)\s+(?:the\s+)?" + CAP + r"(?:\s+(?:and\s+)?" + CAP + r"){0,5})*")
ACRONYM_BEFORE = re.compile(r"\b(?P<acr>[A-Z]{3,8})\s+(?:project|initiative|route|corridor)?\s*\($")
# a price ("the A$500 million X project") or an owner ("the X Organisation's Y hub", "Eni's agri-hub") before the
# description: neither is part of the project's name
_PRICE = r"(?:(?-i:[A-Z]{0,3})[$\u20ac\u00a3\u00a5]\s?\d[\d.,]*(?:\s*(?:million|billion|trillion|bn|mn))?[\s\-]+)"
_OWNER = r"(?-i:(?:[A-Z][\w\-]*\s+){0,4}[A-Z][\w\-]*(?:'s|\u2019s)\s+)"
UNNAMED_RE = re.compile(
    r"(?:\b(?:a|an|the)\s+" + _PRICE + r"?" + _OWNER + r"?|(?<![\w\-'\u2019])" + _OWNER + r")"
    r"(?P<mods>(?:(?!(?:of|a|an|the|to|and|in|on|for|with|between|from|at|by|into|as|via|"
    r"through|across|along|under|over|or|that|which)\b)(?:\d{1,3}(?:,\d{3})+[\w\-]*|[\w\-'\u2013]+|\([A-Z]{2,8}\))\s+){0,5}?)"
    r"(?P<head>(?:(?-i:[a-z]{2,6})-)?(?:" +  # "agri-hub": a head joined to a short prefix
    "|".join(f"(?-i:{re.escape(h)})" if h in DATA["lowercase_only_heads"] else re.escape(h)
             for h in sorted(UNNAMED, key=len, reverse=True)) +
    r"))(?![\w\-])(?P<tail>\s+(?:scheme|arrangement|programme|program|project))?"
    r"(?P<pp>\s+(?:from|along|across|between|linking|connecting|through|under|via)\s+[^.;:()]{3,120})?", re.I)
MEASURE_RE = re.compile(r"(?:\d[\d,.]*(?:[\-\s][a-z]+)?\s+)+(?=[A-Z])")
PROPER_THEN_LOWER = re.compile(r"((?:[A-Z][\w'\u2019\-\u2013]*\s+)+)(?:[a-z][\w\-]*\s+){0,3}$")
INSTITUTION_WORDS = set(DATA["institution_words"])
AFFILIATION_RE = re.compile(r"\b(?:" + "|".join(DATA["affiliation_nouns"]) + r")\s+(?:at|of|with)\s+(?:the\s+)?$", re.I)
AGREEMENT_FOR_RE = re.compile(r"\b(?:" + "|".join(DATA["agreement_nouns"]) + r")s?\s+(?:on|for)\s+(?:the\s+)?$", re.I)
LATER_STAGE_RE = re.compile(r"\b(?:next|second|third|fourth|fifth|sixth|final|last|\d+(?:st|nd|rd|th))\s+(?:"
                            + "|".join(DATA["later_stage_words"]) + r")s?\s+of\s+(?:the\s+)?$", re.I)
ALIAS_INTRO_RE = re.compile(r"\b(?:(?:also\s+|often\s+|commonly\s+|widely\s+)?(?:known|referred\s+to(?:\s+\w+ly)?)"
                            r"\s+as|dubbed|nicknamed)\s+(?:the\s+)?$", re.I)
LINEAR = ("corridor", "railway", "road", "pipeline", "cable")
TRANSPORT_MODES = set(DATA["transport_modes"])
# a sentence opening on a definite description: "The 1,200-km road and rail corridor, from A to B, ..."
DESCRIPTION_RE = re.compile(
    r"\s*(?:The|This|That|Its)\s+(?P<mods>(?:(?:\d[\d,.]*[\w\-]*|[\w\-\u2013]+)\s+){0,5}?)(?P<noun>[a-z]+)\b"
    r"(?=\s*(?:,|\(|\b(?:is|was|will|would|has|had|have|are|were|should|could|can|may|must|lies|runs|links|"
    r"connects|extends?|includes?|hosts?)\b))")
ENDPOINT_RE = re.compile(r"\b(?:between\s+[\w\-'\u2019]+(?:\s+[A-Z][\w\-'\u2019]+)*\s+and|from|to)\s+(?:the\s+)?$")
SCHEDULE_WORDS = set(DATA["schedule_words"])
ESTABLISHING = re.compile(r"\b(?:Establishment|Creation|Construction|Building)\s+of\s+(?:a|an|the)\s+$")
PROJECT_CUE = re.compile(
    r"\b(?:build\w*|built|construct\w*|open\w*|launch\w*|inaugurat\w*|commission\w*|develop\w*|financ\w*|"
    r"invest\w*|operational|operat\w+|project|joint|agreement|established|establish\w*|complet\w*|phase|fund|funds|"
    r"upgrade\w*|moderni[sz]\w*|expan\w+|capacity|funded|grant|planned|proposed|feasibility|donat\w*|symbol\w*|"
    r"ceremony)\b", re.I)
# milestones after which a project is in use
OPENED = {"opening", "opened", "launch", "inauguration", "commissioning", "commissioned"}
STATUS_ORDER = ["operational", "under_construction", "agreed", "proposed"]
STATUS_RANK = ["unknown", "proposed", "agreed", "under_construction", "operational"]
LOWER_HEADS = {w.lower(): t for w, t in UNNAMED.items()}
NEED_NAME = set(DATA["unnamed_need_name"])
MOVEMENT = set(DATA["movement_words"])
PATH_PREPS = set(DATA["path_prepositions"])
PROJECT_NOUNS = set(DATA["project_nouns"])
APPOS_NOUNS: dict[str, str] = DATA["appositive_nouns"]
FACILITY_WORDS = set(DATA["facility_words"])
TRAILING_TYPES: dict[str, str] = DATA["trailing_type_nouns"]
# "an intergovernmental agreement on building X", "a protocol for the joint development of X"
AGREED_RE = re.compile(
    r"\b(?:" + "|".join(DATA["agreement_nouns"]) + r")s?\b(?:\s+[\w\-]+){0,4}?\s+(?:on|for|to|concerning)\s+"
    r"(?:the\s+)?(?:joint(?:ly)?\s+)?(?:" + "|".join(DATA["undertaking_words"]) + r")\b", re.I)
JOINT_RE = re.compile(
    r"\bjoint\s+(?:" + "|".join(DATA["joint_undertakings"]) + r")\s+of\s+the\s+"
    r"(?P<np>(?:[A-Z][\w\-]*\s+){1,4}(?P<noun>[a-z]{3,}))\b")
_LOWER_ALT = "|".join(sorted((re.escape(h) for h in UNNAMED), key=len, reverse=True))
APPOS_RE = re.compile(
    r"(?<![\w\-])(?P<name>[A-Z][\w\-]*(?:\s+[A-Z0-9][\w\-]*){1,3}(?:\s+(?:" + _LOWER_ALT + r"))?),\s+"
    r"(?:the|a|an)\s+(?P<mods>(?:(?:\d[\d,.]*[\w\-]*|[a-z][\w\-]*)\s+){0,4}?)"
    r"(?P<noun>" + "|".join([*APPOS_NOUNS, _LOWER_ALT]) + r")\b")
# "Nepal's first satellite, NepaliSat-1, ...", "the country's first nuclear plant, Akkuyu, ...": a proper name set
# after a head that says it is the first or a new one of its kind
NAME_AFTER_HEAD_RE = re.compile(
    r"\b(?:first|new|joint|own)\s+(?:[a-z][\w\-]*\s+){0,2}?(?P<noun>" + _LOWER_ALT + r"),\s+"
    r"(?P<name>[A-Z][\w\-]*(?:\s+[A-Z0-9][\w\-]*){0,3}),")
# clause boundaries in the dependency parse: a cue beyond one belongs to another predicate
BOUNDARY = {"relcl", "advcl", "ccomp", "parataxis", "csubj", "ROOT"}
# ("long-planned", "much-expected": an adjective of the thing, not a plan for the date told)
FUTURE_RE = re.compile(r"(?<![\w-])(?:will|would|shall|should|could|may|might|expected|due|plan(?:s|ned)?|aim(?:s|ed)?|"
                       r"scheduled|set to|to be|is to|are to|on track|intends?|intended|targets?|targeted)\b", re.I)


def _cue_regex(cues: list[str]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True))
                      + r")(?![\w-])", re.I)


STATUS_RE = {k: _cue_regex(v) for k, v in DATA["status_cues"].items()}
OVERRIDE_RE = [(k, _cue_regex(v)) for k, v in DATA["status_overrides"].items()]
GENERIC_HEADS = set(DATA["generic_named_heads"])
NAME_TYPE_RE = [(k, re.compile(r"\b(?:" + "|".join(re.escape(w) for w in v) + r")\b"))
                for k, v in DATA["name_type_words"].items()]
MILESTONE_RE = _cue_regex(DATA["milestone_verbs"])
ANAPHOR_RE = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+(project|" + "|".join(
    sorted((re.escape(h) for h in UNNAMED if " " not in h), key=len, reverse=True)) + r")\b")


def in_heading(doc: Doc, pos: int) -> bool:
    """Section headings ("A Cultural Bridge in Fuzuli") use project words as metaphors."""
    start = text_of(doc).rfind("\n", 0, pos) + 1
    end = text_of(doc).find("\n", pos)
    line = text_of(doc)[start:end if end >= 0 else len(text_of(doc))].strip()
    return bool(line) and line[-1] not in ".!?\"”:" and len(line.split()) <= 12


def status_from(text: str) -> str:
    """The strongest status cue in the text; a cue inside a longer cue of another status yields to it
    ("plan to build" is a proposal even though "to build" alone reads as agreed)."""
    for st, rx in OVERRIDE_RE:
        if rx.search(text):
            return st  # "the final investment decision is expected in 2026": not yet past that stage
    hits = [(m.start(), m.end(), st) for st in STATUS_ORDER for m in STATUS_RE[st].finditer(text)]
    hits += [(m.start(), m.end(), "agreed") for m in AGREED_RE.finditer(text)]
    hits = [h for h in hits if not any(o[2] != h[2] and o[0] <= h[0] and h[1] <= o[1] and o[1] - o[0] > h[1] - h[0]
                                       for o in hits)]
    found = {h[2] for h in hits}
    return next((st for st in STATUS_ORDER if st in found), "unknown")


def _is_boundary(t: Token) -> bool:
    return t.dep_ in BOUNDARY or (t.dep_ == "conj" and t.pos_ in ("VERB", "AUX")) or t.head is t


def mention_root(span: Span) -> Token:
    """The mention's head: the first token attached outside the span that is not a possessor ("Egypt's")."""
    outside = [t for t in span if t.head is t or not (span.start <= t.head.i < span.end)]
    return next((t for t in outside if t.dep_ not in ("poss", "case", "punct")), span.root)


def np_head(span: Span) -> Token:
    t = mention_root(span)
    while t.dep_ in ("compound", "flat") and t.head is not t and t.head.i >= span.start:
        t = t.head
    return t


def clause_of(tok: Token) -> tuple[Token, str]:
    """The predicate governing a token and the text of its clause, without embedded clauses
    (relative, adverbial, complement, coordinated) that do not contain the token."""
    pred = tok
    while not _is_boundary(pred):
        pred = pred.head
    skip = [(c.left_edge.i, c.right_edge.i) for c in pred.subtree
            if c is not pred and _is_boundary(c) and not (c.left_edge.i <= tok.i <= c.right_edge.i)]
    words = [t.text_with_ws for t in pred.subtree if not any(a <= t.i <= b for a, b in skip)]
    return pred, "".join(words)


def _ongoing(v: Token) -> bool:
    """'has been importing ... since 2022', 'have run together since 1988': in use since a past date."""
    kids = {c.lower_ for c in v.children}
    return "since" in kids and bool(kids & {"has", "have", "had"}) and v.pos_ in ("VERB", "AUX")


def verb_above(t: Token) -> Token | None:
    while t.head.i != t.i and t.pos_ not in ("VERB", "AUX"):  # spaCy makes a new Token on each access: no `is`
        t = t.head
    return t if t.pos_ in ("VERB", "AUX") else None


def parse_status(np: Token) -> str:
    """Status from the parse when no cue word says it: a project used as the path of a movement
    ('cargo traffic via X', 'gas flows through X') or in use since a past date exists."""
    for rel in (c for c in np.children if c.dep_ in ("relcl", "acl")):
        if _ongoing(rel):
            return "operational"
    v = verb_above(np)
    if v is not None and _ongoing(v):
        return "operational"
    prep = np.head
    if np.dep_ == "pobj" and prep.lower_ in PATH_PREPS and prep.head is not prep:
        mover = prep.head
        modal = any(c.dep_ == "aux" and c.lower_ in ("will", "would", "could", "shall", "may", "might")
                    for c in mover.children)
        window = {t.lower_ for t in prep.doc[max(prep.i - 4, prep.sent.start):prep.i]}
        if (mover.lower_ in MOVEMENT or window & MOVEMENT) and not modal and not any(
                c.lower_ in ("new", "planned", "proposed", "future") for c in np.children):
            return "operational"
    return "unknown"


# "the X Road and Bridge Corporation": a name that runs on into a company's
COMPANY_AFTER_RE = re.compile(r"\s+and\s+(?:[A-Z][\w\-]*\s+){1,3}(?:" + "|".join(
    re.escape(w) for w in patterns("org_forms")["corporate_suffixes"]) + r")(?![\w\-])")
# the development funds of states that lend and give: "the Saudi Fund for Development", "the Economic Development
# Cooperation Fund", "the Abu Dhabi Fund for Development"
LENDER_FUND_RE = re.compile(r"\bFund\s+for\s+(?:Economic\s+|International\s+)?Development\b|"
                            r"\b(?:Development|Cooperation)\s+(?:\w+\s+)?Fund\b")
# "an agreement for a 1-gigawatt wind farm": a contract for one plant of a stated size
MEASURED_DEAL_RE = re.compile(r"\b(?:agreements?|contracts?|deals?|loans?|financing)\s+(?:on|for)\s+(?:an?|the)\s+$")
# "the Smokovac-Matesevac section of the": a named part of a project
SECTION_OF_RE = re.compile(r"(?P<part>(?:[A-Z][\w'\u2019\-\u2013]+\s+){1,3}(?:section|stretch|segment|phase|leg))"
                           r"\s+of\s+(?:the\s+)?$")
