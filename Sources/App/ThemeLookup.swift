import Plot

/// Turns the theme a scene file or a log's header names — a theme's name or a file's
/// path — into the themes `t` cycles through, with that one current.
///
/// App never reads theme files or the environment itself: the runtime builds its
/// catalog of the theme folders and hands in its `select` (the executable's
/// `ThemeCatalog.select`), and App only calls it. Throws the theme's own error,
/// or says which themes exist.
public typealias ThemeLookup = (String) throws(ThemeError) -> (
  choices: [ThemeChoice], index: Int
)
