import Foundation
import Testing

@testable import Maqal

/// Nothing is dropped without a reason: every run of the input's visible text is in the body, in
/// the metadata, or in `removed` (``ParseOptions/explain``).
///
/// The visible text is read as the pipeline reads it (decoded, mojibake repaired): for HTML the
/// text nodes of the tree — the reader leaves out `script`, `style`, `template`, `noscript` and
/// form controls — outside `head` and hidden elements (``MarkupHints/isHidden(attributes:nameFacts:)``),
/// cut into runs at block elements, `<br>`, images and hidden elements. For text, every
/// non-blank line is a run.
///
/// The comparison, after white-space folding: each run and each output string become sequences
/// of word tokens (maximal runs of letters and digits, marks dropped, so punctuation and spacing
/// the pipeline moves do not count); the output's tokens — body texts in order (a list item's
/// marker before its text), then metadata values, then removed texts — form one sequence with a
/// stop between strings. A run is accounted for when its token sequence occurs in it, or when it
/// is covered by at most three pieces of two tokens or more (one more for every ten tokens) and
/// single tokens that open or end an output string (a byline cut off the paragraph it opened, a
/// bold heading split from the text after it, a footnote marker removed from a sentence). Derived metadata
/// (a date's normalised value, the language) is not matched; the date's own `text` is. A run
/// that occurs nowhere, or only word by word, was lost.
@Suite("Accounting")
struct AccountingTests {
    // MARK: - Fixtures and corpus

    static let fixtureInputs: [String] = ["html", "text", "robustness", "accounting"].flatMap { folder in
        TestSupport.files(in: folder, extensions: ["html", "htm", "txt"]).map { "\(folder)/\($0)" }
    }

    static let corpusPages: [String] = ["html", "legacy-encoding", "text"].flatMap { folder -> [String] in
        let url = TestSupport.corpus.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { $0.hasSuffix(".html") || $0.hasSuffix(".txt") }.sorted().map { "\(folder)/\($0)" }
    }

    /// Fixtures that lose text today, with why; each is a known issue until its fix is merged
    /// (and the test fails once the loss is gone, to have the entry removed).
    /// Inputs known to lose text, each with why: a new entry names a bug still to fix.
    static let knownLosses: [String: String] = [:]

    @Test("every visible run of every fixture is in the body, the metadata or removed", arguments: fixtureInputs)
    func fixture(_ path: String) throws {
        let url = TestSupport.fixtures.appendingPathComponent(path)
        if let why = Self.knownLosses[path] {
            withKnownIssue(Comment(rawValue: why)) { try Self.expectAccounted(url) }
        } else {
            try Self.expectAccounted(url)
        }
    }

    /// One article in every saved form (Fixtures/saved): Chrome's MHTML, IE's windows-1256 MHT,
    /// Safari's webarchive, SingleFile and a "complete" save.
    static let savedForms = [
        "olive-festival.html", "olive-festival-chrome.mhtml", "olive-festival-ie-1256.mht",
        "olive-festival-safari.webarchive", "olive-festival-singlefile.html", "complete/olive-festival.html",
    ]

    @Test("the accounting holds inside saved-page containers: what the page inside shows is all accounted for",
          arguments: savedForms)
    func savedForm(_ name: String) throws {
        let url = TestSupport.fixtures.appendingPathComponent("saved").appendingPathComponent(name)
        try Self.expectAccounted(url)
        // The runs were read from the page inside, not from the container's bytes: a container
        // read as HTML would show its MIME headers or property-list keys, or nothing at all.
        let bytes = try TestSupport.bytes(url)
        let document = try Maqal.parse(bytes, name: name, options: ParseOptions(explain: true))
        let runs = Self.visibleRuns(bytes, name: name, format: document.source.format)
        #expect(runs.contains { $0.contains("الزيتون") })
        #expect(!runs.contains { $0.contains("Content-Type") || $0.contains("WebResourceData") })
        #expect(!(document.removed ?? []).isEmpty)
    }

