package kundenkalender_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/anlass/anlass/internal/kundenkalender/wasmsum"
)

// The page's WebAssembly file was built from the code as it is now: after a
// change to the customer calendar, `go generate ./templates` must run.
func TestWasmIsFresh(t *testing.T) {
	root, err := wasmsum.ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	want, err := wasmsum.Sources(root)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(root, "templates", wasmsum.File))
	if err != nil {
		t.Fatal(err)
	}
	if strings.TrimSpace(string(got)) != want {
		t.Fatalf("templates/static/kundenkalender.wasm is stale (built from %s, the sources are now %s): run go generate ./templates", strings.TrimSpace(string(got)), want)
	}
	wasm, err := os.ReadFile(filepath.Join(root, "templates", "static", "kundenkalender.wasm"))
	if err != nil || !bytes.HasPrefix(wasm, []byte("\x00asm")) {
		t.Fatalf("templates/static/kundenkalender.wasm is no WebAssembly file: %v", err)
	}
	if loader, err := os.ReadFile(filepath.Join(root, "templates", "static", "wasm_exec.js")); err != nil || !bytes.Contains(loader, []byte("globalThis.Go = class")) {
		t.Fatalf("templates/static/wasm_exec.js is not Go's loader: %v", err)
	}
}
