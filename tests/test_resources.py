"""The shipped resources are found, in a checkout as after an install."""

import sys
from pathlib import Path

from goodbye_desktop import resources


def test_resources_hold_fonts_letters_and_seeds() -> None:
    folder = resources.resources_dir()
    assert (folder / "fonts" / "DejaVuSans.ttf").is_file()
    assert (folder / "fonts" / "wqy-microhei.ttc").is_file()
    assert (folder / "letters" / "farewell.txt").is_file()
    assert (folder / "demo" / "cast.toml").is_file()


def test_an_install_is_looked_for_under_the_prefix() -> None:
    expected = Path(sys.prefix) / "share" / "goodbye-desktop" / "resources"
    assert expected in resources._candidates()


def test_resources_hold_the_fallback_icons_and_the_user_guide() -> None:
    folder = resources.resources_dir()
    assert (folder / "icons" / "LICENSE").is_file()
    assert (folder / "icons" / "contact-new.svg").is_file()
    assert (folder / "icons" / "sign-silence.svg").is_file()
    assert (folder / "help" / "guide.html").is_file()
