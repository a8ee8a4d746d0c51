"""optiscope's plug-in helper: serves one Python optimizer over JSON lines.

optiscope starts ``python helper.py`` with pipes on stdin and stdout and
speaks the protocol documented in the README ("Plug-in optimizers"): one JSON
object per line each way. The helper answers ``hello``, builds the racer a
``create`` names, and answers ``step`` with the next point, asking optiscope
for f and its gradient (``evaluate``) whenever the optimizer calls its
closure or ``func_grad`` somewhere optiscope has not already told it. It
exits when stdin closes, so it never outlives optiscope.

Everything the plug-in prints (``print``, ``sys.stderr``, warnings, and what
C code writes to file descriptors 1 and 2) is captured and sent back in the
replies' ``output`` field; the protocol has its own copy of descriptor 1, so
nothing else can write into it.

The notebook package (``optiscope/__init__.py``) serves objects of its own
process with the same ``Session`` class.
"""

import ast
import importlib
import importlib.util
import inspect
import io
import json
import math
import os
import sys
import traceback

PROTOCOL = 1


class PluginError(Exception):
    """A refusal with a one-line message and a kind optiscope shows ("missing", "spec", ...)."""

    def __init__(self, kind, message, type_name="PluginError", where=""):
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.type_name = type_name
        self.where = where


def mistake(obj, message, type_name="TypeError"):
    """The plug-in's own mistake (what it returned or kept), at the file:line of its definition."""
    return PluginError("exception", message, type_name, defined_at(obj))


def defined_at(obj):
    """file:line where `obj` (a function or class) is defined; "" when unknown."""
    try:
        target = inspect.unwrap(obj)
        path = inspect.getsourcefile(target)
        line = inspect.getsourcelines(target)[1]
    except (TypeError, OSError, ValueError):
        return ""
    return "%s:%d" % (os.path.basename(path), line) if path else ""


def name_of(obj):
    return getattr(obj, "__name__", None) or type(obj).__name__


def short_repr(value):
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


# The spellings of a learning rate, the most usual first (RMSprop's alpha is its smoothing
# constant: a signature with lr has its rate in lr).
LEARNING_RATE_NAMES = ("lr", "learning_rate", "step_size", "stepsize", "eta", "alpha", "learningrate", "lr0")


def learning_rate_keyword(obj, kwargs):
    """The keyword that is `obj`'s learning rate: from its signature, else from the SPEC's keywords.

    None when neither says (a cs231n rule whose SPEC names no rate, a `**kwargs` signature).
    """
    try:
        target = obj.__init__ if inspect.isclass(obj) else obj
        parameters = inspect.signature(target).parameters.values()
        named = [p.name for p in parameters if p.kind not in (p.VAR_KEYWORD, p.VAR_POSITIONAL)]
    except (TypeError, ValueError):
        named = []
    for names in (named, list(kwargs)):
        for spelling in LEARNING_RATE_NAMES:
            if spelling in names:
                return spelling
    return None


class Capture(io.TextIOBase):
    """A text stream that keeps what is written until `take()` (from any thread)."""

    def __init__(self):
        import threading
        self.parts = []
        self.lock = threading.Lock()

    def writable(self):
        return True

    def write(self, text):
        with self.lock:
            self.parts.append(str(text))
        return len(text)

    before_take = None

    def take(self):
        if self.before_take is not None:
            self.before_take()
        with self.lock:
            text = "".join(self.parts)
            self.parts = []
        return text


