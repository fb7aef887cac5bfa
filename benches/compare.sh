#!/usr/bin/env bash
# nko-draft side by side with what its users would otherwise use, in one run on one machine,
# on synthetic programmes in both profiles of the generator (`short`, and `real-text`, whose
# steps carry real-length text: about 11 MB of YAML at 10 000 steps):
#
#   - `nko-draft build --format md,html` on 1 000 and 10 000 steps, against pandoc 3 turning
#     the Markdown nko-draft wrote into standalone HTML;
#   - `nko-draft build --format pdf` on 10 000 real-text steps, against headless Chromium
#     printing the HTML nko-draft wrote to PDF; and what typst itself takes for the same
#     document (compile and PDF export only: the lower bound of nko-draft's PDF);
#   - `nko-draft check` and `nko-draft add-step` on 10 000 real-text steps.
#
# Prints the median wall time of RUNS runs (default 5; the PDF jobs 3 at most), peak memory
# (/usr/bin/time -v), the ratios, and every target with its measured value and "met" or
# "not met"; exits 1 if one is not met.
#
#   benches/compare.sh [RUNS]
#
# Installs what it needs when missing: pandoc 3 from PyPI (pypandoc-binary), Chromium and GNU
# time from Debian's packages.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-5}
pdf_runs=$((runs < 3 ? runs : 3))
work=$(mktemp -d "${TMPDIR:-/tmp}/nko-draft-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]}" >&2
  as_root apt-get update -q >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need[@]}" >&2
fi
# pandoc 3: Debian's is 2.x; the PyPI wheel carries the current static binary.
pandoc_major() { "$1" --version 2>/dev/null | head -n 1 | sed -E 's/^pandoc[^ ]* ([0-9]+).*/\1/'; }
pandoc=$(command -v pandoc || true)
if [ -z "$pandoc" ] || [ "$(pandoc_major "$pandoc")" -lt 3 ]; then
  pandoc=$(python3 -c 'import pypandoc; print(pypandoc.get_pandoc_path())' 2>/dev/null || true)
  if [ -z "$pandoc" ]; then
    echo "installing pandoc 3 (pypandoc-binary)" >&2
    python3 -m pip install --quiet pypandoc-binary >&2
    pandoc=$(python3 -c 'import pypandoc; print(pypandoc.get_pandoc_path())')
  fi
fi

echo "building nko-draft (release)..." >&2
cargo build --release --quiet --bin nko-draft --example synthetic --example pdf_stages
bin=target/release/nko-draft
for profile in short real-text; do
  for n in 1000 10000; do
    target/release/examples/synthetic "$work/$profile-$n" "$n" "$profile" >/dev/null
  done
done
big=$work/real-text-10000

