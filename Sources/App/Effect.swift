import OptimKit

/// Something `update` asks the outside world to do, since `update` itself only computes.
public enum Effect: Hashable, Sendable {
  /// Leave the program (q or Ctrl-C): restore the terminal and exit with status 0.
  case quit
  /// A live change took effect before race step `step`, described in one line
  /// (`adam: lr=0.0141`, `start (1, 2)`), for a recording to log.
  case liveChange(step: Int, description: String)
  /// `R` while not recording: start recording into a new, automatically named file.
  case startRecording
  /// `R` while recording: finish the recording.
  case stopRecording
  /// `S`: write this scene file (`SceneFile` text) to a new, automatically named file.
  case saveScene(String)
  /// `P`: save the current figure as a PNG (drawn with cairo) in a new, automatically named file.
  case saveImage
  /// A key changed a plug-in racer's setting (as shown in its legend): tell the plug-in, as
  /// editing its `param_groups[0]` would.
  case editPlugin(racer: Int, key: Hyperparameter, value: Double)
}
