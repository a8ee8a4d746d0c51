import OptimKit

/// What one `check` case found, with its report line.
public struct PluginCheckResult: Sendable {
  /// How the plug-in compared with the reference.
  public enum Verdict: Sendable {
    /// Every point equal to the last bit.
    case bitwise
    /// Equal within the tolerance; the largest relative difference seen.
    case withinRounding(largest: Double)
    /// Left the reference at a step.
    case differs(PluginDifference)
    /// The plug-in stopped giving points (a history function's list ran out) after `step`.
    case ended(step: Int)
    /// The plug-in could not run or raised.
    case failed(PluginError)
    /// f or ∇f is not a number at the start (`step` 0), or the reference's point at `step`
    /// is not a number (the two agreeing until then): nothing more can be compared, and the
    /// plug-in is not to blame.
    case undefined(step: Int, at: Point)
  }

  public var name: String
  public var steps: Int
  public var verdict: Verdict
  /// What the plug-in printed.
  public var printed: String = ""

  public init(name: String, steps: Int, verdict: Verdict, printed: String = "") {
    self.name = name
    self.steps = steps
    self.verdict = verdict
    self.printed = printed
  }

  /// Whether the plug-in agreed with the reference.
  public var agrees: Bool {
    switch verdict {
    case .bitwise, .withinRounding: true
    default: false
    }
  }

  /// Whether the plug-in could not run (exit status 2).
  public var failed: Bool {
    if case .failed = verdict { return true }
    return false
  }

  // duplicates: a switch over cases to one line of text, alike in shape to TerminalError's only.
  /// The report: one line, then one for a setting and one for a state variable that differ.
  public var text: String {
    switch verdict {
    case .bitwise:
      return "\(name): equal for \(steps) steps (bitwise)"
    case .withinRounding(let largest):
      return
        "\(name): equal for \(steps) steps up to rounding (largest relative difference \(Self.short(largest)))"
    case .differs(let difference):
      var text =
        "\(name): first difference at step \(difference.step): (x, y) = \(Self.point(difference.yours)) yours, \(Self.point(difference.reference)) reference (relative difference \(Self.short(difference.relative)))"
      if let setting = difference.setting {
        text +=
          "\n  setting \(setting.name) is \(setting.yours) yours, \(setting.reference) reference"
      }
      if let state = difference.state {
        text +=
          "\n  state \(state.name) differs from step \(state.step): \(Self.list(state.yours)) yours, \(Self.list(state.reference)) reference"
      }
      return text
    case .ended(let step):
      return "\(name): the plug-in gave only \(step) of \(steps) steps"
    case .failed(let error):
      return "\(name): could not run: \(error)"
    case .undefined(let step, let point):
      if step == 0 {
        return
          "\(name): f or its gradient is undefined at the start (x, y) = \(Self.point(point)): nothing to compare (choose another --start)"
      }
      return
        "\(name): equal for \(step - 1) steps; the reference's step \(step) reaches (x, y) = \(Self.point(point)), where f or its gradient is undefined: nothing more to compare"
    }
  }

  /// The result as one JSON line, for autograders.
  public var json: String {
    var fields: [String: JSONValue] = [
      "case": .string(name), "steps": .number(Double(steps)), "text": .string(text),
    ]
    switch verdict {
    case .bitwise:
      fields["result"] = .string("equal")
      fields["bitwise"] = .bool(true)
      fields["largest_relative_difference"] = .number(0)
    case .withinRounding(let largest):
      fields["result"] = .string("equal")
      fields["bitwise"] = .bool(false)
      fields["largest_relative_difference"] = .real(largest)
    case .differs(let difference):
      fields["result"] = .string("differs")
      fields["step"] = .number(Double(difference.step))
      fields["yours"] = .array([.real(difference.yours.x), .real(difference.yours.y)])
      fields["reference"] = .array([.real(difference.reference.x), .real(difference.reference.y)])
      fields["relative_difference"] = .real(difference.relative)
      if let setting = difference.setting {
        fields["setting"] = .object([
          "name": .string(setting.name), "yours": .real(setting.yours),
          "reference": .real(setting.reference),
        ])
      }
      if let state = difference.state {
        fields["state"] = .object([
          "name": .string(state.name), "step": .number(Double(state.step)),
          "yours": .array(state.yours.map(JSONValue.real)),
          "reference": .array(state.reference.map(JSONValue.real)),
        ])
      }
    case .ended(let step):
      fields["result"] = .string("ended")
      fields["step"] = .number(Double(step))
    case .undefined(let step, let point):
      fields["result"] = .string("undefined")
      fields["step"] = .number(Double(step))
      fields["reference"] = .array([.real(point.x), .real(point.y)])
    case .failed(let error):
      fields["result"] = .string("error")
      fields["error"] = .string(error.description)
      fields["kind"] = .string(error.kind.rawValue)
    }
    return JSONValue.object(fields).text
  }

  static func point(_ point: Point) -> String { "(\(point.x), \(point.y))" }

  static func list(_ values: [Double]) -> String {
    values.count == 1 ? "\(values[0])" : "(" + values.map { "\($0)" }.joined(separator: ", ") + ")"
  }

  static func short(_ value: Double) -> String {
    guard value.isFinite, value != 0 else { return "\(value)" }
    var exponent = 0
    var mantissa = value
    while abs(mantissa) >= 10 {
      mantissa /= 10
      exponent += 1
    }
    while abs(mantissa) < 1 {
      mantissa *= 10
      exponent -= 1
    }
    let rounded = (mantissa * 10).rounded() / 10
    return "\(rounded)e\(exponent)"
  }
}
