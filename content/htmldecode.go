package content

import (
	"bytes"
	"mime"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// IsHTML reports whether prefix, the first bytes of an input, begins an
// HTML document: after a byte order mark, white space, comments and an
// XML declaration, it opens with <!doctype html, <html, <head or <body
// (any case). A Markdown README that starts with <p align="center"> is
// not an HTML document.
func IsHTML(prefix []byte) bool {
	p := prefix
	switch {
	case bytes.HasPrefix(p, []byte{0xEF, 0xBB, 0xBF}):
		p = p[3:]
	case bytes.HasPrefix(p, []byte{0xFF, 0xFE}), bytes.HasPrefix(p, []byte{0xFE, 0xFF}):
		e := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM)
		if p[0] == 0xFE {
			e = unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM)
		}
		n := len(p) &^ 1
		d, err := e.NewDecoder().Bytes(p[:n])
		if err != nil {
			return false
		}
		p = d
	}
	for range 64 {
		p = bytes.TrimLeft(p, " \t\r\n\f")
		switch {
		case bytes.HasPrefix(p, []byte("<!--")):
			end := bytes.Index(p[4:], []byte("-->"))
			if end < 0 {
				return false
			}
			p = p[4+end+3:]
			continue
		case bytes.HasPrefix(p, []byte("<?")):
			end := bytes.Index(p, []byte("?>"))
			if end < 0 {
				return false
			}
			p = p[end+2:]
			continue
		}
		break
	}
	for _, tag := range []string{"<!doctype html", "<html", "<head", "<body"} {
		if len(p) < len(tag) || !strings.EqualFold(string(p[:len(tag)]), tag) {
			continue
		}
		if len(p) == len(tag) {
			return true
		}
		switch p[len(tag)] {
		case ' ', '\t', '\r', '\n', '\f', '>', '/':
			return true
		}
	}
	return false
}

// htmlDecode decodes an HTML page to UTF-8 as a browser picks its
// encoding: a byte order mark, else the charset of the HTTP Content-Type,
// else a <meta charset> or http-equiv Content-Type in the first 1024
// bytes, else detection. One departure: a page declared in a single-byte
// legacy encoding whose bytes are valid UTF-8 with multi-byte sequences
// is read as UTF-8 (servers and templates that declare windows-1256 for
// UTF-8 pages are common; the reverse cannot be valid UTF-8 by chance).
// Detection: valid UTF-8 is UTF-8; otherwise the bytes are scored as
// windows-1256 (Arabic script) and windows-1255 (Hebrew) by how many of
// their high bytes decode to letters of that script, and windows-1252
// (the HTML default) is taken when neither reads as letters or when the
// text outside tags has more than twice as many ASCII letters as high
// bytes (Latin text with accents).
// It returns the text, the encoding's WHATWG name ("" for UTF-8) and the
// count of invalid UTF-8 sequences (left for the converter to replace).
func htmlDecode(data []byte, contentType string) (text, enc string, invalid int) {
	var e encoding.Encoding
	name := ""
	declared := false
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return htmlUTF8(data[3:])
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		e, name, _ = charset.DetermineEncoding(data, "")
	default:
		if _, params, err := mime.ParseMediaType(contentType); err == nil && params["charset"] != "" {
			e, name = charset.Lookup(params["charset"])
		}
		if e == nil {
			e, name = htmlPrescan(data)
		}
		declared = e != nil
	}
	if e == nil || name == "utf-8" {
		if !declared && !utf8.Valid(data) {
			e, name = htmlDetect(data)
		} else {
			return htmlUTF8(data)
		}
	}
	if declared && name != "utf-8" && htmlMultibyteUTF8(data) {
		return htmlUTF8(data)
	}
	if name == "utf-8" {
		return htmlUTF8(data)
	}
	d, err := e.NewDecoder().Bytes(data)
	if err != nil {
		return htmlUTF8(data)
	}
	return string(d), name, 0
}

func htmlUTF8(data []byte) (string, string, int) {
	n := 0
	if !utf8.Valid(data) {
		for i := 0; i < len(data); {
			r, size := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size == 1 {
				n++
			}
			i += size
		}
	}
	return string(data), "", n
}

// htmlMultibyteUTF8: valid UTF-8 holding at least one multi-byte sequence.
func htmlMultibyteUTF8(data []byte) bool {
	if !utf8.Valid(data) {
		return false
	}
	for _, c := range data {
		if c >= 0x80 {
			return true
		}
	}
	return false
}

// htmlPrescan finds a <meta charset> or <meta http-equiv="Content-Type">
// in the first 1024 bytes (the HTML standard's prescan, simplified to the
// tokenizer). A declared UTF-16 means UTF-8, as the standard says.
func htmlPrescan(data []byte) (encoding.Encoding, string) {
	z := html.NewTokenizer(bytes.NewReader(data[:min(len(data), 1024)]))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return nil, ""
		case html.StartTagToken, html.SelfClosingTagToken:
			tn, hasAttr := z.TagName()
			if string(tn) != "meta" || !hasAttr {
				continue
			}
			var label, httpEquiv, content string
			for {
				k, v, more := z.TagAttr()
				switch string(k) {
				case "charset":
					label = string(v)
				case "http-equiv":
					httpEquiv = strings.ToLower(string(v))
				case "content":
					content = string(v)
				}
				if !more {
					break
				}
			}
			if label == "" && httpEquiv == "content-type" {
				if _, params, err := mime.ParseMediaType(content); err == nil {
					label = params["charset"]
				}
			}
			if label == "" {
				continue
			}
			e, name := charset.Lookup(label)
			if e == nil {
				continue
			}
			if strings.HasPrefix(name, "utf-16") {
				return encoding.Nop, "utf-8"
			}
			return e, name
		}
	}
}

// htmlDetect guesses the encoding of bytes that are not UTF-8 and declare
// none.
func htmlDetect(data []byte) (encoding.Encoding, string) {
	high := 0
	for _, c := range data {
		if c >= 0x80 {
			high++
		}
	}
	if high == 0 {
		return charmap.Windows1252, "windows-1252"
	}
	score := func(cm *charmap.Charmap, in func(rune) bool) float64 {
		n := 0
		for _, c := range data {
			if c >= 0x80 && in(cm.DecodeByte(c)) {
				n++
			}
		}
		return float64(n) / float64(high)
	}
	// Letters only: Arabic text read as windows-1255 gives Hebrew points,
	// and either script's bytes give some letters of the other.
	ar := score(charmap.Windows1256, func(r rune) bool {
		return r >= 0x0621 && r <= 0x064A || r >= 0x0671 && r <= 0x06D3 || r == 0x200C
	})
	he := score(charmap.Windows1255, func(r rune) bool { return r >= 0x05D0 && r <= 0x05EA })
	// Latin text with a few accented letters is not Arabic or Hebrew,
	// whose letters are all high bytes: compare with the ASCII letters of
	// the text outside tags.
	latin, inTag := 0, false
	for _, c := range data {
		switch {
		case c == '<':
			inTag = true
		case c == '>':
			inTag = false
		case !inTag && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'):
			latin++
		}
	}
	if high*2 < latin {
		return charmap.Windows1252, "windows-1252"
	}
	switch {
	case ar >= 0.6 && ar >= he:
		return charmap.Windows1256, "windows-1256"
	case he >= 0.6:
		return charmap.Windows1255, "windows-1255"
	}
	return charmap.Windows1252, "windows-1252"
}
