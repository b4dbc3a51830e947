package customer

import (
	"bytes"
	"fmt"
	"testing"
)

// BenchmarkLoadCSV reads a list of 2000 customers as German Excel writes it.
//
//	go test ./internal/customer -run '^$' -bench Load -benchmem
func BenchmarkLoadCSV(b *testing.B) {
	var buf bytes.Buffer
	buf.WriteString("\ufeffKundennummer;Name;Firma;Geburtstag;Kunde seit;Bundesland;Notiz\r\n")
	for i := 0; i < 2000; i++ {
		fmt.Fprintf(&buf, "K-%05d;Jördis Äbelmann %d;Bäckerei Nr. %d GmbH;%02d.%02d.19%02d;01.%02d.20%02d;Bayern;\"Notiz; mit Trennzeichen\"\r\n",
			i, i, i, 1+i%28, 1+i%12, 40+i%60, 1+i%12, i%25)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if r := Load("kunden.csv", data); len(r.Customers) != 2000 {
			b.Fatalf("%d customers, %v", len(r.Customers), r.Diags)
		}
	}
}
