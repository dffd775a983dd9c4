"""Probes of the core comparison (the fact matcher: counts with an action, money and shares, weekdays,
clock times, dates, names and quotes) on hand-written report pairs: invented towns, people and
figures, worded as outlets write them, in other inflections, word orders, number formats and
languages than the dev pairs the matcher was tuned on. Each probe is two one-sentence (or
two-sentence) reports: a discrepancy must come out as a conflict whose values hold the two expected
spans, a figure inside a vague amount as a refinement, and look-alikes (another place, group, day or
event, a part of a total, a rounding, a transliteration) must stay silent."""

from __future__ import annotations

import pytest

from storydiff.compare import compare_articles
from storydiff.compare.report import Comparison
from storydiff.model import Article, Conflict

#: (text a, language a, text b, language b)
Pair = tuple[str, str, str, str]


def _compare(pair: Pair) -> Comparison:
    text_a, lang_a, text_b, lang_b = pair
    return compare_articles([Article(text=text_a, language=lang_a, external_id="a"),
                             Article(text=text_b, language=lang_b, external_id="b")])


def _holds(c: Conflict, a_says: str, b_says: str) -> bool:
    """Whether ``c`` has a value of article a holding ``a_says`` and one of b holding ``b_says``."""
    return any(v.article == "a" and a_says in v.text for v in c.values) and any(
        v.article == "b" and b_says in v.text for v in c.values)


def _shown(found: list[Conflict]) -> list[str]:
    return [f"{c.key}: " + " | ".join(f"{v.article}:{v.text}" for v in c.values) for c in found]


