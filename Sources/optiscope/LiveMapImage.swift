import App
import Plot
import PlotImage
import Terminal
import TerminalGraphics

/// The live map drawn as an image over the text screen (kitty or sixel), the panels
/// staying text.
///
/// Each frame the text screen goes to curses with the map's cells blank, and the
/// map is drawn by PlotImage at the map's size in pixels and sent at its cell
/// origin — only when its pixels changed, the screen was resized or the image was
/// away. Whenever the screen has something the image would not show (help, the
/// inspector's arrows, basins, several maps, a screen too small) the text map is
/// shown instead and the image taken away: a kitty image is deleted, sixel pixels
/// are overwritten by curses. An encoding failure turns images off for the run.
final class LiveMapImage {
  let imageProtocol: ImageProtocol
  private let choice: GraphicsChoice
  private let image = MapImage()
  private let sixel: SixelEncoder
  /// The one kitty image id of the run: each frame replaces the last one.
  static let kittyID = 3_170_812
  /// Where the image is on the screen now; nil when the text map shows.
  private var shownRegion: Region?
  /// The screen size the cell size was read for.
  private var screenSize = (width: -1, height: -1)
  private var cellSize: CellSize?
  /// Whether images have been turned off after a failure.
  private var failed = false
  /// The model of the frame to show next (told by the program, which owns it).
  var model: Model?
  /// Why images stopped, until the program has shown it (see `takeFailure`).
  private var failure: String?
  /// The map image's backdrop that the sixel palette was made for.
  private var paletteGeneration = -1

  /// Images by `choice`'s protocol; nil when it chose the text map.
  init?(_ choice: GraphicsChoice) {
    guard let chosen = choice.imageProtocol else { return nil }
    self.choice = choice
    imageProtocol = chosen
    sixel = SixelEncoder(colors: choice.sixelColors)
  }

  /// The map's region when this frame can show it as an image.
  static func imageRegion(of model: Model, picture: Picture) -> Region? {
    let plan = model.plan
    guard !plan.isTooSmall, plan.maps.count == 1, plan.mapTitles.isEmpty,
      let map = plan.maps.first, map.width > 0, map.height > 0, !model.isHelpShown,
      !model.showsBasins, picture.inspector == nil, picture.objective != nil,
      picture.view.isValid
    else { return nil }
    return map
  }

  /// The line for the user when images had to stop, once.
  func takeFailure() -> String? {
    defer { failure = nil }
    return failure
  }

  /// Shows `screen` (the text frame for `model`) on `terminal` with the map as an image
  /// when it can; a failure turns images off and is kept for `takeFailure`.
  func show(_ screen: Canvas, on terminal: Terminal) {
    guard let model else {
      terminal.draw(screen)
      return
    }
    let size = terminal.size
    var redraw = false
    if size != screenSize {
      screenSize = size
      cellSize = TerminalProbe.windowCellSize() ?? choice.reportedCellSize
      redraw = true
    }
    let picture = model.picture
    guard !failed, let cellSize, let region = Self.imageRegion(of: model, picture: picture),
      let objective = picture.objective
    else {
      takeAway(screen, on: terminal)
      terminal.draw(screen)
      return
    }
    if let shownRegion, shownRegion != region { takeAway(screen, on: terminal) }
    var masked = screen
    for row in region.y..<(region.y + region.height) {
      for column in region.x..<(region.x + region.width) { masked[column, row] = .blank }
    }
    terminal.draw(masked)
    let width = region.width * cellSize.width
    // Sixels come in bands of six pixel rows: whole bands only, so none spills below.
    let height =
      imageProtocol == .sixel
      ? region.height * cellSize.height / 6 * 6 : region.height * cellSize.height
    let unit = min(max(Double(cellSize.height) / 18, 0.6), 2)
    do {
      let changed = try image.draw(
        Figure(picture: picture, theme: model.theme), objective: objective, width: width,
        height: height, unit: unit)
      guard changed || redraw || shownRegion == nil else { return }
      let bytes: [UInt8]
      switch imageProtocol {
      case .kitty:
        bytes = KittyImage.place(
          png: try image.png(), id: Self.kittyID, columns: region.width, rows: region.height)
      case .sixel:
        if image.backdropGeneration != paletteGeneration {
          // One palette per backdrop: its colours and every trail's and marker's.
          let figure = Figure(picture: picture, theme: model.theme)
          let sample = image.paletteSample(
            colors: figure.trailColors + [
              figure.startColor, figure.minimumColor, .black, .white,
              RGB(red: 0.3, green: 0.3, blue: 0.3),
            ])
          try sixel.preparePalette(sample: sample.rgb, width: sample.width, height: sample.height)
          paletteGeneration = image.backdropGeneration
        }
        // Sixel pixels stay in their cells: only the cells around what changed are sent,
        // unless the whole map must be (a new image, size or backdrop).
        if !redraw, shownRegion != nil, let part = sixelPart(width: width, height: height),
          let cell = self.cellSize
        {
          let patch = try sixel.encode(
            rgb: image.rgb(part), width: part.width, height: part.height)
          ImagePlacement.send(
            ImagePlacement.at(
              column: region.x + part.x / cell.width, row: region.y + part.y / cell.height,
              patch))
          return
        }
        bytes = try sixel.encode(rgb: image.rgb(), width: width, height: height)
      }
      ImagePlacement.send(ImagePlacement.at(column: region.x, row: region.y, bytes))
      shownRegion = region
    } catch {
      failed = true
      takeAway(screen, on: terminal)
      terminal.draw(screen)
      failure = "images stopped (\(error)); the map is text"
    }
  }

  /// The part of a `width` × `height` sixel map to send after a frame: the changed
  /// pixels widened to whole cells, from the top of a cell row down in whole six-pixel
  /// bands; nil when that would not fit (then the whole map is sent).
  private func sixelPart(width: Int, height: Int) -> MapImage.Rect? {
    guard let changed = image.changedRect, let cell = cellSize,
      changed.width < width || changed.height < height
    else { return nil }
    let left = changed.x / cell.width * cell.width
    let right = min(width, (changed.x + changed.width + cell.width - 1) / cell.width * cell.width)
    let top = changed.y / cell.height * cell.height
    let bands = (changed.y + changed.height - top + 5) / 6
    guard top + bands * 6 <= height else { return nil }
    return MapImage.Rect(x: left, y: top, width: right - left, height: bands * 6)
  }

  /// Removes the image from the screen, if one is there.
  private func takeAway(_ screen: Canvas, on terminal: Terminal) {
    guard let region = shownRegion else { return }
    shownRegion = nil
    switch imageProtocol {
    case .kitty:
      ImagePlacement.send(KittyImage.delete(id: Self.kittyID))
    case .sixel:
      // Sixel pixels belong to the cells they cover: curses writes each of those cells
      // again, as a cell unlike any the screen has (curses skips cells it thinks are
      // unchanged), before the frame itself.
      var cover = screen
      for row in region.y..<min(region.y + region.height, screen.height) {
        for column in region.x..<min(region.x + region.width, screen.width) {
          cover[column, row] = Cell("\u{A0}", attributes: [.reverse])
        }
      }
      terminal.draw(cover)
    }
  }

  /// Deletes the kitty image (its data too) before the terminal is given back.
  func stop() {
    if imageProtocol == .kitty { ImagePlacement.send(KittyImage.delete(id: Self.kittyID)) }
    shownRegion = nil
  }
}
