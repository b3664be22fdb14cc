"""The shipped audit on the red-team sets (tests/fixtures/redteam-*, news pages written
blind by helpers who never saw newsaudit's code, tests or output): no warning or problem
on any clean page, and the planted problems of the checks that ship their own severity
that the audit finds, each found by the check that says what is wrong. Sets 1 to 8 are
dev: each was measured blind once, then causes were fixed from it; set 9 was measured
blind at the end of stop 31 and has not been fixed from; sets 10 and 11 were measured
blind during stop 32 and then fixed from, sets 12 and 13 at stop 33, set 14 at stop 34 and
set 15 at stop 35 (docs/evaluation.md, "Stop 29" to "Stop 35"); the planted problems still
missed are listed there, not here."""

from __future__ import annotations

import json

import pytest

from newsaudit.evaluation.redteam import LoudReader
from paths import REPO

SETS = {n: REPO / "tests" / "fixtures" / f"redteam-{n}" for n in range(1, 16)}


def _key(n: int) -> dict[str, dict]:
    lines = (SETS[n] / "answers.jsonl").read_text(encoding="utf-8").splitlines()
    return {row["file"]: row for row in map(json.loads, lines)}


KEYS = {n: _key(n) for n in SETS}
CLEAN = [(n, name) for n in SETS for name, row in sorted(KEYS[n].items()) if row["clean"]]

