"""Probes of the figure detectors (groups, peaks, weapons, shares, populations, backers, packages)
and of the "nobody was hurt" rule, on hand-written sentences (invented names, places and figures)
worded unlike the dev pairs each detector was written for: the same kind of discrepancy in other
inflections, word order, languages and units must be found, and the look-alikes must stay silent."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest

from storydiff.compare import compare_articles
from storydiff.compare.align import Unit, prepare
from storydiff.compare.backers import find_backer_conflicts
from storydiff.compare.packages import find_package_conflicts
from storydiff.compare.peaks import find_peak_conflicts
from storydiff.compare.populations import find_population_conflicts
from storydiff.compare.shares import find_share_conflicts
from storydiff.model import Article, Conflict, Fact

#: (text a, language a, text b, language b)
Pair = tuple[str, str, str, str]
Finder = Callable[[Sequence[Sequence[Unit]]], list[tuple[str, Fact, Fact, str, float]]]


def _conflicts(pair: Pair, prefix: str) -> list[Conflict]:
    text_a, lang_a, text_b, lang_b = pair
    arts = [Article(text=text_a, language=lang_a, external_id="a"),
            Article(text=text_b, language=lang_b, external_id="b")]
    return [c for c in compare_articles(arts).conflicts if c.key.startswith(prefix)]


def _texts(c: Conflict) -> str:
    return " | ".join(v.text for v in c.values)


def _found(pair: Pair, prefix: str, a_says: str, b_says: str) -> bool:
    """A conflict keyed ``prefix…`` whose values hold ``a_says`` (article a) and ``b_says`` (b)."""
    for c in _conflicts(pair, prefix):
        by = {v.article: v.text for v in c.values}
        if a_says in by.get("a", "") and b_says in by.get("b", ""):
            return True
    return False


def _units(pair: Pair) -> list[list[Unit]]:
    return prepare([Article(text=pair[0], language=pair[1]), Article(text=pair[2], language=pair[3])])


def _direct(find: Finder, pair: Pair, a_says: str, b_says: str) -> bool:
    """Whether the detector ``find`` itself sets ``a_says`` (article a) against ``b_says`` (b): through
    :func:`compare_articles` its finding may be covered by the fact matcher's conflict of the same figures."""
    return any(a_says in fa.value.text and b_says in fb.value.text for _, fa, fb, _, _ in find(_units(pair)))


