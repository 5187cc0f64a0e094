import Foundation

/// Tag boxes, breadcrumbs, bylines and standfirsts: furniture in the body, metadata all the same.
///
/// Bylines count only up to the end of the article: names further down sign replies and comments.
struct FurnitureMetadata {
    private(set) var tags: [String] = []
    private(set) var crumbs: [String] = []
    private(set) var authors: [String] = []
    private(set) var subtitles: [String] = []

    /// `hidden` marks the elements a reader does not see: a hidden box is no standfirst (a cookie
    /// banner in a `u-hide` div named like one).
    init(_ tree: HTMLTree, before articleEnd: Int, hidden: [Bool]) {
        // Most elements are neither: the class names (matched once per class value, when the
        // tree was built) and `rel` are looked at first.
        let candidates = tree.indices.compactMap { index -> (index: Int, rel: (any: Bool, tag: Bool, author: Bool))? in
            guard tree.isElement(index), tree.hasAttributes(at: index) else { return nil }
            let rel = Self.relation(tree.attribute("rel", at: index))
            guard rel.any || tree.nameFacts(at: index).contains(.metadataBox) else { return nil }
            return (index, rel)
        }
        // A byline span inside a post-meta box is read twice, once in each: a name is kept once.
        var authorKeys: Set<String> = []
        func addAuthors(_ names: [String]) {
            for name in names where authorKeys.insert(ArabicKey.make(name)).inserted { authors.append(name) }
        }
        for (index, rel) in candidates {
            let tag = tree.tag(at: index)
            let names = tree.names(at: index)
            // Whether a `-`/`_`-separated word of the class and id names is in `list`.
            func hasWord(_ list: WordList) -> Bool { names.contains { MarkupHints.hasWord(of: list, in: $0) } }
            if tag == .a && rel.tag {
                tags.append(tree.text(of: index))
                continue
            }
            if tag == .a && rel.author {
                if index <= articleEnd { addAuthors([tree.text(of: index)]) }
                continue
            }
            if hasWord(Self.tagBoxWordList) || names.contains(where: { $0.includes("tags") }) {
                var found = Self.linkTexts(under: index, in: tree)
                if found.isEmpty, let line = MetadataLine.read(tree.text(of: index)), line.field == .tags {
                    found = MetadataLine.splitList(line.value)
                }
                if tag != .body && tag != .html && found.count <= 30 { tags += found }
            } else if names.contains(where: { $0.includes("breadcrumb") }) && crumbs.isEmpty {
                crumbs = Self.linkTexts(under: index, in: tree)
            } else if index <= articleEnd,
                hasWord(Self.authorWordList) || names.contains(where: { Self.authorNames.contains($0) })
            {
                let text = tree.text(of: index)
                // A byline box that ends with the date (`بقلم فلان · 3 نيسان 2024`) names the author
                // before the separator only.
                let labelled = MetadataLine.readAll(text).flatMap(MetadataLine.splittingDate)
                    .filter { $0.field == .author }.map(\.value)
                if !labelled.isEmpty {
                    addAuthors(labelled)
                } else if (1...6).contains(WordCounter.count(text, upTo: 6)) {
                    addAuthors([text])
                }
            } else if index <= articleEnd, hasWord(Self.metaBoxWordList) {
                // A post-meta box (`entry-meta`, `post-meta`) holds the byline among the date, the
                // section and the comment count: only a labelled byline in it names an author. Its
                // other words are no name, and a name with a date and no label (`فلانة 9 شباط 2024`)
                // is as likely the site's or an editor's as the author's.
                // A box of more than 40 words is a wrapper around more than the meta line.
                let text = tree.text(of: index)
                if WordCounter.count(text, upTo: 41) <= 40 { addAuthors(Self.labelledAuthors(in: text)) }
            } else if hasWord(Self.standfirstWordList), subtitles.isEmpty, !hidden[index] {
                let text = tree.text(of: index)
                if (4...60).contains(WordCounter.count(text, upTo: 60)) { subtitles.append(text) }
            }
        }
    }

    /// Fills what the page's head left empty; returns the breadcrumbs that may become categories
    /// (none when the page named its categories), for Clean to drop the one that repeats the title.
    func apply(to metadata: inout Metadata) -> [String] {
        let lexicon = BoilerplateLexicon.shared
        func keep(_ value: String) -> Bool {
            !value.isEmpty && value.count < 80 && lexicon.role(of: value) == nil && MetadataLine.read(value) == nil
        }
        if metadata.tags.isEmpty { metadata.tags = tags.filter(keep) }
        let breadcrumbs = metadata.categories.isEmpty ? crumbs.filter(keep) : []
        // A meta box may credit the site itself (`بقلم: مدونة البستان`): the site is no author.
        let siteKey = metadata.site.map(ArabicKey.make)
        if metadata.authors.isEmpty {
            metadata.authors = authors.filter { keep($0) && ArabicKey.make($0) != siteKey }
        }
        if metadata.subtitles.isEmpty { metadata.subtitles = subtitles }
        return breadcrumbs
    }

