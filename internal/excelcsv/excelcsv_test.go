package excelcsv

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/anlass/anlass/internal/civil"
)

func TestWriter(t *testing.T) {
	var b bytes.Buffer
	w := New(&b)
	w.Row("Beginn", "Anlass", "Notiz")
	w.Row(Date(civil.Of(2026, 12, 24)), "Heiligabend; Bürotür", "=HYPERLINK(\"x\")")
	w.Row(Date(civil.Of(2027, 1, 6)), "Zeile\nzwei", "+49 30 1234")
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	want := "\ufeffBeginn;Anlass;Notiz\r\n" +
		"24.12.2026;\"Heiligabend; Bürotür\";\"'=HYPERLINK(\"\"x\"\")\"\r\n" +
		"06.01.2027;\"Zeile\r\nzwei\";'+49 30 1234\r\n"
	if b.String() != want {
		t.Fatalf("got\n%q\nwant\n%q", b.String(), want)
	}
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(b.String(), BOM)))
	r.Comma = ';'
	rows, err := r.ReadAll()
	if err != nil || len(rows) != 3 || rows[1][1] != "Heiligabend; Bürotür" || rows[2][1] != "Zeile\nzwei" {
		t.Fatalf("read back: %q, %v", rows, err)
	}
}

func TestLine(t *testing.T) {
	if got := Line("a", "b;c", "@x"); got != "a;\"b;c\";'@x\r\n" {
		t.Fatalf("Line = %q", got)
	}
}

func TestText(t *testing.T) {
	for in, want := range map[string]string{"": "", "Pi-Tag": "Pi-Tag", "=1+1": "'=1+1", "-5": "'-5", "@a": "'@a", "\tx": "'\tx", "\rx": "'\rx", "+": "'+"} {
		if got := Text(in); got != want {
			t.Errorf("Text(%q) = %q, want %q", in, got, want)
		}
	}
}
