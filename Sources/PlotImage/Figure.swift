import OptimKit
import Plot

/// One frame of a race as a medium-independent value: what a figure shows, in
/// plane coordinates and plain text, with no pixels or cells in it.
///
/// Built from the `Picture` the text renderer draws (so both show the same race)
/// and drawn by `FigurePainter`; the costly part, the sampled function, is kept
/// apart in a `FigureField` so that the frames of an animation share it.
public struct Figure: Sendable {
  /// The function's name, e.g. "Rosenbrock".
  public var title: String
  /// Its formula as the user would write it.
  public var formula: String
  public var view: ViewBox
  /// The race's step count.
  public var step: Int
  public var trails: [FigureTrail]
  public var start: Point?
  public var minima: [Point]
  /// The heatmap's colours, low f to high f.
  public var scale: ColorScale
  /// The page behind everything, the text on it and the dim text.
  public var background: RGB
  public var text: RGB
  public var dimText: RGB
  /// The colours of the start and minimum markers.
  public var startColor: RGB
  public var minimumColor: RGB

  public init(
    title: String, formula: String, view: ViewBox, step: Int = 0, trails: [FigureTrail] = [],
    start: Point? = nil, minima: [Point] = [], scale: ColorScale,
    background: RGB = Self.darkPage, text: RGB = RGB(xterm: 252), dimText: RGB = RGB(xterm: 245),
    startColor: RGB = .white, minimumColor: RGB = .white
  ) {
    self.title = title
    self.formula = formula
    self.view = view
    self.step = step
    self.trails = trails
    self.start = start
    self.minima = minima
    self.scale = scale
    self.background = background
    self.text = text
    self.dimText = dimText
    self.startColor = startColor
    self.minimumColor = minimumColor
  }

  /// The page colour when the theme leaves the background to the terminal: the dark
  /// grey the themes' bright optimizer colours are chosen for.
  public static let darkPage = RGB(red: 0.11, green: 0.11, blue: 0.12)

  /// The figure of a picture in a theme's colours, over `view` (default: the picture's).
  public init(picture: Picture, theme: Theme, view: ViewBox? = nil) {
    let page = RGB(theme.background, fallback: Self.darkPage)
    let text = RGB(theme.text, fallback: RGB(xterm: 252))
    let trails = picture.racers.map { racer in
      var trail = FigureTrail(
        label: racer.label, summary: racer.hyperparameterSummary, value: racer.value,
        status: racer.status, color: RGB(theme.racerStyle(racer.styleIndex).color, fallback: text),
        points: racer.trail, isVisible: racer.isVisible)
      trail.averagedPoints = racer.averagedTrail
      return trail
    }
    self.init(
      title: picture.title, formula: picture.formula, view: view ?? picture.view,
      step: picture.step, trails: trails, start: picture.start, minima: picture.minima,
      scale: ColorScale(theme: theme), background: page, text: text,
      dimText: RGB(theme.dimText, fallback: RGB(xterm: 245)),
      startColor: RGB(theme.start.color, fallback: text),
      minimumColor: RGB(theme.minimum.color, fallback: text))
  }
}
