/// A byline that names the site or its newsroom, not a person: `LBCI` on `LBCIV7`, `خبرآنلاین - سایت
/// خبرگزاری خبرآنلاین | Khabaronline News Agency`, a dateline credit `(أبوظبي - البيان)`. Such a
/// value is never one of the article's ``Metadata/authors``.
enum SiteCredit {
    /// Words that call a name an outlet rather than a person, as keys (where each was seen).
    static let outletWordKeys: Set<String> = Set([
        "موقع", "جريدة", "صحيفة", "وكالة", "مجلة", "شبكة", "قناة", "بوابة",  // Arabic newsrooms
        "سایت", "خبرگزاری", "روزنامه",  // khabaronline.ir
        "news", "agency", "newspaper", "magazine", "staff", "editorial", "desk",  // English credits
    ].map(ArabicKey.make))

    /// Whether `author` is the site (named `site`) rather than a writer.
    static func isSite(_ author: String, site: String?) -> Bool {
        guard let site else { return false }
        let authorKey = ArabicKey.make(author).lowercased()
        let siteKey = ArabicKey.make(site).lowercased()
        guard !authorKey.isEmpty, !siteKey.isEmpty else { return false }
        if authorKey == siteKey { return true }
        // One spelling of the brand starting the other (`LBCI`, `LBCIV7`).
        if min(authorKey.count, siteKey.count) >= 3, authorKey.hasPrefix(siteKey) || siteKey.hasPrefix(authorKey),
            !authorKey.contains(" ") || !siteKey.contains(" ")
        {
            return true
        }
        // The site's name as a whole word, in a credit: bracketed, or with an outlet word beside it.
        let words = authorKey.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        let siteWords = siteKey.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        guard !siteWords.isEmpty, contains(words, siteWords) else { return false }
        let bracketed = author.trimmingWhitespace().first.map { "([«".contains($0) } ?? false
        return bracketed || words.contains(where: outletWordKeys.contains)
    }

    private static func contains(_ words: [String], _ run: [String]) -> Bool {
        guard words.count >= run.count else { return false }
        return (0...(words.count - run.count)).contains { Array(words[$0..<($0 + run.count)]) == run }
    }
}
