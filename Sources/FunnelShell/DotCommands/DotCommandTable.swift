/// Every shell command, in the order `.help` lists them.
extension DotCommand {
  public static let all: [DotCommand] = [
    .help, .tables, .schema, .load, .demo, .mode, .output, .read, .timer, .param, .save, .explain,
    .history, .clear, .quit, .exit,
  ]
}
