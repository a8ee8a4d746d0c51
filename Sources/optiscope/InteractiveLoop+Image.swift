import App
import Plot
import PlotImage

extension LiveRace {
  /// `P`: writes the current figure as a 1000×800 PNG into a new file named after the
  /// date and time (`optiscope-….png`, with `-2`, `-3`… when taken); returns the message
  /// that says where (or why not) on screen; nil when there is no figure to save.
  static func saveImage(in session: Session) -> Msg? {
    let picture = session.model.picture
    guard let objective = picture.objective else { return nil }
    let stem = FileSink.timestampedStem("optiscope")
    do {
      let file = try freeImageFile(stem: stem)
      let size = PixelSize.standard
      let figure = Figure(picture: picture, theme: session.model.theme)
      let field = ImageRenderer.field(
        objective: objective, view: figure.view, width: size.width, height: size.height)
      try ImageRenderer.write(
        figure, field: field, format: .png, width: size.width, height: size.height, to: file)
      return .notice(Message("figure saved to \(file.path)"))
    } catch {
      return .notice(Message("cannot save the figure: \(error)", isError: true))
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
