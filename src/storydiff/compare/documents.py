# ruff: noqa: SIM905  (word tables read best as one string per concept)
"""Statement conflicts: two reports name different kinds of document as what was sent,
published or signed (``ein offizielles Statement ... verschickt`` / ``ein offizielles Dokument
... verschickt``).

Method: in every sentence, a *document noun* (:data:`DOCUMENT_KINDS`: statement, letter,
document, report, e-mail, message, photo, video; de, en, fr, es, ru; a German compound by its
head, ``Pressemitteilung`` is a *statement*) is the *object* of a *transfer verb*
(:data:`TRANSFER_VERBS`: send/forward, publish/release, sign, submit) when the verb stands
within :data:`VERB_WINDOW` words of it (the nearest such verb, the one before it on a tie) and
no preposition governs the noun (``von ihrer E-Mail``, ``in einem Brief`` name the channel or the
vehicle, not what was sent; a comma ends the phrase of a preposition). Two such objects in
articles of one language disagree when

* their kinds differ, neither including the other (:data:`BROADER`: a letter is a document), and
  their verbs share a concept (``verschickt`` ~ ``weitergeleitet``: *send*),
* the words around them (:data:`CONTEXT_WINDOW` words either side) share at least
  :data:`MIN_SHARED` content stems besides nouns and verbs of the tables (the same
  attribute, owner or channel: ``offizielles ... persönlichen E-Mail``), and
* neither article names the other's kind anywhere: a report that mentions both a letter and
  a statement describes two things, not one.

One conflict per pair of articles and pair of kinds; its values are the kinds, so reports that
agree with each other merge into one conflict with all their sources.

>>> from storydiff.compare.align import prepare
>>> from storydiff.model import Article
>>> arts = [Article(text="Die Ministerin hat ein geheimes Dokument von ihrem privaten Handy verschickt.",
...                 language="de"),
...         Article(text="Die Ministerin hat ein geheimes Foto von ihrem privaten Handy verschickt.", language="de")]
>>> [(a.value.text, b.value.text) for _, a, b, _, _ in find_document_conflicts(prepare(arts))]
[('Dokument', 'Foto')]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from storydiff.compare.align import Unit, article_labels, span_fact
from storydiff.compare.lexicon import STOPWORDS
from storydiff.compare.polarity import NEGATIONS
from storydiff.compare.substitute import sentence_tokens
from storydiff.model import Fact

__all__ = ["BROADER", "CONTEXT_WINDOW", "DOCUMENT_KINDS", "MIN_SHARED", "PAST_PARTICIPLES", "SALIENCE",
           "TRANSFER_VERBS", "VERB_WINDOW", "DocumentObject", "document_objects", "find_document_conflicts"]


def _table(spec: dict[str, str]) -> dict[str, str]:
    return {w: concept for concept, ws in spec.items() for w in ws.split()}


#: kinds of document, by whole word or (German) compound head; plurals listed
DOCUMENT_KINDS = _table({
    "statement": "statement statements erklärung erklärungen stellungnahme stellungnahmen mitteilung mitteilungen "
                 "verlautbarung kommuniqué communiqué déclaration comunicado declaración заявление",
    "letter": "brief briefe schreiben letter letters lettre lettres carta cartas письмо",
    "document": "dokument dokumente unterlagen akte akten document documents dossier documento documentos "
                "документ документы",
    "report": "bericht berichte report reports rapport informe отчет отчёт доклад",
    "e-mail": "mail mails email emails courriel correo",
    "message": "nachricht nachrichten sms message messages mensaje mensajes сообщение",
    "photo": "foto fotos photo photos picture pictures imagen imágenes фото фотографию",
    "video": "video videos vidéo vídeo видео",
})
#: kinds that include others: a letter or a report is a document, an e-mail or a letter a message, so
#: naming the broader kind is less precise, not different (a public *statement* is no internal document)
BROADER = {"document": frozenset({"letter", "report"}), "message": frozenset({"e-mail", "letter"})}
#: the past participle of each transfer concept, for the explanation of a conflict
PAST_PARTICIPLES = {"send": "sent", "publish": "published", "sign": "signed", "submit": "submitted"}
#: verbs of handing a document on (whole lower-cased words), mapped to their concept
TRANSFER_VERBS = _table({
    "send": "verschickt verschickte geschickt schickte gesendet sendete sandte versandt versendet "
            "weitergeleitet weiterleitete leitete übermittelt übermittelte sent send sends forwarded "
            "emailed e-mailed envoyé envoyée envoya envió enviado enviada reenvió reenviado transmis "
            "transmitió отправил отправила переслал переслала",
    "publish": "veröffentlicht veröffentlichte publiziert gepostet postete published publishes released "
               "posted publié publiée publicó publicado publicada опубликовал опубликовала",
    "sign": "unterzeichnet unterzeichnete unterschrieben unterschrieb signed signé signée firmó firmado "
            "firmada подписал подписала",
    "submit": "vorgelegt eingereicht reichte submitted soumis presentó presentado представил",
})
#: words that govern a noun as a channel, source or vehicle rather than an object
_PREPOSITIONS = frozenset(
    "von vom über per via aus mit in im an am auf durch zu zur zum from by through with on into at of "
    "de du des par dans avec sur en por con desde через из с в по на".split())

#: words looked back over for a preposition governing a noun
_REACH = 4
#: a transfer verb within this many words of the noun
VERB_WINDOW = 12
#: words either side of a noun compared between two reports
CONTEXT_WINDOW = 8
#: shared content stems the two contexts need besides table words
MIN_SHARED = 2
#: salience of a document conflict (before the boost for the number of sources)
SALIENCE = 0.4


def _kind(word: str, lang: str) -> str | None:
    """The document kind of ``word``: the word itself, or for German a compound by its head
    (``Pressemitteilung``, ``Rücktrittsschreiben``; head of five or more letters). German nouns are
    capitalised: a lower-case ``schreiben`` is the verb, no letter."""
    if lang == "de" and not word[:1].isupper():
        return None
    low = word.casefold()
    hit = DOCUMENT_KINDS.get(low)
    if hit is not None or lang != "de":
        return hit
    for i in range(1, len(low) - 4):
        hit = DOCUMENT_KINDS.get(low[i:])
        if hit is not None:
            return hit
    return None


def _verb(word: str) -> str | None:
    return TRANSFER_VERBS.get(word.casefold())


@dataclass(frozen=True, slots=True)
class DocumentObject:
    """A document noun that is the object of a transfer verb in one sentence."""

    unit: Unit
    start: int
    end: int
    text: str
    kind: str
    verb: str
    context: frozenset[str]


def document_objects(unit: Unit) -> list[DocumentObject]:
    """The document objects of ``unit``'s sentence (see module docstring); none in a negated sentence."""
    toks = sentence_tokens(unit)
    low = [t[2].casefold() for t in toks]
    if set(low) & NEGATIONS:
        return []
    out = []
    for i, (s, e, text, _) in enumerate(toks):
        kind = _kind(text, unit.lang)
        if kind is None:
            continue
        if _governed(unit.sentence.text, toks, i) or unit.sentence.text[e:e + 1] == "-":
            continue  # a channel ("von ihrer E-Mail"), or a compound's first part ("E-Mail-Account")
        near = sorted(range(max(0, i - VERB_WINDOW), min(len(toks), i + VERB_WINDOW + 1)), key=lambda j: abs(j - i))
        verb = next((v for j in near if (v := _verb(low[j])) is not None), None)  # the nearest verb
        if verb is None:
            continue
        lo, hi = max(0, i - CONTEXT_WINDOW), min(len(toks), i + CONTEXT_WINDOW + 1)
        context = frozenset(toks[j][3] for j in range(lo, hi) if j != i and low[j] not in STOPWORDS
                            and len(low[j]) > 2 and _kind(toks[j][2], unit.lang) is None and _verb(low[j]) is None)
        out.append(DocumentObject(unit, s, e, text, kind, verb, context))
    return out


