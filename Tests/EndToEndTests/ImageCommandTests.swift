import Foundation
import TestSupport
import Testing

/// `render --format png|svg|pdf` and `record --format gif`, checked by real image readers:
/// Pillow for PNG and GIF, poppler's `pdftoppm` for PDF and librsvg's `rsvg-convert` for SVG.
@Suite("image files")
struct ImageCommandTests {
  /// A fresh directory for one test's files.
  struct Scratch {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("optiscope-image-\(UUID().uuidString)")

    init() throws {
      try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// The names of the files in it, sorted.
    func names() throws -> [String] {
      try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
  }

  /// What Pillow reads from an image file.
  struct Reading: Decodable {
    var width: Int
    var height: Int
    var frames: Int
    /// Distinct colours in the middle of the map (x 15–50 %, y 30–80 % of the image).
    var mapColors: Int
    /// Whether the last frame differs from the first.
    var lastDiffers: Bool
  }

  static let readerScript = """
    import json, sys
    from PIL import Image, ImageChops
    image = Image.open(sys.argv[1])
    frames = getattr(image, "n_frames", 1)
    first = image.convert("RGB")
    w, h = first.size
    crop = first.crop((int(w * 0.15), int(h * 0.3), int(w * 0.5), int(h * 0.8)))
    colors = len(crop.getcolors(maxcolors=1 << 24))
    image.seek(frames - 1)
    last = image.convert("RGB")
    differs = ImageChops.difference(first, last).getbbox() is not None
    print(json.dumps({"width": w, "height": h, "frames": frames, "mapColors": colors,
                      "lastDiffers": differs}))
    """

  static func read(_ path: String) throws -> Reading {
    let result = try TestProcess.run([TestProcess.venvPython, "-c", readerScript, path])
    #expect(result.status == 0, "Pillow could not read \(path): \(result.output)")
    // The last line: Pillow may warn on the lines before it.
    let line = result.output.split(separator: "\n").last.map(String.init) ?? ""
    do {
      return try JSONDecoder().decode(Reading.self, from: Data(line.utf8))
    } catch {
      Issue.record("cannot read Pillow's answer for \(path): \(result.output)")
      throw error
    }
  }

  static let race = [
    "--function", "rosenbrock", "--optimizer", "adam:lr=0.1", "--optimizer", "sgd:lr=0.001",
  ]

  @Test("a PNG has the requested size and a map of many colours")
  func pngOpensInPillow() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let png = scratch.path("race.png")
    let result = try OptiscopeProcess.run(
      ["render"] + Self.race + [
        "--steps", "50", "--format", "png", "--out", png, "--pixels", "640x480",
      ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.isEmpty)
    let reading = try Self.read(png)
    #expect(reading.width == 640 && reading.height == 480)
    #expect(reading.frames == 1)
    // ~20 quantile bands plus anti-aliased contour lines: far more than a handful.
    #expect(reading.mapColors >= 20, "only \(reading.mapColors) colours in the map")
    #expect(try scratch.names() == ["race.png"])
  }

  @Test("the default image is the notebooks' 1000×800")
  func defaultSize() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let png = scratch.path("race.png")
    let result = try OptiscopeProcess.run(
      ["render"] + Self.race + ["--steps", "5", "--format", "png", "--out", png])
    #expect(result.status == 0, "\(result.stderr)")
    let reading = try Self.read(png)
    #expect(reading.width == 1000 && reading.height == 800)
  }

  @Test("an SVG renders with librsvg, a PDF with poppler, at the requested size")
  func vectorFormatsOpen() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let svg = scratch.path("race.svg")
    let pdf = scratch.path("race.pdf")
    for (format, path) in [("svg", svg), ("pdf", pdf)] {
      let result = try OptiscopeProcess.run(
        ["render"] + Self.race + [
          "--steps", "20", "--format", format, "--out", path,
          "--pixels", "500x400",
        ])
      #expect(result.status == 0, "\(result.stderr)")
    }
    let fromSVG = scratch.path("svg.png")
    let converted = try TestProcess.run(["rsvg-convert", "-o", fromSVG, svg])
    #expect(converted.status == 0, "\(converted.output)")
    let svgReading = try Self.read(fromSVG)
    #expect(svgReading.width == 500 && svgReading.height == 400)
    #expect(svgReading.mapColors >= 20)
    // The PDF page is at 100 pixels to the inch, so -r 100 gives the requested pixels back.
    let rasterized = try TestProcess.run([
      "pdftoppm", "-r", "100", "-png", "-singlefile", pdf, scratch.path("pdf"),
    ])
    #expect(rasterized.status == 0, "\(rasterized.output)")
    let pdfReading = try Self.read(scratch.path("pdf.png"))
    #expect(pdfReading.width == 500 && pdfReading.height == 400)
    #expect(pdfReading.mapColors >= 20)
  }

