import Testing

@testable import Maqal

/// Shapes of plain text copied from real articles (issue 16 §2): list items wrapped over several
/// lines, numbered section heads, breadcrumbs, relative dates, comment tails, FAQ sections,
/// messaging-app forwards and PDF copies. One behaviour per test, each with its near-miss.
@Suite("Copied text shapes")
struct CopiedTextShapesTests {
    func outline(_ text: String) throws -> [String] {
        TestSupport.outline(try TestSupport.parse(text).body)
    }

    // MARK: - List items over several lines

    @Test("a line wrapped under a list item belongs to the item, indented or not")
    func itemContinuation() throws {
        let indented = "العنوان\n\nفقرة أولى.\n\n- البند الأول من القائمة وهو طويل\n  ويكمل في السطر التالي هنا\n- البند الثاني\n"
        #expect(try outline(indented) == [
            "p فقرة أولى.", "ul", "  - البند الأول من القائمة وهو طويل ويكمل في السطر التالي هنا", "  - البند الثاني",
        ])
        let flush = "العنوان\n\nفقرة أولى.\n\n- البند الأول من القائمة وهو طويل\nويكمل في السطر التالي هنا\n- البند الثاني\n"
        #expect(try outline(flush)[2] == "  - البند الأول من القائمة وهو طويل ويكمل في السطر التالي هنا")
    }

    @Test("an indented sentence under a finished item is the item's; a flush one after it is a paragraph")
    func itemSecondSentence() throws {
        let indented = "العنوان\n\nفقرة أولى.\n\n- جملة البند الأولى.\n  وجملته الثانية.\n- بند ثان\n"
        #expect(try outline(indented) == ["p فقرة أولى.", "ul", "  - جملة البند الأولى. وجملته الثانية.", "  - بند ثان"])
        let flush = "العنوان\n\nفقرة أولى.\n\n- جملة البند الأولى.\nفقرة بعد القائمة.\n"
        #expect(try outline(flush) == ["p فقرة أولى.", "ul", "  - جملة البند الأولى.", "p فقرة بعد القائمة."])
    }

    // MARK: - Numbered section heads

    @Test("numbered heads are decided for the document: the third is a head though a list follows it")
    func numberedHeads() throws {
        let text = "العنوان\n\nمقدمة المقال هنا.\n\n1. المقدمة\nنص المقدمة هنا وهو فقرة كاملة.\n\n"
            + "2. التاريخ\nنص التاريخ هنا وهو فقرة كاملة.\n\n3. الأنواع\n- نوع أول\n- نوع ثان\n"
        #expect(try outline(text) == [
            "p مقدمة المقال هنا.", "h2 1. المقدمة", "  p نص المقدمة هنا وهو فقرة كاملة.", "h2 2. التاريخ",
            "  p نص التاريخ هنا وهو فقرة كاملة.", "h2 3. الأنواع", "  ul", "    - نوع أول", "    - نوع ثان",
        ])
    }

    @Test("near-misses: a numbered list before the heads, a list in the heads' style, a lone numbered item")
    func numberedNearMisses() throws {
        let before = "العنوان\n\nالمراحل:\n\n1. الأولى\n2. الثانية\n\n1. المقدمة\nنص المقدمة هنا وهو فقرة كاملة.\n\n"
            + "2. الخاتمة\nنص الخاتمة هنا وهو فقرة كاملة.\n"
        #expect(try outline(before).prefix(4) == ["p المراحل:", "ol 1", "  - الأولى", "  - الثانية"])
        let after = "العنوان\n\n1. المقدمة\nنص المقدمة هنا وهو فقرة كاملة.\n\n2. الخاتمة\nنص الخاتمة هنا وهو فقرة كاملة.\n\n"
            + "3. أول\n4. ثان\n"
        #expect(try outline(after).suffix(3) == ["  ol 3", "    - أول", "    - ثان"])
        let lone = "العنوان\n\nفقرة أولى.\n\n1. البند الوحيد\n- فرع\n"
        #expect(try !outline(lone).contains { $0.hasPrefix("h2") })
    }

    @Test("a marker's style keeps its digit system and separator", arguments: [
        ("1. أ", "0."), ("12. أ", "0."), ("3) أ", "0)"), ("٤. أ", "٠."), ("(2) أ", "(0)"),
    ])
    func markerStyle(_ line: String, _ style: String) throws {
        #expect(NumberedHeadings.style(of: try #require(ListMarker.parse(line))) == style)
    }

    // MARK: - Breadcrumbs

    @Test("breadcrumb trails give their crumbs without the home crumb", arguments: [
        ("الرئيسية » أخبار » اقتصاد", ["أخبار", "اقتصاد"]),
        ("الرئيسية › رياضة", ["رياضة"]),
        ("الصفحة الرئيسية / منوعات / صحة", ["منوعات", "صحة"]),
        ("Home > تقنية > هواتف", ["تقنية", "هواتف"]),
        ("أخبار > عربية > مصر", ["أخبار", "عربية", "مصر"]),
        ("🏠 | ثقافة | كتب", ["ثقافة", "كتب"]),
    ])
    func breadcrumbs(_ line: String, _ crumbs: [String]) {
        #expect(BreadcrumbLine.crumbs(line) == crumbs)
    }

    @Test("titles with a bar or a slash, and sentences with an arrow, are no trails", arguments: [
        "عنوان المقال | اسم الموقع", "أسعار الذهب اليوم / تحديث مستمر", "النمو > التضخم في هذا العام كما قال الوزير.",
        "عنوان > فرعي", "الرئيسية",
    ])
    func notBreadcrumbs(_ line: String) {
        #expect(BreadcrumbLine.crumbs(line) == nil)
    }

    @Test("a breadcrumb above the title: the next line is the title, the crumb naming the article no category")
    func breadcrumbAboveTitle() throws {
        let document = try TestSupport.parse("الرئيسية » صحة » الصيام المتقطع\nالصيام المتقطع\n\nفقرة المقال الأولى.\n")
        #expect(document.metadata.title == "الصيام المتقطع")
        #expect(document.metadata.categories == ["صحة"])
        #expect(TestSupport.outline(document.body) == ["p فقرة المقال الأولى."])
    }

    // MARK: - Relative dates

    @Test("relative date lines", arguments: [
        "منذ 3 ساعات", "قبل يومين", "أمس", "منذ أسبوع", "أول أمس", "نشر منذ ساعتين", "أمس الساعة 10:30 مساءً",
    ])
    func relativeDateLines(_ line: String) {
        #expect(RelativeDate.isDateLine(line))
    }

    @Test("sentences that start like a relative date are not date lines", arguments: [
        "قبل يومين أعلنت الوزارة", "منذ سنوات طويلة والقرية تنتظر", "اليوم العالمي للمياه", "أمس واليوم وغداً في حياة الناس",
    ])
    func notRelativeDateLines(_ line: String) {
        #expect(!RelativeDate.isDateLine(line))
    }

    @Test("a relative date under the title is a date with its words and no invented day, never a subtitle")
    func relativeDateUnderTitle() throws {
        let document = try TestSupport.parse("عنوان الخبر هنا\nمنذ 3 ساعات\n\nنص الخبر.\n\nآخر تحديث: أمس\n")
        #expect(document.metadata.title == "عنوان الخبر هنا")
        #expect(document.metadata.subtitles.isEmpty)
        #expect(document.metadata.published == nil)
        #expect(document.metadata.dates == [
            DateRecord(role: .published, value: nil, text: "منذ 3 ساعات", from: .text, approximate: true),
            DateRecord(role: .modified, value: nil, text: "أمس", from: .text, approximate: true),
        ])
        #expect(TestSupport.outline(document.body) == ["p نص الخبر."])
    }

    // MARK: - After the article

    /// What the text Clean rules removed, as `reason at text`.
    func removed(_ text: String) -> [String] {
        let cleaned = ArticleCleaner.clean(TextSegmenter().segment(TextLines.read(text)), removals: Removals(enabled: true))
        return cleaned.removals.list.map { "\($0.reason) \($0.at) \($0.text)" }
    }

    @Test("a comments tail goes with its comments, and each removal says why and where")
    func commentsTail() throws {
        let text = "العنوان\n\nنص المقال الأول وهو جملة كاملة.\n\nالتعليقات (2)\nأحمد: مقال رائع\nمنذ ساعتين\nسارة: شكرا لكم\n"
        #expect(try outline(text) == ["p نص المقال الأول وهو جملة كاملة."])
        #expect(removed(text) == [
            "furniture.comments line 5 التعليقات (2)", "furniture.comments line 6 أحمد: مقال رائع",
            "furniture.comments line 7 منذ ساعتين", "furniture.comments line 8 سارة: شكرا لكم",
        ])
    }

    @Test("comment heads with and without their count", arguments: [
        "التعليقات (3)", "5 تعليقات", "تعليقات الزوار", "أضف تعليقاً", "اترك تعليقا", "التعليقات: 12", "آراء القراء",
    ])
    func commentHeads(_ line: String) {
        #expect(CommentsTail.isHead(line))
    }

    @Test("comments are names with what they wrote; labels and attributions are not", arguments: [
        ("أبو محمود: قرار ممتاز", true), ("سعاد من الإسكندرية: متى ينزل السعر؟", true), ("أمس", true),
        ("المصدر: وكالات", false), ("قال الوزير: سنواصل العمل", false), ("نص بلا نقطتين", false),
        ("هذه جملة طويلة فيها أكثر من خمس كلمات قبل النقطتين: ثم بقية", false),
    ])
    func comments(_ line: String, _ isComment: Bool) {
        #expect(CommentsTail.isComment(line) == isComment)
    }

    @Test("share bars and follow lines after the article", arguments: [
        ("شارك المقال: فيسبوك | تويتر | واتساب", "furniture.share"), ("Facebook Twitter WhatsApp", "furniture.share"),
        ("شاركها مع أصدقائك", "furniture.share"), ("لا تنس مشاركة المقال مع أصدقائك", "furniture.share"),
        ("انضموا إلى قناتنا على تيليجرام", "lexicon.follow-us"), ("تابع صفحتنا على فيسبوك", "lexicon.follow-us"),
        ("للاشتراك في قناتنا على واتساب اضغط هنا", "lexicon.follow-us"),
        ("شارك القصيدة: فيسبوك | واتساب", "furniture.share"), ("شارك التدوينة عبر: تويتر | تيليجرام", "furniture.share"),
    ])
    func shareAndFollow(_ line: String, _ reason: String) throws {
        #expect(TailLine.reason(line)?.rawValue == reason)
        #expect(try outline("العنوان\n\nفقرة أولى من المقال وهي كاملة.\n\n\(line)\n") == ["p فقرة أولى من المقال وهي كاملة."])
    }

    @Test("sentences about networks and channels stay", arguments: [
        "تابع الوزير حديثه على قناة الجزيرة", "فيسبوك شركة أمريكية", "شارك الوزير في المؤتمر",
        "شارك اللاعب في مباراة الأمس على يوتيوب", "شارك الفريق على فيسبوك", "شارك محمد صوره على فيسبوك وتويتر",
    ])
    func notShareOrFollow(_ line: String) {
        #expect(TailLine.reason(line) == nil)
    }

    @Test("HTML: a counted comments head opens the comments box like the lexicon's")
    func htmlCommentsHead() throws {
        let paragraph = "نص المقال الأول وهو جملة كاملة تكفي لتكون فقرة في صفحة من صفحات الموقع الإخباري."
        let html = "<html><head><title>العنوان</title></head><body><article><h1>العنوان</h1><p>\(paragraph)</p><h3>التعليقات (2)</h3>"
            + "<p>أحمد: مقال رائع</p><p>سارة: شكرا لكم</p></article></body></html>"
        let document = try TestSupport.parse(html, format: .html)
        #expect(TestSupport.outline(document.body) == ["p " + paragraph])
    }

    // MARK: - Questions sections

    @Test("in a questions section each answered question heads a subsection; the next heading ends it")
    func questionsSection() throws {
        let text = "العنوان\n\nمقدمة المقال هنا.\n\nأسئلة شائعة\n\nهل يمكن التجديد من الخارج؟\nنعم، عبر السفارات.\n"
            + "س: كم الرسوم\nج: مئتا ريال.\n\nخاتمة\n\nنص الخاتمة.\n"
        #expect(try outline(text) == [
            "p مقدمة المقال هنا.", "h2 أسئلة شائعة", "  h3 هل يمكن التجديد من الخارج؟", "    p نعم، عبر السفارات.",
            "  h3 س: كم الرسوم", "    p ج: مئتا ريال.", "h2 خاتمة", "  p نص الخاتمة.",
        ])
    }

    @Test("outside a questions section a question in a paragraph's group stays a paragraph")
    func questionOutsideSection() throws {
        let text = "العنوان\n\nمقدمة.\n\nهل يمكن التجديد من الخارج؟\nنعم، عبر السفارات.\n"
        #expect(try outline(text) == ["p مقدمة.", "p هل يمكن التجديد من الخارج؟", "p نعم، عبر السفارات."])
    }

    @Test("heads of questions sections", arguments: [
        ("أسئلة شائعة", true), ("الأسئلة المتكررة", true), ("الأسئلة الشائعة حول تجديد الجواز:", true), ("س و ج", true),
        ("FAQ", true), ("أسئلة شائعة يطرحها الناس كثيراً عن هذا الموضوع في كل مكان", false),
        ("أسئلة شائعة كثيرة تصل إلينا.", false), ("أسئلة الامتحان", false),
    ])
    func questionsHeads(_ line: String, _ isHead: Bool) {
        #expect(QuestionsSection.isHead(line) == isHead)
    }

    @Test("question and answer labels", arguments: [
        ("س: كم الرسوم", "س"), ("س1- متى يبدأ", "س"), ("السؤال: لماذا", "السؤال"), ("ج: مئتا ريال", "ج"),
        ("الجواب: نعم", "الجواب"), ("سعر الخبز ثابت", nil),
    ] as [(String, String?)])
    func labels(_ line: String, _ label: String?) {
        #expect(QuestionsSection.label(of: line) == label)
    }

    // MARK: - Messaging-app forwards

    @Test("emoji and keycap markers", arguments: [
        ("🔹 بند", "🔹", ListMarker.Kind.bullet, "بند"), ("✔️ بند ثالث", "✔️", .bullet, "بند ثالث"),
        ("👈 انتبه", "👈", .bullet, "انتبه"), ("1️⃣ خطوة", "1️⃣", .number, "خطوة"),
    ])
    func emojiMarkers(_ line: String, _ text: String, _ kind: ListMarker.Kind, _ rest: String) throws {
        let marker = try #require(ListMarker.parseEmoji(line))
        #expect(marker.text == text)
        #expect(marker.kind == kind)
        #expect(marker.rest == rest)
    }

    @Test("a run of emoji lines is a list; one emoji before a line is decoration")
    func emojiBullets() throws {
        let text = "العنوان\n\nفقرة.\n\n🔹 بند أول\n🔹 بند ثان\n✔️ بند ثالث\n\n1️⃣ خطوة\n2️⃣ خطوة ثانية\n\n📌 سطر وحيد مزين.\n"
        #expect(try outline(text) == [
            "p فقرة.", "ul", "  - بند أول", "  - بند ثان", "  - بند ثالث", "ol 1", "  - خطوة", "  - خطوة ثانية",
            "p 📌 سطر وحيد مزين.",
        ])
    }

    @Test("a TOC title with an emoji over bullet entries is no item")
    func emojiTitleOverBullets() throws {
        let text = "العنوان\n\n📋 جدول المحتويات\n• المقدمة\n• الخاتمة\n\nالمقدمة\n\nنص المقدمة.\n\nالخاتمة\n\nنص الخاتمة.\n"
        #expect(try outline(text) == ["h2 المقدمة", "  p نص المقدمة.", "h2 الخاتمة", "  p نص الخاتمة."])
    }

    @Test("*bold* lines", arguments: [
        ("*أبرز فوائده*", "أبرز فوائده"), ("📌 *طريقة التحضير*", "طريقة التحضير"), ("*🌿 الزنجبيل*", "🌿 الزنجبيل"),
        ("نص فيه *كلمة* بارزة", nil), ("*بداية فقط", nil), ("* بند", nil), ("**", nil),
    ] as [(String, String?)])
    func boldLines(_ line: String, _ inner: String?) {
        #expect(MessagingMarkup.boldLine(line) == inner)
    }

    @Test("a forward: its *bold* title and heads, and the trailer and channel link go")
    func forward() throws {
        let text = "*عنوان الرسالة*\n\nنص أول كامل.\n\n*القسم الأول*\nنص القسم الأول.\n\nمنقول\nhttps://t.me/qanat\n"
        let document = try TestSupport.parse(text)
        #expect(document.metadata.title == "عنوان الرسالة")
        #expect(TestSupport.outline(document.body) == ["p نص أول كامل.", "h2 القسم الأول", "  p نص القسم الأول."])
        #expect(removed(text) == ["furniture.forward line 8 منقول", "furniture.forward line 9 https://t.me/qanat"])
    }

    @Test("forward trailers", arguments: [
        ("منقول", true), ("منقول للفائدة", true), ("منقول من قناة الفوائد اليومية", true), ("@qanat_alfawaid", true),
        ("انضموا: https://chat.whatsapp.com/AbC123", true), ("منقول عن أبيه أنه كان يقرأ كل ليلة", false),
        ("البريد: info@example.com", false),
    ])
    func forwardTrailers(_ line: String, _ isTrailer: Bool) {
        let key = ArabicKey.make(line)
        #expect(TailLine.isForwardTrailer(line, key: key, words: key.split(separator: " ").map(String.init)) == isTrailer)
    }

    // MARK: - PDF copies

    @Test("page numbers", arguments: [
        ("3", 3), ("- 12 -", 12), ("[4]", 4), ("صفحة 5", 5), ("ص ٦", 6), ("7 من 12", 7), ("Page 8 of 20", 8),
        ("2024 عام", nil), ("12345", nil), ("3 أسباب", nil),
    ] as [(String, Int?)])
    func pageNumbers(_ line: String, _ number: Int?) {
        #expect(PageFurniture.pageNumber(line) == number)
    }

    /// A paginated copy: `pages` pages of `lines` wrapped prose lines each, a running header
    /// above each page and its number under it, the last line of each page unfinished.
    func paginated(pages: Int, header: String = "مجلة العلوم – العدد 9") -> String {
        var text = "\(header)\nعنوان البحث في سطر واحد\n"
        for page in 1...pages {
            if page > 1 { text += "\(header)\n\n" }
            for line in 1...8 { text += "هذا سطر طويل من نص البحث في الصفحة \(page) وهو السطر رقم \(line) منها ولا ينتهي\n" }
            text += "\n- \(page) -\n\n"
        }
        return text
    }

    @Test("running headers and page numbers go, and the paragraph cut by each page break is whole")
    func pdfCopy() throws {
        let text = paginated(pages: 3)
        let document = try TestSupport.parse(text)
        #expect(document.metadata.title == "عنوان البحث في سطر واحد")
        #expect(TestSupport.paragraphs(document.body).count == 1)
        #expect(!TestSupport.bodyText(document).contains("مجلة العلوم"))
        let removed = PageFurniture.remove(TextLines.read(text), removals: Removals(enabled: true)).removals.list
        #expect(removed.allSatisfy { $0.reason == "furniture.page-header" })
        #expect(removed.map(\.text) == [
            "مجلة العلوم – العدد 9", "- 1 -", "مجلة العلوم – العدد 9", "- 2 -", "مجلة العلوم – العدد 9", "- 3 -",
        ])
    }

    @Test("a line repeated twice, or numbers that do not count pages, stay")
    func notPageFurniture() throws {
        let twice = "العنوان\n\nسطر مكرر\n\nفقرة أولى طويلة.\n\nسطر مكرر\n\nفقرة ثانية.\n"
        #expect(PageFurniture.remove(TextLines.read(twice), removals: Removals(enabled: true)).removals.list.isEmpty)
        let years = "العنوان\n\n2020\n\nفقرة.\n\n2024\n\nفقرة.\n"
        #expect(PageFurniture.remove(TextLines.read(years), removals: Removals(enabled: true)).removals.list.isEmpty)
    }

    @Test("a heading in a run of lines without blank lines, between finished paragraphs")
    func runInHeading() throws {
        let prose = "هذه فقرة طويلة من فقرات المقال فيها أكثر من ست عشرة كلمة حتى تعد نصاً وليست عنواناً قصيراً أبداً."
        let text = "العنوان\n\n\(prose)\nعنوان القسم\n\(prose)\n"
        #expect(try outline(text) == ["p " + prose, "h2 عنوان القسم", "  p " + prose])
        let short = "العنوان\n\nجملة قصيرة.\nسطر آخر\n\(prose)\n"
        #expect(try !outline(short).contains { $0.hasPrefix("h2") })
    }
}
