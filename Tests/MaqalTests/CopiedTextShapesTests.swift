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
}
