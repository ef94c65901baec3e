package bidi

import "testing"

// TestCountStrong: counted by hand. Letters of the Latin, Arabic and
// Hebrew scripts and CJK are strong; digits (ASCII, Arabic-Indic and
// Persian), marks, ZWNJ, spaces and punctuation are not.
func TestCountStrong(t *testing.T) {
	for _, tc := range []struct {
		s        string
		ltr, rtl int
	}{
		{"", 0, 0},
		{"abc سلام", 3, 4},
		{"שלום, Zoë!", 3, 4},           // Z, o, ë; ש ל ו ם
		{"۱۲۳ 123 ١٢٣ ٪ ؟", 0, 1},      // only ؟ (U+061F, AL) is strong
		{"مِنْ\u200cها", 0, 4},         // م ن ه ا; kasra and sukun are NSM, ZWNJ is BN
		{"漢字 (x) «گ»", 3, 1},           // 漢 字 x; گ
		{"\u202bab\u202c\ufb90", 2, 1}, // RLE and PDF are not counted; U+FB90 is AL
	} {
		l, r := CountStrong(tc.s)
		if l != tc.ltr || r != tc.rtl {
			t.Errorf("CountStrong(%q) = %d, %d; want %d, %d", tc.s, l, r, tc.ltr, tc.rtl)
		}
	}
}

// TestCountStrongAll: CountStrong agrees with classOf on every code point,
// one at a time and between ASCII letters, and on invalid UTF-8 (each bad
// byte is U+FFFD, class ON).
func TestCountStrongAll(t *testing.T) {
	for r := rune(0); r <= 0x10FFFF; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		var wl, wr int
		switch classOf(r) {
		case bcL:
			wl = 1
		case bcR, bcAL:
			wr = 1
		}
		s := string(r)
		if l, rr := CountStrong(s); l != wl || rr != wr {
			t.Fatalf("CountStrong(%U) = %d, %d; want %d, %d", r, l, rr, wl, wr)
		}
		if l, rr := CountStrong("a" + s + "b"); l != wl+2 || rr != wr {
			t.Fatalf("CountStrong(a %U b) = %d, %d; want %d, %d", r, l, rr, wl+2, wr)
		}
	}
	for _, s := range []string{"\xd8", "\xd8a", "\xc1\x81", "\xe2\x80", "\xd8\xd8\xa8"} {
		want := 0
		for _, r := range s {
			if r == 'a' || r == 'ب' {
				want++
			}
		}
		l, r := CountStrong(s)
		if l+r != want {
			t.Errorf("CountStrong(%q) = %d, %d; want %d strong", s, l, r, want)
		}
	}
}
