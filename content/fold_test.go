package content

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFoldRules(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"arabic yeh", "علي", "علی"},
		{"alef maksura", "موسى", "موسی"},
		{"arabic kaf", "كره", "کره"},
		{"teh marbuta", "مدرسة", "مدرسه"},
		{"heh with yeh above", "خانۀ", "خانه"},
		{"fathatan..sukun", "كِتابٌ", "کتاب"},
		{"shadda and superscript alef", "رحمٰن محمّد", "رحمن محمد"},
		{"hamza above U+0654 removed", "خانهٔ", "خانه"},
		{"tatweel", "کـــره", "کره"},
		{"zwnj", "می\u200cکند", "میکند"},
		{"zwj", "ه\u200dا", "ها"},
		{"lrm rlm alm shy", "a\u200eb\u200fc\u061cd\u00ade", "abcde"},
		{"persian digits", "۱۴۰۱", "1401"},
		{"arabic-indic digits", "٢٠٢٢", "2022"},
		{"ascii digits kept", "0123456789", "0123456789"},
		{"nbsp", "العا\u00a0لم", "العا لم"},
		{"narrow nbsp", "a\u202fb", "a b"},
		{"ascii case", "Reuters KCNA", "reuters kcna"},
		{"latin-1 case", "ÉCOLE Ärger", "école ärger"},
		{"greek final sigma orbit", "ΣΟΦΟΣ σοφος", "σοφοσ σοφοσ"},
		{"long s and kelvin", "ſ\u212a", "sk"},
		{"cyrillic", "Путин", "путин"},
		{"alef madda", "آمریکا", "امریکا"},
		{"hamza alefs", "أحمد إيران", "احمد ایران"},
		{"alef wasla and wavy hamza", "ٱلله ٲ ٳ ٵ", "الله ا ا ا"},
		{"waw and yeh with hamza", "مؤمن مسئله ٶ ٸ", "مومن مسیله و ی"},
		{"standalone hamza", "شيء سماء", "شی سما"},
		{"uthmani: wasla, shadda, fatha, kasra", "بِسْمِ ٱللَّهِ", "بسم الله"},
		{"uthmani: tatweel and superscript alef", "ٱلرَّحْمَـٰنِ", "الرحمن"},
		{"quranic pause and small letters", "رَيْبَۛ فِيهِۛ بِهِۦ", "ریب فیه به"},
		{"honorific sign", "محمدؐ", "محمد"},
		{"arabic extended-a open tanwin", "كتابࣰ", "کتاب"},
		{"end of ayah, rub el hizb and sajda kept", "۝ ۞ ۩", "۝ ۞ ۩"},
		{"hebrew points and cantillation", "מֹשֶׁ֔ה בְּרֵאשִׁ֖ית", "משה בראשית"},
		{"hebrew maqaf and sof pasuq kept", "אֶת־בַּת׃", "את־בת׃"},
		{"persian yeh and keheh kept", "یک", "یک"},
		{"invalid utf-8", "a\xffb", "a\ufffdb"},
		{"empty", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := FoldString(tc.in)
			if got != tc.want {
				t.Errorf("FoldString(%+q) = %+q, want %+q", tc.in, got, tc.want)
			}
			if f := Fold(tc.in); f.Text != tc.want {
				t.Errorf("Fold(%+q).Text = %+q, want %+q", tc.in, f.Text, tc.want)
			}
		})
	}
}

// TestFoldNoAlloc: text already folded is returned as is.
func TestFoldNoAlloc(t *testing.T) {
	s := "روابط نزدیکتر، به نفع هر دو کشور است 2022"
	allocs := testing.AllocsPerRun(100, func() {
		f := Fold(s)
		if f.Text != s {
			t.Fatal("changed")
		}
	})
	if allocs != 0 {
		t.Errorf("Fold of folded text: %v allocs, want 0", allocs)
	}
}

// TestFoldOrig checks the offset map: a query, folded, is found in the
// folded text, and Orig must give back exactly the original characters
// written out in want.
func TestFoldOrig(t *testing.T) {
	tests := []struct {
		name, text, query, want string
	}{
		{"identity", "سلام دنیا", "دنیا", "دنیا"},
		{"zwnj inside match", "او می\u200cکند.", "میکند", "می\u200cکند"},
		{"query with zwnj, text without", "او میکند.", "می\u200cکند", "میکند"},
		{"match ends before zwnj: zwnj joins the last letter's cluster", "نامه\u200cای", "نامه", "نامه\u200c"},
		{"match starts after zwnj", "نامه\u200cای رسید", "ای", "ای"},
		{"harakat inside and after the last letter", "کِیسیاِناِی", "کیسیا", "کِیسیاِ"},
		{"match starts after a removed kasra", "کِیسیاِناِی", "یس", "یس"},
		{"match ends next to tatweel: tatweel not taken", "کـــره", "ک", "ک"},
		{"tatweel inside", "کـــره", "کره", "کـــره"},
		{"persian digits shrink", "مرداد ۱۴۰۱ - ۰۹:۱۴", "1401", "۱۴۰۱"},
		{"after shrunk digits", "مرداد ۱۴۰۱ - ۰۹:۱۴", "- 09", "- ۰۹"},
		{"last digit", "کد ۲۵۹۷۰", "70", "۷۰"},
		{"arabic letters substituted", "علي كره", "علی کره", "علي كره"},
		{"nbsp", "العا\u00a0لم", "ا ل", "ا\u00a0ل"},
		{"kelvin grows? no, shrinks", "x\u212ay", "k", "\u212a"},
		{"a rune that grows when folded", "aȺb", "ⱥ", "Ⱥ"},
		{"after a grown rune", "aȺbc", "bc", "bc"},
		{"invalid byte grows to U+FFFD", "a\xffbc", "bc", "bc"},
		{"kept mark after the last letter", "a\u0301b", "a", "a\u0301"},
		{"removed and kept marks", "بَ\u06edت", "ب", "بَ\u06ed"},
		{"whole string", "خانۀ ما", "خانه ما", "خانۀ ما"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := Fold(tc.text)
			q := FoldString(tc.query)
			i := strings.Index(f.Text, q)
			if i < 0 {
				t.Fatalf("folded query %+q not found in %+q", q, f.Text)
			}
			s, e := f.Orig(i, i+len(q))
			if got := tc.text[s:e]; got != tc.want {
				t.Errorf("Orig(%d,%d) = [%d,%d) %+q, want %+q", i, i+len(q), s, e, got, tc.want)
			}
		})
	}
}

