/// A copy of a page set in narrow columns (a newsletter, a two-column PDF, a newspaper scan
/// run through OCR): every line holds two to five words, so a hard-wrapped line is much shorter
/// than the 30 characters below which a line of ordinary text is taken for a heading or a line
/// of verse. In such a text the column, not an absolute width, says what a full line is.
enum NarrowColumn {
    /// Lines of at most this many characters at the median make a narrow column.
    static let medianCharacters = 32
    /// Fewer lines than this say nothing about the text's column.
    static let minimumLines = 10

    /// The column's width (the median line's characters) when the text's lines of prose are
    /// narrow: at least ``minimumLines`` lines of two words or more, half of them or more
    /// ``medianCharacters`` long at most, and most of them (two in three) without a final mark,
    /// as wrapped lines are. `nil` for any other text.
    static func width(of lines: [TextLine?]) -> Int? {
        var widths: [Int] = []
        var open = 0
        for case let line? in lines where ListMarker.parse(line.text) == nil {
            let shape = LineShape(line.text)
            // A lone word (a markup tag a corpus file wraps its text in, a page number's label)
            // is no line of prose.
            guard shape.hasLetters, WordCounter.count(line.text, upTo: 2) >= 2 else { continue }
            widths.append(line.text.count)
            if !shape.isTerminated { open += 1 }
        }
        guard widths.count >= minimumLines else { return nil }
        widths.sort()
        let median = widths[widths.count / 2]
        return median <= medianCharacters && open * 3 >= widths.count * 2 ? median : nil
    }
}
