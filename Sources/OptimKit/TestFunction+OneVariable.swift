// duplicates: the catalog entries are data, alike in shape (name, formula, view, minima).
extension TestFunction {
  /// The built-in functions of one variable, f(x), in the order a menu lists them: the
  /// root-finding lab's quadratic and its square, a quartic with a flat inflection, a
  /// tilted double well.
  ///
  /// They are `TestFunction`s like the 2-D ones so that one `FunctionChoice`
  /// carries either; their `view`'s y range (−1 to 1) is a placeholder, since
  /// the curve's vertical range is f's over the x range shown, and every start
  /// and minimum has y = 0, where the race keeps y.
  public static let oneVariableCatalog: [TestFunction] = oneVariableMakers.compactMap {
    $0.make($0.name)
  }

  /// The names of `oneVariableCatalog`, in its order, known without making the functions.
  public static let oneVariableNames: [String] = oneVariableMakers.map(\.name)

  /// The one-variable catalog entry called `name`, ignoring case and `-`/`_`/spaces as `named`.
  public static func namedOneVariable(_ name: String) -> TestFunction? {
    let wanted = String(name.lowercased().filter { !"-_ \t".contains($0) })
    guard !wanted.isEmpty else { return nil }
    return oneVariableMakers.first {
      String($0.name.filter { $0 != "-" }) == wanted
    }.flatMap { $0.make($0.name) }
  }

  /// Whether `name` is one of `oneVariableCatalog`'s.
  public static func isOneVariable(_ name: String) -> Bool { oneVariableNames.contains(name) }

  /// A view of x from `x0` to `x1`; y's range is a placeholder (see `oneVariableCatalog`).
  static func line(_ x0: Double, _ x1: Double) -> ViewBox {
    ViewBox(xMin: x0, xMax: x1, yMin: -1, yMax: 1)
  }

  static let oneVariableMakers: [(name: String, make: @Sendable (String) -> TestFunction?)] = [
    (
      "quadratic",
      { name in
        TestFunction(
          name: name, title: "Quadratic", formula: "x² − 6x + 4", source: "x^2 - 6*x + 4",
          view: line(-4, 10), start: Point(x: -3, y: 0), minima: [Point(x: 3, y: 0)],
          minimumValue: -5, curvature: 2)
      }
    ),
    (
      // The root-finding lab: descending the square finds the roots 3 ± √5 of the quadratic.
      "quadratic-squared",
      { name in
        TestFunction(
          name: name, title: "Quadratic squared", formula: "(x² − 6x + 4)²",
          source: "(x^2 - 6*x + 4)^2", view: line(-11, 11), start: Point(x: -10, y: 0),
          minima: [Point(x: 0.7639320225002102, y: 0), Point(x: 5.23606797749979, y: 0)],
          minimumValue: 0, curvature: 600)
      }
    ),
    (
      // f′ = x²(4x − 9): a minimum at 9/4 and a flat inflection at 0 that slows a descent from
      // the left.
      "quartic",
      { name in
        TestFunction(
          name: name, title: "Quartic", formula: "x⁴ − 3x³ + 2", source: "x^4 - 3*x^3 + 2",
          view: line(-1.5, 3.5), start: Point(x: -1, y: 0), minima: [Point(x: 2.25, y: 0)],
          minimumValue: -6.54296875, curvature: 30)
      }
    ),
    (
      // Tilted: the left well is the deeper; from the right, plain descent stays in the other.
      "double-well",
      { name in
        TestFunction(
          name: name, title: "Double well", formula: "(x² − 1)² + 0.3x",
          source: "(x^2 - 1)^2 + 0.3*x", view: line(-2, 2), start: Point(x: 1.8, y: 0),
          minima: [Point(x: -1.0355787140888537, y: 0), Point(x: 0.9601495555191055, y: 0)],
          minimumValue: -0.305428483743916, curvature: 30)
      }
    ),
  ]
}
