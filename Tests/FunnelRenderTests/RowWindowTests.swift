import FunnelData
import Testing

@testable import FunnelRender

@Suite struct RowWindowTests {
  @Test(arguments: [
    (20_000, 40 as Int?, 0..<20, 19_980..<20_000),
    (25, 40, 0..<25, 25..<25),
    (25, nil, 0..<25, 25..<25),
    (5, 1, 0..<1, 5..<5),
    (5, 3, 0..<2, 4..<5),
  ])
  func headAndTail(rows: Int, maxRows: Int?, head: Range<Int>, tail: Range<Int>) {
    let window = RowWindow(rowCount: rows, maxRows: maxRows)
    #expect(window.head == head && window.tail == tail)
    #expect(window.isCut == (head.count + tail.count < rows))
  }

  @Test func oneRowLimitStillMarksTheGap() {
    let lines = TableRenderer.render(TestTables.grid(rows: 5, columns: 1), options: RenderOptions(maxRows: 1))
      .split(separator: "\n").map(String.init)
    #expect(lines == ["c0", "──", " 0", " ⋮", "5 rows, 1 column; showing 1"])
  }
}
