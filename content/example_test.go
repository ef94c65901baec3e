package content_test

import (
	"fmt"
	"strings"

	"rtlview/content"
)

// A query typed without ZWNJ and with Arabic letters finds the word as
// the text spells it, and Orig gives back the original bytes to highlight.
func ExampleFold() {
	text := "روسیه و کره شمالی همکاری‌ها را گسترش می‌دهند"
	f := content.Fold(text)
	q := content.FoldString("همكاريها") // Arabic kaf and yeh, no ZWNJ
	i := strings.Index(f.Text, q)
	start, end := f.Orig(i, i+len(q))
	fmt.Printf("%q\n", text[start:end])
	// Output: "همکاری\u200cها"
}

func ExampleParseJalali() {
	dt, err := content.ParseJalali("دوشنبه ۲۴ مرداد ۱۴۰۱ - ۰۹:۱۴")
	if err != nil {
		panic(err)
	}
	fmt.Println(dt.Date, dt.Weekday, dt.Time().UTC())
	fmt.Println(content.FormatJalali(dt))
	// Output:
	// 1401/05/24 Monday 2022-08-15 04:44:00 +0000 UTC
	// دوشنبه ۲۴ مرداد ۱۴۰۱، ۰۹:۱۴
}

func ExampleDefuse() {
	text, controls, _ := content.Defuse("ok\x1b]52;c;aGk=\x07")
	fmt.Println(text, controls)
	// Output: ok␛]52;c;aGk=␇ [{2 5} {15 18}]
}

func ExampleArticle() {
	doc := content.Article()
	fmt.Println(doc.Meta.Title)
	fmt.Println(doc.Meta.Source, doc.Meta.Code, doc.Meta.Published.Format("2006-01-02 15:04 -07:00"))
	fmt.Println(len(doc.Blocks), "blocks")
	// Output:
	// پوتین بر توسعه روابط روسیه و کره شمالی تأکید کرد
	// ایصال نیوز ۲۵۹۷۰ 2022-08-15 09:14 +04:30
	// 11 blocks
}
