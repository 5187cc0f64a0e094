/// Where a document came from and how its bytes were read.
public struct Source: Sendable, Equatable, Codable {
    /// The kind of input a document was read from.
    public enum Format: String, Sendable, Codable, CaseIterable {
        case html, text
        /// A browser's single-file save (`.mhtml`, `.mht`): the page is its `text/html` part.
        case mhtml
        /// A Safari web archive (`.webarchive`): the page is its main resource.
        case webarchive
    }

    /// How the input was compressed before it was read; absent from the JSON when it was not.
    public enum Compression: String, Sendable, Codable, CaseIterable {
        case gzip
    }

    /// How the character encoding was decided.
    public enum EncodingOrigin: String, Sendable, Codable, CaseIterable {
        /// A byte-order mark at the start of the input.
        case bom
        /// A `<meta charset>`, `http-equiv` or XML declaration in the page.
        case meta
        /// The HTTP `Content-Type` the page was served with (a WARC record, a `records` line).
        case http
        /// The saved-page container the page came in (an MHTML part's header, a webarchive's text
        /// encoding name).
        case declared
        /// Byte statistics, when nothing was declared or the declaration was wrong.
        case sniffed
        /// The caller named it (`--encoding`).
        case user
        /// Text was decoded and then repaired from mojibake.
        case repaired
    }

    /// The file name as the user gave it; `-` for standard input, `nil` for in-memory input.
    public var name: String?
    public var format: Format
    /// The encoding the bytes were decoded with; JSON gives its WHATWG name (`utf-8`,
    /// `windows-1256` …).
    public var encoding: TextEncoding
    public var encodingFrom: EncodingOrigin
    /// Size of the input in bytes, as read (compressed, or the whole container).
    public var bytes: Int
    /// The ``Normalization`` steps applied to the text, in the order they ran; empty by default.
    public var normalization: [Normalization]
    /// `gzip` for a compressed input (`.html.gz`, a gzipped MHTML file); `nil` otherwise.
    public var compression: Compression?
    /// The WARC record the page was read from (`maqal warc`); `nil`, and absent from the JSON, otherwise.
    public var warc: WARC?

    /// Where in a WARC file a page was: the record's id, the URI it was fetched from, when, and
    /// whether the crawler cut it short.
    public struct WARC: Sendable, Equatable, Codable {
        /// `WARC-Record-ID` (`<urn:uuid:…>`).
        public var recordId: String
        /// `WARC-Target-URI`.
        public var targetURI: String?
        /// `WARC-Date`.
        public var date: String?
        /// `WARC-Truncated`: why the crawler cut the payload (`length`, `time` …); `nil` when it is whole.
        public var truncated: String?

        public init(recordId: String, targetURI: String?, date: String?, truncated: String?) {
            self.recordId = recordId
            self.targetURI = targetURI
            self.date = date
            self.truncated = truncated
        }

        /// As ``JSONRenderer`` writes it: absent values are `null`.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(recordId, forKey: .recordId)
            try container.encode(targetURI, forKey: .targetURI)
            try container.encode(date, forKey: .date)
            try container.encode(truncated, forKey: .truncated)
        }
    }

    public init(
        name: String?, format: Format, encoding: TextEncoding, encodingFrom: EncodingOrigin, bytes: Int,
        normalization: [Normalization] = [], compression: Compression? = nil
    ) {
        self.normalization = normalization
        self.compression = compression
        self.name = name
        self.format = format
        self.encoding = encoding
        self.encodingFrom = encodingFrom
        self.bytes = bytes
    }
}

extension Source {
    private enum EncodingKeys: String, CodingKey {
        case name, format, encoding, encodingFrom, bytes, normalization, compression, warc
    }

    /// As ``JSONRenderer`` writes it: an absent `name` is `null`; `compression` and `warc` appear
    /// only when present.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: EncodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(format, forKey: .format)
        try container.encode(encoding, forKey: .encoding)
        try container.encode(encodingFrom, forKey: .encodingFrom)
        try container.encode(bytes, forKey: .bytes)
        try container.encode(normalization, forKey: .normalization)
        try container.encodeIfPresent(compression, forKey: .compression)
        try container.encodeIfPresent(warc, forKey: .warc)
    }
}
