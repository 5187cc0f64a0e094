import Foundation

/// Writes WARC files for the tests (none are checked in): records with the headers a crawler
/// writes, each as its own gzip member or all in one plain file.
struct WARCBuilder {
    private(set) var members: [[UInt8]] = []
    var version = "WARC/1.0"
    private var counter = 0

    /// Adds a record of `type` with `block` as its content block; extra WARC headers after the usual ones.
    @discardableResult
    mutating func add(
        _ type: String, uri: String? = nil, contentType: String? = nil, block: [UInt8], extra: [String] = []
    ) -> String {
        counter += 1
        let id = "<urn:uuid:00000000-0000-4000-8000-\(String(format: "%012d", counter))>"
        var header = ["\(version)", "WARC-Type: \(type)", "WARC-Record-ID: \(id)", "WARC-Date: 2025-03-0\(counter % 9 + 1)T10:00:00Z"]
        if let uri { header.append("WARC-Target-URI: \(uri)") }
        if let contentType { header.append("Content-Type: \(contentType)") }
        header += extra
        header.append("Content-Length: \(block.count)")
        members.append(Array((header.joined(separator: "\r\n") + "\r\n\r\n").utf8) + block + Array("\r\n\r\n".utf8))
        return id
    }

    /// Adds an HTTP `response` record; `headers` are the HTTP header lines.
    @discardableResult
    mutating func response(uri: String, headers: [String], body: [UInt8], status: String = "200 OK", extra: [String] = []) -> String {
        let http = Array((["HTTP/1.1 \(status)"] + headers).joined(separator: "\r\n").utf8) + Array("\r\n\r\n".utf8) + body
        return add("response", uri: uri, contentType: "application/http; msgtype=response", block: http, extra: extra)
    }

    /// One gzip member per record, as Common Crawl writes them.
    var gzipped: [UInt8] { members.flatMap { Deflate.compress($0) } }
    /// The gzip members one by one (to damage one of them).
    var gzipMembers: [[UInt8]] { members.map { Deflate.compress($0) } }
    /// A plain `.warc`.
    var plain: [UInt8] { members.flatMap { $0 } }

    /// An Arabic article page, its title and paragraphs numbered by `n`.
    static func article(_ n: Int, head: String = "") -> String {
        """
        <!doctype html><html lang="ar"><head>\(head)<title>مقال رقم \(n) عن الساعات المائية</title></head>
        <body><article><h1>مقال رقم \(n) عن الساعات المائية</h1>
        <p>عرفت الحضارة العربية الساعات المائية منذ قرون، وكتب الجزري عنها كتاباً مفصلاً في الحيل الهندسية.</p>
        <p>وكانت الساعة تقيس الوقت بسيلان الماء من إناء إلى آخر، فتتحرك التماثيل وتدق الأجراس عند كل ساعة.</p>
        </article></body></html>
        """
    }

    /// Chunked transfer coding of `body` in pieces of `size` bytes.
    static func chunked(_ body: [UInt8], size: Int = 100) -> [UInt8] {
        var output: [UInt8] = []
        var index = 0
        while index < body.count {
            let piece = body[index..<min(body.count, index + size)]
            output += Array((String(piece.count, radix: 16) + "\r\n").utf8) + piece + Array("\r\n".utf8)
            index += size
        }
        return output + Array("0\r\n\r\n".utf8)
    }
}
