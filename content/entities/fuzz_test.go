package entities

import "testing"

// FuzzRecognize: never panics; spans within bounds, on rune boundaries,
// sorted, non-QUOTE entities disjoint, QUOTEs nest whole.
func FuzzRecognize(f *testing.F) {
	for _, s := range []string{
		"",
		"پوتین بر توسعه روابط روسیه و کره شمالی تأکید کرد",
		"پوتین گفت: «روسیه و کره‌شمالی» «",
		"دوشنبه ۲۴ مرداد ۱۴۰۱ - ۰۹:۱۴",
		"هفتاد و سومین سالگرد؛ یکصد هزار جنگجو",
		"«ایوان نِچایف» معاون سخنگوی وزارت خارجه روسیه",
		"كره\u200cاي\u200dها \x00\x1b[2J\xff",
		"۱۴۰۱/۰۵/۲۴ ۲۳:۵۹:۵۹ 1,000.5",
		"رئیس جمهور شیلی، گابریل بوریچ گفت. ماتئو کالوو، وزیر خارجه پرو «آقای بوریچ» بوریچ‌ها دو",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkInvariants(t, s, Recognize(s))
	})
}
