import App
import Plot
import PlotImage

extension InteractiveLoop {
  /// `P`: writes the current figure as a 1000×800 PNG into a new file named after the
  /// date and time (`optiscope-….png`, with `-2`, `-3`… when taken); says where on screen.
  static func saveImage(in session: inout Session) {
    let picture = session.model.picture
    guard let objective = picture.objective else { return }
    let stem = FileSink.timestampedStem("optiscope")
    do {
      let file = try freeImageFile(stem: stem)
      let size = PixelSize.standard
      let figure = Figure(picture: picture, theme: session.model.theme)
      let field = ImageRenderer.field(
        objective: objective, view: figure.view, width: size.width, height: size.height)
      try ImageRenderer.write(
        figure, field: field, format: .png, width: size.width, height: size.height, to: file)
      _ = session.send(.notice(Message("figure saved to \(file.path)")))
    } catch {
      _ = session.send(.notice(Message("cannot save the figure: \(error)", isError: true)))
    }
  }

  /// The first of `stem.png`, `stem-2.png`, … that does not exist yet.
  private static func freeImageFile(stem: String) throws(ImageError) -> ImageFile {
    for attempt in 1...99 {
      let name = attempt == 1 ? "\(stem).png" : "\(stem)-\(attempt).png"
      do {
        return try ImageFile(path: name, force: false, option: "file")
      } catch {
        if error.exists { continue }
        throw error
      }
    }
    throw ImageError("cannot find a free file name like \(stem).png")
  }
}
