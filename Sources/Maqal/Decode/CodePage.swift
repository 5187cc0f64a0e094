/// A single-byte code page: ASCII below 0x80 and a 128-entry table above.
///
/// The tables are ours (tiny, exact, the same on every platform); a test cross-checks them
/// against Foundation's converters.
struct CodePage: Sendable {
    let name: String
    /// Unicode values for bytes 0x80…0xFF; 0 marks a byte the code page leaves undefined.
    let high: [UInt16]
    /// The UTF-8 bytes of each high byte's scalar (U+FFFD for an undefined byte), packed first
    /// byte lowest, and their count in the top byte; every scalar of these tables takes two or
    /// three bytes.
    private let utf8High: [UInt32]

    init(name: String, high: [UInt16]) {
        self.name = name
        self.high = high
        utf8High = high.map { value in
            var packed: UInt32 = 0
            var shift: UInt32 = 0
            for byte in String(value == 0 ? "\u{FFFD}" : Unicode.Scalar(UInt32(value))!).utf8 {
                packed |= UInt32(byte) << shift
                shift += 8
            }
            return packed | (shift / 8) << 24
        }
    }

    func decode(_ bytes: some Collection<UInt8>) -> String {
        String(decoding: utf8(bytes), as: UTF8.self)
    }

    /// The text as UTF-8, measured first and written into a buffer of its exact size: appending
    /// scalar by scalar to a `String.UnicodeScalarView` costs many times more a byte
    /// (Benchmarks/RESULTS.md), and a buffer grown by doubling holds up to twice the text.
    func utf8(_ bytes: some Collection<UInt8>) -> [UInt8] {
        if let converted = bytes.withContiguousStorageIfAvailable({ utf8($0) }) { return converted }
        return utf8(Array(bytes))
    }

    private func utf8(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        guard let base = bytes.baseAddress else { return [] }
        let count = bytes.count
        return utf8High.withUnsafeBufferPointer { table in
            // Markup is ASCII: words of it are measured and copied eight bytes at a time.
            var length = 0
            var index = 0
            while index < count {
                if index + 8 <= count, ByteMask.word(base + index) & ByteMask.highBits == 0 {
                    length += 8
                    index += 8
                    continue
                }
                let byte = base[index]
                length += byte < 0x80 ? 1 : Int(table[Int(byte) - 0x80] >> 24)
                index += 1
            }
            return [UInt8](unsafeUninitializedCapacity: length) { buffer, initialized in
                let out = buffer.baseAddress!
                var written = 0
                var index = 0
                while index < count {
                    if index + 8 <= count, ByteMask.word(base + index) & ByteMask.highBits == 0 {
                        UnsafeMutableRawPointer(out + written).copyMemory(from: base + index, byteCount: 8)
                        written += 8
                        index += 8
                        continue
                    }
                    let byte = base[index]
                    if byte < 0x80 {
                        out[written] = byte
                        written += 1
                    } else {
                        let value = table[Int(byte) - 0x80]
                        out[written] = UInt8(truncatingIfNeeded: value)
                        out[written + 1] = UInt8(truncatingIfNeeded: value >> 8)
                        if value >> 24 == 3 { out[written + 2] = UInt8(truncatingIfNeeded: value >> 16) }
                        written += Int(value >> 24)
                    }
                    index += 1
                }
                initialized = written
            }
        }
    }

