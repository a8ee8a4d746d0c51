import App
import ArgumentParser

/// The recording options shared by `run --record` and `record`: format, overwriting, trajectories.
struct RecordingArguments: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Recording format: text (optiscope's replayable log), cast (asciicast v2) or, for `record`, gif (an animation).",
      valueName: "format"))
  var format: String = RecordingFormat.text.rawValue

  @Flag(help: "Overwrite the recording (and --trace file) if it exists.")
  var force = false

  @Option(
    help: ArgumentHelp(
      "Also write every optimizer's trajectory as CSV (the columns of `optiscope trace`).",
      valueName: "file.csv"))
  var trace: String?

  /// The checked format.
  func recordingFormat() throws(SceneOptions.Problem) -> RecordingFormat {
    guard let checked = RecordingFormat(rawValue: format.lowercased()) else {
      throw SceneOptions.Problem(description: "bad --format '\(format)': expected text or cast")
    }
    return checked
  }

  /// Opens the --trace file, if any; refused in one line when it cannot be written or is
  /// the recording's own file (`recording`, given as `option`), however it is spelled.
  func openTrace(besides recording: String, option: String) throws(FileSink.Failure)
    -> FileSink?
  {
    guard let trace else { return nil }
    guard FileSink.Identity(trace) != FileSink.Identity(recording) else {
      throw FileSink.Failure(
        description:
          "--trace '\(trace)' and \(option) '\(recording)' are the same file; give two files")
    }
    return try FileSink.open(trace, force: force, option: "--trace")
  }
}
