import Foundation

/// A private tmux server with one shell pane, for driving the interactive program like a user.
///
/// Each session uses its own socket (`tmux -L optiscope-<uuid>`), so tests
/// running in parallel never see each other's panes, and `close()` kills the
/// whole server. Waiting is by polling the pane until text appears, with a
/// deadline, never by fixed sleeps.
final class TmuxSession {
  /// Whether a tmux binary is on the PATH; the tests that need it are skipped otherwise.
  static let isAvailable: Bool = tmuxPath != nil

  static let tmuxPath: String? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for directory in path.split(separator: ":") {
      let candidate = "\(directory)/tmux"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }()

  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  let socket = "optiscope-\(UUID().uuidString.prefix(8))"

  /// Starts a server with a `width` × `height` pane running a plain bash whose prompt is `PROMPT$ `.
  init(width: Int = 120, height: Int = 40) throws {
    // The server forks from this call and would hold an output pipe open
    // forever, so its output is not read.
    try tmux(
      [
        "-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y", "\(height)",
        "env -u NO_COLOR PS1='PROMPT$ ' LANG=C.UTF-8 LC_ALL=C.UTF-8 bash --norc --noprofile",
      ], readOutput: false)
    try waitFor("PROMPT$")
  }

  deinit { close() }

  /// Kills the server and everything in it.
  func close() {
    _ = try? tmux(["kill-server"])
  }

  /// Types `line` into the pane and presses Enter.
  func run(_ line: String) throws {
    try tmux(["send-keys", "-t", "0", "-l", line])
    try tmux(["send-keys", "-t", "0", "Enter"])
  }

  /// Sends tmux key names (`Tab`, `Up`, `C-c`) or literal characters.
  func send(_ keys: String...) throws {
    try tmux(["send-keys", "-t", "0"] + keys)
  }

  /// Sends many tmux key names or characters in one command (`--` keeps "-" a key).
  func send(keys: [String]) throws {
    try tmux(["send-keys", "-t", "0", "--"] + keys)
  }

  /// Sends raw bytes, e.g. a mouse report the program should decode.
  func send(bytes: [UInt8]) throws {
    try tmux(["send-keys", "-t", "0", "-H"] + bytes.map { String($0, radix: 16) })
  }

  /// Sends text literally, character by character.
  func type(_ text: String) throws {
    try tmux(["send-keys", "-t", "0", "-l", "--", text])
  }

  /// Pastes `text` into the pane as a terminal paste does: all of it in one go.
  func paste(_ text: String) throws {
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("optiscope-paste-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: file) }
    try Data(text.utf8).write(to: file)
    try tmux(["load-buffer", "-b", "paste", file.path])
    try tmux(["paste-buffer", "-b", "paste", "-d", "-t", "0"])
  }

  func resize(width: Int, height: Int) throws {
    try tmux(["resize-window", "-t", "0", "-x", "\(width)", "-y", "\(height)"])
  }

  /// The pane's text as shown.
  func screen() throws -> String {
    try tmux(["capture-pane", "-p", "-t", "0"])
  }

  /// The pane's text with its colours and attributes as SGR escape codes.
  func styledScreen() throws -> String {
    try tmux(["capture-pane", "-p", "-e", "-t", "0"])
  }

  /// A tmux format value for the pane, e.g. `#{cursor_flag}`.
  func display(_ format: String) throws -> String {
    try tmux(["display-message", "-p", "-t", "0", format])
      .trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Polls the pane until `condition` holds for its text; throws with the last screen on timeout.
  @discardableResult
  func waitUntil(
    _ what: String, timeout: TimeInterval = 20, _ condition: (String) -> Bool
  ) throws -> String {
    let deadline = Date().addingTimeInterval(timeout)
    var last = ""
    while Date() < deadline {
      last = try screen()
      if condition(last) { return last }
      Thread.sleep(forTimeInterval: 0.05)
    }
    throw Failure(description: "timed out waiting for \(what); the screen was:\n\(last)")
  }

  /// Polls until `text` is on screen.
  @discardableResult
  func waitFor(_ text: String, timeout: TimeInterval = 20) throws -> String {
    try waitUntil("'\(text)'", timeout: timeout) { $0.contains(text) }
  }

  /// Runs one tmux command against this server and returns what it printed.
  ///
  /// Spawned directly with posix_spawn and reaped with waitpid: output goes
  /// to a temporary file (a tmux server forked by a parallel test could
  /// inherit a pipe and hold it open forever), and the child is waited for
  /// synchronously, independent of Foundation's child-process monitoring.
  /// Polls until a line starting `EXIT=` (printed by `; echo EXIT=$?`) appears.
  @discardableResult
  func waitForExit(timeout: TimeInterval = 20) throws -> String {
    try waitUntil("the program to exit", timeout: timeout) { screen in
      screen.split(separator: "\n").contains { $0.hasPrefix("EXIT=") }
    }
  }

  @discardableResult
  private func tmux(_ arguments: [String], readOutput: Bool = true) throws -> String {
    guard let path = Self.tmuxPath else { throw Failure(description: "tmux is not installed") }
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("optiscope-tmux-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: file) }
    let status = try Self.spawn(
      path, ["tmux", "-L", socket] + arguments, output: readOutput ? file.path : "/dev/null")
    guard status == 0 else {
      throw Failure(description: "tmux \(arguments.first ?? "") failed (status \(status))")
    }
    guard readOutput else { return "" }
    return String(decoding: (try? Data(contentsOf: file)) ?? Data(), as: UTF8.self)
  }

  /// Runs `path` with `arguments` (argv[0] included), stdout to `output`, and returns its exit status.
  private static func spawn(_ path: String, _ arguments: [String], output: String) throws -> Int32 {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    // The test runner blocks some signals in its threads (dispatch does so
    // for signal sources); a tmux server would pass that mask on to the
    // program under test. Start from an empty mask and default handlers.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    var allSignals = sigset_t()
    sigfillset(&allSignals)
    sigdelset(&allSignals, SIGKILL)
    sigdelset(&allSignals, SIGSTOP)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    posix_spawnattr_setsigdefault(&attributes, &allSignals)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var pid = pid_t()
    let spawned = posix_spawn(&pid, path, &actions, &attributes, &argv, environ)
    guard spawned == 0 else { throw Failure(description: "cannot run \(path): error \(spawned)") }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 {
      guard errno == EINTR else { throw Failure(description: "waitpid failed: errno \(errno)") }
    }
    // WIFEXITED / WEXITSTATUS by hand: the macros do not import into Swift.
    return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
  }
}
