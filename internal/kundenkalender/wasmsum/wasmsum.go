// Package wasmsum names the sources of the customer calendar's
// WebAssembly file, so that a test can tell when the committed file is
// stale. The sum covers the module's own Go files that the program is
// built from, go.mod, go.sum (which pin every other module) and the build
// flags; not the standard library, so that a newer Go on another machine
// does not count as a change.
package wasmsum

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
)

// Package is the program compiled to WebAssembly.
const Package = "./cmd/kundenkalender"

// File is where the sum is kept, under templates/.
const File = "kundenkalender.sum"

// BuildFlags are the flags of the WebAssembly build.
var BuildFlags = []string{"-trimpath", "-buildvcs=false", "-ldflags=-s -w"}

// ModuleRoot is the directory of go.mod.
func ModuleRoot() (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %w", err)
	}
	mod := strings.TrimSpace(string(out))
	if mod == "" || mod == os.DevNull {
		return "", fmt.Errorf("not inside the anlass module")
	}
	return filepath.Dir(mod), nil
}

// Sources returns "sha256:<hex>" over the sources of Package.
func Sources(root string) (string, error) {
	list := exec.Command("go", "list", "-deps", "-f", "{{if not .Standard}}{{if .Module}}{{if .Module.Main}}{{.Dir}}{{range .GoFiles}} {{.}}{{end}}{{end}}{{end}}{{end}}", Package)
	list.Dir = root
	list.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0")
	out, err := list.Output()
	if err != nil {
		return "", fmt.Errorf("go list: %w", err)
	}
	var files []string
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		for _, name := range f[1:] {
			rel, err := filepath.Rel(root, filepath.Join(f[0], name))
			if err != nil {
				return "", err
			}
			files = append(files, filepath.ToSlash(rel))
		}
	}
	files = append(files, "go.mod", "go.sum")
	sort.Strings(files)
	h := sha256.New()
	fmt.Fprintf(h, "flags %q\n", BuildFlags)
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(f)))
		if err != nil {
			return "", err
		}
		fmt.Fprintf(h, "%s %d\n", f, len(data))
		h.Write(data)
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil)), nil
}
