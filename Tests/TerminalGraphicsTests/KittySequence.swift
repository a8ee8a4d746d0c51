import Foundation

/// kitty graphics commands read back from bytes: each `ESC _ G control ; payload ESC \`.
struct KittySequence {
  struct Command {
    var control: [String: String]
    var payload: String
  }

  var commands: [Command] = []

  init(_ bytes: [UInt8]) {
    let text = String(decoding: bytes, as: UTF8.self)
    var rest = Substring(text)
    while let start = rest.range(of: "\u{1B}_G") {
      guard let end = rest[start.upperBound...].range(of: "\u{1B}\\") else { break }
      let body = rest[start.upperBound..<end.lowerBound]
      let parts = body.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false)
      var control: [String: String] = [:]
      for pair in parts[0].split(separator: ",") {
        let keyValue = pair.split(separator: "=", maxSplits: 1)
        if keyValue.count == 2 { control[String(keyValue[0])] = String(keyValue[1]) }
      }
      commands.append(Command(control: control, payload: parts.count > 1 ? String(parts[1]) : ""))
      rest = rest[end.upperBound...]
    }
  }

  /// The image data of the transmission: the chunks' payloads joined and base64-decoded.
  var imageData: [UInt8]? {
    Data(base64Encoded: commands.map(\.payload).joined()).map { [UInt8]($0) }
  }
}
