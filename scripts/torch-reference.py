#!/usr/bin/env python3
"""Writes torch.optim reference trajectories for optiscope's optimizer tests.

    ~/.cache/optiscope-venv/bin/python scripts/torch-reference.py [OUTPUT]

(default OUTPUT: Tests/OptimKitTests/Fixtures/torch-optimizers.json). The file
has the shape of ../shared/goldens/torch-trajectories.json (see its README):
one case per optimizer x option x function, live changes and divergence
included, each a list of [x, y, f] after k steps.

- torch runs in float64 (default dtype float64, so the scalar state torch keeps
  in tensors, e.g. ASGD's eta and mu, is float64 too) with foreach=False: the
  `_single_tensor_*` code paths.
- The gradient is not torch's autograd but the hand-written formula below,
  evaluated in Python floats, operation for operation as the tests' hand
  objective (Tests/OptimKitTests/HandObjective.swift) evaluates it in Swift.
  So the two sides feed the optimizer identical gradients, and the replay can
  require torch's points bit for bit: any difference is the optimizer's.
- torch's CPU kernels are those of the machine's capability (AVX2 and AVX512
  fuse `add(alpha=)`, `addcmul` and `lerp` into one rounding; the DEFAULT
  capability does not). The fixtures record `torch.backends.cpu.get_cpu_capability()`.
- A case stops at the first non-finite x, y or f (written as null), where
  optiscope marks the racer diverged.
- A change at step k edits `param_groups[0]` after k steps (state kept).
- torch's `Tensor.sqrt` on x86 is not correctly rounded (about 0.6% of its
  results are one ulp low; optiscope's square root is correctly rounded). The
  generator watches every `Tensor.sqrt`/`sqrt_` torch's optimizers call and
  writes `exact_steps`: the steps before the first such ulp, through which the
  replay must match torch bit for bit (absent: the whole case).
"""
import json
import math
import os
import random
import sys

import torch

torch.set_default_dtype(torch.float64)


# f and its gradient, written exactly as HandObjective.swift writes them.
def rosenbrock(x, y):
    return ((1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x),
            (-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)))


def himmelblau(x, y):
    a = x * x + y - 11
    b = x + y * y - 7
    return a * a + b * b, (4 * x * a + 2 * b, 2 * a + 4 * y * b)


def three_hump_camel(x, y):
    x2 = x * x
    return (2 * x2 - 1.05 * (x2 * x2) + x2 * x2 * x2 / 6 + x * y + y * y,
            (4 * x - 4.2 * (x2 * x) + x2 * x2 * x + y, x + 2 * y))


def saddle(x, y):
    return x * x / 10 - y * y / 10, (2 * x / 10, -2 * y / 10)


FUNCTIONS = {
    "rosenbrock": (rosenbrock, "(1-x)^2 + 100*(y-x^2)^2", [-1.5, 2.0]),
    "himmelblau": (himmelblau, "(x^2+y-11)^2 + (x+y^2-7)^2", [0.0, 0.0]),
    "three-hump-camel": (three_hump_camel, "2*x^2 - 1.05*x^4 + x^6/6 + x*y + y^2", [-2.5, 2.0]),
    "saddle": (saddle, "x^2/10 - y^2/10", [-2.0, 0.01]),
}

class Lion(torch.optim.Optimizer):
    """lion-pytorch's Lion (lucidrains, the update of Chen et al. 2023), its
    update_fn line for line; optiscope's `lion` follows that package."""

    def __init__(self, params, lr=1e-4, betas=(0.9, 0.99), weight_decay=0.0):
        super().__init__(params, dict(lr=lr, betas=betas, weight_decay=weight_decay))

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            for p in group["params"]:
                lr, wd, (beta1, beta2) = group["lr"], group["weight_decay"], group["betas"]
                state = self.state[p]
                if len(state) == 0:
                    state["exp_avg"] = torch.zeros_like(p)
                exp_avg = state["exp_avg"]
                p.data.mul_(1.0 - lr * wd)
                update = exp_avg.clone().mul_(beta1).add(p.grad, alpha=1.0 - beta1).sign_()
                p.add_(update, alpha=-lr)
                exp_avg.mul_(beta2).add_(p.grad, alpha=1.0 - beta2)


# optiscope name -> (torch class, fixed keyword arguments)
OPTIMIZERS = {
    "sgd": (torch.optim.SGD, {}),
    "momentum": (torch.optim.SGD, {"momentum": 0.9}),
    "nesterov": (torch.optim.SGD, {"momentum": 0.9, "nesterov": True}),
    "adagrad": (torch.optim.Adagrad, {}),
    "adadelta": (torch.optim.Adadelta, {}),
    "rmsprop": (torch.optim.RMSprop, {}),
    "adam": (torch.optim.Adam, {}),
    "adamw": (torch.optim.AdamW, {}),
    "nadam": (torch.optim.NAdam, {}),
    "radam": (torch.optim.RAdam, {}),
    "adamax": (torch.optim.Adamax, {}),
    "rprop": (torch.optim.Rprop, {}),
    "asgd": (torch.optim.ASGD, {}),
    "lion": (Lion, {}),
    "adafactor": (torch.optim.Adafactor, {}),
    "muon": (torch.optim.Muon, {}),
    "lbfgs": (torch.optim.LBFGS, {}),
}
NO_FOREACH = {"lion", "muon", "lbfgs"}
# Optimizers whose step takes a closure (torch's LBFGS): one optiscope step is one
# step(closure), the closure evaluating f and the gradient at the parameter as it is.
CLOSURE = {"lbfgs"}
# Optimizers that take the parameter as a 1x2 matrix (torch's Muon refuses vectors).
MATRIX = {"muon"}
# Optimizers planned here that optiscope does not build in yet.
PENDING = set()

