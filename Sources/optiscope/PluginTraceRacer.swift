import OptimKit
import Plugins

/// A plug-in optimizer in `trace`: stepped through its helper beside the built-in racers.
///
/// It stops like a built-in racer at the first non-finite point (status
/// "diverged"), and after the last point of a history function. An exception
/// or a timeout fails the command with one line naming the plug-in. With
/// `--noise` its k-th step is given the gradient plus the race's k-th noise
/// vector, the one every built-in racer's k-th step adds.
final class PluginTraceRacer {
  let label: String
  let optimizer: PluginOptimizer
  let objective: any Objective
  let noise: GradientNoise
  private(set) var current: Sample
  private(set) var isActive: Bool

  init(
    label: String, optimizer: PluginOptimizer, objective: any Objective, start: Point,
    noise: GradientNoise = .none
  ) {
    self.label = label
    self.optimizer = optimizer
    self.objective = objective
    self.noise = noise
    current = Sample(step: 0, position: start, objective: objective)
    isActive = current.isFinite
  }

  /// One step; false when the racer has stopped (diverged or out of points).
  func step() throws -> Bool {
    guard isActive else { return false }
    let answer: PluginStep?
    do {
      answer = try optimizer.step(
        from: current, on: objective, noise: noise.vector(step: current.step + 1))
    } catch {
      throw CommandError("\(label): \(error)")
    }
    guard let answer else {
      isActive = false
      return false
    }
    current = Sample(step: current.step + 1, position: answer.position, objective: objective)
    if !current.isFinite { isActive = false }
    return true
  }

  var status: String { current.isFinite ? "running" : "diverged" }
}
