import Foundation
import Testing

/// `shape=` through the real binary: `trace` and `compare` take it, and Muon's refusal is
/// one line in torch's words with the exit status of a usage error.
@Suite struct ShapeCommandTests {
  @Test func traceTakesAShapeAndItChangesAdafactor() throws {
    func trace(_ spec: String) throws -> String {
      let result = try OptiscopeProcess.run([
        "trace", "--function", "rosenbrock", "--steps", "5", "--format", "csv", "--optimizer",
        spec,
      ])
      #expect(result.status == 0, "\(result.stderr)")
      return result.stdout
    }
    #expect(try trace("adafactor:lr=0.1,shape=scalars") != trace("adafactor:lr=0.1"))
    #expect(try trace("adam:lr=0.1,shape=matrix") == trace("adam:lr=0.1"))
  }

  @Test func compareShowsTheShapeInTheSpec() throws {
    let result = try OptiscopeProcess.run([
      "compare", "--function", "rosenbrock", "--steps", "10", "--optimizer",
      "adafactor:lr=0.1,shape=matrix", "--optimizer", "lbfgs:clip=1",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("adafactor:lr=0.1,shape=matrix"))
    #expect(result.stdout.contains("lbfgs:clip=1.0"))
  }

  @Test func muonRefusesAVectorInTorchsWords() throws {
    let result = try OptiscopeProcess.run([
      "trace", "--function", "rosenbrock", "--steps", "5", "--optimizer", "muon:shape=vector",
    ])
    #expect(result.status != 0)
    #expect(
      result.stderr
        == "optiscope: bad --optimizer 'muon:shape=vector': muon: Muon only supports 2D "
        + "parameters whereas we found a parameter with size: torch.Size([2]) (shape=vector); "
        + "use shape=matrix\n")
    #expect(result.stdout.isEmpty)
  }
}
