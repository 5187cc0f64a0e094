import Foundation

/// Lines that name an illustration rather than say something: `… - صورة توضيحية`,
/// `صورة: …`, `(صورة أرشيفية)`.
enum CaptionCue {
    static func isCaption(_ text: String) -> Bool {
        guard text.utf8.count <= 400 else { return false }
        let shape = LineShape(text)
        guard shape.words <= 20, !shape.endsWithQuestion else { return false }
        let key = ArabicKey.make(text)
        let words = key.split(separator: " ")
        guard !words.isEmpty else { return false }
        for cue in TextCues.captionKeys {
            let cueWords = cue.split(separator: " ")
            // The cue opens the line as a label ("صورة: …", "الصورة - …") …
            if words.starts(with: cueWords) {
                let afterCue = text.drop { $0 != ":" && $0 != "-" && $0 != "–" && $0 != "(" }
                if cueWords.count == words.count || cueWords.count >= 2
                    || (afterCue.first == ":" && text.prefix(20).contains(":"))
                {
                    return true
                }
            }
            // … or closes it after a dash or inside brackets ("… - صورة توضيحية", "(صورة أرشيفية)").
            if words.count > cueWords.count, Array(words.suffix(cueWords.count)) == cueWords, cueWords.count >= 2 || cue == "ارشيفيه" {
                let trimmed = text.trimmingWhitespace()
                if trimmed.hasSuffix(")") || text.contains(" - ") || text.contains(" – ") || text.contains("|") {
                    return true
                }
            }
            if text.hasPrefix("("), text.hasSuffix(")"), words.starts(with: cueWords) { return true }
        }
        return false
    }
}
