import Foundation
import FunnelData

/// The scalar functions over evaluated argument columns. Text functions work
/// on the dictionary (once per distinct text), then map the codes.
enum ScalarKernels {
  static func apply(_ f: ScalarFunction, _ args: [Column], type: DataType) throws(Overflow) -> Column {
    let c = args[0]
    switch f {
    case .period(let unit):
      return Column(.period(Periods.buckets(days: c.int32s, unit: unit), unit: unit), validity: c.validity)
    case .dateFromText:
      let parsed = perText(c) { Periods.parse($0.withoutSurroundingSpaces, unit: .day) }
      return Column(
        .date(parsed.values.map { $0 ?? 0 }),
        validity: combinedValidity(c.validity, Bitmap(parsed.values.map { $0 != nil })))
    case .lower: return mapText(c) { $0.lowercased() }
    case .upper: return mapText(c) { $0.uppercased() }
    case .trim: return mapText(c) { $0.withoutSurroundingSpaces }
    case .text: return TextKernels.concat([c], skippingNulls: false)
    case .concat: return TextKernels.concat(args, skippingNulls: true)
    case .length:
      return Column(.int(perText(c) { Int64($0.count) }.values), validity: c.validity)
    // Every text holds the empty text (as it starts and ends with it);
    // Foundation's `contains` says otherwise, so "" is answered here.
    case .contains: return textTest(c, args[1]) { $1.isEmpty || $0.contains($1) }
    case .startsWith: return textTest(c, args[1]) { $0.hasPrefix($1) }
    case .endsWith: return textTest(c, args[1]) { $0.hasSuffix($1) }
    case .round(let digits): return try MathKernels.round(c, digits: digits)
    case .abs: return try MathKernels.abs(c)
    case .floor: return MathKernels.floorCeil(c, up: false)
    case .ceil: return MathKernels.floorCeil(c, up: true)
    case .reached(let stages): return reached(c, stages: stages, dates: Array(args.dropFirst()))
    case .dealReached(let stages, let lostStages):
      return dealReached(c, lostStage: args[1], stages: stages, lostStages: lostStages)
    case .stageEntered(let entries): return entries.days(deal: c, stage: args[1])
    }
  }

  /// `f` applied once per distinct text, then spread over the rows.
  static func perText<T>(_ c: Column, _ f: (String) -> T) -> (values: [T], table: [T]) {
    guard case .string(let codes, let dict) = c.data else { return ([], []) }
    let table = dict.values.map(f)
    return (codes.map { table[Int($0)] }, table)
  }

  /// A text column with every distinct text mapped (codes remapped into a new dictionary).
  static func mapText(_ c: Column, _ f: (String) -> String) -> Column {
    guard case .string(let codes, let dict) = c.data else { return c }
    var builder = StringDictionaryBuilder()
    let remap = dict.values.map { builder.code(for: f($0)) }
    return Column(.string(codes: codes.map { remap[Int($0)] }, dictionary: builder.build()), validity: c.validity)
  }

  /// `contains(x, y)` and kin: per distinct text when `y` is one text, else per row.
  static func textTest(_ c: Column, _ other: Column, _ f: (String, String) -> Bool) -> Column {
    guard case .string(let codes, let dict) = c.data, case .string(let oc, let od) = other.data else { return c }
    let validity = combinedValidity(c.validity, other.validity)
    if od.count == 1 {
      let needle = od.values[0]
      let table = dict.values.map { f($0, needle) }
      return Column(.bool(codes.map { table[Int($0)] }), validity: validity)
    }
    var out = [Bool](repeating: false, count: codes.count)
    for i in 0..<codes.count { out[i] = f(dict.values[Int(codes[i])], od.values[Int(oc[i])]) }
    return Column(.bool(out), validity: validity)
  }

  /// True when the stage text is one of `stages` or any date column has a value;
  /// never null (a lead with no stage has reached nothing).
  /// As `reached` with no dates, and a closed_lost deal whose lost stage is in
  /// `lostStages` reached the stage too.
  static func dealReached(_ stage: Column, lostStage: Column, stages: Set<String>, lostStages: Set<String>) -> Column {
    let reachedByStage = reached(stage, stages: stages, dates: [])
    guard case .bool(var out) = reachedByStage.data, case .string(let codes, let dict) = stage.data,
      case .string(let lostCodes, let lostDict) = lostStage.data
    else { return reachedByStage }
    let isLost = dict.values.map { $0 == "closed_lost" }
    // Read as the deal funnel reads it: lowercased and trimmed.
    let lostAt = lostDict.values.map { lostStages.contains($0.lowercased().trimmingSpaces) }
    for i in 0..<out.count where !stage.isNull(i) && !lostStage.isNull(i) {
      if isLost[Int(codes[i])] && lostAt[Int(lostCodes[i])] { out[i] = true }
    }
    return Column(.bool(out))
  }

  static func reached(_ stage: Column, stages: Set<String>, dates: [Column]) -> Column {
    let n = stage.count
    var out = [Bool](repeating: false, count: n)
    if case .string(let codes, let dict) = stage.data {
      let table = dict.values.map { stages.contains($0) }
      for i in 0..<n where !stage.isNull(i) { out[i] = table[Int(codes[i])] }
    }
    for d in dates {
      if let v = d.validity {
        for i in 0..<n where v[i] { out[i] = true }
      } else {
        for i in 0..<n { out[i] = true }
      }
    }
    return Column(.bool(out))
  }
}
