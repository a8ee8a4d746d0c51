// duplicates: the catalog entries are data, alike in shape (name, formula, view, minima).
extension TestFunction {
  /// Every built-in function, in the order a menu lists them.
  ///
  /// Minima were located numerically (Newton's method on the gradient in
  /// 30-digit arithmetic) and are given to double precision; the catalog
  /// tests check each against the expression. `curvature` is the size of the
  /// largest Hessian eigenvalue met along a typical race from `start`, which
  /// sets the suggested SGD learning rate.
  public static let catalog: [TestFunction] = makers.compactMap { $0.make($0.name) }

  /// The names of `catalog`, in its order, known without making the functions.
  public static let catalogNames: [String] = makers.map(\.name)

  /// Each built-in function's name and how to make it, given that name (parsing its
  /// expression), so that `named` makes only the function asked for.
  static let makers: [(name: String, make: @Sendable (String) -> TestFunction?)] = [
    (
      "sphere",
      { name in
        TestFunction(
          name: name, title: "Sphere", formula: "x² + y²", source: "x^2 + y^2",
          view: box(-5, 5, -5, 5), start: Point(x: -4, y: 3),
          minima: [Point(x: 0, y: 0)], minimumValue: 0, curvature: 2)
      }
    ),
    (
      "ellipse",
      { name in
        TestFunction(
          name: name, title: "Ellipse", formula: "5x² + y²", source: "5*x^2 + y^2",
          view: box(-6, 6, -6, 6), start: Point(x: 5, y: 5),
          minima: [Point(x: 0, y: 0)], minimumValue: 0, curvature: 10)
      }
    ),
    (
      "rosenbrock",
      { name in
        TestFunction(
          name: name, title: "Rosenbrock", formula: "(1−x)² + 100(y−x²)²",
          source: "(1-x)^2 + 100*(y-x^2)^2",
          view: box(-2, 2, -1, 3), start: Point(x: -1.5, y: 2),
          minima: [Point(x: 1, y: 1)], minimumValue: 0, curvature: 2000,
          // The showcase race: each of the eight visibly progresses down the
          // valley within a few hundred steps (checked with `optiscope trace`),
          // where the curvature's guesses leave the adaptive ones crawling.
          tuned: [
            "sgd": 0.001, "momentum": 0.0005, "nesterov": 0.0005, "adagrad": 1,
            "rmsprop": 0.02, "adadelta": 5, "adam": 0.1, "nadam": 0.1,
          ])
      }
    ),
    (
      "himmelblau",
      { name in
        TestFunction(
          name: name, title: "Himmelblau", formula: "(x²+y−11)² + (x+y²−7)²",
          source: "(x^2+y-11)^2 + (x+y^2-7)^2",
          view: box(-5, 5, -5, 5), start: Point(x: 0, y: 0),
          minima: [
            Point(x: 3, y: 2),
            Point(x: -2.805118086952745, y: 3.131312518250573),
            Point(x: -3.779310253377747, y: -3.283185991286169),
            Point(x: 3.584428340330492, y: -1.848126526964404),
          ],
          minimumValue: 0, curvature: 100)
      }
    ),
    (
      "beale",
      { name in
        TestFunction(
          name: name, title: "Beale", formula: "(1.5−x+xy)² + (2.25−x+xy²)² + (2.625−x+xy³)²",
          source: "(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2",
          view: box(-4.5, 4.5, -4.5, 4.5), start: Point(x: 1, y: 1.5),
          minima: [Point(x: 3, y: 0.5)], minimumValue: 0, curvature: 300)
      }
    ),
    (
      "booth",
      { name in
        TestFunction(
          name: name, title: "Booth", formula: "(x+2y−7)² + (2x+y−5)²",
          source: "(x + 2*y - 7)^2 + (2*x + y - 5)^2",
          view: box(-10, 10, -10, 10), start: Point(x: -5, y: 5),
          minima: [Point(x: 1, y: 3)], minimumValue: 0, curvature: 18)
      }
    ),
    (
      "rastrigin",
      { name in
        TestFunction(
          name: name, title: "Rastrigin", formula: "20 + x² − 10cos(2πx) + y² − 10cos(2πy)",
          source: "20 + x^2 - 10*cos(2*pi*x) + y^2 - 10*cos(2*pi*y)",
          view: box(-5.12, 5.12, -5.12, 5.12), start: Point(x: -4.3, y: 3.7),
          minima: [Point(x: 0, y: 0)], minimumValue: 0, curvature: 400)
      }
    ),
    (
      "ackley",
      { name in
        TestFunction(
          name: name, title: "Ackley",
          formula: "−20e^(−0.2√(½(x²+y²))) − e^(½(cos2πx+cos2πy)) + e + 20",
          source:
            "-20*exp(-0.2*sqrt(0.5*(x^2 + y^2))) - exp(0.5*(cos(2*pi*x) + cos(2*pi*y))) + e + 20",
          view: box(-5, 5, -5, 5), start: Point(x: -4.1, y: 3.3),
          minima: [Point(x: 0, y: 0)], minimumValue: 0, curvature: 40)
      }
    ),
    (
      "three-hump-camel",
      { name in
        TestFunction(
          name: name, title: "Three-hump camel",
          formula: "2x² − 1.05x⁴ + x⁶/6 + xy + y²",
          source: "2*x^2 - 1.05*x^4 + x^6/6 + x*y + y^2",
          view: box(-3, 3, -3, 3), start: Point(x: -2.5, y: 2),
          minima: [
            Point(x: 0, y: 0),
            Point(x: 1.747552345830289, y: -0.8737761729151445),
            Point(x: -1.747552345830289, y: 0.8737761729151445),
          ],
          minimumValue: 0, curvature: 120)
      }
    ),
    (
      "six-hump-camel",
      { name in
        TestFunction(
          name: name, title: "Six-hump camel",
          formula: "(4 − 2.1x² + x⁴/3)x² + xy + (4y² − 4)y²",
          source: "(4 - 2.1*x^2 + x^4/3)*x^2 + x*y + (-4 + 4*y^2)*y^2",
          view: box(-3, 3, -2, 2), start: Point(x: -2.5, y: 1.5),
          minima: [
            Point(x: 0.08984201310031806, y: -0.7126564030207396),
            Point(x: -0.08984201310031806, y: 0.7126564030207396),
            Point(x: 1.703606714969981, y: -0.7960835686726251),
            Point(x: -1.703606714969981, y: 0.7960835686726251),
            Point(x: 1.607104752920197, y: 0.5686514548841314),
            Point(x: -1.607104752920197, y: -0.5686514548841314),
          ],
          minimumValue: -1.031628453489877, curvature: 240)
      }
    ),
    (
      "matyas",
      { name in
        TestFunction(
          name: name, title: "Matyas", formula: "0.26(x² + y²) − 0.48xy",
          source: "0.26*(x^2 + y^2) - 0.48*x*y",
          view: box(-10, 10, -10, 10), start: Point(x: -8, y: 6),
          minima: [Point(x: 0, y: 0)], minimumValue: 0, curvature: 1)
      }
    ),
    (
      "levi13",
      { name in
        TestFunction(
          name: name, title: "Lévi N.13",
          formula: "sin²(3πx) + (x−1)²(1+sin²(3πy)) + (y−1)²(1+sin²(2πy))",
          source: "sin(3*pi*x)^2 + (x-1)^2*(1 + sin(3*pi*y)^2) + (y-1)^2*(1 + sin(2*pi*y)^2)",
          view: box(-10, 10, -10, 10), start: Point(x: -6, y: 7),
          minima: [Point(x: 1, y: 1)], minimumValue: 0, curvature: 1000)
      }
    ),
    (
      "styblinski-tang",
      { name in
        TestFunction(
          name: name, title: "Styblinski–Tang",
          formula: "(x⁴ − 16x² + 5x + y⁴ − 16y² + 5y)/2",
          source: "(x^4 - 16*x^2 + 5*x + y^4 - 16*y^2 + 5*y)/2",
          view: box(-5, 5, -5, 5), start: Point(x: 0.3, y: 4.6),
          minima: [
            Point(x: -2.903534027771177, y: -2.903534027771177),
            Point(x: -2.903534027771177, y: 2.746802770990837),
            Point(x: 2.746802770990837, y: -2.903534027771177),
            Point(x: 2.746802770990837, y: 2.746802770990837),
          ],
          minimumValue: -78.33233140754283, curvature: 110)
      }
    ),
    (
      "mccormick",
      { name in
        TestFunction(
          name: name, title: "McCormick", formula: "sin(x+y) + (x−y)² − 1.5x + 2.5y + 1",
          source: "sin(x + y) + (x - y)^2 - 1.5*x + 2.5*y + 1",
          view: box(-1.5, 4, -3, 4), start: Point(x: 3.5, y: 3.5),
          minima: [
            Point(x: -0.5471975511965977, y: -1.547197551196598),
            Point(x: 2.594395102393195, y: 1.594395102393195),
          ],
          minimumValue: -1.913222954981036, curvature: 4)
      }
    ),
    (
      "goldstein-price",
      { name in
        TestFunction(
          name: name, title: "Goldstein–Price",
          formula: "[1+(x+y+1)²(19−14x+3x²−14y+6xy+3y²)]·[30+(2x−3y)²(18−32x+12x²+48y−36xy+27y²)]",
          source:
            "(1 + (x + y + 1)^2*(19 - 14*x + 3*x^2 - 14*y + 6*x*y + 3*y^2))"
            + "*(30 + (2*x - 3*y)^2*(18 - 32*x + 12*x^2 + 48*y - 36*x*y + 27*y^2))",
          view: box(-2, 2, -2, 2), start: Point(x: -1.5, y: -1.5),
          minima: [
            Point(x: 0, y: -1), Point(x: -0.6, y: -0.4), Point(x: 1.8, y: 0.2),
            Point(x: 1.2, y: 0.8),
          ],
          minimumValue: 3, curvature: 100_000)
      }
    ),
    (
      "saddle",
      { name in
        TestFunction(
          name: name, title: "Saddle", formula: "x²/10 − y²/10", source: "x^2/10 - y^2/10",
          view: box(-10, 10, -10, 10), start: Point(x: 8, y: 0.1),
          minima: [], minimumValue: nil, curvature: 0.2)
      }
    ),
    (
      "wavy",
      { name in
        TestFunction(
          name: name, title: "Wavy bowl", formula: "x² + y² + 10sin(5x) + 10cos(5y)",
          source: "x^2 + y^2 + 10*sin(5*x) + 10*cos(5*y)",
          view: box(-7, 7, -7, 7), start: Point(x: 2.5, y: 2.5),
          minima: [
            Point(x: -0.311665873779994, y: 0.6233313629965253),
            Point(x: -0.311665873779994, y: -0.6233313629965253),
          ],
          minimumValue: -19.51043646075283, curvature: 250)
      }
    ),
    (
      "sqrt-sin",
      { name in
        TestFunction(
          name: name, title: "Square root and sine",
          formula: "(x−3)² + 8(y−5)⁴ + √x + sin(xy)",
          source: "(x-3)^2 + 8*(y-5)^4 + sqrt(x) + sin(x*y)",
          view: box(0, 6, 2, 8), start: Point(x: 5.5, y: 6.5),
          minima: [
            Point(x: 3.26222061312135, y: 5.249653376562199),
            Point(x: 2.355849520262981, y: 4.753893768504008),
          ],
          minimumValue: 0.9177156346963713, curvature: 250)
      }
    ),
    // Unbounded below (x²·sin x → −∞), so no f*; minima are the deepest in view and the one
    // the default start rolls into.
    (
      "sin-cos-bowl",
      { name in
        TestFunction(
          name: name, title: "Sine-cosine bowl", formula: "x²·sin(x)/10 + y²·cos(y)/10",
          source: "x^2*sin(x)/10 + y^2*cos(y)/10",
          view: box(-10, 10, -10, 10), start: Point(x: 8, y: 0.1),
          minima: [
            Point(x: -8.096163603222920, y: 9.629560343297430),
            Point(x: -8.096163603222920, y: -9.629560343297430),
            Point(x: 5.086985094102270, y: 0),
          ],
          minimumValue: nil, curvature: 7)
      }
    ),
    // Unbounded below as well; same choice of minima.
    (
      "sin-sq",
      { name in
        TestFunction(
          name: name, title: "Sine of squares", formula: "x²·sin(x²)/10 + y²·cos(y²)/10",
          source: "x^2*sin(x^2)/10 + y^2*cos(y^2)/10",
          view: box(-10, 10, -10, 10), start: Point(x: 8, y: 0.1),
          minima: [
            Point(x: 9.948380385188119, y: 9.869125537709700),
            Point(x: -9.948380385188119, y: 9.869125537709700),
            Point(x: 9.948380385188119, y: -9.869125537709700),
            Point(x: -9.948380385188119, y: -9.869125537709700),
            Point(x: 7.827986620681569, y: 0),
          ],
          minimumValue: nil, curvature: 1500)
      }
    ),
  ]

  private static func box(_ xMin: Double, _ xMax: Double, _ yMin: Double, _ yMax: Double)
    -> ViewBox
  {
    ViewBox(xMin: xMin, xMax: xMax, yMin: yMin, yMax: yMax)
  }
}
