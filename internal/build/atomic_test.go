package build

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// A build that fails on invalid input leaves the previous output exactly as
// it was, and no staging folder behind.
func TestFailedBuildKeepsPreviousOutput(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, smallProject())
	public := filepath.Join(root, "public")
	mustBuild(t, Options{Source: root})
	before := snapshot(t, public)
	if len(before) < 5 {
		t.Fatalf("the first build wrote only %d entries", len(before))
	}

	writeFiles(t, root, map[string]string{
		"occasions/quirky/kaputt.yaml": occasionFile("kaputt", "quirky", "Kaputt", "13-45"),
	})
	_, l, err := Build(Options{Source: root, Now: testNow})
	if !errors.Is(err, ErrInvalidInput) {
		t.Fatalf("err = %v, want ErrInvalidInput", err)
	}
	if !strings.Contains(l.Err().Error(), "occasions/quirky/kaputt.yaml:5:7:") {
		t.Errorf("diagnostics do not point at the bad date:\n%v", l.Err())
	}
	assertSameTree(t, "public/ after a failed build", before, snapshot(t, public))
	assertNoStaging(t, root)
}

// A build that fails while rendering (after the staging folder was made)
// removes the staging folder and leaves the previous output untouched.
func TestRenderFailureKeepsPreviousOutput(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, smallProject())
	public := filepath.Join(root, "public")
	mustBuild(t, Options{Source: root})
	before := snapshot(t, public)

	// 120 occasions whose first idea has a long title, over 11 years, make
	// the quirky feed larger than calendar.MaxBytes, which fails the build
	// at render time.
	long := strings.Repeat("Ein langer Titel ", 25)
	files := map[string]string{"anlass.yaml": strings.Replace(smallConfig, "years_after: 1", "years_after: 10", 1)}
	for i := range 120 {
		id := fmt.Sprintf("lang-%03d", i)
		o := occasionFile(id, "quirky", "Lang "+id, fmt.Sprintf("%02d-%02d", i%12+1, i%28+1))
		o = strings.Replace(o, "title: Eine Karte", "title: "+long+"Eine Karte", 1)
		files["occasions/quirky/"+id+".yaml"] = o
	}
	writeFiles(t, root, files)
	_, l, err := Build(Options{Source: root, Now: testNow})
	if err == nil {
		t.Fatal("the build succeeded; want a feed over the size limit")
	}
	if l.HasErrors() || !strings.Contains(err.Error(), "feeds/all.ics") || !strings.Contains(err.Error(), "limit") {
		t.Fatalf("err = %v, diagnostics:\n%v\nwant the render error about feeds/all.ics (the first oversized feed by name)", err, l.Err())
	}
	assertSameTree(t, "public/ after a failed render", before, snapshot(t, public))
	assertNoStaging(t, root)
	if left, _ := filepath.Glob(filepath.Join(public, ".anlass-tmp-*")); len(left) > 0 {
		t.Errorf("staging folders left in the output: %v", left)
	}

	// Without a previous output, none appears.
	fresh := filepath.Join(t.TempDir(), "public")
	if _, _, err := Build(Options{Source: root, Now: testNow, Destination: fresh}); err == nil {
		t.Fatal("the build into a new folder succeeded")
	}
	if exists(fresh) {
		t.Error("a failed build made the output folder")
	}
	assertNoStaging(t, filepath.Dir(fresh))
}

// Output of removed occasions and articles, and anything else that is not
// part of the new build, disappears with the rebuild.
func TestRebuildRemovesStaleFiles(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, smallProject())
	public := filepath.Join(root, "public")
	mustBuild(t, Options{Source: root})
	gone := []string{
		"feeds/anlaesse/raunaechte.ics",
	}
	if siteBuilt(public) {
		gone = append(gone, "anlaesse/raunaechte/index.html", "ideen/runde-sache/index.html")
	}
	for _, f := range gone {
		if !exists(filepath.Join(public, f)) {
			t.Fatalf("the first build did not write %s", f)
		}
	}
	writeFiles(t, public, map[string]string{"stale.txt": "left over from an old build", "alt/index.html": "<p>alt</p>"})
	gone = append(gone, "stale.txt", "alt")

	for _, f := range []string{"occasions/mystic/raunaechte.yaml", "content/runde-sache.md"} {
		if err := os.Remove(filepath.Join(root, f)); err != nil {
			t.Fatal(err)
		}
	}
	mustBuild(t, Options{Source: root})
	for _, f := range gone {
		if exists(filepath.Join(public, f)) {
			t.Errorf("%s is still in public/ after the rebuild", f)
		}
	}
	for _, f := range []string{"feeds/all.ics", "feeds/anlaesse/pi-tag.ics"} {
		if !exists(filepath.Join(public, f)) {
			t.Errorf("%s is missing after the rebuild", f)
		}
	}
	assertNoStaging(t, root)
}

