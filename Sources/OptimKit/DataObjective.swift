import RealModule

/// A tiny model's loss on a data set, as a function of its weights and bias.
///
/// The neuron lab's objective: `logistic` is σ(x·w + b) scored by binary cross-entropy
/// (`nll`) or squared error (`mse`), `linear` is x·w + b scored by squared error. Each
/// operation follows torch's forward and backward kernels in their order (sigmoid as
/// 1/(1 + e^(−z)), BCE's logs clamped at −100 and its backward's denominator at a float 1e-12,
/// mse's backward as 2/n·(p − y)), so the gradients are autograd's on the same data.
/// The map shows two parameters (`mappedParameters`); the rest are held at `parameters`.
public struct DataObjective: TrainingObjective, Hashable {
  public let data: DataSet
  public let model: DataModel
  public let loss: DataLoss
  /// w1, w2, …, b (w, b for a single feature).
  public let parameterNames: [String]
  public let mappedParameters: (x: Int, y: Int)
  public let parameters: [Double]
  public let trainsAll: Bool

  /// Why a model, loss or parameter choice was refused; one line.
  public struct Problem: Error, Hashable, Sendable, CustomStringConvertible {
    public let description: String
  }

  /// The model on `data` with every parameter at `parameters` (zeros when nil), showing
  /// `mapped` (names, e.g. ["w1", "w2"]; the first two parameters when nil).
  ///
  /// Refuses `nll` for a linear model (it has no probability to score), labels other than
  /// 0/1 or a single class for a logistic one, and unknown or repeated parameter names.
  public init(
    data: DataSet, model: DataModel, loss: DataLoss, mapped: [String]? = nil,
    parameters: [Double]? = nil, trainsAll: Bool = false
  ) throws(DataSetError) {
    let names = Self.parameterNames(featureCount: data.featureCount)
    if model == .linear && loss == .nll {
      throw DataSetError(
        source: data.name,
        problem: "--loss nll needs --model logistic (a probability to score); use --loss mse")
    }
    if model == .logistic { try data.checkClasses() }
    let wanted = mapped ?? Array(names.prefix(2))
    let indices = wanted.map { name in names.firstIndex(of: name.lowercased()) }
    guard wanted.count == 2, let x = indices[0], let y = indices[1], x != y else {
      throw DataSetError(
        source: data.name,
        problem:
          "bad --params '\(wanted.joined(separator: ","))': expected two different of \(names.joined(separator: ", "))"
      )
    }
    if let parameters, parameters.count != names.count {
      throw DataSetError(
        source: data.name,
        problem: "\(parameters.count) parameter values for \(names.count) parameters")
    }
    self.data = data
    self.model = model
    self.loss = loss
    self.parameterNames = names
    self.mappedParameters = (x, y)
    self.parameters = parameters ?? Array(repeating: 0, count: names.count)
    self.trainsAll = trainsAll
  }

  /// The parameters of a model with `featureCount` features: w1 … wn and b (w and b for one).
  public static func parameterNames(featureCount: Int) -> [String] {
    (featureCount == 1 ? ["w"] : (0..<featureCount).map { "w\($0 + 1)" }) + ["b"]
  }

  public var exampleCount: Int { data.count }

  /// The floor of binary cross-entropy's backward denominator p·(1 − p): torch's `EPSILON`,
  /// a `float` 1e-12 (9.999999960041972e-13 as a double), not the double 1e-12.
  static let crossEntropyEpsilon = Double(Float(1e-12))

  public static func == (a: DataObjective, b: DataObjective) -> Bool {
    a.data == b.data && a.model == b.model && a.loss == b.loss && a.parameters == b.parameters
      && a.mappedParameters == b.mappedParameters && a.trainsAll == b.trainsAll
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(data)
    hasher.combine(model)
    hasher.combine(loss)
    hasher.combine(parameters)
    hasher.combine(mappedParameters.x)
    hasher.combine(mappedParameters.y)
    hasher.combine(trainsAll)
  }

