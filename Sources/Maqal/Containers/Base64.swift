import Foundation

/// Base64 (RFC 2045) through Foundation, forgiving as mail readers are: line breaks and other
/// stray bytes are skipped, and a body cut off mid-quantum keeps the bytes before the cut.
enum Base64 {
    /// The decoded bytes, and whether the input ended cleanly (no partial quantum cut off).
    static func decode(_ encoded: ArraySlice<UInt8>) -> (bytes: [UInt8], complete: Bool) {
        var alphabet: [UInt8] = []
        alphabet.reserveCapacity(encoded.count)
        var padding = 0
        for byte in encoded {
            switch byte {
            case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, 0x2B, 0x2F:
                // Data after padding starts a new run; Foundation would refuse the whole input.
                if padding > 0 { return (decodeWhole(alphabet, padding: padding), false) }
                alphabet.append(byte)
            case 0x3D:
                padding += 1
            default:
                continue
            }
        }
        let remainder = alphabet.count % 4
        if padding > 0 { return (decodeWhole(alphabet, padding: padding), remainder + padding == 4) }
        let complete = remainder == 0
        // A lone sixth bit-group is no byte; two or three are one or two bytes with the padding left out.
        if remainder == 1 { alphabet.removeLast() }
        return (decodeWhole(alphabet, padding: 0), complete)
    }

    private static func decodeWhole(_ alphabet: [UInt8], padding: Int) -> [UInt8] {
        var quanta = alphabet
        if quanta.count % 4 == 1 { quanta.removeLast() }
        if quanta.count % 4 != 0 { quanta += [UInt8](repeating: 0x3D, count: 4 - quanta.count % 4) }
        guard let data = Data(base64Encoded: Data(quanta)) else { return [] }
        return [UInt8](data)
    }
}
