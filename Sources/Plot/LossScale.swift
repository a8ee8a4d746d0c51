/// How the loss chart's y axis is scaled: by decades, or evenly.
///
/// A log scale shows convergence (each decade as tall as the next); a linear
/// one shows the first steps' fall as the size it really is, which a log scale
/// flattens (`y` switches live).
public enum LossScale: String, Hashable, Sendable, CaseIterable {
  case log
  case linear
}
