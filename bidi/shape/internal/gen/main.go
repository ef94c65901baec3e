// Command gen writes tables.go for package shape from two files of the
// Unicode Character Database committed under testdata/ucd:
//
//   - ArabicShaping.txt gives Joining_Type (and Joining_Group) for the
//     characters it lists. Its header derives the rest: unlisted characters
//     of General Category Mn, Me or Cf are Transparent (T), all others
//     Non_Joining (U).
//   - UnicodeData.txt gives the general categories for that derivation and,
//     in the <isolated>, <final>, <initial> and <medial> compatibility
//     decompositions of U+FB50-FDFF and U+FE70-FEFF, the mapping from a
//     letter to its presentation forms and the lam-alef ligatures.
//
// The output is sorted and depends only on the input files, so
// `go generate ./... && git diff --exit-code` checks that the committed
// table is up to date.
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"go/format"
	"io"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// Joining types, in the order of package shape's JoiningType constants.
const (
	jtU = iota
	jtR
	jtL
	jtD
	jtC
	jtT
)

var jtNames = [...]string{"NonJoining", "RightJoining", "LeftJoining", "DualJoining", "JoinCausing", "Transparent"}

var jtLetters = map[string]int{"U": jtU, "R": jtR, "L": jtL, "D": jtD, "C": jtC, "T": jtT}

// Positions, in the order of the decomposition tags and of the forms array
// in package shape.
const (
	isolated = iota
	final
	initial
	medial
)

var positionTags = map[string]int{"<isolated>": isolated, "<final>": final, "<initial>": initial, "<medial>": medial}

const (
	lam = 0x0644
	// Joining_Group of the letters that form the mandatory lam-alef
	// ligatures (Unicode core spec section 9.2, "Ligatures").
	alefGroup = "ALEF"
)

func main() {
	ucd := flag.String("ucd", "../../testdata/ucd", "directory holding ArabicShaping.txt and UnicodeData.txt.gz")
	out := flag.String("o", "tables.go", "output file")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("gen: ")

	if err := os.WriteFile(*out, build(*ucd), 0o644); err != nil {
		log.Fatal(err)
	}
}

// build returns the formatted source of tables.go for the UCD files in
// directory ucd.
func build(ucd string) []byte {
	version, jt, groups := readArabicShaping(filepath.Join(ucd, "ArabicShaping.txt"))
	cats, forms, ligs := readUnicodeData(filepath.Join(ucd, "UnicodeData.txt.gz"), groups)

	// Derived Joining_Type (ArabicShaping.txt header): unlisted Mn, Me, Cf
	// are Transparent.
	for r, c := range cats {
		if _, listed := jt[r]; !listed && (c == "Mn" || c == "Me" || c == "Cf") {
			jt[r] = jtT
		}
	}

	src, err := format.Source(generate(version, jt, forms, ligs))
	if err != nil {
		log.Fatalf("formatting output: %v", err)
	}
	return src
}

var versionRE = regexp.MustCompile(`^# ArabicShaping-(\d+\.\d+\.\d+)\.txt`)

// readArabicShaping returns the Unicode version named in the file's first
// line, the listed joining types and the joining groups.
func readArabicShaping(path string) (string, map[rune]int, map[rune]string) {
	f, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	jt := map[rune]int{}
	groups := map[rune]string{}
	version := ""
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if m := versionRE.FindStringSubmatch(text); m != nil && line == 1 {
			version = m[1]
		}
		if i := strings.IndexByte(text, '#'); i >= 0 {
			text = text[:i]
		}
		if strings.TrimSpace(text) == "" {
			continue
		}
		fields := strings.Split(text, ";")
		if len(fields) != 4 {
			log.Fatalf("%s:%d: want 4 fields, got %d", path, line, len(fields))
		}
		r := parseRune(path, line, fields[0])
		t, ok := jtLetters[strings.TrimSpace(fields[2])]
		if !ok {
			log.Fatalf("%s:%d: unknown joining type %q", path, line, fields[2])
		}
		if _, dup := jt[r]; dup {
			log.Fatalf("%s:%d: U+%04X listed twice", path, line, r)
		}
		jt[r] = t
		groups[r] = strings.TrimSpace(fields[3])
	}
	if err := sc.Err(); err != nil {
		log.Fatal(err)
	}
	if version == "" {
		log.Fatalf("%s: no version in the first line", path)
	}
	return version, jt, groups
}

