import OptimKit

/// The functions and starts of `scenes/`, the cases `check` runs without --function.
///
/// Kept as data here so `check` runs wherever the binary is; a test reads the
/// scene files and fails when they and this list part ways.
enum CourseSuite {
  struct Scene {
    var name: String
    var function: String?
    var expression: String?
    var start: Point
    var steps: Int
  }

  static let scenes: [Scene] = [
    Scene(name: "ellipse", function: "ellipse", start: Point(x: 5, y: 5), steps: 100),
    Scene(
      name: "bumpy valley", expression: "(x-3)^2 + 8*(y-5)^4 + sqrt(x) + sin(x*y)",
      start: Point(x: 5, y: -2), steps: 100),
    Scene(name: "himmelblau", function: "himmelblau", start: Point(x: -5, y: 5), steps: 300),
    Scene(name: "rosenbrock", function: "rosenbrock", start: Point(x: -5, y: 5), steps: 300),
    Scene(
      name: "wavy", expression: "x^2 + y^2 + 10*sin(5*x) + 10*cos(5*y)",
      start: Point(x: -5, y: 5), steps: 300),
    Scene(name: "saddle", expression: "x^2/10 - y^2/10", start: Point(x: 8, y: 0.1), steps: 500),
    Scene(
      name: "sine bowl", expression: "x^2*sin(x)/10 + y^2*cos(y)/10", start: Point(x: 8, y: 0.1),
      steps: 500),
    Scene(
      name: "sine squared", expression: "x^2*sin(x^2)/10 + y^2*cos(y^2)/10",
      start: Point(x: 8, y: 0.1), steps: 500),
  ]
}

extension CourseSuite.Scene {
  init(name: String, function: String, start: Point, steps: Int) {
    self.init(name: name, function: function, expression: nil, start: start, steps: steps)
  }

  init(name: String, expression: String, start: Point, steps: Int) {
    self.init(name: name, function: nil, expression: expression, start: start, steps: steps)
  }
}
