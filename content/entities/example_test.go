package entities_test

import (
	"fmt"
	"os"
	"strings"

	"rtlview/content/entities"
)

func ExampleRecognizer_Recognize() {
	text := "پوتین در نامه‌ای به «کیم جونگ اون» گفت: «مسکو و پیونگیانگ روابط را گسترش خواهند داد»."
	for _, e := range entities.New().Recognize(text) {
		fmt.Printf("%-5v %s -> %s", e.Kind, e.Text, e.Canonical)
		if e.Of != "" {
			fmt.Printf(" (%s: %s)", e.Role, e.Of)
		}
		fmt.Println()
	}
	// Output:
	// PER   پوتین -> ولادیمیر پوتین (رئیس جمهور: روسیه)
	// PER   کیم جونگ اون -> کیم جونگ اون (رهبر: کره شمالی)
	// QUOTE «مسکو و پیونگیانگ روابط را گسترش خواهند داد» -> مسکو و پیونگیانگ روابط را گسترش خواهند داد (: ولادیمیر پوتین)
	// LOC   مسکو -> مسکو (پایتخت: روسیه)
	// LOC   پیونگیانگ -> پیونگیانگ (پایتخت: کره شمالی)
}

func ExampleRecognizer_Recognize_rules() {
	text := "روز پنج‌شنبه ۱۲ آبان ۱۴۰۳ - ۰۹:۱۴، سه سال قبل، هفتاد و سومین سالگرد، یکصد هزار نفر"
	for _, e := range entities.New().Recognize(text) {
		fmt.Printf("%v %s = %s\n", e.Kind, e.Text, e.Canonical)
	}
	// Output:
	// DATE روز پنج‌شنبه ۱۲ آبان ۱۴۰۳ - ۰۹:۱۴ = روز پنج‌شنبه ۱۲ آبان ۱۴۰۳ - ۰۹:۱۴
	// DATE سه سال قبل = سه سال قبل
	// NUM هفتاد و سومین = 73
	// NUM یکصد هزار = 100000
}

func ExampleRecognizer_Load() {
	r := entities.New()
	gaz := "# my names\nPER\tماریو لوبتکین\tلوبتکین\tof=اروگوئه;role=وزیر خارجه\nPER without a tab\n"
	for _, w := range r.Load(strings.NewReader(gaz), "my.tsv") {
		fmt.Println("warning:", w)
	}
	for _, e := range r.Recognize("لوبتکین به تهران رفت") {
		fmt.Println(e.Kind, e.Text, e.Canonical, e.Of)
	}
	// Output:
	// warning: my.tsv:3: want KIND<TAB>CANONICAL[<TAB>VARIANTS[<TAB>ATTRIBUTES]], found no TAB
	// PER لوبتکین ماریو لوبتکین اروگوئه
	// LOC تهران تهران ایران
}

func ExampleWriteTSV() {
	recs := entities.New().Records([]string{"وزارت خارجه کره شمالی", "سال گذشته"})
	entities.WriteTSV(os.Stdout, recs)
	// Output:
	// ORG	وزارت خارجه کره شمالی	وزارت خارجه کره شمالی	0	0	39
	// DATE	سال گذشته	سال گذشته	1	0	17
}
