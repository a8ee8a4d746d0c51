import ArgumentParser

/// When `render` writes colours: always, never, or when printing to a terminal.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
  case always
  case never
  case auto
}
