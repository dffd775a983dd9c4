"""Places a sentence names: the qualifier that keeps counts of different places apart.

Method: a place is the last capitalised word after a locative preposition (``in``, ``im``,
``bei``, ``en``, ``à``, ``near``, ``в``), optionally through an article: ``in Brandenburg``,
``im Kreis Ahrweiler``, ``à Paris``. German capitalises every noun, so the same pattern
also meets prepositional phrases that name no place — ``nach Angaben``, ``im
Hintergrund``, ``in Sicherheit``, ``in der Nacht``, ``in dem Zug`` — and two reports of one
figure would be kept apart because one says "nach Angaben der Polizei" and the other "in
Emsland". Such words (:data:`NOT_PLACES`: sources, times, manners, states and vehicles,
none of them a named area a count could be split over) are dropped. Places are returned as
folded five-letter prefixes, Cyrillic transliterated, so that inflections and scripts meet
(``Deutschland``/``Deutschlands``, ``в Кировске``/``in Kirovsk``).

>>> sorted(places_in("Nach Angaben der Polizei starben im Hintergrund in Brandenburg drei Menschen."))
['brand']
>>> sorted(places_in("Im Kreis Ahrweiler wurden 110 Tote gezählt."))
['ahrwe']
>>> places_in("В Кировске задержали 300 человек.") == places_in("In Kirovsk, 300 people were detained.")
True
"""

from __future__ import annotations

import re

from storydiff.text.lemmas import fold

__all__ = ["NOT_PLACES", "places_in"]

_PLACE = re.compile(r"\b(?i:in|im|en|à|au|aux|nach|в|во|near|bei)\s+(?i:der\s+|dem\s+|the\s+|la\s+|le\s+|el\s+)?"
                    r"((?:[A-ZÄÖÜÉА-Я][\w-]+\s+)*[A-ZÄÖÜÉА-Я][\w-]+)")

#: nouns that follow a locative preposition without naming a place (lower case)
NOT_PLACES = frozenset("""
angaben angabe auskunft auskünften informationen berichten bericht medienberichten aussagen
schätzungen schätzung ansicht meinung worten sicht auftrag namen sinne
hintergrund vordergrund vorfeld folge folgen zuge zug zügen bus auto flugzeug boot schiff
nacht nächten morgen abend mittag nachmittag vormittag tag tage tagen woche wochen monat jahr
jahren laufe verlauf moment augenblick zeit zeiten anschluss gegenzug hinblick rahmen
zusammenhang vergleich richtung nähe höhe tiefe länge breite mitte ende anfang beginn
sicherheit gefahr brand flammen trümmern not haft gewahrsam amt ämtern führung alter tod
fernsehen radio internet interview gespräch erklärung mitteilung stellungnahme rede
pause halbzeit spiel verhandlungen gesprächen gange kraft summe form
""".split())  # noqa: SIM905


def places_in(text: str) -> frozenset[str]:
    """Folded five-letter prefixes of the places ``text`` names (see module docstring)."""
    out = set()
    for m in _PLACE.finditer(text):
        word = m.group(1).split()[-1]
        if word.lower() not in NOT_PLACES:
            out.add(fold(word)[:5])
    return frozenset(out)
