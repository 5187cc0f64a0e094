/// Why a `maqal records` or `maqal warc` line says `"ok": false`: the `error.kind` of the line.
public enum RecordFailure: String, Sendable, CaseIterable {
    /// The page is empty or only white space.
    case empty
    /// The page is over `--max-bytes` (or the line over the line limit).
    case tooLarge = "too-large"
    /// The page is an image, archive or other binary file.
    case binary
    /// The page is a saved-page container (MHTML, a web archive, gzip) too damaged to read.
    case brokenContainer = "broken-container"
    /// The page needs libxml2's parser, which could not be loaded (``ParseError/libxml2Unavailable(_:)``).
    case libxml2Unavailable = "libxml2-unavailable"
    /// The line is not a JSON record with an id and one page.
    case invalidRecord = "invalid-record"
    /// The page took longer than `--record-timeout-ms`.
    case timeout

    init(_ error: ParseError) {
        switch error {
        case .empty: self = .empty
        case .tooLarge: self = .tooLarge
        case .binary: self = .binary
        case .brokenContainer: self = .brokenContainer
        case .libxml2Unavailable: self = .libxml2Unavailable
        }
    }
}
