package entities

import (
	"embed"
	"strings"
	"sync"

	"rtlview/content"
)

// The word lists of the rules. They are written as a reader spells them and
// folded once at start-up, so they match folded text (no ZWNJ, Persian yeh
// and keheh, ASCII digits).

//go:embed lists/*.txt
var listFiles embed.FS

// listsRead records the lists read at start-up, for TestLists.
var listsRead = map[string]bool{}

// list returns the entries of lists/NAME.txt: one word or phrase a line,
// its spaces made single; blank lines and the text from a # on are not
// entries. The files are part of the binary (TestLists reads them all),
// so a missing one is a bug of the build.
func list(name string) []string {
	b, err := listFiles.ReadFile("lists/" + name + ".txt")
	if err != nil {
		panic("entities: " + err.Error())
	}
	listsRead[name] = true
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		if i := strings.IndexByte(l, '#'); i >= 0 {
			l = l[:i]
		}
		if f := strings.Fields(l); len(f) > 0 {
			out = append(out, strings.Join(f, " "))
		}
	}
	return out
}

// set is a set of folded words.
type set map[string]bool

func newSet(words ...string) set {
	s := make(set, len(words))
	for _, w := range words {
		s[content.FoldString(w)] = true
	}
	return s
}

// lazySet is newSet(words...) made on first use: the small sets of the
// rules, like the lists (loadLexicon), cost nothing to a run that
// recognises nothing.
func lazySet(words ...string) func() set {
	return sync.OnceValue(func() set { return newSet(words...) })
}

// fieldsSet returns the words of lists/NAME.txt, any number a line, as a
// set.
func fieldsSet(name string) set {
	var ws []string
	for _, l := range list(name) {
		ws = append(ws, strings.Fields(l)...)
	}
	return newSet(ws...)
}

// phrases is a set of folded multi-word phrases, kept as word lists.
type phrases [][]string

func newPhrases(ps ...string) phrases {
	out := make(phrases, 0, len(ps))
	for _, p := range ps {
		out = append(out, strings.Fields(content.FoldString(p)))
	}
	return out
}

// The word lists are data: lists/*.txt, one word or phrase a line, each
// with a header that says what it is for (see list). Most are a word
// class of lex as they are (classLists); here are the ones built with
// code: the numbers with their values, and the months and weekdays,
// which start from content's names.
var (
	// Months: the Jalali months (content.JalaliMonths), the Gregorian ones
	// in their Persian spellings and the Hijri ones. A month of two words
	// is a key joined (folding removes a ZWNJ) and a pair in monthPairs.
	months set
	// Months written as two words with a space: «ربیع الاول».
	monthPairs phrases

	// Weekdays in one word (folding removed any ZWNJ): content's names
	// and the literary «آدینه» (Friday).
	weekdays set
	// The first words of the weekdays written with a space: «پنج شنبه».
	weekdayHeads set
)

// Numbers in words.
var (
	// Cardinal words and their values.
	cardinals map[string]int64
)

// Word classes. Every word of a text is looked up once in lex; the rules
// then test bits instead of looking words up in many sets.
const (
	fCard        uint64 = 1 << iota // a cardinal (lexInfo.val)
	fOrd                            // an ordinal (lexInfo.val)
	fScale                          // هزار, میلیون ... (>= 1000)
	fNotAlone                       // not a number when alone
	fMonth                          // a month name (or month + «ماه»)
	fAmbMonth                       // a month name that is also a word
	fWeekday                        // a weekday in one word
	fWeekdayHead                    // یک دو سه چهار پنج (+ شنبه)
	fDayPart                        // بامداد, روز ...
	fRelDay                         // امروز ...
	fTimeUnit                       // روز, سال, روزهای ...
	fRelDir                         // قبل, گذشته ...
	fVague                          // چند, چندین
	fEra                            // شمسی, میلادی ...
	fOrgHead                        // وزارت, خبرگزاری ...
	fStop                           // function words
	fSay                            // verbs of saying
	fVerb                           // finite verbs
	fPlaceCue                       // کشور, شهر ...
	fOrgCue                         // خبرگزاری, روزنامه ...
	fTitleStart                     // the first word of a title
	fNotName                        // never part of a person's name (lists/notnames.txt)
	fTitleMod                       // سابق, پیشین ... after a title
	fFixedHead                      // the first word of a fixed phrase
	fGiven                          // a given name (lists/given_names.txt)
	fNamePrefix                     // سید, میر: part of the name after it
	fOrgPhrase                      // the first word of a head of orgPhrase
	fOrgStop                        // ends an organisation's name (lists/org_stops.txt)
	fTeamWord                       // ملی, مردان ... after «تیم»
	fSport                          // فوتبال, والیبال ...
	fCompass                        // شمال, شرق ... مرکز
	fSportCue                       // لیگ, سرمربی ... (a text about sport)
	fWordName                       // a given name that is an everyday word (lists/word_names.txt)
	fPlaceHead                      // کویر, سالن ...: the head noun of a named place (lists/place_heads.txt)

	// Where a phrase of a word list may start or end, or a word a rule
	// looks for by its text, so that the rule looks only there. They say
	// nothing of the word itself (see fLookup).
	fMonthHead // the first word of a month of two words (monthPairs)
	fOccasion  // the first word of a named day (occasions)
	fTitleEnd  // the last word of a title
	fDateWord  // a word of dateWords
)

