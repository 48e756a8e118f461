#!/usr/bin/env python3
"""Dossier on L3S-GN1: 621 news articles from 408 sites, sampled from a
crawl of Google News (USA, Canada, UK, South Africa, India, Australia) in
the first half of 2008, each marked up by hand. First measured here in
stop 56 before anything was read on it.

The set (Kohlschütter, Fankhauser and Nejdl, "Boilerplate Detection using
Shallow Text Features", WSDM 2010; research use only, not shipped here) is
published by L3S as WARC files; a copy converted to one HTML file per page
sits in github.com/geodrome/page-signal under
L3S-GN1-20100130203947-00001/: `original/ID.html` as crawled and
`annotated/ID.html`, where the assessors wrapped every text block in a
`<span class="x-nc-selN">`: 1 headline, 2 full text, 3 supplemental (the
article's captions and the like), 4 related content, 5 comments, 0 not
content.

Truth here: the body is the full text and its supplements (classes 2 and
3), scored as ../shared/tools/score.py scores bodies (4-gram shingles,
mean per-page precision and recall; Dossier's deck counts, printed above
the text); the title is the first block marked headline (class 1: the
assessors sometimes marked a deck or a "Print" link beside it), compared as
../shared/tools/score_meta.py compares titles. The set has no author or
date truth. Pages are split into the usual halves (SHA-1 of "l3s-" + ID,
first byte even = tune).

Usage: python3 tests/tools/eval_l3s.py DIR [--bin B] [--keep OUT] [--trafilatura]
  DIR: the L3S-GN1-20100130203947-00001 folder (or a checkout holding it).
"""
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import lxml.html

sys.path.insert(0, str(Path(__file__).resolve().parent))
import eval_fundus as ef  # noqa: E402

FOLDER = "L3S-GN1-20100130203947-00001"


def marked(annotated, classes):
    """The text the assessors marked with one of `classes`, as blocks in
    page order. Marks nest (a "not content" span around a full-text one, a
    full-text span around another), so each piece of text takes the label
    of the span nearest around it; each marked span is a block.
    Elements marked invisible, scripts and styles are not text."""
    doc = lxml.html.fromstring(annotated)
    pieces = []

    def walk(el, label):
        if not isinstance(el.tag, str):  # a comment: only its tail is text
            return
        words = (el.get("class") or "").split()
        if "x-nc-invisible" in words or el.tag in ("script", "style"):
            return
        mark = next((w for w in words if w.startswith("x-nc-sel")), None)
        if mark:
            pieces.append(None)  # each marked span is a block of its own
        label = mark or label
        pieces.append((label, el.text or ""))
        for child in el:
            walk(child, label)
            pieces.append((label, child.tail or ""))
        if mark:
            pieces.append(None)

    walk(doc, None)
    out, open_block = [], False
    for piece in pieces:
        if piece is None or piece[0] not in classes:
            open_block = open_block and piece is not None and not piece[1].strip()
            continue
        if not open_block:
            out.append("")
            open_block = True
        out[-1] += piece[1]
    return [b for b in (" ".join(o.split()) for o in out) if b]


def pages(root):
    """(id, page file, truth record in Fundus's shape)."""
    if (root / FOLDER).is_dir():
        root = root / FOLDER
    original, annotated = root / "original", root / "annotated"
    if not original.is_dir() or not annotated.is_dir():
        sys.exit(f"{root} is not the L3S-GN1 folder (no {original} or {annotated})")
    for page in sorted(original.glob("*.html")):
        truth = (annotated / page.name).read_bytes()
        yield page.stem, page, {
            "title": next(iter(marked(truth, {"x-nc-sel1"})), None),
            "body": {"sections": [{"paragraphs": marked(truth, {"x-nc-sel2", "x-nc-sel3"})}]},
        }


def main():
    args, keep = ef.arguments()
    todo = [("l3s-" + pid, page, rec) for pid, page, rec in pages(args.dir)]

    def run(name, extract):
        with ThreadPoolExecutor(4) as pool:
            preds = list(pool.map(extract, todo))
        ef.report(name, ef.score([(pid, rec, p) for (pid, _, rec), p in zip(todo, preds)]))

    run("Dossier", lambda t: ef.dossier(args.bin, t[1], keep / f"{t[0]}.json"))
    if args.trafilatura:
        run("trafilatura 2.3.1", lambda t: ef.trafilatura(t[1]))


if __name__ == "__main__":
    main()