def _governed(text: str, toks: Sequence[tuple[int, int, str, str]], i: int) -> bool:
    """Whether a preposition governs the noun ``toks[i]`` of sentence ``text``: one among the up to
    :data:`_REACH` words before it, reached over articles and adjectives only (``von ihrer persönlichen
    E-Mail``); a comma, a conjunction, a verb, a capitalised word or a number between closes another
    phrase (``am Dienstag ein kurzes Video``, ``mit Fotos, ein Dokument``)."""
    for j in range(i - 1, max(-1, i - 1 - _REACH), -1):
        word = toks[j][2]
        w = word.casefold()
        if "," in text[toks[j][1]:toks[j + 1][0]]:
            return False
        if w in _PREPOSITIONS:
            return True
        if _verb(w) is not None or w in ("und", "and", "et", "y") or (word[:1].isupper() and len(w) > 1) \
                or word[:1].isdigit():
            return False
    return False


def _nested(a: str, b: str) -> bool:
    """Whether one kind includes the other (:data:`BROADER`)."""
    return b in BROADER.get(a, frozenset()) or a in BROADER.get(b, frozenset())


def _kinds_named(units: Sequence[Unit]) -> set[str]:
    """Every document kind an article names anywhere."""
    return {k for u in units for t in sentence_tokens(u) if (k := _kind(t[2], u.lang)) is not None}


def find_document_conflicts(units: Sequence[Sequence[Unit]], labels: Sequence[str] | None = None
                            ) -> list[tuple[str, Fact, Fact, str, float]]:
    """``("conflict", fact_a, fact_b, why, salience)`` for two articles naming different kinds of
    document as what was sent, published or signed (see module docstring)."""
    names = article_labels(units, labels)
    objects = [[o for u in arts for o in document_objects(u)] for arts in units]
    named = [_kinds_named(arts) for arts in units]
    out: list[tuple[str, Fact, Fact, str, float]] = []
    for i in range(len(units)):
        for j in range(i + 1, len(units)):
            seen: set[tuple[str, str]] = set()
            for oa in objects[i]:
                for ob in objects[j]:
                    if (oa.kind == ob.kind or oa.verb != ob.verb or oa.unit.lang != ob.unit.lang
                            or (oa.kind, ob.kind) in seen or _nested(oa.kind, ob.kind)):
                        continue
                    if ob.kind in named[i] or oa.kind in named[j] or len(oa.context & ob.context) < MIN_SHARED:
                        continue
                    seen.add((oa.kind, ob.kind))
                    fa = span_fact(oa.unit, oa.start, oa.end, names, oa.kind, f"statement:document:{oa.verb}")
                    fb = span_fact(ob.unit, ob.start, ob.end, names, ob.kind, f"statement:document:{ob.verb}")
                    done = PAST_PARTICIPLES.get(oa.verb, oa.verb)
                    why = f"different things {done}: {oa.text!r} ({oa.kind}) vs {ob.text!r} ({ob.kind})"
                    out.append(("conflict", fa, fb, why, SALIENCE))
    return out
