/// Quoted-printable (RFC 2045) decoded to bytes: an MHTML part's body, and the `Q` form of
/// RFC 2047 words.
///
/// Decoding is to bytes, never to text: a soft line break may fall between the bytes of one
/// UTF-8 character (Chrome breaks lines at 76 columns wherever that falls), so the charset is
/// applied only to the whole result.
enum QuotedPrintable {
    /// The bytes `encoded` stands for. `=XX` is a byte, `=` at a line's end (trailing spaces
    /// aside) joins the lines; an `=` that is neither is kept as written, as mail readers do.
    /// With `underscoreIsSpace` (RFC 2047's `Q`), `_` is a space.
    static func decode(_ encoded: ArraySlice<UInt8>, underscoreIsSpace: Bool = false) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(encoded.count)
        var index = encoded.startIndex
        let end = encoded.endIndex
        while index < end {
            let byte = encoded[index]
            if byte == 0x5F && underscoreIsSpace {
                output.append(0x20)
                index += 1
                continue
            }
            guard byte == 0x3D else {
                output.append(byte)
                index += 1
                continue
            }
            if index + 2 < end, let high = hexValue(encoded[index + 1]), let low = hexValue(encoded[index + 2]) {
                output.append(high << 4 | low)
                index += 3
                continue
            }
            // A soft line break: `=`, optional spaces or tabs, then LF or CRLF (or the end).
            var after = index + 1
            while after < end && (encoded[after] == 0x20 || encoded[after] == 0x09) { after += 1 }
            if after == end {
                index = end
            } else if encoded[after] == 0x0A {
                index = after + 1
            } else if encoded[after] == 0x0D && after + 1 < end && encoded[after + 1] == 0x0A {
                index = after + 2
            } else if encoded[after] == 0x0D && after + 1 == end {
                index = end
            } else {
                output.append(byte)
                index += 1
            }
        }
        return output
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }
}
