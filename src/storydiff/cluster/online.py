"""Online story clustering: each article, in publication order, joins its best story or opens one.

Method (single-pass clustering in the TDT tradition, Allan et al. 1998; Miranda et al. 2018):

1. The article's raw features (:mod:`storydiff.cluster.features`) are added to running
   document frequencies, then weighted by ``idf = log((N+1)/(df+1)) + 1`` and normalised.
2. Candidate stories come from an **inverted index** (feature -> stories) over the
   *active* stories only: a story quiet for more than ``window_hours`` before the stream's
   clock is moved to an archive index that only undated articles consult. The article's
   ``query_terms`` heaviest features are looked up; the ``max_candidates`` stories sharing
   the most query weight are scored exactly. No story is ever found by a scan
   (:class:`~storydiff.cluster.storyindex.StoryIndex` keeps the postings, the archive and
   the expiry heap).
3. A candidate's score is the largest of
   * the cosine between the article and the story centroid (sum of its articles' unit
     vectors), times ``exp(-gap / decay_hours)``, ``gap`` = distance to the story's mean time;
   * ``member_weight`` x the best dot product with one of the story's last ``member_limit``
     members (their ``member_terms`` heaviest features), each decayed by its own time gap:
     a follow-up that retells one report joins even when the centroid has drifted;
   * when the article's language is new to the story, ``shared_weight`` x the cosine over
     the **linking features** only (time-decayed like the centroid): numbers, and names
     seen in at least two languages so far. Capitalisation marks names in most languages
     but every noun in German; a German noun ("Feuerwehr") is never written by an English
     or French report, a name ("Lübeck") is, so this corpus statistic keeps names and
     drops nouns without a lexicon (Miranda et al. 2018 link languages through entities).
   Articles of a quiet story (``t - last_seen > window_hours``) are never candidates.
4. The best score at or above ``threshold`` wins (ties: the older story); otherwise the
   article opens a story whose id is ``"st"`` + a hash of the article id (stable, never
   renamed). Undated articles take no time penalty and do not move a story's times.
5. **Convergence** (second level): the story that took the article is compared with the
   article's other candidates, centroid to centroid (linking features across languages);
   at ``merge_threshold`` the younger is merged into the older, whose id stays. This is
   how the monolingual parts of one happening join into a cross-language story.

Everything is deterministic: iteration orders are insertion orders and ties break on
story creation order.

>>> from datetime import datetime, UTC
>>> from storydiff.model import Article
>>> from storydiff.settings import ClusterSettings
>>> c = OnlineClusterer(ClusterSettings())
>>> day = datetime(2024, 3, 1, tzinfo=UTC)
>>> a = c.add(Article(text="Das Hochwasser an der Oder erreicht Frankfurt (Oder); Pegel bei 6,2 Metern.",
...                   url="https://x.test/1", language="de", published=day))
>>> b = c.add(Article(text="In Frankfurt (Oder) steigt das Oder-Hochwasser weiter, der Pegel zeigt 6,2 Meter.",
...                   url="https://x.test/2", language="de", published=day))
>>> a.story_id == b.story_id, a.new, b.new
(True, True, False)
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

from storydiff.cluster.features import FeatureExtractor, is_shared
from storydiff.cluster.story import Assignment, StoryState, article_hours, story_id_for
from storydiff.cluster.storyindex import StoryIndex
from storydiff.model import Article
from storydiff.settings import ClusterSettings

__all__ = ["Assignment", "OnlineClusterer", "StoryState", "article_hours", "story_id_for"]

_ARCHIVE_TERMS = 48


def _dots(vec: dict[str, float], centroid: dict[str, float]) -> tuple[float, float]:
    """``(vec . centroid, the same over shared features only)``, looping over ``vec``."""
    dot = 0.0
    sdot = 0.0
    for f, v in vec.items():
        c = centroid.get(f)
        if c is not None:
            dot += v * c
            if is_shared(f):
                sdot += v * c
    return dot, sdot


class OnlineClusterer:
    """The in-memory state of online clustering (see the module docstring for the method)."""

    def __init__(self, settings: ClusterSettings) -> None:
        self.settings = settings
        self.features = FeatureExtractor(settings)
        self.df: dict[str, int] = {}
        self.n_docs = 0
        self.stories: dict[str, StoryState] = {}
        self._by_seq: list[StoryState] = []
        self.index = StoryIndex()
        self.clock: float | None = None
        #: name feature -> the one language it was seen in, or "" once seen in two or more
        self.name_languages: dict[str, str] = {}
        #: what changed since :meth:`take_changes` (features, story seqs); ``None``: not tracked
        self._changed: tuple[set[str], set[int]] | None = None

    # -- features -------------------------------------------------------------------------
    def _vector(self, article: Article, *, count: bool = True) -> dict[str, float]:
        raw = self.features.extract(article.text, article.title, article.language)
        if count:
            self.n_docs += 1
            lang = article.language or ""
            seen = self.name_languages
            if self._changed is not None:
                self._changed[0].update(raw)
            for f in raw:
                self.df[f] = self.df.get(f, 0) + 1
                if f[0] == "@":
                    first = seen.get(f)
                    if first is None:
                        seen[f] = lang
                    elif first and first != lang:
                        seen[f] = ""
        n = self.n_docs
        vec = {f: w * (math.log((n + 1) / (self.df.get(f, 0) + 1)) + 1.0) for f, w in raw.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {f: v / norm for f, v in vec.items()}

    # -- time ----------------------------------------------------------------------------
    def _advance(self, hours: float) -> None:
        if self.clock is not None and hours <= self.clock:
            return
        self.clock = hours
        horizon = hours - self.settings.window_hours
        for seq in self.index.expired(horizon):
            story = self._by_seq[seq]
            if story.active and story.last is not None and story.last < horizon:
                self._retire(story)

    def _retire(self, story: StoryState) -> None:
        story.active = False
        top = sorted(story.centroid.items(), key=lambda kv: (-kv[1], kv[0]))[:_ARCHIVE_TERMS]
        story.centroid = dict(top)
        story.norm2 = sum(v * v for _, v in top)
        story.shared_norm2 = sum(v * v for k, v in top if is_shared(k))
        story.members = []
        self.index.retire(story, [term for term, _ in top])
        self._touch(story)

    # -- scoring -------------------------------------------------------------------------
    def _candidates(self, vec: dict[str, float], undated: bool) -> list[StoryState]:
        s = self.settings
        query = sorted(vec.items(), key=lambda kv: (-kv[1], kv[0]))[: s.query_terms]
        out: dict[int, StoryState] = {}
        for seq in self.index.lookup(query, include_archive=undated, limit=s.max_candidates):
            story = self._by_seq[seq]
            while story.merged_into is not None:
                story = self.stories[story.merged_into]
            out.setdefault(story.seq, story)
        return list(out.values())

    def _score(self, vec: dict[str, float], hours: float | None, language: str | None,
               story: StoryState) -> tuple[float, float, float]:
        """(score, dot, shared dot) of an article vector against a story."""
        s = self.settings
        if hours is not None and story.last is not None and hours - story.last > s.window_hours:
            return 0.0, 0.0, 0.0
        dot, sdot = _dots(vec, story.centroid)
        score = dot / math.sqrt(story.norm2) if story.norm2 > 0 else 0.0
        if language not in story.languages and story.shared_norm2 > 0:
            score = max(score, s.shared_weight * self._linking_cosine(vec, story.centroid))
        mean = story.mean_time()
        if hours is not None and mean is not None:
            score *= self._time_factor(hours - mean)
        if s.member_weight > 0:
            for mvec, mhours in story.members:
                mdot = 0.0
                for f, v in mvec.items():
                    c = vec.get(f)
                    if c is not None:
                        mdot += v * c
                if hours is not None and mhours is not None:
                    mdot *= self._time_factor(hours - mhours)
                score = max(score, s.member_weight * mdot)
        return score, dot, sdot

    def _time_factor(self, gap: float) -> float:
        return math.exp(-abs(gap) / self.settings.decay_hours)

    def _linking(self, feature: str) -> bool:
        """True for a feature that can link languages: a number, or a name seen in two languages."""
        return feature[0] == "#" or (feature[0] == "@" and self.name_languages.get(feature) == "")

    def _linking_cosine(self, a: dict[str, float], b: dict[str, float]) -> float:
        """Cosine of ``a`` and ``b`` over their linking features (:meth:`_linking`)."""
        na = nb = dot = 0.0
        for f, v in a.items():
            if self._linking(f):
                na += v * v
                c = b.get(f)
                if c is not None:
                    dot += v * c
        for f, v in b.items():
            if self._linking(f):
                nb += v * v
        return dot / math.sqrt(na * nb) if na > 0 and nb > 0 else 0.0

    def _touch(self, story: StoryState) -> None:
        if self._changed is not None:
            self._changed[1].add(story.seq)

    # -- updates -------------------------------------------------------------------------
    def _open(self, article_id: str) -> StoryState:
        sid = story_id_for(article_id)
        n = 2
        while sid in self.stories:
            sid = f"{story_id_for(article_id)}-{n}"
            n += 1
        story = StoryState(id=sid, seq=len(self._by_seq))
        self.stories[sid] = story
        self._by_seq.append(story)
        return story

    def _join(self, story: StoryState, vec: dict[str, float], hours: float | None, language: str | None,
              dot: float, sdot: float) -> None:
        s = self.settings
        cen = story.centroid
        story.norm2 += 2.0 * dot + sum(v * v for v in vec.values())
        story.shared_norm2 += 2.0 * sdot + sum(v * v for f, v in vec.items() if is_shared(f))
        for f, v in vec.items():
            cen[f] = cen.get(f, 0.0) + v
        if len(cen) > s.centroid_terms * 3 // 2:
            keep = sorted(cen.items(), key=lambda kv: (-kv[1], kv[0]))[: s.centroid_terms]
            story.centroid = cen = dict(keep)
            story.norm2 = sum(v * v for v in cen.values())
            story.shared_norm2 = sum(v * v for k, v in cen.items() if is_shared(k))
        story.count += 1
        if s.member_weight > 0 and story.active:
            top = sorted(vec.items(), key=lambda kv: (-kv[1], kv[0]))[: s.member_terms]
            story.members.append((dict(top), hours))
            del story.members[: -s.member_limit]
        lang = language or ""
        story.languages[lang] = story.languages.get(lang, 0) + 1
        if hours is not None:
            story.first = hours if story.first is None else min(story.first, hours)
            if story.last is None or hours > story.last:
                story.last = hours
                self.index.seen(story, hours)
            story.time_sum += hours
            story.timed += 1
        terms = sorted(vec.items(), key=lambda kv: (-kv[1], kv[0]))[: s.query_terms]
        self.index.file(story, [term for term, _ in terms])
        self._touch(story)

    def add(self, article: Article) -> Assignment:
        """Assign ``article`` (the next in time order) to a story and update the state."""
        hours = article_hours(article)
        if hours is not None:
            self._advance(hours)
        vec = self._vector(article)
        best: tuple[float, int] | None = None
        best_story: StoryState | None = None
        dots = (0.0, 0.0)
        candidates = self._candidates(vec, hours is None)
        for story in candidates:
            score, dot, sdot = self._score(vec, hours, article.language, story)
            if score >= self.settings.threshold and (best is None or (score, -story.seq) > best):
                best = (score, -story.seq)
                best_story = story
                dots = (dot, sdot)
        if best_story is None or best is None:
            story = self._open(article.id)
            self._join(story, vec, hours, article.language, 0.0, 0.0)
            return Assignment(article.id, story.id, 1.0, True, self._converge(story, candidates))
        self._join(best_story, vec, hours, article.language, *dots)
        merged = self._converge(best_story, candidates)
        final = best_story
        while final.merged_into is not None:
            final = self.stories[final.merged_into]
        return Assignment(article.id, final.id, best[0], False, merged)

    def resolve(self, story_id: str) -> str:
        """The id a story now lives under (itself unless it was merged into another)."""
        story = self.stories.get(story_id)
        while story is not None and story.merged_into is not None:
            story = self.stories[story.merged_into]
        return story.id if story is not None else story_id

    def _similarity(self, a: StoryState, b: StoryState) -> float:
        """Time-decayed cosine between two story centroids (shared space when no language is shared)."""
        small, large = (a.centroid, b.centroid) if len(a.centroid) <= len(b.centroid) else (b.centroid, a.centroid)
        dot = sum(v * large.get(f, 0.0) for f, v in small.items())
        score = dot / math.sqrt(a.norm2 * b.norm2) if a.norm2 > 0 and b.norm2 > 0 else 0.0
        if not (a.languages.keys() & b.languages.keys()) and a.shared_norm2 > 0 and b.shared_norm2 > 0:
            score = max(score, self.settings.shared_weight * self._linking_cosine(a.centroid, b.centroid))
        ta, tb = a.mean_time(), b.mean_time()
        if ta is not None and tb is not None:
            score *= self._time_factor(ta - tb)
        return score

    def _converge(self, story: StoryState, candidates: list[StoryState]) -> tuple[str, ...]:
        """Merge ``story`` with candidate stories it has become similar to (the older one stays)."""
        limit = self.settings.merge_threshold
        if limit <= 0 or limit > 1:
            return ()
        merged: list[str] = []
        for other in candidates:
            if other is story or other.merged_into is not None or story.merged_into is not None:
                continue
            if self._similarity(story, other) >= limit:
                keep, gone = (story, other) if story.seq < other.seq else (other, story)
                self._absorb(keep, gone)
                merged.append(gone.id)
                story = keep
        return tuple(merged)

    def _absorb(self, keep: StoryState, gone: StoryState) -> None:
        for f, v in gone.centroid.items():
            keep.centroid[f] = keep.centroid.get(f, 0.0) + v
        keep.norm2 = sum(v * v for v in keep.centroid.values())
        keep.shared_norm2 = sum(v * v for k, v in keep.centroid.items() if is_shared(k))
        keep.count += gone.count
        for lang, n in gone.languages.items():
            keep.languages[lang] = keep.languages.get(lang, 0) + n
        keep.time_sum += gone.time_sum
        keep.timed += gone.timed
        if gone.first is not None:
            keep.first = gone.first if keep.first is None else min(keep.first, gone.first)
        if gone.last is not None and (keep.last is None or gone.last > keep.last):
            keep.last = gone.last
            self.index.seen(keep, gone.last)
        self.index.transfer(keep, gone)
        keep.members = (keep.members + gone.members)[-self.settings.member_limit :] if keep.active else []
        gone.members = []
        gone.centroid = {}
        gone.active = False
        gone.merged_into = keep.id
        self._touch(keep)
        self._touch(gone)

    def place(self, article: Article, story_id: str) -> None:
        """Replay a known assignment (rebuilding the state from the store)."""
        hours = article_hours(article)
        if hours is not None:
            self._advance(hours)
        vec = self._vector(article)
        story = self.stories.get(story_id)
        if story is None:
            story = StoryState(id=story_id, seq=len(self._by_seq))
            self.stories[story_id] = story
            self._by_seq.append(story)
        dot, sdot = _dots(vec, story.centroid)
        self._join(story, vec, hours, article.language, dot, sdot)

    def add_to(self, article: Article, story_id: str) -> Assignment:
        """Put ``article`` into an existing story without scoring (e.g. a near-duplicate)."""
        self.place(article, story_id)
        return Assignment(article.id, story_id, 1.0, False)

    def add_near(self, article: Article, story_id: str | None) -> Assignment:
        """Join ``story_id`` (a near-duplicate's story) when this state holds it, else :meth:`add`."""
        if story_id is not None and story_id in self.stories:
            return self.add_to(article, story_id)
        return self.add(article)

    def run(self, articles: Iterable[Article]) -> list[Assignment]:
        """Assign every article of ``articles`` (already in time order)."""
        return [self.add(a) for a in articles]

    # -- running statistics and persistence ----------------------------------------------
    def observe(self, article: Article) -> None:
        """Count ``article`` in the running statistics only (document frequencies, document
        count, languages of names); no story changes."""
        self._vector(article)

    def stream_stats(self) -> dict[str, Any]:
        """Copies of the running statistics of the stream (``df``, ``n_docs``, ``name_languages``)."""
        return {"df": dict(self.df), "n_docs": self.n_docs, "name_languages": dict(self.name_languages)}

    def load_stream_stats(self, stats: dict[str, Any]) -> None:
        """Replace the running statistics by (copies of) ``stats`` from :meth:`stream_stats`."""
        self.df = dict(stats.get("df", {}))
        self.n_docs = int(stats.get("n_docs", 0))
        self.name_languages = dict(stats.get("name_languages", {}))

    def track_changes(self) -> None:
        """Start recording which features and stories change (see :meth:`take_changes`)."""
        self._changed = (set(), set())

    def take_changes(self) -> tuple[list[str], list[StoryState]]:
        """Features whose statistics changed and stories that changed since the last call (seq order)."""
        if self._changed is None:
            return [], []
        features, seqs = self._changed
        self._changed = (set(), set())
        return sorted(features), [self._by_seq[i] for i in sorted(seqs)]

    def restore(self, stories: Iterable[StoryState], clock: float | None) -> None:
        """Install saved stories (in ``seq`` order, numbered 0, 1, ...) and the stream clock into an
        empty clusterer: the indexes are rebuilt from each story's ``indexed`` and ``archived`` terms."""
        if self._by_seq:
            raise ValueError("restore needs an empty clusterer")
        for story in stories:
            if story.seq != len(self._by_seq):
                raise ValueError(f"story {story.id}: seq {story.seq}, expected {len(self._by_seq)}")
            self.stories[story.id] = story
            self._by_seq.append(story)
        self.index.restore(self._by_seq)
        self.clock = clock
