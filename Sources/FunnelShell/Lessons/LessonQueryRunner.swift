import FunnelData

/// What lessons need from the session: run one statement's text on the current data.
///
/// The shell's session conforms to this, so lessons, handouts and exercise
/// checks run on whatever data is loaded (the demo data at any size and seed,
/// or a class data set) without knowing how the shell runs statements.
public protocol LessonQueryRunner: AnyObject {
  /// Runs one pipeline or expression statement and returns its result table (a scalar as a 1×1 table).
  func lessonResult(of statement: String) throws -> Table
  /// Renders a table for the student the way the shell shows results (at a terminal or not).
  func lessonRender(_ table: Table) -> String
  /// The value set for `$name` (`.param`, `--param`), when there is one.
  func lessonParameter(_ name: String) -> String?
}

extension LessonQueryRunner {
  public func lessonParameter(_ name: String) -> String? { nil }
}

/// Why a lesson could not be shown or an answer not be read.
public struct LessonError: Error, CustomStringConvertible, Equatable {
  public let message: String

  public init(_ message: String) { self.message = message }

  public var description: String { message }
}
