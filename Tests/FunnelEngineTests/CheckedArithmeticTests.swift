import FunnelData
import FunnelLanguage
import Testing

@testable import FunnelEngine

/// Every kernel that can overflow, at the edges of its type: the result is
/// right up to the edge and an `Overflow` one step past it, never a wrap.
@Suite struct CheckedArithmeticTests {
  typealias F = EngineFixture

  static func ints(_ v: [Int64]) -> Column { Column(.int(v)) }
  static func decimals(_ v: [Int64], _ s: Int) -> Column { Column(.decimal(v, scale: s)) }

  /// The overflow a kernel throws, or nil when it returns (or throws anything else).
  static func overflow(_ f: () throws -> Column) -> Overflow? {
    do {
      _ = try f()
      return nil
    } catch {
      return error as? Overflow
    }
  }

  @Test(
    arguments: [
      (ArithmeticOperator.add, Int64.max - 1, Int64(1), Int64.max as Int64?),
      (.add, .max, 1, nil), (.add, .min, -1, nil), (.add, .min, 1, .min + 1),
      (.subtract, .min + 1, 1, .min), (.subtract, .min, 1, nil), (.subtract, 0, .min, nil), (.subtract, -1, .min, .max),
      (.multiply, .max, 1, .max), (.multiply, .max, -1, .min + 1), (.multiply, .min, -1, nil),
      (.multiply, 3_037_000_499, 3_037_000_499, 9_223_372_030_926_249_001),
      (.multiply, 3_037_000_500, 3_037_000_500, nil),
      (.remainder, .min, -1, 0), (.remainder, .max, 10, 7), (.remainder, -7, 3, -1),
    ] as [(ArithmeticOperator, Int64, Int64, Int64?)])
  func intArithmetic(op: ArithmeticOperator, a: Int64, b: Int64, expected: Int64?) throws {
    let run = { () throws -> Column in try Arithmetic.apply(op, Self.ints([a]), Self.ints([b]), type: .int) }
    if let expected {
      #expect(try run().value(at: 0) == .int(expected))
    } else {
      #expect(Self.overflow(run) == Overflow(.int))
    }
  }

