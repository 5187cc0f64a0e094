import Foundation

/// A saved page → the article's flat blocks and metadata: reads the DOM, collects metadata,
/// removes furniture, finds the article root and segments it.
struct HTMLArticleReader {
    /// Text runs whose mojibake was repaired.
    private(set) var repairedRuns = 0

    /// Furniture that holds more than this share of the page's text (and is not mostly links) is
    /// kept: a wrapper whose class merely mentions "sidebar" is not the sidebar.
    static let protectedShare = 0.4

    /// `hints` say where the page was saved from and what its container carried; `keepDataImages`
    /// keeps `data:` images in figures (``ParseOptions/keepDataImages``).
    mutating func read(
        utf8 html: [UInt8], hints: InputHints = InputHints(), keepDataImages: Bool = false, laps: inout StageLaps?
    ) -> Segmentation {
        var tree = HTMLTree.parse(utf8: html)
        repairedRuns = tree.repairMojibake()
        laps?.mark("parse")
        var result = Segmentation()
        if tree.flattened > 0 {
            result.diagnostics.append(Diagnostic(
                .warning, "html.deep-nesting",
                "the page nests elements more than \(HTMLTree.maxDepth) deep; \(tree.flattened) deeper elements were flattened"))
        }
        if tree.droppedAttributes > 0 {
            result.diagnostics.append(Diagnostic(
                .warning, "html.excess-attributes",
                "elements with more than \(ExcessAttributes.limit) attributes: \(tree.droppedAttributes) attributes were dropped"))
        }
        if let reason = tree.stoppedEarly {
            result.diagnostics.append(Diagnostic(
                .warning, "html.truncated", "the page could not be read to its end (\(reason)); what follows is missing"))
        }
        guard tree.root != nil else {
            result.diagnostics.append(Diagnostic(.warning, "html.empty", "the page has no elements"))
            return result
        }
        let page = PageMetadata(tree: tree, pageURL: hints.url)
        result.metadata = page.metadata
        // A page image inlined as a data: URI (SingleFile rewrites og:image so) is no address.
        if let image = result.metadata.image, ImageSource.isDataURI(image) { result.metadata.image = nil }

        let (removed, pageLengths) = furniture(in: tree)
        let root = ArticleRoot(tree: tree, removed: removed, reusing: pageLengths)
        var roots = root.find()
        if let articleBody = page.jsonLDBody {
            roots = root.crossCheck(roots, against: articleBody)
        }
        let articleEnd = roots.map { tree.descendants(of: $0).last ?? $0 }.max() ?? tree.nodes.count
        collectFurnitureMetadata(tree, before: articleEnd, into: &result.metadata)
        if result.metadata.tags.isEmpty { result.metadata.tags = page.keywords }
        let articleRemoved = cleanInside(roots, root: root, removed: removed)
        let hasHeadings = roots.contains { top in
            tree.descendants(of: top).contains { index in
                let tag = tree.nodes[index].tag
                return !articleRemoved[index] && tag != .h1 && tag.headingLevel != nil
            }
        }
        laps?.mark("extract")
        var segmenter = HTMLSegmenter(
            tree: tree, removed: articleRemoved,
            links: LinkResolver(base: page.baseURL, resources: hints.resources, savedFolder: hints.savedFolder),
            boldHeadings: !hasHeadings, images: root.imageCount)
        segmenter.pageLanguage = result.metadata.language
        segmenter.keepDataImages = keepDataImages
        var blocks = segmenter.segment(roots)
        if let omitted = segmenter.omittedDataImages { result.diagnostics.append(omitted) }
        blocks = BlockCleaner.clean(blocks, title: result.metadata.title, metadata: &result.metadata)

        if result.metadata.published == nil, let found = visibleDate(tree, lengths: pageLengths, roots: roots) {
            result.metadata.take(found.date, text: found.text, role: "published", approximate: found.approximate)
        }
        if result.metadata.published == nil, let relative = relativeDate(tree, lengths: pageLengths, roots: roots, html: html) {
            if let date = relative.date {
                result.metadata.take(date, text: relative.text, role: "published", approximate: true)
            } else {
                // Without the page's save time a relative date cannot be placed: keep its words only.
                result.metadata.dates.append(DateRecord(role: "published", value: nil, text: relative.text, from: "text",
                                                        approximate: true))
            }
        }
        if ListingDetector.isListing(tree, roots: roots, removed: removed, blocks: blocks, root: root) {
            result.diagnostics.append(Diagnostic(
                .warning, "content.listing",
                "the page is a list of links to other articles (a category or archive page), not an article"))
            blocks = []
            // Dates and bylines on a listing belong to the teasers, not to the page.
            result.metadata.published = nil
            result.metadata.modified = nil
            result.metadata.dates = []
            result.metadata.authors = []
        }
        if result.metadata.image == nil {
            // An inlined image kept in a figure (keepDataImages) is not repeated here.
            result.metadata.image = blocks.lazy.compactMap { flat -> String? in
                if case .block(.figure(let figure)) = flat { return figure.src }
                return nil
            }.first { !ImageSource.isDataURI($0) }
        }
        result.blocks = blocks
        laps?.mark("segment")
        return result
    }

