package content

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// markupLeft finds what must never reach Text: a tag (<i>, </i>, <font
// ...>, <c.x>, <00:00:01.000>) or an ASS override block. A '<' before a
// space or a non-ASCII letter is text.
var markupLeft = regexp.MustCompile(`<[/A-Za-z0-9]|\{\\`)

func readSubtitles(t *testing.T, name string) []Block {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "subtitles", name))
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	if strings.Contains(name, ".cp1256.") {
		// Until the input decoder guesses it, the test says the encoding.
		if text, err = charmap.Windows1256.NewDecoder().String(text); err != nil {
			t.Fatal(err)
		}
	}
	if !SniffSubtitles(text[:min(len(text), 512)]) {
		t.Errorf("%s: not sniffed as subtitles", name)
	}
	blocks, n := ParseSubtitles(text)
	if n != 0 {
		t.Errorf("%s: %d replaced", name, n)
	}
	for i, blk := range blocks {
		checkSpans(t, blk.Text, blk.Spans)
		for _, line := range strings.Split(blk.Text, "\n") {
			checkSafe(t, line)
		}
		if blk.Kind != Cue || blk.Dir != Auto || blk.Attrs == nil {
			t.Errorf("%s: block %d is %v, dir %d", name, i, blk.Kind, blk.Dir)
			continue
		}
		if m := markupLeft.FindString(blk.Text); m != "" {
			t.Errorf("%s: cue %d: markup %q left in %q", name, i, m, blk.Text)
		}
		if len(blk.Controls()) != 0 {
			t.Errorf("%s: cue %d: placeholders in %q", name, i, blk.Text)
		}
		if !strings.Contains(blk.Attrs.Cue.Timing, " --> ") || strings.ContainsAny(blk.Attrs.Cue.Timing, "\r\n") {
			t.Errorf("%s: cue %d: timing %q", name, i, blk.Attrs.Cue.Timing)
		}
	}
	return blocks
}

type cueWant struct {
	i             int // index in blocks
	index, timing string
	text          string
	spans         []string // spanString of the spans; nil for none
}

func checkCues(t *testing.T, name string, blocks []Block, want []cueWant) {
	t.Helper()
	for _, w := range want {
		b := blocks[w.i]
		c := b.Attrs.Cue
		got := spanString(b.Text, b.Spans)
		if c.Index != w.index || c.Timing != w.timing || b.Text != w.text || !slices.Equal(got, orEmpty(w.spans)) {
			t.Errorf("%s: cue %d = %q %q %q %q,\nwant %q %q %q %q", name, w.i, c.Index, c.Timing, b.Text, got, w.index, w.timing, w.text, w.spans)
		}
	}
}

func TestSubtitlesPersianSubRip(t *testing.T) {
	blocks := readSubtitles(t, "fa-subfixer.srt")
	if len(blocks) != 14 {
		t.Fatalf("%d cues, want 14", len(blocks))
	}
	checkCues(t, "fa-subfixer.srt", blocks, []cueWant{
		{0, "1", "00:03:40,375 --> 00:03:42,683", "[خلبان] برج Begumpet ، این Deccan Air 582 است.", nil},
		{1, "2", "00:03:42,683 --> 00:03:44,750", " حداقل سوخت ، درخواست\nترخیص کالا از گمرک.",
			[]string{"Emphasis « حداقل سوخت ، درخواست\nترخیص کالا از گمرک.»"}},
		{2, "3", "00:03:44,958 --> 00:03:46,250", "[اپراتور ATC]  Deccan Air 582 را برگردانید.",
			[]string{"Emphasis « Deccan Air 582 را برگردانید.»"}},
		// The translator's tool ate the "i>" of "<i>": the '<' before a
		// Persian letter is text, the stray "</i>" is dropped.
		{12, "1481", "01:23:31,833 --> 01:23:35,750", "<من پروردگار آتش عشق مرا عذاب می دهد", nil},
		{13, "1482", "01:23:35,750 --> 01:23:39,708", "<من پروردگار درد\nعشق باعث گریه من می شود", nil},
	})
}

