import Foundation

/// A calendar date (and optional time) read from text or a machine field, with only the precision the source gave.
struct ArabicDate: Sendable, Equatable {
    /// The calendar the source wrote the date in; `persian` is the Solar Hijri calendar of
    /// Iranian pages (``PersianDate``).
    typealias Calendar = DateRecord.Calendar

    /// A date in the Hijri calendar as the source wrote it; `day` is nil at month precision.
    struct HijriDate: Sendable, Equatable {
        var year: Int
        var month: Int
        var day: Int?
    }

    var year: Int
    /// nil = year precision
    var month: Int?
    /// nil = month precision
    var day: Int?
    /// nil = no time
    var hour: Int?
    var minute: Int?
    var second: Int?
    /// Only when the source gave an offset, `Z` or a fixed-offset zone name.
    var utcOffsetMinutes: Int?
    /// The calendar the source wrote it in; a Hijri date is converted to Gregorian in year/month/day,
    /// and the original Hijri components are kept in ``hijri``.
    var calendar: Calendar = .gregorian
    /// The Hijri date the source gave: set for ``Calendar/hijri`` dates, and for a Gregorian date
    /// whose text also gave the same day in Hijri (Saudi dual dates).
    var hijri: HijriDate?

    /// ISO 8601 of the Gregorian value at the precision given: "2024", "2024-03", "2024-03-12",
    /// "2024-03-12T10:30", "2024-03-12T10:30:00+03:00", "2024-03-12T10:30:00Z".
    var iso: String {
        var text = Self.padded(year, width: 4)
        guard let month else { return text }
        text += "-" + Self.padded(month)
        guard let day else { return text }
        text += "-" + Self.padded(day)
        guard let hour else { return text }
        text += "T" + Self.padded(hour) + ":" + Self.padded(minute ?? 0)
        if let second { text += ":" + Self.padded(second) }
        if let offset = utcOffsetMinutes {
            if offset == 0 {
                text += "Z"
            } else {
                text += (offset < 0 ? "-" : "+") + Self.padded(abs(offset) / 60) + ":"
                    + Self.padded(abs(offset) % 60)
            }
        }
        return text
    }

    private static func padded(_ value: Int, width: Int = 2) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
