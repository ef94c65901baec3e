package content

import (
	"strings"
	"testing"
)

const zwnj = "\u200c"

func TestRepairWords(t *testing.T) {
	// Words the rules must repair; "|" marks where the ZWNJ goes.
	repaired := []string{
		// From the article.
		"نامه|ای", "رسانه|های", "می|کند", "زمینه|سازی|ها", "همکاری|ها", "بیانیه|ای", "گزارش|ها", "نزدیک|تر",
		// Rule 1: می / نمی + verb.
		"نمی|شود", "می|کرد", "می|گفتند", "نمی|دانم", "می|توان", "می|خواهند", "می|رود", "نمی|رسید",
		// Stems and the participle shared with entity recognition (verbs.go).
		"می|باشد", "می|کرده", "نمی|بود", "می|گذرد", "می|نماید", "می|راند",
		// Rule 2: after ه or ی.
		"ماه|ها", "ده|ها", "رسانه|هایی", "آزادی|هایش", "کشتی|ها", "جبهه|ها", "مذاکره|های", "دهه|هایی",
		// Rule 3: listed stems.
		"تلاش|های", "موشک|ها", "میلیون|ها",
		// Rule 4 and 5.
		"برنامه|ایی", "کره|ای", "بزرگ|ترین", "مهم|تر",
		// Rule 6.
		"برنامه|سازی",
		// Arabic kaf and yeh keep their letters.
		"كتاب|ها", "مي|كند",
	}
	for _, w := range repaired {
		t.Run(w, func(t *testing.T) {
			in := strings.ReplaceAll(w, "|", "")
			want := strings.ReplaceAll(w, "|", zwnj)
			got, ins := RepairText(in)
			if got != want {
				t.Errorf("RepairText(%q) = %q, want %q", in, quoteZWNJ(got), quoteZWNJ(want))
			}
			if len(ins) != strings.Count(w, "|") {
				t.Errorf("%q: inserted %v", in, ins)
			}
			for _, at := range ins {
				if got[at:at+3] != zwnj {
					t.Errorf("%q: no ZWNJ at %d", got, at)
				}
			}
		})
	}
	// Words that must stay as they are.
	kept := []string{
		"بیشتر", "بیشترین", "کمتر", "بهتر", "انتهای", "انتها", "دوجانبه", "جنگجو", "کالاها", "روزهای",
		"خواهند", "نامه", "همه", "میز", "میلیون", "میدان", "میدانی", "میوه", "میان", "میگو", "میهن", "میراث",
		"میرانی", "میکده", // a surname, a tavern: not می + a verb for sure
		"تنها", "تنهایی", "بها", "گرانبها", "دفتر", "دختر", "کبوتر", "اژدها", "روسیهای", "ثانیهای",
		"دههای", "جبههای", "شبههای", "دههایی", // دهه‌ای or ده‌های: not certain
		"برای", "آنها", "شهروندان", "تجهیزات", "پیشنهاد", "متهم", "جمهور", "رهبر",
		"کره\u200cای", "می\u200cکند", "کِیسیاِناِی", "نِچایف", "مـیکند",
		"نمی", "می", "ها", "tester", "۱۴۰۱",
	}
	for _, w := range kept {
		t.Run(w, func(t *testing.T) {
			if got, ins := RepairText(w); got != w || ins != nil {
				t.Errorf("RepairText(%q) = %q, want it unchanged", w, quoteZWNJ(got))
			}
		})
	}
}

func quoteZWNJ(s string) string { return strings.ReplaceAll(s, zwnj, "‹ZWNJ›") }

func TestRepairInText(t *testing.T) {
	in := "او میکند؛ «رسانههای» محلی (نامهای) و بیشتر."
	want := "او می‌کند؛ «رسانه‌های» محلی (نامه‌ای) و بیشتر."
	got, ins := RepairText(in)
	if got != want || len(ins) != 3 {
		t.Errorf("got %q %v", quoteZWNJ(got), ins)
	}
}

// TestRepairArticle: the repaired article reads with its ZWNJs back, and
// Inserted and OrigOffset lead back to the scraped text.
func TestRepairArticle(t *testing.T) {
	raw, rep := ArticleWith(false), Article()
	all := ""
	n := 0
	for i := range rep.Blocks {
		b := &rep.Blocks[i]
		all += b.Text + "\n"
		var inserted []int
		if b.Repair != nil {
			inserted = b.Repair.Inserted
		}
		n += len(inserted)
		// Removing the inserted ZWNJs gives the raw text back.
		if got := b.OrigText(); got != raw.Blocks[i].Text {
			t.Errorf("block %d: OrigText %q", i, got)
		}
		if got := raw.Blocks[i].OrigText(); got != raw.Blocks[i].Text {
			t.Errorf("block %d without repair: OrigText %q", i, got)
		}
		// OrigOffset: every rune start of the repaired text maps to the
		// same rune in the raw text (ZWNJs to the point of insertion).
		// (The scraped article has no ZWNJ of its own.)
		for k := range b.Text {
			if got, want := raw.Blocks[i].Text[b.OrigOffset(k):], strings.ReplaceAll(b.Text[k:], zwnj, ""); got != want {
				t.Fatalf("block %d: OrigOffset(%d) = %d: %q, want %q", i, k, b.OrigOffset(k), got, want)
			}
		}
	}
	if n != 9 {
		t.Errorf("%d ZWNJs inserted, want 9", n)
	}
	for _, w := range []string{"نامه‌ای", "رسانه‌های", "می‌کند", "زمینه‌سازی‌ها", "همکاری‌ها", "بیانیه‌ای", "گزارش‌ها", "نزدیک‌تر"} {
		if !strings.Contains(all, w) {
			t.Errorf("repaired article lacks %q", quoteZWNJ(w))
		}
	}
	for _, w := range []string{"بیشتر", "دوجانبه", "جنگجو", "کالاها", "خواهند"} {
		if strings.Contains(all, w+zwnj) || !strings.Contains(all, w) {
			t.Errorf("%q changed", w)
		}
	}
	// Search through Fold finds a word typed either way.
	q := FoldString("می‌کند")
	f := Fold(rep.Blocks[5].Text)
	i := strings.Index(f.Text, q)
	if i < 0 {
		t.Fatal("می‌کند not found")
	}
	s, e := f.Orig(i, i+len(q))
	if rep.Blocks[5].Text[s:e] != "می‌کند" {
		t.Errorf("match %q", rep.Blocks[5].Text[s:e])
	}
}

func TestRepairMovesControls(t *testing.T) {
	d := Parse("\x1bمیکند\x07 نامهای \x7f")
	d.RepairZWNJ()
	b := d.Blocks[0]
	if b.Text != "␛می‌کند␇ نامه‌ای ␡" {
		t.Fatalf("%q", quoteZWNJ(b.Text))
	}
	want := []string{"␛", "␇", "␡"}
	for k, c := range b.Controls() {
		if b.Text[c.Start:c.End] != want[k] {
			t.Errorf("control %d = %q", k, b.Text[c.Start:c.End])
		}
	}
}

func BenchmarkRepairArticle(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(articleText)))
	for b.Loop() {
		ArticleWith(true)
	}
}

// BenchmarkRepairText is the repair alone on ~100 KB of the article's
// paragraphs (what --repair=on costs per byte of a large file).
func BenchmarkRepairText(b *testing.B) {
	doc := ArticleWith(false)
	var sb strings.Builder
	for range 30 {
		for _, blk := range doc.Blocks {
			sb.WriteString(blk.Text)
			sb.WriteByte('\n')
		}
	}
	text := sb.String()
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		RepairText(text)
	}
}
