"""Which facts of two articles speak about the same thing: matching by key over whole articles.

Method: two facts are candidates when they have the same kind and key (``person+dead``,
``house+damaged``, ``when:weekday``) — wherever they stand in their articles, not only
in aligned sentences, since two outlets rarely word a fact alike ("ein Mensch starb"
vs "hat drei Menschen das Leben gekostet"). A number whose action is missing also
meets the same noun with an action (``tank+-`` and ``tank+damaged``), at a penalty.
Each candidate is scored by how alike its two *contexts* are:

* the sentence context (content stems plus language-independent anchors: names, figures,
  lexicon concepts, and across languages news concepts, :mod:`~storydiff.compare.events`) and
* the local context, the words just before the fact (what it is said of: *Orkanböen
  von bis zu*, *In Brandenburg starben*; the words after it mostly repeat its key, the
  counted noun and the verb, and made pairing worse on the dev set), where a German
  compound meets its head (``Foulelfmeter`` ~ ``Elfmeter``) and measure words count as
  concepts (``hoch``/``haute`` = *height*),

``score = 0.4 * sentence + 0.6 * local``. Places are qualifiers: two counts naming
different places ("in Brandenburg" / "in Bayern") are about different sets and never
paired (:func:`~storydiff.compare.places.places_in`: "nach Angaben", "im Hintergrund" name
none), nor two figures whose clauses name different weekdays ("am Freitag 200" / "am Samstag 150",
:mod:`~storydiff.compare.apart`). Two unit figures (percent, euro, ...) whose nearest preceding
name in the clause differs
(``die SPD 25,7 Prozent`` / ``die Grünen 14,8 Prozent``) are about different subjects and
never paired; a count, toll, score or specific unit (days, metres, durations) that is the
only one of its key in both reports pairs whatever its context; otherwise such a figure gets a bonus
(:data:`SINGLETON_BONUS`). Two scores followed by the same opponent (``5:0 gegen Werder Bremen``,
``3-0 sobre el Werder Bremen``) are the result of one match whatever else either report scores.
Days and times pair in like words and like sentences (a day in the past perfect only with one whose
clause shares its verb, :func:`~storydiff.compare.dayclause.same_verb`), or when the words right after both name one
event (``am Mittwoch veröffentlichten Stellungnahme``, :func:`~storydiff.compare.when.same_event`),
or when they are the only clock times of both reports in like sentences or sentences sharing a news
concept (:func:`~storydiff.compare.events.shared_events`); the only centuries of both reports pair when
at most one apart; a day resolved from ``gestern``/``today`` pairs only by its event (``same_day_event``).
A candidate stands when its score reaches the threshold of its key's class
(:data:`THRESHOLDS`): person counts with an action (dead, injured, arrested, missing,
evacuated) are the salient figure of a story and need little context; units without
an action (euros, percent, years) and times need more. Pairs are then taken one to
one, agreeing values first (a report that states the other's figure somewhere agrees
with it), then by score.

>>> local_similarity(frozenset({"foulelfmet", "verschoss"}), frozenset({"elfmet", "verschoss"}))
1.0
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from storydiff.compare.align import Unit, stems_of
from storydiff.compare.apart import kept_apart
from storydiff.compare.dayclause import same_clause_event, same_verb
from storydiff.compare.events import MARK, context_similarity, event_concept, shared_events
from storydiff.compare.facts import ROLE_KEYS, is_name_word, same_figure
from storydiff.compare.lexicon import ACTIONS, DIMENSIONS, MONTHS, NOUN_CLASSES, STOPWORDS, WEEKDAYS, concept_of
from storydiff.compare.places import places_in
from storydiff.compare.scope import compatible, qualifiers
from storydiff.compare.scores import opponents
from storydiff.compare.sums import share_of_total
from storydiff.compare.when import CLAUSE_BREAK, event_after, near_centuries, same_day_event, same_event
from storydiff.model import Fact
from storydiff.text.tokens import word_spans

_V = TypeVar("_V")

__all__ = ["THRESHOLDS", "ArticleFacts", "Pair", "context_of", "local_similarity", "match_facts"]

#: weekdays of two reports published more days apart than this are not compared
WEEK = 6
#: minimum score per class of key (see :func:`key_class`)
THRESHOLDS = {"toll": 0.15, "count": 0.2, "unit": 0.25, "when": 0.3, "score": 0.15, "other": 0.3}
_TOLL_ACTIONS = frozenset({"dead", "injured", "arrested", "missing", "evacuated"})
_PEOPLE = frozenset({"person", "child", "soldier", "civilian", "police", "resident"})
_UNITS = frozenset({"euro", "dollar", "pound", "percent", "meter", "kilometer", "year", "day", "duration", "age"})
_WINDOW = 6
_BEFORE = frozenset({"before"})
#: added to the score of a pair whose values agree, so that agreeing statements pair first
AGREE_BONUS = 0.25
#: added when both facts are the only ones of their key in their articles
SINGLETON_BONUS = 0.15
#: a time, date or weekday pairs only when its local words are at least this alike
MIN_LOCAL_WHEN = 0.15
#: ... and their sentences at least this alike: weekdays of a story name many events (the
#: flight on Wednesday, the resignation on Thursday), and the words before a weekday
#: ("Rajapaksa war am") say little about which one
MIN_SENTENCE_WHEN = 0.3
#: ... or, for the only clock time of both reports, this alike
MIN_SENTENCE_CLOCK = 0.3
#: ... unless the words right after both (the event: "veröffentlichten Stellungnahme") are this alike
MIN_EVENT_WHEN = 0.5


@dataclass(frozen=True, slots=True)
class ArticleFacts:
    """One article's facts, the context set of every sentence (by sentence start) and its text."""

    article: int
    label: str
    facts: tuple[Fact, ...]
    contexts: dict[int, frozenset[str]]
    text: str = ""
    lang: str = "de"


