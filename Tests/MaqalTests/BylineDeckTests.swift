import Testing

@testable import Maqal

/// Urdu and Persian bylines (a name and a date, no label), Urdu month names, and the deck under
/// an HTML headline.
@Suite("Bylines and decks")
struct BylineDeckTests {
    @Test("a name followed by a date is a byline", arguments: [
        ("ذیشان مہتاب اتوار 12 مئی 2024 23:04", "ذیشان مہتاب", "2024-05-12T23:04"),
        ("نادیہ حسین جمعہ 7 جون 2024", "نادیہ حسین", "2024-06-07"),
        ("سارا محمدی دوشنبه ۲۴ اردیبهشت ۱۴۰۳", "سارا محمدی", "2024-05-13"),
        ("سلمى الحداد 3 يناير 2023", "سلمى الحداد", "2023-01-03"),
    ])
    func nameAndDate(_ line: String, _ author: String, _ date: String) throws {
        let byline = try #require(MetadataLine.nameAndDate(line))
        #expect(byline.author == author)
        #expect(byline.date.iso == date)
    }

    @Test("a dateline's place, one word, or prose is no byline", arguments: [
        "الدار البيضاء 12 مارس 2024", "القاهرة 12 مارس 2024", "الأحد 12 مارس 2024",
        "وقال الوزير إن المشروع يبدأ في 12 مارس 2024 ويستمر عامين كاملين في كل المحافظات",
        "فريق 2024 12 مارس 2024",
    ])
    func notAByline(_ line: String) {
        #expect(MetadataLine.nameAndDate(line) == nil)
    }

    @Test("Urdu Gregorian month names are read", arguments: [
        ("12 مئی 2024", "2024-05-12"), ("3 جولائی 2023", "2023-07-03"), ("25 دسمبر 2022", "2022-12-25"),
        ("1 اگست 2021", "2021-08-01"),
    ])
    func urduMonths(_ text: String, _ iso: String) throws {
        #expect(try #require(ArabicDateParser.find(in: text)).iso == iso)
    }

    @Test("a text's first line that ends with a date is its headline; the same shape under it is a byline")
    func headlineWithDate() throws {
        let prose = "افتتحت البلدية صباح اليوم مهرجان الربيع السنوي في الحديقة العامة بحضور عدد كبير من الأهالي.\n\nويستمر المهرجان أسبوعاً كاملاً تتخلله عروض فنية ومعارض للحرف اليدوية.\n"
        let headline = try Maqal.parse(Array("افتتاح مهرجان الربيع 12 مارس 2024\n\n\(prose)".utf8), options: ParseOptions(inputFormat: .text))
        #expect(headline.metadata.title == "افتتاح مهرجان الربيع 12 مارس 2024")
        #expect(headline.metadata.authors.isEmpty)

        let byline = try Maqal.parse(Array("افتتاح مهرجان الربيع في المدينة\n\nسامر يوسف 12 مارس 2024\n\n\(prose)".utf8), options: ParseOptions(inputFormat: .text))
        #expect(byline.metadata.title == "افتتاح مهرجان الربيع في المدينة")
        #expect(byline.metadata.authors == ["سامر يوسف"])
        #expect(byline.metadata.published?.hasPrefix("2024-03-12") == true)
    }

    @Test("a short heading alone under the headline is its deck; one of several sections stays a heading")
    func deck() throws {
        let body = "<p>نص المقال الأول طويل بما يكفي ليكون فقرة كاملة في الخبر الذي نقرؤه الآن.</p>"
        let more = "<p>وفقرة ثانية تكمل الخبر بتفاصيل أخرى عن المكان والزمان والناس الذين حضروا.</p>"
        let deckPage = "<html><head><title>عنوان الخبر الرئيسي اليوم</title></head><body><article><h1>عنوان الخبر الرئيسي اليوم</h1><h2>سطر تحت العنوان</h2>\(body)\(more)</article></body></html>"
        let deck = try Maqal.parse(Array(deckPage.utf8), options: ParseOptions(inputFormat: .html))
        #expect(deck.metadata.subtitles == ["سطر تحت العنوان"])
        #expect(!deck.body.contains { if case .section = $0 { return true } else { return false } })

        let sectioned = "<html><head><title>عنوان الخبر الرئيسي اليوم</title></head><body><article><h1>عنوان الخبر الرئيسي اليوم</h1><h2>القسم الأول</h2>\(body)<h2>القسم الثاني</h2>\(more)</article></body></html>"
        let sections = try Maqal.parse(Array(sectioned.utf8), options: ParseOptions(inputFormat: .html))
        #expect(sections.metadata.subtitles.isEmpty)
        #expect(sections.body.filter { if case .section = $0 { return true } else { return false } }.count == 2)
    }
}

@Suite("Prose in a heading tag")
struct ProseHeadingTests {
    @Test("a long finished sentence is prose; a long unfinished title or a short sentence is not")
    func prose() {
        let sentence = Array(repeating: "كلمة", count: 34).joined(separator: " ") + "."
        #expect(ProseHeading.isProse(sentence))
        #expect(!ProseHeading.isProse(String(sentence.dropLast())))
        #expect(!ProseHeading.isProse("جملة قصيرة تنتهي بنقطة."))
    }
}

