import OptimKit
import Testing

@testable import Plot

@Suite struct ContourLinesTests {
  /// The sphere x² + y² over [−3, 3] × [−2, 2] on 30 × 10 cells: dots are square,
  /// 60 × 40 of them, so every level is a circle.
  private let sphereKey = HeatmapKey(
    function: "sphere", view: ViewBox(xMin: -3, xMax: 3, yMin: -2, yMax: 2), width: 30,
    height: 10, mode: .cells, colorDepth: .none)
  private let sphere = FunctionObjective { x, y in x * x + y * y }

  /// The dots set in a grid, as (x, y) dot positions.
  private func dots(of grid: BrailleGrid) -> Set<[Int]> {
    var dots = Set<[Int]>()
    for row in 0..<grid.height {
      for column in 0..<grid.width {
        guard let character = grid.character(column: column, row: row),
          let scalar = character.unicodeScalars.first
        else { continue }
        let bits = UInt8(scalar.value - 0x2800)
        for dx in 0..<2 {
          for dy in 0..<4 where bits & BrailleGrid.dotBit(column: dx, row: dy) != 0 {
            dots.insert([column * 2 + dx, row * 4 + dy])
          }
        }
      }
    }
    return dots
  }

  /// The 8-connected components of a set of grid positions.
  private func components(_ points: Set<[Int]>) -> [Set<[Int]>] {
    var left = points
    var found: [Set<[Int]>] = []
    while let seed = left.first {
      var component: Set<[Int]> = [seed]
      var stack = [seed]
      left.remove(seed)
      while let point = stack.popLast() {
        for dx in -1...1 {
          for dy in -1...1 {
            let next = [point[0] + dx, point[1] + dy]
            if left.remove(next) != nil {
              component.insert(next)
              stack.append(next)
            }
          }
        }
      }
      found.append(component)
    }
    return found
  }

  /// The number of 8-neighbours of `point` in `points`.
  private func neighbours(of point: [Int], in points: Set<[Int]>) -> Int {
    var count = 0
    for dx in -1...1 {
      for dy in -1...1 where (dx, dy) != (0, 0) {
        if points.contains([point[0] + dx, point[1] + dy]) { count += 1 }
      }
    }
    return count
  }

