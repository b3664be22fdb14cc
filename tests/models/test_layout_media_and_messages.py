"""Two decoding rules over the layout model's tags: the caption of a video the article
embeds ("VIDEO: Crews battle flames ..."), and listeners' or readers' messages on a live
page, each its own comment ("\"Tree down on Mill Lane.\" - Tony", "From Ana in Kell: ...")."""

from __future__ import annotations

import pytest

from newsaudit.anatomy import segment_text
from newsaudit.line_cues import rows_of
from newsaudit.models.layout.decoding import listener_messages, video_captions

HEAD = ("Valley News Radio\n\nHome | News | Sport | Listen live\n\n"
        "Storm Brann: roads closed as river rises in Kelby\n\nBy Jo Reed\n\n"
        "Updated 14:05, 3 March 2026\n\n")
BODY = ("The Environment Agency issued a severe flood warning for the river at Kelby on "
        "Monday, the first in the valley since 2015.\n\n"
        "Police closed the A61 between Kelby and Dunmoor after water covered the road, the "
        "force said.\n\n"
        "The council said 40 homes had been evacuated overnight and a rest centre was open "
        "at the leisure centre.\n\n")
TAIL = "More from Valley News\n\nSchool closures: the full list\n\nPrivacy | Cookies | Terms\n"


def kinds(page: str) -> list[tuple[str, str]]:
    return [(s.kind, s.text) for s in segment_text(page)]


def kind_of(page: str, line: str) -> str:
    return next(k for k, t in kinds(page) if line in t)


@pytest.mark.parametrize("line", [
    "VIDEO: Crews battle flames at Larkspur Apartments early Sunday (Courtesy: Tom Gaddis)",
    "Video: Floodwater pours over the weir at Kelby on Monday morning",
    "Watch: Drone footage shows the extent of the flooding around Dunmoor",
])
def test_a_lone_video_line_beside_the_article_is_its_caption(line: str) -> None:
    page = HEAD + BODY.replace("2015.\n\n", f"2015.\n\n{line}\n\n", 1) + TAIL
    assert kind_of(page, line) == "caption"


@pytest.mark.parametrize("line", [
    "Watch live: the latest from the flood zone",  # a promo
    "Video: Signing Day 2019",  # a title
])
def test_promos_and_titles_are_not_made_captions(line: str) -> None:
    rows, _ = rows_of(HEAD + BODY.replace("2015.\n\n", f"2015.\n\n{line}\n\n", 1) + TAIL)
    tags = ["body"] * len(rows)
    assert video_captions(rows, tags) == tags


def test_a_list_of_videos_is_not_captions() -> None:
    """Runs of "Video:" lines are a site's other videos, as the model reads them."""
    videos = ("Video: Kelby residents rescued by boat from their flooded homes\n"
              "Video: Farmers move sheep to higher ground as the river rises\n")
    rows, _ = rows_of(HEAD + BODY + videos + TAIL)
    tags = ["body"] * len(rows)
    out = video_captions(rows, tags)
    at = [i for i, r in enumerate(rows) if r.text.startswith("Video:")]
    assert [out[i] for i in at] == ["body", "body"]


def test_messages_under_a_head_are_each_a_comment() -> None:
    messages = ("YOUR MESSAGES - texts to 81234\n"
                "\"Tree down across Mill Lane in Ashcombe, blocking both ways.\" - Tony\n"
                "\"No power in Upper Kelby since 4am. Check on your neighbours.\" - Bev, Kelby\n"
                "\n")
    page = HEAD + BODY + messages + "The river is expected to peak at 6pm.\n\n" + TAIL
    comments = [t for k, t in kinds(page) if k == "comment"]
    assert comments == [
        "\"Tree down across Mill Lane in Ashcombe, blocking both ways.\" - Tony",
        "\"No power in Upper Kelby since 4am. Check on your neighbours.\" - Bev, Kelby",
    ]
    assert kind_of(page, "The river is expected to peak") == "body"


@pytest.mark.parametrize("sender", [
    "From Marianne in Colby Flats:", "Dave on Upper Harmon Road:", "From a listener in Kelby:",
])
def test_a_message_that_names_its_sender_under_a_listener_text_head(sender: str) -> None:
    entry = f"14:20 \u2014 Listener text\n{sender} Water is at the doorstep now, we are going up to the loft.\n\n"
    page = HEAD + BODY + entry + "14:40\nThe council opened a second rest centre.\n\n" + TAIL
    assert kind_of(page, sender) == "comment"
    assert kind_of(page, "The council opened a second rest centre") == "body"


