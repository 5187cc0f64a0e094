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
    ///
    /// Scalars kept as they are come in runs (a word, a sentence between spaces): each run is
    /// copied in one piece, where copying scalar by scalar made a slice append per scalar.
    mutating func append(utf8: UnsafeBufferPointer<UInt8>) {
        var index = 0
        // Where the run of bytes kept as they are began, or -1 outside one.
        var runStart = -1
        while index < utf8.count {
            let lead = utf8[index]
            let length: Int
            if lead < 0x80 {
                // Printable ASCII is kept; white space and control characters end the run.
                if lead > 0x20 && lead != 0x7F {
                    length = 1
                } else {
                    flushRun(utf8, from: &runStart, to: index)
                    if lead == 0x20 || (0x09...0x0D).contains(lead) { pendingSpace = true }
                    index += 1
                    continue
                }
            } else if (0xD8...0xDB).contains(lead) {
                // The Arabic block (U+0600–U+06FF) holds no space and nothing hidden.
                length = 2
            } else {
                let scalar = utf8.scalar(at: index)
                if ArabicScalar.isSpace(scalar.value) || ArabicScalar.isHiddenInText(scalar.value) {
                    flushRun(utf8, from: &runStart, to: index)
                    if ArabicScalar.isSpace(scalar.value) { pendingSpace = true }
                    index += scalar.length
                    continue
                }
                length = scalar.length
            }
            if runStart < 0 {
                emitPendingSpace()
                runStart = index
            }
            index += length
        }
        flushRun(utf8, from: &runStart, to: index)
    }

    /// Copies the run of kept bytes from `start` to `end`, if one is open, and closes it.
    private mutating func flushRun(_ utf8: UnsafeBufferPointer<UInt8>, from start: inout Int, to end: Int) {
        guard start >= 0 else { return }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<end]))
        start = -1
    }

    private mutating func emitPendingSpace() {
        if pendingSpace && !bytes.isEmpty { bytes.append(0x20) }
        pendingSpace = false
    }

    mutating func breakHere() { pendingSpace = true }

    /// The UTF-8 bytes of ``result`` so far; it only grows as text is appended.
    var byteCount: Int { bytes.count }

    var result: String { String(decoding: bytes, as: UTF8.self) }
}