// fLookup are the bits that only say where to look in a word list: no
// class of the word, which nameClass tells by any other bit.
const fLookup = fMonthHead | fOccasion | fTitleEnd | fDateWord

// classLists are the word classes that are a list of lists/ and nothing
// more: each file's header says what its words are for.
var classLists = []struct {
	name string
	flag uint64
}{
	{"not_alone", fNotAlone},
	{"months_ambiguous", fAmbMonth},
	{"day_parts", fDayPart},
	{"relative_days", fRelDay},
	{"time_units", fTimeUnit},
	{"relative_dirs", fRelDir},
	{"vague_counts", fVague},
	{"eras", fEra},
	{"org_heads", fOrgHead},
	{"stop_words", fStop},
	{"say_verbs", fSay},
	{"finite_verbs", fVerb},
	{"place_cues", fPlaceCue},
	{"org_cues", fOrgCue},
	{"title_mods", fTitleMod},
	{"given_names", fGiven},
	{"name_prefixes", fNamePrefix},
	{"org_stops", fOrgStop},
	{"team_words", fTeamWord},
	{"sports", fSport},
	{"compass", fCompass},
	{"sport_cues", fSportCue},
	{"place_heads", fPlaceHead},
}

type lexInfo struct {
	flags uint64
	val   int64
}

var lex map[string]lexInfo

// occasions are the named days of lists/occasions.txt, folded, by their
// first word.
var occasions map[string][][]string

// fixedPhrases are the phrases of lists/fixed_phrases.txt, folded, by
// their first word.
var fixedPhrases map[string][][]string

// The word lists are loaded on first use (loadLexicon), not at start-up:
// a program that links the package and recognises nothing (rtlview
// --version, a plain file without colour) pays nothing for them.
var lexiconOnce sync.Once

// loadLexicon builds every word list and class of the rules, once.
func loadLexicon() { lexiconOnce.Do(buildLexicon) }

