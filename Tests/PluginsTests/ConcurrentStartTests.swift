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
@Suite(.enabled(if: PythonEnvironment.isAvailable, "no Python with numpy and torch"))
struct ConcurrentStartTests {
  /// More starts than the pool has threads, each from a task of one task group.
  static let starts = max(8, 4 * ProcessInfo.processInfo.activeProcessorCount)

  @Test func helpersStartedFromMoreTasksThanCoresAllAnswer() throws {
    let python = try PythonEnvironment.required()
    let tally = Tally()
    let done = DispatchSemaphore(value: 0)
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
      done.signal()
    }
    // A wait with a deadline on this thread: a deadlock fails the test instead of hanging it.
    let finished = done.wait(timeout: .now() + 60) == .success
    #expect(finished, "the starts did not finish within 60 s")
    #expect(tally.failures.withLock { $0 } == [])
    #expect(tally.answered.withLock { $0 } == Self.starts)
  }
  /// What the starts found, shared by the group's tasks.
  final class Tally: Sendable {
    let answered = Mutex(0)
    let failures = Mutex<[String]>([])
  }
}
