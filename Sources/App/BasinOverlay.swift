import OptimKit
import Plot

/// The basins of attraction behind the `a` overlay, filled in a bounded share per tick: work
/// the runtime carries on beside the program (a `Session` owns it, as it owns the
/// `FrameCache`), not the program's state.
///
/// `Model` says what the basins are for (`Model.basinSubject`: the function, the
/// view, the optimizer and the map's size, while `a` shows them); this value holds
/// the map being computed for it. A new subject means a new map from row 0: the
/// old one is simply dropped, which is how the background work is cancelled. It
/// moves on ticks alone (`advance`, one share each), never on frames, so a replay
/// of the same inputs and ticks fills in the same cells whatever was drawn between.
public struct BasinOverlay: Sendable {
  /// Everything the map depends on.
  struct Subject: Hashable, Sendable {
    var function: String
    var view: ViewBox
    var spec: OptimizerSpec
    var racerIndex: Int
    var columns: Int
    var rows: Int
  }

  /// Steps each cell's optimizer may take to reach a minimum before it counts as reaching none.
  static let stepBudget = 1000
  /// About how many optimizer steps a tick spends on the basins: bounded work per frame
  /// (a cell costs 1 to 1001 steps), so the map fills in over seconds without threads and the
  /// keys stay responsive. At about 70 ns a step (release build) that is some 7 ms a frame;
  /// a 200×60 map of slow SGD on the six-hump camel (7.5 million steps) takes 4 s.
  static let stepsPerTick = 100_000

  /// What the map is computed for; nil while the basins are hidden.
  private var subject: Subject?
  /// The basins computed so far, or nil when hidden.
  public private(set) var map: BasinMap?

  /// No basins: they start with the first `refresh` for a model that shows them.
  public init() {}

  /// The basins `model` shows, computed whole at once: what a headless picture draws.
  public init(complete model: Model) {
    refresh(for: model)
    finish()
  }

  /// Starts the basins afresh when what `model` shows them for changed, and drops them when
  /// it hides them: after every message but a plug-in's news (which changes no subject).
  public mutating func refresh(for model: Model) {
    guard let fresh = model.basinSubject else {
      subject = nil
      map = nil
      return
    }
    if subject == fresh { return }
    subject = fresh
    map = BasinMap(
      objective: model.function.objective, minima: model.function.minima, spec: fresh.spec,
      view: fresh.view, columns: fresh.columns, rows: fresh.rows, steps: Self.stepBudget)
  }

  /// Computes one tick's share of the basins: about `stepsPerTick` optimizer steps.
  public mutating func advance() {
    guard var grown = map, !grown.isComplete else { return }
    map = nil  // Keep the map uniquely referenced while it grows.
    grown.advance(stepBudget: Self.stepsPerTick)
    map = grown
  }

  /// Computes the rest of the basins at once, for headless pictures.
  public mutating func finish() {
    guard var grown = map else { return }
    map = nil
    grown.advance(rows: grown.rows)
    map = grown
  }

  /// Whether basins are shown and not finished yet (the program keeps ticking until they are).
  public var isComputing: Bool { map.map { !$0.isComplete } ?? false }

  /// The share of the basins computed, or nil when hidden.
  public var progress: Double? { map?.progress }

  /// Puts the basins on `picture` (the `model.picture` of the model they were refreshed
  /// for): the map's tint, and "basins 37%" on the status line while they are computed.
  func show(on picture: inout Picture, race: Race) {
    guard let map, let subject else { return }
    let index = subject.racerIndex
    let label = race.racers.indices.contains(index) ? race.racers[index].label : "?"
    picture.basins = BasinDrawing(map: map, racerIndex: index, label: label)
    if map.progress < 1 {
      picture.statusNotes.append("basins \(Int((map.progress * 100).rounded(.down)))%")
    }
  }
}
