package content_test

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"

	"rtlview/content"
)

// A gzipped Persian text in windows-1256, as old Windows programs saved
// it, read without being told either.
func ExampleDecode() {
	cp1256 := []byte("\xd3\xe1\xc7\xe3 \xcf\xe4\xed\xc7! \xc7\xed\xe4 \x98\xca\xc7\xc8\x9d\xe5\xc7 \xe3\xc7\xe1 \x81\xcf\xd1\xe3 \xc7\xd3\xca.\n")
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(cp1256)
	zw.Close()

	d, err := content.Decode(&gz, "")
	if err != nil {
		fmt.Println(err)
		return
	}
	text, _ := io.ReadAll(d.R)
	fmt.Print(d, "\n", string(text))
	// Output:
	// windows-1256 (detected), gzip
	// سلام دنيا! اين کتاب‌ها مال پدرم است.
}

func ExampleDecode_errors() {
	_, err := content.Decode(bytes.NewReader([]byte("\x89PNG\r\n\x1a\n\x00\x00")), "")
	fmt.Println(err)
	_, err = content.Decode(bytes.NewReader([]byte("\x1f\x8b\x07 not deflate")), "")
	fmt.Println(err)
	_, err = content.Decode(bytes.NewReader(nil), "win1256")
	fmt.Println(err)
	// Output:
	// looks binary; if it is text, name its encoding with --encoding (--encoding=list shows the names)
	// gzip: invalid header
	// unknown encoding "win1256" (did you mean windows-1256?); --encoding=list shows the names
}

func ExampleWriteEncodingList() {
	content.WriteEncodingList(os.Stdout) // the output of --encoding=list
}
