import App
import LibC
import Plot
import PlotImage

extension Record {
  /// Whether `--format gif` asks for an animation instead of a text recording.
  var writesGIF: Bool { recording.format.lowercased() == "gif" }

  /// `record --format gif`: one figure per recorded frame, the same frames a text
  /// log holds (frame 0 the start, then one clock tick each), --fps frames a second,
  /// drawn by the one loop (`GIFRecording`).
  func recordGIF(_ plan: Plan) throws {
    // No helper outlives the command, however it ends.
    defer { for plugin in plan.plugins { plugin.terminate() } }
    let recorder: GIFRecorder
    let trace: FileSink?
    let file: FileSink
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
    var session = Session(
      scene: plan.scene, size: plan.size, usesASCII: false, themes: plan.themes,
      colorDepth: .full256)
    // The plug-ins race after the built-in racers; in the race before the trajectories
    // begin, so that their starts are rows too.
    let plugins =
      plan.plugins.isEmpty ? nil : PluginRacers(plan.plugins, session: &session, announces: false)
    /// Leaves the animation's and the trajectories' files as they were.
    func abandon() {
      recorder.discard()
      file.discard()
      trace?.discard()
    }
    if let trace {
      session.startRecording(
        Recorder(trajectoriesTo: trace.path, sink: trace), time: 0, timestamp: 0,
        showsIndicator: false)
      if let failure = session.recorder?.traceFailure {
        abandon()
        throw CommandError("cannot write --trace '\(trace.path)': \(failure)")
      }
    }
    guard
      var program = GIFRecording(
        session: session, animation: recorder, frames: plan.frames, screen: plan.size,
        plugins: plugins)
    else {
      abandon()
      throw CommandError("no function to draw")
    }
    let backend = HeadlessBackend(width: plan.size.width, height: plan.size.height)
    _ = ProgramLoop.run(&program, on: backend)
    plugins?.stop()
    session = program.session
    do {
      switch program.failure {
      case .image(let error): throw error
      case .trace(let reason):
        abandon()
        throw CommandError("cannot write --trace '\(trace?.path ?? "")': \(reason)")
      case nil: try recorder.finish()
      }
      try file.commit()
      file.close()
    } catch let error as ImageError {
      abandon()
      throw error
    } catch let error as FileSink.Failure {
      abandon()
      throw CommandError("cannot write --out '\(out)': \(error)")
    }
    // The trajectories, like the animation, are put in place only once whole.
    session.stopRecording()
    do {
      try trace?.commit()
    } catch {
      trace?.discard()
      throw error
    }
    if isatty(STDERR_FILENO) == 1 {
      StandardStream.warn(
        "recorded \(recorder.frameCount) frames (step \(session.model.race.stepCount)) to \(out)\n")
    }
  }
}
