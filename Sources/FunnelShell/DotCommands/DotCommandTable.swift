/// Every shell command, in the order `.help` lists them.
extension DotCommand {
  public static let all: [DotCommand] = [
    .help, .tables, .schema, .load, .demo, .mode, .output, .read, .timer, .progress, .memoryLimit, .param, .save,
    .explain, .sql,
    .engine,
    .lesson, .next, .prev, .again, .whereAmI, .edit, .hint, .solution, .check, .glossary,
    .history, .clear, .quit, .exit,
  ]
}
