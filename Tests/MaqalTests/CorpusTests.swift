import Foundation
import Testing

@testable import Maqal

/// Every real page in `../shared/corpus`: it parses, decodes cleanly, has a title and a body,
/// its date matches the truth where there is one, and the text overlap with the truth is reported.
@Suite("Real pages", .enabled(if: TestSupport.corpusAvailable, "../shared/corpus is missing: the real-page tests need it beside the repository"))
struct CorpusTests {
    static func pages(_ folders: [String]) -> [String] {
        folders.flatMap { folder -> [String] in
            let url = TestSupport.corpus.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            return names.filter { $0.hasSuffix(".html") || $0.hasSuffix(".txt") }.sorted().map { "\(folder)/\($0)" }
        }
    }

    static let htmlPages = pages(["html", "legacy-encoding"])

    /// Mojibake tell-tales that must never survive (ARABIC.md §1.5).
    static let mojibake = ["Ø§", "Ã˜", "ط§ظ„", "Ù„", "ظٹ"]

    /// The page's structure truth (`Benchmarks/structure-truth/NAME.json`), if it has one.
    static func structureTruth(_ path: String) -> [String: Any]? {
        let stem = (path as NSString).lastPathComponent.split(separator: ".").dropLast().joined(separator: ".")
        let url = TestSupport.root.appendingPathComponent("Benchmarks/structure-truth/\(stem).json")
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    }

    /// Whether the structure truth gives the page (`folder/NAME.html`) a `null` title.
    static func truthHasNoTitle(_ path: String) -> Bool {
        guard let truth = structureTruth(path) else { return false }
        return truth.keys.contains("title") && truth["title"] is NSNull
    }

    /// Whether the structure truth judges the page no article: it leaves out the outline
    /// (`headings`) and judges only the title and the furniture.
    static func truthJudgesNoArticle(_ path: String) -> Bool {
        guard let truth = structureTruth(path) else { return false }
        return truth["headings"] == nil && truth["lists"] == nil
    }

    @Test("the corpus is whole: at least 20 HTML pages")
    func corpusPresent() {
        #expect(Self.htmlPages.count >= 20)
    }

