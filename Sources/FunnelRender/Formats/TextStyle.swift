/// The few ANSI SGR styles the renderers use. Every use goes through
/// `apply(_:to:when:)`, so output with colour off holds no escape code.
enum TextStyle: String {
  case bold = "1"
  case dim = "2"
  case red = "31"
  case green = "32"
  case cyan = "36"

  private static let escape = "\u{1B}["

  /// `text` wrapped in this style and a reset, or unchanged when `enabled`
  /// is false (or the text is empty, so no empty escape pairs pile up).
  func apply(to text: String, when enabled: Bool) -> String {
    guard enabled, !text.isEmpty else { return text }
    return TextStyle.escape + rawValue + "m" + text + TextStyle.escape + "0m"
  }
}
