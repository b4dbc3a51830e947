package clock

import (
	"strings"
	"testing"
	"time"

	"github.com/anlass/anlass/internal/civil"
)

func TestResolve(t *testing.T) {
	wall := time.Date(2026, 12, 5, 23, 30, 15, 500, time.FixedZone("CET", 3600))
	latest := time.Date(2026, 11, 30, 8, 1, 2, 999, time.UTC)
	for _, tc := range []struct {
		name      string
		src       Source
		stamp     string
		today     string
		fixed     bool
		errSubstr string
	}{
		{"--now", Source{Now: "2026-11-22", Epoch: "0"}, "2026-11-22T00:00:00Z", "2026-11-22", true, ""},
		{"--now wins over the epoch", Source{Now: "2027-01-01", Epoch: "1795372200"}, "2027-01-01T00:00:00Z", "2027-01-01", true, ""},
		{"epoch", Source{Epoch: "1795372200"}, "2026-11-22T18:30:00Z", "2026-11-22", true, ""},
		{"epoch zero", Source{Epoch: "0"}, "1970-01-01T00:00:00Z", "1970-01-01", true, ""},
		{"latest input change, today from the wall clock in UTC", Source{Latest: func() time.Time { return latest }}, "2026-11-30T08:01:02Z", "2026-12-05", false, ""},
		{"no input times: the wall clock", Source{}, "2026-12-05T22:30:15Z", "2026-12-05", false, ""},
		{"bad --now", Source{Now: "22.11.2026"}, "", "", false, "--now: "},
		{"impossible --now", Source{Now: "2026-02-30"}, "", "", false, "--now: "},
		{"epoch not a number", Source{Epoch: "yesterday"}, "", "", false, `SOURCE_DATE_EPOCH="yesterday": expected whole seconds`},
		{"negative epoch", Source{Epoch: "-1"}, "", "", false, "SOURCE_DATE_EPOCH"},
		{"fractional epoch", Source{Epoch: "1795372200.5"}, "", "", false, "SOURCE_DATE_EPOCH"},
		{"epoch beyond 2999", Source{Epoch: "32503680000"}, "", "", false, "SOURCE_DATE_EPOCH"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.src.Wall = func() time.Time { return wall }
			c, err := Resolve(tc.src)
			if tc.errSubstr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.errSubstr) {
					t.Fatalf("err = %v, want one containing %q", err, tc.errSubstr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := c.Stamp.Format(time.RFC3339Nano); got != tc.stamp {
				t.Errorf("Stamp = %s, want %s", got, tc.stamp)
			}
			if c.Today.String() != tc.today || c.Fixed != tc.fixed {
				t.Errorf("Today, Fixed = %s, %v; want %s, %v", c.Today, c.Fixed, tc.today, tc.fixed)
			}
		})
	}
}

func TestNewReadsTheEnvironment(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1767225600") // 2026-01-01T00:00:00Z
	c, err := New("", func() time.Time { t.Fatal("latest must not be read when the epoch is set"); return time.Time{} })
	if err != nil || c.Today != civil.Of(2026, 1, 1) || !c.Fixed {
		t.Fatalf("New = %+v, %v", c, err)
	}
	t.Setenv("SOURCE_DATE_EPOCH", "")
	c, err = New("", nil)
	if err != nil || c.Fixed || c.Today != civil.FromTime(time.Now().UTC()) {
		t.Fatalf("New without a fixed time = %+v, %v", c, err)
	}
}

func TestAt(t *testing.T) {
	c := At(civil.Of(2028, 2, 29))
	if c.Stamp != time.Date(2028, 2, 29, 0, 0, 0, 0, time.UTC) || c.Today != civil.Of(2028, 2, 29) || !c.Fixed {
		t.Fatalf("At = %+v", c)
	}
}
