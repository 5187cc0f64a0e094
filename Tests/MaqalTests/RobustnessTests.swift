import CLibXML2
import Foundation
import Testing

@testable import Maqal

/// Hostile and broken input (issue 6): nothing a file holds may crash maqal, hang it, make it
/// read or reach outside what the user named, or make it quietly print something wrong.
///
/// Big inputs are built in memory; `Fixtures/robustness/` holds the small ones, fuzzer findings
/// included (`make fuzz` grows its corpus outside the repository, see `Fuzz/fuzz.mk`).
@Suite("Robustness")
struct RobustnessTests {
    // MARK: - Helpers

    /// One input through the whole entry and every renderer, as a user gets it. The JSON must
    /// parse back: a control character or a broken escape would not.
    @discardableResult
    static func render(
        _ bytes: [UInt8], name: String? = nil, format: ParseOptions.InputFormat = .auto,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> (document: Document, output: String) {
        let document = try Maqal.parse(bytes, name: name, options: ParseOptions(inputFormat: format))
        let json = JSONRenderer.render(document)
        #expect(
            (try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil, "the JSON does not parse back",
            sourceLocation: sourceLocation)
        let markdown = MarkdownRenderer.render(document, options: .init(frontMatter: true))
        return (document, json + "\n" + markdown + "\n" + TextRenderer.render(document))
    }

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    static func page(_ body: String, head: String = "") -> String {
        "<!DOCTYPE html><html dir=\"rtl\" lang=\"ar\"><head><meta charset=\"utf-8\">\(head)</head><body>\(body)</body></html>"
    }

    /// Times `make(base)` and `make(10 × base)` through parse and render, best of three each in
    /// this thread's CPU time (so parallel suites and a busy machine do not skew it), and expects
    /// the larger to take under 15× the time (a quadratic step takes 100×). Returns the larger
    /// input's document for checks.
    static func expectLinear(
        _ label: String, base: Int, format: ParseOptions.InputFormat = .auto,
        sourceLocation: SourceLocation = #_sourceLocation, _ make: (Int) -> String
    ) throws -> Document {
        let small = bytes(make(base))
        let large = bytes(make(base * 10))
        let options = ParseOptions(inputFormat: format)
        var best: (small: Double, large: Double) = (.infinity, .infinity)
        var document: Document?
        var failure: ParseError?
        func run(_ input: [UInt8]) -> Document? {
            do {
                let parsed = try Maqal.parse(input, options: options)
                _ = JSONRenderer.render(parsed)
                _ = MarkdownRenderer.render(parsed)
                return parsed
            } catch {
                failure = error
                return nil
            }
        }
        for _ in 0..<3 {
            best.small = min(best.small, threadCPUSeconds { _ = run(small) })
            best.large = min(best.large, threadCPUSeconds { document = run(large) })
        }
        if let failure { Issue.record("\(label): \(failure)", sourceLocation: sourceLocation) }
        let ratio = best.large / best.small
        #expect(
            ratio < 15,
            "\(label): \(base) → \(base * 10) took \(best.small) → \(best.large) (\(ratio)×), not linear",
            sourceLocation: sourceLocation)
        return try #require(document, sourceLocation: sourceLocation)
    }

