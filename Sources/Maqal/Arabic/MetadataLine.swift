import Foundation

/// A line that carries a metadata value rather than article text: `بقلم: فلان`, `الوسوم: أ، ب`,
/// `المصدر: وكالات`, `تاريخ النشر: ١٥ مارس ٢٠٢٤` (ARABIC.md §4, M rows).
struct MetadataLine: Sendable, Equatable {
    var field: TextCues.Field
    var value: String

    /// Reads every labelled part of a line such as `بقلم: فلان - التاريخ: 2003/11/04`; empty when
    /// the line does not start with a label.
    static func readAll(_ text: String) -> [MetadataLine] {
        guard read(text) != nil else { return [] }
        for separator in [" - ", " | ", " – ", " — ", "  "] where text.contains(separator) {
            let parts = text.components(separatedBy: separator)
            let lines = parts.compactMap { read($0.trimmingCharacters(in: .whitespaces)) }
            if lines.count == parts.count { return lines }
        }
        return read(text).map { [$0] } ?? []
    }

    /// A byline that opens a paragraph, Egyptian style: `كتب - أحمد محمد: النص…`. Returns the
    /// author and the paragraph without the byline.
    static func leadingByline(_ text: String) -> (author: String, rest: String)? {
        // A colon is a ":" byte: text without one among its first characters (most paragraphs)
        // is let go on its bytes, before its characters are walked.
        let start = CharacterCount.prefix(80, of: text)
        guard start.utf8.contains(UInt8(ascii: ":")), let colon = start.firstIndex(of: ":") else { return nil }
        let head = String(text[..<colon])
        let rest = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        guard WordCounter.count(rest, upTo: 5) >= 5, let line = read(head + ":"), line.field == .author else { return nil }
        return (line.value, rest)
    }

    /// Reads `text` as a labelled metadata line, or returns `nil`.
    ///
    /// The label must be followed by `:` or `-` (or, for bylines, directly by a short name), and
    /// the value must be short: a long sentence that starts with "كتب" is prose, not a byline.
    static func read(_ text: String) -> MetadataLine? {
        // Labels are short: the key of the line's start is enough to know whether one is there.
        let key = ArabicKey.make(CharacterCount.prefix(48, of: text))
        // Bytes first: keys hold no combining marks, so a label the key starts with is also at the
        // start of its bytes, and most labels differ from the key's start in a byte or two. Most
        // lines start with no label, and all labels are compared in one pass over the key's bytes.
        let starting: [Int] = key.utf8.withContiguousStorageIfAvailable { keyBytes in
            var found: [Int] = []
            for (position, label) in labelBytes.enumerated() where label.count <= keyBytes.count {
                if label.indices.allSatisfy({ label[$0] == keyBytes[$0] }) { found.append(position) }
            }
            return found
        } ?? TextCues.metadataLabels.indices.filter { key.utf8.starts(with: TextCues.metadataLabels[$0].key.utf8) }
        for position in starting {
            let (label, field) = TextCues.metadataLabels[position]
            guard key.hasPrefix(label) else { continue }
            let after = key.dropFirst(label.count)
            guard after.isEmpty || after.first == " " else { continue }
            guard let value = valueAfterLabel(text, labelKey: label, field: field) else { continue }
            // No field takes more than 60 words.
            let words = WordCounter.count(value, upTo: 60)
            switch field {
            case .author: guard words >= 1 && words <= 8 else { continue }
            case .tags, .categories: guard words >= 1 && words <= 60 else { continue }
            case .source: guard words >= 1 && words <= 12 else { continue }
            case .published, .modified: guard words >= 1 && words <= 14 else { continue }
            }
            return MetadataLine(field: field, value: value)
        }
        return nil
    }

    /// The UTF-8 of each of ``TextCues/metadataLabels``' keys, in its order.
    private static let labelBytes = TextCues.metadataLabels.map { Array($0.key.utf8) }

    /// The original text after the label and its separator.
    private static func valueAfterLabel(_ text: String, labelKey: String, field: TextCues.Field) -> String? {
        // Walk the original text until its key covers the label, then skip separators. The key
        // grows with the walk (keying each prefix anew would be quadratic in a label padded with
        // tatweels) and only grows, so once it is longer than the label it never matches.
        var index = text.startIndex
        var key = ArabicKey.Builder()
        while index < text.endIndex {
            for scalar in text[index].unicodeScalars { key.append(scalar) }
            index = text.index(after: index)
            let prefixKey = key.key
            if prefixKey.utf8.count > labelKey.utf8.count {
                index = text.endIndex
                break
            }
            if prefixKey == labelKey {
                let next = index < text.endIndex ? text[index] : " "
                if next.isLetter { continue }
                break
            }
        }
        let rest = text[index...]
        let trimmed = rest.drop { $0 == " " || $0 == "\u{0640}" }
        // `بقلم / فلان` is written too: a slash after a label is its separator.
        let hasSeparator = trimmed.first.map { ":：-–—|/".contains($0) } ?? false
        var value = hasSeparator ? trimmed.dropFirst() : trimmed
        value = value.drop { $0 == " " }
        if field == .author, let space = value.firstIndex(of: " "),
            TextCues.bylineRoleKeys.contains(ArabicKey.make(value[..<space]))
        {
            value = value[value.index(after: space)...].drop { $0 == " " }
        }
        var result = String(value)
        while let last = result.last, ":.،,".contains(last) { result.removeLast() }
        result = result.trimmingCharacters(in: .whitespaces)
        // Without a separator only a byline label may stand right before the name ("بقلم فلان").
        if !hasSeparator && (field != .author || TextCues.separatedLabelKeys.contains(labelKey)) { return nil }
        return result.isEmpty ? nil : result
    }

