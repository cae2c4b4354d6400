/// The deals: one for each lead that became an opportunity, opened that day,
/// closed won or lost with the lead, or still open in the stage its age
/// suggests. Deal ids follow the opening date, as a CRM numbers them.
///
/// The amount is the total value of the contract the account signed or is
/// negotiating: the product follows company size, the price a skewed draw
/// around the product's list range, so most deals are 5k–40k and enterprise
/// ones reach 100k and beyond. The term of the contract and the stage a lost
/// deal was lost in come from `DemoDealTerms`, the probability and expected
/// close date from `DemoForecast`.
struct DemoDeals {
  private(set) var lead: [Int32] = []
  private(set) var stage: [Int32] = []
  private(set) var closed: [Int32] = []
  private(set) var amount: [Int64] = []
  private(set) var product: [Int32] = []

  var count: Int { lead.count }

  /// Open deal stages by days since the deal opened (under 15, under 45,
  /// under 90, older): weights of prospecting, qualification, proposal, negotiation.
  private static let openStageByAge = [
    DemoWeights([70, 25, 5, 0]),
    DemoWeights([20, 45, 30, 5]),
    DemoWeights([5, 25, 45, 25]),
    DemoWeights([2, 13, 35, 50]),
  ]

  /// Deal size multiplier by company size class (thousandths).
  private static let sizeBoost = [850, 950, 1_000, 1_100, 1_300]

  init(leads: DemoLeads, rng: inout DemoRandom, cancellation: Cancellation? = nil) {
    // Counting sort of the opportunities by opening day keeps lead order
    // within a day, so the order is the same on every machine.
    let days = DemoCalendar.dayCount
    let opened = leads.reached[2]
    var starts = [Int](repeating: 0, count: days + 1)
    for d in opened where d != DemoColumns.noDate { starts[Int(d) + 1] += 1 }
    for d in 0..<days { starts[d + 1] += starts[d] }
    let n = starts[days]
    var order = [Int32](repeating: 0, count: n)
    for i in 0..<leads.count where opened[i] != DemoColumns.noDate {
      order[starts[Int(opened[i])]] = Int32(i)
      starts[Int(opened[i])] += 1
    }

    lead.reserveCapacity(n)
    stage.reserveCapacity(n)
    closed.reserveCapacity(n)
    amount.reserveCapacity(n)
    product.reserveCapacity(n)
    let last = Int32(days - 1)
    for (k, i32) in order.enumerated() {
      if k & 0x1FFF == 0x1FFF, cancellation?.isCancelled == true { break }
      let i = Int(i32)
      let size = Int(leads.size[i])
      let p = DemoVocabulary.productShareBySize[size].pick(&rng)
      lead.append(i32)
      product.append(Int32(p))
      amount.append(DemoDeals.amount(product: p, size: size, &rng))
      if leads.reached[3][i] != DemoColumns.noDate {
        stage.append(4)
        closed.append(leads.reached[3][i])
      } else if leads.lost[i] != DemoColumns.noDate {
        stage.append(5)
        closed.append(leads.lost[i])
      } else {
        let age = last - opened[i]
        let band = age < 15 ? 0 : age < 45 ? 1 : age < 90 ? 2 : 3
        stage.append(Int32(DemoDeals.openStageByAge[band].pick(&rng)))
        closed.append(DemoColumns.noDate)
      }
    }
  }

  /// A deal amount in cents: list price × skew, larger for larger companies;
  /// most round to $100, some carry the cents of a negotiated discount.
  private static func amount(product: Int, size: Int, _ rng: inout DemoRandom) -> Int64 {
    let sizeBoost = DemoDeals.sizeBoost[size]
    var dollars = rng.draw(DemoVocabulary.productPrice[product]) * rng.skewedPerMille() / 1_000
    dollars = dollars * sizeBoost / 1_000
    if rng.chance(1_500) {
      let cents = Int64(dollars) * Int64(rng.between(850, 980))
      return cents / 10 + Int64(rng.below(100))
    }
    return Int64(max(dollars / 100, 5) * 100) * 100
  }

  /// The `deals` table, reading owner and campaign from the leads, terms and
  /// lost stages from `terms`, probability and expected close from `forecast`.
  func table(leads: DemoLeads, terms: DemoDealTerms, forecast: DemoForecast) -> Table {
    let n = count
    var dealIDs = [Int64](repeating: 0, count: n)
    var leadIDs = [Int64](repeating: 0, count: n)
    var campaignIDs = [Int64](repeating: -1, count: n)
    var owners = [Int32](repeating: -1, count: n)
    var created = [Int32](repeating: 0, count: n)
    for k in 0..<n {
      let i = Int(lead[k])
      dealIDs[k] = Int64(k) + 1
      leadIDs[k] = Int64(i) + 1
      if leads.campaign[i] >= 0 { campaignIDs[k] = Int64(leads.campaign[i]) + 1 }
      owners[k] = leads.owner[i]
      created[k] = leads.reached[2][i]
    }
    return Table(
      names: [
        "deal_id", "lead_id", "campaign_id", "owner", "created_at", "closed_at", "stage", "amount", "product",
        "term_months", "lost_stage", "probability", "expected_close",
      ],
      columns: [
        Column(.int(dealIDs)),
        Column(.int(leadIDs)),
        DemoColumns.ints(campaignIDs),
        DemoColumns.text(codes: owners, dictionary: DemoVocabulary.repDictionary),
        DemoColumns.dates(offsets: created),
        DemoColumns.dates(offsets: closed),
        Column(.string(codes: stage, dictionary: DemoVocabulary.dealStageDictionary)),
        DemoColumns.money(cents: amount),
        Column(.string(codes: product, dictionary: DemoVocabulary.productDictionary)),
        Column(.int(terms.termMonths)),
        DemoColumns.text(codes: terms.lostStage, dictionary: DemoVocabulary.dealStageDictionary),
        forecast.probabilityColumn(),
        DemoColumns.dates(offsets: forecast.expectedClose),
      ])
  }
}
