#!/usr/bin/env python3
"""Dossier on news pages it was never tuned on: the test pages of Fundus
(github.com/flairNLP/fundus, MIT), a news crawler whose maintainers write one
parser per publisher and check its output by hand.

Its tests/resources/parser/test_data/<country>/ folders hold, for each of
181 publishers in 38 countries, one to four saved article pages
(`<Publisher>_<YYYY_MM_DD>.html.gz`, 258 in all) and `<Publisher>.json`, the
fields that publisher's parser read from each page, one entry per parser
version (V1, V1_1, V2, ...: in that order they match the pages in date
order). Those fields are the truth here:

  title            the headline
  authors          a list of names
  publishing_date  an ISO date and time; scored by its calendar day
  body             the lead ("summary") and each section's headings and
                   paragraphs; scored as ../shared/tools/score.py scores
                   bodies (4-gram shingles of \\w+ tokens, page-averaged
                   precision and recall), with Dossier's subtitle counted
                   as part of its body since Fundus counts the lead
  topics           the page's keywords, against Dossier's `tags`
                   (share of pages whose tags hold every topic, and the
                   mean token F1 of the two lists)

Titles, authors and dates are compared as ../shared/tools/score_meta.py
compares them. Pages are split into the usual two halves by the SHA-1 of
"fundus-" + the page's file name (first byte even = tune).

The truth is what a hand-written parser reads, mostly from the page's own
markup: authors are what the publisher's JSON-LD or byline names (an agency
sometimes), and the date is the published one, in the page's own time zone
or UTC as the parser gave it.

Usage: python3 tests/tools/eval_fundus.py DIR [--bin target/release/dossier]
                                            [--keep OUT] [--trafilatura]
  DIR: a checkout of flairNLP/fundus.
  --trafilatura: also score trafilatura's bare_extraction(with_metadata=True)
                 on the same pages (needs `pip install trafilatura`).
"""
import argparse
import gzip
import hashlib
import json
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT.parent / "shared" / "tools"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
import score as sc  # noqa: E402
import score_meta as sm  # noqa: E402
from eval_trafilatura import body_text  # noqa: E402


def half(pid):
    return "tune" if hashlib.sha1(pid.encode()).digest()[0] % 2 == 0 else "check"


def pages(root):
    """(page file, truth record) for every test page, versions matched to
    pages in order."""
    data = root / "tests/resources/parser/test_data"
    if not data.is_dir():
        sys.exit(f"{root} is not a checkout of flairNLP/fundus (no {data})")
    for truth_file in sorted(data.glob("*/*.json")):
        versions = json.loads(truth_file.read_text())
        files = sorted(truth_file.parent.glob(truth_file.stem + "_*.html.gz"))
        if len(files) != len(versions):
            print(f"note: {truth_file}: {len(versions)} versions, {len(files)} pages; skipped", file=sys.stderr)
            continue
        yield from zip(files, (versions[k] for k in sorted(versions)))


def truth_body(rec):
    body = rec.get("body") or {}
    parts = list(body.get("summary") or [])
    for s in body.get("sections") or []:
        parts += list(s.get("headline") or []) + list(s.get("paragraphs") or [])
    return "\n".join(parts)


def page_bytes(page):
    """A saved page's bytes, gzipped (`.gz`) or not, and its name unzipped."""
    raw = page.read_bytes()
    if page.suffix == ".gz":
        return gzip.decompress(raw), page.name[: -len(".gz")]
    return raw, page.name


def dossier(binary, page, out):
    """Dossier's fields for one page, extracted once into `out`."""
    if not out.exists():
        with tempfile.TemporaryDirectory() as tmp:
            raw, name = page_bytes(page)
            p = Path(tmp) / name
            p.write_bytes(raw)
            r = subprocess.run([binary, "extract", "--format", "json", str(p)], capture_output=True)
        out.write_bytes(r.stdout if r.returncode == 0 else b"{}")
    try:
        a = json.loads(out.read_text())
    except ValueError:
        a = {}
    return {
        "title": a.get("title") or "",
        "author": ", ".join(a.get("authors") or []),
        "date": a.get("date") or "",
        "body": "\n".join(filter(None, [a.get("subtitle") or "", body_text(a)])),
        "tags": a.get("tags") or [],
    }


