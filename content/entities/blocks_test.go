package entities

import (
	"strings"
	"testing"

	"rtlview/content"
)

// Nothing is recognised inside code, URLs or paths; prose around them is.
func TestRecognizeBlocksProseOnly(t *testing.T) {
	text := "پوتین گفت درگاه `443` و نشانی https://example.com:8000/v2.28.1 و /opt/app/1404 را ببینید."
	code := strings.Index(text, "`443`")
	blocks := []content.Block{
		{Kind: content.Paragraph, Text: text, Spans: []content.Span{{Start: code, End: code + 5, Kind: content.InlineCode}}},
		{Kind: content.Code, Text: "listen 443;\n# پوتین ۱۲ آذر ۱۴۰۴"},
		{Kind: content.Paragraph, Text: "پوتین در مسکو"},
	}
	all := New().RecognizeBlocks(blocks)
	for _, e := range all[0] {
		if e.Kind == NUM {
			t.Errorf("number %q in code or a URL", e.Text)
		}
	}
	if len(all[0]) == 0 || all[0][0].Text != "پوتین" {
		t.Errorf("prose not recognised: %+v", all[0])
	}
	if len(all[1]) != 0 {
		t.Errorf("entities in a code block: %+v", all[1])
	}
	if len(all[2]) != 2 {
		t.Errorf("third block: %+v", all[2])
	}
	if p := Prose(&blocks[0]); len(p) != len(text) || strings.Contains(p, "443") || strings.Contains(p, "2.28.1") || !strings.HasPrefix(p, "پوتین گفت") {
		t.Errorf("Prose %q", p)
	}
}
