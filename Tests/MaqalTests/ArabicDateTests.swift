import Testing

@testable import Maqal

/// A line of text and the date ``ArabicDateParser/find(in:)`` must read from it.
struct TextDateCase: Sendable, CustomTestStringConvertible {
    let text: String
    let iso: String
    var calendar: ArabicDate.Calendar = .gregorian
    var hijri: ArabicDate.HijriDate?

    var testDescription: String { text }
}

/// The cases, one table per naming system or feature. Hijri conversions are the values Foundation's
/// `.islamicUmmAlQura` calendar gives (checked against known dates: 1 Shawwal 1445 = 2024-04-10,
/// 10 Dhu al-Hijja 1445 = 2024-06-16).
enum ArabicDateCases {
    static func hijri(_ year: Int, _ month: Int, _ day: Int?) -> ArabicDate.HijriDate {
        ArabicDate.HijriDate(year: year, month: month, day: day)
    }

    // MARK: - Gregorian month names, every month in every system

    static let egyptianGulf: [TextDateCase] = [
        .init(text: "نشر في 1 يناير 2024", iso: "2024-01-01"),
        .init(text: "الأحد 4 فبراير 2024", iso: "2024-02-04"),
        .init(text: "12 مارس 2024", iso: "2024-03-12"),
        .init(text: "5 أبريل 2024", iso: "2024-04-05"),
        .init(text: "5 ابريل 2024", iso: "2024-04-05"),
        .init(text: "إبريل 2023", iso: "2023-04"),
        .init(text: "20 مايو 2022", iso: "2022-05-20"),
        .init(text: "3 يونيه 2021", iso: "2021-06-03"),
        .init(text: "يونيو 2020", iso: "2020-06"),
        .init(text: "14 يوليو 2019", iso: "2019-07-14"),
        .init(text: "23 يوليه 1952", iso: "1952-07-23"),
        .init(text: "اغسطس 2018", iso: "2018-08"),
        .init(text: "15 أغسطس 2018", iso: "2018-08-15"),
        .init(text: "30 سبتمبر 2017", iso: "2017-09-30"),
        .init(text: "6 أكتوبر 1973", iso: "1973-10-06"),
        .init(text: "نوفمبر 2016", iso: "2016-11"),
        .init(text: "31 ديسمبر 2015", iso: "2015-12-31"),
        .init(text: "31 دیسمبر 2015", iso: "2015-12-31"),
    ]

    static let levantine: [TextDateCase] = [
        .init(text: "1 كانون الثاني 2024", iso: "2024-01-01"),
        .init(text: "كانون ثاني 2024", iso: "2024-01"),
        .init(text: "29 شباط 2024", iso: "2024-02-29"),
        .init(text: "8 آذار 2023", iso: "2023-03-08"),
        .init(text: "17 نيسان 1946", iso: "1946-04-17"),
        .init(text: "ايار 2022", iso: "2022-05"),
        .init(text: "1 أيار 2022", iso: "2022-05-01"),
        .init(text: "5 حزيران 1967", iso: "1967-06-05"),
        .init(text: "14 تموز 1958", iso: "1958-07-14"),
        .init(text: "4 آب 2020", iso: "2020-08-04"),
        .init(text: "آب 2020", iso: "2020-08"),
        .init(text: "13 أيلول 2020", iso: "2020-09-13"),
        .init(text: "ايلول 2020", iso: "2020-09"),
        .init(text: "17 تشرين الأول 2019", iso: "2019-10-17"),
        .init(text: "تشرين أول 2019", iso: "2019-10"),
        .init(text: "22 تشرين الثاني 1943", iso: "1943-11-22"),
        .init(text: "31 كانون الأول 2023", iso: "2023-12-31"),
        .init(text: "25 كانون الاول 2023", iso: "2023-12-25"),
    ]

    static let algerianTunisian: [TextDateCase] = [
        .init(text: "14 جانفي 2011", iso: "2011-01-14"),
        .init(text: "22 فيفري 2019", iso: "2019-02-22"),
        .init(text: "20 مارس 1956", iso: "1956-03-20"),
        .init(text: "9 أفريل 1938", iso: "1938-04-09"),
        .init(text: "8 ماي 1945", iso: "1945-05-08"),
        .init(text: "ماي 2024", iso: "2024-05"),
        .init(text: "19 جوان 1965", iso: "1965-06-19"),
        .init(text: "5 جويلية 1962", iso: "1962-07-05"),
        .init(text: "20 أوت 1955", iso: "1955-08-20"),
        .init(text: "16 سبتمبر 2024", iso: "2024-09-16"),
        .init(text: "أكتوبر 2024", iso: "2024-10"),
        .init(text: "1 نوفمبر 1954", iso: "1954-11-01"),
        .init(text: "17 ديسمبر 2010", iso: "2010-12-17"),
    ]

