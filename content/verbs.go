package content

import (
	"strings"
	"sync"
	"unicode/utf8"
)

// Persian verbs, as far as the ZWNJ repair and entity recognition need
// them: a finite verb is a prefix (می, نمی, ب, ن, perhaps a preverb
// before it), a stem and a personal ending. «میکند» is می + کن + د,
// «نگفتند» ن + گفت + ند, «کرده» the participle کرد + ه. The stem lists
// are one list for both uses (the repair wants to be sure a word is a
// verb before it puts a ZWNJ in, the person rule wants to know a verb is
// no name), written with the Persian letters (Persian yeh and keheh, آ,
// no ZWNJ) and small on purpose: news Persian, plus what a test needs. A
// missing stem only means a join stays unrepaired, or a verb is read as a
// word. stemSet enters each stem also as Fold writes it (آمد as امد), so
// that folded text (entities) finds them as well as text with its
// Persian letters (the repair).

var (
	// presentStems take a personal ending: «کند», «گویند». Some have two
	// forms, after a consonant and after a vowel (گو, گوی; نما, نمای).
	presentStems = stemSet("کن", "شو", "گو", "گوی", "رو", "آ", "آی", "دان", "خواه", "توان", "ده",
		"گیر", "زن", "بین", "یاب", "رس", "کش", "ساز", "آور", "بر", "گذار", "گذر", "خور", "نویس",
		"خوان", "پرداز", "مان", "گرد", "پذیر", "دار", "فرست", "پرس", "شناس", "کوش", "افت", "افز",
		"افزا", "افزای", "ایست", "نشین", "گرای", "جو", "جوی", "پوش", "سپار", "بخش", "ترس", "دو",
		"خند", "فروش", "خر", "نما", "نمای", "باش", "اندیش", "بند", "شمار", "ران", "کاه", "ریز",
		"آموز", "چرخ", "پیوند")
	// pastStems stand alone for the third person singular («کرد») or take
	// a personal ending or the participle ه. «توان» is the short
	// infinitive of «میتوان» (one can), which takes no ending.
	pastStems = stemSet("کرد", "شد", "گفت", "رفت", "آمد", "دانست", "خواست", "توانست", "توان",
		"داد", "گرفت", "زد", "دید", "یافت", "رسید", "کشید", "ساخت", "آورد", "برد", "گذاشت",
		"گذشت", "خورد", "نوشت", "خواند", "پرداخت", "ماند", "گشت", "پذیرفت", "داشت", "فرستاد",
		"پرسید", "شناخت", "کوشید", "افتاد", "افزود", "ایستاد", "نشست", "بایست", "نمود", "گردید",
		"بود", "اندیشید", "بست", "شمرد", "سپرد", "جست", "پوشید", "ترسید", "خندید", "گرایید",
		"پیوست", "بخشید", "ریخت", "دوید", "کاهید", "آموخت", "خاست")
	// verbEndings are the personal endings (none for the third person
	// singular of the past) and the participle ending ه, which only a
	// past stem takes.
	verbEndings = []string{"", "م", "ی", "د", "یم", "ید", "ند", "ه"}
)

// stemSet is wordSet of the stems and their folded forms, except a folded
// form of one letter: آ folds to ا, and ا as a present stem would make
// «نام» (ن + ا + م) and «بام» verbs; «میآید» folded, «میاید», is
// still found through the other form of the stem, ای.
func stemSet(w ...string) func() map[string]bool {
	return sync.OnceValue(func() map[string]bool {
		m := makeSet(w)
		for _, s := range w {
			if f := FoldString(s); utf8.RuneCountInString(f) > 1 {
				m[f] = true
			}
		}
		return m
	})
}

// StemAndEnding reports how s, a word without its verbal prefix, reads as
// a listed verb stem followed by a personal ending: present is a present
// stem with one of م ی د یم ید ند («کند», «گویند»; a present stem alone,
// «دان», is no verb form), past a past stem with nothing, one of those
// endings or the participle ه («کرد», «گفتند», «کرده»). Both may hold
// («توانند»); neither holds for «لیون» or «دان». s is compared as
// it is: give it folded (FoldString) or written with the Persian letters.
func StemAndEnding(s string) (present, past bool) {
	for _, e := range verbEndings {
		stem, ok := strings.CutSuffix(s, e)
		if !ok || stem == "" {
			continue
		}
		if pastStems()[stem] {
			past = true
		}
		if e != "" && e != "ه" && presentStems()[stem] {
			present = true
		}
	}
	return present, past
}
