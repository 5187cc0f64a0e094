/// A page as a browser or a crawler saved it, unwrapped: the page's own bytes and what its wrapper
/// said about them (DESIGN.md "Containers"). This is one step before Decode; the page inside is
/// read by the same pipeline as any other, never by a second parser.
package struct SavedPage: Sendable {
    /// The page's bytes, still in their own encoding.
    package var bytes: [UInt8]
    /// The caller's hints with what the container added (charset, URL, title, resources).
    package var hints: InputHints
    /// `mhtml` or `webarchive` when the page came in one; `nil` for a page saved as itself.
    package var container: Source.Format?
    package var compression: Source.Compression?
    /// How the page reads (`html`, `text`) when its container says so by a MIME type.
    package var pageFormat: Source.Format?
    /// What was wrong with the container, when it still held a page.
    package var diagnostics: [Diagnostic] = []

    package init(bytes: [UInt8], hints: InputHints, container: Source.Format? = nil) {
        self.bytes = bytes
        self.hints = hints
        self.container = container
    }

    /// Unwraps `bytes` by what they are, whatever their name says: gzip first (a `.mhtml.gz`
    /// holds an MHTML file), then a webarchive or an MHTML file; anything else is the page itself.
    /// Throws only when the container holds nothing that can be read; `limit` bounds what gzip
    /// may inflate to.
    package static func unwrap(
        _ bytes: [UInt8], name: String?, hints: InputHints, limit: Int
    ) throws(ParseError) -> SavedPage {
        var input = bytes
        var compression: Source.Compression?
        var diagnostics: [Diagnostic] = []
        if Inflate.isGzip(bytes) {
            let inflated = Inflate.gunzip(bytes, limit: limit)
            switch inflated.outcome {
            case .complete:
                break
            case .truncated:
                guard !inflated.bytes.isEmpty else { throw .brokenContainer("this gzip file is cut off before any of its data") }
                diagnostics.append(ContainerDiagnostic.truncated(
                    "the gzip stream is cut off: the \(inflated.bytes.count) bytes before the cut were read"))
            case .corrupt(let reason):
                guard !inflated.bytes.isEmpty else { throw .brokenContainer("this gzip file is corrupt (\(reason))") }
                diagnostics.append(ContainerDiagnostic.corrupt(
                    "the gzip stream is corrupt after \(inflated.bytes.count) bytes (\(reason)): those bytes were read"))
            case .tooLarge:
                throw .brokenContainer("this gzip file inflates to more than \(limit) bytes, over the size limit")
            }
            input = inflated.bytes
            compression = .gzip
        }
        var page: SavedPage
        if WebArchive.looksLike(input) {
            page = try WebArchive.read(input, hints: hints)
        } else if let headers = MHTMLArchive.headers(of: input) {
            page = try MHTMLArchive.read(input, headers: headers, hints: hints)
        } else {
            page = SavedPage(bytes: input, hints: hints)
            if page.hints.url == nil { page.hints.url = SavedPageMark.url(in: input) }
            if page.hints.savedFolder == nil { page.hints.savedFolder = SavedPageMark.companionFolder(of: name) }
        }
        page.compression = compression
        page.diagnostics = diagnostics + page.diagnostics
        return page
    }
}
