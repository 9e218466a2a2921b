"""Agreements: the instrument and sector vocabularies of ``dyad/data/patterns/agreements.json`` and the
patterns that find titled, described and field-only instruments in a sentence."""

from __future__ import annotations

import re
from functools import lru_cache

from dyad.nlp.components.util import patterns

DATA = patterns("agreements")
INSTRUMENTS: dict[str, str] = DATA["instruments"]
SECTOR_KEYS = sorted(((k, s) for s, ks in DATA["sectors"].items() for k in ks), key=lambda x: -len(x[0]))
# compiled once: a few hundred keywords would otherwise churn the re module's pattern cache
SECTOR_RES = [(re.compile(r"(?<![\w-])" + re.escape(k) + r"(?![\w-])"), s) for k, s in SECTOR_KEYS]
GENERIC = set(DATA["generic_fields"])
HEADS = sorted(DATA["titled_heads"], key=len, reverse=True)
HEAD_ALT = "|".join(re.escape(h) for h in HEADS) + "|MoUs?|MoCs?"
# (not a building named for one: "the Cape Town International Convention Centre")
HEAD_RE = re.compile(r"\b(?P<head>" + "|".join(re.escape(h) for h in HEADS) + r"|Decision)\b"
                     r"(?!\s+(?:Centre|Center|Hall|Complex|Palace|Building|Bureau|Secretariat)\b)(?P<no>\s+No\.?\s*\d+)?")
MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"}
WEEKDAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
FUNCTION = {"of", "on", "in", "for", "between", "to", "the", "and", "a", "an", "among", "with", "at", "by"}
PARTICIPLES = {"commemorating", "approving", "establishing", "marking", "concerning", "regarding", "amending",
               "on", "creating", "setting"}
STOP_LEFT = {"A", "An", "The", "This", "That", "These", "Those", "Our", "Its", "Their", "New"}
TOKEN_RE = re.compile(r"\d{4}\s*[\u2013\-]\s*\d{4}|\d+(?:st|nd|rd|th)?|No\.|[A-Za-z][\w'\u2019\-]*|[^\s\w]", re.U)
# Words that start a clause or a predicate after a title, never part of it ("the Treaty ... as the foundation").
CLAUSE_WORDS = {"as", "which", "that", "who", "was", "were", "is", "are", "has", "have", "had", "will", "would",
                "be", "been", "since", "when", "while", "because", "after", "before", "remains", "remain",
                "sets", "aims", "seeks", "provides", "calls", "includes", "covers", "envisages", "lays", "outlines",
                "replaces", "lifts", "allows", "gives", "opens", "marks", "signals", "defines", "can", "could",
                "should", "may", "must", "issued", "signed", "adopted", "released", "published", "concluded"}
# "the other documents were memorandums on A and B, and a joint declaration": a list of the texts signed
LISTED_DOCS = (r"\b(?:documents|texts|instruments|agreements|accords|deals|pacts)\s+(?:were|are|included|include|"
               r"comprised|comprise)\b")
# the protocol or minutes of a session, or of the work of a joint commission, records the whole session
SESSION_RECORD = re.compile(r"(?:(?:final\s+)?(?:protocol|minutes))\s+(?:of|on)\s+the\s+(?:[\w\-]+\s+){0,8}?"
                            r"(?:session|meeting|commission|committee)\b", re.I)
# Words before a plural instrument noun that make its list new texts, not a recap of ones told before.
FRESH_LIST = re.compile(r"\b(?:remaining|other|further|additional|also\s+(?:signed|exchanged|adopted|concluded)|"
                        r"(?:documents|texts|instruments)\s+(?:were|are|included|include))\b[^.;]*$", re.I)
ANNIV_RE = re.compile(r"\b(\d+)(?:st|nd|rd|th)\s+anniversary\s+of\s+(?:the\s+)?$", re.I)
# "a memorandum of understanding (MOU) on X": the abbreviation the article will use, between noun and field
ABBR_AFTER = r"(?:\s*\((?i:mous?|mocs?)\))?"
_NOUNS = (r"agreements|accords|memoranda(?: of (?:understanding|cooperation))?|"
          r"memorandums(?: of (?:understanding|cooperation))?|documents|instruments|deals|pacts|"
          r"protocols|contracts|treaties|roadmaps|MoUs|MoU|MoCs|MoC|agreement|"
          r"memorandum(?: of (?:understanding|cooperation))?|"
          r"accord|protocol|pact|programmes|programs")
