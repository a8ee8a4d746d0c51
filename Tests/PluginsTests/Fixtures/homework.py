"""numpy homework shapes: a history function and cs231n-style update rules."""
import numpy as np


def gd(init_parameters, func_grad, lr=0.1, n_iter=100):
    """Gradient descent returning every point, the start first."""
    x = np.array(init_parameters, dtype=np.float64)
    points = [x.copy()]
    for _ in range(n_iter):
        _, grad = func_grad(x)
        x = x - lr * grad
        points.append(x.copy())
    return points


def sgd_momentum(w, dw, config=None):
    """cs231n's sgd_momentum, with torch's convention v = mu*v + dw, w -= lr*v."""
    if config is None:
        config = {}
    config.setdefault("learning_rate", 1e-2)
    config.setdefault("momentum", 0.9)
    v = config.get("velocity", np.zeros_like(w))
    v = config["momentum"] * v + dw if "velocity" in config else dw.copy()
    next_w = w - config["learning_rate"] * v
    config["velocity"] = v
    return next_w, config
