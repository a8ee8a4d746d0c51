import OptimKit
import Plugins

/// A `--sweep` over a plug-in's keyword: `torch.optim:Adam:lr=1e-2..1,count=3`.
///
/// The text is a plug-in SPEC whose keywords hold one `KEY=LOW..HIGH` and the
/// sweep keys `count` and `spacing`, read as a built-in sweep reads them
/// (`OptimizerSweep`: the same spacing rules and limits); every other keyword
/// is kept as written, so a Python literal with commas (`betas=(0.9,0.99)`)
/// stays whole. Each member is the plug-in SPEC with `KEY=VALUE` in place of the
/// range, raced as any `--optimizer` plug-in is.
enum PluginSweep {
  /// The plug-in SPECs of the sweep `text`, in order; throws `CommandError` in one line.
  static func members(_ text: String) throws -> [String] {
    let spec: PluginSpec
    do {
      spec = try PluginSpec(parsing: text)
    } catch {
      throw CommandError("bad --sweep '\(text)': \(error.message)")
    }
    var swept: [String] = []
    var fixed: [String] = []
    for item in topLevelItems(spec.keywords) {
      let key = item.split(separator: "=", maxSplits: 1).first.map(String.init) ?? ""
      let trimmed = key.trimmingSpaces().lowercased()
      if trimmed == "count" || trimmed == "spacing" || item.contains("..") {
        swept.append(item.trimmingSpaces())
      } else {
        fixed.append(item)
      }
    }
    let sweep: OptimizerSweep
    do {
      // The name is a placeholder: only the range and the sweep keys are read.
      sweep = try OptimizerSweep(parsing: "sweep:" + swept.joined(separator: ","))
    } catch {
      throw CommandError("bad --sweep '\(text)': \(error.reason)")
    }
    return sweep.values.map { value in
      let keywords = fixed + ["\(sweep.key)=\(value.description)"]
      return PluginSpec(
        source: spec.source, object: spec.object, keywords: keywords.joined(separator: ",")
      ).text
    }
  }

  /// `text` split at the commas outside brackets and quotes.
  static func topLevelItems(_ text: String) -> [String] {
    var items: [String] = []
    var current = ""
    var depth = 0
    var quote: Character?
    for character in text {
      if let open = quote {
        if character == open { quote = nil }
      } else if character == "\"" || character == "'" {
        quote = character
      } else if "([{".contains(character) {
        depth += 1
      } else if ")]}".contains(character) {
        depth -= 1
      } else if character == ",", depth == 0 {
        items.append(current)
        current = ""
        continue
      }
      current.append(character)
    }
    if !current.isEmpty || !items.isEmpty { items.append(current) }
    return items
  }

  /// `sweeps` without the plug-in sweeps, and the plug-in SPECs those expand to.
  static func split(_ sweeps: [String]) throws -> (builtIn: [String], plugins: [String]) {
    var plugins: [String] = []
    for text in sweeps where PluginSpec.isPlugin(text) {
      plugins += try members(text)
    }
    return (sweeps.filter { !PluginSpec.isPlugin($0) }, plugins)
  }
}
