import Foundation
import Testing

/// The real binary at a pseudo-terminal: prompt, answers, completion,
/// continuation, Ctrl-C, history, Ctrl-D. Every wait ends within 10 seconds.
@Suite(
  .serialized,
  .enabled(if: PseudoTerminal.binary != nil, "no funnel binary: build it (swift build) or set FUNNEL_BIN"))
struct InteractiveShellTests {
  static let prompt = "funnel> "

  /// A shell at its first prompt.
  func started(_ arguments: [String] = []) throws -> PseudoTerminal {
    let shell = try PseudoTerminal(arguments: arguments)
    #expect(shell.expect("Funnel 0.1.0"), "banner: \(shell.unmatched)")
    #expect(shell.expect("'.lesson' to learn"), "banner: \(shell.unmatched)")
    #expect(shell.expect(Self.prompt), "first prompt: \(shell.unmatched)")
    return shell
  }

  @Test func promptAndAnswer() throws {
    let shell = try started()
    shell.send("deals | where stage == \"closed_won\" | count\r")
    #expect(shell.expect("count"), "\(shell.unmatched)")
    #expect(shell.expect(Self.prompt), "\(shell.unmatched)")
    shell.send("1 + 2\r")
    #expect(shell.expect("3\r\n" + Self.prompt), "\(shell.unmatched)")
  }

  /// A lesson page shows its query but types nothing at the prompt, so
  /// `.next` goes in alone; after `.edit` the query is at the prompt, and
  /// `.next` typed after it is the command, not the end of the query.
  @Test func aCommandTypedAfterAnEditedQueryRuns() throws {
    let shell = try started()
    shell.send(".lesson 1\r")
    #expect(shell.expect("Page 1 of 5"), "\(shell.unmatched)")
    #expect(shell.expect("leads | select lead_id, created_at, channel, stage, mql_at, won_at | take 5"))
    #expect(shell.expect(Self.prompt), "\(shell.unmatched)")
    shell.send(".edit\r")
    #expect(shell.expect(Self.prompt + "leads | select lead_id"), "at the prompt: \(shell.unmatched)")
    shell.send(".next\r")
    #expect(shell.expect("Page 2 of 5"), "\(shell.unmatched)")
    #expect(!shell.unmatched.contains("unexpected character"))
    shell.send(".where\r")
    #expect(shell.expect("Page 2 of 5, then 3 exercises"), "\(shell.unmatched)")
  }

  /// After a wrong `.check` with a query, `.edit` brings the whole check
  /// back to correct it; navigation commands are never what it brings.
  @Test func editBringsBackTheLastCheck() throws {
    let shell = try started()
    shell.send(".check 4.2 deals | agg pipeline_value() by owner | sort pipeline_value\r")
    #expect(shell.expect("sorted the other way round"), "\(shell.unmatched)")
    shell.send(".where\r")
    #expect(shell.expect("Exercise 2 of 3"), "\(shell.unmatched)")
    shell.send(".edit\r")
    #expect(shell.expect(Self.prompt + ".check 4.2 deals | agg pipeline_value() by owner | sort pipeline_value"))
    shell.send(" desc\r")
    #expect(shell.expect("Right"), "\(shell.unmatched)")
  }

  /// Enter runs a page's query; its question comes again under the result.
  @Test func aPageQuestionFollowsItsResult() throws {
    let shell = try started()
    shell.send(".lesson 1\r")
    #expect(shell.expect("Type .next to go on, .prev to go back."), "\(shell.unmatched)")
    shell.send("\r")
    #expect(shell.expect("lead_id  created_at"), "the result: \(shell.unmatched)")
    #expect(shell.expect("Question: Some mql_at and won_at cells are empty"), "\(shell.unmatched)")
  }

  /// At the prompt a message's place is its caret, not a line number that
  /// counts every line typed since the shell started; a statement of
  /// several lines names the line within it.
  @Test func promptMessagesNeedNoLineNumbers() throws {
    let shell = try started()
    for _ in 0..<3 {
      shell.send("1 + 1\r")
      #expect(shell.expect(Self.prompt), "\(shell.unmatched)")
    }
    shell.send("deals | agg sum(ammount)\r")
    #expect(shell.expect("\r\nerror: unknown column 'ammount' in deals\r\n"), "\(shell.unmatched)")
    #expect(shell.expect(Self.prompt), "\(shell.unmatched)")
    shell.send("deals |\rwhere stagee == \"x\"\r")
    #expect(shell.expect("line 2: error: unknown column 'stagee'"), "\(shell.unmatched)")
  }