// readUnicodeData returns the general category of every assigned code
// point, the presentation forms of each letter (from single-letter
// positional decompositions) and the lam-alef ligatures: for each alef,
// its isolated and final ligature with lam.
func readUnicodeData(path string, groups map[rune]string) (map[rune]string, map[rune]*[4]rune, map[rune]*[2]rune) {
	f, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		log.Fatalf("%s: %v", path, err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		log.Fatalf("%s: %v", path, err)
	}
	cats := map[rune]string{}
	forms := map[rune]*[4]rune{}
	ligs := map[rune]*[2]rune{}
	var rangeStart rune = -1
	for i, text := range strings.Split(string(bytes.TrimRight(data, "\n")), "\n") {
		line := i + 1
		fields := strings.Split(text, ";")
		if len(fields) != 15 {
			log.Fatalf("%s:%d: want 15 fields, got %d", path, line, len(fields))
		}
		r := parseRune(path, line, fields[0])
		name, cat, decomp := fields[1], fields[2], fields[5]
		switch {
		case strings.HasSuffix(name, ", First>"):
			rangeStart = r
			continue
		case strings.HasSuffix(name, ", Last>"):
			for c := rangeStart; c <= r; c++ {
				cats[c] = cat
			}
			rangeStart = -1
			continue
		}
		cats[r] = cat
		parts := strings.Fields(decomp)
		if len(parts) < 2 {
			continue
		}
		pos, ok := positionTags[parts[0]]
		if !ok {
			continue
		}
		if r > 0xFFFF {
			// Package shape stores forms as uint16.
			log.Fatalf("%s:%d: presentation form U+%04X outside the BMP", path, line, r)
		}
		switch len(parts) {
		case 2:
			base := parseRune(path, line, parts[1])
			if forms[base] == nil {
				forms[base] = new([4]rune)
			}
			if old := forms[base][pos]; old != 0 {
				log.Fatalf("%s:%d: U+%04X has two %s forms: U+%04X and U+%04X", path, line, base, parts[0], old, r)
			}
			forms[base][pos] = r
		case 3:
			first, second := parseRune(path, line, parts[1]), parseRune(path, line, parts[2])
			// Only lam + alef is a mandatory ligature; the other two-letter
			// ligatures of U+FC00-FDFF are optional and left to fonts.
			if first != lam || groups[second] != alefGroup {
				continue
			}
			if pos != isolated && pos != final {
				log.Fatalf("%s:%d: lam-alef ligature U+%04X in %s position", path, line, r, parts[0])
			}
			if ligs[second] == nil {
				ligs[second] = new([2]rune)
			}
			if ligs[second][pos] != 0 {
				log.Fatalf("%s:%d: two %s lam-alef ligatures for U+%04X", path, line, parts[0], second)
			}
			ligs[second][pos] = r
		}
	}
	for alef, l := range ligs {
		if l[isolated] == 0 || l[final] == 0 {
			log.Fatalf("lam-alef ligature for U+%04X lacks its isolated or final form", alef)
		}
	}
	return cats, forms, ligs
}

func parseRune(path string, line int, s string) rune {
	v, err := strconv.ParseUint(strings.TrimSpace(s), 16, 32)
	if err != nil {
		log.Fatalf("%s:%d: bad code point %q", path, line, s)
	}
	return rune(v)
}

