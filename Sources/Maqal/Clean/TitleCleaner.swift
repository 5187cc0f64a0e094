import Foundation

/// Strips the site name from a page title: `العنوان - اسم الموقع`, `اسم الموقع | العنوان`,
/// `اسم الموقع :: العنوان`; returns the site name it found when none was known.
enum TitleCleaner {
    static let separators = [" | ", " - ", " – ", " — ", " :: ", " « ", " » ", " · ", " || ", ": "]

    static func strip(_ title: String, site: String?) -> (title: String, site: String?) {
        let siteKey = site.map { ArabicKey.make($0) }
        for separator in separators {
            let parts = components(of: title, separatedBy: separator)
            guard parts.count >= 2 else { continue }
            let first = parts.first!, last = parts.last!
            if let siteKey, !siteKey.isEmpty {
                if ArabicKey.make(last).contains(siteKey) {
                    return (parts.dropLast().joined(separator: separator), nil)
                }
                if ArabicKey.make(first) == siteKey {
                    return (parts.dropFirst().joined(separator: separator), nil)
                }
                continue
            }
            // ": " is part of many headlines; it separates a site only when a site is known.
            if separator == ": " { continue }
            // No known site name: a short part at either end beside a long headline is the site.
            let head = parts.dropLast().joined(separator: separator)
            let tail = parts.dropFirst().joined(separator: separator)
            if WordCounter.count(last) <= 4, WordCounter.count(head) >= max(WordCounter.count(last) * 2, 3) {
                return (head, last)
            }
            if WordCounter.count(first) <= 4, WordCounter.count(tail) >= max(WordCounter.count(first) * 2, 3) {
                return (tail, first)
            }
        }
        return (title, nil)
    }

    /// `title` cut at each `separator`, as Foundation's `components(separatedBy:)` cuts it (whole
    /// characters matched), but found on the bytes: Foundation's search was most of this
    /// function's cost while mostly finding nothing. A byte match counts only when it starts and
    /// ends on character boundaries, so a separator's space followed by a combining mark is no
    /// separator, as before.
    private static func components(of title: String, separatedBy separator: String) -> [String] {
        // The only scalar canonically equal to one of the separators' is GREEK ANO TELEIA
        // (U+0387), a middle dot: only Foundation's comparison sees it as " · ".
        if title.includes("\u{387}") { return title.components(separatedBy: separator) }
        var haystack = title
        var needle = separator
        let cuts: [Range<Int>] = haystack.withUTF8 { bytes in
            needle.withUTF8 { needle in
                var cuts: [Range<Int>] = []
                var from = 0
                while from < bytes.count,
                    let found = ByteSearch.offset(of: needle, in: UnsafeBufferPointer(rebasing: bytes[from...]))
                {
                    let cut = from + found..<from + found + needle.count
                    if isCharacterBoundary(cut.lowerBound, in: title) && isCharacterBoundary(cut.upperBound, in: title) {
                        cuts.append(cut)
                        from = cut.upperBound
                    } else {
                        from = cut.lowerBound + 1
                    }
                }
                return cuts
            }
        }
        guard !cuts.isEmpty else { return [title] }
        var parts: [String] = []
        var start = 0
        for cut in cuts + [title.utf8.count..<title.utf8.count] {
            parts.append(String(title[index(title, cut: start)..<index(title, cut: cut.lowerBound)]))
            start = cut.upperBound
        }
        return parts
    }

    private static func index(_ text: String, cut offset: Int) -> String.Index {
        text.utf8.index(text.startIndex, offsetBy: offset)
    }

    private static func isCharacterBoundary(_ offset: Int, in text: String) -> Bool {
        index(text, cut: offset).samePosition(in: text) != nil
    }
}