def _xfail(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(reason=reason, strict=True)


# ----------------------------------------------------------------------------- counts with an action
COUNT_CONFLICTS = [
    pytest.param(("Die Polizei nahm in Velden mehr als 3.800 Demonstranten fest.", "de",
                  "In Velden wurden mehr als 3000 Menschen festgenommen.", "de"), "3.800", "3000", id="de-arrested-bounds"),
    pytest.param(("At least 26 people were killed when a bus plunged into a ravine near Dorrow.", "en",
                  "The crash near Dorrow killed 31 people, police said.", "en"), "26", "31", id="en-dead"),
    pytest.param(("Some 140 people were injured in the blast in Harwick.", "en",
                  "The explosion in Harwick left 95 people wounded.", "en"), "140", "95", id="en-injured-left"),
    pytest.param(("Nach dem Erdrutsch in Selmbach werden noch 17 Menschen vermisst.", "de",
                  "Twelve people are still missing after the landslide in Selmbach.", "en"),
                 "17", "Twelve", id="de-en-missing-word"),
    pytest.param(("Rund 2.000 Anwohner wurden in der Nacht evakuiert.", "de",
                  "About 5,000 residents were evacuated overnight.", "en"), "2.000", "5,000", id="de-en-evacuated",
                 marks=_xfail("English 'residents' counts a town's people and a home's alike (kept apart from "
                              "'Anwohner'); telling them apart needs a parser")),
    pytest.param(("Bei dem Brand in Lorvik starben zwölf Menschen.", "de",
                  "L'incendie de Lorvik a fait neuf morts.", "fr"), "zwölf", "neuf", id="de-fr-dead-words"),
    pytest.param(("Die Polizei nahm bei den Protesten in Orlen 45 Personen fest.", "de",
                  "La policía detuvo a 60 personas durante las protestas en Orlen.", "es"),
                 "45", "60", id="de-es-arrested-preterite"),
    pytest.param(("Police detained 150 protesters in Kirovsk on Sunday.", "en",
                  "В Кировске в воскресенье задержали около 300 демонстрантов.", "ru"),
                 "150", "300", id="en-ru-arrested"),
    pytest.param(("Une vingtaine de personnes ont été blessées à Valmont.", "fr",
                  "Unas 60 personas resultaron heridas en Valmont.", "es"), "vingtaine", "60", id="fr-es-vingtaine"),
    pytest.param(("Bei dem Anschlag in Karsk wurden 48 Menschen getötet.", "de",
                  "Ums Leben kamen bei dem Anschlag in Karsk nach Behördenangaben 52 Menschen.", "de"),
                 "48", "52", id="de-ums-leben-fronted"),
    pytest.param(("The attack on the market in Tolo left 14 people dead.", "en",
                  "The attack on the market in Tolo killed 19 people.", "en"), "14", "19", id="en-left-dead"),
    pytest.param(("L'attaque a fait 23 morts à Sarnac, selon la préfecture.", "fr",
                  "Selon la préfecture, 32 personnes sont mortes à Sarnac.", "fr"), "23", "32", id="fr-dead"),
    pytest.param(("Murieron 15 personas en el incendio de Tarel.", "es",
                  "El incendio de Tarel dejó 18 fallecidos.", "es"), "15", "18", id="es-dead"),
    pytest.param(("При обрушении в Луговске погибли 12 человек.", "ru",
                  "The collapse in Lugovsk killed 15 people.", "en"), "12", "15", id="ru-en-dead"),
    pytest.param(("Из зоны затопления эвакуированы 1200 человек.", "ru",
                  "Some 1,800 people were evacuated from the flooded area.", "en"), "1200", "1,800",
                 id="ru-en-evacuated"),
    pytest.param(("Más de 300 personas fueron evacuadas en Lindar.", "es",
                  "In Lindar wurden mehr als 500 Menschen evakuiert.", "de"), "300", "500", id="es-de-lower-bounds"),
    pytest.param(("Die Zahl der Verletzten stieg auf 64.", "de",
                  "71 Menschen wurden verletzt, teilte die Feuerwehr mit.", "de"), "64", "71", id="de-number-of-injured"),
    pytest.param(("Dutzende Menschen wurden bei den Krawallen in Hollum verletzt.", "de",
                  "Bei den Krawallen in Hollum wurden mehr als 150 Menschen verletzt.", "de"),
                 "Dutzende", "150", id="de-vague-bound-outside"),
    pytest.param(("Several hundred people were arrested in Marlow.", "en",
                  "Police in Marlow arrested 120 people.", "en"), "hundred", "120", id="en-several-hundred-outside"),
    pytest.param(("At least 12 people were arrested in Brisk.", "en",
                  "Several dozen people were arrested in Brisk.", "en"), "12", "dozen", id="en-bound-below-dozens"),
]

COUNT_REFINED = [
    pytest.param(("Bei dem Unglück in Mallow wurden Dutzende Menschen verletzt.", "de",
                  "Bei dem Unglück in Mallow wurden 26 Menschen verletzt.", "de"), "26", "Dutzende", id="de-dutzende"),
    pytest.param(("Hundreds of people were evacuated from Cray.", "en",
                  "About 400 people were evacuated from Cray.", "en"), "400", "Hundreds", id="en-hundreds"),
    pytest.param(("Mehrere hundert Demonstranten wurden in Lenz festgenommen.", "de",
                  "In Lenz wurden 412 Demonstranten festgenommen.", "de"), "412", "hundert", id="de-mehrere-hundert"),
    pytest.param(("Tausende Anwohner mussten in Brakel in Sicherheit gebracht werden.", "de",
                  "In Brakel wurden 3.500 Anwohner evakuiert.", "de"), "3.500", "Tausende", id="de-tausende"),
    pytest.param(("L'explosion a fait des dizaines de morts à Perrin.", "fr",
                  "L'explosion a fait 37 morts à Perrin.", "fr"), "37", "dizaines", id="fr-dizaines"),
    pytest.param(("В Снежном погибли десятки человек.", "ru",
                  "In Snezhny 34 people died.", "en"), "34", "десятки", id="ru-en-dozens"),
    pytest.param(("Decenas de personas resultaron heridas en Calvo.", "es",
                  "In Calvo wurden 41 Menschen verletzt.", "de"), "41", "Decenas", id="es-de-decenas"),
]

# ----------------------------------------------------------------------------- number formats and words
FORMAT_CONFLICTS = [
    pytest.param(("Bei dem Beben in Karsang kamen 1 250 Menschen ums Leben.", "de",
                  "Das Beben in Karsang hat 1.400 Menschen das Leben gekostet.", "de"), "1 250", "1.400",
                 id="de-space-thousands"),
    pytest.param(("Bei dem Brand starben zwölf Menschen.", "de",
                  "Bei dem Brand starben 15 Menschen.", "de"), "zwölf", "15", id="de-word-digit"),
    pytest.param(("Two dozen people were injured in the crash.", "en",
                  "Thirty people were injured in the crash.", "en"), "Two dozen", "Thirty", id="en-two-dozen"),
    pytest.param(("Trois personnes sont mortes dans l'avalanche.", "fr",
                  "Bei der Lawine starben fünf Menschen.", "de"), "Trois", "fünf", id="fr-de-words"),
    pytest.param(("Twenty-five people died in the flood.", "en",
                  "Bei der Flut starben 30 Menschen.", "de"), "Twenty-five", "30", id="en-hyphen-compound"),
    pytest.param(("В результате пожара погибли двадцать пять человек.", "ru",
                  "The fire killed 20 people.", "en"), "двадцать пять", "20", id="ru-compound"),
    pytest.param(("Bei dem Unglück kamen fünfundzwanzig Bergleute ums Leben.", "de",
                  "The accident killed 29 miners.", "en"), "fünfundzwanzig", "29", id="de-und-compound"),
    pytest.param(("Zweihundert Menschen wurden evakuiert.", "de",
                  "Three hundred people were evacuated.", "en"), "Zweihundert", "Three hundred", id="de-en-hundreds-words"),
]

FORMAT_SILENT = [
    pytest.param(("Mehr als 3.800 Menschen wurden festgenommen.", "de",
                  "Mehr als 3800 Menschen wurden festgenommen.", "de"), id="de-dot-plain"),
    pytest.param(("Mehr als 3 800 Menschen wurden festgenommen.", "de",
                  "More than 3,800 people were arrested.", "en"), id="de-space-en-comma"),
    pytest.param(("Plus de 3 800 personnes ont été interpellées.", "fr",
                  "Mehr als 3.800 Menschen wurden festgenommen.", "de"), id="fr-space-de-dot"),
    pytest.param(("Bei dem Brand starben zwölf Menschen.", "de",
                  "Twelve people died in the fire.", "en"), id="de-en-words"),
    pytest.param(("Two dozen people were injured in the crash.", "en",
                  "Bei dem Unfall wurden 24 Menschen verletzt.", "de"), id="two-dozen-24"),
    pytest.param(("В результате пожара погибли двадцать человек.", "ru",
                  "The fire killed 20 people.", "en"), id="ru-word-digit"),
    pytest.param(("Twenty-five people died in the flood.", "en",
                  "Bei der Flut starben 25 Menschen.", "de"), id="en-hyphen-25"),
    pytest.param(("Bei dem Unglück kamen fünfundzwanzig Bergleute ums Leben.", "de",
                  "The accident killed 25 miners.", "en"), id="de-und-25"),
    pytest.param(("Veinticinco personas murieron en el accidente.", "es",
                  "The accident killed 25 people.", "en"), id="es-veinti-25"),
    pytest.param(("Vingt-cinq personnes sont mortes dans l'accident.", "fr",
                  "The accident killed 25 people.", "en"), id="fr-hyphen-25"),
    pytest.param(("В результате пожара погибли двадцать пять человек.", "ru",
                  "The fire killed 25 people.", "en"), id="ru-compound-25"),
    pytest.param(("Zweihundert Menschen wurden evakuiert.", "de",
                  "Two hundred people were evacuated.", "en"), id="de-en-200-words"),
]

# ----------------------------------------------------------------------------- money and shares
MONEY_CONFLICTS = [
    pytest.param(("Die Stadt Bramfeld stellt 2,2 Millionen Euro für den Wiederaufbau bereit.", "de",
                  "Für den Wiederaufbau stellt Bramfeld 2,5 Millionen Euro zur Verfügung.", "de"),
                 "2,2 Millionen", "2,5 Millionen", id="de-millions"),
    pytest.param(("The council approved $450 million for the new bridge.", "en",
                  "The council approved $480 million for the new bridge.", "en"), "450", "480", id="en-dollars"),
    pytest.param(("Le chantier coûtera 3,2 milliards de dollars.", "fr",
                  "The project will cost $4.1 billion.", "en"), "3,2", "4.1", id="fr-en-billions"),
    pytest.param(("Die Arbeitslosenquote in Kellern stieg im März auf 5,4 Prozent.", "de",
                  "Unemployment in Kellern rose to 5.9 percent in March.", "en"), "5,4", "5.9", id="de-en-percent"),
    pytest.param(("Die Partei kam auf 42 Prozent der Stimmen.", "de",
                  "Le parti a obtenu 45 % des voix.", "fr"), "42", "45", id="de-fr-vote-share"),
]

MONEY_SILENT = [
    pytest.param(("The deal is worth 1.9 billion euros.", "en",
                  "Das Geschäft hat einen Wert von zwei Milliarden Euro.", "de"), id="rounded-billions"),
    pytest.param(("Die Stadt stellt 2,2 Mio. Euro bereit.", "de",
                  "Die Stadt stellt 2,2 Millionen Euro bereit.", "de"), id="mio-abbreviation"),
    pytest.param(("Le chantier coûtera 3,2 milliards de dollars.", "fr",
                  "The project will cost $3.2 billion.", "en"), id="fr-en-same"),
    pytest.param(("Die Partei kam auf 42 Prozent der Stimmen.", "de",
                  "The party won 42% of the vote.", "en"), id="percent-sign"),
    pytest.param(("Die Partei Neue Mitte kam auf 42 Prozent, die Liberalen auf 18 Prozent.", "de",
                  "Die Liberalen erreichten 18 Prozent.", "de"), id="other-party-share"),
]

# ----------------------------------------------------------------------------- weekdays, clocks, dates
WHEN_CONFLICTS = [
    pytest.param(("Die Proteste in Halvern begannen am Samstag.", "de",
                  "Die Proteste in Halvern hatten am Sonntag begonnen.", "de"), "Samstag", "Sonntag", id="de-weekday"),
    pytest.param(("The protests in Halvern began on Saturday.", "en",
                  "Les manifestations ont commencé dimanche à Halvern.", "fr"), "Saturday", "dimanche", id="en-fr-weekday"),
    pytest.param(("Die Proteste in Halvern begannen am Samstag.", "de",
                  "Las protestas en Halvern comenzaron el domingo.", "es"), "Samstag", "domingo", id="de-es-weekday"),
    pytest.param(("The protests in Halvern began on Saturday.", "en",
                  "Протесты в Халверне начались в воскресенье.", "ru"), "Saturday", "воскресенье", id="en-ru-weekday",
                 marks=_xfail("a Latin name and its Cyrillic form (Halvern / Халверне) do not meet in the "
                              "sentence context; that needs a transliteration of names")),
    pytest.param(("A curfew is in force in Dunmore from 10 p.m. until 7 a.m.", "en",
                  "The curfew in Dunmore runs from 10 p.m. to 8 a.m.", "en"), "7 a.m.", "8 a.m.", id="en-curfew"),
    pytest.param(("Die Ausgangssperre in Dunmore gilt bis 7 Uhr morgens.", "de",
                  "The curfew in Dunmore lasts until 8 a.m.", "en"), "7 Uhr", "8 a.m.", id="de-en-curfew"),
    pytest.param(("The polls in Varna close at 9 p.m.", "en",
                  "Die Wahllokale in Varna schließen um 20 Uhr.", "de"), "9 p.m.", "20 Uhr", id="en-de-polls"),
    pytest.param(("Das Unglück in Resch ereignete sich am 7. März.", "de",
                  "The accident in Resch happened on March 9.", "en"), "7. März", "March 9", id="de-en-date"),
    pytest.param(("Le sommet de Ternes aura lieu le 12 avril.", "fr",
                  "La cumbre de Ternes se celebrará el 14 de abril.", "es"), "12 avril", "14 de abril",
                 id="fr-es-date"),
]

WHEN_SILENT = [
    pytest.param(("The protests in Halvern began on Saturday.", "en",
                  "Les manifestations ont commencé samedi à Halvern.", "fr"), id="en-fr-same-day"),
    pytest.param(("Die Proteste in Halvern begannen am Samstag.", "de",
                  "Las protestas en Halvern comenzaron el sábado.", "es"), id="de-es-same-day"),
    pytest.param(("The protests in Halvern began on Saturday.", "en",
                  "Протесты в Халверне начались в субботу.", "ru"), id="en-ru-same-day"),
    pytest.param(("Die Ausgangssperre in Dunmore gilt bis 8 Uhr.", "de",
                  "The curfew in Dunmore lasts until 8 a.m.", "en"), id="de-en-same-clock"),
    pytest.param(("The polls in Varna close at 9 p.m.", "en",
                  "Die Wahllokale in Varna schließen um 21 Uhr.", "de"), id="en-de-24h"),
    pytest.param(("Die Rede in London beginnt um 14 Uhr britischer Zeit.", "de",
                  "Die Rede in London beginnt um 15 Uhr MESZ.", "de"), id="time-zones"),
    pytest.param(("Das Unglück in Resch ereignete sich am 7. März.", "de",
                  "The accident in Resch happened on March 7.", "en"), id="de-en-same-date"),
    pytest.param(("Пожар в Лесном начался 8 октября.", "ru",
                  "The fire in Lesnoy broke out on October 8.", "en"), id="ru-en-same-date"),
    pytest.param(("Die Regierung kündigte am Montag an, die Ausgangssperre in Tarn aufzuheben.", "de",
                  "Die Ausgangssperre in Tarn wird am Mittwoch aufgehoben.", "de"), id="announcement-vs-event"),
    pytest.param(("Das Beben in Ostra ereignete sich am Dienstag. Am Freitag besuchte der Präsident die Region.",
                  "de", "Der Präsident besuchte die Region um Ostra am Freitag.", "de"), id="other-event-weekday"),
]

# ----------------------------------------------------------------------------- look-alikes of a count
COUNT_SILENT = [
    pytest.param(("In Arnheim starben 12 Menschen, in Velde sieben.", "de",
                  "In Velde kamen sieben Menschen ums Leben.", "de"), id="two-places-one-report"),
    pytest.param(("In Arnheim starben bei dem Sturm 12 Menschen.", "de",
                  "In Velde starben bei dem Sturm 7 Menschen.", "de"), id="other-place"),
    pytest.param(("Bei dem Angriff auf Dessa wurden 15 Kinder getötet.", "de",
                  "Bei dem Angriff auf Dessa wurden 40 Menschen getötet.", "de"), id="children-vs-all"),
    pytest.param(("The strike on Dessa killed 40 people, including 15 children.", "en",
                  "Bei dem Angriff auf Dessa wurden 40 Menschen getötet.", "de"), id="including-children"),
    pytest.param(("Mindestens 50 Menschen wurden verletzt, acht von ihnen schwer.", "de",
                  "Acht Menschen wurden schwer verletzt.", "de"), id="part-of-total"),
    pytest.param(("Am Montag meldeten die Behörden zwölf Tote, am Dienstag stieg die Zahl auf 19.", "de",
                  "Die Zahl der Todesopfer ist auf 19 gestiegen.", "de"), id="rising-toll-de"),
    pytest.param(("The death toll rose from 23 on Friday to 41 on Saturday.", "en",
                  "41 people have died, officials said.", "en"), id="rising-toll-en"),
    pytest.param(("Am Freitag wurden 200 Menschen festgenommen, am Samstag weitere 150.", "de",
                  "Am Samstag nahm die Polizei 150 Demonstranten fest.", "de"), id="other-day-count"),
    pytest.param(("Bei dem Unglück in Mallow wurden Dutzende Menschen verletzt.", "de",
                  "Bei dem Unglück in Mallow wurden 26 Menschen verletzt.", "de"), id="dozens-26-no-conflict"),
    pytest.param(("Zwölf Menschen starben, 30 wurden verletzt.", "de",
                  "Twelve people died and 30 were injured.", "en"), id="two-actions-agree"),
]

# ----------------------------------------------------------------------------- names and quotes
NAME_CONFLICTS = [
    pytest.param(("Der Trainer brachte Kaito Mirushima in der 70. Minute.", "de",
                  "In der 70. Minute kam Kaito Miroshima ins Spiel.", "de"), "Mirushima", "Miroshima",
                 id="de-surname-typo"),
    pytest.param(("Mayor Anneliese Brodtmann opened the new school.", "en",
                  "Mayor Anneliese Brodmann opened the new school.", "en"), "Brodtmann", "Brodmann",
                 id="en-dropped-letter"),
]

NAME_SILENT = [
    pytest.param(("Präsident Kasym Nurlajew reiste am Montag nach Minsk.", "de",
                  "President Kasym Nurlayev travelled to Minsk on Monday.", "en"), id="de-en-jew-yev"),
    pytest.param(("Der Minister Sergej Morosow trat zurück.", "de",
                  "Minister Sergei Morozov resigned.", "en"), id="de-en-s-z"),
    pytest.param(("Bürgermeister Juri Schewtschenko besuchte das Dorf.", "de",
                  "Mayor Yuri Shevchenko visited the village.", "en"), id="de-en-sch-sh"),
    pytest.param(("Le ministre Iouri Chevtchenko a démissionné.", "fr",
                  "Minister Yuri Shevchenko resigned.", "en"), id="fr-en-ch-sh"),
]

QUOTE_CONFLICTS = [
    pytest.param(("„Wir werden diese Stadt Stein für Stein wieder aufbauen“, sagte Bürgermeister Olsen.", "de",
                  "„Wir werden diese Stadt Stein um Stein neu aufbauen“, sagte Bürgermeister Olsen.", "de"),
                 "Stein für Stein", "Stein um Stein", id="de-quote"),
    pytest.param(("\"We will not stop searching until everyone is found,\" Governor Pratt said.", "en",
                  "\"We will not stop looking until every person is found,\" Governor Pratt said.", "en"),
                 "searching", "looking", id="en-quote"),
]

QUOTE_SILENT = [
    pytest.param(("\"We will rebuild every house in this valley, and we will do it together,\" Mayor Olsen said.",
                  "en", "\"We will rebuild every house in this valley,\" Mayor Olsen said.", "en"), id="cut-shorter"),
    pytest.param(("„Wir werden diese Stadt wieder aufbauen“, sagte Bürgermeister Olsen.", "de",
                  "„Wir werden diese Stadt wieder aufbauen“, sagte Olsen.", "de"), id="same-quote"),
]


# ----------------------------------------------------------------------------- held out from the fixes
#: written after the fixes above, as a check on how they carry to wordings they were not made for
FRESH_CONFLICTS = [
    pytest.param(("La policía arrestó a 80 manifestantes en Dorna.", "es",
                  "In Dorna wurden 95 Demonstranten festgenommen.", "de"), "80", "95", id="fresh-es-de-arrested"),
    pytest.param(("Les secours ont évacué quatre cents habitants à Brion.", "fr",
                  "In Brion wurden 600 Bewohner evakuiert.", "de"), "quatre cents", "600", id="fresh-fr-de-residents",
                 marks=_xfail("'Bewohner' (of a home or of a town) is kept apart from people; telling which "
                              "needs a parser")),
    pytest.param(("В пятницу в Кольске погибли тридцать два человека.", "ru",
                  "In Kolsk 40 people died on Friday.", "en"), "тридцать два", "40", id="fresh-ru-en-compound"),
    pytest.param(("Mehr als 2 500 Menschen mussten ihre Häuser verlassen und wurden evakuiert.", "de",
                  "Más de 4.000 personas fueron evacuadas.", "es"), "2 500", "4.000", id="fresh-de-es-spaced"),
    pytest.param(("Die Ausgangssperre beginnt um 22 Uhr.", "de",
                  "Le couvre-feu commence à 21 heures.", "fr"), "22 Uhr", "21 heures", id="fresh-de-fr-curfew"),
    pytest.param(("Der Gipfel in Ravel beginnt am Donnerstag.", "de",
                  "The summit in Ravel starts on Friday.", "en"), "Donnerstag", "Friday", id="fresh-de-en-summit-day"),
    pytest.param(("Scores of people were injured in Bray.", "en",
                  "In Bray wurden 12 Menschen verletzt.", "de"), "Scores", "12", id="fresh-en-scores-of",
                 marks=_xfail("'scores of' as a vague amount is not listed: 'scores' is mostly a game's")),
    pytest.param(("Bei dem Zugunglück starben einunddreißig Fahrgäste.", "de",
                  "Thirty-five passengers died in the train crash.", "en"), "einunddreißig", "Thirty-five",
                 id="fresh-de-en-words"),
    pytest.param(("Die Schäden belaufen sich auf 1,4 Milliarden Euro.", "de",
                  "Damage is estimated at 1.8 billion euros.", "en"), "1,4", "1.8", id="fresh-de-en-damage"),
]
FRESH_SILENT = [
    pytest.param(("Bei dem Zugunglück starben einunddreißig Fahrgäste.", "de",
                  "Thirty-one passengers died in the train crash.", "en"), id="fresh-words-agree"),
    pytest.param(("Die Schäden belaufen sich auf rund 1,4 Milliarden Euro.", "de",
                  "Damage is estimated at 1.4 billion euros.", "en"), id="fresh-about-same"),
    pytest.param(("In Ostheim wurden 14 Menschen verletzt, in Westheim 9.", "de",
                  "In Westheim wurden neun Menschen verletzt.", "de"), id="fresh-two-places"),
    pytest.param(("Am Sonntag wurden 40 Menschen festgenommen, am Montag 25.", "de",
                  "On Monday police arrested 25 people.", "en"), id="fresh-two-days"),
    pytest.param(("Seit dem 3. Mai wurden 120 Menschen festgenommen.", "de",
                  "Since May 3, 120 people have been arrested.", "en"), id="fresh-date-not-count"),
]


@pytest.mark.parametrize(("pair", "a_says", "b_says"),
                         COUNT_CONFLICTS + FORMAT_CONFLICTS + MONEY_CONFLICTS + WHEN_CONFLICTS + NAME_CONFLICTS
                         + QUOTE_CONFLICTS + FRESH_CONFLICTS)
def test_conflict_found(pair: Pair, a_says: str, b_says: str) -> None:
    found = _compare(pair).conflicts
    assert any(_holds(c, a_says, b_says) for c in found), _shown(found)


@pytest.mark.parametrize(("pair", "precise", "vague"), COUNT_REFINED)
def test_refinement_not_conflict(pair: Pair, precise: str, vague: str) -> None:
    result = _compare(pair)
    assert not result.conflicts, _shown(result.conflicts)
    assert any(_holds(c, vague, precise) or _holds(c, precise, vague) for c in result.refinements), _shown(
        result.refinements)


@pytest.mark.parametrize("pair", FORMAT_SILENT + MONEY_SILENT + WHEN_SILENT + COUNT_SILENT + NAME_SILENT
                         + QUOTE_SILENT + FRESH_SILENT)
def test_silent(pair: Pair) -> None:
    found = _compare(pair).conflicts
    assert not found, _shown(found)