    // MARK: - Furniture

    /// Hidden elements and site furniture, except furniture that holds most of the page; and the
    /// text lengths of the page with only hidden elements left out.
    private func furniture(in tree: HTMLTree) -> (removed: [Bool], lengths: ArticleRoot) {
        // Nodes are read through the buffer: a copy of every node for each test cost more than the tests.
        tree.nodes.withUnsafeBufferPointer { nodes in
            var hidden = [Bool](repeating: false, count: nodes.count)
            for index in nodes.indices where nodes[index].kind == .element {
                let parent = nodes[index].parent
                if (parent >= 0 && hidden[parent])
                    || MarkupHints.isHidden(attributes: nodes[index].attributes, nameFacts: nodes[index].nameFacts)
                    || isNoise(tag: nodes[index].tag, attributes: nodes[index].attributes, names: nodes[index].names)
                {
                    hidden[index] = true
                }
            }
            for index in nodes.indices where nodes[index].kind == .text && nodes[index].parent >= 0 {
                hidden[index] = hidden[nodes[index].parent]
            }
            let lengths = ArticleRoot(tree: tree, removed: hidden)
            let total = Double(max(lengths.textLength[0], 1))
            var removed = hidden
            for index in nodes.indices where !removed[index] && nodes[index].kind == .element {
                let parent = nodes[index].parent
                if parent >= 0 && removed[parent] {
                    removed[index] = true
                    continue
                }
                let tag = nodes[index].tag
                guard tag != .html && tag != .body,
                    MarkupHints.isFurniture(tag: tag, attributes: nodes[index].attributes, names: nodes[index].names)
                else { continue }
                let share = Double(lengths.textLength[index]) / total
                if share > 0.9 || (share > Self.protectedShare && lengths.linkDensity(index) < 0.5) { continue }
                // A paragraph of prose is content whatever its class says ("selectionShareable").
                if tag == .p && lengths.proseCount[index] > 0 { continue }
                // A wrapper that holds most of the page's prose (an ASP.NET page-wide <form>) is not furniture.
                let prose = lengths.proseCount[index]
                if prose >= 2 && Double(prose) >= Double(lengths.proseCount[0]) * 0.6 { continue }
                removed[index] = true
            }
            for index in nodes.indices where nodes[index].kind == .text && nodes[index].parent >= 0 {
                removed[index] = removed[nodes[index].parent]
            }
            return (removed, lengths)
        }
    }

    /// Footnote markers and edit links that only make noise in the text.
    private func isNoise(tag: HTMLTag, attributes: [(name: String, value: String)], names: [String]) -> Bool {
        switch tag {
        case .sup:
            let names = names.joined(separator: " ")
            return names.includes("reference") || names.includes("mw-ref") || names.includes("noprint")
        case .head, .title:
            return true
        case .span:
            guard let classes = HTMLTree.Node.attribute("class", in: attributes)
            else { return false }
            return classes.includes("mw-editsection")
        default:
            return false
        }
    }

    /// Readability's conditional clean-up inside the article: link-heavy boxes without prose
    /// (related links, tag clouds, share bars) are dropped.
    private func cleanInside(_ roots: [Int], root: ArticleRoot, removed: [Bool]) -> [Bool] {
        var result = removed
        let tree = root.tree
        for top in roots {
            for index in tree.descendants(of: top) where index != top && !result[index] {
                let tag = tree.nodes[index].tag
                guard [.div, .ul, .ol, .section, .table, .aside, .span, .p].contains(tag) else { continue }
                let density = root.linkDensity(index)
                guard root.textLength[index] > 0, density > 0.35 else { continue }
                // Five visible characters a word is close enough to tell a box from prose.
                let words = root.textLength[index] / 5
                let linkHeavy = density > 0.6 && words < 120
                let teaserBox = words < 40 && tag != .p
                if linkHeavy || teaserBox {
                    for descendant in tree.descendants(of: index) { result[descendant] = true }
                    for child in tree.children(of: index) { result[child] = true }
                }
            }
        }
        return result
    }

