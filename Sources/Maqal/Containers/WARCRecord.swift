/// One record of a WARC file (ISO 28500, WARC/1.0 and 1.1): its named fields and its block.
public struct WARCRecord: Sendable {
    /// The version line as written (`WARC/1.0`, `WARC/1.1`).
    public var version: String
    public var headers: HeaderFields
    /// The record's content block (an HTTP message for `response` records); empty when
    /// ``blockTooLarge``.
    public var block: [UInt8]
    /// The block was longer than the reader's limit and was skipped, unread.
    public var blockTooLarge: Bool
    /// Where the record starts in the file: the byte offset of its gzip member in a `.warc.gz`,
    /// of its version line in a plain `.warc`.
    public var offset: Int

    /// `WARC-Type`, lowercased (`response`, `request`, `revisit`, `warcinfo`, `metadata` …).
    public var type: String { headers["WARC-Type"]?.lowercased() ?? "" }
    /// `WARC-Record-ID` as written (`<urn:uuid:…>`).
    public var recordID: String? { headers["WARC-Record-ID"] }
    /// `WARC-Target-URI`, without the angle brackets WARC/1.0 examples put around it.
    public var targetURI: String? {
        guard var uri = headers["WARC-Target-URI"] else { return nil }
        if uri.hasPrefix("<") && uri.hasSuffix(">") { uri = String(uri.dropFirst().dropLast()) }
        return uri
    }
    /// `WARC-Date` (ISO 8601, UTC).
    public var date: String? { headers["WARC-Date"] }
    /// `WARC-Truncated`: why the crawler cut the block (`length`, `time`, `disconnect`, `unspecified`).
    public var truncated: String? { headers["WARC-Truncated"] }
    /// The record's own `Content-Type` (`application/http; msgtype=response` for a response).
    public var contentType: String? { headers["Content-Type"] }
}

/// Something wrong in a WARC file that the reader stepped over: a corrupt or cut gzip member, a
/// record without a readable header. Reading goes on at the next member or record.
public struct WARCDamage: Sendable, Equatable, CustomStringConvertible {
    /// The byte offset in the file where the damaged member or record starts (or where it was found).
    public var offset: Int
    public var message: String

    public var description: String { "at byte \(offset): \(message)" }
}
