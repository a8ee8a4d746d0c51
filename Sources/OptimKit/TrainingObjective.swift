/// A model's loss on data as a function of all its parameters, of which the map shows two.
///
/// A test function has exactly the two parameters the map shows. A model trained on data
/// (a sigmoid neuron: w1, w2 and b) has more, and its gradients may come from a sample of
/// the data (a mini-batch) rather than all of it. The `Objective` conformance is the map's
/// slice: the loss over all the data as the two mapped parameters vary, the others held at
/// `parameters`. Races step every parameter when `trainsAll` is set, else only the mapped two.
public protocol TrainingObjective: Objective {
  /// Every parameter's name, in order, e.g. ["w1", "w2", "b"]; what `trace` names its columns.
  var parameterNames: [String] { get }
  /// Which two parameters the map shows as x and y: indices into `parameterNames`.
  var mappedParameters: (x: Int, y: Int) { get }
  /// The value of every parameter where the slice is taken, the mapped two included (their
  /// values here are ignored by the `Objective` conformance, which takes them from the point).
  var parameters: [Double] { get }
  /// Whether the parameters other than the mapped two train too (`--train-all`); otherwise they
  /// stay at `parameters`.
  var trainsAll: Bool { get }
  /// How many examples the data has: batches are sets of indices into `0..<exampleCount`.
  var exampleCount: Int { get }
  /// The mean loss over `examples` (nil: all of them) and its gradient with respect to every
  /// parameter, in `parameterNames`' order.
  func valueAndGradient(parameters: [Double], examples: [Int]?) -> (
    value: Double, gradient: [Double]
  )
  /// The same objective with its slice taken through `parameters` instead: the map drawn
  /// through a racer's current bias as it trains.
  func sliced(through parameters: [Double]) -> Self
}
