"""What a fact or conflict is about, in words, for people: the counted noun and the action
("Demonstranten (arrested)"), the kind of time ("clock time"), the speaker of a quote, the role
or title in question ("who led a delegation", "title of Camilla"), never an internal key.

>>> from storydiff.model import Fact, FactValue
>>> fact_label(Fact("name", "title:royal:camila", FactValue("a", "Königin Camilla", 0, 15, "x"), {}))
'title of Camilla'
>>> fact_label(Fact("number", "person+arrested", FactValue("a", "3000", 0, 4, {}), {"noun": "Demonstranten."}))
'Demonstranten (arrested)'
"""

from __future__ import annotations

import re

from storydiff.compare.documents import PAST_PARTICIPLES
from storydiff.compare.titles import person_key
from storydiff.model import Fact

__all__ = ["fact_label"]

_WHEN_LABELS = {"weekday": "weekday", "date": "date", "clock": "clock time", "minute": "match minute",
                "century": "century"}


_ROLE_LABELS = {"leader": "who led a delegation", "speaker": "who said it",
                "appos": "the name given for one title", "prep": "who or where, in one role of one event"}


def fact_label(fact: Fact) -> str:
    """What a fact is about, in words: the counted noun and the action, the kind of time, the speaker."""
    head, _, rest = fact.key.partition(":")
    if fact.kind == "number":
        if fact.key == "score":
            return "score"
        noun = str(fact.attributes.get("noun") or fact.key.split("+")[0]).rstrip(".,;:")
        action = fact.key.split("+")[1] if "+" in fact.key else "-"
        return f"{noun} ({action})" if action not in ("-", "") else noun
    if head == "when":
        return _WHEN_LABELS.get(rest, rest)
    if head == "quote":
        return f"quote by {rest.title()}" if rest and rest != "?" else "quote"
    if head == "name":
        return f"name {fact.value.text}"
    if head == "statement":
        parts = rest.split(":")
        if parts[0] == "list":
            return "who or what is named"
        if parts[0] == "modality":
            return "whether it happened"
        if parts[0] == "whereabouts" and len(parts) == 2:
            return f"where {parts[1].title()} was"
        if parts[0] == "document":  # "statement:document:publish"
            return f"what was {PAST_PARTICIPLES.get(parts[-1], 'sent')}"
        if parts[0] == "group":
            return "who was counted"
        return f"{parts[1]} {parts[0]}" if len(parts) == 2 else rest
    if head == "title":  # the name as written ("Königin Camilla", "Camilla, Duchess"), else the folded key
        given = rest.rpartition(":")[2].split(" ")[0]
        name = next((w for w in re.findall(r"[\w-]+", fact.value.text) if person_key(w) == given), given.title())
        return f"title of {name}"
    if head == "role":
        role, _, what = rest.partition(":")
        if role == "leads":  # "role:leads:march"
            return f"who led the {what or 'event'}"
        return _ROLE_LABELS.get(role, "who had one role")
    return fact.key
