import OptimKit
import Testing

/// `BatchPlan`: epochs and batches numbered from 1, every epoch a shuffle of all the
/// examples cut into batches with a short last one, reproducible from the seed.
@Suite struct BatchPlanTests {
  /// Five examples in batches of two: three steps an epoch, the third of one example; each
  /// epoch's batches together are every example once.
  @Test func epochsAreCutIntoBatchesWithAShortLastOne() {
    let plan = BatchPlan(size: .examples(2), exampleCount: 5, seed: 7)
    #expect(plan.batchSize == 2)
    #expect(plan.batchesPerEpoch == 3)
    #expect((1...7).map(plan.epoch(ofStep:)) == [1, 1, 1, 2, 2, 2, 3])
    #expect((1...7).map(plan.batchInEpoch(ofStep:)) == [1, 2, 3, 1, 2, 3, 1])
    for epoch in 1...4 {
      let steps = (3 * (epoch - 1) + 1)...(3 * epoch)
      let batches = steps.map { plan.examples(forStep: $0) ?? [] }
      #expect(batches.map(\.count) == [2, 2, 1])
      #expect(batches.flatMap { $0 } == plan.shuffled(epoch: epoch))
      #expect(batches.flatMap { $0 }.sorted() == [0, 1, 2, 3, 4])
    }
  }

  /// The same seed gives the same batches; another seed, and another epoch, other orders.
  @Test func batchesAreReproducibleFromTheSeed() {
    let plan = BatchPlan(size: .examples(3), exampleCount: 20, seed: 42)
    let again = BatchPlan(size: .examples(3), exampleCount: 20, seed: 42)
    let other = BatchPlan(size: .examples(3), exampleCount: 20, seed: 43)
    let steps = 1...40
    #expect(steps.map(plan.examples(forStep:)) == steps.map(again.examples(forStep:)))
    #expect(steps.map(plan.examples(forStep:)) != steps.map(other.examples(forStep:)))
    let epochs = (1...10).map(plan.shuffled(epoch:))
    #expect(Set(epochs).count == 10, "every epoch its own shuffle")
    #expect(!epochs.contains(Array(0..<20)))
  }

  /// A seed must give the same batches in every build (recordings and traces replay from
  /// it): the first epochs of seed 0 over six examples, as this build draws them.
  @Test func seedZeroDrawsThesePinnedOrders() {
    let plan = BatchPlan(size: .examples(2), exampleCount: 6, seed: 0)
    let orders = (1...3).map(plan.shuffled(epoch:))
    #expect(orders == Self.pinnedSeedZero, "\(orders)")
  }

  // scripts/torch-reference.py's batch_order(6, 0, epoch), the same algorithm in Python.
  static let pinnedSeedZero: [[Int]] = [
    [2, 3, 1, 5, 4, 0], [2, 5, 0, 3, 4, 1], [1, 0, 3, 5, 2, 4],
  ]

  /// A size of at least the number of examples is the full batch (nil: all of them); a size
  /// below 1 is 1, so a step never gets an empty batch or an index past the data.
  @Test func sizesOutsideTheDataAreClamped() {
    #expect(BatchPlan(size: .examples(5), exampleCount: 5).size == .full)
    #expect(BatchPlan(size: .examples(9), exampleCount: 5).examples(forStep: 1) == nil)
    #expect(BatchPlan(size: .examples(0), exampleCount: 5).size == .examples(1))
    #expect(BatchPlan(size: .examples(-3), exampleCount: 5).batchSize == 1)
    #expect(BatchPlan(size: .examples(0), exampleCount: 1).size == .full)
    #expect(BatchPlan(size: .examples(2), exampleCount: 0).size == .full)
    // No examples at all and a size below 1: still no index past the data.
    #expect(BatchPlan(size: .examples(0), exampleCount: 0).examples(forStep: 1) == nil)
    let single = BatchPlan(size: .examples(1), exampleCount: 4, seed: 3)
    for step in 1...12 {
      let batch = single.examples(forStep: step) ?? []
      #expect(batch.count == 1 && (0..<4).contains(batch[0]))
    }
  }
}
