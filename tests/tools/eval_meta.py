#!/usr/bin/env python3
"""Metadata quality of `dossier extract` (title, authors, date), reported on two
fixed halves of every set: "tune" (look at these pages while improving the
cleaner) and "check" (never look at them; they stand in for unseen pages).

The half is a fixed hash of the page id (SHA-1, first byte even = tune), so it
never changes between runs or machines.

Sets (all from ../shared, read only):
  readability-meta   the hand-checked truth (title, author, publish_date)
  readability-text   the same pages' plain text (readability-text), scored
                     against readability-meta's truth: the text cleaner's
                     title, author and date, where a page has no markup
  url-dates          pages of scrapinghub and cleaneval whose URL carries a
                     full date (/2019/11/20/, 2019-11-20, 20191120): the URL's
                     day as a proxy truth for the date. Dossier never sees the
                     URL of these pages (they are saved files), so the proxy
                     is not circular, but a page may be dated another day
                     than its URL.
  url-dates-text     the same pages' plain text (scrapinghub-text,
                     cleaneval-text), through the text cleaner.
  htmldate           with --htmldate DIR (a checkout of github.com/adbar/htmldate,
                     Apache-2.0, not shipped here): its evaluation set, 994 pages
                     with a hand-checked publication day (tests/eval_default.json,
                     tests/eval_mediacloud_2020.json; pages in tests/eval, cache,
                     test_set), mostly German, then English, French and 30 more
                     languages. htmldate itself scores 0.861 accuracy on it
                     (0.924 precision) in its docs/evaluation.rst, without URLs,
                     as here.

Usage: python3 tests/tools/eval_meta.py [--bin target/release/dossier] [--per-page DIR]
                                       [--htmldate DIR]
Scoring is ../shared/tools/score_meta.py's (imported, not copied): exact and
found per field, and for titles and authors the mean token F1 (partial credit
for "Title | Site" against "Title").
"""
import argparse
import gzip
import hashlib
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(SHARED / "tools"))
import score_meta as sm  # noqa: E402

URL_DATE = re.compile(r"(?<!\d)(20\d\d|19\d\d)([/-]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)")


def half(pid):
    return "tune" if hashlib.sha1(pid.encode()).digest()[0] % 2 == 0 else "check"


def extract(binary, page, out):
    data = page.read_bytes()
    name = page.name
    if name.endswith(".gz"):
        data, name = gzip.decompress(data), name[:-3]
    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp) / ("page" + Path(name).suffix)
        p.write_bytes(data)
        r = subprocess.run([binary, "extract", "--format", "json", str(p)], capture_output=True)
    out.write_bytes(r.stdout if r.returncode == 0 else b"{}")


def score(truth, preds, fields):
    """{half: {field: (n, found, exact)}} for the pages of `truth`."""
    res = {}
    for pid, rec in truth.items():
        pf = preds / f"{pid}.json"
        pred = sm.load_pred(pf) if pf.exists() else {}
        for h in (half(pid), "all"):
            for f in fields:
                t = sm.truth_value(rec, f)
                if not t:
                    continue
                p = pred.get(f, "")
                found = bool(p.strip())
                if f == "title":
                    exact = found and sm.key(p) == sm.key(t)
                elif f == "author":
                    exact = found and sm.author_set(p) == sm.author_set(t)
                else:
                    tp, pp = sm.date_parts(t), sm.date_parts(p) if found else None
                    exact = bool(pp) and pp[: len(tp)] == tp
                tf1 = 0.0
                if found and f == "title":
                    tf1 = sm.token_f1(p, t)
                elif found and f == "author":
                    tf1 = sm.author_f1(p, t)
                n, fo, ex, tf = res.setdefault(h, {}).get(f, (0, 0, 0, 0.0))
                res[h][f] = (n + 1, fo + found, ex + bool(exact), tf + tf1)
    return res


