package layout

import (
	xbidi "golang.org/x/text/unicode/bidi"

	"rtlview/bidi"
	"rtlview/content"
)

// blockRTL decides a block's base direction: a code block is
// left-to-right; a prose block takes opt.Force when set, else its own Dir
// when its front-end gave one, else rules P2 and P3 of UAX #9 on its text
// outside the isolates (the first strong character), else opt.Dir (see
// Direction).
func blockRTL(b *content.Block, isolates []content.Range, opt Options) bool {
	switch {
	case b.Kind == content.Code:
		return false
	case opt.Force != content.Auto:
		return opt.Force == content.RTL
	case b.Dir != content.Auto:
		return b.Dir == content.RTL
	}
	return textRTL(b.Text, isolates, opt.Dir)
}

// textRTL is P2/P3 on text outside the isolates; dir when no strong
// character is found.
func textRTL(text string, isolates []content.Range, dir Direction) bool {
	from := 0
	for _, r := range append(isolates, content.Range{Start: len(text), End: len(text)}) {
		if r.Start > from {
			if d, ok := bidi.FirstStrong(text[from:r.Start]); ok {
				return d == bidi.RightToLeft
			}
		}
		from = max(from, r.End)
	}
	switch dir {
	case RTL:
		return true
	case Auto:
		for _, c := range text {
			if c >= 0x0660 && c <= 0x0669 || c >= 0x06F0 && c <= 0x06F9 {
				return true
			}
		}
	}
	return false
}

// majorityLimit bounds the text Majority reads: the direction of a 50 MB
// file is plain from its first megabyte, and the first screen must not
// wait for a scan of the whole file.
const majorityLimit = 1 << 20

// Majority returns the direction of the document's majority of strong
// characters (Bidi_Class L against R and AL) in the prose of its first
// megabyte: the direction of the reader's own rows (the entity panel,
// the outline). A tie, or no strong character at all, is LTR, as in rule
// P3.
func Majority(doc *content.Document) Direction {
	var l, r, seen int
	doc.Scan(0, doc.Len(), func(_ int, b *content.Block) bool {
		if !b.Prose() {
			return true
		}
		for _, c := range b.Text {
			if c < 0x80 {
				// ASCII: only letters are strong.
				if c|0x20 >= 'a' && c|0x20 <= 'z' {
					l++
				}
				continue
			}
			p, _ := xbidi.LookupRune(c)
			switch p.Class() {
			case xbidi.L:
				l++
			case xbidi.R, xbidi.AL:
				r++
			}
		}
		seen += len(b.Text)
		return seen < majorityLimit
	})
	if r > l {
		return RTL
	}
	return LTR
}
