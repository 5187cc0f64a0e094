import Foundation

/// The article's DOM → flat blocks (the Segment stage for HTML).
///
/// Block elements become blocks; inline content is gathered line by line (a `<br>` ends a line,
/// two end a paragraph) so `<br>`-split `div`/`td`/`font` soup reads like plain text: marker
/// lines become lists and, in pages without `h` tags, a short bold-only line becomes a heading.
struct HTMLSegmenter {
    let tree: HTMLTree
    let removed: [Bool]
    let links: LinkResolver
    /// Bold-only lines may be headings (only in pages whose article has no `h2`–`h6`).
    let boldHeadings: Bool
    /// `img` elements under each node, so figure boxes are recognised without walking subtrees.
    let images: NodeCounts
    /// Where what Segment leaves out is recorded (``ParseOptions/explain``); shared with inner segmenters.
    let sink: RemovalSink?

    private(set) var blocks: [FlatBlock] = []
    private var buffer = InlineBuffer()
    /// The page's language; paragraphs inside an element whose `lang` says otherwise carry it.
    var pageLanguage: String?
    /// Keep figures' `data:` images as they are (``ParseOptions/keepDataImages``).
    var keepDataImages = false
    /// Figures whose `data:` image was left out, and the characters it held.
    private var dataImages = (count: 0, characters: 0)
    /// `lang` attributes of the elements being walked, innermost last.
    private var languages: [String] = []
    /// `dir` attributes (`rtl`, `ltr`) of the block elements being walked, innermost last: a
    /// paragraph or heading carries the innermost, and Structure keeps it where it differs from
    /// the document's direction.
    private var directions: [TextDirection] = []
    /// Lines that stand alone as a paragraph and may be section heads, decided for the whole
    /// article once it is segmented (``promoteStandaloneHeads()``).
    private var headCandidates: [HeadCandidate] = []
    /// Bold lines already taken as headings: the article sets its heads as bold lines.
    private var boldHeadCount = 0

    /// A paragraph that may be a section head: its block's position and how it is set.
    private struct HeadCandidate {
        enum Shape { case bold, plain, styled }
        let block: Int
        let shape: Shape
    }
    /// Gathering one element's inline text (a heading): blocks nested inside it (Word's `<o:p>`,
    /// a `<p>` in an `<h2>`) are read as inline content instead of starting blocks of their own.
    private var inlineOnly = false

    /// Elements that stay inline content even in `inlineOnly` mode.
    private static func isStyle(_ tag: HTMLTag) -> Bool {
        switch tag {
        case .b, .strong, .em, .i, .cite, .dfn, .a, .code, .kbd, .samp, .tt: true
        default: false
        }
    }

    init(tree: HTMLTree, removed: [Bool], links: LinkResolver, boldHeadings: Bool, images: NodeCounts, sink: RemovalSink? = nil) {
        self.sink = sink
        self.tree = tree
        self.removed = removed
        self.links = links
        self.boldHeadings = boldHeadings
        self.images = images
    }

    /// A segmenter of the article Extract found.
    init(_ page: ExtractedPage) {
        self.init(
            tree: page.tree, removed: page.removed,
            links: LinkResolver(base: page.baseURL, resources: page.resources, savedFolder: page.savedFolder),
            boldHeadings: page.boldHeadings, images: page.images,
            sink: page.removals.enabled ? RemovalSink(enabled: true) : nil)
        pageLanguage = page.metadata.language
    }

    /// Segments the content of `roots` in order.
    mutating func segment(_ roots: [Int]) -> [FlatBlock] {
        for root in roots { walk(root) }
        flush()
        promoteStandaloneHeads()
        return blocks
    }

    /// Segments the children of `index` into ``blocks``, read in place by the caller (a list's
    /// item): returned, the array was shared with the segmenter and copied on its first change.
    private mutating func segmentChildren(of index: Int) {
        walkChildren(index)
        flush()
        promoteStandaloneHeads()
    }

