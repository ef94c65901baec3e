package content

import (
	"net/url"
	"strings"
	"testing"
)

// FuzzHTMLBlocks: any input converts without panic into blocks whose
// Text holds no raw control character (but the "\n" of breaks and code,
// and the TABs between table cells) and, when the input has no character
// reference and no element whose content is raw text, no tag; spans lie
// within Text, on rune boundaries, in order.
func FuzzHTMLBlocks(f *testing.F) {
	for _, s := range []string{
		"", "<p>a<b>b</p>c</b>", "<ul><li><h2>x</h2><pre>y</pre></li><li><ul><li>z</ul></ul>",
		"<table><tr><td>a<td>b<tr><td colspan=3>c</table>", "<pre>\ta\x1bb\n\tc</pre>",
		"<p>x<br><br><br>y</p><blockquote><blockquote>q</blockquote></blockquote>",
		"<a href='javascript:x'>j</a><img alt='a\x00b' src=x>", "<div dir=rtl><p>سلام <i>دنیا</i></p></div>",
		"<li><input type=checkbox checked>t</li><ol start=-3 reversed><li>a</ol>",
		"<p>\u0085\u009b31m&#27;&#x85;</p>", "<xmp><b>raw</b></xmp>", "<p>a\uFDD0b</p>",
	} {
		f.Add(s)
	}
	base, _ := url.Parse("https://example.com/a/b")
	rawText := []string{"&", "xmp", "plaintext", "textarea", "title", "script", "style", "noscript", "iframe", "noembed", "noframes", "listing", "<![cdata[", "<?", "<!"}
	f.Fuzz(func(t *testing.T, in string) {
		bs, err := HTMLBlocks(strings.NewReader(in), base)
		if err != nil {
			return
		}
		checkHTMLBlocks(t, bs)
		// When every '<' of the input opens a tag or an end tag and no
		// element holds raw text, no '<' reaches Text.
		lower := strings.ToLower(in)
		tagless := true
		for _, s := range rawText {
			if strings.Contains(lower, s) {
				tagless = false
			}
		}
		for i := 0; i < len(in) && tagless; i++ {
			if in[i] != '<' {
				continue
			}
			j := i + 1
			if j < len(in) && in[j] == '/' {
				j++
			}
			tagless = j < len(in) && isASCIILetter(in[j])
		}
		for _, b := range bs {
			if strings.ContainsRune(b.Text, htmlParaMark) {
				t.Fatalf("paragraph mark in %q", b.Text)
			}
			if tagless && strings.Contains(b.Text, "<") {
				t.Fatalf("tag in %q (input %q)", b.Text, in)
			}
		}
	})
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
