package main

import (
	"flag"
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// scriptCmds holds extra testscript commands; other _test.go files in this
// package add theirs in init().
var scriptCmds = map[string]func(ts *testscript.TestScript, neg bool, args []string){}

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"anlass": func() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) },
	})
}

var updateScripts = flag.Bool("update", false, "rewrite the files that cmp compares stdout with, in the scripts")

// TestScript runs every testdata/script/*.txtar: the CLI as a user runs it,
// with exit codes, output and files asserted.
func TestScript(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:  "testdata/script",
		Cmds: scriptCmds,
		// -update rewrites the want files of cmp stdout … (review the diff).
		UpdateScripts: *updateScripts,
		Setup: func(env *testscript.Env) error {
			env.Setenv("SOURCE_DATE_EPOCH", "")
			return nil
		},
	})
}
