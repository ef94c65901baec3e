package entities

import (
	"bufio"
	"cmp"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"rtlview/content"
)

// The measured quality of the recognizer: precision and recall per kind
// against annotations made by hand (testdata/gold_*.tsv). An entity is
// right when its kind, its folded surface and its occurrence in the line
// are those of a gold entry; the occurrence makes the key independent of
// byte offsets, so a cleaner that repairs ZWNJs does not change it.

// goldKey identifies one annotated entity.
type goldKey struct {
	line    int
	kind    Kind
	surface string // folded, single spaces
	occ     int
}

func (k goldKey) String() string {
	return fmt.Sprintf("line %d %v «%s» #%d", k.line, k.kind, k.surface, k.occ)
}

func normSurface(s string) string {
	return strings.Join(strings.Fields(content.FoldString(s)), " ")
}

// atWordStart is the test's own boundary check: the rune before byte i is
// not a letter, mark or digit.
func atWordStart(s string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return !(unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r))
}

// occurrences returns the folded offsets where surface starts at a word
// start in the folded line.
func occurrences(folded, surface string) []int {
	var at []int
	for i := 0; ; {
		k := strings.Index(folded[i:], surface)
		if k < 0 {
			return at
		}
		if atWordStart(folded, i+k) {
			at = append(at, i+k)
		}
		i += k + 1
		for i < len(folded) && !utf8.RuneStart(folded[i]) {
			i++
		}
	}
}

// foldedLine folds a line and makes its runs of spaces single, as the
// surfaces are.
func foldedLine(s string) string {
	return strings.Join(strings.Fields(content.FoldString(s)), " ")
}

func readGold(t *testing.T, path string, lines []string) map[goldKey]bool {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gold := map[goldKey]bool{}
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		l := sc.Text()
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		p := strings.Split(l, "\t")
		if len(p) != 4 {
			t.Fatalf("%s:%d: want 4 fields", path, n)
		}
		line, err1 := strconv.Atoi(p[0])
		kind, err2 := ParseKind(p[1])
		occ, err3 := strconv.Atoi(p[3])
		if err1 != nil || err2 != nil || err3 != nil || line < 1 || line > len(lines) {
			t.Fatalf("%s:%d: bad line %q", path, n, l)
		}
		k := goldKey{line, kind, normSurface(p[2]), occ}
		// The gold must point at real text: the n-th word-start occurrence
		// of the surface exists in that line.
		if got := len(occurrences(foldedLine(lines[line-1]), k.surface)); got < occ {
			t.Fatalf("%s:%d: %v: the line has only %d occurrences", path, n, k, got)
		}
		if gold[k] {
			t.Fatalf("%s:%d: %v twice", path, n, k)
		}
		gold[k] = true
	}
	return gold
}

// predicted runs Recognize on the given lines and keys its entities.
func predicted(t *testing.T, r *Recognizer, lines []string, body []int) map[goldKey]bool {
	t.Helper()
	es := make([][]Entity, len(body))
	for k, ln := range body {
		es[k] = r.Recognize(lines[ln-1])
	}
	return keyed(t, lines, body, es)
}

// predictedBlocks recognises the given lines as the paragraphs of one
// document (RecognizeBlocks: prose only, a person learned in one line
// known in the next) and keys its entities.
func predictedBlocks(t *testing.T, r *Recognizer, lines []string, body []int) map[goldKey]bool {
	t.Helper()
	blocks := make([]content.Block, len(body))
	for k, ln := range body {
		blocks[k] = content.Block{Kind: content.Paragraph, Text: lines[ln-1]}
	}
	return keyed(t, lines, body, r.RecognizeBlocks(blocks))
}

// keyed keys the entities es[k] of the line body[k].
func keyed(t *testing.T, lines []string, body []int, es [][]Entity) map[goldKey]bool {
	t.Helper()
	got := map[goldKey]bool{}
	for k, ln := range body {
		text := lines[ln-1]
		fl := foldedLine(text)
		for _, e := range es[k] {
			surf := normSurface(e.Text)
			// The entity's folded start: fold the text before it (folding
			// is rune by rune, so a prefix folds to a prefix).
			start := len(foldedLine(text[:e.Start]+"x")) - 1
			occ := 0
			for _, at := range occurrences(fl, surf) {
				if at <= start {
					occ++
				}
			}
			if occ == 0 {
				t.Errorf("line %d: %v %q not found at a word start of the folded line", ln, e.Kind, e.Text)
				continue
			}
			got[goldKey{ln, e.Kind, surf, occ}] = true
		}
	}
	return got
}