def _xfail(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(reason=reason, strict=True)


# ----------------------------------------------------------------------------- groups
GROUP_POS = [
    pytest.param(("Bei den Krawallen in Tarnow wurden 42 Polizisten verletzt.", "de",
                  "Bei den Krawallen in Tarnow wurden 42 Zivilisten verletzt.", "de"), "42", "42", id="de-police-civil"),
    pytest.param(("The army said 58 soldiers were killed in the fighting.", "en",
                  "Officials said 58 civilians were killed in the fighting.", "en"), "58", "58", id="en-soldier-civil"),
    pytest.param(("Beim Beschuss wurden 23 Kinder getötet.", "de",
                  "The shelling killed 23 troops, the ministry said.", "en"), "23", "23", id="de-en-child-troops"),
    pytest.param(("Selon l'armée, 31 soldats ont été tués.", "fr",
                  "Según el ministerio, 31 civiles murieron.", "es"), "31", "31", id="fr-es"),
    pytest.param(("Am Sonntag wurden 27 Polizeibeamte verletzt.", "de",
                  "Am Sonntag wurden 27 Soldaten verletzt.", "de"), "27", "27", id="de-compound-police"),
    pytest.param(("Unter den 64 Toten waren vor allem Soldaten.", "de",
                  "Es wurden 64 Zivilisten getötet.", "de"), "64", "64", id="group-before-figure",
                 marks=_xfail("the group named as the predicate of 'unter den 64 Toten waren' needs a parser")),
]
GROUP_NEG = [
    pytest.param(("Es wurden 58 Soldaten getötet.", "de", "Es wurden 58 Militärangehörige getötet.", "de"),
                 id="same-group-other-word"),
    pytest.param(("The army said 58 soldiers were killed.", "en", "Officials said 12 civilians were killed.", "en"),
                 id="other-figure"),
    pytest.param(("Es wurden 42 Soldaten und Zivilisten getötet.", "de", "Es wurden 42 Zivilisten getötet.", "de"),
                 id="both-groups"),
    pytest.param(("Es wurden 30 Soldaten getötet.", "de", "Es wurden 30 Zivilisten verletzt.", "de"),
                 id="other-action"),
]


@pytest.mark.parametrize(("pair", "a_says", "b_says"), GROUP_POS)
def test_group_found(pair: Pair, a_says: str, b_says: str) -> None:
    assert _found(pair, "statement:group:", a_says, b_says), [_texts(c) for c in _conflicts(pair, "")]


@pytest.mark.parametrize("pair", GROUP_NEG)
def test_group_silent(pair: Pair) -> None:
    assert not _conflicts(pair, "statement:group:")


# ----------------------------------------------------------------------------- peaks
PEAK_POS = [
    pytest.param(("Forecasters expect gusts of up to 90 mph on the coast.", "en",
                  "Winds could reach up to 70 mph on the coast.", "en"), "90 mph", "70 mph", id="en-mph"),
    pytest.param(("Die Meteorologen erwarten bis zu 38 Grad.", "de",
                  "Am Wochenende könnten es bis zu 41 Grad werden.", "de"), "38 Grad", "41 Grad", id="de-temperature"),
    pytest.param(("Erwartet werden Sturmböen bis 120 km/h.", "de",
                  "Der Wetterdienst erwartet Orkanböen bis zu 140 Stundenkilometern.", "de"),
                 "120 km/h", "140", id="de-bis-without-zu"),
    pytest.param(("Météo-France prévoit des rafales jusqu'à 110 km/h.", "fr",
                  "Se esperan rachas de hasta 150 kilómetros por hora.", "es"), "110 km", "150", id="fr-es"),
]
PEAK_NEG = [
    pytest.param(("Der Wetterdienst erwartet Böen von bis zu 130 km/h.", "de",
                  "Forecasters expect gusts of up to 81 mph.", "en"), id="same-speed-other-unit"),
    pytest.param(("Der Wetterdienst erwartet Böen von bis zu 130 km/h.", "de",
                  "Am Sonntag wurden bereits Böen von bis zu 110 km/h gemessen.", "de"), id="measured-not-forecast"),
    pytest.param(("In Hamburg werden Böen von bis zu 100 km/h erwartet.", "de",
                  "In München werden Böen von bis zu 80 km/h erwartet.", "de"), id="other-place"),
    pytest.param(("Die Meteorologen erwarten bis zu 38 Grad.", "de",
                  "Forecasters expect highs of up to 100 degrees Fahrenheit.", "en"), id="celsius-fahrenheit"),
    pytest.param(("Verbreitet werden Sturmböen bis 90 km/h erwartet, örtlich auch mehr.", "de",
                  "Der Wetterdienst erwartet Böen von bis zu 120 km/h.", "de"), id="typical-not-peak"),
    pytest.param(("Auf den Gipfeln werden Böen von 150 bis 170 km/h erwartet.", "de",
                  "Forecasters expect gusts of up to 120 km/h.", "en"), id="range-end"),
]


@pytest.mark.parametrize(("pair", "a_says", "b_says"), PEAK_POS)
def test_peak_found(pair: Pair, a_says: str, b_says: str) -> None:
    assert _direct(find_peak_conflicts, pair, a_says, b_says)
    assert _found(pair, "", a_says, b_says), [_texts(c) for c in _conflicts(pair, "")]


@pytest.mark.parametrize("pair", PEAK_NEG)
def test_peak_silent(pair: Pair) -> None:
    assert not find_peak_conflicts(_units(pair))
    assert not [c for c in _conflicts(pair, "") if "forecast" in c.key]


# ----------------------------------------------------------------------------- weapons
WEAPON_POS = [
    pytest.param(("Russia fired Kh-55 cruise missiles at the depot.", "en",
                  "Die Armee feuerte Marschflugkörper vom Typ Kh-101 auf das Depot ab.", "de"),
                 "Kh-55", "Kh-101", id="en-cruise-missile"),
    pytest.param(("Eine Totschka-U-Rakete schlug in dem Markt ein.", "de",
                  "Eine Rakete vom Typ S-300 schlug in den Markt ein.", "de"), "Totschka-U", "S-300", id="de-compound"),
    pytest.param(("Eine Totschka-U-Rakete schlug in dem Markt ein.", "de",
                  "The market was hit by a Grad rocket.", "en"), "Totschka-U", "Grad", id="en-common-word-model",
                 marks=_xfail("a model named by a common word (grad) needs a gazetteer of weapons")),
    pytest.param(("Un missile Iskander a frappé la gare.", "fr",
                  "Un misil Tochka-U impactó contra la estación.", "es"), "Iskander", "Tochka-U", id="fr-es-impact"),
    pytest.param(("Drohnen vom Typ Shahed-136 griffen das Kraftwerk an.", "de",
                  "Geran-2 drones attacked the power plant.", "en"), "Shahed-136", "Geran-2", id="drones-initial"),
]
WEAPON_NEG = [
    pytest.param(("The station was hit by an Iskander-M missile.", "en",
                  "Eine Rakete vom Typ Iskander-M traf den Bahnhof.", "de"), id="same-model"),
    pytest.param(("Das Land will Raketen vom Typ Taurus liefern.", "de",
                  "The bridge was struck by Storm Shadow missiles.", "en"), id="delivery-not-use"),
    pytest.param(("Zwei Raketen trafen den Hafen: eine Iskander und eine Totschka-U-Rakete.", "de",
                  "The port was hit by a Tochka-U missile.", "en"), id="one-names-both"),
]


@pytest.mark.parametrize(("pair", "a_says", "b_says"), WEAPON_POS)
def test_weapon_found(pair: Pair, a_says: str, b_says: str) -> None:
    assert _found(pair, "statement:weapon", a_says, b_says), [_texts(c) for c in _conflicts(pair, "")]


@pytest.mark.parametrize("pair", WEAPON_NEG)
def test_weapon_silent(pair: Pair) -> None:
    assert not _conflicts(pair, "statement:weapon")


# ----------------------------------------------------------------------------- shares
SHARE_POS = [
    pytest.param(("Nach der Wahl kommt die ÖVP auf 52 Sitze.", "de",
                  "Die ÖVP errang bei der Wahl 51 Mandate.", "de"), "52", "51", id="de-seats-mandates"),
    pytest.param(("The PLD won 34 seats in the assembly.", "en",
                  "In the assembly, the PLD secured 36 seats.", "en"), "34", "36", id="en-seats"),
    pytest.param(("Le RN obtient 89 sièges à l'Assemblée.", "fr",
                  "El RN logró 88 escaños en la Asamblea.", "es"), "89", "88", id="fr-es"),
    pytest.param(("Im neuen Kabinett stellt die FDP vier Minister.", "de",
                  "Die FDP bekommt im neuen Kabinett drei Ministerien.", "de"), "vier", "drei", id="de-ministers"),
    pytest.param(("Mit 52 Sitzen wird die ÖVP stärkste Kraft.", "de",
                  "34 seats went to the ÖVP.", "en"), "52", "34", id="subject-after-figure"),
]
SHARE_NEG = [
    pytest.param(("Die ÖVP erhält 52 Sitze.", "de", "Die SPÖ erhält 40 Sitze.", "de"), id="other-party"),
    pytest.param(("Die ÖVP hatte bisher 61 Sitze.", "de", "Die ÖVP kommt künftig auf 52 Sitze.", "de"),
                 id="before-after"),
    pytest.param(("Die ÖVP errang 52 Mandate.", "de", "The ÖVP won 52 seats.", "en"), id="same-value"),
    pytest.param(("Die Koalition aus ÖVP und FPÖ hat 108 Sitze.", "de", "Die FPÖ hat 56 Sitze.", "de"),
                 id="coalition"),
    pytest.param(("Mit 52 Sitzen liegt die SPÖ vorn.", "de", "Die ÖVP kommt auf 48 Sitze.", "de"),
                 id="subject-after-other-party"),
]


@pytest.mark.parametrize(("pair", "a_says", "b_says"), SHARE_POS)
def test_share_found(pair: Pair, a_says: str, b_says: str) -> None:
    assert _direct(find_share_conflicts, pair, a_says, b_says)
    assert _found(pair, "", a_says, b_says), [_texts(c) for c in _conflicts(pair, "")]


@pytest.mark.parametrize("pair", SHARE_NEG)
def test_share_silent(pair: Pair) -> None:
    assert not find_share_conflicts(_units(pair))
    assert not [c for c in _conflicts(pair, "") if c.key.endswith("+share")]


# ----------------------------------------------------------------------------- populations
POP_POS = [
    pytest.param(("The care home housed 64 residents.", "en",
                  "58 residents lived in the care home.", "en"), "64", "58", id="en-housed"),
    pytest.param(("Das Dorf Kelmbach bei Arnfeld hat 2300 Einwohner.", "de",
                  "In Kelmbach leben 2100 Menschen.", "de"), "2300", "2100", id="de-village"),
    pytest.param(("La maison de retraite abritait 80 résidents.", "fr",
                  "En la residencia vivían 75 personas.", "es"), "80", "75", id="fr-es"),
    pytest.param(("In dem Wohnheim waren 120 Menschen untergebracht.", "de",
                  "Im Wohnheim lebten 140 Menschen.", "de"), "120", "140", id="de-untergebracht"),
]
POP_NEG = [
    pytest.param(("Im Pflegeheim starben 12 Bewohner.", "de", "Im Pflegeheim lebten 40 Menschen.", "de"),
                 id="toll-not-population"),
    pytest.param(("Im Pflegeheim in Arnhausen lebten 40 Menschen.", "de",
                  "Im Pflegeheim in Belzig lebten 60 Menschen.", "de"), id="other-place"),
    pytest.param(("Der Ort hat keine 800 Einwohner.", "de", "In dem Ort leben 760 Menschen.", "de"),
                 id="not-even"),
    pytest.param(("In dem Heim lebten 40 Menschen.", "de", "The home had 40 residents.", "en"), id="same-value"),
    pytest.param(("In Arnheim lebten 3000 Menschen.", "de", "In Pforzheim lebten 4000 Menschen.", "de"),
                 id="towns-named-heim"),
    pytest.param(("In ihrer Heimat lebten 300 Menschen.", "de", "In der Heimat leben 500 Menschen.", "de"),
                 id="heimat-no-home"),
]


@pytest.mark.parametrize(("pair", "a_says", "b_says"), POP_POS)
def test_population_found(pair: Pair, a_says: str, b_says: str) -> None:
    assert _direct(find_population_conflicts, pair, a_says, b_says)
    assert _found(pair, "", a_says, b_says), [_texts(c) for c in _conflicts(pair, "")]


@pytest.mark.parametrize("pair", POP_NEG)
def test_population_silent(pair: Pair) -> None:
    assert not find_population_conflicts(_units(pair))
    assert not _conflicts(pair, "resident+living")


def test_population_conflict_names_the_building_not_the_town() -> None:
    # a home and a town both shared: one conflict, worded by the building whatever the hash seed
    pair = ("Im Pflegeheim in Kelmbach lebten 40 Menschen.", "de", "Im Pflegeheim in Kelmbach lebten 42 Menschen.", "de")
    found = find_population_conflicts(_units(pair))
    assert len(found) == 1 and "care home" in found[0][3]


# ----------------------------------------------------------------------------- backers
BACKER_POS = [
    pytest.param(("Tom Harlow won 112 votes in the first round.", "en",
                  "In der ersten Runde erhielt Harlow 108 Stimmen.", "de"), "112", "108", id="en-de-votes"),
    pytest.param(("Auf Lena Vorbeck entfielen 312 Stimmen.", "de",
                  "Lena Vorbeck a obtenu 298 voix.", "fr"), "312", "298", id="de-fr-voix"),
    pytest.param(("Marta Quiroga obtuvo 45 avales.", "es",
                  "Marta Quiroga hat 52 Unterstützer.", "de"), "45", "52", id="es-de"),
    pytest.param(("Tom Harlow führt das Rennen an. Er hat 112 Unterstützer.", "de",
                  "Harlow has 120 backers.", "en"), "112", "120", id="pronoun"),
    pytest.param(("Bisher unterstützen 112 Abgeordnete Tom Harlow.", "de",
                  "Tom Harlow hat 120 Unterstützer.", "de"), "112", "120", id="backers-as-object",
                 marks=_xfail("backers counted as MPs who back a candidate named after the verb need a parser")),
]
BACKER_NEG = [
    pytest.param(("Tom Harlow won 112 votes.", "en", "Nina Mirren won 98 votes.", "en"), id="other-candidate"),
    pytest.param(("Tom Harlow braucht 100 Unterstützer.", "de", "Tom Harlow hat 112 Unterstützer.", "de"),
                 id="needs-not-has"),
    pytest.param(("Tom Harlow gewann mit 20 Stimmen Vorsprung.", "de", "Tom Harlow erhielt 312 Stimmen.", "de"),
                 id="lead-not-count"),
    pytest.param(("Tom Harlow hat 112 Unterstützer.", "de", "Tom Harlow has 112 supporters.", "en"),
                 id="same-value"),
    pytest.param(("Tom Harlow erhielt zuerst 90 Stimmen. Am Ende erhielt Harlow 120 Stimmen.", "de",
                  "Tom Harlow won 90 votes in the first round.", "en"), id="two-rounds"),
]


@pytest.mark.parametrize(("pair", "a_says", "b_says"), BACKER_POS)
def test_backers_found(pair: Pair, a_says: str, b_says: str) -> None:
    assert _direct(find_backer_conflicts, pair, a_says, b_says)
    assert _found(pair, "", a_says, b_says), [_texts(c) for c in _conflicts(pair, "")]


@pytest.mark.parametrize("pair", BACKER_NEG)
def test_backers_silent(pair: Pair) -> None:
    assert not find_backer_conflicts(_units(pair))
    assert not _conflicts(pair, "backers:")


# ----------------------------------------------------------------------------- packages
PACKAGE_POS = [
    pytest.param(("The government announced a relief package worth $2 billion.", "en",
                  "The government unveiled a $2.5 billion aid package.", "en"), "2", "2.5", id="en-dollar-sign"),
    pytest.param(("The cabinet approved 120 million pounds in emergency aid.", "en",
                  "Ministers agreed an emergency relief fund of 150 million pounds.", "en"), "120", "150", id="en-ministers"),
    pytest.param(("Le gouvernement a débloqué une aide d'urgence de 50 millions d'euros.", "fr",
                  "El Gobierno aprobó ayudas de 70 millones de euros.", "es"), "50", "70", id="fr-es"),
    pytest.param(("Die Bundesregierung sagte Hilfen in Höhe von 800 Millionen Euro zu.", "de",
                  "Die Regierung stellt eine Milliarde Euro an Hilfsgeldern bereit.", "de"),
                 "800", "Milliarde", id="de-word-figure"),
    pytest.param(("Der Bund stellt 400 Millionen Euro Soforthilfe bereit, sagte der Kanzler.", "de",
                  "Die Bundesregierung sagte Soforthilfen in Höhe von 300 Millionen Euro zu.", "de"),
                 "400", "300", id="de-soforthilfe"),
    pytest.param(("Die Regierung beschloss ein Hilfspaket von bis zu 300 Millionen Euro.", "de",
                  "Die Regierung beschloss ein Hilfspaket von 400 Millionen Euro.", "de"), "300", "400",
                 id="de-bound-exceeded"),
]
PACKAGE_NEG = [
    pytest.param(("Das Land Bayern gibt 50 Millionen Euro Soforthilfe.", "de",
                  "Die Bundesregierung gibt 100 Millionen Euro Soforthilfe.", "de"), id="state-not-federal"),
    pytest.param(("Die Regierung sagte 200 Millionen Euro Militärhilfe zu.", "de",
                  "Die Regierung sagte 300 Millionen Euro humanitäre Hilfe zu.", "de"), id="other-kind"),
    pytest.param(("Die Regierung beschloss ein Hilfspaket von 1,5 Milliarden Euro.", "de",
                  "Die Regierung beschloss ein Hilfspaket von 1500 Millionen Euro.", "de"), id="same-sum"),
    pytest.param(("Die Regierung beschloss ein Hilfspaket von 2 Milliarden Euro.", "de",
                  "Die Regierung zahlt 300 Millionen Euro Soforthilfe aus dem Paket.", "de"), id="far-apart"),
    pytest.param(("Die Regierung beschloss ein Hilfspaket von mehr als 300 Millionen Euro.", "de",
                  "Die Regierung beschloss ein Hilfspaket von 400 Millionen Euro.", "de"), id="within-bound"),
]


@pytest.mark.parametrize(("pair", "a_says", "b_says"), PACKAGE_POS)
def test_package_found(pair: Pair, a_says: str, b_says: str) -> None:
    assert _direct(find_package_conflicts, pair, a_says, b_says)
    assert _found(pair, "", a_says, b_says), [_texts(c) for c in _conflicts(pair, "")]


@pytest.mark.parametrize("pair", PACKAGE_NEG)
def test_package_silent(pair: Pair) -> None:
    assert not find_package_conflicts(_units(pair))
    assert not _conflicts(pair, "aid-package")


# ----------------------------------------------------------------------------- nobody hurt vs dead
ZERO_POS = [
    pytest.param(("Bei dem Brand wurde niemand verletzt.", "de",
                  "Bei dem Brand kamen zwei Menschen ums Leben.", "de"), "niemand verletzt", "zwei", id="de-niemand"),
    pytest.param(("No one was injured in the blast, police said.", "en",
                  "Three people died in the blast, police said.", "en"), "No one was injured", "Three", id="en"),
    pytest.param(("Verletzt wurde bei dem Unfall niemand.", "de",
                  "Bei dem Unfall starben vier Menschen.", "de"), "niemand", "vier", id="de-word-order"),
    pytest.param(("Personen wurden bei dem Feuer nicht verletzt.", "de",
                  "Bei dem Feuer kamen drei Menschen ums Leben.", "de"), "nicht verletzt", "drei", id="de-nicht"),
    pytest.param(("No hubo heridos en el incendio.", "es",
                  "Fünf Menschen starben bei dem Brand.", "de"), "heridos", "Fünf", id="es-no-hubo"),
    pytest.param(("Personne n'a été blessé dans l'explosion.", "fr",
                  "Two people were killed in the explosion.", "en"), "blessé", "Two", id="fr-personne"),
]
ZERO_NEG = [
    pytest.param(("Im Ort selbst wurde niemand verletzt.", "de", "Bei dem Sturm starben zwei Menschen.", "de"),
                 id="local"),
    pytest.param(("Bei dem Unfall wurde niemand getötet.", "de", "Bei dem Unfall wurden fünf Menschen verletzt.", "de"),
                 id="nobody-died-vs-injured"),
    pytest.param(("Es gab keine weiteren Verletzten.", "de", "Ein Mann wurde bei dem Angriff getötet.", "de"),
                 id="no-further"),
]


@pytest.mark.parametrize(("pair", "a_says", "b_says"), ZERO_POS)
def test_zero_found(pair: Pair, a_says: str, b_says: str) -> None:
    assert _found(pair, "", a_says, b_says), [_texts(c) for c in _conflicts(pair, "")]


@pytest.mark.parametrize("pair", ZERO_NEG)
def test_zero_silent(pair: Pair) -> None:
    zero_texts = ("niemand", "keine", "no one", "personne", "heridos")
    assert not [c for c in _conflicts(pair, "") if any(z in _texts(c).lower() for z in zero_texts)]
