"""Person roles: the office and country of a person read from the words around the name.

A title before the name ("Kazakh President X", "Georgia's Minister of Economy and Sustainable
Development X", "Presidency spokesperson X"), or an apposition after it ("X, Kazakhstan's
Ambassador to Azerbaijan"; "X, a researcher at a Riyadh think tank"). Mixed into the
EntityExtractor, whose __init__ builds the title patterns these methods read.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from dyad.nlp.components.ner import ents as _ents
from dyad.nlp.components.util import text_of
from dyad.nlp.gazetteer import HEAD_OFFICES, Gazetteer, role_rank
from dyad.text.names import plain

COUNTERPART_RE = re.compile(r"\b((?:[A-Z][\w\-]+\s+){0,2}[A-Z][\w\-]+)(?:'s|\u2019s)?\s+counterparts?,?\s*"
                            r"(?:(?:President|Prime Minister|Premier|Foreign Minister|Minister|King|Chancellor|Emir|"
                            r"Vice President|Secretary)\s+)?(?:(?:Mr|Mrs|Ms|Dr|H\.E)\.?\s+)?$")


class PersonRoles:
    """Role and country readers; the title patterns are built by the extractor's __init__."""

    gaz: Gazetteer
    occupation_verbs: dict[str, str]
    titles: list[str]
    titles_lower: set[str]
    role_nouns: set[str]
    honorifics: set[str]
    stacked_honorifics: set[str]
    portfolio_words: set[str]

    def _init_institutions(self, data: dict) -> None:
        """Offices of state an official is titled by ("Presidency spokesperson X", "spokesman for the
        Kazakh Foreign Ministry, X", "Senior Special Assistant to the President on Media, X")."""
        self.institutions: dict[str, dict] = {}
        for inst in data["institutions"]:
            for form in inst["forms"]:
                self.institutions[form.lower()] = inst
        self.institution_heads = set(data["institution_heads"])
        title = r"(?P<title>(?i:" + "|".join(re.escape(t) for t in self.titles) + r"))"
        inst = "(?P<inst>" + "|".join(re.escape(f) for f in sorted(
            (f for i in data["institutions"] for f in i["forms"]), key=len, reverse=True)) + ")"
        adj = r"(?:(?P<adj>[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)??(?:'s|\u2019s)?)\s+)?"
        self.institution_title_res = [
            # "US State Department spokesperson X", "Presidency spokesperson X"
            re.compile(r"(?:^|\b)" + adj + inst + r"\s+" + title + r"\s*,?$"),
            # "the spokesman for the Kazakh Foreign Ministry, X", "Secretary (East) in the External Affairs Ministry X"
            re.compile(r"\b" + title + r"(?P<qual>\s+\([^()\n]{1,25}\))?\s+(?:in|of|for|at|from)\s+(?:the\s+)?"
                       + adj + inst + r"\s*,?$"),
        ]
        self.to_leader_re = re.compile(
            r"\b" + title + r"\s+to\s+the\s+(?P<head>President|Prime Minister)"
            r"(?P<on>\s+(?:on|for)\s+[A-Z][\w\-]+(?:\s+(?:(?:and|&|of)\s+)?[A-Z][\w\-]+)*)?\s*,?$")

    def _home_country(self, doc: Doc, head: str | None = None) -> str | None:
        """The country of the article's first-named head of state or government (with ``head``, the
        first whose office starts so): whose "Presidency" an untitled office is."""
        for s, e in self._leader_spans(doc):
            leader = self.gaz.leader(doc[s:e].text, doc._.dct)
            if leader and leader.country and (head is None or leader.role.lower().startswith(head.lower())) \
                    and role_rank(leader.role, (*HEAD_OFFICES, "premier")) < 9:
                return leader.country
        return None

    def institution_title(self, doc: Doc, span: Span) -> tuple[str | None, str | None]:
        """Role and country of an official named by office: "<Title> of the <Institution> of <Country>"."""
        text = text_of(doc)
        line_start = text.rfind("\n", max(0, span.start_char - 120), span.start_char) + 1
        window = self._drop_honorifics(text[max(line_start, span.start_char - 120):span.start_char].rstrip())
        for rx in self.institution_title_res:
            m = rx.search(window)
            if not m:
                continue
            inst = self.institutions[m.group("inst").lower()]
            country = inst.get("country")
            if m.group("adj"):
                hit = self.gaz.country_of(m.group("adj"))
                if hit and hit[1] in ("name", "adjective"):
                    country = hit[0]
            country = country or self._home_country(doc)
            title = m.group("title")
            title = title[:1].upper() + title[1:] + (m.groupdict().get("qual") or "")
            role = f"{title} of the {inst['name']}" + (f" of {self.gaz.name_of(country)}" if country else "")
            return role, country
        m = self.to_leader_re.search(window)
        if m:
            country = self._home_country(doc, m.group("head"))
            title = m.group("title")
            title = title[:1].upper() + title[1:]
            of = f" of {self.gaz.name_of(country)}" if country else ""
            return f"{title} to the {m.group('head')}{of}{m.group('on') or ''}", country
        return None, None


    def title_before(self, doc: Doc, span: Span) -> tuple[str | None, str | None, bool]:
        """Role from "Kazakh President X", "Kazakhstan's Ambassador to Azerbaijan, X", "President X"."""
        line_start = text_of(doc).rfind("\n", max(0, span.start_char - 90), span.start_char) + 1
        window = text_of(doc)[max(line_start, span.start_char - 90):span.start_char]
        window = self._drop_honorifics(window.rstrip())
        comma = window.endswith(",")
        window = window.rstrip(",").rstrip()
        pm = self.portfolio_title_re.search(window)
        hit = self.gaz.country_of(pm.group("adj").removesuffix("'s").removesuffix("\u2019s")) if pm else None
        if pm and hit and hit[1] in ("name", "adjective") and all(
                w in self.portfolio_words for w in re.findall(r"[A-Z][\w\-]+", pm.group("port"))):
            title = (pm.group("port") + pm.group("title")).strip()
            return self.role_string(title[:1].upper() + title[1:], hit[0], None), hit[0], True
        # "<Country-adj|Country's>? <Title> (of <X>)? (to <Country>)?"
        m = self.title_before_re.search(window)
        if not m:
            return None, None, False
        if comma and not m.group("to") and not m.group("adj"):
            return None, None, False
        title = m.group("title").strip()
        title = title[:1].upper() + title[1:]  # "ambassador to X, Name": the title, capitalised
        adj = m.group("adj")
        country = None
        if m.group("office"):
            # "the Romanian government spokesperson X", "ministry spokesperson X": the office's title
            country = self._adjective_country(window, m.start("adj"), adj) if adj else None
            body = " ".join(w for w in (adj if country else None, m.group("office").strip()) if w)
            return f"{title} of the {body}", country, True
        if adj:
            country = self._adjective_country(window, m.start("adj"), adj)
            if country is None and (f"{adj} {title}".lower() in self.titles_lower or adj in self.portfolio_words):
                title = f"{adj} {title}"  # "Prime Minister", "Trade Secretary": not a country adjective
            elif country is None and re.search(r"(?:'s|\u2019s)$", adj):
                # "Putin's spokesman X": the aide serves the leader's state
                leader = self.gaz.leader(adj[:-2], doc._.dct)
                country = leader.country if leader else None
                if country:
                    return self.role_string(title, None, m.group("to")), country, True
        # Plural titles ("Presidents X and Y") carry no single country.
        return self.role_string(title, country, m.group("to")), country, True

    def long_title_before(self, doc: Doc, span: Span) -> tuple[str | None, str | None, bool]:
        """"Georgia's Minister of Economy and Sustainable Development X" -> that role, GEO."""
        line_start = text_of(doc).rfind("\n", max(0, span.start_char - 120), span.start_char) + 1
        start = max(line_start, span.start_char - 120)
        # a title never runs over another person's name ("... and Minister of X [Name] and Minister of
        # State [Name]"): the window starts after the last person named before
        # (a "person" the tagger read into a country's name, "Papua [New Guinea]", is none)
        people = doc.user_data.get("dyad_person_spans_named")
        if people is None or doc.user_data.get("dyad_person_spans_of") is not doc.user_data.get("dyad_person_spans"):
            people = doc.user_data["dyad_person_spans_named"] = [
                (a, b) for a, b in doc.user_data.get("dyad_person_spans") or []
                if not (self._country_name_at(doc, b) or "~").endswith(text_of(doc)[a:b])]
            doc.user_data["dyad_person_spans_of"] = doc.user_data.get("dyad_person_spans")
        start = max([start] + [b for a, b in people if start <= b <= span.start_char and a < span.start_char])
        window = self._drop_honorifics(text_of(doc)[start:span.start_char].rstrip())
        # ("The Minister of Agriculture and Livestock (SAG), X": the ministry's short form between)
        window = re.sub(r"\s+\([A-Z]{2,8}\)(?=\s*,$)", "", window)
        m = self._long_title_window_re().search(window)
        if not m or re.search(r",\s*and\s*$", m.group(0)):
            # ("X, Minister of Education, and Y": the office told is the person's before, not Y's)
            return None, None, False
        country = None
        title = m.group("title").strip().rstrip(",")
        if m.group("adj"):
            country = self._adjective_country(window, m.start("adj"), m.group("adj"))
            both = f"{m.group('adj')} {title}"
            if country is None and any(both.lower().startswith(t + " ") for t in self.titles_lower
                                       if t.startswith(m.group("adj").lower() + " ")):
                title = both  # "Prime Minister of Fiji": "Prime" is the title's, not a country's
        envoy = re.fullmatch(r"(?P<head>.+?)\s+of\s+(?:the\s+)?(?P<a>.+?)\s+to\s+(?:the\s+)?(?P<b>.+)", title)
        if country is None and envoy and self.gaz.country_of(envoy.group("a")) and \
                self.gaz.country_of(envoy.group("b")):
            # "Ambassador of the Slovak Republic to the Republic of Kenya": of the country that sends the envoy
            a, b = self.gaz.country_of(envoy.group("a"))[0], self.gaz.country_of(envoy.group("b"))[0]
            return f"{envoy.group('head')} of {self.gaz.name_of(a)} to {self.gaz.name_of(b)}", a, True
        if country is None:
            # "Minister of Energy and Water Resources of the Republic of Tajikistan": the title's
            # last "of" phrase may be a country's (official) name.
            for of in reversed(list(re.finditer(r"\s+of\s+(?:the\s+)?", title))):
                hit = self.gaz.country_of(title[of.end():].strip())
                if hit and hit[1] == "name":
                    country, title = hit[0], title[:of.start()]
                    break
        return (f"{title} of {self.gaz.name_of(country)}" if country else title), country, True

    def _country_name_at(self, doc: Doc, end: int) -> str | None:
        """The country name of up to four words that ends at ``end`` ("Papua New Guinea"), if any."""
        before = re.search(r"((?:[A-Z][\w\-']*\s+(?:and\s+)?){0,3}[A-Z][\w\-']*)$", text_of(doc)[max(0, end - 60):end])
        if not before:
            return None
        words = before.group(1).split()
        for n in range(len(words), 0, -1):
            name = " ".join(words[-n:])
            hit = self.gaz.country_of(name)
            if hit and hit[1] == "name":
                return name
        return None

    def _long_title_window_re(self) -> re.Pattern:
        if getattr(self, "_long_title_window", None) is None:
            self._long_title_window = re.compile(
                r"(?:(?P<adj>[A-Z][\w\-]+(?:'s|\u2019s)?)\s+)?(?P<title>(?:[A-Z][\w\-]+\s+){0,2}?(?:" + "|".join(
                    re.escape(t) for t in self.titles if " of " not in t) + r")\s+(?:of|for)\s+(?:the\s+)?"
                # ("the Ambassador of the Slovak Republic to the Republic of Kenya, X": an envoy's two countries)
                r"(?:[A-Z][\w\-]+,?(?:\s+(?:and|of|for|the|to))*\s*)+)$")
        return self._long_title_window

    def _drop_honorifics(self, window: str) -> str:
        """The words before a name without the honorifics closing them ("Chief Adviser Professor X",
        "Deputy Spokesperson Ms. X"): the title is what comes before."""
        while True:
            m = re.search(r"(?:^|\s)(\S+)$", window)
            if m and m.group(1) in self.stacked_honorifics:
                # "Foreign Affairs Minister Ambassador X": a title kept as a style after the office
                # that names it; it is the office's title only when no other title stands before it.
                before = window[:m.start(1)].rstrip()
                words = before.split()
                if any(" ".join(words[-k:]).lower() in self.titles_lower for k in (1, 2, 3) if len(words) >= k):
                    window = before
                    continue
            if not m or m.group(1) not in self.honorifics:
                return window
            window = window[:m.start(1)].rstrip()
            if window.endswith((", the", ", The")):
                window = window[:-4].rstrip()  # "the Prime Minister of Fiji, the Hon X": the title before

    def _adjective_country(self, window: str, at: int, adj: str) -> str | None:
        """The country an adjective or name before a title names: the word itself ("Kenyan", "Peru's"),
        else with the capitalised word before it ("New Zealand", "South Korean", "Sri Lanka's")."""
        word = adj.removesuffix("'s").removesuffix("\u2019s")
        # the longest name first: "Papua New Guinea Prime Minister" is not Guinea's, "Trinidad and Tobago's"
        # not Tobago's
        before = re.search(r"((?:[A-Z][\w\-]+\s+(?:and\s+)?){1,3})$", window[:at])
        words = before.group(1).split() if before else []
        for n in range(len(words), 0, -1):
            if words[-n] == "and":
                continue
            hit = self.gaz.country_of(" ".join([*words[-n:], word]))
            if hit and hit[1] in ("name", "adjective"):
                return hit[0]
        hit = self.gaz.country_of(word)
        if hit and hit[1] in ("name", "adjective"):
            return hit[0]
        return None

    def role_string(self, title: str, country: str | None, to: str | None) -> str:
        words = title.split()
        # "Foreign Minister" -> keep as written; "<Title> of <Country>" is the canonical shape.
        role = " ".join(words)
        if country:
            role += f" of {self.gaz.name_of(country)}"
        if to:
            hit = self.gaz.country_of(to)
            role += f" to {self.gaz.name_of(hit[0]) if hit else to}"
        return role

    def apposition_after(self, doc: Doc, span: Span) -> tuple[str | None, str | None]:
        """Role from ", Kazakhstan's Ambassador to Azerbaijan," or ", the chief expert of ... at ORG"."""
        rest = text_of(doc)[span.end_char:span.end_char + 220]
        m = re.match(r"\s*,\s*(?:the\s+|a\s+|an\s+)?(?P<app>[^,.;:\n()\u201c\"]{3,200})", rest)
        if not m:
            return None, None
        app = m.group("app").strip()
        after_app = rest[m.end("app"):]
        people = doc.user_data.get("dyad_person_spans") or []
        nxt = span.end_char + m.end("app") + len(after_app) - len(after_app.lstrip(" ,"))
        if after_app.startswith(",") and any(a == nxt for a, _ in people):
            return None, None  # "X, the President of Y, Z, ...": the title before Z is Z's, not X's
        if re.match(r"who\b", app):
            return self.relative_clause_role(app)  # ", who heads the X Association"
        if re.match(r"(?:and|or|but|while|which)\b", app):
            return None, None  # ", and the Head of Government of ...": the next item of a list, no apposition
        country = None
        # "<Country>'s <Title> (to <Country>)"
        pm = re.match(r"(?P<c>[A-Z][\w\- ]+?)(?:'s|\u2019s)\s+(?P<t>.+)$", app)
        if pm:
            hit = self.gaz.country_of(pm.group("c"))
            head = pm.group("t").lower().split()[:4]
            if hit and not (any(w in self.role_nouns for w in head) or any(
                    " ".join(head).startswith(t) for t in self.titles_lower)):
                return None, None  # "Yoon, Kenya's Ruto agree to ...": a headline's list of names, no title
            if hit:
                country = hit[0]
                title = pm.group("t")
                tm = re.match(r"(?P<t>.+?)\s+to\s+(?P<to>.+)$", title)
                if tm:
                    return self.role_string(tm.group("t"), country, tm.group("to")), country
                return self.role_string(title, country, None), country
        words = app.split()
        app_start = span.end_char + m.start("app")
        app_end = span.end_char + m.end("app")
        k = self._role_noun_at(doc, app_start, app_end)
        if k is None:
            return None, None
        # Role head: the words up to the role noun ("chief expert", "Paraguayan foreign ministry adviser").
        cut = k + 1
        while cut < len(words) and (words[cut].lower() in self.role_nouns or (
                words[cut] == "and" and cut + 1 < len(words) and words[cut + 1].lower() in self.role_nouns)):
            cut += 1  # "chief expert", "poet and thinker": the role is the whole run of role nouns
        role_head = " ".join(words[:cut])
        # The institution: the last ORG entity inside the apposition.
        orgs = [e for e in _ents(doc) if e.label_ == "ORG" and e.start_char >= app_start and e.end_char <= app_end]
        place = re.search(r"\bin\s+([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)\s*$", app)
        if place:  # "..., a Gulf specialist at the Center X in Ankara": the employer's city
            hit = self.gaz.country_of(place.group(1))
            country = hit[0] if hit and hit[1] in ("capital", "city", "name") else None
        based = re.search(r"\b([A-Z][\w]+(?:\s+[A-Z][\w]+)?)-based\b", app)
        if based and country is None:  # "a senior fellow at the Ottawa-based Institute for ..."
            hit = self.gaz.country_of(based.group(1))
            country = hit[0] if hit and hit[1] in ("capital", "city", "name") else None
        if orgs:
            org = orgs[-1]  # "... of the Department X at the Institute Y": Y is the employer
            org_name = re.sub(r"^the\s+", "", org.text)
            for hit in (self.gaz.country_of(w) for w in org_name.replace("'s", "").split()):
                if hit and hit[1] in ("name", "adjective"):
                    country = hit[0]
                    break
            if country is None:  # "a director at Pakistan's Board of Investment": the country owning the body
                country = self._named_country([w.replace("'s", "").replace("\u2019s", "") for w in words])
            if country is None:  # "an economist at the Islamabad Policy Forum": a body named after its city
                country = self._city_country(org_name.replace("'s", "").split()[:2])
            return f"{role_head}, {org_name}", country
        country = country or self._named_country([w.replace("'s", "").replace("\u2019s", "") for w in words])
        if country is None:  # "a researcher at a Riyadh think tank", "a grain trader in Encarnacion"
            country = self._city_country([w.strip(",") for w in words if w[:1].isupper()])
        return " ".join([role_head, *_complement(words[cut:])]), country

    def _role_noun_at(self, doc: Doc, start: int, end: int) -> int | None:
        """Index (in words) of the role noun that heads an apposition: within its first five words,
        after modifiers only ("a senior fellow", "a Paraguayan foreign ministry adviser"), not after
        a verb or a determiner ("met the deputy minister")."""
        app = doc.char_span(start, end, alignment_mode="expand")
        if app is None:
            return None
        text = text_of(doc)
        for t in app[:6]:
            if t.lower_ in self.role_nouns and t.tag_ not in ("NNS", "NNPS"):
                return len(text[start:t.idx].split())
            if not (t.pos_ in ("ADJ", "NOUN", "PROPN", "NUM", "PART") or t.dep_ in ("amod", "compound")
                    or t.text in ("-", "'s", "\u2019s")):
                return None
        return None

    def role_phrase_before(self, doc: Doc, span: Span) -> tuple[str | None, str | None]:
        """A job named in lower case right before the name, after the place or body it belongs to
        ("<Place> County trade executive X", "Kenyan grain trader X"): up to three lower-case nouns or
        adjectives ending with a role noun, and the capitalised words before them."""
        i = span.start - 1
        if i < 0 or not doc[i].is_lower or doc[i].lower_ not in self.role_nouns:
            return None, None
        k = i
        while k > 0 and i - k < 2 and doc[k - 1].is_lower and doc[k - 1].pos_ in ("NOUN", "ADJ"):
            k -= 1
        while k > 0 and i - k < 5 and doc[k - 1].text[:1].isupper() and doc[k - 1].pos_ in ("PROPN", "ADJ") \
                and doc[k - 1].is_alpha:
            k -= 1
        words = [t.text for t in doc[k:span.start]]
        if k == i and len(words) == 1:
            return None, None  # a bare "economist X": nothing more than the title
        return " ".join(words), self._named_country(words) or self._city_country(words)

    def relative_clause_role(self, clause: str) -> tuple[str | None, str | None]:
        """", who heads the X Association" -> "head of the X Association"; ", who runs a shop near Y" ->
        "runs a shop near Y": a job told by a relative clause, its verb read from patterns/titles.json."""
        m = re.match(r"who\s+(?P<verb>[a-z\-]+)\s+(?P<obj>(?:the|a|an)\s+.+)$", clause)
        if not m or m.group("verb") not in self.occupation_verbs:
            return None, None
        obj = m.group("obj")
        if len(obj.split()) > 14:
            return None, None
        noun = self.occupation_verbs[m.group("verb")]
        role = f"{noun} {obj}" if noun else f"{m.group('verb')} {obj}"
        words = [w.replace("'s", "").replace("\u2019s", "") for w in obj.split()]
        return role, self._named_country(words) or self._city_country([w for w in words if w[:1].isupper()])

    def _named_country(self, words: list[str]) -> str | None:
        return self._country_by(words, ("name", "adjective"))

    def _city_country(self, words: list[str]) -> str | None:
        return self._country_by(words, ("capital", "city"))

    def country_phrase(self, words: list[str], how: tuple[str, ...], at_end: bool) -> str | None:
        """The country the longest run of ``words`` ending them (``at_end``) or starting them names as one of
        ``how``: "his Ivory Coast counterpart" (ending), "X of the United States Trade ..." (starting)."""
        runs = [words[k:] for k in range(len(words))] if at_end else [words[:k] for k in range(len(words), 0, -1)]
        for run in runs:
            hit = self.gaz.country_of(" ".join(run))
            if hit and hit[1] in how:
                return hit[0]
        return None

    def _country_by(self, words: list[str], how: tuple[str, ...]) -> str | None:
        """The country of the first word the gazetteer knows as one of ``how`` (name, city ...)."""
        for word in words:
            hit = self.gaz.country_of(word)
            if hit is None and ("city" in how or "capital" in how):
                hit = _places_without_accents(self.gaz).get(plain(word))  # "Encarnacion" for "Encarnación"
            if hit and hit[1] in how:
                return hit[0]
        return None


def _complement(words: list[str]) -> list[str]:
    """What a role noun is at or of ("at a Riyadh think tank", "in Encarnacion"): the words after it
    from a preposition to a relative clause, when short."""
    if not words or words[0] not in ("at", "in", "of", "for", "with", "on", "from"):
        return []
    out = []
    for w in words:
        if w in ("who", "which", "that", "where", "whose", "when"):
            break
        out.append(w)
    return out if len(out) <= 12 else []


_PLAIN_PLACES: dict[int, dict[str, tuple[str, str]]] = {}


def _places_without_accents(gaz: Gazetteer) -> dict[str, tuple[str, str]]:
    """Capitals and cities of the gazetteer by their name without accents, for copy that drops them."""
    got = _PLAIN_PLACES.get(id(gaz))
    if got is None:
        got = _PLAIN_PLACES[id(gaz)] = {plain(k): hit for k, hit in gaz.country_forms.items()
                                        if hit[1] in ("capital", "city") and plain(k) != k}
    return got

