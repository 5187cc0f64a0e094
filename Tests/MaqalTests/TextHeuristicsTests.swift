import Foundation
import Testing

@testable import Maqal

/// One heuristic of the plain-text reader per test, each with a table of cases and near-misses.
@Suite("Text heuristics")
struct TextHeuristicsTests {
    // MARK: - List markers

    @Test("list markers in every digit system, abjad letters and bullets", arguments: [
        ("• بند أول", "•", ListMarker.Kind.bullet, 0, "بند أول"),
        ("- بند", "-", .bullet, 0, "بند"),
        ("ـ بند بالتطويل", "ـ", .bullet, 0, "بند بالتطويل"),
        ("◄ بند", "◄", .bullet, 0, "بند"),
        ("1. بند", "1.", .number, 1, "بند"),
        ("12- بند", "12-", .number, 12, "بند"),
        ("3) بند", "3)", .number, 3, "بند"),
        ("(2) بند", "(2)", .number, 2, "بند"),
        ("١- بند أول", "١-", .number, 1, "بند أول"),
        ("٢) بند", "٢)", .number, 2, "بند"),
        ("۴. بند", "۴.", .number, 4, "بند"),
        ("1ـ المقدمة", "1ـ", .number, 1, "المقدمة"),
        ("أ) بند", "أ)", .letter, 1, "بند"),
        ("ب- بند", "ب-", .letter, 2, "بند"),
        ("هـ) بند", "هـ)", .letter, 5, "بند"),
        ("ج. بند", "ج.", .letter, 3, "بند"),
    ])
    func markers(_ line: String, _ text: String, _ kind: ListMarker.Kind, _ value: Int, _ rest: String) throws {
        let marker = try #require(ListMarker.parse(line))
        #expect(marker.text == text)
        #expect(marker.kind == kind)
        #expect(marker.value == value)
        #expect(marker.rest == rest)
    }

    @Test("numbers, dates and words that only look like markers", arguments: [
        "1.5 مليون دولار", "2024-03-12 تاريخ", "والحكومة قالت", "-5 درجات تحت الصفر", "***", "---", "أن الوزير قال",
        "1234. رقم طويل", "•", "12:30 موعد",
    ])
    func notMarkers(_ line: String) {
        #expect(ListMarker.parse(line) == nil)
    }

    // MARK: - Terms

    @Test("term: description items", arguments: [
        ("الوصول إلى التقنية: تسعى الشركة إلى ضمان الوصول.", "الوصول إلى التقنية"),
        ("كمون: ملعقة صغيرة.", "كمون"),
        ("Mac: تطبيق Finder المدمج.", "Mac"),
        ("قال الوزير: «سنواصل العمل».", nil),
        ("وأكد المدير: إن النتائج جيدة.", nil),
        ("هذه جملة طويلة جداً فيها أكثر من خمس كلمات قبل النقطتين: ثم وصف.", nil),
        ("الموعد 10:30 صباحاً", nil),
        ("بند بلا نقطتين", nil),
        ("المصدر: وكالات", nil),
    ] as [(String, String?)])
    func terms(_ item: String, _ term: String?) {
        #expect(ItemTerm.term(of: item) == term)
    }

    // MARK: - Captions

    @Test("lines that name an illustration", arguments: [
        ("مايكروسوفت OpenAI - صورة توضيحية", true),
        ("صورة: طبق من الشوفان مع الموز", true),
        ("الصورة: طبق شوربة العدس", true),
        ("(صورة أرشيفية)", true),
        ("عمال يفرزون التمور في المصنع (صورة أرشيفية)", true),
        ("صورة أرشيفية لطائر الحبارى في البرية", true),
        ("صورة المرأة في الأدب العربي الحديث", false),
        ("كيف تلتقط صورة جميلة بهاتفك؟", false),
        ("التقط المصور صورة للحادث ونشرها على الفور في الصحيفة، ثم غادر المكان مسرعاً قبل وصول الشرطة.", false),
    ])
    func captions(_ line: String, _ isCaption: Bool) {
        #expect(CaptionCue.isCaption(line) == isCaption)
    }

