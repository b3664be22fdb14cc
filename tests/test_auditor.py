"""The Auditor: one object holding the pipeline, settings and models; three doors with the
same options; batches that record failures; module-level functions over a default one."""

from __future__ import annotations

import inspect
from types import SimpleNamespace

import pytest

import newsaudit
from newsaudit import Auditor, EmptyInput, Failure, InputTooLarge, Report, SettingsError
from newsaudit.auditor import default_auditor
from newsaudit.checks import registry
from newsaudit.context import Models
from newsaudit.errors import ModelError
from paths import CHECKS, EXAMPLE, PAGES

OPTIONS = {"checks", "fmt", "max_bytes"}


def read(name: str) -> str:
    return (PAGES / f"{name}.txt").read_text(encoding="utf-8")


def fixture(name: str) -> str:
    return (CHECKS / f"{name}.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def auditor(nlp) -> Auditor:
    return Auditor()


def _params(fn) -> set[str]:
    return {p.name for p in inspect.signature(fn).parameters.values()
            if p.kind is inspect.Parameter.KEYWORD_ONLY}


def test_the_three_doors_take_the_same_options():
    for door in (Auditor.audit, Auditor.audit_path, Auditor.audit_many):
        assert OPTIONS <= _params(door), door
    for name in ("audit", "audit_path", "audit_many"):
        method, function = getattr(Auditor, name), getattr(newsaudit, name)
        assert _params(function) == _params(method) | {"model"}, name


def test_the_three_doors_give_the_same_report(auditor, tmp_path):
    path = tmp_path / "health.txt"
    path.write_text(read("health"), encoding="utf-8")
    one = auditor.audit(read("health"), source=str(path))
    assert auditor.audit_path(path).to_dict() == one.to_dict()
    (many,) = auditor.audit_many([(str(path), read("health"))])
    assert isinstance(many, Report) and many.to_dict() == one.to_dict()
    assert one.findings or one.claims


def test_module_functions_delegate_to_a_default_auditor(auditor):
    assert default_auditor() is default_auditor()
    text = read("protest")
    assert newsaudit.audit(text).to_dict() == auditor.audit(text).to_dict()


def test_checks_option_on_the_auditor_and_on_each_call(nlp):
    text = EXAMPLE.read_text(encoding="utf-8")
    scare = Auditor(checks=["scare_quotes", "quote_integrity"])
    assert [c.name for c in scare.checks] == ["scare_quotes", "quote_integrity"]
    assert [c.name for c in Auditor().checks] == sorted(registry())
    assert {f.check for f in scare.audit(text).findings} == {"scare_quotes", "quote_integrity"}
    assert scare.audit(text, checks=()).findings == ()
    assert {f.check for f in scare.audit(text, checks=["quote_integrity"]).findings} == {
        "quote_integrity"
    }
    with pytest.raises(SettingsError, match="unknown check 'no_such_check'"):
        Auditor(checks=["no_such_check"])
    with pytest.raises(SettingsError, match="unknown check 'nope'"):
        scare.audit(text, checks=["nope"])


def test_size_limit_on_the_auditor_and_on_each_call(nlp):
    small = Auditor(max_bytes=100)
    text = read("disaster")
    with pytest.raises(InputTooLarge, match="limit is 100 bytes"):
        small.audit(text)
    assert small.audit(text, max_bytes=1_000_000).quantities
    with pytest.raises(SettingsError, match="input.max_bytes must be at least 1"):
        small.audit(text, max_bytes=0)


def test_input_format_option(auditor):
    html = "<html><body><h1>Port Shut</h1><p>Dockers walked out on Monday, the union said.</p>" \
           "</body></html>"
    assert auditor.audit(html).document.input_format == "html"
    as_text = auditor.audit(html, fmt="text")
    assert as_text.document.input_format == "text" and "<h1>" in as_text.document.text
    assert Auditor(fmt="text").audit(html).document.text == as_text.document.text


def test_settings_decide_severities(nlp):
    text = fixture("loaded_own_voice")
    default = [f.severity for f in Auditor(checks=["loaded_language"]).audit(text).findings]
    assert default == ["info", "warning"]
    lenient = Auditor(settings=newsaudit.Settings.defaults().merged(
        {"loaded_language.warning_score": 1.0}), checks=["loaded_language"])
    # the tagger's words fall to info (one info finding a page is kept); "the regime's
    # thugs", a label on people in the page's voice, does not rest on the tagger's score
    assert [(f.severity, [e.text for e in f.evidence]) for f in lenient.audit(text).findings
            ] == [("info", ["Thugs"]), ("warning", ["thugs", "shameless", "brutality"])]
    quiet = lenient.settings.merged({"loaded_language.report_score": 1.0})
    assert [[e.text for e in f.evidence] for f in Auditor(settings=quiet).audit(
        text, checks=["loaded_language"]).findings] == [["thugs"]]


def test_settings_come_from_the_user_file(nlp, tmp_path):
    config = tmp_path / "config.toml"
    config.write_text("[checks]\nrun = ['unsourced_claim']\n\n[unsourced_claim]\n"
                      "sweeping_warning_score = 0.99\n", encoding="utf-8")
    report = Auditor(config=config).audit(fixture("unsourced_fire"))
    assert [(f.check, f.severity) for f in report.findings] == [
        ("unsourced_claim", "warning")
    ]  # the sweeping claim falls below the threshold; the statistic's warning does not depend on it
    with pytest.raises(TypeError, match="settings or config"):
        Auditor(settings=newsaudit.Settings.defaults(), config=config)


class _Stance:
    """A stance model of one's own: the seam tests use instead of patching."""

    def __init__(self, **probs: float) -> None:
        self.probs = {"agree": 0.0, "disagree": 0.0, "discuss": 0.0, "unrelated": 0.0, **probs}

    def predict(self, pairs):
        return [SimpleNamespace(probs=self.probs) for _ in pairs]


def test_models_of_ones_own(nlp):
    """The stance model a caller passes is the one the check consults: a reading of
    "disagree" raises a structural finding to a problem, and with no model, or one that
    agrees, the structure alone stands."""
    text = fixture("headline_no_statement")
    without = Auditor(models=Models(stance=None), checks=["headline_unsupported"])
    assert [f.severity for f in without.audit(text).findings] == ["warning"]
    agreeing = Auditor(models=Models(stance=_Stance(agree=1.0)), checks=["headline_unsupported"])
    assert [f.severity for f in agreeing.audit(text).findings] == ["warning"]
    disputing = Auditor(models=Models(stance=_Stance(disagree=0.9)))
    (found,) = disputing.audit(text, checks=["headline_unsupported"]).findings
    assert found.severity == "problem"
    assert "contradicting the headline" in found.message and "p=0.90" in found.message
    shipped = Auditor(checks=["headline_unsupported"]).audit(text)
    assert [f.evidence[0].text for f in shipped.findings] == ["Mayor Admits City Budget Shortfall"]


def test_models_refuse_unknown_names_and_report_missing_ones():
    with pytest.raises(TypeError, match="unknown model 'sentiment'"):
        Models(sentiment=object())
    with pytest.raises(ModelError) as info:
        _ = Models(toxicity=None).toxicity
    assert info.value.to_dict()["code"] == "model_unavailable"


def test_load_holds_every_model(nlp):
    auditor = Auditor(models=Models(stance=None)).load()
    for name in ("checkworthy", "loaded", "propaganda", "toxicity"):
        assert auditor.models.get(name) is auditor.models.get(name)
    with pytest.raises(ModelError):
        _ = auditor.models.stance


# ---------------------------------------------------------------- batches


def test_audit_many_matches_audit_and_records_failures(auditor):
    huge = "Thirty people were hurt in the blast on Monday.\n\n" * 22_000  # over 1M chars
    pages = [("a.txt", read("conflict")), ("empty.txt", b""), ("b.txt", read("health")),
             ("huge.txt", huge)]
    results = list(auditor.audit_many(pages, errors="record"))
    assert [type(r).__name__ for r in results] == ["Report", "Failure", "Report", "Failure"]
    assert results[3].code == "input_too_large" and "characters" in results[3].message
    failure = results[1]
    assert isinstance(failure, Failure)
    assert failure.to_dict() == {"code": "input_empty", "message": "file is empty",
                                 "source": "empty.txt"}
    single = auditor.audit(read("health"), source="b.txt")
    assert results[2].to_dict() == single.to_dict()


def test_audit_many_raises_by_default(auditor):
    with pytest.raises(EmptyInput):
        list(auditor.audit_many([read("conflict"), "   "]))


def test_audit_many_small_batches_keep_order(auditor):
    names = ["conflict", "disaster", "protest", "economy", "health"]
    results = list(auditor.audit_many([(n, read(n)) for n in names], batch_size=1,
                                      checks=()))
    assert [r.document.source for r in results] == names
    assert all(r.findings == () for r in results)


def test_audit_many_refuses_an_unknown_error_mode(auditor):
    with pytest.raises(ValueError, match="errors must be"):
        auditor.audit_many([], errors="ignore")