  @Test func tabCompletesADatasetAStageAndAColumn() throws {
    let shell = try started()
    // libedit writes only what a completion adds to the line.
    shell.send("dea\t")
    #expect(shell.expect("ls "), "dataset: \(shell.unmatched)")
    shell.send("| derive big_deal = amount > 50000 | whe\t")
    #expect(shell.expect("re "), "stage: \(shell.unmatched)")
    shell.send("big_d\t")
    #expect(shell.expect("eal "), "derived column: \(shell.unmatched)")
    shell.send("| cou\t")
    #expect(shell.expect("nt "), "\(shell.unmatched)")
    shell.send("\r")
    #expect(shell.expect("───"), "\(shell.unmatched)")
    #expect(shell.expect(Self.prompt), "\(shell.unmatched)")
    shell.send(".history\r")
    #expect(shell.expect("deals | derive big_deal = amount > 50000 | where big_deal | count"), "\(shell.unmatched)")
  }

  @Test func continuedStatementShowsTheSecondPrompt() throws {
    let shell = try started()
    shell.send("leads |\r")
    #expect(shell.expect("   ...> "), "\(shell.unmatched)")
    shell.send("count by stage\r")
    #expect(shell.expect("opportunity"), "\(shell.unmatched)")
    #expect(shell.expect(Self.prompt), "\(shell.unmatched)")
  }

  /// The prompt reads the line as the lexer does: after `\"` the string is still open,
  /// so Enter asks for more instead of running a statement cut in the middle.
  @Test func anEscapedQuoteKeepsTheStringOpenAcrossLines() throws {
    let shell = try started()
    shell.send("deals | where owner == \"a\\\" | count\r")
    #expect(shell.expect("   ...> "), "\(shell.unmatched)")
    shell.send("\" | count\r")
    // One statement: no owner is called `a" | count` and a newline, so the count is 0.
    #expect(shell.expect("─────\r\n    0"), "\(shell.unmatched)")
    #expect(shell.expect(Self.prompt), "\(shell.unmatched)")
  }

  @Test func ctrlCAtThePromptGivesAFreshOne() throws {
    let shell = try started()
    shell.send("deals | wher")
    #expect(shell.expect("wher"))
    shell.send("\u{03}")
    #expect(shell.expect("^C"), "\(shell.unmatched)")
    #expect(shell.expect(Self.prompt), "\(shell.unmatched)")
    shell.send(".tables\r")
    #expect(shell.expect("touches"), "the line was dropped and the shell lives: \(shell.unmatched)")
    #expect(!shell.unmatched.contains("error"))
  }

  @Test func ctrlCStopsALongQueryAndKeepsTheData() throws {
    // A many-to-many join on owner (about 4 million rows at 60,000 leads),
    // then more stages: several seconds in a debug build.
    let shell = try started(["--demo-size", "60000"])
    shell.send("deals | join deals on owner | join campaigns on campaign_id | count by channel\r")
    Thread.sleep(forTimeInterval: 1.0)
    let pressed = Date()
    shell.send("\u{03}")
    #expect(shell.expect("cancelled", timeout: 20), "\(shell.unmatched)")
    let latency = Date().timeIntervalSince(pressed)
    #expect(shell.expect(Self.prompt), "\(shell.unmatched)")
    shell.send(".tables\r")
    #expect(shell.expect("60,000"), "leads still loaded: \(shell.unmatched)")
    print("cancel latency: \(Int(latency * 1000)) ms")
  }

  @Test func upArrowRecallsTheLastStatement() throws {
    let shell = try started()
    shell.send("campaigns | take 1\r")
    #expect(shell.expect("campaign_id"), "\(shell.unmatched)")
    #expect(shell.expect(Self.prompt), "\(shell.unmatched)")
    shell.send("\u{1B}[A")
    #expect(shell.expect("campaigns | take 1"), "\(shell.unmatched)")
    shell.send("\r")
    #expect(shell.expect("campaign_id"), "ran again: \(shell.unmatched)")
  }

  @Test func unwritableHistoryWarnsOnceAndExitsZero() throws {
    let shell = try PseudoTerminal(extraEnvironment: ["FUNNEL_HISTORY": "/nonexistent-dir/history"])
    #expect(shell.expect(Self.prompt), "\(shell.unmatched)")
    shell.send("deals | count\r")
    #expect(shell.expect(Self.prompt), "\(shell.unmatched)")
    shell.send(".quit\r")
    #expect(shell.expect("warning: cannot write the history file /nonexistent-dir/history"), "\(shell.unmatched)")
    #expect(shell.exitStatus() == 0)
    #expect(!shell.unmatched.contains("warning"), "only one warning")
  }

