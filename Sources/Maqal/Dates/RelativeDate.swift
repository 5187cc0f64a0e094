import Foundation

/// Relative dates as Arabic sites print them (ARABIC.md §5.3): `منذ ساعتين`, `منذ 5 دقائق`,
/// `قبل يومين`, `أمس`, `أول أمس`, `اليوم`, `الآن`.
enum RelativeDate {
    /// Seconds in one of each unit, by the keys of its singular, dual and plural forms.
    private static let units: [(keys: [String], seconds: Double, dual: Set<String>)] = {
        let table: [([String], Double, [String])] = [
            (["ثانية", "ثوان", "ثواني", "ثوانٍ", "ثانيتين", "ثانيتان"], 1, ["ثانيتين", "ثانيتان"]),
            (["دقيقة", "دقائق", "دقيقتين", "دقيقتان"], 60, ["دقيقتين", "دقيقتان"]),
            (["ساعة", "ساعات", "ساعتين", "ساعتان"], 3600, ["ساعتين", "ساعتان"]),
            (["يوم", "يوما", "يوماً", "أيام", "يومين", "يومان"], 86_400, ["يومين", "يومان"]),
            (["أسبوع", "أسابيع", "أسبوعين", "أسبوعان"], 604_800, ["أسبوعين", "أسبوعان"]),
            (["شهر", "أشهر", "شهور", "شهرين", "شهران"], 2_592_000, ["شهرين", "شهران"]),
            (["سنة", "سنوات", "سنتين", "سنتان", "عام", "أعوام", "عامين", "عامان"], 31_536_000,
             ["سنتين", "سنتان", "عامين", "عامان"]),
        ]
        return table.map { keys, seconds, dual in
            (keys.map(ArabicKey.make), seconds, Set(dual.map(ArabicKey.make)))
        }
    }()

    private static let agoKeys: Set<String> = Set(["منذ", "قبل"].map(ArabicKey.make))
    /// Keyed once: keying these words anew for every word of every line was most of the time spent here.
    private static let todayKeys: Set<String> = Set(["الآن", "للتو", "اليوم"].map(ArabicKey.make))
    private static let yesterdayKeys: Set<String> = Set(["أمس", "الأمس"].map(ArabicKey.make))
    private static let firstKey = ArabicKey.make("أول")
    /// Every answer starts from one of these words.
    private static let triggerKeys = Array(agoKeys.union(todayKeys).union(yesterdayKeys))

    /// How long ago `text` says something happened, in seconds; `nil` when it says no such thing.
    static func secondsAgo(in text: String) -> TimeInterval? {
        let key = ArabicKey.make(text)
        // A byte search for the words first: most short texts asked about (bylines, captions)
        // have none, and splitting them into words and hashing each was the cost.
        guard triggerKeys.contains(where: key.includes) else { return nil }
        let words = key.split(separator: " ").map(String.init)
        for (index, word) in words.enumerated() {
            if todayKeys.contains(word) { return 0 }
            if yesterdayKeys.contains(word) {
                let previous = index > 0 ? words[index - 1] : ""
                return previous == firstKey ? 2 * 86_400 : 86_400
            }
            guard agoKeys.contains(word), index + 1 < words.count else { continue }
            var count = 1.0
            var unitIndex = index + 1
            if let number = Double(words[unitIndex]) {
                count = number
                unitIndex += 1
            }
            guard unitIndex < words.count else { continue }
            let unitWord = words[unitIndex]
            for unit in units where unit.keys.contains(unitWord) {
                if unit.dual.contains(unitWord) { count = 2 }
                return count * unit.seconds
            }
        }
        return nil
    }
}

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