type prf struct{ tp, fp, fn int }

func (c prf) p() float64 { return ratio(c.tp, c.tp+c.fp) }
func (c prf) r() float64 { return ratio(c.tp, c.tp+c.fn) }
func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// score compares and logs the table under the title of the gold set; it
// returns the overall counts. The table is logged, so it shows with
// go test -v -run TestQuality.
func score(t *testing.T, title string, gold, got map[goldKey]bool) prf {
	t.Helper()
	t.Logf("==== %s: %d gold entities, %d found", title, len(gold), len(got))
	per := map[Kind]*prf{}
	for _, k := range Kinds {
		per[k] = &prf{}
	}
	var all prf
	var errs []goldKey // false positives and misses, logged in text order
	for k := range got {
		if gold[k] {
			per[k.kind].tp++
			all.tp++
		} else {
			per[k.kind].fp++
			all.fp++
			errs = append(errs, k)
		}
	}
	for k := range gold {
		if !got[k] {
			per[k.kind].fn++
			all.fn++
			errs = append(errs, k)
		}
	}
	slices.SortFunc(errs, func(a, b goldKey) int {
		return cmp.Or(a.line-b.line, cmp.Compare(a.surface, b.surface), int(a.kind)-int(b.kind), a.occ-b.occ)
	})
	for _, k := range errs {
		if got[k] {
			t.Logf("  false positive: %v", k)
		} else {
			t.Logf("  missed:         %v", k)
		}
	}
	t.Logf("%-6s %5s %5s %5s %9s %7s", "kind", "TP", "FP", "FN", "precision", "recall")
	for _, k := range Kinds {
		c := per[k]
		t.Logf("%-6v %5d %5d %5d %9.3f %7.3f", k, c.tp, c.fp, c.fn, c.p(), c.r())
	}
	t.Logf("%-6s %5d %5d %5d %9.3f %7.3f", "all", all.tp, all.fp, all.fn, all.p(), all.r())
	return all
}

func readLines(t *testing.T, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(string(b), "\n")
}

// Regression floors. Every gold set has its figures measured at a known
// commit, and its test fails when precision or recall falls more than
// floorMargin below them: a change that costs quality must say so by
// changing the figures here, with the new measurement.
const floorMargin = 0.02

// floors are the least precision and recall a gold set may score.
type floors struct{ p, r float64 }

// checkFloors logs the figures of a set against its floors and fails the
// test when one is below.
func checkFloors(t *testing.T, set string, c prf, f floors) {
	t.Helper()
	t.Logf("%s: precision %.3f (floor %.3f), recall %.3f (floor %.3f)", set, c.p(), f.p, c.r(), f.r)
	if c.p() < f.p || c.r() < f.r {
		t.Errorf("%s: precision %.3f, recall %.3f; below the floors %.3f, %.3f (the measured figures less %.2f)",
			set, c.p(), c.r(), f.p, f.r, floorMargin)
	}
}

// articleBody lists the lines of content/article.txt that are body text:
// the title, the lead and the paragraphs; not the page furniture (lines
// 1-3, 27-31) nor the title repeated on line 8.
var articleBody = []int{5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25}

// The article, raw and as parsed, measured on 2026-12-05 at 6ee38c4:
// P 1.000, R 1.000 (61 TP) both ways; after the gold was revised for
// issue 16 (59 entities), P 1.000, R 1.000 again. (The older bar of 0.95
// stays.)
var articleFloors = floors{1.000 - floorMargin, 1.000 - floorMargin}

