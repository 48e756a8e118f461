#!/usr/bin/env bash
# Fuzzes Dossier's parsers with cargo-fuzz (libFuzzer), each target for
# SECONDS (default 600: the 10 minutes issue 12 asks for).
#
#   bash tests/fuzz/run.sh                 # every target, 10 minutes each
#   bash tests/fuzz/run.sh markdown 60     # one target, one minute
#
# Needs a nightly toolchain and cargo-fuzz; both are installed here when
# missing (rustup and crates.io). Seeds come from tests/fuzz/seeds/ and,
# when ../shared is beside the repository, from its corpus. The working
# corpus grows in tests/fuzz/corpus/ (not committed). A crash stops the
# target and leaves its input in tests/fuzz/artifacts/<target>/: fix it,
# then copy the input to tests/fuzz/regressions/<target>/ so
# `cargo test --test fuzz_regressions` replays it for ever.
set -euo pipefail
cd "$(dirname "$0")/../.."
fuzz=tests/fuzz
shared=../shared/corpus

all=(front_matter clean_text clean_html markdown near_dup serve_path)
targets=("${1:-all}")
[[ "${targets[0]}" == all ]] && targets=("${all[@]}")
seconds="${2:-600}"
# Longest input tried. Real pages are often longer, but the cleaners run at a
# few inputs per second on 256 KB under AddressSanitizer; at 64 KB they try
# several times as many.
max_len="${MAX_LEN:-65536}"

rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked

# Up to N files of a shared corpus folder as seeds (gunzipped).
seed_from() { # target folder glob count
    local out="$fuzz/corpus/$1" n=0
    [[ -d "$shared/$2" ]] || return 0
    for f in "$shared/$2"/$3; do
        [[ -f "$f" ]] || continue
        local name out_file
        name=$(basename "$f" .gz)
        out_file="$out/shared-$name"
        [[ -f "$out_file" ]] || { case "$f" in *.gz) gzip -dc "$f" >"$out_file" ;; *) cp "$f" "$out_file" ;; esac; }
        n=$((n + 1))
        if [[ $n -ge $4 ]]; then break; fi
    done
    return 0
}

failed=()
for t in "${targets[@]}"; do
    mkdir -p "$fuzz/corpus/$t"
    cp -n "$fuzz/seeds/$t/"* "$fuzz/corpus/$t/" 2>/dev/null || true
    case "$t" in
        clean_html) seed_from "$t" scrapinghub/html '*' 100; seed_from "$t" readability-meta/html '*' 100 ;;
        clean_text) seed_from "$t" cleaneval-text/pages '*' 100; seed_from "$t" seed '*' 10 ;;
        near_dup) seed_from "$t" seed '*' 10 ;;
    esac
    echo "== fuzz $t for ${seconds}s"
    cargo +nightly fuzz run --fuzz-dir "$fuzz" "$t" "$fuzz/corpus/$t" -- \
        -max_total_time="$seconds" -max_len="$max_len" -rss_limit_mb=4096 -timeout=20 \
        -print_final_stats=1 || failed+=("$t")
done
if [[ ${#failed[@]} -gt 0 ]]; then
    echo "fuzzing found crashes in: ${failed[*]} (inputs under $fuzz/artifacts/)" >&2
    exit 1
fi
echo "fuzzing found no crash in: ${targets[*]}"
