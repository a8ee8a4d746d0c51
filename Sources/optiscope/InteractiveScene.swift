import App
import Foundation
import OptimKit
import Plot

/// Turns the interactive command's options into a `Scene`, refusing bad input with one line.
struct InteractiveScene {
  var function: String?
  var expr: String?
  var start: String?
  var optimizers: [String]
  var view: String?
  var layout: String
  var fps: Int
  var stepsPerFrame: Int?

  /// Why an option was refused.
  struct Problem: Error, CustomStringConvertible {
    var description: String
  }

  /// The race that `optiscope` with no options shows: eight optimizers down
  /// the Rosenbrock valley, each with a learning rate at which it visibly
  /// progresses within a few hundred steps (checked with `optiscope trace`).
  static let defaultOptimizers = [
    "sgd:lr=0.001", "momentum:lr=0.0005", "nesterov:lr=0.0005", "adagrad:lr=1",
    "rmsprop:lr=0.02", "adadelta:lr=5", "adam:lr=0.1", "nadam:lr=0.1",
  ]
  /// The optimizers raced on another function when none are given; their
  /// learning rates come from the function's presets.
  static let standardKinds = ["sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam"]
  /// The view of a typed expression when --view is not given.
  static let expressionView = ViewBox(xMin: -3, xMax: 3, yMin: -3, yMax: 3)

  func make() throws -> Scene {
    let isDefault = function == nil && expr == nil && optimizers.isEmpty
    var choice: FunctionChoice
    switch (function, expr) {
    case (.some, .some):
      throw Problem(description: "give either --function or --expr, not both")
    case (.some(let name), nil):
      guard let found = TestFunction.named(name) else {
        let known = TestFunction.catalog.map(\.name).joined(separator: ", ")
        throw Problem(description: "unknown function '\(name)'; known: \(known)")
      }
      choice = FunctionChoice(found)
    case (nil, .some(let source)):
      do {
        let expression = try Expression(parsing: source)
        let view = Self.expressionView
        choice = FunctionChoice(
          expression: expression, view: view,
          start: Point(x: view.xMin + 0.2 * view.width, y: view.yMin + 0.8 * view.height))
      } catch {
        throw Problem(description: "bad --expr '\(source)': \(error)")
      }
    case (nil, nil):
      guard let rosenbrock = TestFunction.named("rosenbrock") else {
        throw Problem(description: "the built-in Rosenbrock function is missing")
      }
      choice = FunctionChoice(rosenbrock)
    }
    if let view {
      choice.view = try Self.parseView(view)
    }
    let startPoint = try start.map { try Self.parsePoint($0) } ?? choice.start
    var specs: [OptimizerSpec] = []
    let texts = optimizers.isEmpty ? (isDefault ? Self.defaultOptimizers : nil) : optimizers
    if let texts {
      for text in texts {
        do {
          specs.append(try OptimizerSpec(parsing: text))
        } catch {
          throw Problem(description: "\(error)")
        }
      }
    } else {
      for name in Self.standardKinds {
        var spec = try OptimizerSpec(parsing: name)
        if let rate = choice.learningRates[name] { try spec.set(.learningRate, to: rate) }
        specs.append(spec)
      }
    }
    guard let pictureLayout = PictureLayout(rawValue: layout.lowercased()) else {
      throw Problem(description: "bad --layout '\(layout)': expected overlay or split")
    }
    guard (1...120).contains(fps) else {
      throw Problem(description: "bad --fps \(fps): expected 1 to 120")
    }
    if let stepsPerFrame, !(1...Model.maximumStepsPerFrame).contains(stepsPerFrame) {
      throw Problem(
        description:
          "bad --steps-per-frame \(stepsPerFrame): expected 1 to \(Model.maximumStepsPerFrame)")
    }
    return Scene(
      function: choice, start: startPoint, specs: specs, view: choice.view, layout: pictureLayout,
      framesPerSecond: fps, stepsPerFrame: stepsPerFrame ?? (isDefault ? 4 : 1))
  }

  /// Parses `X0,X1,Y0,Y1` into a valid view.
  static func parseView(_ text: String) throws -> ViewBox {
    let numbers = text.split(separator: ",", omittingEmptySubsequences: false)
      .map { Double($0.trimmingCharacters(in: .whitespaces)) }
    guard numbers.count == 4, let x0 = numbers[0], let x1 = numbers[1], let y0 = numbers[2],
      let y1 = numbers[3]
    else {
      throw Problem(description: "bad --view '\(text)': expected X0,X1,Y0,Y1, e.g. -2,2,-1,3")
    }
    let view = ViewBox(xMin: x0, xMax: x1, yMin: y0, yMax: y1)
    guard view.isValid else {
      throw Problem(
        description: "bad --view '\(text)': need finite numbers with X0 < X1 and Y0 < Y1")
    }
    return view
  }

  /// Parses `X,Y` into a finite point.
  static func parsePoint(_ text: String) throws -> Point {
    let numbers = text.trimmingCharacters(in: CharacterSet(charactersIn: "() "))
      .split(separator: ",", omittingEmptySubsequences: false)
      .map { Double($0.trimmingCharacters(in: .whitespaces)) }
    guard numbers.count == 2, let x = numbers[0], let y = numbers[1], x.isFinite, y.isFinite else {
      throw Problem(description: "bad --start '\(text)': expected X,Y, e.g. -1.5,2")
    }
    return Point(x: x, y: y)
  }
}