def capture_descriptors(capture):
    """Points file descriptors 1 and 2 at a pipe whose text joins `capture`.

    What C code, a subprocess or `os.write(1, ...)` writes bypasses sys.stdout;
    a thread reads it from the pipe so it is kept with the rest (it may come
    with the reply after the step that wrote it).
    """
    import select
    import threading
    readable, writable = os.pipe()
    os.dup2(writable, 1)
    os.dup2(writable, 2)
    os.close(writable)
    os.set_blocking(readable, False)

    waiting = select.poll()
    waiting.register(readable, select.POLLIN)

    def take_waiting():
        """What the pipe holds now, into the capture (never waits)."""
        with capture.lock:
            while True:
                try:
                    data = os.read(readable, 65536)
                except BlockingIOError:
                    return
                if not data:
                    return
                capture.parts.append(data.decode("utf-8", "replace"))

    def drain():
        # Keeps the pipe from filling while a step writes a lot.
        while True:
            select.select([readable], [], [])
            take_waiting()

    threading.Thread(target=drain, daemon=True).start()

    def take_if_waiting():
        # A poll is a third of the cost of a read that fails with EAGAIN (an exception
        # raised and caught on every step); most steps write nothing.
        if waiting.poll(0):
            take_waiting()

    # Each reply first takes what the step wrote, so it comes with that step's reply.
    capture.before_take = take_if_waiting


def parse_keywords(text):
    """`lr=0.1,betas=(0.9,0.99)` as a dict of Python literals (commas inside brackets belong to the value)."""
    text = (text or "").strip()
    if not text:
        return {}
    try:
        call = ast.parse("f(" + text + ")", mode="eval").body
    except SyntaxError:
        raise PluginError("spec", "bad keywords '%s': expected KEY=VALUE[,KEY=VALUE...] with Python literals" % text)
    if not isinstance(call, ast.Call) or call.args:
        raise PluginError("spec", "bad keywords '%s': every value needs a name (KEY=VALUE)" % text)
    values = {}
    for keyword in call.keywords:
        if keyword.arg is None:
            raise PluginError("spec", "bad keywords '%s': ** is not a keyword" % text)
        try:
            values[keyword.arg] = ast.literal_eval(keyword.value)
        except (ValueError, SyntaxError, TypeError):
            source = ast.get_source_segment("f(" + text + ")", keyword.value) or "?"
            raise PluginError(
                "spec", "bad value for %s: '%s' is not a Python literal (numbers, strings, tuples, lists, True/False/None)" % (keyword.arg, source))
    return values


