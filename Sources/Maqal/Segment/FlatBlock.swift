/// A block before sections are built: headings still stand in line with the blocks they head.
///
/// Both readers (HTML and text) come to these; ``DocumentBuilder`` nests them into sections.
enum FlatBlock: Sendable, Equatable {
    case heading(Heading)
    case block(Block)
}

extension FlatBlock {
    /// Every text a reader would see in the block, in reading order (``BlockTexts``).
    var texts: [String] {
        switch self {
        case .heading(let heading):
            return [heading.text]
        case .block(let block):
            var texts: [String] = []
            BlockTexts.forEach(in: [block]) { texts.append($0) }
            return texts
        }
    }
}
