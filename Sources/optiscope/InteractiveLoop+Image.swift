import App
import Plot
import PlotImage

extension InteractiveLoop {
  /// Shows a frame: as it is, or with the map as an image (`--graphics`).
  func show(_ screen: Canvas, in session: inout Session) {
    guard let graphics else {
      terminal.draw(screen)
      return
    }
    if let failure = graphics.show(screen, model: session.model, on: terminal) {
      _ = session.send(.notice(Message(failure, isError: true)))
    }
  }

  /// `P`: writes the current figure as a 1000×800 PNG into a new file named after the
  /// date and time (`optiscope-….png`, with `-2`, `-3`… when taken); says where on screen.
  static func saveImage(in session: inout Session) {
    let picture = session.model.picture
    guard let objective = picture.objective else { return }
    let stem = FileSink.timestampedStem("optiscope")
    do {
      let file = try FileSink.openNew(stem: stem, extension: "png")
      let size = PixelSize.standard
      let figure = Figure(picture: picture, theme: session.model.theme)
      let field = ImageRenderer.field(
        objective: objective, view: figure.view, width: size.width, height: size.height)
      let bytes: [UInt8]
      do {
        bytes = try ImageRenderer.data(
          figure, field: field, format: .png, width: size.width, height: size.height)
      } catch {
        file.discard()
        throw error
      }
      try file.writeWhole(bytes)
      _ = session.send(.notice(Message("figure saved to \(file.path)")))
    } catch {
      _ = session.send(.notice(Message("cannot save the figure: \(error)", isError: true)))
    }
  }
}
