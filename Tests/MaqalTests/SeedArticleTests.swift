import Foundation
import Testing

@testable import Maqal

/// The article maqal was started from (`../shared/corpus/text/seed-microsoft-openai.txt`) must
/// come out with exactly the structure a reader sees in it.
@Suite("Seed article", .enabled(if: TestSupport.corpusAvailable, "../shared/corpus is missing: the seed article lives there"))
struct SeedArticleTests {
    static let url = TestSupport.corpus.appendingPathComponent("text/seed-microsoft-openai.txt")

    func document() throws -> Document {
        try Maqal.parse(TestSupport.bytes(Self.url), name: Self.url.lastPathComponent)
    }

    @Test("title and the two subtitles")
    func titleAndSubtitles() throws {
        let document = try document()
        #expect(document.metadata.title == "مايكروسوفت و OpenAI: 5 اتفاقات سرية لضمان الوصول إلى تقنيات الذكاء الاصطناعي")
        #expect(document.metadata.subtitles == [
            "مستقبل الذكاء الاصطناعي: مايكروسوفت و OpenAI على مفترق طرق",
            "مايكروسوفت OpenAI: سباق الريادة في الذكاء الاصطناعي يشتعل",
        ])
    }

    @Test("nine section headings in order")
    func headings() throws {
        let document = try document()
        let headings = TestSupport.headings(document.body)
        let prefixes = ["نشأة الشراكة:", "التحديات المتزايدة:", "إعادة التفاوض على الشراكة:", "النقاط الرئيسية في المفاوضات:",
                        "المخاطر والتحديات:", "السيناريوهات المحتملة:", "تأثيرات على الصناعة:",
                        "مستقبل الذكاء الاصطناعي: نظرة عامة", "الخلاصة: على حافة التغيير"]
        #expect(headings.count == 9)
        for (heading, prefix) in zip(headings, prefixes) {
            #expect(heading.hasPrefix(prefix))
        }
        #expect(headings[2].hasSuffix("؟") && headings[5].hasSuffix("؟") && headings[6].hasSuffix("؟"))
        // Every top-level block is a level-2 section: nothing stands before the first heading.
        #expect(document.body.allSatisfy { if case .section(let section) = $0 { section.level == 2 } else { false } })
    }

    @Test("fifteen paragraphs, list introductions included")
    func paragraphs() throws {
        let document = try document()
        let paragraphs = TestSupport.paragraphs(document.body)
        #expect(paragraphs.count == 15)
        #expect(paragraphs.filter { $0.text.hasSuffix(":") }.count == 3)
    }

    @Test("four bullet lists of five term items")
    func lists() throws {
        let document = try document()
        let lists = TestSupport.lists(document.body)
        #expect(lists.count == 4)
        for list in lists {
            #expect(!list.ordered)
            #expect(list.items.count == 5)
            #expect(list.items.allSatisfy { $0.term != nil && $0.marker == "•" })
        }
        #expect(lists[0].items.map(\.term) == ["الوصول إلى التقنية", "حصة الإيرادات", "الاستقلالية", "السلامة والأمان",
                                               "هيكل الملكية"])
    }

    @Test("the illustration line is a figure caption, nothing else")
    func figure() throws {
        let document = try document()
        let caption = "مايكروسوفت OpenAI - صورة توضيحية"
        #expect(TestSupport.figures(document.body).map(\.caption) == [caption])
        #expect(!TestSupport.headings(document.body).contains(caption))
        #expect(!TestSupport.paragraphs(document.body).contains { $0.text == caption })
        #expect(!TestSupport.lists(document.body).flatMap(\.items).contains { $0.text == caption })
    }

    @Test("table of contents and site furniture are gone")
    func boilerplate() throws {
        let document = try document()
        let json = JSONRenderer.render(document)
        for phrase in ["جدول المحتوي", "مقالات ذات صلة", "زر الذهاب إلى الأعلى"] {
            #expect(!json.contains(phrase), "\(phrase) is still in the output")
        }
    }
}
