import OptimKit
import Plot

/// Everything the interactive program knows at one moment: the race, the view, and the UI state.
///
/// A value: `update` takes one and returns the next, and `view` draws one, so
/// the whole program can be tested by sending messages and comparing canvases
/// (the Elm architecture, as in Bubble Tea). Nothing here touches a terminal.
///
/// Its fields change only in `update` (and the extensions it calls): outside the
/// module they are read-only, and the look (`colorDepth`, `usesASCII`, `cells`) is
/// fixed at `init`. What frames keep to be quick (the heatmap, the trails as drawn)
/// is not here but in the `FrameCache` of whoever draws frame after frame.
public struct Model: Sendable {
  /// The function raced on, with its presets.
  public internal(set) var function: FunctionChoice
  /// The optimizers, their settings, state and trails.
  public internal(set) var race: Race
  /// The view `0` returns to.
  public internal(set) var homeView: ViewBox
  /// The part of the plane shown.
  public internal(set) var view: ViewBox
  public internal(set) var layout: PictureLayout
  /// Which optimizers the hyper-parameter keys act on.
  public internal(set) var selection: Selection = .all
  public internal(set) var isPaused = false
  /// Optimizer steps per frame (`[` / `]`).
  public internal(set) var stepsPerFrame: Int
  /// Frames per second while running.
  public let framesPerSecond: Int
  /// Racers hidden with `1`…`9` (0-based indices); hidden racers still step.
  public internal(set) var hiddenRacers: Set<Int> = []
  public internal(set) var isHelpShown = false
  /// The open input line after `e` or `s`, if any.
  public internal(set) var input: InputLine?
  /// Each racer's settings as the scene set them (after `f`/`F`, with the function's
  /// learning rates), which `d` restores.
  public internal(set) var presetHyperparameters: [Hyperparameters] = []
  /// The entries accepted in the input lines this session, oldest first, for Up/Down.
  public internal(set) var inputHistory: [InputLine.Purpose: [String]] = [:]
  /// The note at the bottom of the screen.
  public internal(set) var message: Message?
  /// The themes `t` cycles through (broken files included, so `t` can say what is wrong).
  public internal(set) var themes: [ThemeChoice] = [.builtIn]
  /// The position in `themes` that `t` last moved to.
  public internal(set) var themeIndex = 0
  /// The theme in use: the last one in `themes` that loaded.
  public internal(set) var theme: Theme = .standard
  /// The screen size in cells.
  public internal(set) var width: Int
  public internal(set) var height: Int
  /// Draw with ASCII only (no braille, blocks or box drawing), for non-UTF-8 terminals.
  public let usesASCII: Bool
  /// The file frames are being recorded into, shown as "● REC file"; nil when not recording.
  public internal(set) var recordingFile: String?
  /// How many colours the screen shows; without colour the heatmap uses the theme's glyph ramp.
  public let colorDepth: ColorDepth
  /// How finely the map is sampled where it can be: two samples a cell (half
  /// blocks) or one; the runtime chooses (`--cells`), and without colour, in
  /// ASCII or with a theme without a ramp, the map is one glyph a cell anyway.
  public let cells: HeatmapMode
  /// What the picture shows beyond the race: solo, the loss chart's scale, the pointer.
  public internal(set) var pictureChoices = PictureChoices()
  /// Whether the leaderboard panel (`L`) replaces the loss chart.
  public internal(set) var isLeaderboardShown = false
  /// The race's ranking, fed after every step; see `refreshLeaderboard`.
  public internal(set) var leaderboard: Leaderboard
  /// The function the leaderboard's criterion was made for.
  var leaderboardFunction: String
  /// Whether the inspector (`i`) shows the selected optimizer's arrows and state.
  public internal(set) var isInspectorShown = false
  /// The setting `<` `>` move, chosen with `k` `K` among the selected optimizers' own
  /// (Rprop's etas, LBFGS's history_size…); nil: the first of them.
  public internal(set) var tunedKey: Hyperparameter?
  /// Whether the basins of attraction (`a`) are shown for the selected optimizer (the
  /// runtime's `BasinOverlay` computes them).
  public internal(set) var isBasinsShown = false

