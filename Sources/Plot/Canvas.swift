/// A width × height grid of cells that the whole picture is drawn into.
///
/// Drawing is clipped: writes outside the grid are ignored rather than
/// trapping, so no layout arithmetic at a tiny terminal size can crash.
public struct Canvas: Hashable, Sendable {
  public let width: Int
  public let height: Int
  /// Row-major: the cell at column x, row y is `cells[y * width + x]`.
  public private(set) var cells: [Cell]

  public init(width: Int, height: Int, filling cell: Cell = .blank) {
    self.width = max(0, width)
    self.height = max(0, height)
    self.cells = Array(repeating: cell, count: self.width * self.height)
  }

  /// A canvas whose rows show `lines`, one character per cell, for tests and fixtures
  /// that spell a whole screen out as text.
  ///
  /// The canvas is as wide as the longest line (or `width`, when given) and as tall
  /// as the number of lines; shorter lines are padded with `filling`, longer ones
  /// clipped. Characters are laid out as `write` lays them out, so a canvas drawn
  /// by the program and one spelled out here compare cell for cell.
  public init(lines: [String], width: Int? = nil, filling cell: Cell = .blank) {
    let widest = lines.map { CellScalars($0).reduce(0) { count, _ in count + 1 } }.max() ?? 0
    self.init(width: width ?? widest, height: lines.count, filling: cell)
    for (row, line) in lines.enumerated() {
      write(
        line, x: 0, y: row, foreground: cell.foreground, background: cell.background,
        attributes: cell.attributes)
    }
  }

  /// Whether (x, y) is inside the grid.
  public func contains(x: Int, y: Int) -> Bool { x >= 0 && y >= 0 && x < width && y < height }

  /// The cell at column x, row y; reading outside the grid gives a blank cell.
  public subscript(x: Int, y: Int) -> Cell {
    get { contains(x: x, y: y) ? cells[y * width + x] : .blank }
    set {
      if contains(x: x, y: y) { cells[y * width + x] = newValue }
    }
  }

  /// Writes `text` from column x of row y, one character per cell, clipped to the grid.
  public mutating func write(
    _ text: String,
    x: Int,
    y: Int,
    foreground: Color = .terminalDefault,
    background: Color = .terminalDefault,
    attributes: Cell.Attributes = []
  ) {
    guard y >= 0, y < height else { return }
    var column = x
    for scalar in CellScalars(text) {
      if column >= width { break }
      if column >= 0 {
        cells[y * width + column] = Cell(
          glyph: scalar, foreground: foreground, background: background, attributes: attributes)
      }
      column += 1
    }
  }

  /// Copies another canvas into this one with its top-left corner at (x, y), clipped.
  public mutating func paste(_ other: Canvas, x: Int, y: Int) {
    // Row by row as slices: a heatmap is pasted into every frame.
    let firstColumn = max(0, -x)
    let lastColumn = min(other.width, width - x)
    let firstRow = max(0, -y)
    let lastRow = min(other.height, height - y)
    guard firstColumn < lastColumn, firstRow < lastRow else { return }
    for row in firstRow..<lastRow {
      let source = row * other.width
      let target = (y + row) * width + x
      cells.replaceSubrange(
        (target + firstColumn)..<(target + lastColumn),
        with: other.cells[(source + firstColumn)..<(source + lastColumn)])
    }
  }

  /// The cells of the rectangle at (x, y), `width` × `height`, as a canvas of their own
  /// (blank where the rectangle leaves this one): a panel to compare whole.
  public func cropped(x: Int, y: Int, width: Int, height: Int) -> Canvas {
    var part = Canvas(width: width, height: height)
    part.paste(self, x: -x, y: -y)
    return part
  }

  /// The characters of each row, without colours: what a plain-text frame shows.
  public var lines: [String] {
    (0..<height).map { row in
      var line = String.UnicodeScalarView()
      line.append(contentsOf: cells[(row * width)..<(row * width + width)].lazy.map(\.glyph))
      return String(line)
    }
  }
}