    static let moroccan: [TextDateCase] = [
        .init(text: "11 يناير 1944", iso: "1944-01-11"),
        .init(text: "20 فبراير 2011", iso: "2011-02-20"),
        .init(text: "2 مارس 1956", iso: "1956-03-02"),
        .init(text: "أبريل 2024", iso: "2024-04"),
        .init(text: "16 ماي 2003", iso: "2003-05-16"),
        .init(text: "يونيو 2024", iso: "2024-06"),
        .init(text: "30 يوليوز 2024", iso: "2024-07-30"),
        .init(text: "20 غشت 1953", iso: "1953-08-20"),
        .init(text: "8 شتنبر 2023", iso: "2023-09-08"),
        .init(text: "أكتوبر 2023", iso: "2023-10"),
        .init(text: "6 نونبر 1975", iso: "1975-11-06"),
        .init(text: "دجنبر 2024", iso: "2024-12"),
    ]

    // MARK: - Hijri, converted with Umm al-Qura

    static let hijriMonths: [TextDateCase] = [
        .init(text: "1 محرم 1446 هـ", iso: "2024-07-07", calendar: .hijri, hijri: hijri(1446, 1, 1)),
        .init(text: "10 المحرم 1446هـ", iso: "2024-07-16", calendar: .hijri, hijri: hijri(1446, 1, 10)),
        .init(text: "5 صفر 1446 AH", iso: "2024-08-09", calendar: .hijri, hijri: hijri(1446, 2, 5)),
        .init(text: "5 صفر 1446 ه", iso: "2024-08-09", calendar: .hijri, hijri: hijri(1446, 2, 5)),
        .init(text: "12 ربيع الأول 1446 هجري", iso: "2024-09-15", calendar: .hijri, hijri: hijri(1446, 3, 12)),
        .init(text: "1 ربيع الآخر 1446 هـ", iso: "2024-10-04", calendar: .hijri, hijri: hijri(1446, 4, 1)),
        .init(text: "1 ربيع الثاني 1446 هـ", iso: "2024-10-04", calendar: .hijri, hijri: hijri(1446, 4, 1)),
        .init(text: "15 جمادى الأولى 1446 هـ", iso: "2024-11-17", calendar: .hijri, hijri: hijri(1446, 5, 15)),
        .init(text: "15 جمادي الأول 1446 هـ", iso: "2024-11-17", calendar: .hijri, hijri: hijri(1446, 5, 15)),
        .init(text: "20 جمادى الآخرة 1446 هـ", iso: "2024-12-21", calendar: .hijri, hijri: hijri(1446, 6, 20)),
        .init(text: "20 جمادى الثانية 1446هـ", iso: "2024-12-21", calendar: .hijri, hijri: hijri(1446, 6, 20)),
        .init(text: "27 رجب 1446 هـ", iso: "2025-01-27", calendar: .hijri, hijri: hijri(1446, 7, 27)),
        .init(text: "15 شعبان 1446 هجرية", iso: "2025-02-14", calendar: .hijri, hijri: hijri(1446, 8, 15)),
        .init(text: "1 رمضان 1445 هـ", iso: "2024-03-11", calendar: .hijri, hijri: hijri(1445, 9, 1)),
        .init(text: "1 شوال 1445 للهجرة", iso: "2024-04-10", calendar: .hijri, hijri: hijri(1445, 10, 1)),
        .init(text: "1 ذو القعدة 1445 هـ", iso: "2024-05-09", calendar: .hijri, hijri: hijri(1445, 11, 1)),
        .init(text: "1 ذي القعدة 1445 هـ", iso: "2024-05-09", calendar: .hijri, hijri: hijri(1445, 11, 1)),
        .init(text: "10 ذو الحجة 1445 هـ", iso: "2024-06-16", calendar: .hijri, hijri: hijri(1445, 12, 10)),
        .init(text: "10 ذي الحجة 1445هـ", iso: "2024-06-16", calendar: .hijri, hijri: hijri(1445, 12, 10)),
        .init(text: "رمضان 1445 هـ", iso: "2024-03", calendar: .hijri, hijri: hijri(1445, 9, nil)),
        .init(text: "١٤٤٥/٩/٢هـ", iso: "2024-03-12", calendar: .hijri, hijri: hijri(1445, 9, 2)),
    ]