func TestSubtitlesArabicWindows1256(t *testing.T) {
	blocks := readSubtitles(t, "ar-cv.cp1256.srt")
	if len(blocks) != 10 {
		t.Fatalf("%d cues, want 10", len(blocks))
	}
	checkCues(t, "ar-cv.cp1256.srt", blocks, []cueWant{
		// ASS override blocks dropped; a bare '&' is text.
		{0, "1", "00:00:03,616 --> 00:00:45,787", "ترجمة وتعديل\n||الدكتور علي طـلال & المهندس أحمد السـيّد ||", nil},
		// <i> over two lines (CR LF in the file).
		{1, "2", "00:00:50,616 --> 00:00:53,787", "سيّداتي وسادتي، هذه هي\n.اللحظة التي كنتم تتنظرونها",
			[]string{"Emphasis «سيّداتي وسادتي، هذه هي\n.اللحظة التي كنتم تتنظرونها»"}},
		// <font color="#ffff00"> dropped.
		{3, "4", "00:01:00,055 --> 00:01:01,857", "||أعظم رجل عروض فنية||", nil},
	})
}

func TestSubtitlesPersianWebVTT(t *testing.T) {
	blocks := readSubtitles(t, "fa-player.vtt")
	if len(blocks) != 11 {
		t.Fatalf("%d cues, want 11", len(blocks))
	}
	checkCues(t, "fa-player.vtt", blocks, []cueWant{
		{0, "1", "00:00:03.000 --> 00:00:09.000", "رسانه اینترنتی  مای موویز   MyMoviz  جامعترین سایت فیلم و سریال", nil},
		// The file's RLE (U+202B) at the start of each line is kept: the
		// bidi algorithm gives it its meaning.
		{5, "6", "00:01:31.550 --> 00:01:34.136", "\u202bرسیدیم داخلِ جایی که\n\u202bبهش میگن اگری\u200cجت", nil},
		{10, "11", "00:01:47.733 --> 00:01:49.359", "\u202bبچرخیم ببینیم چه خبره", nil},
	})
}

func TestSubtitlesHebrew(t *testing.T) {
	blocks := readSubtitles(t, "he-tor.srt")
	if len(blocks) != 35 {
		t.Fatalf("%d cues, want 35", len(blocks))
	}
	checkCues(t, "he-tor.srt", blocks, []cueWant{
		{0, "1", "00:00:00,660 --> 00:00:02,780", "התרגלנו מאוד לאינטרנט.", nil},
		{1, "2", "00:00:03,120 --> 00:00:07,700", "אנחנו משתפים מידע ברציפות\nעל עצמינו ועל חיינו הפרטיים:", nil},
	})
	if last := blocks[34].Attrs.Cue; last.Index != "35" {
		t.Errorf("last cue %+v", last)
	}
	for i, b := range blocks {
		if b.Attrs.Cue.Index != itoa(i+1, 1) || b.Text == "" {
			t.Errorf("cue %d: %+v %q", i, b.Attrs.Cue, b.Text)
		}
	}
}

// Yiddish in Hebrew script, with runs of blank lines between cues.
func TestSubtitlesYiddishBlankLines(t *testing.T) {
	blocks := readSubtitles(t, "yi-righttoleft.srt")
	if len(blocks) != 8 {
		t.Fatalf("%d cues, want 8", len(blocks))
	}
	checkCues(t, "yi-righttoleft.srt", blocks, []cueWant{
		{1, "2", "00:00:08,800 --> 00:00:11,000", "שטערן־דאַטע טױזענט דרײַהונדערט\nצװעלף פּונקט פֿיר.", nil},
		{2, "3", "00:00:11,100 --> 00:00:13,300", "דאָס אוממעגלעכס\nהאָט פּאַסירט.", nil},
	})
}

type simpleCue struct{ index, timing, text string }