# "agreements in A and B"; "cooperation agreements in the areas of A, B and C"; "19 contracts and
# agreements worth over 13 billion euros in sectors including A, B"; "nine memoranda of understanding
# and agreements have been signed between the two countries in sectors such as A, B"
PLURAL_TRIGGER = re.compile(
    r"\b(?P<noun>" + _NOUNS + r")\b(?:\s+and\s+(?:" + _NOUNS + r")\b)?" + ABBR_AFTER +
    r"(?P<mid>(?:\s+(?:were|was|have been|has been|had been))?(?:\s+(?:signed|concluded|reached|inked|exchanged))?"
    r"(?:\s+between\s+the\s+two\s+(?:countries|sides|nations|governments))?)"
    r"(?:\s+worth\s+(?:over\s+|about\s+|around\s+|nearly\s+|more\s+than\s+|some\s+|almost\s+)?"
    r"[$\u20ac\u00a3\u00a5]?[\d.,]+(?:\s*(?:million|billion|trillion|bn|mn))?(?:\s+[a-z]+)?)?"
    # "signed ten memoranda at the end of the session (JPC), covering areas that include A, B": the list
    # after an adverbial of place or occasion set off by a comma
    r"(?:\s+(?:(?:at|on)\s+the\s+(?:end|close|conclusion|margins?|sidelines|occasion)\s+of|during|after|following)"
    r"\s+[^.;:]{3,160}?,(?=\s+covering\s))?"
    # "documents signed in front of the two presidents covered A, B and C": the witnesses before the verb
    r"(?:\s+(?:in\s+front\s+of|before|in\s+the\s+presence\s+of)\s+[^.;:,]{3,80}?"
    r"(?=\s+(?:cover|covers|covered|covering)\s))?"
    # "The agreements, signed by the two ministers, covered A, B and C": a participle clause before the verb
    r"(?:,\s+(?:signed|concluded|exchanged|inked)\s+(?:by|in|at|on|during)\s+[^.;:,]{3,80},"
    r"(?=\s+(?:cover|covers|covered|covering)\s))?"
    # "three memoranda, (namely) on A, on B and on C", "two memoranda: on A and on B"; "Four memoranda, covering A,
    # B and C, were signed"
    r"(?:,?\s+(?:namely|specifically)(?=,?\s+on\s),?|[,:](?=\s+on\s)|,(?=\s+covering\s))?"
    r"\s+(?:in\s+(?:the\s+)?(?:fields?|areas?|spheres?|sectors?|domains?)\s+(?:of|such\s+as|including|like)|"
    r"in\s+(?:the\s+)?(?:fields?|areas?|spheres?|sectors?|domains?)(?=\s+[a-z])|"
    r"covering\s+(?:the\s+)?(?:fields?|areas?|spheres?|sectors?)\s+(?:that|which)\s+include[sd]?|"
    r"covering\s+(?:the\s+)?(?:fields?|areas?|spheres?|sectors?)\s+(?:such\s+as|including|like|of)|"
    # (not "exchanged in the presence of the ministers": who attended, not what the texts cover)
    r"in(?!\s+(?:the\s+)?(?:presence|front|company|margins?|course|run-up|wake|framework)\b)|on|covering|"
    r"(?P<cover>cover|covered)(?:\s+(?:the\s+)?(?:fields?|areas?|spheres?|sectors?)\s+"
    r"(?:of|such\s+as|including|like))?|concerning|related to|(?P<between>between)|"
    # "a memorandum establishing a mechanism of political consultations", "a declaration renewing relations"
    r"establishing|renewing|restoring)"
    # "covering, in particular, A, B and C": a parenthetic adverb before the list
    r"(?:,\s*(?:in\s+particular|notably|inter\s+alia|among\s+others|among\s+other\s+things|mainly|chiefly),)?\s+"
    r"(?P<list>(?:[^.;:()]|\([A-Z][A-Za-z&\-]{1,10}\))+)",  # a name's acronym in brackets stays in the list
    re.I)
