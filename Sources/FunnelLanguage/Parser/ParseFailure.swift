/// Thrown inside the parser once a statement's problem has been recorded (or
/// was already reported by the lexer): the statement is abandoned and parsing
/// resumes at the next one.
struct ParseFailure: Error {}