def report(name, res, fields):
    print(f"\n{name}")
    head = {f: f + (" exact (found) tokF1" if f != "date" else " exact (found)") for f in fields}
    width = {f: 31 if f != "date" else 24 for f in fields}
    print(f"  {'half':<6}" + "".join(f"{head[f]:>{width[f]}}" for f in fields))
    for h in ("tune", "check", "all"):
        cells = []
        for f in fields:
            n, fo, ex, tf = res.get(h, {}).get(f, (0, 0, 0, 0.0))
            cell = f"{100 * ex / n:5.1f}% ({100 * fo / n:5.1f}%)" if n else "-"
            if n and f != "date":
                cell += f" {tf / n:.3f}"
            cells.append(f"{cell} of {n:<4}" if n else "-")
        print(f"  {h:<6}" + "".join(f"{c:>{width[f]}}" for c, f in zip(cells, fields)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=str(ROOT / "target/release/dossier"))
    ap.add_argument("--per-page", type=Path, help="keep the predictions here")
    ap.add_argument("--htmldate", type=Path, help="a checkout of adbar/htmldate: score its date set too")
    args = ap.parse_args()
    corpus = SHARED / "corpus"
    if not corpus.is_dir():
        sys.exit(f"no shared corpus at {corpus}")
    keep = args.per_page or Path(tempfile.mkdtemp())

    # readability-meta
    preds = keep / "readability-meta"
    preds.mkdir(parents=True, exist_ok=True)
    truth = json.loads((corpus / "readability-meta/meta-truth.json").read_text())
    for pid in truth:
        extract(args.bin, corpus / f"readability-meta/html/{pid}.html.gz", preds / f"{pid}.json")
    report("readability-meta (hand-checked truth)", score(truth, preds, sm.FIELDS), sm.FIELDS)

    # readability-text: the text cleaner against the same truth
    preds = keep / "readability-text"
    preds.mkdir(parents=True, exist_ok=True)
    text_truth = {}
    for pid, rec in truth.items():
        page = corpus / f"readability-text/pages/{pid}.txt"
        if page.exists():
            text_truth[pid] = rec
            extract(args.bin, page, preds / f"{pid}.json")
    report("readability-text (plain text, readability-meta's truth)",
           score(text_truth, preds, sm.FIELDS), sm.FIELDS)

    # url-dates
    preds = keep / "url-dates"
    preds.mkdir(parents=True, exist_ok=True)
    truth = {}
    for s in ("scrapinghub", "cleaneval"):
        gt = json.loads((corpus / s / "ground-truth.json").read_text())
        for pid, rec in gt.items():
            m = URL_DATE.search(rec.get("url") or "")
            if not m:
                continue
            y, _, mo, d = m.groups()
            truth[f"{s}-{pid}"] = {"publish_date": f"{y}-{mo}-{d}"}
            extract(args.bin, corpus / s / "html" / f"{pid}.html.gz", preds / f"{s}-{pid}.json")
    report("url-dates (the URL's day as proxy truth)", score(truth, preds, ("date",)), ("date",))

    # url-dates-text: the same pages' plain text, through the text cleaner
    preds = keep / "url-dates-text"
    preds.mkdir(parents=True, exist_ok=True)
    text_truth = {}
    for tid, rec in truth.items():
        s, pid = tid.split("-", 1)
        page = corpus / f"{s}-text/pages/{pid}.txt"
        if page.exists():
            text_truth[tid] = rec
            extract(args.bin, page, preds / f"{tid}.json")
    report("url-dates-text (plain text, the URL's day as proxy truth)",
           score(text_truth, preds, ("date",)), ("date",))

    if args.htmldate:
        htmldate(args, keep)
    if args.per_page:
        print(f"\npredictions kept in {keep}")


def htmldate(args, keep):
    """htmldate's evaluation set: the day, exact and found, on both halves."""
    tests = args.htmldate / "tests"
    preds = keep / "htmldate"
    preds.mkdir(parents=True, exist_ok=True)
    truth = {}
    for name, short in (("eval_default.json", "default"), ("eval_mediacloud_2020.json", "mediacloud")):
        for rec in json.loads((tests / name).read_text()).values():
            day = rec.get("date")
            page = next((tests / d / rec["file"] for d in ("eval", "cache", "test_set")
                         if (tests / d / rec["file"]).exists()), None)
            if not isinstance(day, str) or page is None:
                continue
            pid = f"{short}-{rec['file']}"
            truth[pid] = {"publish_date": day}
            extract(args.bin, page, preds / f"{pid}.json")
    report("htmldate (its evaluation set, hand-checked days)",
           score(truth, preds, ("date",)), ("date",))


if __name__ == "__main__":
    main()