@Suite("Layout tables")
struct LayoutTableTests {
    static func tables(_ blocks: [Block]) -> Int {
        blocks.reduce(0) { count, block in
            switch block {
            case .table: count + 1
            case .section(let section): count + tables(section.children)
            default: count
            }
        }
    }

    @Test("a grid of empty cells around one line of text is layout, not a data table")
    func oneFilledCell() throws {
        let prose = "<p>افتتحت المكتبة العامة قاعة جديدة للمطالعة تتسع لمئة قارئ وتفتح أبوابها كل يوم حتى منتصف الليل.</p>"
        let layout = "<table><tr><td></td><td>Click here to add a newspaper link</td></tr><tr><td>&nbsp;</td><td></td></tr></table>"
        let data = "<table><tr><th>اليوم</th><th>الساعات</th></tr><tr><td>السبت</td><td>9-12</td></tr></table>"
        let html = "<html><head><title>قاعة مطالعة جديدة في المكتبة العامة</title></head><body><article>\(prose)\(layout)\(prose)\(data)</article></body></html>"
        let document = try Maqal.parse(Array(html.utf8), options: ParseOptions(inputFormat: .html))
        #expect(Self.tables(document.body) == 1)
        #expect(!TextRenderer.render(document).contains("Click here"))
    }
}

@Suite("Page leads")
struct PageLeadTests {
    static let lead = "أطلقت البلدية حملة لزراعة ألف شجرة في أحياء المدينة قبل حلول الصيف بمشاركة المدارس والجمعيات."
    static let prose = "<p>وتبدأ الحملة من الحديقة المركزية يوم الجمعة المقبل، وتستمر ستة أسابيع تزرع خلالها أشجار الزيتون والخروب في الشوارع الرئيسية.</p><p>وقال رئيس البلدية إن كل مدرسة ستتبنى عشر أشجار وتعتني بها طوال العام الدراسي.</p>"

    static func page(body: String) -> String {
        """
        <html><head><title>حملة لزراعة ألف شجرة في المدينة</title><meta name="description" content="\(lead)"></head>
        <body><div class="top"><h1>حملة لزراعة ألف شجرة في المدينة</h1><p class="summary">\(lead)</p></div>
        <div class="content">\(body)</div></body></html>
        """
    }

    @Test("the description shown under the headline, outside the article's text, is the deck")
    func leadOutsideRoot() throws {
        let document = try Maqal.parse(Array(Self.page(body: Self.prose).utf8), options: ParseOptions(inputFormat: .html, explain: true))
        #expect(document.metadata.subtitles == [Self.lead])
        #expect(document.removed?.contains { $0.reason == "metadata.subtitle" && $0.text == Self.lead } == true)
    }

    @Test("a lead repeated as the first paragraph appears once")
    func repeatedLead() throws {
        let html = Self.page(body: "<p>\(Self.lead)</p>" + Self.prose)
        let document = try Maqal.parse(Array(html.utf8), options: ParseOptions(inputFormat: .html, explain: true))
        #expect(document.metadata.subtitles == [Self.lead])
        #expect(!TestSupport.bodyText(document).contains("أطلقت البلدية حملة"))
        #expect(document.removed?.contains { $0.reason == "duplicate.lead" } == true)
    }
}

@Suite("Link-dense prose")
struct LinkDenseProseTests {
    @Test("a paragraph of sentences whose words are mostly links stays; a paragraph of bare links goes")
    func wikiParagraph() throws {
        func link(_ text: String) -> String { "<a href=\"/wiki/\(text)\">\(text)</a>" }
        let prose = "<p>تشمل علوم البحار " + ["علم المحيطات", "الأحياء البحرية", "الجيولوجيا البحرية", "كيمياء المياه",
            "الأرصاد الجوية البحرية", "هندسة السواحل", "علم المد والجزر", "الملاحة"].map(link).joined(separator: " و") + ".</p>"
        let box = "<p>" + ["خبر أول عن البحر", "خبر ثان عن السواحل", "خبر ثالث عن الموانئ", "خبر رابع عن السفن",
            "خبر خامس عن الصيد"].map(link).joined(separator: " – ") + "</p>"
        let body = "<p>علوم البحار ميدان واسع يدرس المحيطات والبحار وما فيها من حياة وحركة، ويجمع بين علوم كثيرة تتعاون لفهم هذا العالم الأزرق الكبير.</p>"
        let html = "<html><head><title>علوم البحار</title></head><body><article><h1>علوم البحار</h1>\(body)\(prose)\(box)\(body.replacingOccurrences(of: "ميدان واسع", with: "مجال قديم"))</article></body></html>"
        let document = try Maqal.parse(Array(html.utf8), options: ParseOptions(inputFormat: .html))
        let text = TestSupport.bodyText(document)
        #expect(text.contains("تشمل علوم البحار"))
        #expect(!text.contains("خبر ثالث عن الموانئ"))
    }
}
