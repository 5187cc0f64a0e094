/// The address a browser or an extension wrote into a page it saved as plain HTML: the
/// `<!-- saved from url=(0042)https://… -->` mark of "Webpage, Complete" saves, and the `url:`
/// line of SingleFile's opening comment. The page's address when it names none of its own.
enum SavedPageMark {
    /// How far into the page the marks are looked for: both sit in the first lines.
    static let window = 4096

    static func url(in bytes: [UInt8]) -> String? {
        // The marks are ASCII, so they are looked for in the raw bytes (whatever the page's
        // encoding); only the address after one is made a `String`.
        bytes.withUnsafeBufferPointer { page in
            let head = UnsafeBufferPointer(rebasing: page.prefix(window))
            if let mark = offset(of: "<!-- saved from url=(", in: head) {
                // `(0042)` gives the address's length; the address runs to the next white space.
                let rest = text(head, from: mark)
                return webAddress(rest.drop { $0 != ")" }.dropFirst())
            }
            if offset(of: "Page saved with SingleFile", in: head) != nil, let line = offset(of: "\n url: ", in: head) {
                return webAddress(text(head, from: line)[...])
            }
            return nil
        }
    }

    /// Where `needle` ends in `head`.
    private static func offset(of needle: StaticString, in head: UnsafeBufferPointer<UInt8>) -> Int? {
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        return ByteSearch.offset(of: pattern, in: head).map { $0 + pattern.count }
    }

    /// The rest of the window from an ASCII byte on, as text (invalid bytes as U+FFFD).
    private static func text(_ head: UnsafeBufferPointer<UInt8>, from start: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: head[start...]), as: UTF8.self)
    }

    private static func webAddress(_ text: Substring) -> String? {
        let address = String(text.prefix { !$0.isWhitespace })
        let lower = address.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://") ? address : nil
    }

    /// The folder a browser saves a page's files into beside it: `article.html` → `article_files`.
    static func companionFolder(of name: String?) -> String? {
        guard let name, name != "-" else { return nil }
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            // An ASCII path, the usual one, by its bytes: as characters, "/" and "." are single
            // bytes there too, so the answer is the same without the grapheme walk of `split`.
            let utf8 = name.utf8
            var end = utf8.endIndex
            while end > utf8.startIndex && utf8[utf8.index(before: end)] == UInt8(ascii: "/") { end = utf8.index(before: end) }
            // A path of slashes only names no file.
            guard end > utf8.startIndex else { return nil }
            var start = end
            while start > utf8.startIndex && utf8[utf8.index(before: start)] != UInt8(ascii: "/") {
                start = utf8.index(before: start)
            }
            var dot = end
            repeat { dot = utf8.index(before: dot) } while dot > start && utf8[dot] != UInt8(ascii: ".")
            guard dot > start else { return nil }
            return String(name[start..<dot]) + "_files"
        }
        let file = name.split(separator: "/").last.map(String.init) ?? name
        guard let dot = file.lastIndex(of: "."), dot != file.startIndex else { return nil }
        return file[..<dot] + "_files"
    }
}
