package content

import (
	"compress/gzip"
	"io"
	"os"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// found returns the texts of p's matches in text.
func found(t testing.TB, query, text string) []string {
	t.Helper()
	p, err := Compile(query)
	if err != nil {
		t.Fatalf("Compile(%+q): %v", query, err)
	}
	var out []string
	for _, r := range p.FindAll(text, nil, 0) {
		out = append(out, text[r.Start:r.End])
	}
	if got := p.Contains(text); got != (len(out) > 0) {
		t.Errorf("Contains(%+q) in %+q = %v, FindAll found %d", query, text, got, len(out))
	}
	return out
}

// TestPatternFindAll: what each query finds, written out by hand.
func TestPatternFindAll(t *testing.T) {
	tests := []struct {
		name, text, query string
		want              []string
	}{
		{"alef madda", "به آمریکا رفت", "امریکا", []string{"آمریکا"}},
		{"alef madda in the query", "به امریکا رفت", "آمریکا", []string{"امریکا"}},
		{"hamza alef", "أنزل الله", "انزل", []string{"أنزل"}},
		{"hamza below and wasla", "إن ٱلله", "ان", []string{"إن"}},
		{"hamza seats", "مؤمن مسئله", "مومن مسیله", []string{"مؤمن مسئله"}},
		{"standalone hamza skipped", "سماء و", "سما و", []string{"سماء و"}},
		{"space finds zwnj", "این نامه\u200cای است", "نامه ای", []string{"نامه\u200cای"}},
		{"space finds nothing", "این نامهای است", "نامه ای", []string{"نامهای"}},
		{"space finds space", "این نامه ای است", "نامه ای", []string{"نامه ای"}},
		{"spaces are one; text space run", "نامه \t ای", "نامه   ای", []string{"نامه \t ای"}},
		{"zwnj in the query is a space", "می کند", "می\u200cکند", []string{"می کند"}},
		{"text spaces are not optional", "او می کند", "میکند", nil},
		{"query spaces at the ends dropped", "میکند", "  می کند ", []string{"میکند"}},
		{"no letters before the space", "ای", "نامه ای", nil},
		{"arabic kaf and yeh", "كيم جونگ", "کیم", []string{"كيم"}},
		{"zwnj after the last letter is taken", "كره\u200cای", "کره", []string{"كره\u200c"}},
		{"tatweel after the last letter is not", "کـــره", "ک", []string{"ک"}},
		{"tatweel inside", "کـــره", "کره", []string{"کـــره"}},
		{"harakat of the last letter taken", "بِسْمِ ٱللَّهِ", "بسم", []string{"بِسْمِ"}},
		{"wasla, shadda, fatha, kasra", "بِسْمِ ٱللَّهِ", "الله", []string{"ٱللَّهِ"}},
		{"unmarked query finds any marks", "كَتَبَ كُتِبَ كتب", "كتب", []string{"كَتَبَ", "كُتِبَ", "كتب"}},
		{"marked query finds those marks only", "كَتَبَ كُتِبَ كتب", "كَتَبَ", []string{"كَتَبَ"}},
		{"marks asked are a subset: a shadda more is found", "كَتَّبَ", "كَتَبَ", []string{"كَتَّبَ"}},
		{"one mark asked", "كَتَبَ كُتِبَ كتب", "كتَب", []string{"كَتَبَ"}},
		{"a mark asked, more in the text", "ٱللَّهِ", "اللّه", []string{"ٱللَّهِ"}},
		{"marks in the other order", "رَبِّ", "رَبِّ", []string{"رَبِّ"}},
		{"mark after a space dropped", "ب ت", "ب َت", []string{"ب ت"}},
		{"persian digits", "سال ۱۴۰۱ و ١٤٠١ و 1401", "1401", []string{"۱۴۰۱", "١٤٠١", "1401"}},
		{"ascii digits from persian", "سال 1401", "۱۴۰۱", []string{"1401"}},
		{"case", "Reuters REUTERS reuters", "REUTERS", []string{"Reuters", "REUTERS", "reuters"}},
		{"kelvin sign", "\u212a k K", "k", []string{"\u212a", "k", "K"}},
		{"dotted capital I folds to i", "İstanbul", "istanbul", []string{"İstanbul"}},
		{"hebrew unpointed finds pointed", "וַיֹּאמֶר מֹשֶׁ֔ה אֶל", "משה", []string{"מֹשֶׁ֔ה"}},
		{"hebrew pointed, stored shin dot first", "מֹשֶׁ֔ה", "\u05de\u05b9\u05e9\u05b6\u05c1\u05d4", []string{"מֹשֶׁ֔ה"}},
		{"hebrew other vowel", "מֹשֶׁ֔ה", "\u05de\u05b9\u05e9\u05b8\u05c1\u05d4", nil},
		{"non-overlapping", "aaaaa", "aa", []string{"aa", "aa"}},
		{"non-overlapping, anchor inside", "ababa", "aba", []string{"aba"}},
		{"nbsp", "جمهوری\u00a0اسلامی", "جمهوری اسلامی", []string{"جمهوری\u00a0اسلامی"}},
		{"invalid byte is U+FFFD", "a\xffb", "a\ufffdb", []string{"a\xffb"}},
		{"not found", "سلام", "دنیا", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := found(t, tc.query, tc.text); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("%+q in %+q: found %+q, want %+q", tc.query, tc.text, got, tc.want)
			}
		})
	}
}