// shapingClass is how a letter behaves when shaping for a terminal: its
// Joining_Type narrowed to the forms that exist. A terminal that does not
// shape draws a letter that lacks a form in its isolated shape, so letting
// a neighbour join it would draw a connecting stroke that leads nowhere.
func shapingClass(r rune, t int, f *[4]rune) int {
	switch t {
	case jtT, jtC, jtU:
		if f != nil && (f[final] != 0 || f[initial] != 0 || f[medial] != 0) {
			log.Fatalf("U+%04X has joining type %s but joined forms", r, jtNames[t])
		}
		return t
	}
	if f == nil {
		return jtU
	}
	iso, fin, ini, med := f[isolated] != 0, f[final] != 0, f[initial] != 0, f[medial] != 0
	switch {
	case iso && !fin && !ini && !med:
		return jtU
	case iso && fin && !ini && !med && (t == jtR || t == jtD):
		return jtR
	case iso && fin && ini && med && t == jtD:
		return jtD
	}
	log.Fatalf("U+%04X (joining type %s) has an unexpected set of forms %04X", r, jtNames[t], *f)
	return 0
}

func generate(version string, jt map[rune]int, forms map[rune]*[4]rune, ligs map[rune]*[2]rune) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by rtlview/bidi/shape/internal/gen from ArabicShaping.txt and UnicodeData.txt (Unicode %s). DO NOT EDIT.\n\n", version)
	b.WriteString("package shape\n\n")
	fmt.Fprintf(&b, "// UnicodeVersion is the version of the Unicode Character Database the\n// tables were generated from.\nconst UnicodeVersion = %q\n\n", version)

	// Joining types other than U, as sorted ranges.
	var cps []rune
	for r, t := range jt {
		if t != jtU {
			cps = append(cps, r)
		}
	}
	sort.Slice(cps, func(i, j int) bool { return cps[i] < cps[j] })
	type rng struct {
		lo, hi rune
		t      int
	}
	var ranges []rng
	for _, r := range cps {
		if n := len(ranges); n > 0 && ranges[n-1].hi == r-1 && ranges[n-1].t == jt[r] {
			ranges[n-1].hi = r
			continue
		}
		ranges = append(ranges, rng{r, r, jt[r]})
	}
	b.WriteString("// joiningRanges lists, sorted, the code points whose Joining_Type is not\n// NonJoining: those listed in ArabicShaping.txt and, as its header\n// derives, the unlisted ones of General Category Mn, Me and Cf.\n")
	b.WriteString("var joiningRanges = [...]joiningRange{\n")
	for _, r := range ranges {
		fmt.Fprintf(&b, "\t{0x%04X, 0x%04X, %s},\n", r.lo, r.hi, jtNames[r.t])
	}
	b.WriteString("}\n\n")

	// Dense letter table over the span of the letters that have forms.
	var lo, hi rune = -1, -1
	for r := range forms {
		if lo < 0 || r < lo {
			lo = r
		}
		if r > hi {
			hi = r
		}
	}
	for r := range ligs {
		if r < lo || r > hi {
			log.Fatalf("alef U+%04X outside the letter table", r)
		}
	}
	fmt.Fprintf(&b, "// lettersLo and lettersHi bound the letters that have presentation forms.\nconst (\n\tlettersLo = 0x%04X\n\tlettersHi = 0x%04X\n)\n\n", lo, hi)
	b.WriteString("// letters holds, for every code point from lettersLo to lettersHi, its\n// shaping class and presentation forms (isolated, final, initial, medial)\n// and, for an alef, its isolated and final ligatures with lam.\n")
	b.WriteString("var letters = [lettersHi - lettersLo + 1]letter{\n")
	for r := lo; r <= hi; r++ {
		f := forms[r]
		class := shapingClass(r, jt[r], f)
		if f == nil && class == jtU {
			continue // the zero letter
		}
		fmt.Fprintf(&b, "\t0x%04X - lettersLo: {class: %s", r, jtNames[class])
		if f != nil {
			fmt.Fprintf(&b, ", forms: [4]uint16{0x%04X, 0x%04X, 0x%04X, 0x%04X}", f[0], f[1], f[2], f[3])
		}
		if l := ligs[r]; l != nil {
			fmt.Fprintf(&b, ", lamAlef: [2]uint16{0x%04X, 0x%04X}", l[0], l[1])
		}
		b.WriteString("},\n")
	}
	b.WriteString("}\n")
	return b.Bytes()
}
