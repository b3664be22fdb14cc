"""Pages in languages newsaudit has no pipeline for are said to be so, plainly.

They report their language, keep what is language-neutral (the parts of the page, its
figures in digits with their offsets), run no English stage or check, and carry one
notice, which the CLI prints as one line on stderr with exit 0. A mixed page (an English
article quoting Arabic) stays English. The pages are written for these tests.
"""

from __future__ import annotations

import json

import pytest

from contract import assert_contract
from newsaudit.auditor import Auditor
from newsaudit.cli import main
from newsaudit.errors import Failure
from newsaudit.language import detect

ARABIC = (
    "قال مسؤول في وزارة الصحة يوم الاثنين إن 37 شخصا على الأقل قتلوا في القصف على المدينة، "
    "وأصيب أكثر من 120 آخرين.\n\n"
    "وأضاف أن فرق الإنقاذ ما زالت تبحث عن مفقودين تحت الأنقاض منذ عام 2024."
)
PERSIAN = (
    "یک مقام وزارت بهداشت روز دوشنبه گفت که دست‌کم ۳۷ نفر در بمباران شهر کشته و بیش از "
    "۱۲۰ نفر زخمی شدند.\n\n"
    "او افزود که گروه‌های امداد هنوز زیر آوار به دنبال ۱٬۲۵۰ مفقود می‌گردند."
)
FRENCH = (
    "Au moins 37 personnes ont été tuées lundi dans le bombardement de la ville, a déclaré "
    "un responsable du ministère de la Santé, et plus de 120 autres ont été blessées.\n\n"
    "« Nous n'avons jamais vu une chose pareille », a-t-il ajouté devant la presse."
)
RUSSIAN = (
    "По словам представителя министерства здравоохранения, в понедельник при обстреле "
    "города погибли по меньшей мере 37 человек, ещё более 120 получили ранения.\n\n"
    "«Мы никогда не видели ничего подобного», — добавил он."
)
#: An English article that quotes a resident in Arabic, with a translation.
MIXED = (
    "At least 37 people were killed on Monday when shells hit the city, a health ministry "
    "official said.\n\n"
    "“لا نعرف كم عدد القتلى بعد,” one resident said, meaning that nobody yet knew the "
    "toll. Rescue teams searched the rubble through the night, the official added."
)
#: Figures and their values, in the order they appear, per page.
FIGURES = {
    "ar": (ARABIC, [("37", 37), ("120", 120)]),  # 2024 is a year, not a figure
    "fa": (PERSIAN, [("۳۷", 37), ("۱۲۰", 120), ("۱٬۲۵۰", 1250)]),
    "fr": (FRENCH, [("37", 37), ("120", 120)]),
    "ru": (RUSSIAN, [("37", 37), ("120", 120)]),
}


@pytest.fixture(scope="module")
def auditor():
    return Auditor().load()


@pytest.mark.parametrize("lang", sorted(FIGURES))
def test_foreign_page_is_outlined_not_analysed(auditor, lang):
    text, figures = FIGURES[lang]
    report = auditor.audit(text)
    assert report.document.language == lang
    assert [(q.text, q.value) for q in report.quantities] == figures
    for q in report.quantities:
        assert text[q.start : q.end] == q.text
        assert (q.approx, q.category, q.counted) == ("exact", "other", None)
    # No English stage and no check ran on text they cannot read.
    assert report.attributions == () and report.claims == () and report.figures == ()
    assert report.findings == ()
    assert [n.code for n in report.notices] == ["language_not_analysed"]
    assert f"({lang})" in report.notices[0].message
    assert report.segments and report.segments[0].start == 0
    assert_contract(report.to_dict())


def test_mixed_page_stays_english(auditor):
    report = auditor.audit(MIXED)
    assert report.document.language == "en"
    assert report.notices == ()
    assert report.quantities[0].text == "At least 37 people"  # read as English figures
    assert report.attributions  # the English stages ran


@pytest.mark.parametrize(
    "text",
    [
        "By Maria Okafor",  # a byline scores anything; too short to call foreign
        "Five people died.",
        "The fire in Velna was put out by Tuesday, the mayor said.",
    ],
)
def test_short_english_is_never_called_foreign(text):
    assert detect(text) == "en"


def test_html_page_keeps_its_parts(auditor):
    html = (
        "<html><head><title>قصف المدينة</title></head><body><article>"
        "<h1>مقتل 37 شخصا في قصف على المدينة</h1>"
        f"<p>{ARABIC.split(chr(10))[0]}</p>"
        "<p>وأضاف أن فرق الإنقاذ ما زالت تبحث عن مفقودين تحت الأنقاض.</p>"
        "</article></body></html>"
    )
    report = auditor.audit(html)
    assert report.document.language == "ar"
    assert report.document.input_format == "html"
    assert {s.kind for s in report.segments} >= {"body"}
    assert [q.value for q in report.quantities][:1] == [37]


def test_batch_records_the_notice(auditor):
    results = list(
        auditor.audit_many(
            [("en.txt", MIXED), ("ru.txt", RUSSIAN), ("fr.txt", FRENCH)], errors="record"
        )
    )
    assert not any(isinstance(r, Failure) for r in results)
    assert [r.document.language for r in results] == ["en", "ru", "fr"]  # type: ignore[union-attr]
    assert [len(r.notices) for r in results] == [0, 1, 1]  # type: ignore[union-attr]
    assert results[0].attributions  # type: ignore[union-attr]


@pytest.mark.parametrize("lang", ["ar", "ru"])
def test_cli_prints_one_notice_line_and_exits_0(lang, tmp_path, capsys):
    page = tmp_path / f"{lang}.txt"
    page.write_text(FIGURES[lang][0], encoding="utf-8")
    assert main(["audit", str(page), "--format", "json"]) == 0
    out, err = capsys.readouterr()
    lines = err.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"newsaudit: notice: {page}: the page is in ")
    report = json.loads(out)
    assert report["document"]["language"] == lang
    assert report["notices"][0]["code"] == "language_not_analysed"
    assert report["findings"] == []


def test_cli_prints_nothing_on_stderr_for_english(tmp_path, capsys):
    page = tmp_path / "en.txt"
    page.write_text(MIXED, encoding="utf-8")
    assert main(["audit", str(page), "--format", "json"]) == 0
    assert capsys.readouterr().err == ""
