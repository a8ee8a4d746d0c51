import OptimKit

/// The neuron lab's options as typed: the data, the model, the loss, the two parameters on
/// the map, the batch size and whether the others train (`--data`/`--dataset`, `--model`,
/// `--loss`, `--params`, `--batch`, `--train-all`).
///
/// App never opens a file: a CSV's examples arrive read and parsed in `dataSet` (the
/// executable reads `--data FILE`); a built-in set is found by its name.
public struct DataOptions: Sendable, Hashable {
  /// The built-in data set's name (`--dataset`) or the CSV file's path (`--data`).
  public var source: String
  /// Whether `source` is a file (`--data`) rather than a built-in set.
  public var isFile: Bool
  /// The examples: a file's, once read; nil for a built-in set (found by name).
  public var dataSet: DataSet?
  public var model: String?
  public var loss: String?
  /// The two mapped parameters as typed, e.g. "w1,w2" or "w,b".
  public var params: String?
  /// `full`, a whole number of examples, or 1.
  public var batch: String?
  public var trainsAll: Bool

  public init(
    source: String, isFile: Bool = false, dataSet: DataSet? = nil, model: String? = nil,
    loss: String? = nil, params: String? = nil, batch: String? = nil, trainsAll: Bool = false
  ) {
    self.source = source
    self.isFile = isFile
    self.dataSet = dataSet
    self.model = model
    self.loss = loss
    self.params = params
    self.batch = batch
    self.trainsAll = trainsAll
  }

  /// Where each built-in set's race starts: every parameter, w1 … b. The exercise's
  /// weights [0.1, −0.2] and bias 0; the others off to one side of the valley.
  static let builtInStarts: [String: [Double]] = [
    "exercise": [0.1, -0.2, 0], "separable": [-2, 1.5, 0], "overlapping": [-2, 1.5, 0],
    "outliers": [-1.5, 3],
  ]

  /// The view of a data objective when `--view` is not given.
  public static let standardView = ViewBox(xMin: -4, xMax: 4, yMin: -4, yMax: 4)

  /// The examples: the file's, or the built-in set's.
  public func examples() throws(SceneOptions.Problem) -> DataSet {
    if let dataSet { return dataSet }
    guard !isFile, let builtIn = DataSet.builtIn(named: source) else {
      if isFile {
        throw SceneOptions.Problem(description: "--data '\(source)' has not been read")
      }
      let known = DataSet.builtIns.map(\.name).joined(separator: ", ")
      throw SceneOptions.Problem(description: "unknown --dataset '\(source)'; known: \(known)")
    }
    return builtIn
  }

  /// The batch size asked for: `full` (the default), or a whole number of examples.
  public func batchSize() throws(SceneOptions.Problem) -> BatchPlan.Size {
    guard let batch else { return .full }
    let text = SceneOptions.trimmed(Substring(batch)).lowercased()
    if text == "full" { return .full }
    guard let count = Int(text), count >= 1 else {
      throw SceneOptions.Problem(
        description: "bad --batch '\(batch)': expected full, a whole number of examples, or 1")
    }
    return .examples(count)
  }

  /// The checked objective, start and view, as the function a scene races on.
  public func functionChoice() throws(SceneOptions.Problem) -> FunctionChoice {
    let data = try examples()
    let chosenModel: DataModel
    if let model {
      guard let parsed = DataModel(rawValue: SceneOptions.trimmed(Substring(model)).lowercased())
      else {
        throw SceneOptions.Problem(
          description: "bad --model '\(model)': expected logistic or linear")
      }
      chosenModel = parsed
    } else {
      chosenModel = data.standardModel
    }
    let chosenLoss: DataLoss
    if let loss {
      guard let parsed = DataLoss(rawValue: SceneOptions.trimmed(Substring(loss)).lowercased())
      else {
        throw SceneOptions.Problem(description: "bad --loss '\(loss)': expected nll or mse")
      }
      chosenLoss = parsed
    } else {
      chosenLoss = chosenModel == .logistic ? .nll : .mse
    }
    let mapped = params.map {
      $0.split(separator: ",", omittingEmptySubsequences: false).map {
        SceneOptions.trimmed($0)
      }
    }
    let names = DataObjective.parameterNames(featureCount: data.featureCount)
    let initial =
      isFile ? nil : Self.builtInStarts[data.name].flatMap { $0.count == names.count ? $0 : nil }
    let size = try batchSize()
    let objective: DataObjective
    do {
      objective = try DataObjective(
        data: data, model: chosenModel, loss: chosenLoss, mapped: mapped, parameters: initial,
        trainsAll: trainsAll)
    } catch {
      throw SceneOptions.Problem(description: error.description)
    }
    var checked = self
    checked.model = chosenModel.rawValue
    checked.loss = chosenLoss.rawValue
    checked.params = [
      names[objective.mappedParameters.x], names[objective.mappedParameters.y],
    ].joined(separator: ",")
    var choice = FunctionChoice(
      name: "\(data.name) \(chosenModel.rawValue) \(chosenLoss.rawValue)",
      title: "\(data.name) · \(chosenModel.rawValue) · \(chosenLoss.rawValue)"
        + (size == .full ? "" : " · batch \(batch ?? "")"),
      formula: Self.formula(model: chosenModel, loss: chosenLoss), objective: objective,
      view: Self.standardView,
      start: Point(
        x: objective.parameters[objective.mappedParameters.x],
        y: objective.parameters[objective.mappedParameters.y]),
      learningRates: Self.learningRates)
    choice.data = checked
    choice.batchSize = size
    return choice
  }

  /// Learning rates at which every standard optimizer visibly trains a tiny model: the
  /// exercise's 0.1 for the plain and momentum methods, less for the adaptive ones.
  static let learningRates: [String: Double] = [
    "sgd": 0.1, "momentum": 0.1, "nesterov": 0.1, "adagrad": 0.1, "rmsprop": 0.01,
    "adadelta": 1, "adam": 0.05, "nadam": 0.05,
  ]

  /// The loss as a formula, for the title line.
  static func formula(model: DataModel, loss: DataLoss) -> String {
    let output = model == .logistic ? "σ(x·w+b)" : "x·w+b"
    switch loss {
    case .nll: return "mean BCE(\(output), y)"
    case .mse: return "mean (\(output) − y)²"
    }
  }
}
