import Foundation

/// When a saved page was saved, from what save tools write into it: SingleFile's comment
/// (`saved date: Sat Mar 16 2024 10:15:00 GMT+0300`) and Save Page WE's `savepage-date` meta.
enum SaveTime {
    static func find(in html: [UInt8]) -> (date: Date, offsetMinutes: Int)? {
        for marker in ["saved date:", "savepage-date\" content=\"", "savepage-date' content='"] {
            let pattern = Array(marker.utf8)
            let found = html.withUnsafeBufferPointer { page in
                pattern.withUnsafeBufferPointer { ByteSearch.offset(of: $0, in: page) }
            }
            guard let found else { continue }
            let value = String(decoding: html[(found + pattern.count)...].prefix(240), as: UTF8.self).prefix(60)
            if let parsed = parse(String(value)) { return parsed }
        }
        return nil
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// An ISO 8601 time with its offset (`2025-03-01T10:00:00Z`, `…+03:00`), as `WARC-Date` and
    /// crawlers' fetch times write it; the day is then counted in that offset.
    static func parseISO(_ text: String) -> (date: Date, offsetMinutes: Int)? {
        let formatter = ISO8601DateFormatter()
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        formatter.formatOptions = trimmed.contains(".") ? [.withInternetDateTime, .withFractionalSeconds] : [.withInternetDateTime]
        guard let date = formatter.date(from: trimmed) else { return nil }
        var offset = 0
        if !trimmed.hasSuffix("Z"), let sign = trimmed.dropFirst(19).firstIndex(where: { $0 == "+" || $0 == "-" }) {
            let digits = trimmed[trimmed.index(after: sign)...].split(separator: ":").compactMap { Int($0) }
            if digits.count == 2 { offset = (trimmed[sign] == "-" ? -1 : 1) * (digits[0] * 60 + digits[1]) }
        }
        return (date, offset)
    }

    /// `Sat Mar 16 2024 10:15:00 GMT+0300`: the JavaScript `Date.toString()` form both tools write.
    static func parse(_ text: String) -> (date: Date, offsetMinutes: Int)? {
        let parts = text.split(separator: " ").map(String.init)
        guard parts.count >= 5, let month = months.firstIndex(of: parts[1].lowercased().prefix(3).description),
            let day = Int(parts[2]), let year = Int(parts[3])
        else { return nil }
        let clock = parts[4].split(separator: ":").compactMap { Int($0) }
        guard clock.count >= 2 else { return nil }
        var offset = 0
        if parts.count > 5, parts[5].hasPrefix("GMT"), parts[5].count >= 8 {
            let sign = parts[5].dropFirst(3).first == "-" ? -1 : 1
            let digits = parts[5].dropFirst(4).prefix(4)
            if let value = Int(digits) { offset = sign * ((value / 100) * 60 + value % 100) }
        }
        var components = DateComponents()
        components.year = year
        components.month = month + 1
        components.day = day
        components.hour = clock[0]
        components.minute = clock[1]
        components.second = clock.count > 2 ? clock[2] : 0
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: offset * 60) ?? TimeZone(secondsFromGMT: 0)!
        guard let date = calendar.date(from: components) else { return nil }
        return (date, offset)
    }
}

extension ArabicDateParser {
    /// The calendar day of `date` at a UTC offset, as an ``ArabicDate`` of day precision.
    static func day(of date: Date, offsetMinutes: Int) -> ArabicDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: offsetMinutes * 60) ?? TimeZone(secondsFromGMT: 0)!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return ArabicDate(year: parts.year ?? 1970, month: parts.month, day: parts.day)
    }
}
