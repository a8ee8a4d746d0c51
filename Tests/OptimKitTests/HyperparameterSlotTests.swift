import Testing

@testable import OptimKit

/// `Hyperparameters` keeps values in an array by slot; every key needs its own slot.
@Suite struct HyperparameterSlotTests {
  @Test func everyKeyHasItsOwnSlot() {
    let slots = Hyperparameter.allCases.map(\.slot)
    #expect(Set(slots).count == slots.count)
    #expect(slots.sorted() == Array(0..<Hyperparameter.allCases.count))
  }

  @Test func settingOneKeyLeavesTheOthers() {
    for kind in OptimizerKind.allCases {
      let defaults = Hyperparameters(defaultsFor: kind)
      for key in kind.hyperparameters where !key.isBoolean {
        guard let range = kind.allowedRange(of: key), let old = defaults[key] else { continue }
        let new = range.contains(old * 0.5 + 0.25) ? old * 0.5 + 0.25 : old
        var changed = defaults
        // Refused combinations (nesterov with dampening) are checked elsewhere.
        guard (try? changed.set(key, to: new)) != nil else { continue }
        #expect(changed[key] == new, "\(kind) \(key)")
        for other in Hyperparameter.allCases where other != key {
          #expect(changed[other] == defaults[other], "\(kind) \(key) changed \(other)")
        }
      }
      for key in Hyperparameter.allCases where !kind.hyperparameters.contains(key) {
        #expect(defaults[key] == nil, "\(kind) has no \(key)")
      }
    }
  }
}