JOINT_STATEMENT = re.compile(
    r"\b(?P<verb>signed|issued|adopted|released|approved|including|included|includes|and)\s+(?:a|an|the)\s+"
    r"(?:(?:broader|second|separate|wider|further|new|comprehensive|following)\s+)?(?P<title>joint\s+(?P<noun>statement|declaration|"
    r"communiqu[eé])(?:\s+of\s+intent)?"
    # "a joint declaration of the Storting and the Riksdag on ...": the named bodies that issue it
    r"(?:\s+(?:of|by)\s+(?:the\s+)?(?-i:[A-Z][\w\-]*)(?:\s+(?-i:[A-Z][\w\-]*))*"
    r"(?:\s+and\s+(?:the\s+)?(?-i:[A-Z][\w\-]*)(?:\s+(?-i:[A-Z][\w\-]*))*)?(?=\s+(?:on|to)\s))?"
    r"(?:\s+(?:on|to)\s+(?:a\s+|the\s+)?[a-z][\w\- ]{2,80}?)?)"
    # "a joint declaration of the two presidents": who issued it, not what it is about
    r"(?:\s+(?:of|by)\s+the\s+(?:two|three|four|five|both)\s+(?:presidents|leaders|heads\s+of\s+state|"
    r"prime\s+ministers|ministers|foreign\s+ministers|governments|sides|countries))?"
    r"(?=[,.;:]|\s+(?:and|ahead|after|before|during|at|in|that|which|today|yesterday|on|stressing|calling|reaffirming|"
    r"expressing|"
    r"welcoming|condemning|urging|outlining|setting|covering|underlining|supporting|backing|endorsing)\b)",
    re.I)
# "in a joint communique issued at the end of the visit": the verb after the instrument
JOINT_ISSUED = re.compile(
    r"\b(?:a|an|the)\s+(?P<title>joint\s+(?P<noun>statement|declaration|communiqu[eé]))\s+"
    r"(?P<verb>issued|signed|adopted|released|published)\b", re.I)
# "according to a joint statement", "the two leaders said in a joint statement": one was issued
JOINT_CITED = re.compile(
    r"\b(?:according\s+to|said\s+in|stated\s+in|noted\s+in|(?<=,\s)in)\s+(?:a|the|their)\s+"
    r"(?P<title>joint\s+(?P<noun>statement|declaration|communiqu[eé]))\b(?!\s+(?:of|by)\s+(?:the\s+)?[A-Z])"
    r"(?!\s+to\s+(?:the\s+)?(?:press|media|reporters|journalists))", re.I)  # "a joint statement to the press": remarks
LOWER_INSTRUMENT = re.compile(
    r"(?:\b(?P<verb>signed|signing of|concluded|reached|inked|agreed|adopted|develop|prepare|preparing|draft|"
    r"drafting|is|are|was|were|include|includes|included|including|adopt|approve|"
    r"among\s+(?:them|others|which|these|those)(?=\s+an?\s)|under(?=\s+an?\s))|"
    r"(?P<listed>[,:](?:\s+as\s+well\s+as)?|\band(?=\s+an?\s)|(?:(?<=\n)|^)[ \t]*[-\u2022*\u2013]))(?:\s+and)?\s+"
    r"(?P<title>(?:a|an|the)\s+(?:(?:new|trilateral|bilateral|multilateral|intergovernmental|joint|separate|"
    r"complementary|additional|supplementary|framework)\s+)*(?:(?-i:[a-z][a-z\-]+)\s+){0,2}"
    r"(?P<noun>agreement|memorandum(?:\s+of\s+(?:understanding|cooperation)(?=\s+(?:for|providing|with|covering|allowing|"
    r"enabling|permitting)\s))?|deal|"
    r"contract|"
    r"roadmap|road map|treaty|protocol|minutes|programme|program|plan\s+of\s+action|action\s+plan|work\s+plan|"
    r"exchange\s+of\s+notes|exchange\s+of\s+letters|letter\s+of\s+intent|declaration\s+of\s+intent|arrangement)"
    + ABBR_AFTER + r"\s+"
    r"(?:of\s+(?:about\s+|around\s+|some\s+|nearly\s+)?[$\u20ac\u00a3\u00a5]?"
    r"[\d.,]+\s+(?:(?:million|billion|trillion)\s+)?[\w.]+\s+)?"  # "a loan agreement of about 100 billion yen for"
    r"(?:with\s+(?:[\w\-]+\s+){1,6}?)?"
    r"(?:to|on|for|providing\s+for|forming|establishing|creating|between|amending|under\s+which|"
    # ("an agreement waiving visa requirements for ...", "a memorandum covering civil preparedness")
    r"waiving|exempting|abolishing|lifting|covering|allowing|enabling|permitting|"
    r"extending|(?<=programme )of|(?<=program )of|(?<=protocol )of(?=\s+the\s+(?:\w+\s+){0,2}(?:session|meeting))|"
    r"(?<=minutes )of(?=\s+the\s+(?:\w+\s+){0,2}(?:session|meeting)))\s+"
    r"(?:[^.,;:()\u201c\u201d\"]|(?<=\d)[.,](?=\d)|"
    # ("on economic, commercial and technical cooperation": a list of lower-case words inside the field)
    r",(?=\s+(?-i:[a-z][a-z\-]+)(?:,\s+(?-i:[a-z][a-z\-]+))*,?\s+and\s+(?-i:[a-z][a-z\-]+)\s+(?-i:[a-z])))"
    r"{3,120})", re.I)
