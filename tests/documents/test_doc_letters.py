"""Letters rendered for real and read back: text, fonts, page size, window, metadata."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date

import pytest
from doc_pdfcheck import make_sender, norm, page_texts, pdf_text, poppler_text, reader

from goodbye_desktop import clock
from goodbye_desktop.documents import letters
from goodbye_desktop.documents.letters import LETTER_KINDS, render_letter
from goodbye_desktop.documents.values import LetterFacts, Recipient, Sender
from goodbye_desktop.errors import TemplateError, ValidationError

MM = 72 / 25.4

KEY_SENTENCES = {
    "farewell": ["I respect your decision", "my door is open"],
    "parting_ways": ["part ways", "36 days", "31 December 2026", "whose work I trust"],
    "transition_plan": ["Transition plan for Renée & <Sons> Ltd", "Date Step Who Status"],
    "exit_interview_request": ["Sam Patel will ask", "Tuesday 8 December 2026, 10:00",
                               "learn what worked"],
    "check_in": ["I am not writing to offer anything"],
    "keep_in_touch": ["free packaging workshop"],
    "feedback_thanks": ["turnaround was too slow", "taken on an assistant"],
}


@pytest.mark.parametrize("kind", list(LETTER_KINDS))
def test_each_kind_prints_names_and_key_sentences(kind, sender, recipient, facts) -> None:
    pdf = render_letter(kind, sender, recipient, facts)
    text = pdf_text(pdf)
    assert "Renée & <Sons> Ltd" in text
    assert "Zoë Łukasiewicz" in text
    assert "Dear Zoë," in text
    assert "Harbour Lane Studio" in text
    assert "Alex Morgan" in text
    assert "25 November 2026" in text
    for sentence in KEY_SENTENCES[kind]:
        assert sentence in text, sentence
    assert "Page 1 of" not in text  # one page: no page numbers
    assert len(reader(pdf).pages) == 1


def test_one_function_per_kind(sender, recipient, facts) -> None:
    functions = [letters.farewell, letters.parting_ways, letters.exit_interview_request,
                 letters.check_in, letters.keep_in_touch, letters.feedback_thanks]
    for function in functions:
        assert pdf_text(function(sender, recipient, facts)).count("Renée & <Sons> Ltd") >= 1


def test_fonts_are_embedded_truetype_subsets(sender, recipient, facts) -> None:
    pdf = letters.farewell(sender, Recipient("山田太郎 & Ελένη", "Дмитрий"), facts)
    names = []
    for page in reader(pdf).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            names.append(str(font["/BaseFont"]))
            assert "/FontFile2" in font["/FontDescriptor"], font["/BaseFont"]
            assert "/ToUnicode" in font
    assert any("DejaVuSans" in n for n in names)
    assert any("WenQuanYi" in n or "wqy" in n.lower() for n in names), names
    assert not any("Helvetica" in n or "Times" in n for n in names)


def test_pdffonts_lists_only_embedded_fonts(sender, recipient, facts) -> None:
    if shutil.which("pdffonts") is None:
        pytest.skip("poppler-utils (pdffonts) is not installed")
    pdf = letters.farewell(sender, Recipient("김민준 さくら", "Zoë"), facts)
    out = subprocess.run(["pdffonts", "-"], input=pdf, capture_output=True, check=True)
    rows = out.stdout.decode().splitlines()[2:]
    assert len(rows) >= 3
    for row in rows:
        assert row.split()[-5] == "yes", row  # the "emb" column


@pytest.mark.parametrize(
    ("changes", "size"),
    [
        ({"locale": "en_GB"}, (595.28, 841.89)),
        ({"locale": "de_DE"}, (595.28, 841.89)),
        ({"locale": "en_US"}, (612, 792)),
        ({"locale": "fr_CA"}, (612, 792)),
        ({"locale": "en_US", "page_size": "A4"}, (595.28, 841.89)),
        ({"locale": "en_GB", "page_size": "Letter"}, (612, 792)),
    ],
)
def test_page_size(changes, size, recipient, facts) -> None:
    pdf = letters.check_in(make_sender(**changes), recipient, facts)
    box = reader(pdf).pages[0].mediabox
    assert float(box.width) == pytest.approx(size[0], abs=0.1)
    assert float(box.height) == pytest.approx(size[1], abs=0.1)


def test_unknown_page_size_is_a_validation_error(recipient, facts) -> None:
    with pytest.raises(ValidationError) as err:
        letters.check_in(make_sender(page_size="A5"), recipient, facts)
    assert err.value.field == "page_size"


@pytest.mark.parametrize(
    ("locale", "written"),
    [("en_GB", "25 November 2026"), ("en_US", "November 25, 2026"),
     ("de_DE", "25. November 2026")],
)
def test_date_in_the_owner_locale(locale, written, recipient, facts) -> None:
    text = pdf_text(letters.check_in(make_sender(locale=locale), recipient, facts))
    assert written in text


def _positions(pdf: bytes) -> dict[str, tuple[float, float]]:
    """Where each text run starts on page 1 (x, y from the bottom), from pypdf's visitor."""
    found: dict[str, tuple[float, float]] = {}

    def visit(text, cm, tm, font_dict, font_size):
        if text.strip():
            found.setdefault(text.strip(), (tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5]))

    reader(pdf).pages[0].extract_text(visitor_text=visit)
    return found


