import App
import ArgumentParser
import Foundation
import OptimKit
import Plot
import Terminal

/// `optiscope` (or `optiscope run`): the full-screen race, steered from the keyboard.
struct Interactive: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Race optimizers live in the terminal (the default command).",
    discussion: """
      With no options, races eight optimizers down the Rosenbrock valley. Press ? in the \
      program for every key: space pauses, + and - change the learning rate of the selected \
      optimizer (Tab selects), b/B v/V m/M move beta1, beta2 and momentum, arrows pan, z/Z \
      zoom, f/F switch function, e types a new function, s a new start point, a click on the \
      map starts there, t cycles the themes, q quits. Beyond that: g/G gradient noise, c \
      learning-rate schedules, L the leaderboard, i the inspector, a the basins of attraction.

      --theme picks a theme by name (see `optiscope themes`) or a .theme file by path; a \
      broken theme file is refused with one line naming the file, line and key. Colours \
      follow the terminal (256, 16, 8 or none) unless --colors or --color say otherwise; \
      NO_COLOR turns them off. Outside a UTF-8 locale, or with --ascii, only ASCII is drawn.

      SPEC is NAME[:KEY=VALUE[,KEY=VALUE...]] as in `optiscope trace`. Without --optimizer, \
      a built-in function races a standard set of optimizers at its own suggested learning \
      rates.

      Needs a terminal; for pictures in scripts or pipes use `optiscope render`.
      """
  )

  @OptionGroup var scene: SceneArguments

  @OptionGroup var appearance: AppearanceArguments

  @Flag(help: ArgumentHelp("The same as --color never.", visibility: .hidden))
  var noColor = false

  func run() throws {
    let scene: Scene
    do {
      scene = try self.scene.options.scene()
    } catch {
      FileHandle.standardError.write(Data("optiscope: \(error)\n".utf8))
      throw ExitCode(1)
    }
    let themes: (choices: [ThemeChoice], index: Int)
    do {
      themes = try appearance.themeSelection()
    } catch {
      FileHandle.standardError.write(Data("optiscope: \(error)\n".utf8))
      throw ExitCode(1)
    }
    let mode = noColor ? ColorPolicy.Mode.never : appearance.color.mode
    let terminal: Terminal
    do {
      terminal = try Terminal(
        maximumColorDepth: ColorPolicy.maximumDepth(mode: mode, requestedColors: appearance.colors),
        honorsNoColor: mode != .always)
    } catch {
      FileHandle.standardError.write(
        Data(
          ("optiscope: \(error); the interactive view needs a terminal "
            + "(for a picture in a pipe or file, use `optiscope render`)\n").utf8))
      throw ExitCode(1)
    }
    let signal = InteractiveLoop(
      terminal: terminal, scene: scene, themes: themes,
      usesASCII: appearance.ascii || !terminal.supportsUnicode
    ).run()
    terminal.stop()
    if let signal { throw ExitCode(128 + signal) }
  }
}
