"""optiscope from Python: check or trace an optimizer of your own process against torch's.

    import optiscope
    report = optiscope.check(My_Adam, against="adam", lr=0.1, function="rosenbrock")
    print(report)

The package starts the optiscope binary and serves the optimizer to it from
this process, over the same JSON-lines protocol optiscope speaks with its own
helper (two pipes the binary inherits; see `--plugin-channel`).
"""

import json
import os
import shutil
import subprocess
import threading

from . import helper as _helper

__all__ = ["check", "trace", "CheckReport", "TraceReport", "OptiscopeError"]


class OptiscopeError(RuntimeError):
    """optiscope could not run (no binary, a refused option) or the optimizer could not (an
    exception, a timeout, a bad keyword); the message is optiscope's one line. From `check`,
    `.status` is its exit status (64 refused, 2 could not run) and `.report` the cases that ran."""

    status = None
    report = None


class CheckReport:
    """What `check` found: one result per case (dicts of `check --format jsonl`) and the text."""

    def __init__(self, results, status):
        self.results = results
        self.status = status

    @property
    def ok(self):
        """Whether every case agreed with the reference."""
        return self.status == 0

    @property
    def text(self):
        lines = [r.get("text", "") for r in self.results]
        if len(self.results) > 1:
            agree = sum(1 for r in self.results if r.get("result") == "equal")
            lines.append("%d of %d cases agree" % (agree, len(self.results)))
        return "\n".join(lines)

    def __str__(self):
        return self.text

    def __repr__(self):
        return self.text


class TraceReport:
    """The points `trace` printed: rows of dicts (optimizer, step, x, y, f, gx, gy, status)."""

    def __init__(self, rows):
        self.rows = rows

    def points(self, optimizer):
        """The (x, y) points of one optimizer, the start first."""
        return [(r["x"], r["y"]) for r in self.rows if r["optimizer"] == optimizer]

    @property
    def text(self):
        return "\n".join(
            "%s,%d,%r,%r,%r,%s" % (r["optimizer"], r["step"], r["x"], r["y"], r["f"], r["status"])
            for r in self.rows)

    def __str__(self):
        return self.text

    __repr__ = __str__


def _binary(binary):
    found = binary or os.environ.get("OPTISCOPE_BINARY") or shutil.which("optiscope")
    if not found:
        raise OptiscopeError(
            "no optiscope binary: build it (swift build -c release) and set OPTISCOPE_BINARY, or put it on the PATH")
    return found


def _keywords(keywords):
    return ",".join("%s=%r" % (k, v) for k, v in keywords.items())


def _run(arguments, optimizer, keywords, binary):
    """Runs optiscope with `arguments`, serving `optimizer` as `@:NAME:KEYWORDS`; (status, stdout, stderr)."""
    name = getattr(optimizer, "__name__", "optimizer")
    spec = "@:%s" % name + (":" + _keywords(keywords) if keywords else "")
    to_optiscope_read, to_optiscope_write = os.pipe()
    from_optiscope_read, from_optiscope_write = os.pipe()
    command = [_binary(binary)] + [a.replace("{spec}", spec) for a in arguments] + [
        "--plugin-channel", "%d,%d" % (to_optiscope_read, from_optiscope_write)]
    try:
        process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
            pass_fds=(to_optiscope_read, from_optiscope_write))
    except OSError as error:
        for fd in (to_optiscope_read, to_optiscope_write, from_optiscope_read, from_optiscope_write):
            os.close(fd)
        raise OptiscopeError("cannot run %s: %s" % (command[0], error))
    os.close(to_optiscope_read)
    os.close(from_optiscope_write)
    incoming = os.fdopen(from_optiscope_read, "r", encoding="utf-8")
    outgoing = os.fdopen(to_optiscope_write, "w", encoding="utf-8", buffering=1)

    def receive():
        line = incoming.readline()
        return json.loads(line) if line else None

    def send(message):
        outgoing.write(json.dumps(message, allow_nan=False) + "\n")
        outgoing.flush()

    def serve():
        try:
            _helper.Session(receive, send, objects={name: optimizer}).serve()
        except (BrokenPipeError, OSError, ValueError, _helper.ChannelClosed):
            pass

    server = threading.Thread(target=serve, daemon=True)
    server.start()
    out, err = process.communicate()
    try:
        outgoing.close()
    except OSError:
        pass
    server.join(timeout=5)
    incoming.close()
    return process.returncode, out.decode("utf-8", "replace"), err.decode("utf-8", "replace")


def _function_arguments(function, expr, start):
    arguments = []
    if function is not None:
        arguments += ["--function", function]
    if expr is not None:
        arguments += ["--expr", expr]
    if start is not None:
        arguments.append("--start=%r,%r" % (float(start[0]), float(start[1])))
    return arguments


def check(optimizer, against, function=None, expr=None, start=None, steps=None, tolerance=None,
          binary=None, **keywords):
    """Checks `optimizer` (a torch.optim.Optimizer subclass, a history function or an update rule)
    against optiscope's built-in `against` (a SPEC such as "adam"); keywords go to both.

    Numeric keywords are also given to the reference (`lr=0.1` makes it "adam:lr=0.1"),
    unless `against` already names settings. Without `function` or `expr`: the course suite.
    """
    reference = against
    if ":" not in against:
        numeric = {k: v for k, v in keywords.items() if isinstance(v, (int, float)) and not isinstance(v, bool)}
        for k, v in keywords.items():
            if k == "betas" and isinstance(v, (tuple, list)) and len(v) == 2:
                numeric["beta1"], numeric["beta2"] = v
        if numeric:
            reference = against + ":" + ",".join("%s=%r" % (k, float(v)) for k, v in numeric.items())
    arguments = ["check", "--optimizer", "{spec}", "--against", reference, "--format", "jsonl"]
    arguments += _function_arguments(function, expr, start)
    if steps is not None:
        arguments += ["--steps", str(int(steps))]
    if tolerance is not None:
        arguments += ["--tolerance", repr(float(tolerance))]
    status, out, err = _run(arguments, optimizer, keywords, binary)
    results = [json.loads(line) for line in out.splitlines() if line.strip()]
    if status in (0, 1) and results:
        return CheckReport(results, status)
    raise _check_error(results, status, err)


def _check_error(results, status, err):
    """The OptiscopeError of a check that did not agree or differ: a refused argument (status
    64) or a plug-in that could not run (2), with optiscope's one line; `.report` keeps the
    cases that ran."""
    failed = [r for r in results if r.get("result") in ("error", "usage")]
    message = failed[-1].get("text", "") if failed else ""
    if not message:
        lines = [line for line in err.splitlines() if line.strip()]
        message = lines[-1] if lines else "optiscope exited with status %d" % status
    if message.startswith("optiscope: "):
        message = message[len("optiscope: "):]
    error = OptiscopeError(message)
    error.status = status
    error.report = CheckReport([r for r in results if r.get("result") != "usage"], status)
    return error


def trace(optimizer, function=None, expr=None, start=None, steps=100, against=(), binary=None, **keywords):
    """The points `optimizer` visits, beside the built-in optimizers `against` (SPECs)."""
    arguments = ["trace", "--optimizer", "{spec}", "--format", "jsonl", "--steps", str(int(steps))]
    for spec in ([against] if isinstance(against, str) else list(against)):
        arguments += ["--optimizer", spec]
    arguments += _function_arguments(function, expr, start)
    status, out, err = _run(arguments, optimizer, keywords, binary)
    if status != 0:
        raise OptiscopeError(err.strip() or "optiscope exited with status %d" % status)
    return TraceReport([json.loads(line) for line in out.splitlines() if line.strip()])
