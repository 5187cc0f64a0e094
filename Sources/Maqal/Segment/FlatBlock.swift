/// A block before sections are built: headings still stand in line with the blocks they head.
///
/// Both readers (HTML and text) come to these; ``DocumentBuilder`` nests them into sections.
enum FlatBlock: Sendable, Equatable {
    case heading(Heading)
    case block(Block)
}
