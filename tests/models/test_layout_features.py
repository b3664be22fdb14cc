"""Features of the layout model that mark photo captions in plain text
(newsaudit.models.layout.features, featuriser layout-lines-4 to -8, now -9): a line that ends on a
photo credit (``credit_tail``), a line that says what or where the picture shows
(``place_in_picture``), a scene told in the present tense (``scene_verb``) or with no tense
at all (``tenseless``), a person given with their age (``name_age``) and a gallery's counter
(``counter``), and a short open line set right on top of a paragraph, a subheading's shape
(``leads_para``), each with look-alike lines that must not set them; and the two marks of a
comment section laid out without times (``handle``: a user name alone on its line;
``at_reply``: a reply opening on "@name")."""

from __future__ import annotations

import pytest

from newsaudit.line_cues import rows_of
from newsaudit.models.layout.features import FEATURISER_VERSION, featurise


def _feats(line: str) -> dict[str, float]:
    rows, _ = rows_of(line)
    assert len(rows) == 1
    return featurise(rows)[0]


def test_the_featuriser_version_names_the_caption_features():
    assert FEATURISER_VERSION == "layout-lines-9"


@pytest.mark.parametrize("line", [
    "Protesters gather outside the court in Lisbon on Monday. (AP Photo/Rui Alves)",
    "A worker checks a turbine near Aalborg, Denmark, May 2, 2024. REUTERS/Tom Lund/File Photo",
    "Firefighters tackle a blaze near Valencia, Spain, on Saturday. EFE/Jorge Gil",
    "The reservoir at Sau, Catalonia. Photograph: Josep Lago/AFP/Getty Images",
    "The queue outside the chip shop in July. Picture: Rachel Kemp",
    "The old mill on Bridge Street (Image: Google)",
    "Debris on the road into the village. \u00a9 Handout / UNDP/AFP",
    "A man walks past the closed factory. JOHN SMITH/AFP via Getty Images",
    "New homes under construction near Stevenage. Getty Images",
    "Image copyright Getty Images",
    "Credit...Maya Fields for The Times",
    "Edna with her card. Credit: Submitted",
])
def test_a_line_that_ends_on_a_photo_credit_is_a_credit_tail(line):
    assert "credit_tail" in _feats(line)


@pytest.mark.parametrize("line", [
    "The company said it would appeal, a spokesman told Reuters.",
    "The AP reported the story first.",
    "Shares fell 3% in London trading, according to data compiled by Reuters.",
    "He took the photo by the lake: it was the last one he took.",
    "The image of the town has suffered, he said.",
    "She moved from Paris / London in 2001.",
])
def test_a_sentence_that_names_an_agency_or_a_photo_is_no_credit_tail(line):
    assert "credit_tail" not in _feats(line)


@pytest.mark.parametrize("line", [
    "Dani Cole (pictured) arrives at the castle with her father",
    "Neil Tasker (left) with site manager Gail Orme at the new pumping station",
    "Helmsman Andy Keel, centre, with crew members after the rescue",
    "Pictured (l-r): the plant manager, the MP and the chief executive",
    "In this Sept. 10, 2022, photo, a firefighter walks past a burned-out house",
    "Puffins on the cliffs at Mykines. Seen here from the path to the lighthouse",
    "The team poses for a photograph after the final",
    # a present-tense scene with a place in it, no past tense, auxiliary or reporting verb
    "Waves crash over the harbour wall in Porthleven on Sunday afternoon.",
    "Residents wade through a flooded street in Faenza",
])
def test_a_line_that_says_what_the_picture_shows_is_place_in_picture(line):
    assert "place_in_picture" in _feats(line)


@pytest.mark.parametrize("line", [
    "The new rules pose a risk to small firms, the report found.",
    "Police said the man was arrested at the scene in Kelmouth.",
    "The lorry driver is being treated for minor injuries.",
    "\"We told them over and over,\" said Ruth Dalton in Cedar Falls.",
    "He has lived in Bristol since 2001.",
])
def test_a_body_sentence_is_no_place_in_picture(line):
    assert "place_in_picture" not in _feats(line)


@pytest.mark.parametrize("line", [
    "Children watch the dog agility display from the fence",
    "Ken Hollis, 66, sorts the morning's catch on the pier",
    "Volunteers unload sandbags from a trailer outside the hall",
    "my helper (the neighbour's cat) inspecting the compost bins",
    "A protester holds a flare outside the agriculture ministry.",
])
def test_a_scene_in_the_present_tense_is_a_scene_verb(line):
    f = _feats(line)
    assert "scene_verb" in f and "tenseless" in f


@pytest.mark.parametrize("line", [
    "Police said the crowd gathered outside the court on Monday.",
    "The council will hold a meeting on Thursday.",
    "He watched the match from the stand with his son.",
    'Residents told the inquiry: "We stand together."',
    "Bringing it back",  # a subheading opening on a participle
    "Tickets for the train are on sale now.",
    "They queued for hours before the doors opened.",
])
def test_a_report_sentence_is_no_scene_verb(line):
    assert "scene_verb" not in _feats(line)


