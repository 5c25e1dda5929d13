#!/usr/bin/env python3
# build-aux/bench-tables.py ROWS: the tables at the end of `build-aux/dev bench`,
# from the rows the benchmarks appended to ROWS (see tests/bench/bench-common.h):
# one combined table of every figure, Rung against the baseline measured in the
# same run, and a growth table of each figure by the number of candidates.
import re
import sys

rows = []
with open(sys.argv[1], encoding="utf-8") as lines:
    for line in lines:
        bench, size, figure, value, baseline, unit, target = line.rstrip("\n").split("\t")
        rows.append((bench, int(size), figure, float(value), float(baseline), unit, target))


def table(header, body, right):
    widths = [max(len(cells[i]) for cells in [header] + body) for i in range(len(header))]

    def line(cells):
        return "| " + " | ".join(c.rjust(w) if r else c.ljust(w)
                                 for c, w, r in zip(cells, widths, right)) + " |"

    print(line(header))
    print("|" + "|".join("-" * (w + 1) + (":" if r else "-") for w, r in zip(widths, right)) + "|")
    for cells in body:
        print(line(cells))


def amount(value, unit):
    return f"{value:,.3f} {unit}" if value < 100 else f"{value:,.1f} {unit}"


order = {"store": 0, "window": 1, "print": 2}
rows.sort(key=lambda row: (order.get(row[0], 9), row[1]))  # stable: each program's order

print("\nEvery figure, Rung against the baseline measured in the same run:\n")
table(["benchmark", "candidates", "figure", "Rung", "baseline", "ratio", "target"],
      [[bench, f"{size:,}", figure, amount(value, unit),
        amount(baseline, unit) if baseline > 0 else "–",
        f"{value / baseline:.2f}×" if baseline > 0 else "–", target]
       for bench, size, figure, value, baseline, unit, target in rows],
      [False, True, False, True, True, True, False])

sizes = sorted({row[1] for row in rows})
figures = {}
for bench, size, figure, value, baseline, unit, target in rows:
    # The book's rows for a tenth of the candidates compare two sizes already.
    if figure.startswith("baseline peak memory"):
        continue
    figure = re.sub(r" \(vs .*\)$", "", figure)
    figures.setdefault((bench, figure), {})[size] = (value, unit)
# A figure at a single size (such as print's "100 candidates") cannot grow.
figures = {key: by_size for key, by_size in figures.items() if len(by_size) > 1}

header = ["figure"] + [f"{size:,}" for size in sizes]
header += [f"{a:,} → {b:,}" for a, b in zip(sizes, sizes[1:])]
body = []
for (bench, figure), by_size in figures.items():
    cells = [f"{bench}: {figure}"]
    cells += [amount(*by_size[size]) if size in by_size else "–" for size in sizes]
    for a, b in zip(sizes, sizes[1:]):
        cells.append(f"{by_size[b][0] / by_size[a][0]:.2f}×"
                     if a in by_size and b in by_size and by_size[a][0] > 0 else "–")
    body.append(cells)

if body:
    print("\nGrowth with the number of candidates (Rung's figure at each size, then how many"
          " times it grew from one size to the next):\n")
    table(header, body, [False] + [True] * (len(header) - 1))