  /// How the `e` and `s` input lines edit; see `InputEditing`.
  public let inputEditing: InputEditing

  /// The most steps per frame `]` goes to.
  public static let maximumStepsPerFrame = 1024

  /// The first model of a scene, on a screen of `width` × `height` cells.
  ///
  /// The look (the themes `t` cycles through with the current one, which must
  /// have loaded, else the built-in default stays; `colorDepth`; `usesASCII`;
  /// `cells`) is given here and never changes but through `t`: the runtime found
  /// the themes and asked the terminal, and hands the answers in as data.
  public init(
    scene: Scene, width: Int, height: Int,
    themes: (choices: [ThemeChoice], index: Int) = ([.builtIn], 0),
    colorDepth: ColorDepth = .full256, usesASCII: Bool = false, cells: HeatmapMode = .cells,
    inputEditing: InputEditing = .readline
  ) {
    self.inputEditing = inputEditing
    self.colorDepth = colorDepth
    self.cells = cells
    self.usesASCII = usesASCII
    function = scene.function
    race = Race(
      objective: scene.function.objective, start: scene.start, specs: scene.specs,
      labels: scene.labels)
    race.noise = scene.noise
    race.batches = scene.function.batches(seed: scene.noise.seed)
    presetHyperparameters = race.racers.map(\.optimizer.hyperparameters)
    leaderboard = Model.leaderboard(for: scene.function)
    leaderboardFunction = scene.function.name
    selection = scene.selection
    isLeaderboardShown = scene.showsLeaderboard
    isInspectorShown = scene.showsInspector
    isBasinsShown = scene.showsBasins
    homeView = scene.view
    view = scene.view
    layout = scene.layout
    stepsPerFrame = min(max(1, scene.stepsPerFrame), Self.maximumStepsPerFrame)
    framesPerSecond = max(1, scene.framesPerSecond)
    self.width = max(0, width)
    self.height = max(0, height)
    chooseThemes(themes.choices, current: themes.index)
    refreshLeaderboard()
  }

  /// Uses `choices` as the themes `t` cycles through, starting at `index`
  /// (which must have loaded; a broken one keeps the current theme).
  private mutating func chooseThemes(_ choices: [ThemeChoice], current index: Int) {
    guard !choices.isEmpty else { return }
    themes = choices
    themeIndex = min(max(index, 0), choices.count - 1)
    if let chosen = choices[themeIndex].theme { theme = chosen }
  }

  /// Steps the race, feeding the leaderboard after every step so arrivals are exact.
  mutating func stepRace(times count: Int = 1) {
    for _ in 0..<max(0, count) {
      race.step()
      leaderboard.observe(race)
    }
  }

  /// Applies a plug-in racer's news (`Msg.external`) to the race: a new racer after the
  /// scene's, a step, a report, a failure.
  mutating func apply(_ event: ExternalEvent) {
    switch event {
    case .joined(let label, let external):
      let index = race.appendExternal(label: label, external)
      presetHyperparameters.append(race.racers[index].optimizer.hyperparameters)
    case .arrived(let index, let position, let evaluations, let noise):
      race.arrive(at: position, racer: index, evaluations: evaluations, noise: noise)
    case .reported(let index, let state, let printed):
      race.report(state: state, printed: printed, racer: index)
    case .failed(let index, let reason):
      race.fail(reason, racer: index)
    }
  }

  /// Where the race starts.
  public var start: Point { race.start }

  /// Whether racer `index` (0-based) is drawn.
  public func isVisible(_ index: Int) -> Bool { !hiddenRacers.contains(index) }

  /// Whether the race itself should step on a tick: not paused, not finished. A run loop
  /// also ticks while basins are computed (`Session.isIdle`).
  public var isRacing: Bool { !isPaused && race.isRunning }
}