# optiscope's split keys -> (torch's pair, index)
PAIRS = {
    "beta1": ("betas", 0), "beta2": ("betas", 1),
    "etaminus": ("etas", 0), "etaplus": ("etas", 1),
    "step_size_min": ("step_sizes", 0), "step_size_max": ("step_sizes", 1),
    "eps1": ("eps", 0), "eps2": ("eps", 1),
}
PAIR_DEFAULTS = {"betas": (0.9, 0.999), "etas": (0.5, 1.2), "step_sizes": (1e-6, 50),
                 "eps": (None, 1e-3)}


def torch_arguments(params, defaults):
    """optiscope's keys as torch's keyword arguments (pairs joined again)."""
    arguments = dict(defaults)
    for key, value in params.items():
        if key in PAIRS:
            pair, index = PAIRS[key]
            current = list(arguments.get(pair, PAIR_DEFAULTS[pair]))
            current[index] = value
            arguments[pair] = tuple(current)
        else:
            arguments[key] = value
    return arguments


def edit_group(group, params):
    for key, value in params.items():
        if key in PAIRS:
            pair, index = PAIRS[key]
            current = list(group[pair])
            current[index] = value
            group[pair] = tuple(current)
        else:
            group[key] = value


class SquareRootWatch:
    """Wraps Tensor.sqrt and Tensor.sqrt_ to note the first step at which torch's
    square root differs from the correctly rounded one (math.sqrt)."""

    def __init__(self):
        self.step = 0
        self.first_inexact = None
        self.original = (torch.Tensor.sqrt, torch.Tensor.sqrt_)
        watch = self

        def sqrt(tensor):
            inputs = tensor.reshape(-1).tolist()
            result = watch.original[0](tensor)
            watch.check(inputs, result)
            return result

        def sqrt_(tensor):
            inputs = tensor.reshape(-1).tolist()
            result = watch.original[1](tensor)
            watch.check(inputs, result)
            return result

        torch.Tensor.sqrt, torch.Tensor.sqrt_ = sqrt, sqrt_

    def check(self, inputs, result):
        if self.first_inexact is not None:
            return
        for value, root in zip(inputs, result.reshape(-1).tolist()):
            if value >= 0 and math.isfinite(value) and math.sqrt(value) != root:
                self.first_inexact = self.step
                return

    def start(self):
        self.step = 0
        self.first_inexact = None


SQUARE_ROOTS = SquareRootWatch()


def finite_or_none(value):
    return value if math.isfinite(value) else None


def run(case):
    function, expr, default_start = FUNCTIONS[case["function"]]
    start = case.setdefault("start", default_start)
    cls, fixed = OPTIMIZERS[case["optimizer"]]
    params = dict(case["params"])
    clip = params.pop("clip", None)
    holding = params.pop("shape", "matrix" if case["optimizer"] in MATRIX else "vector")
    arguments = torch_arguments(params, fixed)
    if case["optimizer"] not in NO_FOREACH:
        arguments["foreach"] = False
    # shape=: one 2-vector, two scalar tensors, or one 1x2 matrix.
    if holding == "scalars":
        tensors = [torch.tensor(start[0], dtype=torch.float64),
                   torch.tensor(start[1], dtype=torch.float64)]
    else:
        size = (1, 2) if holding == "matrix" else (2,)
        tensors = [torch.tensor(start, dtype=torch.float64).reshape(size)]
    try:
        optimizer = cls(tensors, **arguments)
    except ValueError as refusal:
        # torch refuses the shape (Muon: 2-D only): the case records torch's message.
        case["refused"] = str(refusal)
        case["expr"] = expr
        case["trajectory"] = []
        return case
    changes = {change["step"]: change["params"] for change in case.get("changes", [])}
    value, _ = function(*start)
    trajectory = [[start[0], start[1], value]]
    evaluations = [0]

    def position():
        return [value for tensor in tensors for value in tensor.flatten().tolist()]

    def set_gradient(gradient):
        if holding == "scalars":
            for tensor, value in zip(tensors, gradient):
                tensor.grad = torch.tensor(value, dtype=torch.float64)
        else:
            tensors[0].grad = torch.tensor(gradient, dtype=torch.float64).reshape(tensors[0].shape)

    def closure():
        # What a torch user writes for LBFGS with clipping: clip inside the closure, after
        # backward, since LBFGS calls the closure itself.
        evaluations[-1] += 1
        x, y = position()
        loss, gradient = function(x, y)
        set_gradient(gradient)
        if clip is not None:
            torch.nn.utils.clip_grad_norm_(tensors, clip)
        return torch.tensor(loss, dtype=torch.float64)

    SQUARE_ROOTS.start()
    for k in range(1, case["steps"] + 1):
        SQUARE_ROOTS.step = k
        if case["optimizer"] in CLOSURE:
            evaluations.append(0)
            optimizer.step(closure)
        else:
            x, y = position()
            _, gradient = function(x, y)
            set_gradient(gradient)
            if clip is not None:
                torch.nn.utils.clip_grad_norm_(tensors, clip)
            optimizer.step()
        x, y = position()
        value = function(x, y)[0] if math.isfinite(x) and math.isfinite(y) else math.nan
        row = [x, y, value]
        if not all(math.isfinite(v) for v in row):
            trajectory.append([finite_or_none(v) for v in row])
            break
        trajectory.append(row)
        if k in changes:
            edit_group(optimizer.param_groups[0], changes[k])
    case["steps"] = len(trajectory) - 1
    if SQUARE_ROOTS.first_inexact is not None:
        case["exact_steps"] = SQUARE_ROOTS.first_inexact - 1
    case["expr"] = expr
    case["trajectory"] = trajectory
    if case["optimizer"] in CLOSURE:
        # Closure calls per step (evaluations[k] for step k; 0 for the start).
        case["evaluations"] = evaluations[:len(trajectory)]
    return case


