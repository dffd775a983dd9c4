"""Schema migrations: version N is reached by running ``MIGRATIONS[N]`` after N-1.

Append, never edit a migration that has shipped. Each stage owns its tables:
1 articles and full-text search, 2 near-duplicate index, 3 stories, 4 story-clustering state,
5 the story list's order index, 6 the near-duplicate band index moved to memory
(:mod:`storydiff.dedup.bandindex`; the keys stay in ``dedup_signatures``).
"""

from __future__ import annotations

__all__ = ["MIGRATIONS", "SCHEMA_VERSION"]

MIGRATIONS: dict[int, list[str]] = {
    1: [
        """
        CREATE TABLE articles (
            rowid INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            external_id TEXT,
            url TEXT,
            source TEXT,
            title TEXT,
            published TEXT,
            language TEXT,
            text TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            metadata TEXT NOT NULL DEFAULT '{}',
            origin TEXT,
            ingested_at TEXT NOT NULL
        )
        """,
        "CREATE INDEX articles_hash ON articles(content_hash)",
        "CREATE INDEX articles_published ON articles(published)",
        "CREATE INDEX articles_source ON articles(source)",
        "CREATE INDEX articles_external ON articles(external_id)",
        """
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, text, content='articles', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
        )
        """,
        """
        CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END
        """,
        """
        CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
        END
        """,
        """
        CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END
        """,
    ],
    2: [
        # near-duplicate index (storydiff.store.dedup): one row per article, band keys, verified pairs
        """
        CREATE TABLE dedup_signatures (
            article INTEGER PRIMARY KEY REFERENCES articles(rowid) ON DELETE CASCADE,
            shingles INTEGER NOT NULL,
            sig BLOB NOT NULL,
            keys BLOB NOT NULL
        )
        """,
        "CREATE TABLE dedup_bands (key INTEGER NOT NULL, article INTEGER NOT NULL, PRIMARY KEY (key, article))"
        " WITHOUT ROWID",
        """
        CREATE TABLE dedup_pairs (
            a TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            b TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            jaccard REAL NOT NULL,
            containment REAL NOT NULL,
            exact INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (a, b)
        ) WITHOUT ROWID
        """,
        "CREATE INDEX dedup_pairs_b ON dedup_pairs(b)",
    ],
    3: [
        # stories (storydiff.store.stories): one row per story, one per assigned article, merge aliases
        """
        CREATE TABLE stories (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            headline TEXT NOT NULL DEFAULT '',
            first_seen TEXT,
            last_seen TEXT,
            articles INTEGER NOT NULL DEFAULT 0
        )
        """,
        "CREATE INDEX stories_last_seen ON stories(last_seen)",
        """
        CREATE TABLE story_articles (
            article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            story_id TEXT NOT NULL,
            score REAL NOT NULL DEFAULT 1.0
        ) WITHOUT ROWID
        """,
        "CREATE INDEX story_articles_story ON story_articles(story_id)",
        "CREATE TABLE story_aliases (old_id TEXT PRIMARY KEY, story_id TEXT NOT NULL) WITHOUT ROWID",
    ],
    4: [
        # the online story clusterer's state (storydiff.store.stories.ClusterStateRepository),
        # so a restart loads it instead of replaying every assignment
        "CREATE TABLE cluster_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
        "CREATE TABLE cluster_features (feature TEXT PRIMARY KEY, df INTEGER NOT NULL, lang TEXT) WITHOUT ROWID",
        "CREATE TABLE cluster_stories (seq INTEGER PRIMARY KEY, id TEXT NOT NULL, state TEXT NOT NULL)",
    ],
    5: [
        # the story list's order (storydiff.store.stories.StoryRepository.list) read from an index,
        # not sorted in a temporary B-tree on every page
        "CREATE INDEX stories_recent ON stories(last_seen IS NULL, last_seen DESC, seq DESC)",
    ],
    6: [
        # band keys are looked up in memory (a B-tree of random keys made every commit rewrite most of
        # its pages); a token that changes with every write of the index tells a stage whether the
        # index it holds in memory is still the store's
        "DROP TABLE dedup_bands",
        "CREATE TABLE dedup_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
    ],
}

SCHEMA_VERSION = max(MIGRATIONS)
