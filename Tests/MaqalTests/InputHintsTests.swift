import Testing

@testable import Maqal

/// What a container or a transport says about the bytes (``InputHints``): a charset named in an
/// HTTP header or an MHTML part, and the address the page came from.
@Suite("Input hints")
struct InputHintsTests {
    let text = DecodeTests.sample

    @Test func httpCharsetDecidesBetweenArabicCodePages() throws {
        // ISO-8859-6 bytes with no <meta>: sniffing alone could read them either way; the header settles it.
        let bytes = DecodeTests.bytes(DecodeTests.page("", text), .iso88596)
        let document = try Maqal.parse(bytes, hints: InputHints(charset: "ISO-8859-6", charsetFrom: .http))
        #expect(document.source.encoding == .iso88596)
        #expect(document.source.encodingFrom == .http)
        #expect(document.metadata.title == text)
    }

    @Test func outsideCharsetOutranksTheMetaTag() throws {
        let bytes = DecodeTests.bytes(DecodeTests.page(#"<meta charset="iso-8859-6">"#, text), .windows1256)
        let document = try Maqal.parse(bytes, hints: InputHints(charset: "windows-1256", charsetFrom: .declared))
        #expect(document.source.encoding == .windows1256)
        #expect(document.source.encodingFrom == .declared)
        #expect(document.metadata.title == text)
    }

    @Test func validUTF8WinsOverAWrongHeader() throws {
        let bytes = DecodeTests.bytes(DecodeTests.page("", text), .utf8)
        let document = try Maqal.parse(bytes, hints: InputHints(charset: "windows-1256", charsetFrom: .http))
        #expect(document.source.encoding == .utf8)
        #expect(document.metadata.title == text)
    }

    @Test func pageURLIsTheFallbackURLAndLinkBase() throws {
        let html = """
            <html><head><title>\(text)</title></head><body><article><p>\(text) <a href="/other/page">\(text)</a> \(text)</p></article></body></html>
            """
        let document = try Maqal.parse(Array(html.utf8), hints: InputHints(url: "https://example.com/news/1"))
        #expect(document.metadata.url == "https://example.com/news/1")
        #expect(JSONRenderer.render(document, compact: true).contains(#""href":"https://example.com/other/page""#))
    }

    @Test func canonicalURLStaysFirst() throws {
        let html = #"<html><head><link rel="canonical" href="https://site.example/a"></head><body><p>\#(text)</p></body></html>"#
        let document = try Maqal.parse(Array(html.utf8), hints: InputHints(url: "https://mirror.example/a"))
        #expect(document.metadata.url == "https://site.example/a")
    }

    @Test func textInputTakesTheURL() throws {
        let document = try Maqal.parse(Array("\(text)\n\n\(text)\n".utf8), hints: InputHints(url: "https://example.com/t"))
        #expect(document.metadata.url == "https://example.com/t")
    }

    @Test("a relative date is counted back from the fetch time when the page records no save time")
    func relativeDateFromFetchTime() throws {
        let body = "<h1>خبر</h1><span>منذ ساعتين</span><div><p>\(String(repeating: "كلمة ", count: 30)).</p></div>"
        let html = Array("<html><head><title>خبر</title></head><body>\(body)</body></html>".utf8)
        // 01:00 UTC minus two hours is the day before.
        let fetched = try Maqal.parse(html, name: "x.html", hints: InputHints(fetched: "2025-03-01T01:00:00Z"))
        #expect(fetched.metadata.published == "2025-02-28")
        #expect(fetched.metadata.dates.first?.approximate == true)
        // In the fetch time's own offset, two hours before 05:00+03:00 is still the same day.
        let local = try Maqal.parse(html, name: "x.html", hints: InputHints(fetched: "2025-03-01T05:00:00+03:00"))
        #expect(local.metadata.published == "2025-03-01")
        let unknown = try Maqal.parse(html, name: "x.html", hints: InputHints(fetched: "not a date"))
        #expect(unknown.metadata.published == nil)
    }
}