@dataclass(frozen=True, slots=True)
class Pair:
    """Two facts judged to be about the same thing, with the score of their contexts."""

    a: Fact
    b: Fact
    score: float


def fold(word: str) -> str:
    """Lower-case ``word`` without accents (``Sébastien`` -> ``sebastien``)."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c)).lower()


def _anchors(text: str, skip_first: bool = True) -> set[str]:
    extra: set[str] = set()
    for i, (s, _e, tok) in enumerate(word_spans(text, lower=False)):
        low = tok.lower()
        if tok[0].isdigit():
            extra.add("#" + tok.replace(".", "").replace(",", ""))
        elif tok[0].isupper() and (not skip_first or (i > 0 and s > 0)):
            extra.add("@" + fold(tok)[:5])
        for table in (ACTIONS, NOUN_CLASSES, WEEKDAYS, DIMENSIONS):
            c = concept_of(low, table)
            if c is not None:
                extra.add("$" + c)
        ev = event_concept(low)
        if ev is not None:
            extra.add(MARK + ev)
    return extra


def context_of(unit: Unit) -> frozenset[str]:
    """Stems plus anchors that survive translation: names, figures, concepts."""
    return unit.stems | frozenset(_anchors(unit.sentence.text))


def local_similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Dice of two stem sets where a compound matches its head (shorter stem >= 5 letters)."""
    if not a or not b:
        return 0.0

    def hits(x: frozenset[str], y: frozenset[str]) -> int:
        return sum(1 for w in x if w in y or any(len(v) >= 5 and (w.endswith(v) or v.endswith(w))
                                                 for v in y if len(w) >= 5))

    return (hits(a, b) + hits(b, a)) / (len(a) + len(b))


def key_class(fact: Fact) -> str:
    """``toll``, ``count``, ``unit``, ``when``, ``score`` or ``other`` (selects the threshold)."""
    if fact.kind == "date-time":
        return "when"
    if fact.key == "score":
        return "score"
    if fact.kind != "number":
        return "other"
    noun, _, action = fact.key.partition("+")
    if noun in _PEOPLE and action in _TOLL_ACTIONS:
        return "toll"
    if noun in _UNITS:
        return "unit"
    return "count"


def _local(af: ArticleFacts, fact: Fact, cross: bool = False) -> frozenset[str]:
    """Stems and concepts of the words just before ``fact`` in its sentence (see module docstring)."""
    s0 = fact.attributes["sentence"][0]
    before = list(word_spans(af.text[s0:fact.value.start], lower=False))[-_WINDOW:]
    window = " ".join(t[2] for t in before)
    stems = {w for w in stems_of(window, af.lang) if not w[0].isdigit()}
    return frozenset(stems | {x for x in _anchors(window, skip_first=False) if x[0] == "$" or (cross and x[0] == MARK)})


_SPECIFIC = frozenset({"duration", "day", "age", "meter", "kilometer"})


def _subject(af: ArticleFacts, fact: Fact) -> str | None:
    """The name nearest before a figure in its clause (``die SPD kam auf 25,7 Prozent`` -> ``spd``)."""
    s0 = fact.attributes["sentence"][0]
    before = af.text[s0:fact.value.start]
    cut = [m.end() for m in CLAUSE_BREAK.finditer(before)]
    clause = before[cut[-1] if cut else 0:]
    toks = list(word_spans(clause, lower=False))[-5:]
    for s, _e, tok in reversed(toks):
        if tok[0].isupper() and (s > 0 or cut) and tok.lower() not in STOPWORDS and not any(
                concept_of(tok.lower(), t) for t in (ACTIONS, NOUN_CLASSES, DIMENSIONS, WEEKDAYS)) and \
                tok.lower() not in MONTHS and (tok.isupper() or is_name_word(tok, af.lang)):
            return fold(tok)[:5]
    return None


