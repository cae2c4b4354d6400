import Foundation
import FunnelData

/// A student's progress as a table a teacher can collect (`.progress export
/// FILE`), and a class's files merged into one report (`funnel --class-report
/// FOLDER`).
///
/// The exported file is plain CSV with one row per exercise the student has
/// tried or solved, so a spreadsheet opens it as well as Funnel does:
///
///     student,lesson,exercise,solved,attempts,used_solution,solved_at,seed,leads,data
///     ana,3,1,true,2,false,2026-12-04T10:12:31Z,42,20000,"demo data, 20,000 leads, seed 42"
public enum ClassReport {
  /// The exported columns, in order; `--class-report` needs the first six.
  public static let columns = [
    "student", "lesson", "exercise", "solved", "attempts", "used_solution", "solved_at", "seed", "leads", "data",
  ]

  /// `progress` as the export table; `student` when the file has no name.
  public static func table(of progress: LessonProgress, student fallback: String?) -> Table {
    let ids = progress.solvedExercises.union(progress.records.keys).sorted()
    let who = progress.student ?? fallback ?? "unknown"
    let records = ids.map { progress.records[$0] }
    let demo = records.map { $0?.data.flatMap(DemoDescription.init) }
    return Table(
      names: columns,
      columns: [
        Column.make(.string, ids.map { _ in .string(who) }),
        Column.make(.int, ids.map { .int(Int64($0.lesson)) }),
        Column.make(.int, ids.map { .int(Int64($0.exercise)) }),
        Column.make(.bool, ids.map { .bool(progress.solvedExercises.contains($0)) }),
        Column.make(.int, records.map { .int(Int64($0?.attempts ?? 0)) }),
        Column.make(.bool, records.map { .bool($0?.usedSolution ?? false) }),
        Column.make(.string, records.map { $0?.solvedAt.map(Value.string) ?? .null }),
        Column.make(.int, demo.map { $0.map { .int(Int64(clamping: $0.seed)) } ?? .null }),
        Column.make(.int, demo.map { $0.map { .int(Int64($0.leads)) } ?? .null }),
        Column.make(.string, records.map { $0?.data.map(Value.string) ?? .null }),
      ])
  }

  /// One exported row, as read back.
  struct Row {
    let student: String
    let lesson: Int
    let exercise: Int
    let solved: Bool
    let attempts: Int
    let usedSolution: Bool
    let solvedAt: String?
    /// The demo seed the answer was checked on, when it was the demo data.
    let seed: String?

    var id: LessonProgress.ExerciseID { .init(lesson: lesson, exercise: exercise) }
  }

  /// The rows of one exported file; throws a `LessonError` naming the file
  /// and what is missing when it is not an export.
  static func rows(of table: Table, file: String) throws -> [Row] {
    let needed = columns.prefix(6).map { ($0, table.column($0)) }
    let found = needed.compactMap(\.1)
    guard found.count == needed.count else {
      throw LessonError(
        "\(file) is not an exported progress file: it has no column "
          + needed.filter { $0.1 == nil }.map(\.0).joined(separator: ", ") + " (make one with .progress export FILE)")
    }
    let (student, lesson, exercise) = (found[0], found[1], found[2])
    let (solved, attempts, used) = (found[3], found[4], found[5])
    let solvedAt = table.column("solved_at")
    let seed = table.column("seed")
    // A count in the file, as an Int only when it is one: 1e300 is no count.
    func whole(_ value: Value) -> Int? {
      guard let d = value.doubleValue, d == d.rounded(), abs(d) < 1e9 else { return nil }
      return Int(d)
    }
    return try (0..<table.rowCount).map { r in
      guard let l = whole(lesson.value(at: r)), let e = whole(exercise.value(at: r)) else {
        throw LessonError("\(file), row \(r + 2): lesson and exercise must be whole numbers")
      }
      let tries = attempts.value(at: r)
      guard let a = tries.isNull ? 0 : whole(tries), a >= 0 else {
        throw LessonError("\(file), row \(r + 2): attempts must be a whole number of 0 or more")
      }
      return Row(
        student: student.value(at: r).rawText, lesson: l, exercise: e,
        solved: truth(solved.value(at: r)), attempts: a,
        usedSolution: truth(used.value(at: r)),
        solvedAt: solvedAt.flatMap { $0.value(at: r).isNull ? nil : $0.value(at: r).rawText },
        seed: seed.flatMap { $0.value(at: r).isNull ? nil : $0.value(at: r).rawText })
    }
  }

