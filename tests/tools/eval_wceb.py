#!/usr/bin/env python3
"""Dossier on the Web Content Extraction Benchmark of 2026: 1,000 modern
pages (news and blog articles, forum threads, product, service and
documentation pages, listings), first measured here in stop 55 before
anything was tuned on them.

The set (github.com/Murrough-Foley/web-content-extraction-benchmark, mirrored
as tiptopjaw/web-content-extraction-benchmark, Apache-2.0, not shipped here)
keeps each page gzipped in release/html/ and its truth in
benchmark/ground-truth/ID.json: the main text, title, author and
publication day, drafted by a language model and checked by a person, and
the page's type. The truth is a second opinion, not a hand-made gold: where
it and the page disagree, read the page.

Bodies are scored as ../shared/tools/score.py scores them (4-gram shingles,
mean per-page precision and recall; Dossier's deck counts, printed above
the text). Titles, authors and dates as ../shared/tools/score_meta.py does.
Pages are split into the usual halves (SHA-1 of "wceb-" + ID, first byte
even = tune). Rows: every page, then articles alone (the page types
"article" and "blog"), the pages a digest collects.

Usage: python3 tests/tools/eval_wceb.py DIR [--bin B] [--keep OUT] [--trafilatura]
  DIR: a checkout of the benchmark.
"""
import json
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import eval_fundus as ef  # noqa: E402


def pages(root):
    """(id, page file, truth record in Fundus's shape, page type)."""
    html, truth = root / "release/html", root / "benchmark/ground-truth"
    if not html.is_dir() or not truth.is_dir():
        sys.exit(f"{root} is not a checkout of the benchmark (no {html} or {truth})")
    for page in sorted(html.glob("*.html.gz")):
        pid = page.name[: -len(".html.gz")]
        t = truth / f"{pid}.json"
        if not t.exists():
            continue
        rec = json.loads(t.read_text())
        g = rec.get("ground_truth") or {}
        kind = ((rec.get("_internal") or {}).get("page_type") or {}).get("primary") or "?"
        yield pid, page, {
            "title": g.get("title"),
            "authors": [g["author"]] if g.get("author") else None,
            "publishing_date": g.get("publish_date"),
            "body": {"sections": [{"paragraphs": [g.get("main_content") or ""]}]},
        }, kind


def main():
    args, keep = ef.arguments()
    todo = [("wceb-" + pid, page, rec, kind) for pid, page, rec, kind in pages(args.dir)]
    articles = [t for t in todo if t[3] in ("article", "blog")]

    def run(name, extract):
        with ThreadPoolExecutor(4) as pool:
            preds = dict(zip((t[0] for t in todo), pool.map(extract, todo)))
        for label, rows in (("every page", todo), ("articles", articles)):
            ef.report(f"{name}, {label}", ef.score([(pid, rec, preds[pid]) for pid, _, rec, _ in rows]))

    run("Dossier", lambda t: ef.dossier(args.bin, t[1], keep / f"{t[0]}.json"))
    if args.trafilatura:
        run("trafilatura 2.3.1", lambda t: ef.trafilatura(t[1]))


if __name__ == "__main__":
    main()