  @Test func everyLevelOfTheSphereIsOneClosedRingOfDotsAndOfCells() {
    let samples = ContourLines.samplePoints(view: sphereKey.view, width: 30, height: 10).map {
      sphere.value(at: $0)
    }
    let heatmap = Heatmap(objective: sphere, key: sphereKey, theme: SnapshotTheme.theme)
    let levels = heatmap.levels.values
    #expect(levels.count > 10)
    for level in levels {
      let grid = ContourLines(samples: samples, width: 30, height: 10, levels: [level]).grid
      let dots = dots(of: grid)
      let radius = level.squareRoot()
      guard radius < 1.9 else { continue }  // wider circles leave the map at the top and bottom
      // A circle of radius r is about 2πr·10 dots long (10 dots per unit).
      #expect(dots.count > Int(radius * 40), "level \(level)")
      #expect(components(dots).count == 1, "level \(level): the dots are one line")
      // Closed: every dot has a neighbour on each side, none is a loose end.
      #expect(
        dots.allSatisfy { neighbours(of: $0, in: dots) >= 2 }, "level \(level): a closed ring")
      var cells = Set<[Int]>()
      for dot in dots { cells.insert([dot[0] / 2, dot[1] / 4]) }
      #expect(components(cells).count == 1, "level \(level): the cells are one run")
      #expect(
        cells.allSatisfy { neighbours(of: $0, in: cells) >= 2 }, "level \(level): a closed ring")
      // The ring goes round the minimum: the cells at the centre carry none of its dots.
      if radius > 0.6 { #expect(!cells.contains([14, 4]) && !cells.contains([15, 5])) }
    }
  }

  /// The sphere's heatmap with two hand-chosen levels (r = 0.7 and 1.6), whose lines
  /// cover less than the share of the map that makes levels be left out.
  private func sphereHeatmap(key: HeatmapKey, theme: Theme) -> Heatmap {
    let cellSamples = Heatmap.samplePoints(
      view: key.view, columns: key.width, rows: key.sampleRows
    ).map { sphere.value(at: $0) }
    let dotSamples = ContourLines.samplePoints(view: key.view, width: 30, height: 10).map {
      sphere.value(at: $0)
    }
    return Heatmap(
      samples: cellSamples, dotSamples: dotSamples,
      levels: LevelSet(levels: [0.49, 2.56], minimum: 0, maximum: 13), key: key,
      theme: theme)
  }

  @Test func sphereWithoutColourDrawsBrailleRingsOverTheGlyphRamp() {
    let heatmap = sphereHeatmap(key: sphereKey, theme: SnapshotTheme.theme)
    // The dots take the cells they pass through; the glyph ramp shows between the rings.
    #expect(
      heatmap.cells.lines == [
        "eeeeeeeeeeeeeeeeeeeeeeeeeeeeee",
        "eeeeeeeee⢀⡠⠒⠉⠉⠉⠉⠉⠉⠒⢄⡀eeeeeeeee",
        "eeeeeeee⡰⠁cccccccccc⠈⢆eeeeeeee",
        "eeeeeee⡜cccc⡠⠒⠒⠒⠒⢄cccc⢣eeeeeee",
        "eeeeeee⡇ccc⢸aaaaaa⡇ccc⢸eeeeeee",
        "eeeeeee⡇ccc⢸aaaaaa⡇ccc⢸eeeeeee",
        "eeeeeee⢣cccc⠑⠤⠤⠤⠤⠊cccc⡜eeeeeee",
        "eeeeeeee⠱⡀cccccccccc⢀⠎eeeeeeee",
        "eeeeeeeee⠈⠑⠤⣀⣀⣀⣀⣀⣀⠤⠊⠁eeeeeeeee",
        "eeeeeeeeeeeeeeeeeeeeeeeeeeeeee",
      ])
  }

  @Test func crowdedLevelsAreLeftOutWholeWhenTheyWouldMergeOrCoverTooMuchOfTheMap() throws {
    let heatmap = Heatmap(objective: sphere, key: sphereKey, theme: SnapshotTheme.theme)
    let contours = try #require(heatmap.contours)
    let count = heatmap.levels.values.count
    // The notebook's 20 quantile levels crowd round the minimum of a 30 × 10 map.
    #expect(contours.drawnLevels.count < count)
    #expect(contours.drawnLevels.first == 0)
    let budget = Int(ContourLines.coverage * 300)
    #expect(contours.grid.drawnCellCount <= budget)
    let samples = ContourLines.samplePoints(view: sphereKey.view, width: 30, height: 10).map {
      sphere.value(at: $0)
    }
    let drawnCells = cells(of: contours.grid)
    for index in 0..<count {
      let alone = ContourLines(
        samples: samples, width: 30, height: 10, levels: [heatmap.levels.values[index]])
      let own = cells(of: alone.grid)
      if contours.drawnLevels.contains(index) {
        // Every drawn level is whole: its dots are those of the level traced alone.
        #expect(dots(of: alone.grid).isSubset(of: dots(of: contours.grid)))
      } else {
        // No level was left out needlessly: it would have run into the lines drawn
        // (a fifth of its cells shared) or taken them over the budget.
        let shared = own.intersection(drawnCells).count
        #expect(
          Double(shared) > ContourLines.crowding * Double(own.count)
            || drawnCells.count + own.count - shared > budget, "level \(index)")
      }
    }
  }

  /// The cells of a grid that hold dots.
  private func cells(of grid: BrailleGrid) -> Set<Int> {
    var cells = Set<Int>()
    grid.forEachDrawnCell(usesASCII: false) { column, row, _, _ in cells.insert(row * 1000 + column)
    }
    return cells
  }

  @Test("Rosenbrock's painted map at 100×30: each drawn level's cells are unbroken lines")
  func rosenbrockLinesAreUnbrokenOnTheWholeMap() throws {
    let rosenbrock = FunctionObjective { x, y in (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x)
    }
    let key = HeatmapKey(
      function: "rosenbrock", view: ViewBox(xMin: -2, xMax: 2, yMin: -1, yMax: 3), width: 100,
      height: 30, mode: .halfBlocks, colorDepth: .truecolor)
    let heatmap = Heatmap(objective: rosenbrock, key: key, theme: .standard)
    let region = Region(x: 0, y: 0, width: 100, height: 30)
    var canvas = Canvas(width: 100, height: 30)
    MapPainter(
      projection: MapProjection(view: key.view, region: region), theme: .standard, usesASCII: false
    ).paint(into: &canvas, heatmap: heatmap, racers: [], start: nil, minima: [])
    let drawn = try #require(heatmap.contours?.drawnLevels)
    #expect(drawn.count >= 6, "\(drawn.count) levels drawn")
    let dotSamples = ContourLines.samplePoints(view: key.view, width: 100, height: 30).map {
      rosenbrock.value(at: $0)
    }
    let labelCells = Set(
      (heatmap.labels.map(\.label) + heatmap.colorBarLabels).flatMap { label in
        label.cells.map { [$0, label.row] }
      })
    for level in drawn {
      let grid = ContourLines(
        samples: dotSamples, width: 100, height: 30, levels: [heatmap.levels.values[level]]
      ).grid
      var cells = Set<[Int]>()
      for row in 0..<30 {
        for column in 0..<100 {
          guard let character = grid.character(column: column, row: row),
            let dots = character.unicodeScalars.first?.value
          else { continue }
          cells.insert([column, row])
          // On the canvas the cell shows the level's dots (maybe with another level's), or
          // the level's value written on it, or is the colour bar.
          let shown = canvas[column, row].glyph.value
          let showsDots =
            (0x2800...0x28FF).contains(shown) && (shown - 0x2800) & (dots - 0x2800) == dots - 0x2800
          #expect(
            showsDots || labelCells.contains([column, row]) || column == 99,
            "level \(level) at (\(column), \(row))")
        }
      }
      // No breaks: a line of dots closes on itself, ends at the map's edge, or turns back
      // in a hairpin thinner than a dot (one loose end); a break would leave two loose
      // ends of the level facing each other across a gap.
      let lines = components(dots(of: grid))
      var ends: [(line: Int, dot: [Int])] = []
      for (index, line) in lines.enumerated() {
        for dot in line where neighbours(of: dot, in: line) <= 1 {
          if dot[0] > 0 && dot[0] < 199 && dot[1] > 0 && dot[1] < 119 { ends.append((index, dot)) }
        }
        // A short piece is a ring round a minimum too small to show its hole.
        if line.count < 6 {
          let x = line.map { Double($0[0]) }.reduce(0, +) / Double(line.count)
          let y = line.map { Double($0[1]) }.reduce(0, +) / Double(line.count)
          let centre = rosenbrock.value(at: Point(x: -2 + (x + 0.5) / 50, y: 3 - (y + 0.5) / 30))
          #expect(centre < heatmap.levels.values[level], "level \(level): a fragment at \(line)")
        }
      }
      for (a, first) in ends.enumerated() {
        for second in ends[(a + 1)...] where second.line != first.line {
          let gap = max(abs(first.dot[0] - second.dot[0]), abs(first.dot[1] - second.dot[1]))
          #expect(gap > 3, "level \(level): a break between \(first.dot) and \(second.dot)")
        }
      }
    }
  }

  @Test func inColourTheLinesAreDotsInTheContourShadeOverTheMapsOwnColour() throws {
    var key = sphereKey
    key.colorDepth = .full256
    var plain = Theme.standard
    plain.contourColor = .none
    let without = sphereHeatmap(key: key, theme: plain)
    let with = sphereHeatmap(key: key, theme: .standard)
    let grid = try #require(with.contours?.grid)
    #expect(without.contours == nil)
    var lineCells = 0
    for row in 0..<10 {
      for column in 0..<30 {
        let cell = with.cells[column, row]
        guard let dots = grid.character(column: column, row: row) else {
          #expect(cell == without.cells[column, row], "(\(column), \(row)) is the map's fill")
          continue
        }
        lineCells += 1
        let level = try #require(grid.owner(column: column, row: row))
        let shade = try #require(
          Theme.standard.contourColor.color(
            over: Theme.standard.fillColor(shade: with.levels.shade(ofBand: level + 1))))
        let background = without.cells[column, row].background
        #expect(cell.character == dots)
        // At 256 colours the shade itself; its 8/16-colour fallbacks give way where they
        // would be the band's own colour.
        #expect(cell.foreground == shade.distinct(from: background))
        #expect(cell.foreground.index256 == shade.index256)
        #expect(cell.background == background)
      }
    }
    #expect(lineCells > 40)
  }
}

