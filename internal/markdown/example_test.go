package markdown_test

import (
	"fmt"

	"github.com/anlass/anlass/internal/markdown"
)

func ExampleRender() {
	r, _ := markdown.Render([]byte("## Größe\n\nSiehe [Pi-Tag](/anlaesse/pi-tag/) <script>alert(1)</script> und [x](javascript:alert(1))."),
		func(p string) string { return "../.." + p })
	fmt.Print(r.HTML)
	// Output:
	// <h2 id="groesse">Größe</h2>
	// <p>Siehe <a href="../../anlaesse/pi-tag/">Pi-Tag</a>  und x.</p>
}
