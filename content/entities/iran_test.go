package entities

import (
	"strings"
	"testing"
)

// canonOfKind returns the canonical names of the entities of kind k in in.
func canonOfKind(in string, k Kind) []string {
	var got []string
	for _, e := range Recognize(in) {
		if e.Kind == k {
			got = append(got, e.Canonical)
		}
	}
	return got
}

// checkOne checks that each input has one entity of kind k, or more
// when more is set (then the first counts), with the given canonical name.
func checkOne(t *testing.T, k Kind, more bool, cases map[string]string) {
	t.Helper()
	for in, canon := range cases {
		t.Run(in, func(t *testing.T) {
			got := canonOfKind(in, k)
			if len(got) == 0 || got[0] != canon || len(got) > 1 && !more {
				t.Errorf("Recognize(%q): %v %q, want %q", in, k, got, canon)
			}
		})
	}
}

// TestGazetteerIranProvinces: the 31 provinces are in the gazetteer, found
// with «استان» and, where the name is no city's and no word, bare.
func TestGazetteerIranProvinces(t *testing.T) {
	n := 0
	for _, e := range New().entries {
		if e.kind == LOC && e.role == "استان" && e.of == "ایران" {
			n++
		}
	}
	if n != 31 {
		t.Errorf("%d provinces of Iran in the gazetteer, want 31", n)
	}
	checkOne(t, LOC, true, map[string]string{
		"استان تهران":               "استان تهران",
		"استان فارس":                "استان فارس",
		"استان مرکزی":               "استان مرکزی",
		"خوزستان":                   "استان خوزستان",
		"سیستان و بلوچستان":         "استان سیستان و بلوچستان",
		"سیستان‌وبلوچستان":          "استان سیستان و بلوچستان",
		"آذربایجان شرقی":            "استان آذربایجان شرقی",
		"استان کهگیلویه و بویراحمد": "استان کهگیلویه و بویراحمد",
		"چهارمحال و بختیاری":        "استان چهارمحال و بختیاری",
		"در خراسان رضوی":            "استان خراسان رضوی",
		"سیل در مازندران و گیلان":   "استان مازندران",
		"کردستان عراق":              "اقلیم کردستان",
		"شهر ساری":                  "ساری",
		"مردم استان البرز":          "استان البرز",
	})
	// «تهران» bare is the city, «آذربایجان» bare the country; a province
	// named by a word is no place without its cue.
	for in, want := range map[string]string{
		"تهران":            "تهران",
		"جمهوری آذربایجان": "آذربایجان",
		"زبان فارس":        "",
		"منطقه مرکزی":      "",
		"گلستان سعدی":      "",
		"ساری و جاری":      "",
		"خوزستانی‌ها":      "",
	} {
		t.Run(in, func(t *testing.T) {
			if got := strings.Join(canonOfKind(in, LOC), "|"); got != want {
				t.Errorf("Recognize(%q): LOC %q, want %q", in, got, want)
			}
		})
	}
}

// TestGazetteerIranStateBodies: Iran's ministries, by official names and
// short forms, and its main state bodies.
func TestGazetteerIranStateBodies(t *testing.T) {
	n := 0
	for _, e := range New().entries {
		if e.kind == ORG && e.role == "وزارتخانه" && e.of == "ایران" {
			n++
		}
	}
	if n != 19 {
		t.Errorf("%d ministries of Iran in the gazetteer, want 19", n)
	}
	checkOne(t, ORG, false, map[string]string{
		"وزارت امور خارجه":                         "وزارت امور خارجه",
		"وزارت خارجه":                              "وزارت امور خارجه",
		"وزارت امور اقتصادی و دارایی":              "وزارت امور اقتصادی و دارایی",
		"وزارت اقتصاد":                             "وزارت امور اقتصادی و دارایی",
		"وزارت صنعت، معدن و تجارت":                 "وزارت صنعت، معدن و تجارت",
		"وزارت صنعت معدن و تجارت":                  "وزارت صنعت، معدن و تجارت",
		"وزارت صمت":                                "وزارت صنعت، معدن و تجارت",
		"وزارت بهداشت، درمان و آموزش پزشکی":        "وزارت بهداشت، درمان و آموزش پزشکی",
		"وزارت میراث فرهنگی، گردشگری و صنایع دستی": "وزارت میراث فرهنگی، گردشگری و صنایع دستی",
		"وزارت جهاد کشاورزی":                       "وزارت جهاد کشاورزی",
		"بانک مرکزی":                               "بانک مرکزی جمهوری اسلامی ایران",
		"بانک مرکزی جمهوری اسلامی ایران":           "بانک مرکزی جمهوری اسلامی ایران",
		"سازمان برنامه و بودجه":                    "سازمان برنامه و بودجه",
		"مرکز آمار ایران":                          "مرکز آمار ایران",
		"مرکز آمار":                                "مرکز آمار ایران",
		"مجلس شورای اسلامی":                        "مجلس شورای اسلامی",
		"شورای نگهبان":                             "شورای نگهبان",
		"مجمع تشخیص مصلحت نظام":                    "مجمع تشخیص مصلحت نظام",
		"قوه قضاییه":                               "قوه قضاییه",
		"قوه قضائیه":                               "قوه قضاییه",
		"شورای عالی امنیت ملی":                     "شورای عالی امنیت ملی",
		"سازمان انرژی اتمی ایران":                  "سازمان انرژی اتمی ایران",
		"صدا و سیما":                               "صداوسیما",
		"سپاه پاسداران":                            "سپاه پاسداران",
		"ارتش جمهوری اسلامی ایران":                 "ارتش جمهوری اسلامی ایران",
		"خبرگزاری اس‌تی‌تی":                        "اس‌تی‌تی",
		"اس‌تی‌تی":                                 "اس‌تی‌تی",
		"ریتزاو":                                   "ریتزاو",
		"ان‌تی‌بی":                                 "ان‌تی‌بی",
		"خبرگزاری تی‌تی":                           "تی‌تی",
	})
	// A ministry followed by a country is that country's (the ORG rule);
	// the bank of another country or of the EU is not Iran's.
	checkOne(t, ORG, false, map[string]string{
		"وزارت خارجه روسیه":      "وزارت خارجه روسیه",
		"وزارت امور خارجه ترکیه": "وزارت امور خارجه ترکیه",
		"بانک مرکزی اروپا":       "بانک مرکزی اروپا",
		"بانک مرکزی روسیه":       "بانک مرکزی روسیه",
	})
	// Head nouns alone are no organisations.
	for _, in := range []string{"مرکز", "مرکز شهر", "وزارت", "بانک", "ارتش", "قوه", "مجمع عمومی", "در مرکز توجه"} {
		t.Run(in, func(t *testing.T) {
			if got := canonOfKind(in, ORG); len(got) != 0 {
				t.Errorf("Recognize(%q): ORG %q, want none", in, got)
			}
		})
	}
}

