"""``newsaudit eval findings``: are the findings worth an editor's time on real pages?

The benchmark is a sample of real pages from the public datasets and judgments of the
warnings and problems newsaudit reported on them, made by exacting editors: true,
debatable or false, with a reason, plus the problems it missed. Both are data in the
repository, without page text:

    pages.json    the sample: ``dataset:id`` references and their dev/test split
                  (:mod:`.pages` reads a reference into a page; :mod:`.sample` drew them)
    judgments/    ``*.jsonl`` judgment files (:mod:`.judgments`; format in its README)

:mod:`.score` audits the pages, matches today's findings to the judgments
(:mod:`.match`: same page, check and evidence anchor, nearby offset) and reports
precision per check, info noise per page, missed problems found, and the findings not
yet judged; :mod:`.packets` writes what a judge needs to judge those.
"""

from __future__ import annotations

from newsaudit.evaluation.findings.evaluate import evaluate
from newsaudit.evaluation.findings.judgments import JUDGMENTS
from newsaudit.evaluation.findings.pages import SAMPLE
from newsaudit.evaluation.findings.score import format_table

__all__ = ["JUDGMENTS", "SAMPLE", "evaluate", "format_table"]
