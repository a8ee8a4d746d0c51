import App
import ArgumentParser
import Foundation

/// The scene options shared by `run`, `render` and `record`: a scene file, and function,
/// start, optimizers, view, layout, pace and noise on top of it.
struct SceneArguments: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "A scene file (key = value lines, see README \"Scenes\"), or a recording whose scene to "
        + "use; the options below override it.", valueName: "file"))
  var scene: String?

  @OptionGroup var function: FunctionArguments

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "The start point X,Y (write --start=-1.5,2 or --start -1.5,2).", valueName: "x,y"))
  var start: String?

  @Option(
    name: .customLong("optimizer"),
    help: ArgumentHelp(
      "An optimizer SPEC, e.g. adam:lr=0.01; repeat for a race.", valueName: "spec"))
  var optimizers: [String] = []

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "The view X0,X1,Y0,Y1 (default: the function's own).", valueName: "x0,x1,y0,y1"))
  var view: String?

  @Option(help: ArgumentHelp("Map layout: overlay (default) or split.", valueName: "layout"))
  var layout: String?

  @Option(help: ArgumentHelp("Frames per second, 1 to 120 (default 20).", valueName: "n"))
  var fps: Int?

  @Option(help: ArgumentHelp("Optimizer steps per frame, 1 to 1024.", valueName: "n"))
  var stepsPerFrame: Int?

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "Gradient noise: standard deviation SIGMA added to every gradient (default 0).",
      valueName: "sigma"))
  var noise: String?

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp("Seed of the gradient noise (default 0).", valueName: "n"))
  var seed: String?

  /// The most bytes a scene file may have; anything larger is not a scene.
  static let maximumSceneFileSize = 1 << 20

  /// The command-line options alone, as App's unchecked scene.
  var options: SceneOptions {
    SceneOptions(
      function: function.function, expression: function.expr, start: start, optimizers: optimizers,
      view: view,
      layout: layout ?? "overlay", framesPerSecond: fps ?? 20, stepsPerFrame: stepsPerFrame,
      noise: noise, seed: seed)
  }

  /// The scene file given with --scene (if any) with the command-line options on top.
  ///
  /// `--function` or `--expr` replaces the file's function and expression
  /// both, and any `--optimizer` replaces the file's whole list; every other
  /// option replaces just its own setting.
  func sceneFile() throws(SceneOptions.Problem) -> SceneFile {
    guard let path = scene else { return SceneFile(options: options) }
    var file = try SceneFile(parsing: Self.read(path), name: path)
    if function.isGiven {
      file.options.function = function.function
      file.options.expression = function.expr
    }
    if let start { file.options.start = start }
    if !optimizers.isEmpty { file.options.optimizers = optimizers }
    if let view { file.options.view = view }
    if let layout { file.options.layout = layout }
    if let fps { file.options.framesPerSecond = fps }
    if let stepsPerFrame { file.options.stepsPerFrame = stepsPerFrame }
    if let noise { file.options.noise = noise }
    if let seed { file.options.seed = seed }
    return file
  }

  /// The text of a scene file, refused in one line when unreadable, too large or not UTF-8.
  ///
  /// Reads at most 1 MB: enough for any scene, and for the header of a
  /// recording of any length (whose frames are not needed).
  static func read(_ path: String) throws(SceneOptions.Problem) -> String {
    guard let handle = FileHandle(forReadingAtPath: path) else {
      let reason =
        FileManager.default.fileExists(atPath: path) ? "cannot be read" : "does not exist"
      throw SceneOptions.Problem(description: "--scene '\(path)' \(reason)")
    }
    defer { try? handle.close() }
    let data: Data
    do {
      data = try handle.read(upToCount: maximumSceneFileSize + 1) ?? Data()
    } catch {
      throw SceneOptions.Problem(description: "--scene '\(path)' cannot be read")
    }
    var bytes = data
    if bytes.count > maximumSceneFileSize {
      guard bytes.starts(with: Array(RecordingLog.magic.utf8)) else {
        throw SceneOptions.Problem(
          description: "--scene '\(path)' is larger than 1 MB; a scene file is a few lines")
      }
      // A long recording: its header is all that is needed; drop the cut last line.
      if let lastNewline = bytes.lastIndex(of: 0x0A) { bytes = bytes[...lastNewline] }
    }
    guard let text = String(data: bytes, encoding: .utf8) else {
      throw SceneOptions.Problem(description: "--scene '\(path)' is not UTF-8 text")
    }
    return text
  }
}
