extension UnsafeMutableBufferPointer<UInt8> {
    /// Writes the scalar `value` as UTF-8 at `index` (room for it is the caller's to make);
    /// returns how many bytes it took.
    @inline(__always)
    func writeUTF8(_ value: UInt32, at index: Int) -> Int {
        switch value {
        case 0..<0x80:
            self[index] = UInt8(value)
            return 1
        case 0x80..<0x800:
            self[index] = UInt8(0xC0 | value >> 6)
            self[index + 1] = UInt8(0x80 | value & 0x3F)
            return 2
        case 0x800..<0x10000:
            self[index] = UInt8(0xE0 | value >> 12)
            self[index + 1] = UInt8(0x80 | value >> 6 & 0x3F)
            self[index + 2] = UInt8(0x80 | value & 0x3F)
            return 3
        default:
            self[index] = UInt8(0xF0 | value >> 18)
            self[index + 1] = UInt8(0x80 | value >> 12 & 0x3F)
            self[index + 2] = UInt8(0x80 | value >> 6 & 0x3F)
            self[index + 3] = UInt8(0x80 | value & 0x3F)
            return 4
        }
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// The scalar of valid UTF-8 starting at byte `index`, and how many bytes it takes.
    ///
    /// Walking a string's bytes with this instead of its `unicodeScalars` view is what made
    /// key making, white-space folding, word and letter counting and the mojibake scan cheap;
    /// it is the one UTF-8 decoder they share.
    @inline(__always)
    func scalar(at index: Int) -> (value: UInt32, length: Int) {
        let lead = self[index]
        if lead < 0x80 { return (UInt32(lead), 1) }
        if lead < 0xE0 { return (UInt32(lead & 0x1F) << 6 | UInt32(self[index + 1] & 0x3F), 2) }
        if lead < 0xF0 {
            return (UInt32(lead & 0x0F) << 12 | UInt32(self[index + 1] & 0x3F) << 6 | UInt32(self[index + 2] & 0x3F), 3)
        }
        return (UInt32(lead & 0x07) << 18 | UInt32(self[index + 1] & 0x3F) << 12
            | UInt32(self[index + 2] & 0x3F) << 6 | UInt32(self[index + 3] & 0x3F), 4)
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Whether the bytes are well-formed UTF-8 (no overlong forms, surrogates or values past
    /// U+10FFFF): exactly the bytes `String(decoding:as:)` keeps as they are.
    var isValidUTF8: Bool {
        var index = 0
        while index < count {
            let lead = self[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            func continuation(_ offset: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool {
                index + offset < count && range.contains(self[index + offset])
            }
            switch lead {
            case 0xC2...0xDF:
                guard continuation(1) else { return false }
                index += 2
            case 0xE0...0xEF:
                let second: ClosedRange<UInt8> = lead == 0xE0 ? 0xA0...0xBF : lead == 0xED ? 0x80...0x9F : 0x80...0xBF
                guard continuation(1, second), continuation(2) else { return false }
                index += 3
            case 0xF0...0xF4:
                let second: ClosedRange<UInt8> = lead == 0xF0 ? 0x90...0xBF : lead == 0xF4 ? 0x80...0x8F : 0x80...0xBF
                guard continuation(1, second), continuation(2), continuation(3) else { return false }
                index += 4
            default:
                return false
            }
        }
        return true
    }
}
