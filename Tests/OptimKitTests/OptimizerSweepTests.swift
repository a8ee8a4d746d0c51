import Foundation
import OptimKit
import Testing

/// Expanding `NAME:KEY=LOW..HIGH,count=N` into specs and labels.
@Suite struct OptimizerSweepTests {
  func near(_ a: [Double], _ b: [Double]) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= 1e-12 * max(1, abs($1)) }
  }

  @Test func learningRateIsLogSpaced() throws {
    let sweep = try OptimizerSweep(parsing: "adam:lr=1e-3..1,count=4")
    #expect(sweep.spacing == .log)
    let members = try sweep.members()
    #expect(near(members.map(\.value), [0.001, 0.01, 0.1, 1]))
    #expect(members.first?.value == 0.001 && members.last?.value == 1)  // ends exact
    #expect(members.map(\.label) == ["adam lr=0.001", "adam lr=0.01", "adam lr=0.1", "adam lr=1"])
    #expect(members.allSatisfy { $0.spec.kind == .adam })
    #expect(near(members.map { $0.spec.hyperparameters.learningRate }, [0.001, 0.01, 0.1, 1]))
  }

  @Test func nineLogSpacedRatesAsInTheIssue() throws {
    let members = try OptimizerSweep(parsing: "adam:lr=1e-3..1,count=9").members()
    #expect(members.count == 9)
    // Ratios are all 1000^(1/8).
    let ratio = 1000.0.squareRoot().squareRoot().squareRoot()
    for (a, b) in zip(members, members.dropFirst()) {
      #expect(abs(b.value / a.value - ratio) < 1e-12)
    }
    #expect(members[1].label == "adam lr=0.00237")
  }

  @Test func otherKeysAreLinearAndFixedKeysPassThrough() throws {
    let members = try OptimizerSweep(parsing: "adam:beta1=0.5..0.9,count=5,lr=0.1").members()
    #expect(near(members.map(\.value), [0.5, 0.6, 0.7, 0.8, 0.9]))
    #expect(members.allSatisfy { $0.spec.hyperparameters.learningRate == 0.1 })
    #expect(members[2].label == "adam beta1=0.7")
    let linear = try OptimizerSweep(parsing: "sgd:lr=0.1..0.5,count=3,spacing=linear").members()
    #expect(near(linear.map(\.value), [0.1, 0.3, 0.5]))
  }

  @Test("log spacing across the whole range of doubles does not overflow")
  func extremeLogSweep() throws {
    let members = try OptimizerSweep(parsing: "adam:lr=1e-300..1e300,count=5").members()
    let values = members.map(\.value)
    #expect(values.first == 1e-300 && values.last == 1e300)
    for (value, exponent) in zip(values, [-300.0, -150, 0, 150, 300]) {
      #expect(abs(log10(value) - exponent) < 1e-9, "\(value)")
    }
    #expect(
      members.map(\.label) == [
        "adam lr=1e-300", "adam lr=1e-150", "adam lr=1", "adam lr=1e+150", "adam lr=1e+300",
      ])
  }

  @Test("linear spacing across the whole range of doubles does not overflow")
  func extremeLinearSweep() throws {
    let values = try OptimizerSweep(parsing: "adam:beta1=-1e308..1e308,count=3").values
    #expect(values == [-1e308, 0, 1e308])
  }

  @Test func scheduleSettingsAreWholeNumbers() throws {
    let members = try OptimizerSweep(parsing: "adam:schedule=cosine,T=10..20,count=4").members()
    #expect(members.map(\.value) == [10, 13, 17, 20])
    #expect(members.map { $0.spec.schedule?[.period] } == [10, 13, 17, 20])
    #expect(members[1].spec.description == "adam:schedule=cosine,T=13")
  }

  @Test(arguments: [
    ("adam:lr=0.1", "give one KEY=LOW..HIGH"),
    ("adam:lr=1e-3..1,beta1=0.5..0.9", "only one KEY may have a range"),
    ("adam:lr=1e-3..1,count=1", "count must be a whole number from 2 to 64"),
    ("adam:lr=1e-3..1,count=100", "count must be a whole number from 2 to 64"),
    ("adam:lr=0..1", "log spacing needs LOW and HIGH > 0"),
    ("adam:lr=1..1", "is not a range of two different numbers"),
    ("adam:lr=-1..1,spacing=linear", "lr must be a finite number >= 0, got -1.0"),
    ("adam:lr=1e-3..1,spacing=cubic", "spacing must be log or linear"),
    ("adam", "expected NAME:KEY=LOW..HIGH"),
    ("adma:lr=1e-3..1", "unknown optimizer 'adma' (did you mean 'adam'?)"),
    // Three dots are not a range: 1e-3...1 must not read as 1e-3..0.1.
    ("adam:lr=1e-3...1", "has more than two dots: write LOW..HIGH"),
    ("adam:lr=1e-3....1", "has more than two dots: write LOW..HIGH"),
    // Every setting once, like the hyper-parameters.
    ("adam:lr=1e-3..1,count=3,count=9", "count is given twice"),
    ("adam:lr=1e-3..1,spacing=log,spacing=linear", "spacing is given twice"),
    ("adam:lr=1e-3..1,beta1=0.5,beta1=0.6", "beta1"),
  ])
  func refusals(_ text: String, _ message: String) {
    do {
      _ = try OptimizerSweep(parsing: text).members()
      Issue.record("accepted \(text)")
    } catch {
      #expect("\(error)".contains(message), "\(error)")
      #expect("\(error)".hasPrefix("bad sweep '"))
    }
  }

  @Test func raceLabelsFromSweepStayUnique() throws {
    let spec = try OptimizerSpec(parsing: "sgd")
    let race = Race(
      objective: HandObjective.ellipse, start: .zero, specs: [spec, spec, spec],
      labels: ["a", "b", "a"])
    #expect(race.racers.map(\.label) == ["a", "b", "a#2"])
  }
}