def test_one_signed_quote_in_the_body_is_a_pull_quote_not_a_message() -> None:
    """One quoted line signed with a dash, under no head, stays what the model says; a
    colon line under no head is no message; the end of the messages is the first line
    that is none."""
    pull = "\"We have never seen the river this high.\" - Ann Cole, Kelby parish council"
    rows, _ = rows_of(HEAD + BODY + pull + "\n\n" + TAIL)
    tags = ["body"] * len(rows)
    assert listener_messages(rows, tags) == tags
    lines = ("Your texts", "\"Sandbags held at the pub, just.\" - Mark, Kelby",
             "Council tax bills: what the rise means for your band")
    rows, _ = rows_of("\n".join(lines) + "\n")
    assert listener_messages(rows, ["boilerplate", "body", "related"]) == [
        "boilerplate", "comment_start", "related"]


@pytest.mark.parametrize(("line", "kind"), [
    ("READER COMMENTS (on this translation)", "comment_header"),
    ("FORUM: Discuss this story (4 posts)", "comment_header"),
    ("Post #1 by old_miller \u00bb Sun 20 Oct 2024, 09:12", "comment_start"),
    ("#2  QuayStreetLoyal", "comment_start"),
    ("\u21b3 Doug_in_Harbour", "comment_start"),
    ("#5 in the charts this week", None),
    ("Post 3 by the river", None),
    # a picture's bracketed label over its caption
    ("[Figure 1] The aircraft after recovery, on the quay at Halvick. (TAIB)", "caption"),
    ("[Episode art] Rescuers at the shaft head on day 12. Photo: Tom Eck", "caption"),
])
def test_forum_and_thread_cues(line: str, kind: str | None) -> None:
    """A thread's head with its count in brackets, a forum's "Post #1 by name » date",
    a numbered handle and a reply arrow are comment cues (features for the model)."""
    from newsaudit.line_cues import line_kind

    assert line_kind(line) == kind


def test_a_thread_of_bare_handles_under_a_comment_head() -> None:
    """Under "Have your say", a line that is only a handle opens a comment and the
    indented lines under it are that comment; a reply arrow opens one too; the thread ends
    at the first line the cue lists call something else."""
    from newsaudit.models.layout.decoding import handle_threads

    lines = ["Have your say", "   Doug_in_Harbour", "   Twenty-six years I've waited for that.",
             "   RefWatcher71", "   Stonewall pen for me too.", "      \u21b3 Doug_in_Harbour",
             "      Hope you're alright.", "Post a comment (registered users only)",
             "More football", "Transfer rumours: the Sunday round-up"]
    rows, _ = rows_of("\n".join(lines) + "\n")
    tags = ["boilerplate", "body", "body", "body", "body", "form", "form", "form",
            "related", "related"]
    assert handle_threads(rows, tags) == [
        "boilerplate", "comment_start", "comment", "comment_start", "comment",
        "comment_start", "comment", "form", "related", "related"]
    # with no comment head above them, handles are left to the model
    assert handle_threads(rows[1:], tags[1:]) == tags[1:]


def test_a_reader_message_head_over_one_quotation_and_over_signed_lines() -> None:
    lines = ["12:40", "Reader messages",
             "We've asked readers to send us their messages. A selection, lightly edited:",
             "Ana in Sarovo: \"We heard four explosions.\"",
             "Tomas, Lower Harbour: \"The bus depot is where my brother works.\"",
             "13:05", "Reader message", "\"The water is at the second step and rising.\"",
             "13:20", "The council opened a rest centre."]
    rows, _ = rows_of("\n".join(lines) + "\n")
    tags = ["dateline", "body", "body", "body", "body", "dateline", "body", "body",
            "dateline", "body"]
    assert listener_messages(rows, tags) == [
        "dateline", "body", "body", "comment_start", "comment_start", "dateline", "body",
        "comment_start", "dateline", "body"]