# A name defined with its acronym, "the Strategic Trade and Investment Partnership (STIP)", and the
# acronym used as an instrument's name elsewhere: "the STIP agreement", "the MLSA deal".
ACRONYM_DEF = re.compile(r"\b(?P<name>[A-Z][\w\-]+(?:\s+(?:(?:and|of|for|on|in|the|&)\s+)*[A-Z][\w\-]+){1,8})\s+"
                         r"\((?P<acr>[A-Z]{2,6})\)")
ACRONYM_USE = re.compile(r"\b([A-Z]{2,6})\s+(?:agreement|deal|pact|accord|treaty|framework|partnership)\b", re.I)
ROADMAP = re.compile(r"\b(?P<title>(?:road ?map|action plan|work plan|working plan|programme|program)\s+"
                     r"(?:for|on)\s+"
                     r"(?:the\s+)?[a-z][\w\- ]{2,60}?(?:cooperation|development|partnership))\b", re.I)


def sectors_of(text: str | None) -> list[str]:
    """Sectors named in a text, most specific first; 'diplomacy' and 'other' only when nothing else fits."""
    return list(_sectors_of(text or ""))


@lru_cache(maxsize=8192)
def _sectors_of(text: str) -> tuple[str, ...]:
    # a few hundred keyword patterns per call, asked again for the same phrases: remembered
    return tuple(_sectors_uncached(text))


def _sectors_uncached(text: str) -> list[str]:
    raw = re.sub(r"[^\w\- ]", " ", (text or "").lower())
    # "defence-industrial" holds "defence": match keywords on both spellings of compounds
    low = " " + raw + " | " + raw.replace("-", " ") + " "
    found: list[str] = []
    activity: set[str] = set()  # "construction of a railway": the activity's sector yields to its object's
    taken: list[tuple[int, int]] = []
    for rx, sector in SECTOR_RES:
        for m in rx.finditer(low):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            if low.startswith(" of ", m.end()) and m.group(0).strip() not in ("loan", "loans", "credit"):
                # ("a loan of the X Agency for water supply": lending, whatever it funds)
                activity.add(sector)
            elif sector not in found:
                found.append(sector)
    found += [s for s in sorted(activity) if not found]
    for vague in ("other", "diplomacy"):  # only when nothing more specific fits
        if len(found) > 1 and vague in found:
            found.remove(vague)
    return found


def instrument_of(noun: str) -> str:
    n = re.sub(r"\s+of\s+(?:understanding|cooperation|intent)$", "", noun.lower().strip())  # "memorandum of ..."
    n = {"memoranda": "memorandum"}.get(n, n)
    if n in INSTRUMENTS:
        return INSTRUMENTS[n]
    for k in sorted(INSTRUMENTS, key=len, reverse=True):
        if n.endswith(k):
            return INSTRUMENTS[k]
    return "other"


INNER_ITEM = re.compile(r",|\band\b")


