import Dispatch
import Foundation
import Plugins
import Synchronization
import Testing

/// Helpers started from many tasks at once: none waits for a thread that another start holds.
///
/// A channel's start blocks its caller until the process has been spawned. When that spawn
/// needed Swift's cooperative pool, as many blocked starts as the pool has threads (two on a
/// two-core machine: two suites, or two racers of a task group) left nothing to run the spawns
/// on, and every start waited for ever.
///
/// A stress test: eight starts at once hold threads that a whole parallel `swift test` needs
/// for its other suites, so it runs only when asked, alone:
/// `OPTISCOPE_STRESS_TESTS=1 swift test --filter ConcurrentStartTests`.
@Suite(
  .enabled(if: PythonEnvironment.isAvailable, "no Python with numpy and torch"),
  .enabled(
    if: ProcessInfo.processInfo.environment["OPTISCOPE_STRESS_TESTS"] != nil,
    "a stress test: OPTISCOPE_STRESS_TESTS=1 runs it"))
struct ConcurrentStartTests {
  /// More starts than the pool has threads, each from a task of one task group.
  static let starts = max(8, 4 * ProcessInfo.processInfo.activeProcessorCount)

  /// The test waits without holding a thread of the pool itself (other suites' tests hold
  /// them for seconds at a time in a whole `swift test`), and its deadline is kept by a
  /// Dispatch timer, which needs no thread of the pool either: a deadlock fails it.
  @Test func helpersStartedFromMoreTasksThanCoresAllAnswer() async throws {
    let python = try PythonEnvironment.required()
    let tally = Tally()
    let finished: Bool = await withCheckedContinuation { continuation in
      let once = Once(continuation)
      Task.detached {
        await withTaskGroup(of: Void.self) { group in
          for _ in 0..<Self.starts {
            group.addTask {
              do {
                let channel = try PluginChannel(
                  python: python, helper: PythonEnvironment.helper, arguments: ["x.py:X"])
                defer { channel.terminate() }
                // An unknown op is answered without importing numpy or torch: the helper runs.
                try channel.send(.object(["op": .string("ping")]))
                let answer = try channel.receive(timeout: 60)
                if answer?["op"]?.string == "error" {
                  tally.answered.withLock { $0 += 1 }
                } else {
                  tally.failures.withLock { $0.append("answer: \(answer?.text ?? "none")") }
                }
              } catch {
                tally.failures.withLock { $0.append("\(error)") }
              }
            }
          }
        }
        once.resume(true)
      }
      DispatchQueue.global().asyncAfter(deadline: .now() + 300) { once.resume(false) }
    }
    #expect(finished, "the starts did not finish within 300 s")
    #expect(tally.failures.withLock { $0 } == [])
    #expect(tally.answered.withLock { $0 } == Self.starts)
  }

  /// Resumes a continuation once, with whichever of the starts and the deadline comes first.
  final class Once: Sendable {
    private let continuation: Mutex<CheckedContinuation<Bool, Never>?>

    init(_ continuation: CheckedContinuation<Bool, Never>) {
      self.continuation = Mutex(continuation)
    }

    func resume(_ value: Bool) {
      continuation.withLock { waiting in
        waiting?.resume(returning: value)
        waiting = nil
      }
    }
  }

  /// What the starts found, shared by the group's tasks.
  final class Tally: Sendable {
    let answered = Mutex(0)
    let failures = Mutex<[String]>([])
  }
}