    /// The document-level verdict on lines that stand alone (the same markup shape, the same
    /// verdict): a bold question too long for a heading on its own is a head when the article
    /// already sets its heads as bold lines (an interview's questions); short unpunctuated lines
    /// alone between blank lines of `<br>` text are heads when at least two of them each open
    /// prose, and they are fewer than the prose paragraphs.
    private mutating func promoteStandaloneHeads() {
        guard !headCandidates.isEmpty else { return }
        let bold = headCandidates.filter { $0.shape == .bold }
        let boldAgrees = boldHeadCount >= 1 || bold.count >= 2
        let plain = headCandidates.filter { candidate in
            guard candidate.shape == .plain, candidate.block + 1 < blocks.count,
                case .block(.paragraph(let next)) = blocks[candidate.block + 1]
            else { return false }
            let shape = LineShape(next.text)
            return shape.isTerminated && shape.words >= 12
        }
        let paragraphs = blocks.count(where: { if case .block(.paragraph) = $0 { true } else { false } })
        let plainAgrees = plain.count >= 2 && plain.count * 3 <= paragraphs
        // Lines set apart by a style attribute or `<font size>` (``StyledHeads``): heads when
        // they open what follows them (prose or a list) and the article agrees, by two of them
        // opening prose or by bold heads of its own; a lone large line is emphasis, not a head.
        let styled = headCandidates.filter { candidate in
            guard candidate.shape == .styled, candidate.block + 1 < blocks.count else { return false }
            switch blocks[candidate.block + 1] {
            case .block(.paragraph), .block(.list): return true
            default: return false
            }
        }
        let styledOpeningProse = styled.count { candidate in
            guard case .block(.paragraph(let next)) = blocks[candidate.block + 1] else { return false }
            let shape = LineShape(next.text)
            return shape.isTerminated && shape.words >= 8
        }
        let styledAgrees = styledOpeningProse >= 2 || (boldHeadCount >= 1 && styledOpeningProse >= 1)
        for candidate in (boldAgrees ? bold : []) + (plainAgrees ? plain : []) + (styledAgrees ? styled : []) {
            guard case .block(.paragraph(let paragraph)) = blocks[candidate.block] else { continue }
            blocks[candidate.block] = .heading(Heading(level: 2, text: paragraph.text))
        }
    }

    // MARK: - Walking

    private mutating func walk(_ index: Int) {
        if removed[index] { return }
        if tree.isText(index) {
            tree.withText(at: index) { buffer.append(utf8: $0) }
            return
        }
        // Tags, not names: each unequal `String` compare of the switch below was a runtime call.
        let tag = tree.tag(at: index)
        if !inlineOnly, tag.isBlock, !tree.attributes(at: index).isEmpty {
            let lang = (tree.attribute("lang", at: index) ?? tree.attribute("xml:lang", at: index))
                .flatMap { $0.isEmpty ? nil : $0 }
            let dir = tree.attribute("dir", at: index).flatMap { TextDirection(rawValue: $0.lowercased()) }
            if lang != nil || dir != nil {
                flush()
                if let lang { languages.append(lang) }
                if let dir { directions.append(dir) }
                defer {
                    flush()
                    if lang != nil { languages.removeLast() }
                    if dir != nil { directions.removeLast() }
                }
                walkElement(index, tag)
                return
            }
        }
        walkElement(index, tag)
    }

