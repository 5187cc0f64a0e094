import Foundation

/// One line of `maqal records` input: `{"id", "url"?, "html"? | "text"? | "body_base64"?,
/// "content_type"?, "charset"?, "date"?}`; with `--framed`, a header line may give `"body_bytes": N`
/// (and `"body": "raw" | "html" | "text"`) instead, and the page is the N bytes after the line.
struct RecordRequest: Decodable {
    var id: RecordID
    var url: String?
    var html: String?
    var text: String?
    var bodyBase64: String?
    var contentType: String?
    var charset: String?
    /// When the page was fetched (ISO 8601): relative dates in the page are counted back from it.
    var date: String?
    /// `--framed`: the length of the page that follows the header line.
    var bodyBytes: Int?
    /// `--framed`: what the bytes after the header are; raw bytes when absent.
    var body: BodyKind?

    enum CodingKeys: String, CodingKey {
        case id, url, html, text
        case bodyBase64 = "body_base64"
        case contentType = "content_type"
        case charset, date
        case bodyBytes = "body_bytes"
        case body
    }

    /// What a framed body is, as the inline fields say it: `raw` bytes as `body_base64` would carry
    /// them (the HTTP charset, `<meta>` and sniffing apply), or already-decoded UTF-8 as `html` and
    /// `text` carry it (so a string the client decoded is never decoded again by a stale `<meta>`).
    enum BodyKind: String, Decodable {
        case raw, html, text
    }

    /// Only the length of a framed body, decoded apart from the rest of the header so that a header
    /// whose other fields are wrong still frames its body and the stream stays in step.
    private struct FrameLength: Decodable {
        var bodyBytes: Int?
        enum CodingKeys: String, CodingKey { case bodyBytes = "body_bytes" }
    }

    /// The frame a header line announces (``RecordProcessor/frame(of:)``).
    static func frame(of line: ArraySlice<UInt8>) -> RecordProcessor.Frame {
        guard let length = try? JSONDecoder().decode(FrameLength.self, from: Data(line)) else {
            return .unreadable("the header line is not a JSON object with a whole-number \"body_bytes\"")
        }
        guard let count = length.bodyBytes else { return .inline }
        guard count >= 0 else { return .unreadable("\"body_bytes\" is negative") }
        return .body(count)
    }

    /// What a line asks to be parsed: its bytes, how to read them and what the transport said.
    struct Page {
        var bytes: [UInt8]
        var format: ParseOptions.InputFormat
        var hints: InputHints
    }

    /// Why a line is not a record.
    struct Invalid: Error {
        var id: RecordID?
        var message: String
    }

    /// Reads one input line.
    static func decode(_ line: ArraySlice<UInt8>) -> Result<RecordRequest, Invalid> {
        do {
            return .success(try JSONDecoder().decode(RecordRequest.self, from: Data(line)))
        } catch DecodingError.keyNotFound(let key, _) where key.stringValue == "id" {
            return .failure(Invalid(id: nil, message: "the record has no \"id\""))
        } catch DecodingError.typeMismatch(_, let context) where !context.codingPath.isEmpty {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return .failure(Invalid(id: RecordID.find(in: line), message: "\"\(path)\" has the wrong type"))
        } catch DecodingError.valueNotFound(_, let context) where !context.codingPath.isEmpty {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return .failure(Invalid(id: RecordID.find(in: line), message: "\"\(path)\" has the wrong type"))
        } catch {
            return .failure(Invalid(id: RecordID.find(in: line), message: "the line is not a JSON object"))
        }
    }

    /// The page the record carries, or why there is none; `framed` is the body after a header line.
    func page(framed: [UInt8]? = nil) -> Result<Page, Invalid> {
        let hints = InputHints(url: url, fetched: date)
        if let framed {
            guard html == nil && text == nil && bodyBase64 == nil else {
                return .failure(Invalid(
                    id: id, message: "a framed record has \"html\", \"text\" or \"body_base64\" as well as a body"))
            }
            switch body ?? .raw {
            case .html: return .success(Page(bytes: framed, format: .html, hints: hints))
            case .text: return .success(Page(bytes: framed, format: .text, hints: hints))
            case .raw: return .success(rawPage(framed))
            }
        }
        if bodyBytes != nil || body != nil {
            return .failure(Invalid(id: id, message: "\"body_bytes\" and \"body\" frame a page only with --framed"))
        }
        switch (html, text, bodyBase64) {
        case (let html?, nil, nil):
            // Already text: its bytes are UTF-8 whatever the page once declared.
            return .success(Page(bytes: Array(html.utf8), format: .html, hints: hints))
        case (nil, let text?, nil):
            return .success(Page(bytes: Array(text.utf8), format: .text, hints: hints))
        case (nil, nil, let encoded?):
            guard let data = Data(base64Encoded: encoded, options: .ignoreUnknownCharacters) else {
                return .failure(Invalid(id: id, message: "\"body_base64\" is not base64"))
            }
            return .success(rawPage([UInt8](data)))
        case (nil, nil, nil):
            return .failure(Invalid(id: id, message: "the record has none of \"html\", \"text\" or \"body_base64\""))
        default:
            return .failure(Invalid(id: id, message: "the record has more than one of \"html\", \"text\" and \"body_base64\""))
        }
    }

    /// Raw bytes as a transport carries them (`body_base64`, a framed `raw` body): the charset of
    /// `content_type` (or `charset`) is the declared encoding, then `<meta>` and sniffing, as for a file.
    private func rawPage(_ bytes: [UInt8]) -> Page {
        let mediaType = contentType.map(HeaderFields.mediaType)
        var hints = InputHints(url: url, fetched: date)
        hints.charset = charset ?? contentType.flatMap(HeaderFields.charset)
        hints.charsetFrom = .http
        var format: ParseOptions.InputFormat = .auto
        if mediaType == "text/html" || mediaType == "application/xhtml+xml" { format = .html }
        if mediaType == "text/plain" { format = .text }
        return Page(bytes: bytes, format: format, hints: hints)
    }
}
