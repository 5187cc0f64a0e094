/// Flat blocks → the document tree: sections nested by heading level, stats counted
/// (the Structure stage, shared by HTML and text).
enum DocumentBuilder {
    static func build(
        _ article: CleanArticle, source: Source, wordsPerMinute: Int, diagnostics: [Diagnostic],
        normalizer: TextNormalizer = TextNormalizer([])
    ) -> Document {
        var metadata = article.metadata
        var removals = article.removals
        metadata.authors = unique(metadata.authors)
        metadata.tags = unique(metadata.tags)
        metadata.categories = unique(metadata.categories)
        var document = Document(
            source: source, metadata: metadata, body: nest(droppingTrailingHeadings(article.blocks, removals: &removals)),
            diagnostics: diagnostics + article.diagnostics)
        if removals.enabled { document.removed = removals.list }
        normalizer.apply(to: &document)
        let facts = BodyFacts(document.body)
        document.stats = stats(facts, wordsPerMinute: wordsPerMinute)
        var script = facts.script
        document.stats.arabicShare = (script.arabicShare * 1000).rounded() / 1000
        if let title = document.metadata.title { script.add(TextFacts(title).script) }
        if document.metadata.language == nil { document.metadata.language = ScriptDetector.language(script) }
        if document.metadata.direction == nil {
            document.metadata.direction = ScriptDetector.direction(language: document.metadata.language, counts: script)
        }
        if let direction = document.metadata.direction {
            BlockDirection.mark(&document.body, documentDirection: direction, own: facts.directions)
        }
        if document.body.isEmpty {
            document.diagnostics.append(
                Diagnostic(.warning, .contentEmpty, "no article text was found in the input"))
        }
        return document
    }

    /// Headings with nothing after them end the body: the title of a box whose links were
    /// removed ("most read", "related"), never a section of the article.
    static func droppingTrailingHeadings(_ flat: [FlatBlock], removals: inout Removals) -> [FlatBlock] {
        var flat = flat
        var dropped: [Removal] = []
        while case .heading(let heading) = flat.last {
            if removals.enabled {
                dropped.append(Removal(text: heading.text, reason: RemovalReason.emptyHeading.rawValue, at: "block \(flat.count)"))
            }
            flat.removeLast()
        }
        for removal in dropped.reversed() { removals.record(removal.text, .emptyHeading, at: removal.at) }
        return flat
    }

    /// Nests blocks under headings: a heading opens a section that runs to the next heading of
    /// the same or a higher level.
    static func nest(_ flat: [FlatBlock]) -> [Block] {
        var root: [Block] = []
        var stack: [Section] = []

        func close() {
            let section = stack.removeLast()
            if stack.isEmpty {
                root.append(.section(section))
            } else {
                stack[stack.count - 1].children.append(.section(section))
            }
        }

        for item in flat {
            switch item {
            case .heading(let heading):
                while let top = stack.last, top.level >= heading.level { close() }
                stack.append(Section(level: heading.level, heading: heading))
            case .block(let block):
                if stack.isEmpty {
                    root.append(block)
                } else {
                    stack[stack.count - 1].children.append(block)
                }
            }
        }
        while !stack.isEmpty { close() }
        return root
    }

    static func stats(_ facts: BodyFacts, wordsPerMinute: Int) -> Stats {
        let words = facts.words
        let minutes = words == 0 ? 0 : max(1, (words + wordsPerMinute - 1) / max(wordsPerMinute, 1))
        return Stats(words: words, characters: facts.characters, readingMinutes: minutes)
    }

    private static func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert(ArabicKey.make($0)).inserted && !$0.isEmpty }
    }
}
