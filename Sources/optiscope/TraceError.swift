/// A one-line reason why `optiscope trace` refused its input.
///
/// Thrown before anything is printed, so stdout stays empty; ArgumentParser
/// prints it as `Error: <message>` on stderr and exits non-zero.
struct TraceError: Error, CustomStringConvertible {
  let message: String

  init(_ message: String) {
    self.message = message
  }

  var description: String { message }
}
