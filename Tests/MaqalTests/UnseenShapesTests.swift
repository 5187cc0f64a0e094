import Foundation
import Testing

@testable import Maqal

/// Issue 16's shapes of articles nobody on the team has seen, one rule each: styled heads in
/// HTML, narrow-column PDF copies, flush heads and lead-line titles in plain text.
@Suite("Unseen article shapes")
struct UnseenShapesTests {
    static let prose = "هذه فقرة من نص المقال تكفي لتكون نصاً حقيقياً، وفيها فواصل كثيرة، وتنتهي بنقطة في آخرها."

    func html(_ body: String) throws -> Document {
        try TestSupport.parse(
            "<html><head><title>عنوان المقال</title></head><body><div class=\"content\">\(body)</div></body></html>",
            format: .html)
    }

    // MARK: - Styled heads (HTML)

    @Test("style attributes and font sizes that set a line apart", arguments: [
        ("font-weight: bold", true), ("FONT-WEIGHT:700 !important", true), ("font-weight:normal", false),
        ("font-size:18px", true), ("font-size: 14pt", true), ("font-size:1.3em", true), ("font-size:large", true),
        ("font-size:15px", false), ("font-size:small", false), ("color:#900", false), ("font: bold 13px Tahoma", true),
    ])
    func styles(_ style: String, _ prominent: Bool) {
        #expect(StyledHeads.isProminentStyle(style) == prominent)
    }

    @Test("font sizes above the default are large", arguments: [("4", true), ("+1", true), ("3", false), ("-1", false), ("2", false), ("x", false)])
    func fontSizes(_ size: String, _ large: Bool) {
        #expect(StyledHeads.isLargeFontSize(size) == large)
    }

