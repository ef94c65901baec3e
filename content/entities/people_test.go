package entities

import (
	"slices"
	"testing"
)

// The person rule (people.go): names not in the gazetteer next to a title.
// The people below are made up or are not in gazetteer.tsv.

func TestPeopleAfterTitle(t *testing.T) {
	runCases(t, []rcase{
		{"title + country + name", "رئیس جمهور شیلی گابریل بوریچ روز سه‌شنبه به لیما رفت.",
			[]string{"LOC:شیلی", "PER:گابریل بوریچ", "DATE:روز سه‌شنبه", "LOC:لیما"}},
		{"title + country + comma + name", "نخست وزیر پرو، ماتئو کالوو ایبارا، در این نشست سخنرانی کرد.",
			[]string{"LOC:پرو", "PER:ماتئو کالوو ایبارا"}},
		{"title + organisation + name", "رئیس بانک جهانی النا دورادو گفت وام جدیدی در راه است.",
			[]string{"ORG:بانک جهانی", "PER:النا دورادو"}},
		{"title + head word + organisation + name", "رئیس کمیسیون اتحادیه اروپا هانس مولر نیز حضور داشت.",
			[]string{"ORG:اتحادیه اروپا", "PER:هانس مولر"}},
		{"title + modifier + country + name", "وزیر خارجه سابق شیلی رافائل مورنو درگذشت.",
			[]string{"LOC:شیلی", "PER:رافائل مورنو"}},
		{"chained titles", "معاون اول رئیس جمهور شیلی تاتیانا روخاس به پکن رفت.",
			[]string{"LOC:شیلی", "PER:تاتیانا روخاس", "LOC:پکن"}},
		{"strong title, no country", "رئیس جمهور گابریل بوریچ در کاخ لاموندا سخنرانی کرد.",
			[]string{"PER:گابریل بوریچ"}},
		{"آقای + name", "آقای کاسپر هالتر در این نشست حضور داشت.", []string{"PER:کاسپر هالتر"}},
		{"خانم + name, diacritics", "خانمِ ماریا فرناندا با خبرنگاران صحبت کرد.", []string{"PER:ماریا فرناندا"}},
		{"the noun of a compound verb is not a name", "رئیس جمهور شیلی گابریل بوریچ تاکید کرد.", []string{"LOC:شیلی", "PER:گابریل بوریچ"}},
		{"light verb after an unknown word", "رئیس جمهور شیلی گابریل بوریچ فرسوده شد.", []string{"LOC:شیلی", "PER:گابریل بوریچ"}},
		{"آقای + surname", "آقای بوریچ گفت", []string{"PER:بوریچ"}},
		{"particles", "ولیعهد ابوظبی خالد بن محمد آل نهیان وارد شد.", []string{"LOC:ابوظبی", "PER:خالد بن محمد آل نهیان"}},
		{"ambassador in an organisation", "سفیر شیلی در سازمان ملل پائولا نارانخو گفت:",
			[]string{"LOC:شیلی", "ORG:سازمان ملل", "PER:پائولا نارانخو"}},
	})
}

func TestPeopleBeforeTitle(t *testing.T) {
	runCases(t, []rcase{
		{"name + title + country", "در این دیدار گابریل بوریچ رئیس جمهور شیلی گفت",
			[]string{"PER:گابریل بوریچ", "LOC:شیلی"}},
		{"name, title", "ماتئو کالوو، وزیر خارجه پرو، گفت", []string{"PER:ماتئو کالوو", "LOC:پرو"}},
		{"name + counterpart + demonym", "او با رافائل مورنو همتای شیلیایی خود دیدار کرد.",
			[]string{"PER:رافائل مورنو"}},
		{"after a function word", "دیدار با گابریل بوریچ رئیس جمهور شیلی", []string{"PER:گابریل بوریچ", "LOC:شیلی"}},
	})
}

