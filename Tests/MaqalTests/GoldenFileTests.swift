import Foundation
import Testing

@testable import Maqal

/// Whole articles in `Fixtures/` against their reviewed golden JSON and Markdown.
@Suite("Golden files")
struct GoldenFileTests {
    static let textFixtures = TestSupport.files(in: "text", extensions: ["txt"])
    static let htmlFixtures = TestSupport.files(in: "html", extensions: ["html", "htm"])

    @Test("there are enough fixtures of each kind")
    func fixtureCounts() {
        #expect(Self.textFixtures.count >= 8)
        #expect(Self.htmlFixtures.count >= 12)
    }

    @Test("text fixtures match their golden JSON and Markdown", arguments: textFixtures)
    func text(_ name: String) throws {
        try check(folder: "text", name: name)
    }

    @Test("HTML fixtures match their golden JSON and Markdown", arguments: htmlFixtures)
    func html(_ name: String) throws {
        try check(folder: "html", name: name)
    }

    private func check(folder: String, name: String) throws {
        let url = TestSupport.fixtures.appendingPathComponent(folder).appendingPathComponent(name)
        let document = try Maqal.parse(TestSupport.bytes(url), name: name)
        let stem = url.deletingPathExtension()
        let json = JSONRenderer.render(document) + "\n"
        let markdown = MarkdownRenderer.render(document)
        try expectGolden(json, at: stem.appendingPathExtension("expected.json"))
        try expectGolden(markdown, at: stem.appendingPathExtension("expected.md"))

        // The JSON is the contract: Foundation's decoder must read it back to the same tree.
        let decoded = try JSONDecoder().decode(Document.self, from: Data(json.utf8))
        #expect(decoded == document)
        // No BOM or CR ever reaches the output, and a replacement character only where the input
        // had bytes that were not valid in its encoding, which a diagnostic then says.
        let saidInvalid = document.diagnostics.contains { $0.id == "encoding.invalid-bytes" }
        #expect(!json.contains("\u{FEFF}") && !json.contains("\r"))
        #expect(json.contains("\u{FFFD}") == saidInvalid)
        #expect(!markdown.contains("\u{FEFF}") && !markdown.contains("\r"))
    }
}

/// Markdown is checked by the reference implementation: cmark-gfm parses it back and the
/// headings and list items it sees must be the ones in the tree.
@Suite("Markdown parse-back")
struct MarkdownParseBackTests {
    static let fixtures = TestSupport.files(in: "text", extensions: ["txt"]).map { "text/" + $0 }
        + TestSupport.files(in: "html", extensions: ["html", "htm"]).map { "html/" + $0 }

    @Test("cmark-gfm reads back the same headings and list items", arguments: fixtures)
    func parseBack(_ path: String) throws {
        guard let cmark = TestSupport.which("cmark-gfm") else {
            Issue.record("cmark-gfm is not installed (make deps installs it): the Markdown check cannot run")
            return
        }
        let document = try Maqal.parse(TestSupport.bytes(TestSupport.fixtures.appendingPathComponent(path)), name: path)
        let markdown = MarkdownRenderer.render(document)
        let result = try TestSupport.run(cmark, ["-e", "table", "-t", "xml"], stdin: Data(markdown.utf8))
        #expect(result.status == 0)
        let read = CommonMarkOutline(xml: result.stdout)

        var expectedHeadings: [String] = []
        if let title = document.metadata.title { expectedHeadings.append("1 " + title) }
        expectedHeadings += sectionHeadings(document.body)
        #expect(read.headings == expectedHeadings)
        #expect(read.items == listItems(document.body))
        #expect(read.tables == TestSupport.all(document.body) { if case .table = $0 { true } else { false } }.count)
    }

    private func sectionHeadings(_ blocks: [Block]) -> [String] {
        blocks.flatMap { block -> [String] in
            if case .section(let section) = block {
                return ["\(min(section.heading.level, 6)) " + section.heading.text] + sectionHeadings(section.children)
            }
            if case .quote(let quote) = block { return sectionHeadings(quote.children) }
            return []
        }
    }

    private func listItems(_ blocks: [Block]) -> [String] {
        blocks.flatMap { block -> [String] in
            switch block {
            case .section(let section): return listItems(section.children)
            case .quote(let quote): return listItems(quote.children)
            case .list(let list):
                return list.items.flatMap { item in [item.text] + listItems(item.children) }
            default: return []
            }
        }
    }
}

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Headings, list items and tables in cmark-gfm's XML, with the text a reader sees.
final class CommonMarkOutline: NSObject, XMLParserDelegate {
    private(set) var headings: [String] = []
    /// Each item's first paragraph, in document order.
    private(set) var items: [String] = []
    private(set) var tables = 0

    private var headingLevel: Int?
    private var headingText = ""
    private var openItems: [(index: Int, captured: Bool)] = []
    private var paragraphDepth = 0
    /// Inside `<text>` or `<code>`: the only elements whose characters are content.
    private var inText = false

    init(xml: String) {
        super.init()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = self
        _ = parser.parse()
    }

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch element {
        case "heading":
            headingLevel = Int(attributes["level"] ?? "") ?? 0
            headingText = ""
        case "item":
            items.append("")
            openItems.append((items.count - 1, false))
        case "paragraph":
            paragraphDepth += 1
        case "table":
            tables += 1
        case "text", "code":
            inText = true
        case "softbreak", "linebreak":
            append(" ")
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        switch element {
        case "heading":
            headings.append("\(headingLevel ?? 0) " + headingText)
            headingLevel = nil
        case "paragraph":
            paragraphDepth -= 1
            if let top = openItems.last, !top.captured { openItems[openItems.count - 1].captured = true }
        case "item":
            openItems.removeLast()
        case "text", "code":
            inText = false
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { append(string) }
    }

    private func append(_ string: String) {
        if headingLevel != nil { headingText += string }
        if let top = openItems.last, !top.captured, paragraphDepth > 0 { items[top.index] += string }
    }
}
