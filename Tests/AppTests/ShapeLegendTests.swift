import App
import OptimKit
import Plot
import Testing

/// The legend names a `shape=` only when it is not the optimizer's default.
@Suite struct ShapeLegendTests {
  @Test func legendShowsAShapeOtherThanTheDefault() throws {
    let objective = try Expression(parsing: "x^2 + y^2")
    let specs = try [
      "adafactor:lr=0.1,shape=matrix", "adam:shape=vector", "muon", "sgd:shape=scalars",
    ]
    .map { try OptimizerSpec(parsing: $0) }
    let race = Race(objective: objective, start: Point(x: 1, y: 1), specs: specs)
    #expect(
      race.racers.map(Picture.summary(of:)) == [
        "lr=0.1 shape=matrix", "lr=0.001 β=0.9,0.999", "lr=0.001 m=0.95", "lr=0.001 shape=scalars",
      ])
  }
}
