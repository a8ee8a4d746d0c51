/// Standard base64 with padding (RFC 4648), as kitty's protocol carries image data.
enum Base64 {
  private static let alphabet = Array(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

  static func encode(_ bytes: [UInt8]) -> [UInt8] {
    var out = [UInt8](repeating: UInt8(ascii: "="), count: (bytes.count + 2) / 3 * 4)
    out.withUnsafeMutableBufferPointer { out in
      bytes.withUnsafeBufferPointer { input in
        alphabet.withUnsafeBufferPointer { table in
          var write = 0
          var read = 0
          while read + 3 <= input.count {
            let word =
              UInt32(input[read]) << 16 | UInt32(input[read + 1]) << 8 | UInt32(input[read + 2])
            out[write] = table[Int(word >> 18)]
            out[write + 1] = table[Int(word >> 12 & 63)]
            out[write + 2] = table[Int(word >> 6 & 63)]
            out[write + 3] = table[Int(word & 63)]
            read += 3
            write += 4
          }
          let left = input.count - read
          if left > 0 {
            let word = UInt32(input[read]) << 16 | (left == 2 ? UInt32(input[read + 1]) << 8 : 0)
            out[write] = table[Int(word >> 18)]
            out[write + 1] = table[Int(word >> 12 & 63)]
            if left == 2 { out[write + 2] = table[Int(word >> 6 & 63)] }
          }
        }
      }
    }
    return out
  }
}
