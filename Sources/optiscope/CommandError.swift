/// A one-line reason why a command refused its input.
///
/// Thrown before anything is printed, so stdout stays empty; `Optiscope.main()`
/// prints it as `optiscope: <message>` on stderr and exits with status 1.
struct CommandError: Error, CustomStringConvertible {
  let message: String

  init(_ message: String) {
    self.message = message
  }

  var description: String { message }
}
