#!/usr/bin/env python3
"""Whole-process figures of the real optiscope binary, for scripts/bench.

    scripts/bench-process.py BINARY [--seconds S] [--runs N] [--json]

Runs the interactive program under a pseudo-terminal of 120x40 (as a user's
terminal would be: TERM=xterm-256color, a UTF-8 locale) and measures:

- time from process start (fork) to the first complete frame on screen: the
  end of the output burst in which the bytes written first reach one byte per
  cell, the median of N runs;
- bytes written to the terminal per animation frame in steady state: from a
  second after the first complete frame (not after the start: a terminal that
  never answers optiscope's graphics query holds the first frame back by up to
  a second, and the first frame paints the whole screen), output is split into
  bursts (a frame is written at once, frames are 1/fps apart) and each burst
  is one frame; in 256 colours, and in 24-bit colour (TERM=xterm-direct,
  COLORTERM=truecolor: ncurses sends 24-bit colour only with a direct-colour entry);
- peak memory (maximum resident set size, from wait4) of the live race;
- for the headless commands, wall time and peak memory of `render`, and of
  `record` when the binary has it.

Standard library only; prints a table, or JSON with --json.
"""

import argparse
import fcntl
import json
import os
import pty
import select
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time

COLUMNS, ROWS = 120, 40
# A frame is written in one go; frames are 50 ms apart at 20 fps.
BURST_GAP = 0.012

# The default race's eight (SceneOptions.defaultOptimizers) and the other three
# torch.optim rules at the same pace as Adam.
ELEVEN = [
    "sgd:lr=0.001", "momentum:lr=0.0005", "nesterov:lr=0.0005", "adagrad:lr=1",
    "rmsprop:lr=0.02", "adadelta:lr=5", "adam:lr=0.1", "nadam:lr=0.1",
    "adamw:lr=0.1", "radam:lr=0.1", "adamax:lr=0.1",
]