    private mutating func walkElement(_ index: Int, _ tag: HTMLTag) {
        if inlineOnly && !Self.isStyle(tag) {
            if tag == .br || tag.isBlock { buffer.append(" ") }
            walkChildren(index)
            return
        }
        switch tag {
        case .br:
            buffer.lineBreak()
        case .hr:
            flush()
        case .h1, .h2, .h3, .h4, .h5, .h6:
            flush()
            let level = tag.headingLevel!
            let runs = inlineRuns(of: index)
            let text = InlineBuffer.text(of: runs)
            if LineShape(text).hasLetters {
                // A heading set in bold throughout (`<h2><strong>…</strong></h2>`) is just a heading.
                let inlines = isBoldLine(runs) ? nil : InlineBuffer.inlines(of: runs)
                let dir = tree.attribute("dir", at: index).flatMap { TextDirection(rawValue: $0.lowercased()) }
                blocks.append(.heading(Heading(level: level, text: text, inlines: inlines, dir: dir ?? directions.last)))
            }
        case .ul, .ol:
            flush()
            if let list = list(index) { blocks.append(.block(.list(list))) }
        case .dl where !hasTerms(index):
            // `<dl><dd>…</dd></dl>` without a term is how wikis indent a paragraph: not a list.
            flush()
            walkChildren(index)
            flush()
        case .dl:
            flush()
            if let list = definitionList(index) { blocks.append(.block(.list(list))) }
        case .table:
            flush()
            if TableReader.isDataTable(index, in: tree, removed: removed) {
                if let table = TableReader.read(index, in: tree, removed: removed) { blocks.append(.block(.table(table))) }
            } else if let figure = figureContainer(index) {
                blocks.append(.block(.figure(figure)))
            } else {
                walkChildren(index)
                flush()
            }
        case .figure:
            flush()
            if let figure = figure(index) { blocks.append(.block(.figure(figure))) }
        case .figcaption:
            flush()
            if let caption = caption(tree.text(of: index), at: index) {
                blocks.append(.block(.figure(Figure(caption: caption))))
            }
        case .img, .picture:
            if buffer.currentLineIsEmpty {
                flush()
                if let figure = figure(index) { blocks.append(.block(.figure(figure))) }
            } else if let alt = ImageSource.alt(of: imageNode(index) ?? index, in: tree), !alt.isEmpty, alt.count <= 80 {
                buffer.append(alt)
            }
        case .blockquote:
            flush()
            var inner = HTMLSegmenter(tree: tree, removed: removed, links: links, boldHeadings: false, images: images, sink: sink)
            inner.pageLanguage = pageLanguage
            inner.languages = languages
            inner.directions = directions
            let children = inner.segment(Array(tree.children(of: index))).map { flat -> Block in
                switch flat {
                case .heading(let heading): .paragraph(Paragraph(text: heading.text, inlines: heading.inlines))
                case .block(let block): block
                }
            }
            if !children.isEmpty { blocks.append(.block(.quote(Quote(children: children)))) }
        case .pre:
            flush()
            let code = CodeText.read(index, in: tree)
            if !code.text.isEmpty { blocks.append(.block(.code(CodeBlock(text: code.text, language: code.language)))) }
        case .b, .strong:
            withStyle(.strong(owner: index), index)
        case .em, .i, .cite, .dfn:
            withStyle(.emphasis(owner: index), index)
        case .a:
            withStyle(.link(owner: index, href: links.resolve(tree.attribute("href", at: index))), index)
        case .code, .kbd, .samp, .tt:
            buffer.styles.append(.code(owner: index))
            buffer.appendVerbatim(tree.text(of: index))
            buffer.styles.removeLast()
        default:
            // A line set apart by its style (``StyledHeads``) is read like a bold line; only
            // where bold lines may be heads, and only the tags editors style so.
            let prominent = boldHeadings && !inlineOnly && Self.mayBeStyledHead(tag) && StyledHeads.isProminent(index, in: tree)
            if prominent { buffer.prominence += 1 }
            defer { if prominent { buffer.prominence -= 1 } }
            if let figure = figureContainer(index) {
                flush()
                blocks.append(.block(.figure(figure)))
            } else if tag.isBlock || tag == .td || tag == .th {
                flush()
                walkChildren(index)
                flush()
            } else {
                walkChildren(index)
            }
        }
    }

    private mutating func walkChildren(_ index: Int) {
        for child in tree.children(of: index) { walk(child) }
    }

    private mutating func withStyle(_ style: InlineBuffer.Style, _ index: Int) {
        buffer.styles.append(style)
        walkChildren(index)
        buffer.styles.removeLast()
    }

    /// The inline runs of one element on its own (a heading, a caption).
    private func inlineRuns(of index: Int) -> [InlineBuffer.Run] {
        var inner = HTMLSegmenter(tree: tree, removed: removed, links: links, boldHeadings: false, images: images, sink: sink)
        inner.pageLanguage = pageLanguage
        inner.languages = languages
        inner.directions = directions
        inner.inlineOnly = true
        inner.walkChildren(index)
        return inner.buffer.take().filter { !$0.isEmpty }.reduce(into: []) { runs, line in
            if !runs.isEmpty { runs.append(InlineBuffer.Run(text: " ", styles: [])) }
            runs += line
        }
    }

    // MARK: - Lines to blocks

