package serve

import (
	"errors"
	"os"
	"strconv"
	"strings"

	"golang.org/x/sys/unix"
)

// sharedFS names the kind of file system p lies on when inotify there only
// sees the writes of this machine: network file systems, and folders shared
// into a virtual machine or container (WSL 2's /mnt/c is 9P, Docker
// Desktop's and most other shared folders are FUSE or 9P). A change made on
// the other side, in a Windows editor say, sends no event.
func sharedFS(p string) (string, bool) {
	var st unix.Statfs_t
	if unix.Statfs(p, &st) != nil {
		return "", false
	}
	return sharedKind(uint32(st.Type))
}

// sharedKind names the file systems of sharedFS by their magic number
// (statfs(2)).
func sharedKind(magic uint32) (string, bool) {
	switch magic {
	case unix.NFS_SUPER_MAGIC:
		return "an NFS network drive", true
	case unix.SMB_SUPER_MAGIC, unix.SMB2_SUPER_MAGIC, unix.CIFS_SUPER_MAGIC:
		return "an SMB network drive", true
	case unix.AFS_SUPER_MAGIC, unix.CODA_SUPER_MAGIC, unix.CEPH_SUPER_MAGIC:
		return "a network file system", true
	case unix.V9FS_MAGIC:
		return "a 9P shared folder (WSL's Windows drives, a VM's or container's shared folder)", true
	case unix.FUSE_SUPER_MAGIC:
		return "a FUSE file system (sshfs, Docker Desktop's and other shared folders)", true
	case 0x786f4256: // vboxsf, VirtualBox's shared folders; not in x/sys
		return "a VirtualBox shared folder", true
	}
	return "", false
}

// limitHint explains an error of inotify that comes from a system limit
// (reason), and how to raise the limit (remedy); both are empty for other
// errors.
func limitHint(err error) (reason, remedy string) {
	switch {
	case errors.Is(err, unix.ENOSPC): // inotify_add_watch(2): "The user limit on the total number of inotify watches was reached"
		now, raise := limit("max_user_watches", 524288)
		return "the system's limit of inotify watches is reached" + now, raise
	case errors.Is(err, unix.EMFILE): // inotify_init1(2): the limit of inotify instances, or of open files
		now, raise := limit("max_user_instances", 1024)
		return "the system's limit of inotify instances or of open files is reached" + now, raise
	}
	return "", ""
}

// limit returns the current value of fs.inotify.name as " (fs.inotify.name
// = N)" and the command that raises it to at least least, twice N where
// that is more.
func limit(name string, least int) (string, string) {
	now := ""
	if b, err := os.ReadFile("/proc/sys/fs/inotify/" + name); err == nil {
		if n, err := strconv.Atoi(strings.TrimSpace(string(b))); err == nil {
			now = " (fs.inotify." + name + " = " + strconv.Itoa(n) + ")"
			least = max(least, 2*n)
		}
	}
	return now, "sudo sysctl fs.inotify." + name + "=" + strconv.Itoa(least)
}
