import OptimKit

/// The basins of attraction behind the `a` overlay: the map being filled in and what it is for.
///
/// A new subject (another function, view, optimizer, setting or screen size)
/// means a new map from row 0: the old one is simply dropped, which is how
/// the background work is cancelled.
struct BasinOverlay: Sendable {
  /// Everything the map depends on.
  struct Subject: Hashable, Sendable {
    var function: String
    var view: ViewBox
    var spec: OptimizerSpec
    var racerIndex: Int
    var columns: Int
    var rows: Int
  }

  var subject: Subject
  var map: BasinMap
}
