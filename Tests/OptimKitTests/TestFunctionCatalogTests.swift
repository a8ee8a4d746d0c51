import Foundation
import Testing

@testable import OptimKit

/// The built-in catalog: names, views, minima, gradients against hand-derived formulas.
@Suite struct TestFunctionCatalogTests {
  static let expectedNames = [
    "sphere", "ellipse", "rosenbrock", "himmelblau", "beale", "booth", "rastrigin", "ackley",
    "three-hump-camel", "six-hump-camel", "matyas", "levi13", "styblinski-tang", "mccormick",
    "goldstein-price", "saddle", "wavy", "sqrt-sin", "sin-cos-bowl", "sin-sq",
  ]

  /// Every catalog gradient, derived by hand from the textbook formula.
  static let handGradients: [String: @Sendable (Double, Double) -> Point] = [
    "sphere": { x, y in Point(x: 2 * x, y: 2 * y) },
    "ellipse": { x, y in Point(x: 10 * x, y: 2 * y) },
    "rosenbrock": { x, y in Point(x: -2 * (1 - x) - 400 * x * (y - x * x), y: 200 * (y - x * x)) },
    "himmelblau": { x, y in
      let a = x * x + y - 11
      let b = x + y * y - 7
      return Point(x: 4 * x * a + 2 * b, y: 2 * a + 4 * y * b)
    },
    "beale": { x, y in
      let t1 = 1.5 - x + x * y
      let t2 = 2.25 - x + x * y * y
      let t3 = 2.625 - x + x * y * y * y
      return Point(
        x: 2 * t1 * (y - 1) + 2 * t2 * (y * y - 1) + 2 * t3 * (y * y * y - 1),
        y: 2 * t1 * x + 2 * t2 * 2 * x * y + 2 * t3 * 3 * x * y * y)
    },
    "booth": { x, y in
      let a = x + 2 * y - 7
      let b = 2 * x + y - 5
      return Point(x: 2 * a + 4 * b, y: 4 * a + 2 * b)
    },
    "rastrigin": { x, y in
      Point(x: 2 * x + 20 * .pi * sin(2 * .pi * x), y: 2 * y + 20 * .pi * sin(2 * .pi * y))
    },
    "ackley": { x, y in
      let r = sqrt(0.5 * (x * x + y * y))
      let wave = exp(0.5 * (cos(2 * .pi * x) + cos(2 * .pi * y)))
      return Point(
        x: 2 * exp(-0.2 * r) * x / r + .pi * sin(2 * .pi * x) * wave,
        y: 2 * exp(-0.2 * r) * y / r + .pi * sin(2 * .pi * y) * wave)
    },
    "three-hump-camel": { x, y in
      Point(x: 4 * x - 4.2 * pow(x, 3) + pow(x, 5) + y, y: x + 2 * y)
    },
    "six-hump-camel": { x, y in
      Point(x: 8 * x - 8.4 * pow(x, 3) + 2 * pow(x, 5) + y, y: x - 8 * y + 16 * pow(y, 3))
    },
    "matyas": { x, y in Point(x: 0.52 * x - 0.48 * y, y: 0.52 * y - 0.48 * x) },
    "levi13": { x, y in
      let sx = sin(3 * .pi * x)
      let sy = sin(3 * .pi * y)
      let s2 = sin(2 * .pi * y)
      return Point(
        x: 6 * .pi * sx * cos(3 * .pi * x) + 2 * (x - 1) * (1 + sy * sy),
        y: (x - 1) * (x - 1) * 6 * .pi * sy * cos(3 * .pi * y) + 2 * (y - 1) * (1 + s2 * s2)
          + (y - 1) * (y - 1) * 4 * .pi * s2 * cos(2 * .pi * y))
    },
    "styblinski-tang": { x, y in
      Point(x: (4 * pow(x, 3) - 32 * x + 5) / 2, y: (4 * pow(y, 3) - 32 * y + 5) / 2)
    },
    "mccormick": { x, y in
      Point(x: cos(x + y) + 2 * (x - y) - 1.5, y: cos(x + y) - 2 * (x - y) + 2.5)
    },
    "goldstein-price": { x, y in
      let a = x + y + 1
      let p = 19 - 14 * x + 3 * x * x - 14 * y + 6 * x * y + 3 * y * y
      let pSlope = -14 + 6 * x + 6 * y  // ∂p/∂x = ∂p/∂y
      let b = 2 * x - 3 * y
      let q = 18 - 32 * x + 12 * x * x + 48 * y - 36 * x * y + 27 * y * y
      let first = 1 + a * a * p
      let second = 30 + b * b * q
      let firstSlope = 2 * a * p + a * a * pSlope
      let secondX = 4 * b * q + b * b * (-32 + 24 * x - 36 * y)
      let secondY = -6 * b * q + b * b * (48 - 36 * x + 54 * y)
      return Point(
        x: firstSlope * second + first * secondX, y: firstSlope * second + first * secondY)
    },
    "saddle": { x, y in Point(x: x / 5, y: -y / 5) },
    "wavy": { x, y in Point(x: 2 * x + 50 * cos(5 * x), y: 2 * y - 50 * sin(5 * y)) },
    "sqrt-sin": { x, y in
      Point(
        x: 2 * (x - 3) + 1 / (2 * sqrt(x)) + y * cos(x * y),
        y: 32 * pow(y - 5, 3) + x * cos(x * y))
    },
    "sin-cos-bowl": { x, y in
      Point(x: (2 * x * sin(x) + x * x * cos(x)) / 10, y: (2 * y * cos(y) - y * y * sin(y)) / 10)
    },
    "sin-sq": { x, y in
      Point(
        x: (2 * x * sin(x * x) + 2 * pow(x, 3) * cos(x * x)) / 10,
        y: (2 * y * cos(y * y) - 2 * pow(y, 3) * sin(y * y)) / 10)
    },
  ]

