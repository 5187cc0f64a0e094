/// What the Structure stage counts in one text — words, characters, letters by script — read
/// in one walk over its UTF-8: counted one fact at a time, every block's text would be decoded
/// four times.
struct TextFacts {
    var words = 0
    /// User-perceived characters; `nil` when the text has a scalar ``CharacterCount`` leaves to
    /// `String.count`.
    var characters: Int?
    var script = ScriptDetector.Counts()
    /// Hebrew letters, right to left like the Arabic-script ones ``script`` counts.
    var hebrewLetters = 0

    init(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var words = WordCounter.Words()
            var breaks = CharacterCount.Breaks()
            var characters = 0
            var charactersCovered = true
            bytes.forEachClassedScalar { value, scalar, next in
                words.add(value, scalar, next: bytes, at: next)
                if charactersCovered {
                    if let starts = breaks.startsCharacter(value, scalar.kind) {
                        if starts { characters += 1 }
                    } else {
                        charactersCovered = false
                    }
                }
                if scalar.contains(.letter) { count(scalar) }
                return true
            }
            self.words = words.count
            self.characters = charactersCovered ? characters : nil
        }
    }

    @inline(__always)
    private mutating func count(_ letter: ScalarClass) {
        script.letters += 1
        if letter.contains(.arabicLetter) {
            script.arabicScript += 1
            if letter.contains(.persianLetter) { script.persian += 1 }
            if letter.contains(.urduLetter) { script.urdu += 1 }
        } else if letter.contains(.hebrewLetter) {
            hebrewLetters += 1
        }
    }

    /// The direction the text takes from its letters: `ltr` when left-to-right letters are the
    /// majority, `rtl` when right-to-left (Arabic-script, Hebrew) ones are; `nil` with fewer
    /// than three letters.
    var direction: TextDirection? {
        let rightToLeft = script.arabicScript + hebrewLetters
        let leftToRight = script.letters - rightToLeft
        guard script.letters >= 3 else { return nil }
        return leftToRight > rightToLeft ? .ltr : .rtl
    }
}
