import Foundation
import Testing

@testable import Maqal

/// The model's walker and tree dump: one pass order for every reader of the tree.
@Suite("Model walk")
struct ModelWalkTests {
    static let sample = """
        الاجتماع السنوي

        قال المدير إن العام كان جيداً، وإن الأرباح ارتفعت كثيراً في الربع الأخير من السنة.

        أولاً: النتائج

        ارتفعت المبيعات في كل الفروع، وزاد عدد العملاء الجدد زيادة واضحة في الأشهر الستة الأخيرة.

        - المبيعات: ارتفعت بنسبة كبيرة
        - العملاء: زاد عددهم
        """

    @Test("the tree dump shows the title, sections, lists and items nested as parsed")
    func dump() throws {
        let document = try TestSupport.parse(Self.sample)
        #expect(document.debugDescription == """
            Document "الاجتماع السنوي"
              Paragraph "قال المدير إن العام كان جيداً، وإن الأرباح ارتفعت كثيراً في الربع الأخير من السنة."
              Section level: 2 "أولاً: النتائج"
                Paragraph "ارتفعت المبيعات في كل الفروع، وزاد عدد العملاء الجدد زيادة واضحة في الأشهر الستة الأخيرة."
                List ordered: false
                  Item marker: "-" term: "المبيعات" "المبيعات: ارتفعت بنسبة كبيرة"
                  Item marker: "-" term: "العملاء" "العملاء: زاد عددهم"
            """)
    }

    @Test("the walker meets every text once, in reading order, and the rewriter in the same order")
    func walkOrder() {
        let body: [Block] = [
            .section(Section(level: 2, heading: Heading(level: 2, text: "h"), children: [
                .paragraph(Paragraph(text: "p1")),
                .list(ListBlock(ordered: true, items: [
                    ListItem(text: "i1", children: [.quote(Quote(children: [.paragraph(Paragraph(text: "q"))]))]),
                    ListItem(text: "i2"),
                ])),
                .table(Table(caption: "t", header: [["a"]], rows: [["b"]])),
                .figure(Figure(caption: "f")),
                .code(CodeBlock(text: "c")),
            ])),
            .paragraph(Paragraph(text: "p2")),
        ]
        var texts: [String] = []
        BlockTexts.forEach(in: body) { texts.append($0) }
        #expect(texts == ["h", "p1", "i1", "q", "i2", "t", "a", "b", "f", "c", "p2"])

        struct Numberer: BlockRewriter {
            var count = 0
            mutating func rewriteHeading(_ heading: inout Heading) { heading.text += "#\(count)"; count += 1 }
            mutating func rewriteParagraph(_ paragraph: inout Paragraph) { paragraph.text += "#\(count)"; count += 1 }
            mutating func rewriteItem(_ item: inout ListItem) { item.text += "#\(count)"; count += 1 }
        }
        var numberer = Numberer()
        let numbered = numberer.rewriting(body)
        var rewritten: [String] = []
        BlockTexts.forEach(in: numbered) { rewritten.append($0) }
        #expect(rewritten == ["h#0", "p1#1", "i1#2", "q#3", "i2#4", "t", "a", "b", "f", "c", "p2#5"])
    }
}
