# ruff: noqa: SIM905  (word tables read best as one string per concept)
"""Word tables for substitution conflicts: opposites, semantic fields, negations, name spellings.

Tables are prefix tables read with :func:`~storydiff.compare.lexicon.concept_of`
(longest prefix first; entries under four letters must match the whole word).

* :data:`OPPOSITES` maps a word to ``<pair>+`` or ``<pair>-``: two words of one pair with
  different signs contradict each other (``gewonnen``/``verloren``).
* :data:`FIELDS` maps a word to ``<field>:<concept>``: two words of one field with different
  concepts name different things in the same slot (``Lastwagen``/``Auto``); two words of one
  concept are synonyms (``Lkw``/``Lastwagen``).

>>> from storydiff.compare.lexicon import concept_of
>>> concept_of("gewonnen", OPPOSITES), concept_of("lost", OPPOSITES)
('win+', 'win-')
>>> concept_of("lastkraftwagen", FIELDS), concept_of("autobombe", FIELDS)
('vehicle:truck', 'vehicle:car')
>>> same_spelling("Selenskyj", "Selenskij"), same_spelling("Nowaja", "Nowa"), same_spelling("Doan", "Dean")
(True, True, False)
"""

from __future__ import annotations

from collections.abc import Mapping

from storydiff.compare.facts import is_name_word
from storydiff.compare.matching import fold

__all__ = ["FIELDS", "NEGATIONS", "OPPOSITES", "is_name_word", "same_spelling"]


