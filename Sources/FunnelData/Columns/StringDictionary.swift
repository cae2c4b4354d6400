import Synchronization

/// The distinct strings of a text column; rows hold `Int32` codes into `values`.
/// Immutable once built, so filtered or reordered columns share it.
public final class StringDictionary: Sendable {
  public let values: [String]
  private let index: [String: Int32]
  // `rank` is built on first use (most dictionaries are never sorted on);
  // the lock makes that first use safe from two threads.
  private let cachedRank = Mutex<[Int32]?>(nil)

  public init(_ values: [String]) {
    self.values = values
    var index = [String: Int32](minimumCapacity: values.count)
    for (i, v) in values.enumerated() where index[v] == nil { index[v] = Int32(i) }
    self.index = index
  }

  /// Texts known to be distinct, with their codes (a builder's): no second
  /// pass of hashing, which for millions of texts takes seconds.
  init(distinct values: [String], index: [String: Int32]) {
    self.values = values
    self.index = index
  }

  public var count: Int { values.count }

  /// Texts above which a dictionary is freed on another thread: freeing
  /// millions of texts one by one takes most of a second, which would keep
  /// the prompt waiting after Ctrl-C or after a big result is dropped.
  static let freedAside = 100_000

  deinit {
    guard values.count >= Self.freedAside else { return }
    Discard.aside((values, index))
  }

  /// The dictionary of a text column whose rows are all null: one entry, for
  /// the code 0 those rows hold.
  public static let nullRowsOnly = StringDictionary([""])
  /// Whether each text appears once, so two codes are equal exactly when
  /// their texts are (always so for a builder's dictionary).
  public var isDistinct: Bool { index.count == values.count }

  /// The code of `text`, or nil when no row can hold it (a filter on it keeps nothing).
  public func code(of text: String) -> Int32? { index[text] }

  /// Codes ranked by text order (byte order of UTF-8), for sorting on codes:
  /// `rank[code] < rank[other]` exactly when the first text sorts first.
  public var rank: [Int32] {
    cachedRank.withLock { cached in
      if let cached { return cached }
      let order = values.indices.sorted { values[$0].utf8.lexicographicallyPrecedes(values[$1].utf8) }
      var rank = [Int32](repeating: 0, count: values.count)
      for (r, code) in order.enumerated() { rank[code] = Int32(r) }
      cached = rank
      return rank
    }
  }
}

/// Builds a dictionary and codes as values arrive.
public struct StringDictionaryBuilder: Sendable {
  public private(set) var values: [String] = []
  private var index: [String: Int32] = [:]

  public init() {}

  /// Distinct texts so far.
  public var count: Int { values.count }

  /// Room for `capacity` distinct texts, so that growing does not rehash
  /// every text again: a rehash of millions of texts takes seconds and
  /// cannot be stopped part way by Ctrl-C.
  public mutating func reserve(_ capacity: Int) {
    index.reserveCapacity(capacity)
    values.reserveCapacity(capacity)
  }

  /// The code of `text`, adding it if new.
  public mutating func code(for text: String) -> Int32 {
    if let c = index[text] { return c }
    let c = Int32(values.count)
    values.append(text)
    index[text] = c
    return c
  }

  public func build() -> StringDictionary { StringDictionary(distinct: values, index: index) }

  /// Lets go of the texts so far on another thread (see `Discard`), leaving
  /// the builder empty: after Ctrl-C, freeing millions of texts and their
  /// table would otherwise keep the prompt waiting. The builder's own
  /// references go at once, so the other thread's is the last.
  public mutating func discard() {
    Discard.aside((values, index))
    values = []
    index = [:]
  }
}
