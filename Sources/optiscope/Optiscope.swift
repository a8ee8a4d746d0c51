import ArgumentParser

/// The `optiscope` command: the interactive race, and headless subcommands.
@main
struct Optiscope: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "optiscope",
    abstract: "Watch gradient optimizers race across 2D test functions in the terminal.",
    subcommands: [Trace.self, Levels.self, Render.self, PictureBenchmark.self]
  )
}