def case(function, optimizer, params, steps=150, changes=None, start=None, tag=""):
    pieces = [function, optimizer] + [f"{k}={v}" for k, v in sorted(params.items())]
    if changes:
        pieces.append("live")
    if tag:
        pieces.append(tag)
    result = {"id": " ".join(pieces), "function": function, "optimizer": optimizer,
              "params": params, "steps": steps}
    if start is not None:
        result["start"] = start
    if changes:
        result["changes"] = [{"step": s, "params": p} for s, p in changes]
    return result


# Per optimizer: a learning rate that makes progress on every function, the
# options that change the math, and one live change.
PLAN = {
    "sgd": ({"lr": 0.001}, [{"weight_decay": 0.1}, {"maximize": True}],
            [(50, {"lr": 0.003}), (100, {"weight_decay": 0.05})]),
    "momentum": ({"lr": 0.001}, [{"dampening": 0.3}, {"weight_decay": 0.1}, {"maximize": True}],
                 [(50, {"momentum": 0.5}), (100, {"lr": 0.0005, "dampening": 0.5})]),
    "nesterov": ({"lr": 0.001}, [{"weight_decay": 0.1}, {"momentum": 0.5}, {"maximize": True}],
                 [(50, {"momentum": 0.6}), (100, {"lr": 0.002})]),
    "adagrad": ({"lr": 0.3}, [{"lr_decay": 0.01}, {"weight_decay": 0.1},
                              {"initial_accumulator_value": 0.5}, {"eps": 0.1},
                              {"maximize": True}],
                [(50, {"lr": 0.1}), (100, {"lr_decay": 0.05})]),
    "adadelta": ({"lr": 1.0}, [{"rho": 0.5}, {"eps": 1e-3}, {"weight_decay": 0.1},
                               {"maximize": True}],
                 [(50, {"lr": 2.0}), (100, {"rho": 0.99})]),
    "rmsprop": ({"lr": 0.01}, [{"alpha": 0.9}, {"centered": True}, {"momentum": 0.9},
                               {"centered": True, "momentum": 0.9}, {"weight_decay": 0.1},
                               {"eps": 0.1}, {"maximize": True}],
                [(50, {"lr": 0.003}), (100, {"eps": 1e-4, "alpha": 0.9})]),
    "adam": ({"lr": 0.05}, [{"amsgrad": True}, {"weight_decay": 0.1},
                            {"weight_decay": 0.1, "decoupled_weight_decay": True},
                            {"beta1": 0.5, "beta2": 0.9}, {"eps": 0.1}, {"maximize": True}],
             [(50, {"lr": 0.01}), (100, {"beta1": 0.8, "weight_decay": 0.1})]),
    "adamw": ({"lr": 0.05}, [{"amsgrad": True}, {"weight_decay": 0.5}, {"maximize": True}],
              [(50, {"weight_decay": 0.1}), (100, {"lr": 0.02, "beta2": 0.99})]),
    "nadam": ({"lr": 0.05}, [{"momentum_decay": 0.01}, {"weight_decay": 0.1},
                             {"weight_decay": 0.1, "decoupled_weight_decay": True},
                             {"maximize": True}],
              [(50, {"lr": 0.01}), (100, {"beta1": 0.8})]),
    "radam": ({"lr": 0.01}, [{"weight_decay": 0.1},
                             {"weight_decay": 0.1, "decoupled_weight_decay": True},
                             {"beta2": 0.9}, {"maximize": True}],
              [(50, {"lr": 0.01}), (100, {"beta2": 0.99})]),
    "adamax": ({"lr": 0.05}, [{"weight_decay": 0.1}, {"beta2": 0.9}, {"maximize": True}],
               [(50, {"lr": 0.01}), (100, {"eps": 0.1})]),
    "rprop": ({"lr": 0.01}, [{"etaminus": 0.3, "etaplus": 1.5},
                             {"step_size_min": 0.001, "step_size_max": 0.05},
                             {"maximize": True}],
              [(50, {"etaplus": 1.1}), (100, {"step_size_max": 0.01, "lr": 0.5})]),
    "asgd": ({"lr": 0.001}, [{"lambd": 0.01}, {"alpha": 0.5}, {"t0": 20},
                             {"t0": 20, "lambd": 0.1, "alpha": 1.0},
                             {"weight_decay": 0.1}, {"maximize": True}],
             [(50, {"lr": 0.002, "t0": 60}), (100, {"lambd": 0.01})]),
}

PLAN["adafactor"] = ({}, [{"lr": 0.1}, {"beta2_decay": -0.5}, {"eps1": 1e-3},
                         {"eps2": 0.1}, {"d": 2.0}, {"weight_decay": 0.1}, {"maximize": True}],
                     [(50, {"lr": 0.05}), (100, {"d": 1.5, "eps2": 0.01})])
PLAN["muon"] = ({"lr": 0.02}, [{"nesterov": False}, {"momentum": 0.5}, {"weight_decay": 0.0},
                             {"ns_steps": 2}, {"adjust_lr_fn": "match_rms_adamw"},
                             {"adjust_lr_fn": "spectral_unclamped"}, {"eps": 0.5}],
                [(50, {"lr": 0.005}), (100, {"momentum": 0.8, "ns_steps": 3})])