    /// The bytes that spell `text` in this code page, or `nil` when a scalar has no byte.
    func encode(_ text: some StringProtocol) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 {
                bytes.append(UInt8(scalar.value))
            } else if let byte = reverse[scalar.value] {
                bytes.append(byte)
            } else {
                return nil
            }
        }
        return bytes
    }

    /// Whether this code page has a byte for `scalar`.
    func canEncode(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 || reverse[scalar.value] != nil
    }

    private var reverse: [UInt32: UInt8] {
        CodePage.reverseTables[name] ?? [:]
    }

    func isDefined(_ byte: UInt8) -> Bool {
        byte < 0x80 || high[Int(byte) - 0x80] != 0
    }

    private static let reverseTables: [String: [UInt32: UInt8]] = {
        var tables: [String: [UInt32: UInt8]] = [:]
        for page in [windows1256, iso88596, windows1252] {
            var table: [UInt32: UInt8] = [:]
            for (offset, value) in page.high.enumerated() where value != 0 {
                table[UInt32(value)] = table[UInt32(value)] ?? UInt8(0x80 + offset)
            }
            tables[page.name] = table
        }
        return tables
    }()

    // MARK: - Tables

    static let windows1256 = CodePage(name: "windows-1256", high: [
        0x20AC, 0x067E, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0679, 0x2039, 0x0152, 0x0686, 0x0698, 0x0688,
        0x06AF, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x06A9, 0x2122, 0x0691, 0x203A, 0x0153, 0x200C, 0x200D, 0x06BA,
        0x00A0, 0x060C, 0x00A2, 0x00A3, 0x00A4, 0x00A5, 0x00A6, 0x00A7,
        0x00A8, 0x00A9, 0x06BE, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x00AF,
        0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x00B4, 0x00B5, 0x00B6, 0x00B7,
        0x00B8, 0x00B9, 0x061B, 0x00BB, 0x00BC, 0x00BD, 0x00BE, 0x061F,
        0x06C1, 0x0621, 0x0622, 0x0623, 0x0624, 0x0625, 0x0626, 0x0627,
        0x0628, 0x0629, 0x062A, 0x062B, 0x062C, 0x062D, 0x062E, 0x062F,
        0x0630, 0x0631, 0x0632, 0x0633, 0x0634, 0x0635, 0x0636, 0x00D7,
        0x0637, 0x0638, 0x0639, 0x063A, 0x0640, 0x0641, 0x0642, 0x0643,
        0x00E0, 0x0644, 0x00E2, 0x0645, 0x0646, 0x0647, 0x0648, 0x00E7,
        0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x0649, 0x064A, 0x00EE, 0x00EF,
        0x064B, 0x064C, 0x064D, 0x064E, 0x00F4, 0x064F, 0x0650, 0x00F7,
        0x0651, 0x00F9, 0x0652, 0x00FB, 0x00FC, 0x200E, 0x200F, 0x06D2,
    ])

    /// ISO-8859-6: C1 controls at 0x80–0x9F, 45 undefined bytes above 0xA0.
    static let iso88596 = CodePage(name: "iso-8859-6", high: Array((0x80...0x9F).map { UInt16($0) }) + [
        0x00A0, 0x0000, 0x0000, 0x0000, 0x00A4, 0x0000, 0x0000, 0x0000,
        0x0000, 0x0000, 0x0000, 0x0000, 0x060C, 0x00AD, 0x0000, 0x0000,
        0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
        0x0000, 0x0000, 0x0000, 0x061B, 0x0000, 0x0000, 0x0000, 0x061F,
        0x0000, 0x0621, 0x0622, 0x0623, 0x0624, 0x0625, 0x0626, 0x0627,
        0x0628, 0x0629, 0x062A, 0x062B, 0x062C, 0x062D, 0x062E, 0x062F,
        0x0630, 0x0631, 0x0632, 0x0633, 0x0634, 0x0635, 0x0636, 0x0637,
        0x0638, 0x0639, 0x063A, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
        0x0640, 0x0641, 0x0642, 0x0643, 0x0644, 0x0645, 0x0646, 0x0647,
        0x0648, 0x0649, 0x064A, 0x064B, 0x064C, 0x064D, 0x064E, 0x064F,
        0x0650, 0x0651, 0x0652, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
        0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
    ])

    /// windows-1252 as WHATWG defines it: the five bytes Microsoft left undefined map to the
    /// C1 controls of the same value, which the mojibake repair needs (ARABIC.md §1.5).
    static let windows1252 = CodePage(name: "windows-1252", high: [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ] + (0xA0...0xFF).map { UInt16($0) })
}
