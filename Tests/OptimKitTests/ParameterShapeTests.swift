import OptimKit
import Testing

/// `shape=vector|scalars|matrix` in a SPEC: parsed, written back only when not the default,
/// refused where torch refuses it (in torch's words), and changing Adafactor's math.
@Suite struct ParameterShapeTests {
  @Test func defaultsAreWhatTorchAccepts() throws {
    #expect(try OptimizerSpec(parsing: "adam").shape == .vector)
    #expect(try OptimizerSpec(parsing: "muon").shape == .matrix)
    #expect(try OptimizerSpec(parsing: "adam:shape=Scalars").shape == .scalars)
  }

  @Test func descriptionShowsOnlyAShapeOtherThanTheDefault() throws {
    #expect(try OptimizerSpec(parsing: "adam:shape=vector").description == "adam")
    #expect(try OptimizerSpec(parsing: "muon:shape=matrix").description == "muon")
    let spec = try OptimizerSpec(parsing: "adafactor:lr=0.1,shape=matrix,clip=1")
    #expect(spec.description == "adafactor:lr=0.1,clip=1.0,shape=matrix")
    #expect(try OptimizerSpec(parsing: spec.description) == spec)
  }

  @Test func muonRefusesVectorsAndScalarsInTorchsWords() {
    for (shape, size) in [("vector", "torch.Size([2])"), ("scalars", "torch.Size([])")] {
      #expect(throws: OptimizerError.unsupportedShape(.muon, ParameterShape(name: shape)!)) {
        try OptimizerSpec(parsing: "muon:shape=\(shape)")
      }
      let error = OptimizerError.unsupportedShape(.muon, ParameterShape(name: shape)!)
      #expect(
        error.description
          == "muon: Muon only supports 2D parameters whereas we found a parameter with size: "
          + "\(size) (shape=\(shape)); use shape=matrix")
    }
  }

  @Test func badOrRepeatedShapeIsRefused() {
    #expect(throws: OptimizerError.badShape(.adam, text: "tensor")) {
      try OptimizerSpec(parsing: "adam:shape=tensor")
    }
    #expect(throws: OptimizerError.self) {
      try OptimizerSpec(parsing: "adam:shape=vector,shape=matrix")
    }
  }

  /// The shape changes Adafactor's step (a matrix is factored, scalars are clipped one by
  /// one) and leaves a per-element rule's alone.
  @Test func shapeChangesAdafactorButNotAdam() throws {
    func end(_ text: String) throws -> Point {
      var optimizer = Optimizer(try OptimizerSpec(parsing: text))
      var position = Point(x: 3, y: -0.01)
      for _ in 0..<5 {
        optimizer.step(&position, gradient: Point(x: 2 * position.x, y: 20 * position.y))
      }
      return position
    }
    let vector = try end("adafactor:lr=0.1")
    #expect(try end("adafactor:lr=0.1,shape=scalars") != vector)
    #expect(try end("adam:lr=0.1,shape=scalars") == end("adam:lr=0.1"))
    #expect(try end("adam:lr=0.1,shape=matrix") == end("adam:lr=0.1"))
  }

  /// A 1×2 matrix keeps torch's factored state, row_var and col_var, instead of variance.
  @Test func factoredAdafactorKeepsRowAndColumnVariances() throws {
    var optimizer = Optimizer(try OptimizerSpec(parsing: "adafactor:shape=matrix"))
    var position = Point(x: 1, y: 2)
    optimizer.step(&position, gradient: Point(x: 3, y: 4))
    let state = optimizer.torchState
    #expect(state["variance"] == nil)
    // At step 1 the running means are the first values: ‖g‖²/2 and g².
    #expect(state["row_var"] == [12.5])
    #expect(state["col_var"] == [9, 16])
  }
}
