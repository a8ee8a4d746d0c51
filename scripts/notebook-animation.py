#!/usr/bin/env python3
"""The course notebooks' way of watching optimizers, for scripts/compare-matplotlib.

    scripts/notebook-animation.py OUT.gif [STEPS]

Does what the notebooks did: sample the Rosenbrock function on a grid, draw
filled contours at the quantile levels q = linspace(1e-4^(1/3), 0.95^(1/3), 20)^3
on a log colour scale, run five optimizers (torch.optim's SGD, Momentum, RMSProp,
Adam, NAdam update rules, in numpy) for STEPS steps from (-1.5, 2), and animate
their paths with matplotlib's FuncAnimation, saved as a GIF (STEPS + 1 frames).
"""

import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib.animation import FuncAnimation, PillowWriter  # noqa: E402
from matplotlib.colors import LogNorm  # noqa: E402


def rosenbrock(x, y):
    return (1 - x) ** 2 + 100 * (y - x**2) ** 2


def gradient(p):
    x, y = p
    return np.array([-2 * (1 - x) - 400 * x * (y - x**2), 200 * (y - x**2)])


def run(rule, steps, start=(-1.5, 2.0)):
    """Positions of `steps` steps of an update rule (a function of p, g, state, t)."""
    p = np.array(start, dtype=float)
    state = {}
    path = [p.copy()]
    for t in range(1, steps + 1):
        p = rule(p, gradient(p), state, t)
        path.append(p.copy())
    return np.array(path)


def sgd(lr):
    return lambda p, g, s, t: p - lr * g


def momentum(lr, mu=0.9):
    def rule(p, g, s, t):
        s["b"] = g if t == 1 else mu * s["b"] + g
        return p - lr * s["b"]
    return rule


def rmsprop(lr, alpha=0.99, eps=1e-8):
    def rule(p, g, s, t):
        s["v"] = alpha * s.get("v", 0) + (1 - alpha) * g * g
        return p - lr * g / (np.sqrt(s["v"]) + eps)
    return rule


def adam(lr, b1=0.9, b2=0.999, eps=1e-8):
    def rule(p, g, s, t):
        s["m"] = b1 * s.get("m", 0) + (1 - b1) * g
        s["v"] = b2 * s.get("v", 0) + (1 - b2) * g * g
        denom = np.sqrt(s["v"]) / np.sqrt(1 - b2**t) + eps
        return p - lr / (1 - b1**t) * s["m"] / denom
    return rule


def nadam(lr, b1=0.9, b2=0.999, eps=1e-8, decay=0.004):
    def rule(p, g, s, t):
        mu = b1 * (1 - 0.5 * 0.96 ** (t * decay))
        mu_next = b1 * (1 - 0.5 * 0.96 ** ((t + 1) * decay))
        s["prod"] = s.get("prod", 1.0) * mu
        s["m"] = b1 * s.get("m", 0) + (1 - b1) * g
        s["v"] = b2 * s.get("v", 0) + (1 - b2) * g * g
        denom = np.sqrt(s["v"] / (1 - b2**t)) + eps
        p = p - lr * (1 - mu) / (1 - s["prod"]) * g / denom
        return p - lr * mu_next / (1 - s["prod"] * mu_next) * s["m"] / denom
    return rule


def main():
    out = sys.argv[1]
    steps = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    x = np.linspace(-2, 2, 400)
    y = np.linspace(-1, 3, 400)
    X, Y = np.meshgrid(x, y)
    Z = rosenbrock(X, Y)
    q = np.linspace(1e-4 ** (1 / 3), 0.95 ** (1 / 3), 20) ** 3
    levels = np.unique(np.quantile(Z, q))

    racers = {
        "sgd": sgd(1e-3), "momentum": momentum(5e-4), "rmsprop": rmsprop(2e-2),
        "adam": adam(1e-1), "nadam": nadam(1e-1),
    }
    paths = {name: run(rule, steps) for name, rule in racers.items()}

    fig, ax = plt.subplots(figsize=(8, 6))
    ax.contourf(X, Y, Z, levels=levels, norm=LogNorm(), cmap="viridis", extend="max")
    ax.contour(X, Y, Z, levels=levels, colors="k", linewidths=0.4)
    ax.plot([1], [1], "r*", markersize=12)
    lines = {name: ax.plot([], [], "-o", markersize=2, label=name)[0] for name in paths}
    ax.legend(loc="upper right")
    ax.set_title("Rosenbrock")

    def update(frame):
        for name, line in lines.items():
            line.set_data(paths[name][: frame + 1, 0], paths[name][: frame + 1, 1])
        return list(lines.values())

    animation = FuncAnimation(fig, update, frames=steps + 1, blit=True)
    animation.save(out, writer=PillowWriter(fps=20))


if __name__ == "__main__":
    main()