    /// Turns the gathered lines into paragraphs, lists and bold headings.
    private mutating func flush() {
        guard !buffer.isEmpty else {
            _ = buffer.take()
            return
        }
        let lines = buffer.take()
        var paragraph: [InlineBuffer.Run] = []
        var items: [(ListMarker, [InlineBuffer.Run])] = []
        // Read once, before the nested functions: read inside them, each paragraph copied the
        // whole segmenter to ask. Nothing in a flush changes them.
        let dir = directions.last
        let lang = differingLanguage

        func endParagraph() {
            guard !paragraph.isEmpty else { return }
            let text = InlineBuffer.text(of: paragraph)
            // Letters asked of the scalars directly: a `LineShape` also looks for the line's last mark.
            if text.unicodeScalars.contains(where: ArabicScalar.isLetter)
                || text.unicodeScalars.contains(where: { ArabicScalar.isDigit($0.value) })
            {
                blocks.append(.block(.paragraph(Paragraph(
                    text: text, inlines: InlineBuffer.inlines(of: paragraph), dir: dir, lang: lang))))
            }
            paragraph = []
        }
        /// `line` alone as its own paragraph, so the text after it is never glued to it, noted as a
        /// head candidate of `shape`: whether it is a head is the article's verdict.
        func standAlone(_ line: [InlineBuffer.Run], as shape: HeadCandidate.Shape) {
            endParagraph()
            paragraph = line
            let before = blocks.count
            endParagraph()
            if blocks.count > before { headCandidates.append(HeadCandidate(block: before, shape: shape)) }
        }
        func endList() {
            guard !items.isEmpty else { return }
            let first = items[0].0
            let listItems = items.map { marker, _ in
                ListItem(text: marker.rest, term: ItemTerm.term(of: marker.rest), marker: marker.text)
            }
            items = []
            // Word writes each list item as its own paragraph: consecutive marker lists continue one list.
            if case .block(.list(var previous))? = blocks.last, let last = previous.items.last?.marker,
                let lastMarker = ListMarker.parse(last + " x"), lastMarker.kind == first.kind,
                first.kind == .bullet ? lastMarker.text == first.text : first.value == lastMarker.value + 1
            {
                previous.items += listItems
                blocks[blocks.count - 1] = .block(.list(previous))
                return
            }
            blocks.append(.block(.list(ListBlock(ordered: first.isOrdered, start: first.isOrdered ? first.value : nil,
                                                 items: listItems))))
        }

        var previousLine = ""
        // Whether `previousLine` reads as a metadata line, once asked: each line was read as the
        // line and again as the one before the next.
        var previousIsMetadata: Bool?
        for (position, line) in lines.enumerated() {
            if line.isEmpty {
                endParagraph()
                endList()
                continue
            }
            let text = InlineBuffer.text(of: line)
            // A forum signature starts under a rule of underscores; nothing after it is the post.
            // The bytes first: `hasPrefix` compares characters, and nearly no line starts with `_`.
            if text.utf8.first == UInt8(ascii: "_"), text.hasPrefix("____") {
                if let sink, let start = lines.firstIndex(where: { InlineBuffer.text(of: $0) == text }) {
                    let signature = lines[start...].map { InlineBuffer.text(of: $0) }.joined(separator: " ")
                    sink.removals.record(signature, .furnitureForum, at: "signature")
                }
                break
            }
            var isMetadata: Bool?
            defer {
                previousLine = text
                previousIsMetadata = isMetadata
            }
            if let marker = ListMarker.parse(text), marker.kind != .letter || !items.isEmpty || marker.value == 1 {
                endParagraph()
                if let first = items.first?.0, first.kind != marker.kind { endList() }
                items.append((marker, line))
                continue
            }
            endList()
            let bold = boldHeadings && isBoldLine(line)
            let styled = boldHeadings && !bold && isProminentLine(line)
            if bold || styled, Self.readsAsMetadata(text, &isMetadata) == false {
                let shape = LineShape(text)
                if shape.couldBeHeading && styled {
                    standAlone(line, as: .styled)
                    continue
                }
                if shape.couldBeHeading {
                    endParagraph()
                    blocks.append(.heading(Heading(level: 2, text: text)))
                    boldHeadCount += 1
                    continue
                }
                if Self.couldBeQuestionHead(shape) {
                    standAlone(line, as: .bold)
                    continue
                }
            }
            if boldHeadings, paragraph.isEmpty, position > 0, lines[position - 1].isEmpty,
                position + 2 < lines.count, lines[position + 1].isEmpty, !lines[position + 2].isEmpty,
                Self.couldBePlainHead(text), Self.readsAsMetadata(text, &isMetadata) == false
            {
                standAlone(line, as: .plain)
                continue
            }
            if !paragraph.isEmpty {
                // The paragraph ends with the line before, so it ends as that line does (unless
                // that line is all closing marks): joining the whole paragraph again at every
                // line was quadratic in its lines.
                let lastLine = LineShape(previousLine)
                let previous = lastLine.lastMark != nil ? lastLine : LineShape(InlineBuffer.text(of: paragraph))
                // Bylines and date lines stand on their own lines, whatever their punctuation. So
                // does a short line wholly in bold before a `<br>`, also where the page's heading
                // tags leave bold lines no heads (`boldHeadings` off): the text after it is its
                // own paragraph, never glued onto it.
                if previous.isTerminated || previous.endsWithQuestion || Self.readsAsMetadata(text, &isMetadata)
                    || Self.readsAsMetadata(previousLine, &previousIsMetadata)
                    || (!boldHeadings && position > 0 && lastLine.couldBeHeading && isBoldLine(lines[position - 1]))
                {
                    endParagraph()
                } else {
                    paragraph.append(InlineBuffer.Run(text: " ", styles: []))
                }
            }
            // A paragraph's first line is taken as it is, not copied run by run into a new array.
            if paragraph.isEmpty { paragraph = line } else { paragraph += line }
        }
        endParagraph()
        endList()
    }

