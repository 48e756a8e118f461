#!/usr/bin/env python3
"""Dossier on trafilatura's own evaluation set: 990 real pages (mostly
German, then English and 20 more languages) never used to tune Dossier
before they were first measured here.

Each page of the set (tests/evaldata.json in a checkout of
github.com/adbar/trafilatura, Apache-2.0, not shipped here) lists up to six
passages the extracted text must contain ("with") and up to six it must not
("without": menus, footers, dates, comments), and most give the page's
title, author and date. Scoring is trafilatura's own (tests/eval_common.py):
a passage counts when it occurs in the extracted body, whitespace
normalised; precision, recall and F1 over all passages. Dossier's text is its
subtitle (the deck, printed above the text, where trafilatura's text
holds it as the first paragraph) and its body's blocks. Titles, authors
and dates are scored as ../shared/tools/score_meta.py does. Pages are split
into the usual two halves (SHA-1 of "traf-" + file name, first byte even =
tune).

trafilatura's CI holds itself to F1 0.9195 (fast) / 0.9253 (with
fallbacks) on this set (tests/eval_baseline.json); it was developed on
these pages.

Usage: python3 tests/tools/eval_trafilatura.py DIR [--bin target/release/dossier] [--keep OUT]
  DIR: a checkout of adbar/trafilatura (its tests/ folder is read).
"""
import argparse
import hashlib
import json
import re
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT.parent / "shared" / "tools"))
import score_meta as sm  # noqa: E402


def norm(text):
    return re.sub(r"\s+", " ", text).strip()


def plain(md):
    """Markdown inline syntax off, as trafilatura's text output has none."""
    md = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", md)
    md = re.sub(r"\\([\\`*_{}\[\]()#+\-.!|>~])", r"\1", md)
    md = md.replace("**", "").replace("__", "").replace("`", "")
    return re.sub(r"(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)", "", md)


def body_text(article):
    parts = []
    for b in article.get("blocks", []):
        kind = b.get("type")
        if kind in ("paragraph", "heading", "quote", "code"):
            parts.append(b.get("text", ""))
        elif kind == "list":
            parts.extend(b.get("items", []))
        elif kind == "table":
            parts.append(" ".join(b.get("header", [])))
            parts.extend(" ".join(r) for r in b.get("rows", []))
    return norm(plain("\n".join(parts)))


def half(pid):
    return "tune" if hashlib.sha1(pid.encode()).digest()[0] % 2 == 0 else "check"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir", type=Path)
    ap.add_argument("--bin", default=str(ROOT / "target/release/dossier"))
    ap.add_argument("--keep", type=Path, help="keep each page's extraction here")
    args = ap.parse_args()
    tests = args.dir / "tests"
    data = json.loads((tests / "evaldata.json").read_text())
    keep = args.keep or Path(tempfile.mkdtemp())
    keep.mkdir(parents=True, exist_ok=True)

    def run(rec):
        name = rec["file"]
        page = next((tests / d / name for d in ("cache", "eval") if (tests / d / name).exists()), None)
        out = keep / f"{name}.json"
        if page is not None and not out.exists():
            r = subprocess.run([args.bin, "extract", "--format", "json", str(page)], capture_output=True)
            out.write_bytes(r.stdout if r.returncode == 0 else b"{}")
        try:
            article = json.loads(out.read_text())
        except (OSError, ValueError):
            article = {}
        # The deck is printed above the text (as Fundus's set counts it).
        text = norm((article.get("subtitle") or "") + " " + body_text(article))
        tp = sum(norm(w) in text for w in rec["with"])
        fp = sum(norm(w) in text for w in rec["without"])
        return half("traf-" + name), (tp, fp, len(rec["with"]) - tp, len(rec["without"]) - fp), rec, article

    with ThreadPoolExecutor(4) as pool:
        rows = list(pool.map(run, data.values()))

    print(f"{'half':<6}{'pages':>6}   body P / R / F1        title exact      author exact      date exact")
    for h in ("tune", "check", "all"):
        rs = [r for r in rows if h == "all" or r[0] == h]
        tp, fp, fn, _ = (sum(r[1][i] for r in rs) for i in range(4))
        cells = [f"{tp / (tp + fp):.3f} / {tp / (tp + fn):.3f} / {2 * tp / (2 * tp + fp + fn):.4f}"]
        for field, pkey in (("title", "title"), ("author", "authors"), ("date", "date")):
            n = exact = 0
            for _, _, rec, article in rs:
                truth = rec.get(field)
                if not truth:
                    continue
                truth = ", ".join(truth) if isinstance(truth, list) else truth
                pred = article.get(pkey) or ""
                pred = ", ".join(pred) if isinstance(pred, list) else pred
                n += 1
                if not pred:
                    continue
                if field == "title":
                    exact += sm.key(pred) == sm.key(truth)
                elif field == "author":
                    exact += sm.author_set(pred) == sm.author_set(truth)
                else:
                    exact += sm.date_parts(pred)[:3] == sm.date_parts(truth)[:3]
            cells.append(f"{100 * exact / max(n, 1):5.1f}% of {n:<4}")
        print(f"{h:<6}{len(rs):>6}   " + "   ".join(cells))


if __name__ == "__main__":
    main()
