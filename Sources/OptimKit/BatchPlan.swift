/// Which examples each step's gradient is computed on: all of them, or seeded mini-batches.
///
/// Step k's batch is a pure function of (seed, k), so every racer's k-th step gets the same
/// examples, and a run replays from its seed. Each epoch is a fresh Fisher–Yates shuffle of
/// the examples drawn from SplitMix64 seeded with the seed and the epoch, cut into
/// consecutive batches; the last batch of an epoch holds what is left (torch's DataLoader
/// with `shuffle=True, drop_last=False`, though not its random numbers).
public struct BatchPlan: Hashable, Sendable {
  /// How many examples a step's gradient uses.
  public enum Size: Hashable, Sendable {
    /// Every example, every step: full-batch gradient descent.
    case full
    /// This many examples (1: stochastic gradients).
    case examples(Int)
  }

  public let size: Size
  /// How many examples the data has.
  public let exampleCount: Int
  public let seed: UInt64

  /// A plan over `exampleCount` examples; a batch size of at least `exampleCount` is `full`,
  /// one below 1 is 1.
  public init(size: Size, exampleCount: Int, seed: UInt64 = 0) {
    let count = max(1, exampleCount)
    if case .examples(let n) = size, max(1, n) < count {
      self.size = .examples(max(1, n))
    } else {
      self.size = .full
    }
    self.exampleCount = count
    self.seed = seed
  }

  /// Examples per batch.
  public var batchSize: Int {
    switch size {
    case .full: exampleCount
    case .examples(let n): n
    }
  }

  /// Steps per pass over the data.
  public var batchesPerEpoch: Int { (exampleCount + batchSize - 1) / batchSize }

  /// The epoch (from 1) that step `step` (from 1) belongs to.
  public func epoch(ofStep step: Int) -> Int { (max(1, step) - 1) / batchesPerEpoch + 1 }

  /// The batch within its epoch (from 1) that step `step` (from 1) uses.
  public func batchInEpoch(ofStep step: Int) -> Int { (max(1, step) - 1) % batchesPerEpoch + 1 }

  /// The examples of step `step` (from 1), in the order drawn; nil for a full batch.
  public func examples(forStep step: Int) -> [Int]? {
    guard case .full = size else {
      return examples(forStep: step, in: shuffled(epoch: epoch(ofStep: step)))
    }
    return nil
  }

  /// The examples of step `step` cut from `order`, its epoch's `shuffled(epoch:)`: what a
  /// race that keeps the epoch's order uses, so it shuffles once an epoch, not once a step.
  public func examples(forStep step: Int, in order: [Int]) -> [Int] {
    let first = min((batchInEpoch(ofStep: step) - 1) * batchSize, order.count)
    return Array(order[first..<min(first + batchSize, order.count)])
  }

  /// The examples in the order epoch `epoch` visits them.
  public func shuffled(epoch: Int) -> [Int] {
    var generator = SplitMix64(
      seed: seed ^ (UInt64(truncatingIfNeeded: epoch) &* 0x9E37_79B9_7F4A_7C15))
    var order = Array(0..<exampleCount)
    // Fisher–Yates written out rather than `shuffle(using:)`, whose algorithm the standard
    // library does not promise to keep: a seed must give the same batches in every build.
    // (The modulo's bias, below 2⁻⁴⁶ for 100,000 examples, is of no account here.)
    for last in stride(from: exampleCount - 1, to: 0, by: -1) {
      let pick = Int(generator.next() % UInt64(last + 1))
      order.swapAt(last, pick)
    }
    return order
  }
}
