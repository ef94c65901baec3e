package content_test

import (
	"fmt"
	"net/url"
	"strings"

	"rtlview/content"
)

func ExampleHTMLBlocks() {
	base, _ := url.Parse("https://github.com/owner/repo")
	blocks, _ := content.HTMLBlocks(strings.NewReader(
		`<p align="center"><a href="/owner/repo"><img src="logo.png" alt="Logo"></a></p>`+
			`<p dir="rtl">سلام <b>دنیا</b><br>خط دوم</p>`), base)
	for _, b := range blocks {
		fmt.Printf("%s %q\n", b.Kind, b.Text)
		for _, s := range b.Spans {
			fmt.Printf("  %q %s\n", b.Text[s.Start:s.End], s.Arg)
		}
	}
	// Output:
	// paragraph "Logo"
	//   "Logo" https://github.com/owner/repo
	//   "Logo" https://github.com/owner/logo.png
	// paragraph "سلام دنیا\nخط دوم"
	//   "دنیا"
}