  @Test func decimalArithmeticAtEveryScale() throws {
    for s in 0...6 {
      let type = DataType.decimal(scale: s)
      let top = Self.decimals([.max - 1], s), unit = Self.decimals([1], s)
      #expect(try Arithmetic.apply(.add, top, unit, type: type).value(at: 0) == .decimal(.max, scale: s))
      #expect(
        Self.overflow { try Arithmetic.apply(.add, Self.decimals([.max], s), unit, type: type) }
          == Overflow(type))
      #expect(
        Self.overflow {
          try Arithmetic.apply(.subtract, Self.decimals([.min], s), unit, type: type)
        } == Overflow(type))
    }
  }

  @Test func nullRowsNeverOverflow() throws {
    // A null slot may hold any number (a left join copies row 0's); only valid rows count.
    let a = Column(.int([.max, 1]), validity: Bitmap([false, true]))
    let out = try Arithmetic.apply(.add, a, Self.ints([1, 1]), type: .int)
    #expect(out.value(at: 0) == .null)
    #expect(out.value(at: 1) == .int(2))
    let n = try Arithmetic.negate(Column(.int([.min]), validity: Bitmap([false])))
    #expect(n.value(at: 0) == .null)
  }

  @Test func negateAndAbsOfTheSmallest() throws {
    #expect(Self.overflow { try Arithmetic.negate(Self.ints([0, .min])) } == Overflow(.int))
    #expect(Self.overflow { try MathKernels.abs(Self.ints([.min])) } == Overflow(.int))
    #expect(
      Self.overflow { try MathKernels.abs(Self.decimals([.min], 2)) }
        == Overflow(.decimal(scale: 2)))
    #expect(try Arithmetic.negate(Self.ints([.max])).value(at: 0) == .int(.min + 1))
    #expect(try MathKernels.abs(Self.ints([.min + 1])).value(at: 0) == .int(.max))
  }

  @Test func wideningCastsAtEveryScale() throws {
    for s in 1...6 {
      let p = Decimal64.intPowersOfTen[s]
      let fits = try Casts.apply(.intToDecimal(scale: s), Self.ints([Int64.max / p]))
      #expect(fits.value(at: 0) == .decimal(Int64.max / p * p, scale: s))
      #expect(
        Self.overflow {
          try Casts.apply(.intToDecimal(scale: s), Self.ints([Int64.max / p + 1]))
        } == Overflow(.decimal(scale: s)))
      let cast = Cast.decimalToDecimal(from: 0, to: s)
      #expect(
        Self.overflow { try Casts.apply(cast, Self.decimals([Int64.min / p - 1], 0)) }
          == Overflow(.decimal(scale: s)))
    }
    // Narrowing truncates toward zero and cannot overflow.
    #expect(
      try Casts.apply(.decimalToDecimal(from: 4, to: 2), Self.decimals([.min], 4)).value(at: 0)
        == .decimal(.min / 100, scale: 2))
  }

  // MARK: Rounding

  @Test(
    arguments: [
      (Int64(123_456), 2, -2, "1200"), (123_456, 2, -1, "1230"), (123_456, 2, 0, "1235"), (123_456, 2, 1, "1234.6"),
      (123_456, 2, 5, "1234.56"), (-125_000, 2, -2, "-1300"), (125_000, 2, -2, "1300"), (-124_999, 2, -2, "-1200"),
      (Int64.max, 6, -18, "0"), (Int64.min, 0, -18, "-9000000000000000000"), (Int64.max, 0, -1, nil),
      (Int64.max, 2, -17, "100000000000000000"), (Int64.max, 2, 1, "92233720368547758.1"),
    ] as [(Int64, Int, Int, String?)])
  func decimalRounding(units: Int64, scale: Int, digits: Int, expected: String?) throws {
    let run = { () throws -> Column in try MathKernels.round(Self.decimals([units], scale), digits: digits) }
    if let expected {
      #expect(try run().value(at: 0).rawText == expected)
    } else {
      #expect(Self.overflow(run) != nil)
    }
  }

  @Test(
    arguments: [
      (Int64(1250), -2, "1300" as String?), (-1250, -2, "-1300"), (1249, -2, "1200"), (.max, -1, nil), (.min, -1, nil),
      (.max, -18, "9000000000000000000"), (.min + 1, -18, "-9000000000000000000"), (.max, 2, "9223372036854775807"),
    ] as [(Int64, Int, String?)])
  func intRounding(value: Int64, digits: Int, expected: String?) throws {
    let run = { () throws -> Column in try MathKernels.round(Self.ints([value]), digits: digits) }
    if let expected {
      #expect(try run().value(at: 0).rawText == expected)
    } else {
      #expect(Self.overflow(run) == Overflow(.int))
    }
  }

  @Test func doubleRoundingToTensIsExact() throws {
    #expect(try MathKernels.round(Column(.double([1234.56, -1250])), digits: -2).doubles == [1200, -1300])
  }

  // MARK: Comparisons across scales

  @Test(
    arguments: [
      (Int64(900_000_000_000_000_000), 2, ComparisonOperator.greater, Value.decimal(10_001, scale: 4), true),
      (900_000_000_000_000_000, 2, .less, .decimal(10_001, scale: 4), false),
      (100, 2, .greater, .decimal(10_001, scale: 4), false), (101, 2, .greater, .decimal(10_001, scale: 4), true),
      (100, 2, .greaterOrEqual, .decimal(10_001, scale: 4), false),
      (101, 2, .greaterOrEqual, .decimal(10_001, scale: 4), true),
      (100, 2, .lessOrEqual, .decimal(10_001, scale: 4), true), (100, 2, .less, .decimal(10_001, scale: 4), true),
      (100, 2, .equal, .decimal(10_001, scale: 4), false), (100, 2, .notEqual, .decimal(10_001, scale: 4), true),
      (100, 2, .equal, .decimal(10_000, scale: 4), true), (-101, 2, .less, .decimal(-10_001, scale: 4), true),
      (-100, 2, .less, .decimal(-10_001, scale: 4), false), (-100, 2, .greater, .decimal(-10_001, scale: 4), true),
      (Int64.max, 2, .less, .int(.max), true), (Int64.min, 2, .greater, .int(.min), true),
      (Int64.max, 2, .equal, .int(.max), false), (500, 2, .equal, .int(5), true),
      (Int64.max, 0, .less, .decimal(1, scale: 6), false),
    ] as [(Int64, Int, ComparisonOperator, Value, Bool)])
  func decimalsCompareExactly(units: Int64, scale: Int, op: ComparisonOperator, constant: Value, expected: Bool) {
    let column = scale == 0 ? Self.ints([units]) : Self.decimals([units], scale)
    #expect(Comparisons.compare(op, column, constant: constant).bools == [expected])
    // The same with the constant as a column of its own.
    let other = Column.make(constant.type, [constant])
    #expect(Comparisons.compare(op, column, other).bools == [expected])
  }

  // MARK: Aggregates

  @Test func integerSumsAreExactWhereTheyFit() throws {
    let g: [Int32] = [0, 0, 0, 1, 1]
    let c = Self.ints([.max, .max, .min, .min, -1])
    // Group 0 passes Int64.max on the way and ends at Int64.max - 1; group 1 does not fit.
    #expect(
      Self.overflow { try Accumulators.compute(.sum, c, type: .int, groups: g, count: 2) }
        == Overflow(.int))
    let fits = try Accumulators.compute(.sum, c, type: .int, groups: [0, 0, 0, 0, 0], count: 1)
    #expect(fits.value(at: 0) == .int(-3))
    let g0 = try Accumulators.compute(.sum, Self.ints([.max, .max, .min]), type: .int, groups: [0, 0, 0], count: 1)
    #expect(g0.value(at: 0) == .int(.max - 1))
    let money = try Accumulators.compute(
      .sum, Self.decimals([.max, 1, -2], 2), type: .decimal(scale: 2), groups: [0, 0, 0], count: 1)
    #expect(money.value(at: 0) == .decimal(.max - 1, scale: 2))
  }

  @Test func averagesAreNeverASilentNull() throws {
    let avg = try Accumulators.compute(.avg, Self.ints([.max, .max]), type: .double, groups: [0, 0], count: 1)
    #expect(avg.value(at: 0) == .double(Double(Int64.max)))
    let cents = try Accumulators.compute(.avg, Self.decimals([1, 2], 2), type: .double, groups: [0, 0], count: 1)
    #expect(cents.value(at: 0) == .double(0.015))
  }
}