def load_object(source, name, base=None):
    """The object `name` of a Python file or an importable module."""
    if source.endswith(".py") or os.sep in source:
        path = source if os.path.isabs(source) or base is None else os.path.join(base, source)
        if not os.path.exists(path):
            raise PluginError("missing", "no such file: %s" % source)
        folder = os.path.dirname(os.path.abspath(path))
        if folder not in sys.path:
            sys.path.insert(0, folder)
        module_name = os.path.splitext(os.path.basename(path))[0]
        spec = importlib.util.spec_from_file_location(module_name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[module_name] = module
        try:
            spec.loader.exec_module(module)
        except ModuleNotFoundError as error:
            missing = error.name or "?"
            raise PluginError(
                "missing", "%s needs the Python module '%s', not installed for %s (install it: %s -m pip install %s)"
                % (source, missing, sys.executable, sys.executable, missing.split(".")[0].replace("_", "-")))
    else:
        try:
            module = importlib.import_module(source)
        except ModuleNotFoundError as error:
            missing = error.name or source
            raise PluginError(
                "missing", "no Python module '%s' for %s (install it: %s -m pip install %s)"
                % (missing, sys.executable, sys.executable, missing.split(".")[0].replace("_", "-")))
    target = module
    for part in name.split("."):
        if not hasattr(target, part):
            known = sorted(n for n in dir(module) if not n.startswith("_"))
            listed = ", ".join(known[:40]) + (", … and %d more" % (len(known) - 40) if len(known) > 40 else "")
            raise PluginError("spec", "%s has no object '%s' (it has: %s)" % (source, name, listed))
        target = getattr(target, part)
    return target


def is_torch_optimizer(obj):
    if not inspect.isclass(obj):
        return False
    torch = sys.modules.get("torch")
    if torch is None:
        # A class can only be a torch optimizer if torch was imported to define it.
        return False
    return issubclass(obj, torch.optim.Optimizer)


def unhooked_step(optimizer):
    """`optimizer.step` as a function of the closure, without torch's profiler annotation.

    torch wraps every optimizer class's `step` (`Optimizer.profile_hook_step`) to run
    the step hooks inside a profiler annotation (`record_function`). The annotation
    does nothing unless a profiler runs, and none runs in the helper, but it costs
    about a third of an Adam step (some 40 µs here). So while no step hook is
    registered the function calls the wrapped step itself, which does all of the
    optimizer's work; with a hook, or when `step` is not torch's wrapper (a class
    that wraps it otherwise, an instance's own `step`), it calls `optimizer.step`.
    """
    whole = optimizer.step
    try:
        from torch.optim import optimizer as base
        step = type(optimizer).step
        inner = step.__wrapped__
        wrapper_code = base.Optimizer.profile_hook_step(lambda *args, **kwargs: None).__code__
        global_pre, global_post = base._global_optimizer_pre_hooks, base._global_optimizer_post_hooks
        optimizer._optimizer_step_pre_hooks, optimizer._optimizer_step_post_hooks
    except AttributeError:
        return whole
    if getattr(step, "__code__", None) is not wrapper_code or "step" in vars(optimizer):
        return whole

    def run(closure):
        if global_pre or global_post or optimizer._optimizer_step_pre_hooks or optimizer._optimizer_step_post_hooks:
            return whole(closure)
        return inner(optimizer, closure)

    return run


def shape_of(obj):
    """"torch", "update" (cs231n's update(w, dw, config)) or "history" (a function returning points)."""
    if is_torch_optimizer(obj):
        return "torch"
    if inspect.isclass(obj) or not callable(obj):
        raise PluginError(
            "spec", "%s is neither a torch.optim.Optimizer subclass nor a function" % getattr(obj, "__name__", obj))
    try:
        names = list(inspect.signature(obj).parameters)
    except (TypeError, ValueError):
        names = []
    if "config" in names or names[:2] == ["w", "dw"] or names[:2] == ["x", "dx"]:
        return "update"
    return "history"


def where_of(error):
    """file:line of the innermost frame outside this helper, for the error's message."""
    frames = traceback.extract_tb(error.__traceback__)
    here = os.path.abspath(__file__)
    outside = [f for f in frames if os.path.abspath(f.filename) != here] or frames
    if not outside:
        return ""
    frame = outside[-1]
    return "%s:%d" % (os.path.basename(frame.filename), frame.lineno)


def number(value):
    value = float(value)
    if value - value == 0.0:  # finite: inf - inf and nan - nan are nan
        return value
    if math.isnan(value):
        return "nan"
    return "inf" if value > 0 else "-inf"


def numbers(values):
    return [number(v) for v in values]


def encode(message):
    """One protocol line for `message`: a step's point written directly, the rest by json."""
    if len(message) == 3 and message.get("op") == "point":
        x, y = message["x"], message["y"]
        if type(x) is float and type(y) is float:  # finite (number() made the others strings)
            return '{"op":"point","x":%r,"y":%r}\n' % (x, y)
    return json.dumps(message, allow_nan=False) + "\n"


STEP_KEYS = (b'{"f":', b'"gx":', b'"gy":', b'"op":"step"', b'"x":', b'"y":')


def parse_line(line):
    """One protocol line (bytes) as a message; the step request optiscope writes read directly.

    optiscope writes a step as `{"f":F,"gx":GX,"gy":GY,"op":"step","x":X,"y":Y}`
    (an optional `"state":true` before x); that line is split on its commas, a third
    of json.loads' time. Any other line, or a step with a non-finite number
    (written as a string), goes through json.
    """
    if line.startswith(b'{"f":'):
        parts = line.rstrip().split(b",")
        count = len(parts)
        if (count == 6 or (count == 7 and parts[4] == b'"state":true')) and parts[3] == b'"op":"step"':
            try:
                return {
                    "op": "step", "f": float(parts[0][5:]), "gx": float(parts[1][5:]),
                    "gy": float(parts[2][5:]), "x": float(parts[-2][4:]), "y": float(parts[-1][4:-1]),
                    "state": count == 7}
            except ValueError:
                pass
    return json.loads(line)


def from_number(value):
    """A number of the protocol: a JSON number or one of the strings "nan", "inf", "-inf"."""
    return float(value)


class ChannelClosed(BaseException):
    """optiscope closed the protocol while a step waited for f: the helper ends.

    Its own type, so that a plug-in's `sys.exit()` or `KeyboardInterrupt` (reported
    like any exception) is not taken for optiscope going away.
    """


class StopRun(Exception):
    """Raised inside a history function's func_grad when optiscope needs no more points."""


class Session:
    """One plug-in racer: the protocol's state machine over `receive()` and `send(message)`."""

    def __init__(self, receive, send, objects=None, capture=None):
        self.receive = receive
        self.send = send
        self.objects = objects or {}
        self.capture = capture or Capture()
        self.shape = None
        self.kwargs = {}
        self.point = None
        self.known = None  # (x, y, f, gx, gy) optiscope sent with the current step
        self.history = None

    # -- the loop

    def serve(self):
        while True:
            message = self.receive()
            if message is None:
                return
            self.handle(message)

    def reply(self, message):
        if self.capture.before_take is not None:
            self.capture.before_take()
        if self.capture.parts:
            message["output"] = self.capture.take()
        self.send(message)

    def handle(self, message):
        op = message.get("op")
        try:
            if op == "step":  # the frequent one first
                self.reply(self.step(message))
            elif op == "hello":
                self.reply(self.hello())
            elif op == "create":
                self.reply(self.create(message))
            elif op == "state":
                self.reply({"op": "state", "state": self.state(), "hyperparameters": self.hyperparameters()})
            elif op == "set":
                self.reply(self.set(message["name"], message["value"]))
            elif op == "restart":
                self.reply(self.restart(message))
            else:
                self.reply({"op": "error", "kind": "protocol", "type": "ProtocolError", "message": "unknown op %r" % op, "where": ""})
        except PluginError as error:
            self.reply({"op": "error", "kind": error.kind, "type": error.type_name, "message": error.message, "where": error.where})
        except StopRun:
            self.reply({"op": "error", "kind": "protocol", "type": "ProtocolError", "message": "evaluation abandoned", "where": ""})
        except ChannelClosed:
            raise
        except BaseException as error:  # the plug-in's own failure (sys.exit() too), reported, never raised
            text = str(error)
            if isinstance(error, SystemExit):
                text = "sys.exit(%r) in the plug-in" % (error.code,)
            elif isinstance(error, KeyboardInterrupt) and not text:
                text = "interrupted in the plug-in"
            self.reply({"op": "error", "kind": "exception", "type": type(error).__name__,
                        "message": text.splitlines()[0] if text else "", "where": where_of(error)})

    # -- requests

    def hello(self):
        versions = {"op": "hello", "protocol": PROTOCOL, "python": sys.version.split()[0]}
        for name in ("numpy", "torch"):
            try:
                versions[name] = importlib.import_module(name).__version__
            except Exception:
                versions[name] = None
        return versions

    def create(self, message):
        source, name = message["source"], message["object"]
        self.kwargs = parse_keywords(message.get("keywords", ""))
        self.n_iter = int(message.get("steps", 1000))
        if source in self.objects or source == "@":
            obj = self.objects.get(name)
            if obj is None:
                raise PluginError("spec", "no object '%s' served (served: %s)" % (name, ", ".join(sorted(self.objects))))
        else:
            obj = load_object(source, name, message.get("directory"))
        self.obj = obj
        self.shape = shape_of(obj)
        self.apply_overrides(message.get("overrides") or {})
        if self.shape in ("torch", "update", "history"):
            try:
                import numpy  # noqa: F401
            except ImportError:
                raise PluginError("missing", "numpy is not installed for %s (install it: %s -m pip install numpy)" % (sys.executable, sys.executable))
        self.restart(message)
        return {"op": "created", "shape": self.shape, "hyperparameters": self.hyperparameters()}

    def apply_overrides(self, overrides):
        """Sets the suite's settings over the SPEC's keywords; `lr` in the plug-in's own spelling."""
        for key, value in overrides.items():
            if key == "lr":
                spelling = learning_rate_keyword(self.obj, self.kwargs)
                if spelling is None:
                    raise PluginError(
                        "spec", "cannot tell which keyword is %s's learning rate: give it in the SPEC (lr=…, learning_rate=…, alpha=…)"
                        % name_of(self.obj))
                key = spelling
            self.kwargs[key] = float(value)

    def restart(self, message):
        import numpy as np
        self.start = np.array([float(message["x"]), float(message["y"])], dtype=np.float64)
        self.point = self.start.copy()
        self.history = None
        self.history_values = None
        self.history_grows = False
        self.steps_taken = 0
        if self.shape == "torch":
            import torch
            self.torch = torch
            self.parameter = torch.tensor(self.start.copy(), dtype=torch.float64, requires_grad=True)
            parameter = self.parameter
            # Fresh tensors each time, as backward() makes after zero_grad() (an optimizer
            # may keep a reference to a grad), built from numpy: a third of torch.tensor's cost
            # (the numbers are Python floats, so the array is float64).
            from_numpy, array, scalar, float64 = torch.from_numpy, np.array, torch.scalar_tensor, torch.float64

            def closure():
                """f at the parameter, with .grad set to ∇f there: evaluated by optiscope.

                The step's first call at the step's own point finds the gradient the step
                set still in place (the usual case: torch.optim's optimizers call the
                closure before anything else), so only the loss is made.
                """
                x, y = parameter.tolist()
                known, grad = self.known, self.step_gradient
                self.step_gradient = None
                if grad is not None and parameter.grad is grad and known[0] == x and known[1] == y:
                    return scalar(known[2], dtype=float64)
                f, gx, gy = self.evaluate(x, y)
                parameter.grad = from_numpy(array((gx, gy)))
                return scalar(f, dtype=float64)

            self.gradient_tensor = lambda gx, gy: from_numpy(array((gx, gy)))
            self.step_gradient = None

            self.closure = closure
            try:
                self.optimizer = self.obj([self.parameter], **self.kwargs)
            except TypeError as error:
                raise PluginError("spec", "%s(%s): %s" % (self.obj.__name__, message.get("keywords", ""), error))
            # Schedule-free optimizers (schedulefree, pytorch_optimizer's ScheduleFree*) step only
            # in train mode, where the parameter is y, the point the gradient is taken at: the
            # trajectory optiscope draws. (eval() would swap in the averaged x.)
            if callable(getattr(self.optimizer, "train", None)):
                self.optimizer.train()
            self.step_function = unhooked_step(self.optimizer)
        elif self.shape == "update":
            self.config = dict(self.kwargs)
        return {"op": "restarted"}

    def evaluate(self, x, y):
        """f and ∇f at (x, y): from the step request when it is that point, else asked of optiscope."""
        if self.known is not None and self.known[0] == x and self.known[1] == y:
            return self.known[2], self.known[3], self.known[4]
        self.reply({"op": "evaluate", "x": number(x), "y": number(y)})
        answer = self.receive()
        if answer is None:
            raise ChannelClosed()
        if answer.get("op") != "value":
            raise StopRun()
        return from_number(answer["f"]), from_number(answer["gx"]), from_number(answer["gy"])

    def step(self, message):
        self.known = (float(message["x"]), float(message["y"]), float(message["f"]),
                      float(message["gx"]), float(message["gy"]))
        if self.shape == "torch":
            # optiscope's position and the tensor's agree unless optiscope moved the racer.
            self.step_gradient = self.parameter.grad = self.gradient_tensor(self.known[3], self.known[4])
            self.step_function(self.closure)
            self.step_gradient = None
            x, y = self.parameter.tolist()
            self.steps_taken += 1
            self.known = None
            reply = {"op": "point", "x": number(x), "y": number(y)}
            if message.get("state"):
                reply["state"] = self.state()
            return reply
        import numpy as np
        if self.shape == "update":
            w = np.array([self.known[0], self.known[1]], dtype=np.float64)
            dw = np.array([self.known[3], self.known[4]], dtype=np.float64)
            result = self.obj(w, dw, self.config)
            if not (isinstance(result, tuple) and len(result) == 2):
                raise mistake(self.obj, "%s returned %s: it must return (next_w, config)" % (name_of(self.obj), short_repr(result)))
            next_w, config = result
            if config is not None:
                if not isinstance(config, dict):
                    raise mistake(self.obj, "%s returned %s as its config: it must be a dict" % (name_of(self.obj), short_repr(config)))
                self.config = config
            point = self.point_of(next_w, "%s returned %s as next_w")
        else:
            if self.history is None:
                self.history = self.run_history(self.n_iter)
            index = self.steps_taken + 1
            if index >= len(self.history):
                self.grow_history(index)
            if index >= len(self.history):
                self.steps_taken += 1
                return {"op": "finished"}
            point = self.history[index]
        self.steps_taken += 1
        self.known = None
        reply = {"op": "point", "x": number(point[0]), "y": number(point[1])}
        if message.get("state"):
            reply["state"] = self.state()
        return reply

    def point_of(self, value, what):
        """`value` (a point the plug-in returned) as two floats; its mistake said in its terms."""
        import numpy as np
        try:
            values = np.asarray(value, dtype=np.float64).reshape(-1)
        except (TypeError, ValueError):
            values = None
        if values is None or len(values) != 2:
            raise mistake(self.obj, what % (name_of(self.obj), short_repr(value)) + ": a point must be two numbers", "ValueError")
        return (float(values[0]), float(values[1]))

    def grow_history(self, index):
        """Calls the history function again with a larger n_iter when the race needs point `index`.

        It is called with the steps a command needs (`create`'s steps; the live race's first
        chunk), and again with twice as many whenever the race goes past the points it
        returned, as long as it returned all it was asked for and optiscope sets its n_iter.
        The new points must begin with the old ones: a trajectory cannot depend on n_iter.
        """
        while index >= len(self.history) and self.history_grows:
            old = self.history
            self.n_iter = max(2 * self.n_iter, index)
            self.history = self.run_history(self.n_iter)
            for step, (before, after) in enumerate(zip(old, self.history)):
                if before != after:
                    raise mistake(self.obj, "%s's point %d with n_iter=%d is %r, with n_iter=%d it was %r: its points must not depend on n_iter"
                                  % (name_of(self.obj), step, self.n_iter, after, len(old) - 1, before), "ValueError")
            if len(self.history) <= len(old):
                return

    def run_history(self, n_iter):
        """Calls the history function once; its returned points (the start first) are the trajectory."""
        import numpy as np
        if self.history_values is None:
            self.history_values = {}
        known = self.history_values

        def func_grad(point):
            x, y = self.point_of(point, "%s gave func_grad %s")
            # A later call with a larger n_iter asks again for the points of the earlier one.
            values = known.get((x, y))
            if values is None:
                values = known[(x, y)] = self.evaluate(x, y)
            f, gx, gy = values
            return f, np.array([gx, gy], dtype=np.float64)

        keywords = dict(self.kwargs)
        names = []
        try:
            names = list(inspect.signature(self.obj).parameters)
        except (TypeError, ValueError):
            pass
        sets_n_iter = "n_iter" in names and "n_iter" not in keywords
        if sets_n_iter:
            keywords["n_iter"] = n_iter
        result = self.obj(self.start.copy(), func_grad, **keywords)
        try:
            returned = list(result)
        except TypeError:
            raise mistake(self.obj, "%s returned %s: it must return the list of points it visited" % (name_of(self.obj), short_repr(result)))
        if not returned:
            raise mistake(self.obj, "%s returned no points" % name_of(self.obj), "ValueError")
        points = [self.point_of(p, "%%s returned %%s as point %d" % index) for index, p in enumerate(returned)]
        # The start is step 0: a history that does not begin with it gets it prepended.
        if points[0] != (float(self.start[0]), float(self.start[1])):
            points.insert(0, (float(self.start[0]), float(self.start[1])))
        # All it was asked for: a larger n_iter may give more.
        self.history_grows = sets_n_iter and len(points) >= n_iter + 1
        return points

    def state(self):
        """The optimizer's state by torch's names (exp_avg, exp_avg_sq, momentum_buffer, step, ...)."""
        found = {}
        if self.shape == "torch":
            for values in self.optimizer.state.values():
                if not hasattr(values, "items"):
                    raise mistake(type(self.optimizer), "%s keeps %s in self.state[p]: torch keeps a dict per parameter (self.state[p][\"step\"] = ...)"
                                  % (name_of(type(self.optimizer)), short_repr(values)))
                for key, value in values.items():
                    found[str(key)] = plain(value)
        elif self.shape == "update":
            # The whole numeric config: its settings and what the rule keeps in it (velocity, ...).
            for key, value in self.config.items():
                found[str(key)] = plain(value)
        return {k: v for k, v in found.items() if v is not None}

    def hyperparameters(self):
        """The editable settings: param_groups[0] (torch) or the numeric config (cs231n); None when fixed."""
        if self.shape == "torch":
            group = self.optimizer.param_groups[0]
            return {k: plain(v) for k, v in group.items() if k != "params" and plain(v) is not None}
        if self.shape == "update":
            return {k: plain(v) for k, v in self.kwargs.items() if plain(v) is not None}
        return None

    def set(self, name, value):
        if self.shape == "torch":
            group = self.optimizer.param_groups[0]
            if name in group and name != "params":
                group[name] = type(group[name])(value) if isinstance(group[name], (int, float)) and not isinstance(group[name], bool) else value
                return {"op": "set", "name": name, "value": value}
            if name in ("beta1", "beta2") and "betas" in group:
                betas = list(group["betas"])
                betas[int(name[-1]) - 1] = float(value)
                group["betas"] = tuple(betas)
                return {"op": "set", "name": name, "value": value}
            return {"op": "unknown", "name": name, "known": sorted(k for k in group if k != "params")}
        if self.shape == "update":
            if name in self.config:
                self.config[name] = float(value)
                return {"op": "set", "name": name, "value": value}
            return {"op": "unknown", "name": name, "known": sorted(self.config)}
        return {"op": "fixed", "name": name}


def plain(value):
    """A JSON-ready copy of a state value: numbers and lists of numbers; None for anything else."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return [number(value)]
    try:
        import numpy as np
        if hasattr(value, "detach"):
            # A tensor's numbers straight to Python floats (no numpy copy on the way).
            return numbers(value.detach().reshape(-1).tolist())
        if isinstance(value, np.ndarray) or isinstance(value, np.generic):
            return numbers(np.asarray(value, dtype=np.float64).reshape(-1).tolist())
        if isinstance(value, (tuple, list)) and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value):
            return numbers(value)
    except ImportError:
        pass
    return None


def watch_parent():
    """Exits when optiscope has gone, even while the plug-in is stuck in a loop of its own.

    stdin's end-of-file ends the helper between requests; a plug-in that never
    returns never reads it, so a thread also watches for the parent's death.
    """
    import threading
    import time

    parent = os.getppid()

    def watch():
        while True:
            time.sleep(0.2)
            if os.getppid() != parent:
                os._exit(0)

    threading.Thread(target=watch, daemon=True).start()


def main():
    # The protocol keeps its own copy of fd 1; fds 1 and 2 then point at a pipe into the
    # capture, so no write from C code reaches the protocol, and none is lost.
    protocol_out = os.dup(1)
    protocol_in = sys.stdin.buffer
    capture = Capture()
    capture_descriptors(capture)
    sys.stdout = capture
    sys.stderr = capture
    # The plug-in's imports find modules of the folder optiscope runs in, not this one.
    here = os.path.dirname(os.path.abspath(__file__))
    sys.path = [p for p in sys.path if os.path.abspath(p or ".") != here]
    sys.path.insert(0, os.getcwd())
    import warnings
    warnings.showwarning = lambda message, category, filename, lineno, file=None, line=None: capture.write(
        "%s:%s: %s: %s\n" % (os.path.basename(filename), lineno, category.__name__, message))

    def receive():
        line = protocol_in.readline()
        if not line:
            return None
        return parse_line(line)

    def send(message):
        # One write(2) per message, no buffering layers in between.
        data = encode(message).encode("utf-8")
        while data:
            data = data[os.write(protocol_out, data):]

    watch_parent()
    try:
        Session(receive, send, capture=capture).serve()
    except (BrokenPipeError, KeyboardInterrupt, ChannelClosed):
        pass
    os._exit(0)


if __name__ == "__main__":
    main()
