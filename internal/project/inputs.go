package project

import (
	"io/fs"
	"path/filepath"
	"time"
)

// Inputs are the folders and files whose changes make a new build.
var Inputs = []string{"anlass.yaml", "occasions", "holidays", "school-holidays", "content", "pages", "data", "templates"}

// LatestChange returns the newest modification time among the inputs.
func LatestChange(root string) time.Time {
	var latest time.Time
	for _, in := range Inputs {
		// Unreadable entries are skipped: loading reports them.
		_ = filepath.WalkDir(filepath.Join(root, in), func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if info, err := d.Info(); err == nil && info.ModTime().After(latest) {
				latest = info.ModTime()
			}
			return nil
		})
	}
	if latest.IsZero() {
		latest = time.Unix(0, 0)
	}
	return latest
}
