package content_test

import (
	"fmt"

	"rtlview/content"
)

// git log colours the hash and the decoration; the colours become Style
// spans whose Arg is the whole state in force, and the text has no
// escape sequence left.
func ExampleTerminal_Line() {
	var t content.Terminal
	text, spans, _ := t.Line("\x1b[33m1ce632e\x1b[m\x1b[33m (\x1b[m\x1b[1;36mHEAD -> \x1b[m\x1b[1;32mmaster\x1b[m\x1b[33m)\x1b[m Update")
	fmt.Println(text)
	for _, s := range spans {
		fmt.Printf("%q %s\n", text[s.Start:s.End], s.Arg)
	}
	// Output:
	// 1ce632e (HEAD -> master) Update
	// "1ce632e (" 33
	// "HEAD -> " 1;36
	// "master" 1;32
	// ")" 33
}

// man writes bold and underlined words by overstriking.
func ExampleParseTerminal() {
	blocks, _ := content.ParseTerminal("N\bNA\bAM\bME\bE\n   x\bxz\bz _\bf_\bi_\bl_\be\n")
	for _, b := range blocks {
		fmt.Printf("%q", b.Text)
		for _, s := range b.Spans {
			fmt.Printf(" %s=%q", map[content.SpanKind]string{content.Strong: "bold", content.Underline: "underline"}[s.Kind], b.Text[s.Start:s.End])
		}
		fmt.Println()
	}
	// Output:
	// "NAME" bold="NAME"
	// "   xz file" bold="xz" underline="file"
}

func ExampleParseSubtitles() {
	srt := "1\r\n00:00:01,189 --> 00:00:06,210\r\n{\\an8}<i>سلام،\r\nدنیا</i>\r\n\r\n"
	blocks, _ := content.ParseSubtitles(srt)
	for _, b := range blocks {
		fmt.Printf("%s %q %s %q\n", b.Kind, b.Attrs.Cue.Index, b.Attrs.Cue.Timing, b.Text)
		for _, s := range b.Spans {
			fmt.Printf("emphasis %q\n", b.Text[s.Start:s.End])
		}
	}
	// Output:
	// cue "1" 00:00:01,189 --> 00:00:06,210 "سلام،\nدنیا"
	// emphasis "سلام،\nدنیا"
}
