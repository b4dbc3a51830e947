package build

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// One UID, one meaning, over every calendar a build of the real content
// writes: wherever a UID appears (all.ics, a category, an occasion, a
// region, a single-event file), its event is the same, property for
// property. Single-event files are real files meant for import: no
// calendar-wide subscription properties, and UIDs of their own that no
// subscription feed uses.
func TestOneUIDOneMeaningInEveryCalendar(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the real content")
	}
	public := filepath.Join(t.TempDir(), "public")
	mustBuild(t, Options{Source: "../..", Destination: public, Now: testNow})
	events := map[string]string{} // UID → the event's lines, unfolded
	where := map[string]string{}  // UID → the first file it was seen in
	feedUIDs, terminUIDs := map[string]bool{}, map[string]bool{}
	files := 0
	err := filepath.WalkDir(filepath.Join(public, "feeds"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".ics") {
			return err
		}
		files++
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(public, p)
		text := strings.ReplaceAll(string(data), "\r\n ", "") // unfold
		termin := strings.HasPrefix(filepath.ToSlash(rel), "feeds/termine/")
		head, _, _ := strings.Cut(text, "BEGIN:VEVENT")
		for _, prop := range []string{"NAME:", "X-WR-CALNAME:", "DESCRIPTION:", "X-WR-CALDESC:", "URL:", "REFRESH-INTERVAL", "X-PUBLISHED-TTL:", "METHOD:"} {
			has := strings.Contains(head, "\r\n"+prop)
			if termin && has || !termin && !has && prop != "METHOD:" || prop == "METHOD:" && has {
				t.Errorf("%s: calendar property %s present: %v", rel, prop, has)
			}
		}
		blocks := strings.Split(text, "BEGIN:VEVENT\r\n")[1:]
		if termin && len(blocks) != 1 {
			t.Errorf("%s: %d events, want 1", rel, len(blocks))
		}
		for _, block := range blocks {
			block, _, _ = strings.Cut(block, "END:VEVENT")
			uid := strings.TrimPrefix(strings.SplitN(block, "\r\n", 2)[0], "UID:")
			if termin {
				terminUIDs[uid] = true
				if !strings.Contains(uid, "-termin@") {
					t.Errorf("%s: UID %s is not a single-event UID (…-termin@…)", rel, uid)
				}
			} else {
				feedUIDs[uid] = true
			}
			if prev, ok := events[uid]; !ok {
				events[uid], where[uid] = block, rel
			} else if prev != block {
				t.Errorf("UID %s means two events:\n%s:\n%s\n%s:\n%s", uid, where[uid], prev, rel, block)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for uid := range terminUIDs {
		if feedUIDs[uid] {
			t.Errorf("UID %s is in a single-event file and in a subscription feed", uid)
		}
	}
	if files < 1000 || len(feedUIDs) < 1000 || len(terminUIDs) < 1000 {
		t.Errorf("only %d files, %d feed UIDs, %d single-event UIDs", files, len(feedUIDs), len(terminUIDs))
	}
}
