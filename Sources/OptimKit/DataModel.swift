/// The model trained on a data set: what its output is made of (`--model`).
public enum DataModel: String, CaseIterable, Hashable, Sendable {
  /// A sigmoid neuron: p = σ(x·w + b), a probability that the label is 1.
  case logistic
  /// A straight line (plane): x·w + b, a number to fit the target with.
  case linear
}

/// The loss a model's output is scored with (`--loss`), mean over the examples.
public enum DataLoss: String, CaseIterable, Hashable, Sendable {
  /// Negative log-likelihood of the labels: binary cross-entropy of the sigmoid output,
  /// torch's `binary_cross_entropy` (each log clamped at −100).
  case nll
  /// Mean squared error of the output, torch's `mse_loss`.
  case mse

  /// The other loss: what the live key switches to.
  public var other: DataLoss { self == .nll ? .mse : .nll }
}
