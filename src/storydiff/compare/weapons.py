"""Statement conflicts: two reports name different weapon models for one strike.

Method: a *model* is a designation named as the type of a munition (missile, rocket, drone,
bomb; not tanks or guns, which are rarely what "struck"): after ``vom Typ`` / ``des Typs`` /
``of the type`` / ``de type`` / ``del tipo`` / ``типа`` (with a munition word in the sentence
or the one before), before ``missile``, ``missile system``, ``-Rakete`` (``an Iskander missile
system``, ``Stinger-Raketen``, also through a kind: ``Kh-55 cruise missiles``), or after
``missile`` / ``misil`` / ``ракета`` in languages that put the name last (``missile Iskander``,
``ракетой «Искандер»``). Only models *used* count: the
sentence or the two before it speak of a strike, a hit, a launch or the weapon's remains
(:data:`USE`), and the sentence does not speak of equipping or delivering (:data:`EQUIP`: a
ship armed with missiles of a type, weapons to be supplied). Two articles of a story whose used
models differ in name (compared by :func:`~storydiff.text.lemmas.name_key`, so ``Tochka-U`` meets
``Точка-У``) disagree, unless either article also names the other's model.

>>> from storydiff.compare.align import prepare
>>> from storydiff.model import Article
>>> arts = [Article(text="Zwei Raketen trafen den Bahnhof. Es war ein Modell des Typs Tochka-U.", language="de"),
...         Article(text="The station was hit using an Iskander missile system.", language="en")]
>>> [(a.value.text, b.value.text) for _, a, b, _, _ in find_weapon_conflicts(prepare(arts))]
[('Tochka-U', 'Iskander')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from storydiff.compare.align import Unit, article_labels, span_fact
from storydiff.compare.facts import is_name_word
from storydiff.compare.lexicon import STOPWORDS
from storydiff.model import Fact
from storydiff.text.lemmas import name_key

__all__ = ["EQUIP", "MUNITIONS", "SALIENCE", "USE", "Model", "find_weapon_conflicts", "models_of"]

#: a model's name, from the start of a word (also inside quotes): "Tochka-U", "„Iskander“", "Kh-101/102"
_NAME = r"[„\"“«»]?(?<!\w)([A-ZА-ЯЁ]\w*(?:[-/]\w+)*)[“\"”»«]?"
#: munition words (de, en, fr, es, ru)
MUNITIONS = re.compile(
    r"(?:rakete|raketen|flugkörper|marschflugkörper|drohne|bombe|missile|rocket|drone|bomb|roquette|"
    r"misil|cohete|ракет|дрон|бомб)", re.IGNORECASE)
#: "vom Typ", "des Typs", "(of the / de) type", "del tipo", "типа" before a model's name
_TYPE = re.compile(r"\b(?:vom\s+Typ|des\s+Typs|type|del?\s+tipo|типа)\s+" + _NAME)
#: kinds of munition that may stand between a model's name and the munition word ("Kh-55 cruise missiles")
_MUNITION_KIND = r"(?:(?:cruise|ballistic|hypersonic|guided|kamikaze|attack|anti-\w+|surface-to-\w+|air-to-\w+)\s+)?"
_BEFORE_MUNITION = re.compile(
    _NAME + r"(?:\s+|-)" + _MUNITION_KIND + r"(?:missiles?|rockets?|drones?|Raketen?|Marschflugkörpern?|Drohnen?)\b")
_AFTER_MUNITION = re.compile(r"\b(?:missiles?|roquettes?|misil(?:es)?|cohetes?|ракет\w*|комплекс\w*)\s+" + _NAME)
#: words saying a weapon was used: a strike, a hit, a launch, its remains
USE = re.compile(
    r"(?:angriff|angegriffen|\bgriff(?:en)?\b|getroffen|traf\b|trafen|einschlag\w*|eingeschlagen|\bschlug(?:en)?\b|"
    r"abgefeuert|feuerten?\b|eingesetzt|"
    r"beschoss\w*|beschuss|überreste|trümmer|\bhit\b|struck|strikes?\b|attack\w*|fired|launched|\bused\b|"
    r"using|remains|debris|fragments|frapp\w*|tiré\w*|utilisé\w*|débris|touch[ée]\w*|ataque\w*|atac\w*|lanzad\w*|"
    r"impact\w*|alcanz\w*|"
    r"utilizad\w*|restos|удар\w*|обстрел\w*|выпущ\w*|запущ\w*|примен\w*|обломк\w*)", re.IGNORECASE)
#: words saying a weapon was supplied or fitted, not used
EQUIP = re.compile(
    r"(?:ausgerüstet|ausgestattet|bewaffnet|liefer\w*|zur\s+verfügung|equipped|armed\s+with|deliver\w*|"
    r"suppl\w*|\bsend\w*|\bsent\b|équipé\w*|livr\w*|equipad\w*|entreg\w*|оснащ\w*|постав\w*)", re.IGNORECASE)
#: salience of a weapon conflict (before the boost for the number of sources)
SALIENCE = 0.6


@dataclass(frozen=True, slots=True)
class Model:
    """A weapon model named as used in one sentence."""

    unit: Unit
    name: str
    key: str
    start: int  # in the sentence
    end: int


def _designation(name: str, lang: str) -> bool:
    """A model's name: a designation with a digit or a one- or two-letter part (``S-300``,
    ``Tochka-U``, ``Kh-101``; not ``Boden-Luft``), or a word that is no common word of the language.

    >>> [_designation(n, "de") for n in ("Tochka-U", "S-300", "Boden-Luft", "Lenkflugkörper")]
    [True, True, False, False]
    """
    if name.lower() in STOPWORDS:
        return False
    if _coded(name):
        return True
    return "-" not in name and is_name_word(name, lang)


def _coded(name: str) -> bool:
    """A designation no sentence-initial word could be: with a digit or a one- or two-letter part
    (``Geran-2``, ``Tochka-U``), so it is a model also at the start of a sentence."""
    return any(c.isdigit() for c in name) or any(len(part) <= 2 for part in name.split("-")[1:])


def models_of(unit: Unit, before: Sequence[str] = ()) -> list[Model]:
    """The weapon models ``unit``'s sentence names as used; ``before`` are the (up to two)
    sentences before it, read for the munition and the use.

    >>> from storydiff.compare.align import prepare
    >>> from storydiff.model import Article
    >>> u = prepare([Article(text="Sie sollen 500 Raketen vom Typ Stinger liefern.", language="de")])[0][0]
    >>> models_of(u)
    []
    """
    text = unit.sentence.text
    window = " ".join((*before, text))
    if EQUIP.search(text) or not USE.search(window):
        return []
    found: list[tuple[int, int, str]] = []
    if MUNITIONS.search(" ".join((*before[-1:], text))):
        found += [(m.start(1), m.end(1), m.group(1)) for m in _TYPE.finditer(text)]
    found += [(m.start(1), m.end(1), m.group(1)) for m in _BEFORE_MUNITION.finditer(text)
              if (m.start(1) > 0 or _coded(m.group(1))) and _designation(m.group(1), unit.lang)]
    if unit.lang in ("fr", "es", "ru"):
        found += [(m.start(1), m.end(1), m.group(1)) for m in _AFTER_MUNITION.finditer(text)
                  if _designation(m.group(1), unit.lang)]
    return [Model(unit, name, name_key(name.split("/")[0]), s, e) for s, e, name in sorted(set(found))]


def find_weapon_conflicts(units: Sequence[Sequence[Unit]], labels: Sequence[str] | None = None
                          ) -> list[tuple[str, Fact, Fact, str, float]]:
    """``("conflict", fact_a, fact_b, why, salience)`` for every two articles naming different weapon
    models as used (see module docstring)."""
    names = article_labels(units, labels)
    by_article: list[list[Model]] = []
    for arts in units:
        texts = [u.sentence.text for u in arts]
        by_article.append([m for k, u in enumerate(arts) for m in models_of(u, texts[max(0, k - 2):k])])
    given = [{m.key for m in models} for models in by_article]
    out: list[tuple[str, Fact, Fact, str, float]] = []
    for i, models_a in enumerate(by_article):
        for j in range(i + 1, len(by_article)):
            for ma in models_a:
                for mb in by_article[j]:
                    if ma.key in given[j] or mb.key in given[i]:
                        continue  # one report names both, or both name one
                    why = f"different weapons used: {ma.name!r} vs {mb.name!r}"
                    key = "statement:weapon"
                    out.append(("conflict", _fact(ma, key, names), _fact(mb, key, names), why, SALIENCE))
    return out


def _fact(m: Model, key: str, labels: Sequence[str]) -> Fact:
    return span_fact(m.unit, m.start, m.end, labels, m.key, key)
