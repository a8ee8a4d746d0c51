import Plot

@testable import Terminal

/// A `Terminal` over a `MemoryBackend`, as the program would have it on a real screen.
enum TerminalFixture {
  static func terminal(
    width: Int = 10, height: Int = 3, colorDepth: ColorDepth = .full256, pairCount: Int = 256,
    colorCount: Int = 256, hasDefaultColors: Bool = true
  ) -> (Terminal, MemoryBackend) {
    let backend = MemoryBackend(width: width, height: height, lastPair: Int32(pairCount - 1))
    let terminal = Terminal(
      backend: backend, colorDepth: colorDepth, supportsUnicode: true, pairCount: pairCount,
      colorCount: colorCount, hasDefaultColors: hasDefaultColors)
    return (terminal, backend)
  }
}
