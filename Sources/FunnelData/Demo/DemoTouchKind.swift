/// The kinds of touch in `touches.kind`; a raw value is the row's code in the
/// column's dictionary, so the generator writes codes without a lookup.
enum DemoTouchKind: Int32, CaseIterable {
  case adClick, emailOpen, emailClick, webinar, event, contentDownload, pageView, salesCall, demo, salesEmail

  /// The text stored in the column.
  var name: String {
    switch self {
    case .adClick: return "ad_click"
    case .emailOpen: return "email_open"
    case .emailClick: return "email_click"
    case .webinar: return "webinar"
    case .event: return "event"
    case .contentDownload: return "content_download"
    case .pageView: return "page_view"
    case .salesCall: return "sales_call"
    case .demo: return "demo"
    case .salesEmail: return "sales_email"
    }
  }

  /// The dictionary of `touches.kind`, in raw-value order.
  static let dictionary = StringDictionary(allCases.map(\.name))
}
