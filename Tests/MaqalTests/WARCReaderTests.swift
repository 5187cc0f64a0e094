import Foundation
import Testing

@testable import Maqal

/// WARC files built by the tests, read back: each kind of record Common Crawl writes, and damage.
@Suite("WARC reader")
struct WARCReaderTests {
    static func items(_ bytes: [UInt8], recordLimit: Int = WARCReader.defaultRecordLimit) -> [WARCReader.Item] {
        let reader = WARCReader(bytes: bytes, recordLimit: recordLimit)
        var items: [WARCReader.Item] = []
        while let item = reader.next() { items.append(item) }
        return items
    }

    static func records(_ items: [WARCReader.Item]) -> [WARCRecord] {
        items.compactMap { if case .record(let record) = $0 { record } else { nil } }
    }

    static func damages(_ items: [WARCReader.Item]) -> [WARCDamage] {
        items.compactMap { if case .damaged(let damage) = $0 { damage } else { nil } }
    }

    /// A small crawl: warcinfo, request, response, metadata, as Common Crawl orders them.
    static func crawl(version: String = "WARC/1.0") -> WARCBuilder {
        var warc = WARCBuilder()
        warc.version = version
        warc.add("warcinfo", contentType: "application/warc-fields", block: Array("software: test\r\n".utf8))
        warc.add("request", uri: "https://example.com/1", contentType: "application/http; msgtype=request",
                 block: Array("GET /1 HTTP/1.1\r\nHost: example.com\r\n\r\n".utf8))
        warc.response(uri: "https://example.com/1", headers: ["Content-Type: text/html; charset=utf-8"],
                      body: Array(WARCBuilder.article(1).utf8))
        warc.add("metadata", uri: "https://example.com/1", contentType: "application/warc-fields",
                 block: Array("fetchTimeMs: 12\r\n".utf8))
        return warc
    }

    @Test("gzip per member and plain read the same records, WARC/1.0 and 1.1", arguments: ["WARC/1.0", "WARC/1.1"])
    func gzipAndPlain(version: String) {
        let warc = Self.crawl(version: version)
        for bytes in [warc.gzipped, warc.plain] {
            let items = Self.items(bytes)
            let records = Self.records(items)
            #expect(Self.damages(items).isEmpty)
            #expect(records.map(\.type) == ["warcinfo", "request", "response", "metadata"])
            #expect(records.allSatisfy { $0.version == version })
            #expect(records[2].targetURI == "https://example.com/1")
            #expect(records[2].recordID == "<urn:uuid:00000000-0000-4000-8000-000000000003>")
            #expect(String(decoding: records[2].block, as: UTF8.self).contains("الساعات المائية"))
        }
    }

    @Test("the file is read in chunks: a record larger than a chunk comes back whole")
    func largeRecordAcrossChunks() {
        var warc = WARCBuilder()
        let body = Array(String(repeating: WARCBuilder.article(2), count: 2200).utf8)
        #expect(body.count > 1 << 20)
        warc.response(uri: "https://example.com/big", headers: ["Content-Type: text/html"], body: body)
        warc.response(uri: "https://example.com/small", headers: ["Content-Type: text/html"], body: Array("<p>x</p>".utf8))
        for bytes in [warc.gzipped, warc.plain] {
            let records = Self.records(Self.items(bytes))
            #expect(records.count == 2)
            #expect(HTTPResponse.parse(records[0].block)?.body == body)
            #expect(records[1].targetURI == "https://example.com/small")
        }
    }

    @Test("a block over the limit is skipped unread and the next record still comes")
    func recordLimit() {
        var warc = WARCBuilder()
        warc.response(uri: "https://example.com/big", headers: ["Content-Type: text/html"],
                      body: [UInt8](repeating: UInt8(ascii: "a"), count: 5000))
        warc.response(uri: "https://example.com/next", headers: ["Content-Type: text/html"], body: Array("<p>x</p>".utf8))
        let records = Self.records(Self.items(warc.plain, recordLimit: 1000))
        #expect(records.map(\.blockTooLarge) == [true, false])
        #expect(records[1].targetURI == "https://example.com/next")
    }

