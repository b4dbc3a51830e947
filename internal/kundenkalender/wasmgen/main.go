// Command wasmgen compiles the customer calendar for the page
// /kundenkalender/: cmd/kundenkalender to WebAssembly, into
// templates/static/kundenkalender.wasm, with the Go runtime's loader
// (wasm_exec.js) of the same toolchain beside it, and records in
// templates/kundenkalender.sum which sources it was built from. `anlass
// build` never runs the Go toolchain: it embeds what this wrote. Run it
// through
//
//	go generate ./templates
//
// after a change to the customer calendar's code; a test
// (internal/kundenkalender, TestWasmIsFresh) fails while the file is stale.
package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/anlass/anlass/internal/kundenkalender/wasmsum"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "wasmgen:", err)
		os.Exit(1)
	}
}

func run() error {
	root, err := wasmsum.ModuleRoot()
	if err != nil {
		return err
	}
	static := filepath.Join(root, "templates", "static")
	build := exec.Command("go", append([]string{"build"}, append(wasmsum.BuildFlags, "-o", filepath.Join(static, "kundenkalender.wasm"), wasmsum.Package)...)...)
	build.Dir = root
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0")
	build.Stdout, build.Stderr = os.Stdout, os.Stderr
	if err := build.Run(); err != nil {
		return fmt.Errorf("go build: %w", err)
	}
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		return fmt.Errorf("go env GOROOT: %w", err)
	}
	loader, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "wasm_exec.js"))
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(static, "wasm_exec.js"), loader, 0o644); err != nil {
		return err
	}
	sum, err := wasmsum.Sources(root)
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(root, "templates", wasmsum.File), []byte(sum+"\n"), 0o644)
}