PLAN["lion"] = ({"lr": 0.01}, [{"weight_decay": 0.5}, {"beta1": 0.5, "beta2": 0.9}],
                [(50, {"lr": 0.003}), (100, {"beta2": 0.999, "weight_decay": 0.1})])

# Divergence: a step too large for the curvature, to infinity and NaN.
DIVERGING = [
    case("rosenbrock", "sgd", {"lr": 0.01}, steps=100, tag="diverges"),
    case("rosenbrock", "momentum", {"lr": 0.005}, steps=200, tag="diverges"),
    case("three-hump-camel", "nesterov", {"lr": 0.1}, steps=200, tag="diverges"),
    case("saddle", "adam", {"lr": 1e200}, steps=20, tag="diverges"),
    case("rosenbrock", "asgd", {"lr": 0.01}, steps=100, tag="diverges"),
    case("saddle", "rprop", {"lr": 1e300, "step_size_max": 1e308}, steps=30, tag="diverges"),
]

# clip=: torch.nn.utils.clip_grad_norm_ before every step.
CLIPPED = [
    case(function, optimizer, {**PLAN[optimizer][0], "clip": clip}, steps=150, tag="clipped")
    for optimizer, clip in [("sgd", 1.0), ("momentum", 5.0), ("adam", 0.5), ("rmsprop", 2.0),
                            ("rprop", 1.0), ("adagrad", 10.0), ("lion", 0.1), ("muon", 1.0)]
    for function in ["rosenbrock", "himmelblau"]
]

# The sextic, where centered RMSprop with momentum once drifted from torch.
SEXTIC = [
    case("three-hump-camel", "rmsprop", {"lr": lr, "centered": True, "momentum": m},
         steps=300, start=start, tag="sextic")
    for lr, m, start in [(0.01, 0.9, [-2.5, 2.0]), (0.003, 0.5, [1.8, -1.0]),
                         (0.03, 0.95, [2.0, 2.0]), (0.001, 0.99, [-1.0, -2.0])]
]


# LBFGS: one step is one step(closure) of up to max_iter inner iterations, so
# a few steps reach the minimum; with and without the strong-Wolfe line search,
# several history sizes and iteration limits, live changes after steps 1 and 3.
LBFGS_OPTIONS = [
    {}, {"line_search_fn": "strong_wolfe"}, {"history_size": 2}, {"history_size": 1},
    {"max_iter": 3}, {"max_iter": 4, "history_size": 3, "line_search_fn": "strong_wolfe"},
    {"max_iter": 6, "max_eval": 4, "line_search_fn": "strong_wolfe"},
    {"max_iter": 2, "lr": 0.5}, {"lr": 0.1, "line_search_fn": "strong_wolfe"},
    {"tolerance_grad": 1e-3, "tolerance_change": 1e-4}, {"maximize": True, "max_iter": 2},
]
LBFGS = [
    case(function, "lbfgs", option, steps=12)
    for option in LBFGS_OPTIONS
    for function in ["rosenbrock", "himmelblau", "three-hump-camel"]
] + [
    case(function, "lbfgs", {"max_iter": 3}, steps=12,
         changes=[(1, {"lr": 0.5}), (3, {"history_size": 2, "line_search_fn": "strong_wolfe"})])
    for function in ["rosenbrock", "himmelblau", "three-hump-camel"]
] + [
    case("rosenbrock", "lbfgs", {"max_iter": 5, "line_search_fn": "strong_wolfe"}, steps=12,
         changes=[(2, {"lr": 0.3, "max_iter": 2})]),
    case("himmelblau", "lbfgs", {}, steps=6, tag="defaults"),
    case("saddle", "lbfgs", {"max_iter": 4}, steps=10, tag="unbounded"),
]


# clip= for LBFGS: clip_grad_norm_ inside the closure, after the gradient is set (what torch
# users write, since LBFGS calls the closure itself), so every evaluation's gradient is clipped.
LBFGS_CLIPPED = [
    case(function, "lbfgs", {**option, "clip": clip}, steps=12, tag="clipped")
    for option, clip in [({}, 1.0), ({"line_search_fn": "strong_wolfe"}, 1.0),
                         ({"max_iter": 4}, 10.0), ({"line_search_fn": "strong_wolfe"}, 0.1)]
    for function in ["rosenbrock", "himmelblau", "three-hump-camel"]
]

# shape=: (x, y) as two scalar tensors or a 1x2 matrix (vector for Muon, which torch refuses)
# for every optimizer: the base settings on two functions and the live changes on one; for
# Adafactor, whose math the shape changes, every option on both shapes; clipping with shapes.
SHAPES = ["vector", "scalars", "matrix"]


def shaped(optimizers):
    cases = []
    for optimizer in optimizers:
        base, options, changes = PLAN[optimizer]
        default = "matrix" if optimizer in MATRIX else "vector"
        for shape in SHAPES:
            if shape == default:
                continue
            for function in ["himmelblau", "three-hump-camel"]:
                cases.append(case(function, optimizer, {**base, "shape": shape}))
            cases.append(case("rosenbrock", optimizer, {**base, "shape": shape}, steps=200,
                              changes=changes))
            if optimizer == "adafactor":
                for option in options:
                    for function in ["rosenbrock", "saddle"]:
                        cases.append(case(function, optimizer, {**base, **option, "shape": shape}))
    for optimizer, clip in [("adam", 0.5), ("adafactor", 1.0), ("sgd", 1.0)]:
        for shape in ["scalars", "matrix"]:
            cases.append(case("rosenbrock", optimizer,
                              {**PLAN[optimizer][0], "clip": clip, "shape": shape}, tag="clipped"))
    for shape in ["scalars", "matrix"]:
        for option in [{}, {"line_search_fn": "strong_wolfe"}]:
            for function in ["rosenbrock", "himmelblau"]:
                cases.append(case(function, "lbfgs", {**option, "shape": shape}, steps=12))
        cases.append(case("three-hump-camel", "lbfgs", {"max_iter": 3, "shape": shape}, steps=12,
                          changes=[(1, {"lr": 0.5}), (3, {"history_size": 2})]))
    return cases


