import Dispatch
import Foundation
import FunnelData

/// One line on the terminal that shows how far a `ProgressMeter` has got,
/// redrawn in place while the work runs and erased when it ends:
///
///     loading touches.csv  ████████▌           42%  88.1 of 210.0 MiB · 51.3 MiB/s · 2 s left
///     running: join of 3,000,000 rows  ██████████          step 2 of 4 · 3.4 s
///
/// Nothing is drawn for work that ends within `delay` (one second), so quick
/// statements never flicker. The bar draws on a thread of its own; `stop()`
/// waits for that thread to erase what it drew, so the result that follows
/// starts on a clean line. The session makes one only when stderr is a
/// terminal and progress is on (see `Session.withProgress`).
final class ProgressBar: @unchecked Sendable {
  /// Seconds before the first drawing.
  static let delay = 1.0
  /// Seconds between drawings.
  static let interval = 0.2
  /// Cells of the bar itself.
  static let barCells = 20

  private let meter: ProgressMeter
  private let width: Int
  private let write: @Sendable (String) -> Void
  private let stopping = DispatchSemaphore(value: 0)
  private let stopped = DispatchSemaphore(value: 0)
  private var running = false

  /// `write` takes the escape-free text to put on the terminal; `width` is
  /// the terminal's, and the line is kept one column shorter so it never wraps.
  init(meter: ProgressMeter, width: Int, write: @escaping @Sendable (String) -> Void) {
    self.meter = meter
    self.width = max(20, width)
    self.write = write
  }

  func start() {
    running = true
    let thread = Thread { [self] in draw() }
    thread.name = "progress"
    thread.start()
  }

  /// Ends the drawing and erases the line; returns once it is erased.
  func stop() {
    guard running else { return }
    running = false
    stopping.signal()
    stopped.wait()
  }

  private func draw() {
    defer { stopped.signal() }
    let began = DispatchTime.now()
    if stopping.wait(timeout: began + Self.delay) == .success { return }
    var drawn = 0
    repeat {
      let elapsed = Double(DispatchTime.now().uptimeNanoseconds - began.uptimeNanoseconds) / 1e9
      let text = Self.line(meter.snapshot, elapsed: elapsed, width: width - 1)
      let count = text.count
      // Spaces over what the longer line before left, then back to the start.
      write("\r" + text + String(repeating: " ", count: max(0, drawn - count)))
      drawn = count
    } while stopping.wait(timeout: .now() + Self.interval) == .timedOut
    write("\r" + String(repeating: " ", count: drawn) + "\r")
  }

  /// The line for `snapshot` after `elapsed` seconds, at most `width` characters.
  static func line(_ snapshot: ProgressMeter.Snapshot, elapsed: Double, width: Int) -> String {
    var label = VisibleLabel.clean(snapshot.label)
    if snapshot.pass > 1 { label += " (second pass)" }
    var parts: [String] = []
    switch snapshot.unit {
    case .bytes:
      if let total = snapshot.total, let fraction = snapshot.fraction {
        parts.append("\(Int(fraction * 100))%")
        parts.append(Self.bytes(snapshot.done, of: total))
      } else {
        parts.append(Self.bytes(snapshot.done))
      }
      if elapsed > 0, snapshot.done > 0 {
        let rate = Double(snapshot.done) / elapsed
        parts.append(Self.bytes(Int(rate)) + "/s")
        if let total = snapshot.total, total > snapshot.done {
          parts.append(Self.seconds(Double(total - snapshot.done) / rate) + " left")
        } else {
          parts.append(Self.seconds(elapsed))
        }
      } else {
        parts.append(Self.seconds(elapsed))
      }
    case .steps:
      if let total = snapshot.total, total > 0 {
        parts.append("step \(min(snapshot.done + 1, total)) of \(total)")
      }
      parts.append(Self.seconds(elapsed))
    }
    let bar = snapshot.fraction.map { "  " + Self.bar($0) } ?? ""
    // On a narrow terminal the details go first (the byte count, then the
    // rate), so the name and the time left stay as long as they can.
    var tail = "  " + parts.joined(separator: " · ")
    while parts.count > 2, width - bar.count - tail.count < min(label.count, 30) {
      parts.remove(at: 1)
      tail = "  " + parts.joined(separator: " · ")
    }
    let room = width - bar.count - tail.count
    if room < 8 { return String((label + tail).prefix(width)) }
    if label.count > room { label = String(label.prefix(room - 1)) + "…" }
    return label + bar + tail
  }

  /// `████████▌           `: `barCells` cells, eighths at the edge.
  static func bar(_ fraction: Double) -> String {
    let eighths = Int((fraction * Double(barCells * 8)).rounded(.down))
    let full = min(barCells, eighths / 8)
    var text = String(repeating: "█", count: full)
    if full < barCells {
      let partial = eighths % 8
      let blocks = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
      text += blocks[partial]
      text += String(repeating: " ", count: barCells - full - (partial > 0 ? 1 : 0))
    }
    return text
  }

  /// `88.1 MiB`, or `88.1 of 210.0 MiB` in the total's unit.
  static func bytes(_ count: Int, of total: Int? = nil) -> String {
    let (scale, unit) = Self.unit(for: total ?? count)
    let value = String(format: scale == 1 ? "%.0f" : "%.1f", Double(count) / scale)
    guard let total else { return value + " " + unit }
    return value + " of " + String(format: scale == 1 ? "%.0f" : "%.1f", Double(total) / scale) + " " + unit
  }

  private static func unit(for count: Int) -> (Double, String) {
    let kib = 1024.0, mib = kib * 1024, gib = mib * 1024
    if Double(count) >= gib { return (gib, "GiB") }
    if Double(count) >= mib { return (mib, "MiB") }
    if Double(count) >= kib { return (kib, "KiB") }
    return (1, "bytes")
  }

  /// `0.4 s`, `12 s`, `3 min 5 s`.
  static func seconds(_ value: Double) -> String {
    guard value.isFinite, value >= 0 else { return "?" }
    if value < 10 { return String(format: "%.1f s", value) }
    let whole = Int(value.rounded())
    if whole < 60 { return "\(whole) s" }
    if whole < 3600 { return "\(whole / 60) min \(whole % 60) s" }
    return "\(whole / 3600) h \(whole / 60 % 60) min"
  }
}

/// A label as it may be written to a terminal: a file's name can hold
/// control characters, which would move the cursor or change the colours.
enum VisibleLabel {
  static func clean(_ text: String) -> String {
    String(
      String.UnicodeScalarView(
        text.unicodeScalars.map { scalar in
          switch scalar.properties.generalCategory {
          case .control, .format, .lineSeparator, .paragraphSeparator: return "?"
          default: return scalar
          }
        }))
  }
}
