/// What a still figure is written as.
public enum ImageFormat: String, CaseIterable, Sendable {
  /// Pixels, anti-aliased, at the requested size.
  case png
  /// Vectors (the heatmap as an embedded image), one user unit per pixel.
  case svg
  /// Vectors on a page of the requested size at 100 pixels to the inch (the notebooks' dpi).
  case pdf
}
