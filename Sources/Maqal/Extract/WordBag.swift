/// The words of a text with their counts: the measure behind "how much of this text is that one".
struct WordBag: Sendable {
    private(set) var counts: [String: Int] = [:]
    private(set) var total = 0

    init(_ text: String) {
        var word = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if ArabicScalar.isLetter(scalar) || ArabicScalar.isDigit(scalar.value) || ArabicScalar.isMark(scalar) {
                word.append(scalar)
            } else if !word.isEmpty {
                add(String(word))
                word = String.UnicodeScalarView()
            }
        }
        if !word.isEmpty { add(String(word)) }
    }

    private mutating func add(_ word: String) {
        counts[word, default: 0] += 1
        total += 1
    }

    func overlap(with other: WordBag) -> Int {
        counts.reduce(0) { $0 + min($1.value, other.counts[$1.key] ?? 0) }
    }

    /// Share of this bag's words that `other` holds.
    func recall(of other: WordBag) -> Double {
        total == 0 ? 0 : Double(overlap(with: other)) / Double(total)
    }
}
