import RealModule

/// A sub-grid of 2 × 4 braille dots per cell that lines are drawn on.
///
/// Braille characters (U+2800 + dot bits) give a terminal cell eight pixels, so
/// an optimizer's path reads as a continuous line instead of a row of blobs.
/// Each cell remembers which owner (an optimizer index) drew into it last.
public struct BrailleGrid: Sendable {
  /// Size in cells.
  public let width: Int
  public let height: Int
  private var dots: [UInt8]
  private var owners: [Int]
  /// The cells with dots, in the order they got their first: a frame copies only these.
  private var drawnCells: [Int] = []
  /// Whether a cell keeps the highest owner that drew into it, rather than the last.
  ///
  /// Drawing owners in increasing order gives the same grid either way; with
  /// the highest kept, lines can also be added later, out of order, and the
  /// grid still comes out as if everything had been drawn in order.
  public var keepsHighestOwner = false
  /// Whether each cell also keeps the set of every owner (below 64) that drew into it,
  /// for drawing a cell that several lines share in each of their colours by turns.
  public var keepsOwnerSets = false {
    didSet {
      if keepsOwnerSets, ownerSets.isEmpty { ownerSets = Array(repeating: 0, count: dots.count) }
    }
  }
  /// Bit k of a cell's entry is set when owner k drew into it (with `keepsOwnerSets`).
  private var ownerSets: [UInt64] = []

  /// The bit of the dot at (column, row) within its cell: 0x01 0x02 0x04 0x40 down
  /// the left column, 0x08 0x10 0x20 0x80 down the right.
  @inline(__always)
  static func dotBit(column: Int, row: Int) -> UInt8 {
    // The eight bits packed a byte each, left column first, read with one shift.
    UInt8(truncatingIfNeeded: UInt64(0x8020_1008_4004_0201) >> UInt64((column * 4 + row) * 8))
  }

  public init(width: Int, height: Int) {
    self.width = max(0, width)
    self.height = max(0, height)
    dots = Array(repeating: 0, count: self.width * self.height)
    owners = Array(repeating: -1, count: self.width * self.height)
  }

  /// Size in dots.
  public var dotWidth: Int { width * 2 }
  public var dotHeight: Int { height * 4 }

  /// Sets one dot; dots outside the grid are ignored.
  public mutating func setDot(x: Int, y: Int, owner: Int) {
    guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
    let index = (y / 4) * width + x / 2
    mark(index, bits: Self.dotBit(column: x % 2, row: y % 4), owner: owner)
  }

  /// Draws a straight line of dots between two dot positions (Bresenham), both ends
  /// included; dots outside the grid are skipped.
  public mutating func drawLine(fromX: Int, fromY: Int, toX: Int, toY: Int, owner: Int) {
    let dotWidth = self.dotWidth
    let dotHeight = self.dotHeight
    // A line between two dots on the grid stays on it (the grid is convex), so
    // only lines with an end off the grid need each dot checked.
    let isInside =
      fromX >= 0 && fromY >= 0 && fromX < dotWidth && fromY < dotHeight && toX >= 0 && toY >= 0
      && toX < dotWidth && toY < dotHeight
    // A cell's dots are gathered before it is written: every trail and loss line
    // of every frame comes through here, mostly in short segments.
    var x = fromX
    var y = fromY
    let dx = abs(toX - fromX)
    let dy = -abs(toY - fromY)
    let stepX = fromX < toX ? 1 : -1
    let stepY = fromY < toY ? 1 : -1
    var error = dx + dy
    if isInside && dx < -dy {
      // A steep line (most of a loss chart's) is a few vertical runs of dots: the
      // same steps, but the dots set a run at a time.
      var runStart = y
      while true {
        if x == toX && y == toY {
          drawColumn(x: x, from: runStart, to: y, owner: owner)
          return
        }
        let doubled = 2 * error
        if doubled >= dy {
          error += dy
          drawColumn(x: x, from: runStart, to: y, owner: owner)
          x += stepX
          runStart = doubled <= dx ? y + stepY : y
        }
        if doubled <= dx {
          error += dx
          y += stepY
        }
      }
    }
    var cell = -1
    var bits: UInt8 = 0
    while true {
      if isInside || (x >= 0 && y >= 0 && x < dotWidth && y < dotHeight) {
        let index = (y >> 2) * width + (x >> 1)
        if index != cell {
          if cell >= 0 { mark(cell, bits: bits, owner: owner) }
          cell = index
          bits = 0
        }
        bits |= Self.dotBit(column: x & 1, row: y & 3)
      }
      if x == toX && y == toY { break }
      let doubled = 2 * error
      if doubled >= dy {
        error += dy
        x += stepX
      }
      if doubled <= dx {
        error += dx
        y += stepY
      }
    }
    if cell >= 0 { mark(cell, bits: bits, owner: owner) }
  }

