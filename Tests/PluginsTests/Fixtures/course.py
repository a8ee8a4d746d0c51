"""Plug-ins of shapes the course suite and the live race must call right (issue 15's review)."""
import time

import numpy as np
import torch


def gd_alpha(x0, func_grad, alpha=0.001, n_iter=10):
    """Gradient descent whose rate is called alpha, returning every point."""
    x = np.array(x0, float)
    out = [x.copy()]
    for _ in range(n_iter):
        _, g = func_grad(x)
        x = x - alpha * g
        out.append(x.copy())
    return out


def slow_gd(x0, func_grad, lr=0.001, n_iter=10):
    """gd_alpha at 2 ms a point: 300 points take longer than a short step timeout."""
    x = np.array(x0, float)
    out = [x.copy()]
    for _ in range(n_iter):
        time.sleep(0.002)
        _, g = func_grad(x)
        x = x - lr * g
        out.append(x.copy())
    return out


def bad_point(x0, func_grad, lr=0.001, n_iter=10):
    """Returns a point that is not two numbers."""
    return [np.array(x0, float), ["a", 1.0]]


def sgd_momentum(w, dw, config=None):
    """cs231n's own sgd_momentum: v = mu*v - lr*dw, w += v."""
    if config is None:
        config = {}
    config.setdefault("learning_rate", 1e-2)
    config.setdefault("momentum", 0.9)
    v = config.get("velocity", np.zeros_like(w))
    v = config["momentum"] * v - config["learning_rate"] * dw
    config["velocity"] = v
    return w + v, config


class Int_State(torch.optim.Optimizer):
    """SGD that keeps a bare step count in self.state[p] (torch keeps a dict)."""

    def __init__(self, params, lr=0.01):
        super().__init__(params, dict(lr=lr))

    @torch.no_grad()
    def step(self, closure=None):
        for group in self.param_groups:
            for p in group["params"]:
                self.state[p] = 3
                p.sub_(group["lr"] * p.grad)
