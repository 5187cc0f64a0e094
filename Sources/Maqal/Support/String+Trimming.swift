/// Trimming and case folding without Foundation, with Foundation's results.
///
/// With Foundation imported, `trimmingCharacters(in:)` bridges every string to `NSString`: on
/// attribute values, labels, JSON-LD fields, captions and link addresses it was a measurable
/// share of extraction and segmentation.
extension StringProtocol {
    /// `trimmingCharacters(in: .whitespaces)`: without leading and trailing tab, space, NBSP,
    /// U+1680, U+2000…U+200B, U+202F, U+205F, U+3000.
    func trimmingWhitespace() -> String {
        trimmingScalars(where: Self.isSpace)
    }

    /// `trimmingCharacters(in: .whitespacesAndNewlines)`: ``trimmingWhitespace()``'s set and
    /// U+000A…U+000D, U+0085, U+2028, U+2029.
    func trimmingWhitespaceAndNewlines() -> String {
        trimmingScalars { value in
            Self.isSpace(value) || (0x0A...0x0D).contains(value) || value == 0x85 || value == 0x2028 || value == 0x2029
        }
    }

    /// `lowercased()`, with the allocation skipped for ASCII text that has no capitals (the usual
    /// attribute name or keyword).
    func lowercasedCheaply() -> String {
        let isLower: (UInt8) -> Bool = { $0 < 0x80 && !(0x41...0x5A).contains($0) }
        let plain = utf8.withContiguousStorageIfAvailable { $0.allSatisfy(isLower) } ?? utf8.allSatisfy(isLower)
        return plain ? String(self) : lowercased()
    }

    private static func isSpace(_ value: UInt32) -> Bool {
        switch value {
        case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    // Foundation trims scalar by scalar (a space before a combining mark goes, the mark stays).
    private func trimmingScalars(where isTrimmed: (UInt32) -> Bool) -> String {
        let scalars = Substring(self).unicodeScalars
        guard let first = scalars.firstIndex(where: { !isTrimmed($0.value) }) else { return "" }
        let last = scalars.lastIndex(where: { !isTrimmed($0.value) })!
        return String(scalars[first...last])
    }
}
