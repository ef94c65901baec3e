package entities

// Titles (رئیس جمهور، وزیر خارجه، آقای ...) are cues, not entities: they
// make a quoted unknown name a person, let an ambiguous gazetteer spelling
// of a person count (match.go), and lead the person rule to the name next
// to them (people.go). The titles and their marks are in lists/titles.txt.

var (
	// titleList is lists/titles.txt: each title as written, with its mark.
	titleList []string
	// titles are the titles as folded words, for a title that ends before
	// a name (a comma inside one is not a word).
	titles phrases
	// titleKeys maps each title, its folded words joined (joinedKey) («رئیس جمهور» and «رئیس‌جمهور» are one key), to its marks.
	titleKeys map[string]titleKind
	// The first words of titles, for a title that follows a name:
	// «ایوان نچایف» معاون سخنگوی ...
	titleStarts set
)

// titleKind holds a title's marks in lists/titles.txt.
type titleKind uint8

const (
	titleStrong titleKind = 1 << iota // + or *: may stand right before a name
	titleSelf                         // *: names what it heads (a ministry)
	titleShaped                       // ~: may stand before a name shaped like one
)

// maxTitleWords is the most words of a title: «وزیر میراث فرهنگی،
// گردشگری و صنایع دستی» has seven.
const maxTitleWords = 8

// titleBefore reports whether a title ends at word i-1, separated from
// word i by spaces or guillemets only.
func (sc *scanner) titleBefore(i int) bool {
	if !sc.is(i-1, fTitleEnd) || !sc.gapOnly(i-1, "«»") {
		return false
	}
	for _, p := range titles {
		k := i - len(p)
		if k < 0 {
			continue
		}
		ok := true
		for m, pw := range p {
			if sc.w(k+m) != pw || (m+1 < len(p) && !sc.soft(k+m)) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// titleAfter reports whether a title starts at word j, separated from word
// j-1 by spaces or guillemets only.
func (sc *scanner) titleAfter(j int) bool {
	return j > 0 && j < len(sc.ws) && sc.gapOnly(j-1, "«»") && sc.is(j, fTitleStart)
}

// titleAt returns the end (exclusive) of the longest title starting at
// word i, and its marks in lists/titles.txt; i when none does. The words of a
// title are joined as a gazetteer key, so «رئیس جمهور» and «رئیس‌جمهور»
// are one, and a comma between them is kept («وزیر صنعت، معدن و تجارت»);
// none of them may belong to an entity.
func (sc *scanner) titleAt(i int) (end int, tk titleKind) {
	end = i
	if !sc.is(i, fTitleStart) {
		return i, 0
	}
	var buf [160]byte
	key := buf[:0]
	for j := i; j < len(sc.ws) && j < i+maxTitleWords; j++ {
		if j > i {
			if !sc.soft(j - 1) {
				if !commaGap(sc.t[sc.ws[j-1].e:sc.ws[j].s]) {
					break
				}
				key = append(key, commaMark)
			}
		}
		if _, in := sc.coveredBy(j); in {
			break
		}
		key = append(key, sc.w(j)...)
		if k, ok := titleKeys[string(key)]; ok {
			end, tk = j+1, k
		}
	}
	return end, tk
}
