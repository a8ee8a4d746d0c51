import Plot

extension HelpOverlay {
  /// The `?` help of the live race: its keys, with the theme and glyphs of the screen.
  init(theme: Theme, usesASCII: Bool) {
    self.init(rows: Self.keys, theme: theme, usesASCII: usesASCII)
  }

  /// The keys of the live race and what they do, as the help lists them (kept here, with
  /// the keys' handling, so that Plot only draws them).
  static let keys: [(keys: String, action: String)] = [
    ("space  n .", "pause / resume · one step (pauses)"),
    ("r", "restart from the start point (the same noise again)"),
    ("[  ]", "fewer / more steps per frame"),
    ("Tab S-Tab o", "select next / previous optimizer, or all · o: it alone"),
    ("+  -", "learning rate \(HyperparameterNudge.learningRateFactorText) / ÷√2 (selected)"),
    ("b B v V m M", "beta1 / beta2 / momentum down / up: 1−β ×2 / ÷2, 0.9 ↔ 0.95"),
    ("k K  < >", "choose / move an optimizer's own setting (etas, history…)"),
    ("d", "settings of the selected back to the scene's (lr, betas…)"),
    ("c", "lr schedule: none → step → exponential → cosine → …"),
    ("g  G", "gradient noise σ down / up: 0, 0.01, 0.03, 0.1 … (all alike)"),
    ("1 … 9", "show / hide optimizer N"),
    ("arrows z Z 0 w", "pan · zoom in / out · reset · fit to the trails"),
    ("f F  x  j J", "next / prev function · on data: loss NLL ↔ MSE, batch ÷ / ×"),
    ("e  s", "type a function of x and y · a start point (or click)"),
    ("  editing", "← → Home End ^A ^E · ^W ^U ^K Del · ↑ ↓ earlier entries"),
    ("l t L y", "layout · next theme · leaderboard · chart log / linear"),
    ("i", "inspector: −∇f and update arrows, step, lr/√v̂, state"),
    ("a", "basins of attraction of the selected optimizer"),
    ("R  S  P", "start / stop recording · save the scene · save a PNG"),
    ("?  q", "this help · quit (also Ctrl-C)"),
  ]
}
