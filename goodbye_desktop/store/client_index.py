"""The client list's search index, held in memory and kept current by one tiny query.

A search keystroke over 100,000 clients in SQL costs a scan of the whole client table
(60 ms and more). Here the folded search text of every client is loaded once, the
list orders are asked of SQL once per sort, and a keystroke is a substring filter over
plain Python lists. A counter that SQLite triggers bump on any change to the client
table (schema v4) tells, in one indexed read, when the index has to be reloaded.
"""

import sqlite3
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import compress, repeat
from operator import contains
from typing import Any, overload

from goodbye_desktop.store import connection
from goodbye_desktop.store.connection import current, current_path
from goodbye_desktop.store.folding import fold

_GENERATION_SQL = "SELECT value FROM app_meta WHERE key = 'client_generation'"


class OrderedIds(Sequence[int]):
    """The list's ids in order, read from SQL a page at a time until all are needed.

    Showing the list needs only the count and the rows in view (two small queries,
    a few milliseconds at 100,000 clients); the whole list is read once, on the
    first search or a jump far down, and kept.
    """

    def __init__(self, sql: str, params: list[Any], count_sql: str,
                 count_params: list[Any]) -> None:
        self._sql, self._params = sql, params
        self._count_sql, self._count_params = count_sql, count_params
        self._count: int | None = None
        self._all: list[int] | None = None

    @property
    def sql(self) -> tuple[str, list[Any]]:
        """The query of the whole list in order (for a read ahead on another connection)."""
        return self._sql, self._params

    def preload(self, ids: list[int]) -> None:
        """Take the whole list as read ahead elsewhere (for the same database state)."""
        self._all, self._count = ids, len(ids)

    def all(self) -> list[int]:
        if self._all is None:
            cursor = current().execute(self._sql, self._params)
            self._all = [row[0] for row in cursor.fetchall()]
            self._count = len(self._all)
        return self._all

    def __len__(self) -> int:
        if self._count is None:
            self._count = current().execute(
                self._count_sql, self._count_params).fetchone()[0]
        return self._count

    def _page(self, start: int, stop: int) -> list[int]:
        cursor = current().execute(
            f"{self._sql} LIMIT ? OFFSET ?", [*self._params, stop - start, start])
        return [row[0] for row in cursor.fetchall()]

    @overload
    def __getitem__(self, index: int) -> int: ...

    @overload
    def __getitem__(self, index: slice) -> list[int]: ...

    def __getitem__(self, index):
        if self._all is not None:
            return self._all[index]
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self))
            if step != 1:
                return self.all()[index]
            return self._page(start, stop) if stop > start else []
        position = index + len(self) if index < 0 else index
        if not 0 <= position < len(self):
            raise IndexError(index)
        return self._page(position, position + 1)[0]

    def index(self, value: Any, start: int = 0, stop: int | None = None) -> int:
        return self.all().index(value, start, *(() if stop is None else (stop,)))

    def __contains__(self, value: object) -> bool:
        return value in self.all()

    def __iter__(self):
        return iter(self.all())


# Results kept per order, so typing on (or deleting back) never rescans everything.
_RECENT_SEARCHES = 64


def _packed(texts: dict[int, str], ids: list[int]) -> list[str]:
    """The texts of `ids` in that order, each a fresh copy made one after the other.

    A keystroke reads every text in the list's order. The texts as read from SQLite lie
    in memory in id order, so reading them in name order jumps about and the scan takes
    twice as long (30 ms against 14 ms for a two-letter search at 100,000 clients);
    copies made in the list's order lie side by side.
    """
    return [(texts[i] + "\0")[:-1] for i in ids]


@dataclass
class _Found:
    """The ids a search found, in the list's order, with their search texts aligned."""

    ids: list[int]
    texts: list[str]


@dataclass
class _Base:
    """The clients of one order and filter, with their search texts aligned."""

    ids: OrderedIds
    texts: list[str] | None = None
    # Narrowing a recent result reads its texts in step with it (no lookup per client).
    recent: dict[str, _Found] = field(default_factory=dict)


@dataclass
class _ReadAhead:
    """A read of the search texts (and one list order) on its own thread and connection."""

    thread: threading.Thread
    database: object
    generation: str | None
    base_key: tuple | None
    texts: dict[int, str] = field(default_factory=dict)
    ordered: list[int] | None = None
    aligned: list[str] | None = None


