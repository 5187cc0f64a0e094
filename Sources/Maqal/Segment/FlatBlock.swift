/// A block before sections are built: headings still stand in line with the blocks they head.
///
/// Both readers (HTML and text) produce these; ``DocumentBuilder`` nests them into sections.
enum FlatBlock: Sendable, Equatable {
    case heading(Heading)
    case block(Block)
}

/// What a reader found: the flat body plus the metadata it could see in the text itself.
struct Segmentation: Sendable {
    var title: String?
    var subtitles: [String] = []
    var blocks: [FlatBlock] = []
    var metadata = Metadata()
    var diagnostics: [Diagnostic] = []
}
