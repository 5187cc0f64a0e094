/// Renders what a parse left out (``Document/removed``, from ``ParseOptions/explain``) for a person
/// debugging a page: a summary line, then one line per removal — reason, where, characters, and
/// the text shortened — and the characters removed per reason. The text comes last on each line,
/// so right-to-left text cannot reorder the columns before it.
public enum ExplainRenderer {
    /// `width` shortens each text to that many characters (with `…`); `nil` prints it whole.
    public static func render(_ document: Document, width: Int? = 72) -> String {
        let name = document.source.name ?? "input"
        guard let removed = document.removed else {
            return "\(name): parsed without explain; nothing was recorded\n"
        }
        let total = removed.reduce(0) { $0 + $1.chars }
        var lines = ["\(name): \(removed.count) removed, \(total) characters; the body keeps \(document.stats.words) words, "
            + "\(document.stats.characters) characters"]
        guard !removed.isEmpty else { return lines[0] + "\n" }
        let reasonWidth = removed.map(\.reason.count).max() ?? 0
        // Long element paths stand as they are; shorter ones are padded to line up.
        let placeWidth = min(removed.map(\.at.count).max() ?? 0, 36)
        let charsWidth = String(removed.map(\.chars).max() ?? 0).count
        for removal in removed {
            lines.append(pad(removal.reason, reasonWidth) + "  " + pad(removal.at, placeWidth) + "  "
                + String(repeating: " ", count: charsWidth - String(removal.chars).count) + String(removal.chars) + "  "
                + shorten(removal.text, to: width))
        }
        var byReason: [String: (count: Int, chars: Int)] = [:]
        for removal in removed {
            byReason[removal.reason, default: (0, 0)].count += 1
            byReason[removal.reason, default: (0, 0)].chars += removal.chars
        }
        let summary = byReason.sorted { $0.value.chars != $1.value.chars ? $0.value.chars > $1.value.chars : $0.key < $1.key }
            .map { "\($0.key) \($0.value.count)×, \($0.value.chars) characters" }
        lines.append("by reason: " + summary.joined(separator: "; "))
        return lines.joined(separator: "\n") + "\n"
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    /// `text` cut to `width` characters, the cut marked with `…`.
    static func shorten(_ text: String, to width: Int?) -> String {
        guard let width, text.count > width else { return text }
        return String(text.prefix(max(width - 1, 1))) + "…"
    }
}
