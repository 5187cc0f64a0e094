import Foundation

/// Drops the attributes past ``limit`` from start tags before libxml2 reads the page.
///
/// libxml2 2.9.14 compares each new attribute with every earlier one of the same element (and
/// walks the element's attribute list to append it), so its time grows with the square of an
/// element's attribute count. No page needs more than a few dozen.
enum ExcessAttributes {
    /// Attributes kept per element: few enough that libxml2 reads even tags this full quickly.
    static let limit = 256

    /// Removes attributes past ``limit`` from every start tag in `html` (UTF-8 without NULs);
    /// returns how many were removed. Follows libxml2's reading of tags, comments and the raw
    /// text of `script` and `style`, so what is cut is what libxml2 would have read as attributes.
    static func drop(from html: inout [UInt8]) -> Int {
        var scanner = Scanner()
        html.withUnsafeBufferPointer { scanner.scan($0) }
        guard !scanner.cuts.isEmpty else { return 0 }
        var kept: [UInt8] = []
        kept.reserveCapacity(html.count)
        var start = 0
        for cut in scanner.cuts {
            kept += html[start..<cut.lowerBound]
            start = cut.upperBound
        }
        kept += html[start...]
        html = kept
        return scanner.dropped
    }

    private struct Scanner {
        var cuts: [Range<Int>] = []
        var dropped = 0

        private static let commentOpen = Array("--".utf8)
        private static let commentClose = Array("-->".utf8)
        private static let rawTextElements = [Array("script".utf8), Array("style".utf8)]

        mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) {
            let count = bytes.count
            var index = 0
            while let open = Self.find(0x3C, in: bytes, from: index) {  // <
                index = open + 1
                guard index < count else { return }
                let next = bytes[index]
                if next == 0x21, Self.matches(bytes, at: index + 1, Self.commentOpen) {  // <!--
                    guard let end = Self.find(Self.commentClose, in: bytes, from: index + 3) else { return }
                    index = end + 3
                } else if next == 0x21 || next == 0x2F || next == 0x3F {  // <!DOCTYPE, </end, <?pi
                    guard let end = Self.find(0x3E, in: bytes, from: index) else { return }
                    index = end + 1
                } else if Self.isLetter(next) || next == 0x5F || next == 0x3A {
                    guard let end = startTag(bytes, nameAt: index) else { return }
                    index = end.index
                    if let raw = end.rawText {
                        guard let close = Self.findClosing(raw, in: bytes, from: index) else { return }
                        index = close
                    }
                }
            }
        }

        /// Reads the start tag whose name begins at `nameStart`; returns where reading goes on,
        /// and the name of a raw-text element it opened, or `nil` when the page ends in the tag.
        private mutating func startTag(
            _ bytes: UnsafeBufferPointer<UInt8>, nameAt nameStart: Int
        ) -> (index: Int, rawText: [UInt8]?)? {
            let count = bytes.count
            var index = Self.skip(bytes, from: nameStart, until: Self.tagNameEnd)
            let name = nameStart..<index
            var attributes = 0
            var cutFrom: Int?
            while true {
                index = Self.skipSpaces(bytes, from: index)
                guard index < count else { return nil }
                let byte = bytes[index]
                let selfClosing = byte == 0x2F && index + 1 < count && bytes[index + 1] == 0x3E
                if byte == 0x3E || selfClosing {
                    if let cutFrom {
                        cuts.append(cutFrom..<index)
                        dropped += attributes - ExcessAttributes.limit
                    }
                    let raw = selfClosing ? nil : Self.rawTextElement(bytes, name)
                    return (selfClosing ? index + 2 : index + 1, raw)
                }
                attributes += 1
                if attributes == ExcessAttributes.limit + 1 { cutFrom = index }
                // The name: at least one byte, up to a space, `=`, `>` or `/>` (a `/` alone is in it).
                index += 1
                while true {
                    index = Self.skip(bytes, from: index, until: Self.attributeNameEnd)
                    guard index < count, bytes[index] == 0x2F, !(index + 1 < count && bytes[index + 1] == 0x3E) else { break }
                    index += 1
                }
                let afterName = Self.skipSpaces(bytes, from: index)
                guard afterName < count, bytes[afterName] == 0x3D else { continue }  // no value
                index = Self.skipSpaces(bytes, from: afterName + 1)
                guard index < count else { return nil }
                let quote = bytes[index]
                if quote == 0x22 || quote == 0x27 {
                    // A quoted value runs to its closing quote, past any `>`, as in libxml2.
                    guard let close = Self.find(quote, in: bytes, from: index + 1) else { return nil }
                    index = close + 1
                } else {
                    index = Self.skip(bytes, from: index, until: Self.unquotedValueEnd)
                }
            }
        }

