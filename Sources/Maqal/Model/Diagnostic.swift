/// Something odd about the input that did not stop parsing.
public struct Diagnostic: Sendable, Equatable, Codable {
    public enum Severity: String, Sendable, Codable {
        case info, warning, error
    }

    /// A stable identifier scripts can match on: a domain (the stage or concern it comes from)
    /// and a name, written `domain.name` in JSON (`encoding.repaired`). The ones maqal gives are
    /// named constants below; a string literal `"domain.name"` makes one too.
    public struct ID: Sendable, Hashable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
        public let domain: String
        public let name: String

        public init(domain: String, name: String) {
            self.domain = domain
            self.name = name
        }

        /// `domain.name`, split at the first dot.
        public init(stringLiteral value: String) {
            let parts = value.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            self.init(domain: String(parts[0]), name: parts.count > 1 ? String(parts[1]) : "")
        }

        public var description: String { name.isEmpty ? domain : domain + "." + name }

        public init(from decoder: any Decoder) throws {
            self.init(stringLiteral: try decoder.singleValueContainer().decode(String.self))
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(description)
        }
    }

    public var severity: Severity
    public var id: ID
    public var message: String

    public init(_ severity: Severity, _ id: ID, _ message: String) {
        self.severity = severity
        self.id = id
        self.message = message
    }
}

extension Diagnostic.ID {
    // MARK: Decode: the bytes and their encoding

    /// The page declares one encoding and its bytes are in another.
    public static let encodingMislabelled = Self(domain: "encoding", name: "mislabelled")
    /// Mojibake (UTF-8 read as a single-byte code page) was repaired.
    public static let encodingRepaired = Self(domain: "encoding", name: "repaired")
    /// The input ends in the middle of a UTF-8 character.
    public static let encodingTruncated = Self(domain: "encoding", name: "truncated")
    /// UTF-8 with invalid byte sequences, each shown as U+FFFD.
    public static let encodingInvalidBytes = Self(domain: "encoding", name: "invalid-bytes")

    // MARK: Containers: saved pages around the HTML

    /// The container (MHTML, gzip) ends early: what it held up to the cut was read.
    public static let containerTruncated = Self(domain: "container", name: "truncated")
    /// Part of the container could not be decoded; the rest was read.
    public static let containerCorrupt = Self(domain: "container", name: "corrupt")
    /// An MHTML file whose header names no boundary, or one its parts do not use.
    public static let containerBoundary = Self(domain: "container", name: "boundary")

    // MARK: Read: the HTML as libxml2 gave it

    /// Elements nested deeper than the tree keeps were flattened.
    public static let htmlDeepNesting = Self(domain: "html", name: "deep-nesting")
    /// Attributes past the per-element limit were dropped.
    public static let htmlExcessAttributes = Self(domain: "html", name: "excess-attributes")
    /// The page could not be read to its end.
    public static let htmlTruncated = Self(domain: "html", name: "truncated")
    /// The page has no elements.
    public static let htmlEmpty = Self(domain: "html", name: "empty")

    // MARK: Segment: the blocks

    /// Images inlined as `data:` URIs were left out of figures (``ParseOptions/keepDataImages``).
    public static let imagesDataOmitted = Self(domain: "images", name: "data-omitted")

    // MARK: Clean and Structure: the article

    /// The page is a list of links to other articles, not an article.
    public static let contentListing = Self(domain: "content", name: "listing")
    /// A text file holds several corpus records (`<DOC>`); the first was read.
    public static let contentRecords = Self(domain: "content", name: "records")
    /// No article text was found.
    public static let contentEmpty = Self(domain: "content", name: "empty")
}
