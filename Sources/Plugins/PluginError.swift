/// Why a plug-in optimizer could not run or stopped, in one line a user can act on.
public struct PluginError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What went wrong, for exit statuses and legends.
  public enum Kind: String, Hashable, Sendable {
    /// No Python, numpy, torch, module or file: something to install or create.
    case missing
    /// A SPEC, object or keyword that does not fit.
    case spec
    /// The plug-in's own code raised.
    case exception
    /// A step took longer than the timeout; the helper was ended.
    case timedOut
    /// The helper ended or said something that is not the protocol.
    case protocolBroken
  }

  public var kind: Kind
  /// The one-line message.
  public var message: String
  /// The Python exception's type, for `exception`.
  public var exceptionType: String?
  /// file:line of the innermost frame of the plug-in's code, for `exception`.
  public var location: String?

  public init(
    _ kind: Kind, _ message: String, exceptionType: String? = nil, location: String? = nil
  ) {
    self.kind = kind
    self.message = message
    self.exceptionType = exceptionType
    self.location = location
  }

  /// `ZeroDivisionError: float division by zero (my_adam.py:12)`, or the message.
  public var description: String {
    var text = exceptionType.map { "\($0): \(message)" } ?? message
    if let location, !location.isEmpty { text += " (\(location))" }
    return Self.escaped(text)
  }

  /// `text` with control characters shown as escapes, so no message can drive the terminal.
  public static func escaped(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      if scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value) {
        out += scalar == "\n" ? " " : "\\u{\(String(scalar.value, radix: 16))}"
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
