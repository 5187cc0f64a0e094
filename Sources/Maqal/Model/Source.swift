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
    /// The WHATWG name of the encoding the bytes were decoded with (`utf-8`, `windows-1256` …).
    public var encoding: String
    public var encodingFrom: EncodingOrigin
    /// Size of the input in bytes, as read (compressed, or the whole container).
    public var bytes: Int
    /// The ``Normalization`` steps applied to the text, in the order they ran; empty by default.
    public var normalization: [String]
    /// `gzip` for a compressed input (`.html.gz`, a gzipped MHTML file); `nil` otherwise.
    public var compression: Compression?

    public init(
        name: String?, format: Format, encoding: String, encodingFrom: EncodingOrigin, bytes: Int,
        normalization: [String] = [], compression: Compression? = nil
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
