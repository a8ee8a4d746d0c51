/// A one-line reason why a command refused its input, in the executable's own words.
///
/// Thrown before anything is printed, so stdout stays empty; `Optiscope.main()`
/// prints it as `optiscope: <message>` on stderr and exits with status 1. A
/// module's typed error needs no wrapping in one: it is a `Refusal`, reported
/// the same way.
struct CommandError: Error, CustomStringConvertible {
  let message: String

  init(_ message: String) {
    self.message = message
  }

  var description: String { message }
}