def _places(af: ArticleFacts, fact: Fact) -> frozenset[str]:
    s0, s1 = fact.attributes["sentence"]
    return places_in(af.text[s0:s1])


def _compatible(fa: Fact, fb: Fact) -> float | None:
    """Penalty for pairing two facts' keys (``None``: never)."""
    if fa.kind != fb.kind:
        return None
    if fa.key == fb.key:
        return 0.0
    if fa.kind == "number" and "+" in fa.key and "+" in fb.key:
        na, _, aa = fa.key.partition("+")
        nb, _, ab = fb.key.partition("+")
        if na == nb and na not in _PEOPLE and na != "?" and "-" in (aa, ab):
            return 0.1
    return None


def _scope(af: ArticleFacts, fact: Fact) -> frozenset[str]:
    """Scope tags of ``fact`` (:func:`~storydiff.compare.scope.qualifiers`)."""
    s0, s1 = fact.attributes["sentence"]
    kind = "minute" if fact.key == "when:minute" else fact.kind
    tags = qualifiers(af.text[s0:s1], fact.value.start - s0, fact.value.end - s0, kind)
    return tags if fact.key.split("+")[0] in _PEOPLE else tags - {"site"}  # a site qualifies counts of people


def _distinct_values(af: ArticleFacts) -> Counter[str]:
    """How many different values each key has in one article ("44 días" said twice is one value); a
    vague amount besides a figure ("Dozens" and "at least 35") and a share of a stated total are none."""
    seen = {(f.key, repr(f.value.value.get("anchor") if isinstance(f.value.value, dict) else f.value.value))
            for f in af.facts if not share_of_total(af.text[f.value.end:f.value.end + 40])}
    figured = {key for key, v in seen if v != "None"}
    return Counter(key for key, v in seen if v != "None" or key not in figured)


def _memo(cache: dict[tuple[int, int], _V], key: tuple[int, int], compute: Callable[[ArticleFacts, Fact], _V],
         af: ArticleFacts, fact: Fact) -> _V:
    """``compute(af, fact)``, kept in ``cache`` under ``key``."""
    if key not in cache:
        cache[key] = compute(af, fact)
    return cache[key]


