import Testing

@testable import Maqal

/// ``TextFacts`` reads words, letters by script and direction in one walk over a text's bytes,
/// from a table of scalar classes. Each count must stay what it was when it was asked on its
/// own, scalar by scalar: the references below are those definitions, kept as they were.
@Suite("Text facts")
struct TextFactsTests {
    /// Scalars of every class the table knows and beyond it: ASCII, Latin-1, Hebrew, the Arabic
    /// block with its Persian and Urdu letters, marks and digits, joiners, apostrophes and digit
    /// separators, punctuation, Arabic presentation forms, other scripts and emoji.
    static let pool: [UInt32] = [
        0x20, 0x41, 0x7A, 0x30, 0x39, 0x27, 0x2C, 0x2E, 0x2D, 0x0A, 0x0D, 0xA0, 0xAD, 0xE9, 0xAB, 0xBB, 0x0301,
        0x03B1, 0x0416, 0x05D0, 0x05EA, 0x05B8, 0x0600, 0x060C, 0x061F, 0x0621, 0x0627, 0x0644, 0x064A, 0x063B,
        0x0640, 0x064B, 0x0651, 0x0660, 0x0669, 0x066B, 0x066C, 0x066E, 0x0670, 0x0671, 0x067E, 0x0686, 0x0698,
        0x06A9, 0x06AF, 0x06CC, 0x0679, 0x0688, 0x0691, 0x06BA, 0x06BE, 0x06C1, 0x06D2, 0x06D4, 0x06D5, 0x06D6,
        0x06E5, 0x06F4, 0x06FF, 0x0750, 0x08A0, 0x08D3, 0x0915, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2019,
        0x2026, 0x201C, 0xFB56, 0xFDF2, 0xFEFB, 0xFEFF, 0x4E2D, 0xAC00, 0x1F44D,
    ]

    @Test("one walk gives the words, script letters and direction the separate counts gave")
    func matchesSeparateCounts() {
        var generator = SeededGenerator(#function)
        for _ in 0..<5_000 {
            let length = Int.random(in: 0...16, using: &generator)
            var scalars = String.UnicodeScalarView()
            for _ in 0..<length { scalars.append(Unicode.Scalar(Self.pool.randomElement(using: &generator)!)!) }
            let text = String(scalars)
            let facts = TextFacts(text)
            let script = Self.scriptCounts(text)
            let label = "\(text.unicodeScalars.map { String($0.value, radix: 16) })"
            #expect(facts.words == Self.words(text), "\(label)")
            #expect(WordCounter.count(text) == Self.words(text), "\(label)")
            #expect(facts.script.letters == script.letters, "\(label)")
            #expect(facts.script.arabicScript == script.arabicScript, "\(label)")
            #expect(facts.script.persian == script.persian, "\(label)")
            #expect(facts.script.urdu == script.urdu, "\(label)")
            #expect(facts.direction == Self.direction(text), "\(label)")
            #expect(BlockDirection.startsLeftToRight(text) == Self.startsLeftToRight(text), "\(label)")
            #expect((facts.characters ?? text.count) == text.count, "\(label)")
        }
    }

    // MARK: - The separate definitions

    static func words(_ text: String) -> Int {
        let scalars = Array(text.unicodeScalars)
        var words = 0
        var inWord = false
        var previousWasDigit = false
        for (index, scalar) in scalars.enumerated() {
            let value = scalar.value
            let isDigit = ArabicScalar.isDigit(value)
            let isWord = isDigit || ArabicScalar.isLetter(scalar) || ArabicScalar.isMark(scalar)
                || value == ArabicScalar.tatweel
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            if isWord {
                if !inWord { words += 1 }
                inWord = true
            } else if inWord, let next, joins(value, afterDigit: previousWasDigit, next: next) {
                // stays inside the word
            } else {
                inWord = false
            }
            previousWasDigit = isDigit
        }
        return words
    }

    private static func joins(_ value: UInt32, afterDigit: Bool, next: Unicode.Scalar) -> Bool {
        switch value {
        case 0x200C, 0x200D: ArabicScalar.isLetter(next)
        case 0x27, 0x2019: !afterDigit && ArabicScalar.isLetter(next)
        case 0x2E, 0x2C, 0x066B, 0x066C: afterDigit && ArabicScalar.isDigit(next.value)
        default: false
        }
    }

    static func scriptCounts(_ text: String) -> ScriptDetector.Counts {
        var counts = ScriptDetector.Counts()
        for scalar in text.unicodeScalars where ArabicScalar.isLetter(scalar) {
            counts.letters += 1
            guard ArabicScalar.isArabicLetter(scalar.value) else { continue }
            counts.arabicScript += 1
            if ScriptDetector.persianLetters.contains(scalar.value) { counts.persian += 1 }
            if ScriptDetector.urduLetters.contains(scalar.value) { counts.urdu += 1 }
        }
        return counts
    }

    static func direction(_ text: String) -> TextDirection? {
        var rightToLeft = 0
        var leftToRight = 0
        for scalar in text.unicodeScalars where ArabicScalar.isLetter(scalar) {
            if ArabicScalar.isArabicLetter(scalar.value) || (0x0590...0x05FF).contains(scalar.value) {
                rightToLeft += 1
            } else {
                leftToRight += 1
            }
        }
        guard rightToLeft + leftToRight >= 3 else { return nil }
        return leftToRight > rightToLeft ? .ltr : .rtl
    }

    static func startsLeftToRight(_ text: String) -> Bool {
        for scalar in text.unicodeScalars where ArabicScalar.isLetter(scalar) {
            return !ArabicScalar.isArabicLetter(scalar.value) && !(0x0590...0x05FF).contains(scalar.value)
        }
        return false
    }
}