def test_the_line_under_a_picture_placeholder_is_its_caption() -> None:
    """"[Photograph]" on its own line, then the caption, however many sentences and
    verbs it has; a paragraph after a blank line is the article's."""
    caption = ("Ana Keller in her rebuilt kitchen on Mill Street, Kelby. She lost her husband "
               "and both her neighbours.")
    page = HEAD + BODY.replace("2015.\n\n", f"2015.\n\n[Photograph]\n{caption}\n\n", 1) + TAIL
    assert kind_of(page, "Ana Keller in her rebuilt kitchen") == "caption"
    apart = HEAD + BODY.replace("2015.\n\n", f"2015.\n\n[Photograph]\n\n{caption}\n\n", 1) + TAIL
    assert kind_of(apart, "Ana Keller in her rebuilt kitchen") != "caption"


def test_a_video_line_over_its_bracketed_credit_is_a_caption() -> None:
    rows, _ = rows_of("Read at The National Chronicle\n\nVideo: Drone footage shows the scale "
                      "of the Tamsa landslide\n(THE NATIONAL CHRONICLE \u00b7 1:58)\n")
    assert video_captions(rows, ["related", "boilerplate", "boilerplate"]) == [
        "related", "caption", "boilerplate"]



def test_replies_headed_by_handle_and_time_are_comments_each_its_own() -> None:
    """A community board prints its replies as "@handle · time" over the text, with no
    "Comments" head: each head opens a comment, the thread ends at the reply form."""
    thread = ("@gina_t  \u00b7  Sat 10:15\nHope the passengers are OK. Thanks for posting "
              "the actual facts.\n\n"
              "@Rob_K  \u00b7  Sat 10:31\nThat stretch is lethal, no street lights and everyone "
              "does fifty.\n\n"
              "    @kelby_watch replying to @Rob_K  \u00b7  Sat 10:40\n    Agree, worth raising "
              "at the parish council on the 19th.\n\n"
              "Reply as guest?  You need an account to reply. [Sign up] [Log in]\n\n")
    page = HEAD + BODY + thread + TAIL
    comments = [t for k, t in kinds(page) if k == "comment"]
    assert [c.split("\n")[0].strip() for c in comments] == [
        "@gina_t  \u00b7  Sat 10:15", "@Rob_K  \u00b7  Sat 10:31",
        "@kelby_watch replying to @Rob_K  \u00b7  Sat 10:40"]
    assert "Hope the passengers are OK" in comments[0]
    assert kind_of(page, "The council said 40 homes") == "body"


def test_name_and_date_lines_with_no_handle_are_left_to_the_model() -> None:
    """A live page may sign its own entries "Jane Roe — 14:32": with no handle among the
    heads and no comment read in the run, the rule leaves them alone."""
    from newsaudit.models.layout.decoding import stamped_threads

    lines = ["Storm live: river peaks in Kelby", "The river rose all morning, the agency said.",
             "Jo Reed \u2014 14:32", "The A61 is closed at Dunmoor, police said.",
             "Sam Hale \u2014 14:50", "The rest centre has room for 200 more people."]
    rows, _ = rows_of("\n".join(lines) + "\n")
    tags = ["headline", "body", "byline", "body", "byline", "body"]
    assert stamped_threads(rows, tags) == tags
    # the same heads as handles are a thread
    handles = [line.replace("Jo Reed", "jo_reed").replace("Sam Hale", "SamH77")
               for line in lines]
    rows, _ = rows_of("\n".join(handles) + "\n")
    assert stamped_threads(rows, tags) == [
        "headline", "body", "comment_start", "comment", "comment_start", "comment"]


def test_a_forum_s_numbered_replies_are_comments_up_to_the_rule_after_the_last() -> None:
    lines = ["Gas explosion on Parr Street", "An explosion destroyed No. 14 on Monday evening.",
             "-----", "Reply #1 on: 27 November 2025, 21:59", "MarshLad", "Posts: 377",
             "Heard it from the allotments, shook the shed windows. Hope everyone is OK.",
             "-----", "Reply #2 on: 27 November 2025, 22:14", "Jen_R", "Posts: 58",
             "The rest centre at the leisure centre is asking for phone chargers.",
             "Jen", "-----", "Pages: [1] 2", "Related topics:"]
    rows, _ = rows_of("\n".join(lines) + "\n")
    tags = ["headline", "body"] + ["boilerplate"] * 3 + ["body"] * 2 + ["boilerplate"] * 4 + [
        "body", "body", "boilerplate", "boilerplate", "related"]
    from newsaudit.models.layout.decoding import stamped_threads

    out = stamped_threads(rows, tags)
    assert out[3:8] == ["comment_start", "comment", "comment", "comment", "boilerplate"]
    assert out[8:13] == ["comment_start", "comment", "comment", "comment", "comment"]
    assert out[13:] == ["boilerplate", "boilerplate", "related"]