func TestQualityArticle(t *testing.T) {
	lines := readLines(t, "../article.txt")
	gold := readGold(t, "testdata/gold_article.tsv", lines)
	for k := range gold {
		if !containsInt(articleBody, k.line) {
			t.Fatalf("gold %v is not on a body line", k)
		}
	}
	all := score(t, "article (content/article.txt, raw lines) vs testdata/gold_article.tsv; fails below 0.95", gold, predicted(t, Default(), lines, articleBody))
	if all.p() < 0.95 || all.r() < 0.95 {
		t.Errorf("article: precision %.3f, recall %.3f; want both >= 0.95", all.p(), all.r())
	}
	checkFloors(t, "article", all, articleFloors)
}

// TestQualityArticleParsed scores the same gold on the article as rtlview
// shows it: content.Article() drops the page furniture and repairs the
// missing ZWNJs. Each block is matched to the body line it comes from by
// its folded text (folding removes ZWNJs), or as the line less the words
// the parser cut from its end (the wire credit after the last sentence,
// see content.ParseArticle: line 25 ends «خواند. العا لم»); a block that
// matches no body line is scored against no gold, so whatever is found
// in it counts as a false positive, and a body line that no block shows
// counts as missed.
func TestQualityArticleParsed(t *testing.T) {
	raw := readLines(t, "../article.txt")
	gold := readGold(t, "testdata/gold_article.tsv", raw)
	doc := content.Article()
	lines := make([]string, len(raw)+len(doc.Blocks))
	var body []int
	for k, b := range doc.Blocks {
		ln := len(raw) + k + 1 // not a line of the file: no gold there
		for _, l := range articleBody {
			line, text := foldedLine(raw[l-1]), foldedLine(b.Text)
			if (line == text || strings.HasPrefix(line, text+" ")) && !containsInt(body, l) {
				ln = l
				break
			}
		}
		if ln > len(raw) {
			t.Logf("block %d matches no body line: %q", k, b.Text)
		}
		lines[ln-1] = b.Text
		body = append(body, ln)
	}
	all := score(t, "article as parsed (content.Article(), ZWNJs repaired) vs testdata/gold_article.tsv; fails below 0.95", gold, predicted(t, Default(), lines, body))
	if all.p() < 0.95 || all.r() < 0.95 {
		t.Errorf("parsed article: precision %.3f, recall %.3f; want both >= 0.95", all.p(), all.r())
	}
	checkFloors(t, "parsed article", all, articleFloors)
}

// TestQualityOtherNews measures the recognizer on a paragraph written for
// this test about other countries and people, annotated before the
// recognizer was first run on it. The figures are reported and held to
// the floors below.
func TestQualityOtherNews(t *testing.T) {
	reportSet(t, "set 2", "news_other", []int{1}, set2Floors)
}

// Set 2 measured on 2026-12-05 at 6ee38c4: P 1.000, R 1.000 (37 TP).
var set2Floors = floors{1.000 - floorMargin, 1.000 - floorMargin}

// TestQualityThirdNews measures the recognizer on a third text written for
// this test (three paragraphs on Japan and Australia, Argentina, Spain and
// Mexico, Germany and Italy), annotated by hand before the recognizer was
// run on it and before the gazetteer was extended with the G20 leaders,
// foreign ministers and news agencies. As for the second set the figures
// are reported and held to regression floors, not to a target: the
// gazetteer is not tuned to it.
func TestQualityThirdNews(t *testing.T) {
	reportSet(t, "set 3", "news_third", []int{1, 2, 3}, set3Floors)
}

// Set 3 measured on 2026-12-05 at 6ee38c4: P 1.000, R 1.000 (61 TP).
var set3Floors = floors{1.000 - floorMargin, 1.000 - floorMargin}

// TestQualityFourthNews measures the recognizer on a fourth text written for
// this test, a blind set: three paragraphs (the African Union summit in Addis
// Ababa, a Central Asian hydropower agreement, Ecuador's presidential
// run-off) written and annotated by hand before the gazetteer or the
// recognizer's rules were opened and before the recognizer was run on it.
// The figures are reported and held to regression floors (not to a
// target), and neither the gazetteer nor the rules are to be tuned to it.
// First score: P 0.979,
// R 0.758 (PER 3 of 12). The person rule (people.go) was written without
// reading the text, but its list of misses was seen once on the way, so
// the later figures are no longer quite blind.
func TestQualityFourthNews(t *testing.T) {
	reportSet(t, "set 4 (written blind; its misses seen once since)", "news_fourth", []int{1, 2, 3}, set4Floors)
}