@pytest.mark.parametrize("line", [
    "Evening light over the creek at Old Hall Marshes.",
    "A falconer with a Harris hawk",
])
def test_a_phrase_without_a_verb_is_tenseless(line):
    assert "tenseless" in _feats(line)


@pytest.mark.parametrize("line", [
    "The committee voted eight to three against the scheme.",
    "Shares are down 2% this morning.",
    "He said the road would reopen on Friday.",
])
def test_a_sentence_with_a_tense_is_not_tenseless(line):
    assert "tenseless" not in _feats(line)


def test_a_person_with_their_age_is_name_age():
    assert "name_age" in _feats("Jim Pettit, 68, walks out to the samphire beds")
    assert "name_age" not in _feats("The company employs 1,400 people at five sites.")


@pytest.mark.parametrize("line", ["1 of 12", "3 / 8", "2/9", "Image 4 of 10"])
def test_a_gallery_counter_is_a_counter(line):
    assert "counter" in _feats(line)


@pytest.mark.parametrize("line", ["Page 1 of 3 of the report", "24/7", "Kick-off 3pm"])
def test_other_numbers_are_no_counter(line):
    assert "counter" not in _feats(line)



def _page(text: str) -> list[dict[str, float]]:
    rows, _ = rows_of(text)
    return featurise(rows)


@pytest.mark.parametrize("line", [
    "Frost on the allotment sheds early this morning",
    "The old bus station building at dusk",
    "Floodwater around the cricket pavilion during the storm",
])
def test_a_noun_in_ing_is_no_scene_participle(line):
    f = _feats(line)
    assert "tenseless" in f and "scene_verb" not in f


def test_a_participle_in_ing_is_still_a_scene_verb():
    assert "scene_verb" in _feats("A volunteer clearing frost from the allotment sheds")


@pytest.mark.parametrize("line", [
    "Copper prices rose for a third day in London trading.",
    "The bridge fell into the river after the second storm.",
    "Councillors met the developers behind closed doors.",
    "Two men fled the scene on a motorbike.",
])
def test_an_irregular_past_is_no_tenseless_scene(line):
    f = _feats(line)
    assert "past" in f and "tenseless" not in f and "scene_verb" not in f


@pytest.mark.parametrize("line", [
    "Smoke rises over the quarry near Buxton on Sunday.",
    "A climber stands on the summit cairn of Great Gable.",
])
def test_a_present_scene_stays_tenseless(line):
    assert "tenseless" in _feats(line) and "past" not in _feats(line)


_SUBHEAD_PAGE = """The county council approved the bypass on Tuesday after a two-hour debate.

The funding gap
The county still needs another two million pounds to finish the road, and officials said bids for the grant close in May.

Lambs shelter behind a wall above the new road

Work on the first section is due to start in the autumn, the council said in a statement.

10:42am
Road reopens
The A590 has reopened in both directions after the earlier crash, and the police have thanked drivers for their patience.
"""


def test_a_short_line_on_top_of_its_paragraph_leads_it():
    rows, _ = rows_of(_SUBHEAD_PAGE)
    feats = dict(zip((r.text for r in rows), _page(_SUBHEAD_PAGE), strict=True))
    subhead = feats["The funding gap"]
    assert subhead["leads_para"] and subhead["leads_para&gapb1"] and subhead["leads_para&plain"]
    assert "leads_para&after_time" in feats["Road reopens"]


def test_a_caption_across_a_blank_line_or_a_sentence_does_not_lead():
    rows, _ = rows_of(_SUBHEAD_PAGE)
    feats = dict(zip((r.text for r in rows), _page(_SUBHEAD_PAGE), strict=True))
    assert "leads_para" not in feats["Lambs shelter behind a wall above the new road"]
    assert "leads_para" not in feats[
        "The county council approved the bypass on Tuesday after a two-hour debate."]


@pytest.mark.parametrize("line", [
    "Children stand outside a flooded school in the river valley.",
    "A volunteer sweeps glass from the damaged shopfront.",
])
def test_a_participle_after_an_article_is_no_past_tense(line):
    assert "past" not in _feats(line)


@pytest.mark.parametrize("line", [
    "The river flooded the school twice in ten years.",
    "Vandals damaged the shopfront overnight.",
])
def test_a_verb_in_ed_after_its_subject_is_past(line):
    assert "past" in _feats(line)


@pytest.mark.parametrize("line", ["carmela_ps", "Dario1978", "JennaR", "true_patriot_77",
                                  "@skeptical_sam"])
def test_a_user_name_alone_on_its_line_is_a_handle(line):
    assert _feats(line).get("handle") == 1


@pytest.mark.parametrize("line", [
    "Reuters", "Comments", "M Okafor", "2024", "U.S.", "By Tasha Greenlee",
    "Mayor Antonella Greco asked the national government for emergency funding.",
])
def test_a_name_word_or_a_sentence_is_no_handle(line):
    assert "handle" not in _feats(line)


def test_a_reply_opening_on_a_user_name_is_an_at_reply():
    assert _feats("@Dario1978 Agreed. And the crews deserve a medal.").get("at_reply") == 1
    assert "at_reply" not in _feats("Email us at news@example.com with your pictures.")
