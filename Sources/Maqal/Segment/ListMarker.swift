/// A list marker at the start of a line: a bullet, a number in any digit system, or an Arabic
/// letter in abjad or alphabetical order (ARABIC.md §3.3).
struct ListMarker: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case bullet
        case number
        case letter
    }

    /// The marker as written, e.g. `•`, `١-`, `(3)`, `أ)`.
    var text: String
    var kind: Kind
    /// The number a numbered marker stands for; a letter's position (أ = 1) in abjad order.
    var value: Int
    /// The rest of the line after the marker and its space.
    var rest: String
    /// An emoji or keycap marker (``parseEmoji(_:)``).
    var isEmoji = false

    var isOrdered: Bool { kind != .bullet }

    /// The marker at the start of `line`, if the line is a list item.
    ///
    /// A marker must be followed by white space and then text, so `1.5 مليون`, `2024-03-12` and
    /// `-5 درجات`-style numbers are not items.
    static func parse(_ line: String) -> ListMarker? {
        // Most lines start with a word: the first two scalars rule them out before the scalars
        // are copied. Only a bullet, `(`, a digit, or an abjad letter that no letter follows
        // (ه with a tatweel aside) starts a marker, as the full reading below decides.
        var head = line.unicodeScalars.makeIterator()
        guard let lead = head.next() else { return nil }
        let leadLetter = lead.value == 0x0627 ? 0x0623 : lead.value
        if abjad.contains(leadLetter) {
            if let second = head.next(), ArabicScalar.isLetter(second), !(leadLetter == 0x0647 && second.value == 0x0640) {
                return nil
            }
        } else if lead != "(" && !ArabicScalar.isDigit(lead.value) && !bulletSymbols.contains(lead.value) {
            return nil
        }
        let scalars = Array(line.unicodeScalars.prefix(12))
        guard let first = scalars.first else { return nil }
        var index = 0
        var kind: Kind
        var value = 0

        if bulletSymbols.contains(first.value) {
            kind = .bullet
            index = 1
            // A repeated symbol is a separator line, not a bullet ("***", "---").
            if scalars.count > 1, scalars[1] == first { return nil }
        } else {
            let opensParen = first == "("
            index = opensParen ? 1 : 0
            var digits = 0
            while index < scalars.count, let digit = ArabicScalar.digitValue(scalars[index].value), digits < 4 {
                value = value * 10 + digit
                digits += 1
                index += 1
            }
            if digits > 0 {
                guard digits <= 3 else { return nil }
                kind = .number
            } else if index < scalars.count, let position = letterPosition(scalars, at: index) {
                kind = .letter
                value = position.value
                index += position.length
                if index < scalars.count, scalars[index] == " ", !opensParen { index += 1 }
            } else {
                return nil
            }
            guard index < scalars.count else { return nil }
            let separator = scalars[index]
            if opensParen {
                guard separator == ")" else { return nil }
            } else {
                // Arrays, not a `Set<Unicode.Scalar>` made on every call (see ``bulletSymbols``).
                let allowed: [Unicode.Scalar] =
                    kind == .number ? [".", "-", ")", "/", ":", "ـ", "–"] : [".", "-", ")", "ـ", "–"]
                guard allowed.contains(separator) else { return nil }
            }
            index += 1
        }
        guard index < scalars.count, ArabicScalar.isSpace(scalars[index].value) else { return nil }
        let markerText = String(String.UnicodeScalarView(scalars[..<index]))
        let rest = line.unicodeScalars.dropFirst(index + 1)
        let restText = String(String.UnicodeScalarView(rest)).trimmingLeadingSpaces()
        guard restText.unicodeScalars.contains(where: { ArabicScalar.isLetter($0) || ArabicScalar.isDigit($0.value) })
        else { return nil }
        return ListMarker(text: markerText, kind: kind, value: value, rest: restText)
    }

    /// An emoji used as a bullet, as messaging-app forwards write lists (`🔹 بند`, `✔️ بند`, `👈 بند`),
    /// or a keycap digit (`1️⃣ بند`) as a number. Read for plain text only, and there only in a run
    /// of such lines (``TextSegmenter``): one emoji before a line is decoration.
    static func parseEmoji(_ line: String) -> ListMarker? {
        var scalars = line.unicodeScalars.prefix(6).makeIterator()
        guard let first = scalars.next() else { return nil }
        // Only a digit or an emoji starts one: asked of every line, the rest go before any copying.
        let keycapDigit = first.value < 0x80 ? ArabicScalar.digitValue(first.value) : nil
        guard keycapDigit != nil || (first.value >= 0x2190 && (first.properties.isEmoji || first.properties.isEmojiPresentation))
        else { return nil }
        // Appended one scalar at a time: made from an array, the view's first use went through the
        // standard library's generic append and looked its associated types up at run time.
        var text = String.UnicodeScalarView()
        text.append(first)
        var kind = Kind.bullet
        var value = 0
        var next = scalars.next()
        if let digit = keycapDigit {
            // A keycap: digit, optional U+FE0F, U+20E3.
            if next?.value == 0xFE0F {
                text.append(next!)
                next = scalars.next()
            }
            guard next?.value == 0x20E3 else { return nil }
            text.append(next!)
            next = scalars.next()
            kind = .number
            value = digit
        } else {
            if next?.value == 0xFE0F {
                text.append(next!)
                next = scalars.next()
            }
        }
        guard let space = next, ArabicScalar.isSpace(space.value) else { return nil }
        let rest = String(line.unicodeScalars.dropFirst(text.count + 1)).trimmingLeadingSpaces()
        guard rest.unicodeScalars.contains(where: ArabicScalar.isLetter) else { return nil }
        return ListMarker(text: String(text), kind: kind, value: value, rest: rest, isEmoji: true)
    }

    /// Symbols used as bullets in Arabic text, left-pointing arrows included. An array, not a
    /// `Set<UInt32>`: it is asked once per line, and the first set of that type costs a process a
    /// protocol-conformance scan of the whole binary.
    static let bulletSymbols: [UInt32] = [
        0x2022, 0x25CF, 0x25AA, 0x25A0, 0x25C6, 0x25C7, 0x25CB, 0x25E6, 0x2605, 0x2606, 0x2713, 0x2714,
        0x2705, 0x2756, 0x27A4, 0x25BA, 0x25C4, 0x25C0, 0x2B05, 0x2190, 0x066D, 0x2A, 0x2D, 0x2013, 0x2014,
        0x0640, 0x1F539, 0x1F538, 0x25AB, 0x2043, 0x00B7,
    ]

    /// Letters in abjad order (أبجد هوز حطي كلمن سعفص قرشت ثخذ ضظغ); ا counts as أ.
    private static let abjad: [UInt32] = [
        0x0623, 0x0628, 0x062C, 0x062F, 0x0647, 0x0648, 0x0632, 0x062D, 0x0637, 0x064A, 0x0643, 0x0644,
        0x0645, 0x0646, 0x0633, 0x0639, 0x0641, 0x0635, 0x0642, 0x0631, 0x0634, 0x062A, 0x062B, 0x062E,
        0x0630, 0x0636, 0x0638, 0x063A,
    ]

    private static func letterPosition(_ scalars: [Unicode.Scalar], at index: Int) -> (value: Int, length: Int)? {
        var letter = scalars[index].value
        if letter == 0x0627 { letter = 0x0623 }
        guard let position = abjad.firstIndex(of: letter) else { return nil }
        // The next scalar must not be another letter: "أ)" is a marker, "أن" is a word.
        var length = 1
        if letter == 0x0647, index + 1 < scalars.count, scalars[index + 1].value == 0x0640 { length = 2 }
        if index + length < scalars.count, ArabicScalar.isLetter(scalars[index + length]) { return nil }
        return (position + 1, length)
    }
}

extension StringProtocol {
    func trimmingLeadingSpaces() -> String {
        String(drop { ArabicScalar.isSpace($0.unicodeScalars.first!.value) })
    }
}