# Runs a command COUNT times; prints "median_seconds peak_kib" (peak over the runs).
measure() {
  local count=$1 times=() peak=0 line t m
  shift
  for _ in $(seq "$count"); do
    /usr/bin/time -f '%e %M' -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || {
      echo "failed: $*" >&2
      cat "$work/stderr" >&2
      exit 2
    }
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

# `add-step` on a copy, so that the other jobs see the programme as generated; each run adds
# one step (and is refused nothing: every run must write).
cp -r "$big" "$work/add"
add_step=("$bin" -C "$work/add" add-step --case case-3 --title "Форум «Партнёрство для развития» НКО области"
  --deadline 2028-Q3 --responsible org-010 --partner org-011 --indicator i-005 --status proposed)

echo "measuring ($runs runs each, $pdf_runs for the PDF)..." >&2
declare -A t m pt pm
for profile in short real-text; do
  for n in 1000 10000; do
    k=$profile-$n
    read -r "t[$k]" "m[$k]" < <(measure "$runs" "$bin" -C "$work/$k" build --format md,html --out "$work/out-$k")
    read -r "pt[$k]" "pm[$k]" < <(measure "$runs" "$pandoc" -f gfm -t html5 --standalone --metadata title=programme "$work/out-$k/programme.md" -o "$work/pandoc-$k.html")
  done
done
read -r pdf pdfmem < <(measure "$pdf_runs" "$bin" -C "$big" build --format pdf --out "$work/out-pdf")
# Typst alone: the JSON and the template prepared once, then only compile and export measured.
target/release/examples/pdf_stages --prepare "$big" "$work/typst"
read -r typst typstmem < <(measure "$pdf_runs" target/release/examples/pdf_stages --typeset "$work/typst")
read -r chr chrmem < <(measure "$pdf_runs" "$work/chromium-pdf" "$work/out-real-text-10000/programme.html")
read -r check checkmem < <(measure "$runs" "$bin" -C "$big" check)
read -r add addmem < <(measure "$runs" "${add_step[@]}")
added=$(grep -c '^- id: case-3-' "$work/add/steps/case-3.yaml")
[ "$added" -eq $((1250 + runs)) ] || { echo "add-step wrote $((added - 1250)) steps, not $runs" >&2; exit 2; }

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }
mib() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
met() { awk -v x="$1" -v lim="$2" 'BEGIN { print (x <= lim) ? "met" : "not met" }'; }

r_pandoc=$(ratio "${t[real-text-10000]}" "${pt[real-text-10000]}")
r_growth=$(ratio "${t[real-text-10000]}" "${t[real-text-1000]}")
mem_md=$(mib "${m[real-text-10000]}")
mem_pdf=$(mib "$pdfmem")

row() { echo "| $1 | $2 | ${t[$2-$3]} s | $(mib "${m[$2-$3]}") MiB | pandoc md→html | ${pt[$2-$3]} s | $(mib "${pm[$2-$3]}") MiB |"; }

targets=(
  "md,html at 10 000 real-text steps / pandoc's md→html|$r_pandoc|0.05|"
  "growth of md,html from 1 000 to 10 000 real-text steps|$r_growth|11|×"
  "peak memory of md,html at 10 000 real-text steps|$mem_md|150| MiB"
  "PDF at 10 000 real-text steps|$pdf|10| s"
  "peak memory of the PDF at 10 000 real-text steps|$mem_pdf|1024| MiB"
  "check at 10 000 real-text steps|$check|0.3| s"
  "add-step at 10 000 real-text steps|$add|0.3| s"
)

cat <<EOF

machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -sr); pandoc $("$pandoc" --version | head -n 1 | cut -d' ' -f2), $(chromium --version 2>/dev/null | head -n 1)
median of $runs runs ($pdf_runs for the PDF), peak memory over the runs

| job | profile | nko-draft | peak | other tool | its time | its peak |
|---|---|---:|---:|---|---:|---:|
$(row "Markdown + HTML, 1 000 steps" short 1000)
$(row "Markdown + HTML, 10 000 steps" short 10000)
$(row "Markdown + HTML, 1 000 steps" real-text 1000)
$(row "Markdown + HTML, 10 000 steps" real-text 10000)
| PDF, 10 000 steps | real-text | $pdf s | $mem_pdf MiB | Chromium html→pdf | $chr s | $(mib "$chrmem") MiB |
| PDF, 10 000 steps | real-text | | | typst alone (compile + export) | $typst s | $(mib "$typstmem") MiB |
| check, 10 000 steps | real-text | $check s | $(mib "$checkmem") MiB | | | |
| add-step, 10 000 steps | real-text | $add s | $(mib "$addmem") MiB | | | |

| target | measured | limit | |
|---|---:|---:|---|
EOF
failed=0
for line in "${targets[@]}"; do
  IFS='|' read -r what value limit unit <<<"$line"
  verdict=$(met "$value" "$limit")
  echo "| $what | $value$unit | $limit$unit | $verdict |"
  [ "$verdict" = met ] || failed=1
done
exit "$failed"
