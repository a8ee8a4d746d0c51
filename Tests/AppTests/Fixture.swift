import App
import OptimKit
import Plot
import Testing

/// A small race on Himmelblau that the tests drive with messages.
enum Fixture {
  static let specs = ["sgd:lr=0.01", "adam:lr=0.1", "momentum:lr=0.01,momentum=0.9"]

  static func model(width: Int = 120, height: Int = 40) throws -> Model {
    let himmelblau = try #require(TestFunction.named("himmelblau"))
    let scene = Scene(
      function: FunctionChoice(himmelblau),
      specs: try specs.map { try OptimizerSpec(parsing: $0) })
    return Model(scene: scene, width: width, height: height)
  }

  /// Sends messages in order, collecting every effect.
  static func send(_ messages: [Msg], to model: Model) -> (Model, [Effect]) {
    var model = model
    var effects: [Effect] = []
    for message in messages {
      let (next, more) = update(model, message)
      model = next
      effects += more
    }
    return (model, effects)
  }

  /// Messages that type `text` key by key.
  static func typing(_ text: String) -> [Msg] {
    text.map { .key(.character($0)) }
  }

  static func key(_ character: Character) -> Msg { .key(.character(character)) }

  /// The screen as plain text, one string.
  static func screen(_ model: Model) -> String {
    view(model).lines.joined(separator: "\n")
  }
}
