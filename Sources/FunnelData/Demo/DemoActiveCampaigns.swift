/// Which campaigns are running on each day, by channel, so a lead created on
/// a day can be drawn from a campaign active around it in constant time.
///
/// One flat array holds, day by day and channel by channel, the indices of
/// the active campaigns, each repeated `weight` times so that a uniform pick
/// favours the larger ones. The lists of one day are contiguous, so the
/// campaigns of any channel on a day are a slice too.
struct DemoActiveCampaigns {
  private static let channels = DemoChannel.allCases.count
  /// `offsets[day * channels + channel] ..< offsets[... + 1]` is a slice of `entries`.
  private let offsets: [Int32]
  private let entries: [Int32]
  /// `latest[day * channels + channel]`: the last day on or before `day` with
  /// a campaign of `channel` running, or -1.
  private let latest: [Int32]

  /// With `cancellation` set part way, the lists are left empty (no
  /// campaign is active anywhere); the caller throws them away.
  init(plan: DemoCampaignPlan, cancellation: Cancellation? = nil) {
    let channels = DemoActiveCampaigns.channels
    let slots = DemoCalendar.dayCount * channels
    func stopped(_ c: Int) -> Bool { c & 0x3FF == 0x3FF && cancellation?.isCancelled == true }
    func empty() -> (offsets: [Int32], entries: [Int32], latest: [Int32]) {
      ([Int32](repeating: 0, count: slots + 1), [], [Int32](repeating: -1, count: slots))
    }
    var counts = [Int32](repeating: 0, count: slots + 1)
    for c in 0..<plan.count {
      if stopped(c) {
        (self.offsets, self.entries, self.latest) = empty()
        return
      }
      let ch = Int(plan.channel[c])
      for day in Int(plan.start[c])...plan.lastActiveDay(c) { counts[day * channels + ch] += plan.weight[c] }
    }
    var offsets = [Int32](repeating: 0, count: slots + 1)
    for s in 0..<slots { offsets[s + 1] = offsets[s] + counts[s] }
    var cursor = offsets
    var entries = [Int32](repeating: 0, count: Int(offsets[slots]))
    // Campaigns in id order, so each slice lists them in id order: no hashing anywhere.
    for c in 0..<plan.count {
      if stopped(c) {
        (self.offsets, self.entries, self.latest) = empty()
        return
      }
      let ch = Int(plan.channel[c])
      for day in Int(plan.start[c])...plan.lastActiveDay(c) {
        let s = day * channels + ch
        for _ in 0..<plan.weight[c] {
          entries[Int(cursor[s])] = Int32(c)
          cursor[s] += 1
        }
      }
    }
    var latest = [Int32](repeating: -1, count: slots)
    for day in 0..<DemoCalendar.dayCount {
      for ch in 0..<channels {
        let s = day * channels + ch
        if offsets[s] < offsets[s + 1] { latest[s] = Int32(day) } else if day > 0 { latest[s] = latest[s - channels] }
      }
    }
    self.offsets = offsets
    self.entries = entries
    self.latest = latest
  }

  /// A campaign of `channel` (a `DemoChannel` raw value) active on day offset `day`, or nil.
  @inline(__always)
  func pick(day: Int, channel: Int, _ rng: inout DemoRandom) -> Int32? {
    let s = day * DemoActiveCampaigns.channels + channel
    return pick(from: Int(offsets[s]), to: Int(offsets[s + 1]), &rng)
  }

  /// A campaign of `channel` active on day offset `day` or, when none is,
  /// on the latest day within `maxGap` days before it (a late reply to a
  /// campaign that has ended); nil when there is none.
  @inline(__always)
  func pickRecent(day: Int, channel: Int, maxGap: Int, _ rng: inout DemoRandom) -> Int32? {
    let found = Int(latest[day * DemoActiveCampaigns.channels + channel])
    guard found >= 0, day - found <= maxGap else { return nil }
    return pick(day: found, channel: channel, &rng)
  }

  /// A campaign of any channel active on day offset `day`, or nil.
  @inline(__always)
  func pickAny(day: Int, _ rng: inout DemoRandom) -> Int32? {
    let s = day * DemoActiveCampaigns.channels
    return pick(from: Int(offsets[s]), to: Int(offsets[s + DemoActiveCampaigns.channels]), &rng)
  }

  @inline(__always)
  private func pick(from low: Int, to high: Int, _ rng: inout DemoRandom) -> Int32? {
    low == high ? nil : entries[low + rng.below(high - low)]
  }
}