func TestPatternEmpty(t *testing.T) {
	for _, q := range []string{"", "   ", "\u200c", "ـــ", "\u064e", "ء", `\`, `\  `} {
		t.Run(q, func(t *testing.T) {
			p, err := Compile(q)
			if err != nil {
				t.Fatal(err)
			}
			if !p.Empty() {
				t.Errorf("Compile(%+q).Empty() = false", q)
			}
			if p.Contains("سلام") || len(p.FindAll("سلام", nil, 0)) != 0 {
				t.Errorf("empty pattern %+q matches", q)
			}
		})
	}
	if p, _ := Compile("a"); p.Empty() {
		t.Error(`Compile("a").Empty()`)
	}
}

func TestPatternMax(t *testing.T) {
	p, _ := Compile("ab")
	got := p.FindAll("ab ab ab", []Range{{0, 0}}, 2)
	want := []Range{{0, 0}, {0, 2}, {3, 5}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("FindAll with max 2 = %v, want %v", got, want)
	}
}

func TestPatternRegexp(t *testing.T) {
	tests := []struct {
		name, text, query string
		want              []string
	}{
		{"alternation, literals folded", "آمریکا و ایران", `\امریکا|ايران`, []string{"آمریکا", "ایران"}},
		{"class takes folded members", "أنزل إنزل انزل", `\[أإ]نزل`, []string{"أنزل", "إنزل", "انزل"}},
		{"over folded text: marks gone", "كَتَبَ", `\^کتب$`, []string{"كَتَبَ"}},
		{"word boundary and digits", "سال ۱۴۰۱ بود", `\\d+`, []string{"۱۴۰۱"}},
		{"case", "Reuters", `\reuters`, []string{"Reuters"}},
		{"marks in the expression", "كَتَبَ كُتِبَ", `\كُتِ`, []string{"كُتِ"}},
		{"marks in canonical order", "رَبِّ", "\\\u0631\u064e\u0628\u0651\u0650", []string{"رَبِّ"}},
		{"empty matches dropped", "abc", `\x*`, nil},
		{"negated class stays negated", "aAb", `\[^a]`, []string{"b"}},
		{"class range", "ABC abc", `\[A-B]+`, []string{"AB", "ab"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := found(t, tc.query, tc.text); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("%+q in %+q: found %+q, want %+q", tc.query, tc.text, got, tc.want)
			}
		})
	}
	_, err := Compile(`\(ab`)
	if err == nil || err.Error() != "regexp: missing closing ): `(ab`" {
		t.Errorf("Compile of a bad expression: %v", err)
	}
}

func TestFoldingHelp(t *testing.T) {
	h := FoldingHelp()
	if len(h) < 3 || len(h) > 8 {
		t.Errorf("FoldingHelp: %d lines", len(h))
	}
	for _, l := range h {
		if n := utf8.RuneCountInString(l); n > 100 {
			t.Errorf("help line of %d runes: %q", n, l)
		}
	}
}

// TestSpellings: every rune is among the spellings of its folded form,
// which is what makes the anchor search find every match. It runs over
// all of Unicode.
func TestSpellings(t *testing.T) {
	cache := map[rune]map[string]bool{}
	for r := rune(0); r <= unicode10FFFF; r++ {
		if r >= 0xD800 && r <= 0xDFFF || r == utf8.RuneError {
			continue
		}
		f := foldOne(r)
		if f < 0 || f == r {
			continue // removed, or its own spelling (spellings adds x itself)
		}
		set, ok := cache[f]
		if !ok {
			list, ok := spellings(f)
			if !ok {
				t.Fatalf("spellings(%U) not listed", f)
			}
			set = map[string]bool{}
			for _, s := range list {
				set[s] = true
			}
			cache[f] = set
		}
		if !set[string(r)] {
			t.Errorf("%U folds to %U but is not among its spellings", r, f)
		}
	}
	if list, ok := spellings('ژ'); !ok || len(list) != 1 || list[0] != "ژ" {
		t.Errorf("spellings(ژ) = %q, %v", list, ok)
	}
	if _, ok := spellings(utf8.RuneError); ok {
		t.Error("U+FFFD has listed spellings")
	}
	// Spot checks written by hand.
	list, _ := spellings('ا')
	want := []string{"ا", "آ", "أ", "إ", "ٱ", "ٲ", "ٳ", "ٵ"}
	for _, w := range want {
		if !strings.Contains(strings.Join(list, ""), w) {
			t.Errorf("spellings of ا lack %s: %q", w, list)
		}
	}
	if len(list) != len(want) {
		t.Errorf("spellings of ا: %q, want %q", list, want)
	}
}

const unicode10FFFF = 0x10FFFF

// The real texts of the repository.

func readGz(t testing.TB, path string) string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func readFile(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// count finds query in each line of text and returns the matches' texts.
func countLines(t testing.TB, query string, lines []string) []string {
	t.Helper()
	p, err := Compile(query)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	var buf []Range
	for _, l := range lines {
		buf = p.FindAll(l, buf[:0], 0)
		for _, r := range buf {
			out = append(out, l[r.Start:r.End])
		}
	}
	return out
}

func TestSearchRealPersian(t *testing.T) {
	art := string(article())
	// The article writes «آمریکا» once (grep: one «آمریکا», no «امریکا»),
	// «نامهای» once and «میکند» once, both without their ZWNJ.
	third := readFile(t, "entities/testdata/news_third.txt")
	// news_third has «نامه‌ای» once and «می‌کند» twice, with the ZWNJ
	// (grep -o), and no other spelling of either.
	tests := []struct {
		name, query, text string
		want              []string
	}{
		{"article امریکا", "امریکا", art, []string{"آمریکا"}},
		{"article نامه ای", "نامه ای", art, []string{"نامهای"}},
		{"article می کند", "می کند", art, []string{"میکند"}},
		{"news نامه ای", "نامه ای", third, []string{"نامه\u200cای"}},
		{"news می کند", "می کند", third, []string{"می\u200cکند", "می\u200cکند"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := found(t, tc.query, tc.text); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("found %+q, want %+q", got, tc.want)
			}
		})
	}
}

// TestSearchRealQuran: الله in the first 600 verses of the Tanzil texts.
//
// Counted with a script over a copy of each file, normalised by removing
// U+064B-U+065F, U+0670, U+06D6-U+06ED, tatweel and ء and writing ا for
// ٱ أ إ آ, then counting «الله» in lines 1-600: 609 in both the Uthmani
// and the simple-clean edition (whose raw text has 609 «الله» already).
// They are the name alone (483: ٱللَّهِ/ٱللَّهَ/ٱللَّهُ), with و (85 + 3
// at a line start), ب (32), ف (1), a verse that starts with it (6) and
// «ٱللَّهُمَّ» (1); «لِلَّهِ» (lillāhi, no alef) is not «الله». In the
// Uthmani text the second lam has shadda then fatha (stored in that
// non-canonical order), the heh a kasra 212 times, a damma 243 times and
// a fatha 154 times (a regular expression over the raw text).
func TestSearchRealQuran(t *testing.T) {
	for _, tc := range []struct{ file, query string }{
		{"quran-uthmani.txt.gz", "الله"},
		{"quran-simple-clean.txt.gz", "الله"},
		{"quran-uthmani.txt.gz", "\u0671\u0644\u0644\u0651\u064e\u0647"},
	} {
		t.Run(tc.file+" "+tc.query, func(t *testing.T) {
			lines := strings.Split(readGz(t, "../testdata/real/quran/"+tc.file), "\n")[:600]
			if got := len(countLines(t, tc.query, lines)); got != 609 {
				t.Errorf("%s in %s: %d matches, want 609", tc.query, tc.file, got)
			}
		})
	}
	lines := strings.Split(readGz(t, "../testdata/real/quran/quran-uthmani.txt.gz"), "\n")[:600]
	for _, tc := range []struct {
		name, query string
		want        int
	}{
		{"kasra, marks in stored order", "\u0627\u0644\u0644\u0651\u064e\u0647\u0650", 212},
		{"kasra, marks in canonical order", "\u0627\u0644\u0644\u064e\u0651\u0647\u0650", 212},
		{"damma", "\u0627\u0644\u0644\u0651\u064e\u0647\u064f", 243},
		{"fatha", "\u0627\u0644\u0644\u0651\u064e\u0647\u064e", 154},
		{"sukun on the lam: none", "\u0627\u0644\u0644\u0652\u0647", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := countLines(t, tc.query, lines)
			if len(got) != tc.want {
				t.Errorf("%+q: %d matches, want %d", tc.query, len(got), tc.want)
			}
			for _, m := range got {
				if !strings.HasPrefix(m, "\u0671\u0644\u0644\u0651\u064e\u0647") {
					t.Fatalf("match %+q does not start with ٱللَّه", m)
				}
				// The match takes the vowel of the heh.
				if r, _ := utf8.DecodeLastRuneInString(m); r == 'ه' {
					t.Fatalf("match %+q ends before the heh's vowel", m)
				}
			}
		})
	}
	// simple-clean writes «أنزل» with its hamza (and no harakat): «انزل»
	// finds it, in every one of its 162 lines that have «أنزل» (zgrep -c).
	clean := strings.Split(readGz(t, "../testdata/real/quran/quran-simple-clean.txt.gz"), "\n")
	got := countLines(t, "انزل", clean)
	n := 0
	for _, m := range got {
		if m == "أنزل" {
			n++
		}
	}
	if n < 162 {
		t.Errorf("انزل found «أنزل» %d times in simple-clean, want at least 162 (lines with it)", n)
	}
}

// TestSearchRealHebrew: Moses in Exodus 2-3 of the WLC. A script counted
// 17 «משה» in the file with its points and accents removed, all written
// מֹשֶׁה with an accent (or meteg) in the middle: holam on the mem, and on
// the shin the shin dot U+05C1 stored before the segol U+05B6, while
// canonical order (combining classes 24 and 19) puts the segol first.
func TestSearchRealHebrew(t *testing.T) {
	text := readFile(t, "../testdata/real/hebrew/wlc-oshb-Exod-2-3.xml")
	if !strings.Contains(text, "\u05e9\u05c1\u05b6") || strings.Contains(text, "\u05e9\u05b6\u05c1") {
		t.Fatal("the WLC no longer stores shin dot before segol")
	}
	lines := strings.Split(text, "\n")
	for _, tc := range []struct {
		name, query string
		want        int
	}{
		{"unpointed", "משה", 17},
		{"pointed, canonical order", "\u05de\u05b9\u05e9\u05b6\u05c1\u05d4", 17},
		{"pointed, stored order", "\u05de\u05b9\u05e9\u05c1\u05b6\u05d4", 17},
		{"sin dot instead: none", "\u05de\u05b9\u05e9\u05c2\u05b6\u05d4", 0},
		{"qamats instead of segol: none", "\u05de\u05b9\u05e9\u05c1\u05b8\u05d4", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := countLines(t, tc.query, lines)
			if len(got) != tc.want {
				t.Errorf("%+q: %d matches, want %d", tc.query, len(got), tc.want)
			}
			for _, m := range got {
				if !strings.HasPrefix(m, "\u05de\u05b9\u05e9\u05c1\u05b6") {
					t.Errorf("match %+q", m)
				}
			}
		})
	}
}

// checkRanges verifies the properties of every FindAll result; shared
// with the fuzz target.
func checkRanges(t *testing.T, text, query string, rs []Range) {
	t.Helper()
	bound := make([]bool, len(text)+1)
	for k := 0; k < len(text); {
		bound[k] = true
		_, n := utf8.DecodeRuneInString(text[k:])
		k += n
	}
	bound[len(text)] = true
	prev := 0
	for _, r := range rs {
		if r.Start < prev || r.End <= r.Start || r.End > len(text) {
			t.Fatalf("%+q in %+q: range %v after %d", query, text, r, prev)
		}
		if !bound[r.Start] || !bound[r.End] {
			t.Fatalf("%+q in %+q: range %v splits a rune", query, text, r)
		}
		prev = r.End
	}
}

func FuzzPattern(f *testing.F) {
	f.Add("این نامه\u200cای است", uint(4), uint(20))
	f.Add("بِسْمِ ٱللَّهِ ٱلرَّحْمَٰنِ", uint(0), uint(30))
	f.Add("מֹשֶׁ֔ה אֶל", uint(0), uint(14))
	f.Add("Reuters KCNA \u212a a\xffb", uint(3), uint(12))
	f.Add("ab  ab\t ab", uint(0), uint(6))
	f.Fuzz(func(t *testing.T, text string, i, j uint) {
		if len(text) > 400 { // a query of n U+FFFD in a text of them costs n·len(text)
			return
		}
		// A substring of the text on rune boundaries is always found.
		a, b := int(i%uint(len(text)+1)), int(j%uint(len(text)+1))
		if a > b {
			a, b = b, a
		}
		for a > 0 && a < len(text) && !utf8.RuneStart(text[a]) {
			a--
		}
		for b > 0 && b < len(text) && !utf8.RuneStart(text[b]) {
			b--
		}
		query := text[a:b]
		p, err := Compile(query)
		if err != nil {
			if !strings.HasPrefix(query, `\`) {
				t.Fatalf("Compile(%+q): %v", query, err)
			}
			return
		}
		rs := p.FindAll(text, nil, 0)
		checkRanges(t, text, query, rs)
		if p.Contains(text) != (len(rs) > 0) {
			t.Fatalf("%+q in %+q: Contains and FindAll disagree", query, text)
		}
		if strings.HasPrefix(query, `\`) || p.Empty() {
			return
		}
		if len(rs) == 0 {
			t.Fatalf("%+q, a substring of %+q, not found", query, text)
		}
		if m := p.FindAll(text, nil, 1); len(m) != 1 || m[0] != rs[0] {
			t.Fatalf("%+q in %+q: max 1 gave %v, first of all %v", query, text, m, rs[0])
		}
		// The match found in the query itself covers all its letters.
		if q := p.FindAll(query, nil, 0); len(q) == 0 {
			t.Fatalf("%+q not found in itself", query)
		}
	})
}

// BenchmarkFindAll searches a document of ~50 MB (the article repeated,
// paragraph by paragraph, as the reader does) for a word of it, a word
// not in it, and a query with a space.
func BenchmarkFindAll(b *testing.B) {
	paras := strings.Split(strings.TrimSpace(string(article())), "\n")
	var doc []string
	size := 0
	for size < 50<<20 {
		for _, p := range paras {
			doc = append(doc, p)
			size += len(p)
		}
	}
	for _, q := range []string{"امریکا", "پیونگیانگ", "نامه ای", "کره", "xyz", "ای"} {
		b.Run(q, func(b *testing.B) {
			p, _ := Compile(q)
			var buf []Range
			b.SetBytes(int64(size))
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				n = 0
				for _, s := range doc {
					buf = p.FindAll(s, buf[:0], 0)
					n += len(buf)
				}
			}
			b.ReportMetric(float64(n), "matches")
		})
	}
}

// BenchmarkFoldIndex is what the reader did before Compile: Fold each
// paragraph and strings.Index the folded query, for comparison.
func BenchmarkFoldIndex(b *testing.B) {
	paras := strings.Split(strings.TrimSpace(string(article())), "\n")
	var doc []string
	size := 0
	for size < 50<<20 {
		for _, p := range paras {
			doc = append(doc, p)
			size += len(p)
		}
	}
	q := FoldString("امریکا")
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range doc {
			f := Fold(s)
			for i := 0; ; {
				j := strings.Index(f.Text[i:], q)
				if j < 0 {
					break
				}
				f.Orig(i+j, i+j+len(q))
				i += j + len(q)
			}
		}
	}
}

// TestFoldMarked: the text a regular expression with marks runs over.
func TestFoldMarked(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"shin dot, segol: canonical order", "\u05de\u05b9\u05e9\u05c1\u05b6\u0594\u05d4", "\u05de\u05b9\u05e9\u05b6\u05c1\u0594\u05d4"},
		{"shadda, fatha: canonical order", "\u0671\u0644\u0644\u0651\u064e\u0647\u0650", "\u0627\u0644\u0644\u064e\u0651\u0647\u0650"},
		{"hamza above dropped inside a run", "\u0628\u064e\u0654\u0651", "\u0628\u064e\u0651"},
		{"letters folded as Fold does", "كيم آمریکا\u200cای ۱۲", "کیم امریکاای 12"},
		{"small waw kept where it is", "\u0647\u0650\u06e5", "\u0647\u0650\u06e5"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := foldMarked(tc.in)
			if f.Text != tc.want {
				t.Errorf("foldMarked(%+q) = %+q, want %+q", tc.in, f.Text, tc.want)
			}
			if s, e := f.Orig(0, len(f.Text)); s != 0 || e != len(tc.in) {
				t.Errorf("Orig of the whole text = [%d,%d), want [0,%d)", s, e, len(tc.in))
			}
		})
	}
}
