/// The stages of DESIGN.md, in order: each hands the next a value, none calls a later one.
///
///     unwrap     bytes            → SavedPage                 Containers/SavedPage.swift (MHTML, webarchive, gzip)
///     decode     page bytes       → DecodedText               Decode/ByteDecoder.swift
///     read       DecodedText      → HTMLTree | [TextLine?]    Read/HTMLTree.swift, Read/TextLines.swift
///     extract    HTMLTree         → ExtractedPage             Extract/ArticleExtractor.swift   (HTML only)
///     segment    ExtractedPage    → [FlatBlock]               Segment/HTMLSegmenter.swift
///                [TextLine?]      → [TextSegmenter.Unit]      Segment/TextSegmenter.swift
///     clean      blocks | units   → CleanArticle | CleanLines Clean/ArticleCleaner.swift
///                [TextLine?]      → [TextLine?]               Clean/PageFurniture.swift       (text, before segment)
///     structure  CleanLines       → CleanArticle              Structure/TextClassifier.swift  (text only)
///                CleanArticle     → Document                  Structure/DocumentBuilder.swift
///     render     Document         → JSON, Markdown, text      Render/ (called by the user)
enum Pipeline {
    static func run(
        _ bytes: consuming [UInt8], name: String?, hints: InputHints, options: ParseOptions, laps: inout StageLaps?
    ) throws(ParseError) -> Document {
        if bytes.count > options.maxBytes { throw .tooLarge(bytes: bytes.count, limit: options.maxBytes) }
        if bytes.allSatisfy({ ArabicScalar.isSpace(UInt32($0)) }) { throw .empty }

        // Containers: the page inside an MHTML file, a webarchive or gzip, with what they say of it.
        let saved = try SavedPage.unwrap(bytes, name: name, hints: hints, limit: options.maxBytes)
        let hints = saved.hints
        let pageBytes = saved.bytes
        if saved.container != nil || saved.compression != nil {
            if pageBytes.allSatisfy({ ArabicScalar.isSpace(UInt32($0)) }) { throw .empty }
        }
        if let kind = BinarySniffer.kind(of: pageBytes) { throw .binary(kind) }

        // Decode
        let format = options.inputFormat == .auto && saved.pageFormat != nil
            ? saved.pageFormat! : InputSniffer.format(of: pageBytes, name: name, requested: options.inputFormat)
        let decoded = ByteDecoder.decode(
            pageBytes, format: format, user: options.encoding, outside: hints.charset.map { ($0, hints.charsetFrom) })
        var diagnostics = saved.diagnostics + decoded.diagnostics
        if let declared = decoded.declared, decoded.origin == .sniffed,
            let declaredEncoding = TextEncoding(label: declared), declaredEncoding != decoded.encoding
        {
            diagnostics.append(Diagnostic(
                .info, .encodingMislabelled,
                "the page declares \(declared) but its bytes are \(decoded.encoding.rawValue)"))
        }
        var source = Source(
            name: name, format: saved.container ?? format, encoding: decoded.encoding,
            encodingFrom: decoded.origin, bytes: bytes.count, compression: saved.compression)
        // From here on the page is `decoded`; the input and the unwrapped page are let go, so
        // (when the caller handed its bytes over) they are freed with it after Extract.
        _ = consume bytes
        _ = consume saved
        _ = consume pageBytes
        source.normalization = TextNormalizer.ordered(options.normalization)
        laps?.mark("decode")

        var article: CleanArticle
        switch format {
        case .text:
            // Read: mojibake is repaired line by line, then the lines are read.
            var text = decoded.text
            let repair = MojibakeRepair.repairLines(text)
            if repair.repaired > 0 {
                text = repair.text
                source.encodingFrom = .repaired
                diagnostics.append(MojibakeRepair.diagnostic(count: repair.repaired))
            }
            var lines = TextLines.read(text)
            laps?.mark("parse")
            // Clean, first half: a corpus record's field tags go, its fields are the metadata;
            // what a paginated copy repeats on every page goes before the lines are joined, so a
            // paragraph cut by a page break is whole again.
            var removals = Removals(enabled: options.explain)
            var given = Metadata()
            if let record = RecordWrapper.unwrap(lines, removals: removals) {
                lines = record.lines
                given = record.metadata
                removals = record.removals
                diagnostics += record.diagnostics
            }
            let paged = PageFurniture.remove(lines, removals: removals)
            // Segment
            let units = TextSegmenter().segment(paged.lines)
            laps?.mark("segment")
            // Clean
            var cleaned = ArticleCleaner.clean(units, removals: paged.removals, metadata: given)
            laps?.mark("clean")
            // Structure, first half: the lines read as blocks by their shape.
            let blocks = TextClassifier().blocks(
                cleaned.units, hasTitle: cleaned.metadata.title != nil, subtitles: &cleaned.metadata.subtitles)
            article = CleanArticle(blocks: blocks, metadata: cleaned.metadata, removals: cleaned.removals)
        case .html, .mhtml, .webarchive:
            // Containers were unwrapped above: what is read here is the page inside, which is HTML.
            // Read: the tree, then mojibake repaired in the text runs the reader flagged.
            var tree = HTMLTree.parse(utf8: decoded.utf8, classNames: MarkupClassNames(), wellFormed: true)
            if let reason = tree.libxml2Unavailable { throw .libxml2Unavailable(reason) }
            let repaired = tree.repairMojibake()
            if repaired > 0 {
                source.encodingFrom = .repaired
                diagnostics.append(MojibakeRepair.diagnostic(count: repaired))
            }
            diagnostics += tree.diagnostics
            laps?.mark("parse")
            // Extract
            guard var page = ArticleExtractor.extract(tree, html: decoded.utf8, hints: hints, explain: options.explain)
            else {
                article = CleanArticle(diagnostics: [Diagnostic(.warning, .htmlEmpty, "the page has no elements")])
                break
            }
            // The page's bytes are read no more: Segment and what follows hold only the tree and
            // the blocks, so a large page's input is not held beside its document.
            _ = consume decoded
            laps?.mark("extract")
            // Segment
            var segmenter = HTMLSegmenter(page)
            segmenter.keepDataImages = options.keepDataImages
            let blocks = segmenter.segment(page.roots)
            if let omitted = segmenter.omittedDataImages { diagnostics.append(omitted) }
            if let sink = segmenter.sink {
                page.removals.append(sink.removals)
                page.segmentRemovals = sink.removals.list.count
            }
            laps?.mark("segment")
            // Clean
            article = ArticleCleaner.clean(blocks, page: page)
            laps?.mark("clean")
        }
        if article.metadata.url == nil { article.metadata.url = hints.url }
        if article.metadata.title == nil { article.metadata.title = hints.title }
        // Structure
        let document = DocumentBuilder.build(
            article, source: source, wordsPerMinute: options.wordsPerMinute, diagnostics: diagnostics,
            normalizer: TextNormalizer(options.normalization))
        laps?.mark("structure")
        return document
    }
}
