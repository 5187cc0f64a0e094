import Foundation

/// An HTTP response as a WARC `response` record holds it: status, headers and the payload, with
/// `Transfer-Encoding: chunked` undone and `Content-Encoding: gzip`/`deflate` inflated.
///
/// Common Crawl stores payloads already decoded and renames the headers that said otherwise to
/// `X-Crawler-Transfer-Encoding` and `X-Crawler-Content-Encoding`: only the real header names
/// are acted on, and a payload that does not have the shape its header claims is kept as it is.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: HeaderFields
    public var body: [UInt8]
    /// What was odd on the way (a chunked body cut short, a gzip payload that would not inflate).
    public var notes: [String]

    /// `Content-Type`'s media type, lowercased (`text/html`); `nil` when there is none.
    public var mediaType: String? { headers["Content-Type"].map(HeaderFields.mediaType) }
    /// `Content-Type`'s charset parameter.
    public var charset: String? { headers["Content-Type"].flatMap(HeaderFields.charset) }

    /// Reads a response message; `nil` when `message` does not start with an `HTTP/` status line.
    /// `limit` bounds the decoded payload.
    public static func parse(_ message: [UInt8], limit: Int = WARCReader.defaultRecordLimit) -> HTTPResponse? {
        guard message.starts(with: Array("HTTP/".utf8)) else { return nil }
        guard let lineEnd = message.firstIndex(of: UInt8(ascii: "\n")) else { return nil }
        let statusLine = String(decoding: message[..<lineEnd], as: UTF8.self)
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, let status = Int(parts[1]) else { return nil }
        // No blank line: all headers, no body.
        let (headerEnd, bodyStart) = HeaderFields.blankLine(in: message, from: lineEnd, end: message.count)
            ?? (message.count, message.count)
        var response = HTTPResponse(
            status: status, headers: HeaderFields.parse(message[(lineEnd + 1)..<headerEnd]),
            body: Array(message[bodyStart...]), notes: [])
        response.decodeTransfer(limit: limit)
        response.decodeContent(limit: limit)
        return response
    }

    private mutating func decodeTransfer(limit: Int) {
        guard let encoding = headers["Transfer-Encoding"]?.lowercased(), encoding.contains("chunked") else { return }
        switch Self.dechunk(body, limit: limit) {
        case .some(let decoded):
            if decoded.cut { notes.append("the chunked payload ends before its last chunk") }
            body = decoded.bytes
        case .none:
            notes.append("Transfer-Encoding says chunked but the payload is not: kept as it is")
        }
    }

    private mutating func decodeContent(limit: Int) {
        guard let encoding = headers["Content-Encoding"]?.lowercased().trimmingCharacters(in: .whitespaces),
            !encoding.isEmpty, encoding != "identity"
        else { return }
        let wrapper: Inflate.Wrapper
        switch encoding {
        case "gzip", "x-gzip":
            wrapper = .gzip
        case "deflate":
            // zlib-wrapped as the standard says, or bare deflate as some servers send it.
            wrapper = Self.startsWithZlibHeader(body) || Inflate.isGzip(body) ? .zlibOrGzip : .raw
        default:
            notes.append("Content-Encoding \(encoding) is not read: the payload is kept as it is")
            return
        }
        if wrapper == .gzip && !Inflate.isGzip(body) {
            // Stored decoded with the header left in place.
            return
        }
        let result = Inflate.stream(body[...], wrapper: wrapper, limit: limit)
        switch result.outcome {
        case .complete:
            body = result.bytes
        case .truncated, .tooLarge:
            notes.append("the \(encoding) payload is cut short: what could be inflated is kept")
            body = result.bytes
        case .corrupt(let message):
            if result.bytes.isEmpty {
                notes.append("the \(encoding) payload does not inflate (\(message)): kept as it is")
            } else {
                notes.append("the \(encoding) payload is damaged (\(message)): what could be inflated is kept")
                body = result.bytes
            }
        }
    }

    /// A zlib header: deflate as the method, and the two bytes a multiple of 31 (RFC 1950).
    private static func startsWithZlibHeader(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 2 else { return false }
        return bytes[0] & 0x0F == 8 && (UInt16(bytes[0]) << 8 | UInt16(bytes[1])) % 31 == 0
    }

    /// Undoes chunked transfer coding; `nil` when the bytes do not start with a chunk size line.
    /// A body that ends before the zero-size chunk keeps what it had (`cut`).
    static func dechunk(_ body: [UInt8], limit: Int) -> (bytes: [UInt8], cut: Bool)? {
        var output: [UInt8] = []
        output.reserveCapacity(body.count)
        var index = 0
        var first = true
        while true {
            guard let lineEnd = body[index...].firstIndex(of: UInt8(ascii: "\n")) else {
                return first ? nil : (output, true)
            }
            // The size in hex, then optional extensions after ";".
            var size = 0
            var digits = 0
            var cursor = index
            while cursor < lineEnd, let digit = hexValue(body[cursor]) {
                size = size &* 16 &+ digit
                digits += 1
                cursor += 1
                if digits > 15 { return first ? nil : (output, true) }
            }
            var rest = body[cursor..<lineEnd]
            if rest.last == 0x0D { rest = rest.dropLast() }
            guard digits > 0, rest.isEmpty || [UInt8(ascii: ";"), 0x20, 0x09].contains(rest.first!) else {
                return first ? nil : (output, true)
            }
            first = false
            index = lineEnd + 1
            if size == 0 { return (output, false) }
            let end = index + size
            if end > body.count || output.count + size > limit {
                output.append(contentsOf: body[index..<min(body.count, index + max(0, limit - output.count))])
                return (output, true)
            }
            output.append(contentsOf: body[index..<end])
            index = end
            // The CRLF after the chunk's data.
            if index < body.count && body[index] == 0x0D { index += 1 }
            if index < body.count && body[index] == 0x0A { index += 1 }
            if index >= body.count { return (output, true) }
        }
    }

    private static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(byte - UInt8(ascii: "A")) + 10
        default: nil
        }
    }
}