    @Test("every page parses cleanly: no U+FFFD, no mojibake, a title, a body", arguments: htmlPages)
    func page(_ path: String) throws {
        let url = TestSupport.corpus.appendingPathComponent(path)
        let document = try Maqal.parse(TestSupport.bytes(url), name: url.lastPathComponent)
        let json = JSONRenderer.render(document)
        #expect(!json.contains("\u{FFFD}"))
        for pattern in Self.mojibake { #expect(!json.contains(pattern), "mojibake \(pattern)") }
        if Self.truthJudgesNoArticle(path) {
            // A directory page (its structure truth judges only title and furniture): an empty
            // body is right, and must be said.
            #expect(!document.body.isEmpty || document.diagnostics.contains { $0.id == .contentEmpty })
        } else {
            #expect(!document.body.isEmpty)
        }
        if document.source.format == .html {
            if Self.truthHasNoTitle(path) {
                // The structure truth read the page and found no headline (a test page titled only
                // with its encoding's name): maqal invents none.
                #expect(document.metadata.title == nil)
            } else {
                #expect(document.metadata.title?.isEmpty == false)
            }
        } else {
            // A text that opens with a paragraph has no title line; maqal does not invent one.
            #expect(document.metadata.title != nil || !TestSupport.paragraphs(document.body).isEmpty)
        }
        if path.hasPrefix("legacy-encoding/") {
            let expected: TextEncoding = path.contains("iso-8859-6") ? .iso88596 : .windows1256
            #expect(document.source.encoding == expected)
            // Decoded right means Arabic letters, not Latin-1 or Cyrillic look-alikes.
            let text = (document.metadata.title ?? "") + TestSupport.bodyText(document)
            #expect(text.unicodeScalars.contains { ArabicScalar.isArabicLetter($0.value) })
            #expect(!text.unicodeScalars.contains { (0xC0...0xFF).contains($0.value) || (0x0400...0x04FF).contains($0.value) })
        }
    }

    static let datedPages: [String] = {
        let truth = TestSupport.corpus.appendingPathComponent("truth")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: truth.path)) ?? []
        return names.filter { $0.hasSuffix(".date.json") || $0.hasSuffix(".fundus.json") }.sorted()
    }()

    @Test("published dates match the truth", arguments: datedPages)
    func dates(_ truthName: String) throws {
        let truthURL = TestSupport.corpus.appendingPathComponent("truth").appendingPathComponent(truthName)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: truthURL)) as? [String: Any] ?? [:]
        let expected: String
        if truthName.hasSuffix(".fundus.json") {
            expected = String((((object["V1"] as? [String: Any])?["publishing_date"] as? String) ?? "").prefix(10))
        } else {
            expected = ((object["record"] as? [String: Any])?["date"] as? String) ?? ""
        }
        let stem = truthName.components(separatedBy: ".").first!
        let page = TestSupport.corpus.appendingPathComponent("html/\(stem).html")
        let document = try Maqal.parse(TestSupport.bytes(page), name: page.lastPathComponent)
        #expect(document.metadata.published?.prefix(10) == Substring(expected), "\(stem)")
    }

    /// Pages whose truth holds the main text, and where it is.
    static let textTruth: [(page: String, truth: String)] = [
        ("mh-youm7-electric-taxi-2024", "magic-html"), ("mh-youm7-workers-greece-2024", "magic-html"),
        ("mh-urdupoint-cricket-URDU", "magic-html"), ("np4k-cnnarabic-syria-missiles", "text"),
        ("fundus-lbcgroup-trump-hair", "fundus"),
    ]

    @Test("main-text overlap with the truth (token F1) is reported and stays above make eval's floors")
    func textOverlap() throws {
        let minFloor = try TestSupport.evalFloor("minF1")
        let meanFloor = try TestSupport.evalFloor("meanF1")
        var scores: [Double] = []
        for (stem, kind) in Self.textTruth {
            let truthFolder = TestSupport.corpus.appendingPathComponent("truth")
            let truth: String
            switch kind {
            case "text":
                truth = try String(contentsOf: truthFolder.appendingPathComponent("\(stem).text.txt"), encoding: .utf8)
            case "fundus":
                let object = try JSONSerialization.jsonObject(with: Data(contentsOf: truthFolder.appendingPathComponent("\(stem).fundus.json"))) as? [String: Any]
                let sections = (((object?["V1"] as? [String: Any])?["body"] as? [String: Any])?["sections"] as? [[String: Any]]) ?? []
                truth = sections.flatMap { ($0["headline"] as? [String] ?? []) + ($0["paragraphs"] as? [String] ?? []) }
                    .joined(separator: "\n")
            default:
                let object = try JSONSerialization.jsonObject(with: Data(contentsOf: truthFolder.appendingPathComponent("\(stem).magic-html.json"))) as? [String: Any]
                truth = ((object?["record"] as? [String: Any])?["content"] as? String) ?? ""
            }
            let page = TestSupport.corpus.appendingPathComponent("html/\(stem).html")
            let document = try Maqal.parse(TestSupport.bytes(page), name: page.lastPathComponent)
            var found = TestSupport.bodyText(document)
            if let title = document.metadata.title, truth.prefix(600).contains(title.prefix(40)) { found = title + "\n" + found }
            let score = WordBag(truth).f1(with: WordBag(found))
            print("text F1 \(stem): \(String(format: "%.3f", score))")
            #expect(score >= minFloor, "\(stem) F1 \(score), floor \(minFloor)")
            scores.append(score)
        }
        let mean = scores.reduce(0, +) / Double(max(scores.count, 1))
        print("text F1 mean over \(scores.count) pages: \(String(format: "%.3f", mean))")
        #expect(mean >= meanFloor, "mean F1 \(mean), floor \(meanFloor)")
    }
}
