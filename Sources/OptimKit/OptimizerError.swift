/// Why an optimizer name, spec, hyper-parameter value or live edit was refused.
///
/// Every case prints as one line that names the optimizer, the key and what
/// would have been accepted, so a user can fix a typo without reading docs.
public enum OptimizerError: Error, Hashable, Sendable, CustomStringConvertible {
  /// No optimizer has this name; `suggestion` is the closest known name, if any is close.
  case unknownOptimizer(name: String, suggestion: String?)
  /// The optimizer has no hyper-parameter with this name.
  case unknownHyperparameter(OptimizerKind, key: String)
  /// The value lies outside what torch accepts.
  case outOfRange(OptimizerKind, Hyperparameter, value: Double, allowed: AllowedRange)
  /// The text given as a value is not a number (or, for a switch, not true/false/1/0).
  case malformedValue(OptimizerKind, Hyperparameter, text: String)
  /// Nesterov momentum needs momentum > 0 and dampening 0, as in torch's SGD.
  case nesterovNeedsMomentum(OptimizerKind, momentum: Double, dampening: Double)
  /// Rprop's etas must satisfy 0 < etaminus < 1 < etaplus, as torch checks.
  case etasOutOfOrder(OptimizerKind, etaMinus: Double, etaPlus: Double)
  /// An optimizer of torch's that cannot run on a 2-D function (SparseAdam), with the one to use.
  case notApplicable(name: String, reason: String, instead: String)
  /// `clip=` needs a finite number ≥ 0 (the largest gradient norm kept).
  case badClip(OptimizerKind, text: String)
  /// `shape=` names no shape (vector, scalars or matrix).
  case badShape(OptimizerKind, text: String)
  /// torch refuses parameters of this shape for this optimizer (Muon: only 2-D ones).
  case unsupportedShape(OptimizerKind, ParameterShape)
  /// `shape=` was given for a function of one variable, whose one parameter has no shape to choose.
  case oneVariableShape(OptimizerKind, ParameterShape)
  /// The same key was given twice in one spec.
  case repeatedHyperparameter(OptimizerKind, Hyperparameter)
  /// The spec text is not `NAME[:KEY=VALUE[,KEY=VALUE...]]`.
  case malformedSpec(String, reason: String)
  /// The learning-rate schedule part of the spec was refused.
  case schedule(OptimizerKind, ScheduleError)
  /// An edit named a racer the race does not have (`index` is 0-based).
  case noSuchRacer(index: Int, count: Int)
  /// The optimizer cannot step every parameter of a model (`--train-all`): it needs the
  /// whole parameter as two numbers (LBFGS, Newton), a matrix (Muon, Adafactor shape=matrix).
  case cannotTrainAll(OptimizerKind, ParameterShape)
  /// A plug-in racer steps two parameters only, so it cannot train every parameter.
  case pluginCannotTrainAll(label: String)

  // duplicates: one switch arm per case, alike in shape only.
  public var description: String {
    switch self {
    case .unknownOptimizer(let name, let suggestion):
      let known = OptimizerKind.allCases.map(\.name).joined(separator: ", ")
      let hint = suggestion.map { " (did you mean '\($0)'?)" } ?? ""
      return "unknown optimizer '\(name)'\(hint); known: \(known)"
    case .unknownHyperparameter(let kind, let key):
      let known = kind.hyperparameters.map(\.name).joined(separator: ", ")
      return "\(kind): unknown hyper-parameter '\(key)'; known: \(known)"
    case .outOfRange(let kind, let key, let value, let allowed):
      return "\(kind): \(key) must be \(allowed), got \(value)"
    case .malformedValue(let kind, let key, let text):
      if key == .lineSearch {
        // torch's own words for any other line_search_fn.
        return "\(kind): \(key) must be none or strong_wolfe (torch: only 'strong_wolfe' is "
          + "supported), got '\(text)'"
      }
      let allowed =
        key.isBoolean
        ? "true, false, 1 or 0"
        : key == .adjustLearningRate
          ? "one of " + Hyperparameter.adjustLearningRateChoices.joined(separator: ", ")
          : "a number"
      return "\(kind): \(key) must be \(allowed), got '\(text)'"
    case .nesterovNeedsMomentum(let kind, let momentum, let dampening):
      return
        "\(kind): nesterov needs momentum > 0 and dampening = 0, "
        + "got momentum \(momentum), dampening \(dampening)"
    case .etasOutOfOrder(let kind, let minus, let plus):
      return
        "\(kind): etaminus and etaplus must satisfy 0 < etaminus < 1 < etaplus, "
        + "got etaminus \(minus), etaplus \(plus)"
    case .notApplicable(let name, let reason, let instead):
      return "\(name): \(reason); use '\(instead)' instead"
    case .badClip(let kind, let text):
      return "\(kind): clip must be a finite number >= 0 (the largest gradient norm), got '\(text)'"
    case .badShape(let kind, let text):
      return "\(kind): shape must be vector, scalars or matrix, got '\(text)'"
    case .unsupportedShape(let kind, .single):
      return "\(kind): Muon only supports 2D parameters whereas we found a parameter with size: "
        + "torch.Size([1]) (a function of one variable has one parameter, x)"
    case .oneVariableShape(let kind, let shape):
      return "\(kind): shape=\(shape) does not apply to a function of one variable "
        + "(its one parameter is torch.tensor([x]))"
    case .unsupportedShape(let kind, let shape):
      // torch's own words (torch/optim/_muon.py), then what to write instead.
      return "\(kind): Muon only supports 2D parameters whereas we found a parameter with size: "
        + "\(shape.torchSize) (shape=\(shape)); use shape=matrix"
    case .repeatedHyperparameter(let kind, let key):
      return "\(kind): \(key) is given more than once"
    case .malformedSpec(let text, let reason):
      return "bad optimizer spec '\(text)': \(reason) (expected NAME[:KEY=VALUE[,KEY=VALUE...]])"
    case .schedule(let kind, let error):
      return "\(kind): \(error)"
    case .noSuchRacer(let index, let count):
      return "no optimizer number \(index + 1); the race has \(count)"
    case .cannotTrainAll(let kind, let shape):
      return "\(kind) (shape=\(shape)) cannot train every parameter (--train-all): it steps the "
        + "two mapped parameters only; drop --train-all or use a per-element optimizer"
    case .pluginCannotTrainAll(let label):
      return "plug-in '\(label)' cannot train every parameter (--train-all): plug-ins step the "
        + "two mapped parameters only"
    }
  }
}
