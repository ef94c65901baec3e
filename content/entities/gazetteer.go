package entities

import (
	_ "embed"
	"fmt"
	"strings"
	"unicode/utf8"

	"rtlview/content"
)

//go:embed gazetteer.tsv
var embeddedGazetteer string

// entry is one line of a gazetteer: a named entity and what is known of it.
type entry struct {
	kind      Kind
	canonical string
	of, role  string
	// roles are the roles of a role= attribute with years
	// («وزیر خارجه@2021-2024|وزیر خارجه پیشین@2025-»); role is then
	// the last of them.
	roles []datedRole
}

// datedRole is a role and the years (Gregorian, inclusive; 0 when open)
// in which it was held.
type datedRole struct {
	role     string
	from, to int
}

// parseRoles parses the value of role=: roles separated by |, each
// perhaps with the years it was held: ROLE@FROM-TO, ROLE@FROM- (still
// held), ROLE@-TO, ROLE@YEAR. It returns the role to show with no date
// (the last one) and the dated roles, nil when none has years.
func parseRoles(v string) (string, []datedRole, error) {
	if !strings.ContainsAny(v, "@|") {
		return v, nil, nil
	}
	var out []datedRole
	for _, p := range strings.Split(v, "|") {
		role, years, dated := strings.Cut(p, "@")
		d := datedRole{role: strings.Join(strings.Fields(role), " ")}
		if d.role == "" {
			return "", nil, fmt.Errorf("role %q: an empty role", p)
		}
		if dated {
			from, to, rng := strings.Cut(strings.TrimSpace(years), "-")
			if !rng {
				to = from
			}
			var err error
			if d.from, err = roleYear(from); err == nil {
				d.to, err = roleYear(to)
			}
			if err != nil || d.to != 0 && d.from > d.to || from == "" && to == "" {
				return "", nil, fmt.Errorf("role %q: want ROLE@FROM-TO with years (either may be left out)", p)
			}
		}
		out = append(out, d)
	}
	return out[len(out)-1].role, out, nil
}

// roleYear parses a year of a dated role: ASCII digits, or "" (open).
func roleYear(s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	y := 0
	for _, c := range s {
		if c < '0' || c > '9' || y > 99999 {
			return 0, fmt.Errorf("bad year %q", s)
		}
		y = 10*y + int(c-'0')
	}
	return y, nil
}

// roleIn returns the role of en held in year: the first dated role whose
// years hold it, else "" when en has dated roles, else its one role.
func (en *entry) roleIn(year int) string {
	if en.roles == nil {
		return en.role
	}
	for _, d := range en.roles {
		if (d.from == 0 || year >= d.from) && (d.to == 0 || year <= d.to) && (d.from != 0 || d.to != 0) {
			return d.role
		}
	}
	return ""
}

// variant is one spelling of an entry, as the words of its folded form.
type variant struct {
	key   string // the folded words joined without separators
	entry int32
	cue   bool // counts only next to a cue word («?» in the TSV)
}

type node struct {
	edges []edge
	// space is the child under spaceMark, or -1. walkName asks for it at
	// every letter of a word, nearly always of a node that has none: a
	// field makes that a load rather than a search of edges.
	space int32
	// dense is the node's table in index.dense, or -1 (see denseEdges).
	dense int32
	// has says that a spelling ends here: of entry, a cue-only one if cue.
	has   bool
	cue   bool
	entry int32
}

// newNode is a node with no children.
var newNode = node{space: -1, dense: -1}

type edge struct {
	b    byte
	next int32
}

// denseEdges is the number of edges from which a node gets a table of
// its children by byte. The few nodes that have that many are the busiest:
// the root, where every word of a text starts, and the lead bytes of the
// Arabic block under it (0xD8, 0xD9, 0xDA, 0xDB), whose children are the
// letters of the alphabet: the walk from each word of a text passes
// there, and a search of their edges was most of the cost of child.
const denseEdges = 8

func (x *index) child(n int32, b byte) int32 {
	return x.childOf(&x.nodes[n], b)
}

