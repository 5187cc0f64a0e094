/// What the punctuation and length of a line say about it (ARABIC.md §3.1–3.2).
struct LineShape: Sendable {
    let text: String
    /// Counted when asked: most lines are judged by their punctuation alone.
    var words: Int { WordCounter.count(text) }
    /// The last scalar that is not a closing quote, bracket or emoji.
    let lastMark: Unicode.Scalar?

    init(_ text: String) {
        self.text = text
        var last: Unicode.Scalar?
        for scalar in text.unicodeScalars.reversed() {
            if LineShape.isCloser(scalar.value) || scalar.properties.isEmojiPresentation
                || scalar.value == 0xFE0F
            {
                continue
            }
            last = scalar
            break
        }
        self.lastMark = last
    }

    /// Closing quotes and brackets, passed over to find the mark that ends the line.
    ///
    /// A switch, not a `Set<UInt32>`: the first use of a set of a type looks up its `Hashable`
    /// conformance at run time, a scan of every conformance in the binary (350,000 instructions),
    /// which a one-line article paid at start-up for ten values.
    private static func isCloser(_ value: UInt32) -> Bool {
        switch value {
        case 0x22, 0x27, 0x29, 0x5D, 0xBB, 0xAB, 0x201D, 0x2019, 0xFD3F, 0xFD3E: true
        default: false
        }
    }

    /// Ends a sentence: `.` `!` `…` (a question mark is allowed in headings, so it is separate).
    var endsWithPeriod: Bool {
        guard let lastMark else { return false }
        return lastMark == "." || lastMark == "!" || lastMark == "\u{2026}" || lastMark == "\u{06D4}"
    }

    var endsWithQuestion: Bool { lastMark == "?" || lastMark == "\u{061F}" }

    var endsWithColon: Bool { lastMark == ":" || lastMark == "\u{FF1A}" }

    /// Ends with punctuation that continues on the next line: `،` `,` `؛` `;`.
    var endsWithComma: Bool {
        lastMark == "," || lastMark == "\u{060C}" || lastMark == ";" || lastMark == "\u{061B}"
    }

    /// Ends a unit of text: a sentence, a question, or a colon that introduces what follows.
    var isTerminated: Bool { endsWithPeriod || endsWithQuestion || endsWithColon }

    /// Has a full stop inside, i.e. holds more than one sentence ("جملة. جملة أخرى").
    var hasInnerSentenceBreak: Bool {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count > 2 else { return false }
        for index in 1..<(scalars.count - 1) where scalars[index] == "." || scalars[index] == "!" {
            if scalars[index + 1] == " ", !ArabicScalar.isDigit(scalars[index - 1].value) {
                // "د. أحمد": a one-letter abbreviation before the dot is not a sentence end.
                let before = index >= 2 ? scalars[index - 2] : " "
                if !(ArabicScalar.isLetter(scalars[index - 1]) && before == " ") { return true }
            }
        }
        return false
    }

    var hasLetters: Bool { text.unicodeScalars.contains(where: ArabicScalar.isLetter) }

    /// Short and unpunctuated enough to be a heading (ARABIC.md §3.2): at most 16 words, no
    /// sentence-final mark, no inner sentence break, not ending with a colon or comma.
    var couldBeHeading: Bool {
        hasLetters && words <= 16 && text.count <= 160 && !endsWithPeriod && !endsWithColon
            && !endsWithComma && !hasInnerSentenceBreak
    }
}
