/// The lessons `.lesson` offers, in order; one lesson per `Lesson<N><Topic>.swift` file.
///
/// Each builds on the ones before: syntax is explained where it first
/// appears, so lesson 1 assumes nothing and later lessons assume the earlier ones.
public enum Lessons {
  public static let all: [Lesson] = [
    funnel, twoTeams, marketingMetrics, salesMetrics, attribution, cohorts, comparing, smarketing, forecasting,
    significance,
  ]

  /// Lesson `number`, when there is one.
  public static func numbered(_ number: Int) -> Lesson? { all.first { $0.number == number } }
}
