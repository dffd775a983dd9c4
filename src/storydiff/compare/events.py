"""Multilingual news-event concepts: anchors that let sentences in different languages meet.

Two reports of one story in different languages share almost no stems (``Rücktritt`` /
``resignation`` / ``dimisión`` / ``отставка``), so the context similarity that pairs their
figures and days (:mod:`~storydiff.compare.matching`) could only rely on names and figures.
This module maps general news vocabulary — what happened (resign, arrest is in
:data:`~storydiff.compare.lexicon.ACTIONS`, attack, explode, flee, storm, protest, elect,
sign, ...), to what (shares, bridge, funeral, speech, ...) and when (morning, clock) — in
German, English, French, Spanish and Russian to one language-independent concept each.

Method: every entry is a lower-case word *prefix* (read with
:func:`~storydiff.compare.lexicon.concept_of`, longest prefix first, at least four letters
unless the whole word matches); an entry ending in ``=`` matches only the whole word
(``brand=`` is a fire, ``Brandenburg`` is not), one starting with ``!`` blocks a common word that
begins with a concept's prefix (``!electr``: ``elect`` is no ``electricity``). The tables are
general news words, not words of any one story; a concept is a coarse sense (``down`` is a price
that falls and a ship that sinks), since it only adds to the likeness of two sentences, never decides a value.

>>> sorted(event_concepts("Der Präsident hat seinen Rücktritt erklärt"))
['%head', '%resign']
>>> sorted(event_concepts("El presidente presentó su dimisión")) == sorted(event_concepts("президент ушёл в отставку"))
True
>>> event_concepts("in Brandenburg") == frozenset()
True
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from storydiff.compare.lexicon import concept_of
from storydiff.text.tokens import word_spans

__all__ = ["EVENTS", "EVENTS_EXACT", "MARK", "context_similarity", "event_concept", "event_concepts", "shared_events"]

#: first character of a news-concept anchor in a context set
MARK = "%"

_SPEC: Mapping[str, str] = {
    # what happened
    "resign": "rücktritt rücktritts zurückgetreten zurücktreten zurückzutreten resign démission démissionn "
    "dimisión dimision dimitió dimite dimitir renunci отставк",
    "elect": "wahl= wahlen= gewählt wählt wähler wahllokal elect vote= voted voters polls= polling élu= élue= élus= "
    "élection élect bureaux= elección elecciones elegid votación votaron urnas= выборы выборах выборов выборам "
    "избран избиратель !electr !électr",
    "begin": "begann begannen begonnen beginn begin began= begun= commenc comenz empez начал= начала= начали= начало= "
    "началась началось начался начнет начнёт начнут начин",  # not "начальник" (a chief)
    "curfew": "ausgangssperre ausgangsverbot curfew couvre-feu toque= комендантск",
    "announce": "angekündigt ankündig kündigte bekanntgegeben bekanntgab announc annonc anunci объяв",
    "meet": "treffen= getroffen trafen meeting met= meet= réunion rencontr reunión reunió encuentro встреч",
    "damage": "schaden= schäden schadens damage dommage daño= daños= ущерб",
    "summit": "gipfel summit sommet= sommets= cumbre саммит",
    "sign": "unterzeichn unterschrieb unterschrift signed signing signature signé signat firmó firmad "
    "firmar firmaron подпис",
    "flee": "geflohen geflüchtet floh= flohen= flucht flüchtet fled= flee= flees= fleeing fuite enfui huyó huido "
    "huir= huida бежал сбежал бегств",
    "stormed": "gestürmt stürmt stürmen stürmten stormed storming assaut asalt штурм",
    "protest": "protest !protestant demonstr kundgeb manifestation manifestación manifestaci протест митинг",
    "attack": "angriff angegriff anschlag attack attaqu attentat ataque atacar atacó atentado нападен атак удар",
    "explode": "explod explos detonat взрыв взорв",
    "fire": "brand= brände brandes brandstift feuer fire= fires= blaze incendi пожар возгоран горел",
    "flood": "hochwasser überschwemm flut= fluten= flood inond crue= crues= inund riada наводн паводк потоп",
    "shoot": "schüsse schuss geschossen erschossen schoss shooting shot= shots= gunfire fusill tir= tirs= "
    "disparo disparó tiroteo стрельб выстрел застрел",
    "crash": "absturz abgestürzt unfall unglück crash accident collision accidente choque авари катастроф",
    "down": "stürzt gestürzt sturz= eingebrochen einbruch fiel= fielen gefallen sank= gesunken verlust "
    "plung plummet slump tumbl fell= drop dropp sink sunk sinking chute chuté plong coulé recul "
    "caída cayó desplom hundi упал упали падени обвал затону",
    "up": "stieg= stiegen gestiegen anstieg rose= rise= rising soar hausse augment bondi aument subió "
    "вырос рост !ростов подскоч",
    "rescue": "gerettet rettung retter rescu sauvet secours rescat спас !спасибо",
    "quake": "erdbeben beben= earthquake quake séisme sismo terremoto землетряс",
    "invade": "invasion einmarsch invad envahi вторжен",
    "sanction": "sanktion sanction санкц",
    "win": "sieg= siege= gewonnen gewann gewinnt win= wins= won= winning victor victoire gagn gana= ganó "
    "ganador победи побед",
    "lose": "niederlage verloren verlor defeat lost= lose= losing défaite perdu derrota perdió поражен проигра",
    "capture": "eingenommen erobert captured seized capture emparé tomad captur захват",
    "hostage": "geisel hostage otage rehén заложник",
    "refuse": "weigert weigerte ablehn abgelehnt refus rechaz rehus отказ",
    "warn": "warnt= warnte gewarnt warnung warn avert advirt alert предупред",
    "agree": "abkommen vereinbar einigung agreement deal= accord= accords= acuerdo соглашен договор",
    "talks": "verhandl gespräch talks= negotiat négoci negocia diálogo переговор",
    "ceasefire": "waffenruhe waffenstillstand ceasefire truce cessez trêve перемир",
    "trial": "gericht !gerichtet prozess urteil verurteil court= trial tribunal procès juicio condena juzg sentenced "
    "condamn суд= суда суде приговор",
    "nominate": "kandidat nominier candidat nominat nomina выдвин",
    "support": "unterstütz unterstütz support soutien soutenu apoyo respald поддерж",
    "die": "verstorben verstarb tod= todes funeral beerdig begräbnis beisetz trauerfeier "
    "funérailles obsèques funeral exequias entierro похорон скончал",
    # who and what
    "head": "präsident president président presidente президент premierminister kanzler prime= premier= "
    "ministerpräsident премьер",
    "monarch": "könig königin monarch queen= king= reine= roi= reina= rey= монарх корол",
    "government": "regierung government gouvernement gobierno правительств кабинет",
    "parliament": "parlament bundestag parliament parlement parlamento congress парламент дума= думы= думе= думу= "
    "думой=",
    "party": "partei party= parties= parti= partido партия партии",
    "company": "unternehmen konzern firma= company compani !companion firm= firms= entreprise société empresa компани",
    "shares": "aktie shares= stock= stocks= börse exchange bourse bolsa бирж акци",
    "money": "geld= milliard money= dinero argent= деньг",
    "audit": "prüfer prüfung audit auditeur ревиз",
    "guest": "gäste gast= guest invité invitad гост",
    "bridge": "brücke bridge pont= ponts= puente мост",
    "car": "auto= autos= wagen= fahrzeug lastwagen lkw= car= cars= vehicle truck voiture véhicule camion "
    "coche vehículo camión автомоб машин грузовик",
    "train": "zug= züge= bahn= train= trains= tren= trenes= поезд !поездк",
    "station": "bahnhof station gare= estación вокзал станци",
    "ship": "schiff boot= boote= ship= ships= vessel boat= boats= navire bateau barco buque корабл судн",
    "airport": "flughafen airport aéroport aeropuerto аэропорт",
    "hospital": "krankenhaus klinik hospital !hospitality !hospitalidad hôpital больниц госпитал",
    "palace": "palast palace palais palacio дворец",
    "border": "grenze border frontière frontera границ",
    "speech": "fernseh ansprache rede= tv= televis télévis speech discours discurso речь= обращени телеви",
    "weather": "sturm= sturms= orkan storm= storms= gale= tempête tormenta temporal буря шторм ураган",
    "wind": "wind= winde= böen gust= gusts= gusty= gusting vent= vents= viento ветер !ветеран !ветерин",
    "rain": "regen= rain= pluie lluvia дожд",
    "snow": "schnee snow= neige nieve снег",
    "power": "stromausfall strom= blackout outage coupure apagón электроснабж",
    "price": "preis preise price prix= precio !precioso !preciosa цен= цены стоимост kosten= kostet= cost= costs= "
    "coût coûte coûter costar costará cuesta= costo= coste= обойдется обойдётся",
    "school": "schule school école escuela школ",
    # when
    "daytime": "morgens vormittag nachmittag abend nacht= nachts morning afternoon evening tonight matin= "
    "matinée après-midi soir= soirée nuit= mañana tarde= noche утром днём вечером ночью",
    "clock": "uhr= o'clock heure= heures= horas= hora= час= часа= часов= ortszeit",
}


def _split(spec: Mapping[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    prefix: dict[str, str] = {}
    exact: dict[str, str] = {}
    for concept, words in spec.items():
        for w in words.split():
            if w.startswith("!"):
                prefix[w[1:]] = ""  # blocked: concept_of gives None
            elif w.endswith("="):
                exact[w[:-1]] = concept
            else:
                prefix[w] = concept
    return prefix, exact


#: word prefix -> concept; :data:`EVENTS_EXACT`: whole word -> concept
EVENTS, EVENTS_EXACT = _split(_SPEC)


def event_concept(word: str) -> str | None:
    """The news concept of one lower-case word (``None`` if none).

    >>> event_concept("démissionné"), event_concept("brandenburg"), event_concept("brand")
    ('resign', None, 'fire')
    """
    hit = EVENTS_EXACT.get(word)
    if hit is not None:
        return hit
    if len(word) < 4:
        return None
    return concept_of(word, EVENTS)


def event_concepts(text: str | Iterable[str]) -> frozenset[str]:
    """``%concept`` anchors of the news words in ``text`` (a string or lower-case tokens)."""
    words = (t for _s, _e, t in word_spans(text, lower=True)) if isinstance(text, str) else text
    return frozenset(MARK + c for c in map(event_concept, words) if c is not None)


#: concepts that say when, not what: two sentences sharing only these share no event
_TIME_CONCEPTS = frozenset({MARK + "daytime", MARK + "clock"})


def shared_events(a: frozenset[str], b: frozenset[str]) -> frozenset[str]:
    """The news concepts (``%`` anchors) two sentence contexts share, time words aside.

    >>> sorted(shared_events(frozenset({"%bridge", "%clock", "brück"}), frozenset({"%bridge", "%clock", "мост"})))
    ['%bridge']
    """
    return frozenset(x for x in a & b if x[0] == MARK and x not in _TIME_CONCEPTS)


def context_similarity(a: frozenset[str], b: frozenset[str], cross: bool) -> float:
    """Dice of two sentence contexts (stems plus anchors, :func:`~storydiff.compare.matching.context_of`).

    Within one language the stems already carry the news words, so the ``%`` anchors are left out
    (counting them twice made unrelated sentences of one story alike); across languages (``cross``)
    the stems cannot meet and the anchors are what the two sentences share.

    >>> a, b = frozenset({"rucktritt", "%resign", "#3"}), frozenset({"resign", "%resign", "#3"})
    >>> context_similarity(a, b, cross=True), context_similarity(a, b, cross=False)
    (0.6666666666666666, 0.5)
    """
    if not cross:
        a = frozenset(x for x in a if x[0] != MARK)
        b = frozenset(x for x in b if x[0] != MARK)
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))
