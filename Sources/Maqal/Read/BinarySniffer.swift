/// Recognises files that are not text at all, so they are refused rather than "parsed".
enum BinarySniffer {
    private static let signatures: [(bytes: [UInt8], kind: String)] = [
        ([0x89, 0x50, 0x4E, 0x47], "PNG image"), ([0xFF, 0xD8, 0xFF], "JPEG image"),
        (Array("GIF8".utf8), "GIF image"), (Array("%PDF".utf8), "PDF"), ([0x50, 0x4B, 0x03, 0x04], "ZIP archive"),
        ([0x1F, 0x8B], "gzip archive"), (Array("RIFF".utf8), "RIFF media"), ([0x7F, 0x45, 0x4C, 0x46], "ELF executable"),
        (Array("BZh".utf8), "bzip2 archive"), ([0xFD, 0x37, 0x7A, 0x58, 0x5A], "xz archive"),
        ([0x28, 0xB5, 0x2F, 0xFD], "zstd archive"), (Array("wOFF".utf8), "web font"), (Array("wOF2".utf8), "web font"),
        ([0x00, 0x00, 0x01, 0x00], "icon"), (Array("SQLite format 3".utf8), "SQLite database"),
    ]

    /// What kind of binary file `bytes` is, or `nil` for text.
    static func kind(of bytes: [UInt8]) -> String? {
        for signature in signatures where bytes.starts(with: signature.bytes) { return signature.kind }
        // Text in any encoding we read has next to no control bytes, except UTF-16 (checked first).
        let sampleCount = min(bytes.count, 8192)
        if ByteDecoder.byteOrderMark(bytes) != nil || ByteDecoder.sniffUTF16(bytes) != nil { return nil }
        let controls = bytes.withUnsafeBufferPointer { controlBytes(in: UnsafeBufferPointer(rebasing: $0.prefix(sampleCount))) }
        if controls * 20 > sampleCount { return "binary" }
        return nil
    }

    /// Bytes below 0x20 other than tab, line feed, form feed, carriage return and escape. A word
    /// without any byte below 0x20 (most of a page) is passed over whole; the few below are
    /// looked at one by one.
    private static func controlBytes(in sample: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = sample.baseAddress else { return 0 }
        // Bit n set: byte n is allowed (09, 0A, 0C, 0D, 1B).
        let allowed: UInt32 = 1 << 0x09 | 1 << 0x0A | 1 << 0x0C | 1 << 0x0D | 1 << 0x1B
        var controls = 0
        var index = 0
        while index + 8 <= sample.count {
            let word = ByteMask.word(base + index)
            var low = ByteMask.below(word, 0x20)
            while low != 0 {
                let byte = UInt32(truncatingIfNeeded: word &>> UInt64(low.trailingZeroBitCount - 7)) & 0xFF
                if allowed >> byte & 1 == 0 { controls += 1 }
                low &= low - 1
            }
            index += 8
        }
        while index < sample.count {
            let byte = UInt32(base[index])
            if byte < 0x20 && allowed >> byte & 1 == 0 { controls += 1 }
            index += 1
        }
        return controls
    }
}