def test_numbered_heads_of_handle_and_time_are_comments_each_its_own() -> None:
    """A fan forum numbers its posts: "[2] BrooksideBarry - Sun 9 Mar, 11:02", "#3 ..."."""
    from newsaudit.models.layout.decoding import stamped_threads

    lines = ["Derby ends in arrests", "Police made 11 arrests after the match, they said.",
             "FAN FORUM - Derby: arrests and trouble (3 posts)",
             "[1] Rovers_til_I_die - Sun 9 Mar, 10:44", "Embarrassing. Ban them all.",
             "[2] BrooksideBarry - Sun 9 Mar, 11:02", "Our lot weren't innocent either.",
             "#3 KingsgateKev | Sun 9 Mar, 11:30", "See you at the cup game in April, lads.",
             "", "Log in to reply | Forum rules | Report a post"]
    rows, _ = rows_of("\n".join(lines) + "\n")
    tags = ["headline", "body", "boilerplate"] + ["body"] * 6 + ["related"]
    assert stamped_threads(rows, tags) == [
        "headline", "body", "boilerplate", "comment_start", "comment", "comment_start",
        "comment", "comment_start", "comment", "related"]


def test_a_thread_under_a_bilingual_comments_head_with_its_action_lines() -> None:
    """An expat paper's thread: "COMENTARIOS (3)", then "name · hace 2 horas / 2 hours
    ago" over each comment and "👍 24 | Responder | Denunciar" under it."""
    thread = ("COMENTARIOS (3)\n\n"
              "Pete_in_Los_Pinos \u00b7 hace 2 horas / 2 hours ago\n"
              "We were told to go at 2am. Police knocked on every door, I have to say.\n"
              "\U0001F44D 24 | Responder | Denunciar\n\n"
              "Marisa G. \u00b7 hace 2 horas / 2 hours ago\n"
              "Muchos \u00e1nimos a todos. The firefighters have not slept in two days.\n"
              "\U0001F44D 19 | Responder | Denunciar\n\n"
              "Escribe tu comentario \u00b7 Log in to comment\n")
    page = HEAD + BODY + thread + TAIL
    comments = [t for k, t in kinds(page) if k == "comment"]
    assert len(comments) == 2
    assert "Police knocked on every door" in comments[0]
    assert "The firefighters have not slept" in comments[1]


def test_a_sender_and_time_line_under_a_messages_head_opens_the_message_under_it() -> None:
    lines = ["YOUR MESSAGES (2)", "Text the studio on 83974 or comment below.",
             "From Jan in Ashcombe, 10:47", "Thoughts with the family. The barriers come down late.",
             "", "Steve, Mill Farm, 11:20", "We've been on about a footbridge for years.", "",
             "Share this story"]
    rows, _ = rows_of("\n".join(lines) + "\n")
    tags = ["boilerplate", "boilerplate", "body", "body", "body", "body", "boilerplate"]
    assert listener_messages(rows, tags) == [
        "boilerplate", "boilerplate", "comment_start", "comment", "comment_start", "comment",
        "boilerplate"]


def test_gallery_counters_head_their_captions_a_lone_counter_does_not() -> None:
    from newsaudit.models.layout.decoding import placeholder_captions

    lines = ["1/3", "Water pours over the weir at Hollen on Saturday afternoon.",
             "2/3", "Residents of Mill Row are taken to safety by boat. About 400 were evacuated.",
             "3/3", "A rainbow over the valley at dusk on Thursday."]
    rows, _ = rows_of("\n".join(lines) + "\n")
    out = placeholder_captions(rows, ["boilerplate", "body"] * 3)
    assert out == ["boilerplate", "caption"] * 3
    rows, _ = rows_of("3/12\nThe council met on Tuesday to approve the budget.\n")
    assert placeholder_captions(rows, ["dateline", "body"]) == ["dateline", "body"]
