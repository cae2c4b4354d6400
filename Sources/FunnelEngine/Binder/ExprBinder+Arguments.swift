import FunnelData
import FunnelLanguage

/// The checked arguments of scalar functions.
extension ExprBinder {
  /// A date argument; timestamps give their day, text constants are read as dates.
  func dateArgument(_ e: Expr, of name: String) throws -> BoundExpr {
    let a = try bind(e)
    switch a.type {
    case _ where a.isNullConstant: return .constant(.null, .date)
    case .date: return a
    case .timestamp: return .cast(a, .timestampToDate)
    case .string:
      if case .string(let s)? = a.constantValue {
        return try Self.read(s, as: .date, span: e.span).keepingParameter(of: a)
      }
    default: break
    }
    throw Diagnostic.argumentType(name, needs: "a date", got: a.type, span: e.span)
  }

  func textArgument(_ e: Expr, of name: String) throws -> BoundExpr {
    let a = try bind(e)
    if a.isNullConstant { return .constant(.null, .string) }
    guard a.type == .string else { throw Diagnostic.argumentType(name, needs: "text", got: a.type, span: e.span) }
    return a
  }

  func numberArgument(_ e: Expr, of name: String) throws -> BoundExpr {
    let a = try bind(e)
    if a.isNullConstant { return .constant(.null, .double) }
    guard a.type.isNumeric else { throw Diagnostic.argumentType(name, needs: "a number", got: a.type, span: e.span) }
    return a
  }
}