  @Test func catalogHasEveryFunctionOnceInOrder() {
    #expect(TestFunction.catalog.map(\.name) == Self.expectedNames)
    // Every function parses, so the names known without making them line up with the catalog.
    #expect(TestFunction.catalogNames == Self.expectedNames)
    for name in TestFunction.catalogNames {
      #expect(TestFunction.named(name) == TestFunction.catalog.first { $0.name == name })
    }
    #expect(Set(TestFunction.catalog.map(\.name)).count == TestFunction.catalog.count)
    #expect(Set(Self.handGradients.keys) == Set(Self.expectedNames))
  }

  @Test func viewsAreValidAndContainTheirStart() {
    for function in TestFunction.catalog {
      #expect(function.view.isValid, "\(function.name)")
      #expect(function.view.contains(function.start), "\(function.name): \(function.start)")
      #expect(function.value(at: function.start).isFinite, "\(function.name)")
      #expect(function.valueAndGradient(at: function.start).gradient.isFinite, "\(function.name)")
    }
  }

  @Test func textIsShortSingleWidthAndTitled() {
    for function in TestFunction.catalog {
      #expect(!function.title.isEmpty && !function.formula.isEmpty)
      #expect(function.formula.count <= 90, "\(function.name)")
      // Nothing from the wide East Asian blocks or emoji: one terminal cell per character.
      #expect(function.formula.unicodeScalars.allSatisfy { $0.value < 0x2E80 }, "\(function.name)")
      #expect(function.name == function.name.lowercased() && !function.name.contains(" "))
    }
  }

