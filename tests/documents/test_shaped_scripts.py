"""Every script prints, shaped: Arabic joined and right to left, Devanagari with conjuncts.

The glyphs HarfBuzz picks (a conjunct, a joined letter form) have no character of their own;
the typed text travels in the PDF's ActualText, so pdftotext gives the name back. It is
compared after NFKC (and without the bidi marks pdftotext adds around right-to-left text).
Every font of every kind of letter is embedded, the transition plan's table included.
"""

from __future__ import annotations

import shutil
import subprocess
import unicodedata

import pytest
from doc_pdfcheck import norm, poppler_text, reader

from goodbye_desktop.documents import letters
from goodbye_desktop.documents.fonts import unprintable
from goodbye_desktop.documents.values import Recipient

SHAPED_NAMES = ["محمد عبد الله", "अनीता क्षत्रिय", "ณัฐพล ศรีสุข", "דוד כהן",
                "Dr प्रिया शर्मा (स्त्री)", "شركة النور, Ltd"]


def _nfkc(text: str) -> str:
    return norm(unicodedata.normalize("NFKC", text))


@pytest.mark.parametrize("name", SHAPED_NAMES)
def test_a_shaped_name_reads_back_as_typed(name, sender, facts) -> None:
    pdf = letters.render_letter("keep_in_touch", sender, Recipient(name, "", "1 Road"), facts)
    text = _nfkc(poppler_text(pdf))
    assert _nfkc(name) in text
    # The address block, the subject-free body and the closing all carry the name.
    assert text.count(_nfkc(name)) >= 2


@pytest.mark.parametrize("name", ["محمد عبد الله", "अनीता क्षत्रिय"])
def test_a_shaped_contact_is_greeted_by_name(name, sender, facts) -> None:
    pdf = letters.farewell(sender, Recipient("Acme Ltd", name, "1 Road"), facts)
    text = _nfkc(poppler_text(pdf))
    assert f"Dear {_nfkc(name.split()[0])}," in text


def test_shaping_changes_the_glyphs(sender, facts) -> None:
    # Joined Arabic uses other glyphs than the letters' isolated forms: the content stream
    # holds fewer, different codes than characters, and the typed text rides in ActualText.
    pdf = letters.check_in(sender, Recipient("محمد", "", "1 Road"), facts)
    raw = b"".join(page.get_contents().get_data() for page in reader(pdf).pages)
    assert b"/ActualText" in raw
    assert b"BDC" in raw and b"EMC" in raw


def test_characters_no_font_has_are_named() -> None:
    assert unprintable("Anna 🦄 Berg") == "🦄"
    assert unprintable("محمد अनीता 山田 Zoë") == ""
    assert unprintable("👩\u200d👩\u200d👧 Family") == "👩👧"


KINDS = list(letters.LETTER_KINDS)


@pytest.mark.parametrize("kind", KINDS)
def test_every_font_of_every_kind_is_embedded(kind, sender, facts) -> None:
    if shutil.which("pdffonts") is None:
        pytest.skip("poppler-utils (pdffonts) is not installed")
    recipient = Recipient("محمد & 山田 & अनीता", "ณัฐพล", "1 Road\nדוד כהן")
    if kind == "transition_plan":
        pdf = letters.transition_plan(sender, recipient, facts)
    else:
        pdf = letters.render_letter(kind, sender, recipient, facts)
    out = subprocess.run(["pdffonts", "-"], input=pdf, capture_output=True, check=True)
    rows = out.stdout.decode().splitlines()[2:]
    names = [row.split()[0] for row in rows]
    assert not any("Helvetica" in n or "Times" in n for n in names), names
    for row in rows:
        assert row.split()[-5] == "yes", row  # the "emb" column
    for script in ("NotoSansArabic", "NotoSansDevanagari", "NotoSansThai", "NotoSansHebrew"):
        assert any(script in n for n in names), (script, names)