# Live changes of the settings the new optimizers' live keys move (each key at least once),
# to the values one press gives (HyperparameterNudge: etaminus halves, etaplus's excess over
# 1 doubles, decades for lambd/t0/eps, ASGD's alpha and beta2_decay in steps of 0.125 and 0.1,
# counts doubled or halved, ns_steps by one, momentum's 1 - beta doubled), worked out as there.
EPS = 2.220446049250313e-16
LIVE_KEYS = [
    case(function, optimizer, base, steps=200, changes=changes, tag="keys")
    for optimizer, base, changes in [
        ("rprop", {"lr": 0.01}, [(40, {"etaminus": 0.5 / 2}), (80, {"step_size_min": 1e-6 * 10}),
                                 (120, {"etaplus": 1 + (1.2 - 1) * 2, "step_size_max": 50 / 2})]),
        ("asgd", {"lr": 0.001, "t0": 30}, [(40, {"alpha": 0.75 - 0.125}),
                                           (80, {"lambd": 1e-4 * 10}), (120, {"t0": 30 / 10})]),
        ("adafactor", {}, [(40, {"beta2_decay": -0.8 + 0.1}), (80, {"eps1": EPS * 10}),
                           (120, {"eps2": 1e-3 / 10})]),
        ("muon", {"lr": 0.02}, [(40, {"momentum": 1 - (1 - 0.95) * 2}), (80, {"ns_steps": 4}),
                                (120, {"ns_steps": 5})]),
    ]
    for function in ["rosenbrock", "himmelblau", "three-hump-camel"]
] + [
    case(function, "lbfgs", {"max_iter": 3}, steps=12, tag="keys",
         changes=[(1, {"max_iter": 6}), (3, {"history_size": 50}), (6, {"history_size": 25})])
    for function in ["rosenbrock", "himmelblau", "three-hump-camel"]
]


def plan(optimizers):
    cases = []
    for optimizer in optimizers:
        base, options, changes = PLAN[optimizer]
        for function in ["rosenbrock", "himmelblau", "three-hump-camel", "saddle"]:
            cases.append(case(function, optimizer, base))
        for option in options:
            for function in ["himmelblau", "three-hump-camel"]:
                cases.append(case(function, optimizer, {**base, **option}))
        cases.append(case("rosenbrock", optimizer, base, steps=200, changes=changes))
        cases.append(case("three-hump-camel", optimizer, base, steps=200, changes=changes))
    # torch's defaults, nothing given.
    cases += [case("himmelblau", optimizer, {}, steps=100, tag="defaults")
              for optimizer in optimizers if PLAN[optimizer][0]]
    cases += [c for c in DIVERGING + SEXTIC + CLIPPED if c["optimizer"] in optimizers]
    return cases


# ------------------------------------------------------------------------------------------
# Three parameters (issue 19: races that train every parameter of a model on data).
#
# One float64 tensor of shape (3,), [w1, w2, b], trained on the mean squared error of a
# linear model w1*x1 + w2*x2 + b over five points (a quadratic with cross terms), the loss
# and gradient written exactly as Tests/OptimKitTests/HandModel.swift writes them. Every
# per-element optimizer with its options and live changes, Adafactor as one vector and as
# three scalars, clip= over all three, schedules (step, exponential, plateau) and
# mini-batches drawn as OptimKit's BatchPlan draws them (SplitMix64, Fisher-Yates per
# epoch). trajectory[k] = [w1, w2, b, loss over all five points] after k steps. Written to
# torch-three-parameters.json beside OUTPUT, with `norms`: torch's clip_grad_norm_ of
# vectors of 1 to 12 elements (the norm's order of rounding changes with the length).
LINEAR_EXAMPLES = [(1.0, 2.0, 0.7), (2.0, -1.0, 5.2), (-1.0, 0.5, -2.1), (0.5, 1.5, -0.4),
                   (3.0, 1.0, 5.9)]
THREE_START = [0.5, -0.5, 0.3]


def linear_mse(p, indices=None):
    chosen = range(len(LINEAR_EXAMPLES)) if indices is None else indices
    total = g0 = g1 = g2 = 0.0
    for index in chosen:
        x1, x2, target = LINEAR_EXAMPLES[index]
        r = p[0] * x1 + p[1] * x2 + p[2] - target
        total = total + r * r
        g0 = g0 + r * x1
        g1 = g1 + r * x2
        g2 = g2 + r
    n = float(len(chosen))
    return total / n, [2 * g0 / n, 2 * g1 / n, 2 * g2 / n]


MASK64 = (1 << 64) - 1
GOLDEN_GAMMA = 0x9E3779B97F4A7C15