    // MARK: - Digits, eras, day names, pairs, precision, dual dates, times, numeric dates

    static let forms: [TextDateCase] = [
        // digit systems
        .init(text: "١٢ مارس ٢٠٢٤", iso: "2024-03-12"),
        .init(text: "۱۲ مارس ۲۰۲۴", iso: "2024-03-12"),
        .init(text: "٢٠٢٤/٣/١٢", iso: "2024-03-12"),
        // era suffixes
        .init(text: "12 مارس 2024م", iso: "2024-03-12"),
        .init(text: "12 مارس 2024 م.", iso: "2024-03-12"),
        .init(text: "12 مارس 2024 ميلادي", iso: "2024-03-12"),
        // day names, with and without يوم and a comma
        .init(text: "الاثنين 11 مارس 2024", iso: "2024-03-11"),
        .init(text: "يوم الخميس، 14 مارس 2024", iso: "2024-03-14"),
        .init(text: "الإثنين، 11 مارس 2024", iso: "2024-03-11"),
        .init(text: "الأربعاء 13 مارس 2024", iso: "2024-03-13"),
        .init(text: "السبت 16 مارس 2024", iso: "2024-03-16"),
        // a day name between a time and its date is skipped
        .init(text: "08:00 م - الجمعة 15 مارس 2024", iso: "2024-03-15T20:00"),
        .init(text: "11:00 ص الأثنين 18 مارس 2024", iso: "2024-03-18T11:00"),
        .init(text: "9:00 ص يوم الأحد 17 مارس 2024", iso: "2024-03-17T09:00"),
        .init(text: "07:45 م الثلاثاء 19 مارس 2024", iso: "2024-03-19T19:45"),
        // paired month names
        .init(text: "12 مارس/آذار 2024", iso: "2024-03-12"),
        .init(text: "12 آذار (مارس) 2024", iso: "2024-03-12"),
        .init(text: "أيار/مايو 2024", iso: "2024-05"),
        .init(text: "25 كانون الأول/ديسمبر 2023", iso: "2023-12-25"),
        // joining words and WordPress order
        .init(text: "في 12 من شهر مارس 2024", iso: "2024-03-12"),
        .init(text: "مارس من عام 2024", iso: "2024-03"),
        .init(text: "12 مارس، 2024", iso: "2024-03-12"),
        .init(text: "مارس 12، 2024", iso: "2024-03-12"),
        // dual Hijri / Gregorian: the Gregorian part wins and the Hijri part is kept
        .init(text: "الثلاثاء 2 رمضان 1445هـ - 12 مارس 2024م", iso: "2024-03-12", hijri: hijri(1445, 9, 2)),
        .init(text: "1 رمضان 1445 الموافق 11 مارس 2024", iso: "2024-03-11", hijri: hijri(1445, 9, 1)),
        .init(text: "2 رمضان 1445هـ (12 مارس 2024م)", iso: "2024-03-12", hijri: hijri(1445, 9, 2)),
        .init(text: "نشر في 2024/03/12 الموافق 1445/09/02 هـ", iso: "2024-03-12", hijri: hijri(1445, 9, 2)),
        // the most precise date wins
        .init(text: "تقرير مارس 2024 نشر في 2 أبريل 2024", iso: "2024-04-02"),
        // times: ص / م, م after a year is the era, time before the date, zones
        .init(text: "12 مارس 2024 - 10:30 ص", iso: "2024-03-12T10:30"),
        .init(text: "12 مارس 2024م 05:15 م", iso: "2024-03-12T17:15"),
        .init(text: "١٢ مارس ٢٠٢٤ - ٥:١٥ م", iso: "2024-03-12T17:15"),
        .init(text: "12 مارس 2024 الساعة 12:05 ص", iso: "2024-03-12T00:05"),
        .init(text: "12 مارس 2024 الساعة 10:30 مساءً", iso: "2024-03-12T22:30"),
        .init(text: "12 مارس 2024 | 14:45:10", iso: "2024-03-12T14:45:10"),
        .init(text: "10:30 ص، الثلاثاء 12 مارس 2024", iso: "2024-03-12T10:30"),
        .init(text: "الساعة 9:15 من مساء يوم الخميس 14 مارس 2024", iso: "2024-03-14T21:15"),
        .init(text: "12 مارس 2024 10:30 +03:00", iso: "2024-03-12T10:30+03:00"),
        .init(text: "الثلاثاء 12 مارس 2024 - 09:00 صباحاً بتوقيت مكة المكرمة", iso: "2024-03-12T09:00+03:00"),
        .init(text: "12/03/2024 10:30 GMT", iso: "2024-03-12T10:30Z"),
        .init(text: "آخر تحديث: 2024-03-12T10:30:00+03:00", iso: "2024-03-12T10:30:00+03:00"),
        // numeric dates: day first, ISO when the year leads
        .init(text: "12/03/2024", iso: "2024-03-12"),
        .init(text: "12-3-2024", iso: "2024-03-12"),
        .init(text: "12.03.2024", iso: "2024-03-12"),
        .init(text: "3/25/2024", iso: "2024-03-25"),
        .init(text: "2024/3/12", iso: "2024-03-12"),
        .init(text: "2024-03-12", iso: "2024-03-12"),
    ]

