//go:build unix

package build

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// Named pipes where a file is expected are refused, not read: reading one
// would block the build forever.
func TestHostileSpecialFiles(t *testing.T) {
	runHostile(t, hostileCase{
		name: "special-files",
		setup: func(t *testing.T, root, _ string) {
			for _, f := range []string{"occasions/quirky/rohr.yaml", "content/rohr.md"} {
				p := filepath.Join(root, f)
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := syscall.Mkfifo(p, 0o644); err != nil {
					t.Skipf("mkfifo: %v", err)
				}
			}
		},
		want: []string{
			"occasions/quirky/rohr.yaml: not a regular file",
			"content/rohr.md: not a regular file",
		},
	})
}
