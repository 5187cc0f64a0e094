import Foundation

/// Lines that name an illustration rather than say something: `… - صورة توضيحية`,
/// `صورة: …`, `(صورة أرشيفية)`.
enum CaptionCue {
    static func isCaption(_ text: String) -> Bool {
        guard text.utf8.count <= 400 else { return false }
        return isCaption(text, key: ArabicKey.make(text))
    }

    /// The same, given the line's key (``ArabicKey/make(_:)``) when the caller has it already.
    static func isCaption(_ text: String, key: String) -> Bool {
        guard text.utf8.count <= 400 else { return false }
        let shape = LineShape(text)
        guard shape.words <= 20, !shape.endsWithQuestion else { return false }
        // A cue opens or closes the line as whole words, and keys put one space between words:
        // the line's key holds the cue's bytes. Most lines hold none, and go before their words
        // are split or the cues made.
        guard TextCues.captionKeys.contains(where: key.includes) else { return false }
        // Words compared as strings are normalised at every comparison: with twelve cues, three
        // checks a line made this most of the time of a text of short lines. A plain key's words
        // compare as bytes with the same result.
        if ArabicKey.isPlain(key) {
            return matches(text, words: Array(key.utf8).split(separator: 0x20), cues: byteCues)
        }
        return matches(text, words: key.split(separator: " "), cues: stringCues)
    }

    /// A cue's words, and whether the cue may close a line alone (one word is otherwise too weak).
    ///
    /// `Word` is left unconstrained here (``matches(_:words:cues:)`` asks for `Equatable`): a
    /// requirement on the type makes the run time look the conformance up in every record of the
    /// binary when the cue array is first made, 0.8M instructions at start-up.
    fileprivate struct Cue<Word> {
        var words: [Word]
        var closesAlone: Bool
    }

    private static let stringCues = TextCues.captionKeys.map {
        Cue(words: $0.split(separator: " "), closesAlone: $0 == "ارشيفيه")
    }

    private static let byteCues = TextCues.captionKeys.map {
        Cue(words: Array($0.utf8).split(separator: 0x20), closesAlone: $0 == "ارشيفيه")
    }

    private static func matches<Word: Equatable>(_ text: String, words: [Word], cues: [Cue<Word>]) -> Bool {
        guard !words.isEmpty else { return false }
        for cue in cues {
            let cueWords = cue.words
            let opens = words.starts(with: cueWords)
            // The cue opens the line as a label ("صورة: …", "الصورة - …") …
            if opens {
                let afterCue = text.drop { $0 != ":" && $0 != "-" && $0 != "–" && $0 != "(" }
                if cueWords.count == words.count || cueWords.count >= 2
                    || (afterCue.first == ":" && text.prefix(20).contains(":"))
                {
                    return true
                }
            }
            // … or closes it after a dash or inside brackets ("… - صورة توضيحية", "(صورة أرشيفية)").
            if words.count > cueWords.count, words.suffix(cueWords.count).elementsEqual(cueWords),
                cueWords.count >= 2 || cue.closesAlone
            {
                let trimmed = text.trimmingWhitespace()
                if trimmed.hasSuffix(")") || text.contains(" - ") || text.contains(" – ") || text.contains("|") {
                    return true
                }
            }
            if opens, text.hasPrefix("("), text.hasSuffix(")") { return true }
        }
        return false
    }
}

extension CaptionCue.Cue: Sendable where Word: Sendable {}
