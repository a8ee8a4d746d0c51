import Testing

@testable import OptimKit

/// `OptimizerEdit(key:text:for:)` is the one place a typed `key=value` change becomes
/// an edit; the layers below it take only the typed value.
@Suite struct OptimizerEditTests {
  @Test func namesAndValuesAreParsedForTheSpec() throws {
    let spec = try OptimizerSpec(parsing: "adam:lr=0.1,schedule=cosine,T=200")
    #expect(
      try OptimizerEdit(key: "LR", text: " 0.5 ", for: spec) == .hyperparameter(.learningRate, 0.5))
    #expect(
      try OptimizerEdit(key: "amsgrad", text: "true", for: spec) == .hyperparameter(.amsgrad, 1))
    #expect(
      try OptimizerEdit(key: "T_max", text: "50", for: spec) == .scheduleParameter(.period, 50))
    #expect(try OptimizerEdit(key: "schedule", text: "none", for: spec) == .schedule(nil))
    let step = try #require(try LearningRateSchedule.parse("step,step_size=10"))
    #expect(
      try OptimizerEdit(key: "schedule", text: "step,step_size=10", for: spec) == .schedule(step))
  }

  @Test func badNamesAndValuesAreRefusedWithTheirMessage() throws {
    let spec = try OptimizerSpec(parsing: "sgd")
    func message(_ key: String, _ text: String) -> String {
      do {
        _ = try OptimizerEdit(key: key, text: text, for: spec)
        return "accepted"
      } catch {
        return error.description
      }
    }
    #expect(message("beta1", "0.5").hasPrefix("sgd: unknown hyper-parameter 'beta1'; known: lr,"))
    #expect(message("lr", "fast") == "sgd: lr must be a number, got 'fast'")
    #expect(message("T", "20").contains("T"))
    #expect(message("T", "20") != "accepted")
  }

  @Test func specEditKeepsTheKeyAmongTheGivenOnes() throws {
    var spec = try OptimizerSpec(parsing: "adam:lr=0.1")
    try spec.edit(.hyperparameter(.beta1, 0.8))
    #expect(spec.description == "adam:lr=0.1,beta1=0.8")
    #expect(throws: OptimizerError.self) { try spec.edit(.hyperparameter(.beta1, 1)) }
    #expect(spec.description == "adam:lr=0.1,beta1=0.8")
    try spec.edit(.schedule(try LearningRateSchedule.parse("cosine,T=20")))
    try spec.edit(.scheduleParameter(.period, 40))
    #expect(spec.description == "adam:lr=0.1,beta1=0.8,schedule=cosine,T=40")
  }
}
