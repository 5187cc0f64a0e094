// Written by TailLexiconTableTests (MAQAL_WRITE_LEXICON_TABLE=1 swift test --filter TailLexiconTable)
// from TailLexicon's phrase lists: edit the phrases, not this file. Each table: the keys as
// ArabicKey makes them, each once, one a line, sorted by their UTF-8 bytes.
extension TailLexicon {
    static let commentHeadKeys = KeyTable(
        """
        comments
        leave a comment
        leave a reply
        اترك تعليقا
        اترك تعليقك
        اترك ردا
        اراء الزوار
        اراء القراء
        ارسال تعليق
        اضف تعليق
        اضف تعليقا
        اضف تعليقك
        اكتب تعليقك
        التعليقات
        التعليقات علي هذا المقال
        تعليق
        تعليقات
        تعليقات الزوار
        تعليقات القراء
        تعليقات فيسبوك
        شارك بتعليقك
        شارك برايك
        عدد التعليقات
        """)

    static let commentHeadFirstWords = KeyTable(
        """
        comments
        leave
        اترك
        اراء
        ارسال
        اضف
        اكتب
        التعليقات
        تعليق
        تعليقات
        شارك
        عدد
        """)

    static let shareTargetKeys = KeyTable(
        """
        copy
        email
        facebook
        instagram
        link
        linkedin
        messenger
        pinterest
        print
        reddit
        telegram
        tiktok
        twitter
        whatsapp
        x
        youtube
        اب
        اكس
        الالكتروني
        البريد
        الرابط
        ان
        انستجرام
        انستغرام
        انسخ
        بوك
        بينتيريست
        تلغرام
        تليجرام
        توك
        تويتر
        تيك
        تيليجرام
        ريديت
        سناب
        شات
        طباعه
        فيس
        فيسبوك
        لينكد
        لينكدان
        ماسنجر
        نسخ
        واتس
        واتساب
        يوتيوب
        """)

    static let shareWordKeys = KeyTable(
        """
        article
        on
        share
        this
        via
        اصدقائك
        اصدقائكم
        الخبر
        المشاركه
        المقال
        الموضوع
        تنس
        تنسوا
        تنسي
        شارك
        شاركه
        شاركها
        شاركوا
        عبر
        علي
        في
        لا
        مشاركه
        مع
        هذا
        هذه
        """)

    static let shareVerbKeys = KeyTable(
        """
        share
        المشاركه
        شارك
        شاركه
        شاركها
        شاركوا
        مشاركه
        """)

    static let followVerbKeys = KeyTable(
        """
        follow
        join
        subscribe
        اشترك
        اشتركوا
        انضم
        انضموا
        انضمي
        تابع
        تابعنا
        تابعوا
        تابعونا
        للاشتراك
        للانضمام
        """)

    static let followObjectKeys = KeyTable(
        """
        تطبيقنا
        حساباتنا
        حسابنا
        صفحتنا
        قناتنا
        مجموعتنا
        موقعنا
        نشرتنا
        """)

    static let forwardTrailerKeys = KeyTable(
        """
        ارسلها لغيرك
        انشر تؤجر
        انشرها تؤجر
        كما وصلتني
        كما وصلني
        منقول
        منقول بتصرف
        منقول للامانه
        منقول للفائده
        منقول منقول
        منقوله
        منقوووول
        """)

    static let forwardSourceKeys = KeyTable(
        """
        جروب
        حساب
        صفحه
        قناه
        مجموعه
        موقع
        """)

    static let forwardFromKeys = KeyTable(
        """
        عن
        من
        """)
}
