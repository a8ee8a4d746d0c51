import ArgumentParser
import Foundation
import OptimKit

/// Options shared by `levels` and `render`: which function, which view, what size.
struct PictureArguments: ParsableArguments {
  @Option(help: "A built-in test function, e.g. rosenbrock, himmelblau, beale.")
  var function: String?

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "Your own f(x, y), e.g. \"(1-x)^2 + 100*(y-x^2)^2\".", valueName: "expression"))
  var expr: String?

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "The view X0,X1,Y0,Y1 (default: the function's own).", valueName: "x0,x1,y0,y1"))
  var view: String?

  /// The largest accepted width or height, so a typo cannot exhaust memory.
  static let maximumSide = 2000

  /// Parses `WxH` into a size of at least 1×1 and at most `maximumSide` each way.
  static func parseSize(_ text: String) throws -> (width: Int, height: Int) {
    let parts = text.lowercased().split(separator: "x", omittingEmptySubsequences: false)
    guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]) else {
      throw PictureCommandError("bad --size '\(text)': expected WxH, e.g. 120x40")
    }
    guard (1...maximumSide).contains(width), (1...maximumSide).contains(height) else {
      throw PictureCommandError(
        "bad --size '\(text)': width and height must be between 1 and \(maximumSide)")
    }
    return (width, height)
  }

  /// Parses `X0,X1,Y0,Y1` into a valid view box.
  static func parseView(_ text: String) throws -> ViewBox {
    let parts = text.split(separator: ",", omittingEmptySubsequences: false)
    let numbers = parts.compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
    guard parts.count == 4, numbers.count == 4 else {
      throw PictureCommandError("bad --view '\(text)': expected X0,X1,Y0,Y1, e.g. -2,2,-1,3")
    }
    let view = ViewBox(xMin: numbers[0], xMax: numbers[1], yMin: numbers[2], yMax: numbers[3])
    guard view.isValid else {
      throw PictureCommandError(
        "bad --view '\(text)': need finite numbers with X0 < X1 and Y0 < Y1")
    }
    return view
  }

  /// Parses `X,Y` (parentheses allowed) into a finite point.
  static func parsePoint(_ text: String, option: String) throws -> Point {
    var body = text.trimmingCharacters(in: .whitespaces)
    if body.hasPrefix("(") && body.hasSuffix(")") { body = String(body.dropFirst().dropLast()) }
    let parts = body.split(separator: ",", omittingEmptySubsequences: false)
    let numbers = parts.compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
    guard parts.count == 2, numbers.count == 2, numbers.allSatisfy(\.isFinite) else {
      throw PictureCommandError("bad \(option) '\(text)': expected X,Y, e.g. -1.5,2")
    }
    return Point(x: numbers[0], y: numbers[1])
  }

  /// The scene, with the view replaced by `--view` when given.
  func scene() throws -> FunctionScene {
    var scene = try FunctionScene.resolve(function: function, expr: expr)
    if let view { scene.view = try Self.parseView(view) }
    return scene
  }
}
