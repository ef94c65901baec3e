package shape

//go:generate go run ./internal/gen -ucd ../../testdata/ucd -o tables.go

// Joining is a value of the Unicode Joining_Type property (ArabicShaping.txt,
// Unicode core spec section 9.2): on which sides a character connects to
// its neighbours. The zero value is NonJoining. (The type is not called
// JoiningType because the function that looks the property up is.)
type Joining uint8

// The Joining_Type values, in the long names of PropertyValueAliases.txt.
const (
	NonJoining   Joining = iota // U: connects on neither side (space, digits, hamza, ZWNJ)
	RightJoining                // R: connects to the character before it (alef, dal, reh, waw)
	LeftJoining                 // L: connects to the character after it
	DualJoining                 // D: connects on both sides (beh, seen, lam, Farsi yeh)
	JoinCausing                 // C: makes its neighbours connect to it (tatweel, ZWJ)
	Transparent                 // T: skipped when finding neighbours (harakat, other Mn, Me, Cf)
)

// String returns the short property value name: "U", "R", "L", "D", "C" or "T".
func (t Joining) String() string {
	if int(t) < len(joiningTypeNames) {
		return joiningTypeNames[t : t+1]
	}
	return "Joining(?)"
}

const joiningTypeNames = "URLDCT"

// joiningRange gives the Joining_Type of the code points Lo..Hi.
type joiningRange struct {
	Lo, Hi rune
	Type   Joining
}

// JoiningType returns the Joining_Type of r as ArabicShaping.txt defines
// it, including the derivation in its header: code points it does not list
// are Transparent when their General Category is Mn, Me or Cf, NonJoining
// otherwise. Invalid runes are NonJoining.
func JoiningType(r rune) Joining {
	if r < 0xAD { // below SOFT HYPHEN (Cf) nothing joins or is transparent
		return NonJoining
	}
	lo, hi := 0, len(joiningRanges)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		switch e := &joiningRanges[m]; {
		case r < e.Lo:
			hi = m
		case r > e.Hi:
			lo = m + 1
		default:
			return e.Type
		}
	}
	return NonJoining
}
