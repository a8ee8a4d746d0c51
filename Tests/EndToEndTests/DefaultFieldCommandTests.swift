import Foundation
import Testing

/// Every command races one default field when no optimizer is named: the live
/// program's (its scene is what `record` writes down), `render`'s, `compare`'s and `trace`'s.
@Suite struct DefaultFieldCommandTests {
  /// The `optimizer = SPEC` lines of a recording's header.
  static func recordedField(_ arguments: [String]) throws -> [String] {
    let result = try OptiscopeProcess.run(
      ["record", "--out", "-", "--frames", "1", "--size", "80x24"] + arguments)
    #expect(result.status == 0, "\(result.stderr)")
    let header = result.stdout.split(separator: "\n").prefix { !$0.hasPrefix("--- frame") }
    return header.compactMap { line in
      line.hasPrefix("optimizer = ") ? String(line.dropFirst("optimizer = ".count)) : nil
    }
  }

  @Test("record, render, compare and trace race the same field, named or not")
  func oneField() throws {
    let unnamed = try Self.recordedField([])
    let named = try Self.recordedField(["--function", "rosenbrock"])
    #expect(unnamed.count == 8)
    #expect(named == unnamed)

    let compare = try OptiscopeProcess.run(
      ["compare", "--function", "rosenbrock", "--steps", "3", "--format", "csv"])
    #expect(compare.status == 0, "\(compare.stderr)")
    // rank,optimizer,spec,...: the spec column, in the field's order (by optimizer name).
    let rows = compare.stdout.split(separator: "\n").dropFirst().map {
      $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
    let specByName = Dictionary(
      uniqueKeysWithValues: rows.map { ($0[1], $0[2].filter { $0 != "\"" }) })
    let names = unnamed.map { String($0.prefix { $0 != ":" }) }
    #expect(names.map { specByName[$0] } == unnamed)

    // trace without --optimizer prints exactly what it prints for the field spelled out.
    let defaulted = try OptiscopeProcess.run(["trace", "--function", "rosenbrock", "--steps", "20"])
    #expect(defaulted.status == 0, "\(defaulted.stderr)")
    let spelled = try OptiscopeProcess.run(
      ["trace", "--function", "rosenbrock", "--steps", "20"]
        + unnamed.flatMap { ["--optimizer", $0] })
    #expect(spelled.status == 0, "\(spelled.stderr)")
    #expect(defaulted.stdout == spelled.stdout)
    #expect(defaulted.stdout.split(separator: "\n").count == 1 + 8 * 21)

    // render's legend names each optimizer at the field's learning rate.
    let render = try OptiscopeProcess.run(
      ["render", "--function", "rosenbrock", "--size", "120x40", "--steps", "0"])
    #expect(render.status == 0, "\(render.stderr)")
    let lines = render.stdout.split(separator: "\n")
    for spec in unnamed {
      let name = spec.prefix { $0 != ":" }
      let rate = try #require(Double(spec.split(separator: "=")[1]))
      // The legend's "● sgd lr=0.001 …": the number after the name's "lr=".
      let shown = lines.compactMap { line -> Double? in
        guard let range = line.range(of: " \(name) lr=") else { return nil }
        return Double(line[range.upperBound...].prefix { !$0.isWhitespace })
      }
      #expect(shown == [rate], "\(spec)")
    }
  }

  @Test("trace --function rosenbrock alone traces the default field")
  func traceHasADefaultField() throws {
    let result = try OptiscopeProcess.run(["trace", "--function", "rosenbrock", "--steps", "0"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdout == """
        optimizer,step,x,y,f,status
        sgd,0,-1.5,2.0,12.5,running
        momentum,0,-1.5,2.0,12.5,running
        nesterov,0,-1.5,2.0,12.5,running
        adagrad,0,-1.5,2.0,12.5,running
        rmsprop,0,-1.5,2.0,12.5,running
        adadelta,0,-1.5,2.0,12.5,running
        adam,0,-1.5,2.0,12.5,running
        nadam,0,-1.5,2.0,12.5,running

        """)
  }
}