    @Test("the check catches a hard-wrapped list-item line that is lost")
    func catchesListContinuation() throws {
        let url = TestSupport.fixtures.appendingPathComponent("accounting/list-continuation.txt")
        let bytes = try TestSupport.bytes(url)
        let document = try Maqal.parse(bytes, name: url.lastPathComponent, options: ParseOptions(explain: true))
        let runs = Self.visibleRuns(bytes, name: url.lastPathComponent, format: .text)
        let lost = Self.unaccounted(runs: runs, in: Self.tokenSequence(Self.outputStrings(document)))
        // Either the lines are lost and the check names them, or they are kept in their item.
        var items: [String] = []
        func collectItems(_ blocks: [Block]) {
            for block in blocks {
                if case .list(let list) = block { items += list.items.map(\.text) }
                if case .section(let section) = block { collectItems(section.children) }
            }
        }
        collectItems(document.body)
        if lost.isEmpty {
            #expect(items.contains { $0.contains("في المطبخ مثل الفرن") })
            #expect(items.contains { $0.contains("وتجعل قوامه قاسياً") })
        } else {
            #expect(lost == ["في المطبخ مثل الفرن والموقد والثلاجة من الخلف.", "وتجعل قوامه قاسياً خلال يوم أو يومين."])
        }
    }

    @Test(
        "every visible run of every corpus page is in the body, the metadata or removed",
        .enabled(if: TestSupport.corpusAvailable, "../shared/corpus is missing: the real-page tests need it beside the repository"),
        arguments: corpusPages)
    func corpusPage(_ path: String) throws {
        try Self.expectAccounted(TestSupport.corpus.appendingPathComponent(path))
    }

    // MARK: - The mechanism itself

    @Test("without explain the document has no removed list and the JSON no removed key")
    func offByDefault() throws {
        let text = "العنوان\n\nاقرأ أيضا\n\nنص المقال الطويل الذي يشرح الفكرة بجمل كاملة ومفهومة للقارئ العادي.\n"
        let plain = try TestSupport.parse(text)
        #expect(plain.removed == nil)
        #expect(!JSONRenderer.render(plain).contains("\"removed\""))
        let explained = try Maqal.parse(Array(text.utf8), options: ParseOptions(inputFormat: .text, explain: true))
        #expect(explained.body == plain.body)
        #expect(explained.metadata == plain.metadata)
        #expect(JSONRenderer.render(explained).contains("\"removed\": ["))
    }

    @Test("a text removal names its line and its reason")
    func textRemoval() throws {
        let text = """
            مشروع جديد لتحلية المياه

            بقلم: سلمى الحداد

            أعلنت البلدية اليوم عن مشروع جديد لتحلية مياه البحر بالطاقة الشمسية، ويخدم المشروع آلاف الأسر في المدينة.

            اقرأ أيضا

            """
        let document = try Maqal.parse(Array(text.utf8), options: ParseOptions(inputFormat: .text, explain: true))
        let removed = try #require(document.removed)
        #expect(removed.contains(Removal(text: "بقلم: سلمى الحداد", reason: "metadata.byline", at: "line 3")))
        #expect(removed.contains(Removal(text: "اقرأ أيضا", reason: "lexicon.furniture", at: "line 7")))
        #expect(removed.allSatisfy { $0.chars == $0.text.count })
    }

    @Test("an HTML removal names the element and what kind of furniture it was")
    func htmlRemoval() throws {
        let html = """
            <html><head><title>عنوان الخبر</title></head><body><nav class="menu"><a href="/">الرئيسية</a> <a href="/s">رياضة</a></nav>
            <article><h1>عنوان الخبر</h1><p>أعلنت البلدية اليوم عن مشروع جديد لتحلية مياه البحر بالطاقة الشمسية، ويخدم
            المشروع آلاف الأسر في المدينة الساحلية خلال السنوات المقبلة.</p><p>وقال رئيس البلدية إن العمل يبدأ في الربيع
            المقبل بعد انتهاء الدراسات الفنية والبيئية اللازمة للمشروع.</p>
            <div class="share-buttons">شارك فيسبوك تويتر</div></article>
            <aside id="sidebar"><h3>الأكثر قراءة</h3><p>خبر آخر من الموقع</p></aside>
            <footer>جميع الحقوق محفوظة</footer></body></html>
            """
        let document = try Maqal.parse(Array(html.utf8), options: ParseOptions(inputFormat: .html, explain: true))
        let removed = try #require(document.removed)
        let byText = Dictionary(removed.map { ($0.text, $0) }, uniquingKeysWith: { first, _ in first })
        #expect(byText["الرئيسية رياضة"]?.reason == "furniture.nav")
        #expect(byText["الرئيسية رياضة"]?.at == "body>nav.menu")
        #expect(byText["شارك فيسبوك تويتر"]?.reason == "furniture.share")
        #expect(byText["الأكثر قراءة خبر آخر من الموقع"]?.at == "aside#sidebar")
        #expect(byText["جميع الحقوق محفوظة"]?.reason == "furniture.footer")
        #expect(byText["عنوان الخبر"]?.reason == "metadata.title")
        // Clean drops blocks, not elements: the block is placed back on the element it came from.
        #expect(byText["عنوان الخبر"]?.at == "body>article>h1")
    }

