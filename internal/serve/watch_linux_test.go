package serve

import (
	"path/filepath"
	"testing"
)

// Network drives and shared folders poll; local file systems use events.
func TestSharedKind(t *testing.T) {
	for _, c := range []struct {
		name  string
		magic uint32
		want  bool
	}{
		{"nfs", 0x6969, true},
		{"cifs", 0xff534d42, true},
		{"smb2", 0xfe534d42, true},
		{"9p (WSL 2's /mnt/c)", 0x01021997, true},
		{"fuse (sshfs, Docker Desktop)", 0x65735546, true},
		{"vboxsf", 0x786f4256, true},
		{"ext4", 0xef53, false},
		{"btrfs", 0x9123683e, false},
		{"xfs", 0x58465342, false},
		{"tmpfs", 0x01021994, false},
		{"overlayfs (a container's own files)", 0x794c7630, false},
	} {
		kind, got := sharedKind(c.magic)
		if got != c.want || (got && kind == "") {
			t.Errorf("%s: %q, %v; want %v", c.name, kind, got, c.want)
		}
	}
	if _, shared := sharedFS(filepath.Join(t.TempDir(), "does-not-exist")); shared {
		t.Error("a path that does not exist counts as shared")
	}
}
