/// Which way a text runs: `rtl` (Arabic-script letters lead) or `ltr`.
public enum TextDirection: String, Sendable, Codable, CaseIterable {
    case rtl, ltr
}
