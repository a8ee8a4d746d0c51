import ArgumentParser
import FoundationEssentials
import LibC

/// The `optiscope` command: the interactive race, and headless subcommands.
@main
struct Optiscope: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "optiscope",
    abstract: "Watch gradient optimizers race across 2D test functions in the terminal.",
    discussion: """
      Exit status: 0 on success and for --help; 1 for any refused input (unknown option, \
      missing or malformed value, unknown subcommand, bad SPEC) or failure, reported as one \
      line on stderr with nothing on stdout.
      """,
    version: Optiscope.version,
    subcommands: [
      Interactive.self, Trace.self, Compare.self, Levels.self, Render.self, Record.self,
      Replay.self, Themes.self, Check.self,
    ],
    defaultSubcommand: Interactive.self
  )

  /// The program's version, printed by `optiscope --version`.
  static let version = "0.1.0"

  /// Parses the command line and runs the chosen command; refusals are reported in one line.
  ///
  /// ArgumentParser's own `main()` follows a usage error with the whole usage
  /// text, several lines long; a script reading stderr, or a user in a narrow
  /// terminal, is better served by one line that names the problem and where
  /// to read more. Help and version requests still print in full on stdout.
  static func main() {
    treatQuitAsTerminate()
    let arguments = Array(CommandLine.arguments.dropFirst())
    do {
      var command = try directlyParsed(arguments) ?? parseAsRoot(arguments)
      try command.run()
    } catch {
      exit(refusing: error, arguments: arguments)
    }
  }

  /// The command a valid command line asks for, parsed by that command alone; nil for
  /// anything else (help, a refusal), which the whole tree then parses as usual.
  ///
  /// Parsing from the root reflects over every option group of the chosen
  /// command and of the default one two more times, to look for arguments
  /// that swallow the rest of the line (optiscope has none): half of the
  /// start-up time of a headless `record`. A command line that parses
  /// directly means the same either way; anything else (help, usage errors)
  /// goes the usual way, so help and messages name the full command path.
  static func directlyParsed(_ arguments: [String]) -> (any ParsableCommand)? {
    let named = arguments.first.flatMap { first in
      configuration.subcommands.first { name(of: $0) == first }
    }
    let command = named ?? configuration.defaultSubcommand
    guard let command else { return nil }
    let rest = named == nil ? arguments : Array(arguments.dropFirst())
    // Words that mean something to the root (help, completion scripts) go the usual way.
    let rootWords: Set<String> = ["help", "-h", "--help", "--version", "--experimental-dump-help"]
    guard
      !rest.contains(where: { rootWords.contains($0) || $0.hasPrefix("--generate-completion") })
    else { return nil }
    // Only the command itself: a request for its help would name it without `optiscope`.
    guard let parsed = try? command.parseAsRoot(rest), type(of: parsed) == command else {
      return nil
    }
    return parsed
  }

  /// Exits for `error`: 0 after printing help, otherwise 1 after one line on stderr.
  static func exit(refusing error: Error, arguments: [String]) -> Never {
    let code = exitCode(for: error)
    if code == .success || error is ExitCode {
      // --help, --version, or a command's own explicit exit status.
      exit(withError: error)
    }
    var line = "optiscope: " + reason(for: error)
    if code == .validationFailure {
      line += " (see '\(commandPath(for: arguments)) --help')"
    }
    StandardStream.warn((line + "\n"))
    // check's statuses 0, 1 and 2 mean agree, differ and could not run: a refusal has its own.
    guard arguments.first == name(of: Check.self) else { systemExit(ExitCode.failure.rawValue) }
    Check.reportRefusal(reason(for: error), arguments: arguments)
    systemExit(Check.usageStatus)
  }

  /// The one-line report of any error: the place every refusal becomes the line after
  /// `optiscope: `.
  ///
  /// A refusal of optiscope's own (`Refusal`: every module's typed error,
  /// `CommandError`) is one line already: a line break in it came with the input
  /// it repeats, and is shown escaped rather than joined.
  static func reason(for error: any Error) -> String {
    (error as? any Refusal)?.description ?? oneLine(message(for: error))
  }

  /// `message` on one line: ArgumentParser's `Error:` prefix and `Help:`/`Usage:` lines
  /// dropped. Split at line feeds only: a carriage return or other control repeated
  /// from an input is left for `StandardStream.warn` to show escaped.
  static func oneLine(_ message: String) -> String {
    let lines = message.split(separator: "\n").map {
      $0.trimmingSpaces()
    }
    let kept = lines.filter { !$0.isEmpty && !$0.hasPrefix("Help:") && !$0.hasPrefix("Usage:") }
    var text = kept.joined(separator: " ")
    if text.hasPrefix("Error: ") { text.removeFirst("Error: ".count) }
    return text.isEmpty ? "invalid command line" : text
  }

  /// Makes SIGQUIT (Ctrl-\\) end the program exactly as SIGTERM does.
  ///
  /// Left alone, the Swift runtime's backtracer catches SIGQUIT, prints
  /// "Program crashed" and a backtrace, and lets the program carry on. Raising
  /// SIGTERM instead hands the signal to whatever SIGTERM does at that moment:
  /// in the live program and `replay`, a clean exit through the run loop with
  /// the terminal restored and a recording's last frame whole; in a headless
  /// command, the end of the process between two whole frames, as SIGTERM.
  ///
  /// Both are unblocked too: a blocked mask is inherited across exec (from a
  /// test runner whose threads block signals, say), and would hold them back.
  static func treatQuitAsTerminate() {
    _ = signal(SIGQUIT) { _ in _ = raise(SIGTERM) }
    var signals = sigset_t()
    sigemptyset(&signals)
    sigaddset(&signals, SIGQUIT)
    sigaddset(&signals, SIGTERM)
    sigprocmask(SIG_UNBLOCK, &signals, nil)
  }

  /// A command's name on the command line: its configuration's `commandName`, which every
  /// optiscope command sets (ArgumentParser's own `_commandName`, which would derive one
  /// from the type's name, is underscored, not API).
  static func name(of command: any ParsableCommand.Type) -> String {
    command.configuration.commandName ?? String(describing: command).lowercased()
  }

  /// The command the arguments were aimed at, e.g. `optiscope trace`, for the help hint.
  static func commandPath(for arguments: [String]) -> String {
    var command: ParsableCommand.Type = Optiscope.self
    var path = [name(of: Optiscope.self)]
    for argument in arguments {
      guard
        let subcommand = command.configuration.subcommands.first(where: {
          name(of: $0) == argument || $0.configuration.aliases.contains(argument)
        })
      else { break }
      command = subcommand
      path.append(name(of: subcommand))
    }
    return path.joined(separator: " ")
  }
}

/// The C library's `exit`, by a name the command's own `exit` cannot shadow.
private func systemExit(_ status: Int32) -> Never {
  exit(status)
}