    /// CPU time this thread spent in `body`: unlike wall time it does not grow when the other
    /// suites running in parallel (or anything else on the machine) take the cores.
    static func threadCPUSeconds(_ body: () -> Void) -> Double {
        var start = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &start)
        body()
        var end = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &end)
        return Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
    }

    static func diagnosticIDs(_ document: Document) -> [String] { document.diagnostics.map(\.id.description) }

    // MARK: - Size limit

    @Test("over --max-bytes the library refuses with tooLarge; at the limit it parses")
    func maxBytesLibrary() throws {
        let text = Self.bytes(String(repeating: "كلمة ", count: 200))
        let limit = text.count - 1
        #expect(throws: ParseError.tooLarge(bytes: text.count, limit: limit)) {
            try Maqal.parse(text, options: ParseOptions(maxBytes: limit))
        }
        let error = ParseError.tooLarge(bytes: text.count, limit: limit)
        #expect(error.description.contains("over the limit of \(limit) bytes"))
        // The library is not the command line: its messages name no flag (the CLI adds the hint).
        #expect(!error.description.contains("--"))
        for other in [ParseError.empty, .binary("ELF executable")] { #expect(!other.description.contains("--")) }
        let document = try Maqal.parse(text, options: ParseOptions(maxBytes: text.count))
        #expect(document.stats.words == 200)
    }

    @Test("over --max-bytes the CLI prints maqal: FILE: reason and exits 1")
    func maxBytesCLI() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("maqal-large-\(UUID().uuidString).txt")
        try Data(String(repeating: "كلمة ", count: 300).utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try TestSupport.run(TestSupport.binary, [file.path, "--max-bytes", "1000"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("maqal: \(file.path): "))
        #expect(result.stderr.contains("over the limit of 1000 bytes (raise it with --max-bytes)"))
        let fits = try TestSupport.run(TestSupport.binary, [file.path, "--max-bytes", "100000"])
        #expect(fits.status == 0)
    }

    // MARK: - Time linear in size

    @Test("100,000 nested divs: linear, nothing after the nesting is lost, and a diagnostic says so")
    func deepNesting() throws {
        let document = try Self.expectLinear("nested divs", base: 10_000) { depth in
            Self.page(
                "<article><h1>عنوان المقال</h1>" + String(repeating: "<div>", count: depth)
                    + "<p>فقرة في أعمق موضع من الصفحة.</p>" + String(repeating: "</div>", count: depth)
                    + "<p>فقرة بعد الأقسام المتداخلة كلها.</p></article>")
        }
        let text = TestSupport.bodyText(document)
        // libxml2 stops at depth 256 unless told otherwise, silently dropping the rest of the page.
        #expect(text.contains("فقرة في أعمق موضع من الصفحة."))
        #expect(text.contains("فقرة بعد الأقسام المتداخلة كلها."))
        #expect(Self.diagnosticIDs(document).contains("html.deep-nesting"))
    }

    @Test("libxml2's tree-building limits (depth 256, 10 MB of text) never cut a page, even under its strict options")
    func libxml2LimitsDoNotCutThePage() {
        // libxml2's own tree builder halts at nesting depth 256 and at a 10 MB text node unless
        // XML_PARSE_HUGE is set, silently dropping the rest of the page. maqal builds its tree
        // from the parse events instead, so neither limit applies with or without that option.
        let deep = Self.page(String(repeating: "<div>", count: 300) + "<p>عميق</p>" + String(repeating: "</div>", count: 300)
            + "<p>بعد</p>")
        let long = Self.page("<p>" + String(repeating: "كلمة ", count: 2_200_000) + "</p><p>بعد</p>")
        let strict = HTMLTree.parseOptions & ~Int32(XML_PARSE_HUGE.rawValue)
        for html in [deep, long] {
            for options in [strict, HTMLTree.parseOptions] {
                let tree = HTMLTree.parse(html, options: options)
                #expect(tree.stoppedEarly == nil)
                #expect(tree.text(of: 0).hasSuffix(" بعد"))
            }
        }
    }

    @Test("a million-item list's shape: <li> items, linear")
    func manyListItemsHTML() throws {
        let document = try Self.expectLinear("<li> items", base: 5_000) { count in
            Self.page("<article><h1>قائمة طويلة</h1><ul>" + String(repeating: "<li>بند من بنود القائمة</li>", count: count)
                + "</ul></article>")
        }
        #expect(TestSupport.lists(document.body).map(\.items.count) == [50_000])
    }

    @Test("a million-item list's shape: '- ' lines of text, linear")
    func manyListItemsText() throws {
        let document = try Self.expectLinear("- lines", base: 10_000, format: .text) { count in
            "قائمة طويلة\n\n" + String(repeating: "- بند من بنود القائمة\n", count: count)
        }
        #expect(TestSupport.lists(document.body).map(\.items.count) == [100_000])
    }

    @Test("one long line of text, linear; a 10 MB text node in HTML is read to its end")
    func longLine() throws {
        let line = try Self.expectLinear("one line", base: 20_000, format: .text) { words in
            String(repeating: "كلمة ", count: words)
        }
        #expect(line.stats.words == 200_000)
        // libxml2 ends the page at a 10,000,000-byte text node unless told otherwise.
        let words = 10 * 1024 * 1024 / 11
        let html = Self.page("<article><p>" + String(repeating: "كلمتان ", count: words) + "</p><p>الفقرة الأخيرة.</p></article>")
        let (document, _) = try Self.render(Self.bytes(html))
        #expect(html.utf8.count > 10_000_000)
        #expect(document.stats.words == words + 2)
        #expect(TestSupport.paragraphs(document.body).last?.text == "الفقرة الأخيرة.")
    }

    @Test("100,000 attributes on one element: linear, the extras dropped with a diagnostic")
    func manyAttributes() throws {
        let document = try Self.expectLinear("attributes", base: 10_000) { count in
            Self.page("<article><h1>عنوان</h1><p class=\"lead\"" + (0..<count).map { " data-x\($0)=\"\($0)\"" }.joined()
                + ">نص الفقرة كاملاً بعد وسم طويل جداً.</p></article>")
        }
        #expect(TestSupport.bodyText(document).contains("نص الفقرة كاملاً بعد وسم طويل جداً."))
        let diagnostic = try #require(document.diagnostics.first { $0.id == .htmlExcessAttributes })
        #expect(diagnostic.message.contains("\(100_001 - ExcessAttributes.limit) attributes were dropped"))
    }

    @Test("a 5 MB <script>: linear, skipped, the text after it kept")
    func hugeScript() throws {
        let document = try Self.expectLinear("script", base: 20_000) { lines in
            Self.page("<article><h1>عنوان</h1><p>فقرة قبل السكربت.</p><script>"
                + String(repeating: "var s = '<p>ليس نصاً</p>' + \"</div>\";\n", count: lines)
                + "</script><p>فقرة بعد السكربت.</p></article>")
        }
        #expect(document.source.bytes > 5_000_000)
        let text = TestSupport.bodyText(document)
        #expect(text.contains("فقرة بعد السكربت."))
        #expect(!text.contains("ليس نصاً") && !text.contains("var s"))
    }

    @Test("a page of only <br>s: linear, an empty document that says so")
    func onlyBreaks() throws {
        let document = try Self.expectLinear("<br>s", base: 10_000) { count in
            "<html><body>" + String(repeating: "<br>", count: count) + "</body></html>"
        }
        #expect(document.body.isEmpty)
        #expect(Self.diagnosticIDs(document).contains("content.empty"))
    }

    @Test("a long hard-wrapped paragraph with no punctuation is joined in linear time")
    func hardWrappedParagraph() throws {
        let document = try Self.expectLinear("wrapped lines", base: 1_000, format: .text) { lines in
            "عنوان النص\n\n" + String(repeating: "سطر طويل من نص مقطوع بلا علامات ترقيم في آخره أبدا\n", count: lines)
        }
        let paragraphs = TestSupport.paragraphs(document.body)
        #expect(paragraphs.count == 1)
        #expect(document.stats.words == 11 * 10_000)
    }

    @Test("thousands of short lines between blank lines: no stack overflow, linear")
    func manyShortLines() throws {
        // Each heading check used to recurse into the next line: 10,000 lines overflowed the stack.
        let document = try Self.expectLinear("short lines", base: 2_000, format: .text) { lines in
            String(repeating: "سطر قصير\n\n", count: lines) + "فقرة تنهي النص بجملة تامة.\n"
        }
        #expect(document.metadata.title == "سطر قصير")
    }

    @Test("a label stretched with tatweel is read in linear time")
    func stretchedLabel() throws {
        let document = try Self.expectLinear("tatweel", base: 5_000, format: .text) { count in
            "عنوان المقال\n\nبقلم" + String(repeating: "\u{0640}", count: count) + ": أحمد علي\n\nنص المقال في جملة تامة.\n"
        }
        #expect(document.metadata.authors == ["أحمد علي"])
    }

    // MARK: - Attribute floods, unit by unit

    static func attributes(_ count: Int, from start: Int = 0) -> String {
        (start..<(start + count)).map { " a\($0)=\"v\"" }.joined()
    }

    @Test("up to the limit a tag is untouched; past it the extras go and the tag still closes")
    func attributeLimit() {
        var exact = Self.bytes("<p" + Self.attributes(ExcessAttributes.limit) + ">نص</p>")
        let original = exact
        #expect(ExcessAttributes.drop(from: &exact) == 0)
        #expect(exact == original)

        var over = Self.bytes("<p class=\"lead\"" + Self.attributes(300) + " id=\"last\">نص</p><p>بعد</p>")
        #expect(ExcessAttributes.drop(from: &over) == 302 - ExcessAttributes.limit)
        let html = String(decoding: over, as: UTF8.self)
        #expect(html.hasPrefix("<p class=\"lead\"" + Self.attributes(ExcessAttributes.limit - 1) + " >نص</p><p>بعد</p>"))
    }

    @Test("quoted values, comments and script text are read as libxml2 reads them, not cut")
    func attributeScannerFollowsLibxml2() {
        // A quoted value runs past `>` and spaces: it is one attribute.
        var quoted = Self.bytes("<p title=\"" + String(repeating: "a > b ", count: 400) + "\">نص</p>")
        #expect(ExcessAttributes.drop(from: &quoted) == 0)
        // Attribute-like text inside a comment or a script is not a tag.
        var comment = Self.bytes("<!-- <p" + Self.attributes(400) + "> --><p>نص</p>")
        #expect(ExcessAttributes.drop(from: &comment) == 0)
        var script = Self.bytes("<script>if (a <b" + Self.attributes(400) + ">c) {}</script><p>نص</p>")
        #expect(ExcessAttributes.drop(from: &script) == 0)
        // … but a real tag after the script is.
        var after = Self.bytes("<script>x</script><p" + Self.attributes(400) + ">نص</p>")
        #expect(ExcessAttributes.drop(from: &after) == 400 - ExcessAttributes.limit)
    }

    @Test("the attributes kept are the first ones, and they reach the tree")
    func keptAttributesReachTheTree() {
        let html = Self.page("<div id=\"first\"" + Self.attributes(400) + " class=\"dropped\"><p>نص</p></div>")
        let tree = HTMLTree.parse(html)
        let div = tree.elements(named: "div")
        #expect(div.count == 1)
        // The unread `a0`… go too (LeanPage); without them the first 256 reach the tree.
        #expect(tree[div[0]].attributes.map(\.name) == ["id"])
        #expect(tree[div[0]].attribute("id") == "first")
        let plain = HTMLTree.parse(utf8: Array(html.utf8), classNames: MarkupClassNames(), lean: false)
        #expect(plain[plain.elements(named: "div")[0]].attributes.count == ExcessAttributes.limit)
        #expect(tree[div[0]].attribute("class") == nil)
        #expect(tree.droppedAttributes == 402 - ExcessAttributes.limit)
    }

    // MARK: - Bad bytes

    @Test("empty and blank input is refused as empty")
    func emptyInput() {
        for input in [[], Self.bytes(" "), Self.bytes("\n\r\n\t  \n")] as [[UInt8]] {
            #expect(throws: ParseError.empty) { try Maqal.parse(input) }
        }
        #expect(ParseError.empty.description == "the input is empty")
    }

    @Test("every single byte gives a document or a clear refusal")
    func singleBytes() throws {
        for value in UInt8.min...UInt8.max {
            do {
                let (document, _) = try Self.render([value])
                #expect(document.source.bytes == 1)
            } catch let error as ParseError {
                // A control byte is not text; white space is nothing.
                if ArabicScalar.isSpace(UInt32(value)) {
                    #expect(error == .empty, "byte \(value)")
                } else {
                    #expect(error == .binary("binary"), "byte \(value)")
                }
            }
        }
        let letter = try Self.render(Self.bytes("ب")).document
        #expect(letter.metadata.title == "ب" || TestSupport.bodyText(letter) == "ب")
    }

    @Test("NUL bytes never reach the output, and the words around them survive")
    func nulBytes() throws {
        let file = TestSupport.fixtures.appendingPathComponent("robustness/nul-bytes.txt")
        let (text, textOutput) = try Self.render(TestSupport.bytes(file), name: file.lastPathComponent)
        #expect(!textOutput.unicodeScalars.contains("\u{0}"))
        #expect(text.metadata.title == "عنوان فيه صفر")
        #expect(TestSupport.lists(text.body).first?.items.map(\.text) == ["بند أول", "بند ثان"])
        let html = Self.bytes(Self.page("<article><h1>عنوان</h1><p>كلمة\u{0} وأخرى\u{0}</p></article>"))
        let (page, pageOutput) = try Self.render(html, name: "page.html")
        #expect(!pageOutput.unicodeScalars.contains("\u{0}"))
        #expect(TestSupport.paragraphs(page.body).map(\.text) == ["كلمة وأخرى"])
    }

    /// A clean Arabic page of two paragraphs, to break one byte at a time.
    static let cleanParagraphs = [
        "هذه فقرة عربية قصيرة تكفي للاختبار.", "وهذه فقرة ثانية أطول من الأولى بكثير، كتبت ليكون في الصفحة نص كاف كما في أي مقال حقيقي، فالمقال الحقيقي"
            + " فيه مئات الحروف العربية وآلافها، وبايت واحد فاسد فيه لا يغير حقيقة أنه مكتوب بترميز يونيكود.",
    ]
    static let cleanPage = Array(page("<article><h1>عنوان</h1><p>\(cleanParagraphs[0])</p><p>\(cleanParagraphs[1])</p></article>").utf8)

    @Test("an invalid UTF-8 sequence at every position: still UTF-8, the other paragraph exact, and said")
    func invalidUTF8EveryPosition() throws {
        let ranges = Self.cleanParagraphs.map { Self.cleanPage.firstRange(of: Self.bytes($0))! }
        for position in 0...Self.cleanPage.count {
            for bad in [[0xFF], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xC0, 0xAF]] as [[UInt8]] {
                var input = Self.cleanPage
                input.insert(contentsOf: bad, at: position)
                let (document, _) = try Self.render(input, name: "page.html")
                // Read as windows-1256 instead, every letter of the page was mojibake, and where
                // the bad byte split a tag the repair could not mend it.
                #expect(document.source.encoding == .utf8, "\(bad) at \(position)")
                let cutShort = position == Self.cleanPage.count && (bad == [0xC3] || bad == [0xE2, 0x82])
                let said = cutShort ? "encoding.truncated" : "encoding.invalid-bytes"
                #expect(Self.diagnosticIDs(document).contains(said), "\(bad) at \(position)")
                let intact = ranges[0].contains(position) ? Self.cleanParagraphs[1] : Self.cleanParagraphs[0]
                #expect(TestSupport.bodyText(document).contains(intact), "\(bad) at \(position)")
            }
        }
    }

    @Test("a page cut inside a UTF-8 character at every position still parses")
    func truncatedEveryPosition() throws {
        for length in 1..<Self.cleanPage.count {
            do {
                try Self.render(Array(Self.cleanPage.prefix(length)), name: "page.html")
            } catch let error as ParseError {
                Issue.record("cut at \(length): \(error)")
            }
        }
    }

    @Test("UTF-16 with an odd length: the last half character is dropped, the rest read")
    func oddLengthUTF16() throws {
        let file = TestSupport.fixtures.appendingPathComponent("robustness/odd-length-utf16.html")
        let bytes = try TestSupport.bytes(file)
        #expect(bytes.count % 2 == 1)
        let (document, _) = try Self.render(bytes, name: file.lastPathComponent)
        #expect(document.source.encoding == .utf16LE)
        #expect(document.metadata.title == "ملف بطول فردي")
        #expect(TestSupport.paragraphs(document.body).map(\.text) == ["هذا الملف بترميز UTF-16 وينقصه نصف حرف في آخره."])
        // The same without its BOM is sniffed.
        let (sniffed, _) = try Self.render(Array(bytes.dropFirst(2)), name: "page.html")
        #expect(sniffed.source.encoding == .utf16LE)
        #expect(sniffed.metadata.title == "ملف بطول فردي")
    }

    @Test("images, archives and PDFs named .html are refused as what they are", arguments: [
        ("png-named.html", "PNG image"), ("zip-named.html", "ZIP archive"), ("pdf-named.html", "PDF"),
    ])
    func binaryNamedHTML(_ name: String, _ kind: String) throws {
        let bytes = try TestSupport.bytes(TestSupport.fixtures.appendingPathComponent("robustness/\(name)"))
        #expect(throws: ParseError.binary(kind)) { try Maqal.parse(bytes, name: name) }
        #expect(throws: ParseError.binary(kind)) { try Maqal.parse(bytes, name: name, options: ParseOptions(inputFormat: .html)) }
        #expect(ParseError.binary(kind).description == "this is a \(kind) file, not an article (HTML or text)")
    }

    @Test("the article before a binary kind follows its sound: an ELF, an icon, an xz, a PNG", arguments: [
        ("ELF executable", "an"), ("icon", "an"), ("xz archive", "an"), ("PNG image", "a"), ("gzip archive", "a"),
        ("SQLite database", "a"),
    ])
    func binaryArticle(_ kind: String, _ article: String) {
        #expect(ParseError.binary(kind).description == "this is \(article) \(kind) file, not an article (HTML or text)")
    }

    @Test("an ELF executable named .html: the CLI says 'an ELF', exit 1")
    func elfCLI() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("maqal-elf-\(UUID().uuidString).html")
        try Data([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01] + [UInt8](repeating: 0, count: 64)).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try TestSupport.run(TestSupport.binary, [file.path])
        #expect(result.status == 1)
        #expect(result.stderr == "maqal: \(file.path): this is an ELF executable file, not an article (HTML or text)\n")
    }

    @Test("a binary file with no known signature is refused too")
    func unknownBinary() {
        var generator = SeededGenerator(#function)
        let noise = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        #expect(throws: ParseError.binary("binary")) { try Maqal.parse([0x00, 0x01, 0x02, 0x03] + noise, name: "x.html") }
    }

    @Test("the CLI names the file and the reason for a PNG named .html")
    func binaryCLI() throws {
        let file = TestSupport.fixtures.appendingPathComponent("robustness/png-named.html")
        let result = try TestSupport.run(TestSupport.binary, [file.path])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "maqal: \(file.path): this is a PNG image file, not an article (HTML or text)\n")
    }

    @Test("an encoding libxml2 does not know is no obstacle: the bytes decide", arguments: [
        ("unknown-charset-utf8.html", "utf-8"), ("unknown-charset-1256.html", "windows-1256"),
        ("xml-declaration-unknown-encoding.html", "utf-8"),
    ])
    func unknownDeclaredEncoding(_ name: String, _ encoding: String) throws {
        let bytes = try TestSupport.bytes(TestSupport.fixtures.appendingPathComponent("robustness/\(name)"))
        let (document, _) = try Self.render(bytes, name: name)
        #expect(document.source.encoding.rawValue == encoding)
        #expect(document.metadata.title == "ترميز مجهول")
        #expect(TestSupport.paragraphs(document.body).map(\.text) == ["يعلن هذا الملف ترميزاً لا يعرفه أحد، وبايتاته هي الحكم في النهاية."])
    }

    @Test("a page that is only site furniture is an empty document that says so")
    func onlyBoilerplate() throws {
        let bytes = try TestSupport.bytes(TestSupport.fixtures.appendingPathComponent("robustness/boilerplate-only.html"))
        let (document, output) = try Self.render(bytes, name: "boilerplate-only.html")
        #expect(document.body.isEmpty)
        #expect(Self.diagnosticIDs(document).contains("content.empty"))
        for furniture in ["فيسبوك", "مقالات ذات صلة", "ملفات تعريف الارتباط", "جميع الحقوق محفوظة"] {
            #expect(!output.contains(furniture))
        }
    }

    @Test("a page that is only a <frameset> is an empty document, and its frames are not loaded")
    func onlyFrameset() throws {
        let bytes = try TestSupport.bytes(TestSupport.fixtures.appendingPathComponent("robustness/frameset-only.html"))
        let (document, output) = try Self.render(bytes, name: "frameset-only.html")
        #expect(document.metadata.title == "أرشيف الجريدة")
        #expect(document.body.isEmpty)
        #expect(Self.diagnosticIDs(document).contains("content.empty"))
        #expect(!output.contains("root:"))
    }

    // MARK: - No reaching out

    /// A file only a page that reads the disk could quote.
    struct Secret {
        let folder: URL
        let file: URL
        let marker = "MAQAL-SECRET-\(UUID().uuidString)"

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("maqal-secret-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            file = folder.appendingPathComponent("secret.txt")
            try Data("\(marker)\n<p>\(marker)</p>\n".utf8).write(to: file)
        }

        func remove() { try? FileManager.default.removeItem(at: folder) }
    }

    /// Every way a page can point at another resource, aimed at `target` (`base` for relative ones).
    static func reachingPages(target: String, base: String) -> [String] {
        let body = "<article><h1>عنوان</h1><p>فقرة المقال الوحيدة هنا.</p>"
        return [
            "<!DOCTYPE html SYSTEM \"\(target)\"><html><body>\(body)</article></body></html>",
            "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" \"\(target)\"><html xmlns=\"http://www.w3.org/1999/xhtml\"><body>\(body)</article></body></html>",
            "<?xml version=\"1.0\"?><!DOCTYPE html [<!ENTITY xxe SYSTEM \"\(target)\">]><html><body>\(body)<p>&xxe;</p></article></body></html>",
            "<?xml version=\"1.0\"?><!DOCTYPE html [<!ENTITY % pe SYSTEM \"\(target)\"> %pe;]><html><body>\(body)</article></body></html>",
            "<html xmlns:xi=\"http://www.w3.org/2001/XInclude\"><body>\(body)<xi:include href=\"\(target)\" parse=\"text\"/></article></body></html>",
            "<html><head><base href=\"\(base)\"></head><body>\(body)<p>فقرة فيها <a href=\"secret.txt\">رابط نسبي</a> وسط كلام"
                + " كثير يكفي لتبقى في المقال.</p><figure><img src=\"secret.txt\" alt=\"صورة\"><figcaption>تعليق الصورة</figcaption>"
                + "</figure></article></body></html>",
            "<html><head><link rel=\"stylesheet\" href=\"\(target)\"><script src=\"\(target)\"></script>"
                + "<style>@import url(\"\(target)\");</style><meta http-equiv=\"refresh\" content=\"0; url=\(target)\"></head><body>\(body)"
                + "<iframe src=\"\(target)\"></iframe><object data=\"\(target)\"></object><embed src=\"\(target)\">"
                + "<svg><image href=\"\(target)\"/></svg><video src=\"\(target)\"></video></article></body></html>",
            "<html><frameset><frame src=\"\(target)\"></frameset></html>",
        ]
    }

    @Test("DOCTYPE SYSTEM, external entities, XInclude, <base href=file:> and friends read no file")
    func noFileIsRead() throws {
        let secret = try Secret()
        defer { secret.remove() }
        let target = secret.file.absoluteString
        #expect(target.hasPrefix("file:///"))
        for (index, page) in Self.reachingPages(target: target, base: secret.folder.absoluteString).enumerated() {
            for name in ["page.html", "page.xhtml", "page.xml"] {
                let (_, output) = try Self.render(Self.bytes(page), name: name)
                #expect(!output.contains(secret.marker), "page \(index) as \(name) quoted the file")
                #expect(!output.contains("file:"), "page \(index) as \(name) wrote a file: address")
            }
        }
    }

    @Test("the static pages that point at /etc/passwd quote nothing from it", arguments: [
        "doctype-system-passwd.html", "external-entity.html", "frameset-only.html",
    ])
    func passwdFixtures(_ name: String) throws {
        let bytes = try TestSupport.bytes(TestSupport.fixtures.appendingPathComponent("robustness/\(name)"))
        let (_, output) = try Self.render(bytes, name: name)
        #expect(!output.contains("root:"))
        #expect(!output.contains("file:"))
    }

    @Test("billion laughs expands nothing: output stays the size of the page, and quickly")
    func billionLaughs() throws {
        let bytes = try TestSupport.bytes(TestSupport.fixtures.appendingPathComponent("robustness/billion-laughs.html"))
        let clock = ContinuousClock()
        var output = ""
        let elapsed = try clock.measure { output = try Self.render(bytes, name: "billion-laughs.html").output }
        #expect(elapsed < .seconds(5))
        #expect(output.utf8.count < bytes.count * 4)
        #expect(!output.contains("lollollol"))
        // A quadratic blow-up: one big entity referenced many times.
        let big = String(repeating: "ض", count: 20_000)
        let page = "<?xml version=\"1.0\"?><!DOCTYPE html [<!ENTITY a \"\(big)\">]><html><body><p>"
            + String(repeating: "&a;", count: 20_000) + "</p></body></html>"
        let quadratic = try Self.render(Self.bytes(page), name: "page.html").output
        #expect(quadratic.utf8.count < page.utf8.count * 4)
    }

    /// A TCP listener on 127.0.0.1 that only counts who knocks.
    struct Listener {
        let socket: Int32
        let port: UInt16

        init() throws {
            let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard socket >= 0 else { throw POSIXError(.EIO) }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = 0
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard bound == 0, listen(socket, 16) == 0 else {
                _ = Glibc.close(socket)
                throw POSIXError(.EADDRINUSE)
            }
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            _ = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
            }
            self.socket = socket
            port = UInt16(bigEndian: address.sin_port)
        }

        /// Whether a connection is waiting, after giving one `milliseconds` to arrive.
        func knocked(within milliseconds: Int32) -> Bool {
            var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            return poll(&descriptor, 1, milliseconds) > 0
        }

        /// Connects once, to prove ``knocked(within:)`` sees a connection.
        func knock() -> Int32 {
            let client = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = port.bigEndian
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            _ = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(client, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            return client
        }

        func close() { _ = Glibc.close(socket) }
    }

    @Test("a page pointing at a local port in every way never connects to it")
    func noNetwork() throws {
        let listener = try Listener()
        defer { listener.close() }
        let address = "http://127.0.0.1:\(listener.port)"
        for page in Self.reachingPages(target: "\(address)/secret.dtd", base: "\(address)/") {
            for name in ["page.html", "page.xhtml"] {
                try Self.render(Self.bytes(page), name: name)
            }
        }
        #expect(!listener.knocked(within: 300), "something connected to \(address)")
        // The listener does see a connection when there is one.
        let client = listener.knock()
        defer { _ = Glibc.close(client) }
        #expect(listener.knocked(within: 2000))
    }

    // MARK: - Regression inputs

    /// What each file in `Fixtures/robustness/` must give: a refusal, or a document.
    static let expectations: [String: ParseError?] = [
        "png-named.html": .binary("PNG image"), "zip-named.html": .binary("ZIP archive"), "pdf-named.html": .binary("PDF"),
    ]

    static var robustnessFiles: [String] {
        let folder = TestSupport.fixtures.appendingPathComponent("robustness")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0 != "README.md" }.sorted()
    }

    @Test("every input in Fixtures/robustness gives a document or its refusal, under 5 s, as html and as text")
    func regressionInputs() throws {
        let files = Self.robustnessFiles
        #expect(files.count >= 13, "Fixtures/robustness is missing files")
        let clock = ContinuousClock()
        for name in files {
            let bytes = try TestSupport.bytes(TestSupport.fixtures.appendingPathComponent("robustness/\(name)"))
            for format in ParseOptions.InputFormat.allCases {
                let elapsed = clock.measure {
                    do {
                        try Self.render(bytes, name: name, format: format)
                        #expect(Self.expectations[name] == nil, "\(name) as \(format) should have been refused")
                    } catch let error as ParseError {
                        #expect(Self.expectations[name] == error, "\(name) as \(format): \(error)")
                    } catch {
                        Issue.record("\(name) as \(format): \(error)")
                    }
                }
                #expect(elapsed < .seconds(5), "\(name) as \(format) took \(elapsed)")
            }
        }
    }
}
