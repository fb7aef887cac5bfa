#!/usr/bin/env bash
# nko-draft side by side with what its users would otherwise use, in one run on one machine:
#
#   - `nko-draft build --format md,html` on 1 000 and 10 000 synthetic steps, against pandoc
#     turning the Markdown nko-draft wrote into standalone HTML;
#   - `nko-draft build --format pdf` on 1 000 steps, against headless Chromium printing the
#     HTML nko-draft wrote to PDF.
#
# Prints the median wall time of RUNS runs (default 5), peak memory (/usr/bin/time -v), the
# ratios, and whether each target holds; exits 1 if one does not.
#
#   benches/compare.sh [RUNS]
#
# Installs what it needs from Debian's packages when missing (pandoc, chromium, time).
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-5}
work=$(mktemp -d "${TMPDIR:-/tmp}/nko-draft-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
need=()
command -v pandoc >/dev/null || need+=(pandoc)
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]}" >&2
  as_root apt-get update -q >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need[@]}" >&2
fi

echo "building nko-draft (release)..." >&2
cargo build --release --quiet --bin nko-draft --example synthetic
bin=target/release/nko-draft
for n in 1000 10000; do
  target/release/examples/synthetic "$work/p$n" "$n" >/dev/null
done

# Runs a command RUNS times; prints "median_seconds peak_kib" (peak over the runs).
measure() {
  local times=() peak=0 line t m
  for _ in $(seq "$runs"); do
    /usr/bin/time -f '%e %M' -o "$work/time" "$@" >/dev/null 2>&1
    line=$(tail -n 1 "$work/time")
    t=${line% *}
    m=${line#* }
    times+=("$t")
    [ "$m" -gt "$peak" ] && peak=$m
  done
  local median
  median=$(printf '%s\n' "${times[@]}" | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }')
  echo "$median $peak"
}

# Chromium printing a page to PDF, as `chromium-pdf FILE.html` (a script, so that
# /usr/bin/time can run it); a fresh profile each time.
cat > "$work/chromium-pdf" <<EOS
#!/usr/bin/env bash
profile=\$(mktemp -d "$work/chromium.XXXXXX")
exec chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \\
  --disable-background-networking --disable-component-update --disable-sync \\
  --user-data-dir="\$profile" --no-pdf-header-footer --print-to-pdf="$work/chromium.pdf" \\
  "file://\$1"
EOS
chmod +x "$work/chromium-pdf"

echo "measuring ($runs runs each)..." >&2
read -r md1k mem1k < <(measure "$bin" -C "$work/p1000" build --format md,html --out "$work/o1000")
read -r md10k mem10k < <(measure "$bin" -C "$work/p10000" build --format md,html --out "$work/o10000")
read -r pandoc1k pmem1k < <(measure pandoc -f gfm -t html5 --standalone --metadata title=programme "$work/o1000/programme.md" -o "$work/pandoc1000.html")
read -r pandoc10k pmem10k < <(measure pandoc -f gfm -t html5 --standalone --metadata title=programme "$work/o10000/programme.md" -o "$work/pandoc10000.html")
read -r pdf1k pdfmem < <(measure "$bin" -C "$work/p1000" build --format pdf --out "$work/o1000")
read -r chr1k chrmem < <(measure "$work/chromium-pdf" "$work/o1000/programme.html")

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }
mib() { awk -v k="$1" 'BEGIN { printf "%.0f MiB", k / 1024 }'; }
verdict() { awk -v x="$1" -v lim="$2" 'BEGIN { print (x <= lim) ? "yes" : "NO" }'; }

r_pandoc=$(ratio "$md10k" "$pandoc10k")
r_growth=$(ratio "$md10k" "$md1k")
r_pdf=$(ratio "$pdf1k" "$chr1k")
mem10k_mib=$(awk -v k="$mem10k" 'BEGIN { printf "%.1f", k / 1024 }')

cat <<EOF

machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -sr); pandoc $(pandoc --version | head -n 1 | cut -d' ' -f2), $(chromium --version 2>/dev/null | head -n 1)
median of $runs runs, peak memory over the runs

| job | steps | nko-draft | peak | other tool | its time | its peak |
|---|---:|---:|---:|---|---:|---:|
| Markdown + HTML | 1 000 | ${md1k} s | $(mib "$mem1k") | pandoc md→html | ${pandoc1k} s | $(mib "$pmem1k") |
| Markdown + HTML | 10 000 | ${md10k} s | $(mib "$mem10k") | pandoc md→html | ${pandoc10k} s | $(mib "$pmem10k") |
| PDF | 1 000 | ${pdf1k} s | $(mib "$pdfmem") | Chromium html→pdf | ${chr1k} s | $(mib "$chrmem") |

| target | measured | limit | met |
|---|---:|---:|---|
| md,html at 10 000 steps / pandoc's md→html | ${r_pandoc} | 0.10 | $(verdict "$r_pandoc" 0.10) |
| growth from 1 000 to 10 000 steps | ${r_growth}× | 11× | $(verdict "$r_growth" 11) |
| peak memory at 10 000 steps | ${mem10k_mib} MiB | 200 MiB | $(verdict "$mem10k_mib" 200) |
| PDF at 1 000 steps / Chromium printing | ${r_pdf} | 1.00 | $(verdict "$r_pdf" 0.9999) |
EOF

for v in "$(verdict "$r_pandoc" 0.10)" "$(verdict "$r_growth" 11)" "$(verdict "$mem10k_mib" 200)" "$(verdict "$r_pdf" 0.9999)"; do
  [ "$v" = yes ] || exit 1
done
