package customer

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// decodeText turns a file's bytes into text and names the encoding it
// found: a byte order mark decides (UTF-8; UTF-16 as Excel's "Unicode-Text"
// writes it); without one, text that is valid UTF-8 is UTF-8 (LibreOffice,
// Google Sheets, CRM exports), and anything else is Windows-1252, the
// encoding of "CSV (Trennzeichen-getrennt)" from German Excel and of classic
// Outlook. Line breaks are kept as they are, so line numbers do not change;
// a file that ends its lines in CR alone (old Mac Excel) gets LF instead.
func decodeText(data []byte) (string, string) {
	var text, enc string
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		text, enc = string(data[3:]), "UTF-8 mit BOM"
		text = strings.ToValidUTF8(text, "\uFFFD")
	case bytes.HasPrefix(data, []byte("\xff\xfe")):
		text, enc = decodeWith(unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), data), "UTF-16LE"
	case bytes.HasPrefix(data, []byte("\xfe\xff")):
		text, enc = decodeWith(unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), data), "UTF-16BE"
	case utf8.Valid(data):
		text, enc = string(data), "UTF-8"
	default:
		text, enc = decodeWith(charmap.Windows1252, data), "Windows-1252"
	}
	if !strings.Contains(text, "\n") && strings.Contains(text, "\r") {
		text = strings.ReplaceAll(text, "\r", "\n")
	}
	return text, enc
}

func decodeWith(e encoding.Encoding, data []byte) string {
	// The decoders used here replace bytes they cannot read rather than
	// fail; whatever comes back is kept, made valid UTF-8.
	out, _ := e.NewDecoder().Bytes(data)
	return strings.ToValidUTF8(string(out), "\uFFFD")
}

// charsets are the CHARSET names of the vCards people have in Germany,
// Austria and Switzerland (nil: UTF-8). A table rather than the WHATWG
// index keeps the CJK tables out of the page's WebAssembly file.
var charsets = map[string]encoding.Encoding{
	"utf-8": nil, "utf8": nil, "us-ascii": nil, "ascii": nil,
	"windows-1252": charmap.Windows1252, "cp1252": charmap.Windows1252, "x-cp1252": charmap.Windows1252,
	"iso-8859-1": charmap.ISO8859_1, "iso8859-1": charmap.ISO8859_1, "latin1": charmap.ISO8859_1, "l1": charmap.ISO8859_1,
	"iso-8859-15": charmap.ISO8859_15, "iso8859-15": charmap.ISO8859_15, "latin-9": charmap.ISO8859_15, "latin9": charmap.ISO8859_15,
	"iso-8859-2": charmap.ISO8859_2, "windows-1250": charmap.Windows1250,
	"macintosh": charmap.Macintosh, "mac": charmap.Macintosh, "x-mac-roman": charmap.Macintosh,
	"ibm850": charmap.CodePage850, "cp850": charmap.CodePage850, "ibm437": charmap.CodePage437, "cp437": charmap.CodePage437,
	"utf-16": unicode.UTF16(unicode.BigEndian, unicode.UseBOM), "utf-16le": unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM),
	"utf-16be": unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM),
}

// decodeCharset turns bytes in the named character set (a vCard's CHARSET
// parameter) into text. Without a name, or with one it does not know, UTF-8
// is taken when valid and Windows-1252 otherwise; known reports whether the
// name was understood.
func decodeCharset(data []byte, name string) (text string, known bool) {
	if name != "" {
		if e, ok := charsets[strings.ToLower(strings.TrimSpace(name))]; ok {
			if e == nil {
				return strings.ToValidUTF8(string(data), "\uFFFD"), true
			}
			return decodeWith(e, data), true
		}
	}
	if utf8.Valid(data) {
		return string(data), name == ""
	}
	return decodeWith(charmap.Windows1252, data), name == ""
}
