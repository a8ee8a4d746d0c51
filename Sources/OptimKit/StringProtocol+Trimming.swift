extension StringProtocol {
  /// The text without leading and trailing spaces and tabs (Unicode space separators
  /// included): what a value typed around `=` or `,` may carry.
  package func trimmingSpaces() -> String {
    func isSpace(_ character: Character) -> Bool {
      character.unicodeScalars.allSatisfy {
        $0 == "\t" || $0.properties.generalCategory == .spaceSeparator
      }
    }
    guard let first = firstIndex(where: { !isSpace($0) }),
      let last = lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(self[first...last])
  }
}
