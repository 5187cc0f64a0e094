/// The clean-up of an HTML article's blocks: boilerplate blocks found by the Arabic lexicon go,
/// byline, date and tag lines at the edges move into the metadata (``EdgeMetadata/html``), and
/// heading levels are re-based so the top section is level 2.
enum BlockCleaner {
    /// `offset` is the position of `blocks[0]` in the segmented article, for ``Removal/at``.
    static func removeBoilerplate(_ blocks: [FlatBlock], offset: Int = 0, removals: inout Removals) -> [FlatBlock] {
        let lexicon = BoilerplateLexicon.shared
        var kept: [FlatBlock] = []
        var index = 0
        func record(_ range: Range<Int>, _ reason: RemovalReason) {
            guard removals.enabled else { return }
            for position in range { removals.record(all: blocks[position].texts, reason, at: "block \(offset + position + 1)") }
        }
        while index < blocks.count {
            let block = blocks[index]
            index += 1
            let role: BoilerplateLexicon.Role?
            switch block {
            case .block(.paragraph(let paragraph)):
                if isToolbar(paragraph.text) {
                    record(index - 1..<index, .lexiconToolbar)
                    continue
                }
                // The paragraph is counted and keyed once, for the notice test and the lexicon.
                let words = WordCounter.count(paragraph.text, upTo: 90)
                guard words <= 90 else {
                    role = nil
                    break
                }
                let key = ArabicKey.make(paragraph.text)
                if BoilerplateLexicon.isSiteNotice(key: key) {
                    record(index - 1..<index, .lexiconNotice)
                    continue
                }
                role = words <= 30 ? lexicon.role(of: paragraph.text, key: key) : nil
                    ?? (CommentsTail.isHead(paragraph.text, key: key) ? .boxTitle : nil)
            case .heading(let heading):
                // A comments head with its count (`التعليقات (3)`) opens the comments box too. Both
                // tests read the heading's key; neither reads that of a text past the lexicon's length.
                let key = heading.text.utf8.count <= BoilerplateLexicon.longestText ? ArabicKey.make(heading.text) : ""
                role = lexicon.role(of: heading.text, key: key)
                    ?? (CommentsTail.isHead(heading.text, key: key) ? .boxTitle : nil)
            default:
                role = nil
            }
            guard let role else {
                if case .block(.list(let list)) = block, list.items.allSatisfy({ lexicon.role(of: $0.text) != nil }) {
                    record(index - 1..<index, .lexiconFurniture)
                    continue
                }
                kept.append(block)
                continue
            }
            let opening = index - 1
            switch role {
            case .furniture:
                record(opening..<index, .lexiconFurniture)
                continue
            case .tableOfContents:
                if index < blocks.count, case .block(.list) = blocks[index] { index += 1 }
                record(opening..<index, .toc)
            case .boxTitle:
                let level: Int
                if case .heading(let heading) = block { level = heading.level } else { level = 7 }
                while index < blocks.count {
                    if case .heading(let next) = blocks[index], next.level <= level { break }
                    if case .block(.paragraph(let paragraph)) = blocks[index], WordCounter.count(paragraph.text, upTo: 25) > 25 { break }
                    index += 1
                }
                record(opening..<index, .lexiconBox)
            }
        }
        return kept
    }

    /// Paragraphs at the end of an Arabic-script article written in another script (an English
    /// SEO blurb or disclaimer after the text): the article's language is the reader's, and a
    /// run of foreign prose after it is the site's, not the writer's. At least 12 words each;
    /// at most a third of the article's paragraphs; the article must be Arabic script.
    static func dropForeignTail(_ blocks: [FlatBlock], offset: Int = 0, removals: inout Removals) -> [FlatBlock] {
        var script = ScriptDetector.Counts()
        var paragraphs = 0
        for case .block(.paragraph(let paragraph)) in blocks {
            script.add(ScriptDetector.Counts(lettersOf: paragraph.text))
            paragraphs += 1
        }
        guard script.arabicShare >= 0.6 else { return blocks }
        var end = blocks.count
        while end > 0, case .block(.paragraph(let paragraph)) = blocks[end - 1] {
            let facts = TextFacts(paragraph.text)
            guard facts.words >= 12, facts.script.letters >= 40, facts.script.arabicShare < 0.1 else { break }
            end -= 1
        }
        guard end < blocks.count, (blocks.count - end) * 3 <= paragraphs else { return blocks }
        for position in end..<blocks.count {
            removals.record(all: blocks[position].texts, .foreignSEO, at: "block \(offset + position + 1)")
        }
        return Array(blocks[..<end])
    }

