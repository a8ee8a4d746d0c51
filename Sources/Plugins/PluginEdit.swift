/// What an edit of a plug-in's setting did.
public enum PluginEdit: Hashable, Sendable {
  /// The setting changed (its state kept).
  case changed
  /// The plug-in has settings, but not this one.
  case unknown(known: [String])
  /// The plug-in has no editable settings (a history function).
  case fixed
}