def trafilatura(page):
    import trafilatura as tr

    doc = tr.bare_extraction(page_bytes(page)[0], with_metadata=True)
    doc = doc.as_dict() if hasattr(doc, "as_dict") else (doc or {})
    return {
        "title": doc.get("title") or "",
        "author": (doc.get("author") or "").replace(";", ","),
        "date": doc.get("date") or "",
        "body": doc.get("text") or "",
        "tags": [t for t in (doc.get("tags") or []) if t],
    }


def topic_scores(tags, topics):
    """(every topic among the tags, token F1 of the two lists)."""
    keys = {sm.key(t) for t in tags}
    return all(sm.key(t) in keys for t in topics), sm.token_f1(" ".join(tags), " ".join(topics))


def score(rows):
    """Per half: counts for each field."""
    out = {}
    for pid, rec, pred in rows:
        for h in (half(pid), "all"):
            s = out.setdefault(h, {"pages": 0, "bodies": []})
            s["pages"] += 1
            s["bodies"].append(sc.shingle_tp_fp_fn(truth_body(rec), pred["body"]))
            for f in ("title", "author", "date", "topics"):
                t = rec.get({"author": "authors", "date": "publishing_date"}.get(f, f))
                if not t:
                    continue
                n, found, exact, tf = s.get(f, (0, 0, 0, 0.0))
                p = pred["tags"] if f == "topics" else pred[f]
                ok, f1 = False, 0.0
                if p and f == "title":
                    ok, f1 = sm.key(p) == sm.key(t), sm.token_f1(p, t)
                elif p and f == "author":
                    t = ", ".join(t)
                    ok, f1 = sm.author_set(p) == sm.author_set(t), sm.author_f1(p, t)
                elif p and f == "date":
                    ok = sm.date_parts(p)[:3] == sm.date_parts(t)[:3]
                elif p:
                    ok, f1 = topic_scores(p, t)
                s[f] = (n + 1, found + bool(p), exact + ok, tf + f1)
    return out


def report(name, res):
    print(f"\n{name}")
    print(f"  {'half':<6}{'pages':>6}  {'body P / R / F1':<24}{'title':>22}{'authors':>24}{'date':>18}{'topics':>24}")
    for h in ("tune", "check", "all"):
        s = res.get(h)
        if not s:
            continue
        m = sc.metrics_from(s["bodies"])
        cells = []
        for f in ("title", "author", "date", "topics"):
            n, found, exact, tf = s.get(f, (0, 0, 0, 0.0))
            cell = f"{100 * exact / max(n, 1):5.1f}% ({100 * found / max(n, 1):3.0f}%)"
            if f != "date":
                cell += f" {tf / max(n, 1):.3f}"
            if n == 0:
                cell = "-"  # no truth for this field in the set
            cells.append(cell)
        print(
            f"  {h:<6}{s['pages']:>6}  {m['precision']:.3f} / {m['recall']:.3f} / {m['f1']:.3f}   "
            f"{cells[0]:>22}{cells[1]:>24}{cells[2]:>18}{cells[3]:>24}"
        )
    print("  (per field: exact share (share found) mean token F1; topics: pages whose tags hold every topic)")


def arguments():
    """The arguments every per-project eval takes (DIR, --bin, --keep,
    --trafilatura), and the folder the extractions are kept in."""
    ap = argparse.ArgumentParser()
    ap.add_argument("dir", type=Path)
    ap.add_argument("--bin", default=str(ROOT / "target/release/dossier"))
    ap.add_argument("--keep", type=Path, help="keep each page's extraction here")
    ap.add_argument("--trafilatura", action="store_true")
    args = ap.parse_args()
    keep = args.keep or Path(tempfile.mkdtemp())
    keep.mkdir(parents=True, exist_ok=True)
    return args, keep


def main():
    args, keep = arguments()
    todo = [("fundus-" + page.name[: -len(".html.gz")], page, rec) for page, rec in pages(args.dir)]

    with ThreadPoolExecutor(4) as pool:
        preds = list(pool.map(lambda t: dossier(args.bin, t[1], keep / f"{t[0]}.json"), todo))
    report("Dossier", score([(pid, rec, p) for (pid, _, rec), p in zip(todo, preds)]))
    if args.trafilatura:
        preds = [trafilatura(page) for _, page, _ in todo]
        report("trafilatura 2.3.1", score([(pid, rec, p) for (pid, _, rec), p in zip(todo, preds)]))


if __name__ == "__main__":
    main()