// childOf is child for a node at hand.
func (x *index) childOf(nd *node, b byte) int32 {
	if nd.dense >= 0 {
		return x.dense[nd.dense][b]
	}
	for _, e := range nd.edges {
		if e.b == b {
			return e.next
		}
	}
	return -1
}

// step follows the rune r (its UTF-8 bytes) from node n. Inside a word
// of the text (glue), a boundary of the spelling may be missing before
// it: «کره‌شمالی» and the «کرهشمالی» of a page that lost its ZWNJs are
// «کره شمالی». The direct path is preferred; the walk does not come back
// to try the other.
func (x *index) step(n int32, r string, glue bool) int32 {
	c := x.path(n, r)
	if c < 0 && glue {
		if s := x.child(n, spaceMark); s >= 0 {
			c = x.path(s, r)
		}
	}
	return c
}

// path follows the bytes of s from node n, or returns -1.
func (x *index) path(n int32, s string) int32 {
	for i := 0; i < len(s) && n >= 0; i++ {
		n = x.child(n, s[i])
	}
	return n
}

func (x *index) insert(v variant) {
	n := int32(0)
	for i := 0; i < len(v.key); i++ {
		c := x.child(n, v.key[i])
		if c < 0 {
			c = int32(len(x.nodes))
			x.nodes = append(x.nodes, newNode)
			x.nodes[n].edges = append(x.nodes[n].edges, edge{v.key[i], c})
			if v.key[i] == spaceMark {
				x.nodes[n].space = c
			}
		}
		n = c
	}
	// A later entry (a user's gazetteer) overrides an earlier spelling.
	x.nodes[n].has = true
	x.nodes[n].entry = v.entry
	x.nodes[n].cue = v.cue
}

func buildIndex(entries []entry, variants []variant) *index {
	x := &index{entries: entries, nodes: make([]node, 1, 8*len(variants)+1)}
	x.nodes[0] = newNode
	for _, v := range variants {
		x.insert(v)
	}
	// The tables of the busy nodes, once the trie is whole.
	for n := range x.nodes {
		nd := &x.nodes[n]
		if len(nd.edges) < denseEdges {
			continue
		}
		var t [256]int32
		for b := range t {
			t[b] = -1
		}
		for _, e := range nd.edges {
			t[e.b] = e.next
		}
		nd.dense = int32(len(x.dense))
		x.dense = append(x.dense, t)
	}
	return x
}

func (r *Recognizer) index() *index {
	x := r.idx.Load()
	if x == nil {
		// The zero Recognizer is an empty one.
		x = buildIndex(nil, nil)
		r.idx.CompareAndSwap(nil, x)
		x = r.idx.Load()
	}
	return x
}