    /// Tags an editor styles to set a line apart: inline wrappers and the paragraph-like blocks.
    private static func mayBeStyledHead(_ tag: HTMLTag) -> Bool {
        switch tag {
        case .span, .font, .p, .div, .center: true
        default: false
        }
    }

    /// A question set alone in bold, longer than a heading on its own may be: up to 60 words,
    /// one sentence, ending in `؟` (or `؟!`).
    private static func couldBeQuestionHead(_ shape: LineShape) -> Bool {
        var text = Substring(shape.text)
        while let last = text.last, last == "!" || last == " " { text = text.dropLast() }
        let trimmed = LineShape(String(text))
        return trimmed.endsWithQuestion && !trimmed.hasInnerSentenceBreak && trimmed.words <= 60
    }

    /// A short unpunctuated line (at most 6 words) that may head the text after it.
    private static func couldBePlainHead(_ text: String) -> Bool {
        let shape = LineShape(text)
        return shape.couldBeHeading && !shape.endsWithQuestion && WordCounter.count(text, upTo: 7) <= 6
    }

    /// Whether `text` reads as a metadata line (``MetadataLine/read(_:)``), remembered in `known`.
    private static func readsAsMetadata(_ text: String, _ known: inout Bool?) -> Bool {
        if let known { return known }
        let found = MetadataLine.read(text) != nil
        known = found
        return found
    }

    /// The language of the element being walked, when it is not the page's (primary subtags compared).
    private var differingLanguage: String? {
        guard let current = languages.last else { return nil }
        func primary(_ tag: String) -> Substring { tag.lowercased().split(separator: "-").first ?? "" }
        guard let page = pageLanguage else { return current }
        return primary(current) == primary(page) ? nil : current
    }

    /// Every visible run of the line is bold or set apart by a style (``StyledHeads``), and
    /// not every run is plain bold (``isBoldLine(_:)``).
    private func isProminentLine(_ line: InlineBuffer.Line) -> Bool {
        let visible = line.filter { !$0.isBlank }
        return !visible.isEmpty && visible.contains(where: \.prominent) && visible.allSatisfy { run in
            run.prominent || run.styles.contains { if case .strong = $0 { true } else { false } }
        }
    }

    /// Every visible run of the line is bold.
    private func isBoldLine(_ line: InlineBuffer.Line) -> Bool {
        let visible = line.filter { !$0.isBlank }
        return !visible.isEmpty && visible.allSatisfy { run in
            run.styles.contains { if case .strong = $0 { true } else { false } }
        }
    }

    // MARK: - Lists

