import Foundation
import Testing

@testable import Maqal

/// `--explain` and `maqal explain` as a user runs them, and the explain view itself.
@Suite("Explain")
struct ExplainTests {
    let binary = TestSupport.binary
    let text = TestSupport.fixtures.appendingPathComponent("text/01-ordinal-headings-water-clocks.txt").path
    let html = TestSupport.fixtures.appendingPathComponent("html/01-wordpress-news.html").path

    @Test("maqal explain lists each removal on one line: reason, place, characters, text")
    func explainText() throws {
        let result = try TestSupport.run(binary, ["explain", text])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("\(text): 13 removed, 351 characters; the body keeps") == true)
        #expect(lines.contains("metadata.byline  line 4   19  الكاتب: سامر الحلبي"))
        #expect(lines.contains("lexicon.box      line 45  14  مقالات ذات صلة"))
        #expect(lines.last?.hasPrefix("by reason: toc 5×, 126 characters; lexicon.box 4×, 98 characters") == true)
    }

    @Test("maqal explain on HTML names element paths and shortens long texts; --full prints them whole")
    func explainHTML() throws {
        let short = try TestSupport.run(binary, ["explain", html])
        #expect(short.status == 0)
        let line = try #require(short.stdout.split(separator: "\n").first { $0.hasPrefix("furniture.comments") })
        #expect(line.contains("div#comments"))
        #expect(line.hasSuffix("…"))
        let full = try TestSupport.run(binary, ["explain", html, "--full"])
        let whole = try #require(full.stdout.split(separator: "\n").first { $0.hasPrefix("furniture.comments") })
        #expect(!whole.hasSuffix("…"))
        #expect(whole.count > line.count)
    }

    @Test("--explain adds removed to the JSON; without it the JSON has no such key")
    func jsonFlag() throws {
        let plain = try TestSupport.run(binary, [text, "--format", "json"])
        #expect(!plain.stdout.contains("\"removed\""))
        let explained = try TestSupport.run(binary, [text, "--format", "json", "--explain"])
        #expect(explained.status == 0)
        let document = try JSONDecoder().decode(Document.self, from: Data(explained.stdout.utf8))
        let removed = try #require(document.removed)
        #expect(removed.count == 13)
        #expect(removed.first == Removal(text: "الكاتب: سامر الحلبي", reason: "metadata.byline", at: "line 4"))
    }

    @Test("Markdown and text output are the same with and without --explain")
    func renderersIgnoreRemoved() throws {
        for format in ["markdown", "text"] {
            let plain = try TestSupport.run(binary, [html, "--format", format])
            let explained = try TestSupport.run(binary, [html, "--format", format, "--explain"])
            #expect(plain.stdout == explained.stdout, "\(format)")
        }
    }

    @Test("maqal explain on a missing file is a clear error, exit 1")
    func missing() throws {
        let result = try TestSupport.run(binary, ["explain", "/nonexistent/page.html"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "maqal: /nonexistent/page.html: no such file\n")
    }

    @Test("the schema lists removed with its four fields")
    func schema() throws {
        let result = try TestSupport.run(binary, ["schema"])
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let properties = try #require(schema["properties"] as? [String: Any])
        let removed = try #require(properties["removed"] as? [String: Any])
        let items = try #require(removed["items"] as? [String: Any])
        #expect((items["required"] as? [String]) == ["text", "chars", "reason", "at"])
        #expect((schema["required"] as? [String])?.contains("removed") == false)
    }

    @Test("the explain view says when a document was parsed without explain")
    func withoutExplain() throws {
        let document = try TestSupport.parse("عنوان\n\nنص قصير من سطر واحد.\n")
        #expect(ExplainRenderer.render(document).hasSuffix("parsed without explain; nothing was recorded\n"))
        #expect(ExplainRenderer.shorten("أبجد هوز حطي", to: 5) == "أبجد…")
    }
}