@Suite struct ContourLabelTests {
  /// The sphere on 30 × 10 cells of [−3, 3] × [−2, 2] with the levels 0.49 and 2.56.
  private let key = HeatmapKey(
    function: "sphere", view: ViewBox(xMin: -3, xMax: 3, yMin: -2, yMax: 2), width: 30,
    height: 10, mode: .cells, colorDepth: .none)
  private var heatmap: Heatmap {
    let sphere = FunctionObjective { x, y in x * x + y * y }
    return Heatmap(
      samples: Heatmap.samplePoints(view: key.view, columns: 30, rows: 10).map {
        sphere.value(at: $0)
      },
      dotSamples: ContourLines.samplePoints(view: key.view, width: 30, height: 10).map {
        sphere.value(at: $0)
      },
      levels: LevelSet(levels: [0.49, 2.56], minimum: 0, maximum: 13), key: key,
      theme: SnapshotTheme.theme)
  }
  private var painter: MapPainter {
    MapPainter(
      projection: MapProjection(view: key.view, region: Region(x: 0, y: 0, width: 30, height: 10)),
      theme: SnapshotTheme.theme, usesASCII: false)
  }

  private func paint(_ racers: [RacerDrawing], start: Point? = nil) -> [String] {
    var canvas = Canvas(width: 30, height: 10)
    painter.paint(
      into: &canvas, heatmap: heatmap,
      racers: racers.enumerated().map { (index: $0.offset, racer: $0.element) }, start: start,
      minima: [])
    return canvas.lines
  }

