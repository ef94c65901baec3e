package shape

import (
	"bufio"
	"bytes"
	"errors"
	"strconv"
	"strings"
	"sync"
	"testing"

	"rtlview/internal/testkit"
)

// The tests read the UCD files themselves, independently of the generator,
// to check the generated tables and to build reference data.

const ucdDir = "../../testdata/ucd/"

type ucdChar struct {
	name, category string
	tag            string // decomposition tag such as "<isolated>", or ""
	decomp         []rune
}

type ucdData struct {
	chars    map[rune]ucdChar
	joining  map[rune]Joining // as listed in ArabicShaping.txt
	groups   map[rune]string
	formBase map[rune][]rune // presentation form -> its decomposition
	err      error
}

var (
	ucdOnce sync.Once
	ucd     ucdData
)

func loadUCD(tb testing.TB) *ucdData {
	tb.Helper()
	ucdOnce.Do(func() {
		// Should reading fail, the test that asked first says why, and
		// the later ones say this.
		ucd.err = errors.New("the UCD files could not be read: see the first test that loaded them")
		ucd = readUCD(testkit.ReadMaybeGzip(tb, ucdDir+"UnicodeData.txt.gz"), testkit.ReadMaybeGzip(tb, ucdDir+"ArabicShaping.txt"))
	})
	if ucd.err != nil {
		tb.Fatal(ucd.err)
	}
	return &ucd
}

// readUCD parses UnicodeData.txt and ArabicShaping.txt.
func readUCD(unicodeData, arabicShaping []byte) ucdData {
	d := ucdData{
		chars:    map[rune]ucdChar{},
		joining:  map[rune]Joining{},
		groups:   map[rune]string{},
		formBase: map[rune][]rune{},
	}
	sc := bufio.NewScanner(bytes.NewReader(unicodeData))
	var first rune = -1
	for sc.Scan() {
		fl := strings.Split(sc.Text(), ";")
		r := hexRune(fl[0])
		c := ucdChar{name: fl[1], category: fl[2]}
		if strings.HasSuffix(c.name, ", First>") {
			first = r
			continue
		}
		if strings.HasSuffix(c.name, ", Last>") {
			for x := first; x <= r; x++ {
				d.chars[x] = c
			}
			continue
		}
		if parts := strings.Fields(fl[5]); len(parts) > 0 {
			if strings.HasPrefix(parts[0], "<") {
				c.tag, parts = parts[0], parts[1:]
			}
			for _, p := range parts {
				c.decomp = append(c.decomp, hexRune(p))
			}
		}
		switch c.tag {
		case "<isolated>", "<final>", "<initial>", "<medial>":
			d.formBase[r] = c.decomp
		}
		d.chars[r] = c
	}
	if d.err = sc.Err(); d.err != nil {
		return d
	}

	sc = bufio.NewScanner(bytes.NewReader(arabicShaping))
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		fl := strings.Split(line, ";")
		if len(fl) != 4 {
			continue
		}
		r := hexRune(fl[0])
		d.joining[r] = Joining(strings.Index("URLDCT", strings.TrimSpace(fl[2])))
		d.groups[r] = strings.TrimSpace(fl[3])
	}
	d.err = sc.Err()
	return d
}

func hexRune(s string) rune {
	v, err := strconv.ParseUint(strings.TrimSpace(s), 16, 32)
	if err != nil {
		panic(err)
	}
	return rune(v)
}

// derivedJoining is Joining_Type as the header of ArabicShaping.txt
// defines it for every code point.
func (d *ucdData) derivedJoining(r rune) Joining {
	if t, ok := d.joining[r]; ok {
		return t
	}
	switch d.chars[r].category {
	case "Mn", "Me", "Cf":
		return Transparent
	}
	return NonJoining
}
