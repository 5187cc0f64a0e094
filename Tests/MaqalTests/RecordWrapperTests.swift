import Testing

@testable import Maqal

/// Corpus records (`<DOC>` … `</DOC>`) in plain text: the tags are no text, the fields are metadata.
@Suite("Record wrapper")
struct RecordWrapperTests {
    static let record = """
        <DOC>
        <DOCNO>XY-sport-9-20200102</DOCNO>
        <CAT>sport</CAT>
        <TITLE>فريق المدينة يفوز بكأس الشتاء</TITLE>
        <DATE>2020-01-02</DATE>
        <AUTHOR></AUTHOR>
        <TEXT>
        فاز فريق المدينة مساء أمس بكأس الشتاء بعد مباراة نهائية مثيرة حسمها هدف في الدقيقة الأخيرة أمام جمهور غفير.
        </TEXT>
        </DOC>

        """

    @Test("read from standard input (no file name) a record is text, and its title is the TITLE field")
    func sniffedAsText() throws {
        let document = try Maqal.parse(Array(Self.record.utf8))
        #expect(document.source.format == .text)
        #expect(document.metadata.title == "فريق المدينة يفوز بكأس الشتاء")
        #expect(document.metadata.published == "2020-01-02")
        #expect(document.metadata.categories == ["sport"])
        // An empty AUTHOR field names nobody.
        #expect(document.metadata.authors.isEmpty)
        let markdown = MarkdownRenderer.render(document)
        #expect(!markdown.contains("<") && !markdown.contains("XY-sport"))
    }

    @Test("a file of several records is read as its first, and says so")
    func severalRecords() throws {
        let second = Self.record.replacingOccurrences(of: "فريق المدينة يفوز", with: "فريق الساحل يخسر")
        let document = try Maqal.parse(Array((Self.record + second).utf8), options: ParseOptions(explain: true))
        #expect(document.metadata.title == "فريق المدينة يفوز بكأس الشتاء")
        #expect(document.diagnostics.contains { $0.id == .contentRecords })
        let removed = try #require(document.removed)
        #expect(removed.contains { $0.reason == "wrapper.record" && $0.text.contains("فريق الساحل يخسر") })
        #expect(!TextRenderer.render(document).contains("الساحل"))
    }

    @Test("a text that only mentions a tag, or HTML, is no record")
    func notARecord() throws {
        let text = "<DOC> في أول السطر ليس وسماً\n\nنص عادي طويل يكفي ليكون فقرة كاملة في مقال قصير عن موضوع ما.\n"
        let document = try Maqal.parse(Array(text.utf8), options: ParseOptions(inputFormat: .text))
        #expect(document.metadata.title == "<DOC> في أول السطر ليس وسماً")
        #expect(RecordWrapper.tag("<p>") == nil)
        #expect(RecordWrapper.tag("</TEXT> بعده نص") == nil)
        #expect(RecordWrapper.tag("<TITLE>عنوان</TITLE>") == .open("TITLE"))
    }
}

/// A `<title>` that is only a charset's name is no title.
@Suite("Encoding name title")
struct EncodingNameTests {
    @Test("charset names are told from titles", arguments: [
        ("windows-1256", true), (" ISO-8859-6 ", true), ("UTF-8", true), ("cp1256", true), ("Big5", true),
        ("Arabic", false), ("العربية", false), ("Windows 11", false), ("2024", false), ("utf-8 دليل", false),
    ])
    func names(_ title: String, _ isName: Bool) {
        #expect(EncodingName.isEncodingName(title) == isName)
    }

    @Test("an HTML page titled only with its encoding has a null title, and its text is still the body")
    func nullTitle() throws {
        let html = "<html><head><title>utf-8</title></head><body><p>نص الخبر كاملاً كما نشر في الصفحة الأولى من الجريدة اليوم.</p></body></html>"
        let document = try Maqal.parse(Array(html.utf8), options: ParseOptions(inputFormat: .html))
        #expect(document.metadata.title == nil)
        #expect(TextRenderer.render(document).contains("نص الخبر كاملاً"))
    }
}