    // MARK: - Metadata lines

    @Test("bylines, dates, sources and tags become metadata", arguments: [
        ("بقلم: سامر الحلبي", TextCues.Field.author, "سامر الحلبي"),
        ("كتب: أحمد علي", .author, "أحمد علي"),
        ("الكاتب: هالة يوسف", .author, "هالة يوسف"),
        ("بقلم فلان الفلاني", .author, "فلان الفلاني"),
        ("المصدر: وكالات", .source, "وكالات"),
        ("الوسوم: تاريخ، علوم، الجزري", .tags, "تاريخ، علوم، الجزري"),
        ("الكلمات المفتاحية: a, b", .tags, "a, b"),
        ("تاريخ النشر: ١٥ مارس ٢٠٢٤", .published, "١٥ مارس ٢٠٢٤"),
        ("آخر تحديث: 10 سبتمبر 2023", .modified, "10 سبتمبر 2023"),
    ])
    func metadataLines(_ line: String, _ field: TextCues.Field, _ value: String) throws {
        let read = try #require(MetadataLine.read(line))
        #expect(read.field == field)
        #expect(read.value == value)
    }

    @Test("prose that starts like a label is not metadata", arguments: [
        "كتب الروائي في مذكراته أن الحياة في القرية كانت هادئة وبسيطة وبعيدة عن ضجيج المدن الكبرى.",
        "تاريخ المغرب العربي",
        "المصدر الرئيسي للطاقة في البلاد هو النفط",
        "القسم الأكبر من الطلاب",
    ])
    func notMetadata(_ line: String) {
        #expect(MetadataLine.read(line) == nil)
    }

    @Test("a byline with a date after a dash gives both")
    func combinedByline() {
        let lines = MetadataLine.readAll("بقلم: سمير الخطيب - التاريخ: 2003/11/04")
        #expect(lines.map(\.field) == [.author, .published])
        var metadata = Metadata()
        for line in lines { _ = line.apply(to: &metadata) }
        #expect(metadata.authors == ["سمير الخطيب"])
        #expect(metadata.published == "2003-11-04")
    }

    // MARK: - Whole-text behaviour

    func outline(_ text: String) throws -> [String] {
        TestSupport.outline(try TestSupport.parse(text).body)
    }

    @Test("a short unpunctuated line between blank lines, followed by text, is a heading")
    func heading() throws {
        let text = "العنوان الرئيسي\n\nفقرة تمهيدية تكفي لتكون نصاً.\n\nالفصل الأول\n\nنص الفصل الأول هنا وهو طويل بما يكفي.\n"
        #expect(try outline(text) == ["p فقرة تمهيدية تكفي لتكون نصاً.", "h2 الفصل الأول", "  p نص الفصل الأول هنا وهو طويل بما يكفي."])
    }

    @Test("near-misses stay paragraphs", arguments: [
        // One short sentence with a period.
        ("العنوان\n\nنص أول.\n\nهذه جملة قصيرة.\n\nنص آخر طويل بعدها.\n", "p هذه جملة قصيرة."),
        // A colon line that introduces a list.
        ("العنوان\n\nنص أول.\n\nتتضمن الخطة ما يلي:\n\n- بند أول\n- بند ثان\n", "p تتضمن الخطة ما يلي:"),
        // A short line at the very end has no body after it.
        ("العنوان\n\nنص أول.\n\nشكراً لكم\n", "p شكراً لكم"),
    ])
    func nearMisses(_ text: String, _ expected: String) throws {
        #expect(try outline(text).contains(expected))
    }

