package entities

// orgRule finds «HEAD [MOD [MOD]] PLACE»: a ministry, agency, army ... of a
// place («وزارت خارجه روسیه», «خبرگزاری دولتی کره شمالی»). The place must
// be in the gazetteer; the modifiers must not be function words.
func (sc *scanner) orgRule() {
	for i := range sc.ws {
		if !sc.is(i, fOrgHead) {
			continue
		}
		for m := 0; m <= 2; m++ {
			k := i + 1 + m
			if k >= len(sc.ws) || !sc.soft(k-1) {
				break
			}
			if mod := k - 1; m > 0 && (sc.is(mod, fStop) || sc.ws[mod].digits || sc.nameAt[mod]) {
				break
			}
			c := sc.locAt[k]
			if c < 0 {
				continue
			}
			loc := sc.cands[c]
			place, _, _ := sc.canonOf(loc)
			head := sc.origText(sc.ws[i].s, sc.ws[k-1].e)
			sc.add(sc.withMeta(newCand(sc.ws[i].s, loc.e, i, ORG, prioOrgRule), meta{canon: head + " " + place, of: place}))
			break
		}
	}
}
