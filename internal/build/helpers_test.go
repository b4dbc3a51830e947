package build

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// testNow is the build day of every test build: feeds and pages depend on it.
const testNow = "2026-11-22"

// smallConfig keeps test builds small: a two-year feed window.
const smallConfig = `title: anlass-test
base_url: https://example.org/
uid_domain: example.org
feeds:
  years_before: 0
  years_after: 1
`

// occasionFile returns a valid catalogue occasion. name is written as a YAML
// double-quoted string, so it may hold any text.
func occasionFile(id, category, name, date string) string {
	return fmt.Sprintf(`id: %s
name:
  de: %s
category: %s
date: %s
summary: >-
  Ein Anlass für die Tests des Builds, mit genug Text für die Mindestlänge der Zusammenfassung
  und ohne jede Bedeutung darüber hinaus.
ideas:
  - {kind: gift, title: Eine Karte, text: Eine handgeschriebene Karte.}
  - {kind: contact, title: Ein Anruf, text: Ein kurzer Anruf ohne Verkaufsabsicht.}
lead_time: 1w
sources: [{url: "https://example.org/quelle", title: Quelle}]
`, id, strconv.Quote(name), category, date)
}

// articleFile returns a valid article about the given occasions.
func articleFile(title string, occasions ...string) string {
	return fmt.Sprintf(`---
title: %s
summary: Eine kurze Zusammenfassung für Listen und Suche.
date: 2026-01-15
occasions: [%s]
---

## Abschnitt

Ein Absatz mit einem [Link](/anlaesse/%s/).
`, strconv.Quote(title), strings.Join(occasions, ", "), occasions[0])
}

// smallProject is a valid project with two occasions and one article.
func smallProject() map[string]string {
	return map[string]string{
		"anlass.yaml":                      smallConfig,
		"occasions/quirky/pi-tag.yaml":     occasionFile("pi-tag", "quirky", "Pi-Tag", "03-14"),
		"occasions/mystic/raunaechte.yaml": occasionFile("raunaechte", "mystic", "Raunächte", "12-25..01-06"),
		"content/runde-sache.md":           articleFile("Eine runde Sache", "pi-tag"),
	}
}

// writeFiles writes files (slash paths relative to dir) below dir.
func writeFiles(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// snapshot describes every entry below dir: slash path → size and hash for
// files (size and time for those over 1 MiB), "dir" for folders,
// "symlink → target" for links, each with its permission bits.
// Entries whose path starts with one of skip (relative to dir) are left out.
func snapshot(t testing.TB, dir string, skip ...string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		for _, s := range skip {
			if rel == s || strings.HasPrefix(rel, s+"/") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		mode := fmt.Sprintf("%v ", info.Mode())
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			target, err := os.Readlink(p)
			if err != nil {
				return err
			}
			out[rel] = mode + "symlink → " + target
		case d.IsDir():
			out[rel] = mode + "dir"
		case d.Type().IsRegular():
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			out[rel] = mode + fmt.Sprintf("%d bytes, sha256 %x", len(data), sha256.Sum256(data))
		default:
			out[rel] = mode + "special"
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// diffSnapshots lists the entries that differ between two snapshots.
func diffSnapshots(a, b map[string]string) []string {
	var diffs []string
	for p, av := range a {
		bv, ok := b[p]
		switch {
		case !ok:
			diffs = append(diffs, "missing afterwards: "+p)
		case av != bv:
			diffs = append(diffs, "changed: "+p)
		}
	}
	for p := range b {
		if _, ok := a[p]; !ok {
			diffs = append(diffs, "new: "+p)
		}
	}
	slices.Sort(diffs)
	return diffs
}

// assertSameTree fails when two snapshots differ, naming at most 20 entries.
func assertSameTree(t testing.TB, what string, before, after map[string]string) {
	t.Helper()
	if d := diffSnapshots(before, after); len(d) > 0 {
		if len(d) > 20 {
			d = append(d[:20], fmt.Sprintf("… and %d more", len(d)-20))
		}
		t.Errorf("%s changed:\n  %s", what, strings.Join(d, "\n  "))
	}
}

// assertNoStaging fails when a staging folder of a build is left in dir.
func assertNoStaging(t testing.TB, dir string) {
	t.Helper()
	left, err := filepath.Glob(filepath.Join(dir, ".public-tmp-*"))
	if err != nil {
		t.Fatal(err)
	}
	if len(left) > 0 {
		t.Errorf("staging folders left behind: %v", left)
	}
}

// mustBuild builds a project and fails the test on any error.
func mustBuild(t testing.TB, opts Options) Result {
	t.Helper()
	if opts.Now == "" {
		opts.Now = testNow
	}
	res, l, err := Build(opts)
	if err != nil {
		t.Fatalf("build %s: %v\n%v", opts.Source, err, l.Err())
	}
	return res
}

// exists reports whether a path exists (without following a final symlink).
func exists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}

// siteBuilt reports whether the build renders HTML pages yet (internal/site
// wired into the build); HTML assertions run only then.
func siteBuilt(public string) bool { return exists(filepath.Join(public, "index.html")) }
