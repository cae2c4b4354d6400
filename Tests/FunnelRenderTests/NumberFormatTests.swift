import FunnelData
import Testing

@testable import FunnelRender

@Suite struct NumberFormatTests {
  @Test(arguments: [
    (Value.int(0), DisplayHint.plain, "0"),
    (.int(999), .plain, "999"),
    (.int(20_000), .plain, "20,000"),
    (.int(-1_234_567), .plain, "-1,234,567"),
    (.int(Int64.min), .plain, "-9,223,372,036,854,775,808"),
    (.double(1234.5678), .plain, "1,234.57"),
    (.double(3), .plain, "3"),
    (.double(-2.5), .plain, "-2.5"),
    (.double(0.5), .plain, "0.5"),
    (.double(0.123456), .plain, "0.1235"),
    (.double(0.00123), .plain, "0.00123"),
    (.double(-0.0004), .plain, "-0.0004"),
    (.double(0.0000001234), .plain, "1.23e-07"),
    (.double(0), .plain, "0"),
    (.double(.nan), .plain, "nan"),
    (.double(-.infinity), .plain, "-inf"),
    (.decimal(123_450, scale: 2), .plain, "1,234.50"),
    (.decimal(-5, scale: 3), .plain, "-0.005"),
    (.decimal(123_450, scale: 2), .money, "1,234.50"),
    (.decimal(12_345, scale: 3), .money, "12.35"),
    (.decimal(-12_345, scale: 3), .money, "-12.35"),
    (.decimal(7, scale: 0), .money, "7.00"),
    (.double(1234.5), .money, "1,234.50"),
    (.double(-0.001), .money, "0.00"),
    (.int(1_000_000), .money, "1,000,000.00"),
    (.double(0.125), .rate, "12.5%"),
    (.double(1), .rate, "100.0%"),
    (.double(0.003), .rate, "0.3%"),
    (.double(-0.05), .rate, "-5.0%"),
    (.double(-0.0001), .rate, "0.0%"),
    (.double(12.5), .rate, "1,250.0%"),
    (.decimal(25, scale: 2), .rate, "25.0%"),
    (.double(0.016), .points, "1.6 pp"),
    (.double(-0.0123), .points, "-1.2 pp"),
    (.double(-0.0001), .points, "0.0 pp"),
    (.decimal(5, scale: 2), .points, "5.0 pp"),
    (.null, .plain, "null"),
    (.null, .money, "null"),
    (.null, .rate, "null"),
    (.bool(true), .plain, "true"),
    (.bool(false), .plain, "false"),
    (.string("a,b"), .plain, "a,b"),
    (.string("12345"), .plain, "12345"),
  ])
  func display(value: Value, hint: DisplayHint, expected: String) {
    #expect(NumberFormat.display(value, hint: hint) == expected)
  }

  @Test func datesTimestampsAndPeriods() {
    let day = CivilDate(year: 2026, month: 1, day: 31).daysSinceEpoch
    #expect(NumberFormat.display(.date(day), hint: .plain) == "2026-01-31")
    let moment = Timestamps.make(
      day: CivilDate(year: 2018, month: 2, day: 26).daysSinceEpoch, hour: 19, minute: 58, second: 54)
    #expect(NumberFormat.display(.timestamp(moment), hint: .plain) == "2018-02-26 19:58:54")
    #expect(NumberFormat.display(.period(2026 * 4, .quarter), hint: .plain) == "2026-Q1")
    #expect(NumberFormat.display(.period(2026 * 12 + 2, .month), hint: .plain) == "2026-03")
    #expect(NumberFormat.display(.period(2026, .year), hint: .plain) == "2026")
    // A hint never changes what a date or a period looks like.
    #expect(NumberFormat.display(.date(day), hint: .money) == "2026-01-31")
  }

  @Test(arguments: [
    ("1", "1"), ("1234", "1,234"), ("-123", "-123"), ("-1234.567", "-1,234.567"),
    ("123456", "123,456"), ("1234567", "1,234,567"), ("nan", "nan"), ("1e+20", "1e+20"),
  ])
  func grouping(text: String, expected: String) {
    #expect(NumberFormat.grouped(text) == expected)
  }
}