    /// A byline that carries its date on the same line, after a separator (`بقلم أحمد سالم · 12
    /// مارس 2024`, `بقلم: أحمد سالم | 2024-03-12`, `كتب: فلان، الثلاثاء 12 مارس 2024`): the name
    /// and the date as two lines, so the date is a date and not a second author. Any other line is
    /// returned as it is.
    static func splittingDate(_ line: MetadataLine) -> [MetadataLine] {
        guard line.field == .author else { return [line] }
        let value = line.value
        var index = value.startIndex
        while let separator = value[index...].firstIndex(where: { Self.bylineDateSeparators.contains($0) }) {
            let name = value[..<separator].trimmingCharacters(in: .whitespaces)
            let rest = value[value.index(after: separator)...]
                .trimmingCharacters(in: CharacterSet.whitespaces.union(CharacterSet(charactersIn: "·|-–—،,•")))
            guard !name.isEmpty else { return [line] }
            if !rest.isEmpty, isDate(rest) {
                return [MetadataLine(field: .author, value: name), MetadataLine(field: .published, value: rest)]
            }
            index = value.index(after: separator)
        }
        return [line]
    }

    /// `name` without the date its last words make with no separator before it (`سعاد المراكشي
    /// 9 شباط 2024`, a box's text joining a byline's element and its date's): the words from the
    /// first number or date word on, when they are a date.
    static func withoutTrailingDate(_ name: String) -> String {
        let words = name.split(separator: " ")
        guard words.count > 1 else { return name }
        for start in 1..<words.count {
            let key = ArabicKey.make(words[start])
            guard key.first?.isNumber == true || ArabicDateParser.isDateWord(key) else { continue }
            return isDate(words[start...].joined(separator: " ")) ? words[..<start].joined(separator: " ") : name
        }
        return name
    }

    /// A date written out in words (``dateLine(_:)``) or as a machine date (`2024-03-12`).
    private static func isDate(_ text: String) -> Bool {
        dateLine(text) != nil || ArabicDateParser.parseMachine(text) != nil
    }

    /// What stands between a byline's name and its date on one line. An array, not a
    /// `Set<Character>`: the first set of that type costs a process a protocol-conformance scan of
    /// the whole binary, more than the linear search costs over a corpus run.
    private static let bylineDateSeparators: [Character] = ["·", "|", "-", "–", "—", "،", ",", "•"]

    /// The date of a line that is a date and little else (a day name, "الموافق", era words).
    static func dateLine(_ text: String) -> ArabicDate? {
        guard let date = ArabicDateParser.find(in: text), date.day != nil else { return nil }
        let words = ArabicKey.make(text).split(separator: " ")
        let dateWords = words.filter { word in
            word.allSatisfy(\.isNumber) || ArabicDateParser.isDateWord(String(word))
        }
        return dateWords.count * 3 >= words.count * 2 ? date : nil
    }

    /// A byline with no label: a person's name and the date, alone on a line, as Urdu and Persian
    /// news pages print them under the headline (`ذیشان مہتاب اتوار 12 مئی 2024 23:04`). The name
    /// is two to four words with no digit and no date word; its first word does not take the
    /// article `ال`, so a dateline's place (`الدار البيضاء 12 مارس 2024`) is not read as a name;
    /// the rest is a date line (``dateLine(_:)``). Returns the name, the date and its words.
    static func nameAndDate(_ text: String) -> (author: String, date: ArabicDate, dateText: String)? {
        // At most 15 pieces: a line of more than 14 words is no byline, and a caller that asks about
        // a long paragraph does not pay for splitting it whole to find that out.
        var words = text.split(separator: " ", maxSplits: 14)
        if words.count == 15 {
            // The 15th piece is the rest of the line: more words, or only spaces after the 14th.
            guard !words[14].contains(where: { $0 != " " }) else { return nil }
            words.removeLast()
        }
        guard words.count >= 4 else { return nil }
        for count in 2...min(4, words.count - 2) {
            let name = words.prefix(count)
            let keys = name.map { ArabicKey.make($0) }
            guard name.allSatisfy({ $0.count >= 2 && $0.allSatisfy(\.isLetter) }),
                keys.allSatisfy({ !$0.isEmpty && !ArabicDateParser.isDateWord($0) }),
                !keys[0].hasPrefix("ال")
            else { return nil }
            let next = ArabicKey.make(words[count])
            // The date starts here: a number or a date word (a day or month name).
            guard next.first?.isNumber == true || ArabicDateParser.isDateWord(next) else { continue }
            let rest = words.dropFirst(count).joined(separator: " ")
            guard let date = dateLine(rest) else { return nil }
            return (name.joined(separator: " "), date, rest)
        }
        return nil
    }

    /// Splits a tag line on Arabic and Latin commas, semicolons and bullets.
    static func splitList(_ value: String) -> [String] {
        value.split(whereSeparator: { "،,؛;|•/".contains($0) })
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .map { $0.hasPrefix("#") ? String($0.dropFirst()) : $0 }
            .filter { !$0.isEmpty }
    }
}
