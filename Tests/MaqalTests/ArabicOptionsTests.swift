import Foundation
import Testing

@testable import Maqal

/// Normalisation views, per-block direction, dates with precision and honest counts (issue 7).
@Suite("Arabic options")
struct ArabicOptionsTests {
    // MARK: - Normalisation

    @Test("each normalisation step on real strings", arguments: [
        (Normalization.nfc, "ا\u{0654}حمد", "أحمد"),
        (.presentationForms, "ﻻ إله إلا ﷲ", "لا إله إلا الله"),
        (.presentationForms, "ﺍﻟﻤﻘﺪﻣﺔ", "المقدمة"),
        (.presentationForms, "مئة ﷼", "مئة ريال"),
        (.presentationForms, "حرف \u{FE70}", "حرف \u{064B}"),
        (.tatweel, "الســـلام عليكم", "السلام عليكم"),
        (.tatweel, "عام 1445 هـ", "عام 1445 هـ"),
        (.tatweel, "بـ الأمس", "بـ الأمس"),
        (.diacritics, "عِلْمٌ نَافِعٌ وَهٰذا", "علم نافع وهذا"),
        (.diacriticsKeepShadda, "إنَّ الحقَّ", "إنّ الحقّ"),
        (.digitsASCII, "سنة ٢٠٢٤ و۱۴۰۲", "سنة 2024 و1402"),
        (.digitsArabic, "سنة 2024", "سنة ٢٠٢٤"),
        (.bidiControls, "\u{200F}Apple\u{200E} \u{202B}تعلن\u{202C}", "Apple تعلن"),
        (.invisibles, "كلمة\u{200B}ثانية\u{00A0}و\u{00AD}ثالثة", "كلمةثانية وثالثة"),
        (.search, "أعلنت الشركةُ الإماراتية عن ٣٫٥ مليون ومستشفى آخر", "اعلنت الشركه الاماراتيه عن 3.5 مليون ومستشفي اخر"),
    ])
    func steps(_ step: Normalization, _ input: String, _ expected: String) {
        #expect(TextNormalizer([step]).apply(input) == expected)
    }

    @Test("separators convert only with the separators option and only between digits")
    func separators() {
        #expect(TextNormalizer([.digitsASCII]).apply("٣٫٥ و١٬٢٠٠") == "3٫5 و1٬200")
        #expect(TextNormalizer([.digitsASCII, .separators]).apply("٣٫٥ و١٬٢٠٠") == "3.5 و1,200")
        #expect(TextNormalizer([.digitsArabic, .separators]).apply("3.5, و1,200.") == "٣٫٥, و١٬٢٠٠.")
    }

    @Test("ZWNJ and ZWJ are never removed: Persian words and emoji keep them", arguments: [
        [Normalization.search], [.invisibles, .bidiControls], [.diacritics, .tatweel],
    ])
    func joiners(_ steps: [Normalization]) {
        let persian = "می\u{200C}خواهم"
        let family = "👨\u{200D}👩\u{200D}👧"
        #expect(TextNormalizer(steps).apply(persian).contains("\u{200C}"))
        #expect(TextNormalizer(steps).apply(family) == family)
    }

    @Test("by default Persian, Urdu and Arabic text come out byte-true", arguments: [
        "کتاب‌های فارسی را می‌خوانم و ۱۴۰۲ سال خوبی بود.",
        "پاکستان نے آئرلینڈ کو 7 وکٹوں سے شکست دی ہے۔",
        "إنَّ الحقَّ أبلجُ، والباطلَ لجلج ـــ ١٢٣ ﻻ",
    ])
    func byteTrueByDefault(_ sentence: String) throws {
        let document = try TestSupport.parse("العنوان\n\n" + sentence + "\n")
        #expect(TestSupport.paragraphs(document.body).map(\.text) == [sentence])
        #expect(document.source.normalization.isEmpty)
    }

    @Test("normalisation reaches titles, inlines and metadata, and is recorded in source")
    func appliedEverywhere() throws {
        let html = """
            <html><head><title>العنوانُ</title><meta name="keywords" content="x"></head><body><article>
            <p>فقرةٌ فيها <a href="/a">رابطٌ</a> و<strong>كلمةٌ</strong> ثانيةٌ، وتكفي لتكون نصاً، وتنتهي هنا.</p></article></body></html>
            """
        let document = try Maqal.parse(Array(html.utf8), name: "x.html",
                                       options: ParseOptions(normalization: [.diacritics, .nfc]))
        #expect(document.metadata.title == "العنوان")
        let paragraph = try #require(TestSupport.paragraphs(document.body).first)
        #expect(!paragraph.text.unicodeScalars.contains { ArabicScalar.isHaraka($0.value) })
        #expect(paragraph.inlines?.contains(.strong([.text("كلمة")])) == true)
        #expect(document.source.normalization == [.nfc, .diacritics])
    }

