import OptimKit
import Plot

/// One frame of a race as the pixel renderer draws it: the very `Picture` the cell
/// renderer draws, with the look resolved to colours for pixels.
///
/// The frame's content — title, formula, step, each optimizer's trail in plane
/// coordinates with its label, settings, f and status, the start and the minima —
/// is worked out once, as the `Picture`, and both renderers read it: `Picture.draw`
/// into a `Canvas` of cells, `FigurePainter` with cairo. What is the pixels' own is
/// kept here: the theme's colours as RGB, and the map's view (a recording may show
/// more than the picture's). The costly part, the sampled function, is kept apart in a
/// `FigureField` so that the frames of an animation share it.
public struct Figure: Sendable {
  /// What the frame shows, shared with the cell renderer.
  public var picture: Picture
  /// The map's view: the picture's, or a wider one (a GIF of a race that leaves it).
  public var view: ViewBox
  /// The heatmap's colours, low f to high f.
  public var scale: ColorScale
  /// The page behind everything, the text on it and the dim text.
  public var background: RGB
  public var text: RGB
  public var dimText: RGB
  /// The colours of the start and minimum markers.
  public var startColor: RGB
  public var minimumColor: RGB
  /// Each optimizer's colour: `trailColors[i]` is `picture.racers[i]`'s.
  public var trailColors: [RGB]

  /// The figure of a picture in a theme's colours, over `view` (default: the picture's).
  public init(picture: Picture, theme: Theme, view: ViewBox? = nil) {
    let text = RGB(theme.text, fallback: RGB(xterm: 252))
    self.picture = picture
    self.view = view ?? picture.view
    scale = ColorScale(theme: theme)
    background = RGB(theme.background, fallback: Self.darkPage)
    self.text = text
    dimText = RGB(theme.dimText, fallback: RGB(xterm: 245))
    startColor = RGB(theme.start.color, fallback: text)
    minimumColor = RGB(theme.minimum.color, fallback: text)
    trailColors = picture.racers.map {
      RGB(theme.racerStyle($0.styleIndex).color, fallback: text)
    }
  }

  /// A figure of given parts, each trail in its own colour (a picture made for it).
  public init(
    title: String, formula: String, view: ViewBox, step: Int = 0, trails: [FigureTrail] = [],
    start: Point? = nil, minima: [Point] = [], scale: ColorScale,
    background: RGB = Self.darkPage, text: RGB = RGB(xterm: 252), dimText: RGB = RGB(xterm: 245),
    startColor: RGB = .white, minimumColor: RGB = .white
  ) {
    picture = Picture(
      title: title, formula: formula, view: view, start: start, minima: minima, step: step)
    self.view = view
    self.scale = scale
    self.background = background
    self.text = text
    self.dimText = dimText
    self.startColor = startColor
    self.minimumColor = minimumColor
    trailColors = []
    self.trails = trails
  }

  /// The page colour when the theme leaves the background to the terminal: the dark
  /// grey the themes' bright optimizer colours are chosen for.
  public static let darkPage = RGB(red: 0.11, green: 0.11, blue: 0.12)

  /// The function's name, e.g. "Rosenbrock".
  public var title: String { picture.title }
  /// Its formula as the user would write it.
  public var formula: String { picture.formula }
  /// The race's step count.
  public var step: Int { picture.step }
  public var start: Point? { picture.start }
  public var minima: [Point] { picture.minima }

  /// The optimizers as the figure shows them, each with its colour; setting them sets
  /// the picture's racers (in order, each its own style) and their colours.
  public var trails: [FigureTrail] {
    get {
      picture.racers.enumerated().map { index, racer in
        var trail = FigureTrail(
          label: racer.label, summary: racer.hyperparameterSummary, value: racer.value,
          status: racer.status, color: color(ofRacer: index), points: racer.trail,
          isVisible: racer.isVisible)
        trail.averagedPoints = racer.averagedTrail
        return trail
      }
    }
    set {
      picture.racers = newValue.enumerated().map { index, trail in
        var racer = RacerDrawing(
          label: trail.label, styleIndex: index, trail: trail.points, status: trail.status,
          hyperparameterSummary: trail.summary, value: trail.value, isVisible: trail.isVisible)
        racer.averagedTrail = trail.averagedPoints
        return racer
      }
      trailColors = newValue.map(\.color)
    }
  }

  /// The colour of `picture.racers[index]` (the text colour for one without).
  func color(ofRacer index: Int) -> RGB {
    trailColors.indices.contains(index) ? trailColors[index] : text
  }
}
