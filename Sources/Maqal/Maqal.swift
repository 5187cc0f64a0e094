import CLibXML2
import Foundation

/// The public entry: bytes of a saved article in, a ``Document`` out.
public enum Maqal {
    /// The version printed by `maqal --version` and recorded with batch outputs.
    public static let version = "0.1.0"

    /// The version of the libxml2 library loaded at run time (`2.9.14`), which can differ from
    /// the headers maqal was built with (``libxml2HeaderVersion``). Reading it loads the library,
    /// which maqal otherwise does only for a page its own reader hands to libxml2; "unavailable"
    /// when it cannot be loaded.
    public static var libxml2Version: String {
        guard let libxml2 = LibXML2.functions else { return "unavailable" }
        guard let pointer = libxml2.pointee.parserVersion()?.pointee, let digits = Int(String(cString: pointer)) else {
            return "unknown"
        }
        // libxml2 spells 2.9.14 as "20914".
        return "\(digits / 10000).\(digits / 100 % 100).\(digits % 100)"
    }

    /// The version of the libxml2 headers maqal was built with (`2.9.14`); the library of the same
    /// soname is the one loaded at run time. Known without loading it, so `maqal --version` stays quick.
    public static var libxml2HeaderVersion: String { LibXML2.headerVersion }

    /// Parses one saved article.
    ///
    /// Content problems never throw: a broken page still yields a document, with what was odd
    /// in ``Document/diagnostics``. Throws only when there is nothing to return.
    ///
    /// The bytes are taken, not borrowed: handed over (`consume`), they are freed once the
    /// article is extracted from them, before the document is built.
    public static func parse(
        _ bytes: consuming [UInt8], name: String? = nil, hints: InputHints = InputHints(),
        options: ParseOptions = ParseOptions()
    ) throws(ParseError) -> Document {
        var laps: StageLaps?
        return try parse(consume bytes, name: name, hints: hints, options: options, laps: &laps)
    }

    /// Parses like ``parse(_:name:hints:options:)`` and times each stage, for the benchmark harness.
    @_spi(Benchmark)
    public static func profile(
        _ bytes: [UInt8], name: String? = nil, options: ParseOptions = ParseOptions()
    ) throws(ParseError) -> (document: Document, laps: StageLaps) {
        var laps: StageLaps? = StageLaps()
        let document = try parse(bytes, name: name, hints: InputHints(), options: options, laps: &laps)
        return (document, laps!)
    }

    /// The text the Decode stage makes of `bytes`, as UTF-8: what libxml2 is handed.
    @_spi(Benchmark)
    public static func decodedUTF8(_ bytes: [UInt8], name: String? = nil, options: ParseOptions = ParseOptions()) -> [UInt8] {
        let format = InputSniffer.format(of: bytes, name: name, requested: options.inputFormat)
        return ByteDecoder.decode(bytes, format: format, user: options.encoding).utf8
    }

    /// The floor the pipeline is measured against: libxml2 parsing the same UTF-8 bytes, with
    /// the same options, and nothing else.
    @_spi(Benchmark)
    public static func libxml2Floor(_ utf8: [UInt8]) {
        HTMLTree.parseAndDiscard(utf8)
    }

    /// libxml2 reading the same bytes with no tree at all (every parse event ignored): the part
    /// of the floor that maqal's own tree building cannot go below.
    @_spi(Benchmark)
    public static func libxml2EventsOnly(_ utf8: [UInt8]) {
        HTMLTree.tokenizeAndDiscard(utf8)
    }

    static func parse(
        _ bytes: consuming [UInt8], name: String?, hints: InputHints, options: ParseOptions, laps: inout StageLaps?
    ) throws(ParseError) -> Document {
        try Pipeline.run(consume bytes, name: name, hints: hints, options: options, laps: &laps)
    }

    /// Parses one saved article held in `data`.
    public static func parse(
        data: Data, name: String? = nil, options: ParseOptions = ParseOptions()
    ) throws(ParseError) -> Document {
        try parse([UInt8](data), name: name, options: options)
    }
}

