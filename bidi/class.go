package bidi

import xbidi "golang.org/x/text/unicode/bidi"

// class is a Bidi_Class value (UCD property alias "bc"). The names follow
// the short property value aliases of UAX #9 Table 4.
type class uint8

const (
	bcL   class = iota // strong: left to right
	bcR                // strong: right to left
	bcAL               // strong: Arabic letter
	bcEN               // weak: European number
	bcES               // weak: European separator
	bcET               // weak: European terminator
	bcAN               // weak: Arabic number
	bcCS               // weak: common separator
	bcNSM              // weak: nonspacing mark
	bcBN               // weak: boundary neutral (removed by X9)
	bcB                // neutral: paragraph separator
	bcS                // neutral: segment separator
	bcWS               // neutral: whitespace
	bcON               // neutral: other
	bcLRE              // explicit (removed by X9)
	bcLRO
	bcRLE
	bcRLO
	bcPDF
	bcLRI // explicit isolates: neutral after X9 (BD8, N1)
	bcRLI
	bcFSI
	bcPDI

	numClasses
)

// fromX maps x/text's classes onto ours.
var fromX = [...]class{
	xbidi.L: bcL, xbidi.R: bcR, xbidi.AL: bcAL, xbidi.EN: bcEN, xbidi.ES: bcES,
	xbidi.ET: bcET, xbidi.AN: bcAN, xbidi.CS: bcCS, xbidi.NSM: bcNSM, xbidi.BN: bcBN,
	xbidi.B: bcB, xbidi.S: bcS, xbidi.WS: bcWS, xbidi.ON: bcON,
	xbidi.LRE: bcLRE, xbidi.LRO: bcLRO, xbidi.RLE: bcRLE, xbidi.RLO: bcRLO,
	xbidi.PDF: bcPDF, xbidi.LRI: bcLRI, xbidi.RLI: bcRLI, xbidi.FSI: bcFSI,
	xbidi.PDI:     bcPDI,
	xbidi.Control: bcON, // not returned by Class; here for completeness
}

// Class sets, as bit masks, for the membership tests the rules make.
const (
	// X9: removed from the paragraph for the rules after X9.
	maskRemoved = 1<<bcBN | 1<<bcLRE | 1<<bcLRO | 1<<bcRLE | 1<<bcRLO | 1<<bcPDF
	// X1-X8: the explicit formatting characters.
	maskExplicit = 1<<bcLRE | 1<<bcLRO | 1<<bcRLE | 1<<bcRLO | 1<<bcPDF | maskIsolate
	// The classes that can put a character of a paragraph at level 0
	// above level 0.
	maskRaising = 1<<bcR | 1<<bcAL | 1<<bcAN | maskExplicit
	// BD8: isolate initiators.
	maskInitiator = 1<<bcLRI | 1<<bcRLI | 1<<bcFSI
	maskIsolate   = maskInitiator | 1<<bcPDI
	// BD2 / N1: neutral and isolate formatting characters (NI).
	maskNI = 1<<bcB | 1<<bcS | 1<<bcWS | 1<<bcON | maskIsolate
	// L1: characters reset with trailing whitespace. X9-removed
	// characters are included, as UAX #9 section 5.2 advises when they
	// are retained.
	maskTrailing = 1<<bcWS | maskIsolate | maskRemoved
)

// in reports whether c is in the set mask. (c&31 tells the compiler the
// shift is in range.)
func (c class) in(mask uint32) bool { return 1<<(c&31)&mask != 0 }

// Small direct tables for the scripts a Persian reader meets most: ASCII,
// Latin, Hebrew, Arabic (U+0000-U+07FF) and General Punctuation, which
// holds ZWNJ, the marks and the explicit formatting characters
// (U+2000-U+206F): lowTable and punctTable, generated into tables.go from
// x/text's data (building them at init cost every start 0.1 ms).
// Everything else asks x/text's trie.

func lookupClass(r rune) class {
	p, _ := xbidi.LookupRune(r)
	return fromX[p.Class()]
}

// classOf is the Bidi_Class of r.
func classOf(r rune) class {
	if uint32(r) < uint32(len(lowTable)) {
		return lowTable[r]
	}
	if uint32(r-0x2000) < uint32(len(punctTable)) {
		return punctTable[r-0x2000]
	}
	return lookupClass(r)
}
