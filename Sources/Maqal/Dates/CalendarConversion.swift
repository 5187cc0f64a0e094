import Foundation

/// Gregorian validation and Umm al-Qura conversion, shared by the text scanner and the machine parser.
extension ArabicDateParser {
    static let gregorianYears = 1900...2100
    static let hijriYears = 1300...1500

    /// A Gregorian date if it exists and lies in ``gregorianYears``.
    static func gregorian(year: Int, month: Int?, day: Int?) -> ArabicDate? {
        guard gregorianYears.contains(year) else { return nil }
        guard let month else {
            return day == nil ? ArabicDate(year: year) : nil
        }
        guard (1...12).contains(month) else { return nil }
        if let day, !(1...daysInMonth(year: year, month: month)).contains(day) { return nil }
        return ArabicDate(year: year, month: month, day: day)
    }

    /// A Hijri date converted with the Umm al-Qura calendar (ARABIC.md §5.2), if it exists and lies
    /// in ``hijriYears``. At month precision the Gregorian year and month are those of the 1st.
    static func hijri(year: Int, month: Int, day: Int?) -> ArabicDate? {
        guard hijriYears.contains(year), (1...12).contains(month) else { return nil }
        let hijriDay = day ?? 1
        guard (1...30).contains(hijriDay),
            let converted = ummAlQura.gregorianDay(year: year, month: month, day: hijriDay)
        else { return nil }
        return ArabicDate(
            year: converted.year, month: converted.month, day: day == nil ? nil : converted.day,
            calendar: .hijri, hijri: ArabicDate.HijriDate(year: year, month: month, day: day))
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The Julian day number of a Gregorian date, to compare days across months.
    static func julianDay(year: Int, month: Int, day: Int) -> Int {
        let shift = (14 - month) / 12
        let y = year + 4800 - shift
        let m = month + 12 * shift - 3
        return day + (153 * m + 2) / 5 + 365 * y + y / 4 - y / 100 + y / 400 - 32045
    }

    private static let ummAlQura: Foundation.Calendar = {
        var calendar = Foundation.Calendar(identifier: .islamicUmmAlQura)
        calendar.timeZone = .gmt
        return calendar
    }()

    static let gregorianCalendar: Foundation.Calendar = {
        var calendar = Foundation.Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        return calendar
    }()
}
