import Foundation
import FunnelData

/// The lessons a student has completed and the exercises they have solved.
///
/// Kept in `$FUNNEL_PROGRESS`, else `~/.funnel_progress`, as lines of text
/// (`lesson 3`, `exercise 3.1`) so a teacher can read or reset it by hand.
/// A missing or unreadable file is an empty progress, never an error: losing
/// a tick is better than a shell that will not start.
public struct LessonProgress: Equatable, Sendable {
  /// Where `save()` writes.
  public let path: String
  public private(set) var completedLessons: Set<Int> = []
  /// Solved exercises as (lesson, exercise) pairs, exercises counted from 1.
  public private(set) var solvedExercises: Set<ExerciseID> = []

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
      guard words.count == 2 else { continue }
      if words[0] == "lesson", let n = Int(words[1]) {
        progress.completedLessons.insert(n)
      } else if words[0] == "exercise" {
        let parts = words[1].split(separator: ".")
        if parts.count == 2, let l = Int(parts[0]), let e = Int(parts[1]) {
          progress.solvedExercises.insert(ExerciseID(lesson: l, exercise: e))
        }
      }
    }
    return progress
  }

  public func isCompleted(lesson: Int) -> Bool { completedLessons.contains(lesson) }

  public func isSolved(lesson: Int, exercise: Int) -> Bool {
    solvedExercises.contains(ExerciseID(lesson: lesson, exercise: exercise))
  }

  public mutating func markSolved(lesson: Int, exercise: Int) {
    solvedExercises.insert(ExerciseID(lesson: lesson, exercise: exercise))
  }

  public mutating func markCompleted(lesson: Int) { completedLessons.insert(lesson) }

  /// Forgets everything (the file is rewritten on the next `save()`).
  public mutating func reset() {
    completedLessons = []
    solvedExercises = []
  }

  /// The file's text: lessons, then exercises, in order.
  public var text: String {
    let lessons = completedLessons.sorted().map { "lesson \($0)\n" }
    let exercises = solvedExercises.sorted().map { "exercise \($0.lesson).\($0.exercise)\n" }
    return "# Funnel lesson progress\n" + (lessons + exercises).joined()
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
