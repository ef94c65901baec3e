package content

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Subtitles: SubRip (.srt, an informal format: a number line, a timing
// line "00:00:01,189 --> 00:00:06,210", the text lines, a blank line) and
// WebVTT (.vtt, W3C WebVTT: a "WEBVTT" header, then cues with an optional
// identifier line and a timing line that may carry cue settings, and
// NOTE, STYLE and REGION blocks). One parser reads both, leniently, since
// files in the wild break every rule: numbers missing or not in order,
// blank lines missing or doubled, CR LF, a BOM, trailing spaces, '.'
// for ',' in timings, HTML and ASS markup in SubRip. What it never does
// is lose a cue's text or show its markup.
//
// The decisions:
//
//   - A cue is a block of kind Cue: Attrs.Cue.Index is its number or
//     WebVTT identifier as written ("" when missing), Attrs.Cue.Timing
//     its start and end as written, joined by " --> " on one line
//     ("00:00:01,189 --> 00:00:06,210"). WebVTT cue settings
//     ("align:start position:10%") are dropped: they place the cue on a
//     video, which a reader has not got.
//   - Text is the cue's lines, trailing spaces removed, joined by "\n", a
//     hard line break inside the block; Dir is Auto. A cue without text
//     lines is kept, with empty Text, for its timing.
//   - A cue ends at a blank line, at a timing line, or at a number line
//     followed by a timing line (a missing blank line). Text after a blank
//     line that starts no cue (a blank line inside a cue) is added to the
//     cue before it as more lines; text before the first cue that is not
//     a WebVTT header becomes Paragraph blocks, one per line.
//   - In WebVTT, the header block and the NOTE, STYLE and REGION blocks
//     are skipped; a line before a timing line at the start of a block is
//     the cue's identifier. In SubRip only a number line is an identifier:
//     other text there belongs to the cue before.
//   - Tags are never shown. <i>, <b>, <u> and <s> (any case) become
//     Emphasis, Strong, Underline and Strike spans; an unclosed one runs
//     to the end of the cue, a stray closing one is ignored. <br> is a
//     line break. <ruby> text keeps its <rt> annotation, in parentheses
//     after it ("base(annotation)"), as plain text writes ruby. Every
//     other tag is dropped with its attributes, keeping the text inside:
//     <font color=...> (colours are the reader's to choose), <c.class>,
//     <lang xx>, <v Speaker> (the speaker's name is an annotation, not
//     shown by players, so it is not in Text either), WebVTT timestamps
//     <00:00:01.000>, and any unknown <name ...>. A '<' that does not start
//     a tag on the same line ("x < y", "<3") is text.
//   - ASS/SSA override blocks "{\...}" ({\an8}, {\i1}, {\c&H00FFFF&}) are
//     dropped; other braces are text.
//   - Character references: &amp; &lt; &gt; &quot; &apos; &nbsp; &lrm;
//     &rlm; and numeric ones (&#1578; &#x62A;) are decoded; any other '&'
//     is text.
//   - The text is defused as plain text is (Defuse: controls become
//     placeholders with Control spans, TAB is expanded, invalid UTF-8
//     becomes U+FFFD), decoded references included, so that nothing in a
//     cue can talk to the terminal.

// maxMarkup bounds how far a tag or an ASS block may run before its '>'
// or '}': further, the '<' or '{' is text.
const maxMarkup = 512

// ParseSubtitles reads a SubRip or WebVTT document (already decoded to
// UTF-8) into blocks, one Cue per cue, and returns the number of invalid
// UTF-8 sequences replaced. See the rules above.
func ParseSubtitles(text string) (blocks []Block, replaced int) {
	text = strings.TrimPrefix(text, "\uFEFF")
	var lines []string
	for i := 0; i < len(text); {
		line, next := nextLine(text, i)
		lines = append(lines, strings.TrimRight(line, " \t"))
		i = next
	}
	vtt := len(lines) > 0 && isWebVTTHeader(lines[0])

	type cue struct {
		cue        bool // false: a line before the first cue
		id, timing string
		lines      []string
	}
	var cues []cue
	last := -1 // the last cue in cues, -1 before the first

	// cueAt reports whether a cue starts at line i: at its timing line,
	// or at an identifier line before one.
	cueAt := func(i int, blockStart bool) (id, timing string, next int, ok bool) {
		if a, b, ok := parseTiming(lines[i]); ok {
			return "", a + " --> " + b, i + 1, true
		}
		if i+1 < len(lines) {
			if a, b, ok := parseTiming(lines[i+1]); ok {
				id := strings.TrimSpace(lines[i])
				if isNumber(id) || vtt && blockStart {
					return id, a + " --> " + b, i + 2, true
				}
			}
		}
		return "", "", i, false
	}

	i := 0
	if vtt {
		// The header: "WEBVTT" and any lines up to a blank line.
		for i = 1; i < len(lines) && lines[i] != ""; i++ {
			if _, _, ok := parseTiming(lines[i]); ok {
				break
			}
		}
	}
	blockStart := true
	for i < len(lines) {
		if lines[i] == "" {
			blockStart = true
			i++
			continue
		}
		if id, timing, next, ok := cueAt(i, blockStart); ok {
			c := cue{cue: true, id: id, timing: timing}
			for i = next; i < len(lines) && lines[i] != ""; i++ {
				if _, _, _, ok := cueAt(i, false); ok {
					break
				}
				c.lines = append(c.lines, lines[i])
			}
			cues = append(cues, c)
			last = len(cues) - 1
			blockStart = false
			continue
		}
		if vtt && blockStart && isWebVTTBlock(lines[i]) {
			for i++; i < len(lines) && lines[i] != ""; i++ {
				if _, _, ok := parseTiming(lines[i]); ok {
					break
				}
			}
			continue
		}
		// Text that starts no cue: more lines of the cue before, or
		// lines before the first cue.
		for ; i < len(lines) && lines[i] != ""; i++ {
			if _, _, _, ok := cueAt(i, false); ok {
				break
			}
			if last >= 0 {
				cues[last].lines = append(cues[last].lines, lines[i])
			} else {
				cues = append(cues, cue{lines: []string{lines[i]}})
			}
		}
		blockStart = false
	}

	blocks = make([]Block, 0, len(cues))
	for _, c := range cues {
		txt, spans, n := cueText(c.lines)
		replaced += n
		b := Block{Kind: Cue, Text: txt, Spans: spans}
		if !c.cue {
			b.Kind = Paragraph
		} else {
			var id textBuf
			id.writeString(c.id)
			replaced += id.replaced
			b.Attrs = &Attrs{Cue: CueData{Index: id.String(), Timing: c.timing}}
		}
		blocks = append(blocks, b)
	}
	return blocks, replaced
}

// SniffSubtitles reports whether prefix, the start of an input, is
// WebVTT (a "WEBVTT" first line) or SubRip (after any blank lines, a
// number line followed by a timing line, or a timing line).
func SniffSubtitles(prefix string) bool {
	s := strings.TrimPrefix(prefix, "\uFEFF")
	if isWebVTTHeader(s[:min(len(s), 7)]) {
		return true
	}
	var first, second string
	i := 0
	for i < len(s) && first == "" {
		first, i = nextLine(s, i)
		first = strings.TrimSpace(first)
	}
	if i < len(s) {
		second, _ = nextLine(s, i)
	}
	if _, _, ok := parseTiming(first); ok {
		return true
	}
	_, _, ok := parseTiming(second)
	return ok && isNumber(first)
}

// isWebVTTHeader: "WEBVTT" alone or followed by a space or tab (then a
// title), as the WebVTT parser requires.
func isWebVTTHeader(line string) bool {
	rest, ok := strings.CutPrefix(line, "WEBVTT")
	return ok && (rest == "" || rest[0] == ' ' || rest[0] == '\t' || rest[0] == '\n' || rest[0] == '\r')
}

// isWebVTTBlock: the first line of a NOTE (comment), STYLE or REGION block.
func isWebVTTBlock(line string) bool {
	if rest, ok := strings.CutPrefix(line, "NOTE"); ok {
		return rest == "" || rest[0] == ' ' || rest[0] == '\t'
	}
	return line == "STYLE" || line == "REGION"
}

func isNumber(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// parseTiming reads a timing line: a timestamp, an arrow ("-->", or any
// run of '-' before '>'), a timestamp, and optional settings after
// whitespace. Spaces around the arrow may be missing or many. It returns
// the two timestamps as written.
func parseTiming(line string) (start, end string, ok bool) {
	s := strings.TrimLeft(line, " \t")
	start, s, ok = timestamp(s)
	if !ok {
		return "", "", false
	}
	s = strings.TrimLeft(s, " \t")
	k := 0
	for k < len(s) && s[k] == '-' {
		k++
	}
	if k == 0 || k == len(s) || s[k] != '>' {
		return "", "", false
	}
	s = strings.TrimLeft(s[k+1:], " \t")
	end, s, ok = timestamp(s)
	if !ok || s != "" && s[0] != ' ' && s[0] != '\t' {
		return "", "", false
	}
	return start, end, true
}

// timestamp reads [hours:]minutes:seconds[(,|.|:)fraction] at the start
// of s: SubRip's 00:00:01,189, WebVTT's 00:01.189 or 100:00:01.189, and
// the usual slips (one-digit fields, '.' or ':' before the fraction, no
// fraction).
func timestamp(s string) (ts, rest string, ok bool) {
	i, fields := 0, 0
	for {
		d := i
		for i < len(s) && i-d < 10 && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == d || fields > 0 && i-d > 2 {
			return "", s, false
		}
		fields++
		if fields == 3 || i == len(s) || s[i] != ':' || i+1 == len(s) || s[i+1] < '0' || s[i+1] > '9' {
			break
		}
		i++
	}
	if fields < 2 {
		return "", s, false
	}
	if i+1 < len(s) && (s[i] == ',' || s[i] == '.' || s[i] == ':') && s[i+1] >= '0' && s[i+1] <= '9' {
		i++
		for d := i; i < len(s) && i-d < 9 && s[i] >= '0' && s[i] <= '9'; i++ {
		}
	}
	return s[:i], s[i:], true
}

// Inline markup kinds of a cue, indices of cueParser.open.
const (
	tagI = iota
	tagB
	tagU
	tagS
	nTags
)

var tagKinds = [nTags]SpanKind{Emphasis, Strong, Underline, Strike}

// cueParser builds a cue's Text and spans from its lines.
type cueParser struct {
	buf    textBuf
	markup []Span
	open   [nTags]struct{ start, depth int }
	rt     int // open <rt> annotations
	// lineStart is where the current line of the cue starts in buf.
	lineStart int
}

// cueText returns the text of a cue's lines joined by "\n", its spans
// and the count of invalid UTF-8 sequences replaced.
func cueText(lines []string) (string, []Span, int) {
	var p cueParser
	for li, line := range lines {
		if li > 0 {
			p.newline()
		}
		for i := 0; i < len(line); {
			j := i
			for j < len(line) && line[j] != '<' && line[j] != '{' && line[j] != '&' {
				j++
			}
			p.buf.writeString(line[i:j])
			if j == len(line) {
				break
			}
			n := 0
			switch line[j] {
			case '<':
				n = p.tag(line[j:])
			case '{':
				n = assBlock(line[j:])
			case '&':
				var r rune
				if r, n = charRef(line[j:]); n > 0 {
					p.buf.writeRune(r)
				}
			}
			if n == 0 {
				p.buf.writeString(line[j : j+1])
				n = 1
			}
			i = j + n
		}
	}
	p.trimLineEnd()
	for ; p.rt > 0; p.rt-- {
		p.buf.writeString(")")
	}
	for k := range p.open {
		if p.open[k].depth > 0 {
			p.open[k].depth = 1
			p.close(k)
		}
	}
	sortByStart(p.markup)
	return p.buf.String(), mergeSpans(p.markup, p.buf.ctl), p.buf.replaced
}

// newline ends the current line of the cue with a hard line break.
func (p *cueParser) newline() {
	p.trimLineEnd()
	p.buf.newline()
	p.lineStart = p.buf.Len()
}

// trimLineEnd removes the spaces at the end of the current line, which
// the line's last tags hid from the trimming of the input lines
// ("text </i>"), clipping the spans that covered them.
func (p *cueParser) trimLineEnd() {
	b := p.buf.b
	n := len(b)
	for n > p.lineStart && b[n-1] == ' ' {
		n--
	}
	if n == len(b) {
		return
	}
	p.buf.b = b[:n]
	p.buf.seg = min(p.buf.seg, n)
	kept := p.markup[:0]
	for _, s := range p.markup {
		s.End = min(s.End, n)
		if s.Start < s.End {
			kept = append(kept, s)
		}
	}
	p.markup = kept
	for k := range p.open {
		p.open[k].start = min(p.open[k].start, n)
	}
}

// tag reads the tag at the start of s ('<') and acts on it; it returns
// its length, 0 when s does not start with a tag.
func (p *cueParser) tag(s string) int {
	end := strings.IndexByte(s[:min(len(s), maxMarkup)], '>')
	if end < 0 {
		return 0
	}
	body := s[1:end]
	closing := strings.HasPrefix(body, "/")
	if closing {
		body = body[1:]
	}
	if body == "" || strings.IndexByte(body, '<') >= 0 {
		return 0
	}
	if body[0] >= '0' && body[0] <= '9' {
		// A WebVTT timestamp tag, <00:00:01.000>: karaoke timing, dropped.
		if !closing && strings.Trim(body, "0123456789:.,") == "" {
			return end + 1
		}
		return 0
	}
	k := 0
	for k < len(body) && (asciiLetter(body[k]) || k > 0 && body[k] >= '0' && body[k] <= '9') {
		k++
	}
	if k == 0 || k < len(body) && !strings.ContainsRune(". \t/", rune(body[k])) {
		return 0
	}
	switch strings.ToLower(body[:k]) {
	case "i":
		p.tagOpenClose(tagI, closing)
	case "b":
		p.tagOpenClose(tagB, closing)
	case "u":
		p.tagOpenClose(tagU, closing)
	case "s":
		p.tagOpenClose(tagS, closing)
	case "br":
		p.newline()
	case "rt":
		if !closing {
			p.buf.writeString("(")
			p.rt++
		} else if p.rt > 0 {
			p.buf.writeString(")")
			p.rt--
		}
	}
	return end + 1
}

func (p *cueParser) tagOpenClose(k int, closing bool) {
	o := &p.open[k]
	if !closing {
		if o.depth == 0 {
			o.start = p.buf.Len()
		}
		o.depth++
		return
	}
	p.close(k)
}

func (p *cueParser) close(k int) {
	o := &p.open[k]
	if o.depth == 0 {
		return
	}
	o.depth--
	if o.depth == 0 && p.buf.Len() > o.start {
		p.markup = append(p.markup, Span{Start: o.start, End: p.buf.Len(), Kind: tagKinds[k]})
	}
}

func asciiLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// assBlock returns the length of the ASS/SSA override block "{\...}" at
// the start of s, 0 when there is none.
func assBlock(s string) int {
	if len(s) < 2 || s[1] != '\\' {
		return 0
	}
	return strings.IndexByte(s[:min(len(s), maxMarkup)], '}') + 1
}

// charRef decodes the character reference at the start of s ('&'): the
// character and the reference's length, 0 when it is not one.
func charRef(s string) (rune, int) {
	end := strings.IndexByte(s[:min(len(s), 12)], ';')
	if end < 2 {
		return 0, 0
	}
	name := s[1:end]
	if name[0] == '#' {
		base, digits := 10, name[1:]
		if digits != "" && (digits[0] == 'x' || digits[0] == 'X') {
			base, digits = 16, digits[1:]
		}
		v, err := strconv.ParseUint(digits, base, 32)
		if err != nil {
			return 0, 0
		}
		r := rune(v)
		if v > utf8.MaxRune || !utf8.ValidRune(r) || r == 0 {
			r = utf8.RuneError
		}
		return r, end + 1
	}
	switch name {
	case "amp":
		return '&', end + 1
	case "lt":
		return '<', end + 1
	case "gt":
		return '>', end + 1
	case "quot":
		return '"', end + 1
	case "apos":
		return '\'', end + 1
	case "nbsp":
		return '\u00A0', end + 1
	case "lrm":
		return '\u200E', end + 1
	case "rlm":
		return '\u200F', end + 1
	}
	return 0, 0
}
