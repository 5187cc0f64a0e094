// Written by `RECORD=1 swift test --filter TextCuesTable` from TextCues' phrases; edit those, not this.

extension TextCues {
    /// The keys of ``metadataLabelPhrases`` with their fields, longest first, as
    /// ``metadataLabelsMade`` gives them. Made when the first line was read, they cost every run
    /// 0.12M instructions; a literal array is laid out by the compiler.
    static let metadataLabels: [(key: String, field: Field)] = [
        ("الكلمات المفتاحيه", .tags),
        ("الكلمات الدلاليه", .tags),
        ("تاريخ التحديث", .modified),
        ("كلمات مفتاحيه", .tags),
        ("اعداد وتحرير", .author),
        ("تحرير واعداد", .author),
        ("اعداد وتقديم", .author),
        ("كلمات دلاليه", .tags),
        ("اجري الحوار", .author),
        ("تاريخ النشر", .published),
        ("نشر بواسطه", .author),
        ("اسم الكاتب", .author),
        ("نشر بتاريخ", .published),
        ("تم التحديث", .modified),
        ("مصدر الخبر", .source),
        ("التصنيفات", .categories),
        ("اخر تحديث", .modified),
        ("التسميات", .tags),
        ("الكاتبه", .author),
        ("التاريخ", .published),
        ("المصادر", .source),
        ("الاوسمه", .tags),
        ("التصنيف", .categories),
        ("الاقسام", .categories),
        ("الكاتب", .author),
        ("بواسطه", .author),
        ("المؤلف", .author),
        ("حاورها", .author),
        ("بتاريخ", .published),
        ("المصدر", .source),
        ("الوسوم", .tags),
        ("نشر في", .published),
        ("نشر في", .published),
        ("كتبها", .author),
        ("كتبته", .author),
        ("اعداد", .author),
        ("تحرير", .author),
        ("تقرير", .author),
        ("حاوره", .author),
        ("تاريخ", .published),
        ("القسم", .categories),
        ("بقلم", .author),
        ("كتبت", .author),
        ("كتبه", .author),
        ("حوار", .author),
        ("وسوم", .tags),
        ("كتب", .author),
        ("نشر", .published),
        ("نشر", .published),
    ]

    /// The keys of ``captionPhrases``, in their order.
    static let captionKeys: [String] = [
        "صوره توضيحيه",
        "صوره ارشيفيه",
        "صوره تعبيريه",
        "صوره ارشيف",
        "ارشيفيه",
        "مصدر الصوره",
        "الصوره",
        "صوره",
        "صور",
        "تصوير",
        "رسم توضيحي",
        "انفوجراف",
    ]

    static let ordinalKeys = KeyTable(
        """
        اخيرا
        اولا
        تاسعا
        ثالثا
        ثامنا
        ثانيا
        خامسا
        رابعا
        سابعا
        سادسا
        عاشرا
        واخيرا
        """)
}