    private func list(_ index: Int) -> ListBlock? {
        let ordered = tree.tag(at: index) == .ol
        let children = listItems(of: index)
        var items: [ListItem] = []
        // A long list's items are most of the document: made to measure, the array is never
        // copied to grow while the old copy is still held.
        items.reserveCapacity(children.count)
        // One inner segmenter serves every item, started afresh for each: making and dropping one
        // per item (its tree, links and sink retained and released) was a tenth of a long list's parse.
        var inner = HTMLSegmenter(tree: tree, removed: removed, links: links, boldHeadings: false, images: images, sink: sink)
        inner.pageLanguage = pageLanguage
        for child in children {
            inner.startItem(languages: languages, directions: directions)
            inner.segmentChildren(of: child)
            var text = ""
            var inlines: [Inline]?
            var rest = inner.blocks[...]
            if case .block(.paragraph(let paragraph))? = rest.first {
                text = paragraph.text
                inlines = paragraph.inlines
                rest = rest.dropFirst()
            }
            if text.isEmpty && rest.isEmpty { continue }
            let children = rest.map { flat in
                switch flat {
                case .heading(let heading): Block.paragraph(Paragraph(text: heading.text, inlines: heading.inlines))
                case .block(let block): block
                }
            }
            // Made whole in the array: filled in field by field, each item was copied in and dropped.
            items.append(ListItem(text: text, term: ItemTerm.term(of: text), inlines: inlines, children: children))
        }
        guard !items.isEmpty else { return nil }
        let start = ordered ? Int(tree.attribute("start", at: index)?.trimmingWhitespace() ?? "") ?? 1 : nil
        return ListBlock(ordered: ordered, start: start, items: items)
    }

    /// Readies a list's inner segmenter for its next item, in the state a new one starts in.
    private mutating func startItem(languages: [String], directions: [TextDirection]) {
        // Emptied, not replaced: the next item's blocks reuse the storage.
        blocks.removeAll(keepingCapacity: true)
        buffer = InlineBuffer()
        dataImages = (count: 0, characters: 0)
        self.languages = languages
        self.directions = directions
        headCandidates = []
        boldHeadCount = 0
        inlineOnly = false
    }

    /// `li` children, looking through wrappers that broken markup puts between `ul` and `li`.
    private func listItems(of index: Int) -> [Int] {
        var result: [Int] = []
        for child in tree.children(of: index) where tree.isElement(child) && !removed[child] {
            let tag = tree.tag(at: child)
            if tag == .li {
                result.append(child)
            } else if tag != .ul && tag != .ol {
                result += listItems(of: child)
            }
        }
        return result
    }

    /// Whether a `dl` has a visible `dt` of its own.
    private func hasTerms(_ index: Int) -> Bool {
        tree.children(of: index).contains { tree.tag(at: $0) == .dt && !removed[$0] }
    }

    private func definitionList(_ index: Int) -> ListBlock? {
        var items: [ListItem] = []
        var term: String?
        for child in tree.children(of: index) where tree.isElement(child) && !removed[child] {
            let text = tree.text(of: child)
            switch tree.tag(at: child) {
            case .dt:
                if let pending = term { items.append(ListItem(text: pending)) }
                term = text.trimmingCharacters(in: CharacterSet(charactersIn: " :："))
            case .dd:
                if let current = term, !current.isEmpty {
                    items.append(ListItem(text: current + ": " + text, term: current))
                    term = nil
                } else if !text.isEmpty {
                    items.append(ListItem(text: text))
                }
            default:
                continue
            }
        }
        if let pending = term, !pending.isEmpty { items.append(ListItem(text: pending)) }
        return items.isEmpty ? nil : ListBlock(ordered: false, items: items)
    }

    // MARK: - Figures

    /// A figure's `src` for the image address `source`: resolved, or for an image inlined as a
    /// `data:` URI (SingleFile pages), `nil` unless ``keepDataImages``; each left out is counted.
    private mutating func imageAddress(_ source: String) -> String? {
        guard ImageSource.isDataURI(source) else { return links.resolve(source) }
        let original = InlinedData.original(of: source, payloads: tree.inlinedData, build: keepDataImages)
        if keepDataImages { return original.uri }
        dataImages.count += 1
        dataImages.characters += original.length
        return nil
    }

    /// Says how many `data:` images were left out of figures, when any were.
    var omittedDataImages: Diagnostic? {
        guard dataImages.count > 0 else { return nil }
        let size = dataImages.characters >= 10_000
            ? "\((dataImages.characters + 500_000) / 1_000_000) MB" : "\(dataImages.characters) bytes"
        return Diagnostic(
            .info, .imagesDataOmitted,
            "\(dataImages.count) figure image\(dataImages.count == 1 ? " was" : "s were") inlined as data: URIs (\(size)); "
                + "their src is null (keepDataImages keeps them)")
    }

