package content

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Pager output: what programs write for `less -R` (git log --color, man,
// grep --color, ls --color), so that rtlview can be PAGER, GIT_PAGER and
// MANPAGER. Two kinds of markup are understood, and nothing else:
//
//   - SGR, Select Graphic Rendition (ECMA-48 5th edition, 8.3.117):
//     ESC [ parameters m, the parameters digits separated by ';', with ':'
//     sub-parameters for the colour forms of ITU-T T.416 (38:5:n,
//     38:2::r:g:b, 38:2:r:g:b) and for underline styles (4:n). It becomes a
//     Style span whose Arg is the normalised parameter string of the whole
//     state in force, see (*Terminal).Line.
//   - Overstrike, as nroff writes for a line printer and man shows:
//     X BS X is X in bold (a Strong span), _ BS X is X underlined (an
//     Underline span), see overstrike below.
//
// Every other escape sequence (CSI other than SGR, OSC including OSC 52
// and OSC 8, DCS, APC, PM, SOS, a lone ESC), 8-bit C1 controls (CSI
// U+009B among them), the other C0 controls and DEL are defused as Defuse
// does for plain text: the control becomes its visible placeholder with a
// Control span, the bytes after it stay as text. An SGR sequence that is
// malformed (a byte other than a digit, ';' or ':', more than
// maxSGRFields numbers, a number over 65535, an incomplete or
// out-of-range colour, an intermediate byte) is never obeyed: it is shown
// the same way, placeholder and text.

// maxSGRFields bounds the numbers of one SGR sequence (sub-parameters
// included): six true colours and the attributes fit easily; more is not
// something a program writes.
const maxSGRFields = 32

// maxSGRLen bounds the parameter bytes scanned for one sequence, so that
// a long run of digits after ESC [ costs a bounded look-ahead per ESC.
const maxSGRLen = maxSGRFields * 6

// maxArgs bounds the cache of Arg strings of a Terminal.
const maxArgs = 1024

// Terminal parses pager output one line at a time. It carries the SGR
// state from line to line, since programs colour across line ends (git log
// --graph resets at the end of a commit, not of each line). The zero value
// is ready to use and starts in the default state.
type Terminal struct {
	cur  sgrState
	args map[sgrState]string // Arg strings, one per state met: equal states share one string
}

// sgrState is the graphic rendition in force.
type sgrState struct {
	attrs  uint8 // attr... bits
	fg, bg colour
}

const (
	attrBold = 1 << iota
	attrFaint
	attrItalic
	attrUnderline
	attrReverse
	attrStrike
)

// attrParams are the SGR parameters of the attr bits, in bit order: the
// order of the normalised Arg.
var attrParams = [...]string{"1", "2", "3", "4", "7", "9"}

// colour is a foreground or background colour; 0 is the default.
type colour uint32

const (
	colourBasic colour = 1 << 24 // low byte: the SGR parameter itself (30-37, 90-97, 40-47, 100-107)
	colour256   colour = 2 << 24 // low byte: the palette index
	colourRGB   colour = 3 << 24 // low 24 bits: red<<16 | green<<8 | blue
	colourKind  colour = 0xFF << 24
)

// Line returns the text of one line of pager output (without its line
// terminator) and its spans, and the number of invalid UTF-8 sequences
// replaced by U+FFFD. The text is the line without its SGR sequences and
// overstrikes, defused as Defuse does (TAB expanded to 8-cell stops
// counted on the text without the sequences).
//
// Style spans cover the characters written while a state other than the
// default was in force; Arg is that state as SGR parameters in a fixed
// order, so equal states have equal Args and a renderer can write
// "ESC [ " + Arg + "m" as it is: attributes first (1 bold, 2 faint, 3
// italic, 4 underline, 7 reverse, 9 strike, in that order), then the
// foreground (30-37, 90-97, 38;5;n or 38;2;r;g;b), then the background
// (40-47, 100-107, 48;5;n or 48;2;r;g;b). Numbers are written without
// leading zeros, colon forms with semicolons. Blink (5, 6), conceal (8),
// fonts (10-20), underline colour (58, 59) and other parameters that do
// not change which characters are shown are accepted and ignored;
// double underline (21) is underline. Spans are in order of Start; Style
// spans may contain Control spans and overlap Strong and Underline spans.
// The text is line itself, with no spans, when the line has no markup
// and no control character and the state is the default.
func (t *Terminal) Line(line string) (text string, spans []Span, replaced int) {
	if clean(line) {
		if t.cur == (sgrState{}) || line == "" {
			return line, nil, 0
		}
		return line, []Span{{Start: 0, End: len(line), Kind: Style, Arg: t.arg(t.cur)}}, 0
	}
	p := lineParser{t: t, lastStyle: -1}
	p.styleArg = t.arg(t.cur)
	for i := 0; i < len(line); {
		j := i
		for j < len(line) && line[j] != 0x1B && line[j] != '\b' {
			j++
		}
		if j < len(line) && line[j] == '\b' && j > i {
			// The character before the backspace may be struck over.
			_, n := utf8.DecodeLastRuneInString(line[i:j])
			k := j - n
			p.buf.writeString(line[i:k])
			if end := p.overstrike(line, k); end > 0 {
				i = end
				continue
			}
			p.buf.writeString(line[k:j])
		} else {
			p.buf.writeString(line[i:j])
		}
		if j == len(line) {
			break
		}
		if line[j] == 0x1B {
			if n, st, ok := parseSGR(line[j:], t.cur); ok {
				p.setState(st)
				i = j + n
				continue
			}
		}
		// A backspace with nothing to strike over, a lone ESC or the
		// ESC of any other sequence: its placeholder, and what follows
		// is text.
		p.buf.writeString(line[j : j+1])
		i = j + 1
	}
	return p.finish()
}

// Reset returns the parser to the default state, for a new input.
func (t *Terminal) Reset() { t.cur = sgrState{} }

// arg returns the normalised SGR parameters of st, "" for the default.
func (t *Terminal) arg(st sgrState) string {
	if st == (sgrState{}) {
		return ""
	}
	if a, ok := t.args[st]; ok {
		return a
	}
	var b strings.Builder
	for k, p := range attrParams {
		if st.attrs&(1<<k) != 0 {
			sep(&b)
			b.WriteString(p)
		}
	}
	writeColour(&b, st.fg, "38")
	writeColour(&b, st.bg, "48")
	a := b.String()
	if t.args == nil || len(t.args) >= maxArgs {
		// A bounded cache: input with millions of true colours must not
		// grow it without end; real output uses a few dozen states.
		t.args = make(map[sgrState]string)
	}
	t.args[st] = a
	return a
}

func sep(b *strings.Builder) {
	if b.Len() > 0 {
		b.WriteByte(';')
	}
}

func writeColour(b *strings.Builder, c colour, ext string) {
	if c == 0 {
		return
	}
	sep(b)
	v := int(c &^ colourKind)
	switch c & colourKind {
	case colourBasic:
		b.WriteString(strconv.Itoa(v))
	case colour256:
		b.WriteString(ext + ";5;" + strconv.Itoa(v))
	case colourRGB:
		b.WriteString(ext + ";2;" + strconv.Itoa(v>>16) + ";" + strconv.Itoa(v>>8&0xFF) + ";" + strconv.Itoa(v&0xFF))
	}
}

// lineParser is the work of one (*Terminal).Line.
type lineParser struct {
	t          *Terminal
	buf        textBuf
	markup     []Span // Style, Strong and Underline spans as they close
	styleStart int    // where the state in force began in buf
	styleArg   string // its Arg; "" for the default state
	lastStyle  int    // index in markup of the last Style span, -1 for none
	strong     run
	under      run
	// The last overstruck character: where it ended and its attributes,
	// to settle an overstruck underscore next to it.
	lastEnd   int
	lastFlags uint8
}

// run is an open span of consecutive overstruck characters.
type run struct{ start, end int }

func (p *lineParser) setState(st sgrState) {
	if st == p.t.cur {
		return
	}
	p.flushStyle()
	p.t.cur = st
	p.styleStart, p.styleArg = p.buf.Len(), p.t.arg(st)
}

func (p *lineParser) flushStyle() {
	if p.styleArg == "" || p.buf.Len() == p.styleStart {
		return
	}
	// A state left and taken again with no text in between (git writes
	// "+ESC[m ESC[32m..." for an added line) continues the same span.
	if k := p.lastStyle; k >= 0 && p.markup[k].End == p.styleStart && p.markup[k].Arg == p.styleArg {
		p.markup[k].End = p.buf.Len()
		return
	}
	p.lastStyle = len(p.markup)
	p.markup = append(p.markup, Span{Start: p.styleStart, End: p.buf.Len(), Kind: Style, Arg: p.styleArg})
}

// extend adds [start, end) to the run r of spans of kind, closing the run
// first when the range does not continue it.
func (p *lineParser) extend(r *run, kind SpanKind, start, end int) {
	if r.end > r.start && r.end == start {
		r.end = end
		return
	}
	p.flushRun(r, kind)
	r.start, r.end = start, end
}

func (p *lineParser) flushRun(r *run, kind SpanKind) {
	if r.end > r.start {
		p.markup = append(p.markup, Span{Start: r.start, End: r.end, Kind: kind})
	}
	*r = run{}
}

func (p *lineParser) finish() (string, []Span, int) {
	p.flushStyle()
	p.flushRun(&p.strong, Strong)
	p.flushRun(&p.under, Underline)
	sortByStart(p.markup)
	return p.buf.String(), mergeSpans(p.markup, p.buf.ctl), p.buf.replaced
}

// Overstrike flags.
const (
	osBold = 1 << iota
	osUnderline
)

// overstrike writes the overstruck character that starts at line[k], if
// one does, and returns the end of its bytes in line; 0 when line[k:]
// is not a character struck over by another.
//
// A cell is struck over by writing a character, one or more backspaces
// and another character, any number of times. The character kept is the
// last one that is not '_'. It is bold when it was struck twice in a row
// (X BS X, or X BS X BS X; underscores in between do not count) and
// underlined when an '_' was struck with it (_ BS X, X BS _, _ BS X BS X
// is bold and underlined). Other combinations (nroff's + BS o for a
// bullet) keep the last character with no attribute.
//
// _ BS _ is what nroff writes both for a bold underscore and for an
// underlined (italic) one. It takes the attributes of the overstruck
// character just before it, else of the one just after it (so the '_' of
// an italic file_name is underlined and that of a bold pthread_create is
// bold), else it is bold, as any X BS X.
func (p *lineParser) overstrike(line string, k int) int {
	end, final, flags, amb := scanOverstrike(line, k)
	if end == 0 {
		return 0
	}
	if amb {
		flags = osBold
		if p.lastFlags != 0 && p.lastEnd == p.buf.Len() {
			flags = p.lastFlags
		} else {
			for q := end; ; {
				e, _, f, a := scanOverstrike(line, q)
				if e == 0 {
					break
				}
				if !a {
					if f != 0 {
						flags = f
					}
					break
				}
				q = e
			}
		}
	}
	start := p.buf.Len()
	p.buf.writeRune(final)
	if flags&osBold != 0 {
		p.extend(&p.strong, Strong, start, p.buf.Len())
	}
	if flags&osUnderline != 0 {
		p.extend(&p.under, Underline, start, p.buf.Len())
	}
	p.lastEnd, p.lastFlags = p.buf.Len(), flags
	return end
}

// scanOverstrike reads the overstruck character that starts at s[k]: the
// end of its bytes (0 when there is none), the character kept, its
// flags, and whether it is the ambiguous _ BS _ (amb, flags 0).
func scanOverstrike(s string, k int) (end int, final rune, flags uint8, amb bool) {
	r, n := utf8.DecodeRuneInString(s[k:])
	if !struck(r, n) {
		return 0, 0, 0, false
	}
	final, count, under, strikes := rune('_'), 0, false, 0
	add := func(r rune) {
		if r == '_' {
			under = true
			return
		}
		if r == final {
			count++
		} else {
			final, count = r, 1
		}
	}
	add(r)
	end = k + n
	for {
		q := end
		for q < len(s) && s[q] == '\b' {
			q++
		}
		if q == end || q == len(s) {
			break
		}
		r, n := utf8.DecodeRuneInString(s[q:])
		if !struck(r, n) {
			break
		}
		add(r)
		strikes++
		end = q + n
	}
	if strikes == 0 {
		return 0, 0, 0, false
	}
	if final == '_' && count == 0 {
		return end, '_', 0, true
	}
	if count >= 2 {
		flags |= osBold
	}
	if under {
		flags |= osUnderline
	}
	return end, final, flags, false
}

// struck reports whether the decoded rune r (n bytes) can take part in
// an overstrike: a valid character that is not a control.
func struck(r rune, n int) bool {
	return !(r == utf8.RuneError && n == 1) && !IsControl(r)
}

// parseSGR reads an SGR sequence at the start of s (which starts with
// ESC) and returns its length and the state cur becomes; ok is false when
// s does not start with a well-formed SGR sequence (see the comment at
// the top of this file).
func parseSGR(s string, cur sgrState) (n int, st sgrState, ok bool) {
	if len(s) < 3 || s[0] != 0x1B || s[1] != '[' {
		return 0, cur, false
	}
	i := 2
	for i < len(s) && i-2 <= maxSGRLen && s[i] >= 0x30 && s[i] <= 0x3F {
		i++
	}
	if i >= len(s) || s[i] != 'm' || i-2 > maxSGRLen {
		return 0, cur, false
	}
	params := s[2:i]
	n = i + 1

	// Fields: vals holds every number (-1 where empty), groups[g] is the
	// index in vals of the first number of the g-th ';'-separated group.
	var vals [maxSGRFields]int32
	var groups [maxSGRFields + 1]uint8
	nv, ng := 0, 0
	v := int32(-1)
	for k := 0; k <= len(params); k++ {
		if k == len(params) || params[k] == ';' || params[k] == ':' {
			if nv == maxSGRFields {
				return 0, cur, false
			}
			vals[nv] = v
			nv++
			v = -1
			if k == len(params) || params[k] == ';' {
				ng++
				groups[ng] = uint8(nv)
			}
			continue
		}
		c := params[k]
		if c < '0' || c > '9' {
			return 0, cur, false // private parameters: < = > ?
		}
		if v < 0 {
			v = 0
		}
		v = v*10 + int32(c-'0')
		if v > 65535 {
			return 0, cur, false
		}
	}
	group := func(g int) []int32 { return vals[groups[g]:groups[g+1]] }
	// num is a parameter's value; empty is 0, the default of SGR.
	num := func(x int32) int { return int(max(x, 0)) }

	st = cur
	for g := 0; g < ng; g++ {
		f := group(g)
		p := num(f[0])
		if len(f) > 1 {
			// Sub-parameters (ITU-T T.416): 38:5:n, 38:2:[cs]:r:g:b, 4:n.
			switch p {
			case 38, 48, 58:
				c, ok := colonColour(f[1:])
				if !ok {
					return 0, cur, false
				}
				setColour(&st, p, c)
			case 4:
				if len(f) != 2 || num(f[1]) > 5 {
					return 0, cur, false
				}
				st.attrs = setAttr(st.attrs, attrUnderline, num(f[1]) != 0)
			default:
				return 0, cur, false
			}
			continue
		}
		switch {
		case p == 0:
			st = sgrState{}
		case p == 1:
			st.attrs |= attrBold
		case p == 2:
			st.attrs |= attrFaint
		case p == 3:
			st.attrs |= attrItalic
		case p == 4 || p == 21:
			st.attrs |= attrUnderline
		case p == 7:
			st.attrs |= attrReverse
		case p == 9:
			st.attrs |= attrStrike
		case p == 22:
			st.attrs &^= attrBold | attrFaint
		case p == 23:
			st.attrs &^= attrItalic
		case p == 24:
			st.attrs &^= attrUnderline
		case p == 27:
			st.attrs &^= attrReverse
		case p == 29:
			st.attrs &^= attrStrike
		case p >= 30 && p <= 37, p >= 90 && p <= 97:
			st.fg = colourBasic | colour(p)
		case p == 39:
			st.fg = 0
		case p >= 40 && p <= 47, p >= 100 && p <= 107:
			st.bg = colourBasic | colour(p)
		case p == 49:
			st.bg = 0
		case p == 38 || p == 48 || p == 58:
			// 38;5;n and 38;2;r;g;b: the numbers are the next groups.
			var c colour
			var used int
			if g+1 < ng && len(group(g+1)) == 1 {
				switch num(group(g + 1)[0]) {
				case 5:
					if g+2 < ng && len(group(g+2)) == 1 && num(group(g + 2)[0]) <= 255 {
						c, used = colour256|colour(num(group(g + 2)[0])), 2
					}
				case 2:
					if g+4 < ng && len(group(g+2)) == 1 && len(group(g+3)) == 1 && len(group(g+4)) == 1 {
						r, gr, b := num(group(g + 2)[0]), num(group(g + 3)[0]), num(group(g + 4)[0])
						if r <= 255 && gr <= 255 && b <= 255 {
							c, used = colourRGB|colour(r<<16|gr<<8|b), 4
						}
					}
				}
			}
			if used == 0 {
				return 0, cur, false
			}
			setColour(&st, p, c)
			g += used
		}
		// Anything else (blink, conceal, fonts, frames, overline...)
		// changes no character shown: accepted and ignored.
	}
	return n, st, true
}

// colonColour reads the sub-parameters after 38, 48 or 58 in the colon
// form: 5:n, 2:r:g:b or 2:cs:r:g:b (cs, the colour space, ignored).
func colonColour(f []int32) (colour, bool) {
	num := func(x int32) int { return int(max(x, 0)) }
	switch {
	case len(f) == 2 && num(f[0]) == 5 && f[1] >= 0 && f[1] <= 255:
		return colour256 | colour(f[1]), true
	case (len(f) == 4 || len(f) == 5) && num(f[0]) == 2:
		rgb := f[len(f)-3:]
		r, g, b := num(rgb[0]), num(rgb[1]), num(rgb[2])
		if r <= 255 && g <= 255 && b <= 255 {
			return colourRGB | colour(r<<16|g<<8|b), true
		}
	}
	return 0, false
}

func setColour(st *sgrState, p int, c colour) {
	switch p {
	case 38:
		st.fg = c
	case 48:
		st.bg = c
	}
	// 58, the underline colour, is not kept.
}

func setAttr(attrs uint8, a uint8, on bool) uint8 {
	if on {
		return attrs | a
	}
	return attrs &^ a
}

// ParseTerminal splits pager output into blocks, one Paragraph per line
// as Parse does (LF, CR LF or a lone CR end a line; a leading BOM is
// dropped; blank lines are blocks), each line read by one Terminal so
// that colours carry over line ends. It returns the blocks and the number
// of invalid UTF-8 sequences replaced. Block texts are substrings of
// text where a line had no markup and no control.
func ParseTerminal(text string) (blocks []Block, replaced int) {
	text = strings.TrimPrefix(text, "\uFEFF")
	if text == "" {
		return nil, 0
	}
	blocks = make([]Block, 0, strings.Count(text, "\n")+1)
	var t Terminal
	for i := 0; i < len(text); {
		line, next := nextLine(text, i)
		txt, spans, n := t.Line(line)
		blocks = append(blocks, Block{Kind: Paragraph, Text: txt, Spans: spans})
		replaced += n
		i = next
	}
	return blocks, replaced
}

// SniffTerminal reports whether prefix, the start of an input, looks like
// pager output: it holds a well-formed SGR sequence, or a character
// overstruck in bold or underlined (X BS X, _ BS X, _ BS _). Neither
// occurs in text meant to be read as it is, so this is checked before any
// other format.
func SniffTerminal(prefix string) bool {
	for i := 0; i < len(prefix); i++ {
		switch prefix[i] {
		case 0x1B:
			if _, _, ok := parseSGR(prefix[i:], sgrState{}); ok {
				return true
			}
		case '\b':
			if i == 0 {
				continue
			}
			_, n := utf8.DecodeLastRuneInString(prefix[:i])
			if end, _, flags, amb := scanOverstrike(prefix, i-n); end > 0 && (flags != 0 || amb) {
				return true
			}
		}
	}
	return false
}
