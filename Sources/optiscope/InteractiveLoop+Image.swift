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
      return .notice(Message("figure saved to \(file.path)"))
    } catch {
      return .notice(Message("cannot save the figure: \(error)", isError: true))
    }
  }
}
