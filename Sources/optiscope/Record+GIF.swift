import App
import LibC
import Plot
import PlotImage

extension Record {
  /// Whether `--format gif` asks for an animation instead of a text recording.
  var writesGIF: Bool { recording.format.lowercased() == "gif" }

  /// `record --format gif`: one figure per recorded frame, the same frames a text
  /// log holds (frame 0 the start, then one clock tick each), --fps frames a second.
  func recordGIF(_ plan: Plan) throws {
    let recorder: GIFRecorder
    var trace: TraceRecorder?
    let file: FileSink
    do {
      let size =
        try pixels.map { text throws(ImageError) in try PixelSize(parsing: text) } ?? .standard
      file = try FileSink.openImage(out, force: recording.force)
      trace = try recording.openTrace(besides: out, option: "--out")
      recorder = try GIFRecorder(size: size, framesPerSecond: plan.scene.framesPerSecond) {
        [out] bytes in
        do {
          try file.write(bytes)
        } catch {
          throw CommandError("cannot write --out '\(out)': \(error)")
        }
      }
    } catch let error as ImageError {
      throw CommandError(error.description)
    } catch {
      throw CommandError("\(error)")
    }
    var session = Session(
      scene: plan.scene, size: plan.size, usesASCII: false, themes: plan.themes,
      colorDepth: .full256)
    let first = session.model.picture
    guard let objective = first.objective else {
      recorder.discard()
      file.discard()
      throw CommandError("no function to draw")
    }
    let theme = session.model.theme
    let field = ImageRenderer.field(
      objective: objective, view: first.view, width: recorder.size.width,
      height: recorder.size.height)
    do {
      try trace?.begin(race: session.model.race)
      try recorder.add(Figure(picture: first, theme: theme, view: first.view), field: field)
      for _ in 1..<plan.frames {
        let before = trace == nil ? nil : session.model.race
        _ = session.send(.tick)
        if let before { try trace?.observe(before: before, after: session.model.race) }
        try recorder.add(
          Figure(picture: session.model.picture, theme: theme, view: first.view), field: field)
      }
      try recorder.finish()
      try file.commit()
      file.close()
    } catch let error as ImageError {
      recorder.discard()
      file.discard()
      throw CommandError(error.description)
    } catch let error as FileSink.Failure {
      recorder.discard()
      file.discard()
      throw CommandError("cannot write --out '\(out)': \(error)")
    } catch {
      recorder.discard()
      file.discard()
      throw CommandError("cannot write --trace '\(trace?.path ?? "")': \(error)")
    }
    trace?.finish()
    if isatty(STDERR_FILENO) == 1 {
      StandardStream.warn(
        "recorded \(recorder.frameCount) frames (step \(session.model.race.stepCount)) to \(out)\n")
    }
  }
}