// Set 4 measured on 2026-12-05 at 6ee38c4: P 0.981, R 0.855 (53 TP, 1 FP,
// 9 FN); after the organisation, team and date rules of issue 16.5-16.6
// (branch ent3): P 1.000, R 0.919 (57 TP, 0 FP, 5 FN).
var set4Floors = floors{1.000 - floorMargin, 0.919 - floorMargin}

// TestQualityFifthNews measures the recognizer on a fifth text written for
// this test as a blind final measurement: three paragraphs (the Persian Gulf
// Cooperation Council summit in Manama, Finland and Estonia on the Baltic Sea
// cables, Iran's budget bill for 1405) written and annotated by hand before
// the gazetteer, notnames.txt or the recognizer's code were opened and
// committed before the recognizer was first run on it. The figures are
// reported and held to regression floors (not to a target), and neither
// the gazetteer nor the rules are to be tuned to it. Its first, blind score was P 0.918, R 0.789 (56 TP,
// 5 FP, 15 FN). The classes of names its misses showed (Iran's provinces,
// ministries, state bodies, officials and ministerial titles; month + «ماه»;
// digits with two scale words) were then added by someone who did not read
// the text, so its later figures are no longer blind.
func TestQualityFifthNews(t *testing.T) {
	reportSet(t, "set 5 (written blind: P 0.918, R 0.789 at first; classes added since)", "news_fifth", []int{1, 2, 3}, set5Floors)
}

// Set 5 measured on 2026-12-05 at 6ee38c4: P 0.985, R 0.930 (66 TP, 1 FP,
// 5 FN); after issue 16.5-16.6 (branch ent3): P 1.000, R 0.944 (67 TP,
// 0 FP, 4 FN).
var set5Floors = floors{1.000 - floorMargin, 0.944 - floorMargin}

// reportSet scores testdata/NAME.txt (its body lines) against
// testdata/gold_NAME.tsv, logs the table under the set's title and fails
// when nothing at all is recognised or a figure is below its floor.
func reportSet(t *testing.T, set, name string, body []int, f floors) {
	t.Helper()
	text, goldFile := "testdata/"+name+".txt", "testdata/gold_"+name+".tsv"
	lines := readLines(t, text)
	gold := readGold(t, goldFile, lines)
	all := score(t, set+" ("+text+") vs "+goldFile+"; reported, with regression floors", gold, predicted(t, Default(), lines, body))
	if all.tp == 0 {
		t.Errorf("%s: no entity of %s recognised", set, text)
	}
	checkFloors(t, set, all, f)
}

// coreKinds are the kinds of issue 16's targets: people, places,
// organisations and dates together.
var coreKinds = []Kind{PER, LOC, ORG, DATE}

// count compares got with gold over the given kinds only.
func count(gold, got map[goldKey]bool, kinds []Kind) prf {
	var c prf
	for k := range got {
		if slices.Contains(kinds, k.kind) {
			if gold[k] {
				c.tp++
			} else {
				c.fp++
			}
		}
	}
	for k := range gold {
		if slices.Contains(kinds, k.kind) && !got[k] {
			c.fn++
		}
	}
	return c
}

// bodyLines lists the lines of a text that are not blank.
func bodyLines(lines []string) []int {
	var body []int
	for i, l := range lines {
		if strings.TrimSpace(l) != "" {
			body = append(body, i+1)
		}
	}
	return body
}

// reportBlind scores a blind set of issue 16 (testdata/NAME.txt, every
// line, against testdata/gold_NAME.tsv): the table per kind, then PER,
// LOC, ORG and DATE together, which are held to their floors, and all
// kinds, held to theirs.
func reportBlind(t *testing.T, set, name string, all, core floors) {
	t.Helper()
	text, goldFile := "testdata/"+name+".txt", "testdata/gold_"+name+".tsv"
	lines := readLines(t, text)
	gold := readGold(t, goldFile, lines)
	got := predicted(t, Default(), lines, bodyLines(lines))
	c := score(t, set+" ("+text+") vs "+goldFile+"; reported, with regression floors", gold, got)
	if c.tp == 0 {
		t.Errorf("%s: no entity of %s recognised", set, text)
	}
	checkFloors(t, set+", all kinds", c, all)
	checkFloors(t, set+", PER LOC ORG DATE", count(gold, got, coreKinds), core)
}

