/// Repairs Arabic mojibake in a run of text (ARABIC.md §1.5): UTF-8 read as windows-1252 or
/// windows-1256, UTF-8 encoded twice, and windows-1256 read as Latin-1.
///
/// Works per run (a text node, a field, a line) because pages mix clean and broken fields; a
/// repair is kept only when the result decodes cleanly and its share of Arabic letters rises.
enum MojibakeRepair {
    /// What a run is judged on. Two tell-tale pairs of one kind make a run suspect on their own; one
    /// pair does too once other runs of the same page were repaired. One pair alone occurs in clean
    /// Arabic (`ضغط،` reads as ط + a windows-1256 continuation character), while a mojibake run
    /// between two links can be a single letter (`Ùˆ`, و), which stayed broken beside its repaired
    /// neighbours.
    enum Evidence {
        case run
        case page

        var pairs: Int { self == .run ? 2 : 1 }
    }

    /// The repaired run, or `nil` when `text` shows no mojibake or no repair improves it.
    static func repair(_ text: String, evidence: Evidence = .run) -> String? {
        guard looksBroken(text, pairs: evidence.pairs) else { return nil }
        var current = text
        var changed = false
        for _ in 0..<2 {
            guard let better = bestRepair(of: current, pairs: evidence.pairs) else { break }
            current = better
            changed = true
        }
        return changed ? current : nil
    }

    /// Repairs each line of a plain text; returns the text and how many lines changed. Once a line
    /// was repaired, lines with a single tell-tale pair are tried too (``Evidence/page``).
    static func repairLines(_ text: String) -> (text: String, repaired: Int) {
        guard looksBroken(text) else { return (text, 0) }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var repaired = 0
        for evidence in [Evidence.run, .page] where evidence == .run || repaired > 0 {
            for index in lines.indices {
                guard let fixed = repair(lines[index], evidence: evidence) else { continue }
                lines[index] = fixed
                repaired += 1
            }
        }
        return (lines.joined(separator: "\n"), repaired)
    }

    static func diagnostic(count: Int) -> Diagnostic {
        Diagnostic(.info, .encodingRepaired, "repaired mojibake in \(count) text run\(count == 1 ? "" : "s")")
    }

    // MARK: - Detection

