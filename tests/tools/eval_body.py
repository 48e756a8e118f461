#!/usr/bin/env python3
"""Body quality of `dossier eval` on every shared set, reported on two fixed
halves: "tune" (look at these pages while improving the cleaner) and "check"
(never look at them; they stand in for unseen pages). The half is the same
fixed hash as tests/tools/eval_meta.py's (SHA-1 of the page id, first byte
even = tune).

Scoring is ../shared/tools/score.py's (imported, not copied): token 4-gram
shingles, Markdown stripped, precision and recall averaged over pages.

Usage: python3 tests/tools/eval_body.py [--bin target/release/dossier]
                                        [--sets scrapinghub,cleaneval-text]
                                        [--keep DIR] [--worst N]
"""
import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(SHARED / "tools"))
import score as sc  # noqa: E402

SETS = {
    "scrapinghub": "html",
    "cleaneval": "html",
    "readability": "html",
    "scrapinghub-text": "pages",
    "cleaneval-text": "pages",
    "readability-text": "pages",
}


def half(pid):
    return "tune" if hashlib.sha1(pid.encode()).digest()[0] % 2 == 0 else "check"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=str(ROOT / "target/release/dossier"))
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--keep", type=Path, help="keep each set's extracted bodies under DIR/<set>/")
    ap.add_argument("--worst", type=int, default=0, help="list the N weakest tune pages per set")
    args = ap.parse_args()
    if not SHARED.exists():
        sys.exit("../shared is not here: nothing to measure")
    tmp = tempfile.TemporaryDirectory()
    base = args.keep or Path(tmp.name)
    print(f"{'set':18} {'tune F1':>8} {'check F1':>9} {'all F1':>7}   (P / R of all)  pages/s")
    for name in args.sets.split(","):
        folder = SHARED / "corpus" / name
        truth_file = folder / "ground-truth.json"
        out = base / name
        out.mkdir(parents=True, exist_ok=True)
        r = subprocess.run(
            [args.bin, "eval", str(folder / SETS[name]), "--truth", str(truth_file), "--out", str(out)],
            capture_output=True, text=True,
        )
        if r.returncode != 0:
            sys.exit(f"{name}: dossier eval failed:\n{r.stderr}")
        speed = next((l.split(":", 1)[1].split(",")[0].strip() for l in r.stdout.splitlines()
                      if l.startswith("speed")), "?")
        truth = {k: v.get("articleBody", "") for k, v in json.loads(truth_file.read_text()).items()}
        rows = {}
        for pid, body in truth.items():
            p = out / f"{pid}.txt"
            pred = sc.strip_markdown(p.read_text()) if p.exists() else ""
            rows[pid] = sc.shingle_tp_fp_fn(body, pred, 4)
        res = {}
        for h in ("tune", "check"):
            res[h] = sc.metrics_from([v for k, v in rows.items() if half(k) == h])
        res["all"] = sc.metrics_from(list(rows.values()))
        a = res["all"]
        print(f"{name:18} {res['tune']['f1']:8.4f} {res['check']['f1']:9.4f} {a['f1']:7.4f}"
              f"   ({a['precision']:.4f} / {a['recall']:.4f})  {speed}")
        if args.worst:
            tune = sorted((sc.page_f1(v), k) for k, v in rows.items() if half(k) == "tune")
            for f1, k in tune[: args.worst]:
                print(f"    {f1:.3f} {k}")


if __name__ == "__main__":
    main()
