/// What a recording is written as.
public enum RecordingFormat: String, CaseIterable, Sendable {
  /// optiscope's plain-text log (`RecordingLog`): replayable and verifiable.
  case text
  /// asciicast v2, asciinema's format: ANSI-coloured frames with times, for `asciinema play`.
  case cast

  /// The file name extension of an automatically named recording.
  public var fileExtension: String { self == .text ? "log" : "cast" }
}
