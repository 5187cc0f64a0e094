/// Bytes → Unicode text, and how the encoding was decided (the Decode stage).
///
/// Order of evidence, after ARABIC.md §1.3: a user's choice, a byte-order mark, UTF-16 without
/// one, valid UTF-8 (whatever a label says), a declared Arabic code page, then byte statistics
/// between windows-1256 and ISO-8859-6. libxml2 is never left to guess (DESIGN.md).
struct DecodedText: Sendable {
    /// The text as UTF-8: the input's own bytes when they already were valid UTF-8, so the HTML
    /// path hands them to libxml2 without making (and validating) a string first.
    var utf8: [UInt8]
    var encoding: TextEncoding
    var origin: Source.EncodingOrigin
    /// The label the page declared, if any, as written.
    var declared: String?
    var diagnostics: [Diagnostic] = []

    var text: String { String(decoding: utf8, as: UTF8.self) }

    init(utf8: [UInt8], encoding: TextEncoding, origin: Source.EncodingOrigin, declared: String?) {
        self.utf8 = utf8
        self.encoding = encoding
        self.origin = origin
        self.declared = declared
    }

    init(text: String, encoding: TextEncoding, origin: Source.EncodingOrigin, declared: String?) {
        self.init(utf8: Array(text.utf8), encoding: encoding, origin: origin, declared: declared)
    }
}

enum ByteDecoder {
    /// How many leading bytes are searched for a charset declaration.
    static let declarationWindow = 4096

    /// `outside` is a charset named outside the bytes (HTTP, a saved-page container). As in a
    /// browser, it outranks the page's own `<meta>`; valid UTF-8 still wins over either.
    static func decode(
        _ bytes: [UInt8], format: Source.Format, user: TextEncoding?,
        outside: (label: String, origin: Source.EncodingOrigin)? = nil
    ) -> DecodedText {
        let outsideEncoding = outside.flatMap { TextEncoding(label: $0.label) }
        let inPage = format == .html ? CharsetDeclaration.find(in: bytes.prefix(declarationWindow)) : nil
        let declared = outsideEncoding != nil ? outside?.label : inPage
        // The origin a declared label is reported with: where the label that counts came from.
        let declaredOrigin: Source.EncodingOrigin = outsideEncoding != nil ? outside!.origin : .meta
        if let user {
            var body = bytes[...]
            if let bom = byteOrderMark(bytes), bom.encoding == user { body = body.dropFirst(bom.length) }
            let text = decode(body, as: user)
            var result = DecodedText(text: text, encoding: user, origin: .user, declared: declared)
            let invalid = invalidSequences(body, as: user, decoded: text)
            if invalid > 0 {
                // The choice is the user's, so it stands; but a wrong one must never pass in silence.
                let detected = decode(bytes, format: format, user: nil, outside: outside).encoding
                let hint = detected == user ? "" : "; detection reads the input as \(detected.rawValue)"
                result.diagnostics.append(Diagnostic(
                    .warning, "encoding.invalid-bytes",
                    "\(invalid) byte sequence\(invalid == 1 ? " is" : "s are") invalid in \(user.rawValue), the "
                        + "encoding asked for, each shown as U+FFFD\(hint)"))
            }
            return result
        }
        if let bom = byteOrderMark(bytes) {
            return DecodedText(
                text: decode(bytes.dropFirst(bom.length), as: bom.encoding), encoding: bom.encoding,
                origin: .bom, declared: declared)
        }
        if let utf16 = sniffUTF16(bytes) {
            return DecodedText(text: decode(bytes[...], as: utf16), encoding: utf16, origin: .sniffed, declared: declared)
        }
        let declaredEncoding = declared.flatMap { TextEncoding(label: $0) }
        // One pass: whether the bytes are UTF-8, whether they are ASCII, and for a page that is
        // not UTF-8 the share of its high bytes that still form sequences.
        let tally = UTF8Validation.tally(bytes)
        if tally.isValid {
            let fromMeta = declaredEncoding == .utf8 || (declaredEncoding != nil && tally.isASCII)
            if fromMeta, let declaredEncoding, declaredEncoding != .utf8 {
                // Pure ASCII: every ASCII-compatible label reads it the same way.
                return DecodedText(utf8: bytes, encoding: declaredEncoding, origin: declaredOrigin, declared: declared)
            }
            return DecodedText(utf8: bytes, encoding: .utf8, origin: fromMeta ? declaredOrigin : .sniffed, declared: declared)
        }
        if let repaired = truncatedUTF8(bytes) {
            var result = DecodedText(text: repaired, encoding: .utf8, origin: declaredEncoding == .utf8 ? declaredOrigin : .sniffed, declared: declared)
            result.diagnostics.append(Diagnostic(.warning, .encodingTruncated, "the input ends in the middle of a UTF-8 character; the partial character was dropped"))
            return result
        }
        if let invalid = strayBytesInUTF8(tally) {
            var result = DecodedText(
                text: String(decoding: bytes, as: UTF8.self), encoding: .utf8,
                origin: declaredEncoding == .utf8 ? declaredOrigin : .sniffed, declared: declared)
            result.diagnostics.append(invalidBytes(invalid, in: .utf8))
            return result
        }
        if let declaredEncoding, declaredEncoding == .windows1256 || declaredEncoding == .iso88596 {
            return DecodedText(
                utf8: codePage(declaredEncoding)!.utf8(bytes), encoding: declaredEncoding, origin: declaredOrigin,
                declared: declared)
        }
        let sniffed = sniffSingleByte(bytes, declared: declaredEncoding)
        let origin: Source.EncodingOrigin = sniffed == declaredEncoding ? declaredOrigin : .sniffed
        // The code page's UTF-8 straight into the buffer the reader takes: a `String` made of it
        // first would be validated and copied again for nothing.
        return DecodedText(utf8: codePage(sniffed)!.utf8(bytes), encoding: sniffed, origin: origin, declared: declared)
    }

