import Foundation
import Testing

/// `P` in the live program, in a real terminal (tmux), as a user would press it.
@Suite(
  "Saving the live figure in tmux",
  .enabled(if: TmuxSession.isAvailable, "tmux is not installed (scripts/setup installs it)"))
struct ImageInteractiveTests {
  @Test("P saves the current figure as a 1000×800 PNG in a new file, twice in two files")
  func imageKey() throws {
    let scratch = try ImageCommandTests.Scratch()
    defer { scratch.remove() }
    let binary = try OptiscopeProcess.executable().path
    let session = try TmuxSession()
    defer { session.close() }
    try session.run(
      "cd '\(scratch.url.path)' && '\(binary)' --function himmelblau --optimizer adam:lr=0.1; "
        + "echo EXIT=$?")
    try session.waitFor("adam lr=0.1 ")
    try session.type("P")
    try session.waitFor("figure saved to optiscope-")
    try session.type("P")
    // The second file is named after the same second (then "-2") or the next one.
    let deadline = Date().addingTimeInterval(15)
    while try scratch.names().filter({ $0.hasSuffix(".png") }).count < 2, Date() < deadline {
      Thread.sleep(forTimeInterval: 0.1)
    }
    try session.type("q")
    #expect(try session.waitForExit().contains("EXIT=0"))
    let names = try scratch.names()
    let images = names.filter { $0.hasPrefix("optiscope-") && $0.hasSuffix(".png") }
    #expect(images.count == 2, "\(names)")
    for image in images {
      let reading = try ImageCommandTests.read(scratch.path(image))
      #expect(reading.width == 1000 && reading.height == 800)
      #expect(reading.mapColors >= 20)
    }
  }
}