    /// A line of `|`-separated tools and counters: `عدد القراءات: 1532 | طباعة | أرسل لصديق`.
    static func isToolbar(_ text: String) -> Bool {
        // On the bytes: the UTF-8 view's iterator, over every paragraph, was most of this test.
        guard text.includes("|") else { return false }
        let parts = text.components(separatedBy: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        guard parts.count >= 3 else { return false }
        let lexicon = BoilerplateLexicon.shared
        let furniture = parts.filter { lexicon.role(of: $0) != nil || MetadataLine.read($0) != nil }
        return furniture.count * 2 >= parts.count
    }

    static func takeMetadata(_ blocks: [FlatBlock], metadata: inout Metadata, removals: inout Removals) -> [FlatBlock] {
        let edge = EdgeMetadata.html
        let blocks = joinLabelledLists(blocks, edge: edge)
        var kept: [FlatBlock] = []
        for (index, block) in blocks.enumerated() {
            guard edge.reaches(index, of: blocks.count), case .block(.paragraph(var paragraph)) = block else {
                kept.append(block)
                continue
            }
            let outcome = edge.take(
                paragraph.text, at: index, label: { MetadataLine.read(paragraph.text) },
                words: { WordCounter.count(paragraph.text, upTo: 14) }, into: &metadata)
            if case .kept = outcome, index == 0 || index == blocks.count - 1, isStrayNumber(paragraph.text) {
                removals.record(paragraph.text, .strayNumber, at: "block \(index + 1)")
                continue
            }
            switch outcome {
            case .taken(let reason):
                removals.record(paragraph.text, reason, at: "block \(index + 1)")
                continue
            case .byline(let rest):
                if removals.enabled {
                    let byline = paragraph.text.hasSuffix(rest) ? String(paragraph.text.dropLast(rest.count)) : paragraph.text
                    removals.record(byline, .metadataByline, at: "block \(index + 1)")
                }
                // "كتب - فلان: …" opens the first paragraph: the byline goes, the paragraph stays.
                paragraph.text = rest
                paragraph.inlines = paragraph.inlines.map(dropLeadingByline).flatMap { inlines in
                    // Only markup earns inlines; plain text after the byline needs none.
                    inlines.allSatisfy { if case .text = $0 { true } else { false } } ? nil : inlines
                }
                kept.append(.block(.paragraph(paragraph)))
            case .kept:
                kept.append(block)
            }
        }
        return kept
    }

    /// A paragraph of digits alone (`17302`): a counter or id a CMS left at the article's edge.
    static func isStrayNumber(_ text: String) -> Bool {
        // Asked of the first and last paragraphs, which are mostly prose: the first letter ends it.
        var sawDigit = false
        for scalar in text.unicodeScalars where !ArabicScalar.isSpace(scalar.value) {
            guard ArabicScalar.isDigit(scalar.value) else { return false }
            sawDigit = true
        }
        return sawDigit
    }

    /// A metadata label set as its own line with its value in a short list under it
    /// (`<span class="label">المصدر:</span><ul><li>(أبوظبي - البيان)</li></ul>`): one line, so it
    /// is read as a labelled line, not left as a label and a one-item list.
    static func joinLabelledLists(_ blocks: [FlatBlock], edge: EdgeMetadata) -> [FlatBlock] {
        var result: [FlatBlock] = []
        var index = 0
        while index < blocks.count {
            if edge.reaches(index, of: blocks.count), index + 1 < blocks.count,
                case .block(.paragraph(let label)) = blocks[index], LineShape(label.text).endsWithColon,
                WordCounter.count(label.text, upTo: 4) <= 3,
                case .block(.list(let list)) = blocks[index + 1], (1...3).contains(list.items.count),
                list.items.allSatisfy({ $0.children.isEmpty })
            {
                let joined = label.text + " " + list.items.map(\.text).joined(separator: "، ")
                if MetadataLine.read(joined) != nil {
                    result.append(.block(.paragraph(Paragraph(text: joined))))
                    index += 2
                    continue
                }
            }
            result.append(blocks[index])
            index += 1
        }
        return result
    }

    /// Drops the inline spans that spelled the byline (`<strong>كتب - فلان:</strong>`).
    private static func dropLeadingByline(_ inlines: [Inline]) -> [Inline] {
        var rest = inlines
        while let first = rest.first {
            let text = first.plainText
            rest.removeFirst()
            if text.contains(":") {
                let after = text[text.index(after: text.firstIndex(of: ":")!)...].trimmingCharacters(in: .whitespaces)
                if !after.isEmpty { rest.insert(.text(after), at: 0) }
                break
            }
        }
        if case .text(let text)? = rest.first { rest[0] = .text(text.trimmingLeadingSpaces()) }
        return rest
    }

    /// Shifts heading levels so the highest one in the article is 2 (the title is level 1).
    static func rebase(_ blocks: [FlatBlock]) -> [FlatBlock] {
        let levels = blocks.compactMap { block -> Int? in
            if case .heading(let heading) = block { return heading.level }
            return nil
        }
        guard let top = levels.min() else { return blocks }
        let shift = 2 - top
        guard shift != 0 else { return blocks }
        return blocks.map { block in
            guard case .heading(var heading) = block else { return block }
            heading.level = min(max(heading.level + shift, 2), 6)
            return .heading(heading)
        }
    }
}
