package entities

import "fmt"

// Kind is the kind of an entity. The zero Kind is not a kind.
type Kind uint8

const (
	PER   Kind = iota + 1 // a person
	LOC                   // a place: country, capital, city, region
	ORG                   // an organisation, news agency, ministry
	DATE                  // a date, a weekday, a time, a relative date
	NUM                   // a number in digits or words, ordinals too
	QUOTE                 // a quotation, guillemets included
)

var kindNames = [...]string{PER: "PER", LOC: "LOC", ORG: "ORG", DATE: "DATE", NUM: "NUM", QUOTE: "QUOTE"}

// Kinds lists every kind in order, for legends and tables.
var Kinds = []Kind{PER, LOC, ORG, DATE, NUM, QUOTE}

// String returns the kind's tag: "PER", "LOC", ...
func (k Kind) String() string {
	if int(k) < len(kindNames) && kindNames[k] != "" {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", k)
}

// ParseKind returns the kind named s ("PER", "LOC", ...).
func ParseKind(s string) (Kind, error) {
	for _, k := range Kinds {
		if kindNames[k] == s {
			return k, nil
		}
	}
	return 0, fmt.Errorf("unknown kind %q (want PER, LOC, ORG, DATE, NUM or QUOTE)", s)
}

// MarshalText makes a Kind print as its tag in JSON.
func (k Kind) MarshalText() ([]byte, error) {
	if int(k) >= len(kindNames) || kindNames[k] == "" {
		return nil, fmt.Errorf("entities: invalid kind %d", k)
	}
	return []byte(kindNames[k]), nil
}

// UnmarshalText is the inverse of MarshalText.
func (k *Kind) UnmarshalText(b []byte) error {
	v, err := ParseKind(string(b))
	if err != nil {
		return err
	}
	*k = v
	return nil
}
