"""Does the severity calibrator gain from *what* a warning flags, not only where it sits?

The shipped calibrator (``newsaudit.models.severity``) reads general features of a
warning: its check and kind, whether its evidence is inside quotation marks or next to a
named source, what kind of page it is. Fresh judges' reasons say the difference between
a true and a false warning often lies in the flagged words themselves (a film title in
quotation marks or a sneer, a common-knowledge fact or a contested toll). This benchmark
adds dense text features, WordLlama's static token embeddings (shipped inside the
``wordllama`` wheel, loaded from the wheel's own files, nothing downloaded) of the
flagged words, of their sentence and of the page's opening, and compares, by repeated
cross-validation grouped by page on the **dev** judgments only:

- ``general``: the calibrator's features;
- ``general+text``: those plus the embeddings;
- ``text``: the embeddings and the check alone.

It prints cross-validated AUC and the precision at a quarter and at a tenth of the true
warnings kept, overall and per frequent check. With ``--test`` it then fits each variant
on every dev judgment and scores, once, the warnings judged on the fresh samples' test
pages (judged by judges who never saw the dev pages), at the threshold that gives
precision 0.6 on the dev out-of-fold scores: measuring, never choosing.

    python bench/severity_text.py --cache /tmp/sevx/dev.jsonl [--test /tmp/sevx/test.jsonl]

The caches hold audited page text (make them with ``--audit``); keep them outside the repo.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np

from newsaudit.models.severity.corpus import (
    Audited,
    audit_pages,
    examples,
    read_cache,
    write_cache,
)
from newsaudit.models.severity.train import dataset, repeated

FINDINGS = Path(__file__).resolve().parents[1] / "src/newsaudit/evaluation/findings"
DEV_SAMPLES = ("pages.json", "calibration-sample.json", "calibration-sample-2.json")
DEV_JUDGMENTS = ("judgments", "calibration-judgments")


def wordllama():
    """WordLlama's 256-d embeddings from the files inside its wheel (its ``load`` looks
    for the tokenizer in a directory the wheel does not have, then tries the hub)."""
    import wordllama as wl
    from safetensors import safe_open
    from tokenizers import Tokenizer
    from wordllama.inference import WordLlamaInference

    root = Path(wl.__file__).parent
    tok = Tokenizer.from_file(str(root / "tokenizers/l2_supercat_tokenizer_config.json"))
    with safe_open(str(root / "weights/l2_supercat_256.safetensors"), framework="np") as f:
        emb = f.get_tensor(f.keys()[0])
    return WordLlamaInference(emb, tok)


def _sentence(sentences, start: int) -> tuple[int, int]:
    for s, e in sentences:
        if s <= start < e:
            return s, e
    return start, start


def text_rows(pages: list[Audited], judged, model) -> np.ndarray:
    by_ref = {p.ref: p for p in pages}
    order = [e for p in pages for e in judged if e.page == p.ref]
    flagged, sents, opens = [], [], []
    for e in order:
        p = by_ref[e.page]
        text = p.report.document.text
        f = p.report.findings[e.index]
        ev = f.evidence[0] if f.evidence else None
        flagged.append(ev.text if ev else "")
        s, t = _sentence(p.sentences, ev.start) if ev else (0, 0)
        sents.append(text[s:t] or (ev.text if ev else ""))
        opens.append(text[:1500])
    parts = [model.embed(x, norm=True) for x in (flagged, sents, opens)]
    return np.hstack(parts).astype(np.float64)


def check_rows(checks_of_rows: list[str], checks: list[str]) -> np.ndarray:
    """One-hot columns of each row's check, over ``checks`` (the training data's)."""
    return np.array([[c == k for k in checks] for c in checks_of_rows], dtype=np.float64)


def scores(p: np.ndarray, y: np.ndarray) -> dict:
    from sklearn.metrics import roc_auc_score

    out = {"n": int(len(y)), "true": int(y.sum())}
    if len(set(y.tolist())) == 2:
        out["auc"] = round(float(roc_auc_score(y, p)), 3)
    order = np.argsort(-p)
    hits = np.cumsum(y[order])
    for share in (0.25, 0.1):
        need = max(1, int(np.ceil(share * y.sum())))
        k = int(np.searchsorted(hits, need)) + 1
        out[f"prec@{share}"] = round(need / k, 3) if k <= len(y) else None
    return out


def _with(data, X):
    from dataclasses import replace

    return replace(data, X=X)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache", type=Path, required=True)
    ap.add_argument("--test", type=Path, default=None)
    ap.add_argument("--audit", action="store_true", help="audit the pages into the caches")
    ap.add_argument("--data-dir", type=Path, default=Path("../shared/data"))
    ap.add_argument("--C", type=float, default=0.03)
    args = ap.parse_args(argv)
    from newsaudit.evaluation.findings.pages import read_sample
    from newsaudit.models.severity.corpus import dev_pages

    if args.audit:
        refs = dev_pages([FINDINGS / s for s in DEV_SAMPLES])
        write_cache(args.cache, list(audit_pages(refs, args.data_dir)))
        if args.test:
            dev = set(refs)
            test: dict[str, None] = {}
            for path in sorted(FINDINGS.glob("fresh-sample*.json")):
                for p in read_sample(path):
                    if p.split == "test" and p.ref not in dev:
                        test.setdefault(p.ref, None)
            judged_pages = set()
            for d in FINDINGS.glob("fresh-judgments*"):
                for f in d.glob("*.jsonl"):
                    for line in f.read_text().splitlines():
                        r = json.loads(line)
                        if "verdict" in r:
                            judged_pages.add(r["page"])
            refs_t = [r for r in test if r in judged_pages]
            write_cache(args.test, list(audit_pages(refs_t, args.data_dir)))
    model = wordllama()
    pages = read_cache(args.cache)
    judged = examples(pages, [FINDINGS / d for d in DEV_JUDGMENTS])
    data = dataset(pages, judged)
    T = text_rows(pages, judged, model)
    variants = {
        "general": data.X,
        "general+text": np.hstack([data.X, T]),
        "text": np.hstack([check_rows(data.checks, sorted(set(data.checks))), T]),
    }
    report: dict = {"dev": {"verdicts": dict(data.verdicts)}}
    for name, X in variants.items():
        for C in (0.003, 0.01, 0.03, 0.1):
            p, y, ch = repeated(_with(data, X), C, repeats=3)
            row = {"all": scores(p, y)}
            for c, n in Counter(data.checks).items():
                if n >= 40:
                    row[c] = scores(p[ch == c], y[ch == c])
            report["dev"][f"{name} C={C}"] = row
            print(name, C, json.dumps(row), flush=True)
    if args.test:
        _test(args, report, data, variants, model)
    print(json.dumps(report, indent=1))
    return 0


def _test(args, report, data, variants, model) -> None:
    from newsaudit.models.severity.train import fit

    tpages = read_cache(args.test)
    tjudged = examples(tpages, sorted(FINDINGS.glob("fresh-judgments*")))
    tdata = dataset(tpages, tjudged, kinds=data.kinds)  # the dev model's columns
    T = text_rows(tpages, tjudged, model)
    Ct = check_rows(tdata.checks, sorted(set(data.checks)))
    tv = {"general": tdata.X, "general+text": np.hstack([tdata.X, T]),
          "text": np.hstack([Ct, T])}
    report["test"] = {"verdicts": dict(tdata.verdicts)}
    for name in variants:
        mean, scale, coef, b = fit(variants[name], data.y, args.C)
        z = ((tv[name] - mean) / scale) @ coef + b
        p = 1 / (1 + np.exp(-z))
        row = {"all": scores(p, tdata.y)}
        tch = np.array(tdata.checks)
        for c, n in Counter(tdata.checks).items():
            if n >= 20:
                row[c] = scores(p[tch == c], tdata.y[tch == c])
        report["test"][name] = row
        print("TEST", name, json.dumps(row), flush=True)


if __name__ == "__main__":
    sys.exit(main())
