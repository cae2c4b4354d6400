import Foundation
import Testing

/// The teacher's kit through the real binary: a handout without answers,
/// three students' progress exported with `.progress export`, and the class
/// report `--class-report` makes of them.
@Suite(.enabled(if: FunnelBinary.path != nil, "no funnel binary: build it (swift build) or set FUNNEL_BIN"))
struct TeacherKitTests {
  let folder: URL

  init() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("funnel-class-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }

  func run(_ arguments: [String], input: String? = nil) throws -> FunnelBinary.Result {
    try FunnelBinary.run(try #require(FunnelBinary.path), arguments: arguments, in: folder, input: input)
  }

  @Test func aStudentsHandoutHasNoAnswers() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let arguments = ["--demo-size", "2000", "--lesson", "4", "--format", "markdown"]
    let teacher = try run(arguments)
    let student = try run(arguments + ["--no-answers"])
    #expect(teacher.status == 0 && student.status == 0, "\(student.stderr)")
    #expect(teacher.stdout.contains("## Answers on this data"))
    #expect(!student.stdout.contains("Answers on this data"))
    // The same lesson otherwise: the student's copy is the teacher's up to the answers.
    let cut = try #require(teacher.stdout.range(of: "\n## Answers on this data"))
    #expect(student.stdout == String(teacher.stdout[..<cut.lowerBound]))
    #expect(student.stdout.contains("## Exercises") && student.stdout.contains("_Hint:_"))
    let misuse = try run(["--no-answers"])
    #expect(misuse.status == 1 && misuse.stderr.contains("--no-answers goes with --lesson N"))
  }

  /// Ana solves 1.1 at her second try and 1.2 at once; Ben (seed 7) solves
  /// 1.1; Chloe asks for 4.1's solution and gets it wrong.
  @Test func threeStudentsMakeAClassReport() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let ana = try run(
      ["--student", "ana", "--demo-size", "2000"],
      input: ".lesson 1\n.check 1.1 90%\n.check 1.1 leads | funnel\n.check 1.2 leads | funnel steps sql\n"
        + ".progress export ana.csv\n")
    let ben = try run(
      ["--student", "ben", "--demo-size", "2000", "--seed", "7"],
      input: ".check 1.1 leads | agg share(won_at != null)\n.progress export ben.csv\n")
    let chloe = try run(
      ["--student", "chloe", "--demo-size", "2000"],
      input: ".lesson 4\n.solution\n.check 4.1 1%\n.progress export chloe.csv\n")
    for result in [ana, ben, chloe] { #expect(result.status == 0, "\(result.stderr)") }
    #expect(ana.stderr.contains("wrote 2 exercises of ana's progress to ana.csv"), "\(ana.stderr)")
    let anaFile = try String(contentsOf: folder.appendingPathComponent("ana.csv"), encoding: .utf8)
    let exported = anaFile.split(separator: "\n")
    #expect(exported.first == "student,lesson,exercise,solved,attempts,used_solution,solved_at,seed,leads,data")
    #expect(exported.count == 3)
    #expect(
      exported[1].hasPrefix("ana,1,1,true,2,false,")
        && exported[1].hasSuffix(",42,2000,\"demo data, 2,000 leads, seed 42\""))
    #expect(exported[2].hasPrefix("ana,1,2,true,1,false,"))

    // A stray file that is not an export is named, not skipped.
    let report = try run(["--class-report", ".", "--format", "csv"])
    #expect(report.status == 0, "\(report.stderr)")
    // Two tables, one after the other: the students, then the exercises.
    let lines = report.stdout.split(separator: "\n")
    let students = lines.prefix { !$0.hasPrefix("exercise,") }
    let rows = students.map { $0.split(separator: ",", omittingEmptySubsequences: false) }
    #expect(
      rows.first?.joined(separator: ",")
        == "student,solved,tried,attempts,used_solution,lessons_completed,last_solved,seeds")
    #expect(rows.count == 4, "\(report.stdout)")
    #expect(rows[1].prefix(6).joined(separator: ",") == "ana,2,2,3,0,0" && rows[1].last == "42")
    #expect(rows[2].prefix(6).joined(separator: ",") == "ben,1,1,1,0,0" && rows[2].last == "7")
    #expect(rows[3].prefix(6).joined(separator: ",") == "chloe,0,1,1,1,0")
    #expect(report.stdout.contains("\n1.1,2,2,3,1.5,0,"), "\(report.stdout)")
    #expect(
      report.stdout.contains("\n4.1,1,0,1,1.0,1,") || report.stdout.contains("\n4.1,1,0,1,1,1,"), "\(report.stdout)")

    try "a,b\n1,2\n".write(to: folder.appendingPathComponent("notes.csv"), atomically: true, encoding: .utf8)
    let bad = try run(["--class-report", "."])
    #expect(bad.status == 1)
    #expect(bad.stderr.contains("notes.csv is not an exported progress file"), "\(bad.stderr)")
    let empty = try run(["--class-report", "nowhere"])
    #expect(empty.status == 1 && empty.stderr.contains("nowhere is not a folder"))
  }

  /// A hand-edited export with numbers no count can hold stops the report
  /// with the file and row, never a crash.
  @Test(arguments: [
    ("x,1,1,true,1e300,false", "attempts must be a whole number"),
    ("x,1,1,true,-3,false", "attempts must be a whole number"),
    ("x,1e300,1,true,1,false", "lesson and exercise must be whole numbers"),
    ("x,1.5,1,true,1,false", "lesson and exercise must be whole numbers"),
  ])
  func aBrokenExportIsAnErrorNotACrash(row: String, says: String) throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    try ("student,lesson,exercise,solved,attempts,used_solution\n" + row + "\n")
      .write(to: folder.appendingPathComponent("edited.csv"), atomically: true, encoding: .utf8)
    let report = try run(["--class-report", "."])
    #expect(report.status == 1, "\(report.stdout)")
    #expect(report.stderr.contains("edited.csv, row 2: " + says), "\(report.stderr)")
  }

  @Test func exportNeedsACSVPath() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try run(["--demo-size", "500"], input: ".progress export progress.json\n")
    #expect(result.status == 1)
    #expect(result.stderr.contains("export progress to a .csv file"), "\(result.stderr)")
  }
}
