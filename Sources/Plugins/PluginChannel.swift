import Dispatch
import LibC
import Subprocess
import Synchronization

#if canImport(System)
  import System
#else
  import SystemPackage
#endif

/// Two pipes to a plug-in's helper: JSON lines out, JSON lines in, each read with a deadline.
///
/// The helper process is started by swift-subprocess, given the child's ends
/// of two pipes as its stdin and stdout; this side keeps the other ends and
/// reads and writes them synchronously with `poll`, which suits optiscope's
/// one-thread program loop (it can ask whether an answer has arrived without
/// waiting) and costs no task hops per step. Subprocess's own streaming API is
/// async-only and yields its output through an `AsyncSequence` that one task
/// must drain; that would put a thread hop and a lock on every step of a
/// protocol whose whole budget is 100 µs.
///
/// Both ends kept here are close-on-exec, so no other helper inherits them:
/// when optiscope ends, however it ends, each helper's stdin closes and the
/// helper exits. A channel may also be given ready-made descriptors (the
/// notebook package serves its own objects over two inherited pipes).
public final class PluginChannel: @unchecked Sendable {
  /// Where lines are written.
  private var output: Int32
  /// Where lines are read.
  private var input: Int32
  /// Bytes read but not yet returned as lines; `start` is where the first of them is.
  private var buffer: [UInt8] = []
  private var start = 0
  /// Where `read` puts bytes: allocated once, not per read (a step reads once or twice).
  private let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 65536, alignment: 8)
  /// The helper's process id, when this channel started one.
  public let processIdentifier: pid_t?
  /// Whether `close()` has run.
  public private(set) var isClosed = false

  /// Starts `python helper` with pipes on its stdin and stdout (its stderr is discarded).
  ///
  /// Blocks the calling thread until the process has started (at most `spawnTimeout`
  /// seconds). Subprocess's `run` is async; its task runs on `SpawnExecutor`'s thread,
  /// never on Swift's cooperative pool, so any thread may call this, pool threads and
  /// many at once included.
  public init(python: String, helper: String, arguments: [String] = []) throws(PluginError) {
    var toChild: [Int32] = [-1, -1]
    var fromChild: [Int32] = [-1, -1]
    guard pipe(&toChild) == 0, pipe(&fromChild) == 0 else {
      throw PluginError(.protocolBroken, "cannot make pipes for the plug-in helper")
    }
    // Close-on-exec everywhere: the helper gets its ends as stdin and stdout (copies
    // that do not inherit the flag), and no other process inherits any of them.
    for descriptor in toChild + fromChild {
      _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
    }
    Self.ignoreBrokenPipes()
    let executable: Executable =
      python.contains("/") ? .path(FilePath(python)) : .name(python)
    let childInput = FileDescriptor(rawValue: toChild[0])
    let childOutput = FileDescriptor(rawValue: fromChild[1])
    let start = Mutex(SpawnState.waiting)
    let ready = DispatchSemaphore(value: 0)
    Task.detached(executorPreference: SpawnExecutor.shared) {
      do {
        _ = try await Subprocess.run(
          executable, arguments: Arguments([helper] + arguments),
          input: .fileDescriptor(childInput, closeAfterSpawningProcess: true),
          output: .fileDescriptor(childOutput, closeAfterSpawningProcess: true),
          error: .discarded
        ) { execution in
          let pid = execution.processIdentifier.value
          let abandoned = start.withLock { state -> Bool in
            guard case .waiting = state else { return true }
            state = .started(pid)
            return false
          }
          // Too late: the caller has given up and closed its ends; end the helper now.
          if abandoned { kill(pid, SIGKILL) } else { ready.signal() }
        }
      } catch {
        let reported = start.withLock { state -> Bool in
          guard case .waiting = state else { return false }
          state = .failed(
            PluginError(
              .missing,
              "cannot start Python '\(python)' (install Python 3, or name one with --python PATH or OPTISCOPE_PYTHON)"
            ))
          return true
        }
        if reported { ready.signal() }
      }
    }
    _ = ready.wait(timeout: .now() + .milliseconds(Int(Self.spawnTimeout * 1000)))
    let outcome = start.withLock { state -> SpawnState in
      let seen = state
      if case .waiting = state { state = .abandoned }
      return seen
    }
    switch outcome {
    case .started(let pid):
      processIdentifier = pid
      output = toChild[1]
      input = fromChild[0]
    case .failed(let error):
      LibC.close(toChild[1])
      LibC.close(fromChild[0])
      throw error
    case .waiting, .abandoned:
      LibC.close(toChild[1])
      LibC.close(fromChild[0])
      throw PluginError(
        .protocolBroken,
        "the plug-in helper did not start within \(Int(Self.spawnTimeout)) s")
    }
  }

  /// Seconds a spawn may take before the start gives up (the process, not Python's imports).
  public static let spawnTimeout = 30.0

  /// Where a start is: the caller and the spawning task agree on it under a lock, so a
  /// helper spawned after its caller gave up is ended rather than left running.
  private enum SpawnState: Sendable {
    case waiting
    case started(pid_t)
    case failed(PluginError)
    case abandoned
  }

  /// A channel over descriptors that are already open (reading `input`, writing `output`).
  public init(readingFrom input: Int32, writingTo output: Int32) {
    self.input = input
    self.output = output
    processIdentifier = nil
    Self.ignoreBrokenPipes()
  }

  deinit {
    terminate()
    chunk.deallocate()
  }

  /// A write to a helper that has gone fails with EPIPE instead of ending optiscope.
  private static func ignoreBrokenPipes() {
    signal(SIGPIPE, SIG_IGN)
  }

  /// Sends one message as one line.
  public func send(_ message: JSONValue) throws(PluginError) {
    try send(line: message.text)
  }

  /// Sends one line of JSON text (without its line break), written in one `write` when the
  /// pipe takes it.
  public func send(line text: String) throws(PluginError) {
    guard !isClosed else { throw PluginError(.protocolBroken, "the plug-in helper has ended") }
    var line = text
    line.append("\n")
    let output = self.output
    let failed = line.withUTF8 { bytes -> Bool in
      var offset = 0
      while offset < bytes.count {
        let written = write(output, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          return true
        }
        offset += written
      }
      return false
    }
    if failed { throw PluginError(.protocolBroken, "the plug-in helper has ended") }
  }

  /// The next line's message, waiting at most `timeout` seconds (0: only what has arrived).
  ///
  /// Returns nil when nothing complete has arrived in time; throws when the helper
  /// has ended or sent something that is not JSON.
  public func receive(timeout: Double) throws(PluginError) -> JSONValue? {
    let deadline = Self.now() + max(0, timeout)
    while true {
      if let newline = buffer[start...].firstIndex(of: 0x0A) {
        let line = buffer[start..<newline]
        start = newline + 1
        if start == buffer.count {
          buffer.removeAll(keepingCapacity: true)
          start = 0
        }
        guard let message = JSONValue(parsing: line) else {
          let text = String(decoding: line, as: UTF8.self)
          throw PluginError(
            .protocolBroken, "the plug-in helper sent a line that is not JSON: \(text.prefix(80))")
        }
        return message
      }
      guard !isClosed else { throw PluginError(.protocolBroken, "the plug-in helper has ended") }
      let left = deadline - Self.now()
      var poller = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
      let ready = poll(&poller, 1, Int32(max(0, (left * 1000).rounded(.up))))
      if ready < 0 {
        if errno == EINTR { continue }
        throw PluginError(.protocolBroken, "cannot read from the plug-in helper")
      }
      if ready == 0 {
        if left <= 0 { return nil }
        continue
      }
      let count = read(input, chunk.baseAddress, chunk.count)
      if count < 0 {
        if errno == EINTR || errno == EAGAIN { continue }
        throw PluginError(.protocolBroken, "cannot read from the plug-in helper")
      }
      if count == 0 {
        throw PluginError(.protocolBroken, "the plug-in helper ended")
      }
      if start > 0 {
        buffer.removeSubrange(..<start)
        start = 0
      }
      buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[..<count]))
    }
  }

  /// Ends the helper (SIGKILL, for a helper that hangs) and closes the pipes.
  public func terminate() {
    if let processIdentifier, !isClosed { kill(processIdentifier, SIGKILL) }
    close()
  }

  /// Closes both pipes; a helper reading stdin then sees end-of-file and exits.
  public func close() {
    guard !isClosed else { return }
    isClosed = true
    LibC.close(output)
    if input != output { LibC.close(input) }
  }

  /// Seconds on a monotonic clock.
  public static func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }
}
