package yamlfile

import "testing"

func TestDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"list", "list", 0}, {"lsit", "list", 1}, {"leadtime", "lead_time", 1},
		{"catgory", "category", 1}, {"tilte", "title", 1}, {"nope", "name", 2}, {"", "abc", 3},
		{"ä", "a", 1}, {"Ferien", "Freien", 1}, {"abc", "cba", 2},
	} {
		if got := distance(tc.a, tc.b); got != tc.want {
			t.Errorf("distance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
		if got := distance(tc.b, tc.a); got != tc.want {
			t.Errorf("distance(%q, %q) = %d, want %d (symmetric)", tc.b, tc.a, got, tc.want)
		}
	}
}

func TestClosest(t *testing.T) {
	keys := []string{"lead_time", "ideas", "sources", "tags"}
	for word, want := range map[string]string{"leadtime": "lead_time", "idea": "ideas", "source": "sources", "flavour": "", "tgas": "tags"} {
		if got := Closest(word, keys, 3); got != want {
			t.Errorf("Closest(%q) = %q, want %q", word, got, want)
		}
	}
}