    /// The table of a single-byte encoding; `nil` for the Unicode ones.
    static func codePage(_ encoding: TextEncoding) -> CodePage? {
        switch encoding {
        case .windows1256: .windows1256
        case .iso88596: .iso88596
        case .windows1252: .windows1252
        case .utf8, .utf16LE, .utf16BE: nil
        }
    }

    static func decode(_ bytes: ArraySlice<UInt8>, as encoding: TextEncoding) -> String {
        switch encoding {
        case .utf8: return String(decoding: bytes, as: UTF8.self)
        case .utf16LE, .utf16BE: return decodeUTF16(bytes, littleEndian: encoding == .utf16LE)
        case .windows1256: return CodePage.windows1256.decode(bytes)
        case .iso88596: return CodePage.iso88596.decode(bytes)
        case .windows1252: return CodePage.windows1252.decode(bytes)
        }
    }

    // MARK: - Evidence

    static func byteOrderMark(_ bytes: [UInt8]) -> (encoding: TextEncoding, length: Int)? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return (.utf8, 3) }
        if bytes.starts(with: [0xFF, 0xFE]) { return (.utf16LE, 2) }
        if bytes.starts(with: [0xFE, 0xFF]) { return (.utf16BE, 2) }
        return nil
    }

    /// UTF-16 without a BOM: ASCII and Arabic code units put `00` or `06` in every other byte.
    static func sniffUTF16(_ bytes: [UInt8]) -> TextEncoding? {
        let pairs = min(bytes.count, 4096) / 2
        guard pairs >= 4 else { return nil }
        var evenHits = 0
        var oddHits = 0
        bytes.withUnsafeBufferPointer { buffer in
            let base = buffer.baseAddress!
            let end = pairs * 2
            var index = 0
            // Four pairs a word: a word starts at an even byte, so its bytes 0, 2, 4, 6 are even.
            // Hits are summed in four 16-bit lanes (at most 512 words, no lane overflows) and
            // the lanes added at the end: a population count per word is a long bit-twiddling
            // sequence on the baseline x86-64 the release build targets.
            var evenLanes: UInt64 = 0
            var oddLanes: UInt64 = 0
            while index + 8 <= end {
                let word = ByteMask.word(base + index)
                let hits = ByteMask.equal(word, 0x00) | ByteMask.equal(word, 0x06)
                evenLanes &+= (hits & 0x0080_0080_0080_0080) &>> 7
                oddLanes &+= (hits & 0x8000_8000_8000_8000) &>> 15
                index += 8
            }
            for lane in stride(from: 0, to: 64, by: 16) {
                evenHits += Int(evenLanes &>> UInt64(lane) & 0xFFFF)
                oddHits += Int(oddLanes &>> UInt64(lane) & 0xFFFF)
            }
            while index < end {
                if base[index] == 0x00 || base[index] == 0x06 { evenHits += 1 }
                if base[index + 1] == 0x00 || base[index + 1] == 0x06 { oddHits += 1 }
                index += 2
            }
        }
        let threshold = pairs * 2 / 5
        if oddHits > threshold && evenHits * 10 < pairs { return .utf16LE }
        if evenHits > threshold && oddHits * 10 < pairs { return .utf16BE }
        return nil
    }

    /// A file cut off in the middle of a UTF-8 sequence is still UTF-8 (ARABIC.md §1.3).
    private static func truncatedUTF8(_ bytes: [UInt8]) -> String? {
        for cut in 1...3 where bytes.count > cut {
            let head = bytes[..<(bytes.count - cut)]
            let tail = bytes[(bytes.count - cut)...]
            guard let lead = tail.first, lead >= 0xC0 else { continue }
            // Only the start of a character cut short: a lead byte that wants more than is left,
            // then continuation bytes. "\u{E2}\u{82}>" is a stray pair before a tag, not a cut.
            let length = lead >= 0xF8 ? 0 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            guard cut < length, tail.dropFirst().allSatisfy({ $0 & 0xC0 == 0x80 }) else { return nil }
            if let text = String(validating: head, as: UTF8.self) { return text }
            return nil
        }
        return nil
    }

    /// How many sequences of `bytes` have no character in `encoding`: each became one U+FFFD in
    /// `decoded` (a U+FFFD the bytes spell validly is not counted; a lone last byte of UTF-16 is).
    static func invalidSequences(_ bytes: ArraySlice<UInt8>, as encoding: TextEncoding, decoded: String) -> Int {
        let replacements = decoded.unicodeScalars.reduce(0) { $0 + ($1.value == 0xFFFD ? 1 : 0) }
        guard replacements > 0 || encoding == .utf16LE || encoding == .utf16BE else { return 0 }
        switch encoding {
        case .utf8:
            var invalid = 0
            var iterator = bytes.makeIterator()
            var decoder = UTF8()
            while true {
                switch decoder.decode(&iterator) {
                case .scalarValue: continue
                case .error: invalid += 1
                case .emptyInput: return invalid
                }
            }
        case .utf16LE, .utf16BE:
            var literal = 0
            var index = bytes.startIndex
            while index + 1 < bytes.endIndex {
                let pair = (bytes[index], bytes[index + 1])
                if pair == (encoding == .utf16LE ? (0xFD, 0xFF) : (0xFF, 0xFD)) { literal += 1 }
                index += 2
            }
            return replacements - literal + bytes.count % 2
        case .windows1256, .iso88596, .windows1252:
            return replacements
        }
    }

    /// How many invalid bytes there are in bytes that are otherwise UTF-8: nine in ten of the high
    /// bytes form well-formed sequences (ARABIC.md §1.3). A share, not a count: a short UTF-8 page
    /// has few letters, and a couple of stray bytes in it sent the whole page to windows-1256, every
    /// letter mojibake ("ظ‡ط°ظ‡"). Arabic windows-1256 text forms UTF-8 sequences only by chance —
    /// its letters are bytes C1–FF, and the 80–BF bytes that could follow one as a continuation
    /// (، ؛ ؟ « » NBSP, پ چ ژ گ ک) follow a letter a few times in a hundred.
    private static func strayBytesInUTF8(_ tally: UTF8Validation.Tally) -> Int? {
        return tally.invalid > 0 && tally.validHigh >= tally.invalid * 9 ? tally.invalid : nil
    }

    /// The diagnostic for bytes that were not valid in the encoding the text was read with.
    static func invalidBytes(_ count: Int, in encoding: TextEncoding) -> Diagnostic {
        Diagnostic(
            .warning, .encodingInvalidBytes,
            "\(count) byte\(count == 1 ? " was" : "s were") not valid \(encoding.rawValue) and became U+FFFD")
    }

    /// windows-1256 or ISO-8859-6 (or windows-1252 for a Latin page labelled so).
    static func sniffSingleByte(_ bytes: [UInt8], declared: TextEncoding?) -> TextEncoding {
        var highBytes = 0
        var undefinedIn88596 = 0
        var arabicLetters1256 = 0
        var alef1256 = 0
        var alef88596 = 0
        var previous: UInt8 = 0
        for byte in bytes {
            if byte >= 0x80 {
                highBytes += 1
                if !CodePage.iso88596.isDefined(byte) { undefinedIn88596 += 1 }
                switch byte {
                case 0xC1...0xD6, 0xD8...0xDF, 0xE1, 0xE3...0xE6, 0xEC, 0xED: arabicLetters1256 += 1
                default: break
                }
                if previous == 0xC7 && byte == 0xE1 { alef1256 += 1 }
                if previous == 0xC7 && byte == 0xE4 { alef88596 += 1 }
            }
            previous = byte
        }
        if declared == .windows1252, arabicLetters1256 * 10 < highBytes * 3 { return .windows1252 }
        if undefinedIn88596 > 0 { return .windows1256 }
        if alef88596 > alef1256 { return .iso88596 }
        return .windows1256
    }

    private static func decodeUTF16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let low = UInt16(bytes[index])
            let high = UInt16(bytes[index + 1])
            units.append(littleEndian ? (high << 8 | low) : (low << 8 | high))
            index += 2
        }
        return String(decoding: units, as: UTF16.self)
    }
}