def batch_order(count, seed, epoch):
    """BatchPlan.shuffled(epoch:): SplitMix64 from seed ^ epoch*gamma, Fisher-Yates."""
    state = seed ^ ((epoch * GOLDEN_GAMMA) & MASK64)
    order = list(range(count))
    for last in range(count - 1, 0, -1):
        state = (state + GOLDEN_GAMMA) & MASK64
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
        z = z ^ (z >> 31)
        pick = z % (last + 1)
        order[last], order[pick] = order[pick], order[last]
    return order


def batch_examples(size, count, seed, step):
    """BatchPlan.examples(forStep:): None for the full batch."""
    if size is None or max(1, size) >= count:
        return None
    per_epoch = (count + size - 1) // size
    epoch = (step - 1) // per_epoch + 1
    first = ((step - 1) % per_epoch) * size
    return batch_order(count, seed, epoch)[first:first + size]


SCHEDULERS = {
    "step": lambda o, s: torch.optim.lr_scheduler.StepLR(o, step_size=int(s["step_size"]),
                                                          gamma=s.get("gamma", 0.1)),
    "exponential": lambda o, s: torch.optim.lr_scheduler.ExponentialLR(o, gamma=s["gamma"]),
    "plateau": lambda o, s: torch.optim.lr_scheduler.ReduceLROnPlateau(
        o, mode="min", factor=s.get("factor", 0.1), patience=int(s.get("patience", 10)),
        threshold=s.get("threshold", 1e-4), cooldown=int(s.get("cooldown", 0)),
        min_lr=s.get("min_lr", 0)),
}
SCHEDULE_KEYS = {"step_size", "gamma", "factor", "patience", "threshold", "cooldown", "min_lr"}


def run_three(case):
    cls, fixed = OPTIMIZERS[case["optimizer"]]
    params = dict(case["params"])
    clip = params.pop("clip", None)
    holding = params.pop("shape", "vector")
    schedule = params.pop("schedule", None)
    schedule_settings = {k: params.pop(k) for k in list(params) if k in SCHEDULE_KEYS}
    arguments = torch_arguments(params, fixed)
    if case["optimizer"] not in NO_FOREACH:
        arguments["foreach"] = False
    start = case["start"]
    if holding == "scalars":
        tensors = [torch.tensor(v, dtype=torch.float64) for v in start]
    else:
        tensors = [torch.tensor(start, dtype=torch.float64)]
    optimizer = cls(tensors, **arguments)
    scheduler = SCHEDULERS[schedule](optimizer, schedule_settings) if schedule else None
    changes = {change["step"]: change["params"] for change in case.get("changes", [])}

    def position():
        return [v for tensor in tensors for v in tensor.reshape(-1).tolist()]

    loss, _ = linear_mse(start)
    trajectory = [start + [loss]]
    SQUARE_ROOTS.start()
    for k in range(1, case["steps"] + 1):
        SQUARE_ROOTS.step = k
        p = position()
        full, _ = linear_mse(p)
        _, gradient = linear_mse(p, batch_examples(case.get("batch"), len(LINEAR_EXAMPLES),
                                                   case.get("seed", 0), k))
        if holding == "scalars":
            for tensor, value in zip(tensors, gradient):
                tensor.grad = torch.tensor(value, dtype=torch.float64)
        else:
            tensors[0].grad = torch.tensor(gradient, dtype=torch.float64)
        if clip is not None:
            torch.nn.utils.clip_grad_norm_(tensors, clip)
        optimizer.step()
        if scheduler is not None:
            # The plateau's metric: the loss over all the data where the step's gradient was
            # taken (optiscope's racer value there).
            scheduler.step(full) if schedule == "plateau" else scheduler.step()
        p = position()
        row = p + [linear_mse(p)[0]]
        if not all(math.isfinite(v) for v in row):
            raise ValueError(f"{case['id']} left the finite numbers at step {k}")
        trajectory.append(row)
        if k in changes:
            edit_group(optimizer.param_groups[0], changes[k])
    if SQUARE_ROOTS.first_inexact is not None:
        case["exact_steps"] = SQUARE_ROOTS.first_inexact - 1
    case["trajectory"] = trajectory
    return case


def three_case(optimizer, params, steps=100, changes=None, batch=None, seed=0, tag=""):
    pieces = [optimizer] + [f"{k}={v}" for k, v in sorted(params.items())]
    if batch is not None:
        pieces.append(f"batch={batch} seed={seed}")
    if changes:
        pieces.append("live")
    if tag:
        pieces.append(tag)
    result = {"id": "w1,w2,b " + " ".join(pieces), "optimizer": optimizer, "params": params,
              "steps": steps, "start": THREE_START}
    if batch is not None:
        result["batch"] = batch
        result["seed"] = seed
    if changes:
        result["changes"] = [{"step": s, "params": p} for s, p in changes]
    return result


THREE_OPTIMIZERS = ["sgd", "momentum", "nesterov", "adagrad", "adadelta", "rmsprop", "adam",
                    "adamw", "nadam", "radam", "adamax", "rprop", "asgd", "lion", "adafactor"]


