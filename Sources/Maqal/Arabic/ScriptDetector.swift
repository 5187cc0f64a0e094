/// Tells Arabic, Persian and Urdu text apart by the letters each alone uses, and right-to-left
/// text from left-to-right (ARABIC.md §2.1: Persian and Urdu signals).
enum ScriptDetector {
    /// Letters Persian writes and Arabic does not: پ چ ژ گ ک ی.
    static let persianLetters: Set<UInt32> = [0x067E, 0x0686, 0x0698, 0x06AF, 0x06A9, 0x06CC]
    /// Letters Urdu writes and Persian and Arabic do not: ٹ ڈ ڑ ں ے ھ ہ.
    static let urduLetters: Set<UInt32> = [0x0679, 0x0688, 0x0691, 0x06BA, 0x06D2, 0x06BE, 0x06C1]

    struct Counts: Sendable {
        var letters = 0
        var arabicScript = 0
        var persian = 0
        var urdu = 0

        /// Share of Arabic-script letters among all letters.
        var arabicShare: Double { letters == 0 ? 0 : Double(arabicScript) / Double(letters) }
    }

    static func count(_ text: some StringProtocol, into counts: inout Counts) {
        // The bytes walked when the string has them in one piece (it nearly always does).
        let counted: Void? = text.utf8.withContiguousStorageIfAvailable { utf8 in
            var index = 0
            while index < utf8.count {
                let (value, length) = utf8.scalar(at: index)
                index += length
                count(Unicode.Scalar(value)!, into: &counts)
            }
        }
        if counted == nil {
            for scalar in text.unicodeScalars { count(scalar, into: &counts) }
        }
    }

    @inline(__always)
    private static func count(_ scalar: Unicode.Scalar, into counts: inout Counts) {
        let value = scalar.value
        // The plain letters (ء–غ, ف–ي), most letters of an Arabic text, lie below the Persian
        // and Urdu ones: counted without asking the general letter tests.
        if (0x0621...0x063A).contains(value) || (0x0641...0x064A).contains(value) {
            counts.letters += 1
            counts.arabicScript += 1
            return
        }
        guard ArabicScalar.isLetter(scalar) else { return }
        counts.letters += 1
        guard ArabicScalar.isArabicLetter(value) else { return }
        counts.arabicScript += 1
        // Both sets lie in U+0679–06D2; the letters Arabic writes mostly lie below, and two
        // hashed lookups for each of them were most of the time spent here.
        guard (0x0679...0x06D2).contains(value) else { return }
        if persianLetters.contains(value) { counts.persian += 1 }
        if urduLetters.contains(value) { counts.urdu += 1 }
    }

    /// `ar`, `fa` or `ur` for text mostly in Arabic script; `nil` when the script does not say.
    static func language(_ counts: Counts) -> String? {
        guard counts.letters >= 20, counts.arabicShare >= 0.5 else { return nil }
        let script = Double(counts.arabicScript)
        if Double(counts.urdu) / script > 0.01 { return "ur" }
        if Double(counts.persian) / script > 0.02 { return "fa" }
        return "ar"
    }

    /// `rtl` for languages written right to left, `ltr` for the rest.
    static func direction(language: String?, counts: Counts) -> String? {
        if let language {
            let primary = language.lowercased().split(separator: "-").first.map(String.init) ?? ""
            return ["ar", "fa", "ur", "he", "ps", "ckb", "ku", "sd", "ug", "yi", "dv"].contains(primary) ? "rtl" : "ltr"
        }
        guard counts.letters >= 20 else { return nil }
        return counts.arabicShare >= 0.5 ? "rtl" : "ltr"
    }
}
