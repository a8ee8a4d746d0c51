/// A built-in test function: its formula, a view and start point that make a good race,
/// its known minima, and suggested learning rates.
///
/// The catalog (`TestFunction.catalog`) holds the classics of optimization
/// benchmarks with their textbook definitions; each is also written in the
/// expression language, so built-in and typed functions share one
/// evaluator and one gradient.
public struct TestFunction: Sendable, Hashable {
  /// Lowercase, hyphenated name used on the command line: `three-hump-camel`.
  public let name: String
  /// Human name: `Three-hump camel`.
  public let title: String
  /// Short pretty formula for a status line: `(1−x)² + 100(y−x²)²`.
  public let formula: String
  /// The same function in the expression language.
  public let expression: Expression
  /// A default view that shows the function's interesting part.
  public let view: ViewBox
  /// A default start point, inside `view`, that makes a good race.
  public let start: Point
  /// Known minima in or near the view: the global ones first, then notable local ones.
  public let minima: [Point]
  /// The global minimum value f*, when f has one.
  public let minimumValue: Double?
  /// Suggested learning rate per optimizer name (`sgd`, `adam`, …): `suggestedLearningRates`,
  /// with the rates a function was tuned at by running races in their place.
  ///
  /// Every race that names no optimizer (the live program, `render`, `record`,
  /// `trace`, `compare`, and the `f`/`F` keys) takes its learning rates from
  /// here, so the same function always races the same field.
  public let learningRates: [String: Double]

  /// A catalog entry; nil if `source` does not parse, which the catalog tests rule out.
  ///
  /// `tuned` replaces the curvature's guesses for the optimizers named in it.
  init?(
    name: String, title: String, formula: String, source: String, view: ViewBox, start: Point,
    minima: [Point], minimumValue: Double?, curvature: Double, tuned: [String: Double] = [:]
  ) {
    guard let expression = try? Expression(parsing: source) else { return nil }
    self.name = name
    self.title = title
    self.formula = formula
    self.expression = expression
    self.view = view
    self.start = start
    self.minima = minima
    self.minimumValue = minimumValue
    self.learningRates = Self.suggestedLearningRates(curvature: curvature, width: view.width)
      .merging(tuned) { _, tuned in tuned }
  }

  /// The catalog entry called `name`, ignoring case and accepting `_`, ` ` or nothing for `-`
  /// (`three_hump_camel`, `Three Hump Camel`, `levi-13` all work).
  public static func named(_ name: String) -> TestFunction? {
    let wanted = normalized(name)
    guard !wanted.isEmpty else { return nil }
    return makers.first { normalized($0.name) == wanted }.flatMap { $0.make($0.name) }
  }

  private static func normalized(_ name: String) -> String {
    String(name.lowercased().filter { !"-_ \t".contains($0) })
  }

  /// Educated first guesses of learning rates, from the curvature L of f along a typical
  /// race and the width W of the view; to be tuned by running races.
  ///
  /// - Plain and momentum SGD step by lr·∇f and diverge on a quadratic once
  ///   lr > 2/L (heavy ball with momentum 0.9: 3.8/L), so 0.5/L is safe yet
  ///   quick along the stiff direction.
  /// - Adam and its kin step about lr per coordinate whatever the gradient's
  ///   size, so W/100 crosses the view in a few hundred steps. RAdam's first
  ///   steps are un-adapted (lr·∇f), so it also respects the SGD bound.
  /// - Adagrad's first step is lr per coordinate and then shrinks like 1/√t,
  ///   so it starts larger: W/20.
  /// - RMSprop's first step is lr/√(1−α) = 10·lr, its steady step about lr: W/200.
  /// - Adadelta's steps start near lr·√(eps/(1−ρ)) ≈ 0.003·lr and grow slowly: W/5.
  /// - Lion moves every coordinate by exactly lr per step (a sign update): W/200.
  /// - Rprop's first step is lr per coordinate, growing by etaplus while the
  ///   sign holds and halving at a turn: W/100, as Adam.
  /// - ASGD is SGD with a slowly shrinking step: the SGD bound.
  /// - Adafactor's step is relative, lr times the parameter's root mean square: 0.01.
  /// - Muon moves along an orthogonalized direction of length about 1, so by about
  ///   lr per coordinate: W/100, as Adam.
  /// - Newton's method takes the full step lr = 1 (its damping guards the rest).
  /// - LBFGS scales its own steps (curvature pairs, or a strong-Wolfe search): torch's lr = 1.
  public static func suggestedLearningRates(curvature: Double, width: Double) -> [String: Double] {
    let sgd = 0.5 / curvature
    let adaptive = width / 100
    return [
      "sgd": sgd, "momentum": sgd, "nesterov": sgd,
      "adagrad": width / 20, "adadelta": width / 5, "rmsprop": width / 200,
      "adam": adaptive, "adamw": adaptive, "nadam": adaptive, "adamax": adaptive,
      "radam": Swift.min(adaptive, sgd), "lion": width / 200, "newton": 1,
      "rprop": adaptive, "asgd": sgd, "adafactor": 1e-2, "muon": adaptive,
      "lbfgs": 1,
    ]
  }

  /// Suggested learning rates for any function over `view`, from the largest
  /// curvature seen between neighbours of a 16×16 grid; used for typed expressions.
  public static func suggestedLearningRates(for objective: any Objective, view: ViewBox)
    -> [String: Double]
  {
    let count = 16
    let points = (0..<count).flatMap { row in
      (0..<count).map { column in
        Point(
          x: view.xMin + (Double(column) + 0.5) * view.width / Double(count),
          y: view.yMin + (Double(row) + 0.5) * view.height / Double(count))
      }
    }
    let gradients = points.map { objective.valueAndGradient(at: $0).gradient }
    var curvature = 0.0
    for row in 0..<count {
      for column in 0..<count {
        let here = gradients[row * count + column]
        for (dx, dy) in [(1, 0), (0, 1)] where column + dx < count && row + dy < count {
          let index = (row + dy) * count + column + dx
          let change = (gradients[index] - here).length
          let distance = (points[index] - points[row * count + column]).length
          if change.isFinite && distance > 0 { curvature = Swift.max(curvature, change / distance) }
        }
      }
    }
    return suggestedLearningRates(curvature: curvature > 0 ? curvature : 50, width: view.width)
  }
}
