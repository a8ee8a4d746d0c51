import OptimKit

/// The racers a headless command was asked for: every `--optimizer`, then every `--sweep`'s
/// members, with their labels.
///
/// Shared by `trace` and `compare` so both accept the same SPECs and sweeps
/// and refuse bad ones with the same one-line messages.
struct RacerList {
  let specs: [OptimizerSpec]
  /// One label per spec: the optimizer's name, or a sweep member's `adam lr=0.001`.
  let labels: [String]

  init(optimizers: [String], sweeps: [String]) throws {
    guard !optimizers.isEmpty || !sweeps.isEmpty else {
      throw TraceError(
        "give at least one --optimizer SPEC or --sweep, e.g. --optimizer adam:lr=0.01")
    }
    var specs: [OptimizerSpec] = []
    var labels: [String] = []
    for text in optimizers {
      do {
        let spec = try OptimizerSpec(parsing: text)
        specs.append(spec)
        labels.append(spec.kind.name)
      } catch {
        throw TraceError("bad --optimizer '\(text)': \(error)")
      }
    }
    for text in sweeps {
      do {
        for member in try OptimizerSweep(parsing: text).members() {
          specs.append(member.spec)
          labels.append(member.label)
        }
      } catch {
        throw TraceError("bad --sweep '\(text)': \(error.reason)")
      }
    }
    self.specs = specs
    self.labels = labels
  }

  /// Gradient noise from `--noise SIGMA` and `--seed N`.
  static func noise(standardDeviation text: String?, seed seedText: String?) throws -> GradientNoise
  {
    var noise = GradientNoise.none
    if let seedText {
      guard let seed = UInt64(seedText) else {
        throw TraceError("--seed must be a whole number from 0 to \(UInt64.max), got '\(seedText)'")
      }
      noise.seed = seed
    }
    if let text {
      guard let sigma = Double(text), sigma.isFinite, sigma >= 0 else {
        throw TraceError("--noise must be a finite number >= 0, got '\(text)'")
      }
      noise.setStandardDeviation(sigma)
    }
    return noise
  }
}
