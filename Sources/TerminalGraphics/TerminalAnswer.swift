/// What a terminal said to optiscope's questions (see `TerminalProbe`), read from the
/// bytes it sent back.
///
/// Terminals answer in the order asked, and every terminal of the last forty years
/// answers the primary device attributes (`CSI c`), which is asked last: once its
/// reply is in, the terminal has said all it will, and a kitty graphics reply that
/// did not come before it will not come.
public struct TerminalAnswer: Hashable, Sendable {
  /// The kitty graphics query was answered `OK`.
  public var kittyGraphics = false
  /// The primary device attributes' parameters (`CSI ? 62 ; 4 ; 22 c` gives 62, 4, 22).
  public var deviceAttributes: [Int] = []
  /// Whether the device attributes came (the end of the answer).
  public var isComplete = false
  /// The cell size from `CSI 16 t`'s reply `CSI 6 ; height ; width t`.
  public var cellSize: CellSize?
  /// The sixel colour registers from XTSMGRAPHICS's reply `CSI ? 1 ; 0 ; N S`.
  public var colorRegisters: Int?

  /// Attribute 4 of the primary device attributes: the terminal draws sixels.
  public var sixel: Bool { deviceAttributes.dropFirst().contains(4) }

  public init() {}

  /// Reads every reply in `bytes`; anything else in them (keys typed meanwhile) is skipped.
  public init(parsing bytes: [UInt8]) {
    var index = 0
    let escape: UInt8 = 0x1B
    while index < bytes.count {
      guard bytes[index] == escape, index + 1 < bytes.count else {
        index += 1
        continue
      }
      switch bytes[index + 1] {
      case UInt8(ascii: "_"):
        // APC … ST: kitty's reply `_Gi=31;OK`.
        var end = index + 2
        while end + 1 < bytes.count, !(bytes[end] == escape && bytes[end + 1] == UInt8(ascii: "\\"))
        {
          end += 1
        }
        let body = String(decoding: bytes[(index + 2)..<min(end, bytes.count)], as: UTF8.self)
        if body.hasPrefix("G"), body.contains("i=31"), body.hasSuffix(";OK") {
          kittyGraphics = true
        }
        index = end + 2
      case UInt8(ascii: "["):
        // CSI: parameters and intermediates (0x20…0x3F), then a final byte (0x40…0x7E).
        var end = index + 2
        while end < bytes.count, (0x20...0x3F).contains(bytes[end]) { end += 1 }
        guard end < bytes.count else { return }
        let parameters = String(decoding: bytes[(index + 2)..<end], as: UTF8.self)
        read(csi: parameters, final: bytes[end])
        index = end + 1
      default:
        index += 1
      }
    }
  }

  private mutating func read(csi parameters: String, final: UInt8) {
    let isPrivate = parameters.hasPrefix("?")
    let numbers = parameters.drop(while: { $0 == "?" }).split(
      separator: ";", omittingEmptySubsequences: false
    ).map { Int($0) ?? -1 }
    switch (final, isPrivate) {
    case (UInt8(ascii: "c"), true):
      deviceAttributes = numbers
      isComplete = true
    case (UInt8(ascii: "t"), false) where numbers.count == 3 && numbers[0] == 6:
      cellSize = CellSize(checkedWidth: numbers[2], height: numbers[1])
    case (UInt8(ascii: "S"), true) where numbers.count == 3 && numbers[0] == 1 && numbers[1] == 0:
      colorRegisters = numbers[2] > 0 ? numbers[2] : nil
    default:
      break
    }
  }
}