  @Test("a GIF has one frame per recorded frame, at the requested size, and moves")
  func gifFrames() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let gif = scratch.path("race.gif")
    let result = try OptiscopeProcess.run(
      ["record"] + Self.race + [
        "--frames", "9", "--format", "gif", "--out", gif, "--pixels", "320x256",
      ])
    #expect(result.status == 0, "\(result.stderr)")
    let reading = try Self.read(gif)
    #expect(reading.frames == 9)
    #expect(reading.width == 320 && reading.height == 256)
    #expect(reading.lastDiffers)
    #expect(reading.mapColors >= 20)
    let attributes = try FileManager.default.attributesOfItem(atPath: gif)
    #expect((attributes[.posixPermissions] as? Int) == 0o644)
  }

  @Test("the GIF's last frame, changed rectangles and all, is the PNG of the same step")
  func gifLastFrameMatchesPNG() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let gif = scratch.path("race.gif")
    let png = scratch.path("race.png")
    let scene = Self.race + ["--steps-per-frame", "3", "--pixels", "400x320"]
    let recorded = try OptiscopeProcess.run(
      ["record"] + scene + ["--frames", "8", "--format", "gif", "--out", gif])
    #expect(recorded.status == 0, "\(recorded.stderr)")
    // The same step, and one frame earlier (which the comparison must tell apart).
    for (name, steps) in [("race.png", "21"), ("earlier.png", "18")] {
      let rendered = try OptiscopeProcess.run(
        ["render"] + scene + ["--steps", steps, "--format", "png", "--out", scratch.path(name)])
      #expect(rendered.status == 0, "\(rendered.stderr)")
    }
    let script = """
      import sys
      from PIL import Image, ImageChops
      gif = Image.open(sys.argv[1]); gif.seek(gif.n_frames - 1); gif = gif.convert("RGB")
      for png in sys.argv[2:]:
          difference = ImageChops.difference(gif, Image.open(png).convert("RGB")).convert("L")
          print(sum(difference.point(lambda v: 255 if v > 48 else 0).histogram()[255:]))
      """
    let result = try TestProcess.run([
      TestProcess.venvPython, "-c", script, gif, png, scratch.path("earlier.png"),
    ])
    let counts = result.output.split(separator: "\n").suffix(2).compactMap { Int($0) }
    #expect(counts.count == 2, "\(result.output)")
    guard counts.count == 2 else { return }
    // Off by more than the palette's rounding: a few anti-aliased pixels of 128 000.
    #expect(counts[0] <= 64, "\(counts[0]) pixels differ from the PNG of the same step")
    #expect(counts[1] > 2 * counts[0], "the earlier step differs in only \(counts[1]) pixels")
  }

  @Test("an existing file is refused without --force and replaced with it")
  func existingFile() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    for (command, format) in [("render", "png"), ("record", "gif")] {
      let path = scratch.path("old.\(format)")
      try Data("keep me".utf8).write(to: URL(fileURLWithPath: path))
      var arguments =
        [command] + Self.race + ["--format", format, "--out", path, "--pixels", "200x160"]
      arguments += command == "render" ? ["--steps", "3"] : ["--frames", "3"]
      let refused = try OptiscopeProcess.run(arguments)
      #expect(refused.status != 0)
      #expect(refused.stderr.contains("exists; add --force"), "\(refused.stderr)")
      #expect(refused.stderr.split(separator: "\n").count == 1)
      #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep me")
      let forced = try OptiscopeProcess.run(arguments + ["--force"])
      #expect(forced.status == 0, "\(forced.stderr)")
      #expect(try Self.read(path).width == 200)
    }
    #expect(try scratch.names() == ["old.gif", "old.png"])
  }

  @Test(
    "bad paths and options are refused in one line before any work",
    arguments: [
      (["render", "--format", "png", "--out", "/nonexistent-folder/x.png"], "no folder"),
      (["render", "--format", "png"], "needs --out"),
      (["render", "--format", "jpeg", "--out", "x.jpeg"], "bad --format"),
      (["render", "--format", "png", "--out", "x.png", "--pixels", "10x10"], "bad --pixels"),
      (["render", "--format", "png", "--out", "-"], "needs a file name"),
      (["record", "--format", "gif", "--out", "/nonexistent-folder/x.gif"], "no folder"),
      (["record", "--format", "gif", "--out", "x.gif", "--pixels", "big"], "bad --pixels"),
    ])
  func refusals(arguments: [String], message: String) throws {
    let result = try OptiscopeProcess.run(arguments)
    #expect(result.status != 0)
    #expect(result.stderr.contains(message), "\(result.stderr)")
    #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: "x.png"))
  }

  @Test("a folder that cannot be written is refused, and a directory as --out too")
  func unwritable() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let result = try OptiscopeProcess.run(["render", "--format", "png", "--out", scratch.url.path])
    #expect(result.status != 0)
    #expect(result.stderr.contains("is a directory"), "\(result.stderr)")
    // As root, permissions do not stop a write: /proc refuses new files for everyone.
    let proc = try OptiscopeProcess.run(["render", "--format", "png", "--out", "/proc/x.png"])
    #expect(proc.status != 0)
    #expect(
      proc.stderr.hasPrefix("Error: cannot write --out '/proc/x.png'")
        || proc.stderr.contains("cannot write"), "\(proc.stderr)")
  }

  @Test("a write that fails part-way leaves neither a half file nor a temporary one")
  func failedWrite() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let binary = try OptiscopeProcess.executable().path
    for (command, format, more) in [
      ("render", "png", ["--steps", "3"]), ("record", "gif", ["--frames", "5"]),
      ("render", "pdf", ["--steps", "3"]),
    ] {
      let path = scratch.path("old.\(format)")
      try Data("keep me".utf8).write(to: URL(fileURLWithPath: path))
      // Files may grow to 8 KiB only; with SIGXFSZ ignored, the write fails with EFBIG.
      let arguments = [command] + Self.race + more + ["--format", format, "--out", path, "--force"]
      let script = "trap '' XFSZ; ulimit -f 8; exec \"$0\" \"$@\""
      let result = try TestProcess.run(["bash", "-c", script, binary] + arguments)
      #expect(result.status != 0, "\(command) \(format): \(result.output)")
      #expect(result.output.contains("cannot write"), "\(result.output)")
      #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep me")
    }
    #expect(try scratch.names() == ["old.gif", "old.pdf", "old.png"])
  }
}