  private static func truth(_ value: Value) -> Bool {
    if case .bool(let b) = value { return b }
    return ["true", "yes", "1"].contains(value.rawText.lowercased())
  }

  /// The class's files merged: a table of students and a table of exercises.
  ///
  /// Students: exercises solved and tried, attempts, `.solution` used,
  /// lessons completed (every exercise solved), the last time anything was
  /// solved, the demo seeds the answers were checked on. Exercises: for each exercise of every lesson, how many students
  /// tried and solved it, their attempts, and how many used `.solution`;
  /// an exercise nobody finds easy shows at a glance.
  static func report(_ rows: [Row]) -> (students: Table, exercises: Table) {
    let byStudent = Dictionary(grouping: rows, by: \.student).sorted { $0.key < $1.key }
    let names = byStudent.map(\.key)
    let studentRows = byStudent.map(\.value)
    func completed(_ rows: [Row]) -> Int {
      let solved = Set(rows.filter(\.solved).map(\.id))
      return Lessons.all.filter { lesson in
        !lesson.exercises.isEmpty
          && lesson.exercises.indices.allSatisfy { solved.contains(.init(lesson: lesson.number, exercise: $0 + 1)) }
      }.count
    }
    let students = Table(
      names: ["student", "solved", "tried", "attempts", "used_solution", "lessons_completed", "last_solved", "seeds"],
      columns: [
        Column.make(.string, names.map(Value.string)),
        Column.make(.int, studentRows.map { .int(Int64($0.filter(\.solved).count)) }),
        Column.make(.int, studentRows.map { .int(Int64($0.count)) }),
        Column.make(.int, studentRows.map { .int(Int64($0.reduce(0) { $0 + $1.attempts })) }),
        Column.make(.int, studentRows.map { .int(Int64($0.filter(\.usedSolution).count)) }),
        Column.make(.int, studentRows.map { .int(Int64(completed($0))) }),
        Column.make(.string, studentRows.map { $0.compactMap(\.solvedAt).max().map(Value.string) ?? .null }),
        Column.make(
          .string,
          studentRows.map { rows in
            let seeds = Set(rows.compactMap(\.seed)).sorted { (UInt64($0) ?? 0, $0) < (UInt64($1) ?? 0, $1) }
            return seeds.isEmpty ? .null : .string(seeds.joined(separator: " "))
          }),
      ])
    let exercises = Lessons.all.flatMap { lesson in
      lesson.exercises.indices.map {
        (lesson: lesson.number, exercise: $0 + 1, question: lesson.exercises[$0].question)
      }
    }
    let byExercise = Dictionary(grouping: rows, by: \.id)
    let tried = exercises.map { byExercise[.init(lesson: $0.lesson, exercise: $0.exercise)] ?? [] }
    let table = Table(
      names: ["exercise", "students", "solved", "attempts", "attempts_per_student", "used_solution", "question"],
      columns: [
        Column.make(.string, exercises.map { .string("\($0.lesson).\($0.exercise)") }),
        Column.make(.int, tried.map { .int(Int64(Set($0.map(\.student)).count)) }),
        Column.make(.int, tried.map { .int(Int64(Set($0.filter(\.solved).map(\.student)).count)) }),
        Column.make(.int, tried.map { .int(Int64($0.reduce(0) { $0 + $1.attempts })) }),
        Column.make(
          .double,
          tried.map { rows in
            let n = Set(rows.map(\.student)).count
            return n == 0
              ? .null : .double((Double(rows.reduce(0) { $0 + $1.attempts }) / Double(n) * 10).rounded() / 10)
          }),
        Column.make(.int, tried.map { .int(Int64(Set($0.filter(\.usedSolution).map(\.student)).count)) }),
        Column.make(.string, exercises.map { .string($0.question) }),
      ])
    return (students, table)
  }

  /// The `.csv` files in `folder`, sorted by name; throws when there are none.
  static func files(in folder: String) throws -> [String] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw LessonError("\(folder) is not a folder")
    }
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    let found = names.filter { $0.lowercased().hasSuffix(".csv") }.sorted()
    guard !found.isEmpty else {
      throw LessonError("\(folder) holds no .csv files; each student makes one with .progress export FILE")
    }
    return found.map { (folder as NSString).appendingPathComponent($0) }
  }
}
