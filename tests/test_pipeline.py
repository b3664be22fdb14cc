"""The whole analyser, end to end: the seed page, the fixture pages, batches, invariants."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contract import assert_contract
from newsaudit import Report, audit
from paths import PAGES, REPO, SEED

FIXTURE_NAMES = ["conflict", "disaster", "protest", "economy", "health"]


def read(name: str) -> str:
    return (PAGES / f"{name}.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed_report(nlp) -> Report:
    if not SEED.exists():
        pytest.skip(f"seed page not found at {SEED}: the seed tests need ../shared/seed/")
    return audit(SEED.read_bytes(), source=str(SEED))


@pytest.fixture(scope="module")
def seed_every_finding(nlp) -> Report:
    """The seed's report with every finding the checks make (the calibrator off)."""
    if not SEED.exists():
        pytest.skip(f"seed page not found at {SEED}: the seed tests need ../shared/seed/")
    from newsaudit.auditor import Auditor
    from newsaudit.settings import Settings

    off = Auditor(settings=Settings.defaults().merged({"severity.calibrate": "off"}))
    return off.audit(SEED.read_bytes(), source=str(SEED))


def by_text(items, text):
    found = [x for x in items if x.text == text]
    assert found, f"{text!r} not among {[x.text for x in items]}"
    return found[0]


# ---------------------------------------------------------------- the seed ("Done when")


def test_seed_follows_contract(seed_report):
    d = json.loads(seed_report.to_json())
    assert_contract(d)
    assert d["document"]["title"] == "Syria: Iran Admits “Heavy Casualties”"


def test_seed_segments(seed_report):
    kinds = [s.kind for s in seed_report.segments]
    assert kinds[0] == "headline"
    assert [s.text for s in seed_report.segments if s.kind == "caption"] == [
        "The Iranian army in action against ISIS in Syria.",
        "A recent funeral in Tehran for a member of the Revolutionary Guard killed fighting "
        "ISIS in Syria.",
    ]
    assert [s.text for s in seed_report.segments if s.kind == "related"] == ["Recommended For You"]
    comments = [s for s in seed_report.segments if s.kind == "comment"]
    assert len(comments) == 2
    assert comments[0].text.startswith("1. Isis has become") and comments[0].text.endswith(
        "Isis are monsters not humans."
    )
    assert comments[1].text.startswith("2. Muslims fighting Muslim.")
    forms = [s for s in seed_report.segments if s.kind == "form"]
    assert len(forms) == 1 and forms[0].text.startswith("Leave a Reply")
    assert forms[0].text.endswith("Required fields are marked *")
    assert set(kinds) == {"headline", "body", "caption", "related", "comment", "form"}


@pytest.mark.parametrize(
    "text, low, high, approx, category",
    [
        ("at least 700 dead", 700, None, "at_least", "killed"),
        ("several of its soldiers", 3, 9, "vague", "killed"),
        ("13 military advisers", 13, 13, "exact", "killed"),
        ("21 wounded", 21, 21, "exact", "wounded"),
        ("dozens of people", 24, 99, "vague", "killed"),
        ("almost 700 Iranian soldiers", 630, 700, "almost", "killed"),
        ("About 2,000 troops", 1800, 2200, "about", "personnel"),
        ("at least 13 Shia militias", 13, None, "at_least", "count"),
        ("at least 3,000 Iranian military personnel", 3000, None, "at_least", "personnel"),
        ("693", 693, 693, "exact", "killed"),
    ],
)
def test_seed_quantities(seed_report, text, low, high, approx, category):
    q = by_text(seed_report.quantities, text)
    assert (q.low, q.high, q.approx, q.category) == (low, high, approx, category)


def test_seed_dates_and_list_numbers_are_not_quantities(seed_report):
    texts = " | ".join(q.text for q in seed_report.quantities)
    for not_a_quantity in ("May 7", "May 6", "2012", "five-year-old", "1.", "2."):
        assert not any(q.text == not_a_quantity for q in seed_report.quantities), texts