func TestFoldOrigEdges(t *testing.T) {
	f := Fold("می\u200cکند")
	if s, e := f.Orig(0, 0); s != 0 || e != 0 {
		t.Errorf("empty match at 0: [%d,%d)", s, e)
	}
	n := len(f.Text)
	if s, e := f.Orig(n, n); s != len(f.orig) || e != len(f.orig) {
		t.Errorf("empty match at end: [%d,%d)", s, e)
	}
	if s, e := f.Orig(-5, 1000); s != 0 || e != len(f.orig) {
		t.Errorf("clamped: [%d,%d), want [0,%d)", s, e, len(f.orig))
	}
	// An empty match right after a removed ZWNJ points at the next letter.
	k := strings.Index(f.Text, "کند")
	if s, _ := f.Orig(k, k); s != strings.Index(f.orig, "کند") {
		t.Errorf("empty match before کند: start %d", s)
	}
}

// checkOrig verifies the properties every Orig range must have; shared
// with the fuzz target.
func checkOrig(t *testing.T, s string) {
	t.Helper()
	checkFolded(t, s, Fold(s))
	checkFolded(t, s, foldMarked(s))
}

func checkFolded(t *testing.T, s string, f Folded) {
	t.Helper()
	if !utf8.ValidString(f.Text) {
		t.Fatalf("Fold(%+q).Text not valid UTF-8", s)
	}
	// Rune boundaries of s as decoded (an invalid byte is a rune of its own).
	bound := make([]bool, len(s)+1)
	for k := 0; k < len(s); {
		bound[k] = true
		_, n := utf8.DecodeRuneInString(s[k:])
		k += n
	}
	bound[len(s)] = true
	prevS, prevE := 0, 0
	for i := 0; i <= len(f.Text); i++ {
		if i < len(f.Text) && !utf8.RuneStart(f.Text[i]) {
			continue
		}
		st, en := f.Orig(i, i)
		if st < prevS || st > len(s) || en != st {
			t.Fatalf("Orig(%d,%d) of %+q = [%d,%d), previous start %d", i, i, s, st, en, prevS)
		}
		prevS = st
		if i == len(f.Text) {
			break
		}
		_, size := utf8.DecodeRuneInString(f.Text[i:])
		st, en = f.Orig(i, i+size)
		if st > en || en > len(s) || en < prevE || st == en {
			t.Fatalf("Orig(%d,%d) of %+q = [%d,%d), previous end %d", i, i+size, s, st, en, prevE)
		}
		if !bound[st] || !bound[en] {
			t.Fatalf("Orig(%d,%d) of %+q = [%d,%d) splits a rune", i, i+size, s, st, en)
		}
		prevE = en
	}
}

func TestFoldOrigMonotone(t *testing.T) {
	for _, s := range []string{
		"", "abc", "ABC", "کِیسیاِناِی", "مرداد ۱۴۰۱ - ۰۹:۱۴", "aȺȺb\xff\xfe", "\u200c\u200cا\u064b\u064b",
		"ـــ", "x\u212ay\u0301", string(article()), "מֹשֶׁ֔ה אֶל", "ٱللَّهِ\u0654َ",
	} {
		name := s
		if len(name) > 40 {
			name = "article"
		}
		t.Run(name, func(t *testing.T) { checkOrig(t, s) })
	}
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"کِیسیاِناِی", "می\u200cکند ۱۴۰۱", "aȺb\xff", "ΣΟΦΟΣ ſ\u212a", "מֹשֶׁ֔ה", "ٱللَّهِ ۛ\u0654"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkOrig(t, s)
		if g := FoldString(s); g != Fold(s).Text {
			t.Fatalf("FoldString and Fold differ on %+q", s)
		}
		// foldMarked is Fold plus the marks a query can ask for.
		if g := strings.Map(func(r rune) rune {
			if searchMark(r) {
				return -1
			}
			return r
		}, foldMarked(s).Text); g != Fold(s).Text {
			t.Fatalf("foldMarked(%+q) less its marks = %+q, Fold gives %+q", s, g, Fold(s).Text)
		}
		// Folding is idempotent.
		if g := FoldString(FoldString(s)); g != FoldString(s) {
			t.Fatalf("FoldString not idempotent on %+q: %+q", s, g)
		}
	})
}

func BenchmarkFold(b *testing.B) {
	text := strings.Repeat(string(article()), 30) // ~100 KB of Persian news text
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Fold(text)
	}
}

func BenchmarkFoldString(b *testing.B) {
	text := strings.Repeat(string(article()), 30)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		FoldString(text)
	}
}