def matches_with_inner(rx: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """Every match, and the matches that start at a list joint (", " or "and") inside one: a list
    read as one title also holds its next items, without searching from every position."""
    out: list[re.Match[str]] = []
    seen: set[int] = set()
    todo = list(rx.finditer(text))
    while todo:
        m = todo.pop(0)
        if m.start() in seen:
            continue
        seen.add(m.start())
        out.append(m)
        for j in INNER_ITEM.finditer(text, m.start("title"), m.end()):
            inner = rx.match(text, j.start())
            if inner and inner.start() not in seen:
                todo.append(inner)
    return sorted(out, key=lambda x: x.start())


def overlapping_matches(rx: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """Matches starting at every position, so a list inside another list is seen too."""
    out, pos = [], 0
    while True:
        m = rx.search(text, pos)
        if not m:
            return out
        out.append(m)
        pos = m.start() + 1


NOT_FIELDS = re.compile(r"^(?:the\s+)?(?:sidelines|margins|occasion|basis|behalf|eve|way|part|day|side|"
                        r"level|framework|results?|outcomes?|implementation|terms)\b", re.I)


# "a tripartite power sales agreement signed in Nairobi": an instrument its own participle says was signed
SIGNED_PARTICIPLE = re.compile(
    r"\b(?:a|an)\s+(?P<title>(?:(?-i:[a-z][\w\-]*)\s+){1,4}?(?P<noun>agreement|memorandum\s+of\s+understanding|"
    r"memorandum|contract|deal|protocol|accord))(?=\s+(?:was\s+|were\s+)?(?:signed|concluded|inked)\s+"
    r"(?:in|by|on|at|last|earlier)\b)", re.I)
# "unveiled a 'shared vision for maritime cooperation in ...'": a vision document adopted together
# "The contract for the X project, a 1,200-megawatt plant, was signed in Beijing on Feb. 1": an instrument
# opening its sentence as the subject of a passive signing
# an amount told between an instrument and its object ("a grant agreement of $15 million for X")
AMOUNT_BETWEEN = (r"(?:of|worth)\s+(?:about\s+|around\s+|some\s+|nearly\s+|up\s+to\s+)?[$\u20ac\u00a3\u00a5]?[\d.,]+\s+"
                  r"(?:(?:million|billion|trillion)\s+)?(?:[\w.]+\s+)??")
# the idioms a signing is told with besides its verb ("put their signatures to", "put pen to a memorandum")
SIGNED_IDIOM = r"(?:put|puts|affixed|set)\s+(?:their|his|her)\s+signatures?\s+to|(?:put|puts)\s+pen\s+to"
# ("A grant agreement of $15 million for a vocational training centre in X was signed": an amount between)
SIGNED_SUBJECT = re.compile(
    r"^\s*(?P<title>(?:[Tt]he|[Aa]n?)\s+(?:(?-i:[a-z][a-z\-]+)\s+){0,2}(?P<noun>contract|agreement|memorandum(?:\s+of\s+"
    r"understanding)?|deal|protocol)\s+(?:" + AMOUNT_BETWEEN + r")?(?:for|on|to|with)\s+"
    r"[^,.;:()]{3,100}?)"
    r"(?=,[^.;]{0,120}?\s(?:was|were)\s+(?:formally\s+)?(?:signed|inked|concluded)\b|"
    r"\s+(?:was|were)\s+(?:formally\s+)?(?:signed|inked|concluded)\b)")
# "adopted the UK-India Vision 2035, a ten-year roadmap": a named text whose kind the apposition tells
NAMED_KIND = re.compile(
    r"\b(?:adopted|unveiled|signed|launched|agreed|endorsed|approved|issued)\s+the\s+"
    r"(?P<title>(?-i:[A-Z][\w\-]*|\d{4})(?:\s+(?:(?-i:[A-Z][\w\-]*)|\d{4}|of|for|and|on))*)\s*,\s+(?:a|an|the)\s+"
    r"(?:[\w\-]+\s+){0,3}?(?P<noun>roadmap|road map|programme|program|action plan|plan|treaty|declaration|charter|"
    r"framework|strategy|agenda)\b", re.I)
VISION = re.compile(
    r"\b(?:unveiled|adopted|issued|released|signed|agreed|launched)\s+(?:a|an|the)\s+[\u2018'\u201c\"]?"
    r"(?P<title>(?:shared|joint|common)\s+(?P<noun>vision)\s+(?:for|on|of)\s+[^.;:\u2019'\u201d\"]{3,100})", re.I)