    /// A box that holds one picture and its caption (WordPress `div.wp-caption`, Blogger's caption
    /// table, `div.article-image`): a figure, not a paragraph beside an image.
    private mutating func figureContainer(_ index: Int) -> Figure? {
        guard images[index] == 1 else { return nil }
        let tag = tree.tag(at: index)
        switch tag {
        case .div, .table, .span, .center, .p, .a: break
        default: return nil
        }
        var images: [Int] = []
        var captionText: String?
        // A caption that was only an identifier: left out, once the box is a figure.
        var label: (text: String, at: Int)?
        // The subtree's range walked in place: `descendants(of:)` built an array at every box.
        for descendant in tree.subtree(of: index).dropFirst()
        where tree.isElement(descendant) && !removed[descendant] {
            let innerTag = tree.tag(at: descendant)
            switch innerTag {
            case .img:
                if ImageSource.source(of: descendant, in: tree) != nil { images.append(descendant) }
            case .p, .li, .h1, .h2, .h3, .h4, .ul, .ol, .table, .blockquote, .pre:
                if innerTag != .p || WordCounter.count(tree.text(of: descendant), upTo: 40) > 40 { return nil }
            default:
                break
            }
            if captionText == nil, tree.names(at: descendant).contains(where: { $0.includes("caption") && !$0.includes("credit") }) {
                let text = tree.text(of: descendant)
                captionText = Self.caption(text)
                if captionText == nil { label = (text, descendant) }
            }
            if images.count > 1 { return nil }
        }
        guard let image = images.first else { return nil }
        // Names before text: most one-image boxes are wrappers, and the wrapper's whole text was
        // two thirds of the time spent here.
        let names = tree.names(at: index).joined(separator: " ")
        let looksLikeFigure = tag == .table || captionText != nil
            || ["caption", "figure", "image", "photo", "picture", "media"].contains(where: names.includes)
        guard looksLikeFigure else { return nil }
        let text = tree.text(of: index)
        guard WordCounter.count(text, upTo: 40) <= 40 else { return nil }
        guard let source = ImageSource.source(of: image, in: tree) else { return nil }
        let alt = ImageSource.alt(of: image, in: tree).flatMap { $0.isEmpty ? nil : $0 }
        if captionText == nil, label == nil, Self.caption(text) == nil { label = (text, index) }
        if let label { record(label.text, .imageLabel, at: label.at) }
        return Figure(src: imageAddress(source), alt: alt, caption: captionText ?? Self.caption(text))
    }

    private func imageNode(_ index: Int) -> Int? {
        if tree.tag(at: index) == .img { return index }
        return tree.subtree(of: index).first {
            tree.tag(at: $0) == .img && !removed[$0]
        }
    }

    private mutating func figure(_ index: Int) -> Figure? {
        var figure = Figure()
        var inlined = false
        if let image = imageNode(index) {
            guard let source = ImageSource.source(of: image, in: tree) else {
                // An icon or tracking pixel: no figure unless a caption says there is one.
                return captionText(index).map { Figure(caption: $0) }
            }
            inlined = ImageSource.isDataURI(source)
            figure.src = imageAddress(source)
            figure.alt = ImageSource.alt(of: image, in: tree).flatMap { $0.isEmpty ? nil : $0 }
        }
        if let caption = captionText(index) { figure.caption = caption }
        // A picture left out for its size is still a figure of the article.
        if figure.src == nil && figure.caption == nil && !inlined { return nil }
        return figure
    }


    /// A caption's text, or `nil` when it is empty or only a number, a file name or an id.
    private static func caption(_ text: String) -> String? {
        text.isEmpty || ImageLabel.isIdentifier(text) ? nil : text
    }

    /// ``caption(_:)``, recording an identifier left out as the caption of the element at `index`.
    private func caption(_ text: String, at index: Int) -> String? {
        let caption = Self.caption(text)
        if caption == nil { record(text, .imageLabel, at: index) }
        return caption
    }

    /// Records `text`, left out of the article, as removed for `reason` at the element `index`.
    private func record(_ text: @autoclosure () -> String, _ reason: RemovalReason, at index: Int) {
        guard let sink else { return }
        sink.removals.record(text(), reason, at: tree.path(of: index))
    }

    private func captionText(_ index: Int) -> String? {
        for child in tree.subtree(of: index) where tree.isElement(child) && !removed[child] {
            let isCaption = tree.tag(at: child) == .figcaption
                || tree.names(at: child).contains(where: { $0.includes("caption") && !$0.includes("credit") })
            if isCaption, child != index, let text = caption(tree.text(of: child), at: child) { return text }
        }
        return nil
    }
}
