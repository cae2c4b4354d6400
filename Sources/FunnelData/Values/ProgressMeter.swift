import Synchronization

/// How far a long piece of work has got: a load (bytes of the file read), the
/// demo generator or a statement (steps done). The work advances it as it
/// goes, from any thread; the shell's progress bar reads it a few times a
/// second and draws it on the terminal (see `ProgressBar` in FunnelShell).
///
/// Advancing costs one relaxed atomic add, made once per chunk of a file
/// (a read of up to a few MiB) or once per step of a plan, never per row.
///
///     let meter = ProgressMeter()
///     meter.start("loading touches.csv", total: 212_000_000, unit: .bytes)
///     meter.advance(8 << 20)
///     meter.snapshot  // done 8,388,608 of 212,000,000 bytes
public final class ProgressMeter: Sendable {
  /// What `done` and `total` count.
  public enum Unit: Sendable { case bytes, steps }

  /// The meter as it stood at one moment.
  public struct Snapshot: Sendable, Equatable {
    /// What is going on: "loading touches.csv", "join of 3,000,000 rows".
    public var label: String
    public var done: Int
    /// Nil when the end is not known (a pipe, stdin).
    public var total: Int?
    public var unit: Unit
    /// Counts from 1; a file read a second time (for the columns that need
    /// it) is on pass 2.
    public var pass: Int

    public init(label: String, done: Int, total: Int?, unit: Unit, pass: Int = 1) {
      self.label = label
      self.done = done
      self.total = total
      self.unit = unit
      self.pass = pass
    }

    /// The share done, 0...1; nil when the total is not known.
    public var fraction: Double? {
      guard let total, total > 0 else { return nil }
      return min(1, max(0, Double(done) / Double(total)))
    }
  }

  private let done = Atomic<Int>(0)
  private let about = Mutex<(label: String, total: Int?, unit: Unit, pass: Int)>(("", nil, .bytes, 1))

  public init() {}

  /// Begins a new piece of work: `done` back to 0.
  public func start(_ label: String, total: Int?, unit: Unit) {
    about.withLock { $0 = (label, total, unit, 1) }
    done.store(0, ordering: .relaxed)
  }

  /// Says what is going on now, keeping the count.
  public func relabel(_ label: String) {
    about.withLock { $0.label = label }
  }

  /// The file is read again from the start: `done` back to 0, next pass.
  public func nextPass() {
    about.withLock { $0.pass += 1 }
    done.store(0, ordering: .relaxed)
  }

  public func advance(_ count: Int) {
    done.add(count, ordering: .relaxed)
  }

  public func set(done value: Int) {
    done.store(value, ordering: .relaxed)
  }

  public var snapshot: Snapshot {
    let (label, total, unit, pass) = about.withLock { $0 }
    return Snapshot(label: label, done: done.load(ordering: .relaxed), total: total, unit: unit, pass: pass)
  }
}