  /// Not a bound, a measure: how long a person waits for the first prompt
  /// with the default demo data (printed; the debug build is several times slower).
  /// ~/.funnelrc runs before the first prompt; a failing line names the file
  /// and line, and the shell opens with what ran before it.
  @Test func theStartUpFileRunsBeforeThePromptAndAnErrorInItDoesNotStopTheShell() throws {
    let rc = [
      ".param min_amount 50000", "let big = deals | where amount >= $min_amount", "deals | agg sum(ammount)",
      "let never = 1",
    ].joined(separator: "\n")
    let shell = try PseudoTerminal(homeFiles: [".funnelrc": rc])
    #expect(shell.expect("/.funnelrc:3:17: error: unknown column 'ammount'"), "\(shell.unmatched)")
    #expect(shell.expect("the rest of"), "\(shell.unmatched)")
    #expect(shell.expect("big 518"), "the banner lists the start-up file's dataset: \(shell.unmatched)")
    #expect(shell.expect(Self.prompt), "\(shell.unmatched)")
    shell.send("big | count\r")
    #expect(shell.expect("518"), "\(shell.unmatched)")
    shell.send("never\r")
    #expect(shell.expect("unknown dataset 'never'"), "\(shell.unmatched)")
  }

  @Test func noInitSkipsTheStartUpFile() throws {
    let shell = try PseudoTerminal(arguments: ["--no-init"], homeFiles: [".funnelrc": "let big = deals | take 1\n"])
    #expect(shell.expect(Self.prompt), "\(shell.unmatched)")
    shell.send("big\r")
    #expect(shell.expect("unknown dataset 'big'"), "\(shell.unmatched)")
  }