def test_address_sits_in_the_din_5008_window_on_a4(sender, facts) -> None:
    pdf = letters.check_in(sender, Recipient("Window Test Ltd", "", "1 Street\nTown"), facts)
    x, y = _positions(pdf)["Window Test Ltd"]
    top = 841.89 - y
    assert 20 * MM <= x <= 30 * MM
    assert (45 + 17.7) * MM <= top <= 90 * MM  # below the return line, inside the field
    ret = _positions(pdf)
    line = next(k for k in ret if k.startswith("Harbour Lane Studio · 14 Harbour Lane"))
    assert 45 * MM <= 841.89 - ret[line][1] <= (45 + 17.7) * MM


def test_address_sits_in_the_number_10_window_on_letter(facts) -> None:
    pdf = letters.check_in(make_sender(locale="en_US"), Recipient("Window Test Inc", "", ""),
                           facts)
    x, y = _positions(pdf)["Window Test Inc"]
    assert 0.875 * 72 <= x <= 1.5 * 72
    assert 2.0 * 72 <= 792 - y <= 3.125 * 72


def test_metadata(sender, recipient, facts) -> None:
    meta = reader(letters.farewell(sender, recipient, facts)).metadata
    assert meta.title == "Thank you, and a smooth handover"
    assert meta.author == "Harbour Lane Studio"
    assert meta.subject == LETTER_KINDS["farewell"]
    assert meta.creator == "Goodbye Desktop"


def test_owner_template_and_markup_in_it_is_text(sender, recipient, facts) -> None:
    template = ("Subject: <b>Not bold</b> & more\n\nHello {client_name}, a <font> tag and "
                "&amp; stay text.\n\nSecond paragraph {{braces}}.")
    text = pdf_text(letters.check_in(sender, recipient, facts, template=template))
    assert "<b>Not bold</b> & more" in text
    assert "Hello Renée & <Sons> Ltd, a <font> tag and &amp; stay text." in text
    assert "Second paragraph {braces}." in text
    assert "Kind regards," in text


def test_broken_owner_template_is_refused(sender, recipient, facts) -> None:
    with pytest.raises(TemplateError, match="clinet_name"):
        letters.farewell(sender, recipient, facts, template="Subject: x\n\n{clinet_name}")


def test_logo_and_signature_images(tmp_path, recipient, facts) -> None:
    pil = pytest.importorskip("PIL.Image")
    import io

    def png(size, colour):
        buf = io.BytesIO()
        pil.new("RGBA", size, colour).save(buf, "PNG")
        return buf.getvalue()

    sender = make_sender(logo=png((300, 120), (20, 60, 120, 255)),
                         signature=png((400, 120), (0, 0, 0, 0)))
    pdf = letters.farewell(sender, recipient, facts)
    images = [img for page in reader(pdf).pages for img in page.images]
    assert len(images) == 2
    with pytest.raises(ValidationError) as err:
        letters.farewell(make_sender(logo=b"not an image"), recipient, facts)
    assert err.value.field == "logo"


def test_long_letter_gets_page_numbers(sender, recipient, facts) -> None:
    body = "\n\n".join(f"Paragraph {i}. " + "Some words to fill the line. " * 12
                       for i in range(25))
    pdf = letters.check_in(sender, recipient, facts, template="Subject: Long\n\n" + body)
    pages = page_texts(pdf)
    assert len(pages) >= 3
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in text


def test_poppler_reads_the_same_text(sender, recipient, facts) -> None:
    text = poppler_text(letters.farewell(sender, recipient, facts))
    assert "Renée & <Sons> Ltd" in text
    assert "Dear Zoë," in text


def test_cjk_font_is_loaded_only_when_needed() -> None:
    """In a fresh process a Latin-only letter never loads the 5 MB CJK font."""
    import sys

    code = (
        "from datetime import date\n"
        "from goodbye_desktop.documents import fonts, letters\n"
        "from goodbye_desktop.documents.values import *\n"
        "s = Sender('Acme', 'Jo')\n"
        "letters.check_in(s, Recipient('Zoë'), LetterFacts(end_date=date(2026, 1, 1)))\n"
        "assert not fonts.cjk_registered()\n"
        "letters.check_in(s, Recipient('山田'), LetterFacts(end_date=date(2026, 1, 1)))\n"
        "assert fonts.cjk_registered()\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


def test_letter_date_defaults_to_today(recipient) -> None:
    pdf = letters.check_in(Sender("Acme"), recipient, LetterFacts(end_date=date(2026, 1, 1)))
    from goodbye_desktop.documents.i18n import format_date

    assert format_date(clock.today(), "en_GB") in norm(pdf_text(pdf))