    @Test("an unknown --normalize name is a usage error listing the valid names")
    func unknownName() throws {
        let result = try TestSupport.run(TestSupport.binary, ["x.txt", "--normalize", "nfc,fancy"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("unknown --normalize name 'fancy'"))
        #expect(result.stderr.contains("presentation-forms"))
    }

    // MARK: - Direction and language

    @Test("language from the script: Arabic, Persian and Urdu told apart", arguments: [
        ("الحكومة تعلن عن خطة جديدة لدعم المزارعين في المناطق الريفية هذا العام.", "ar"),
        ("کتاب‌های فارسی را می‌خوانم و این کتاب را دوست دارم چون خیلی زیباست.", "fa"),
        ("پاکستان نے آئرلینڈ کو سات وکٹوں سے شکست دے کر سیریز برابر کردی ہے۔", "ur"),
    ])
    func language(_ text: String, _ expected: String) throws {
        let document = try TestSupport.parse(text + "\n\n" + text + "\n")
        #expect(document.metadata.language == expected)
        #expect(document.metadata.direction == .rtl)
    }

    @Test("a block whose direction differs from the document's says so; the rest say nothing")
    func blockDirection() throws {
        let text = """
            العنوان

            فقرة عربية عادية تماماً وتنتهي هنا.

            This quotation is in English and reads left to right.

            ChatGPT يتفوق على النماذج الأخرى في اختبارات اللغة العربية.
            """
        let document = try TestSupport.parse(text)
        let paragraphs = TestSupport.paragraphs(document.body)
        #expect(paragraphs.map(\.dir) == [nil, .ltr, nil])
        let markdown = MarkdownRenderer.render(document, options: .init(rtlMarks: true))
        #expect(markdown.contains("\n\u{200F}ChatGPT يتفوق"))
        #expect(!markdown.contains("\u{200F}This quotation"))
        #expect(!MarkdownRenderer.render(document).contains("\u{200F}"))
        let frontMatter = MarkdownRenderer.render(document, options: .init(frontMatter: true))
        #expect(frontMatter.contains("\nlang: \"ar\"\n") && frontMatter.contains("\ndir: \"rtl\"\n"))
    }

    // MARK: - Dates

    @Test("dates keep only the precision the source gives, and where they came from")
    func precision() throws {
        let head = """
            <title>خبر</title><meta property="article:published_time" content="2024-03">
            <script type="application/ld+json">{"@type":"NewsArticle","dateModified":"2024-03-15T10:30:00+03:00"}</script>
            """
        let html = "<html><head>\(head)</head><body><article><p>\(String(repeating: "كلمة ", count: 30)).</p></article></body></html>"
        let document = try Maqal.parse(Array(html.utf8), name: "x.html")
        #expect(document.metadata.published == "2024-03")
        #expect(document.metadata.modified == "2024-03-15T10:30:00+03:00")
        #expect(document.metadata.dates.map(\.from) == [.meta, .jsonLD])
        #expect(document.metadata.dates.first?.text == "2024-03")
    }

    @Test("a Hijri-only date is converted with Umm al-Qura and keeps its words")
    func hijri() throws {
        let document = try TestSupport.parse("العنوان\n\n٢ رمضان ١٤٤٥ هـ\n\nنص المقال.\n")
        #expect(document.metadata.published == "2024-03-12")
        let record = try #require(document.metadata.dates.first)
        #expect(record.calendar == .hijri)
        #expect(record.text == "٢ رمضان ١٤٤٥ هـ")
    }

    @Test("relative dates resolve only against the page's save time, and are approximate")
    func relative() throws {
        let body = "<h1>خبر</h1><span>منذ ساعتين</span><div><p>\(String(repeating: "كلمة ", count: 30)).</p></div>"
        let saved = "<html><head><title>خبر</title></head><body><!-- saved date: Sat Mar 16 2024 01:15:00 GMT+0300 -->\(body)</body></html>"
        let resolved = try Maqal.parse(Array(saved.utf8), name: "x.html")
        #expect(resolved.metadata.published == "2024-03-15")
        #expect(resolved.metadata.dates.first?.approximate == true)
        let unsaved = try Maqal.parse(Array("<html><head><title>خبر</title></head><body>\(body)</body></html>".utf8), name: "x.html")
        #expect(unsaved.metadata.published == nil)
        #expect(unsaved.metadata.dates.first?.text == "منذ ساعتين")
        #expect(unsaved.metadata.dates.first?.value == nil)
    }

    @Test("relative expressions", arguments: [
        ("منذ ساعتين", 7200.0), ("منذ 5 دقائق", 300), ("منذ دقيقة", 60), ("قبل يومين", 172_800), ("أمس", 86_400),
        ("أول أمس", 172_800), ("منذ 3 أسابيع", 1_814_400), ("الآن", 0),
    ])
    func relativeExpressions(_ text: String, _ seconds: Double) {
        #expect(RelativeDate.secondsAgo(in: text) == seconds)
    }

    @Test("relative words inside ordinary sentences are not dates", arguments: ["قبل الحرب", "منذ البداية", "أمسية شعرية"])
    func notRelative(_ text: String) {
        #expect(RelativeDate.secondsAgo(in: text) == nil)
    }

    // MARK: - Counts

    @Test("counts against hand-counted passages", arguments: [
        // 12 words: clitics stay attached, the number is one word, Latin words count.
        ("وقال الوزير إن الحكومة ستطلق 3 مشاريع جديدة مع Microsoft في 2025.", 12, 1.0),
        // 6 words, all Latin: the share of Arabic letters is 0.
        ("The quick brown fox jumps over.", 6, 0.0),
    ])
    func counts(_ sentence: String, _ words: Int, _ share: Double) throws {
        let document = try TestSupport.parse("\n" + sentence + "\n")
        #expect(document.stats.words == words)
        #expect(document.stats.readingMinutes == 1)
        if share == 1.0 {
            #expect(document.stats.arabicShare > 0.8)
        } else {
            #expect(document.stats.arabicShare == share)
        }
    }

    @Test("--wpm changes the reading time")
    func wordsPerMinute() throws {
        let text = "العنوان\n\n" + String(repeating: "كلمة ", count: 400) + ".\n"
        let fast = try Maqal.parse(Array(text.utf8), options: ParseOptions(inputFormat: .text, wordsPerMinute: 400))
        let slow = try Maqal.parse(Array(text.utf8), options: ParseOptions(inputFormat: .text))
        #expect(fast.stats.readingMinutes == 1)
        #expect(slow.stats.readingMinutes == 3)
    }
}
