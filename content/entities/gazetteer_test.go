package entities

import (
	"errors"
	"strings"
	"sync"
	"testing"
	"testing/iotest"
)

func TestEmbeddedGazetteerClean(t *testing.T) {
	r := &Recognizer{}
	if warns := r.Load(strings.NewReader(embeddedGazetteer), "gazetteer.tsv"); len(warns) > 0 {
		t.Fatalf("embedded gazetteer: %v", warns)
	}
	// No spelling may name two different entities: the later would
	// silently take it over.
	owner := map[string]int32{}
	for _, v := range r.variants {
		if o, ok := owner[v.key]; ok && o != v.entry {
			t.Errorf("spelling %q is both %q and %q", v.key, r.entries[o].canonical, r.entries[v.entry].canonical)
		}
		owner[v.key] = v.entry
	}
	// A real base: the countries of the world with their capitals, and
	// every of= names an entry.
	canon := map[string]bool{}
	countries, capitals := 0, 0
	kinds := map[Kind]int{}
	for _, e := range r.entries {
		canon[e.canonical] = true
		kinds[e.kind]++
		switch e.role {
		case "کشور":
			countries++
		case "پایتخت":
			capitals++
		}
	}
	for _, e := range r.entries {
		if e.of != "" && !canon[e.of] {
			t.Errorf("%q: of=%q is not an entry", e.canonical, e.of)
		}
	}
	t.Logf("%d entries (%d PER, %d LOC, %d ORG), %d spellings; %d countries, %d capitals",
		len(r.entries), kinds[PER], kinds[LOC], kinds[ORG], len(r.variants), countries, capitals)
	if countries < 193 || capitals < 180 || kinds[PER] < 80 || kinds[ORG] < 60 {
		t.Errorf("gazetteer too small")
	}
}

func TestGazetteerCoverage(t *testing.T) {
	// A sample of the base beyond the article, one per group.
	for in, want := range map[string]string{
		"امانوئل ماکرون": "PER",
		"سرگئی لاوروف":   "PER",
		"عراقچی":         "PER",
		"آنتونیو گوترش":  "PER",
		"ونزوئلا":        "LOC",
		"کاراکاس":        "LOC",
		"اولان‌باتور":    "LOC",
		"آژانس بین‌المللی انرژی اتمی": "ORG",
		"ناتو":                "ORG",
		"اوپک":                "ORG",
		"شین‌هوا":             "ORG",
		"کی‌سی‌ان‌ای":         "ORG",
		"ایرنا":               "ORG",
		"سازمان بهداشت جهانی": "ORG",
	} {
		t.Run(in, func(t *testing.T) {
			es := Recognize(in)
			if len(es) != 1 || es[0].Kind.String() != want || es[0].Text != in {
				t.Errorf("Recognize(%q) = %+v, want one %s", in, es, want)
			}
		})
	}
}

func TestLoad(t *testing.T) {
	r := New()
	file := strings.Join([]string{
		"# my names",
		"PER\tماریو لوبتکین\tلوبتکین|لوبتکن\tof=اروگوئه;role=وزیر خارجه",
		"",
		"PER",                    // 4: no TAB
		"XYZ\tچیزی",              // 5: bad kind
		"DATE\tنوروز",            // 6: not a gazetteer kind
		"LOC\t \tx",              // 7: empty canonical
		"LOC\tالف\tب||ج",         // 8: empty variant
		"LOC\tالف\tب\tcolor=red", // 9: unknown attribute
		"LOC\ta\tb\tc\td",        // 10: too many fields
		"LOC\tریودوژانیرو\tریو دو ژانیرو\tof=برزیل;role=شهر",
		"ORG\t\xff\xfe",            // 12: invalid UTF-8
		"LOC\t«»",                  // 13: no letters
		"ORG\tمسکو\t\trole=باشگاه", // a spelling taken over
	}, "\n")
	warns := r.Load(strings.NewReader(file), "my.tsv")
	var got []string
	for _, w := range warns {
		got = append(got, strings.SplitN(w.Error(), ": ", 2)[0])
	}
	want := "my.tsv:4 my.tsv:5 my.tsv:6 my.tsv:7 my.tsv:8 my.tsv:9 my.tsv:10 my.tsv:12 my.tsv:13"
	if strings.Join(got, " ") != want {
		t.Errorf("warnings at %v, want %s; warnings: %v", got, want, warns)
	}
	es := r.Recognize("لوبتکن در ریو دو ژانیرو با ماریو لوبتکین و تیم مسکو")
	if g := strings.Join(show(es), " "); g != "PER:لوبتکن LOC:ریو دو ژانیرو PER:ماریو لوبتکین ORG:تیم مسکو" { // a club with its cue word (teams)
		t.Errorf("after Load: %s", g)
	}
	if es[0].Canonical != "ماریو لوبتکین" || es[0].Of != "اروگوئه" {
		t.Errorf("loaded entry: %+v", es[0])
	}
	// The default recognizer is not changed by Load on another one.
	if es := Recognize("لوبتکن"); len(es) != 0 {
		t.Errorf("Load on New() leaked into Default(): %+v", es)
	}
	// A read error is reported, and what was read is kept.
	r2 := Empty()
	warns = r2.Load(iotest.TimeoutReader(strings.NewReader("PER\tفلانی\n")), "x")
	if len(r2.Recognize("فلانی")) != 1 {
		t.Errorf("a read error lost the lines read before it")
	}
	if len(warns) > 1 || len(warns) == 1 && !errors.Is(warns[0], iotest.ErrTimeout) {
		t.Errorf("read error: %v", warns)
	}
}

