"""Work-arounds for bugs of the Qt binding, applied once before any window is made.

PySide6 6.12 on Python 3.11 drops references it does not own: every
`Signal.emit()` returns True without a new reference, and every Python slot
called by Qt, and void methods such as `beginResetModel()`, drop one reference to
None. On Python 3.12 and later these objects are immortal and nothing happens; on
3.11 their reference counts run down with each signal, and after a few hundred
signals the interpreter aborts ("Fatal Python error: bool_dealloc: deallocating
True or False"). Measured: 200 emits take 200 references from True, which has
about 600 at start.

The cure, until the binding is fixed, is what Python 3.12 does for these objects:
give None, True and False a reference count that nothing can run down. Extra
references to these three singletons cost nothing and change no behaviour.
"""

from __future__ import annotations

import ctypes
import sys

# 2**40 lost references would take years of signals; a 64-bit count holds it easily.
_RESERVE = 1 << 40

_applied = False


def needs_singleton_guard() -> bool:
    return sys.version_info < (3, 12) and sys.implementation.name == "cpython"


def guard_singletons() -> None:
    """Make None, True and False immune to the binding's lost references (once)."""
    global _applied
    if _applied or not needs_singleton_guard():
        return
    for singleton in (None, True, False):
        # ob_refcnt is the first field of every CPython object.
        ctypes.c_ssize_t.from_address(id(singleton)).value += _RESERVE
    _applied = True
