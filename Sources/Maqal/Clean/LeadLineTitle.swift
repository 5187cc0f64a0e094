/// A copied news item opens with its headline and then its dateline or byline (`الناصرة – 12
/// تشرين الأول 2023`, `بقلم: فلان`). Copies often keep a final `.` or `!` on the headline, which
/// reads as a finished sentence and lost the title; the metadata line right under it says what
/// the line is, whatever its final mark.
enum LeadLineTitle {
    /// The most words a headline may have when only its place vouches for it.
    static let maximumWords = 16

    /// Whether the text's first logical line is its title by position: a byline or date line
    /// (which Clean took into the metadata) stood right under it, and it is shaped like a
    /// headline: one short sentence with letters, at most a final `.` or `!`, not a list item.
    static func accepts(_ first: TextSegmenter.Unit) -> Bool {
        guard first.precedesMetadata, first.marker == nil else { return false }
        let shape = first.shape
        guard shape.hasLetters, shape.words <= maximumWords, first.text.count <= 160, !shape.hasInnerSentenceBreak,
            !shape.endsWithColon, !shape.endsWithComma
        else { return false }
        var facts = first.facts
        return !facts.isCaption()
    }
}