    /// What a `rel` value says: whether it has any word, and whether `tag` and `author` are among
    /// its space-separated words, case aside.
    private static func relation(_ value: String?) -> (any: Bool, tag: Bool, author: Bool) {
        guard var value else { return (false, false, false) }
        // ASCII values (all of them in practice) on their bytes; others by characters, where a
        // space followed by a combining mark does not separate words.
        let ascii: (any: Bool, tag: Bool, author: Bool)? = value.withUTF8 { bytes in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            var result = (any: false, tag: false, author: false)
            for word in bytes.split(separator: 0x20) {
                result.any = true
                if word.count == 3 && word.elementsEqual("tag".utf8, by: Self.equalsLowercased) { result.tag = true }
                if word.count == 6 && word.elementsEqual("author".utf8, by: Self.equalsLowercased) { result.author = true }
            }
            return result
        }
        if let ascii { return ascii }
        let words = value.lowercased().split(separator: " ")
        return (!words.isEmpty, words.contains("tag"), words.contains("author"))
    }

    /// Whether ASCII `byte`, lower-cased, is the lower-case `expected`.
    private static func equalsLowercased(_ byte: UInt8, _ expected: UInt8) -> Bool {
        ((0x41...0x5A).contains(byte) ? byte + 0x20 : byte) == expected
    }

    /// Class-name words of tag boxes (WordPress `.tags-links`, `.post-tags`, Blogger labels, topic lists).
    static let tagBoxWords: Set<String> = ["tags", "tag", "keywords", "labels", "topics", "tagcloud"]
    /// Class-name words of bylines; `username` is how forums (vBulletin, phpBB) mark the poster.
    static let authorWords: Set<String> = ["byline", "username", "bigusername", "writer"]
    static let authorNames: Set<String> = ["author-name", "author_name", "post-author", "entry-author", "article-author",
                                           "author", "fn"]
    /// Class-name words of the box of a post's byline, date and section (WordPress `entry-meta`,
    /// themes' `post-meta`, `article-meta`): the boxes the cleaner also drops as furniture, so
    /// a byline read from one is not left in the text as well.
    static let metaBoxWords: Set<String> = ["meta"]
    /// Class-name words of the dek under a headline.
    static let standfirstWords: Set<String> = ["standfirst", "dek", "subtitle", "subheadline", "strapline", "deck",
                                               "subhead", "sub-title"]
    static let tagBoxWordList = WordList(tagBoxWords)
    static let authorWordList = WordList(authorWords)
    static let standfirstWordList = WordList(standfirstWords)
    static let metaBoxWordList = WordList(metaBoxWords)

    /// The names of the labelled bylines in a meta box's text: the whole text read as labelled
    /// parts, else each part between the separators a meta box puts between its items
    /// (`12 مارس 2024 | كتبه: فلان | 3 تعليقات`). A byline's trailing date is not a name, with a
    /// separator before it or none: the box's text joins the byline's and the date's elements with
    /// a space (`<span>بقلم: فلان</span> <time>12 مارس 2024</time>`).
    static func labelledAuthors(in text: String) -> [String] {
        func authors(_ line: String) -> [String] {
            MetadataLine.readAll(line).flatMap(MetadataLine.splittingDate).filter { $0.field == .author }
                .map { MetadataLine.withoutTrailingDate($0.value) }.filter { !$0.isEmpty }
        }
        let whole = authors(text)
        if !whole.isEmpty { return whole }
        // Most boxes hold no separator, and then there are no parts to read.
        guard text.utf8.contains(where: { Self.separatorBytes.contains($0) }) else { return [] }
        // A dash between spaces only: one inside a word joins a name or an ISO date.
        let parts = text.split(whereSeparator: { "|·•".contains($0) }).flatMap { part in
            [" - ", " – ", " — "].reduce([String(part)]) { pieces, dash in
                pieces.flatMap { $0.components(separatedBy: dash) }
            }
        }
        guard parts.count > 1 else { return [] }
        return parts.flatMap { authors($0.trimmingCharacters(in: .whitespaces)) }
    }

    /// The bytes every separator of ``labelledAuthors(in:)`` holds one of: `|`, `-`, and the lead
    /// byte of `·` (C2) and of `•`, `–`, `—` (E2).
    private static let separatorBytes: [UInt8] = [0x7C, 0x2D, 0xC2, 0xE2]

    private static func linkTexts(under index: Int, in tree: HTMLTree) -> [String] {
        tree.descendants(of: index).filter { tree.tag(at: $0) == .a }.map { tree.text(of: $0) }
            .filter { !$0.isEmpty }
    }
}
