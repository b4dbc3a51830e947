package site

import (
	"os"
	"testing"
)

// TestDevRender renders into $ANLASS_DEV_OUT for looking at the site by hand.
func TestDevRender(t *testing.T) {
	out := os.Getenv("ANLASS_DEV_OUT")
	if out == "" {
		t.Skip("set ANLASS_DEV_OUT")
	}
	root := os.Getenv("ANLASS_DEV_ROOT")
	in := loadInput(t, root, fixtureToday, os.Getenv("ANLASS_DEV_BASE"))
	os.RemoveAll(out)
	os.MkdirAll(out, 0o755)
	st, err := Render(in, out)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%+v", st)
}