def match_facts(a: ArticleFacts, b: ArticleFacts, agree: Callable[[Fact, Fact], bool],
                kinds: Sequence[str] = ("number", "date-time")) -> list[Pair]:
    """One-to-one pairs of facts of ``a`` and ``b`` about the same thing (see module docstring)."""
    fb_by_kind: dict[str, list[tuple[int, Fact]]] = {}
    for ib, fb in enumerate(b.facts):
        if fb.kind in kinds and not fb.key.startswith("?+"):
            fb_by_kind.setdefault(fb.kind, []).append((ib, fb))
    cross = a.lang != b.lang  # news-concept anchors count across languages only (events.context_similarity)
    count_a = _distinct_values(a)
    count_b = _distinct_values(b)
    local_b: dict[int, frozenset[str]] = {}
    scope_b: dict[int, frozenset[str]] = {}
    cands: list[tuple[float, int, int, Fact, Fact, float]] = []
    subjects: dict[tuple[int, int], str | None] = {}  # per (side, fact index): each fact is paired many times
    places: dict[tuple[int, int], frozenset[str]] = {}
    for ia, fa in enumerate(a.facts):
        if fa.kind not in kinds or fa.key.startswith("?+"):
            continue
        la: frozenset[str] | None = None
        qa: frozenset[str] | None = None
        for ib, fb in fb_by_kind.get(fa.kind, []):
            penalty = _compatible(fa, fb)
            if penalty is None:
                continue
            if qa is None:
                qa = _scope(a, fa)
            qb = scope_b.get(ib)
            if qb is None:
                qb = scope_b[ib] = _scope(b, fb)
            if not compatible(qa, qb) and not ((qa ^ qb) == _BEFORE and compatible(qa - _BEFORE, qb - _BEFORE)
                                               and same_verb(a.text, fa, a.lang, b.text, fb, b.lang)):
                continue  # a total and its part, a forecast and a count; "hatten ... begonnen" / "begannen" pair
            if kept_apart(a, fa, b, fb):
                continue  # two kinds of measure, two weekdays' counts, ...
            if la is None:
                la = _local(a, fa, cross)
            lb = local_b.get(ib)
            if lb is None:
                lb = local_b[ib] = _local(b, fb, cross)
            sa = a.contexts.get(fa.attributes["sentence"][0], frozenset())
            sb = b.contexts.get(fb.attributes["sentence"][0], frozenset())
            sent = context_similarity(sa, sb, cross)
            score = 0.4 * sent + 0.6 * local_similarity(la, lb) - penalty
            # the only figure of its key in both reports; not so the guests of a story, whose events
            # are several gatherings (the abbey's 2000, the chapel's 800)
            single = count_a[fa.key] == 1 and count_b[fb.key] == 1 and fa.key.split("+")[0] not in ROLE_KEYS
            cls = key_class(fa)
            if cls in ("unit", "count") and single:
                score += SINGLETON_BONUS  # the only figure of its kind in both reports
            if cls == "count" and same_figure(fa, fb):
                score += SINGLETON_BONUS  # "rund 2000 Gäste" / "more than 2,000 guests": one figure, however bounded
            if cls in ("unit", "count"):
                sub_a, sub_b = _memo(subjects, (0, ia), _subject, a, fa), _memo(subjects, (1, ib), _subject, b, fb)
                if sub_a and sub_b and sub_a != sub_b:
                    continue  # figures of different subjects: "die SPD 25,7 Prozent" / "die Union 24,1"
                if ("total" in qa and sub_b and "split" in qb) or ("total" in qb and sub_a and "split" in qa):
                    continue  # a total and one subject's part: "insgesamt 12 Sitze" / "Partei A vier"
            threshold = THRESHOLDS[cls]
            if single and (cls in ("toll", "count", "score") or (cls == "unit" and fa.key.split("+")[0] in _SPECIFIC)):
                threshold = 0.0  # the only figure of a specific kind in both reports: the same thing
            if fa.kind == "number" or fa.key == "when:clock":
                pa, pb = _memo(places, (0, ia), _places, a, fa), _memo(places, (1, ib), _places, b, fb)
                if pa and pb and not pa & pb:
                    continue  # counts, or clock times, for different places
            da, db = fa.attributes.get("published"), fb.attributes.get("published")
            if fa.key == "when:weekday" and isinstance(da, int) and isinstance(db, int) and abs(da - db) > WEEK:
                continue  # a weekday of reports published a week or more apart names another day
            if fa.key == "when:minute" and not set(fa.attributes.get("who") or ()) & set(
                    fb.attributes.get("who") or ()):
                continue  # a match minute belongs to the player named just before it
            if cls == "score":
                if opponents(a.text, fa) & opponents(b.text, fb):
                    threshold = 0.0  # the same opponent named after both: the result of one match
                elif not (single and {x for x in sa & sb if x[0] == "@"}):
                    continue  # else a score needs to be the only one and a team named on both sides
            loc = local_similarity(la, lb)
            if cls == "when" and fa.key != "when:minute" and same_event(
                    event_after(a.text, fa.value.end, fa.attributes["sentence"][1], a.lang),
                    event_after(b.text, fb.value.end, fb.attributes["sentence"][1], b.lang), MIN_EVENT_WHEN):
                score = max(score, threshold)  # one event named right after both: "am Mittwoch veröffentlichten"
            elif fa.attributes.get("relative") or fb.attributes.get("relative"):
                if not (same_day_event(a.text, fa, b.text, fb) or same_clause_event(a.text, fa, b.text, fb)) or (
                        sent < MIN_SENTENCE_WHEN and not any(x[0] == "@" for x in sa & sb)):
                    continue  # "yesterday" ends many clauses: it needs one event in its clause and one actor
                score = max(score, threshold)
            elif fa.key == "when:century" and single and near_centuries(fa.value.value, fb.value.value):
                score = max(score, threshold)  # the only centuries of both reports: one building's age
            elif fa.key == "when:clock" and single and (sent >= MIN_SENTENCE_CLOCK or shared_events(sa, sb)):
                score = max(score, threshold)  # the only clock time of both reports, in like sentences
            elif cls == "when" and (loc < MIN_LOCAL_WHEN or (
                    fa.key != "when:minute" and sent < MIN_SENTENCE_WHEN)):
                continue  # two times are of one event only when said in like words and like sentences
            if score < threshold:
                continue
            agreed = agree(fa, fb)
            cands.append((-(score + (AGREE_BONUS if agreed else 0.0)), ia, ib, fa, fb, score))
    cands.sort(key=lambda c: (c[0], c[1], c[2]))
    used_a: set[int] = set()
    used_b: set[int] = set()
    out = []
    for _, ia, ib, fa, fb, score in cands:
        if ia in used_a or ib in used_b:
            continue
        used_a.add(ia)
        used_b.add(ib)
        out.append(Pair(fa, fb, score))
    return out
