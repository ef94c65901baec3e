package content

import (
	"slices"
	"strings"
	"testing"
)

func TestIslands(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []string
	}{
		{"path in persian", "فایل /opt/marzban/.env را باز کنید", []string{"/opt/marzban/.env"}},
		{"url with port", "به https://example.com:8000/dashboard/ بروید.", []string{"https://example.com:8000/dashboard/"}},
		{"url before a full stop", "see https://x.org/a.", []string{"https://x.org/a"}},
		{"url in brackets", "(https://en.wikipedia.org/wiki/Go_(language))", []string{"https://en.wikipedia.org/wiki/Go_(language)"}},
		{"bracket the url does not open", "(url_(y))", nil},
		{"www before persian comma", "سایت www.x.com، و", []string{"www.x.com"}},
		{"email", "نامه به ali.rezaei@example.ir بفرستید", []string{"ali.rezaei@example.ir"}},
		{"relative path", "فایل src/ui/x.go و ./run.sh", []string{"src/ui/x.go", "./run.sh"}},
		{"windows path", `در C:\Users\x`, []string{`C:\Users\x`}},
		{"persian slash is prose", "و/یا", nil},
		{"fraction", "1/2 و 12/05/2024", nil},
		{"unit", "۹۰ km/h", nil},
		{"url in guillemets", "«https://a.ir/b»", []string{"https://a.ir/b"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, r := range Islands(tc.text, nil) {
				got = append(got, tc.text[r.Start:r.End])
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("Islands(%q) = %q, want %q", tc.text, got, tc.want)
			}
		})
	}
}

// Inline code and autolink spans are islands whatever their text, in
// order with the ones found in the text; a URL inside a code span is not
// found twice.
func TestIslandsSpans(t *testing.T) {
	text := "کد `a b` و https://x.org/ و `/opt`"
	a, b := strings.Index(text, "`a b`"), strings.Index(text, "`/opt`")
	spans := []Span{{Start: a, End: a + 5, Kind: InlineCode}, {Start: b, End: b + 6, Kind: InlineCode}, {Start: 0, End: 4, Kind: Strong}}
	var got []string
	for _, r := range Islands(text, spans) {
		got = append(got, text[r.Start:r.End])
	}
	want := []string{"`a b`", "https://x.org/", "`/opt`"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// Islands that only punctuation separates are one: the keys of Ctrl+C
// read left to right, while code items in a list separated by a comma
// and a space stay apart.
func TestIslandsJoined(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		code       []string // the inline code spans, in order
		want       []string
	}{
		{"keys", "کلید Ctrl+C را بزنید", []string{"Ctrl", "C"}, []string{"Ctrl+C"}},
		{"touching", "کد ab و", []string{"a", "b"}, []string{"ab"}},
		{"comma and space", "مقادیر a, b و", []string{"a", "b"}, []string{"a", "b"}},
		{"persian word between", "کد a و b", []string{"a", "b"}, []string{"a", "b"}},
		{"long gap", "کد a++++b است", []string{"a", "b"}, []string{"a", "b"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var spans []Span
			from := 0
			for _, c := range tc.code {
				i := strings.Index(tc.text[from:], c) + from
				spans = append(spans, Span{Start: i, End: i + len(c), Kind: InlineCode})
				from = i + len(c)
			}
			var got []string
			for _, r := range Islands(tc.text, spans) {
				got = append(got, tc.text[r.Start:r.End])
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("Islands(%q) = %q, want %q", tc.text, got, tc.want)
			}
		})
	}
}
