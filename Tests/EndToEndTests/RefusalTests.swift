import App
import ArgumentParser
import OptimKit
import Testing

@testable import optiscope

/// One place turns any error into its report: each module's typed error is reported by its
/// own one line, exactly as the `CommandError` that used to wrap it was.
@Suite struct RefusalTests {
  /// Real refusals of four modules' parsers.
  static func typedErrors() -> [any Error] {
    var errors: [any Error] = []
    do { _ = try SceneOptions.parseSize("-3x4") } catch { errors.append(error) }
    do { _ = try OptimizerSpec(parsing: "adma:lr=0.1") } catch { errors.append(error) }
    do { _ = try Expression(parsing: "x +* y") } catch { errors.append(error) }
    do { _ = try RecordingLog(parsing: "not a log\n", name: "a.log") } catch {
      errors.append(error)
    }
    do {
      _ = try SceneOptions.racers(optimizers: ["sgd:lr=-1"], sweeps: [])
    } catch { errors.append(error) }
    return errors
  }

  @Test func aModulesTypedErrorIsReportedAsItsWrappingWas() throws {
    let errors = Self.typedErrors()
    #expect(errors.count == 5)
    for error in errors {
      let wrapped = CommandError("\(error)")
      #expect(Optiscope.reason(for: error) == Optiscope.reason(for: wrapped))
      #expect(Optiscope.reason(for: error) == "\(error)")
      #expect(!Optiscope.reason(for: error).isEmpty)
    }
  }

  @Test func aRefusalKeepsItsLineBreaksWhereAUsageErrorIsJoined() {
    #expect(Optiscope.reason(for: CommandError("bad 'a\nb'")) == "bad 'a\nb'")
    #expect(Optiscope.reason(for: ValidationError("first\nsecond")) == "first second")
  }
}