func buildLexicon() {
	cardinals = func() map[string]int64 {
		m := map[string]int64{}
		add := func(v int64, ws ...string) {
			for _, w := range ws {
				m[content.FoldString(w)] = v
			}
		}
		add(0, "صفر")
		add(1, "یک")
		add(2, "دو")
		add(3, "سه")
		add(4, "چهار")
		add(5, "پنج")
		add(6, "شش", "شیش")
		add(7, "هفت")
		add(8, "هشت")
		add(9, "نه")
		add(10, "ده")
		add(11, "یازده")
		add(12, "دوازده")
		add(13, "سیزده")
		add(14, "چهارده")
		add(15, "پانزده", "پونزده")
		add(16, "شانزده")
		add(17, "هفده", "هیفده")
		add(18, "هجده", "هیجده")
		add(19, "نوزده")
		add(20, "بیست")
		add(30, "سی")
		add(40, "چهل")
		add(50, "پنجاه")
		add(60, "شصت")
		add(70, "هفتاد")
		add(80, "هشتاد")
		add(90, "نود")
		add(100, "صد", "یکصد")
		add(200, "دویست")
		add(300, "سیصد")
		add(400, "چهارصد")
		add(500, "پانصد")
		add(600, "ششصد")
		add(700, "هفتصد")
		add(800, "هشتصد")
		add(900, "نهصد")
		add(1000, "هزار", "یک‌هزار")
		add(1000000, "میلیون")
		add(1000000000, "میلیارد", "بیلیون")
		add(1000000000000, "تریلیون")
		return m
	}()
	months = func() set {
		s := newSet(content.JalaliMonths[:]...)
		for _, p := range newPhrases(append(list("months_gregorian"), list("months_hijri")...)...) {
			s[strings.Join(p, "")] = true
		}
		return s
	}()
	monthPairs = func() phrases {
		var out phrases
		for _, p := range newPhrases(list("months_hijri")...) {
			if len(p) == 2 {
				out = append(out, p)
			}
		}
		return out
	}()
	weekdays = newSet(append(content.PersianWeekdays[:], "آدینه")...)
	weekdayHeads = func() set {
		s := set{}
		for w := range weekdays {
			if h, ok := strings.CutSuffix(w, "شنبه"); ok && h != "" {
				s[h] = true
			}
		}
		return s
	}()
	titleList = list("titles")
	titles = newPhrases(func() []string {
		out := make([]string, len(titleList))
		for i, t := range titleList {
			out[i] = strings.ReplaceAll(strings.TrimLeft(t, "+*~"), "،", "")
		}
		return out
	}()...)
	titleKeys = func() map[string]titleKind {
		m := map[string]titleKind{}
		for _, t := range titleList {
			var tk titleKind
			switch t[0] {
			case '+':
				tk = titleStrong
			case '*':
				tk = titleStrong | titleSelf
			case '~':
				tk = titleShaped
			}
			k := joinedKey(strings.TrimLeft(t, "+*~"))
			m[k] |= tk
		}
		return m
	}()
	titleStarts = func() set {
		s := set{}
		for _, p := range titles {
			s[p[0]] = true
		}
		return s
	}()
	notNames = fieldsSet("notnames")
	nameMonths = newSet(list("name_months")...)
	placeMods = newSet(list("place_mods")...)
	placeHonorifics = newSet(list("place_honorifics")...)
	commonWords = newSet(list("common_words")...)
	nameParticles = newSet(list("name_particles")...) // not counted in maxNameWords
	honorifics = newSet(list("honorifics")...)
	lightVerbs = newSet(list("light_verbs")...)
	possessives = newSet(list("possessives")...)
	anWords = newSet(list("an_words")...)
	occasions = func() map[string][][]string {
		m := map[string][][]string{}
		for _, p := range newPhrases(list("occasions")...) {
			m[p[0]] = append(m[p[0]], p)
		}
		return m
	}()
	fixedPhrases = func() map[string][]([]string) {
		m := map[string][]([]string){}
		for _, p := range newPhrases(list("fixed_phrases")...) {
			m[p[0]] = append(m[p[0]], p)
		}
		return m
	}()
	orgPhraseHeads = func() map[string][]orgHead {
		m := map[string][]orgHead{}
		for _, l := range list("org_phrase_heads") {
			part := strings.HasPrefix(l, "+")
			ws := strings.Fields(content.FoldString(strings.TrimPrefix(l, "+")))
			m[ws[0]] = append(m[ws[0]], orgHead{ws, part})
			if len(ws) > 1 { // written as one word, or with a ZWNJ: «اداره‌کل»
				j := strings.Join(ws, "")
				m[j] = append(m[j], orgHead{[]string{j}, part})
			}
		}
		return m
	}()
	lex = func() map[string]lexInfo {
		m := map[string]lexInfo{}
		mark := func(s set, f uint64) {
			for w := range s {
				x := m[w]
				x.flags |= f
				m[w] = x
			}
		}
		for w, v := range cardinals {
			x := m[w]
			x.flags |= fCard
			x.val = v
			if v >= 1000 {
				x.flags |= fScale
			}
			m[w] = x
		}
		// Ordinals: after a consonant م and مین (بیستم, بیستمین), after ی
		// ام and امین (سی‌ام); سه makes سوم. «سیم» (wire) and «صدام» (a
		// name) are therefore not ordinals.
		for w, v := range cardinals {
			if v <= 0 {
				continue
			}
			base := w
			sufs := []string{"م", "مین"}
			if w == "سه" {
				base = "سو"
			} else if strings.HasSuffix(w, "ی") {
				sufs = []string{"ام", "امین"}
			}
			for _, suf := range sufs {
				x := m[base+suf]
				x.flags |= fOrd
				x.val = v
				m[base+suf] = x
			}
		}
		for _, l := range classLists {
			mark(newSet(list(l.name)...), l.flag)
		}
		for w := range months {
			mark(set{w: true, w + "ماه": true}, fMonth)
		}
		mark(weekdays, fWeekday)
		mark(weekdayHeads, fWeekdayHead)
		mark(titleStarts, fTitleStart)
		for _, p := range titles {
			mark(set{p[len(p)-1]: true}, fTitleEnd)
		}
		mark(notNames, fNotName)
		mark(fieldsSet("word_names"), fWordName)
		for w := range orgPhraseHeads {
			mark(set{w: true}, fOrgPhrase)
		}
		for w := range fixedPhrases {
			mark(set{w: true}, fFixedHead)
		}
		for _, p := range monthPairs {
			mark(set{p[0]: true}, fMonthHead)
		}
		for w := range occasions {
			mark(set{w: true}, fOccasion)
		}
		mark(dateWords(), fDateWord)
		return m
	}()
}
