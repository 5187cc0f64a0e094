import Foundation

/// Resolves link and image addresses against the page's `<base href>` or canonical URL.
struct LinkResolver: Sendable {
    let base: URL?

    init(base: String?) {
        self.base = base.flatMap { URL(string: $0.trimmingCharacters(in: .whitespaces)) }.flatMap { url in
            // Only web addresses serve as a base; file: or javascript: bases are ignored.
            ["http", "https"].contains(url.scheme?.lowercased() ?? "") ? url : nil
        }
    }

    /// The absolute address, the address as written when it cannot be resolved, or `nil` for
    /// script links and empty values.
    func resolve(_ href: String?) -> String? {
        guard var value = href?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        let lower = value.lowercased()
        if lower.hasPrefix("javascript:") || lower.hasPrefix("data:") || lower.hasPrefix("vbscript:") { return nil }
        if lower.hasPrefix("file:") { return nil }
        value = value.replacingOccurrences(of: " ", with: "%20")
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("mailto:") || lower.hasPrefix("tel:") {
            return value
        }
        guard let base else { return value }
        return URL(string: value, relativeTo: base)?.absoluteString ?? value
    }
}