  @Test func minimaHaveTheKnownValueAndAreLocalMinima() {
    for function in TestFunction.catalog {
      let values = function.minima.map { function.value(at: $0) }
      if let minimumValue = function.minimumValue {
        let lowest = values.min() ?? .nan
        #expect(abs(lowest - minimumValue) <= 1e-12 * max(1, abs(minimumValue)), "\(function.name)")
        #expect(
          abs(values[0] - minimumValue) <= 1e-12 * max(1, abs(minimumValue)),
          "\(function.name): global first")
      }
      for (minimum, value) in zip(function.minima, values) {
        for (dx, dy) in [(1.0, 0.0), (-1, 0), (0, 1), (0, -1), (1, 1), (-1, 1), (1, -1), (-1, -1)] {
          let nearby = Point(x: minimum.x + 1e-4 * dx, y: minimum.y + 1e-4 * dy)
          #expect(function.value(at: nearby) >= value, "\(function.name) at \(minimum)")
        }
      }
    }
  }

  @Test func knownMinimaFromTheLiterature() throws {
    let styblinski = try #require(TestFunction.named("styblinski-tang"))
    #expect(abs(styblinski.value(at: Point(x: -2.903534, y: -2.903534)) - (-78.332)) < 1e-3)
    let himmelblau = try #require(TestFunction.named("himmelblau"))
    #expect(himmelblau.minima.count == 4)
    #expect(himmelblau.minima.allSatisfy { himmelblau.value(at: $0) < 1e-20 })
    let goldstein = try #require(TestFunction.named("goldstein-price"))
    #expect(goldstein.value(at: Point(x: 0, y: -1)) == 3)
    let saddle = try #require(TestFunction.named("saddle"))
    #expect(saddle.minima.isEmpty && saddle.minimumValue == nil)
  }

  @Test func gradientVanishesAtMinimaOfSmoothFunctions() {
    for function in TestFunction.catalog where function.name != "ackley" {
      for minimum in function.minima {
        let gradient = function.valueAndGradient(at: minimum).gradient
        let scale = max(1, abs(function.value(at: minimum)))
        #expect(gradient.length <= 1e-7 * scale, "\(function.name) at \(minimum): \(gradient)")
      }
    }
    // Ackley has a cone point at its minimum: like torch, the gradient there is not a number.
    if let ackley = TestFunction.named("ackley") {
      #expect(!ackley.valueAndGradient(at: Point(x: 0, y: 0)).gradient.isFinite)
    }
  }

  @Test func gradientsMatchHandDerivedFormulas() throws {
    var random = SplitMix64(seed: 42)
    for function in TestFunction.catalog {
      let formula = try #require(Self.handGradients[function.name])
      var points = [function.start]
      for _ in 0..<4 {
        let view = function.view
        points.append(
          Point(
            x: random.next(in: max(view.xMin, 0.05), view.xMax),
            y: random.next(in: view.yMin, view.yMax)))
      }
      for point in points {
        let got = function.valueAndGradient(at: point).gradient
        let want = formula(point.x, point.y)
        let scale = max(1, abs(want.x), abs(want.y))
        #expect(
          abs(got.x - want.x) <= 1e-11 * scale && abs(got.y - want.y) <= 1e-11 * scale,
          "\(function.name) at \(point): got \(got), want \(want)")
        let numeric = centralDifference(function.expression, at: point)
        #expect(
          abs(got.x - numeric.x) <= 1e-5 * scale && abs(got.y - numeric.y) <= 1e-5 * scale,
          "\(function.name) at \(point): finite difference \(numeric)")
      }
    }
  }

  @Test func expressionsMatchTheGoldenFixtures() throws {
    let url = try #require(
      Bundle.module.url(
        forResource: "torch-trajectories", withExtension: "json", subdirectory: "Fixtures"))
    let root = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    let cases = try #require(root["cases"] as? [[String: Any]])
    #expect(!cases.isEmpty)
    for entry in cases {
      let name = try #require(entry["function"] as? String)
      let source = try #require(entry["expr"] as? String)
      let function = try #require(TestFunction.named(name), "\(name)")
      #expect(function.expression.source == source, "\(name)")
    }
  }

  @Test(arguments: [
    ("rosenbrock", "rosenbrock"), ("ROSENBROCK", "rosenbrock"),
    ("three_hump_camel", "three-hump-camel"),
    ("Three Hump Camel", "three-hump-camel"), ("sixhumpcamel", "six-hump-camel"),
    ("levi-13", "levi13"),
    ("Styblinski_Tang", "styblinski-tang"), (" sphere ", "sphere"),
  ])
  func namedAcceptsVariants(query: String, name: String) {
    #expect(TestFunction.named(query)?.name == name)
  }

  @Test func namedRejectsUnknownNames() {
    #expect(TestFunction.named("") == nil)
    #expect(TestFunction.named("---") == nil)
    #expect(TestFunction.named("rosen") == nil)
  }

  @Test func learningRatesCoverEveryOptimizer() {
    let optimizers = Set(OptimizerKind.allCases.map(\.name))
    for function in TestFunction.catalog {
      #expect(Set(function.learningRates.keys) == optimizers, "\(function.name)")
      #expect(
        function.learningRates.values.allSatisfy { $0 > 0 && $0.isFinite }, "\(function.name)")
      // One SGD step from the start must not leave the view by more than its width.
      let gradient = function.valueAndGradient(at: function.start).gradient
      let step = (function.learningRates["sgd"] ?? 0) * gradient.length
      #expect(step <= function.view.width, "\(function.name): first SGD step \(step)")
    }
  }
}

extension TestFunction {
  fileprivate func value(at point: Point) -> Double { expression.value(at: point) }
  fileprivate func valueAndGradient(at point: Point) -> (value: Double, gradient: Point) {
    expression.valueAndGradient(at: point)
  }
}
