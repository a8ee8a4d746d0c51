/// A one-line reason why `optiscope levels` or `optiscope render` refused its input.
///
/// Thrown before anything is printed, so stdout stays empty; ArgumentParser
/// prints it as `Error: <message>` on stderr and exits non-zero.
struct PictureCommandError: Error, CustomStringConvertible {
  let message: String

  init(_ message: String) {
    self.message = message
  }

  var description: String { message }
}
