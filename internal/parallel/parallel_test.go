package parallel

import (
	"errors"
	"fmt"
	"sync/atomic"
	"testing"
)

func TestEach(t *testing.T) {
	var sum atomic.Int64
	if err := Each(1000, func(i int) error { sum.Add(int64(i)); return nil }); err != nil {
		t.Fatal(err)
	}
	if sum.Load() != 999*1000/2 {
		t.Fatalf("sum %d: not every index ran exactly once", sum.Load())
	}
	for range 20 { // the lowest failing index wins, whatever the scheduling
		err := Each(100, func(i int) error {
			if i%10 == 7 {
				return fmt.Errorf("fail %d", i)
			}
			return nil
		})
		if err == nil || err.Error() != "fail 7" {
			t.Fatalf("got %v, want fail 7", err)
		}
	}
	if err := Each(0, func(int) error { return errors.New("never") }); err != nil {
		t.Fatal(err)
	}
}
