/// Tells Arabic, Persian and Urdu text apart by the letters each alone uses, and right-to-left
/// text from left-to-right (ARABIC.md §2.1: Persian and Urdu signals).
enum ScriptDetector {
    /// Letters Persian writes and Arabic does not: پ چ ژ گ ک ی.
    static let persianLetters: Set<UInt32> = [0x067E, 0x0686, 0x0698, 0x06AF, 0x06A9, 0x06CC]
    /// Letters Urdu writes and Persian and Arabic do not: ٹ ڈ ڑ ں ے ھ ہ.
    static let urduLetters: Set<UInt32> = [0x0679, 0x0688, 0x0691, 0x06BA, 0x06D2, 0x06BE, 0x06C1]

    /// Letters counted by script (``TextFacts`` counts them in a text).
    struct Counts: Sendable {
        var letters = 0
        var arabicScript = 0
        var persian = 0
        var urdu = 0

        /// Share of Arabic-script letters among all letters.
        var arabicShare: Double { letters == 0 ? 0 : Double(arabicScript) / Double(letters) }

        mutating func add(_ other: Counts) {
            letters += other.letters
            arabicScript += other.arabicScript
            persian += other.persian
            urdu += other.urdu
        }
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
    static func direction(language: String?, counts: Counts) -> TextDirection? {
        if let language {
            let primary = language.lowercased().split(separator: "-").first.map(String.init) ?? ""
            return ["ar", "fa", "ur", "he", "ps", "ckb", "ku", "sd", "ug", "yi", "dv"].contains(primary) ? .rtl : .ltr
        }
        guard counts.letters >= 20 else { return nil }
        return counts.arabicShare >= 0.5 ? .rtl : .ltr
    }
}

extension ScriptDetector.Counts {
    /// The letters of `text` by script, counted as ``TextFacts`` counts them, for a caller
    /// that needs no more of its facts (its words and characters cost as much again).
    init(lettersOf text: String) {
        var text = text
        var counts = ScriptDetector.Counts()
        text.withUTF8 { bytes in
            bytes.forEachClassedScalar { _, scalar, _ in
                guard scalar.contains(.letter) else { return true }
                counts.letters += 1
                if scalar.contains(.arabicLetter) {
                    counts.arabicScript += 1
                    if scalar.contains(.persianLetter) { counts.persian += 1 }
                    if scalar.contains(.urduLetter) { counts.urdu += 1 }
                }
                return true
            }
        }
        self = counts
    }
}
