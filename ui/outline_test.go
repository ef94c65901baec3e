package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"rtlview/content"
	"rtlview/ui/layout"
)

// outlineDoc is a document with three sections, the second in Persian,
// each long enough that a heading is never on the screen of another.
func outlineDoc() *content.Document {
	doc := &content.Document{Format: content.FormatMarkdown}
	add := func(b content.Block) { doc.Blocks = append(doc.Blocks, b) }
	para := func(text string) {
		for range 30 {
			add(content.Block{Kind: content.Paragraph, Text: text, Break: true})
		}
	}
	add(content.Block{Kind: content.Heading, Level: 1, Text: "Introduction"})
	para("Some words of introduction.")
	add(content.Block{Kind: content.Heading, Level: 2, Text: "راهنمای نصب", Break: true})
	para("متن بخش نصب.")
	add(content.Block{Kind: content.Heading, Level: 2, Text: "Usage", Break: true})
	para("How to use it.")
	return doc
}

func TestHeadingsAndOutline(t *testing.T) {
	doc := outlineDoc()
	second, third := 31, 62
	if doc.Blocks[second].Kind != content.Heading || doc.Blocks[third].Kind != content.Heading {
		t.Fatal("test document is not as meant")
	}
	m := drive(t, New(doc, Config{Bidi: layout.App}), tea.WindowSizeMsg{Width: 80, Height: 20})
	status := func(m *Model) string {
		rows := strings.Split(m.screen(), "\n")
		return rows[len(rows)-1]
	}
	if !strings.Contains(status(m), "§ Introduction") {
		t.Errorf("status at the top: %q", status(m))
	}
	m = drive(t, m, keyMsg("]"))
	if m.sc.top != (pos{second, 0}) {
		t.Fatalf("] went to %+v, want block %d", m.sc.top, second)
	}
	// The Persian heading in reading order in the status bar.
	if want := "§ " + layout.Block(0, "راهنمای نصب", nil, layout.Options{Width: 80, Bidi: layout.App})[0].String(); !strings.Contains(status(m), want) {
		t.Errorf("status in the second section: %q, want %q", status(m), want)
	}
	m = drive(t, m, keyMsg("]"), keyMsg("]"))
	if m.sc.top.block != third || !strings.Contains(m.note, "no more headings") {
		t.Errorf("] past the last heading: top %+v, note %q", m.sc.top, m.note)
	}
	m = drive(t, m, keyMsg("["))
	if m.sc.top.block != second {
		t.Errorf("[ from the third heading: top %+v", m.sc.top)
	}
	m = drive(t, m, keyMsg("j"), keyMsg("["))
	if m.sc.top.block != second {
		t.Errorf("[ inside the second section goes to its heading: top %+v", m.sc.top)
	}

	// o lists the headings, the current section selected; down and
	// Enter go to the next one.
	m = drive(t, m, keyMsg("o"))
	v := checkFrame(t, m, "outline")
	if !m.outline.open || m.outline.sel != 1 || !strings.Contains(v, "Introduction") || !strings.Contains(v, "  Usage") || !strings.Contains(v, "› ") {
		t.Fatalf("outline:\n%s", v)
	}
	m = drive(t, m, keyMsg("j"), keyMsg("enter"))
	if m.outline.open || m.sc.top != (pos{third, 0}) {
		t.Errorf("enter in the outline: open %v, top %+v", m.outline.open, m.sc.top)
	}
	m = drive(t, m, keyMsg("o"), keyMsg("esc"))
	if m.outline.open || m.sc.top.block != third {
		t.Errorf("esc closes the outline where it was: %v %+v", m.outline.open, m.sc.top)
	}

	// A document without headings says so.
	plain := drive(t, New(content.Parse("a\nb"), Config{}), tea.WindowSizeMsg{Width: 40, Height: 10}, keyMsg("]"))
	if plain.note != "no headings" {
		t.Errorf("note %q", plain.note)
	}
}

// A link is an OSC 8 hyperlink around its text; a URL with anything but
// printable ASCII in it is no link (it could end the sequence early).
func TestHyperlinks(t *testing.T) {
	text := "see the docs and the other"
	d, o := strings.Index(text, "docs"), strings.Index(text, "other")
	doc := &content.Document{Blocks: []content.Block{{Kind: content.Paragraph, Text: text, Spans: []content.Span{
		{Start: d, End: d + 4, Kind: content.Link, Arg: "https://go.dev/doc/"},
		{Start: o, End: o + 5, Kind: content.Link, Arg: "https://evil.example/\x1b]0;pwned\x07"},
	}}}}
	m := drive(t, New(doc, Config{Bidi: layout.App}), tea.WindowSizeMsg{Width: 60, Height: 8})
	v := m.render()
	if !strings.Contains(v, "\x1b]8;;https://go.dev/doc/\x1b\\") || !strings.Contains(v, "\x1b]8;;\x1b\\") {
		t.Errorf("no hyperlink: %q", v)
	}
	if strings.Contains(v, "evil") || strings.Contains(v, "\x07") {
		t.Errorf("a URL with controls reached the screen: %q", v)
	}
}
