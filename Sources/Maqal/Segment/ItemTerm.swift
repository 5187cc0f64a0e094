import Foundation

/// The "term" of a list item that reads "term: description" (ARABIC.md §3.4).
enum ItemTerm {
    /// The part before the first colon when it is a short label (1–5 words) followed by text;
    /// `nil` for speech attributions (`قال الوزير: «…»`) and metadata labels.
    static func term(of text: String) -> String? {
        // Most items have no colon: one byte scan says so (`：` is EF BC 9A) for less than
        // searching for each colon, or walking the characters.
        var bytes = text
        guard bytes.withUTF8({ $0.contains { $0 == UInt8(ascii: ":") || $0 == 0xEF } }) else { return nil }
        guard text.includes(":") || text.includes("：") else { return nil }
        guard let colon = text.firstIndex(where: { $0 == ":" || $0 == "：" }) else { return nil }
        let term = text[..<colon].trimmingWhitespace()
        let description = text[text.index(after: colon)...].trimmingWhitespace()
        guard !term.isEmpty, !description.isEmpty else { return nil }
        let words = WordCounter.count(term)
        guard words >= 1 && words <= 5 else { return nil }
        let termKey = ArabicKey.make(term)
        if termKey.split(separator: " ").contains(where: { TextCues.speechVerbKeys.contains(String($0)) }) {
            return nil
        }
        // The term is a label before the whole line is read as a metadata line: most terms are not.
        if TextCues.metadataLabels.contains(where: { $0.key == termKey }), MetadataLine.read(String(text)) != nil {
            return nil
        }
        // A time ("10:30") or a ratio is not a term.
        if term.last?.isNumber == true, description.first?.isNumber == true { return nil }
        return term
    }
}
