/// What the deals table says beyond the pipeline: each deal's contract term
/// and, for a lost deal, the stage it was lost in. Drawn from a stream of its
/// own after the deals, so every other column keeps the values it had.
///
/// Terms are 12, 24 or 36 months, about 60/28/12 overall, longer for bigger
/// products (an Enterprise contract is as often two or three years as one).
/// A deal lost soon after it opened was mostly lost early (prospecting or
/// qualification); one lost after months mostly at proposal or negotiation;
/// overall most losses are at qualification and proposal.
struct DemoDealTerms {
  /// Contract term in months, one per deal.
  private(set) var termMonths: [Int64] = []
  /// Code in `DemoVocabulary.dealStageDictionary` of the stage a closed_lost
  /// deal was lost in (0...3), or -1 for the other deals.
  private(set) var lostStage: [Int32] = []

  static let terms: [Int64] = [12, 24, 36]
  /// Weights of 12, 24 and 36 months by product (as `DemoVocabulary.products`).
  private static let termShareByProduct = [
    DemoWeights([74, 21, 5]),
    DemoWeights([64, 27, 9]),
    DemoWeights([56, 31, 13]),
    DemoWeights([36, 36, 28]),
    DemoWeights([72, 22, 6]),
  ]
  /// Weights of prospecting, qualification, proposal and negotiation as the
  /// stage of loss, by days from opening to loss (under 15, under 45, under
  /// 90, longer).
  private static let lostStageByAge = [
    DemoWeights([38, 48, 12, 2]),
    DemoWeights([14, 48, 30, 8]),
    DemoWeights([6, 38, 40, 16]),
    DemoWeights([3, 30, 46, 21]),
  ]

  init(deals: DemoDeals, leads: DemoLeads, rng: inout DemoRandom) {
    let n = deals.count
    termMonths.reserveCapacity(n)
    lostStage.reserveCapacity(n)
    let lostCode: Int32 = 5
    for k in 0..<n {
      termMonths.append(DemoDealTerms.terms[DemoDealTerms.termShareByProduct[Int(deals.product[k])].pick(&rng)])
      if deals.stage[k] == lostCode {
        let age = deals.closed[k] - leads.reached[2][Int(deals.lead[k])]
        let band = age < 15 ? 0 : age < 45 ? 1 : age < 90 ? 2 : 3
        lostStage.append(Int32(DemoDealTerms.lostStageByAge[band].pick(&rng)))
      } else {
        lostStage.append(-1)
      }
    }
  }
}
