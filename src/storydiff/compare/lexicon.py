# ruff: noqa: SIM905  (word tables read best as one string per concept)
"""Small multilingual word tables for fact extraction (de, en, fr, es, ru; some nl, pt, it).

Every table maps a lower-case word *prefix* to a language-independent concept, so that
``festgenommen``, ``arrested``, ``detenidos`` and ``задержаны`` all become ``arrested``
and two reports in different languages yield the same fact key. Prefix tables are read
with :func:`concept_of`, which tries the longest prefix first.

>>> concept_of("festgenommen", ACTIONS), concept_of("Détenus".lower(), ACTIONS)
('arrested', 'arrested')
>>> concept_of("demonstranten", NOUN_CLASSES)
'person'
"""

from __future__ import annotations

from collections.abc import Mapping

from storydiff.compare.numwords import NUMBER_WORDS

__all__ = [
    "ACTIONS",
    "ACTION_PHRASES",
    "APPROX",
    "CLOCK_WORDS",
    "DIMENSIONS",
    "LOWER_BOUND",
    "MONTHS",
    "NOUN_CLASSES",
    "NUMBER_WORDS",
    "PERSON_ROLES",
    "SCALES",
    "SPEECH_VERBS",
    "STOPWORDS",
    "TOLL_WORDS",
    "UPPER_BOUND",
    "VAGUE",
    "WEEKDAYS",
    "concept_of",
]


def _table(spec: Mapping[str, str]) -> dict[str, str]:
    """Word prefix -> concept; an entry ``!prefix`` blocks a longer prefix (``!deadline`` under ``dead``)."""
    out: dict[str, str] = {}
    for concept, words in spec.items():
        for w in words.split():
            out[w.removeprefix("!")] = "" if w.startswith("!") else concept
    return out


#: action verbs / participles / nouns around a number -> concept; ``!`` entries are common words
#: that begin with an action's prefix and mean something else (``deadline``, ``пропаганда``)
ACTIONS = _table(
    {
        "dead": "tot tote toten todesopf todes starb starben gestorben getötet tötet ermordet umgekommen "
        "killed kill dead died deaths death fatalit "
        "mort morts tué tués décès décéd "
        "muert murier murió fallecid fallec mató mataron perish slain "
        "погиб убит убил умер смерт жертв гибел "
        "doden dode omgekomen mortos "
        "!deadline !deadlock !mortgag !mortar !mortier !mortero !умерен !жертвов",
        "injured": "verletzt verletzte verwundet schwerverletzt leichtverletzt "
        "injur wounded hurt blessé blessés herid lesionad ранен пострадав ранил gewond feridos",
        "arrested": "festgenommen festnahm festgesetzt verhaftet inhaftiert "
        "arrest detain detained interpell arrêté arrêtés "
        "detenid detuv détenu arrestad задерж арест !задержк",
        "missing": "vermisst missing disparu desaparecid пропа !пропаганд",
        "evacuated": "evakuiert evacuat évacu evacuad эвакуир",
        "damaged": "zerstört zerstörten beschädigt überflutet destroyed damaged flooded inondé détruit destruid "
        "inundad разруш затоплен",
    }
)

#: multiword phrases (searched in the lower-cased sentence) -> concept
ACTION_PHRASES = {
    "ums leben": "dead",
    "das leben gekostet": "dead",
    "das leben kostete": "dead",
    "leben gekostet": "dead",
    "lost their lives": "dead",
    "lives lost": "dead",
    "lost his life": "dead",
    "perdieron la vida": "dead",
    "ont perdu la vie": "dead",
    "in sicherheit gebracht": "evacuated",
    "das leben": "dead",
    "unter wasser": "damaged",
}

#: people counted in one role in a story (the guests of a funeral, the passengers of a train): two
#: counts of one role are counts of one set, unlike two counts of "Menschen" / "people"
PERSON_ROLES = _table(
    {
        "guest": "gäst gast guest invité invitad гост",
        "passenger": "passagier reisend fahrgäst passenger passager pasajer пассажир",
        "participant": "teilnehm participant participante участник",
    }
)

