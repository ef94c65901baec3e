package main

import (
	"context"
	"errors"
	"io"
	"os"
	"strings"

	"rtlview/content"
)

// load returns the document to show: FILE or URL, standard input ("-", or
// a pipe or file on standard input when no FILE is named), else the
// built-in article. Notes for the user (the encoding assumed, a page where
// no article was found, progress of a fetch) go to stderr, defused.
func load(opt options, stdin io.Reader, stderr io.Writer) (*content.Document, error) {
	name := opt.file
	if name == "" {
		if !piped(stdin) {
			return content.ArticleWith(opt.repair != repairOff), nil
		}
		name = "-"
	}
	if name == "-" && stdin == nil {
		stdin = strings.NewReader("")
	}
	lo := loadOptions(opt)
	if opt.article && lo.Format == content.FormatAuto && !content.IsURL(name) && content.FormatOf(name) != content.FormatHTML {
		// --article on a scraped text page, as the built-in one: read
		// it as text; an HTML page's article is extracted anyway.
		lo.Format = content.FormatText
	}
	if content.IsURL(name) {
		// Before the reader takes the screen, or before plain output.
		warn(stderr, "fetching %s …", name)
	}
	doc, err := content.Load(context.Background(), name, stdin, lo)
	if err != nil {
		if doc == nil || !notice(err) {
			return nil, err
		}
		warn(stderr, "%v", err) // no article found: the whole page follows
	}
	if doc.Meta.Encoding != "" {
		warn(stderr, "%s: read as %s", displayName(doc.Name), doc.Meta.Encoding)
	}
	if opt.article && doc.Format == content.FormatText {
		return cleanArticle(doc, opt.repair != repairOff)
	}
	if opt.repair == repairOn {
		doc.RepairZWNJ()
	}
	return doc, nil
}

// largeFile is the size from which the reader shows a plain text file
// read on demand (openLarge) rather than held whole.
const largeFile = 4 << 20

// openLarge opens FILE, when it is a large plain text file in UTF-8, as a
// document read on demand (content.OpenFileDocument): the reader holds
// only what it shows, whatever the file's size. It returns nil for any
// other input, which load reads whole; and with --article or --repair=on,
// which rewrite the text.
func openLarge(opt options) (*content.Document, error) {
	if !isPath(opt.file) || opt.article || opt.repair == repairOn || fileSize(opt.file) < largeFile {
		return nil, nil
	}
	doc, err := content.OpenFileDocument(opt.file, loadOptions(opt))
	if errors.Is(err, content.ErrNotPlainText) {
		return nil, nil
	}
	return doc, err
}

// loadOptions are the content.LoadOptions of the command line.
func loadOptions(opt options) content.LoadOptions {
	return content.LoadOptions{
		Format:   opt.format,
		Encoding: opt.encoding,
		Fetch: content.FetchOptions{
			UserAgent: "rtlview/" + version + " (terminal reader for right-to-left text)",
			Timeout:   opt.timeout,
		},
	}
}

// notice reports whether err leaves the document usable (a web page in
// which no article was found: its whole text is shown).
func notice(err error) bool {
	return errors.Is(err, content.ErrNotArticle)
}

// piped reports whether standard input holds data to read: a pipe or a
// regular file, but not a terminal or a character device such as
// /dev/null (what cron and `go test` give), so that a bare `rtlview`
// shows the article there. An in-memory reader (tests) counts as piped.
func piped(r io.Reader) bool {
	if r == nil {
		return false
	}
	f, ok := r.(*os.File)
	if !ok {
		return true
	}
	fi, err := f.Stat()
	if err != nil {
		return false
	}
	return fi.Mode()&os.ModeCharDevice == 0
}
