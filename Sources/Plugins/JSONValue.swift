/// One value of the plug-in protocol's JSON: just what its messages use.
///
/// The protocol's messages are small flat objects sent thousands of times a
/// second, so they are read and written here directly rather than through
/// Codable. Numbers keep every bit: they are written in Swift's shortest
/// round-trip form and read back with the C library's exact conversion;
/// non-finite numbers travel as the strings "nan", "inf" and "-inf".
public enum JSONValue: Hashable, Sendable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  /// A number, written as a string when it is not finite.
  public static func real(_ value: Double) -> JSONValue {
    if value.isNaN { return .string("nan") }
    if value.isInfinite { return .string(value > 0 ? "inf" : "-inf") }
    return .number(value)
  }

  /// The member `key` of an object; nil otherwise.
  public subscript(key: String) -> JSONValue? {
    if case .object(let members) = self { return members[key] }
    return nil
  }

  /// The string, if this is one.
  public var string: String? {
    if case .string(let text) = self { return text }
    return nil
  }

  /// The number, also from "nan", "inf" and "-inf".
  public var double: Double? {
    switch self {
    case .number(let value): return value
    case .string("nan"): return .nan
    case .string("inf"): return .infinity
    case .string("-inf"): return -.infinity
    default: return nil
    }
  }

  /// The numbers of an array (a lone number counts as one).
  public var doubles: [Double]? {
    switch self {
    case .array(let items):
      let values = items.compactMap(\.double)
      return values.count == items.count ? values : nil
    default:
      return double.map { [$0] }
    }
  }

  /// The members, if this is an object.
  public var members: [String: JSONValue]? {
    if case .object(let members) = self { return members }
    return nil
  }

  /// The value as one line of JSON text, object keys sorted.
  public var text: String {
    var out = ""
    write(into: &out)
    return out
  }

  /// Appends `value` as the protocol writes a number: a JSON number (whole numbers without
  /// a fraction, the rest in Swift's shortest round-trip form), or "nan", "inf", "-inf".
  public static func write(real value: Double, into out: inout String) {
    if value.isFinite {
      writeNumber(value, into: &out)
    } else {
      out += value.isNaN ? "\"nan\"" : (value > 0 ? "\"inf\"" : "\"-inf\"")
    }
  }

  private static func writeNumber(_ value: Double, into out: inout String) {
    if value == value.rounded(.towardZero) && abs(value) < 1e15
      && !(value == 0 && value.sign == .minus)
    {
      out += String(Int64(value))
    } else {
      out += value.description
    }
  }

  private func write(into out: inout String) {
    switch self {
    case .null: out += "null"
    case .bool(let value): out += value ? "true" : "false"
    case .number(let value): Self.writeNumber(value, into: &out)
    case .string(let text): Self.quote(text, into: &out)
    case .array(let items):
      out += "["
      for (index, item) in items.enumerated() {
        if index > 0 { out += "," }
        item.write(into: &out)
      }
      out += "]"
    case .object(let members):
      out += "{"
      for (index, key) in members.keys.sorted().enumerated() {
        if index > 0 { out += "," }
        Self.quote(key, into: &out)
        out += ":"
        members[key]?.write(into: &out)
      }
      out += "}"
    }
  }

  private static func quote(_ text: String, into out: inout String) {
    out += "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    out += "\""
  }

  /// Parses one JSON text; nil when it is not JSON.
  public init?(parsing text: String) {
    self.init(parsing: ArraySlice(text.utf8))
  }

  /// Parses one JSON text given as UTF-8 bytes (a line as read from a pipe); nil when it
  /// is not JSON.
  public init?(parsing bytes: ArraySlice<UInt8>) {
    var reader = Reader(bytes: Array(bytes))
    guard let value = reader.value() else { return nil }
    reader.skipSpace()
    guard reader.index == reader.bytes.count else { return nil }
    self = value
  }

  /// A recursive-descent reader over UTF-8 bytes.
  private struct Reader {
    let bytes: [UInt8]
    var index = 0
    var depth = 0

    mutating func skipSpace() {
      while index < bytes.count {
        switch bytes[index] {
        case 0x20, 0x09, 0x0A, 0x0D: index += 1
        default: return
        }
      }
    }

    mutating func value() -> JSONValue? {
      skipSpace()
      guard index < bytes.count, depth < 64 else { return nil }
      switch bytes[index] {
      case UInt8(ascii: "{"): return object()
      case UInt8(ascii: "["): return array()
      case UInt8(ascii: "\""): return string().map(JSONValue.string)
      case UInt8(ascii: "t"): return literal("true", .bool(true))
      case UInt8(ascii: "f"): return literal("false", .bool(false))
      case UInt8(ascii: "n"): return literal("null", .null)
      default: return number()
      }
    }

    mutating func literal(_ word: String, _ value: JSONValue) -> JSONValue? {
      let expected = Array(word.utf8)
      guard bytes.count - index >= expected.count,
        Array(bytes[index..<index + expected.count]) == expected
      else { return nil }
      index += expected.count
      return value
    }

    mutating func number() -> JSONValue? {
      let start = index
      scan: while index < bytes.count {
        switch bytes[index] {
        case 0x30...0x39, 0x2B, 0x2D, 0x2E, 0x45, 0x65: index += 1
        default: break scan
        }
      }
      guard index > start,
        let text = String(validating: bytes[start..<index], as: UTF8.self),
        let value = Double(text)
      else { return nil }
      return .number(value)
    }

    mutating func string() -> String? {
      index += 1
      var scalars = String.UnicodeScalarView()
      var run = index
      func flush(_ reader: Reader, upTo end: Int) -> Bool {
        guard let part = String(validating: reader.bytes[run..<end], as: UTF8.self) else {
          return false
        }
        scalars.append(contentsOf: part.unicodeScalars)
        return true
      }
      while index < bytes.count {
        let byte = bytes[index]
        if byte == UInt8(ascii: "\"") {
          guard flush(self, upTo: index) else { return nil }
          index += 1
          return String(scalars)
        }
        if byte == UInt8(ascii: "\\") {
          guard flush(self, upTo: index), index + 1 < bytes.count else { return nil }
          let escape = bytes[index + 1]
          index += 2
          switch escape {
          case UInt8(ascii: "n"): scalars.append("\n")
          case UInt8(ascii: "t"): scalars.append("\t")
          case UInt8(ascii: "r"): scalars.append("\r")
          case UInt8(ascii: "b"): scalars.append("\u{8}")
          case UInt8(ascii: "f"): scalars.append("\u{C}")
          case UInt8(ascii: "u"):
            guard var code = hex4() else { return nil }
            if (0xD800..<0xDC00).contains(code), index + 1 < bytes.count,
              bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
            {
              index += 2
              guard let low = hex4(), (0xDC00..<0xE000).contains(low) else { return nil }
              code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            }
            scalars.append(Unicode.Scalar(code) ?? "\u{FFFD}")
          default: scalars.append(Unicode.Scalar(escape))
          }
          run = index
          continue
        }
        index += 1
      }
      return nil
    }

    mutating func hex4() -> UInt32? {
      guard bytes.count - index >= 4,
        let text = String(validating: bytes[index..<index + 4], as: UTF8.self),
        let code = UInt32(text, radix: 16)
      else { return nil }
      index += 4
      return code
    }

    mutating func array() -> JSONValue? {
      index += 1
      depth += 1
      defer { depth -= 1 }
      var items: [JSONValue] = []
      skipSpace()
      if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
        index += 1
        return .array(items)
      }
      while true {
        guard let item = value() else { return nil }
        items.append(item)
        skipSpace()
        guard index < bytes.count else { return nil }
        if bytes[index] == UInt8(ascii: ",") {
          index += 1
        } else if bytes[index] == UInt8(ascii: "]") {
          index += 1
          return .array(items)
        } else {
          return nil
        }
      }
    }

    // duplicates: alike in shape to array(); the separators and members differ.
    mutating func object() -> JSONValue? {
      index += 1
      depth += 1
      defer { depth -= 1 }
      var members: [String: JSONValue] = [:]
      skipSpace()
      if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
        index += 1
        return .object(members)
      }
      while true {
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), let key = string() else {
          return nil
        }
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
        index += 1
        guard let item = value() else { return nil }
        members[key] = item
        skipSpace()
        guard index < bytes.count else { return nil }
        if bytes[index] == UInt8(ascii: ",") {
          index += 1
        } else if bytes[index] == UInt8(ascii: "}") {
          index += 1
          return .object(members)
        } else {
          return nil
        }
      }
    }
  }
}