def test_seed_chains(seed_report):
    atts = seed_report.attributions
    fars = [a for a in atts if a.kind == "quoted_as_saying" and a.via and "Fars" in a.via[0].text]
    assert len(fars) == 1
    assert fars[0].source.text == "a Revolutionary Guards official"
    assert fars[0].source.type == "official_anonymous"
    assert fars[0].content.text.startswith("13 military advisers had been killed and 21 wounded")
    sana = [a for a in atts if a.source.text == "Velayati"]
    assert sana and sana[0].kind == "quoted_as_saying" and "SANA" in sana[0].via[0].text
    assert sana[0].quote.startswith("knows that terrorism does not target Syria")
    reuters = [a for a in atts if a.source.text == "Reuters"]
    assert reuters[0].kind == "according_to" and reuters[0].source.type == "outlet"
    assert reuters[0].content.text == "dozens of people were killed in the battle"
    iiss = [a for a in atts if a.source.text and "IISS" in a.source.text]
    assert iiss and iiss[0].kind == "according_to" and iiss[0].source.type == "organisation"


def test_seed_claims_voice(seed_report):
    claims = seed_report.claims
    sweeping = [c for c in claims if c.text.startswith("Contrary to Western propaganda")]
    assert sweeping and sweeping[0].voice == "outlet" and sweeping[0].attribution is None
    fars = [c for c in claims if c.text.startswith("The Fars news agency on May 7")]
    assert fars and fars[0].voice == "attributed"
    att = {a.id: a for a in seed_report.attributions}[fars[0].attribution]
    assert att.source.text == "a Revolutionary Guards official"
    q_texts = {q.id: q.text for q in seed_report.quantities}
    assert [q_texts[i] for i in fars[0].quantities][:2] == ["13 military advisers", "21 wounded"]
    tally = [c for c in claims if "693" in c.text]
    assert tally and tally[0].voice == "outlet"
    kinds = {c.segment for c in claims}
    assert kinds <= {"headline", "body"} and "headline" in kinds


# ---------------------------------------------------------------- fixture pages


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_fixture_pages_follow_contract(name, nlp):
    report = audit(read(name), source=f"{name}.txt")
    assert_contract(report.to_dict())
    assert report.claims, "every fixture page makes checkable claims"
    assert not any(c.segment not in ("headline", "standfirst", "body") for c in report.claims)


@pytest.mark.parametrize(
    "name, quantity, low, high, category, source",
    [
        ("conflict", "At least 42 soldiers", 42, None, "killed", "the defence ministry"),
        ("conflict", "15 of its fighters", 15, 15, "killed", "a field commander"),
        ("disaster", "more than 1,500 people", 1500, None, "people", "the agency"),
        ("protest", "5,000 people", 5000, 5000, "people", "Police"),
        ("economy", "£87 billion", 87e9, 87e9, "money", "the Treasury"),
        ("health", "about 97 percent", 87.3, 100, "percent", "the World Health Organization"),
    ],
)
def test_fixture_figures_and_their_sources(name, quantity, low, high, category, source, nlp):
    report = audit(read(name))
    q = by_text(report.quantities, quantity)
    assert (q.low, q.high, q.category) == (pytest.approx(low) if low else low,
                                          pytest.approx(high) if high else high, category)
    claim = next(c for c in report.claims if q.id in c.quantities)
    assert claim.voice == "attributed"
    att = {a.id: a for a in report.attributions}[claim.attribution]
    assert att.source.text == source


def test_chain_via_broadcaster(nlp):
    report = audit(read("conflict"))
    chain = [a for a in report.attributions if a.kind == "quoted_as_saying"]
    assert [(a.source.text, [v.text for v in a.via]) for a in chain] == [
        ("a field commander", ["The rebel Northern Front"])
    ]


def test_comment_figures_are_not_claims(nlp):
    report = audit((REPO / "examples" / "harbour-strike.txt").read_text(encoding="utf-8"))
    comment_q = [q for q in report.quantities if q.segment == "comment"]
    assert [q.text for q in comment_q] == ["120"]
    assert not any(comment_q[0].id in c.quantities for c in report.claims)


# ---------------------------------------------------------------- the stages


