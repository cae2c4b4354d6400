/// FunnelLanguage: from source text to syntax, with no execution.
///
/// Stages, in order:
/// 1. `Source/`: `SourceText` (a script or a prompt line, with its name) and `Span`.
/// 2. `Lexer/`: text → `[Token]`.
/// 3. `Parser/`: tokens → `[Statement]` (see `Syntax/`), recovering to report
///    more than the first error where it can.
/// 4. `Diagnostics/`: `Diagnostic`, a problem with a span and hints, as a value.
///
/// The engine binds the syntax to datasets; the shell renders diagnostics.
public enum FunnelLanguageLibrary {}
