package main

import (
	"strings"
	"testing"
)

// Exit codes of `anlass new`: 0 written, 1 refused (the file exists), 2 a
// usage problem (bad kind, id, slug, category or flags).
func TestNewExitCodes(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"occasion", "tag-x", "--category", "quirky"}, 0, ""},
		{[]string{"occasion", "tag-x", "--category", "quirky"}, 1, "already exists"},
		{[]string{"occasion", "tag-y", "--category", "funny"}, 2, "unknown category"},
		{[]string{"occasion", "Tag Y", "--category", "quirky"}, 2, "did you mean tag-y?"},
		{[]string{"occasion", "tag-y"}, 2, "the category is missing"},
		{[]string{"idea", "idee"}, 0, ""},
		{[]string{"idea", "idee"}, 1, "already exists"},
		{[]string{"idea", "idee-2", "--date", "gestern"}, 2, "--date"},
		{[]string{"thing", "x"}, 2, "unknown kind"},
		{[]string{"occasion"}, 2, "Usage:"},
		{[]string{"idea", "a", "b"}, 2, "Usage:"},
		{[]string{"--nope"}, 2, "unknown flag --nope\n"},
		{[]string{"idea", "x", "--tilte", "T"}, 2, "unknown flag --tilte (did you mean --title?)"},
	} {
		var out, errOut strings.Builder
		args := append([]string{"new", "-s", dir}, c.args...)
		if code := run(args, &out, &errOut); code != c.code || !strings.Contains(errOut.String(), c.err) {
			t.Errorf("anlass %s: exit %d, stderr %q; want exit %d and %q", strings.Join(args[3:], " "), code, errOut.String(), c.code, c.err)
		}
	}
}