    /// Cheap check for the tell-tale pairs: a UTF-8 lead byte for U+06xx shown as `Ø Ù Ú Û`
    /// (1252) or `ط ظ ع غ` (1256) followed by a continuation-byte character, `Ã˜`-style pairs of
    /// UTF-8 encoded twice, or `Çá` (ال in windows-1256 shown as Latin-1).
    /// `pairs` is how many pairs of one kind it takes (see ``Evidence``).
    static func looksBroken(_ text: some StringProtocol, pairs: Int = Evidence.run.pairs) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { looksBroken(utf8: $0, pairs: pairs) }
            ?? Array(text.utf8).withUnsafeBufferPointer { looksBroken(utf8: $0, pairs: pairs) }
    }

    /// ``looksBroken(_:pairs:)`` for text still in UTF-8 bytes (a text node as the parser reads it).
    static func looksBroken(utf8: UnsafeBufferPointer<UInt8>, pairs: Int = Evidence.run.pairs) -> Bool {
        let counts = tellTales(utf8: utf8, stopAt: pairs)
        return counts.utf8As1252 >= pairs || counts.utf8As1256 >= pairs || counts.legacyAsLatin >= pairs
    }

    /// How many tell-tale pairs of each kind `text` holds (counting stops at `stopAt`).
    static func tellTales(_ text: some StringProtocol, stopAt: Int = .max)
        -> (utf8As1252: Int, utf8As1256: Int, legacyAsLatin: Int)
    {
        if let counts = text.utf8.withContiguousStorageIfAvailable({ tellTales(utf8: $0, stopAt: stopAt) }) {
            return counts
        }
        return Array(text.utf8).withUnsafeBufferPointer { tellTales(utf8: $0, stopAt: stopAt) }
    }

    /// The scan behind ``tellTales(_:stopAt:)`` over valid UTF-8. Every first scalar of a pair
    /// (U+00C2…U+00DB, U+0637…U+063A) is two bytes led by `C3` or `D8`, so only those bytes
    /// start a look: most of an Arabic text is passed over a byte at a time.
    private static func tellTales(utf8 bytes: UnsafeBufferPointer<UInt8>, stopAt: Int)
        -> (utf8As1252: Int, utf8As1256: Int, legacyAsLatin: Int)
    {
        var counts = (utf8As1252: 0, utf8As1256: 0, legacyAsLatin: 0)
        guard stopAt > 0 else { return counts }
        var index = 0
        while index + 2 < bytes.count {
            let lead = bytes[index]
            guard lead == 0xC3 || lead == 0xD8 else {
                index += 1
                continue
            }
            let second = bytes[index + 1]
            // Only these first scalars start a pair: U+00C2 U+00C3 U+00C7 U+00D8…U+00DB after C3,
            // U+0637…U+063A after D8. Most Arabic letters are D8 pairs and stop here.
            let starts = lead == 0xC3
                ? second == 0x82 || second == 0x83 || second == 0x87 || (0x98...0x9B).contains(second)
                : (0xB7...0xBA).contains(second)
            guard starts else {
                index += 2
                continue
            }
            let previous = UInt32(lead & 0x1F) << 6 | UInt32(second & 0x3F)
            let value = bytes.scalar(at: index + 2).value
            // Counts only grow here, so each is checked against `stopAt` right where it grows.
            switch previous {
            case 0xD8...0xDB, 0xC2...0xC3:
                if isContinuation1252(value) || value == 0x2DC {
                    counts.utf8As1252 += 1
                    if counts.utf8As1252 >= stopAt { return counts }
                }
            case 0x0637...0x063A:
                if isContinuation1256(value) {
                    counts.utf8As1256 += 1
                    if counts.utf8As1256 >= stopAt { return counts }
                }
            case 0xC7:
                if value == 0xE1 || value == 0xE4 {
                    counts.legacyAsLatin += 1
                    if counts.legacyAsLatin >= stopAt { return counts }
                }
            default:
                break
            }
            index += 2
        }
        return counts
    }

    static func suspicion(_ text: some StringProtocol) -> Int {
        let counts = tellTales(text)
        return counts.utf8As1252 + counts.utf8As1256 + counts.legacyAsLatin
    }

    private static func isContinuation1252(_ value: UInt32) -> Bool {
        switch value {
        case 0x80...0xBF, 0x152, 0x153, 0x160, 0x161, 0x178, 0x17D, 0x17E, 0x192, 0x2C6, 0x2DC, 0x2013, 0x2014, 0x2018,
            0x2019, 0x201A, 0x201C, 0x201D, 0x201E, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039, 0x203A, 0x20AC,
            0x2122:
            true
        default:
            false
        }
    }

    static func isContinuation1256(_ value: UInt32) -> Bool {
        // What follows ط ظ ع غ is mostly an Arabic letter or ASCII, none of which windows-1256
        // writes with a continuation byte (checked in the tests): told without the bit set, which
        // every Arabic text built at its first such letter.
        if value < 0x80 || (0x0621...0x064A).contains(value) { return false }
        return value < 0x2200 && continuations1256[Int(value >> 6)] & (1 << UInt64(value & 63)) != 0
    }

    /// Scalars that windows-1256 writes with a byte 0x80…0xBF, the range of UTF-8 continuation
    /// bytes, as a bit set over U+0000…U+21FF (all of them lie there; checked in the tests).
    private static let continuations1256: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 0x2200 / 64)
        for value in CodePage.windows1256.high[..<0x40] where value != 0 {
            let scalar = Int(value)
            precondition(scalar < 0x2200, "a windows-1256 continuation scalar past the bit set")
            bits[scalar >> 6] |= 1 << UInt64(scalar & 63)
        }
        return bits
    }()

    // MARK: - Repair

    /// The three kinds of mojibake, each undone by one conversion.
    private enum Kind {
        case utf8As1252, utf8As1256, legacyAsLatin
    }

    /// One repair step, chosen by the kind of tell-tale the text shows; `nil` when the step does
    /// not give cleaner text. The run is converted whole; when that fails, piece by piece (words,
    /// and stretches between characters the code page cannot spell), so clean text inside it (an
    /// Arabic comma typed after the damage, a name) or one word that will not convert does not keep
    /// the rest of a paragraph broken.
    private static func bestRepair(of text: String, pairs: Int) -> String? {
        let counts = tellTales(text)
        let kind: Kind
        if counts.utf8As1252 >= pairs {
            kind = .utf8As1252
        } else if counts.utf8As1256 >= pairs {
            kind = .utf8As1256
        } else if counts.legacyAsLatin >= pairs {
            kind = .legacyAsLatin
        } else {
            return nil
        }
        if let whole = convert(text, kind), whole != text, suspicion(whole) < suspicion(text) { return whole }
        let page = kind == .utf8As1256 ? CodePage.windows1256 : CodePage.windows1252
        var result = ""
        var piece = ""
        var changed = false
        func flush() {
            if suspicion(piece) > 0, kind != .utf8As1256 || !hasCleanArabic(piece), let fixed = convert(piece, kind),
                suspicion(fixed) < suspicion(piece)
            {
                result += fixed
                changed = true
            } else {
                result += piece
            }
            piece = ""
        }
        for scalar in text.unicodeScalars {
            // U+FFFD stays in its piece: after `Ù` it stands for a lost byte (``restoringLostByte(in:)``).
            if scalar == " " || (scalar != "\u{FFFD}" && !page.canEncode(scalar)) {
                flush()
                result.unicodeScalars.append(scalar)
            } else {
                piece.unicodeScalars.append(scalar)
            }
        }
        flush()
        // A repaired piece beside a separator can make a new pair (`ط` before `،`): the run as a
        // whole must still come out cleaner.
        return changed && suspicion(result) < suspicion(text) ? result : nil
    }

    /// UTF-8 read as windows-1256 spells an Arabic letter as `ط ظ ع غ` (the lead bytes D8–DB) and
    /// a character of bytes 80–BF; a piece holding any other Arabic letter (`س` in a clean `عکس`,
    /// whose `عک` looks like a tell-tale pair) is clean Arabic-script text, not mojibake.
    private static func hasCleanArabic(_ piece: String) -> Bool {
        piece.unicodeScalars.contains { scalar in
            ArabicScalar.isArabicLetter(scalar.value) && !(0x0637...0x063A).contains(scalar.value)
                && !isContinuation1256(scalar.value)
        }
    }

    /// The text the mojibake was made from, if the conversion gives clean text.
    private static func convert(_ text: String, _ kind: Kind) -> String? {
        switch kind {
        case .utf8As1252:
            return CodePage.windows1252.encode(restoringLostByte(in: text)).flatMap { bytes in
                String(validating: bytes, as: UTF8.self)
            }
        case .utf8As1256:
            return CodePage.windows1256.encode(text).flatMap { String(validating: $0, as: UTF8.self) }
        case .legacyAsLatin:
            // windows-1256 decodes any bytes, so only a clearly Arabic result counts.
            return CodePage.windows1252.encode(text).map { CodePage.windows1256.decode($0) }
                .flatMap { arabicShare($0) > 0.6 ? $0 : nil }
        }
    }

    /// `ف` is `D9 81` in UTF-8, and 0x81 is one of the five bytes windows-1252 leaves undefined:
    /// read as 1252 it becomes the control U+0081, which sanitisers strip or turn into U+FFFD, so
    /// `في` arrives as `ÙÙŠ`. A `Ù` (the D9 lead) followed by U+FFFD, or by anything that is not a
    /// continuation character, had its 0x81 lost; ف is by far the most frequent of the five
    /// characters that byte could have been (the others are harakat and rare signs).
    private static func restoringLostByte(in text: String) -> String {
        guard text.unicodeScalars.contains("Ù") else { return text }
        var result = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            if scalar == "\u{FFFD}", index > 0, scalars[index - 1] == "Ù" {
                result.append("\u{81}")
                continue
            }
            result.append(scalar)
            guard scalar == "Ù" else { continue }
            let next = index + 1 < scalars.count ? scalars[index + 1].value : 0
            if next != 0xFFFD && !isContinuation1252(next) { result.append("\u{81}") }
        }
        return String(result)
    }

    private static func arabicShare(_ text: String) -> Double {
        var letters = 0
        var arabic = 0
        for scalar in text.unicodeScalars where ArabicScalar.isLetter(scalar) {
            letters += 1
            if ArabicScalar.isArabicLetter(scalar.value) { arabic += 1 }
        }
        return letters == 0 ? 0 : Double(arabic) / Double(letters)
    }
}