    @Test("question headings and ordinal headings")
    func questionAndOrdinal() throws {
        let text = "العنوان\n\nمقدمة قصيرة.\n\nما هي فوائد الخس؟\n\nفوائده كثيرة.\n\nأولاً: الماء\nيحتوي الخس على الماء.\n"
        let lines = try outline(text)
        #expect(lines.contains("h2 ما هي فوائد الخس؟"))
        #expect(lines.contains("h2 أولاً: الماء"))
    }

    @Test("a dash inside a sentence is not a list")
    func dashInSentence() throws {
        let lines = try outline("العنوان\n\nقال المدير - كما أوضح البيان - إن العمل مستمر.\n")
        #expect(lines == ["p قال المدير - كما أوضح البيان - إن العمل مستمر."])
    }

    @Test("consecutive marker lines form one list; indentation nests")
    func nestedList() throws {
        let text = "العنوان\n\nالبنود:\n\n1- الأول\n   • فرعي أ\n   • فرعي ب\n2- الثاني\n3- الثالث\n"
        #expect(try outline(text) == [
            "p البنود:", "ol 1", "  - الأول", "    ul", "      - فرعي أ", "      - فرعي ب", "  - الثاني", "  - الثالث",
        ])
    }

    @Test("abjad lists are ordered; a lone letter line is text")
    func abjad() throws {
        #expect(try outline("العنوان\n\nأ) الأول\nب) الثاني\n") == ["ol 1", "  - الأول", "  - الثاني"])
        #expect(try outline("العنوان\n\nب. بداية جملة عادية هنا.\n") == ["p ب. بداية جملة عادية هنا."])
    }

    @Test("hard-wrapped lines join with one space; punctuated lines stay apart")
    func hardWrap() throws {
        let wrapped = "العنوان\n\nهذه فقرة طويلة كتبت على عدة أسطر في محرر نصوص قديم\nيقطع الأسطر عند عرض ثابت دون أن يهتم\nبنهاية الجملة.\n"
        #expect(try outline(wrapped) == [
            "p هذه فقرة طويلة كتبت على عدة أسطر في محرر نصوص قديم يقطع الأسطر عند عرض ثابت دون أن يهتم بنهاية الجملة.",
        ])
        let separate = "العنوان\n\nالجملة الأولى تنتهي بنقطة.\nوالجملة الثانية في سطر آخر.\n"
        #expect(try outline(separate).count == 2)
    }

    @Test("CRLF, CR, BOM, tabs and NBSP never reach the output")
    func lineEndings() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("العنوان\r\n\r\nفقرة\u{00A0}\u{00A0}فيها\tمسافات.\rسطر آخر.\n".utf8)
        let document = try Maqal.parse(bytes, options: ParseOptions(inputFormat: .text))
        #expect(document.metadata.title == "العنوان")
        #expect(TestSupport.outline(document.body) == ["p فقرة فيها مسافات.", "p سطر آخر."])
        #expect(document.source.encodingFrom == .bom)
    }

    @Test("table-of-contents entries go, the headings they repeat stay")
    func tableOfContents() throws {
        let text = "العنوان\n\n📋 جدول المحتويات\n• المقدمة\n• الخاتمة\n\nالمقدمة\n\nنص المقدمة.\n\nالخاتمة\n\nنص الخاتمة.\n"
        #expect(try outline(text) == ["h2 المقدمة", "  p نص المقدمة.", "h2 الخاتمة", "  p نص الخاتمة."])
    }

    @Test("boilerplate matches every spelling and the output keeps the original text", arguments: [
        "اقرأ أيضاً: عنوان مقال آخر", "اقرأ أيضًا: عنوان مقال آخر", "اقرا ايضا عنوان مقال آخر", "إقرأ أيضا: عنوان",
        "زر الذهاب إلى الأعلى", "جميع الحقوق محفوظة © 2024", "تابعونا على فيسبوك", "شارك المقال",
    ])
    func boilerplate(_ line: String) throws {
        let lines = try outline("العنوان\n\nفقرة أولى.\n\n\(line)\n\nفقرة ثانية.\n")
        #expect(lines == ["p فقرة أولى.", "p فقرة ثانية."])
    }

    @Test("a related-posts box at the end goes with its entries")
    func relatedBox() throws {
        let text = "العنوان\n\nفقرة المقال الوحيدة هنا.\n\nمقالات ذات صلة\n\nمقال أول عن شيء\nمقال ثان عن شيء آخر\n"
        #expect(try outline(text) == ["p فقرة المقال الوحيدة هنا."])
    }

    @Test("metadata lines at the top and bottom leave the body")
    func metadata() throws {
        let text = "العنوان\n\nبقلم: فلان الفلاني\n١٥ مارس ٢٠٢٤\n\nنص المقال.\n\nالمصدر: وكالات\nالوسوم: أ، ب، ج\n"
        let document = try TestSupport.parse(text)
        #expect(document.metadata.authors == ["فلان الفلاني"])
        #expect(document.metadata.published == "2024-03-15")
        #expect(document.metadata.site == "وكالات")
        #expect(document.metadata.tags == ["أ", "ب", "ج"])
        #expect(TestSupport.outline(document.body) == ["p نص المقال."])
    }

    @Test("title and subtitles: lines in the title's group, and heading lines before the byline")
    func subtitles() throws {
        let document = try TestSupport.parse("العنوان\nعنوان فرعي أول\n\nعنوان فرعي ثان\n\nكتب: فلان\n\nنص.\n")
        #expect(document.metadata.title == "العنوان")
        #expect(document.metadata.subtitles == ["عنوان فرعي أول", "عنوان فرعي ثان"])
    }

    @Test("a text that starts with prose has no title rather than an invented one")
    func noTitle() throws {
        let document = try TestSupport.parse("هذه فقرة تبدأ بها المقالة مباشرة، وهي جملة كاملة تنتهي بنقطة.\n")
        #expect(document.metadata.title == nil)
        #expect(TestSupport.paragraphs(document.body).count == 1)
    }

    // MARK: - Counting

    @Test("orthographic words: clitics not split, digit groups one word, Latin counted", arguments: [
        ("وسيكتبونها", 1), ("ذهب الولد إلى المدرسة", 4), ("بلغت 1.5 مليون دولار", 4), ("أطلقت Apple هاتف iPhone 15", 5),
        ("الساعة ١٠:٣٠ صباحاً", 4), ("«قال»: نعم، لا؛ ربما؟", 4), ("می‌خواهم", 1), ("GPT-3", 2), ("", 0), ("— … ؟", 0),
        ("عِلْمٌ نَافِعٌ", 2), ("الســـلام", 1),
    ])
    func words(_ text: String, _ count: Int) {
        #expect(WordCounter.count(text) == count)
    }

    @Test("reading time: 180 words a minute, rounded up, at least one")
    func readingTime() throws {
        let words = Array(repeating: "كلمة", count: 181).joined(separator: " ") + "."
        let document = try TestSupport.parse("العنوان\n\n" + words + "\n")
        #expect(document.stats.words == 181)
        #expect(document.stats.readingMinutes == 2)
        let short = try TestSupport.parse("العنوان\n\nكلمتان فقط.\n")
        #expect(short.stats.readingMinutes == 1)
    }

    @Test("matching keys fold spelling variants", arguments: [
        ("اقرأ أيضاً", "اقرا ايضا"), ("إقرأ أيضًا", "اقرا ايضا"), ("الخـــلاصـة", "الخلاصه"), ("ﺍﻟﻤﻘﺪﻣﺔ", "المقدمه"),
        ("📋جدول المحتوي:", "جدول المحتوي"), ("١٥ مارس", "15 مارس"), ("دیسمبر", "ديسمبر"),
    ])
    func keys(_ text: String, _ key: String) {
        #expect(ArabicKey.make(text) == key)
    }
}