  @Test func theValueIsWrittenOnTheLongestLevelRunOfALineWithRoomForIt() {
    // The outer ring runs level along its top for six cells: room for "2.6" and a
    // cell of line each side. The inner ring's four level cells are too few for "0.49".
    let labels = heatmap.labels.map(\.label)
    #expect(labels == [ContourLabel(level: 1, column: 13, row: 1, text: "2.6")])
    // The whole map: the heatmap's cells, the label in place of three of the line's dots.
    var expected = heatmap.cells.lines
    expected[1] = "eeeeeeeee⢀⡠⠒⠉2.6⠉⠉⠒⢄⡀eeeeeeeee"
    #expect(paint([]) == expected)
  }

  @Test func aTrailOrAMarkerOnTheLabelHidesIt() {
    // A trail down the middle crosses the label's cells: the line shows whole instead.
    let trail = RacerDrawing(
      label: "a", styleIndex: 0, trail: [Point(x: 0.05, y: 1.95), Point(x: 0.05, y: 1.2)])
    let crossed = paint([trail])
    let line = String(heatmap.cells.lines[1].dropFirst(13).prefix(2))
    #expect(String(crossed[1].dropFirst(13).prefix(2)) == line)
    #expect(!crossed[1].contains("2.6"))
    // A start marker on it does the same.
    let marked = paint([], start: Point(x: 0.1, y: 1.55))
    #expect(String(marked[1].dropFirst(13).prefix(2)) == line)
    #expect(!marked[1].contains("2.6"))
    #expect(marked[1].contains("S"))
  }

  @Test func overBasinTintsTheLinesAreAShadeOfTheTintAndUnlabelled() throws {
    var colourKey = key
    colourKey.colorDepth = .full256
    let sphere = FunctionObjective { x, y in x * x + y * y }
    let map = Heatmap(
      samples: Heatmap.samplePoints(view: key.view, columns: 30, rows: 10).map {
        sphere.value(at: $0)
      },
      dotSamples: ContourLines.samplePoints(view: key.view, width: 30, height: 10).map {
        sphere.value(at: $0)
      },
      levels: LevelSet(levels: [0.49, 2.56], minimum: 0, maximum: 13), key: colourKey,
      theme: .standard)
    #expect(!map.labels.isEmpty)
    let basins = BasinDrawing(
      racerIndex: 0, label: "a", minima: [], columns: 30, rows: 10,
      outcomes: Array(repeating: .minimum(0), count: 300), progress: 1)
    var canvas = Canvas(width: 30, height: 10)
    MapPainter(
      projection: MapProjection(view: key.view, region: Region(x: 0, y: 0, width: 30, height: 10)),
      theme: .standard, usesASCII: false
    ).paint(into: &canvas, heatmap: map, racers: [], start: nil, minima: [], basins: basins)
    let tint = BasinDrawing.tint(minimum: 0)
    let shade = try #require(Theme.standard.contourColor.color(over: tint))
    #expect(shade != tint)
    // The whole map: the heatmap's glyphs (no label), every line's dots in the tint's shade.
    #expect(canvas.lines == map.cells.lines)
    for row in 0..<10 {
      for column in 0..<30 {
        let cell = canvas[column, row]
        #expect(cell.background == tint)
        if (0x2800...0x28FF).contains(cell.glyph.value) { #expect(cell.foreground == shade) }
      }
    }
  }
}
