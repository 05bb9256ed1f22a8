"""The client list's search index, held in memory and kept current by one tiny query.

A search keystroke over 100,000 clients in SQL costs a scan of the whole client table
(60 ms and more). Here the folded search text of every client is loaded once, the
list orders are asked of SQL once per sort, and a keystroke is a substring filter over
plain Python lists. A counter that SQLite triggers bump on any change to the client
table (schema v4) tells, in one indexed read, when the index has to be reloaded.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from goodbye_desktop.store.folding import fold
from goodbye_desktop.store.models import database_proxy

_GENERATION_SQL = "SELECT value FROM app_meta WHERE key = 'client_generation'"


# Results kept per order, so typing on (or deleting back) never rescans everything.
_RECENT_SEARCHES = 64


@dataclass
class _Base:
    """The clients of one order and filter, with their search texts aligned."""

    ids: list[int]
    texts: list[str] | None = None
    recent: dict[str, list[int]] = field(default_factory=dict)


@dataclass
class ClientIndex:
    """Search and order of the client list without a query per keystroke."""

    generation: str | None = None
    texts: dict[int, str] = field(default_factory=dict)
    # (order SQL, its parameters) -> the ordered ids and recent searches over them.
    bases: dict[tuple, _Base] = field(default_factory=dict)
    database: object | None = None

    def _current(self) -> None:
        db = database_proxy.obj
        row = db.execute_sql(_GENERATION_SQL).fetchone()
        generation = row[0] if row else None
        if db is not self.database or generation != self.generation or generation is None:
            self.database = db
            self.generation = generation
            self.texts = {}
            self.bases = {}

    def _load_texts(self) -> dict[int, str]:
        if not self.texts:
            cursor = database_proxy.obj.execute_sql("SELECT id, search_text FROM client")
            self.texts = dict(cursor.fetchall())
        return self.texts

    def ids(
        self,
        base_key: tuple,
        load_ordered_ids: Callable[[], list[int]],
        search: str,
    ) -> list[int]:
        """The ordered ids for `base_key` whose search text holds every word of `search`."""
        self._current()
        base = self.bases.get(base_key)
        if base is None:
            base = self.bases[base_key] = _Base(ids=load_ordered_ids())
        folded = " ".join(fold(search).split())
        if not folded:
            return list(base.ids)
        found = base.recent.get(folded)
        if found is None:
            found = self._search(base, folded)
            if len(base.recent) >= _RECENT_SEARCHES:
                base.recent.pop(next(iter(base.recent)))
            base.recent[folded] = found
        return list(found)

    def _search(self, base: _Base, folded: str) -> list[int]:
        texts = self._load_texts()
        # Typing on only narrows: a text that matches "mart" matched "mar" too, so the
        # longest earlier search this one extends is the place to start from.
        narrower = [key for key in base.recent if folded.startswith(key)]
        words = sorted(folded.split(), key=len, reverse=True)
        if narrower:
            ids = base.recent[max(narrower, key=len)]
            for word in words:
                ids = [i for i in ids if word in texts[i]]
            return ids
        if base.texts is None:
            base.texts = [texts[i] for i in base.ids]
        first = words[0]
        pairs = [(i, t) for i, t in zip(base.ids, base.texts, strict=True) if first in t]
        for word in words[1:]:
            pairs = [(i, t) for i, t in pairs if word in t]
        return [i for i, _ in pairs]


_INDEX = ClientIndex()


def client_index() -> ClientIndex:
    """The process's index (one database is open at a time)."""
    return _INDEX
