package ui

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"rtlview/content"
	"rtlview/ui/layout"
)

// The built-in article's dates, checked by hand: the page prints «تاریخ
// انتشاردوشنبه ۲۴ مرداد ۱۴۰۱ - ۰۹:۱۴», Monday 15 August 2022 in Tehran.
// Laid out right to left without shaping, the Jalali date reads from the
// right: its words in reverse order, each word's letters reversed, the
// digit runs left to right, and each Arabic comma to the left of the
// number it follows.
const (
	articleGreg   = "Monday 15 August 2022 09:14" // 27 cells
	jalaliDate    = "دوشنبه ۲۴ مرداد ۱۴۰۱، ۰۹:۱۴" // 27 cells
	jalaliDateVis = "۰۹:۱۴ ،۱۴۰۱ دادرم ۲۴ هبنشود"
	// The article's row: the Jalali date, then the source it credits
	// (Meta.Source, «ایصال نیوز»): 39 cells.
	articleJalali = jalaliDate + "، ایصال نیوز"
	articleJalVis = "زوین لاصیا ،" + jalaliDateVis
)

func printPlain(t *testing.T, doc *content.Document, cfg PlainConfig) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Print(&buf, doc, cfg); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// ruleAt is the index of the title's underline, the first line of rule
// characters.
func ruleAt(t *testing.T, lines []string) int {
	t.Helper()
	for i, l := range lines {
		if s := strings.TrimSpace(l); s != "" && strings.Trim(s, "━") == "" {
			return i
		}
	}
	t.Fatalf("no rule under a title in %q", lines)
	return -1
}

// TestPlainHeaderArticle: plain mode prints the built-in article's header
// as the reader draws it: the title, underlined, then the date row with
// both calendars, then a blank line before the lead.
func TestPlainHeaderArticle(t *testing.T) {
	doc := content.Article()
	opt := layout.Options{Width: 80}
	out := printPlain(t, doc, PlainConfig{Options: opt})
	lines := strings.Split(out, "\n")
	// The title fits in 80 cells: one line, its rule, the date row.
	if ruleAt(t, lines) != 1 {
		t.Fatalf("rule on line %d, want 1: %q", ruleAt(t, lines), lines[:4])
	}
	// Gregorian at the left, Jalali and the source flush right: 80 - 27 -
	// 39 = 14 spaces.
	if want := articleGreg + strings.Repeat(" ", 14) + articleJalVis; lines[2] != want {
		t.Errorf("date row\n got %q\nwant %q", lines[2], want)
	}
	if lines[3] != "" || lines[4] == "" {
		t.Errorf("want one blank line between the header and the lead: %q", lines[3:5])
	}
	if strings.Count(out, articleGreg) != 1 || strings.Contains(out, "\x1b") {
		t.Errorf("the date row is not printed once, or the output has escapes")
	}

	// At 40 cells both do not fit on one row: the Jalali date and the
	// source flush right (40 - 39 = 1), then the Gregorian one.
	lines = strings.Split(printPlain(t, doc, PlainConfig{Options: layout.Options{Width: 40}}), "\n")
	r := ruleAt(t, lines)
	if got, want := lines[r+1:r+4], []string{strings.Repeat(" ", 1) + articleJalVis, articleGreg, ""}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("date rows at 40\n got %q\nwant %q", got, want)
	}

	// No width: one row, two spaces apart.
	lines = strings.Split(printPlain(t, doc, PlainConfig{Options: layout.Options{Width: 0}}), "\n")
	if want := articleGreg + "  " + articleJalVis; lines[2] != want {
		t.Errorf("date row at width 0\n got %q\nwant %q", lines[2], want)
	}

	// The terminal reorders (--bidi=terminal): the date in logical order.
	lines = strings.Split(printPlain(t, doc, PlainConfig{Options: layout.Options{Width: 80, Bidi: layout.Terminal}}), "\n")
	if want := articleGreg + strings.Repeat(" ", 14) + articleJalali; lines[2] != want {
		t.Errorf("date row with --bidi=terminal\n got %q\nwant %q", lines[2], want)
	}

	// Coloured, the two dates are dim (SGR 90, ThingDim's), the gap
	// between them is not.
	lines = strings.Split(printPlain(t, doc, PlainConfig{Options: opt, Color: true}), "\n")
	if want := "\x1b[90m" + articleGreg + "\x1b[0m" + strings.Repeat(" ", 14) + "\x1b[90m" + articleJalVis + "\x1b[0m"; lines[2] != want {
		t.Errorf("coloured date row\n got %q\nwant %q", lines[2], want)
	}
}

// TestPlainHeaderResidue: the scrape's «العا لم» at the end of the last
// paragraph is not printed (content.ParseArticle drops it).
func TestPlainHeaderResidue(t *testing.T) {
	out := printPlain(t, content.Article(), PlainConfig{Options: layout.Options{Width: 80, Bidi: layout.Terminal}})
	if strings.Contains(out, "العا") || !strings.HasSuffix(out, "را ساختگی و جعلی خواند.\n") {
		t.Errorf("the article's end: %q", out[max(0, len(out)-200):])
	}
}

