/// The words of the demo data: regions, industries, company sizes, the sales
/// team, products, and the pieces campaign names are built from. Each list
/// that becomes a text column has its dictionary here, in list order, so a
/// row's code is its index in the list.
enum DemoVocabulary {
  // MARK: Accounts

  static let regions = ["North America", "EMEA", "APAC", "LATAM"]
  /// How campaign names spell a region.
  static let regionLabels = ["NA", "EMEA", "APAC", "LATAM"]
  static let regionShare = DemoWeights([45, 30, 16, 9])

  static let industries = [
    "software", "finance", "healthcare", "retail", "manufacturing", "education", "media", "logistics",
    "government", "nonprofit",
  ]
  static let industryShare = DemoWeights([24, 14, 12, 11, 12, 7, 6, 6, 4, 4])
  /// How outbound campaign names spell an industry.
  static let industryLabels = [
    "Software", "Financial Services", "Healthcare", "Retail", "Manufacturing", "Education", "Media",
    "Logistics", "Public Sector", "Nonprofit",
  ]

  /// Company sizes by employees, smallest first (index = size class).
  static let companySizes = ["1-10", "11-50", "51-200", "201-1000", "1000+"]
  static let sizeShare = DemoWeights([16, 27, 26, 18, 13])
  /// The mix of outbound, events and partner leads: bigger accounts.
  static let enterpriseSizeShare = DemoWeights([5, 15, 28, 28, 24])

  // MARK: The sales team

  /// Sales reps; `repRegion` says which region each one covers.
  static let reps = [
    "Michael Chen", "Sarah Johnson", "David Kim", "Emily Carter", "James Rivera", "Olivia Brooks",
    "Lukas Becker", "Sophie Martin", "Giulia Rossi", "Tom Hughes", "Anna Kowalska",
    "Priya Sharma", "Kenji Tanaka", "Mei Lin Wong",
    "Ana Souza", "Diego Fernández",
  ]
  static let repRegion = [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 3, 3]
  /// How much each rep moves the chance of a win, in thousandths: a sales
  /// scorecard by owner should show a spread.
  static let repWinFactor = [
    1_180, 950, 1_050, 820, 1_100, 1_000, 1_220, 900, 1_020, 860, 1_080, 1_150, 940, 1_000, 1_120, 880,
  ]
  /// The reps of each region, for assigning an owner.
  static let repsByRegion: [[Int32]] = (0..<regions.count).map { r in
    repRegion.indices.filter { repRegion[$0] == r }.map { Int32($0) }
  }

  // MARK: Products

  static let products = ["Starter", "Growth", "Pro", "Enterprise", "Add-on Analytics"]
  /// Product mix by company size class (parts of 100, columns as `products`).
  static let productShareBySize = [
    DemoWeights([68, 24, 0, 0, 8]),
    DemoWeights([28, 48, 16, 0, 8]),
    DemoWeights([6, 34, 42, 8, 10]),
    DemoWeights([0, 14, 50, 22, 14]),
    DemoWeights([0, 4, 36, 50, 10]),
  ]
  /// Contract value of each product in dollars, before the skew.
  static let productPrice: [ClosedRange<Int>] = [
    3_000...9_000, 9_000...24_000, 16_000...42_000, 45_000...110_000, 2_500...12_000,
  ]

  // MARK: Campaign names

  static let topics = [
    "Pipeline Hygiene", "Forecasting 101", "Revenue Operations", "Attribution Basics", "Data-Driven Selling",
    "Quarter-End Close", "Customer Retention", "Sales & Marketing Alignment", "Demand Generation",
    "Account-Based Marketing", "Lead Scoring", "Board-Ready Reporting", "Churn Signals", "Territory Planning",
    "Self-Serve Analytics", "Funnel Metrics That Matter", "Win-Loss Analysis", "Budget Planning",
  ]
  static let searchThemes = ["Brand", "Competitors", "Generic: Analytics", "Generic: CRM Reporting", "Retargeting"]
  static let socialNetworks = ["LinkedIn", "LinkedIn", "Meta", "X"]
  static let eventNames = [
    "RevOps Summit", "SaaS Connect", "Growth Expo", "Data & Analytics Forum", "Executive Roundtable",
    "Customer Summit", "Field Dinner", "Regional Roadshow",
  ]
  static let citiesByRegion = [
    ["New York", "Chicago", "San Francisco", "Austin", "Toronto"],
    ["London", "Berlin", "Paris", "Amsterdam", "Madrid"],
    ["Singapore", "Sydney", "Tokyo", "Bangalore"],
    ["São Paulo", "Mexico City", "Bogotá", "Buenos Aires"],
  ]
  static let contentFormats = ["Ebook", "Guide", "Report", "Checklist", "Benchmark"]
  static let emailPrograms = ["Nurture", "Newsletter", "Product Update", "Re-engagement"]
  static let displayThemes = ["Retargeting", "Awareness", "Account-Based"]
  static let segments = ["SMB", "Mid-Market", "Enterprise"]
  static let partners = [
    "Northbeam Consulting", "Atlas Partners", "Brightlane", "Cobalt Systems", "Meridian Group", "Keystone Data",
  ]

  // MARK: Dictionaries of text columns

  static let regionDictionary = StringDictionary(regions)
  static let industryDictionary = StringDictionary(industries)
  static let sizeDictionary = StringDictionary(companySizes)
  static let repDictionary = StringDictionary(reps)
  static let productDictionary = StringDictionary(products)
  static let leadStageDictionary = StringDictionary(["lead", "mql", "sql", "opportunity", "won", "lost"])
  static let dealStageDictionary = StringDictionary([
    "prospecting", "qualification", "proposal", "negotiation", "closed_won", "closed_lost",
  ])
}