func TestPeopleNegative(t *testing.T) {
	runCases(t, []rcase{
		{"title + verb", "رئیس جمهور گفت کشورش آماده گفتگو است.", nil},
		{"title + demonstrative", "وزیر خارجه این کشور به تهران رفت.", []string{"LOC:تهران"}},
		{"leader of the revolution", "رهبر انقلاب در دیدار با مردم سخنرانی کرد.", nil},
		{"head of a board", "رئیس هیئت مدیره شرکت استعفا داد.", nil},
		{"head of a delegation", "رئیس هیئت شیلی وارد شد.", []string{"LOC:شیلی"}},
		{"demonym", "رئیس جمهور آمریکایی و نخست وزیر شیلیایی", nil},
		{"date", "رئیس جمهور ۲۴ مرداد به تهران رفت.", []string{"DATE:۲۴ مرداد", "LOC:تهران"}},
		{"weekday", "نخست وزیر ژاپن روز جمعه استعفا داد.", []string{"LOC:ژاپن", "DATE:روز جمعه"}},
		{"noun before a title", "سفر رئیس جمهور فرانسه به الجزایر", []string{"LOC:فرانسه", "LOC:الجزایر"}},
		{"two nouns before a title", "استعفای ناگهانی نخست وزیر ژاپن", []string{"LOC:ژاپن"}},
		{"compound verb", "رئیس جمهور فرانسه تاکید کرد", []string{"LOC:فرانسه"}},
		{"verb with می", "نخست وزیر شیلی می‌گوید", []string{"LOC:شیلی"}},
		{"verb with نمی", "رئیس جمهور آمریکا نمی‌خواهد", []string{"LOC:آمریکا"}},
		{"counterpart", "وزیر خارجه ایران و همتای عمانی او", []string{"LOC:ایران"}},
		{"organisation + date", "سخنگوی کاخ سفید روز پنج‌شنبه گفت", []string{"ORG:کاخ سفید", "DATE:روز پنج‌شنبه"}},
		{"elected", "رئیس جمهور منتخب آمریکا", []string{"LOC:آمریکا"}},
		{"a number", "رئیس جمهور آمریکا سه هزار سرباز فرستاد", []string{"LOC:آمریکا", "NUM:سه هزار"}},
		{"an ambiguous country", "رئیس جمهور مالی", nil},
		{"a common noun and a plural", "رئیس جمهور آمریکا مذاکرات صلح را", []string{"LOC:آمریکا"}},
		{"one word after a title", "رئیس جمهور آمریکا بیمار است.", []string{"LOC:آمریکا"}},
		{"one word and a light verb", "رئیس جمهور آمریکا عقب‌نشینی کرد.", []string{"LOC:آمریکا"}},
		{"two nouns in an ezafe chain", "رسوایی جنسی رئیس جمهور آمریکا", []string{"LOC:آمریکا"}},
		{"a word too many", "رئیس جمهور شیلی گابریل بوریچ فونت آلبا کاستیو", []string{"LOC:شیلی"}},
		{"ladies and gentlemen", "خانم‌ها و آقایان", nil},
		{"a title inside a name", "رئیس سازمان ملل", []string{"ORG:سازمان ملل"}},
	})
}

func TestPeopleLaterMentions(t *testing.T) {
	es := Recognize("دانیل روخاس رئیس جمهور شیلی روز دوشنبه به لیما رفت. روخاس در لیما گفت دانیل روخاس آماده است.")
	var pers []Entity
	for _, e := range es {
		if e.Kind == PER {
			pers = append(pers, e)
		}
	}
	if got := show(pers); !slices.Equal(got, []string{"PER:دانیل روخاس", "PER:روخاس", "PER:دانیل روخاس"}) {
		t.Fatalf("people: %q", got)
	}
	for _, e := range pers {
		if e.Canonical != "دانیل روخاس" {
			t.Errorf("%+v: want the canonical دانیل روخاس", e)
		}
	}
	if pers[0].Of != "شیلی" || pers[0].Role != "رئیس جمهور" {
		t.Errorf("%+v: want Of شیلی and Role رئیس جمهور", pers[0])
	}
	runCases(t, []rcase{
		// A second pass: the surname before the full name is read is
		// the same person («سلیمانی: ... حیدر سلیمانی گفت»).
		{"before the full name too", "روخاس گفت. رئیس جمهور شیلی دانیل روخاس گفت.", []string{"PER:روخاس", "LOC:شیلی", "PER:دانیل روخاس"}},
		{"the given name alone, when no common word", "سرمربی فرشاد ریاحی آمد و فرشاد گفت", []string{"PER:فرشاد ریاحی", "PER:فرشاد"}},
		{"not a common given name alone", "سرمربی حسین ریاحی آمد و حسین گفت", []string{"PER:حسین ریاحی"}},
		// Not a later mention glued to another name: «ماریا» starts a
		// name of its own (a given name, names.go).
		{"not glued to another name", "رئیس جمهور شیلی دانیل روخاس و ماریا روخاس کاستیو",
			[]string{"LOC:شیلی", "PER:دانیل روخاس", "PER:ماریا روخاس کاستیو"}},
		{"with a quote", "رئیس جمهور شیلی دانیل روخاس آمد. روخاس گفت: «ما آماده‌ایم و گفتگو ادامه دارد».",
			[]string{"LOC:شیلی", "PER:دانیل روخاس", "PER:روخاس", "QUOTE:«ما آماده‌ایم و گفتگو ادامه دارد»"}},
	})
	// A text's names are its own: another call knows nothing of them.
	if got := show(Recognize("روخاس در لیما گفت")); !slices.Equal(got, []string{"LOC:لیما"}) {
		t.Errorf("a name leaked from another call: %q", got)
	}
	// Records: the paragraphs are one document.
	recs := Default().Records([]string{"رئیس جمهور شیلی دانیل روخاس به لیما رفت.", "روخاس گفت", "دانیل روخاس آمد"})
	var got []string
	for _, r := range recs {
		if r.Kind == PER {
			got = append(got, r.Text+"="+r.Canonical)
		}
	}
	if want := []string{"دانیل روخاس=دانیل روخاس", "روخاس=دانیل روخاس", "دانیل روخاس=دانیل روخاس"}; !slices.Equal(got, want) {
		t.Errorf("Records: %q, want %q", got, want)
	}
	// The speaker of a quote may be a later mention.
	for _, e := range Recognize("رئیس جمهور شیلی دانیل روخاس آمد. روخاس گفت: «ما آماده‌ایم و گفتگو ادامه دارد».") {
		if e.Kind == QUOTE && e.Of != "دانیل روخاس" {
			t.Errorf("quote %+v: want the speaker دانیل روخاس", e)
		}
	}
}

