"""Per-language stopwords and stemming: the terms the story clusterer counts.

Method: text is split by :func:`storydiff.text.tokens.words` (case folded), function
words of the article's language are dropped (compact hand-made lists: articles,
pronouns, auxiliaries, prepositions, conjunctions, reporting verbs and weekday/month
words that every news report carries), and the rest is reduced to its Snowball stem
(PyStemmer, which covers German, English, French, Spanish, Russian, Italian,
Portuguese, Dutch, Greek, Turkish, Arabic, Hindi and more). A language without a stemmer
keeps its folded tokens; stems shorter than ``min_len`` are dropped. Chinese, Japanese
and Thai, written without spaces, are indexed by overlapping character bigrams
(:func:`storydiff.text.tokens.unspaced_bigrams`).

:func:`fold` maps a word to a script- and accent-independent key (NFKD without
combining marks, Cyrillic and Greek transliterated to Latin, ``ß`` -> ``ss``), so that
"Selenskyj", "Zelensky" and "Зеленский" can be compared; :func:`name_key` goes one step
further and keeps a consonant skeleton that survives the usual transcription
differences (``z``/``s``, ``w``/``v``, ``y``/``i``/``j``, doubled letters, vowels).

>>> stems = Lemmatizer().terms("Die Demonstranten wurden am Freitag festgenommen.", "de")
>>> stems
['demonstrant', 'festgenomm']
>>> name_key("Selenskyj") == name_key("Zelensky") == name_key("Зеленский")
True
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from storydiff.text.tokens import fold_token, unspaced_bigrams, word_spans

__all__ = ["STEMMER_LANGUAGES", "STOPWORDS", "Lemmatizer", "fold", "name_key", "stopwords"]

#: ISO 639-1 code -> Snowball algorithm name (PyStemmer)
STEMMER_LANGUAGES = {
    "de": "german", "en": "english", "fr": "french", "es": "spanish", "ru": "russian", "it": "italian",
    "pt": "portuguese", "nl": "dutch", "ro": "romanian", "sv": "swedish", "da": "danish", "no": "norwegian",
    "fi": "finnish", "pl": "polish", "tr": "turkish", "hu": "hungarian", "cs": "czech", "el": "greek",
    "ca": "catalan", "uk": "russian", "ar": "arabic", "hi": "hindi", "fa": "persian", "ne": "nepali",
    "id": "indonesian", "lt": "lithuanian", "et": "estonian", "hy": "armenian", "eu": "basque", "ga": "irish",
    "ta": "tamil", "sr": "serbian",
}

_WEEK_MONTH = {
    "de": "montag dienstag mittwoch donnerstag freitag samstag sonntag januar februar märz april mai juni juli"
    " august september oktober november dezember",
    "en": "monday tuesday wednesday thursday friday saturday sunday january february march april may june july"
    " august september october november december",
    "fr": "lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril mai juin juillet août"
    " septembre octobre novembre décembre",
    "es": "lunes martes miércoles jueves viernes sábado domingo enero febrero marzo abril mayo junio julio agosto"
    " septiembre octubre noviembre diciembre",
    "ru": "понедельник вторник среда среду четверг пятница пятницу суббота субботу воскресенье января февраля"
    " марта апреля мая июня июля августа сентября октября ноября декабря",
}

_FUNCTION_WORDS = {
    "de": "der die das den dem des ein eine einer einen einem eines und oder aber doch sondern denn weil dass daß ob"
    " wenn als wie auch noch nur schon sehr mehr nicht kein keine keinen keiner keinem ich du er sie es wir ihr"
    " mich mir dich dir sich uns euch ihn ihm ihnen ihre ihrer ihren ihrem ihres sein seine seiner seinen seinem"
    " seines mein meine unser unsere dieser diese dieses diesen diesem jener jene man was wer wo wann warum"
    " welche welcher welches hier dort da so dann nun jetzt heute gestern morgen bereits immer wieder etwa rund"
    " in im ins an am ans auf aus bei beim bis durch für gegen mit nach seit über um unter vom von vor zu zum zur"
    " zwischen ohne während wegen laut sei seien ist sind war waren wird werden wurde wurden worden haben hat"
    " hatte hatten habe gewesen kann können konnte konnten muss müssen musste soll sollen sollte will wollen"
    " wollte würde würden sagte sagt sagten erklärte hieß heißt teilte mit demnach zudem sowie bisher jedoch"
    " alle allen alles andere anderen viele vielen einige ab beim etwa uhr ja nein mal",
    "en": "the a an and or but if then than that this these those it its it's he she they we you i me him her them"
    " us his their our your my who whom whose which what when where why how there here not no nor so as at by"
    " for from in into of on onto to with without about after before over under between during through against"
    " up down out off again further once is are was were be been being am have has had having do does did will"
    " would shall should can could may might must said says say told according also just only very more most"
    " other some such any all each both few own same too now new one two",
    "fr": "le la les l un une des du de d et ou mais donc or ni car que qu qui quoi dont où ce cet cette ces c il"
    " elle ils elles on nous vous je j tu me m te t se s lui leur leurs son sa ses mon ma mes ton ta tes notre"
    " nos votre vos y en à au aux dans par pour sur sous avec sans entre vers chez après avant depuis pendant"
    " contre est sont été être était étaient sera seront a ont avait avaient avoir fait faire peut pas ne n plus"
    " moins très aussi tout tous toute toutes comme si selon a-t-il dit déclaré",
    "es": "el la los las lo un una unos unas y e o u pero sino que quien quienes cual cuales cuyo donde cuando como"
    " este esta estos estas ese esa esos esas aquel él ella ellos ellas nosotros usted ustedes yo tú me te se"
    " nos le les su sus mi mis tu tus nuestro nuestra a al de del en por para con sin sobre entre hasta desde"
    " durante tras ante contra hacia según es son era eran fue fueron ser sido está están estaba estaban ha"
    " han había habían haber hay muy más menos también ya no sí si todo todos toda todas otro otra otros otras"
    " dijo afirmó",
    "ru": "и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее её мне было"
    " вот от меня еще ещё нет о из ему теперь когда даже ну ли если уже или ни быть был была были него до вас"
    " нибудь опять уж вам ведь там потом себя ничего ей может они тут где есть надо ней для мы тебя их чем сам"
    " чтобы без будто чего раз тоже себе под будет ж тогда кто этот того потому этого какой совсем ним здесь"
    " этом один почти мой тем чтобы нее сейчас были куда зачем всех никогда можно при наконец два об другой"
    " хоть после над больше тот через эти нас про всего них какая много разве сказал сказала заявил три эту"
    " моя впрочем хорошо свою этой перед иногда лучше чуть том нельзя такой им более всегда конечно всю между"
    " это также который которая которые которого",
    "it": "il lo la i gli le un uno una e o ma che chi cui di del della dei degli delle a al alla ai agli alle da dal"
    " dalla in nel nella con su sul sulla per tra fra è sono era erano stato stata essere ha hanno aveva non"
    " più anche come se questo questa questi quello quella si ci ne lui lei loro suo sua suoi",
    "pt": "o a os as um uma uns umas e ou mas que quem qual de do da dos das em no na nos nas por pelo pela para com"
    " sem sobre entre até desde é são era eram foi foram ser estar está estão tem têm ter não mais também se"
    " seu sua seus suas ele ela eles elas este esta isso isto",
    "nl": "de het een en of maar dat die dit deze wat wie waar wanneer hoe in op aan van voor met door bij uit naar"
    " over onder tot om is zijn was waren wordt worden werd werden heeft hebben had niet geen ook nog al er hij"
    " zij ze wij we jij je ik hem haar hun",
    "el": "ο η το οι τα του της των τον την τη στο στη στην στον στα στους στις σε με από για και κι να θα δεν"
    " μη μην ότι που πως ως αλλά ή είναι ήταν έχει έχουν είχε ένα μια μία ένας ενός μιας αυτό αυτή αυτός αυτά"
    " αυτές αυτοί τους τις τι κατά μετά προς χωρίς μέχρι όπως ενώ όμως επίσης ακόμη ήδη πολύ πιο δήλωσε είπε"
    " ανέφερε σύμφωνα δευτέρα τρίτη τετάρτη πέμπτη παρασκευή σάββατο κυριακή",
    "tr": "ve ile bir bu şu o da de ki mi için gibi kadar daha çok en ama fakat ancak veya ya ise olan olarak oldu"
    " olduğu olduğunu etti eden göre sonra önce üzere her hem ne değil var yok tarafından dedi söyledi açıkladı"
    " bildirdi belirtti pazartesi salı çarşamba perşembe cuma cumartesi pazar günü",
    "pl": "i w we z ze na do że się nie to jest są był była było od po o dla przez przy jak ale lub oraz także"
    " który która które jego jej ich tym tego ten ta te co już jeszcze powiedział",
    "uk": "і й та в у на з із до що не це як але від для про за по його її їх він вона вони був була було є"
    " також який яка які заявив",
    "ar": "في من على إلى الى عن مع أن ان إن هذا هذه ذلك التي الذي الذين كان كانت قد لم لا ما أو و ثم بعد قبل"
    " حتى عند كل بين قال وقال وأضاف يوم",
    "he": "של את על עם כי גם לא זה זו הוא היא הם אשר או אבל יותר כל בין אל עד אחרי לפני ביום אמר",
    "hi": "का के की को में से पर और है हैं था थे थी हो गया गई गए ने भी तो कि यह वह इस उस एक लिए तक साथ बाद"
    " कहा रहा रही रहे कर किया करने दिया जो हुई हुआ नहीं",
}

STOPWORDS: dict[str, frozenset[str]] = {
    lang: frozenset((_FUNCTION_WORDS[lang] + " " + _WEEK_MONTH.get(lang, "")).split()) for lang in _FUNCTION_WORDS
}


def stopwords(language: str | None) -> frozenset[str]:
    """The function words of ``language`` (empty for a language without a list)."""
    return STOPWORDS.get(language or "", frozenset())


_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "iu", "я": "ia", "є": "ie", "і": "i", "ї": "i", "ґ": "g",
}
_GREEK = {
    "α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th", "ι": "i", "κ": "k",
    "λ": "l", "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p", "ρ": "r", "σ": "s", "ς": "s", "τ": "t",
    "υ": "y", "φ": "f", "χ": "ch", "ψ": "ps", "ω": "o",
}
_FOLD_TABLE = str.maketrans({**_CYRILLIC, **_GREEK, "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d",
                             "ı": "i"})


def fold(word: str) -> str:
    """Lower-case Latin form of ``word``: accents removed, Cyrillic and Greek transliterated.

    >>> fold("Kyjiw"), fold("Straße"), fold("Москва"), fold("Françoise")
    ('kyjiw', 'strasse', 'moskva', 'francoise')
    """
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.translate(_FOLD_TABLE)


_DIGRAPHS = (("tsch", "ch"), ("sch", "sh"), ("ck", "k"), ("ph", "f"), ("kh", "k"), ("ts", "s"))
_SKELETON = str.maketrans({"z": "s", "c": "k", "q": "k", "w": "v", "j": "i", "y": "i", "x": "ks", "h": ""})


def name_key(word: str, *, length: int = 5) -> str:
    """A transcription-insensitive key for a proper name: its first consonants after folding.

    The first letter is kept; later vowels are dropped; similar-sounding letters merged.

    >>> name_key("Kiew") == name_key("Kyiv") == name_key("Киев")
    True
    >>> name_key("Scholz")
    'sls'
    """
    folded = fold(word)
    if folded.endswith(("'s", "’s")):
        folded = folded[:-2]
    for a, b in _DIGRAPHS:
        folded = folded.replace(a, b)
    mapped = folded.translate(_SKELETON)
    if not mapped:
        return ""
    out = [mapped[0] if mapped[0] not in "aeiou" else "a"]
    for ch in mapped[1:]:
        if ch in "aeiou" or not ch.isalnum():
            continue
        if ch != out[-1]:
            out.append(ch)
    return "".join(out[:length])


class Lemmatizer:
    """Stopword removal and Snowball stemming per language, with one stemmer cached per language.

    Each instance owns its cache (no global state); one clusterer holds one instance.
    """

    def __init__(self) -> None:
        self._stemmers: dict[str, Callable[[list[str]], list[str]]] = {}

    def _stem_fn(self, language: str | None) -> Callable[[list[str]], list[str]] | None:
        algo = STEMMER_LANGUAGES.get(language or "")
        if algo is None:
            return None
        fn = self._stemmers.get(algo)
        if fn is None:
            import Stemmer

            fn = Stemmer.Stemmer(algo).stemWords
            self._stemmers[algo] = fn
        return fn

    def stem(self, tokens: list[str], language: str | None) -> list[str]:
        """Snowball stems of already folded-case ``tokens`` (unchanged without a stemmer)."""
        fn = self._stem_fn(language)
        return list(fn(tokens)) if fn is not None else list(tokens)

    def terms(self, text: str, language: str | None, *, min_len: int = 2) -> list[str]:
        """Stems of ``text``'s content words, in text order (numbers are left out)."""
        stop = stopwords(language)
        toks = [fold_token(t) for t in unspaced_bigrams(list(word_spans(text, lower=False)))]
        toks = [t for t in toks if len(t) >= min_len and t not in stop and not t[0].isdigit()]
        return [t for t in self.stem(toks, language) if len(t) >= min_len]
