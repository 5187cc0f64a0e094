// Written by BoilerplateLexiconTableTests (MAQAL_WRITE_LEXICON_TABLE=1 swift test --filter
// BoilerplateLexiconTable) from BoilerplateLexicon.entries: edit the entries, not this file.
// Each line: W (every key, sorted by its UTF-8 bytes) or P (the prefix keys, longest first), the
// role's number, a space, the key as ArabicKey makes it.
extension BoilerplateLexicon {
    static let generatedTable: StaticString = """
        W1 0 تعليق
        W1 a lire aussi
        W0 accept
        W0 accept all
        W0 accept cookies
        W0 accepter
        W0 advertisement
        W0 all rights reserved
        W1 articles similaires
        W0 by continuing to use this site
        W0 by using this website
        W0 ce site utilise des cookies
        W0 click here
        W0 cliquez ici
        W1 commentaires
        W1 comments
        W0 copyright
        W0 email
        W0 en poursuivant votre navigation
        W0 facebook
        W0 follow us
        W0 got it
        W0 i agree
        W0 imprimer
        W0 j accepte
        W1 laisser un commentaire
        W1 latest news
        W0 learn more
        W1 leave a comment
        W1 leave a reply
        W1 les plus lus
        W0 linkedin
        W0 lire aussi
        W0 lire la suite
        W1 more stories
        W1 most popular
        W1 most read
        W0 nous utilisons des cookies
        W0 partager
        W0 partager sur
        W0 print
        W0 read also
        W0 read more
        W1 recent posts
        W1 related
        W1 related articles
        W1 related news
        W1 related posts
        W0 share
        W0 share on
        W0 share on whatsapp
        W0 share this
        W0 suivez nous
        W1 sur le même sujet
        W0 telegram
        W0 this site uses cookies
        W0 this website uses cookies
        W0 tous droits réservés
        W0 tweet
        W0 twitter
        W0 we use cookies
        W0 whatsapp
        W1 you may also like
        W1 you might also like
        W1 à lire aussi
        W0 ابحث
        W0 ابحث هنا
        W1 اترك تعليقا
        W1 اترك ردا
        W0 اتصل بنا
        W0 اتفاقيه الاستخدام
        W1 احدث الاخبار
        W1 احدث المقالات
        W1 احدث المنشورات
        W0 احفظ اسمي
        W1 اخبار ذات صله
        W1 اخبار مشابهه
        W1 اخترنا لك
        W1 اخر الاخبار
        W0 ادامه دارد
        W0 ادامه مطلب
        W0 ادخل بريدك الالكتروني
        W0 ارسال التعليق
        W0 ارسال بالبريد
        W1 ارسال تعليق
        W0 ارسل لصديق
        W0 اسعار الذهب
        W0 اسعار العملات
        W0 اشترك الان
        W0 اشترك في النشره البريديه
        W0 اشترك في قناتنا
        W0 اضغط هنا
        W0 اضف الي المفضله
        W1 اضف تعليق
        W1 اضف تعليقا
        W0 اظهار المزيد
        W0 اعلان
        W0 اعلانات
        W0 اعلن لدينا
        W0 اعلن معنا
        W0 اغلاق
        W0 اقرا المزيد
        W0 اقرا ايضا
        W0 اقرا كذلك
        W0 اكتب كلمه البحث
        W0 اكس
        W0 اكمل القراءه
        W0 الاخبار العاجله
        W0 الاسم
        W1 الاكثر تداولا
        W1 الاكثر شعبيه
        W1 الاكثر قراءه
        W1 الاكثر مشاهده
        W0 البريد الالكتروني
        W0 التالي
        W0 التعليق
        W1 التعليقات
        W1 التعليقات مغلقه
        W0 الخبر التالي
        W0 الخبر السابق
        W0 الذهاب الي الاعلي
        W0 الرئيسيه
        W0 الرجوع للاعلي
        W0 السابق
        W0 الشروط والاحكام
        W0 الصفحه الرئيسيه
        W0 العوده الي الاعلي
        W0 العوده للاعلي
        W0 الغاء الرد
        W0 القائمه
        W0 القائمه الجانبيه
        W0 القائمه الرئيسيه
        W2 المحتويات
        W0 المزيد
        W1 المزيد للكاتب
        W1 المزيد من الاخبار
        W1 المزيد من مقالات الكاتب
        W1 المشاركات الشائعه
        W0 المشاهدات
        W0 المقال التالي
        W0 المقال السابق
        W1 المقالات المرتبطه
        W0 الموقع الالكتروني
        W0 النشره الاخباريه
        W0 النشره البريديه
        W0 انسخ الرابط
        W0 انضم الي قناتنا
        W0 انقر هنا
        W0 اوافق
        W0 بحث
        W0 بحث عن
        W0 بينتيريست
        W0 تابع اخر الاخبار
        W0 تابع القراءه
        W0 تابعنا
        W0 تابعوا
        W0 تابعونا
        W0 تبديل التنقل
        W0 تحميل المزيد
        W0 تحميل تطبيق
        W0 تسجيل
        W0 تسجيل الخروج
        W0 تسجيل الدخول
        W1 تعليق واحد
        W1 تعليقات فيسبوك
        W0 تلغرام
        W0 تم اكتشاف مانع الاعلانات
        W0 تم نسخ الرابط
        W0 تويتر
        W0 تيليجرام
        W0 جاري ہے
        W2 جدول المحتوي
        W2 جدول المحتويات
        W0 جميع الحقوق محفوظه
        W0 حاله الطقس
        W0 حسابي
        W0 حفظ
        W0 حقوق الطبع والنشر
        W0 حقوق النشر محفوظه
        W0 حمل التطبيق
        W0 خريطه الموقع
        W1 رائج الان
        W0 رد
        W0 رساله احدث
        W0 رساله اقدم
        W0 رفض
        W0 زر الذهاب الي الاعلي
        W0 سياسه الخصوصيه
        W0 شارك
        W0 شارك الخبر
        W0 شارك المقال
        W0 شارك المقال علي
        W1 شارك بتعليقك
        W0 شارك علي
        W0 شارك هذا المقال
        W0 شاركنا رايك
        W0 شاركها
        W0 شاهد ايضا
        W0 شروط الاستخدام
        W0 شريط الاخبار
        W0 طالع ايضا
        W0 طباعه
        W0 عاجل
        W0 عدد القراءات
        W0 عدد المشاهدات
        W0 عرض المزيد
        W0 فريق العمل
        W2 فهرس المحتويات
        W2 فهرس المقال
        W0 فيسبوك
        W0 قبول
        W0 قبول الكل
        W0 قد يعجبك ايضا
        W1 قد يهمك
        W0 قد يهمك ايضا
        W0 قراءات
        W0 قيم هذا المقال
        W1 كن اول من يعلق
        W1 لا توجد تعليقات
        W0 للاعلي
        W0 للمزيد
        W0 لمزيد من المعلومات اقرا
        W0 لن يتم نشر عنوان بريدك الالكتروني
        W0 لينكدان
        W0 ما رايك
        W2 محتوي المقال
        W0 محتوي مدفوع
        W0 محتوي ممول
        W2 محتويات
        W2 محتويات المقال
        W0 مساحه اعلانيه
        W0 مشاركه
        W0 مشاركه الخبر
        W0 مشاهدات
        W1 مقالات اخري
        W1 مقالات اخري للكاتب
        W1 مقالات الكاتب
        W1 مقالات ذات صله
        W1 مقالات قد تهمك
        W1 مقالات مشابهه
        W0 من نحن
        W1 مواضيع اخري
        W1 مواضيع اخري للكاتب
        W1 مواضيع ذات صله
        W1 مواضيع مشابهه
        W0 موافق
        W0 مواقيت الصلاه
        W1 موضوعات ذات صله
        W0 نستخدم ملفات تعريف الارتباط
        W0 نسيت كلمه المرور
        W0 ننصحك بقراءه
        W0 هل اعجبك المقال
        W0 هل كان المقال مفيدا
        W0 هيئه التحرير
        W0 واتساب
        W0 يرجي تعطيل مانع الاعلانات
        W0 يستخدم هذا الموقع ملفات تعريف الارتباط
        W0 يمكنك ايضا قراءه
        P0 يستخدم هذا الموقع ملفات تعريف الارتباط
        P0 لن يتم نشر عنوان بريدك الالكتروني
        P0 en poursuivant votre navigation
        P0 by continuing to use this site
        P0 نستخدم ملفات تعريف الارتباط
        P0 ce site utilise des cookies
        P0 nous utilisons des cookies
        P0 يرجي تعطيل مانع الاعلانات
        P0 this website uses cookies
        P0 اشترك في النشره البريديه
        P0 تم اكتشاف مانع الاعلانات
        P0 لمزيد من المعلومات اقرا
        P0 this site uses cookies
        P0 ادخل بريدك الالكتروني
        P0 by using this website
        P0 tous droits réservés
        P0 all rights reserved
        P0 جميع الحقوق محفوظه
        P0 حقوق النشر محفوظه
        P0 حقوق الطبع والنشر
        P0 يمكنك ايضا قراءه
        P0 تابع اخر الاخبار
        P0 انضم الي قناتنا
        P0 اشترك في قناتنا
        P0 شارك المقال علي
        P0 شارك هذا المقال
        P0 we use cookies
        P0 قد يعجبك ايضا
        P0 ارسال التعليق
        P0 عدد المشاهدات
        P0 lire la suite
        P0 اكمل القراءه
        P0 تابع القراءه
        P0 ننصحك بقراءه
        P0 قد يهمك ايضا
        P0 عدد القراءات
        P0 partager sur
        P0 اقرا المزيد
        P0 اقرا المزيد
        P0 حمل التطبيق
        P0 حمل التطبيق
        P0 تحميل تطبيق
        P0 شارك المقال
        P0 suivez nous
        P0 cliquez ici
        P0 شارك الخبر
        P0 share this
        P0 click here
        P0 lire aussi
        P0 اقرا ايضا
        P0 اقرا ايضا
        P0 اقرا ايضا
        P0 اقرا كذلك
        P0 طالع ايضا
        P0 شاهد ايضا
        P0 احفظ اسمي
        P0 المشاهدات
        P0 copyright
        P0 follow us
        P0 read more
        P0 read also
        P0 شارك علي
        P0 share on
        P0 تابعونا
        P0 مشاهدات
        P0 للمزيد
        P0 تابعنا
        P0 تابعوا
        P0 قراءات
        """
}