def test_analyse_runs_the_stage_list_in_order(nlp):
    from dataclasses import fields

    from newsaudit import ingest
    from newsaudit.context import DEFAULT_CONTEXT
    from newsaudit.pipeline import STAGES, analyse

    assert [s.name for s in STAGES] == ["anatomy", "quantities", "attributions", "claims",
                                        "figures", "checks", "calibrate"]
    added = {a for s in STAGES for a in s.adds}
    # notices come from pipeline.outline (a page no stage can read) and from the
    # calibrate stage (how many warnings it withheld)
    assert added | {"document", "meta"} == {f.name for f in fields(Report)}
    page = ingest.load_page((REPO / "examples" / "harbour-strike.txt").read_text("utf-8"))
    doc = nlp(page.document.text)
    by_hand = Report(page.document, page.segments)
    for stage in STAGES:
        by_hand = stage.run(by_hand, doc, DEFAULT_CONTEXT)
    assert by_hand.to_dict() == analyse(page, doc).to_dict()
    assert by_hand.findings and by_hand.claims and by_hand.quantities and by_hand.figures


def test_a_stage_needing_what_no_earlier_stage_adds_is_refused():
    from newsaudit.pipeline import STAGES, Stage, check_order

    check_order(STAGES)
    with pytest.raises(ValueError, match="stage 'claims' needs"):
        check_order([s for s in STAGES if s.name != "quantities"])
    with pytest.raises(ValueError, match="a Report has no such field"):
        check_order([*STAGES, Stage("extra", STAGES[0].run, needs=(), adds=("verdict",))])


# ---------------------------------------------------------------- invariants


def _paragraphs() -> list[str]:
    paras: list[str] = []
    for name in FIXTURE_NAMES:
        paras.extend(p for p in read(name).split("\n\n") if p.strip())
    return paras


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(st.sampled_from(_paragraphs()), min_size=1, max_size=12),
    st.sampled_from(["\n\n", "\n", "\n\n\n", "\r\n\r\n"]),
)
def test_every_offset_slices_back(nlp, paras, sep):
    report = audit(sep.join(paras))
    assert_contract(report.to_dict())


# ---------------------------------------------------------------- the audit (all checks)

NINE = {
    "numeric_contradiction": "at least 700 dead",
    "attribution_mismatch": "at least 700 dead",
    "headline_unsupported": "Iran Admits “Heavy Casualties”",
    "quote_integrity": "heavy casualities",
    "unsourced_claim": "Contrary to Western propaganda, only the armed forces of Iran",
    "loaded_language": "propaganda",
    "scare_quotes": "rebels",
    "propaganda_technique": "Western propaganda",
    "toxic_comment": "monsters",
}


@pytest.mark.parametrize("check, evidence", sorted(NINE.items()))
def test_seed_findings_of_every_kind(check, evidence):
    """Each check, run on its own, finds its planted problem on the seed."""
    if not SEED.exists():
        pytest.skip(f"seed page not found at {SEED}")
    found = audit(SEED.read_bytes(), source=str(SEED), checks=[check]).findings
    assert found, f"no {check} finding on the seed"
    assert any(e.text.startswith(evidence) for f in found for e in f.evidence), [
        [e.text for e in f.evidence] for f in found
    ]


#: Planted words two checks flag alike, and the check whose finding the full audit keeps.
ONCE = [
    ("Western propaganda", "propaganda_technique"),  # not also loaded_language's 'propaganda'
    ("rebels", "scare_quotes"),  # not also propaganda_technique's name calling
]


@pytest.mark.parametrize("words, check", ONCE)
def test_seed_reports_each_problem_once(seed_every_finding, words, check):
    """The checks keep one finding per problem (before the calibrator weighs them)."""
    report = seed_every_finding
    start = report.document.text.index(words)
    at = [f.check for f in report.findings if f.evidence
          and f.evidence[0].start < start + len(words) and start < f.evidence[0].end]
    # unsourced_claim flags the whole sentence's sourcing: a different problem, it stays
    assert [c for c in at if c != "unsourced_claim"] == [check]


