import App
import OptimKit
import Plot
import PlotImage
import Plugins
import Terminal
import TerminalGraphics

/// An error whose description is already the one line `optiscope:` reports: each module's
/// typed error, so a command may let it through instead of turning it into a string.
///
/// `Optiscope.reason(for:)` is the one place that turns any error into its
/// report: a refusal's description as it is, anything else (ArgumentParser's
/// usage errors) made one line.
///
/// One typed error a module, where the module is one subject: Plot's
/// `ThemeError`, PlotImage's `ImageError`, Plugins' `PluginError`, Terminal's
/// `TerminalError`, TerminalGraphics' `SixelEncoder.Failure`. OptimKit keeps
/// four, one a language its users write (optimizer specs, schedules,
/// sweeps, expressions), each thrown typed by its own parser and named in the
/// parser's `throws(...)`; `OptimizerError.schedule` already wraps the
/// schedule's. Its `DataSetError` names a CSV file's row, as users wrote it. App keeps `SceneOptions.Problem` (scene options and files)
/// and `RecordingLog.Problem` (log lines, with their line numbers). The
/// executable's I/O failures (`FileSink.Failure`, `StandardStream.Failure`)
/// carry what their callers decide on (an existing file, a broken pipe).
protocol Refusal: Error, CustomStringConvertible {}

extension CommandError: Refusal {}
extension FileSink.Failure: Refusal {}
extension StandardStream.Failure: Refusal {}
extension OptimizerError: Refusal {}
extension ScheduleError: Refusal {}
extension SweepError: Refusal {}
extension ExpressionError: Refusal {}
extension ThemeError: Refusal {}
extension ImageError: Refusal {}
extension SceneOptions.Problem: Refusal {}
extension RecordingLog.Problem: Refusal {}
extension TerminalError: Refusal {}
extension SixelEncoder.Failure: Refusal {}
extension PluginError: Refusal {}
extension DataSetError: Refusal {}
