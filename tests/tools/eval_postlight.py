#!/usr/bin/env python3
"""Dossier's metadata on pages it was never tuned on: the fixtures of
Postlight Parser (github.com/postlight/parser, formerly Mercury, MIT), whose
maintainers wrote one extractor per site and a test per extractor that says
what it must read from that site's saved page.

`fixtures/` holds 173 saved pages; `src/extractors/custom/<host>/index.test.js`
reads one or more of them (`fs.readFileSync('./fixtures/<file>')`) and
asserts the fields read. Those asserted values are the truth here:

  title           the headline
  author          one string ("Ann Lee, Bo Chan and Cy Dee"), compared as
                  a set of names as ../shared/tools/score_meta.py does
  date_published  an instant in UTC ("2016-09-19T11:46:01.000Z"): a reading
                  with a time matches on the UTC day; a day alone matches
                  when it is that instant's day somewhere (UTC-12 to
                  UTC+14), as a Japanese page's "2019年3月5日" is
                  "2019-03-04T15:00:00.000Z"

Mercury saved its fixtures after its own clean-up: most `<meta>` tags carry
their value in `value`, not `content`, and text is written as character
references. Some truth is what a site's extractor happened to read ("View
ORCID Profile…", a profile URL, a whole bio); it is scored as given.

Pages are split into the usual two halves by the SHA-1 of "postlight-" + the
fixture's file name (first byte even = tune).

Usage: python3 tests/tools/eval_postlight.py DIR [--bin target/release/dossier]
                                             [--keep OUT] [--trafilatura]
                                             [--misses tune|check|all]
  DIR: a checkout of postlight/parser.
"""
import argparse
import datetime
import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT.parent / "shared" / "tools"))
import score_meta as sm  # noqa: E402

FIELDS = ("title", "author", "date_published")
# A JavaScript string literal, or null.
LITERAL = r"""('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`\\]|\\.)*`|null)"""


def half(name):
    return "tune" if hashlib.sha1(("postlight-" + name).encode()).digest()[0] % 2 == 0 else "check"


def truth(root):
    """{fixture file: {field: value}} from every extractor's test."""
    out = {}
    for test in sorted((root / "src/extractors/custom").glob("*/index.test.js")):
        parts = re.split(r"readFileSync\(\s*['\"]\./fixtures/([^'\"]+)['\"]", test.read_text())
        for name, seg in zip(parts[1::2], parts[2::2]):
            rec = {}
            for field in FIELDS:
                m = re.search(r"assert\.(?:equal|strictEqual)\(\s*" + field + r"\s*,\s*" + LITERAL, seg, re.S)
                if m and m.group(1) != "null":
                    rec[field] = re.sub(r"\\(.)", r"\1", m.group(1)[1:-1])
            if rec and name not in out:
                out[name] = rec
    return out


def days(stamp):
    """The calendar days a reading names: as written, and in UTC."""
    try:
        d = datetime.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return set()
    out = {d.date()}
    if d.tzinfo:
        out.add(d.astimezone(datetime.timezone.utc).date())
    return out


def same_day(truth_stamp, ours):
    t = datetime.datetime.fromisoformat(truth_stamp.replace("Z", "+00:00")).astimezone(datetime.timezone.utc)
    if len(ours) == 10:
        return any((t + datetime.timedelta(hours=h)).date() in days(ours) for h in range(-12, 15))
    return t.date() in days(ours)


def dossier(binary, page, out):
    if not out.exists():
        r = subprocess.run([binary, "extract", "--alone", "--format", "json", str(page)], capture_output=True)
        out.write_bytes(r.stdout if r.returncode == 0 else b"{}")
    try:
        a = json.loads(out.read_text())
    except ValueError:
        a = {}
    return {"title": a.get("title") or "", "author": ", ".join(a.get("authors") or []), "date_published": a.get("date") or ""}


def trafilatura(page):
    import trafilatura as tr

    doc = tr.bare_extraction(page.read_bytes(), with_metadata=True)
    doc = doc.as_dict() if hasattr(doc, "as_dict") else (doc or {})
    return {
        "title": doc.get("title") or "",
        "author": (doc.get("author") or "").replace(";", ","),
        "date_published": doc.get("date") or "",
    }


def right(field, want, got):
    if not got:
        return False
    if field == "title":
        return sm.key(got) == sm.key(want)
    if field == "author":
        return sm.author_set(got) == sm.author_set(want)
    return same_day(want, got)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dir", type=Path)
    ap.add_argument("--bin", default=str(ROOT / "target/release/dossier"))
    ap.add_argument("--keep", type=Path, help="keep Dossier's readings here (and reuse them)")
    ap.add_argument("--trafilatura", action="store_true")
    ap.add_argument("--misses", choices=["tune", "check", "all"])
    args = ap.parse_args()
    fixtures = args.dir / "fixtures"
    if not fixtures.is_dir():
        sys.exit(f"{args.dir} is not a checkout of postlight/parser (no {fixtures})")
    keep = args.keep or Path("/tmp/dossier-postlight")
    keep.mkdir(parents=True, exist_ok=True)
    tools = [("Dossier", lambda p: dossier(args.bin, p, keep / f"{p.name}.json"))]
    if args.trafilatura:
        tools.append(("trafilatura", trafilatura))
    rows = [(name, rec) for name, rec in truth(args.dir).items() if (fixtures / name).exists()]
    for tool, read in tools:
        score = {}
        for name, rec in rows:
            got = read(fixtures / name)
            for field, want in rec.items():
                ok = right(field, want, got[field])
                s = score.setdefault((half(name), field), [0, 0])
                s[0] += ok
                s[1] += 1
                if not ok and tool == "Dossier" and args.misses in (half(name), "all"):
                    print(f"{half(name)} {field:14} {name:40} truth={want[:80]!r} ours={got[field][:80]!r}")
        print(f"\n{tool} on {len(rows)} Postlight fixtures")
        print("  half    " + "".join(f"{f:>22}" for f in FIELDS))
        for h in ("tune", "check", "all"):
            cells = []
            for f in FIELDS:
                ok, n = (sum(score.get((x, f), [0, 0])[i] for x in (("tune", "check") if h == "all" else (h,))) for i in (0, 1))
                cells.append(f"{100 * ok / max(n, 1):5.1f}% of {n:3}")
            print(f"  {h:6}  " + "".join(f"{c:>22}" for c in cells))


if __name__ == "__main__":
    main()