def three_parameter_cases():
    cases = []
    for optimizer in THREE_OPTIMIZERS:
        base, options, changes = PLAN[optimizer]
        cases.append(three_case(optimizer, base, steps=150))
        for option in options:
            cases.append(three_case(optimizer, {**base, **option}))
        cases.append(three_case(optimizer, base, steps=150, changes=changes))
        for batch, seed in [(2, 0), (1, 7)]:
            cases.append(three_case(optimizer, base, batch=batch, seed=seed))
    for option in [{}] + PLAN["adafactor"][1]:
        cases.append(three_case("adafactor", {**option, "shape": "scalars"}))
    for optimizer, clip in [("sgd", 1.0), ("momentum", 2.0), ("adam", 0.5), ("rmsprop", 2.0),
                            ("rprop", 1.0), ("adagrad", 3.0), ("lion", 0.1), ("nadam", 0.5),
                            ("adafactor", 1.0), ("asgd", 1.0)]:
        cases.append(three_case(optimizer, {**PLAN[optimizer][0], "clip": clip}, tag="clipped"))
        cases.append(three_case(optimizer, {**PLAN[optimizer][0], "clip": clip}, batch=2,
                                seed=3, tag="clipped"))
    for shape in ["scalars"]:
        for optimizer, clip in [("adam", 0.5), ("adafactor", 1.0)]:
            cases.append(three_case(optimizer, {**PLAN[optimizer][0], "clip": clip,
                                                "shape": shape}, tag="clipped"))
    schedules = [{"schedule": "step", "step_size": 10, "gamma": 0.5},
                 {"schedule": "exponential", "gamma": 0.5},
                 {"schedule": "plateau", "patience": 2, "factor": 0.5, "threshold": 0.01}]
    for optimizer in ["sgd", "momentum", "adam", "nadam", "rprop", "adafactor", "asgd"]:
        for schedule in schedules:
            cases.append(three_case(optimizer, {**PLAN[optimizer][0], **schedule},
                                    tag="scheduled"))
        cases.append(three_case(optimizer, {**PLAN[optimizer][0], **schedules[2]}, batch=2,
                                seed=1, tag="scheduled"))
    return cases


def clip_norms():
    """clip_grad_norm_(max_norm=1) of one float64 vector of 1..12 elements, several each."""
    generator = random.Random(19)
    rows = []
    for count in range(1, 13):
        for _ in range(40):
            vector = [generator.uniform(-10, 10) * 10 ** generator.randint(-3, 3)
                      for _ in range(count)]
            tensor = torch.tensor(vector, dtype=torch.float64)
            tensor.grad = torch.tensor(vector, dtype=torch.float64)
            torch.nn.utils.clip_grad_norm_([tensor], 1.0)
            rows.append({"gradient": vector, "clipped": tensor.grad.tolist()})
    return rows


def write_three_parameters(output):
    cases = [run_three(c) for c in three_parameter_cases()]
    about = (f"three-parameter trajectories computed by torch.optim (torch {torch.__version__}, "
             f"CPU capability {torch.backends.cpu.get_cpu_capability()}, float64, "
             "foreach=False): one (3,) tensor [w1, w2, b] (params.shape=scalars: three "
             "0-d tensors) on the mean squared error of w1*x1 + w2*x2 + b over `examples`, "
             "the gradient on BatchPlan's batch of the step (`batch`, `seed`; none: all), "
             "clip_grad_norm_ before the step, the scheduler after it (plateau: stepped with "
             "the loss over all the data before the step); trajectory[k] = [w1, w2, b, loss "
             "over all the data] after k steps; norms: clip_grad_norm_(max_norm=1) of vectors")
    with open(output, "w") as file:
        file.write('{"about": ' + json.dumps(about) + ',\n "examples": '
                   + json.dumps(LINEAR_EXAMPLES) + ',\n "norms": '
                   + json.dumps(clip_norms(), separators=(",", ":")) + ',\n "cases": [\n')
        file.write(",\n".join(json.dumps(c, separators=(",", ":")) for c in cases))
        file.write("\n]}\n")
    print(f"torch-reference: {len(cases)} three-parameter cases -> {output}", file=sys.stderr)


def main():
    output = sys.argv[1] if len(sys.argv) > 1 else "Tests/OptimKitTests/Fixtures/torch-optimizers.json"
    optimizers = [name for name in PLAN if name not in PENDING]
    cases = [run(c) for c in plan(optimizers) + LBFGS + LBFGS_CLIPPED + LIVE_KEYS
             + shaped(optimizers)]
    about = (f"optimizer trajectories computed by torch.optim (torch {torch.__version__}, "
             f"CPU capability {torch.backends.cpu.get_cpu_capability()}, float64, foreach=False) "
             "with the hand-written gradients of scripts/torch-reference.py; trajectory[k] = "
             "[x, y, f] after k steps, null where not finite (the case ends there); a change at "
             "step k edits param_groups[0] after k steps; params.shape holds (x, y) as one "
             "vector, two scalar tensors or a 1x2 matrix; refused: torch's message where torch "
             "refuses the shape")
    with open(output, "w") as file:
        file.write('{"about": ' + json.dumps(about) + ',\n "cases": [\n')
        file.write(",\n".join(json.dumps(c, separators=(",", ":")) for c in cases))
        file.write("\n]}\n")
    print(f"torch-reference: {len(cases)} cases, "
          f"{sum(len(c['trajectory']) for c in cases)} points -> {output}", file=sys.stderr)
    write_three_parameters(os.path.join(os.path.dirname(output), "torch-three-parameters.json"))


# ---- One variable: f(x) with x one float64 tensor of shape (1,) (optiscope's one-variable mode,
# where a racer's parameter is torch.tensor([x])). Written to their own file by
#     scripts/torch-reference.py one-variable [OUTPUT]
# (default Tests/OptimKitTests/Fixtures/torch-one-variable.json); trajectory[k] = [x, f] after
# k steps. f and f' written exactly as OneVariableFixtureTests.swift writes them.
def quadratic_squared(x):
    q = x * x - 6 * x + 4
    return q * q, 2 * q * (2 * x - 6)


def quartic(x):
    x2 = x * x
    return x2 * x2 - 3 * (x2 * x) + 2, 4 * (x2 * x) - 9 * x2


