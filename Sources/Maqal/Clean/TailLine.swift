/// Lines that follow an article in a copy of its page: the comments section (``CommentsTail``),
/// share bars and follow-us lines, forward trailers. Clean removes them; each answer names its reason.
enum TailLine {
    /// A share bar (`شارك المقال: فيسبوك | تويتر | واتساب`, `شاركها مع أصدقائك`) or a follow-us line
    /// (`انضموا إلى قناتنا على تيليجرام`), with its reason id; `nil` for anything else.
    static func reason(_ text: String) -> RemovalReason? {
        guard text.utf8.count <= 300 else { return nil }
        let key = ArabicKey.make(text)
        let words = ArabicKey.words(of: key).map(String.init)
        guard !words.isEmpty, words.count <= 14 else { return nil }
        if isForwardTrailer(text, key: key, words: words) { return .furnitureForward }
        let isShareWord = { (word: String) in
            TailLexicon.shareTargetKeys.contains(word) || TailLexicon.shareWordKeys.contains(word)
        }
        if words.allSatisfy(isShareWord) {
            let targets = words.filter { TailLexicon.shareTargetKeys.contains($0) }.count
            if targets >= 2 || words.contains(where: TailLexicon.shareVerbKeys.contains) { return .furnitureShare }
        }
        // What is shared can be any noun (`شارك القصيدة: فيسبوك | واتساب`, `شارك الصفحة على …`): one word
        // of no list right after the verb that opens the line, then share words naming two networks.
        if words.count >= 4, TailLexicon.shareVerbKeys.contains(words[0]), words[2...].allSatisfy(isShareWord),
            words[2...].filter({ TailLexicon.shareTargetKeys.contains($0) }).count >= 2
        {
            return .furnitureShare
        }
        // A follow line opens with its verb (after `لا تنس` at most) and names a network or our channel.
        if words.prefix(3).contains(where: TailLexicon.followVerbKeys.contains),
            words.contains(where: { TailLexicon.followObjectKeys.contains($0) || TailLexicon.shareTargetKeys.contains($0) })
        {
            // Networks' two-letter pieces (`اب`, `إن`, `x`) alone name nothing.
            let named = words.contains { TailLexicon.followObjectKeys.contains($0) || ($0.count > 2 && TailLexicon.shareTargetKeys.contains($0)) }
            if named { return .lexicon("follow-us") }
        }
        return nil
    }
}

extension TailLine {
    /// Hosts of channel and group invitations a forward ends with (`https://t.me/…`).
    private static let channelHosts = ["t.me/", "telegram.me/", "chat.whatsapp.com/", "wa.me/", "whatsapp.com/channel/"]

    /// The last line of a forwarded text: `منقول`, `منقول من قناة …`, a channel link or handle
    /// (`https://t.me/…`, `@qanat`), perhaps with a few words inviting to join it.
    static func isForwardTrailer(_ text: String, key: String, words: [String]) -> Bool {
        if TailLexicon.forwardTrailerKeys.contains(key) { return true }
        // `منقول من قناة الفوائد`, `منقول عن صفحة …`: the trailer names where it came from.
        if (3...8).contains(words.count), TailLexicon.forwardTrailerKeys.contains(words[0]),
            TailLexicon.forwardFromKeys.contains(words[1]), TailLexicon.forwardSourceKeys.contains(words[2])
        {
            return true
        }
        // Every host ends with a slash, which no other character lower-cases to: a line without
        // one is neither lower-cased nor searched.
        if text.utf8.contains(0x2F) {
            let lower = text.lowercased()
            if channelHosts.contains(where: { lower.contains($0) }) { return words.count <= 14 }
        }
        // A handle alone: `@qanat_alfawaid`.
        let trimmed = text.trimmingLeadingSpaces()
        return trimmed.hasPrefix("@") && !trimmed.contains(" ") && trimmed.count > 2
    }
}

/// A comments section copied under an article: its head (`التعليقات (2)`, `تعليقات الزوار`,
/// `أضف تعليقاً`) and the comments under it, `الاسم: النص` lines with their dates.
enum CommentsTail {
    /// Whether `text` heads a comments section, with or without its count.
    static func isHead(_ text: String) -> Bool {
        guard text.utf8.count <= 120 else { return false }
        return isHead(text, key: ArabicKey.make(text))
    }

    /// ``isHead(_:)`` for a text whose key (``ArabicKey/make(_:)``) the caller has made already.
    static func isHead(_ text: String, key: String) -> Bool {
        guard text.utf8.count <= 120 else { return false }
        let words = ArabicKey.words(of: key)
        // Asked of every heading: most start with a word no head starts with, and are let go
        // before their words are filtered and joined.
        guard let first = words.first(where: { !$0.allSatisfy(\.isNumber) }),
            TailLexicon.commentHeadFirstWords.contains(first)
        else { return false }
        return TailLexicon.commentHeadKeys.contains(words.filter { !$0.allSatisfy(\.isNumber) }.joined(separator: " "))
    }

    /// Whether `text` reads as one comment: a short name, a colon, what they wrote
    /// (`أحمد: مقال رائع`, `أم خالد من الرياض: شكراً`) — not a label line (`المصدر: …`) nor an
    /// attribution (`قال الوزير: …`); or the comment's date line.
    static func isComment(_ text: String) -> Bool {
        if RelativeDate.isDateLine(text) || (WordCounter.count(text, upTo: 12) <= 12 && MetadataLine.dateLine(text) != nil) {
            return true
        }
        // A colon is a byte of its own, a full-width one three: a line with neither goes before
        // its characters are walked.
        guard text.utf8.contains(0x3A) || text.includes("：") else { return false }
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