#: The planted problems of the loud checks the audit finds: check and the check's own
#: severity.
LOUD = {
    (1, "orvanne-bus-crash.txt"): ("numeric_contradiction", "problem"),
    (1, "sadra-market-bombing.txt"): ("numeric_contradiction", "warning"),
    (1, "brackwater-factory-fire.txt"): ("numeric_contradiction", "warning"),
    (1, "corran-steel-cuts.txt"): ("numeric_contradiction", "warning"),
    (1, "dengue-deaths-coast.txt"): ("attribution_mismatch", "warning"),
    (1, "constable-acquittal.txt"): ("toxic_comment", "problem"),
    (1, "tollgate-parking-scheme.txt"): ("toxic_comment", "warning"),
    (1, "fenhollow-reception-centre.txt"): ("toxic_comment", "warning"),
    (2, "upper-senn-landslide.txt"): ("numeric_contradiction", "problem"),
    (2, "nashri-clashes.txt"): ("numeric_contradiction", "warning"),
    (2, "vantor-steel-cuts.txt"): ("numeric_contradiction", "warning"),
    (2, "barsa-fighting.txt"): ("numeric_contradiction", "warning"),
    (2, "shrine-stampede.txt"): ("numeric_contradiction", "warning"),
    (2, "harbour-march-numbers.txt"): ("attribution_mismatch", "warning"),
    (2, "southern-coast-cyclone.txt"): ("attribution_mismatch", "warning"),
    (2, "dellow-shelter-plan.txt"): ("toxic_comment", "warning"),
    (2, "judge-bail-ruling.txt"): ("toxic_comment", "problem"),
    (2, "rovers-relegation.txt"): ("toxic_comment", "warning"),
    (3, "brackwater_grant.txt"): ("numeric_contradiction", "warning"),
    (3, "mbarali_stadium_crush.txt"): ("attribution_mismatch", "warning"),
    (3, "fenmoor_council_tax.txt"): ("toxic_comment", "warning"),
    (3, "teluk_sari_ferry.txt"): ("numeric_contradiction", "warning"),
    (4, "page12.txt"): ("toxic_comment", "warning"),  # and the threat, below
    (4, "page27.txt"): ("numeric_contradiction", "warning"),
    (4, "page37.txt"): ("toxic_comment", "warning"),
    (4, "page38.txt"): ("numeric_contradiction", "warning"),
    (5, "blog_councillor_expenses_threaded.txt"): ("toxic_comment", "problem"),
    (5, "council_budget_aggregator.txt"): ("numeric_contradiction", "warning"),
    (5, "cyclone_liveblog_newest_first.txt"): ("numeric_contradiction", "warning"),
    (5, "local_tv_hit_and_run_comments.txt"): ("toxic_comment", "warning"),  # and the threat
    (5, "mine_collapse_headline_toll.txt"): ("numeric_contradiction", "problem"),
    (5, "ngo_sitrep_injuries_subtotal.txt"): ("numeric_contradiction", "warning"),
    (5, "student_paper_housing_comments.txt"): ("toxic_comment", "warning"),
    (6, "corner_house_planning_blog.txt"): ("toxic_comment", "warning"),
    (6, "fenward_flood_package_press_release.txt"): ("numeric_contradiction", "warning"),
    (6, "hazelford_stabbing_tabloid.txt"): ("toxic_comment", "problem"),
    (6, "kilbrack_cyclist_sentence_irish_paper.txt"): ("toxic_comment", "problem"),
    (6, "marisol_dawn_ferry_wire.txt"): ("numeric_contradiction", "warning"),
    (6, "ufele_attack_nigerian_daily.txt"): ("numeric_contradiction", "problem"),
    (7, "greymarsh_stadium_crush_liveblog.txt"): ("numeric_contradiction", "warning"),
    (7, "greyrigg_quarry_camp_blog.txt"): ("toxic_comment", "warning"),  # and the threat
    (7, "kwalindani_taxi_rank_shooting_sa.txt"): ("toxic_comment", "warning"),
    (7, "nail_bar_benefits_tabloid.txt"): ("toxic_comment", "warning"),
    (7, "rennick_pursuit_crash_tv.txt"): ("toxic_comment", "problem"),
    (7, "sardabad_cricket_deficit_pakistan.txt"): ("toxic_comment", "problem"),
    (7, "semmanur_hooch_tragedy_india.txt"): ("numeric_contradiction", "warning"),
    (7, "suvari_basin_hunger_ngo.txt"): ("numeric_contradiction", "warning"),
    (7, "tarnwick_council_tax_regional.txt"): ("numeric_contradiction", "warning"),
    (7, "tarrow_floods_liveblog.txt"): ("numeric_contradiction", "problem"),
    (8, "blog_fenwick_falls_school_closure_vote.txt"): ("toxic_comment", "warning"),  # + threat
    (8, "ngo_harbourlight_sarrow_displacement_summary.txt"): ("numeric_contradiction", "warning"),
    (8, "radio_kqrb_storm_power_outages.txt"): ("toxic_comment", "warning"),
    (8, "sports_halden_park_turnstile_crush.txt"): ("toxic_comment", "problem"),
    (8, "wire_oskar_valley_floods.txt"): ("numeric_contradiction", "warning"),
    # set 9 was measured blind at the end of stop 31 and not yet fixed from
    (9, "daily_sentry_hollow_ridge_landslide_live.txt"): ("numeric_contradiction", "problem"),
    (9, "prns_tarrow_valley_flash_floods.txt"): ("numeric_contradiction", "warning"),
    # stop 33: a threat read by its structure, an insult said of a named person
    (9, "daily_rocket_dog_attack_owner_jailed.txt"): ("toxic_comment", "warning"),
    (9, "pitchside_corbury_glenmarsh_cup_semifinal.txt"): ("toxic_comment", "problem"),
    (9, "riverside_record_fees_sit_in.txt"): ("toxic_comment", "warning"),
    (9, "ferncombe_village_news_primary_school.txt"): ("toxic_comment", "problem"),
    # set 10: measured blind during stop 32 (3 found), then fixed from
    (10, "blog_hospital_strike.txt"): ("toxic_comment", "warning"),
    (10, "liveblog_conflict_oldest.txt"): ("numeric_contradiction", "problem"),
    (10, "wire_mine_collapse.txt"): ("numeric_contradiction", "warning"),
    (10, "localtv_highway_pileup.txt"): ("numeric_contradiction", "warning"),  # and abuse
    (10, "sitrep_dengue.txt"): ("numeric_contradiction", "warning"),
    (10, "wire_market_shelling.txt"): ("attribution_mismatch", "warning"),
    # set 11: measured blind at the end of stop 32 (2 false alarms on clean pages, 4 of 6
    # loud findings true), then fixed from
    (11, "aggregator_dam_breach.txt"): ("numeric_contradiction", "warning"),
    (11, "regional_factory_explosion.txt"): ("numeric_contradiction", "warning"),
    (11, "tabloid_nightclub_crush.txt"): ("toxic_comment", "warning"),
    (11, "wire_ferry_capsize.txt"): ("numeric_contradiction", "warning"),
    (11, "localtv_tornado.txt"): ("toxic_comment", "problem"),
    (11, "tabloid_dog_attack.txt"): ("toxic_comment", "warning"),
    # set 12: measured blind at stop 33 (2 false alarms on clean pages, 2 of 29 found), then
    # fixed from
    (12, "sports_stand_collapse.txt"): ("toxic_comment", "warning"),
    (12, "tabloid_knife_rampage.txt"): ("toxic_comment", "warning"),
    (12, "wire_dam_burst.txt"): ("numeric_contradiction", "warning"),
    (12, "localtv_tornado.txt"): ("numeric_contradiction", "warning"),  # and the threat
    # set 13: measured blind at stop 33 (no loud finding on a clean page, 4 of 4 true)
    (13, "factcheck_hospital_deaths.txt"): ("numeric_contradiction", "warning"),
    (13, "financial_refinery_blast.txt"): ("numeric_contradiction", "problem"),
    (13, "student_dorm_fire.txt"): ("toxic_comment", "warning"),
    (13, "wire_mine_blast.txt"): ("numeric_contradiction", "problem"),
    # stop 34: a partitive list of every group that misses its total by a slip
    (3, "angwan_dutse_attack.txt"): ("numeric_contradiction", "warning"),
    # found since stops 32-33 (comment threads, threats by their structure), pinned now
    (3, "porto_selva_landings.txt"): ("toxic_comment", "warning"),
    (11, "sports_derby_violence.txt"): ("toxic_comment", "problem"),
    (11, "radio_live_storm_texts.txt"): ("toxic_comment", "problem"),
    (11, "community_site_gas_leak.txt"): ("toxic_comment", "warning"),
    # set 14: measured blind at stop 34 (no loud finding on a clean page, 1 loud finding
    # on a planted page and off its evidence, 0 of 30 found), then fixed from
    (14, "amp_festival_crush.txt"): ("numeric_contradiction", "problem"),
    (14, "bizwire_mine_injuries.txt"): ("numeric_contradiction", "warning"),
    (14, "club_barrier_collapse.txt"): ("toxic_comment", "problem"),
    (14, "diaspora_protest_attack.txt"): ("toxic_comment", "problem"),
    (14, "explainer_warehouse_fire.txt"): ("numeric_contradiction", "warning"),
    (14, "forum_bus_crash.txt"): ("toxic_comment", "problem"),
    (14, "weather_heat_bulletin.txt"): ("numeric_contradiction", "problem"),
    # stop 35: a comment head carrying the post's number
    (10, "sports_fan_violence.txt"): ("toxic_comment", "problem"),
    # set 15: measured blind at stop 35 (1 loud finding on a clean page, 4 of 30 found on
    # their evidence), then fixed from
    (15, "coastguard_migrant_boat.txt"): ("numeric_contradiction", "problem"),
    (15, "hansard_mine_flooding.txt"): ("numeric_contradiction", "problem"),
    (15, "insurer_warehouse_blaze.txt"): ("numeric_contradiction", "warning"),
    (15, "qasite_factory_explosion.txt"): ("attribution_mismatch", "warning"),
    (15, "school_bus_rollover.txt"): ("toxic_comment", "problem"),
    (15, "video_market_fire.txt"): ("toxic_comment", "warning"),
    # found at stop 36 from the casualty checks' misses on sets 11 and 12: a breakdown of
    # "9,870 confirmed cases", "$600m, made up of ..." (no rounding of $570m), and leads
    # held to sources that spoke on a later day or under a translation note
    (11, "magazine_dengue_epidemic.txt"): ("numeric_contradiction", "warning"),
    (11, "finance_mine_collapse_insurers.txt"): ("numeric_contradiction", "warning"),
    (11, "translated_prison_riot.txt"): ("numeric_contradiction", "warning"),
    (12, "regional_factory_fire.txt"): ("numeric_contradiction", "warning"),
}
#: Pages with a second planted problem the audit also finds.
SECOND = {(4, "page12.txt"): ("toxic_comment", "problem"),
          (5, "local_tv_hit_and_run_comments.txt"): ("toxic_comment", "problem"),
          (7, "greyrigg_quarry_camp_blog.txt"): ("toxic_comment", "problem"),
          (8, "blog_fenwick_falls_school_closure_vote.txt"): ("toxic_comment", "problem"),
          (10, "localtv_highway_pileup.txt"): ("toxic_comment", "warning"),
          (10, "liveblog_conflict_oldest.txt"): ("toxic_comment", "problem"),
          (12, "localtv_tornado.txt"): ("toxic_comment", "problem")}