// TestPlainHeaderMeta: a web article's metadata, as the reader shows it:
// the site beside the date in its script, no byline.
func TestPlainHeaderMeta(t *testing.T) {
	tehran := time.FixedZone("", 4*3600+1800)
	t.Run("latin site", func(t *testing.T) {
		doc := &content.Document{Format: content.FormatHTML,
			Meta: content.Meta{Title: "Example title", Site: "Example News", Byline: "A. Writer",
				Published: time.Date(2020, time.December, 1, 2, 0, 0, 0, time.FixedZone("", 3*3600))},
			Blocks: []content.Block{
				{Kind: content.Heading, Level: 1, Text: "Example title"},
				{Kind: content.Paragraph, Break: true, Text: "Body text."},
			}}
		got := printPlain(t, doc, PlainConfig{Options: layout.Options{Width: 60}})
		want := "Example title\n" + strings.Repeat("━", 13) + "\n" +
			"Example News · Tuesday 1 December 2020 02:00\n" +
			"\n" +
			"Body text.\n"
		if got != want {
			t.Errorf("got\n%s\nwant\n%s", got, want)
		}
	})
	t.Run("persian site", func(t *testing.T) {
		doc := &content.Document{Format: content.FormatHTML,
			Meta: content.Meta{Title: "عنوان", Site: "ایسنا", DateJalali: jalaliDate,
				Published: time.Date(2022, time.August, 15, 9, 14, 0, 0, tehran)},
			Blocks: []content.Block{
				{Kind: content.Heading, Level: 1, Text: "عنوان"},
				{Kind: content.Paragraph, Break: true, Text: "متن."},
			}}
		got := strings.Split(printPlain(t, doc, PlainConfig{Options: layout.Options{Width: 70}}), "\n")
		// «..., ۰۹:۱۴، ایسنا»: 27 + 2 + 5 = 34 cells; 70 - 27 - 34 = 9.
		want := []string{
			strings.Repeat(" ", 65) + "ناونع",
			strings.Repeat(" ", 65) + "━━━━━",
			articleGreg + strings.Repeat(" ", 9) + "انسیا ،" + jalaliDateVis,
			"",
			strings.Repeat(" ", 66) + ".نتم",
			"",
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("got\n%q\nwant\n%q", got, want)
		}
	})
	t.Run("title not a block", func(t *testing.T) {
		// The reader shows Meta.Title in its header whatever the blocks
		// are; plain mode prints it as a heading of its own.
		doc := &content.Document{Meta: content.Meta{Title: "Page title"},
			Blocks: []content.Block{{Kind: content.Paragraph, Text: "First."}, {Kind: content.Paragraph, Break: true, Text: "Second."}}}
		if got, want := printPlain(t, doc, PlainConfig{Options: layout.Options{Width: 40}}),
			"Page title\n━━━━━━━━━━\n\nFirst.\n\nSecond.\n"; got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	})
	t.Run("no metadata", func(t *testing.T) {
		doc := &content.Document{Blocks: []content.Block{{Kind: content.Paragraph, Text: "abc"}, {Kind: content.Paragraph, Text: "def"}}}
		if got := printPlain(t, doc, PlainConfig{Options: layout.Options{Width: 40}}); got != "abc\ndef\n" {
			t.Errorf("got %q", got)
		}
	})
}

// TestStreamHeader: plain mode reading a file as it streams prints a web
// page's header (its metadata is known before its first block) and none
// for a text file.
func TestStreamHeader(t *testing.T) {
	stream := func(path string, opt layout.Options) []string {
		t.Helper()
		var buf bytes.Buffer
		_, _, err := Stream(context.Background(), &buf, path, nil, content.LoadOptions{}, PlainConfig{Options: opt})
		if err != nil {
			t.Fatal(err)
		}
		return strings.Split(buf.String(), "\n")
	}
	html := filepath.Join("..", "content", "testdata", "html")
	// alyaum.com: site «alyaum», published 2020-12-01T02:00:00+03:00 (a
	// Tuesday), no Jalali date (content's TestHTMLPages).
	lines := stream(filepath.Join(html, "alyaum.com.6291787.html"), layout.Options{Width: 80})
	r := ruleAt(t, lines)
	if got := lines[r+1 : r+3]; got[0] != "alyaum · Tuesday 1 December 2020 02:00" || got[1] != "" {
		t.Errorf("alyaum: after the title %q", got)
	}
	// youm7.com: an Arabic site name without a Jalali date goes before
	// the Gregorian date (2020-08-24T09:23:13Z), in logical order here.
	lines = stream(filepath.Join(html, "youm7.com.4943459.html"), layout.Options{Width: 80, Bidi: layout.Terminal})
	r = ruleAt(t, lines)
	if got := lines[r+1]; got != "اليوم السابع · Monday 24 August 2020 09:23" {
		t.Errorf("youm7: date row %q", got)
	}

	txt := filepath.Join(t.TempDir(), "notes.txt")
	if err := os.WriteFile(txt, []byte("سلام\nworld\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// «سلام» right-aligned at 20 cells (4 letters, reversed), then the
	// Latin line: nothing else.
	if got, want := stream(txt, layout.Options{Width: 20}), []string{strings.Repeat(" ", 16) + "مالس", "world", ""}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("text file: %q, want %q", got, want)
	}
}