func containsInt(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// TestQualityUnknownPeople measures the person rule (people.go) alone: the
// article and sets 2 and 3 are recognised with the embedded gazetteer less
// its people, so that every person found is found from a title cue or as a
// later mention of a name so found, and scored against the PER lines of the
// gold. The figures are reported; the rule is to be precise, so a false
// positive fails the test.
func TestQualityUnknownPeople(t *testing.T) {
	var b strings.Builder
	for _, l := range strings.Split(embeddedGazetteer, "\n") {
		if !strings.HasPrefix(l, "PER\t") {
			b.WriteString(l + "\n")
		}
	}
	r := Empty()
	if w := r.Load(strings.NewReader(b.String()), "gazetteer.tsv"); len(w) > 0 {
		t.Fatal(w)
	}
	onlyPER := func(m map[goldKey]bool) map[goldKey]bool {
		out := map[goldKey]bool{}
		for k := range m {
			if k.kind == PER {
				out[k] = true
			}
		}
		return out
	}
	var all prf
	// The floors: each set's PER figures measured on 2026-12-05 at
	// 6ee38c4, less floorMargin. Precision must stay 1 anyway (below).
	for _, s := range []struct {
		title, text, gold string
		body              []int
		floors            floors
	}{
		// P 1.000, R 0.400 (4 TP, 6 FN).
		{"article", "../article.txt", "testdata/gold_article.tsv", articleBody, floors{1.000 - floorMargin, 0.400 - floorMargin}},
		// P 1.000, R 0.833 (5 TP, 1 FN).
		{"set 2", "testdata/news_other.txt", "testdata/gold_news_other.tsv", []int{1}, floors{1.000 - floorMargin, 0.833 - floorMargin}},
		// P 1.000, R 0.867 (13 TP, 2 FN).
		{"set 3", "testdata/news_third.txt", "testdata/gold_news_third.tsv", []int{1, 2, 3}, floors{1.000 - floorMargin, 0.867 - floorMargin}},
	} {
		t.Run(s.title, func(t *testing.T) {
			lines := readLines(t, s.text)
			c := score(t, s.title+": PER with no people in the gazetteer; reported, fails on a false positive",
				onlyPER(readGold(t, s.gold, lines)), onlyPER(predicted(t, r, lines, s.body)))
			checkFloors(t, s.title+", PER from title cues alone", c, s.floors)
			all.tp, all.fp, all.fn = all.tp+c.tp, all.fp+c.fp, all.fn+c.fn
		})
	}
	t.Logf("people from title cues alone: TP %d FP %d FN %d, precision %.3f, recall %.3f", all.tp, all.fp, all.fn, all.p(), all.r())
	if all.fp > 0 {
		t.Errorf("the person rule found %d false positives", all.fp)
	}
}

// The blind sets of issue 16: real news of four desks other than politics
// (Fars News Agency, 1402; testdata/SOURCES.md), chosen and annotated by
// someone who had not opened the recognizer, committed on the gold branch
// and merged here before any rule was changed for them. The first score
// in each title is the blind one, measured at the merge (a72f514), after
// the word-boundary change of issue 16.1 and before any other of issue 16
// (the same figures as at 828d24b, before issue 16).

func TestQualitySportsNews(t *testing.T) {
	reportBlind(t, "sports (blind: PER LOC ORG DATE P 0.596, R 0.234; all P 0.682, R 0.337)", "news_sports", sportsFloors, sportsCore)
}

func TestQualityEconomyNews(t *testing.T) {
	reportBlind(t, "economy (blind: PER LOC ORG DATE P 0.862, R 0.662; all P 0.896, R 0.726)", "news_economy", economyFloors, economyCore)
}

func TestQualityCultureNews(t *testing.T) {
	reportBlind(t, "culture (blind: PER LOC ORG DATE P 0.814, R 0.438; all P 0.837, R 0.477)", "news_culture", cultureFloors, cultureCore)
}

func TestQualitySocietyNews(t *testing.T) {
	reportBlind(t, "society (blind: PER LOC ORG DATE P 0.690, R 0.500; all P 0.761, R 0.597)", "news_society", societyFloors, societyCore)
}

// The floors: the figures measured after the rules of issue 16.7 (given
// names that are everyday words, «امیر» before a given name, a demonym or
// a word in -ایی as a surname, names before a desk title, a learned name
// known in all its text, named places, «اول» as the day of a month;
// branch ent4), less floorMargin. Before them, after issue 16.5-16.6
// (branch ent3): sports all P 0.969 R 0.733, core P 0.962 R 0.703; economy
// 0.964 0.858, 0.954 0.828; culture 0.985 0.756, 0.983 0.738; society
// 0.955 0.889, 0.943 0.862. After issue 16.1-16.4: sports all P 0.726 R 0.448, core P 0.671 R 0.366; economy
// 0.896 0.726, 0.862 0.662; culture 0.881 0.605, 0.868 0.575; society 0.775
// 0.646, 0.714 0.560. The first, blind figures are in the test titles.
var (
	sportsFloors  = floors{0.987 - floorMargin, 0.855 - floorMargin}
	sportsCore    = floors{0.984 - floorMargin, 0.848 - floorMargin}
	economyFloors = floors{0.965 - floorMargin, 0.879 - floorMargin}
	economyCore   = floors{0.956 - floorMargin, 0.854 - floorMargin}
	cultureFloors = floors{0.986 - floorMargin, 0.837 - floorMargin}
	cultureCore   = floors{0.985 - floorMargin, 0.825 - floorMargin}
	societyFloors = floors{0.963 - floorMargin, 0.910 - floorMargin}
	societyCore   = floors{0.954 - floorMargin, 0.888 - floorMargin}
)

// TestQualityNonNews measures precision on non-news prose (issue 16.8):
// Rumi's Masnavi, five Persian Wikipedia paragraphs and the prose of a
// technical README (testdata/prose_mixed.txt, SOURCES.md), annotated with
// its few real entities. The target is at most one false positive per
// 1,000 words, over all kinds. The lines are recognised as the paragraphs
// of one plain-text document (RecognizeBlocks, no Markdown spans: the
// islands are those written in the text). Its first, blind score, measured at the
// merge (ea6fcbb, after issue 16.1 only), is in the title; at 828d24b,
// before issue 16, it had 10 false positives (4.57 per 1,000 words).
func TestQualityNonNews(t *testing.T) {
	const name = "prose_mixed"
	text, goldFile := "testdata/"+name+".txt", "testdata/gold_"+name+".tsv"
	lines := readLines(t, text)
	gold := readGold(t, goldFile, lines)
	body := bodyLines(lines)
	words := 0
	for _, ln := range body {
		words += len(strings.Fields(lines[ln-1]))
	}
	got := predictedBlocks(t, Default(), lines, body)
	c := score(t, "non-news prose (blind: 9 FP, 4.11 per 1,000 words; PER LOC ORG DATE P 0.714, R 0.179; all P 0.571, R 0.343) ("+text+") vs "+goldFile+"; reported, with regression floors", gold, got)
	perK := 1000 * float64(c.fp) / float64(words)
	t.Logf("non-news prose: %d words, %d false positives: %.2f per 1,000 words (at most %.2f)", words, c.fp, perK, nonNewsFPPerK)
	if perK > nonNewsFPPerK {
		t.Errorf("non-news prose: %.2f false positives per 1,000 words; want at most %.2f", perK, nonNewsFPPerK)
	}
	checkFloors(t, "non-news prose, PER LOC ORG DATE", count(gold, got, coreKinds), nonNewsCore)
}

// The limit: the target of issue 16.8, at most one false positive per
// 1,000 words. After issue 16.2 there were 3 (1.37 per 1,000 words); after
// the named places of issue 16.7, 2 (0.91). The floors: the figures then
// (PER LOC ORG DATE P 0.909, R 0.357) less floorMargin.
var (
	nonNewsFPPerK = 1.00
	nonNewsCore   = floors{0.909 - floorMargin, 0.357 - floorMargin}
)
