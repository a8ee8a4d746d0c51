import ArgumentParser
import Plot
import Terminal

#if canImport(Glibc)
  import Glibc
#endif

/// A hidden check of the Terminal module: colours, wide glyphs, keys, clicks, resizes.
struct TerminalDemo: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "terminal-demo", abstract: "Exercise the terminal layer.", shouldDisplay: false)

  @Flag var paused = false
  @Flag var crash = false

  func run() throws {
    let terminal: Terminal
    do {
      terminal = try Terminal()
    } catch {
      print("optiscope: \(error)")
      throw ExitCode(2)
    }
    defer { terminal.stop() }
    var log: [String] = []
    var tick = 0
    while true {
      let (width, height) = terminal.size
      var canvas = Canvas(width: width, height: height)
      for row in 0..<height {
        for column in 0..<width {
          let shade = UInt8(16 + (column + row + tick) % 216)
          canvas[column, row] = Cell(
            row % 2 == 0 ? "▀" : "⣿", foreground: .xterm(shade, fallback: UInt8(column % 16)),
            background: .xterm(UInt8(232 + row % 24), fallback: UInt8(row % 8)))
        }
      }
      canvas.write(
        "┌─ depth \(terminal.colorDepth) utf8 \(terminal.supportsUnicode) size \(width)x\(height) tick \(tick) ─┐",
        x: 0, y: 0, attributes: .bold)
      for (index, line) in log.suffix(max(0, height - 2)).enumerated() {
        canvas.write(line, x: 1, y: index + 1)
      }
      canvas.write("END", x: width - 3, y: height - 1, attributes: .reverse)
      terminal.draw(canvas)
      let event = terminal.nextEvent(timeout: paused ? nil : .milliseconds(200))
      if event == .timeout {
        tick += 1
        continue
      }
      log.append("\(event)")
      switch event {
      case .character("q"), .interrupt, .endOfInput: return
      case .character("x") where crash:
        let values: [Int] = []
        _ = values[log.count]
      case .signal(let number):
        terminal.stop()
        throw ExitCode(128 + number)
      default: break
      }
    }
  }
}
