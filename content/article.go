package content

import _ "embed"

// articleText is the scraped news page, byte-identical to the page text as
// it was scraped (see articleSHA256 in the tests).
//
//go:embed article.txt
var articleText []byte

// article returns the embedded page's bytes (shared, do not modify).
func article() []byte { return articleText }