  @Test func funnelRCNamesAnotherStartUpFile() throws {
    let other = NSTemporaryDirectory() + "funnel-rc-\(getpid())-\(UUID().uuidString.prefix(8)).funnel"
    try "let team = deals | where owner == \"Olivia Brooks\"\n".write(toFile: other, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: other) }
    let shell = try PseudoTerminal(
      extraEnvironment: ["FUNNEL_RC": other], homeFiles: [".funnelrc": "let big = deals | take 1\n"])
    #expect(shell.expect(Self.prompt), "\(shell.unmatched)")
    shell.send("team | count\r")
    #expect(shell.expect("199"), "\(shell.unmatched)")
    shell.send("big\r")
    #expect(shell.expect("unknown dataset 'big'"), "\(shell.unmatched)")
  }

  @Test func timeToFirstPrompt() throws {
    let started = Date()
    let shell = try PseudoTerminal(arguments: ["--quiet"])
    #expect(shell.expect(Self.prompt), "\(shell.unmatched)")
    print("time to first prompt: \(Int(Date().timeIntervalSince(started) * 1000)) ms")
  }

  /// A student at the prompt: a lesson's pages with their queries offered
  /// (Enter on the empty prompt runs them), the exercises after the last
  /// page, a hint, a wrong answer, then a right one, saved in the progress file.
  @Test func walksThroughALessonAndSolvesAnExercise() throws {
    let shell = try started(["--demo-size", "2000"])
    shell.send(".lesson 1\r")
    #expect(shell.expect("Page 1 of 5"), "\(shell.unmatched)")
    #expect(shell.expect("Enter on the empty prompt runs it"), "\(shell.unmatched)")
    #expect(shell.expect(Self.prompt), "\(shell.unmatched)")
    shell.send("\r")
    // The query is written on the prompt's line, as if typed, then its result.
    #expect(shell.expect(Self.prompt + "leads | select lead_id"), "shown: \(shell.unmatched)")
    #expect(shell.expect("lead_id"), "ran: \(shell.unmatched)")
    #expect(shell.expect(Self.prompt), "\(shell.unmatched)")
    shell.send(".next\r")
    #expect(shell.expect("Page 2 of 5"), "\(shell.unmatched)")
    #expect(shell.expect(Self.prompt), "\(shell.unmatched)")
    shell.send("\r")
    #expect(shell.expect(Self.prompt + "leads | count by stage"), "\(shell.unmatched)")
    #expect(shell.expect("opportunity"), "\(shell.unmatched)")
    #expect(shell.expect(Self.prompt), "\(shell.unmatched)")
    // A query is offered once: Enter again on the empty prompt does nothing.
    shell.send("\r")
    #expect(shell.expect(Self.prompt), "\(shell.unmatched)")
    #expect(!shell.unmatched.contains("opportunity"))
    shell.send(".next\r")
    #expect(shell.expect("Page 3 of 5"), "\(shell.unmatched)")
    #expect(shell.expect(Self.prompt), "\(shell.unmatched)")
    // .edit puts the query at the prompt to change it; it runs as edited.
    shell.send(".edit\r")
    #expect(shell.expect(Self.prompt + "leads | funnel"), "\(shell.unmatched)")
    shell.send(" by region\r")
    #expect(shell.expect("overall_conversion"), "\(shell.unmatched)")
    #expect(shell.expect("EMEA"), "by region: \(shell.unmatched)")
    #expect(shell.expect(Self.prompt), "\(shell.unmatched)")
    // Skipping a page's query: .next straight away.
    for page in [4, 5] {
      shell.send(".next\r")
      #expect(shell.expect("Page \(page) of 5"), "\(shell.unmatched)")
      #expect(shell.expect(Self.prompt), "\(shell.unmatched)")
    }
    shell.send(".next\r")
    #expect(shell.expect("Exercise 1 of 3"), "\(shell.unmatched)")
    #expect(shell.expect(Self.prompt), "\(shell.unmatched)")
    shell.send(".hint\r")
    #expect(shell.expect("Hint: Run the funnel"), "\(shell.unmatched)")
    shell.send(".check 90%\r")
    #expect(shell.expect("Not quite"), "\(shell.unmatched)")
    shell.send(".check leads | funnel\r")
    #expect(shell.expect("Right"), "\(shell.unmatched)")
    #expect(shell.expect("Exercise 2 of 3"), "moves on: \(shell.unmatched)")
    #expect(shell.expect(Self.prompt), "\(shell.unmatched)")
    shell.send("\u{04}")
    #expect(shell.exitStatus() == 0)
    let progress = try String(contentsOfFile: shell.home + "/.funnel_progress", encoding: .utf8)
    #expect(progress.contains("exercise 1.1"), "\(progress)")
  }

  @Test func ctrlDLeavesAndSavesTheHistory() throws {
    let shell = try started()
    shell.send("deals | take 1\r")
    #expect(shell.expect(Self.prompt), "\(shell.unmatched)")
    shell.send("leads |\r")
    #expect(shell.expect("...> "), "\(shell.unmatched)")
    shell.send("take 1\r")
    #expect(shell.expect(Self.prompt), "\(shell.unmatched)")
    shell.send("\u{04}")
    #expect(shell.exitStatus() == 0)
    let saved = try String(contentsOfFile: shell.home + "/history", encoding: .utf8)
    // libedit's file escapes blanks and newlines (vis(3)).
    let entries = saved.replacingOccurrences(of: "\\040", with: " ").replacingOccurrences(of: "\\012", with: "\n")
    #expect(entries.contains("deals | take 1\n"))
    #expect(entries.contains("leads |\ntake 1"), "a continued statement is one entry: \(entries)")
  }

  /// A history that is not a regular file (`/dev/null`) is written in place
  /// and keeps its mode: libedit makes every file it writes history to 0600,
  /// which on /dev/null locks other users out of it. The test makes a null
  /// device of its own (mknod needs root; without it, or where the temporary
  /// folder allows no devices, there is nothing to check).
  @Test func aNullDeviceHistoryKeepsItsMode() throws {
    let device = NSTemporaryDirectory() + "funnel-null-\(UUID().uuidString)"
    // Device 1:3 (major 1, minor 3) in Linux's encoding: major << 8 | minor.
    guard mknod(device, S_IFCHR | 0o666, dev_t(1 << 8 | 3)) == 0 else { return }
    defer { unlink(device) }
    _ = chmod(device, 0o666)
    let probe = open(device, O_WRONLY)
    guard probe >= 0 else { return }
    close(probe)
    let shell = try PseudoTerminal(extraEnvironment: ["FUNNEL_HISTORY": device])
    #expect(shell.expect(Self.prompt), "\(shell.unmatched)")
    shell.send("1 + 2\r")
    #expect(shell.expect(Self.prompt), "\(shell.unmatched)")
    shell.send("\u{04}")
    #expect(shell.exitStatus() == 0)
    var info = stat()
    #expect(stat(device, &info) == 0)
    #expect(info.st_mode & S_IFMT == S_IFCHR, "still a device")
    #expect(info.st_mode & 0o777 == 0o666, "mode \(String(info.st_mode & 0o777, radix: 8))")
  }
}
