package customerdates

import (
	"testing"
)

// BenchmarkCompute is a large customer list (2000 customers) for a year:
// the size a browser tab computes on a click.
//
//	go test ./internal/customerdates -run '^$' -bench Compute -benchmem
func BenchmarkCompute(b *testing.B) {
	cs := testCustomers(2000, 42)
	o := options(b, "2026-12-05", "2027-12-05")
	b.ResetTimer()
	for b.Loop() {
		if _, err := Compute(cs, o); err != nil {
			b.Fatal(err)
		}
	}
}
