import Testing

@testable import OptimKit
@testable import Plugins

/// The `step` request written directly is the line the protocol's JSON writer would write.
struct StepLineTests {
  @Test(
    arguments: [
      (0.1, -1.5, 2.0, 1e-300, 5e-324),
      (-0.0, 3, 0.30000000000000004, 1.7976931348623157e308, -7),
      (.nan, .infinity, -.infinity, 0, 1e15),
    ] as [(Double, Double, Double, Double, Double)])
  func theStepLineIsTheObjectsText(values: (Double, Double, Double, Double, Double)) throws {
    let sample = Sample(
      step: 3, position: Point(x: values.0, y: values.1), value: values.2,
      gradient: Point(x: values.3, y: values.4))
    for withState in [false, true] {
      var members: [String: JSONValue] = [
        "op": .string("step"), "x": .real(values.0), "y": .real(values.1),
        "f": .real(values.2), "gx": .real(values.3), "gy": .real(values.4),
      ]
      if withState { members["state"] = .bool(true) }
      let line = PluginOptimizer.stepLine(from: sample, withState: withState)
      #expect(line == JSONValue.object(members).text)
      // And it reads back bit for bit.
      let back = try #require(JSONValue(parsing: ArraySlice(line.utf8)))
      let x = try #require(back["x"]?.double)
      #expect(x.bitPattern == values.0.bitPattern || (x.isNaN && values.0.isNaN))
    }
  }
}
