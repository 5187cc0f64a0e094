import Foundation

/// One line of `maqal records` input: `{"id", "url"?, "html"? | "text"? | "body_base64"?,
/// "content_type"?, "charset"?, "date"?}`.
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

    enum CodingKeys: String, CodingKey {
        case id, url, html, text
        case bodyBase64 = "body_base64"
        case contentType = "content_type"
        case charset, date
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

    /// The page the record carries, or why there is none.
    func page() -> Result<Page, Invalid> {
        let mediaType = contentType.map(HeaderFields.mediaType)
        var hints = InputHints(url: url, fetched: date)
        let bytes: [UInt8]
        var format: ParseOptions.InputFormat = .auto
        switch (html, text, bodyBase64) {
        case (let html?, nil, nil):
            // Already text: its bytes are UTF-8 whatever the page once declared.
            bytes = Array(html.utf8)
            format = .html
        case (nil, let text?, nil):
            bytes = Array(text.utf8)
            format = .text
        case (nil, nil, let encoded?):
            guard let data = Data(base64Encoded: encoded, options: .ignoreUnknownCharacters) else {
                return .failure(Invalid(id: id, message: "\"body_base64\" is not base64"))
            }
            bytes = [UInt8](data)
            hints.charset = charset ?? contentType.flatMap(HeaderFields.charset)
            hints.charsetFrom = .http
            if mediaType == "text/html" || mediaType == "application/xhtml+xml" { format = .html }
            if mediaType == "text/plain" { format = .text }
        case (nil, nil, nil):
            return .failure(Invalid(id: id, message: "the record has none of \"html\", \"text\" or \"body_base64\""))
        default:
            return .failure(Invalid(id: id, message: "the record has more than one of \"html\", \"text\" and \"body_base64\""))
        }
        return .success(Page(bytes: bytes, format: format, hints: hints))
    }
}
