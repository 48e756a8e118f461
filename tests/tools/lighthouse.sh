#!/usr/bin/env bash
# Lighthouse 12 on the sample site, mobile and desktop presets: fails unless
# every score is 100 (Performance, Accessibility, Best Practices and SEO on
# the front page, an article with code and a table, and a tag page; the
# first three on 404.html, which is rightly `noindex`).
#
#   bash tests/tools/lighthouse.sh            # builds with target/release/dossier
#
# Not in CI: Lighthouse's performance score depends on how busy the machine
# is, and CI machines are shared. Needs Node, Debian's chromium (or
# CHROME_PATH) and installs lighthouse@12 under ~/.cache/dossier-ci when
# missing. Reports go to target/lighthouse/.
set -euo pipefail
cd "$(dirname "$0")/../.."

prefix="$HOME/.cache/dossier-ci/lighthouse"
lh="$prefix/node_modules/.bin/lighthouse"
[[ -x "$lh" ]] || npm install --prefix "$prefix" --no-audit --no-fund lighthouse@12 >/dev/null
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
out=target/lighthouse
site=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$site"' EXIT
cp -r content dossier.yaml "$site/"
[[ -x target/release/dossier ]] || cargo build --release
target/release/dossier build --quiet --root "$site" --base-url "http://127.0.0.1:$port/"
(cd "$site/public" && exec python3 -m http.server "$port" --bind 127.0.0.1 >/dev/null 2>&1) &
server=$!
sleep 1
mkdir -p "$out"

pages=("front:" "article:briefings/red-sea-freight-rates/" "tag:tags/energy/" "404:404.html")
failed=0
for preset in mobile desktop; do
    for entry in "${pages[@]}"; do
        name=${entry%%:*}
        path=${entry#*:}
        categories=performance,accessibility,best-practices,seo
        [[ $name == 404 ]] && categories=performance,accessibility,best-practices
        flags=()
        [[ $preset == desktop ]] && flags=(--preset=desktop)
        report="$out/$name-$preset.json"
        "$lh" "http://127.0.0.1:$port/$path" --quiet "${flags[@]}" \
            --chrome-flags="--headless=new --no-sandbox --disable-gpu" \
            --only-categories="$categories" --output=json --output-path="$report"
        python3 - "$report" "$name" "$preset" <<'PY' || failed=1
import json, sys
report, name, preset = sys.argv[1:]
r = json.load(open(report))
scores = {k: round(v["score"] * 100) for k, v in r["categories"].items()}
print(f"{name:8} {preset:8} " + "  ".join(f"{k} {v}" for k, v in scores.items()))
low = False
for cat in r["categories"].values():
    if cat["score"] < 1:
        low = True
        for ref in cat["auditRefs"]:
            audit = r["audits"][ref["id"]]
            if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
                print(f"    {cat['id']}: {ref['id']} {audit['score']} {audit.get('displayValue', '')}")
sys.exit(1 if low else 0)
PY
    done
done
if [[ $failed -ne 0 ]]; then
    echo "some page scored under 100 (reports in $out/)" >&2
    exit 1
fi
echo "every page scored 100 (reports in $out/)"
