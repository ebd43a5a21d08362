#!/usr/bin/env bash
# Where the PDF renderer's CPU goes, by owner: cairo writing the pages and the file, cairo and
# Pango drawing calls, our layout building (Pango shaping and measuring), our PDF/UA
# post-processing and our own drawing code. Samples one serial PDF-only run with perf and sorts
# each sample by the frames on its stack (bench/README.md, "Where the PDF time goes"). The
# share that is cairo's and Pango's is the floor of the PDF stage: what it would cost per page if
# our own code took no time at all.
#
# Usage: bench/pdf-cost-split.sh INPUT.xlsx [BUILD_DIR]      (needs linux-perf and python3)
# Settings (environment): WORK=/tmp/ipsreport-pdf-split (scratch), FREQ=1000 (samples/s)
set -eu

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
input="${1:?usage: bench/pdf-cost-split.sh INPUT.xlsx [BUILD_DIR]}"
build="${2:-$repo/build}"
work="${WORK:-/tmp/ipsreport-pdf-split}"
freq="${FREQ:-1000}"

command -v perf >/dev/null || { echo "pdf-cost-split: perf is missing: apt-get install linux-perf" >&2; exit 1; }
[[ -x "$build/ipsreport" ]] || { echo "pdf-cost-split: no ipsreport in $build" >&2; exit 1; }
mkdir -p "$work"
rm -rf "$work/out"

# One thread, so that every sample of a report is on one stack; DWARF call graphs, because the
# system libraries have no frame pointers.
perf record -q -F "$freq" --call-graph dwarf,32768 -o "$work/perf.data" -- \
  "$build/ipsreport" run "$input" --out "$work/out" --formats pdf --jobs 1 --timings \
  >"$work/run.log" 2>&1 || true
grep -E '^timing (cpu|pdf pages)' "$work/run.log" || { echo "pdf-cost-split: the run failed, see $work/run.log" >&2; exit 1; }
perf script -i "$work/perf.data" -F ip,sym,dso 2>/dev/null >"$work/stacks.txt"

python3 - "$work/stacks.txt" "$work/run.log" <<'EOF'
import collections, re, sys

stacks, frames = [], []
for line in open(sys.argv[1], errors="replace"):
    line = line.strip()
    if line:
        frames.append(line)
    elif frames:
        stacks.append(frames)
        frames = []
if frames:
    stacks.append(frames)

def library(frame):
    m = re.search(r"\(([^)]*)\)$", frame)
    return m.group(1).rsplit("/", 1)[-1] if m else "?"

# The first rule whose frame is on the stack decides; a sample outside render_pdf is not counted.
owners = [
    ("finish_pdf_ua", "ours: PDF/UA post-processing (qpdf, deflate, structure attributes)"),
    ("PdfLayout::PdfLayout", "ours: layout building (Pango shaping and measuring included)"),
    ("cairo_show_page", "cairo: writing each page (replay, analysis, PDF operators)"),
    ("cairo_surface_finish", "cairo: finishing the file (fonts, structure tree, objects)"),
]
drawing_libraries = ("libcairo", "libpango", "libharfbuzz", "libpixman", "libfreetype",
                     "libglib", "libgobject", "libc.so", "libm.so", "libz.so")
counts = collections.Counter()
for s in stacks:
    text = "\n".join(s)
    if "render::render_pdf" not in text:
        continue
    for needle, owner in owners:
        if needle in text:
            break
    else:
        if library(s[0]).startswith(drawing_libraries):
            owner = "cairo/Pango: drawing calls (glyphs, paths, tags) and their allocations"
        else:
            owner = "ours: drawing code"
    counts[owner] += 1

total = sum(counts.values())
if not total:
    sys.exit("pdf-cost-split: no samples inside render_pdf")
log = open(sys.argv[2]).read()
cpu = float(re.search(r"pdf ([0-9.]+) s", log).group(1))
pages = int(re.search(r"pdf pages: ([0-9]+)", log).group(1))
print(f"\n{total} samples in render_pdf; PDF {cpu:.2f} CPU-s for {pages} pages "
      f"({pages / cpu:.0f} pages per CPU-second)\n")
print("| Share | Owner |\n|---:|---|")
for owner, n in counts.most_common():
    print(f"| {100 * n / total:.1f} % | {owner} |")
theirs = sum(n for owner, n in counts.items() if not owner.startswith("ours"))
floor = pages / (cpu * theirs / total)
print(f"\ncairo's and Pango's share: {100 * theirs / total:.1f} % — with our own code free, "
      f"{floor:.0f} pages per CPU-second at most")
EOF