@dataclass
class ClientIndex:
    """Search and order of the client list without a query per keystroke."""

    generation: str | None = None
    texts: dict[int, str] = field(default_factory=dict)
    # (order SQL, its parameters) -> the ordered ids and recent searches over them.
    bases: dict[tuple, _Base] = field(default_factory=dict)
    database: object | None = None
    # The texts (and the shown list's order) being read on a thread, for the first search.
    _loader: _ReadAhead | None = None

    def clear(self) -> None:
        """Forget everything: the database closed, or another one was opened."""
        self.database = None
        self.generation = None
        self.texts = {}
        self.bases = {}
        self._loader = None

    def _current(self) -> None:
        db = current()
        row = db.execute(_GENERATION_SQL).fetchone()
        generation = row[0] if row else None
        if db is not self.database:
            self.clear()
        if db is not self.database or generation != self.generation or generation is None:
            self.database = db
            self.generation = generation
            self.texts = {}
            self.bases = {}

    def warm_up(self, base_key: tuple | None = None) -> None:
        """Start reading the search texts on a thread, with a connection of its own.

        With `base_key` (the order the list shows, as `ids` takes it), that order is read
        too and its texts lined up with it: the first keystroke then only filters. At
        100,000 clients the reads take about half a second; done here, the window stays
        responsive and the first keystroke finds everything ready.
        """
        self._current()
        base = self.bases.get(base_key) if base_key is not None else None
        if base is not None and base.texts is not None:
            base = None  # that order is ready already
        loader = self._loader
        if loader is not None and (loader.database, loader.generation) == (
                self.database, self.generation) and (base is None
                                                     or loader.base_key == base_key):
            return
        if self.texts and base is None:
            return
        path = current_path()
        order = base.ids.sql if base is not None else None
        read = _ReadAhead(threading.Thread(), self.database, self.generation,
                          base_key if base is not None else None)

        def load() -> None:
            conn = sqlite3.connect(path, isolation_level=None)
            try:
                # One read transaction: the texts and the order come from the same moment,
                # even when a client is added between the two reads.
                conn.execute("BEGIN")
                read.texts.update(conn.execute("SELECT id, search_text FROM client"))
                if order is not None:
                    read.ordered = [row[0] for row in conn.execute(*order)]
                    read.aligned = _packed(read.texts, read.ordered)
                conn.execute("COMMIT")
            finally:
                conn.close()

        read.thread = threading.Thread(target=load, name="search-texts", daemon=True)
        read.thread.start()
        self._loader = read

    def _load_texts(self, base_key: tuple | None = None,
                    base: _Base | None = None) -> dict[int, str]:
        loader = self._loader
        if loader is not None and (not self.texts or loader.base_key == base_key):
            self._loader = None
            loader.thread.join()
            # What was read from another database, or before the latest change to the
            # clients, is not used.
            if (loader.database, loader.generation) == (self.database, self.generation):
                if loader.texts and not self.texts:
                    self.texts = loader.texts
                if (base is not None and loader.base_key == base_key
                        and loader.aligned is not None and loader.ordered is not None):
                    base.ids.preload(loader.ordered)
                    base.texts = loader.aligned
        if not self.texts:
            cursor = current().execute("SELECT id, search_text FROM client")
            self.texts = dict(cursor.fetchall())
        return self.texts

    def ids(
        self,
        base_key: tuple,
        load_ordered_ids: Callable[[], OrderedIds],
        search: str,
    ) -> Sequence[int]:
        """The ordered ids for `base_key` whose search text holds every word of `search`."""
        self._current()
        base = self.bases.get(base_key)
        if base is None:
            base = self.bases[base_key] = _Base(ids=load_ordered_ids())
        folded = " ".join(fold(search).split())
        if not folded:
            return base.ids
        found = base.recent.get(folded)
        if found is None:
            found = self._search(base_key, base, folded)
            if len(base.recent) >= _RECENT_SEARCHES:
                base.recent.pop(next(iter(base.recent)))
            base.recent[folded] = found
        return list(found.ids)

    def _search(self, base_key: tuple, base: _Base, folded: str) -> _Found:
        texts = self._load_texts(base_key, base)
        # Typing on only narrows: a text that matches "mart" matched "mar" too, so the
        # longest earlier search this one extends is the place to start from.
        narrower = [key for key in base.recent if folded.startswith(key)]
        words = sorted(folded.split(), key=len, reverse=True)
        if narrower:
            start = base.recent[max(narrower, key=len)]
            ids, found_texts = start.ids, start.texts
        else:
            ids = base.ids.all()
            if base.texts is None:
                base.texts = [texts[i] for i in ids]
            found_texts = base.texts
        for word in words:
            # One pass in C: which texts hold the word, then the ids and texts kept.
            keep = list(map(contains, found_texts, repeat(word)))
            ids = list(compress(ids, keep))
            found_texts = list(compress(found_texts, keep))
        return _Found(ids, found_texts)


_INDEX = ClientIndex()


def _forget(_conn: object = None, _path: object = None) -> None:
    _INDEX.clear()


# The index belongs to one open database: opening or closing one starts it afresh.
connection.on_open(_forget, _forget)


def client_index() -> ClientIndex:
    """The process's index (one database is open at a time)."""
    return _INDEX
