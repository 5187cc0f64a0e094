import Foundation

/// Long `data:` URIs lifted out of a page before libxml2 reads it, each replaced by a short
/// stand-in that keeps its media type (`data:image/jpeg;base64,maqal-lifted-3`).
///
/// SingleFile saves every image and font of a page inline. libxml2 reads an attribute value one
/// character at a time (`xmlNextChar`), so a page with 9 MB of inlined images took 190 ms where
/// its 0.5 MB of HTML alone took 42 ms. The payloads are kept beside the tree (``HTMLTree``), so
/// a figure can still be given its image when the caller asks for it.
enum InlinedData {
    /// Payloads shorter than this stay in place: they cost libxml2 little.
    static let minimum = 16 * 1024

    /// What a lifted payload is replaced with, followed by its index.
    static let marker = "maqal-lifted-"
    private static let markerBytes = Array(marker.utf8)

    /// How the value that holds a `data:` URI ends.
    private enum Closer {
        case byte(UInt8)
        /// An unquoted attribute value: white space or `>`.
        case unquotedAttribute
        /// An unquoted CSS `url(…)`: white space or `)`.
        case unquotedURL

        func closes(_ byte: UInt8) -> Bool {
            switch self {
            case .byte(let quote): byte == quote
            case .unquotedAttribute: byte <= 0x20 || byte == 0x3E
            case .unquotedURL: byte <= 0x20 || byte == 0x29
            }
        }
    }

    /// Lifts every payload of at least ``minimum`` bytes that starts an attribute value or a CSS
    /// `url(…)` out of `html`; returns the payloads, in order (the stand-ins' indexes).
    static func lift(from html: inout [UInt8]) -> [[UInt8]] {
        let cuts = html.withUnsafeBufferPointer(findPayloads)
        guard !cuts.isEmpty else { return [] }
        var kept: [UInt8] = []
        kept.reserveCapacity(html.count - cuts.reduce(0) { $0 + $1.count } + cuts.count * 24)
        var payloads: [[UInt8]] = []
        payloads.reserveCapacity(cuts.count)
        var start = 0
        for (index, cut) in cuts.enumerated() {
            kept += html[start..<cut.lowerBound]
            kept += markerBytes
            kept += Array(String(index).utf8)
            payloads.append(Array(html[cut]))
            start = cut.upperBound
        }
        kept += html[start...]
        html = kept
        return payloads
    }

    /// The index of the payload a stand-in URI names, or `nil` for any other value.
    static func index(in value: String) -> Int? {
        guard let range = value.byteRange(of: marker) else { return nil }
        let digits = value[range.upperBound...].prefix { $0.isASCII && $0.isNumber }
        return Int(digits)
    }

    /// The whole `data:` URI that `value` stands for (itself when it is no stand-in) and its
    /// length in bytes; the URI is built only when `build` is set, as it can be megabytes long.
    static func original(of value: String, payloads: [[UInt8]], build: Bool) -> (uri: String?, length: Int) {
        guard let index = index(in: value), index < payloads.count, let range = value.byteRange(of: marker) else {
            return (build ? value : nil, value.utf8.count)
        }
        let prefix = value[..<range.lowerBound]
        let length = prefix.utf8.count + payloads[index].count
        guard build else { return (nil, length) }
        return (prefix + String(decoding: payloads[index], as: UTF8.self), length)
    }

    private static func findPayloads(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        guard let base = bytes.baseAddress else { return [] }
        let count = bytes.count
        var cuts: [Range<Int>] = []
        var index = 0
        while index + 5 < count {
            guard let found = memchr(base + index, 0x3A, count - index) else { break }  // ':'
            let colon = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            index = colon + 1
            // `data:`, any letter case, with what opens the value just before it.
            guard colon >= 5, bytes[colon - 4] | 0x20 == 0x64, bytes[colon - 3] | 0x20 == 0x61,
                bytes[colon - 2] | 0x20 == 0x74, bytes[colon - 1] | 0x20 == 0x61,
                let closer = opener(bytes, before: colon - 4)
            else { continue }
            // The media type and encoding run to the comma.
            var comma = colon + 1
            let limit = min(count, colon + 256)
            while comma < limit && bytes[comma] != 0x2C && !closer.closes(bytes[comma]) { comma += 1 }
            guard comma < limit, bytes[comma] == 0x2C else { continue }
            var end = comma + 1
            if case .byte(let quote) = closer, let close = memchr(base + end, Int32(quote), count - end) {
                end = base.distance(to: close.assumingMemoryBound(to: UInt8.self))
            } else {
                while end < count && !closer.closes(bytes[end]) { end += 1 }
            }
            if end - (comma + 1) >= minimum { cuts.append((comma + 1)..<end) }
            index = end
        }
        return cuts
    }

    /// What opens a value that starts at `start`: `="`, `='`, `=`, `url(`, `url("`, `url('`.
    private static func opener(_ bytes: UnsafeBufferPointer<UInt8>, before start: Int) -> Closer? {
        guard start >= 1 else { return nil }
        let previous = bytes[start - 1]
        if previous == 0x22 || previous == 0x27 {
            guard start >= 2 else { return nil }
            let before = bytes[start - 2]
            if before == 0x3D || before == 0x28 { return .byte(previous) }  // = (
            return nil
        }
        if previous == 0x3D { return .unquotedAttribute }
        if previous == 0x28 { return .unquotedURL }
        return nil
    }
}
