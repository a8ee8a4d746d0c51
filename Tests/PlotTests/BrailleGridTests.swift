import Testing

@testable import Plot

@Suite struct BrailleGridTests {
  private func line(_ grid: BrailleGrid, row: Int) -> String {
    String((0..<grid.width).map { grid.character(column: $0, row: row) ?? " " })
  }

  @Test func eachDotHasItsBit() {
    // Left column top to bottom: 0x01 0x02 0x04 0x40; right column: 0x08 0x10 0x20 0x80.
    let expected: [(x: Int, y: Int, character: Character)] = [
      (0, 0, "⠁"), (0, 1, "⠂"), (0, 2, "⠄"), (0, 3, "⡀"),
      (1, 0, "⠈"), (1, 1, "⠐"), (1, 2, "⠠"), (1, 3, "⢀"),
    ]
    for dot in expected {
      var grid = BrailleGrid(width: 1, height: 1)
      grid.setDot(x: dot.x, y: dot.y, owner: 0)
      #expect(grid.character(column: 0, row: 0) == dot.character, "dot \(dot.x),\(dot.y)")
    }
  }

  @Test func emptyCellsHaveNoCharacter() {
    let grid = BrailleGrid(width: 2, height: 2)
    #expect(grid.character(column: 0, row: 0) == nil)
    #expect(grid.owner(column: 1, row: 1) == nil)
  }

  /// Random lines (half of them vertical), some with ends off the grid, drawn by `drawLine` and dot by dot with
  /// `setDot` (the plain Bresenham it must match): the same dots and the same owners.
  @Test func drawLineMatchesDotByDot() {
    var state: UInt64 = 3
    func next(_ range: ClosedRange<Int>) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return range.lowerBound + Int((state >> 33) % UInt64(range.count))
    }
    for _ in 0..<300 {
      var fast = BrailleGrid(width: 7, height: 5)
      var slow = fast
      for owner in 0..<4 {
        let (x0, y0, y1) = (next(-6...19), next(-6...25), next(-6...25))
        // Every other line vertical: those are drawn a cell at a time.
        let x1 = owner % 2 == 0 ? x0 : next(-6...19)
        fast.drawLine(fromX: x0, fromY: y0, toX: x1, toY: y1, owner: owner)
        var x = x0
        var y = y0
        let dx = abs(x1 - x0)
        let dy = -abs(y1 - y0)
        var error = dx + dy
        while true {
          slow.setDot(x: x, y: y, owner: owner)
          if x == x1 && y == y1 { break }
          let doubled = 2 * error
          if doubled >= dy {
            error += dy
            x += x0 < x1 ? 1 : -1
          }
          if doubled <= dx {
            error += dx
            y += y0 < y1 ? 1 : -1
          }
        }
      }
      for row in 0..<5 {
        #expect(line(fast, row: row) == line(slow, row: row))
        for column in 0..<7 {
          #expect(fast.owner(column: column, row: row) == slow.owner(column: column, row: row))
        }
      }
    }
  }

  @Test func horizontalLine() {
    var grid = BrailleGrid(width: 3, height: 1)
    grid.drawLine(fromX: 1, fromY: 0, toX: 4, toY: 0, owner: 0)
    #expect(line(grid, row: 0) == "⠈⠉⠁")
  }

  @Test func verticalLineAcrossTwoRows() {
    var grid = BrailleGrid(width: 1, height: 2)
    grid.drawLine(fromX: 1, fromY: 2, toX: 1, toY: 5, owner: 0)
    #expect(line(grid, row: 0) == "⢠")
    #expect(line(grid, row: 1) == "⠘")
  }

  @Test func diagonalLine() {
    var grid = BrailleGrid(width: 2, height: 1)
    grid.drawLine(fromX: 0, fromY: 0, toX: 3, toY: 3, owner: 0)
    // Dots (0,0) (1,1) in the first cell, (2,2) (3,3) in the second.
    #expect(line(grid, row: 0) == "⠑⢄")
  }

  @Test func lineIsTheSameDrawnBackwards() {
    var forward = BrailleGrid(width: 4, height: 2)
    var backward = BrailleGrid(width: 4, height: 2)
    forward.drawLine(fromX: 0, fromY: 7, toX: 7, toY: 1, owner: 0)
    backward.drawLine(fromX: 7, fromY: 1, toX: 0, toY: 7, owner: 0)
    #expect(line(forward, row: 0) == line(backward, row: 0))
    #expect(line(forward, row: 1) == line(backward, row: 1))
  }

  @Test func segmentsAreClippedToTheGrid() {
    var grid = BrailleGrid(width: 2, height: 1)
    // From far left to far right along dot row 1: every dot of that row, nothing else.
    grid.drawSegment(from: (-100, 1.5), to: (100, 1.5), owner: 0)
    #expect(line(grid, row: 0) == "⠒⠒")
  }

  @Test func segmentsOutsideOrNotFiniteDrawNothing() {
    var grid = BrailleGrid(width: 2, height: 1)
    grid.drawSegment(from: (-5, -5), to: (10, -1), owner: 0)
    grid.drawSegment(from: (.nan, 1), to: (2, 2), owner: 0)
    grid.drawSegment(from: (1, 1), to: (.infinity, 2), owner: 0)
    #expect(line(grid, row: 0) == "  ")
    grid.drawSegment(from: (-1e6, 1), to: (1e6, 1), owner: 0)
    #expect(line(grid, row: 0) == "⠒⠒")
  }

  @Test func theLastOwnerColoursACell() {
    var grid = BrailleGrid(width: 1, height: 1)
    grid.setDot(x: 0, y: 0, owner: 3)
    grid.setDot(x: 1, y: 3, owner: 5)
    #expect(grid.owner(column: 0, row: 0) == 5)
    #expect(grid.character(column: 0, row: 0) == "⢁")
  }

  @Test func segmentBetweenHugeEndsDoesNotTrap() {
    // Two steps of SGD diverging on the sphere (lr = 100), in the dot coordinates of a 49×22
    // map: clipping this segment leaves y near 7e72, which Int(_:) cannot hold.
    var grid = BrailleGrid(width: 49, height: 22)
    grid.drawSegment(
      from: (x: -8.906415883854898e+88, y: -5.998198452392075e+88),
      to: (x: 1.7723767608871246e+91, y: 1.1936414920260228e+91), owner: 0)
    grid.drawSegment(
      from: (x: -3.817832152500046e+24, y: -2.5711930822959494e+24),
      to: (x: 7.597485983475092e+26, y: 5.11667423376894e+26), owner: 0)
    // Reaching here is the test: before the fix, Int(_:) trapped on the first segment.
  }
}