    // MARK: - Not dates

    static let notDates: [String] = [
        "1.5 مليون",
        "آب العائلة",
        "ماي",
        // ماي and آب need a day or a year right beside them.
        "قال آب لـ 3 أبناء عام 2024",
        "ماي 5 أصدقاء",
        "2024-13-45",
        // A year alone is a reference in prose, not the date of the text.
        "في عام 1995",
        "1445هـ",
        "12345",
        "اتصل على 0501234567",
        "192.168.1.1",
        "الإصدار 1.2.3.2024",
        "31 فبراير 2024",
        "29 فبراير 2023",
        "31 نيسان 2024",
        "30 محرم 1446 هـ",
        "13/13/2024",
        "12 مارس",
        "12 مارس 1850",
        "1 رمضان 1600 هـ",
        "12 مارس 2024 هـ",
        "2 رمضان 1445 م",
        "١٢ مارس 20٢4",
        "الساعة 10:30 ص",
        "كانون 2024",
        "النتيجة 2:1",
        "",
    ]

    // MARK: - Machine values

    static let machine: [(value: String, iso: String)] = [
        ("2020-03-17", "2020-03-17"),
        ("2020-03", "2020-03"),
        ("2020", "2020"),
        ("20200317", "2020-03-17"),
        ("2020-03-17T10:30:00+02:00", "2020-03-17T10:30:00+02:00"),
        ("2020-03-17T10:30:00.000Z", "2020-03-17T10:30:00Z"),
        ("2020-03-17 10:30:00", "2020-03-17T10:30:00"),
        ("2020-03-17T10:30+0300", "2020-03-17T10:30+03:00"),
        ("2020-03-17T10:30:00-05:00", "2020-03-17T10:30:00-05:00"),
        ("20200317T103000Z", "2020-03-17T10:30:00Z"),
        (" 2020-03-17T10:30:00+03:00\n", "2020-03-17T10:30:00+03:00"),
        ("٢٠٢٤-٠٣-١٢", "2024-03-12"),
        ("Tue, 17 Mar 2020 10:30:00 +0200", "2020-03-17T10:30:00+02:00"),
        ("Tue, 17 Mar 2020 10:30:00 GMT", "2020-03-17T10:30:00Z"),
        ("17 Mar 2020 10:30 EST", "2020-03-17T10:30-05:00"),
        ("17 Mar 2020", "2020-03-17"),
        ("March 17, 2020", "2020-03-17"),
    ]

    static let notMachine: [String] = [
        "", "0000-00-00 00:00:00", "2024-13-45", "2020-02-30", "2020-03-17T25:00", "1800-01-01",
        "17 Foo 2020", "not a date", "2020-03-17 garbage", "12 مارس 2024",
    ]
}

@Suite("Arabic dates")
struct ArabicDateTests {
    private func check(_ testCase: TextDateCase) {
        let date = ArabicDateParser.find(in: testCase.text)
        #expect(date?.iso == testCase.iso)
        #expect(date?.calendar == testCase.calendar)
        #expect(date?.hijri == testCase.hijri)
    }

    @Test("Egyptian / Gulf month names", arguments: ArabicDateCases.egyptianGulf)
    func egyptianGulf(_ testCase: TextDateCase) { check(testCase) }