  /// Sets the dots of column `x` from row `from` to row `to` (either way round), all on the
  /// grid: the dots `drawLine` sets between two dots of one column.
  mutating func drawColumn(x: Int, from: Int, to: Int, owner: Int) {
    let column = x & 1
    let bottom = max(from, to)
    var y = min(from, to)
    while y <= bottom {
      let last = min(bottom, y | 3)
      var bits: UInt8 = 0
      for row in (y & 3)...(last & 3) { bits |= Self.dotBit(column: column, row: row) }
      mark((y >> 2) * width + (x >> 1), bits: bits, owner: owner)
      y = last + 1
    }
  }

  /// Sets `bits` in the cell at `index` for `owner`.
  @inline(__always)
  private mutating func mark(_ index: Int, bits: UInt8, owner: Int) {
    if dots[index] == 0 { drawnCells.append(index) }
    dots[index] |= bits
    owners[index] = keepsHighestOwner ? max(owners[index], owner) : owner
    if keepsOwnerSets, owner >= 0, owner < 64 { ownerSets[index] |= 1 << UInt64(owner) }
  }

  /// The key `dotKey` gives positions off the grid (or not finite).
  public static let offGridKey = -1

  /// A number naming the dot a position (continuous dot coordinates) falls on,
  /// or `offGridKey`; two positions have the same key exactly when `isSameDot`.
  public func dotKey(_ position: (x: Double, y: Double)) -> Int {
    guard position.x >= 0, position.x < Double(dotWidth), position.y >= 0,
      position.y < Double(dotHeight)
    else { return Self.offGridKey }
    return Int(position.y) * dotWidth + Int(position.x)
  }

  /// Whether both positions (continuous dot coordinates) lie on the grid in the same dot.
  ///
  /// A polyline can then skip the segment between them: the segment that
  /// ended at the first position has already set that dot for the same owner.
  /// Thousands of trail points share a few dots once an optimizer settles, so
  /// this keeps a frame's cost bounded by what is visible, not by history.
  public func isSameDot(_ first: (x: Double, y: Double), _ second: (x: Double, y: Double)) -> Bool {
    let right = Double(dotWidth)
    let bottom = Double(dotHeight)
    guard first.x >= 0, first.x < right, first.y >= 0, first.y < bottom, second.x >= 0,
      second.x < right, second.y >= 0, second.y < bottom
    else { return false }
    return Int(first.x) == Int(second.x) && Int(first.y) == Int(second.y)
  }

  /// Draws the part of a segment, given in continuous dot coordinates (dot (i, j)
  /// covers [i, i+1) × [j, j+1)), that lies on the grid; non-finite ends draw nothing.
  public mutating func drawSegment(
    from start: (x: Double, y: Double), to end: (x: Double, y: Double), owner: Int
  ) {
    // Clipping a segment with ends far off the grid (a diverging trail, near ±1e150) loses
    // all precision, so its result can still lie far outside: clamp before converting, or
    // Int(_:) traps.
    func dot(_ value: Double, limit: Int) -> Int {
      guard value.isFinite else { return 0 }
      return Int(min(max(value, 0), Double(limit - 1)).rounded(.down))
    }
    let right = Double(dotWidth)
    let bottom = Double(dotHeight)
    // Fast path: most segments of a trail lie wholly inside and need no clipping.
    if start.x >= 0, start.x < right, start.y >= 0, start.y < bottom, end.x >= 0, end.x < right,
      end.y >= 0, end.y < bottom
    {
      drawLine(
        fromX: Int(start.x), fromY: Int(start.y), toX: Int(end.x), toY: Int(end.y), owner: owner)
      return
    }
    guard
      let clipped = Self.clip(start, end, width: right, height: bottom)
    else { return }
    drawLine(
      fromX: dot(clipped.0.x, limit: dotWidth), fromY: dot(clipped.0.y, limit: dotHeight),
      toX: dot(clipped.1.x, limit: dotWidth), toY: dot(clipped.1.y, limit: dotHeight),
      owner: owner)
  }

  /// The braille character of a cell, or nil when no dot is set there.
  public func character(column: Int, row: Int) -> Character? {
    guard column >= 0, row >= 0, column < width, row < height else { return nil }
    let bits = dots[row * width + column]
    guard bits != 0, let scalar = Unicode.Scalar(0x2800 + UInt32(bits)) else { return nil }
    return Character(scalar)
  }

