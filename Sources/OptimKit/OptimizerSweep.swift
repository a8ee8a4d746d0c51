import RealModule

/// One optimizer at several values of one setting: `adam:lr=1e-3..1,count=9`.
///
/// The text is a SPEC in which exactly one value is a range `LOW..HIGH`, plus
/// two sweep keys: `count` (how many values, 2 to 64; default 5) and
/// `spacing` (`log` or `linear`). Spacing defaults to `log` for the
/// scale-like settings `lr`, `eps`, `weight_decay`, `lr_decay`, `damping`
/// and `eta_min`/`min_lr` (numpy's `logspace`: LOW·(HIGH/LOW)^(k/(count−1))),
/// and to `linear` for every other one (`beta1=0.5..0.99`); log spacing needs
/// LOW > 0. Both ends are included exactly. Settings that count steps
/// (`T`, `step_size`, …) are rounded to whole numbers. Every other key is
/// passed through unchanged, so each member is an ordinary SPEC and is
/// validated as one. Members are labelled `adam lr=0.001` (3 significant
/// digits) so a legend, table or small multiple can tell them apart.
public struct OptimizerSweep: Hashable, Sendable, CustomStringConvertible {
  public enum Spacing: String, Hashable, Sendable {
    case log
    case linear
  }

  /// One expanded optimizer: its label and its spec.
  public struct Member: Hashable, Sendable {
    public let label: String
    public let spec: OptimizerSpec
    /// The swept setting's value for this member.
    public let value: Double
  }

  /// The optimizer name as typed.
  public let name: String
  /// The swept key as typed (`lr`).
  public let key: String
  public let lower: Double
  public let upper: Double
  public let count: Int
  public let spacing: Spacing
  /// The other KEY=VALUE items, as typed.
  public let fixed: [String]

  /// Largest `count` accepted, so a typo cannot start hundreds of racers.
  public static let maximumCount = 64

  /// Keys swept on a log scale unless `spacing=linear` is given.
  static let logarithmicKeys: Set<String> = [
    "lr", "eps", "weight_decay", "lr_decay", "damping", "eta_min", "min_lr",
  ]

  /// Parses the sweep text; throws `SweepError` with a one-line reason.
  public init(parsing text: String) throws(SweepError) {
    let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
    guard parts.count == 2, !parts[0].isEmpty else {
      throw SweepError(text, "expected NAME:KEY=LOW..HIGH[,count=N][,spacing=log|linear]")
    }
    var range: (key: String, lower: Double, upper: Double)?
    var count: Int?
    var spacing: Spacing?
    var fixed: [String] = []
    for item in parts[1].split(separator: ",", omittingEmptySubsequences: false) {
      let pair = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      guard pair.count == 2, !pair[0].isEmpty else {
        throw SweepError(text, "'\(item)' is not KEY=VALUE")
      }
      let key = String(pair[0])
      let value = pair[1].trimmingSpaces()
      switch key.lowercased() {
      case "count":
        guard count == nil else { throw SweepError(text, "count is given twice") }
        guard let number = Int(value), (2...Self.maximumCount).contains(number) else {
          throw SweepError(text, "count must be a whole number from 2 to \(Self.maximumCount)")
        }
        count = number
      case "spacing":
        guard spacing == nil else { throw SweepError(text, "spacing is given twice") }
        guard let chosen = Spacing(rawValue: value.lowercased()) else {
          throw SweepError(text, "spacing must be log or linear, got '\(value)'")
        }
        spacing = chosen
      default:
        if let dots = value.firstRange(of: "..") {
          guard range == nil else {
            throw SweepError(text, "only one KEY may have a range LOW..HIGH")
          }
          let lowText = value[..<dots.lowerBound]
          let highText = value[dots.upperBound...]
          // "1e-3...1" would otherwise read as 1e-3..0.1 (".1"): a range has exactly two dots.
          guard !highText.hasPrefix(".") else {
            throw SweepError(text, "'\(key)=\(value)' has more than two dots: write LOW..HIGH")
          }
          let low = Double(lowText)
          let high = Double(highText)
          guard let low, let high, low.isFinite, high.isFinite, low != high else {
            throw SweepError(text, "'\(key)=\(value)' is not a range of two different numbers")
          }
          range = (key, low, high)
        } else {
          fixed.append(String(item))
        }
      }
    }
    guard let range else {
      throw SweepError(text, "give one KEY=LOW..HIGH, e.g. lr=1e-3..1")
    }
    let chosen =
      spacing ?? (Self.logarithmicKeys.contains(range.key.lowercased()) ? .log : .linear)
    if chosen == .log && (range.lower <= 0 || range.upper <= 0) {
      throw SweepError(text, "log spacing needs LOW and HIGH > 0; add spacing=linear")
    }
    self.name = String(parts[0])
    self.key = range.key
    self.lower = range.lower
    self.upper = range.upper
    self.count = count ?? 5
    self.spacing = chosen
    self.fixed = fixed
  }

  /// Whether the swept key counts steps (schedule settings such as `T`).
  private var isWholeNumber: Bool { ScheduleParameter(name: key)?.isWholeNumber ?? false }

  /// The swept values, from `lower` to `upper`, ends included exactly.
  public var values: [Double] {
    (0..<count).map { k in
      let value: Double
      if k == 0 {
        value = lower
      } else if k == count - 1 {
        value = upper
      } else {
        let fraction = Double(k) / Double(count - 1)
        switch spacing {
        // In logarithms: upper / lower itself overflows for 1e-300..1e300.
        case .log:
          value = Double.exp(Double.log(lower) + (Double.log(upper) - Double.log(lower)) * fraction)
        // Weighted, so that -1e308..1e308 does not overflow in upper − lower.
        case .linear: value = lower * (1 - fraction) + upper * fraction
        }
      }
      return isWholeNumber ? value.rounded() : value
    }
  }

  /// Expands into one spec per value; throws `SweepError` when a member is not a valid SPEC.
  public func members() throws(SweepError) -> [Member] {
    var members: [Member] = []
    for value in values {
      let settings = fixed + ["\(key)=\(value.description)"]
      let text = name + ":" + settings.joined(separator: ",")
      let spec: OptimizerSpec
      do {
        spec = try OptimizerSpec(parsing: text)
      } catch {
        throw SweepError(description, "\(error)")
      }
      let label = "\(spec.kind.name) \(key)=\(Self.format(value))"
      members.append(Member(label: label, spec: spec, value: value))
    }
    return members
  }

  /// 3 significant digits, no trailing zeros: 0.001, 0.00237, 1, 1e-05.
  static func format(_ value: Double) -> String {
    CNumberText.format("%.3g", value)
  }

  public var description: String {
    let items =
      ["\(key)=\(lower.description)..\(upper.description)", "count=\(count)", "spacing=\(spacing)"]
      + fixed
    return name + ":" + items.joined(separator: ",")
  }
}