def _signed(spec: Mapping[str, tuple[str, str]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for pair, (plus, minus) in spec.items():
        out.update(dict.fromkeys(plus.split(), pair + "+"))
        out.update(dict.fromkeys(minus.split(), pair + "-"))
    return out


def _fields(spec: Mapping[str, Mapping[str, str]]) -> dict[str, str]:
    return {w: f"{field}:{concept}" for field, concepts in spec.items()
            for concept, words in concepts.items() for w in words.split()}


#: pairs of opposite words (de, en, fr, es, ru)
OPPOSITES = _signed({
    "win": ("gewonnen gewinnt gewann siegte siegt won wins winning victory gagné gagne ganó gana выиграл победил",
            "verloren verliert verlor unterlag lost loses losing defeat perdu perd perdió pierde проиграл"),
    "expect": ("erwartet erwartungsgemäß planmäßig expected anticipated attendu prévu esperad previst ожидаем",
               "überraschend unerwartet überrasch unexpected unexpectedly surprising surprisingly surprise "
               "inattendu inesperad sorpres неожидан"),
    "rise": ("gestiegen steigt stieg erhöht zugenommen rose risen increased rising hausse augment subió aumentó "
             "вырос",
             "gesunken sinkt sank gefallen fiel verringert abgenommen fell fallen dropped decreased falling baisse "
             "diminu bajó cayó снизил упал"),
    "confirm": ("bestätigt bestätigte confirmed confirms confirmé confirmó подтверд",
                "dementiert dementierte bestritten bestreitet denied denies démenti desmintió negó опроверг"),
    "accept": ("angenommen akzeptiert zugestimmt stimmte accepted approved agreed accepté approuvé aprobó aceptó "
               "одобрил",
               "abgelehnt lehnte zurückgewiesen rejected refused declined refusé rejeté rechazó отклонил"),
    "alive": ("lebend lebendig überlebt überlebte alive survived vivant survécu vivo sobrevivió выжил",
              "tot tote getötet gestorben starb dead died killed mort morts tué muerto murió погиб"),
    "open": ("geöffnet öffnete open opened reopened ouvert abierto открыт",
             "geschlossen gesperrt schloss closed shut fermé cerrado закрыт"),
    "stay": ("geblieben bleibt blieb stayed remained remains resté sigue остался",
             "zurückgetreten zurücktreten abgesetzt resigned resigns quit ousted démissionné dimitió renunció "
             "ушёл ушел отставк"),
    "free": ("freigelassen freigekommen released freed libéré liberad освобожд",
             "festgenommen verhaftet inhaftiert arrested detained jailed arrêté detenid задержан арестован"),
    "whole": ("vollständig komplett gesamt ganz complete completely fully entire entirely complet entièrement "
              "completo полностью",
              "teilweise teils partiell partial partially partly partiel partiellement parcial частично"),
    "yes": ("ja yes oui sí да", "nein no non нет"),
})

#: semantic fields whose members name different things in the same slot
FIELDS = _fields({
    "vehicle": {
        "car": "auto autos pkw personenwagen car cars voiture voitures coche coches легков",
        "truck": "lkw lastwagen laster lastkraftwagen truck trucks lorry lorries camion camión грузовик грузов",
        "tanker": "tanklaster tankwagen tanklastzug tanker citerne cisterna цистерн бензовоз",
        "bus": "bus busse reisebus autobus автобус",
        "train": "zug züge güterzug train trains tren поезд состав",
        "ship": "schiff schiffe boot boote ship ships boat boats navire bateau barco buque корабл судн",
        "plane": "flugzeug flugzeuge plane planes aircraft avion avión самолет самолёт",
        "helicopter": "hubschrauber helikopter helicopter hélicoptère helicóptero вертолет вертолёт",
    },
    "weapon": {
        "missile": "rakete raketen marschflugkörper missile missiles rocket rockets roquette misil ракет",
        "drone": "drohne drohnen drone drones dron дрон беспилотник",
        "bomb": "bombe bomben sprengsatz bomb bombs explosive bombe bomba бомб",
        "shell": "granate granaten artillerie shell shells obus proyectil снаряд",
    },
    "authority": {
        "police": "polizei polizisten police policía полиц",
        "prosecutor": "staatsanwaltschaft staatsanwalt prosecutor prosecutors procureur fiscalía fiscal прокурат",
        "court": "gericht amtsgericht landgericht court tribunal tribunale суд",
        "army": "armee militär streitkräfte army military armée ejército армия военны",
    },
    "direction": {
        "north": "nord norden nördlich north northern nord septentrional norte север",
        "south": "süd süden südlich south southern sud méridional sur юг южн",
        "east": "ost osten östlich east eastern est este восток восточн",
        "west": "west westen westlich western ouest oeste запад западн",
    },
    "kin": {
        "father": "vater father père padre отец",
        "mother": "mutter mother mère madre мать",
        "son": "sohn son fils hijo сын",
        "daughter": "tochter daughter fille hija дочь",
        "brother": "bruder brother frère hermano брат",
        "sister": "schwester sister sœur hermana сестра",
        "grandson": "enkel grandson petit-fils nieto внук",
    },
})

#: a word that negates the statement it stands in
NEGATIONS = frozenset("nicht kein keine keinen keinem keiner nie niemals not no never none n't pas jamais "
                      "ni nunca не нет".split())

_TRANSLIT = (("ou", "u"), ("y", "i"), ("j", "i"), ("ii", "i"), ("w", "v"), ("ss", "s"), ("sch", "sh"),
             ("’", "'"))


_SLAVIC_ENDINGS = (("aia", "a"), ("oie", "o"))


def same_spelling(p: str, q: str) -> bool:
    """Two spellings of one name: same after folding accents, common transliterations and
    Russian adjective endings (``Nowaja``/``Nowa``), or one is the other plus a case ending (``Palast``/``Palasts``)."""
    def norm(w: str) -> str:
        w = fold(w).rstrip("'’")
        for x, y in _TRANSLIT:
            w = w.replace(x, y)
        for x, y in _SLAVIC_ENDINGS:  # "Nowaja" / "Nowa" Kachowka: a Russian adjective ending
            if w.endswith(x):
                w = w[: -len(x)] + y
        return w.rstrip("i")
    a, b = norm(p), norm(q)
    if a == b:
        return True
    short, long_ = sorted((_bare(p), _bare(q)), key=len)
    return long_.startswith(short) and long_[len(short):] in ("", "s", "es", "n", "en", "ns")


def _bare(word: str) -> str:
    """``word`` folded, without a possessive (``Sri Lanka’s`` -> ``sri lanka``)."""
    w = fold(word).rstrip("'’")
    return w[:-2] if w.endswith(("'s", "’s")) else w