// TestGazetteerIranOfficials: Iran's government of late 2025.
func TestGazetteerIranOfficials(t *testing.T) {
	ministers := 0
	for _, e := range New().entries {
		if e.kind == PER && e.of == "ایران" && strings.HasPrefix(e.role, "وزیر") && !strings.Contains(e.role, "پیشین") {
			ministers++
		}
	}
	if ministers != 19 {
		t.Errorf("%d ministers of Iran in the gazetteer, want 19", ministers)
	}
	checkOne(t, PER, false, map[string]string{
		"مسعود پزشکیان":    "مسعود پزشکیان",
		"عباس عراقچی":      "عباس عراقچی",
		"علی مدنی‌زاده":    "علی مدنی‌زاده",
		"مدنی زاده":        "علی مدنی‌زاده",
		"محسن پاک‌نژاد":    "محسن پاک‌نژاد",
		"حمید پورمحمدی":    "حمید پورمحمدی",
		"محمدرضا فرزین":    "محمدرضا فرزین",
		"فاطمه مهاجرانی":   "فاطمه مهاجرانی",
		"محسنی اژه‌ای":     "محسنی اژه‌ای",
		"محمدباقر قالیباف": "محمدباقر قالیباف",
		"اسکندر مومنی":     "اسکندر مومنی",
		"محمد اسلامی":      "محمد اسلامی",
		"علی لاریجانی":     "علی لاریجانی",
	})
	// A common surname alone names nobody in particular.
	for _, in := range []string{"موسوی", "هاشمی", "اسلامی", "صادق"} {
		t.Run(in, func(t *testing.T) {
			if got := canonOfKind(in, PER); len(got) != 0 {
				t.Errorf("Recognize(%q): PER %q, want none", in, got)
			}
		})
	}
}

// TestMinisterialTitles: the titles of Iran's ministers, long and short,
// are cues for the name before or after them, with no place needed; a name
// of the gazetteer next to one keeps its canonical name.
func TestMinisterialTitles(t *testing.T) {
	runCases(t, []rcase{
		{"long title before a name", "وزیر امور اقتصادی و دارایی حسن کریمی گفت", []string{"PER:حسن کریمی"}},
		{"long title after a name", "حسن کریمی وزیر امور اقتصادی و دارایی گفت", []string{"PER:حسن کریمی"}},
		{"title with a comma", "وزیر صنعت، معدن و تجارت حسن کریمی گفت", []string{"PER:حسن کریمی"}},
		{"name, title with commas", "حسن کریمی، وزیر بهداشت، درمان و آموزش پزشکی گفت", []string{"PER:حسن کریمی"}},
		{"seven-word title", "وزیر میراث فرهنگی، گردشگری و صنایع دستی رضا کریمی", []string{"PER:رضا کریمی"}},
		{"short title", "وزیر نفت حسن کریمی گفت", []string{"PER:حسن کریمی"}},
		{"gazetteer person after the title", "وزیر امور اقتصادی و دارایی علی مدنی‌زاده گفت", []string{"PER:علی مدنی‌زاده"}},
		{"gazetteer person before the title", "علی مدنی‌زاده وزیر امور اقتصادی و دارایی گفت", []string{"PER:علی مدنی‌زاده"}},
		{"a country after the title", "حسن کریمی وزیر کشور عراق گفت", []string{"PER:حسن کریمی", "LOC:عراق"}},
		{"no name", "سفر وزیر نفت به عراق", []string{"LOC:عراق"}},
		{"no name before", "اظهارات اخیر وزیر نفت", nil},
		{"ministry with commas", "وزارت صنعت، معدن و تجارت اعلام کرد", []string{"ORG:وزارت صنعت، معدن و تجارت"}},
		{"a comma ends a name written without one", "ایران، روسیه و چین", []string{"LOC:ایران", "LOC:روسیه", "LOC:چین"}},
	})
	for _, in := range []string{"وزیر امور اقتصادی و دارایی حسن کریمی", "حسن کریمی وزیر امور اقتصادی و دارایی"} {
		for _, e := range Recognize(in) {
			if e.Kind == PER && e.Role != "وزیر امور اقتصادی و دارایی" {
				t.Errorf("Recognize(%q): %+v, want the role «وزیر امور اقتصادی و دارایی»", in, e)
			}
		}
	}
}