    @Test("a corrupt gzip member is reported with its offset and the next member is read")
    func corruptMember() {
        let members = Self.crawl().gzipMembers
        var broken = members[1]
        for index in 12..<min(broken.count - 8, 40) { broken[index] ^= 0x5A }
        let items = Self.items(members[0] + broken + members[2] + members[3])
        let damages = Self.damages(items)
        #expect(damages.count == 1)
        #expect(damages.first?.offset == members[0].count)
        #expect(damages.first?.message.contains("corrupt gzip member") == true)
        #expect(Self.records(items).map(\.type) == ["warcinfo", "response", "metadata"])
    }

    @Test("bytes that are not gzip between members are stepped over")
    func garbageBetweenMembers() {
        let members = Self.crawl().gzipMembers
        let items = Self.items(members[0] + Array("garbage that is not a member".utf8) + members[2])
        #expect(Self.damages(items).count == 1)
        #expect(Self.records(items).map(\.type) == ["warcinfo", "response"])
    }

    @Test("a file cut inside a gzip member says so, after the whole records before it")
    func cutMember() {
        let members = Self.crawl().gzipMembers
        let cut = members[0] + members[1] + members[2].prefix(members[2].count / 2)
        let items = Self.items(Array(cut))
        #expect(Self.records(items).map(\.type) == ["warcinfo", "request"])
        #expect(Self.damages(items).map(\.message) == ["the file ends inside a gzip member"])
        #expect(Self.damages(items).first?.offset == members[0].count + members[1].count)
    }

    @Test("a plain WARC with a broken header resynchronises on the next WARC/1. line")
    func plainResync() {
        let warc = Self.crawl()
        var bytes = warc.members[0] + Array("WARC/1.0\r\nWARC-Type: response\r\nContent-Length: x\r\n\r\nbody\r\n\r\n".utf8)
        bytes += warc.members[2]
        let items = Self.items(bytes)
        #expect(Self.records(items).map(\.type) == ["warcinfo", "response"])
        #expect(Self.damages(items).map(\.message) == ["a WARC record without a valid Content-Length"])
        #expect(Self.damages(items).first?.offset == warc.members[0].count)
    }

    @Test("a plain WARC cut inside a record says so")
    func plainCut() {
        let warc = Self.crawl()
        let items = Self.items(warc.members[0] + warc.members[2].prefix(300))
        #expect(Self.records(items).map(\.type) == ["warcinfo"])
        #expect(Self.damages(items).map(\.message) == ["the file ends inside a record"])
    }

    @Test("reading from a file descriptor streams every record, across the reader's chunks")
    func descriptor() throws {
        var warc = WARCBuilder()
        for n in 0..<2200 {
            warc.response(uri: "https://example.com/\(n)", headers: ["Content-Type: text/html"],
                          body: Array(WARCBuilder.article(n * 7919).utf8))
        }
        let bytes = warc.gzipped
        #expect(bytes.count > 1 << 20)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("maqal-\(UUID().uuidString).warc.gz")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let descriptor = open(url.path, O_RDONLY)
        defer { close(descriptor) }
        let reader = WARCReader(descriptor: descriptor)
        var uris: [String] = []
        while case .record(let record)? = reader.next() { uris.append(record.targetURI ?? "") }
        #expect(uris == (0..<2200).map { "https://example.com/\($0)" })
        #expect(reader.bytesRead == bytes.count)
    }
}