func cues(blocks []Block) []simpleCue {
	out := []simpleCue{}
	for _, b := range blocks {
		c := simpleCue{text: b.Text}
		if b.Kind == Cue {
			c.index, c.timing = b.Attrs.Cue.Index, b.Attrs.Cue.Timing
		} else {
			c.index = "(" + b.Kind.String() + ")"
		}
		out = append(out, c)
	}
	return out
}

func TestSubtitlesLenient(t *testing.T) {
	const t1, t2 = "00:00:01,000 --> 00:00:02,000", "00:00:03,000 --> 00:00:04,000"
	tests := []struct {
		name, in string
		want     []simpleCue
	}{
		{"plain", "1\n00:00:01,000 --> 00:00:02,000\nسلام\n\n2\n00:00:03,000 --> 00:00:04,000\nخداحافظ\n",
			[]simpleCue{{"1", t1, "سلام"}, {"2", t2, "خداحافظ"}}},
		{"crlf, bom, trailing spaces", "\uFEFF1 \r\n00:00:01,000 --> 00:00:02,000  \r\nسلام  \r\nدنیا\t\r\n\r\n",
			[]simpleCue{{"1", t1, "سلام\nدنیا"}}},
		{"lone cr", "1\r00:00:01,000 --> 00:00:02,000\rسلام\r",
			[]simpleCue{{"1", t1, "سلام"}}},
		{"missing numbers", "00:00:01,000 --> 00:00:02,000\nالف\n\n00:00:03,000 --> 00:00:04,000\nب\n",
			[]simpleCue{{"", t1, "الف"}, {"", t2, "ب"}}},
		{"missing blank lines", "1\n00:00:01,000 --> 00:00:02,000\nالف\n2\n00:00:03,000 --> 00:00:04,000\nب",
			[]simpleCue{{"1", t1, "الف"}, {"2", t2, "ب"}}},
		{"missing blank line and number", "00:00:01,000 --> 00:00:02,000\nالف\n00:00:03,000 --> 00:00:04,000\nب",
			[]simpleCue{{"", t1, "الف"}, {"", t2, "ب"}}},
		{"dots, odd spacing, short fields", "1\n0:0:1.5-->00:00:02.000\nx\n\n2\n  00:03,000   ->  00:04,000\ny\n",
			[]simpleCue{{"1", "0:0:1.5 --> 00:00:02.000", "x"}, {"2", "00:03,000 --> 00:04,000", "y"}}},
		{"colon before milliseconds", "1\n00:00:01:000 --> 00:00:02:000\nx\n",
			[]simpleCue{{"1", "00:00:01:000 --> 00:00:02:000", "x"}}},
		{"blank line inside a cue", "1\n00:00:01,000 --> 00:00:02,000\nالف\n\nب\n\n2\n00:00:03,000 --> 00:00:04,000\nج\n",
			[]simpleCue{{"1", t1, "الف\nب"}, {"2", t2, "ج"}}},
		{"empty cue kept", "1\n00:00:01,000 --> 00:00:02,000\n\n2\n00:00:03,000 --> 00:00:04,000\nب\n",
			[]simpleCue{{"1", t1, ""}, {"2", t2, "ب"}}},
		{"numbers out of order kept", "7\n00:00:01,000 --> 00:00:02,000\nx\n\n3\n00:00:03,000 --> 00:00:04,000\ny\n",
			[]simpleCue{{"7", t1, "x"}, {"3", t2, "y"}}},
		{"a number as the last text line", "1\n00:00:01,000 --> 00:00:02,000\nسال\n1984\n",
			[]simpleCue{{"1", t1, "سال\n1984"}}},
		{"text before the first cue", "subtitles by X\n\n1\n00:00:01,000 --> 00:00:02,000\nx\n",
			[]simpleCue{{"(paragraph)", "", "subtitles by X"}, {"1", t1, "x"}}},
		{"srt: a word before a timing is text of the cue before", "1\n00:00:01,000 --> 00:00:02,000\nx\n\nword\n00:00:03,000 --> 00:00:04,000\ny\n",
			[]simpleCue{{"1", t1, "x\nword"}, {"", t2, "y"}}},
		{"webvtt", "WEBVTT - a title\nKind: captions\nLanguage: fa\n\nNOTE a comment\nover two lines\n\nSTYLE\n::cue { color: red }\n\nREGION\nid:r1\n\nintro\n00:01.000 --> 00:02.000 align:start position:10% region:r1\nسلام\n\n00:00:03.000 --> 00:00:04.000\nدنیا\n\nNOTE\nend\n",
			[]simpleCue{{"intro", "00:01.000 --> 00:02.000", "سلام"}, {"", "00:00:03.000 --> 00:00:04.000", "دنیا"}}},
		{"webvtt header alone", "WEBVTT\n", []simpleCue{}},
		{"webvtt cue right after the header", "WEBVTT\n00:01.000 --> 00:02.000\nx\n",
			[]simpleCue{{"", "00:01.000 --> 00:02.000", "x"}}},
		{"NOTE is a cue's text in SubRip", "1\n00:00:01,000 --> 00:00:02,000\nx\n\nNOTE this\n",
			[]simpleCue{{"1", t1, "x\nNOTE this"}}},
		{"empty input", "", []simpleCue{}},
		{"no cues", "just text\nmore", []simpleCue{{"(paragraph)", "", "just text"}, {"(paragraph)", "", "more"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			blocks, _ := ParseSubtitles(tc.in)
			if got := cues(blocks); !slices.Equal(got, tc.want) {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestSubtitlesMarkup(t *testing.T) {
	tests := []struct {
		name, in, text string
		spans          []string
	}{
		{"i b u s", "<i>a</i> <b>b</b> <u>c</u> <s>d</s>", "a b c d",
			[]string{"Emphasis «a»", "Strong «b»", "Underline «c»", "Strike «d»"}},
		{"upper case", "<I>a</I><B>b</B>", "ab", []string{"Emphasis «a»", "Strong «b»"}},
		{"over lines", "<i>سلام\nدنیا</i>", "سلام\nدنیا", []string{"Emphasis «سلام\nدنیا»"}},
		{"unclosed runs to the end", "<b>سلام\nدنیا", "سلام\nدنیا", []string{"Strong «سلام\nدنیا»"}},
		{"stray close ignored", "a</i>b", "ab", nil},
		{"nested same tag", "<i>a<i>b</i>c</i>", "abc", []string{"Emphasis «abc»"}},
		{"nested different tags", "<b>a<i>b</i></b>", "ab", []string{"Strong «ab»", "Emphasis «b»"}},
		{"empty tag pair", "<i></i>x", "x", nil},
		{"font dropped", `<font color="#ffff00">زرد</font> <font face="Tahoma" size="22">x</font>`, "زرد x", nil},
		{"webvtt class, voice, lang", "<c.yellow.bg_blue>a</c> <v Roger Bingham>b</v> <v.loud Esme>c</v> <lang en>d</lang>", "a b c d", nil},
		{"webvtt timestamps", "<00:00:01.000>one <00:00:02.500>two", "one two", nil},
		{"ruby", "<ruby>漢字<rt>かんじ</rt></ruby>", "漢字(かんじ)", nil},
		{"ruby unclosed rt", "<ruby>漢<rt>かん", "漢(かん)", nil},
		{"br", "a<br>b <br/>c", "a\nb\nc", nil},
		{"spaces before a closing tag at the end", "<i>a </i>\n<b>b  </b> ", "a\nb", []string{"Emphasis «a»", "Strong «b»"}},
		{"spaces at the end inside an unclosed tag", "a <i> ", "a", nil},
		{"leading spaces kept", "<i> a</i>", " a", []string{"Emphasis « a»"}},
		{"unknown tags dropped", `<span style="x">a</span><font>b`, "ab", nil},
		{"ass overrides", `{\an8}بالا {\i1}کج{\i0} {\c&H00FFFF&\fs20}x`, "بالا کج x", nil},
		{"braces without backslash are text", "{note} {", "{note} {", nil},
		{"unterminated ass block is text", `{\an8 x`, `{\an8 x`, nil},
		{"lt is text when no tag", "a < b <3 <- <<", "a < b <3 <- <<", nil},
		{"unterminated tag is text", "a <i b", "a <i b", nil},
		{"tag across lines is text", "<i\n>x", "<i\n>x", nil},
		{"entities", "&amp; &lt;i&gt; &quot;&apos; a&nbsp;b &lrm;x&rlm; &#1578;&#x62A;", "& <i> \"' a\u00a0b \u200ex\u200f تت", nil},
		{"unknown and bare ampersands", "a & b &foo; &amp &#; &#xZZ;", "a & b &foo; &amp &#; &#xZZ;", nil},
		{"numeric reference out of range", "&#1114112;&#0;&#xD800;", "\uFFFD\uFFFD\uFFFD", nil},
		{"escape in a cue", "a\x1b]52;c;aGk=\x07b", "a␛]52;c;aGk=␇b", []string{"Control «␛»", "Control «␇»"}},
		{"escape through a reference", "&#27;[2J&#x9b;", "␛[2J\uFFFD", []string{"Control «␛»", "Control «\uFFFD»"}},
		{"tab expanded after a tag", "<i>ab</i>\tc", "ab      c", []string{"Emphasis «ab»"}},
		{"c1 in text", "x\u0085y", "x\uFFFDy", []string{"Control «\uFFFD»"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			blocks, _ := ParseSubtitles("1\n00:00:01,000 --> 00:00:02,000\n" + tc.in + "\n")
			if len(blocks) != 1 {
				t.Fatalf("%d blocks", len(blocks))
			}
			b := blocks[0]
			got := spanString(b.Text, b.Spans)
			if b.Text != tc.text || !slices.Equal(got, orEmpty(tc.spans)) {
				t.Errorf("got %+q %q, want %+q %q", b.Text, got, tc.text, tc.spans)
			}
			checkSpans(t, b.Text, b.Spans)
		})
	}
}

func TestSubtitlesInvalidUTF8(t *testing.T) {
	blocks, n := ParseSubtitles("1\xff\n00:00:01,000 --> 00:00:02,000\nبد\xfe\n")
	// "1\xff" is no number: it is text before the cue.
	if n != 2 || len(blocks) != 2 || blocks[0].Text != "1\uFFFD" || blocks[1].Text != "بد\uFFFD" {
		t.Errorf("got %q, %d replaced", cues(blocks), n)
	}
	blocks, n = ParseSubtitles("WEBVTT\n\nid\x1b\xff\n00:01.000 --> 00:02.000\nx\n")
	if n != 1 || blocks[0].Attrs.Cue.Index != "id␛\uFFFD" {
		t.Errorf("got %q, %d replaced", cues(blocks), n)
	}
}

func TestSniffSubtitles(t *testing.T) {
	for _, s := range []string{
		"WEBVTT\n\n00:01.000 --> 00:02.000\nx", "\uFEFFWEBVTT - title\r\n", "WEBVTT",
		"1\n00:00:01,000 --> 00:00:02,000\nx", "\uFEFF1\r\n00:00:01,000 --> 00:00:02,000\r\n",
		"\n\n12\n00:00:01.000 --> 00:00:02.000", "00:00:01,000 --> 00:00:02,000\nx",
	} {
		if !SniffSubtitles(s) {
			t.Errorf("%+q not sniffed", s)
		}
	}
	for _, s := range []string{
		"", "WEBVTTx", "webvtt", "1\nhello", "1\n00:00:01,000\n", "# Title\n\ntext", string(article()),
		"\x1b[1;31mred\x1b[0m", "2024\n12:30 is lunch",
	} {
		if SniffSubtitles(s) {
			t.Errorf("%+q sniffed as subtitles", s[:min(len(s), 40)])
		}
	}
}

func FuzzSubtitles(f *testing.F) {
	for _, s := range []string{
		"", "1\n00:00:01,000 --> 00:00:02,000\n<i>سلام</i>\n\n2\n00:00:03,000 --> 00:00:04,000\n{\\an8}<font color=\"red\">x</font>\n",
		"WEBVTT\n\nNOTE x\n\nid\n00:01.000 --> 00:02.000 align:start\n<v A>a<c.b>b</c><00:01.500>c <ruby>d<rt>e</rt></ruby>\n",
		"\uFEFF1\r\n00:00:01.000-->00:00:02.000\r\n&amp;&#27;&#x9b;\x1b[2J\t\xff\r\n", "<b><i>x\n\ny</b>",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		blocks, _ := ParseSubtitles(in)
		for _, b := range blocks {
			// Only the hard line breaks of a cue are controls in Text.
			for _, line := range strings.Split(b.Text, "\n") {
				checkSafe(t, line)
			}
			if b.Kind == Paragraph && strings.Contains(b.Text, "\n") && !strings.Contains(strings.ToLower(in), "br") {
				t.Fatalf("paragraph with a line break: %+q", b.Text)
			}
			checkSpans(t, b.Text, b.Spans)
			if b.Kind == Cue && (b.Attrs == nil || strings.ContainsAny(b.Attrs.Cue.Timing, "\r\n")) {
				t.Fatalf("cue attrs %+v", b.Attrs)
			}
			if b.Attrs != nil {
				checkSafe(t, b.Attrs.Cue.Index)
				checkSafe(t, b.Attrs.Cue.Timing)
			}
		}
		// Placeholders are exactly the Control spans, when the input
		// holds no picture, U+FFFD or character reference of its own.
		if utf8.ValidString(in) && !strings.Contains(in, "&#") && !strings.ContainsFunc(in, func(r rune) bool { return r >= 0x2400 && r <= 0x2421 || r == utf8.RuneError }) {
			for _, b := range blocks {
				ctl := b.Controls()
				k := 0
				for i, r := range b.Text {
					if r >= 0x2400 && r <= 0x2421 || r == utf8.RuneError {
						if k >= len(ctl) || ctl[k].Start != i {
							t.Fatalf("placeholder at %d of %+q without its Control span %v", i, b.Text, ctl)
						}
						k++
					}
				}
				if k != len(ctl) {
					t.Fatalf("%+q: %d Control spans for %d placeholders", b.Text, len(ctl), k)
				}
			}
		}
		// No text is lost: every Arabic or Hebrew letter of valid
		// SubRip input outside markup and timing lines is in the blocks.
		if utf8.ValidString(in) && !strings.ContainsAny(in, "<{&") && !strings.Contains(in, "WEBVTT") {
			count := func(s string) (n int) {
				for _, r := range s {
					if r >= 0x0590 && r <= 0x06FF {
						n++
					}
				}
				return n
			}
			want := 0
			for i := 0; i < len(in); {
				line, next := nextLine(in, i)
				if _, _, ok := parseTiming(strings.TrimRight(line, " \t")); !ok {
					want += count(line)
				}
				i = next
			}
			got := 0
			for _, b := range blocks {
				got += count(b.Text)
				if b.Attrs != nil {
					got += count(b.Attrs.Cue.Index)
				}
			}
			if got != want {
				t.Fatalf("%d letters of %d kept: %+q -> %q", got, want, in, cues(blocks))
			}
		}
	})
}

func BenchmarkParseSubtitles(b *testing.B) {
	in, err := os.ReadFile(filepath.Join("testdata", "subtitles", "he-tor.srt"))
	if err != nil {
		b.Fatal(err)
	}
	text := strings.Repeat(string(in), 1<<20/len(in)) // about 1 MB
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		ParseSubtitles(text)
	}
}
