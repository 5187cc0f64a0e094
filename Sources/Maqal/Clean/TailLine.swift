/// Lines that follow an article in a copy of its page: the comments section (``CommentsTail``),
/// share bars and follow-us lines. Clean removes them; each answer names the reason id.
enum TailLine {
    /// A share bar (`شارك المقال: فيسبوك | تويتر | واتساب`, `شاركها مع أصدقائك`) or a follow-us line
    /// (`انضموا إلى قناتنا على تيليجرام`), with its reason id; `nil` for anything else.
    static func reason(_ text: String) -> String? {
        guard text.utf8.count <= 300 else { return nil }
        let words = ArabicKey.make(text).split(separator: " ").map(String.init)
        guard !words.isEmpty, words.count <= 14 else { return nil }
        if words.allSatisfy({ TailLexicon.shareTargetKeys.contains($0) || TailLexicon.shareWordKeys.contains($0) }) {
            let targets = words.filter { TailLexicon.shareTargetKeys.contains($0) }.count
            if targets >= 2 || words.contains(where: TailLexicon.shareVerbKeys.contains) { return "furniture.share" }
        }
        // A follow line opens with its verb (after `لا تنس` at most) and names a network or our channel.
        if words.prefix(3).contains(where: TailLexicon.followVerbKeys.contains),
            words.contains(where: { TailLexicon.followObjectKeys.contains($0) || TailLexicon.shareTargetKeys.contains($0) })
        {
            // Networks' two-letter pieces (`اب`, `إن`, `x`) alone name nothing.
            let named = words.contains { TailLexicon.followObjectKeys.contains($0) || ($0.count > 2 && TailLexicon.shareTargetKeys.contains($0)) }
            if named { return "lexicon.follow-us" }
        }
        return nil
    }
}

/// A comments section copied under an article: its head (`التعليقات (2)`, `تعليقات الزوار`,
/// `أضف تعليقاً`) and the comments under it, `الاسم: النص` lines with their dates.
enum CommentsTail {
    /// Whether `text` heads a comments section, with or without its count.
    static func isHead(_ text: String) -> Bool {
        guard text.utf8.count <= 120 else { return false }
        let words = ArabicKey.make(text).split(separator: " ").filter { !$0.allSatisfy(\.isNumber) }
        return !words.isEmpty && TailLexicon.commentHeadKeys.contains(words.joined(separator: " "))
    }

    /// Whether `text` reads as one comment: a short name, a colon, what they wrote
    /// (`أحمد: مقال رائع`, `أم خالد من الرياض: شكراً`) — not a label line (`المصدر: …`) nor an
    /// attribution (`قال الوزير: …`); or the comment's date line.
    static func isComment(_ text: String) -> Bool {
        if RelativeDate.isDateLine(text) || (WordCounter.count(text, upTo: 12) <= 12 && MetadataLine.dateLine(text) != nil) {
            return true
        }
        let start = CharacterCount.prefix(60, of: text)
        guard let colon = start.firstIndex(where: { $0 == ":" || $0 == "：" }) else { return false }
        let name = text[..<colon]
        let said = text[text.index(after: colon)...]
        let nameWords = ArabicKey.make(name).split(separator: " ")
        guard (1...5).contains(nameWords.count), said.contains(where: \.isLetter) else { return false }
        if nameWords.contains(where: { TextCues.speechVerbKeys.contains(String($0)) }) { return false }
        return MetadataLine.read(text) == nil
    }
}
