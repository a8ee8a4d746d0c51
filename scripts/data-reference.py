#!/usr/bin/env python3
"""Writes torch autograd's losses and gradients of optiscope's data objectives.

    ~/.cache/optiscope-venv/bin/python scripts/data-reference.py [OUTPUT]

(default OUTPUT: Tests/OptimKitTests/Fixtures/torch-data.json). For every data set
(the built-in ones, as Sources/OptimKit/DataSet+BuiltIn.swift writes them, and two
made here: three features, and one whose logits saturate the sigmoid) x model/loss
(logistic with nll and mse, linear with mse) x parameter vector x batch (all the
examples, or a list of indices in the order drawn), the mean loss and the gradient
of every parameter, w1..wn then b, as torch computes them in float64:

    z = X[batch] @ w + b
    logistic: p = torch.sigmoid(z); linear: p = z
    nll: F.binary_cross_entropy(p, y[batch]); mse: F.mse_loss(p, y[batch])
    loss.backward()

It also writes the course exercise's run (features [[1,2],[2,1],[-1,-2]], labels
[1,0,0], w [0.1,-0.2], b 0, torch.optim.SGD lr 0.1, full batch, MSE of the sigmoid
output): the parameters after each epoch and the loss each epoch's forward pass
computed (before its step).
"""
import json
import random
import sys

import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)

BUILT_IN = {
    "exercise": ([[1, 2], [2, 1], [-1, -2]], [1, 0, 0]),
    "separable": (
        [[-1.5, -1.0], [-1.0, -1.8], [-2.0, -0.6], [-0.6, -1.2], [-1.2, -0.3], [-0.4, -2.0],
         [1.2, 1.0], [0.8, 1.7], [1.8, 0.5], [0.5, 0.9], [1.4, 1.9], [2.1, 1.2]],
        [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1]),
    "overlapping": (
        [[-1.5, -1.0], [-1.0, -1.8], [-2.0, -0.6], [-0.6, -1.2], [0.9, 0.4], [0.3, 1.1],
         [1.2, 1.0], [0.8, 1.7], [1.8, 0.5], [0.5, 0.9], [-0.7, -0.2], [-0.2, -1.0]],
        [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1]),
    "outliers": (
        [[-2], [-1.5], [-1], [-0.5], [0], [0.5], [1], [1.5], [2], [-1.2], [1.8]],
        [0, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2, 4, -2]),
}


def made_here():
    rng = random.Random(19)
    three = [[round(rng.uniform(-3, 3), 3) for _ in range(3)] for _ in range(9)]
    labels = [1 if a - 0.5 * b + 0.25 * c > 0 else 0 for a, b, c in three]
    saturating = [[8.0, -6.0], [-9.0, 7.5], [12.0, 10.0], [-0.5, 0.25]]
    return {"three-features": (three, labels), "saturating": (saturating, [1, 0, 1, 0])}


def loss_and_gradient(features, labels, model, loss, parameters, batch):
    X = torch.tensor(features, dtype=torch.float64)
    y = torch.tensor(labels, dtype=torch.float64)
    if batch is not None:
        X, y = X[batch], y[batch]
    w = torch.tensor(parameters[:-1], requires_grad=True)
    b = torch.tensor(parameters[-1], requires_grad=True)
    z = X @ w + b
    p = torch.sigmoid(z) if model == "logistic" else z
    value = F.binary_cross_entropy(p, y) if loss == "nll" else F.mse_loss(p, y)
    value.backward()
    return value.item(), w.grad.tolist() + [b.grad.item()]


def exercise_run():
    X = torch.tensor([[1.0, 2.0], [2.0, 1.0], [-1.0, -2.0]])
    y = torch.tensor([1.0, 0.0, 0.0])
    w = torch.tensor([0.1, -0.2], requires_grad=True)
    b = torch.tensor(0.0, requires_grad=True)
    optimizer = torch.optim.SGD([w, b], lr=0.1, foreach=False)
    parameters, losses = [w.tolist() + [b.item()]], []
    for _ in range(2):
        optimizer.zero_grad()
        value = F.mse_loss(torch.sigmoid(X @ w + b), y)
        value.backward()
        optimizer.step()
        losses.append(value.item())
        parameters.append(w.tolist() + [b.item()])
    return {"lr": 0.1, "epochs": 2, "parameters": parameters, "epoch_losses": losses}


def main():
    output = sys.argv[1] if len(sys.argv) > 1 else "Tests/OptimKitTests/Fixtures/torch-data.json"
    sets = dict(BUILT_IN)
    sets.update(made_here())
    rng = random.Random(7)
    cases = []
    for name, (features, labels) in sets.items():
        n, d = len(labels), len(features[0])
        classes = all(label in (0, 1) for label in labels)
        combos = ([("logistic", "nll"), ("logistic", "mse")] if classes else []) + [("linear", "mse")]
        vectors = [[0.0] * (d + 1), [round(rng.uniform(-2, 2), 6) for _ in range(d + 1)],
                   [round(rng.uniform(-20, 20), 4) for _ in range(d + 1)]]
        if name == "exercise":
            vectors.append([0.1, -0.2, 0.0])
        batches = [None, [0], [n - 1, 0], rng.sample(range(n), max(1, n // 2))]
        for model, loss in combos:
            for parameters in vectors:
                for batch in batches:
                    value, gradient = loss_and_gradient(features, labels, model, loss, parameters, batch)
                    cases.append({"dataset": name, "model": model, "loss": loss,
                                  "parameters": parameters, "examples": batch,
                                  "value": value, "gradient": gradient})
    document = {
        "generator": "scripts/data-reference.py",
        "torch": torch.__version__,
        "cpu_capability": torch.backends.cpu.get_cpu_capability(),
        "datasets": {name: {"features": f, "labels": l} for name, (f, l) in sets.items()},
        "cases": cases,
        "exercise": exercise_run(),
    }
    with open(output, "w") as file:
        json.dump(document, file, indent=1)
        file.write("\n")
    print(f"wrote {len(cases)} cases to {output}")


if __name__ == "__main__":
    main()