  /// An ASCII stand-in for a cell's dots, for terminals without braille: the
  /// line character closest to the way the dots run (`-`, `|`, `/`, `\`), or
  /// `.` for a lone dot; nil when no dot is set.
  public func asciiCharacter(column: Int, row: Int) -> Character? {
    guard column >= 0, row >= 0, column < width, row < height else { return nil }
    let bits = dots[row * width + column]
    guard bits != 0 else { return nil }
    var points: [(x: Double, y: Double)] = []
    for dotColumn in 0..<2 {
      for dotRow in 0..<4 where bits & Self.dotBit(column: dotColumn, row: dotRow) != 0 {
        points.append((Double(dotColumn), Double(dotRow)))
      }
    }
    guard points.count > 1 else { return "." }
    let count = Double(points.count)
    let meanX = points.reduce(0) { $0 + $1.x } / count
    let meanY = points.reduce(0) { $0 + $1.y } / count
    var xx = 0.0
    var yy = 0.0
    var xy = 0.0
    for point in points {
      xx += (point.x - meanX) * (point.x - meanX)
      yy += (point.y - meanY) * (point.y - meanY)
      xy += (point.x - meanX) * (point.y - meanY)
    }
    // The principal direction of the dots (y grows downwards), in degrees 0…180.
    // Dots are square and a cell is two dots wide and four tall, so `\` and `/`
    // run corner to corner at atan(4/2) ≈ 63.4° from the horizontal; each
    // character takes the directions nearest to its own.
    let angle = 0.5 * Double.atan2(y: 2 * xy, x: xx - yy) * 180 / Double.pi
    let folded = angle < 0 ? angle + 180 : angle
    switch folded {
    case ..<31.7, 148.3...: return "-"
    case 31.7..<76.7: return "\\"
    case 76.7...103.3: return "|"
    default: return "/"
    }
  }

  /// Calls `body` with every cell that has dots: its column, row, glyph (braille, or the
  /// ASCII stand-in with `usesASCII`) and owner, for copying the grid onto a canvas.
  ///
  /// The cells come in no particular order (the order they were first drawn
  /// in): only the drawn ones are visited, not the whole grid.
  public func forEachDrawnCell(
    usesASCII: Bool, _ body: (_ column: Int, _ row: Int, Unicode.Scalar, _ owner: Int) -> Void
  ) {
    for index in drawnCells {
      let bits = dots[index]
      let owner = owners[index]
      guard bits != 0, owner >= 0 else { continue }
      let column = index % width
      let row = index / width
      let glyph =
        usesASCII
        ? asciiCharacter(column: column, row: row).map(Cell.glyph(of:)) ?? "."
        : Unicode.Scalar(0x2800 + UInt32(bits)) ?? "."
      body(column, row, glyph, owner)
    }
  }

  /// How many cells have dots.
  public var drawnCellCount: Int { drawnCells.count }

  /// Adds the dots of a grid of the same size, each cell's owner as `keepsHighestOwner` says.
  public mutating func add(_ other: BrailleGrid) {
    guard other.width == width, other.height == height else { return }
    for index in other.drawnCells where other.dots[index] != 0 {
      mark(index, bits: other.dots[index], owner: other.owners[index])
    }
  }

  /// The last owner that drew into a cell, or nil when none did.
  public func owner(column: Int, row: Int) -> Int? {
    guard column >= 0, row >= 0, column < width, row < height else { return nil }
    let owner = owners[row * width + column]
    return owner >= 0 ? owner : nil
  }

  /// The owners (below 64) that drew into a cell, bit k for owner k; 0 without
  /// `keepsOwnerSets` or outside the grid.
  public func ownerSet(column: Int, row: Int) -> UInt64 {
    guard keepsOwnerSets, column >= 0, row >= 0, column < width, row < height else { return 0 }
    return ownerSets[row * width + column]
  }

  /// Liang–Barsky clipping of a segment to [0, width] × [0, height].
  static func clip(
    _ start: (x: Double, y: Double), _ end: (x: Double, y: Double), width: Double,
    height: Double
  ) -> ((x: Double, y: Double), (x: Double, y: Double))? {
    guard width > 0, height > 0 else { return nil }
    let dx = end.x - start.x
    let dy = end.y - start.y
    guard start.x.isFinite, start.y.isFinite, dx.isFinite, dy.isFinite else { return nil }
    var low = 0.0
    var high = 1.0
    /// Narrows [low, high] to where p·t ≤ q (one edge of the box); false when empty.
    func narrow(_ p: Double, _ q: Double) -> Bool {
      if p == 0 { return q >= 0 }
      let t = q / p
      if p < 0 {
        if t > high { return false }
        low = max(low, t)
      } else {
        if t < low { return false }
        high = min(high, t)
      }
      return true
    }
    guard narrow(-dx, start.x), narrow(dx, width - start.x), narrow(-dy, start.y),
      narrow(dy, height - start.y)
    else { return nil }
    return (
      (start.x + low * dx, start.y + low * dy), (start.x + high * dx, start.y + high * dy)
    )
  }
}
