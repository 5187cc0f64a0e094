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
        let sample = bytes.prefix(8192)
        if ByteDecoder.byteOrderMark(bytes) != nil || ByteDecoder.sniffUTF16(bytes) != nil { return nil }
        var controls = 0
        for byte in sample where byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C && byte != 0x1B {
            controls += 1
        }
        if controls * 20 > sample.count { return "binary" }
        return nil
    }
}