    @Test("lines set apart by a span style or a font size head the text after them, which stays its own paragraph")
    func styledInlineHeads() throws {
        let document = try html("""
            \(Self.prose)<br><br>
            <span style="font-weight:bold">البداية</span><br>
            \(Self.prose)<br><br>
            <font size="4">الخاتمة</font><br>
            \(Self.prose)
            """)
        #expect(TestSupport.outline(document.body) == [
            "p " + Self.prose, "h2 البداية", "  p " + Self.prose, "h2 الخاتمة", "  p " + Self.prose,
        ])
    }

    @Test("a lone large line in an article with no other heads stays a paragraph of its own")
    func loneStyledLine() throws {
        let document = try html("""
            <p>\(Self.prose)</p>
            <p style="font-size:20px">كلمة شكر للمتطوعين</p>
            <p>\(Self.prose) وفيها زيادة.</p>
            """)
        #expect(TestSupport.outline(document.body) == ["p " + Self.prose, "p كلمة شكر للمتطوعين", "p " + Self.prose + " وفيها زيادة."])
    }

    @Test("a wrapper that styles the whole article bold sets nothing apart")
    func styledWrapper() throws {
        let document = try html("""
            <div style="font-weight:bold">مقدمة قصيرة<br>\(Self.prose)<br><br>خاتمة قصيرة<br>\(Self.prose)</div>
            """)
        #expect(!TestSupport.outline(document.body).contains { $0.hasPrefix("h") })
    }

    // MARK: - Title from the visible headline (HTML)

    @Test("a page with no <title> takes its h1 as the title, and the h1 leaves the body")
    func headlineWithoutTitle() throws {
        for headline in ["افتتاح سوق جديد للمزارعين في المدينة", "رحلة إلى شفشاون"] {
            let document = try TestSupport.parse(
                "<html><body><article><h1>\(headline)</h1><p>\(Self.prose)</p></article></body></html>", format: .html)
            #expect(document.metadata.title == headline)
            #expect(TestSupport.outline(document.body) == ["p " + Self.prose])
        }
    }

    @Test("with no <title>, a short first h1 beside others may be the logo's: only a four-word h1 is the headline")
    func shortH1AmongOthers() throws {
        let document = try TestSupport.parse(
            "<html><body><h1>نشرة الحي</h1><article><h1>افتتاح سوق جديد للمزارعين في المدينة</h1><p>\(Self.prose)</p></article></body></html>",
            format: .html)
        #expect(document.metadata.title == "افتتاح سوق جديد للمزارعين في المدينة")
    }

    @Test("a short paragraph under the h1 is the deck only when a byline or date stands under it")
    func paragraphDeck() throws {
        let deck = "أكثر من أربعين مزارعاً يعرضون زيتهم في الساحة"
        let page = "<html><head><title>افتتاح سوق جديد للمزارعين في المدينة</title></head><body><article>"
            + "<h1>افتتاح سوق جديد للمزارعين في المدينة</h1><p>\(deck)</p>"
        let withByline = try TestSupport.parse(
            page + "<p>بقلم: سامي الحاج</p><p>\(Self.prose)</p><p>\(Self.prose)</p></article></body></html>", format: .html)
        #expect(withByline.metadata.subtitles == [deck])
        #expect(TestSupport.outline(withByline.body) == ["p " + Self.prose, "p " + Self.prose])
        let withoutByline = try TestSupport.parse(
            page + "<p>\(Self.prose)</p><p>\(Self.prose)</p></article></body></html>", format: .html)
        #expect(withoutByline.metadata.subtitles.isEmpty)
        #expect(TestSupport.outline(withoutByline.body).first == "p " + deck)
    }

    // MARK: - Byline labels

    @Test("byline labels with and without a colon give the author's name, and the line leaves the body", arguments: [
        "كتبه: سامي الحاج", "كتبها سامي الحاج", "كتب: سامي الحاج", "إعداد سامي الحاج", "تحرير: سامي الحاج",
        "بقلم سامي الحاج", "بقلم / سامي الحاج", "بقلم الكاتب سامي الحاج", "إعداد وتحرير: سامي الحاج",
    ])
    func bylineLabels(_ line: String) throws {
        let text = try TestSupport.parse("افتتاح سوق جديد للمزارعين\n\(line)\n\n\(Self.prose)\n")
        #expect(text.metadata.authors == ["سامي الحاج"])
        #expect(TestSupport.outline(text.body) == ["p " + Self.prose])
        let page = try html("<h1>عنوان المقال</h1><p>\(line)</p><p>\(Self.prose)</p>")
        #expect(page.metadata.authors == ["سامي الحاج"])
        #expect(TestSupport.outline(page.body) == ["p " + Self.prose])
    }

    @Test("a byline's names: two joined by و, a name that starts with و kept whole, a translator no author", arguments: [
        ("أحمد سالم وليلى حداد", ["أحمد سالم", "ليلى حداد"]), ("أحمد وليد", ["أحمد وليد"]),
        ("سامي وائل الحاج", ["سامي وائل الحاج"]), ("ليلى حداد، ترجمة: سامي الحاج", ["ليلى حداد"]),
        ("ليلى حداد, تصوير سامي الحاج", ["ليلى حداد"]),
    ])
    func bylineNames(_ value: String, _ names: [String]) {
        #expect(MetadataLine.authorNames(value) == names)
    }

    @Test("a one-line byline with its date after a separator gives the author and the date", arguments: [
        "بقلم أحمد سالم · 12 مارس 2024", "بقلم: أحمد سالم | 2024-03-12", "كتب: أحمد سالم - 12 مارس 2024",
        "بقلم أحمد سالم — 12/03/2024", "بقلم: أحمد سالم، 12 مارس 2024",
    ])
    func bylineWithDate(_ line: String) throws {
        let text = try TestSupport.parse("افتتاح سوق جديد للمزارعين\n\(line)\n\n\(Self.prose)\n")
        #expect(text.metadata.authors == ["أحمد سالم"])
        #expect(text.metadata.published == "2024-03-12")
        #expect(TestSupport.outline(text.body) == ["p " + Self.prose])
    }

    @Test("a byline whose value has no date after its separator stays one name; a dateline's place is no author")
    func bylineWithoutDate() throws {
        let line = MetadataLine(field: .author, value: "أحمد سالم - مراسل الجريدة")
        #expect(MetadataLine.splittingDate(line) == [line])
        // Without a label, "place – date" is a dateline as often as "name · date" is a byline.
        let document = try TestSupport.parse("افتتاح سوق جديد للمزارعين\nوادي السنديان · 12 مارس 2024\n\n\(Self.prose)\n")
        #expect(document.metadata.authors.isEmpty)
    }

    // MARK: - Plain text

    func text(_ text: String) throws -> Document {
        try TestSupport.parse(text)
    }

    @Test("a headline that keeps its final period is the title when a dateline or byline stands under it")
    func leadLineTitle() throws {
        for metadata in ["المدينة – 3 آذار 2024", "بقلم: سامي الحاج"] {
            let document = try text("افتتاح سوق جديد للمزارعين في المدينة.\n\(metadata)\n\(Self.prose)\n\n\(Self.prose)\n")
            #expect(document.metadata.title == "افتتاح سوق جديد للمزارعين في المدينة.")
            #expect(TestSupport.outline(document.body) == ["p " + Self.prose, "p " + Self.prose])
        }
    }

    @Test("a short finished first sentence with prose under it and no metadata line is body text")
    func sentenceIsNoTitle() throws {
        let document = try text("افتتح السوق أمس.\n\(Self.prose)\n\n\(Self.prose)\n")
        #expect(document.metadata.title == nil)
    }

    static let narrowProse = """
        يمكن لكل بيت أن
        يحول بقايا الطعام
        وقشور الخضار إلى
        سماد غني يفيد
        حديقته الصغيرة.
        ويحتاج الخليط إلى
        التقليب مرة كل
        أسبوع، وإلى قليل من
        الماء إذا جف.
        """

    @Test("lines of a narrow column (two to five words) are joined into their sentences' paragraphs")
    func narrowColumn() throws {
        let document = try text("عنوان النشرة الصغيرة\n\n" + Self.narrowProse + "\n\n" + Self.narrowProse + "\n")
        let first = "يمكن لكل بيت أن يحول بقايا الطعام وقشور الخضار إلى سماد غني يفيد حديقته الصغيرة."
        let second = "ويحتاج الخليط إلى التقليب مرة كل أسبوع، وإلى قليل من الماء إذا جف."
        #expect(TestSupport.outline(document.body) == ["p " + first, "p " + second, "p " + first, "p " + second])
    }

    @Test("short lines that never end a sentence (verse) keep their lines even in a narrow text")
    func narrowVerse() throws {
        let verse = "يا ليل الصب متى غده\nأقيام الساعة موعده\nرقد السمار فأرقه\nأسف للبين يردده\n"
        let document = try text("قصيدة الليل الطويل\n\n" + verse + "\n" + verse + "\n" + verse)
        #expect(!document.body.contains { block in
            if case .paragraph(let paragraph) = block { paragraph.text.contains("غده أقيام") } else { false }
        })
    }

    @Test("one group opened by a short line (a salutation) is no flush head; two or more are")
    func flushHeads() throws {
        let single = try text("رسالة إلى القراء\n\n\(Self.prose)\n\nأعزائي القراء\n\(Self.prose)\n")
        #expect(!TestSupport.outline(single.body).contains { $0.hasPrefix("h") })
        let two = try text("رسالة إلى القراء\n\n\(Self.prose)\n\nالقسم الأول\n\(Self.prose)\n\nالقسم الثاني\n\(Self.prose)\n")
        #expect(TestSupport.outline(two.body) == [
            "p " + Self.prose, "h2 القسم الأول", "  p " + Self.prose, "h2 القسم الثاني", "  p " + Self.prose,
        ])
    }

    // MARK: - A lead repeated as the first paragraph (HTML)

    static let lead = "أطلقت البلدية حملة لزراعة عشرة آلاف شجرة على طول الكورنيش قبل حلول الصيف."

    @Test("a lead box repeated as the text's first paragraph appears once, and the repeat is accounted for")
    func repeatedLead() throws {
        let html = """
            <html><head><title>عنوان المقال</title></head><body><article><h1>عنوان المقال</h1>
            <p class="lead">\(Self.lead)</p><div class="text"><p>\(Self.lead)</p><p>\(Self.prose)</p><p>\(Self.prose) وفيها زيادة.</p></div>
            </article></body></html>
            """
        let document = try Maqal.parse(Array(html.utf8), options: ParseOptions(inputFormat: .html, explain: true))
        #expect(TestSupport.outline(document.body) == ["p " + Self.lead, "p " + Self.prose, "p " + Self.prose + " وفيها زيادة."])
        #expect(document.removed?.contains { $0.reason == "duplicate.lead" && $0.text == Self.lead } == true)
    }

    @Test("a lead box holding the first sentence of the paragraph under it is left out; a later paragraph's start is not")
    func leadIsFirstSentence() throws {
        let document = try html("<p>\(Self.lead)</p><p>\(Self.lead) \(Self.prose)</p><p>\(Self.prose)</p><p>\(Self.prose) وفيها زيادة.</p>")
        #expect(TestSupport.outline(document.body) == [
            "p " + Self.lead + " " + Self.prose, "p " + Self.prose, "p " + Self.prose + " وفيها زيادة.",
        ])
    }
}
