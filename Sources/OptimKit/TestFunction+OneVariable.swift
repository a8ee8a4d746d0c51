extension TestFunction {
  /// The built-in functions of one variable, f(x), in the order a menu lists them: the
  /// root-finding lab's quadratic and its square, a quartic with a flat inflection, a
  /// tilted double well.
  ///
  /// They are `TestFunction`s like the 2-D ones so that one `FunctionChoice`
  /// carries either; their `view`'s y range (−1 to 1) is a placeholder, since
  /// the curve's vertical range is f's over the x range shown, and every start
  /// and minimum has y = 0, where the race keeps y.
  public static let oneVariableCatalog: [TestFunction] = oneVariableEntries.compactMap(\.function)

  /// The names of `oneVariableCatalog`, in its order, known without making the functions.
  public static let oneVariableNames: [String] = oneVariableEntries.map(\.name)

  /// The one-variable catalog entry called `name`, ignoring case and `-`/`_`/spaces as `named`.
  public static func namedOneVariable(_ name: String) -> TestFunction? {
    let wanted = String(name.lowercased().filter { !"-_ \t".contains($0) })
    guard !wanted.isEmpty else { return nil }
    return oneVariableEntries.first {
      String($0.name.filter { $0 != "-" }) == wanted
    }?.function
  }

  /// Whether `name` is one of `oneVariableCatalog`'s.
  public static func isOneVariable(_ name: String) -> Bool { oneVariableNames.contains(name) }

  /// A function of one variable as the catalog lists it: x's range, the start and the minima
  /// as numbers of x, since y is 0 throughout.
  ///
  /// Plain data, made into a `TestFunction` (its expression parsed) only when asked for, so
  /// that `namedOneVariable` parses only the one it returns.
  struct OneVariableEntry: Sendable {
    let name: String
    let title: String
    let formula: String
    let source: String
    /// The x range of the view.
    let range: ClosedRange<Double>
    let start: Double
    let minima: [Double]
    let minimumValue: Double
    /// See `TestFunction.catalog`: it sets the suggested learning rates.
    let curvature: Double

    /// The entry as a `TestFunction`; nil if `source` does not parse, which the catalog tests
    /// rule out. Its view's y range is a placeholder (see `oneVariableCatalog`).
    var function: TestFunction? {
      TestFunction(
        name: name, title: title, formula: formula, source: source,
        view: ViewBox(xMin: range.lowerBound, xMax: range.upperBound, yMin: -1, yMax: 1),
        start: Point(x: start, y: 0), minima: minima.map { Point(x: $0, y: 0) },
        minimumValue: minimumValue, curvature: curvature)
    }
  }

  static let oneVariableEntries: [OneVariableEntry] = [
    OneVariableEntry(
      name: "quadratic", title: "Quadratic", formula: "x² − 6x + 4", source: "x^2 - 6*x + 4",
      range: -4...10, start: -3, minima: [3], minimumValue: -5, curvature: 2),
    // The root-finding lab: descending the square finds the roots 3 ± √5 of the quadratic.
    OneVariableEntry(
      name: "quadratic-squared", title: "Quadratic squared", formula: "(x² − 6x + 4)²",
      source: "(x^2 - 6*x + 4)^2", range: -11...11, start: -10,
      minima: [0.7639320225002102, 5.23606797749979], minimumValue: 0, curvature: 600),
    // f′ = x²(4x − 9): a minimum at 9/4 and a flat inflection at 0 that slows a descent from
    // the left.
    OneVariableEntry(
      name: "quartic", title: "Quartic", formula: "x⁴ − 3x³ + 2", source: "x^4 - 3*x^3 + 2",
      range: -1.5...3.5, start: -1, minima: [2.25], minimumValue: -6.54296875, curvature: 30),
    // Tilted: the left well is the deeper; from the right, plain descent stays in the other.
    OneVariableEntry(
      name: "double-well", title: "Double well", formula: "(x² − 1)² + 0.3x",
      source: "(x^2 - 1)^2 + 0.3*x", range: -2...2, start: 1.8,
      minima: [-1.0355787140888537, 0.9601495555191055], minimumValue: -0.305428483743916,
      curvature: 30),
  ]
}
