import App
import ArgumentParser
import FoundationEssentials

/// The scene options shared by `run`, `render` and `record`: a scene file, and function, start,
/// optimizers, sweeps, view, layout, pace, noise and the panels shown on top of it.
struct SceneArguments: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "A scene file (key = value lines, see README \"Scenes\"), or a recording whose scene to "
        + "use; the options below override it.", valueName: "file"))
  var scene: String?

  @OptionGroup var function: FunctionArguments

  /// `--start`.
  @OptionGroup var starting: StartArguments
  /// `--start` as typed, nil when not given.
  var start: String? { starting.start }

  /// `--optimizer`, `--sweep`, `--noise` and `--seed`, as `trace` and `compare` take them.
  @OptionGroup var racers: RacerList.Arguments

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "The view X0,X1,Y0,Y1 (default: the function's own).", valueName: "x0,x1,y0,y1"))
  var view: String?

  @Option(help: "Map layout: overlay or split (default: split for a --sweep, else overlay).")
  var layout: String?

  @Option(help: ArgumentHelp("Frames per second, 1 to 120 (default 20).", valueName: "n"))
  var fps: Int?

  @Option(help: ArgumentHelp("Optimizer steps per frame, 1 to 1024.", valueName: "n"))
  var stepsPerFrame: Int?

  @Flag(help: "Show the leaderboard in place of the loss chart (L live).")
  var leaderboard = false

  @Flag(help: "Show the inspector: arrows and state of the selected optimizer (i live).")
  var inspect = false

  @Flag(help: "Overlay the basins of attraction of the selected optimizer (a live).")
  var basins = false

  @Option(
    help: ArgumentHelp(
      "The optimizer the keys, --inspect and --basins act on: a name or a number from 1.",
      valueName: "name"))
  var select: String?

  /// The options as App's unchecked scene.
  var options: SceneOptions {
    SceneOptions(
      function: function.function, expression: function.expr, start: start,
      optimizers: racers.optimizers, view: view, layout: layout, framesPerSecond: fps ?? 20,
      stepsPerFrame: stepsPerFrame, sweeps: racers.sweeps, noise: racers.noise,
      seed: racers.seed, showsLeaderboard: leaderboard, showsInspector: inspect,
      showsBasins: basins, select: select)
  }

  /// The most bytes a scene file may have; anything larger is not a scene.
  static let maximumSceneFileSize = 1 << 20

  /// The scene file given with --scene (if any) with the command-line options on top.
  ///
  /// `--function` or `--expr` replaces the file's function and expression
  /// both, and any `--optimizer` replaces the file's whole list; every other
  /// option replaces just its own setting.
  func sceneFile() throws(SceneOptions.Problem) -> SceneFile {
    let data: DataOptions?
    // Data-only options with a scene and no data of their own change the scene's data.
    let adjustsSceneData =
      scene != nil && !function.isGiven && function.training.firstDataOnlyOption != nil
    do {
      data = adjustsSceneData ? nil : try function.training.options()
    } catch {
      throw SceneOptions.Problem(description: (error as? CommandError)?.message ?? "\(error)")
    }
    guard let path = scene else {
      var file = SceneFile(options: options)
      file.options.data = data
      return file
    }
    var file = try SceneFile(parsing: Self.read(path), name: path)
    if function.isGiven {
      file.options.function = function.function
      file.options.expression = function.expr
      file.options.data = data
    }
    // A scene file's `data = FILE` without its examples: read the file now.
    if var named = file.options.data, named.isFile, named.dataSet == nil {
      do {
        named.dataSet = try DataArguments.read(named.source)
      } catch {
        throw SceneOptions.Problem(description: (error as? CommandError)?.message ?? "\(error)")
      }
      file.options.data = named
    }
    if adjustsSceneData, let stray = function.training.firstDataOnlyOption {
      guard let named = file.options.data else {
        throw SceneOptions.Problem(
          description:
            "\(stray) needs --data FILE.csv or --dataset NAME (--scene '\(path)' trains on no data)"
        )
      }
      file.options.data = function.training.applied(to: named)
    }
    if let start { file.options.start = start }
    if !racers.isEmpty {
      file.options.optimizers = racers.optimizers
      file.options.sweeps = racers.sweeps
      file.options.labels = []
      file.plugins = []
    }
    if let view { file.options.view = view }
    if let layout { file.options.layout = layout }
    if let fps { file.options.framesPerSecond = fps }
    if let stepsPerFrame { file.options.stepsPerFrame = stepsPerFrame }
    if let noise = racers.noise { file.options.noise = noise }
    if let seed = racers.seed { file.options.seed = seed }
    if leaderboard { file.options.showsLeaderboard = true }
    if inspect { file.options.showsInspector = true }
    if basins { file.options.showsBasins = true }
    if let select { file.options.select = select }
    return file
  }

  /// The text of a scene file, refused in one line when unreadable, too large or not UTF-8.
  ///
  /// Reads at most 1 MB: enough for any scene, and for the header of a
  /// recording of any length (whose frames are not needed).
  static func read(_ path: String) throws(SceneOptions.Problem) -> String {
    var bytes: [UInt8]
    do {
      bytes = try FileContents.read(path, limit: maximumSceneFileSize + 1)
    } catch {
      let reason = error == .missing ? "does not exist" : "cannot be read"
      throw SceneOptions.Problem(description: "--scene '\(path)' \(reason)")
    }
    if bytes.count > maximumSceneFileSize {
      guard bytes.starts(with: Array(RecordingLog.magic.utf8)) else {
        throw SceneOptions.Problem(
          description: "--scene '\(path)' is larger than 1 MiB; a scene file is a few lines")
      }
      // A long recording: its header is all that is needed; drop the cut last line.
      if let lastNewline = bytes.lastIndex(of: 0x0A) { bytes = Array(bytes[...lastNewline]) }
    }
    // A byte-order mark, as some editors write, is not part of the text.
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw SceneOptions.Problem(description: "--scene '\(path)' is not UTF-8 text")
    }
    return text
  }
}
