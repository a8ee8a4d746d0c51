import App
import ArgumentParser
import OptimKit

/// The racers a headless command was asked for: every `--optimizer`, then every `--sweep`'s
/// members, with their labels.
///
/// Shared by `trace` and `compare` so both accept the same SPECs and sweeps
/// and refuse bad ones with the same one-line messages.
struct RacerList {
  var specs: [OptimizerSpec]
  /// One label per spec: the optimizer's name, or a sweep member's `adam lr=0.001`.
  var labels: [String]

  /// The `--optimizer`, `--sweep`, `--noise` and `--seed` options of `trace` and `compare`.
  struct Arguments: ParsableArguments {
    @Option(
      name: .customLong("optimizer"),
      help: ArgumentHelp("An optimizer SPEC; repeat for a race.", valueName: "spec"))
    var optimizers: [String] = []

    @Option(
      name: .customLong("sweep"),
      help: ArgumentHelp(
        "One optimizer at several values, e.g. adam:lr=1e-3..1,count=9; repeatable.",
        valueName: "sweep"))
    var sweeps: [String] = []

    @Option(
      parsing: .unconditional,
      help: ArgumentHelp(
        "Gradient noise: standard deviation SIGMA (default 0).", valueName: "sigma"))
    var noise: String?

    @Option(
      parsing: .unconditional,
      help: ArgumentHelp("Seed of the gradient noise (default 0).", valueName: "n"))
    var seed: String?

    /// Whether no optimizer or sweep was named.
    var isEmpty: Bool { optimizers.isEmpty && sweeps.isEmpty }

    /// The racers asked for, checked; without any `--optimizer` or `--sweep`, the default
    /// field on `choice` (the one every command and the live program race).
    func racers(on choice: FunctionChoice) throws -> RacerList {
      isEmpty
        ? RacerList(specs: choice.standardField)
        : try RacerList(optimizers: optimizers, sweeps: sweeps)
    }

    /// The gradient noise asked for, checked.
    func gradientNoise() throws -> GradientNoise {
      try RacerList.noise(standardDeviation: noise, seed: seed)
    }
  }

  /// Racers labelled by their optimizer's name.
  init(specs: [OptimizerSpec]) {
    self.specs = specs
    self.labels = specs.map(\.kind.name)
  }

  init(optimizers: [String], sweeps: [String]) throws {
    (specs, labels) = try SceneOptions.racers(optimizers: optimizers, sweeps: sweeps)
  }

  /// Gradient noise from `--noise SIGMA` and `--seed N`.
  static func noise(standardDeviation text: String?, seed seedText: String?) throws -> GradientNoise
  {
    var noise = GradientNoise.none
    if let seedText {
      guard let seed = UInt64(seedText) else {
        throw CommandError(
          "--seed must be a whole number from 0 to \(UInt64.max), got '\(seedText)'")
      }
      noise.seed = seed
    }
    if let text {
      guard let sigma = Double(text), sigma.isFinite, sigma >= 0 else {
        throw CommandError("--noise must be a finite number >= 0, got '\(text)'")
      }
      noise.setStandardDeviation(sigma)
    }
    return noise
  }
}