func TestVerbForm(t *testing.T) {
	for w, want := range map[string]bool{
		"میکند": true, "نمی‌تواند": true, "می‌گفت": true, "بکند": true, "ندارد": true, "نکرد": true, "می‌روند": true,
		"درگذشت": true, "بازگشتند": true, "برمی‌گردد": true,
		"میلی": false, "میشل": false, "میدان": false, "نوید": false, "بهرام": false, "ناصر": false, "میرزا": false,
	} {
		t.Run(w, func(t *testing.T) {
			if got := verbForm(foldWord(w)); got != want {
				t.Errorf("verbForm(%q) = %v, want %v", w, got, want)
			}
		})
	}
}

func foldWord(w string) string {
	for k := range newSet(w) {
		return k
	}
	return ""
}

func TestPeopleRoleAndOf(t *testing.T) {
	for _, c := range []struct{ in, name, role, of string }{
		{"رئیس کمیسیون اتحادیه اروپا هانس مولر گفت", "هانس مولر", "رئیس کمیسیون", "اتحادیه اروپا"},
		{"گابریل بوریچ، رئیس جمهور شیلی، گفت", "گابریل بوریچ", "رئیس جمهور", "شیلی"},
		{"رافائل مورنو همتای شیلیایی او گفت", "رافائل مورنو", "همتای", "شیلی"},
		{"آقای کاسپر هالتر گفت", "کاسپر هالتر", "", ""},
		// The title belongs to another: the adviser of the president.
		{"مشاور امنیت ملی رئیس جمهور شیلی هانس مولر گفت", "هانس مولر", "", ""},
	} {
		t.Run(c.in, func(t *testing.T) {
			var got *Entity
			for _, e := range Recognize(c.in) {
				if e.Kind == PER {
					got = &e
				}
			}
			if got == nil || got.Text != c.name || got.Canonical != c.name || got.Role != c.role || got.Of != c.of {
				t.Errorf("Recognize(%q): person %+v, want %s with role %q of %q", c.in, got, c.name, c.role, c.of)
			}
		})
	}
}

// A person of the gazetteer named in full is the same person when the
// text goes on with the surname alone, though the gazetteer does not list
// it: «پترو» after «گوستاوو پترو».
func TestGazetteerPersonLaterSurname(t *testing.T) {
	text := "رئیس جمهور کلمبیا گوستاوو پترو به بوگوتا بازگشت. پترو گفت: «سفر موفقی بود»."
	var got []string
	for _, e := range Recognize(text) {
		if e.Kind == PER {
			got = append(got, e.Text+"="+e.Canonical)
		}
	}
	want := []string{"گوستاوو پترو=گوستاوو پترو", "پترو=گوستاوو پترو"}
	if !slices.Equal(got, want) {
		t.Errorf("persons %q, want %q", got, want)
	}
	// Before the full name in the same text too, but not in another text.
	if got := show(Recognize("پترو گفت که گوستاوو پترو می‌آید.")); !slices.Equal(got, []string{"PER:پترو", "PER:گوستاوو پترو"}) {
		t.Errorf("«پترو» before the full name: %q", got)
	}
	for _, e := range Recognize("پترو گفت") {
		t.Errorf("«پترو» alone: %+v", e)
	}
}
