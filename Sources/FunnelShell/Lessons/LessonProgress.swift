import Foundation
import FunnelData

/// The lessons a student has completed and the exercises they have solved,
/// with what a teacher needs to see how: for each exercise tried, the
/// attempts, whether `.solution` was used, when it was solved and on what data.
///
/// Kept in `$FUNNEL_PROGRESS`, else `~/.funnel_progress`, as lines of text a
/// teacher can read, collect (a class can point `FUNNEL_PROGRESS` at one
/// folder, a file each) or reset by hand:
///
///     # Funnel lesson progress
///     student ana
///     lesson 3
///     exercise 3.1 solved 2026-12-04T10:12:31Z attempts 2 solution no data demo data, 20,000 leads, seed 42
///     exercise 3.2 open attempts 4 solution yes
///
/// The older form, `exercise 3.1` alone, still reads as solved.
/// A missing or unreadable file is an empty progress, never an error: losing
/// a tick is better than a shell that will not start.
public struct LessonProgress: Equatable, Sendable {
  /// Where `save()` writes.
  public let path: String
  public private(set) var completedLessons: Set<Int> = []
  /// Solved exercises as (lesson, exercise) pairs, exercises counted from 1.
  public private(set) var solvedExercises: Set<ExerciseID> = []
  /// How each exercise tried went: attempts, `.solution`, when and on what data it was solved.
  public private(set) var records: [ExerciseID: Record] = [:]
  /// Who is learning: `$FUNNEL_STUDENT`, else `$USER`, when the file is first written.
  public var student: String?

  /// One exercise's history.
  public struct Record: Equatable, Sendable {
    public var attempts = 0
    public var usedSolution = false
    /// ISO 8601, UTC; nil while unsolved.
    public var solvedAt: String?
    /// The data the answer was checked on ("demo data, 20,000 leads, seed 42").
    public var data: String?

    public init() {}
  }

  /// An exercise by its lesson number and its 1-based place in the lesson.
  public struct ExerciseID: Hashable, Sendable, Comparable {
    public let lesson: Int
    public let exercise: Int

    public init(lesson: Int, exercise: Int) {
      self.lesson = lesson
      self.exercise = exercise
    }

    public static func < (a: ExerciseID, b: ExerciseID) -> Bool {
      (a.lesson, a.exercise) < (b.lesson, b.exercise)
    }
  }

  /// An empty progress that will be saved at `path`.
  public init(path: String) { self.path = path }

  /// `$FUNNEL_PROGRESS` when set and not empty, else `~/.funnel_progress`.
  public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
    if let path = environment["FUNNEL_PROGRESS"], !path.isEmpty { return path }
    let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    return (home as NSString).appendingPathComponent(".funnel_progress")
  }

  /// The progress saved at `path` (the default path when nil); empty when the
  /// file is missing or cannot be read. Lines it does not understand are skipped.
  public static func load(path: String? = nil) -> LessonProgress {
    var progress = LessonProgress(path: path ?? defaultPath())
    guard let data = FileManager.default.contents(atPath: progress.path),
      let text = String(data: data, encoding: .utf8)
    else { return progress }
    for line in text.split(whereSeparator: \.isNewline) {
      let words = line.split(separator: " ")
      guard words.count >= 2 else { continue }
      if words[0] == "student" {
        progress.student = words.dropFirst().joined(separator: " ")
      } else if words[0] == "lesson", words.count == 2, let n = Int(words[1]) {
        progress.completedLessons.insert(n)
      } else if words[0] == "exercise" {
        let parts = words[1].split(separator: ".")
        guard parts.count == 2, let l = Int(parts[0]), let e = Int(parts[1]) else { continue }
        let id = ExerciseID(lesson: l, exercise: e)
        guard words.count > 2 else {
          progress.solvedExercises.insert(id)
          continue
        }
        var record = Record()
        var k = 2
        while k < words.count {
          switch words[k] {
          case "solved" where k + 1 < words.count:
            record.solvedAt = String(words[k + 1])
            k += 2
          case "attempts" where k + 1 < words.count:
            record.attempts = Int(words[k + 1]) ?? 0
            k += 2
          case "solution" where k + 1 < words.count:
            record.usedSolution = words[k + 1] == "yes"
            k += 2
          case "data":
            record.data = words[(k + 1)...].joined(separator: " ")
            k = words.count
          default:
            k += 1
          }
        }
        progress.records[id] = record
        if record.solvedAt != nil { progress.solvedExercises.insert(id) }
      }
    }
    return progress
  }

  /// A check of an answer to the exercise, right or not.
  public mutating func recordAttempt(lesson: Int, exercise: Int) {
    records[ExerciseID(lesson: lesson, exercise: exercise), default: Record()].attempts += 1
  }

  /// `.solution` was shown for the exercise.
  public mutating func recordSolutionShown(lesson: Int, exercise: Int) {
    records[ExerciseID(lesson: lesson, exercise: exercise), default: Record()].usedSolution = true
  }

  public func isCompleted(lesson: Int) -> Bool { completedLessons.contains(lesson) }

  public func isSolved(lesson: Int, exercise: Int) -> Bool {
    solvedExercises.contains(ExerciseID(lesson: lesson, exercise: exercise))
  }

  /// `at` (ISO 8601) and `data` go into the exercise's record.
  public mutating func markSolved(lesson: Int, exercise: Int, at time: String? = nil, data: String? = nil) {
    let id = ExerciseID(lesson: lesson, exercise: exercise)
    solvedExercises.insert(id)
    guard time != nil || data != nil || records[id] != nil else { return }
    var record = records[id] ?? Record()
    record.solvedAt = record.solvedAt ?? time ?? "unknown"
    record.data = record.data ?? data
    records[id] = record
  }

  public mutating func markCompleted(lesson: Int) { completedLessons.insert(lesson) }

  /// Forgets everything (the file is rewritten on the next `save()`).
  public mutating func reset() {
    completedLessons = []
    solvedExercises = []
    records = [:]
  }

  /// The file's text: lessons, then exercises, in order.
  public var text: String {
    let who = student.map { ["student \($0)\n"] } ?? []
    let lessons = completedLessons.sorted().map { "lesson \($0)\n" }
    let exercises = solvedExercises.union(records.keys).sorted().map { id -> String in
      var line = "exercise \(id.lesson).\(id.exercise)"
      guard let record = records[id] else { return line + "\n" }
      line += record.solvedAt.map { " solved " + $0 } ?? (solvedExercises.contains(id) ? " solved unknown" : " open")
      line += " attempts \(record.attempts) solution " + (record.usedSolution ? "yes" : "no")
      if let data = record.data { line += " data " + data.replacingOccurrences(of: "\n", with: " ") }
      return line + "\n"
    }
    return "# Funnel lesson progress\n" + (who + lessons + exercises).joined()
  }

  /// `$FUNNEL_STUDENT`, else `$USER`: the name written into a new file.
  public static func studentName(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
    for key in ["FUNNEL_STUDENT", "USER"] {
      if let name = environment[key]?.split(whereSeparator: \.isWhitespace).joined(separator: "_"), !name.isEmpty {
        return name
      }
    }
    return nil
  }

  /// Writes the file through `SafeFileWriter`, so a crash or a full disk
  /// never leaves half a file.
  public func save() throws {
    do {
      try SafeFileWriter.write(Array(text.utf8), to: path)
    } catch let error as FileError {
      throw LessonError("cannot save lesson progress to \(path): \(error.message)")
    }
  }
}