func TestEmptyRecognizerHasOnlyRules(t *testing.T) {
	var zero Recognizer
	for name, r := range map[string]*Recognizer{"Empty()": Empty(), "zero Recognizer": &zero} {
		t.Run(name, func(t *testing.T) {
			if g := strings.Join(show(r.Recognize("پوتین روز پنجشنبه ۳۵۰ نفر")), " "); g != "DATE:روز پنجشنبه NUM:۳۵۰" {
				t.Errorf("empty recognizer: %s", g)
			}
		})
	}
}

// TestConcurrentLoad runs Recognize while Load swaps the index (go test
// -race makes this a real check).
func TestConcurrentLoad(t *testing.T) {
	r := New()
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 20; i++ {
				if es := r.Recognize("پوتین در مسکو"); len(es) < 2 {
					t.Errorf("Recognize during Load: %+v", es)
					return
				}
			}
		}()
	}
	for i := 0; i < 3; i++ {
		r.Load(strings.NewReader("PER\tفلانی\n"), "x")
	}
	wg.Wait()
}

// TestGazetteerG20 checks the gazetteer by class (issue 5.2): every member
// of the G20 has a head of state or government and a foreign minister in
// office, and the European Union and the African Union have their leaders.
func TestGazetteerG20(t *testing.T) {
	r := New()
	heads := map[string]bool{"رئیس جمهور": true, "نخست‌وزیر": true, "صدراعظم": true, "پادشاه": true, "امپراتور": true, "ولیعهد و نخست‌وزیر": true}
	head, fm, people := map[string]bool{}, map[string]bool{}, map[string]int{}
	for _, e := range r.entries {
		if e.kind != PER {
			continue
		}
		switch {
		case heads[e.role]:
			head[e.of] = true
		case strings.Contains(e.role, "وزیر خارجه") && !strings.Contains(e.role, "پیشین"):
			fm[e.of] = true
		}
		people[e.of]++
	}
	for _, c := range []string{"آرژانتین", "استرالیا", "برزیل", "کانادا", "چین", "فرانسه", "آلمان", "هند", "اندونزی", "ایتالیا", "ژاپن", "مکزیک", "روسیه", "عربستان", "آفریقای جنوبی", "کره جنوبی", "ترکیه", "بریتانیا", "آمریکا"} {
		if !head[c] || !fm[c] {
			t.Errorf("G20 member %s: head of state or government %v, foreign minister %v", c, head[c], fm[c])
		}
	}
	for _, o := range []string{"اتحادیه اروپا", "اتحادیه آفریقا"} {
		if people[o] == 0 {
			t.Errorf("no leader of %s", o)
		}
	}
}

// TestGazetteerNewsAgencies: the world's major news agencies and
// broadcasters, in the spellings of Iranian news agencies.
func TestGazetteerNewsAgencies(t *testing.T) {
	for in, canon := range map[string]string{
		"خبرگزاری آسوشیتدپرس":   "آسوشیتدپرس",
		"رویترز":                "رویترز",
		"خبرگزاری فرانسه":       "خبرگزاری فرانسه",
		"بلومبرگ":               "بلومبرگ",
		"شین‌هوا":               "شین‌هوا",
		"خبرگزاری تاس":          "خبرگزاری تاس",
		"ایتارتاس":              "خبرگزاری تاس",
		"ریانووستی":             "ریانووستی",
		"اسپوتنیک":              "اسپوتنیک",
		"کیودو":                 "کیودو",
		"یونهاپ":                "یونهاپ",
		"کی‌سی‌ان‌ای":           "کی‌سی‌ان‌ای",
		"خبرگزاری آناتولی":      "خبرگزاری آناتولی",
		"آنادولو":               "خبرگزاری آناتولی",
		"دی‌پی‌آ":               "خبرگزاری آلمان",
		"خبرگزاری آنسا":         "خبرگزاری آنسا",
		"خبرگزاری افه":          "خبرگزاری افه",
		"راشا تودی":             "راشا تودی",
		"شبکه RT":               "راشا تودی",
		"خبرگزاری پی‌تی‌آی":     "پرس تراست هند",
		"ایرنا":                 "ایرنا",
		"ایسنا":                 "ایسنا",
		"خبرگزاری تسنیم":        "تسنیم",
		"خبرگزاری فارس":         "خبرگزاری فارس",
		"خبرگزاری مهر":          "خبرگزاری مهر",
		"صدا و سیما":            "صداوسیما",
		"بی‌بی‌سی":              "بی‌بی‌سی",
		"سی‌ان‌ان":              "سی‌ان‌ان",
		"الجزیره":               "الجزیره",
		"العربیه":               "العربیه",
		"خبرگزاری رسمی عربستان": "خبرگزاری رسمی عربستان",
	} {
		t.Run(in, func(t *testing.T) {
			if got := canonOfKind(in, ORG); len(got) != 1 || got[0] != canon {
				t.Errorf("Recognize(%q): ORG %q, want %q", in, got, canon)
			}
		})
	}
	// Agency names that are also words count only after a cue.
	for _, in := range []string{"افه آمدن", "وام بانکی", "میزان تورم", "شرق آناتولی"} {
		t.Run(in, func(t *testing.T) {
			if got := canonOfKind(in, ORG); len(got) != 0 {
				t.Errorf("Recognize(%q): ORG %q without a cue", in, got)
			}
		})
	}
}

