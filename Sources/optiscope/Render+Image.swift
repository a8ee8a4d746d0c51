import App
import Plot
import PlotImage

extension Render {
  /// What `render --format png|svg|pdf` writes: the checked file, format and size.
  struct ImagePlan {
    /// The file, open under its temporary name (see `FileSink`).
    var file: FileSink
    var format: ImageFormat
    var size: PixelSize
  }

  /// The image to write, or nil for text; refuses a bad format, size or file before any work.
  func imagePlan() throws -> ImagePlan? {
    let name = format.lowercased()
    if name == "text" {
      guard out == nil, pixels == nil else {
        throw CommandError("--out and --pixels need --format png, svg or pdf")
      }
      return nil
    }
    guard let chosen = ImageFormat(rawValue: name) else {
      throw CommandError("bad --format '\(format)': expected text, png, svg or pdf")
    }
    guard let out else { throw CommandError("--format \(name) needs --out FILE") }
    // Checked before the file is opened, so a refusal leaves no file behind.
    if (try? scene.sceneFile().options.functionChoice().isOneVariable) == true {
      throw CommandError(
        "--format \(name) does not draw functions of one variable yet; render them as text")
    }
    let size =
      try pixels.map { text throws(ImageError) in try PixelSize(parsing: text) } ?? .standard
    return ImagePlan(file: try FileSink.openImage(out, force: force), format: chosen, size: size)
  }

  /// Runs the race and writes its final figure.
  func writeImage(_ plan: ImagePlan) throws {
    let (model, _) = try makeModel()
    let picture = model.picture
    guard let objective = picture.objective else { throw CommandError("no function to draw") }
    let figure = Figure(picture: picture, theme: model.theme)
    let field = ImageRenderer.field(
      objective: objective, view: figure.view, width: plan.size.width, height: plan.size.height)
    let bytes: [UInt8]
    do {
      bytes = try ImageRenderer.data(
        figure, field: field, format: plan.format, width: plan.size.width,
        height: plan.size.height)
    } catch {
      plan.file.discard()
      throw error
    }
    try plan.file.writeWhole(bytes)
  }
}
