import Foundation

/// Resolves link and image addresses against the page's `<base href>` or canonical URL.
struct LinkResolver: Sendable {
    let base: URL?
    /// Addresses of files the page's container carries (`cid:…`) → the URL each was saved from.
    let resources: [String: String]
    /// The folder a browser saved the page's files into beside it: addresses into it stay as written.
    let savedFolder: String?

    init(base: String?, resources: [String: String] = [:], savedFolder: String? = nil) {
        self.base = base.flatMap { URL(string: $0.trimmingWhitespace()) }.flatMap { url in
            // Only web addresses serve as a base; file: or javascript: bases are ignored.
            ["http", "https"].contains(url.scheme?.lowercased() ?? "") ? url : nil
        }
        self.resources = resources
        self.savedFolder = savedFolder
    }

    /// The address a page's links resolve against: its `<base href>` made absolute against the
    /// page's own address (a protocol-relative base takes the page's scheme, or the web's; a
    /// relative one needs the page's address), else the page's address.
    static func base(href: String?, page: String?) -> String? {
        let pageURL = page.flatMap { URL(string: $0.trimmingWhitespace()) }.flatMap { url in
            ["http", "https"].contains(url.scheme?.lowercased() ?? "") ? url : nil
        }
        guard let href = href?.trimmingWhitespaceAndNewlines(), !href.isEmpty else { return page }
        let escaped = escapingSpaces(href)
        if let url = URL(string: escaped), let scheme = url.scheme?.lowercased() {
            return ["http", "https"].contains(scheme) ? escaped : pageURL?.absoluteString
        }
        if escaped.hasPrefix("//") { return (pageURL?.scheme?.lowercased() ?? "https") + ":" + escaped }
        guard let pageURL else { return nil }
        return URL(string: escaped, relativeTo: pageURL)?.absoluteString ?? pageURL.absoluteString
    }

    /// The absolute address, the address as written when it cannot be resolved, or `nil` for
    /// script links and empty values.
    func resolve(_ href: String?) -> String? {
        guard var value = href?.trimmingWhitespaceAndNewlines(), !value.isEmpty else { return nil }
        if !resources.isEmpty, let saved = resources[value] { return saved }
        if let savedFolder, Self.leads(value, into: savedFolder) { return Self.escapingSpaces(value) }
        // Lower-casing a whole address was half the cost here, and most addresses start with
        // none of the schemes: only one that does, ASCII case aside, is lower-cased (no
        // non-ASCII letter lower-cases to a letter of these schemes).
        let lower = Self.schemes.contains(where: { Self.startsWithIgnoringASCIICase(value, $0) }) ? value.lowercased() : ""
        if lower.hasPrefix("javascript:") || lower.hasPrefix("data:") || lower.hasPrefix("vbscript:") { return nil }
        if lower.hasPrefix("file:") { return nil }
        value = Self.escapingSpaces(value)
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("mailto:") || lower.hasPrefix("tel:") {
            return value
        }
        // A protocol-relative address needs a scheme even when the page gives no base: the web's.
        guard let base else { return value.hasPrefix("//") ? "https:" + value : value }
        if let fast = resolveSimply(value, against: base) { return fast }
        return URL(string: value, relativeTo: base)?.absoluteString ?? value
    }

    /// Whether the relative address `value` starts with the folder `folder` (`./name_files/a.jpg`,
    /// `name_files/a.jpg`, `My%20page_files/a.jpg` for `My page_files`).
    private static func leads(_ value: String, into folder: String) -> Bool {
        var path = Substring(value)
        if path.hasPrefix("./") { path = path.dropFirst(2) }
        guard let slash = path.firstIndex(of: "/"), slash != path.startIndex else { return false }
        let first = path[..<slash]
        return first == folder || (first.contains("%") && first.removingPercentEncoding == folder)
    }

    /// The schemes `resolve(_:)` tests the lower-cased address for.
    private static let schemes = ["javascript:", "data:", "vbscript:", "file:", "http://", "https://", "mailto:", "tel:"]

    /// Whether `value` starts with the lower-case ASCII `prefix`, ASCII letters of any case.
    private static func startsWithIgnoringASCIICase(_ value: String, _ prefix: String) -> Bool {
        var bytes = value.utf8.makeIterator()
        for expected in prefix.utf8 {
            guard let byte = bytes.next() else { return false }
            if byte != expected && !((0x41...0x5A).contains(byte) && byte | 0x20 == expected) { return false }
        }
        return true
    }

    /// Spaces written as `%20`. An ASCII address is escaped byte by byte; any other goes through
    /// Foundation, whose search does not match a space that a combining mark follows.
    private static func escapingSpaces(_ value: String) -> String {
        guard value.includes(" ") else { return value }
        guard value.utf8.allSatisfy({ $0 < 0x80 }) else { return value.replacingOccurrences(of: " ", with: "%20") }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(value.utf8.count + 8)
        for byte in value.utf8 {
            if byte == 0x20 { bytes += [0x25, 0x32, 0x30] } else { bytes.append(byte) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The common relative forms (`/path`, `path`, `./path`, `#fragment`, `//host/path`) without
    /// Foundation's URL parser, which was a tenth of segmentation time on link-heavy pages.
    private func resolveSimply(_ value: String, against base: URL) -> String? {
        guard let scheme = base.scheme, let host = base.host else { return nil }
        let origin = scheme + "://" + host + (base.port.map { ":\($0)" } ?? "")
        if value.hasPrefix("//") { return scheme + ":" + value }
        if value.hasPrefix("/") { return origin + value }
        if value.contains("..") || value.contains(":") || value.hasPrefix("?") { return nil }
        var path = base.path
        if value.hasPrefix("#") {
            return origin + (path.isEmpty ? "/" : path) + (base.query.map { "?" + $0 } ?? "") + value
        }
        if !base.absoluteString.hasSuffix("/"), let slash = path.lastIndex(of: "/") {
            path = String(path[...slash])
        } else if !path.hasSuffix("/") {
            path += "/"
        }
        let relative = value.hasPrefix("./") ? String(value.dropFirst(2)) : value
        return origin + path + relative
    }
}