def terminal_environment(truecolor=False):
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLORTERM")}
    env.update(TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8")
    if truecolor:
        # ncurses sends 24-bit colour only with a direct-colour terminfo entry.
        env.update(TERM="xterm-direct", COLORTERM="truecolor")
    return env


def spawn_in_pty(argv, columns=COLUMNS, rows=ROWS, truecolor=False):
    """Starts argv on a new pseudo-terminal of the given size; returns (pid, master fd, start time)."""
    start = time.monotonic()
    pid, master = pty.fork()
    if pid == 0:
        try:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
            os.execve(argv[0], argv, terminal_environment(truecolor))
        finally:
            os._exit(127)
    return pid, master, start


def read_for(master, seconds, chunks):
    """Appends (time, byte count) of everything the program writes for `seconds`; False at EOF."""
    deadline = time.monotonic() + seconds
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return True
        ready, _, _ = select.select([master], [], [], remaining)
        if not ready:
            continue
        try:
            data = os.read(master, 1 << 16)
        except OSError:
            return False
        if not data:
            return False
        chunks.append((time.monotonic(), len(data)))


def bursts(chunks):
    """Groups (time, bytes) chunks separated by less than BURST_GAP: [(first time, last time, bytes)]."""
    groups = []
    for moment, count in chunks:
        if groups and moment - groups[-1][1] < BURST_GAP:
            first, _, total = groups[-1]
            groups[-1] = (first, moment, total + count)
        else:
            groups.append((moment, moment, count))
    return groups


def quit_and_reap(pid, master):
    """Presses q, drains the output until the program exits; returns (exit status, max RSS in KiB)."""
    try:
        os.write(master, b"q")
    except OSError:
        pass
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done == pid:
            os.close(master)
            return os.waitstatus_to_exitcode(status), usage.ru_maxrss
        ready, _, _ = select.select([master], [], [], 0.05)
        if ready:
            try:
                os.read(master, 1 << 16)
            except OSError:
                pass
    os.kill(pid, signal.SIGKILL)
    _, status, usage = os.wait4(pid, 0)
    os.close(master)
    return None, usage.ru_maxrss


def first_frame_seconds(binary, arguments):
    """Seconds from fork to the end of the first full frame, or None if none came."""
    pid, master, start = spawn_in_pty([binary] + arguments)
    chunks = []
    read_for(master, 1.5, chunks)
    quit_and_reap(pid, master)
    total = 0
    for first, last, count in bursts(chunks):
        total += count
        if total >= COLUMNS * ROWS:
            return last - start
    return None


def read_first_frame(master, seconds, chunks):
    """Reads until the bytes written reach one per cell (the first complete frame), at most
    `seconds`; False at EOF."""
    deadline = time.monotonic() + seconds
    while sum(count for _, count in chunks) < COLUMNS * ROWS:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return True
        if not read_for(master, min(remaining, 0.05), chunks):
            return False
    return True


def steady_frames(binary, arguments, seconds, warmup=1.0, truecolor=False):
    """Burst sizes (bytes per frame) from `warmup` seconds after the first complete frame,
    exit status and peak memory."""
    pid, master, start = spawn_in_pty([binary] + arguments, truecolor=truecolor)
    chunks = []
    read_first_frame(master, 5.0, chunks)
    read_for(master, warmup, chunks)
    measured = []
    read_for(master, seconds, measured)
    status, peak = quit_and_reap(pid, master)
    frames = [count for _, _, count in bursts(measured)]
    return frames, status, peak


def headless(argv):
    """Runs a headless command; returns (seconds, max RSS KiB, exit status)."""
    start = time.monotonic()
    with open(os.devnull, "wb") as sink:
        process = subprocess.Popen(argv, stdout=sink, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.monotonic() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_maxrss, process.returncode


def has_terminfo(name):
    """Whether the terminfo database (as TERMINFO_DIRS and the rest say) has the entry `name`."""
    try:
        return subprocess.run(["infocmp", name], capture_output=True).returncode == 0
    except OSError:
        return False


def has_record(binary):
    """Whether the binary lists a `record` subcommand in its help."""
    result = subprocess.run([binary, "--help"], capture_output=True, text=True)
    return any(line.split()[:1] == ["record"] for line in result.stdout.splitlines())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("binary")
    parser.add_argument("--seconds", type=float, default=4.0, help="steady-state window")
    parser.add_argument("--runs", type=int, default=7, help="runs for the first-frame median")
    parser.add_argument("--json", action="store_true")
    options = parser.parse_args()
    binary = os.path.abspath(options.binary)

    results = {}
    starts = [first_frame_seconds(binary, []) for _ in range(options.runs)]
    starts = [s for s in starts if s is not None]
    results["first_frame_ms"] = 1000 * statistics.median(starts) if starts else None

    eleven = [argument for spec in ELEVEN for argument in ("--optimizer", spec)]
    scenes = {
        "default race, 1 step/frame": ([], False),
        "11 optimizers, 1 step/frame": (["--function", "rosenbrock"] + eleven, False),
        "11 optimizers, 1 step/frame, 24-bit": (["--function", "rosenbrock"] + eleven, True),
        "11 optimizers, 256 steps/frame": (
            ["--function", "rosenbrock", "--steps-per-frame", "256"] + eleven, False),
    }
    results["steady"] = {}
    peak = 0
    for name, (arguments, truecolor) in scenes.items():
        if truecolor and not has_terminfo("xterm-direct"):
            print(f"bench-process: no terminfo entry xterm-direct (Debian's ncurses-term has it; "
                  f"or set TERMINFO_DIRS): '{name}' left out", file=sys.stderr)
            continue
        frames, status, memory = steady_frames(
            binary, arguments, options.seconds, truecolor=truecolor)
        peak = max(peak, memory)
        results["steady"][name] = {
            "frames": len(frames),
            "mean_bytes": statistics.mean(frames) if frames else None,
            "median_bytes": statistics.median(frames) if frames else None,
            "max_bytes": max(frames) if frames else None,
            "exit_status": status,
            "max_rss_kib": memory,
        }
    results["live_max_rss_kib"] = peak

    seconds, memory, status = headless(
        [binary, "render", "--size", "120x40", "--steps", "100", "--color", "always"])
    results["render"] = {"seconds": seconds, "max_rss_kib": memory, "exit_status": status}
    if has_record(binary):
        with tempfile.TemporaryDirectory() as scratch:
            out = os.path.join(scratch, "race.txt")
            frames = 1000
            seconds, memory, status = headless(
                [binary, "record", "--size", "120x40", "--frames", str(frames), "--out", out,
                 "--force"])
            results["record"] = {
                "frames": frames, "seconds": seconds, "frames_per_second": frames / seconds,
                "max_rss_kib": memory, "exit_status": status,
            }
    else:
        results["record"] = None

    if options.json:
        print(json.dumps(results, indent=2))
        return
    if results["first_frame_ms"] is None:
        print("first frame on screen (120x40 pty): none within 1.5 s")
    else:
        print(f"first frame on screen (120x40 pty, median of {len(starts)}): "
              f"{results['first_frame_ms']:.1f} ms")
    for name, figures in results["steady"].items():
        print(f"steady state, {name}: {figures['frames']} frames, "
              f"mean {figures['mean_bytes']:.0f} B/frame, median {figures['median_bytes']:.0f}, "
              f"max {figures['max_bytes']}, max RSS {figures['max_rss_kib'] / 1024:.1f} MiB, "
              f"exit {figures['exit_status']}")
    render = results["render"]
    print(f"render 120x40, 100 steps: {render['seconds'] * 1000:.0f} ms, "
          f"max RSS {render['max_rss_kib'] / 1024:.1f} MiB")
    if results["record"]:
        record = results["record"]
        print(f"record 120x40, {record['frames']} frames: {record['frames_per_second']:.0f} frames/s, "
              f"max RSS {record['max_rss_kib'] / 1024:.1f} MiB")
    else:
        print("record: not in this binary")


if __name__ == "__main__":
    sys.exit(main())
