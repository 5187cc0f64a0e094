/// Markup that sets a line apart the way a heading is set apart, without a heading tag: old CMS
/// and WYSIWYG editors write a subhead as `<span style="font-weight:bold">`, `<font size="4">`
/// or a `<p style="font-size:18px">` on its own line. The segmenter reads such a line as it reads
/// a `<b>` line (a heading candidate); this type only says which elements are styled so.
///
/// Only the attributes `style` and `size` are read.
enum StyledHeads {
    /// Whether the element at `index` is styled bold or larger than body text, and short enough
    /// to be a line of its own: a wrapper that styles a whole article bold or large sets nothing
    /// apart, so an element holding more than a heading's words is not prominent.
    static func isProminent(_ index: Int, in tree: HTMLTree) -> Bool {
        let attributes = tree.attributes(at: index)
        guard !attributes.isEmpty else { return false }
        var styled = false
        if tree.tag(at: index) == .font, let size = HTMLTree.attribute("size", in: attributes) {
            styled = isLargeFontSize(size)
        }
        if !styled, let style = HTMLTree.attribute("style", in: attributes) {
            styled = isProminentStyle(style)
        }
        guard styled else { return false }
        return WordCounter.count(tree.text(of: index), upTo: maximumWords) <= maximumWords
    }

    /// The most words a styled line may hold and still be read as a head.
    static let maximumWords = 16

    /// `<font size>`: 4 and above, or `+1` and above (3 is the default size).
    static func isLargeFontSize(_ value: String) -> Bool {
        let trimmed = value.trimmingWhitespace()
        if trimmed.hasPrefix("+") { return Int(trimmed.dropFirst()).map { $0 >= 1 } ?? false }
        if trimmed.hasPrefix("-") { return false }
        return Int(trimmed).map { $0 >= 4 } ?? false
    }

    /// A `style` attribute that makes its text bold (`font-weight: bold`, `bolder`, 600–900) or
    /// larger than body text (`font-size` of 18px, 14pt, 1.2em/rem, 120 % or `large` and up).
    static func isProminentStyle(_ style: String) -> Bool {
        for declaration in style.lowercased().split(separator: ";") {
            let parts = declaration.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let property = parts[0].trimmingWhitespace()
            var value = parts[1].trimmingWhitespace()
            if let important = value.range(of: "!important") { value = String(value[..<important.lowerBound]).trimmingWhitespace() }
            switch property {
            case "font-weight":
                if value == "bold" || value == "bolder" { return true }
                if let weight = Int(value), weight >= 600 { return true }
            case "font-size":
                if isLargeSize(value) { return true }
            case "font":
                // The shorthand: `bold 20px Tahoma`.
                let words = value.split(separator: " ").map(String.init)
                if words.contains("bold") || words.contains("bolder") || words.contains(where: isLargeSize) { return true }
                if words.contains(where: { Int($0).map { $0 >= 600 && $0 <= 900 } ?? false }) { return true }
            default:
                continue
            }
        }
        return false
    }

    /// A CSS font size that reads larger than body text.
    private static func isLargeSize(_ value: String) -> Bool {
        switch value {
        case "large", "x-large", "xx-large", "xxx-large", "larger": return true
        default: break
        }
        let units: [(suffix: String, threshold: Double)] = [("px", 18), ("pt", 14), ("rem", 1.2), ("em", 1.2), ("%", 120)]
        for unit in units where value.hasSuffix(unit.suffix) {
            guard let number = Double(value.dropLast(unit.suffix.count).trimmingWhitespace()) else { return false }
            return number >= unit.threshold
        }
        return false
    }
}
