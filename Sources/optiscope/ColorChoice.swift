import App
import ArgumentParser

/// When to write colours (`--color`): always, never, or when printing to a terminal.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
  case always
  case never
  case auto

  /// The same choice in App's words.
  var mode: ColorPolicy.Mode {
    switch self {
    case .always: .always
    case .never: .never
    case .auto: .auto
    }
  }
}
