/// The ANSI SGR styles the shell itself uses (diagnostics, notes, banner).
/// Every use names whether colour is on, so plain output holds no escape code.
enum Style: String {
  case bold = "1"
  case dim = "2"
  case red = "31"
  case boldRed = "1;31"
  case yellow = "33"
  case cyan = "36"

  func apply(_ text: String, when enabled: Bool) -> String {
    guard enabled, !text.isEmpty else { return text }
    return "\u{1B}[\(rawValue)m\(text)\u{1B}[0m"
  }

  /// Clears the screen and puts the cursor home (`.clear`).
  static let clearScreen = "\u{1B}[H\u{1B}[2J"
}
