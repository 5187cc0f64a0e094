/// The address a browser or an extension wrote into a page it saved as plain HTML: the
/// `<!-- saved from url=(0042)https://… -->` mark of "Webpage, Complete" saves, and the `url:`
/// line of SingleFile's opening comment. The page's address when it names none of its own.
enum SavedPageMark {
    /// How far into the page the marks are looked for: both sit in the first lines.
    static let window = 4096

    static func url(in bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(window), as: UTF8.self)
        if let mark = head.byteRange(of: "<!-- saved from url=(") {
            // `(0042)` gives the address's length; the address runs to the next white space.
            let rest = head[mark.upperBound...].drop { $0 != ")" }.dropFirst()
            return webAddress(rest)
        }
        if head.includes("Page saved with SingleFile"), let line = head.byteRange(of: "\n url: ") {
            return webAddress(head[line.upperBound...])
        }
        return nil
    }

    private static func webAddress(_ text: Substring) -> String? {
        let address = String(text.prefix { !$0.isWhitespace })
        let lower = address.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://") ? address : nil
    }

    /// The folder a browser saves a page's files into beside it: `article.html` → `article_files`.
    static func companionFolder(of name: String?) -> String? {
        guard let name, name != "-" else { return nil }
        let file = name.split(separator: "/").last.map(String.init) ?? name
        guard let dot = file.lastIndex(of: "."), dot != file.startIndex else { return nil }
        return file[..<dot] + "_files"
    }
}