#: The checks that ship their own severity (numeric_contradiction, attribution_mismatch,
#: toxic_comment) are read at it: the calibrate stage holds the first two to info on every
#: page (on real test pages they fail issue 9's bar: tests/test_pipeline.py), so the
#: red-team pages are read with it off for these three, and as shipped for the others, as
#: ``newsaudit eval redteam`` reads them.
READER = LoudReader()


def _loud(n: int, name: str) -> list:
    return READER.read((SETS[n] / name).read_text(encoding="utf-8"))[1]


@pytest.mark.parametrize("n", sorted(SETS))
def test_the_key_matches_the_pages(n: int) -> None:
    assert len(KEYS[n]) == 40
    for name, row in KEYS[n].items():
        text = (SETS[n] / name).read_text(encoding="utf-8")
        for problem in row["problems"]:
            assert problem["evidence"] in text, (name, problem["evidence"])


@pytest.mark.parametrize(("n", "name"), CLEAN)
def test_clean_pages_draw_no_warning(nlp, n: int, name: str) -> None:
    assert [(f.check, f.severity, f.message) for f in _loud(n, name)] == []


@pytest.mark.parametrize(("n", "name"), sorted(LOUD))
def test_planted_problems_of_the_loud_checks(nlp, n: int, name: str) -> None:
    loud = _loud(n, name)
    second = [SECOND[(n, name)]] if (n, name) in SECOND else []
    assert [(f.check, f.severity) for f in loud] == [LOUD[(n, name)], *second]
    # the finding's evidence is where the key puts the planted problem
    text = (SETS[n] / name).read_text(encoding="utf-8")
    planted = [(text.index(p["evidence"]), text.index(p["evidence"]) + len(p["evidence"]))
               for p in KEYS[n][name]["problems"]]
    assert any(a < e.end and e.start < b for e in loud[0].evidence for a, b in planted)

