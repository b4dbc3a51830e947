//go:build !linux

package serve

// sharedFS: only Linux is known to send no events for changes to network
// drives and shared folders that look local; elsewhere, --poll.
func sharedFS(string) (string, bool) { return "", false }

// limitHint: the inotify limits exist on Linux only.
func limitHint(error) (reason, remedy string) { return "", "" }