// parseLine parses one gazetteer line. A blank or comment line gives the
// zero entry and no error.
func parseLine(s string, id int32) (entry, []variant, error) {
	s = strings.TrimSuffix(s, "\r")
	if strings.TrimSpace(s) == "" || strings.HasPrefix(strings.TrimLeft(s, " \t"), "#") {
		return entry{}, nil, nil
	}
	if !utf8.ValidString(s) {
		return entry{}, nil, fmt.Errorf("invalid UTF-8")
	}
	f := strings.Split(s, "\t")
	if len(f) < 2 {
		return entry{}, nil, fmt.Errorf("want KIND<TAB>CANONICAL[<TAB>VARIANTS[<TAB>ATTRIBUTES]], found no TAB")
	}
	if len(f) > 4 {
		return entry{}, nil, fmt.Errorf("%d fields, want at most 4 (KIND, CANONICAL, VARIANTS, ATTRIBUTES)", len(f))
	}
	kind, err := ParseKind(strings.TrimSpace(f[0]))
	if err != nil {
		return entry{}, nil, err
	}
	if kind != PER && kind != LOC && kind != ORG {
		return entry{}, nil, fmt.Errorf("kind %v: a gazetteer names PER, LOC or ORG; dates, numbers and quotes come from rules", kind)
	}
	e := entry{kind: kind, canonical: strings.Join(strings.Fields(f[1]), " ")}
	if e.canonical == "" {
		return entry{}, nil, fmt.Errorf("empty canonical name")
	}
	if len(f) == 4 {
		for _, a := range strings.Split(f[3], ";") {
			a = strings.TrimSpace(a)
			if a == "" {
				continue
			}
			k, v, ok := strings.Cut(a, "=")
			v = strings.TrimSpace(v)
			switch strings.TrimSpace(k) {
			case "of":
				e.of = v
			case "role":
				var err error
				if e.role, e.roles, err = parseRoles(v); err != nil {
					return entry{}, nil, err
				}
			default:
				if !ok {
					return entry{}, nil, fmt.Errorf("attribute %q: want key=value", a)
				}
				return entry{}, nil, fmt.Errorf("unknown attribute %q (want of= or role=)", k)
			}
		}
	}
	var vs []variant
	seen := map[string]int{}
	add := func(sp string) error {
		cue := strings.HasPrefix(sp, "?")
		sp = strings.TrimPrefix(sp, "?")
		key := nameKey(sp)
		if key == "" {
			return fmt.Errorf("spelling %q has no letters or digits", sp)
		}
		if k, dup := seen[key]; dup {
			// «?مالی» beside the canonical «مالی»: the cue wins.
			vs[k].cue = vs[k].cue || cue
			return nil
		}
		seen[key] = len(vs)
		vs = append(vs, variant{key: key, entry: id, cue: cue})
		return nil
	}
	if err := add(e.canonical); err != nil {
		return entry{}, nil, err
	}
	if len(f) >= 3 && strings.TrimSpace(f[2]) != "" {
		for _, sp := range strings.Split(f[2], "|") {
			sp = strings.TrimSpace(sp)
			if sp == "" {
				return entry{}, nil, fmt.Errorf("empty variant in %q", f[2])
			}
			if err := add(sp); err != nil {
				return entry{}, nil, err
			}
		}
	}
	return e, vs, nil
}

// nameKey is the trie key of a spelling: its folded words with spaceMark
// between two words written apart (a space, a hyphen or a ZWNJ in the
// spelling) and commaMark where a comma separates them. A spelling
// written as one word («مادرید») has no mark, so it never matches across
// a word boundary of the text («ما درید»); one written as two («کره
// شمالی», «پیونگ‌یانگ») matches the text with a space, a hyphen, a ZWNJ or
// nothing between its parts (see scanner.gazetteer). The ZWNJs are read
// before folding, which removes them.
func nameKey(s string) string {
	var b strings.Builder
	for k, part := range strings.FieldsFunc(s, func(r rune) bool { return r == '\u200c' }) {
		t := content.FoldString(part)
		ws := splitWords(nil, t)
		for m, w := range ws {
			switch {
			case m > 0 && commaGap(t[ws[m-1].e:w.s]):
				b.WriteByte(commaMark)
			case m > 0 || k > 0 && b.Len() > 0:
				b.WriteByte(spaceMark)
			}
			b.WriteString(t[w.s:w.e])
		}
	}
	return b.String()
}

// joinedKey is a spelling's folded words joined without the spaces,
// hyphens and joiners between them, a comma kept as commaMark: the key of
// a title, which matches «رئیس جمهور», «رئیس‌جمهور» and the
// «رئیسجمهور» of a scraped page alike.
func joinedKey(s string) string {
	t := content.FoldString(s)
	ws := splitWords(nil, t)
	var b strings.Builder
	for k, w := range ws {
		if k > 0 && commaGap(t[ws[k-1].e:w.s]) {
			b.WriteByte(commaMark)
		}
		b.WriteString(t[w.s:w.e])
	}
	return b.String()
}

// spaceMark stands in a trie key for a word boundary between two words of
// a name written apart.
const spaceMark = ' '

// commaMark stands in a trie key for a comma between two words of a name
// («وزارت صنعت، معدن و تجارت»): the name matches a text with the comma
// there, and a name without one never crosses a comma.
const commaMark = ','

// commaGap reports whether the gap between two words is one comma («،»
// or «,») with spaces around it.
func commaGap(gap string) bool {
	n := 0
	for _, r := range gap {
		switch r {
		case ' ', '\t':
		case '،', ',':
			n++
		default:
			return false
		}
	}
	return n == 1
}