/// What is known of an input besides its bytes: what the container or the transport that carried
/// it said (an HTTP response in a WARC record, an MHTML part's headers, a caller's record).
public struct InputHints: Sendable, Equatable {
    /// A charset label declared outside the bytes, as written (`windows-1256`, `UTF-8` …). It
    /// outranks the page's own `<meta>`, as in a browser; valid UTF-8 bytes still read as UTF-8.
    public var charset: String?
    /// Where ``charset`` was declared: ``Source/EncodingOrigin/http`` or
    /// ``Source/EncodingOrigin/declared`` (a saved-page container).
    public var charsetFrom: Source.EncodingOrigin
    /// Where the page was saved or fetched from: ``Metadata/url`` when the page names none, and
    /// the base its relative links resolve against when it has no `<base>` or canonical URL.
    public var url: String?
    /// A title the container gave (an MHTML `Subject`), for a page that has none of its own.
    public var title: String?
    /// Addresses the page uses for files its container carries (`cid:…`), each with the URL that
    /// file was saved from: a figure's `src` says that URL.
    public var resources: [String: String]
    /// The folder a browser saved the page's files into beside it ("Webpage, Complete":
    /// `name_files`): addresses into it stay relative, so they still lead to the saved files.
    public var savedFolder: String?
    /// When the page was fetched, in ISO 8601 as `WARC-Date` writes it (`2025-03-01T10:00:00Z`): a
    /// relative date near the headline ("منذ ساعتين") is counted back from it when the page records
    /// no save time of its own.
    public var fetched: String?

    public init(
        charset: String? = nil, charsetFrom: Source.EncodingOrigin = .declared, url: String? = nil,
        title: String? = nil, resources: [String: String] = [:], savedFolder: String? = nil, fetched: String? = nil
    ) {
        self.charset = charset
        self.charsetFrom = charsetFrom
        self.url = url
        self.title = title
        self.resources = resources
        self.savedFolder = savedFolder
        self.fetched = fetched
    }
}

/// How long each stage of one parse took, in pipeline order.
@_spi(Benchmark)
public struct StageLaps: Sendable {
    public private(set) var laps: [(stage: String, duration: Duration)] = []
    private var last = ContinuousClock.now

    public init() {}

    mutating func mark(_ stage: String) {
        let now = ContinuousClock.now
        laps.append((stage, now - last))
        last = now
    }
}

/// How to read an input.
public struct ParseOptions: Sendable {
    /// Which reader to use; `auto` decides from the file name and the first bytes.
    public enum InputFormat: String, Sendable, CaseIterable {
        case auto, html, text
    }

    public var inputFormat: InputFormat
    /// Overrides encoding detection.
    public var encoding: TextEncoding?
    /// Reading speed for ``Stats/readingMinutes``.
    public var wordsPerMinute: Int
    /// Inputs larger than this are refused.
    public var maxBytes: Int
    /// Opt-in rewrites of the text (none by default: the output is byte-true).
    public var normalization: [Normalization]
    /// Record every run of visible input text left out of the body and the metadata, with why
    /// and where (``Document/removed``). Off, the document is what it always was.
    public var explain: Bool
    /// Keep images inlined as `data:` URIs (SingleFile pages) in ``Figure/src``. By default their
    /// `src` is `null` and a diagnostic counts them, so JSON does not carry megabytes of base64.
    public var keepDataImages: Bool

    public static let defaultMaxBytes = 50 * 1024 * 1024

    public init(
        inputFormat: InputFormat = .auto, encoding: TextEncoding? = nil, wordsPerMinute: Int = 180,
        maxBytes: Int = ParseOptions.defaultMaxBytes, normalization: [Normalization] = [], explain: Bool = false,
        keepDataImages: Bool = false
    ) {
        self.explain = explain
        self.normalization = normalization
        self.keepDataImages = keepDataImages
        self.inputFormat = inputFormat
        self.encoding = encoding
        self.wordsPerMinute = wordsPerMinute
        self.maxBytes = maxBytes
    }
}

/// Why an input yielded no document at all.
public enum ParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The input is empty or only white space.
    case empty
    /// The input is larger than ``ParseOptions/maxBytes``.
    case tooLarge(bytes: Int, limit: Int)
    /// The input is an image, archive or other binary file.
    case binary(String)
    /// A saved-page container (MHTML, webarchive, gzip) that holds no page that can be read; the
    /// reason says what is wrong with it.
    case brokenContainer(String)
    /// The page holds markup maqal's own reader hands to libxml2's parser, and libxml2 could not
    /// be loaded (the reason says why: not installed, another version): the installation, not the
    /// page, is at fault. Text files and the common pages never need it.
    case libxml2Unavailable(String)

    public var description: String {
        switch self {
        case .empty:
            "the input is empty"
        case .tooLarge(let bytes, let limit):
            "the input is \(bytes) bytes, over the limit of \(limit) bytes"
        case .binary(let kind):
            "this is \(Self.indefiniteArticle(kind)) \(kind) file, not an article (HTML or text)"
        case .brokenContainer(let reason):
            reason
        case .libxml2Unavailable(let reason):
            "this page needs libxml2's parser, and libxml2 could not be loaded (\(reason))"
        }
    }

    /// "an" before a vowel sound ("an ELF executable", "an icon", "an xz archive"), else "a".
    private static func indefiniteArticle(_ word: String) -> String {
        guard let first = word.first?.lowercased() else { return "a" }
        return "aeio".contains(first) || word.lowercased().hasPrefix("xz") ? "an" : "a"
    }
}