#: nouns counted by a number -> class; generic person words collapse into ``person``,
#: groups that are counted separately (children, soldiers, civilians, police, and the residents
#: of one home or building, a part of a wider toll) keep their own class
NOUN_CLASSES = _table(
    {
        "person": "mensch person leute bürger einwohner anwohner demonstrant demonstrierend protestier "
        "kriminell opfer todesopf tote toten verletzt passagier reisend fahrgäst erwachsen "
        "autofahrer insass gäst gast teilnehm "
        "people persons person protester demonstrator passenger victim guest adult lives "
        "personne manifestant habitant victime adulte passager vies "
        "persona manifestant habitant víctima adulto pasajero vidas "
        "человек люд жител граждан пассажир",
        "resident": "bewohner bewohnerin bewohnerinnen resident residents residente residentes résident résidents",
        "child": "kind kinder children child enfant niño niña menor детей дет ребён",
        "soldier": "soldat soldier troops militär kämpfer fighter combattant militar военн военнослужащ",
        "civilian": "zivilist civilian civil civils civiles мирных мирные",
        "police": "polizist police officer policier agente полицейск",
        "percent": "prozent percent per cent pour cent por ciento %",
        "ppoint": "prozentpunkt prozentpunkte percentage-point points-de-pourcentage",
        "euro": "euro € eur",
        "dollar": "dollar $ usd",
        "pound": "pfund pound £",
        "meter": "meter metern metres meters metro mètre m метр",
        "kilometer": "kilometer kilometern km kilometres kilometers kilómetro километр",
        "year": "jahr jahre jahren year years años año an ans лет год",
        "century": "jahrhundert century centuries siècle siglo век",
        "day": "tag tage tagen day days jour jours día días дн",
        "hour": "stunde stunden hour hours heure heures hora horas час",
        "minute": "minute minuten minutes minutos минут",
        "second": "sekunde sekunden second seconds secondes segundos секунд",
        "age": "jährig jährige jährigen year-old",
        "page": "seite seiten seitig page pages página",
        "seat": "sitz sitze mandat seat seats siège escaño",
        "vote": "stimme stimmen vote votes voix votos голос",
        "ministry": "ministerposten ministerium ministerien ressort minister ministries regierungsmitglied "
        "ministère ministro министр",
        "house": "haus häuser gebäude wohnhäuser houses homes buildings maison casa дом",
        "tank": "panzer tanks chars tanques танк",
        "matchday": "spieltag matchday matchdays journée jornada тур",
        "goal": "tor tore treffer goal goals but buts gol goles гол",
        "aircraft": "flugzeug flugzeuge kampfjet aircraft plane planes jets avion avions avión самолёт самолет",
        "helicopter": "hubschrauber helikopter helicopter hélicoptère helicóptero вертолёт вертолет",
        "rocket": "rakete raketen missile missiles rocket rockets missile misil ракет",
    }
)

#: adjectives of measure near a number ("96 Meter hoch", "haute de 93 m") -> dimension
DIMENSIONS = _table(
    {
        "height": "hoch hohe hoher hohen höhe high tall height haut haute hauteur alto alta altura высот",
        "length": "lang lange langen länge long length longue longueur largo длин",
        "distance": "entfernt entfernung entfernten away distance distancia расстоян",
        "speed": "geschwindigkeit windgeschwindigkeit böen speed gusts vitesse rafales velocidad скорост",
        "depth": "tief tiefe depth deep profond profundidad глубин",
        "weight": "schwer gewicht weigh weight poids peso вес",
    }
)

#: words that themselves mean "the number of dead" ("Todeszahl 156", "death toll of 156")
TOLL_WORDS = _table({"dead": "todeszahl opferzahl toll dodentol bilan balance число"})

#: vague quantity words -> (low, high) inclusive range
VAGUE: dict[str, tuple[float, float]] = {
    **dict.fromkeys(["dutzende", "dutzenden", "dozens", "dizaines", "decenas", "десятки"], (24.0, 99.0)),
    **dict.fromkeys(["hunderte", "hunderten", "hundreds", "centaines", "cientos", "сотни"], (200.0, 999.0)),
    **dict.fromkeys(["tausende", "tausenden", "thousands", "milliers", "miles", "тысячи"], (2000.0, 9999.0)),
    **dict.fromkeys(["mehrere", "einige", "several", "plusieurs", "varios", "varias", "несколько"], (2.0, 9.0)),
    **dict.fromkeys(["zahlreiche", "viele", "many", "numerous", "nombreux", "muchos", "многие"], (5.0, float("inf"))),
    **dict.fromkeys(["dizaine"], (8.0, 12.0)),
    # "une vingtaine", "una treintena", "un centenar": about that many
    **dict.fromkeys(["vingtaine", "veintena"], (16.0, 24.0)),
    **dict.fromkeys(["trentaine", "treintena"], (25.0, 35.0)),
    **dict.fromkeys(["cinquantaine", "cincuentena"], (40.0, 60.0)),
    **dict.fromkeys(["centaine", "centenar"], (80.0, 120.0)),
    **dict.fromkeys(["centenares"], (200.0, 999.0)),
    **dict.fromkeys(["millar"], (800.0, 1200.0)),
    **dict.fromkeys(["millares"], (2000.0, 9999.0)),
}

#: "mehr als 3000" -> lower bound
LOWER_BOUND = (
    "mehr als",
    "über",
    "mindestens",
    "wenigstens",
    "more than",
    "over",
    "at least",
    "in excess of",
    "plus de",
    "au moins",
    "más de",
    "al menos",
    "por lo menos",
    "более",
    "больше",
    "не менее",
    "minst",
    "meer dan",
    "mais de",
    "oltre",
    "upwards of",
)
#: "fast 750", "bis zu 120" -> upper bound
UPPER_BOUND = (
    "fast",
    "knapp",
    "beinahe",
    "bis zu",
    "weniger als",
    "unter",
    "almost",
    "nearly",
    "up to",
    "less than",
    "fewer than",
    "under",
    "just under",
    "près de",
    "presque",
    "jusqu'à",
    "moins de",
    "casi",
    "hasta",
    "menos de",
    "почти",
    "до",
    "менее",
    "bijna",
    "quase",
)
#: "rund 2,2 Millionen" -> approximately
APPROX = (
    "rund",
    "etwa",
    "ca.",
    "circa",
    "ungefähr",
    "zirka",
    "gut",
    "about",
    "around",
    "roughly",
    "some",
    "approximately",
    "an estimated",
    "environ",
    "quelque",
    "quelques",
    "unos",
    "unas",
    "alrededor de",
    "cerca de",
    "aproximadamente",
    "около",
    "примерно",
    "ongeveer",
    "cerca",
)

