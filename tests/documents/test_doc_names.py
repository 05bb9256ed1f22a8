"""Names are data, never markup: any name a client can have prints as written.

Each name is rendered as the client's name (address block, greeting, body) and as the
contact's name, then looked for in the text read back from the PDF.  Characters that no
font covers (most emoji) are left out of the PDF; the rest must be intact. Shaped scripts
(Arabic, Hebrew, Devanagari, Thai) print glyphs that have no character of their own; their
typed text is in the PDF's ActualText, which poppler reads: those names are compared with
pdftotext's text after NFKC normalisation.
"""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from doc_pdfcheck import norm, pdf_text, poppler_text

from goodbye_desktop.documents import letters
from goodbye_desktop.documents.fonts import CJK, SANS, split_runs
from goodbye_desktop.documents.markup import to_markup
from goodbye_desktop.documents.values import LetterFacts, Recipient

LONG = " ".join(f"Name{i:03d}" for i in range(38))[:300]
assert len(LONG) == 300

# (name, the pieces that must be found in the PDF's text after whitespace folding)
HARD_NAMES: list[tuple[str, list[str]]] = [
    ("Renée & <Sons>", ["Renée & <Sons>"]),
    ("<Ltd>", ["<Ltd>"]),
    ("O'Brien & Daughters", ["O'Brien & Daughters"]),
    ('The "Best" Bakery', ['The "Best" Bakery']),
    ("Łukasz Żółć", ["Łukasz Żółć"]),
    ("Zoë Brontë", ["Zoë Brontë"]),
    ("Ελένη Παπαδοπούλου", ["Ελένη Παπαδοπούλου"]),
    ("Дмитрий Иванов", ["Дмитрий Иванов"]),
    ("山田太郎", ["山田太郎"]),
    ("김민준", ["김민준"]),
    ("すずき サクラ", ["すずき サクラ"]),
    ("ﾊﾝｶｸ ＦＵＬＬ", ["ﾊﾝｶｸ ＦＵＬＬ"]),
    ("محمد", ["محمد"]),
    ("שרה", ["שרה"]),
    ("Anna 🦄 Berg", ["Anna", "Berg"]),
    ("👩‍👩‍👧 Family Co", ["Family Co"]),
    (LONG, [LONG[:60], LONG[-40:]]),
    ("Tab\tSeparated\tName", ["Tab Separated Name"]),
    ("Line\nBreak\r\nLtd", ["Line Break Ltd"]),
    ("Back\\slash \\n Ltd\\", ["Back\\slash \\n Ltd\\"]),
    ("%s %d %(name)s Ltd", ["%s %d %(name)s Ltd"]),
    ("{client_name} Holdings", ["{client_name} Holdings"]),
    ("{{double}} }{ braces", ["{{double}} }{ braces"]),
    ("&amp; Already &lt;Escaped&gt;", ["&amp; Already &lt;Escaped&gt;"]),
    ("<b>Bold</b> <font name='x'>Co</font>", ["<b>Bold</b> <font name='x'>Co</font>"]),
    ("<para><br/></para> Para", ["<para><br/></para> Para"]),
    ("“Curly” ‘quotes’ — dash", ["“Curly” ‘quotes’ — dash"]),
    ("Ærøskøbing Æble ApS", ["Ærøskøbing Æble ApS"]),
    ("İstanbul Şirketi Ğ", ["İstanbul Şirketi Ğ"]),
    ("Nguyễn Văn An", ["Nguyễn Văn An"]),
    ("ნინო Georgian", ["ნინო Georgian"]),
    ("Հայկ Armenian", ["Հայկ Armenian"]),
    ("中文 English 混合 mixed", ["中文 English 混合 mixed"]),
    ("Müller-Lüdenscheidt GmbH & Co. KG", ["Müller-Lüdenscheidt GmbH & Co. KG"]),
    ("x\x00y\x07z Control", ["xyz Control"]),
    ("   Spaced   Out   ", ["Spaced Out"]),
    ("Somchai สมชาย", ["Somchai สมชาย"]),
    ("अनीता क्षत्रिय", ["अनीता क्षत्रिय"]),
    ("محمد عبد الله", ["محمد عبد الله"]),
    ("<script>alert(1)</script>", ["<script>alert(1)</script>"]),
    ("A&B;C &#169; &copy;", ["A&B;C &#169; &copy;"]),
    ("Ⅻ ① ™ © ®", ["Ⅻ ① ™ © ®"]),
]
assert len(HARD_NAMES) >= 30

FACTS = LetterFacts(today=date(2026, 11, 25), end_date=date(2026, 12, 31))
_SHAPED = ("\u0590", "\u0e7f")  # Hebrew to Thai: the blocks set in a shaped Noto face


def _text_for(pdf: bytes, pieces: list[str]) -> str:
    """pypdf's text, or poppler's after NFKC when a piece is in a shaped script."""
    if any(_SHAPED[0] <= ch <= _SHAPED[1] for piece in pieces for ch in piece):
        return unicodedata.normalize("NFKC", poppler_text(pdf))
    return pdf_text(pdf)


@pytest.mark.parametrize(("name", "pieces"), HARD_NAMES, ids=[f"n{i}" for i in
                                                              range(len(HARD_NAMES))])
def test_hard_name_as_client(name, pieces, sender) -> None:
    pdf = letters.check_in(sender, Recipient(name, "", "1 Main Street\nTown"), FACTS)
    text = _text_for(pdf, pieces)
    for piece in pieces:
        assert norm(piece) in text, (piece, text[:400])


@pytest.mark.parametrize(("name", "pieces"), HARD_NAMES[:16], ids=[f"c{i}" for i in range(16)])
def test_hard_name_as_contact(name, pieces, sender) -> None:
    pdf = letters.farewell(sender, Recipient("Plain Client Ltd", name, ""),
                           LetterFacts(start_date=date(2024, 1, 1), end_date=date(2026, 12, 31)))
    text = _text_for(pdf, pieces)
    for piece in pieces:
        assert norm(piece) in text, piece


@pytest.mark.parametrize("name", ["Renée & <Sons>", "山田太郎 & Ελένη", "Anna 🦄 Berg 😀 end"])
def test_poppler_agrees(name, sender) -> None:
    text = poppler_text(letters.check_in(sender, Recipient(name), FACTS))
    expected = norm(name.replace("🦄", ""))
    assert expected in text


def test_split_runs_by_script() -> None:
    assert split_runs("Zoë 山田 Ltd") == [(SANS, "Zoë "), (CJK, "山田"), (SANS, " Ltd")]
    assert split_runs("") == []
    assert split_runs("김민준") == [(CJK, "김민준")]


def test_markup_escapes_and_tags_fonts() -> None:
    assert to_markup("Renée & <Sons>") == "Renée &amp; &lt;Sons&gt;"
    assert to_markup("a\nb") == "a<br/>b"
    assert to_markup("X山") == f'X<font name="{CJK}">山</font>'
