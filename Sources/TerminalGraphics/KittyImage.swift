/// kitty graphics protocol sequences: an image sent as PNG, in base64 chunks, and
/// shown at the cursor; and its deletion.
///
/// One image id serves the whole run: sending an image under an id that exists
/// replaces it and its placement, so each frame takes the last one's place and
/// nothing piles up in the terminal's memory. Every command says `q=2` (no
/// replies, which would otherwise arrive as input) and `C=1` (the cursor stays).
public enum KittyImage {
  /// The base64 characters per chunk (the protocol's limit is 4096).
  public static let chunkSize = 4096

  /// The commands that send `png` under `id` and show it over `columns` × `rows` cells at
  /// the cursor.
  public static func place(png: [UInt8], id: Int, columns: Int, rows: Int) -> [UInt8] {
    let encoded = Base64.encode(png)
    var out: [UInt8] = []
    out.reserveCapacity(encoded.count + encoded.count / chunkSize * 16 + 96)
    var offset = 0
    repeat {
      let end = min(offset + chunkSize, encoded.count)
      let more = end < encoded.count ? 1 : 0
      let control =
        offset == 0
        ? "a=T,f=100,t=d,i=\(id),p=1,q=2,C=1,c=\(columns),r=\(rows),m=\(more)" : "m=\(more)"
      out += Array("\u{1B}_G\(control);".utf8)
      out += encoded[offset..<end]
      out += [0x1B, UInt8(ascii: "\\")]
      offset = end
    } while offset < encoded.count
    return out
  }

  /// The command that deletes image `id` with its data (`d=I`), so nothing stays behind.
  public static func delete(id: Int) -> [UInt8] {
    Array("\u{1B}_Ga=d,d=I,i=\(id),q=2\u{1B}\\".utf8)
  }
}
