import Testing

@testable import Maqal

/// Solar Hijri cases. Anchors: 1 Farvardin 1402 (Nowruz) = 2023-03-21, the first six months have 31 days and
/// the next five 30, Esfand 29 or (in 1399, 1403) 30; 29 Bahman 1398 = 2020-02-18 is the date htmldate's
/// truth gives the khabaronline page of the corpus.
enum PersianDateCases {
    /// The first day of every month of 1402, in the three digit systems and in Persian and Arabic letters.
    static let months: [TextDateCase] = [
        .init(text: "۱ فروردین ۱۴۰۲", iso: "2023-03-21", calendar: .persian),
        .init(text: "١ ارديبهشت ١٤٠٢", iso: "2023-04-21", calendar: .persian),
        .init(text: "1 اردیبهشت 1402", iso: "2023-04-21", calendar: .persian),
        .init(text: "۱ خرداد ۱۴۰۲", iso: "2023-05-22", calendar: .persian),
        .init(text: "1 تير 1402", iso: "2023-06-22", calendar: .persian),
        .init(text: "۱ مرداد ۱۴۰۲", iso: "2023-07-23", calendar: .persian),
        .init(text: "١ امرداد ١٤٠٢", iso: "2023-07-23", calendar: .persian),
        .init(text: "۱ شهریور ۱۴۰۲", iso: "2023-08-23", calendar: .persian),
        .init(text: "1 شهريور 1402", iso: "2023-08-23", calendar: .persian),
        .init(text: "۱ مهر ۱۴۰۲", iso: "2023-09-23", calendar: .persian),
        .init(text: "۱ آبان ۱۴۰۲", iso: "2023-10-23", calendar: .persian),
        .init(text: "1 ابان 1402", iso: "2023-10-23", calendar: .persian),
        .init(text: "۱ آذر ۱۴۰۲", iso: "2023-11-22", calendar: .persian),
        .init(text: "۱ دی ۱۴۰۲", iso: "2023-12-22", calendar: .persian),
        .init(text: "1 دي 1402", iso: "2023-12-22", calendar: .persian),
        .init(text: "۱ بهمن ۱۴۰۲", iso: "2024-01-21", calendar: .persian),
        .init(text: "۱ اسفند ۱۴۰۲", iso: "2024-02-20", calendar: .persian),
    ]

    /// Date lines as Iranian sites print them.
    static let forms: [TextDateCase] = [
        .init(text: "۱۴ فروردین ۱۴۰۲", iso: "2023-04-03", calendar: .persian),
        .init(text: "14 اسفند 1401", iso: "2023-03-05", calendar: .persian),
        .init(text: "۲۹ بهمن ۱۳۹۸ - ۰۶:۵۵", iso: "2020-02-18T06:55", calendar: .persian),
        .init(text: "دوشنبه ۱۴ فروردین ۱۴۰۲ ساعت ۱۰:۳۰", iso: "2023-04-03T10:30", calendar: .persian),
        .init(text: "۱۴:۰۵ - ۱۴ فروردین ۱۴۰۲", iso: "2023-04-03T14:05", calendar: .persian),
        .init(text: "سه‌شنبه ٢٩ بهمن ١٣٩٨", iso: "2020-02-18", calendar: .persian),
        .init(text: "تاریخ انتشار: ۱۴ فروردین ۱۴۰۲ هجری شمسی", iso: "2023-04-03", calendar: .persian),
        .init(text: "۳۰ اسفند ۱۴۰۳", iso: "2025-03-20", calendar: .persian),
        .init(text: "۳۱ شهریور ۱۴۰۲", iso: "2023-09-22", calendar: .persian),
        .init(text: "فروردین ۱۴۰۳", iso: "2024-03", calendar: .persian),
        // A Gregorian date beside it wins, as it does over a Hijri one.
        .init(text: "۱۴ فروردین ۱۴۰۲ (3 April 2023) - 3 أبريل 2023", iso: "2023-04-03"),
    ]

    /// Days that do not exist, eras that contradict the month, and Arabic words that key like a month.
    static let notDates: [String] = [
        "۳۰ اسفند ۱۴۰۲",
        "۳۱ مهر ۱۴۰۲",
        "۱۴ فروردین ۱۴۰۲م",
        "۱۴ فروردین ۹۹۹",
        "إبان عام 1967",
        "دي 12 لاعبا",
    ]
}

@Suite("Persian dates")
struct PersianDateTests {
    @Test("Every Solar Hijri month, digits and spellings", arguments: PersianDateCases.months)
    func months(_ testCase: TextDateCase) {
        let date = ArabicDateParser.find(in: testCase.text)
        #expect(date?.iso == testCase.iso)
        #expect(date?.calendar == testCase.calendar)
    }

    @Test("Date lines, times, eras, month precision", arguments: PersianDateCases.forms)
    func forms(_ testCase: TextDateCase) {
        let date = ArabicDateParser.find(in: testCase.text)
        #expect(date?.iso == testCase.iso)
        #expect(date?.calendar == testCase.calendar)
    }

    @Test("Not dates", arguments: PersianDateCases.notDates)
    func notDates(_ text: String) {
        #expect(ArabicDateParser.find(in: text) == nil)
    }

    @Test("The month table: twelve months, each spelling its own month, none an Arabic month name")
    func monthTable() {
        #expect(PersianDate.months.count == 12)
        let arabic = [
            ArabicMonthNames.egyptianGulf, ArabicMonthNames.levantine, ArabicMonthNames.algerianTunisian,
            ArabicMonthNames.moroccan, ArabicMonthNames.hijri,
        ].flatMap { $0.joined() }.map(ArabicKey.make)
        for (index, spellings) in PersianDate.months.enumerated() {
            for spelling in spellings {
                let key = ArabicKey.make(spelling)
                #expect(!arabic.contains(key), "\(spelling)")
                #expect(ArabicMonthNames.monthsByKey[key] == ArabicMonthNames.Month(calendar: .persian, number: index + 1))
            }
        }
    }

    @Test("A date record says persian and carries the Gregorian value")
    func record() throws {
        let text = "جشنواره در پارک شهر برگزار می‌شود\n\n۱۴ فروردین ۱۴۰۲\n\nاین جشنواره ده روز ادامه دارد و صد غرفه در آن حضور دارند."
        let document = try Maqal.parse(Array(text.utf8), name: "persian.txt")
        let record = try #require(document.metadata.dates.first)
        #expect(record.calendar == "persian")
        #expect(record.value == "2023-04-03")
        #expect(record.text == "۱۴ فروردین ۱۴۰۲")
        #expect(document.metadata.published == "2023-04-03")
    }
}