    @Test("Levantine / Iraqi month names", arguments: ArabicDateCases.levantine)
    func levantine(_ testCase: TextDateCase) { check(testCase) }

    @Test("Algerian / Tunisian month names", arguments: ArabicDateCases.algerianTunisian)
    func algerianTunisian(_ testCase: TextDateCase) { check(testCase) }

    @Test("Moroccan month names", arguments: ArabicDateCases.moroccan)
    func moroccan(_ testCase: TextDateCase) { check(testCase) }

    @Test("Hijri month names and conversion", arguments: ArabicDateCases.hijriMonths)
    func hijriMonths(_ testCase: TextDateCase) { check(testCase) }

    @Test("Digits, eras, day names, pairs, dual dates, times, numeric dates", arguments: ArabicDateCases.forms)
    func forms(_ testCase: TextDateCase) { check(testCase) }

    @Test("Not dates", arguments: ArabicDateCases.notDates)
    func notDates(_ text: String) {
        #expect(ArabicDateParser.find(in: text) == nil)
    }

    @Test("Machine values", arguments: ArabicDateCases.machine)
    func machine(_ value: String, _ iso: String) {
        #expect(ArabicDateParser.parseMachine(value)?.iso == iso)
    }

    @Test("Machine values that are not dates", arguments: ArabicDateCases.notMachine)
    func notMachine(_ value: String) {
        #expect(ArabicDateParser.parseMachine(value) == nil)
    }

    @Test("Precision is kept in the fields, not only in iso")
    func precision() {
        let month = ArabicDateParser.find(in: "مارس 2024")
        #expect(month == ArabicDate(year: 2024, month: 3))
        let time = ArabicDateParser.find(in: "12 مارس 2024 - 10:30 م")
        #expect(time == ArabicDate(year: 2024, month: 3, day: 12, hour: 22, minute: 30))
        let machine = ArabicDateParser.parseMachine("2020-03-17T10:30:00+03:00")
        #expect(machine?.second == 0)
        #expect(machine?.utcOffsetMinutes == 180)
    }

    @Test("iso at each precision")
    func iso() {
        #expect(ArabicDate(year: 2024).iso == "2024")
        #expect(ArabicDate(year: 2024, month: 3).iso == "2024-03")
        #expect(ArabicDate(year: 2024, month: 3, day: 12).iso == "2024-03-12")
        #expect(ArabicDate(year: 2024, month: 3, day: 12, hour: 10, minute: 30).iso == "2024-03-12T10:30")
        #expect(
            ArabicDate(year: 2024, month: 3, day: 12, hour: 10, minute: 30, second: 0, utcOffsetMinutes: 180).iso
                == "2024-03-12T10:30:00+03:00")
        #expect(
            ArabicDate(year: 2024, month: 3, day: 12, hour: 10, minute: 30, second: 0, utcOffsetMinutes: -330).iso
                == "2024-03-12T10:30:00-05:30")
        #expect(
            ArabicDate(year: 2024, month: 3, day: 12, hour: 10, minute: 30, second: 0, utcOffsetMinutes: 0).iso
                == "2024-03-12T10:30:00Z")
    }

    @Test("No spelling in the month tables names two different months")
    func monthTablesAgree() {
        let systems: [(ArabicDate.Calendar, [[String]])] = [
            (.gregorian, ArabicMonthNames.egyptianGulf), (.gregorian, ArabicMonthNames.levantine),
            (.gregorian, ArabicMonthNames.algerianTunisian), (.gregorian, ArabicMonthNames.moroccan),
            (.hijri, ArabicMonthNames.hijri),
        ]
        for (calendar, months) in systems {
            #expect(months.count == 12)
            for (index, spellings) in months.enumerated() {
                for spelling in spellings {
                    let month = ArabicMonthNames.monthsByKey[ArabicKey.make(spelling)]
                    #expect(month == ArabicMonthNames.Month(calendar: calendar, number: index + 1), "\(spelling)")
                }
            }
        }
    }

    @Test("A long paragraph is scanned once and its date found")
    func longParagraph() {
        let filler = String(repeating: "قال الوزير إن الحكومة ستواصل العمل على تحسين الخدمات. ", count: 400)
        #expect(ArabicDateParser.find(in: filler) == nil)
        #expect(ArabicDateParser.find(in: filler + "وذلك في 12 مارس 2024.")?.iso == "2024-03-12")
    }
}
