import Foundation
import FunnelData
import Synchronization
import Testing

@testable import FunnelShell

/// The progress bar's line, drawn from a meter's snapshot.
struct ProgressBarTests {
  @Test func aFileOfKnownSizeShowsShareRateAndTimeLeft() {
    let snapshot = ProgressMeter.Snapshot(
      label: "loading touches.csv", done: 88 << 20, total: 210 << 20, unit: .bytes)
    let line = ProgressBar.line(snapshot, elapsed: 2, width: 109)
    // 88 MiB in 2 s is 44 MiB/s; the 122 MiB left take 2.8 s at that rate.
    #expect(line == "loading touches.csv  ████████▍             41% · 88.0 of 210.0 MiB · 44.0 MiB/s · 2.8 s left")
  }

  @Test func aStreamShowsBytesAndRateOnly() {
    let snapshot = ProgressMeter.Snapshot(label: "loading stdin", done: 3 << 20, total: nil, unit: .bytes)
    #expect(ProgressBar.line(snapshot, elapsed: 1.5, width: 100) == "loading stdin  3.0 MiB · 2.0 MiB/s · 1.5 s")
  }

  @Test func aStatementShowsItsStep() {
    let snapshot = ProgressMeter.Snapshot(label: "join of 3,000,000 rows", done: 1, total: 4, unit: .steps)
    #expect(
      ProgressBar.line(snapshot, elapsed: 12.4, width: 100)
        == "join of 3,000,000 rows  █████                 step 2 of 4 · 12 s")
  }

  @Test func aSecondPassSaysSo() {
    let snapshot = ProgressMeter.Snapshot(label: "loading x.csv", done: 0, total: 1000, unit: .bytes, pass: 2)
    #expect(ProgressBar.line(snapshot, elapsed: 0, width: 100).hasPrefix("loading x.csv (second pass)  "))
  }

  @Test func theLineNeverPassesTheWidth() {
    let long = String(repeating: "x", count: 300)
    for width in [20, 40, 79, 200] {
      let snapshot = ProgressMeter.Snapshot(label: "loading \(long).csv", done: 5, total: 9, unit: .bytes)
      #expect(ProgressBar.line(snapshot, elapsed: 3, width: width).count <= width)
    }
  }

  @Test func controlCharactersInANameAreNotSent() {
    let snapshot = ProgressMeter.Snapshot(label: "loading \u{1B}[2Jx\u{202E}.csv", done: 1, total: nil, unit: .bytes)
    let line = ProgressBar.line(snapshot, elapsed: 1, width: 100)
    #expect(!line.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E })
    #expect(line.hasPrefix("loading ?[2Jx?.csv"))
  }

  @Test func barCellsAreEighths() {
    #expect(ProgressBar.bar(0) == String(repeating: " ", count: 20))
    #expect(ProgressBar.bar(1) == String(repeating: "█", count: 20))
    #expect(ProgressBar.bar(0.5) == String(repeating: "█", count: 10) + String(repeating: " ", count: 10))
    #expect(ProgressBar.bar(1.0 / 160) == "▏" + String(repeating: " ", count: 19))
  }

  /// Work that ends within the first second draws nothing at all.
  @Test func quickWorkDrawsNothing() {
    let written = Mutex<[String]>([])
    let bar = ProgressBar(meter: ProgressMeter(), width: 80) { text in written.withLock { $0.append(text) } }
    bar.start()
    bar.stop()
    #expect(written.withLock { $0 }.isEmpty)
  }

  /// Work past a second is drawn, then erased: the last write blanks the line.
  @Test func longWorkIsDrawnAndErased() {
    let written = Mutex<[String]>([])
    let meter = ProgressMeter()
    meter.start("loading a.csv", total: 100, unit: .bytes)
    meter.advance(50)
    let bar = ProgressBar(meter: meter, width: 80) { text in written.withLock { $0.append(text) } }
    bar.start()
    Thread.sleep(forTimeInterval: ProgressBar.delay + 0.3)
    bar.stop()
    let texts = written.withLock { $0 }
    #expect(texts.first?.hasPrefix("\rloading a.csv  ██████████") == true, "\(texts)")
    let drawn = texts.first.map { $0.count - 1 } ?? 0
    #expect(texts.last == "\r" + String(repeating: " ", count: drawn) + "\r")
  }

  @Test func theMeterCountsPasses() {
    let meter = ProgressMeter()
    meter.start("loading a.csv", total: 10, unit: .bytes)
    meter.advance(10)
    meter.nextPass()
    meter.advance(3)
    #expect(meter.snapshot == ProgressMeter.Snapshot(label: "loading a.csv", done: 3, total: 10, unit: .bytes, pass: 2))
  }
}