def double_well(x):
    a = x * x - 1
    return a * a + 0.3 * x, 4 * x * a + 0.3


ONE_VARIABLE_FUNCTIONS = {
    "quadratic-squared": (quadratic_squared, 2.0),
    "quartic": (quartic, -1.0),
    "double-well": (double_well, 1.8),
}


def run_one_variable(case):
    function, default_start = ONE_VARIABLE_FUNCTIONS[case["function"]]
    start = case.setdefault("start", default_start)
    cls, fixed = OPTIMIZERS[case["optimizer"]]
    params = dict(case["params"])
    clip = params.pop("clip", None)
    arguments = torch_arguments(params, fixed)
    if case["optimizer"] not in NO_FOREACH:
        arguments["foreach"] = False
    tensor = torch.tensor([start], dtype=torch.float64)
    try:
        optimizer = cls([tensor], **arguments)
    except ValueError as refusal:
        case["refused"] = str(refusal)
        case["trajectory"] = []
        return case
    changes = {change["step"]: change["params"] for change in case.get("changes", [])}
    trajectory = [[start, function(start)[0]]]
    evaluations = [0]

    def set_gradient(x):
        loss, slope = function(x)
        tensor.grad = torch.tensor([slope], dtype=torch.float64)
        if clip is not None:
            torch.nn.utils.clip_grad_norm_([tensor], clip)
        return loss

    def closure():
        evaluations[-1] += 1
        return torch.tensor(set_gradient(tensor.item()), dtype=torch.float64)

    SQUARE_ROOTS.start()
    for k in range(1, case["steps"] + 1):
        SQUARE_ROOTS.step = k
        if case["optimizer"] in CLOSURE:
            evaluations.append(0)
            optimizer.step(closure)
        else:
            set_gradient(tensor.item())
            optimizer.step()
        x = tensor.item()
        row = [x, function(x)[0] if math.isfinite(x) else math.nan]
        if not all(math.isfinite(v) for v in row):
            trajectory.append([finite_or_none(v) for v in row])
            break
        trajectory.append(row)
        if k in changes:
            edit_group(optimizer.param_groups[0], changes[k])
    case["steps"] = len(trajectory) - 1
    if SQUARE_ROOTS.first_inexact is not None:
        case["exact_steps"] = SQUARE_ROOTS.first_inexact - 1
    case["trajectory"] = trajectory
    if case["optimizer"] in CLOSURE:
        case["evaluations"] = evaluations[:len(trajectory)]
    return case


def one_variable_cases():
    """Every torch optimizer's base settings on the three functions and its live changes on
    one; every option on the quartic; clip= for a few; Adafactor's options on two functions
    (its relative step and clipping are over the tensor); LBFGS's options; Muon's refusal;
    and the root-finding lab itself (SGD from -10 and 10 at lr 1e-3)."""
    cases = []
    optimizers = [name for name in PLAN if name not in PENDING]
    for optimizer in optimizers:
        base, options, changes = PLAN[optimizer]
        if optimizer == "muon":
            cases.append(case("quartic", "muon", base, tag="one-variable"))
            continue
        lr = {"lr": base["lr"] / 10} if "lr" in base and optimizer in (
            "sgd", "momentum", "nesterov", "asgd") else {}
        for function in ONE_VARIABLE_FUNCTIONS:
            cases.append(case(function, optimizer, {**base, **lr}, steps=150))
        for option in options:
            cases.append(case("quartic", optimizer, {**base, **lr, **option}, steps=150))
            if optimizer == "adafactor":
                cases.append(case("double-well", optimizer, {**base, **option}, steps=150))
        cases.append(case("double-well", optimizer, {**base, **lr}, steps=200, changes=changes))
    for optimizer, clip in [("sgd", 1.0), ("adam", 0.5), ("adafactor", 1.0), ("rmsprop", 2.0)]:
        cases.append(case("quadratic-squared", optimizer, {**PLAN[optimizer][0], "clip": clip},
                          steps=150, start=10.0, tag="clipped"))
    for option in LBFGS_OPTIONS:
        for function in ONE_VARIABLE_FUNCTIONS:
            cases.append(case(function, "lbfgs", option, steps=12))
    cases.append(case("quadratic-squared", "lbfgs", {"clip": 1.0}, steps=12, start=10.0,
                      tag="clipped"))
    for start in [-10.0, 10.0]:
        cases.append(case("quadratic-squared", "sgd", {"lr": 1e-3}, steps=300, start=start,
                          tag="lab"))
    return cases


def write_one_variable(output):
    cases = [run_one_variable(c) for c in one_variable_cases()]
    about = (f"one-variable trajectories computed by torch.optim (torch {torch.__version__}, "
             f"CPU capability {torch.backends.cpu.get_cpu_capability()}, float64, foreach=False) "
             "on one tensor of shape (1,) with the hand-written f' of scripts/torch-reference.py; "
             "trajectory[k] = [x, f] after k steps, null where not finite; refused: torch's "
             "message")
    with open(output, "w") as file:
        file.write('{"about": ' + json.dumps(about) + ',\n "cases": [\n')
        file.write(",\n".join(json.dumps(c, separators=(",", ":")) for c in cases))
        file.write("\n]}\n")
    print(f"torch-reference: {len(cases)} one-variable cases, "
          f"{sum(len(c['trajectory']) for c in cases)} points -> {output}", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "one-variable":
        write_one_variable(sys.argv[2] if len(sys.argv) > 2
                           else "Tests/OptimKitTests/Fixtures/torch-one-variable.json")
    else:
        main()
