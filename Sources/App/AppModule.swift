// The App module: Model, Msg, update, view. Filled by the interactive-terminal work.
