package ui

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"rtlview/content"
	"rtlview/ui/layout"
)

// fuzzKeys are the keys a fuzzed session presses: every binding and some
// text for the search prompt.
var fuzzKeys = []string{
	"j", "k", "space", "b", "d", "u", "g", "G", "/", "n", "N", "esc", "tab",
	"shift+tab", "e", "enter", "h", "s", "?", "pgdown", "pgup", "ک", "ر", "ه",
	"x", "backspace", "\u202e", "\x1b", "1",
}

// FuzzReader drives the reader with a document and a byte string read as
// a session: each byte is a key, a resize or a wheel turn. No panic, and
// every frame has the screen's height and no row wider than its width.
func FuzzReader(f *testing.F) {
	f.Add("کره شمالی و روسیه\n\nپوتین «گفت» (۱۴۰۱)", []byte("\x05/\x15\x16\x17\x08\x09\x0a\x0b\x0c"))
	f.Add("abc\u202edef\x1b[2J\n\u0650\u0650", []byte{0x80, 0x01, 0xff, 0x03, 0x11, 0x40, 0xc0})
	f.Add("", []byte("jjjjGgg"))
	f.Fuzz(func(t *testing.T, text string, session []byte) {
		if len(text) > 4096 || len(session) > 256 {
			return
		}
		doc := content.Parse(text)
		var m tea.Model = New(doc, Config{Bidi: layout.App, Shape: true})
		m, _ = m.Update(tea.WindowSizeMsg{Width: 30, Height: 8})
		for _, c := range session {
			var msg tea.Msg
			switch {
			case c >= 0xc0:
				msg = tea.WindowSizeMsg{Width: int(c&0x1f) + 1, Height: int(c>>3&7) + 1}
			case c >= 0x80:
				b := tea.MouseWheelDown
				if c&1 == 1 {
					b = tea.MouseWheelUp
				}
				msg = tea.MouseWheelMsg{Button: b}
			default:
				msg = keyMsg(fuzzKeys[int(c)%len(fuzzKeys)])
			}
			var cmd tea.Cmd
			m, cmd = m.Update(msg)
			_ = cmd // background work is for large documents only
			checkFrame(t, m.(*Model), "fuzz")
		}
	})
}
