/// An `--optimizer` SPEC that names a Python optimizer rather than a built-in one.
///
/// `SOURCE:OBJECT[:KEYWORDS]`: SOURCE is a Python file (`my_adam.py`, any
/// path) or an importable module (`torch.optim`, `pytorch_optimizer`); OBJECT
/// names a class or function in it; KEYWORDS are `KEY=VALUE` pairs of Python
/// literals (`lr=0.1,betas=(0.9,0.99)`), parsed by the helper with
/// `ast.literal_eval`, so commas inside brackets belong to the value. The
/// source `@` names objects served by the notebook package's own process.
public struct PluginSpec: Hashable, Sendable {
  /// The file or module the object comes from.
  public var source: String
  /// The object's name in it (dots reach into nested names).
  public var object: String
  /// The keyword arguments as written.
  public var keywords: String

  public init(source: String, object: String, keywords: String = "") {
    self.source = source
    self.object = object
    self.keywords = keywords
  }

  /// The SPEC as written: `source:object[:keywords]`.
  public var text: String {
    keywords.isEmpty ? "\(source):\(object)" : "\(source):\(object):\(keywords)"
  }

  /// The racer's name in legends and reports: the object, with its keywords.
  public var label: String {
    keywords.isEmpty ? object : "\(object):\(keywords)"
  }

  /// Whether `text` names a plug-in: its first part is a Python file, or its second part
  /// is an object name (no `=` in it), unlike a built-in's `adam:lr=0.1`.
  public static func isPlugin(_ text: String) -> Bool {
    let parts = text.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
    guard let first = parts.first else { return false }
    if first.hasSuffix(".py") || first.hasPrefix("@") { return true }
    return parts.count >= 2 && !parts[1].contains("=") && !parts[1].isEmpty
  }

  /// Reads `SOURCE:OBJECT[:KEYWORDS]`.
  public init(parsing text: String) throws(PluginError) {
    let parts = text.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false).map {
      String($0).trimmingSpaces()
    }
    guard parts.count >= 2, !parts[0].isEmpty, !parts[1].isEmpty else {
      throw PluginError(
        .spec,
        "plug-in SPEC '\(text)' needs SOURCE:OBJECT[:KEYWORDS], e.g. my_adam.py:My_Adam:lr=0.1 or torch.optim:Adam"
      )
    }
    guard parts[1].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }) else {
      throw PluginError(.spec, "plug-in SPEC '\(text)': '\(parts[1])' is not a Python name")
    }
    self.init(source: parts[0], object: parts[1], keywords: parts.count > 2 ? parts[2] : "")
  }
}

extension String {
  /// The text without leading and trailing spaces and tabs.
  func trimmingSpaces() -> String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
      let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" })
    else { return "" }
    return String(scalars[first...last])
  }
}
