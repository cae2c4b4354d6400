import FunnelData
import FunnelLanguage
import Testing

@testable import FunnelEngine

/// Calendar shifts at the edges of the supported days (0001-01-01 ...
/// 9999-12-31) and at month ends: the right day up to the edge, an
/// `Overflow` one step past it.
@Suite struct CheckedDateTests {
  static func overflow(_ f: () throws -> Column) -> Overflow? { CheckedArithmeticTests.overflow(f) }

  static func day(_ text: String) -> Int32 { Periods.parse(text, unit: .day) ?? 0 }

  @Test(
    arguments: [
      ("2026-01-31", Duration(amount: 1, unit: .months), false, "2026-02-28"),
      ("2024-01-31", Duration(amount: 1, unit: .months), false, "2024-02-29"),
      ("2024-02-29", Duration(amount: 1, unit: .years), false, "2025-02-28"),
      ("2026-03-31", Duration(amount: 1, unit: .months), true, "2026-02-28"),
      ("2026-12-31", Duration(amount: 2, unit: .months), false, "2027-02-28"),
      ("9999-11-30", Duration(amount: 1, unit: .months), false, "9999-12-30"),
      ("9999-12-31", Duration(amount: 1, unit: .months), false, nil),
      ("0001-01-31", Duration(amount: 1, unit: .months), true, nil),
      ("0001-01-01", Duration(amount: 1, unit: .days), true, nil),
      ("9999-12-31", Duration(amount: 0, unit: .days), false, "9999-12-31"),
      ("9999-12-24", Duration(amount: 1, unit: .weeks), false, "9999-12-31"),
      ("9999-12-25", Duration(amount: 1, unit: .weeks), false, nil),
      ("2026-01-01", Duration(amount: 2_147_483_647, unit: .days), false, nil),
      ("2026-01-31", Duration(amount: 100_000_000, unit: .months), false, nil),
      ("2026-01-31", Duration(amount: .max, unit: .months), false, nil),
      ("2026-01-31", Duration(amount: .min, unit: .days), true, nil),
      ("2026-01-31", Duration(amount: .max / 2, unit: .weeks), false, nil),
      ("2026-01-31", Duration(amount: .max / 2, unit: .years), false, nil),
    ] as [(String, Duration, Bool, String?)])
  func dateShifts(from: String, by d: Duration, negative: Bool, expected: String?) throws {
    let dates = Column(.date([Self.day(from)]))
    let run = { () throws -> Column in try DateKernels.shift(dates, d, negative: negative) }
    if let expected {
      #expect(try run().value(at: 0).rawText == expected)
    } else {
      #expect(Self.overflow(run) == Overflow(.date))
    }
  }

  @Test func timestampShiftsKeepTheTimeAndCheckTheDay() throws {
    let t = Timestamps.make(day: Self.day("9999-12-31"), hour: 23, minute: 59, second: 59)
    let c = Column(.timestamp([t]))
    let back = try DateKernels.shift(c, Duration(amount: 1, unit: .months), negative: true)
    #expect(back.value(at: 0).rawText == "9999-11-30 23:59:59")
    #expect(
      Self.overflow {
        try DateKernels.shift(c, Duration(amount: 1, unit: .days), negative: false)
      } == Overflow(.timestamp))
    #expect(
      Self.overflow {
        try DateKernels.shift(c, Duration(amount: 9_000_000_000_000, unit: .days), negative: false)
      } == Overflow(.timestamp))
  }

  @Test func yearsAreFourDigitsAndNumbersPastInt32AreNoYear() throws {
    #expect(Periods.parse("99999999999999999999", unit: .year) == nil)
    #expect(Periods.parse("2026", unit: .year) == 2026)
    #expect(ExprBinder.year(4_294_969_322) == Int32.max)
    #expect(ExprBinder.year(-4_294_965_270) == Int32.min)
  }

  @Test func hugeDayShiftsOverNullsOnlyDoNotOverflow() throws {
    let nulls = Column(.date([0, 0]), validity: Bitmap([false, false]))
    let out = try DateKernels.shift(nulls, Duration(amount: .max, unit: .days), negative: false)
    #expect(out.validity?.allSet == false)
    let first = Timestamps.make(day: CivilDate.supportedDays.lowerBound, hour: 0, minute: 0, second: 0)
    #expect(
      Self.overflow {
        try DateKernels.shift(Column(.timestamp([first])), Duration(amount: 1, unit: .days), negative: true)
      } == Overflow(.timestamp))
  }

  @Test func supportedDaysAreYearsOneTo9999() {
    #expect(CivilDate(daysSinceEpoch: CivilDate.supportedDays.lowerBound).description == "0001-01-01")
    #expect(CivilDate(daysSinceEpoch: CivilDate.supportedDays.upperBound).description == "9999-12-31")
  }
}
