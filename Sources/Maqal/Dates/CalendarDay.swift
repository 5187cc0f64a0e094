import Foundation

extension Foundation.Calendar {
    /// The Gregorian year, month and day of a day written in this calendar (Umm al-Qura, Persian),
    /// or `nil` when that day does not exist: Foundation rolls 30 of a 29-day Hijri month, or
    /// 31 Mehr, over into the next month, so the day is read back and must be the one asked for.
    func gregorianDay(year: Int, month: Int, day: Int) -> (year: Int, month: Int, day: Int)? {
        guard let date = date(from: DateComponents(year: year, month: month, day: day)) else { return nil }
        let back = dateComponents([.year, .month, .day], from: date)
        guard back.year == year, back.month == month, back.day == day else { return nil }
        let converted = ArabicDateParser.gregorianCalendar.dateComponents([.year, .month, .day], from: date)
        guard let gregorianYear = converted.year, let gregorianMonth = converted.month, let gregorianDay = converted.day
        else { return nil }
        return (gregorianYear, gregorianMonth, gregorianDay)
    }
}