    @Test("the accounting check catches a lost run")
    func catchesLoss() {
        let output = Self.tokenSequence(["الفقرة الأولى من المقال كما هي", "والفقرة الثانية"])
        #expect(Self.unaccounted(runs: ["الفقرة الأولى من المقال"], in: output).isEmpty)
        // Every word of this run is somewhere in the output, but never two in a row.
        #expect(Self.unaccounted(runs: ["المقال الثانية الأولى"], in: output) == ["المقال الثانية الأولى"])
        #expect(Self.unaccounted(runs: ["سطر لم يبق منه شيء"], in: output) == ["سطر لم يبق منه شيء"])
    }

    // MARK: - The check

    /// Parses `url` with explain on and expects every visible run accounted for.
    static func expectAccounted(_ url: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let bytes = try TestSupport.bytes(url)
        let options = ParseOptions(explain: true)
        let document: Document
        do {
            document = try Maqal.parse(bytes, name: url.lastPathComponent, options: options)
        } catch {
            return  // binary, empty or too large: nothing is read, nothing to account for
        }
        let removed = try #require(document.removed, sourceLocation: sourceLocation)
        for removal in removed {
            #expect(removal.reason.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "." || $0 == "-" } && !removal.reason.isEmpty,
                    "reason id \(removal.reason)", sourceLocation: sourceLocation)
            #expect(!removal.at.isEmpty, sourceLocation: sourceLocation)
        }
        let runs = visibleRuns(bytes, name: url.lastPathComponent, format: document.source.format)
        // The other way: a removal reports text the input shows (hidden text aside), not text made up.
        let shown = Set(runs.flatMap(tokens))
        for removal in removed where removal.reason != RemovalReason.hidden.rawValue {
            let unseen = tokens(removal.text).filter { !shown.contains($0) }
            #expect(unseen.isEmpty, "\(url.lastPathComponent): removed \(removal.reason) at \(removal.at) holds words the input does not show: \(unseen.prefix(5))",
                    sourceLocation: sourceLocation)
        }
        let lost = unaccounted(runs: runs, in: tokenSequence(outputStrings(document)))
        let listing = lost.prefix(12).map { "  «\($0.prefix(120))»" }.joined(separator: "\n")
        #expect(lost.isEmpty, "\(url.lastPathComponent): \(lost.count) of \(runs.count) runs in neither body, metadata nor removed:\n\(listing)",
                sourceLocation: sourceLocation)
    }

    /// The visible runs of an input, read as the pipeline reads it. A saved-page container (MHTML,
    /// a webarchive) is unwrapped first, and its page decoded with the charset the container gives.
    static func visibleRuns(_ bytes: [UInt8], name: String, format: Source.Format) -> [String] {
        var page = bytes
        var outside: (label: String, origin: Source.EncodingOrigin)?
        if format != .text, let saved = try? SavedPage.unwrap(bytes, name: name, hints: InputHints(), limit: .max) {
            page = saved.bytes
            outside = saved.hints.charset.map { ($0, saved.hints.charsetFrom) }
        }
        let decoded = ByteDecoder.decode(page, format: format == .text ? .text : .html, user: nil, outside: outside)
        switch format {
        case .text:
            let repaired = MojibakeRepair.repairLines(decoded.text)
            return TextLines.read(repaired.repaired > 0 ? repaired.text : decoded.text).compactMap { $0?.text }
        case .html, .mhtml, .webarchive:
            var tree = HTMLTree.parse(utf8: decoded.utf8, classNames: MarkupClassNames())
            _ = tree.repairMojibake()
            var runs: [String] = []
            var folder = WhitespaceFolder()
            func cut() {
                let run = folder.result
                if !run.isEmpty { runs.append(run) }
                folder = WhitespaceFolder()
            }
            // The head and hidden elements (`hidden`, `display:none`, `aria-hidden`) are not shown.
            var unseen = [Bool](repeating: false, count: tree.nodes.count)
            for index in tree.nodes.indices {
                let node = tree.nodes[index]
                unseen[index] = node.tag == .head || node.tag == .title || (node.parent >= 0 && unseen[node.parent])
                    || (node.kind == .element && MarkupHints.isHidden(attributes: tree.attributes(at: index), nameFacts: node.nameFacts))
                if unseen[index] {
                    cut()
                    continue
                }
                if node.kind == .text {
                    folder.append(node.text)
                } else if node.tag == .br || node.tag.isBlock || node.tag == .img {
                    cut()
                }
            }
            cut()
            return runs
        }
    }

    /// Every string of the document a run may be found in: body, metadata, removed.
    static func outputStrings(_ document: Document) -> [String] {
        var strings: [String] = []
        collect(document.body, into: &strings)
        let metadata = document.metadata
        strings += [metadata.title, metadata.site, metadata.description, metadata.url].compactMap { $0 }
        strings += metadata.subtitles + metadata.authors + metadata.tags + metadata.categories
        strings += metadata.dates.map(\.text)
        strings += (document.removed ?? []).map(\.text)
        return strings
    }

    private static func collect(_ blocks: [Block], into strings: inout [String]) {
        for block in blocks {
            switch block {
            case .section(let section):
                strings.append(section.heading.text)
                collect(section.children, into: &strings)
            case .paragraph(let paragraph):
                strings.append(paragraph.text)
            case .list(let list):
                for item in list.items {
                    strings.append([item.marker, item.text].compactMap { $0 }.joined(separator: " "))
                    collect(item.children, into: &strings)
                }
            case .figure(let figure):
                strings += [figure.caption, figure.alt].compactMap { $0 }
            case .table(let table):
                if let caption = table.caption { strings.append(caption) }
                for row in table.header + table.rows { strings += row }
            case .quote(let quote):
                collect(quote.children, into: &strings)
            case .code(let code):
                strings.append(code.text)
            }
        }
    }

    /// Word tokens: maximal runs of letters and digits, combining marks dropped, Latin lower-cased.
    static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .otherLetter, .modifierLetter,
                .decimalNumber, .letterNumber, .otherNumber:
                current.append(scalar)
            case .nonspacingMark, .spacingMark, .enclosingMark, .format:
                continue
            default:
                if !current.isEmpty { tokens.append(String(current).lowercased()) }
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { tokens.append(String(current).lowercased()) }
        return tokens
    }

    /// The output's tokens as one sequence, with a stop (`nil`) between strings, and where each token occurs.
    struct TokenSequence {
        var tokens: [String?] = []
        var positions: [String: [Int]] = [:]

        /// Whether `token`, somewhere, opens or ends an output string.
        func isAtEdge(_ token: String) -> Bool {
            (positions[token] ?? []).contains { position in
                position == 0 || tokens[position - 1] == nil || tokens[position + 1] == nil
            }
        }
    }

    static func tokenSequence(_ strings: [String]) -> TokenSequence {
        var sequence = TokenSequence()
        for string in strings {
            for token in tokens(string) {
                sequence.positions[token, default: []].append(sequence.tokens.count)
                sequence.tokens.append(token)
            }
            sequence.tokens.append(nil)
        }
        return sequence
    }

    /// The runs `output` does not account for: each run is cut, greedily, into the longest pieces
    /// that occur in `output`; a piece of one token counts only where it opens or ends an output
    /// string (a footnote marker or an `[edit]` link removed on its own, the word before it), and a run needs more than three
    /// pieces (plus one for every ten tokens) only when words of it are missing.
    static func unaccounted(runs: [String], in output: TokenSequence) -> [String] {
        runs.filter { run in
            let words = tokens(run)
            guard !words.isEmpty else { return false }
            var start = 0
            var pieces = 0
            while start < words.count {
                let length = longestMatch(words, from: start, in: output)
                if length == 0 || (length == 1 && words.count > 1 && !output.isAtEdge(words[start])) { return true }
                if length > 1 { pieces += 1 }
                if pieces > 3 + words.count / 10 { return true }
                start += length
            }
            return false
        }
    }

    /// How many of `words` from `start` on occur in a row somewhere in `output`.
    private static func longestMatch(_ words: [String], from start: Int, in output: TokenSequence) -> Int {
        var best = 0
        for position in output.positions[words[start]] ?? [] {
            var length = 0
            while start + length < words.count, position + length < output.tokens.count,
                output.tokens[position + length] == words[start + length]
            {
                length += 1
            }
            best = max(best, length)
            if best == words.count - start { break }
        }
        return best
    }
}
