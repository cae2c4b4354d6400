/// What the shell knows about the terminal that a renderer needs: how wide it
/// is, how many rows fit, and whether escape codes are welcome.
///
/// ```swift
/// var options = RenderOptions()
/// options.width = 80; options.maxRows = 40; options.color = false
/// TableRenderer.render(table, options: options)   // plain text, at most 80 columns
/// ```
public struct RenderOptions: Hashable, Sendable {
  /// Terminal columns available; nil = no limit (tables) or 80 (charts).
  public var width: Int?
  /// Data rows to show at most; nil = all.
  public var maxRows: Int?
  /// Emit ANSI SGR codes (bold headers, dim nulls, coloured bars). When false
  /// the output holds no escape code at all.
  public var color: Bool

  public init(width: Int? = nil, maxRows: Int? = nil, color: Bool = false) {
    self.width = width
    self.maxRows = maxRows
    self.color = color
  }

  /// The width charts draw to: the terminal's, or 80 when unknown; never
  /// below 20 so a chart keeps a few columns for its bars.
  var chartWidth: Int { max(20, width ?? 80) }
}