  /// The same model on the same data scored by `loss` (the live NLL ↔ MSE key).
  public func scored(by loss: DataLoss) throws(DataSetError) -> DataObjective {
    try DataObjective(
      data: data, model: model, loss: loss,
      mapped: [parameterNames[mappedParameters.x], parameterNames[mappedParameters.y]],
      parameters: parameters, trainsAll: trainsAll)
  }

  public func sliced(through parameters: [Double]) -> DataObjective {
    guard parameters.count == self.parameters.count else { return self }
    var copy = self
    copy.setParameters(parameters)
    return copy
  }

  private mutating func setParameters(_ values: [Double]) {
    self = DataObjective(unchecked: self, parameters: values)
  }

  private init(unchecked other: DataObjective, parameters: [Double]) {
    data = other.data
    model = other.model
    loss = other.loss
    parameterNames = other.parameterNames
    mappedParameters = other.mappedParameters
    self.parameters = parameters
    trainsAll = other.trainsAll
  }

  /// Every parameter: `parameters` with the mapped two taken from `point`.
  public func parameters(at point: Point) -> [Double] {
    var values = parameters
    values[mappedParameters.x] = point.x
    values[mappedParameters.y] = point.y
    return values
  }

  public func value(at point: Point) -> Double {
    valueAndGradient(parameters: parameters(at: point), examples: nil, needsGradient: false).value
  }

  public func valueAndGradient(at point: Point) -> (value: Double, gradient: Point) {
    let (value, gradient) = valueAndGradient(parameters: parameters(at: point), examples: nil)
    return (value, Point(x: gradient[mappedParameters.x], y: gradient[mappedParameters.y]))
  }

  public func valueAndGradient(parameters: [Double], examples: [Int]?) -> (
    value: Double, gradient: [Double]
  ) {
    valueAndGradient(parameters: parameters, examples: examples, needsGradient: true)
  }

  /// The mean loss over `examples` (all when nil), and its gradient when asked for.
  ///
  /// Forward: z = x·w (summed over the features in order) + b, the output σ(z) or z, each
  /// example's loss, their sum divided by the count (torch's `mean`). Backward as torch's
  /// autograd runs it: the loss's backward with grad_output 1/n, σ's backward
  /// g·(1 − p)·p, then the weights' gradient Σ x·g and the bias's Σ g over the examples in
  /// order.
  func valueAndGradient(parameters: [Double], examples: [Int]?, needsGradient: Bool) -> (
    value: Double, gradient: [Double]
  ) {
    let featureCount = data.featureCount
    let bias = parameters[featureCount]
    let count = examples?.count ?? data.count
    var total = 0.0
    var gradient = [Double](repeating: 0, count: needsGradient ? featureCount + 1 : 0)
    let n = Double(count)
    let sigmoidOutput = model == .logistic
    for position in 0..<count {
      let index = examples?[position] ?? position
      let x = data.features[index]
      let target = data.labels[index]
      var dot = 0.0
      for j in 0..<featureCount { dot += x[j] * parameters[j] }
      let z = dot + bias
      let output = sigmoidOutput ? 1 / (1 + Double.exp(-z)) : z
      var outputGradient: Double
      switch loss {
      case .nll:
        let logOutput = Swift.max(Double.log(output), -100)
        let logComplement = Swift.max(Double.log(onePlus: -output), -100)
        total += (target - 1) * logComplement - target * logOutput
        outputGradient =
          (1 / n) * (output - target) / Swift.max((1 - output) * output, Self.crossEntropyEpsilon)
      case .mse:
        let difference = output - target
        total += difference * difference
        outputGradient = (2 / n) * difference
      }
      guard needsGradient else { continue }
      if sigmoidOutput { outputGradient = outputGradient * (1 - output) * output }
      for j in 0..<featureCount { gradient[j] += x[j] * outputGradient }
      gradient[featureCount] += outputGradient
    }
    return (total / n, gradient)
  }
}
