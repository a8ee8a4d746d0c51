import Dispatch
import LibC
import Synchronization

/// A thread of its own that runs the tasks starting plug-in helpers, outside Swift's pool.
///
/// `PluginChannel`'s start is synchronous: it waits on its caller's thread until
/// swift-subprocess has spawned the helper. Subprocess's `run` is async, and a task runs
/// on Swift's cooperative pool unless told otherwise; the pool has one thread per core.
/// So as many starts at once as there are cores (two suites, or two tasks of a task group,
/// on a two-core machine) blocked every pool thread while the spawns they waited for sat
/// queued behind them: a deadlock. The spawning task prefers this executor instead, so it
/// and its child tasks run here, on one thread that nothing else blocks; the spawn itself
/// happens on Subprocess's own worker thread.
final class SpawnExecutor: TaskExecutor {
  /// The one thread, started on first use and never ended (it sleeps while idle); nil when
  /// no thread could be made, and the spawn then runs on the pool as before.
  static let shared: SpawnExecutor? = {
    let executor = SpawnExecutor()
    return executor.startThread() ? executor : nil
  }()

  /// Jobs enqueued and not yet run, first in first out.
  private let jobs = Mutex<[UnownedJob]>([])
  /// Counts the jobs waiting, so the thread sleeps while there are none.
  private let waiting = DispatchSemaphore(value: 0)

  private init() {}

  /// Starts the thread that serves the jobs; false when none could be made.
  private func startThread() -> Bool {
    var thread = pthread_t()
    let context = Unmanaged.passUnretained(self).toOpaque()
    let created = pthread_create(
      &thread, nil,
      { context in
        guard let context else { return nil }
        Unmanaged<SpawnExecutor>.fromOpaque(context).takeUnretainedValue().serve()
        return nil
      }, context)
    guard created == 0 else { return false }
    pthread_detach(thread)
    return true
  }

  func enqueue(_ job: consuming ExecutorJob) {
    let job = UnownedJob(job)
    jobs.withLock { $0.append(job) }
    waiting.signal()
  }

  /// Runs jobs as they come, for ever.
  private func serve() -> Never {
    while true {
      waiting.wait()
      let job = jobs.withLock { $0.removeFirst() }
      job.runSynchronously(on: asUnownedTaskExecutor())
    }
  }
}
