/// A heading element that holds prose: news sites set the article's lead sentence in an `h2`
/// to style it as a highlighted first paragraph (youm7's `h2.coloredquoute` and its kind). A
/// reader sees a paragraph, long and finished with a full stop, not the head of a section; as a
/// heading it would make the whole article one section named by a sentence.
enum ProseHeading {
    /// Fewer words than this are a long heading, not a paragraph, whatever their punctuation.
    static let minimumWords = 30

    /// `blocks` with every `h2`–`h6` of prose (at least ``minimumWords`` words, ending in a full
    /// stop or holding more than one sentence) made a paragraph with its inlines and direction.
    static func demote(_ blocks: [FlatBlock]) -> [FlatBlock] {
        blocks.map { flat in
            guard case .heading(let heading) = flat, heading.level >= 2, isProse(heading.text) else { return flat }
            return .block(.paragraph(Paragraph(text: heading.text, inlines: heading.inlines, dir: heading.dir)))
        }
    }

    static func isProse(_ text: String) -> Bool {
        guard WordCounter.count(text, upTo: minimumWords) >= minimumWords else { return false }
        let shape = LineShape(text)
        return shape.endsWithPeriod || shape.hasInnerSentenceBreak
    }
}
