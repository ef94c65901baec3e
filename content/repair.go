package content

import (
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

// ZWNJ repair (display only).
//
// Persian writes a zero-width non-joiner where a word is made of parts
// that must not join: the verbal prefix می/نمی, the plural ها, the
// indefinite ای after a silent ه, the comparative تر/ترین. The scraped
// article lost every ZWNJ, so «نامه‌ای» reads «نامهای» and «می‌کند» reads
// «میکند». Whether a given string of letters is stem + suffix cannot be
// decided from the letters alone («انتهای» is انتها + ی, not انت + های;
// «تنها» is one word; «بیشتر» is written joined), so every rule below needs
// either an unambiguous letter pattern or a stem from a short list, and a
// word the rules are not certain about is left as it is:
//
//  1. (ن)می + verb stem + personal ending (StemAndEnding): a present
//     stem followed by م ی د یم ید ند, or a past stem followed by
//     nothing, one of those endings or the participle ه: «میکند»,
//     «نمیشود», «میکرد», «میکرده». «میز», «میلیون», «میدان» match no
//     stem + ending; «میدانی» and «میرانی» do, but are also a word (of a
//     square) and a surname, so they are left alone (notCertainVerbs).
//  2. A stem ending in ه or ی followed by the plural ها, های, هایی or
//     ها + a possessive (م ت ش مان تان شان): «ماهها», «همکاریها». No
//     Persian word ends in «هها» or «یها» by itself. But «یهای» and
//     «ههای» are also یه + ای and هه + ای («روسیهای» is روسیه‌ای,
//     «دههای» may be دهه‌ای), so there the suffixes های and هایی need a
//     listed stem (rules 3 and 4 list «رسانه», «همکاری», ...).
//  3. A stem from nounStems followed by the same plural suffixes:
//     «گزارشها». (Not any stem: «انتها», «تنها», «گرانبها» end in ها.)
//  4. A silent-ه noun from hNouns followed by ای or ایی: «نامهای»,
//     «بیانیهای».
//  5. An adjective from adjStems followed by تر or ترین: «نزدیکتر».
//     («بیشتر», «کمتر», «بهتر» are written joined; «دفتر», «دختر» are words.)
//  6. A silent-ه noun from hNouns followed by a compound head from
//     compoundHeads: «زمینهسازی».
//
// In every case the ZWNJ goes in only when the letter before the break
// joins to the next one (JoinsNext); after ا د ذ ر ز ژ و there is no
// visible join to break, so «کالاها», «روزهای» stay as they are. Words holding harakat,
// tatweel or a ZWNJ already are left alone.

// Stems. The lists are small on purpose: news Persian, plus what a test
// needs; a missing stem only means a join stays unrepaired. The verb
// stems and endings of rule 1 are in verbs.go, shared with entity
// recognition.
var (
	pluralSuffixes = []string{"هایشان", "هایتان", "هایمان", "هایش", "هایت", "هایم", "هایی", "های", "ها"}

	nounStems = wordSet("گزارش", "تلاش", "بخش", "نقش", "ارزش", "روش", "پژوهش", "آموزش", "کوشش",
		"تحریم", "موشک", "بانک", "شرکت", "دولت", "ملت", "سیاست", "فعالیت", "مقام", "پیام", "اقدام",
		"تصمیم", "نظام", "اتهام", "قانون", "زبان", "میلیون", "میلیارد", "سال", "ماه", "سلاح", "طرح",
		"جنگ", "فرهنگ", "سند", "منبع", "موضوع", "نوع", "حق", "کتاب", "انتخاب", "نشست", "دیپلمات",
		"مسئول", "مقامات", "سازمان", "کارشناس", "تحلیلگر", "مرز", "شهروند", "رهبر",
		// Nouns in -ی, for «های» and «هایی» (see rule 2).
		"همکاری", "آزادی", "توانایی", "دارایی", "نگرانی", "پیروزی", "آمادگی", "همبستگی",
		"ویژگی", "زندگی", "گفتگو", "فعالی", "سازی", "گیری", "بازی", "کشتی", "ناوشکنی")
	hNouns = wordSet("نامه", "بیانیه", "رسانه", "زمینه", "برنامه", "مقاله", "جامعه", "خانه", "هفته",
		"منطقه", "شبکه", "روزنامه", "مصاحبه", "جلسه", "مسئله", "مساله", "حمله", "نتیجه", "هزینه",
		"لحظه", "مرحله", "دوره", "نمونه", "اندازه", "پایه", "نقطه", "جمله", "شیوه", "ماده", "اداره",
		"سرمایه", "همسایه", "چهره", "وظیفه", "بودجه", "پروژه", "قطعنامه", "توافقنامه", "خبرنامه",
		"پرونده", "نماینده", "گزینه", "عرصه", "حوزه", "فاصله", "مذاکره", "معامله", "مبادله", "کره")
	adjStems = wordSet("نزدیک", "بزرگ", "کوچک", "مهم", "سخت", "قوی", "جدی", "سریع", "عمیق", "وسیع",
		"گسترده", "پیچیده", "ساده", "تازه", "طولانی", "جدید", "قدیمی", "سنگین", "سبک", "ارزان",
		"گران", "آسان", "روشن", "تاریک", "تلخ", "شیرین", "زیاد", "مناسب", "شدید", "دقیق", "کامل",
		"محکم", "پایین", "نزدیکی", "مستحکم", "قدرتمند", "ثروتمند", "فقیر", "امن")
	compoundHeads = []string{"سازیها", "سازی", "ساز", "نگاری", "نگار", "گذاری", "گذار"}
)

// joinedComparatives are written joined by convention; no rule splits
// them even if a stem list grows to include بیش, کم or به.
var joinedComparatives = wordSet("بیشتر", "بیشترین", "کمتر", "کمترین", "بهتر", "بهترین", "مهتر", "کهتر")

// wordSet is the set of the words w, made on its first use: only a text
// that is repaired reads the lists, not every run at its start.
func wordSet(w ...string) func() map[string]bool {
	return sync.OnceValue(func() map[string]bool { return makeSet(w) })
}

func makeSet(w []string) map[string]bool {
	m := make(map[string]bool, len(w))
	for _, s := range w {
		m[s] = true
	}
	return m
}

// wordBreaks returns the byte offsets inside w (a run of Arabic-script
// letters, ي and ك already mapped to ی and ک) where a ZWNJ belongs.
func wordBreaks(w string) []int {
	var br []int
	add := func(at int) {
		if at <= 0 || at >= len(w) {
			return
		}
		r, _ := utf8.DecodeLastRuneInString(w[:at])
		if !JoinsNext(r) {
			return
		}
		for _, b := range br {
			if b == at {
				return
			}
		}
		br = append(br, at)
	}
	if joinedComparatives()[w] {
		return nil
	}
	// 1. می / نمی + verb.
	for _, pre := range []string{"نمی", "می"} {
		if !strings.HasPrefix(w, pre) {
			continue
		}
		if isVerb(w[len(pre):]) {
			add(len(pre))
		}
		break
	}
	if len(br) > 0 {
		return br
	}
	// 6. Compound with a silent-ه noun first (the longest such noun, so
	// the result does not depend on map order).
	start := 0
	for k := len(w) - 1; k > 0 && start == 0; k-- {
		if !utf8.RuneStart(w[k]) || !hNouns()[w[:k]] {
			continue
		}
		for _, h := range compoundHeads {
			if strings.HasPrefix(w[k:], h) {
				start = k
				break
			}
		}
	}
	add(start)
	// 4. Silent ه + ای, before the plurals: «بیانیهای» is بیانیه + ای,
	// never بیانی + های.
	plural := true
	for _, suf := range []string{"ایی", "ای"} {
		if strings.HasSuffix(w, suf) && hNouns()[w[start:len(w)-len(suf)]] {
			add(len(w) - len(suf))
			plural = false
			break
		}
	}
	// 2, 3. Plurals.
	for _, suf := range pluralSuffixes {
		if !plural || !strings.HasSuffix(w, suf) {
			continue
		}
		stem := w[start : len(w)-len(suf)]
		last, _ := utf8.DecodeLastRuneInString(stem)
		long := utf8.RuneCountInString(stem) >= 2
		// After ی or ه, «های» and «هایی» may also be ه + ای: «روسیهای»
		// is روسیه + ای but «همکاریهای» همکاری + های; «دههای» is دهه + ای
		// (a decade) or ده + های (villages), «جبههای» جبهه + ای or
		// جبه + های. Only listed stems then. (A stem ending in «هه»
		// cannot be read as ههه + ای: «دهههای» is دهه‌های.)
		ambiguous := (last == 'ی' || last == 'ه' && !strings.HasSuffix(stem, "هه")) && (suf == "های" || suf == "هایی")
		if long && (last == 'ه' || last == 'ی') && !ambiguous || nounStems()[stem] || hNouns()[stem] {
			add(len(w) - len(suf))
		}
		break
	}
	// 5. Comparatives.
	for _, suf := range []string{"ترین", "تر"} {
		if strings.HasSuffix(w, suf) && adjStems()[w[start:len(w)-len(suf)]] && !joinedComparatives()[w] {
			add(len(w) - len(suf))
			break
		}
	}
	// Offsets in increasing order.
	for i := 1; i < len(br); i++ {
		for j := i; j > 0 && br[j] < br[j-1]; j-- {
			br[j], br[j-1] = br[j-1], br[j]
		}
	}
	return br
}

// isVerb reports whether s, a word after می or نمی, is a verb for sure.
func isVerb(s string) bool {
	present, past := StemAndEnding(s)
	return (present || past) && !notCertainVerbs()[s]
}

// notCertainVerbs read as a verb after می or نمی but are also other
// words: «میدانی» is of a square (میدان + ی), «میرانی» a surname.
var notCertainVerbs = wordSet("دانی", "رانی")

// isWordLetter: the letters rule-words are made of (Arabic letters of
// U+0620-U+064A and the Persian letters), not digits, marks or punctuation.
func isWordLetter(r rune) bool {
	return r >= 0x0620 && r <= 0x064A && r != 0x0640 ||
		r == 'پ' || r == 'چ' || r == 'ژ' || r == 'ک' || r == 'گ' || r == 'ی'
}

// arabicLetters maps the Arabic yeh and kaf to the Persian letters the
// stem lists are written with, the two letters of an Arabic keyboard.
// Fold (fold.go) also reads ى as ی and ة as ه; the repair does not, so a
// word spelt with them is left as written.
var arabicLetters = strings.NewReplacer("ي", "ی", "ك", "ک")

// RepairText returns s with the missing ZWNJs the rules above are sure of
// inserted, and the byte offsets in the result of the inserted ZWNJs.
func RepairText(s string) (string, []int) {
	var b strings.Builder
	var ins []int
	last := 0 // s[last:] not yet copied
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isWordLetter(r) {
			i += n
			continue
		}
		j := i
		clean := true // only letters up to the next word boundary
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if isWordLetter(r) {
				j += n
				continue
			}
			if r == 0x200C || r == 0x200D || r == 0x0640 || r >= 0x064B && r <= 0x065F || r == 0x0670 {
				clean = false
				j += n
				continue
			}
			break
		}
		if clean {
			w := s[i:j]
			if strings.ContainsAny(w, "يك") {
				// Same length in UTF-8, so offsets in w hold for s.
				w = arabicLetters.Replace(w)
			}
			for _, at := range wordBreaks(w) {
				if ins == nil {
					b.Grow(len(s) + 3*4)
				}
				b.WriteString(s[last : i+at])
				ins = append(ins, b.Len())
				b.WriteString("\u200c")
				last = i + at
			}
		}
		i = j
	}
	if ins == nil {
		return s, nil
	}
	b.WriteString(s[last:])
	return b.String(), ins
}

// RepairZWNJ inserts the missing ZWNJs in every block (RepairText),
// recording them in Block.Repair and moving the block's ranges (controls,
// spans, cells) to match. It
// returns how many it inserted. It is for the scraped article; a file is
// shown as given.
func (d *Document) RepairZWNJ() int {
	n := 0
	for i := range d.Blocks {
		blk := &d.Blocks[i]
		text, ins := RepairText(blk.Text)
		if ins == nil {
			continue
		}
		blk.MapOffsets(func(off int) int { return shift(off, ins) })
		if blk.Text == d.Meta.Title && blk.Kind == Heading {
			d.Meta.Title = text
		}
		blk.Text, blk.Repair = text, &Repair{Inserted: ins}
		n += len(ins)
	}
	return n
}

// shift maps an offset of the text before repair to the text after it.
// ins[k] is the k-th ZWNJ's offset after repair, so it went in before the
// original offset ins[k]-3k. Insertion points are inside words, never at a
// control placeholder's boundary, so < and <= agree here.
func shift(off int, ins []int) int {
	// ins[k]-3k, the original offsets, never decrease: binary search.
	n := sort.Search(len(ins), func(k int) bool { return ins[k]-3*k >= off })
	return off + 3*n
}
