/// A title that is only the name of a character encoding (`<title>windows-1256</title>`,
/// `ISO-8859-6`): what encoding test pages and some exported files carry. A reader sees no
/// headline there, and a search index keyed on such a title groups unrelated pages, so the title
/// is left out (`null`) rather than invented.
enum EncodingName {
    /// Families of charset names; the name must also carry a digit, so the word `Arabic` (which
    /// is an alias of ISO-8859-6 too) or a one-word title such as `Latin` stays a title.
    private static let families = [
        "utf", "windows-", "win-", "cp", "x-cp", "iso-8859", "iso8859", "iso-10646", "koi8", "gb", "big5", "euc-",
        "shift", "x-mac", "mac", "ibm", "latin", "ascii", "us-ascii", "tis-", "ucs-",
    ]

    /// Whether `title`, trimmed, is one charset name and nothing else.
    static func isEncodingName(_ title: String) -> Bool {
        let name = title.trimmingWhitespace()
        guard (3...24).contains(name.utf8.count), name.allSatisfy({ $0.isASCII && !$0.isWhitespace }),
            name.contains(where: \.isNumber)
        else { return false }
        let key = name.lowercased().replacingOccurrences(of: "_", with: "-")
        return TextEncoding(label: key) != nil || families.contains { key.hasPrefix($0) }
    }
}
