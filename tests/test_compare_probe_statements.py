"""Generalisation probes of the statement detectors (titles, clocks, leaders, coleaders, documents,
whereabouts, day clauses) on hand-written sentences: invented people, places and figures, worded
unlike the dev pairs each detector was written for (other inflections, word order, languages).
Each detector gets pairs that must conflict and pairs that must stay silent (same value in other
words, a legitimate change, other entities, another place or time)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from storydiff.compare import compare_articles
from storydiff.model import Article, Conflict

Pair = tuple[tuple[str, str], tuple[str, str]]
DAY = datetime(2026, 3, 11, 18, 0, tzinfo=UTC)  # a Wednesday


def _found(pair: Pair, prefix: str, dated: bool = False) -> list[Conflict]:
    arts = [Article(text=t, language=lang, external_id=f"a{i}", published=DAY if dated else None)
            for i, (lang, t) in enumerate(pair)]
    return [c for c in compare_articles(arts).conflicts if c.key.startswith(prefix)]


def _texts(found: list[Conflict]) -> set[str]:
    return {v.text for c in found for v in c.values}


def _hit(pair: Pair, prefix: str, a: str, b: str, dated: bool = False) -> None:
    found = _found(pair, prefix, dated)
    assert found, f"no {prefix} conflict"
    texts = " | ".join(sorted(_texts(found)))
    assert a in texts and b in texts, texts


# --- titles --------------------------------------------------------------------------------------

TITLE_HITS: list[tuple[Pair, str, str]] = [
    ((("en", "Princess Maren opened the new bridge in Aldor on Monday."),
      ("en", "Queen Maren opened the new bridge in Aldor on Monday.")), "Princess Maren", "Queen Maren"),
    ((("fr", "La reine Solveig a inauguré le musée de Varenne mardi."),
      ("fr", "La duchesse Solveig a inauguré le musée de Varenne mardi.")), "reine Solveig", "duchesse Solveig"),
    ((("es", "El rey Anselmo llegó a Toravia el lunes por la tarde."),
      ("es", "El príncipe Anselmo llegó a Toravia el lunes por la tarde.")), "rey Anselmo", "príncipe Anselmo"),
    ((("de", "Die Rede des Königs Harald wurde im Fernsehen übertragen."),
      ("de", "Die Rede des Prinzen Harald wurde im Fernsehen übertragen.")), "Königs Harald", "Prinzen Harald"),
    ((("de", "Bischof Ambrosius segnete am Sonntag die neue Kirche."),
      ("en", "Pope Ambrosius blessed the new church on Sunday.")), "Bischof Ambrosius", "Pope Ambrosius"),
    ((("en", "The crowd cheered as Duchess Ingrid cut the ribbon."),
      ("de", "Die Menge jubelte, als Königin Ingrid das Band durchschnitt.")), "Duchess Ingrid", "Königin Ingrid"),
    ((("ru", "Королева Анна открыла новый мост в Алдоре."),
      ("ru", "Принцесса Анна открыла новый мост в Алдоре.")), "Королева Анна", "Принцесса Анна"),
    ((("en", "The bridge was opened by Maren, Princess of Aldor, on Monday."),
      ("en", "The bridge was opened by Maren, Queen of Aldor, on Monday.")), "Princess", "Queen"),
]
TITLE_SILENT: list[Pair] = [
    (("en", "Prince Olaf visited the flooded villages."), ("en", "Duke Olaf visited the flooded villages.")),
    (("de", "Der frühere Prinz Olaf ist nun König Olaf und besuchte die Dörfer."),
     ("de", "König Olaf besuchte die Dörfer.")),
    (("en", "The novelist Stephen King read from his new book in Tarvik."),
     ("en", "Prince Stephen read from a new book in Tarvik.")),
    (("en", "Bishop Anselm met Pope Leo in the chapel."), ("en", "Pope Leo met Bishop Anselm in the chapel.")),
    (("fr", "La reine Solveig a reçu le prince Henrik."), ("fr", "Le prince Henrik a été reçu par la reine Solveig.")),
]


@pytest.mark.parametrize(("pair", "a", "b"), TITLE_HITS)
def test_title_probe_conflicts(pair: Pair, a: str, b: str) -> None:
    _hit(pair, "title:", a, b)


@pytest.mark.parametrize("pair", TITLE_SILENT)
def test_title_probe_silent(pair: Pair) -> None:
    assert not _found(pair, "title:")


# --- clocks --------------------------------------------------------------------------------------

CLOCK_HITS: list[tuple[Pair, str, str]] = [
    ((("de", "Die Explosion in der Raffinerie ereignete sich gegen 3 Uhr nachts."),
      ("fr", "L'explosion dans la raffinerie s'est produite vers 5 heures du matin.")), "3 Uhr", "5 heures"),
    ((("en", "The earthquake struck the coast at 2.15 a.m. local time."),
      ("es", "El terremoto sacudió la costa a las 4:40 de la madrugada.")), "2.15", "4:40"),
    ((("de", "Der Minister hielt um 14 Uhr eine Rede vor dem Parlament."),
      ("en", "The minister gave a speech to parliament at 4 p.m.")), "14 Uhr", "4 p.m."),
    ((("en", "The fire broke out in the warehouse at around 11 p.m."),
      ("de", "Das Feuer brach gegen 1 Uhr in der Lagerhalle aus.")), "11 p.m.", "1 Uhr"),
]
CLOCK_SILENT: list[Pair | object] = [
    (("de", "Der Minister hielt um 18 Uhr eine Rede."), ("en", "The minister gave a speech at 6 p.m.")),
    (("de", "Die Explosion ereignete sich gegen 3 Uhr."), ("en", "The president gave a speech at 5 a.m.")),
    (("de", "In Velgrad gab es um 4 Uhr eine Explosion."), ("en", "In Dorvik an explosion was heard at 6 a.m.")),
    (("en", "The earthquake struck at 2 a.m. An aftershock followed at 4 a.m."),
     ("es", "El terremoto se produjo a las 2 de la madrugada.")),
]


@pytest.mark.parametrize(("pair", "a", "b"), CLOCK_HITS)
def test_clock_probe_conflicts(pair: Pair, a: str, b: str) -> None:
    _hit(pair, "when:clock", a, b)


@pytest.mark.parametrize("pair", CLOCK_SILENT)
def test_clock_probe_silent(pair: Pair) -> None:
    assert not _found(pair, "when:clock")


# --- leaders -------------------------------------------------------------------------------------

LEADER_HITS: list[tuple[Pair, str, str]] = [
    ((("en", "The Finnish delegation is led by Foreign Minister Aino Virta."),
      ("en", "The Finnish chief negotiator Mikko Lahti arrived in Geneva on Tuesday.")), "Virta", "Lahti"),
    ((("fr", "La délégation norvégienne, conduite par Lars Berge, est arrivée lundi."),
      ("fr", "Le chef de la délégation norvégienne, Ola Dahle, est arrivé lundi.")), "Berge", "Dahle"),
    ((("es", "El negociador jefe chileno, Pedro Solís, llegó a Lima."),
      ("es", "La delegación chilena, encabezada por Marta Ibarra, llegó a Lima.")), "Solís", "Ibarra"),
    ((("de", "Leiter der ukrainischen Delegation ist Verteidigungsminister Petro Kowal."),
      ("de", "Die ukrainische Delegation wird von Olena Marenko geleitet.")), "Kowal", "Marenko"),
    ((("en", "Olga Brenko is heading the Ukrainian delegation at the talks."),
      ("en", "The Ukrainian delegation, led by Ivan Tarasov, arrived on Monday.")), "Brenko", "Tarasov"),
    ((("en", "The Ukrainian delegation is led by Olga Brenko."),
      ("en", "The Ukrainian chief negotiator Ivan Sorenko arrived on Monday.")), "Brenko", "Sorenko"),
]
LEADER_SILENT: list[Pair] = [
    (("en", "The Polish delegation is led by Minister Jan Nowak."),
     ("de", "Der polnische Verhandlungsführer Jan Nowak kam am Montag an.")),
    (("en", "The Polish delegation, led by Jan Nowak, arrived."),
     ("en", "The Czech delegation, led by Petr Dvorak, arrived.")),
    (("de", "Der polnische Außenminister Jan Nowak traf seinen tschechischen Amtskollegen Petr Dvorak."),
     ("de", "Die tschechische Delegation wird von Karel Novotny geleitet.")),
]


@pytest.mark.parametrize(("pair", "a", "b"), LEADER_HITS)
def test_leader_probe_conflicts(pair: Pair, a: str, b: str) -> None:
    _hit(pair, "role:leader:", a, b)


@pytest.mark.parametrize("pair", LEADER_SILENT)
def test_leader_probe_silent(pair: Pair) -> None:
    assert not _found(pair, "role:leader:")


# --- coleaders -----------------------------------------------------------------------------------

COLEADER_HITS: list[tuple[Pair, str, str]] = [
    ((("de", "Der Trauerzug wird von Königin Ada und ihrem Sohn Erik angeführt."),
      ("de", "Königin Ada und ihre Tochter Lena führen den Trauerzug an.")), "Erik", "Lena"),
    ((("fr", "Le cortège, conduit par le maire Paul Roux et le préfet, a traversé la ville."),
      ("fr", "Le maire Paul Roux et l'évêque conduiront le cortège.")), "préfet", "évêque"),
    ((("es", "La marcha, encabezada por la alcaldesa Ana Ruiz y el gobernador, recorrió el centro."),
      ("es", "La alcaldesa Ana Ruiz y el obispo encabezaron la marcha.")), "gobernador", "obispo"),
    ((("en", "The procession was led by King Alric and his brother."),
      ("en", "King Alric and his daughters will lead the procession.")), "brother", "daughters"),
    ((("de", "Angeführt von Bürgermeisterin Vera Lind und dem Landrat, zog der Festzug durch die Stadt."),
      ("de", "Der Festzug wird von Bürgermeisterin Vera Lind und dem Pfarrer angeführt.")), "Landrat", "Pfarrer"),
    ((("en", "At the head of the procession walked Queen Ada and her son Erik."),
      ("de", "An der Spitze des Trauerzugs gingen Königin Ada und ihre Tochter Lena.")), "Erik", "Lena"),
    ((("fr", "Le maire Paul Roux et le préfet marchaient en tête du cortège."),
      ("fr", "Le cortège, mené par le maire Paul Roux et l'évêque, a traversé la ville.")), "préfet", "évêque"),
]
COLEADER_SILENT: list[Pair] = [
    (("en", "The march, led by the mayor, left at noon."), ("en", "The mayor and the governor will lead the march.")),
    (("en", "The march, led by Mayor Anna Berg and her deputy, left."),
     ("en", "Mayor Anna Berg and the governor will lead the convoy.")),
    (("en", "The parade, led by Mayor Anna Berg and Governor Tom Hale, began."),
     ("en", "Governor Hale and Mayor Berg will lead the parade.")),
]


@pytest.mark.parametrize(("pair", "a", "b"), COLEADER_HITS)
def test_coleader_probe_conflicts(pair: Pair, a: str, b: str) -> None:
    _hit(pair, "role:leads:", a, b)


@pytest.mark.parametrize("pair", COLEADER_SILENT)
def test_coleader_probe_silent(pair: Pair) -> None:
    assert not _found(pair, "role:leads:")


# --- documents -----------------------------------------------------------------------------------

DOCUMENT_HITS: list[tuple[Pair, str, str]] = [
    ((("en", "The minister sent a confidential letter to the budget committee on Monday."),
      ("en", "The minister sent a confidential report to the budget committee on Monday.")), "letter", "report"),
    ((("de", "Der Konzern veröffentlichte am Dienstag ein kurzes Video auf seiner Webseite."),
      ("de", "Der Konzern veröffentlichte am Dienstag eine kurze Erklärung auf seiner Webseite.")),
     "Video", "Erklärung"),
    ((("fr", "Le ministère a publié mardi soir un communiqué officiel sur la grève."),
      ("fr", "Le ministère a publié mardi soir une vidéo officielle sur la grève.")), "communiqué", "vidéo"),
    ((("es", "El presidente firmó ayer un comunicado dirigido al parlamento regional."),
      ("es", "El presidente firmó ayer una carta dirigida al parlamento regional.")), "comunicado", "carta"),
    ((("de", "Die Senatorin schickte den Abgeordneten am Abend ein vertrauliches Foto."),
      ("de", "Die Senatorin schickte den Abgeordneten am Abend einen vertraulichen Brief.")), "Foto", "Brief"),
    ((("en", "A short video was posted by the city council on its website on Tuesday."),
      ("en", "A short statement was posted by the city council on its website on Tuesday.")), "video", "statement"),
]
DOCUMENT_SILENT: list[Pair] = [
    (("de", "Das Ministerium veröffentlichte am Morgen eine Pressemitteilung zum Streik."),
     ("de", "Das Ministerium veröffentlichte am Morgen eine Erklärung zum Streik.")),
    (("en", "The mayor signed a letter to the regional council on Friday."),
     ("en", "The mayor signed a document for the regional council on Friday.")),
    (("en", "The union published a report on wages in the steel industry."),
     ("en", "The ministry published a video about the floods in the north.")),
    (("en", "The minister sent a letter to the committee and later issued a statement. The letter was short."),
     ("en", "The minister sent a statement to the committee on Monday.")),
    (("en", "The mayor signed a letter to the regional council on Friday."),
     ("en", "The mayor published a video for the regional council on Friday.")),
]


@pytest.mark.parametrize(("pair", "a", "b"), DOCUMENT_HITS)
def test_document_probe_conflicts(pair: Pair, a: str, b: str) -> None:
    _hit(pair, "statement:document:", a, b)


@pytest.mark.parametrize("pair", DOCUMENT_SILENT)
def test_document_probe_silent(pair: Pair) -> None:
    assert not _found(pair, "statement:document:")


# --- whereabouts ---------------------------------------------------------------------------------

WHERE_HITS: list[tuple[Pair, str, str]] = [
    ((("en", "Michael and Sophie have arrived at the hospital in Larsby."),
      ("en", "Michael is on his way to the hospital, but it is unclear whether he will arrive in time.")),
     "Michael", "on his way"),
    ((("fr", "Michel se trouve déjà à l'hôpital de Varenne."),
      ("fr", "Michel est en route vers l'hôpital, mais on ignore s'il arrivera à temps.")), "Michel", "en route"),
    ((("es", "Carlos y Lucía ya se encuentran en la residencia."),
      ("es", "Carlos está de camino a la residencia, pero aún no ha llegado.")), "Carlos", "de camino"),
    ((("de", "Stefan ist bereits im Krankenhaus eingetroffen."),
      ("de", "Stefan ist noch unterwegs zum Krankenhaus, ob er rechtzeitig ankommt, ist unklar.")),
     "Stefan", "unterwegs"),
    ((("en", "Michael is already at his mother's bedside in Larsby."),
      ("en", "Michael is on his way to Larsby, but it is not clear if he will make it in time.")),
     "Michael", "on his way"),
]
WHERE_SILENT: list[Pair] = [
    (("en", "Michael has arrived at the hospital."), ("de", "Michael ist im Krankenhaus eingetroffen.")),
    (("en", "Michael arrived at the hospital."),
     ("en", "Sophie is on her way to the hospital, but it is unclear whether she will arrive in time.")),
    (("en", "Michael arrived at the hospital in the evening."),
     ("en", "Michael was on his way in the morning and it was unclear if he would make it. "
            "In the evening Michael arrived at the hospital.")),
    (("de", "Stefan ist noch nicht eingetroffen."),
     ("de", "Stefan ist auf dem Weg, ob er rechtzeitig ankommt, ist unklar.")),
    (("en", "Michael arrived in Berlin on Sunday."),
     ("en", "Michael is on his way to Paris, but it is unclear whether he will attend the summit.")),
]


@pytest.mark.parametrize(("pair", "a", "b"), WHERE_HITS)
def test_whereabouts_probe_conflicts(pair: Pair, a: str, b: str) -> None:
    _hit(pair, "statement:whereabouts:", a, b)


@pytest.mark.parametrize("pair", WHERE_SILENT)
def test_whereabouts_probe_silent(pair: Pair) -> None:
    assert not _found(pair, "statement:whereabouts:")


# --- day clauses (publication day: a Wednesday) --------------------------------------------------

DAY_HITS: list[tuple[Pair, str, str] | object] = [
    ((("de", "Heute Morgen, so bestätigte das Ministerium, ist Ministerin Lara Voss zurückgetreten."),
      ("en", "Announcing her resignation on Wednesday evening, Lara Voss thanked her staff.")),
     "Heute Morgen", "Wednesday evening"),
    ((("fr", "Ce matin, le gouvernement a confirmé la démission du ministre Hugo Marel."),
      ("es", "Ayer por la tarde, se confirmó la dimisión del ministro Hugo Marel.")), "Ce matin", "Ayer"),
    pytest.param((("en", "Speaking to reporters on Tuesday afternoon, Mayor Tom Brandt announced his resignation."),
                  ("de", "Am Mittwochmorgen, so teilte das Rathaus mit, hat Bürgermeister Tom Brandt seinen "
                         "Rücktritt erklärt.")), "Tuesday afternoon", "Mittwochmorgen",
                 marks=pytest.mark.xfail(strict=True, reason="matching.py reads clause events for relative days "
                                         "only; two weekdays need like sentences, which two languages lack")),
    ((("en", "Speaking to reporters yesterday afternoon, Mayor Tom Brandt announced his resignation."),
      ("de", "Am Mittwochmorgen, so teilte das Rathaus mit, hat Bürgermeister Tom Brandt seinen Rücktritt erklärt.")),
     "yesterday afternoon", "Mittwochmorgen"),
]
DAY_SILENT: list[Pair] = [
    (("de", "Heute Morgen, so bestätigte das Ministerium, ist Ministerin Lara Voss zurückgetreten."),
     ("en", "On Wednesday morning, the ministry confirmed that Lara Voss had resigned.")),
    (("en", "This morning, Lara Voss visited a school in Larsby."),
     ("en", "Yesterday afternoon, Lara Voss announced her resignation.")),
    (("de", "Ministerin Lara Voss, die am Montag noch eine Schule besucht hatte, trat zurück."),
     ("en", "Lara Voss resigned on Tuesday.")),
]


@pytest.mark.parametrize(("pair", "a", "b"), DAY_HITS)
def test_dayclause_probe_conflicts(pair: Pair, a: str, b: str) -> None:
    _hit(pair, "when:", a, b, dated=True)


@pytest.mark.parametrize("pair", DAY_SILENT)
def test_dayclause_probe_silent(pair: Pair) -> None:
    assert not _found(pair, "when:", dated=True)
