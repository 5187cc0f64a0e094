import Foundation

/// A date written near an article's headline: a visible date line (`الأحد ١٥ مارس ٢٠٢٤`), else a
/// relative one (`منذ ساعتين`) placed by the time the page was saved. Extract finds it; Clean takes
/// it as the publication date when neither the page's metadata nor the article's edge lines gave one.
enum HeadlineDate: Sendable {
    case visible(ArabicDate, text: String)
    /// `date` is `nil` when the page does not record when it was saved: only the words are kept.
    case relative(ArabicDate?, text: String)

    /// `textLengths`: the visible text length under each node of `tree`.
    /// `fetched`: when the page was fetched (ISO 8601), for a page that records no save time.
    static func find(_ tree: HTMLTree, textLengths: NodeCounts, roots: [Int], html: [UInt8], fetched: String? = nil)
        -> HeadlineDate?
    {
        if let found = visible(tree, textLengths: textLengths, roots: roots) { return .visible(found.date, text: found.text) }
        if let found = relative(tree, textLengths: textLengths, roots: roots, html: html, fetched: fetched) {
            return .relative(found.date, text: found.text)
        }
        return nil
    }

    /// Records the date as `published` in `metadata`.
    func take(into metadata: inout Metadata) {
        switch self {
        case .visible(let date, let text):
            metadata.take(date, text: text, role: .published, approximate: false)
        case .relative(let date?, let text):
            metadata.take(date, text: text, role: .published, approximate: true)
        case .relative(nil, let text):
            // Without the page's save time a relative date cannot be placed: keep its words only.
            metadata.takeUnplaced(relative: text, role: .published)
        }
    }

    /// A relative date ("منذ ساعتين", "أمس") near the headline, resolved against the time the page
    /// was saved when the page records it, else the time it was fetched (a WARC record's date);
    /// `date` is `nil` when neither is known.
    private static func relative(_ tree: HTMLTree, textLengths: NodeCounts, roots: [Int], html: [UInt8], fetched: String?)
        -> (date: ArabicDate?, text: String)?
    {
        guard let start = roots.min() else { return nil }
        for index in tree.indices where tree.isElement(index) && textLengths[index] <= 60 {
            if index > start + 200 { break }
            let ownsText = tree.children(of: index).contains { tree.isText($0) }
            guard ownsText else { continue }
            let text = tree.text(of: index)
            guard WordCounter.count(text, upTo: 8) <= 8, let offset = RelativeDate.secondsAgo(in: text) else { continue }
            // Looked for only now: it means a search through the whole page.
            guard let savedAt = SaveTime.find(in: html) ?? fetched.flatMap(SaveTime.parseISO) else { return (nil, text) }
            return (ArabicDateParser.day(of: savedAt.date.addingTimeInterval(-offset), offsetMinutes: savedAt.offsetMinutes), text)
        }
        return nil
    }

    /// A visible Arabic date: the short date line nearest before the article (the header of a
    /// post, the line under a headline), else the first one inside it. Dates further up (a "today"
    /// strip) or after it (comments, replies) belong to something else.
    private static func visible(_ tree: HTMLTree, textLengths: NodeCounts, roots: [Int])
        -> (date: ArabicDate, text: String, approximate: Bool)?
    {
        guard let start = roots.min() else { return nil }
        let end = roots.map { tree.descendants(of: $0).last ?? $0 }.max() ?? start
        var before: (date: ArabicDate, text: String, approximate: Bool)?
        var inside: (date: ArabicDate, text: String, approximate: Bool)?
        // A byline's date sits near the article's start: look a little before it and at its first lines.
        let window = max(0, start - 1500)..<min(tree.count, min(end, start + 150) + 1)
        for index in window where tree.isElement(index) && textLengths[index] <= 160 {
            if tree.tag(at: index) == .html || tree.tag(at: index) == .body { continue }
            // Only elements that hold text of their own: their wrappers would repeat the same line.
            let ownsText = tree.children(of: index).contains { child in
                tree.isText(child) && tree.withText(at: child, holdsNonSpace)
            }
            // A date has digits (`ArabicDateParser.find` gives none without): most short lines
            // near the headline have none, and their text is not built.
            guard ownsText, holdsDigit(index, in: tree) else { continue }
            let text = tree.text(of: index)
            guard WordCounter.count(text, upTo: 14) <= 14, let date = ArabicDateParser.find(in: text), date.day != nil else { continue }
            if let line = MetadataLine.read(text), line.field == .modified { continue }
            if index < start {
                before = (date, text, false)
            } else if inside == nil {
                inside = (date, text, false)
            }
        }
        return before ?? inside
    }

    /// Whether valid UTF-8 `bytes` hold a scalar that is not white space (``ArabicScalar/isSpace(_:)``),
    /// read on the bytes rather than from a `String` made of them.
    private static func holdsNonSpace(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let (value, length) = bytes.scalar(at: index)
            if !ArabicScalar.isSpace(value) { return true }
            index += length
        }
        return false
    }

    /// Whether a text node under `index` has an ASCII or Arabic-Indic digit
    /// (``ArabicScalar/digitValue(_:)``), found on the UTF-8 bytes.
    private static func holdsDigit(_ index: Int, in tree: HTMLTree) -> Bool {
        tree.subtree(of: index).contains { node in
            guard tree.isText(node) else { return false }
            return tree.withText(at: node) { bytes in
                var previous: UInt8 = 0
                for byte in bytes {
                    // U+0660–U+0669 are D9 A0–A9 in UTF-8, U+06F0–U+06F9 are DB B0–B9.
                    if byte &- 0x30 < 10 || (previous == 0xD9 && byte &- 0xA0 < 10) || (previous == 0xDB && byte &- 0xB0 < 10) {
                        return true
                    }
                    previous = byte
                }
                return false
            }
        }
    }
}