        // MARK: - Bytes that end a run
        //
        // Every byte that ends a run here is below 64, so a set of them is the bits of a UInt64
        // and one shift tests a byte: the loops over names were most of the scan's time.

        private static let spaces: UInt64 = 1 << 0x20 | 1 << 0x09 | 1 << 0x0A | 1 << 0x0D | 1 << 0x0C
        private static let tagNameEnd: UInt64 = spaces | 1 << 0x3E | 1 << 0x2F  // `>` `/`
        private static let attributeNameEnd: UInt64 = spaces | 1 << 0x3D | 1 << 0x3E | 1 << 0x2F  // `=` `>` `/`
        private static let unquotedValueEnd: UInt64 = spaces | 1 << 0x3E

        /// The first index at or after `start` whose byte is in `ends` (bytes 64 and up never
        /// are), or the end of `bytes`.
        @inline(__always)
        private static func skip(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, until ends: UInt64) -> Int {
            var index = start
            while index < bytes.count && !isIn(ends, bytes[index]) { index += 1 }
            return index
        }

        /// The first index at or after `start` whose byte is not a space, or the end of `bytes`.
        @inline(__always)
        private static func skipSpaces(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
            var index = start
            while index < bytes.count && isIn(spaces, bytes[index]) { index += 1 }
            return index
        }

        @inline(__always)
        private static func isIn(_ set: UInt64, _ byte: UInt8) -> Bool {
            byte < 64 && set & (1 << UInt64(byte)) != 0
        }

        /// `script` or `style` when `bytes[name]` is one of them, in any case.
        private static func rawTextElement(_ bytes: UnsafeBufferPointer<UInt8>, _ name: Range<Int>) -> [UInt8]? {
            // Lengths first: most tags are neither, and the list is a lazily made global.
            guard name.count == 5 || name.count == 6 else { return nil }
            return rawTextElements.first { sameName(bytes, name, $0) }
        }

        private static func isLetter(_ byte: UInt8) -> Bool {
            (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
        }

        /// `bytes[range]` is `name` in any case (`name` is lower case).
        private static func sameName(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ name: [UInt8]) -> Bool {
            range.count == name.count && name.indices.allSatisfy { bytes[range.lowerBound + $0] | 0x20 == name[$0] }
        }

        private static func find(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
            guard start < bytes.count else { return nil }
            return ByteSearch.offset(of: byte, in: UnsafeBufferPointer(rebasing: bytes[start...])).map { start + $0 }
        }

        private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, _ pattern: [UInt8]) -> Bool {
            start + pattern.count <= bytes.count && pattern.indices.allSatisfy { bytes[start + $0] == pattern[$0] }
        }

        private static func find(_ pattern: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
            var index = start
            while let candidate = find(pattern[0], in: bytes, from: index) {
                if matches(bytes, at: candidate, pattern) { return candidate }
                index = candidate + 1
            }
            return nil
        }

        /// Where `</name` (any case) starts, at or after `start`.
        private static func findClosing(_ name: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
            var index = start
            while let candidate = find(0x3C, in: bytes, from: index) {
                let nameStart = candidate + 2
                if nameStart + name.count <= bytes.count, bytes[candidate + 1] == 0x2F,
                    sameName(bytes, nameStart..<(nameStart + name.count), name)
                {
                    return candidate
                }
                index = candidate + 1
            }
            return nil
        }
    }
}
