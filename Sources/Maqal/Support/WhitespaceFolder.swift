/// Folds white space the way a browser shows it: runs of spaces (NBSP and narrow spaces
/// included) become one, invisible junk (ZWSP, soft hyphen, stray BOM) is dropped.
///
/// Works on UTF-8 bytes and makes one string at the end: appending scalar by scalar to a
/// string was the largest single cost of gathering text.
struct WhitespaceFolder {
    private var bytes: [UInt8] = []
    private var pendingSpace = false

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append(utf8: $0) }
    }

    /// Appends valid UTF-8 `utf8`, folded as ``append(_:)`` folds a `String`'s.
    mutating func append(utf8: UnsafeBufferPointer<UInt8>) {
        var index = 0
        while index < utf8.count {
            let lead = utf8[index]
            if lead < 0x80 {
                switch lead {
                case 0x20, 0x09...0x0D: pendingSpace = true
                case 0x00..<0x20, 0x7F: break
                default:
                    emitPendingSpace()
                    bytes.append(lead)
                }
                index += 1
                continue
            }
            let (value, length) = utf8.scalar(at: index)
            if ArabicScalar.isSpace(value) {
                pendingSpace = true
            } else if !ArabicScalar.isHiddenInText(value) {
                emitPendingSpace()
                bytes.append(contentsOf: utf8[index..<index + length])
            }
            index += length
        }
    }

    private mutating func emitPendingSpace() {
        if pendingSpace && !bytes.isEmpty { bytes.append(0x20) }
        pendingSpace = false
    }

    mutating func breakHere() { pendingSpace = true }

    var result: String { String(decoding: bytes, as: UTF8.self) }
}
