#!/usr/bin/env python3
"""Prints the table of scripts/bench from what it collected.

    scripts/bench-report.py DIRECTORY

DIRECTORY holds harness.txt (the output of `swift package benchmark` in
Benchmarks/), process.json (scripts/bench-process.py --json) and, optionally,
soak.txt (scripts/soak). Each figure is shown with the issue's target and
whether it is met. Standard library only.
"""

import datetime
import json
import os
import re
import sys

UNITS = {"ns": 1e-9, "μs": 1e-6, "us": 1e-6, "ms": 1e-3, "s": 1.0}


def harness_figures(text):
    """{benchmark name: {metric label: [p0, p25, p50, p75, p90, p99, p100] in the metric's unit}}."""
    figures = {}
    name = None
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if stripped[0] not in "│╒╞├╘=" and not stripped.startswith(("[", "Build", "warning")):
            name = stripped
            continue
        if name and stripped.startswith("│"):
            cells = [cell.strip() for cell in stripped.strip("│").split("│")]
            if len(cells) >= 8 and cells[0] != "Metric":
                try:
                    numbers = [float(cell.replace(",", "")) for cell in cells[1:8]]
                except ValueError:
                    continue
                figures.setdefault(name, {})[cells[0]] = numbers
    return figures


def seconds(metrics, label_start="Time (wall clock)"):
    """The median wall-clock time of a benchmark in seconds, or None."""
    for label, numbers in metrics.items():
        if label.startswith(label_start):
            unit = re.search(r"\((ns|μs|us|ms|s)\)", label)
            scale = UNITS[unit.group(1)] if unit else 1.0
            # A count-style label "(K)" / "(M)" would scale the numbers too.
            if re.search(r"\(K\)", label):
                scale *= 1e3
            return numbers[2] * scale
    return None


def find(figures, pattern):
    for name, metrics in figures.items():
        if re.search(pattern, name):
            return name, metrics
    return None, {}


def soak_figures(text):
    rows = []
    for line in text.splitlines():
        parts = line.split()
        if len(parts) == 7 and all(re.fullmatch(r"[0-9.]+", part) for part in parts):
            rows.append([float(part) for part in parts])
    return rows


def machine():
    model = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return f"{model}, {os.cpu_count()} cores"


def milliseconds(value):
    return "n/a" if value is None else f"{value * 1e3:.2f} ms"


def main():
    directory = sys.argv[1] if len(sys.argv) > 1 else ".build/bench"
    with open(os.path.join(directory, "harness.txt")) as file:
        figures = harness_figures(file.read())
    with open(os.path.join(directory, "process.json")) as file:
        process = json.load(file)
    soak = []
    soak_path = os.path.join(directory, "soak.txt")
    if os.path.exists(soak_path):
        with open(soak_path) as file:
            soak = soak_figures(file.read())

    rows = []  # (measure, result, target, verdict)

    def row(measure, result, target="", met=None):
        verdict = "" if met is None else ("met" if met else "MISSED")
        rows.append((measure, result, target, verdict))

    for size in ("120x40", "400x120"):
        _, metrics = find(figures, rf"^Heatmap \+ levels, {size}")
        value = seconds(metrics)
        if size == "400x120":
            row(f"heatmap + levels, {size} cells", milliseconds(value), "< 20 ms",
                None if value is None else value < 0.020)
        else:
            row(f"heatmap + levels, {size} cells", milliseconds(value))
    for steps, note in (("500", "500 steps"), ("5000", "full trails")):
        _, metrics = find(figures, rf"^Frame compose, 120x40, 11 optimizers, {steps} steps")
        value = seconds(metrics)
        row(f"frame compose 120x40, 11 optimizers, {note}", milliseconds(value), "< 1 ms",
            None if value is None else value < 0.001)
    _, metrics = find(figures, r"^Race step, 11 optimizers")
    value = seconds(metrics)
    row("optimizer steps per second (11 racing)",
        "n/a" if value is None else f"{11 / value / 1e6:.2f} M/s ({value * 1e9:.0f} ns/race step)")
    _, metrics = find(figures, r"^Headless frame")
    value = seconds(metrics)
    row("headless frames per second (tick, view, ANSI text)",
        "n/a" if value is None else f"{1 / value:,.0f} /s")
    record = process.get("record")
    if record:
        row("record: frames per second (whole process, 120x40)",
            f"{record['frames_per_second']:,.0f} /s ({record['frames']} frames)")
    else:
        render = process["render"]
        row("render 120x40, 100 steps (whole process)", f"{render['seconds'] * 1e3:.0f} ms",
            "(record not built yet)")

    first = process.get("first_frame_ms")
    row("time to first frame on screen (pty 120x40)",
        "n/a" if first is None else f"{first:.1f} ms", "< 50 ms",
        None if first is None else first < 50)
    steady = process["steady"]
    for name, figures in steady.items():
        row(f"bytes per frame, steady state, {name}",
            f"{figures['mean_bytes']:.0f} B (median {figures['median_bytes']:.0f}, "
            f"max {figures['max_bytes']})",
            "< 4 KB", figures["mean_bytes"] < 4096)
    peak = max([process["live_max_rss_kib"], process["render"]["max_rss_kib"]]
               + ([record["max_rss_kib"]] if record else []))
    row("peak memory (max RSS of the live race and headless runs)",
        f"{peak * 1024 / 1e6:.1f} MB", "< 20 MB", peak * 1024 < 20e6)
    if len(soak) >= 2:
        first_row, last_row = soak[0], soak[-1]
        row(f"soak, {int(last_row[0]):,} steps x 39 racers: RSS first / last chunk",
            f"{first_row[3]:.1f} / {last_row[3]:.1f} MiB", "flat",
            abs(last_row[3] - first_row[3]) < 2.0)
        # The fastest chunk of each half: other work on a shared machine only slows chunks down.
        half = len(soak) // 2
        early = min(r[2] for r in soak[:half])
        late = min(r[2] for r in soak[half:])
        row("soak: ns per racer-step, best chunk of first / second half",
            f"{early:.0f} / {late:.0f} ns", "flat", late < 1.25 * early)

    date = datetime.date.today().isoformat()
    print(f"optiscope benchmarks, {date}, {machine()}, release build")
    widths = [max(len(r[i]) for r in rows + [("measure", "result", "target", "")])
              for i in range(4)]
    header = ("measure", "result", "target", "")
    for index, line in enumerate([header] + rows):
        print("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(line)).rstrip())
        if index == 0:
            print("  ".join("-" * width for width in widths).rstrip())
    missed = [r[0] for r in rows if r[3] == "MISSED"]
    if missed:
        print(f"\n{len(missed)} target(s) missed: " + "; ".join(missed))


if __name__ == "__main__":
    main()