    // MARK: - Metadata from the page's furniture

    /// Tag boxes, breadcrumbs, bylines and standfirsts are furniture in the body but metadata all the same.
    ///
    /// Bylines count only up to the end of the article: names further down sign replies and comments.
    private func collectFurnitureMetadata(_ tree: HTMLTree, before articleEnd: Int, into metadata: inout Metadata) {
        var tags: [String] = []
        var crumbs: [String] = []
        var authors: [String] = []
        var subtitles: [String] = []
        // Most elements are neither: the class names (matched once per class value, when the
        // tree was built) and `rel` are looked at through the buffer first, where reading them in
        // place through the array retained and released each.
        let candidates = tree.nodes.withUnsafeBufferPointer { nodes in
            nodes.indices.compactMap { index -> (index: Int, rel: (any: Bool, tag: Bool, author: Bool))? in
                guard nodes[index].kind == .element, !nodes[index].attributes.isEmpty else { return nil }
                let rel = Self.relation(HTMLTree.Node.attribute("rel", in: nodes[index].attributes))
                guard rel.any || nodes[index].nameFacts.contains(.metadataBox) else { return nil }
                return (index, rel)
            }
        }
        for (index, rel) in candidates {
            let node = tree[index]
            let names = node.names
            // Whether a `-`/`_`-separated word of the class and id names is in `list`.
            func hasWord(_ list: WordList) -> Bool { names.contains { MarkupHints.hasWord(of: list, in: $0) } }
            if node.tag == .a && rel.tag {
                tags.append(tree.text(of: index))
                continue
            }
            if node.tag == .a && rel.author {
                if index <= articleEnd { authors.append(tree.text(of: index)) }
                continue
            }
            if hasWord(Self.tagBoxWordList) || names.contains(where: { $0.includes("tags") }) {
                var found = linkTexts(under: index, in: tree)
                if found.isEmpty, let line = MetadataLine.read(tree.text(of: index)), line.field == .tags {
                    found = MetadataLine.splitList(line.value)
                }
                if node.tag != .body && node.tag != .html && found.count <= 30 { tags += found }
            } else if names.contains(where: { $0.includes("breadcrumb") }) && crumbs.isEmpty {
                crumbs = linkTexts(under: index, in: tree)
            } else if index <= articleEnd,
                hasWord(Self.authorWordList) || names.contains(where: { Self.authorNames.contains($0) })
            {
                let text = tree.text(of: index)
                let labelled = MetadataLine.readAll(text).filter { $0.field == .author }.map(\.value)
                if !labelled.isEmpty {
                    authors += labelled
                } else if (1...6).contains(WordCounter.count(text, upTo: 6)) {
                    authors.append(text)
                }
            } else if hasWord(Self.standfirstWordList), subtitles.isEmpty {
                let text = tree.text(of: index)
                if (4...60).contains(WordCounter.count(text, upTo: 60)) { subtitles.append(text) }
            }
        }
        let lexicon = BoilerplateLexicon.shared
        func keep(_ value: String) -> Bool {
            !value.isEmpty && value.count < 80 && lexicon.role(of: value) == nil && MetadataLine.read(value) == nil
        }
        if metadata.tags.isEmpty { metadata.tags = tags.filter(keep) }
        if metadata.categories.isEmpty {
            let titleKey = metadata.title.map { ArabicKey.make($0) }
            metadata.categories = crumbs.filter { keep($0) && ArabicKey.make($0) != titleKey && WordCounter.count($0, upTo: 5) <= 5 }
        }
        if metadata.authors.isEmpty { metadata.authors = authors.filter(keep) }
        if metadata.subtitles.isEmpty { metadata.subtitles = subtitles }
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

    /// A relative date ("منذ ساعتين", "أمس") near the headline, resolved against the time the page
    /// was saved when the page records it; `date` is `nil` when it does not.
    private func relativeDate(_ tree: HTMLTree, lengths: ArticleRoot, roots: [Int], html: [UInt8])
        -> (date: ArabicDate?, text: String)?
    {
        guard let start = roots.min() else { return nil }
        // Fields are read in place: `tree[index]` copied every node before the article.
        for index in tree.nodes.indices where tree.nodes[index].kind == .element && lengths.textLength[index] <= 60 {
            if index > start + 200 { break }
            let ownsText = tree.children(of: index).contains { tree.nodes[$0].kind == .text }
            guard ownsText else { continue }
            let text = tree.text(of: index)
            guard WordCounter.count(text, upTo: 8) <= 8, let offset = RelativeDate.secondsAgo(in: text) else { continue }
            // Looked for only now: it means a search through the whole page.
            guard let savedAt = SaveTime.find(in: html) else { return (nil, text) }
            return (ArabicDateParser.day(of: savedAt.date.addingTimeInterval(-offset), offsetMinutes: savedAt.offsetMinutes), text)
        }
        return nil
    }

    /// Class-name words of tag boxes (WordPress `.tags-links`, `.post-tags`, Blogger labels, topic lists).
    static let tagBoxWords: Set<String> = ["tags", "tag", "keywords", "labels", "topics", "tagcloud"]
    /// Class-name words of bylines; `username` is how forums (vBulletin, phpBB) mark the poster.
    static let authorWords: Set<String> = ["byline", "username", "bigusername", "writer"]
    static let authorNames: Set<String> = ["author-name", "author_name", "post-author", "entry-author", "article-author",
                                           "author", "fn"]
    /// Class-name words of the dek under a headline.
    static let standfirstWords: Set<String> = ["standfirst", "dek", "subtitle", "subheadline", "strapline", "deck",
                                               "subhead", "sub-title"]
    static let tagBoxWordList = WordList(tagBoxWords)
    static let authorWordList = WordList(authorWords)
    static let standfirstWordList = WordList(standfirstWords)

    private func linkTexts(under index: Int, in tree: HTMLTree) -> [String] {
        tree.descendants(of: index).filter { tree.nodes[$0].tag == .a }.map { tree.text(of: $0) }
            .filter { !$0.isEmpty }
    }

    /// A visible Arabic date: the short date line nearest before the article (the header of a
    /// post, the line under a headline), else the first one inside it. Dates further up (a "today"
    /// strip) or after it (comments, replies) belong to something else.
    private func visibleDate(_ tree: HTMLTree, lengths: ArticleRoot, roots: [Int])
        -> (date: ArabicDate, text: String, approximate: Bool)?
    {
        guard let start = roots.min() else { return nil }
        let end = roots.map { tree.descendants(of: $0).last ?? $0 }.max() ?? start
        var before: (date: ArabicDate, text: String, approximate: Bool)?
        var inside: (date: ArabicDate, text: String, approximate: Bool)?
        // A byline's date sits near the article's start: look a little before it and at its first lines.
        let window = max(0, start - 1500)..<min(tree.nodes.count, min(end, start + 150) + 1)
        for index in window where tree.nodes[index].kind == .element && lengths.textLength[index] <= 160 {
            if tree.nodes[index].tag == .html || tree.nodes[index].tag == .body { continue }
            // Only elements that hold text of their own: their wrappers would repeat the same line.
            let ownsText = tree.children(of: index).contains { child in
                tree.nodes[child].kind == .text
                    && tree.nodes[child].text.unicodeScalars.contains { !ArabicScalar.isSpace($0.value) }
            }
            // A date has digits (`ArabicDateParser.find` gives none without): most short lines
            // near the headline have none, and their text is not built.
            guard ownsText, holdsDigit(index, in: tree) else { continue }
            let text = tree.text(of: index)
            guard WordCounter.count(text, upTo: 14) <= 14, let date = ArabicDateParser.find(in: text), date.day != nil else { continue }
            if let line = MetadataLine.read(text), line.field == .modified { continue }
            if index < start {
                before = (date, text, false)
            } else if inside == nil {
                inside = (date, text, false)
            }
        }
        return before ?? inside
    }

    /// Whether a text node under `index` has an ASCII or Arabic-Indic digit
    /// (``ArabicScalar/digitValue(_:)``), found on the UTF-8 bytes.
    private func holdsDigit(_ index: Int, in tree: HTMLTree) -> Bool {
        tree.subtree(of: index).contains { node in
            guard tree.nodes[node].kind == .text else { return false }
            var previous: UInt8 = 0
            for byte in tree.nodes[node].text.utf8 {
                // U+0660–U+0669 are D9 A0–A9 in UTF-8, U+06F0–U+06F9 are DB B0–B9.
                if byte &- 0x30 < 10 || (previous == 0xD9 && byte &- 0xA0 < 10) || (previous == 0xDB && byte &- 0xB0 < 10) {
                    return true
                }
                previous = byte
            }
            return false
        }
    }
}
