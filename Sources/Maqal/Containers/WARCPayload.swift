/// What `maqal warc` makes of a record: an HTML page to parse, with what the WARC and HTTP headers
/// said about it, or why the record is passed over.
public enum WARCPayload {
    /// The record types that can carry a page; every other type (`request`, `revisit`,
    /// `warcinfo`, `metadata`, `continuation` …) is passed over by its type name.
    public static let pageTypes: Set<String> = ["response", "resource", "conversion"]

    /// An HTML page found in a record.
    public struct Page: Sendable {
        public var bytes: [UInt8]
        /// The HTTP charset and the target URI.
        public var hints: InputHints
        public var warc: Source.WARC
        /// What was odd in the HTTP layer (``HTTPResponse/notes``).
        public var notes: [String]
    }

    /// Why a record of a page type holds no page to parse.
    public enum Skip: String, Error, Sendable, CaseIterable {
        /// The payload is an image, a script, a PDF … (by its media type, or by its bytes when none is given).
        case nonHTML = "non-html"
        /// The HTTP status is not 2xx (a redirect, an error page).
        case httpStatus = "http-status"
        /// A `response` record whose block is not an HTTP response.
        case unreadableHTTP = "unreadable-http"
    }

    /// The record's origin for `source.warc`.
    public static func origin(of record: WARCRecord) -> Source.WARC {
        Source.WARC(
            recordId: record.recordID ?? "offset:\(record.offset)", targetURI: record.targetURI, date: record.date,
            truncated: record.truncated)
    }

    /// The page in a `response`, `resource` or `conversion` record, or why there is none.
    public static func page(of record: WARCRecord, limit: Int = WARCReader.defaultRecordLimit) -> Result<Page, Skip> {
        let warc = origin(of: record)
        let recordType = record.contentType.map(HeaderFields.mediaType)
        if record.type == "response" && (recordType == "application/http" || recordType == nil) {
            guard let response = HTTPResponse.parse(record.block, limit: limit) else {
                return recordType == nil ? payload(record.block, mediaType: nil, charset: nil, warc: warc, notes: [])
                    : .failure(.unreadableHTTP)
            }
            guard (200..<300).contains(response.status) else { return .failure(.httpStatus) }
            return payload(response.body, mediaType: response.mediaType, charset: response.charset, warc: warc,
                           notes: response.notes)
        }
        return payload(record.block, mediaType: recordType, charset: record.contentType.flatMap(HeaderFields.charset),
                       warc: warc, notes: [])
    }

    private static func payload(
        _ bytes: [UInt8], mediaType: String?, charset: String?, warc: Source.WARC, notes: [String]
    ) -> Result<Page, Skip> {
        guard isHTML(mediaType: mediaType, bytes: bytes) else { return .failure(.nonHTML) }
        let hints = InputHints(charset: charset, charsetFrom: .http, url: warc.targetURI, fetched: warc.date)
        return .success(Page(bytes: bytes, hints: hints, warc: warc, notes: notes))
    }

    /// HTML by its media type; when the type says nothing (none, `application/octet-stream`,
    /// `text/plain` as misconfigured servers send pages), by markup in its first bytes.
    static func isHTML(mediaType: String?, bytes: [UInt8]) -> Bool {
        switch mediaType {
        case "text/html", "application/xhtml+xml": true
        case nil, "", "application/octet-stream", "text/plain", "unknown/unknown", "application/unknown":
            InputSniffer.looksLikeHTML(bytes)
        default: false
        }
    }
}