// The output folder is readable by a web server running as another user:
// it must not keep the 0700 mode of a fresh temporary folder.
func TestOutputIsWorldReadable(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, smallProject())
	mustBuild(t, Options{Source: root})
	info, err := os.Stat(filepath.Join(root, "public"))
	if err != nil {
		t.Fatal(err)
	}
	if perm := info.Mode().Perm(); perm != 0o755 {
		t.Errorf("public/ has mode %v, want drwxr-xr-x", info.Mode())
	}
}

// A destination outside the project, in folders that do not exist yet, works.
func TestDestinationElsewhere(t *testing.T) {
	tmp := t.TempDir()
	root := filepath.Join(tmp, "project")
	writeFiles(t, root, smallProject())
	dest := filepath.Join(tmp, "out", "site", "public")
	mustBuild(t, Options{Source: root, Destination: dest})
	if !exists(filepath.Join(dest, "feeds", "all.ics")) {
		t.Fatal("nothing built into the new destination")
	}
	if exists(filepath.Join(root, "public")) {
		t.Error("the build also wrote <project>/public")
	}
	assertNoStaging(t, filepath.Dir(dest))
}

// Destinations that would replace the project, or one of its inputs, are
// refused before anything is written — also when reached through a symlink.
func TestDestinationGuards(t *testing.T) {
	tmp := t.TempDir()
	root := filepath.Join(tmp, "project")
	writeFiles(t, root, smallProject())
	if err := os.Symlink(".", filepath.Join(root, "self")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(root, filepath.Join(tmp, "project-link")); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ dest, want string }{
		{root, "would replace the project itself"},
		{root + string(filepath.Separator), "would replace the project itself"},
		{filepath.Join(root, "occasions", "..", "."), "would replace the project itself"},
		{tmp, "would replace the project itself"},
		{string(filepath.Separator), "would replace the project itself"},
		{filepath.Join(root, "occasions"), "lies inside the input occasions"},
		{filepath.Join(root, "occasions", "quirky"), "lies inside the input occasions"},
		{filepath.Join(root, "occasions", "public"), "lies inside the input occasions"},
		{filepath.Join(root, "content"), "lies inside the input content"},
		{filepath.Join(root, "holidays"), "lies inside the input holidays"},
		{filepath.Join(root, "templates"), "lies inside the input templates"},
		{filepath.Join(root, "anlass.yaml"), "anlass.yaml"},
		// The same folders reached through symbolic links.
		{filepath.Join(root, "self"), "would replace the project itself"},
		{filepath.Join(root, "self", "occasions"), "lies inside the input occasions"},
		{filepath.Join(tmp, "project-link", "content"), "lies inside the input content"},
	} {
		t.Run(c.dest, func(t *testing.T) {
			before := snapshot(t, tmp)
			_, _, err := Build(Options{Source: root, Destination: c.dest, Now: testNow})
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("err = %v, want one containing %q", err, c.want)
			}
			assertSameTree(t, "the folder around the project", before, snapshot(t, tmp))
		})
	}
}

// The command exits non-zero on a failed build, says that the previous output
// is untouched, and indeed leaves it so.
func TestCLIFailedBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the anlass command")
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	tmp := t.TempDir()
	bin := filepath.Join(tmp, "anlass")
	if out, err := exec.Command(gobin, "build", "-o", bin, "github.com/anlass/anlass/cmd/anlass").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	root := filepath.Join(tmp, "project")
	writeFiles(t, root, smallProject())
	run := func() (int, string) {
		cmd := exec.Command(bin, "build", "--source", root, "--now", testNow)
		out, err := cmd.CombinedOutput()
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			return exit.ExitCode(), string(out)
		}
		if err != nil {
			t.Fatal(err)
		}
		return 0, string(out)
	}
	if code, out := run(); code != 0 {
		t.Fatalf("good build: exit %d\n%s", code, out)
	}
	public := filepath.Join(root, "public")
	before := snapshot(t, public)
	writeFiles(t, root, map[string]string{"occasions/quirky/pi-tag.yaml": "id: pi-tag\nname: [unclosed\n"})
	code, out := run()
	if code != 1 {
		t.Errorf("failed build: exit %d, want 1\n%s", code, out)
	}
	for _, want := range []string{"occasions/quirky/pi-tag.yaml:2:", "is not closed", "the previous output is untouched"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	assertSameTree(t, "public/ after a failed build", before, snapshot(t, public))
	assertNoStaging(t, root)
}
