import Foundation
import Testing

@testable import Maqal

/// `maqal warc` on WARC files the test builds, with every kind of record a crawl holds.
@Suite("maqal warc")
struct WarcCommandTests {
    let binary = TestSupport.binary

    /// The crawl: which ids are pages, in order.
    struct Crawl {
        var builder = WARCBuilder()
        var pages: [String] = []
    }

    static func crawl() -> Crawl {
        var crawl = Crawl()
        var warc = WARCBuilder()
        warc.add("warcinfo", contentType: "application/warc-fields", block: Array("software: test\r\n".utf8))
        warc.add("request", uri: "https://example.com/utf8", contentType: "application/http; msgtype=request",
                 block: Array("GET /utf8 HTTP/1.1\r\n\r\n".utf8))
        crawl.pages.append(warc.response(uri: "https://example.com/utf8", headers: ["Content-Type: text/html; charset=UTF-8"],
                                         body: Array(WARCBuilder.article(1).utf8)))
        // windows-1256 named only by the HTTP header: no <meta> in the page.
        crawl.pages.append(warc.response(uri: "https://example.com/cp1256", headers: ["Content-Type: text/html; charset=windows-1256"],
                                         body: CodePage.windows1256.encode(WARCBuilder.article(2))!))
        crawl.pages.append(warc.response(uri: "https://example.com/chunked",
                                         headers: ["Content-Type: text/html", "Transfer-Encoding: chunked"],
                                         body: WARCBuilder.chunked(Array(WARCBuilder.article(3).utf8), size: 50)))
        crawl.pages.append(warc.response(uri: "https://example.com/gzip",
                                         headers: ["Content-Type: text/html", "Content-Encoding: gzip"],
                                         body: Deflate.compress(Array(WARCBuilder.article(4).utf8))))
        // Common Crawl: stored decoded, the original headers renamed.
        crawl.pages.append(warc.response(uri: "https://example.com/cc",
                                         headers: ["Content-Type: text/html", "X-Crawler-Content-Encoding: gzip",
                                                   "X-Crawler-Transfer-Encoding: chunked"],
                                         body: Array(WARCBuilder.article(5).utf8)))
        let cut = Array(WARCBuilder.article(6).utf8)
        crawl.pages.append(warc.response(uri: "https://example.com/truncated", headers: ["Content-Type: text/html"],
                                         body: Array(cut.prefix(cut.count - 120)), extra: ["WARC-Truncated: length"]))
        warc.add("revisit", uri: "https://example.com/utf8", contentType: "application/http; msgtype=response",
                 block: Array("HTTP/1.1 304 Not Modified\r\n\r\n".utf8),
                 extra: ["WARC-Profile: http://netpreserve.org/warc/1.0/revisit/identical-payload-digest"])
        warc.response(uri: "https://example.com/logo.png", headers: ["Content-Type: image/png"],
                      body: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13])
        warc.response(uri: "https://example.com/missing", headers: ["Content-Type: text/html"],
                      body: Array("<html><body><p>not found</p></body></html>".utf8), status: "404 Not Found")
        warc.add("metadata", uri: "https://example.com/utf8", contentType: "application/warc-fields",
                 block: Array("fetchTimeMs: 12\r\n".utf8))
        crawl.pages.append(warc.add("resource", uri: "file:///saved/page.html", contentType: "text/html",
                                    block: Array(WARCBuilder.article(7).utf8)))
        crawl.builder = warc
        return crawl
    }

    func write(_ bytes: [UInt8], suffix: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("maqal-\(UUID().uuidString)\(suffix)")
        try Data(bytes).write(to: url)
        return url
    }

    static func answers(_ stdout: String) throws -> [[String: Any]] {
        try RecordsTests.answers(stdout)
    }

    @Test("one line per HTML page, in file order, each decoded right; the rest counted on stderr")
    func wholeCrawl() throws {
        let crawl = Self.crawl()
        let url = try write(crawl.builder.gzipped, suffix: ".warc.gz")
        defer { try? FileManager.default.removeItem(at: url) }
        let result = try TestSupport.run(binary, ["warc", url.path, "--jobs", "2"])
        #expect(result.status == 0, "\(result.stderr)")
        let answers = try Self.answers(result.stdout)
        #expect(answers.map { $0["id"] as? String } == crawl.pages)
        for (n, answer) in answers.enumerated() {
            let document = try #require(answer["document"] as? [String: Any])
            let title = (document["metadata"] as? [String: Any])?["title"] as? String
            #expect(title == "مقال رقم \([1, 2, 3, 4, 5, 6, 7][n]) عن الساعات المائية", "\(answer["url"] ?? "")")
        }
        let sources = answers.compactMap { ($0["document"] as? [String: Any])?["source"] as? [String: Any] }
        #expect(sources[1]["encoding"] as? String == "windows-1256")
        #expect(sources[1]["encodingFrom"] as? String == "http")
        let warc = try #require(sources[0]["warc"] as? [String: Any])
        #expect(warc["recordId"] as? String == crawl.pages[0])
        #expect(warc["targetURI"] as? String == "https://example.com/utf8")
        #expect((warc["date"] as? String)?.hasPrefix("2025-03-0") == true)
        #expect(warc["truncated"] is NSNull)
        #expect((sources[5]["warc"] as? [String: Any])?["truncated"] as? String == "length")
        let diagnostics = (answers[5]["document"] as? [String: Any])?["diagnostics"] as? [[String: Any]] ?? []
        #expect(diagnostics.contains { $0["id"] as? String == "warc.truncated" })
        #expect(answers[0]["url"] as? String == "https://example.com/utf8")
        #expect(result.stderr.contains("13 records, 7 answered"))
        for skipped in ["1 warcinfo", "1 request", "1 revisit", "1 metadata", "1 non-html", "1 http-status"] {
            #expect(result.stderr.contains(skipped), "\(skipped) in \(result.stderr)")
        }
    }

    @Test("a corrupt member is reported on stderr and the pages after it still come, exit 0")
    func corruptMember() throws {
        let crawl = Self.crawl()
        var members = crawl.builder.gzipMembers
        // Member 3 is the windows-1256 page.
        for index in 12..<40 { members[3][index] ^= 0x33 }
        let url = try write(members.flatMap { $0 }, suffix: ".warc.gz")
        defer { try? FileManager.default.removeItem(at: url) }
        let result = try TestSupport.run(binary, ["warc", url.path, "--fields", "title"])
        #expect(result.status == 0)
        let ids = try Self.answers(result.stdout).map { $0["id"] as? String }
        #expect(ids == crawl.pages.filter { $0 != crawl.pages[1] })
        let offset = members[0..<3].map(\.count).reduce(0, +)
        #expect(result.stderr.contains("\(url.path): at byte \(offset): a corrupt gzip member"))
        #expect(result.stderr.contains("1 damaged"))
    }

    @Test("a plain WARC on standard input, filtered to Arabic flat fields")
    func plainOnStdin() throws {
        let crawl = Self.crawl()
        let result = try TestSupport.run(binary, ["warc", "-", "--fields", "text,language", "--language", "ar"],
                                         stdin: Data(crawl.builder.plain))
        #expect(result.status == 0)
        let answers = try Self.answers(result.stdout)
        #expect(answers.count == crawl.pages.count)
        #expect(answers.allSatisfy { ($0["text"] as? String)?.contains("الساعات المائية") == true })
    }

    @Test("a file that cannot be opened is an error, the others are still read, exit 1")
    func missingFile() throws {
        let url = try write(Self.crawl().builder.gzipped, suffix: ".warc.gz")
        defer { try? FileManager.default.removeItem(at: url) }
        let result = try TestSupport.run(binary, ["warc", "/nonexistent.warc.gz", url.path, "--fields", "title"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("maqal: /nonexistent.warc.gz: no such file"))
        #expect(try Self.answers(result.stdout).count == Self.crawl().pages.count)
    }

    @Test("-q drops the summary, -v names each record passed over; records says nothing on stderr unless -v")
    func quietAndVerbose() throws {
        let crawl = Self.crawl()
        let url = try write(crawl.builder.gzipped, suffix: ".warc.gz")
        defer { try? FileManager.default.removeItem(at: url) }
        let quiet = try TestSupport.run(binary, ["warc", url.path, "--fields", "title", "-q"])
        #expect(quiet.status == 0 && quiet.stderr.isEmpty, "\(quiet.stderr)")
        #expect(try Self.answers(quiet.stdout).count == crawl.pages.count)
        let verbose = try TestSupport.run(binary, ["warc", url.path, "--fields", "title", "-v"])
        #expect(verbose.stderr.contains("passed over (request)"))
        #expect(verbose.stderr.contains("passed over (non-html)"))
        #expect(verbose.stderr.contains("13 records, 7 answered"))
        let line = Data((RecordsTests.line(["id": "a", "text": "نص قصير للتجربة."]) + "\n").utf8)
        #expect(try TestSupport.run(binary, ["records"], stdin: line).stderr.isEmpty)
        #expect(try TestSupport.run(binary, ["records", "-v"], stdin: line).stderr == "maqal: records: 1 lines answered\n")
    }
}