#: scale words after a number
SCALES = {
    "millionen": 1e6,
    "million": 1e6,
    "millions": 1e6,
    "mio.": 1e6,
    "mio": 1e6,
    "millones": 1e6,
    "млн": 1e6,
    "milliarden": 1e9,
    "milliarde": 1e9,
    "billion": 1e9,
    "billions": 1e9,
    "mrd.": 1e9,
    "mrd": 1e9,
    "milliards": 1e9,
    "milliard": 1e9,
    "bn": 1e9,
    "млрд": 1e9,
    "tausend": 1e3,
    "thousand": 1e3,
    "mille": 1e3,
    "тысяч": 1e3,
    "тысячи": 1e3,
    "тыс.": 1e3,
    "тыс": 1e3,
    "миллиона": 1e6,
    "миллионов": 1e6,
    "миллион": 1e6,
    "миллиарда": 1e9,
    "миллиардов": 1e9,
    "millón": 1e6,
    "millardos": 1e9,
}

WEEKDAYS = _table(
    {
        "mon": "montag monday lundi lunes понедельник",
        "tue": "dienstag tuesday mardi martes вторник",
        "wed": "mittwoch wednesday mercredi miércoles среда среду",
        "thu": "donnerstag thursday jeudi jueves четверг",
        "fri": "freitag friday vendredi viernes пятница пятницу",
        "sat": "samstag sonnabend saturday samedi sábado суббота субботу",
        "sun": "sonntag sunday dimanche domingo воскресенье",
    }
)

MONTHS = _table(
    {
        "01": "januar jänner january janvier enero января",
        "02": "februar february février febrero февраля",
        "03": "märz march mars marzo марта",
        "04": "april avril abril апреля",
        "05": "mai may mayo мая",
        "06": "juni june juin junio июня",
        "07": "juli july juillet julio июля",
        "08": "august août agosto августа",
        "09": "september septembre septiembre сентября",
        "10": "oktober october octobre octubre октября",
        "11": "november novembre noviembre ноября",
        "12": "dezember december décembre diciembre декабря",
    }
)

#: parts of a day appended to weekdays (``Samstagvormittag``) or standing alone
CLOCK_WORDS = _table(
    {
        "morning": "morgen früh vormittag morning matin mañana утром",
        "noon": "mittag noon midi mediodía",
        "afternoon": "nachmittag afternoon après-midi tarde",
        "evening": "abend evening soir noche вечером",
        "night": "nacht night nuit ночью",
        "midnight": "mitternacht midnight minuit medianoche",
    }
)

#: verbs that introduce or follow a quotation
SPEECH_VERBS = frozenset(
    (
        "sagte sagt sagten erklärte erklärt betonte betont warnte warnt schrieb schreibt teilte meinte fügte "
        "ergänzte kritisierte führte bezeichnete forderte so laut said says told stated added warned wrote "
        "according declared announced a déclaré dit affirmé dijo afirmó declaró señaló заявил сказал "
    ).split()
)

#: function words ignored when comparing sentences (de, en, fr, es; short on purpose)
STOPWORDS = frozenset(
    (
        "der die das den dem des ein eine einen einem einer eines und oder aber auch als am an auf aus bei "
        "bis da dass durch für gegen hat haben hatte hatten ist im in mit nach nicht noch nun nur ob sei "
        "seien sich sie so um und uns von vor war waren wie wird werden wurde wurden zu zum zur er es ihr "
        "ihre sein seine man mehr schon sowie über unter dies diese dieser dieses denn doch wenn weil wo was "
        "wer dabei damit the a an and or but of to in on at by for with from as is are was were be been has "
        "have had it its this that these those he she they his her their not no will would can could also "
        "than into after le la les un une des du de et ou mais en au aux pour par sur dans est sont a été il "
        "elle ils qui que el los las del y o pero en con por para es son fue ha han se que su sus al "
    ).split()
)


def concept_of(word: str, table: Mapping[str, str], min_len: int = 4) -> str | None:
    """The concept of the longest prefix of ``word`` in ``table`` (``None`` if none).

    An entry shorter than ``min_len`` characters must match the whole word
    (so ``tot`` is *dead* but ``total`` is not); a blocked prefix (concept ``""``, see ``_table``)
    gives ``None``.
    """
    w = word.lower()
    for end in range(len(w), 0, -1):
        hit = table.get(w[:end])
        if hit is not None and (end == len(w) or end >= min_len):
            return hit or None
    return None