extension WARCReaderTests {
    @Test("damaged files (bytes flipped, cut, spliced) never stop the reader, and every record it returns is whole",
          arguments: [false, true])
    func mutants(compressed: Bool) {
        var warc = Self.crawl()
        warc.response(uri: "https://example.com/chunked", headers: ["Transfer-Encoding: chunked", "Content-Encoding: gzip"],
                      body: WARCBuilder.chunked(Deflate.compress(Array(WARCBuilder.article(9).utf8)), size: 40))
        let original = compressed ? warc.gzipped : warc.plain
        var random = SeededGenerator("WARC mutants, \(compressed ? "gzip" : "plain")")
        for _ in 0..<300 {
            var bytes = original
            switch random.next() % 3 {
            case 0:
                for _ in 0..<(1 + random.next() % 8) {
                    bytes[Int(random.next() % UInt64(bytes.count))] ^= UInt8(truncatingIfNeeded: random.next() | 1)
                }
            case 1:
                bytes = Array(bytes.prefix(Int(random.next() % UInt64(bytes.count))))
            default:
                let start = Int(random.next() % UInt64(bytes.count))
                let end = min(bytes.count, start + Int(random.next() % 200))
                bytes.removeSubrange(start..<end)
            }
            let items = Self.items(bytes)
            #expect(items.count <= 40)
            for record in Self.records(items) {
                #expect(record.block.count == Int(record.headers["Content-Length"] ?? "") ?? -1)
                if WARCPayload.pageTypes.contains(record.type) { _ = WARCPayload.page(of: record) }
            }
        }
    }
}

/// HTTP responses inside WARC records: status, headers, de-chunking, content decoding, charset.
@Suite("HTTP response")
struct HTTPResponseTests {
    let body = Array(WARCBuilder.article(3).utf8)

    static func message(_ headers: [String], _ body: [UInt8], status: String = "200 OK") -> [UInt8] {
        Array((["HTTP/1.1 \(status)"] + headers).joined(separator: "\r\n").utf8) + Array("\r\n\r\n".utf8) + body
    }

    @Test func statusHeadersAndCharset() throws {
        let response = try #require(HTTPResponse.parse(Self.message(["Content-Type: text/html; charset=\"windows-1256\""], body)))
        #expect(response.status == 200)
        #expect(response.mediaType == "text/html")
        #expect(response.charset == "windows-1256")
        #expect(response.body == body)
    }

    @Test func chunkedIsUndone() throws {
        let message = Self.message(["Transfer-Encoding: chunked"], WARCBuilder.chunked(body, size: 77))
        let response = try #require(HTTPResponse.parse(message))
        #expect(response.body == body)
        #expect(response.notes.isEmpty)
    }

    @Test func chunkedCutShortKeepsWhatCame() throws {
        let chunked = WARCBuilder.chunked(body, size: 100)
        let response = try #require(HTTPResponse.parse(Self.message(["Transfer-Encoding: chunked"], Array(chunked.prefix(250)))))
        #expect(body.starts(with: response.body) && response.body.count >= 100)
        #expect(response.notes == ["the chunked payload ends before its last chunk"])
    }

    @Test(arguments: [("gzip", Deflate.Wrapper.gzip), ("deflate", .zlib), ("deflate", .raw)])
    func contentEncodingIsInflated(encoding: String, wrapper: Deflate.Wrapper) throws {
        let message = Self.message(["Content-Encoding: \(encoding)"], Deflate.compress(body, wrapper: wrapper))
        #expect(try #require(HTTPResponse.parse(message)).body == body)
    }

    @Test func gzipThenChunked() throws {
        let message = Self.message(["Transfer-Encoding: chunked", "Content-Encoding: gzip"],
                                   WARCBuilder.chunked(Deflate.compress(body), size: 64))
        #expect(try #require(HTTPResponse.parse(message)).body == body)
    }

    @Test("Common Crawl's renamed headers: the payload is stored decoded and kept as it is")
    func commonCrawlRenamedHeaders() throws {
        let message = Self.message(["X-Crawler-Transfer-Encoding: chunked", "X-Crawler-Content-Encoding: gzip",
                                    "Content-Type: text/html"], body)
        let response = try #require(HTTPResponse.parse(message))
        #expect(response.body == body)
        #expect(response.notes.isEmpty)
    }

    @Test func gzipHeaderOnADecodedPayloadKeepsIt() throws {
        let response = try #require(HTTPResponse.parse(Self.message(["Content-Encoding: gzip"], body)))
        #expect(response.body == body)
    }

    @Test func notHTTP() {
        #expect(HTTPResponse.parse(Array("GET / HTTP/1.1\r\n\r\n".utf8)) == nil)
    }
}
