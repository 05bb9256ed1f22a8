"""Where the shipped resources live: fonts, default letter templates, sample data seeds.

In a checkout (and an editable install) they are the `resources/` folder beside the
package; a regular install puts the same folder under `<prefix>/share/goodbye-desktop/`
(see the data files in pyproject.toml); a PyInstaller bundle keeps it beside the program.
"""

import sys
from functools import cache
from pathlib import Path

from goodbye_desktop.errors import GoodbyeError

_SHARE = Path("share") / "goodbye-desktop" / "resources"


def _candidates() -> list[Path]:
    here = Path(__file__).resolve().parent
    places = [here.parent / "resources", Path(sys.prefix) / _SHARE]
    bundle = getattr(sys, "_MEIPASS", None)  # set inside a PyInstaller bundle
    if bundle:
        places.insert(0, Path(bundle) / "resources")
    return places


@cache
def resources_dir() -> Path:
    """The folder that holds fonts/, letters/ and demo/."""
    for place in _candidates():
        if (place / "fonts").is_dir():
            return place
    raise GoodbyeError("app.resources_missing", places=tuple(str(p) for p in _candidates()))
