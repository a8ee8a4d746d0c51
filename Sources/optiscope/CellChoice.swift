import ArgumentParser
import Plot

/// How finely the map is sampled (`--cells`): two samples a cell, one, four or six.
///
/// Half blocks (`▀`, the upper sample in front and the lower one behind)
/// give roughly square pixels and twice the vertical resolution; they need
/// colour, so without it (or in ASCII) the map is one glyph a cell either way.
enum CellChoice: String, ExpressibleByArgument, CaseIterable {
  case half
  case full
  case quadrant
  case sextant

  /// The same choice in Plot's words.
  var mode: HeatmapMode {
    switch self {
    case .half: .halfBlocks
    case .full: .cells
    case .quadrant: .quadrants
    case .sextant: .sextants
    }
  }
}
