import Plugins
import Testing

/// The protocol's JSON and the plug-in SPEC grammar, without Python.
struct ProtocolTextTests {
  @Test(arguments: [
    0.1, -1.5, 1e-300, 5e-324, 1.7976931348623157e308, -0.0, 3, 0.30000000000000004,
  ])
  func numbersRoundTripBitwise(value: Double) throws {
    let text = JSONValue.object(["x": .real(value)]).text
    let back = try #require(JSONValue(parsing: text)?["x"]?.double)
    #expect(back.bitPattern == value.bitPattern, "\(text)")
  }

  @Test func nonFiniteNumbersTravelAsStrings() throws {
    let text = JSONValue.array([.real(.nan), .real(.infinity), .real(-.infinity)]).text
    #expect(text == #"["nan","inf","-inf"]"#)
    let back = try #require(JSONValue(parsing: text)?.doubles)
    #expect(back[0].isNaN && back[1] == .infinity && back[2] == -.infinity)
  }

  @Test func stringsWithEscapesAndNonASCIIRoundTrip() throws {
    let original = "line\none \"quoted\" \\ tab\t \u{1B}[31m ∇f 🙂"
    let text = JSONValue.string(original).text
    #expect(!text.contains("\n") && !text.contains("\u{1B}"))
    #expect(JSONValue(parsing: text)?.string == original)
    #expect(JSONValue(parsing: #""\ud83d\ude42 \u00e9""#)?.string == "🙂 é")
  }

  @Test(arguments: ["", "{", "[1,]", "{\"a\" 1}", "nul", "\"unterminated", "1 2"])
  func malformedTextIsRefused(text: String) {
    #expect(JSONValue(parsing: text) == nil)
  }

  @Test func pluginSpecsAreToldFromBuiltInOnes() {
    #expect(PluginSpec.isPlugin("my_adam.py:My_Adam:lr=0.1,betas=(0.9,0.99)"))
    #expect(PluginSpec.isPlugin("torch.optim:Rprop:lr=0.01"))
    #expect(PluginSpec.isPlugin("pytorch_optimizer:Prodigy"))
    #expect(PluginSpec.isPlugin("my_adam.py"))
    #expect(!PluginSpec.isPlugin("adam:lr=0.1"))
    #expect(!PluginSpec.isPlugin("adam"))
    #expect(!PluginSpec.isPlugin("sgd:lr=0.1,momentum=0.9"))
  }

  @Test func keywordsKeepTheirColonsAndCommas() throws {
    let spec = try PluginSpec(parsing: "my_adam.py:My_Adam:lr=0.1,betas=(0.9,0.99),name='a:b'")
    #expect(spec.source == "my_adam.py")
    #expect(spec.object == "My_Adam")
    #expect(spec.keywords == "lr=0.1,betas=(0.9,0.99),name='a:b'")
  }

  @Test(arguments: ["my_adam.py", "my_adam.py:", ":X", "my_adam.py:My-Adam"])
  func incompleteSpecsAreRefused(text: String) {
    #expect(throws: PluginError.self) { try PluginSpec(parsing: text) }
  }

  @Test func controlCharactersInMessagesAreShownEscaped() {
    let error = PluginError(
      .exception, "bad \u{1B}[2J value", exceptionType: "ValueError", location: "a.py:3")
    #expect(error.description == "ValueError: bad \\u{1b}[2J value (a.py:3)")
  }
}