#: What the default (calibrated) audit of the seed still reports, and at which severity;
#: the checks that held-out judges found mostly wrong are gated: their warnings are info when
#: the calibrator rates them among the few worth a look (one here) and otherwise withheld,
#: the planted headline, scare quote, technique and misspelt quotation among them
#: (docs/evaluation.md, "The severity calibrator" and "The gate"). numeric_contradiction
#: and attribution_mismatch, right 2 times in 7 and 0 in 2 on real test pages, are held to
#: info (``held_to_info.json``).
CALIBRATED = [
    ("numeric_contradiction", "info", "at least 700 dead"),
    ("attribution_mismatch", "info", "The Iranian government"),
    ("unsourced_claim", "info", "which has been powered primarily by western support"),
    ("toxic_comment", "warning", "monsters"),
]


@pytest.mark.parametrize("check, severity, evidence", CALIBRATED)
def test_seed_after_calibration(seed_report, check, severity, evidence):
    assert any(f.check == check and f.severity == severity
               and f.evidence[0].text.startswith(evidence) for f in seed_report.findings), [
        (f.check, f.severity, f.evidence[0].text[:30]) for f in seed_report.findings]


def test_seed_says_how_many_findings_were_withheld(seed_report, seed_every_finding):
    (notice,) = seed_report.notices
    assert notice.code == "findings_withheld"
    shown = {(f.check, f.evidence[0].start) for f in seed_report.findings}
    gone = [f for f in seed_every_finding.findings if (f.check, f.evidence[0].start) not in shown]
    assert notice.message.startswith(f"{len(gone)} possible findings withheld")


def test_seed_comment_findings_point_only_at_comments(seed_report):
    comments = [s for s in seed_report.segments if s.kind == "comment"]
    for f in seed_report.findings:
        in_comment = [any(s.start <= e.start and e.end <= s.end for s in comments)
                      for e in f.evidence]
        assert all(in_comment) if f.check == "toxic_comment" else not any(in_comment), f


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_clean_pages_raise_no_warning(name, nlp):
    report = audit(read(name))
    loud = [(f.check, f.severity, f.message) for f in report.findings if f.severity != "info"]
    assert loud == []


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.one_of(
            st.text(min_size=1, max_size=80),
            st.sampled_from(_paragraphs()),
            st.sampled_from(["“", "”", '"', "‘", "’", "<p>", "</p>", "1.", "at least", "—"]),
        ),
        min_size=1,
        max_size=15,
    ).map(" ".join)
)
def test_any_text_gives_a_report_or_an_input_error(nlp, text):
    """Arbitrary text (stray quote marks, tags, unicode) never crashes a stage."""
    from newsaudit import InputError

    try:
        report = audit(text)
    except InputError:
        return
    assert_contract(report.to_dict())


def test_claim_keeps_an_opening_quote_the_parser_split_off(nlp):
    report = audit("Clinic Closes\n\n“Reforms” have closed every clinic in the province.\n")
    assert [c.text for c in report.claims if c.segment == "body"] == [
        "“Reforms” have closed every clinic in the province."
    ]


def test_a_check_held_to_info_ships_its_findings_as_info(nlp):
    """numeric_contradiction failed issue 9's bar on the judged test pages (2 of 7), so the
    default audit shows its findings as info (so does attribution_mismatch's, 0 of 2); ``--all-findings`` (the calibrate stage off)
    shows the check's own severity. The held list and its measurement are data."""
    from newsaudit import audit
    from newsaudit.auditor import Auditor
    from newsaudit.calibration import held_to_info
    from newsaudit.datafiles import load_json
    from newsaudit.settings import Settings

    assert held_to_info() == {"numeric_contradiction", "attribution_mismatch"}
    measured = load_json("held_to_info.json")["held"]["numeric_contradiction"]
    assert measured["precision"] < 0.6
    page = ("Blast kills 43 in market\n\nThe blast killed 41 people in the central market on "
            "Friday, police said. Rescue teams searched the rubble through the night.\n")
    shipped = [(f.check, f.severity) for f in audit(page).findings
               if f.check == "numeric_contradiction"]
    off = Auditor(settings=Settings.defaults().merged({"severity.calibrate": "off"}))
    own = [(f.check, f.severity) for f in off.audit(page).findings
           if f.check == "numeric_contradiction"]
    assert (shipped, own) == ([("numeric_contradiction", "info")],
                              [("numeric_contradiction", "problem")])