// TestRoleAt: a gazetteer role with the years it was held (item 7 of
// issue 16): the role of a document's year, or none.
func TestRoleAt(t *testing.T) {
	r := Default()
	var blinken Entity
	for _, e := range r.Recognize("آنتونی بلینکن به پکن رفت") {
		if e.Kind == PER {
			blinken = e
		}
	}
	if blinken.Role != "وزیر خارجه پیشین" {
		t.Fatalf("Blinken: %+v, want the last role «وزیر خارجه پیشین» with no date", blinken)
	}
	for _, c := range []struct {
		year int
		want string
	}{{2022, "وزیر خارجه"}, {2021, "وزیر خارجه"}, {2024, "وزیر خارجه"}, {2025, "وزیر خارجه پیشین"}, {2030, "وزیر خارجه پیشین"}, {2015, ""}} {
		if got := r.RoleAt(blinken, c.year); got != c.want {
			t.Errorf("RoleAt(Blinken, %d) = %q, want %q", c.year, got, c.want)
		}
	}
	// A role with no years, and a role read in the text, whatever the year.
	for _, e := range r.Recognize("تهران و رئیس جمهور شیلی گابریل بوریچ") {
		if got := r.RoleAt(e, 1990); got != e.Role {
			t.Errorf("RoleAt(%+v, 1990) = %q, want %q", e, got, e.Role)
		}
	}
	// A user's gazetteer: the format and its errors.
	u := Empty()
	if w := u.Load(strings.NewReader("PER\tعلی نمونه\t\trole=مربی@2019|سرمربی@2020-2022|مدیرعامل@-2018\n"), "u.tsv"); len(w) > 0 {
		t.Fatal(w)
	}
	es := u.Recognize("علی نمونه آمد")
	if len(es) != 1 || es[0].Role != "مدیرعامل" {
		t.Fatalf("%+v: want one person with the last role", es)
	}
	for year, want := range map[int]string{2017: "مدیرعامل", 2019: "مربی", 2021: "سرمربی", 2023: ""} {
		if got := u.RoleAt(es[0], year); got != want {
			t.Errorf("RoleAt(%d) = %q, want %q", year, got, want)
		}
	}
	for _, bad := range []string{"role=a@x", "role=a@2020-2010", "role=|b@2020", "role=a@-"} {
		if w := Empty().Load(strings.NewReader("PER\tعلی نمونه\t\t"+bad+"\n"), "u.tsv"); len(w) != 1 {
			t.Errorf("%s: warnings %v, want one", bad, w)
		}
	}
}

// TestGazetteerLongLine: a line longer than MaxGazetteerLine is reported
// with its number and skipped; the lines after it are read, also after a
// line of megabytes (longer than any buffer).
func TestGazetteerLongLine(t *testing.T) {
	for _, n := range []int{MaxGazetteerLine + 1, 3 << 20} {
		src := "PER\tعلی زاهدی\tزاهدی\n" + "PER\t" + strings.Repeat("ب", n/2) + "\tx\n" + "LOC\tتهرانک\tتهرانک\r\n"
		r := Empty()
		warns := r.Load(strings.NewReader(src), "g.tsv")
		if len(warns) != 1 || !strings.Contains(warns[0].Error(), "g.tsv:2: line longer than") {
			t.Errorf("line of %d bytes: warnings %v", n, warns)
		}
		got := map[string]bool{}
		for _, e := range r.Recognize("زاهدی به تهرانک رفت") {
			got[e.Canonical] = true
		}
		if !got["علی زاهدی"] || !got["تهرانک"] {
			t.Errorf("line of %d bytes: the lines around it were not all read: %v", n, got)
		}
	}
	// A line just at the bound is read.
	name := strings.Repeat("ب", (MaxGazetteerLine-len("PER\t\tx"))/2)
	if warns := Empty().Load(strings.NewReader("PER\t"+name+"\tx\n"), "g.tsv"); len(warns) != 0 {
		t.Errorf("a line of %d bytes: %v", len("PER\t"+name+"\tx"), warns)
	}
}
