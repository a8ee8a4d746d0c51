import App
import ArgumentParser

/// The recording options shared by `run --record` and `record`: format, overwriting, trajectories.
struct RecordingArguments: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Recording format: text (optiscope's replayable log, the default), cast (asciicast v2) or, for `record`, gif (an animation).",
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

  /// Opens the --trace file, if any; refused in one line when it cannot be written.
  func openTrace() throws(FileSink.Failure) -> TraceRecorder? {
    guard let trace else { return nil }
    return TraceRecorder(sink: try FileSink.open(trace, force: force, option: "--trace"))
  }
}
