import Foundation

/// A drawing being built, element by element, in a coordinate space
/// `width` wide; `document` wraps it in an `<svg>` whose `viewBox` lets a
/// page scale it to any width. Every text goes through `Markup.escaped`.
///
/// ```swift
/// var canvas = SVGCanvas(width: 720)
/// canvas.text("email", x: 0, y: 16)
/// canvas.rect(x: 80, y: 4, width: 120, height: 16, fill: SVGCanvas.blue)
/// canvas.height = 24
/// canvas.document(title: "leads by channel")   // "<svg xmlns=… viewBox=\"0 0 720 24\" …>…</svg>"
/// ```
struct SVGCanvas {
  let width: Double
  var height: Double = 0
  private var body: [String] = []

  static let fontSize = 13.0
  static let fontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', Arial, sans-serif"
  static let ink = "#1f2328", muted = "#57606a", blue = "#3a7bbf", dark = "#1d4e89", light = "#c6d9ef"
  static let red = "#c93c4a", track = "#e3e9f0"

  init(width: Double) { self.width = width }

  /// A guess at the width `text` takes at `size`: fonts differ, so layouts
  /// leave room rather than measure.
  static func textWidth(_ text: String, size: Double = fontSize) -> Double {
    Double(TerminalText.width(text)) * size * 0.6
  }

  mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String) {
    guard width > 0, height > 0 else { return }
    body.append(
      "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(width))\" height=\"\(n(height))\" fill=\"\(fill)\"/>")
  }

  mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1) {
    body.append(
      "<line x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\" stroke=\"\(stroke)\""
        + " stroke-width=\"\(n(width))\"/>")
  }

  /// A polyline through `points`; nil breaks it (a missing value).
  mutating func path(_ points: [(Double, Double)?], stroke: String) {
    var d = "", pen = false
    for point in points {
      guard let (x, y) = point else {
        pen = false
        continue
      }
      d += (pen ? " L" : (d.isEmpty ? "M" : " M")) + n(x) + " " + n(y)
      pen = true
    }
    guard !d.isEmpty else { return }
    body.append(
      "<path d=\"\(d)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"2\" stroke-linejoin=\"round\""
        + " stroke-linecap=\"round\"/>")
  }

  mutating func circle(x: Double, y: Double, radius: Double, fill: String) {
    body.append("<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"\(n(radius))\" fill=\"\(fill)\"/>")
  }

  enum Anchor: String { case start, middle, end }

  /// `text` (escaped here) with its baseline at `y`.
  mutating func text(
    _ text: String, x: Double, y: Double, anchor: Anchor = .start, fill: String = ink, bold: Bool = false,
    size: Double? = nil
  ) {
    var attributes = "x=\"\(n(x))\" y=\"\(n(y))\""
    if anchor != .start { attributes += " text-anchor=\"\(anchor.rawValue)\"" }
    if fill != SVGCanvas.ink { attributes += " fill=\"\(fill)\"" }
    if bold { attributes += " font-weight=\"bold\"" }
    if let size { attributes += " font-size=\"\(n(size))\"" }
    body.append("<text \(attributes)>\(Markup.escaped(text))</text>")
  }

  /// The `<svg>` element, `title` (escaped) as its accessible name.
  func document(title: String) -> String {
    let h = n(max(1, height))
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(width)) \(h)\" width=\"\(n(width))\""
      + " height=\"\(h)\" font-family=\"\(SVGCanvas.fontFamily)\" font-size=\"\(n(SVGCanvas.fontSize))\""
      + " fill=\"\(SVGCanvas.ink)\" role=\"img\" aria-label=\"\(Markup.escaped(title))\">\n"
      + "<title>\(Markup.escaped(title))</title>\n" + body.joined(separator: "\n") + "\n</svg>"
  }

  /// A coordinate with at most one decimal: `12`, `12.5`.
  private func n(_ v: Double) -> String {
    guard v.isFinite else { return "0" }
    let tenths = (min(1e9, max(-1e9, v)) * 10).rounded()
    if tenths.truncatingRemainder(dividingBy: 10) == 0 { return String(Int(tenths / 10)) }
    return String(format: "%.1f", tenths / 10)
  }
}
