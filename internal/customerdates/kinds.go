package customerdates

// Kind is what an event is about.
type Kind int

const (
	Birthday     Kind = iota // Geburtstag
	HalfBirthday             // Halber Geburtstag
	Anniversary              // Kundenjubiläum: a year more as a customer
	Gift                     // Geschenk ohne Grund
	Preparation              // Vorbereitung: the lead time of one of the above starts
)

// Kinds are the kinds of occasions, in the order the calendar sorts them
// on one day; Preparation events follow them.
var Kinds = []Kind{Birthday, HalfBirthday, Anniversary, Gift}

var kindInfo = [...]struct {
	label, slug, article, prepare string
}{
	Birthday: {
		label: "Geburtstag", slug: "geburtstag", article: "kundengeburtstag",
		prepare: "Eine Karte besorgen und ein paar persönliche Zeilen von Hand schreiben; so abschicken, dass sie am Tag ankommt. " +
			"Bei einem runden Geburtstag ein kleines Geschenk überlegen und die Geschenkregeln des Unternehmens beachten.",
	},
	HalfBirthday: {
		label: "Halber Geburtstag", slug: "halber-geburtstag", article: "halber-geburtstag",
		prepare: "Eine Halbzeit-Karte oder ein kleines Zeichen auswählen, drei persönliche Sätze schreiben und den Versand einplanen. " +
			"Das Datum noch einmal prüfen: ein halber Geburtstag am falschen Tag wirkt schlechter als keiner.",
	},
	Anniversary: {
		label: "Kundenjubiläum", slug: "kundenjubilaeum", article: "kundenjubilaeum",
		prepare: "Die gemeinsamen Jahre kurz zusammenfassen (erste Bestellung, gemeinsame Projekte) und eine Dankeskarte schreiben. " +
			"Zu einem runden Jubiläum ein Geschenk, einen Besuch oder eine Einladung planen.",
	},
	Gift: {
		label: "Geschenk ohne Grund", slug: "geschenk-ohne-grund", article: "geschenk-ohne-grund",
		prepare: "Ein kleines, persönliches Geschenk auswählen (als Richtwert unter 15 €) und einen ehrlichen Begleitsatz schreiben. " +
			"Vorher prüfen, dass gerade keine Ausschreibung, Preisverhandlung oder Vertragsverlängerung läuft.",
	},
	Preparation: {label: "Vorbereitung", slug: "vorbereitung"},
}

// Label is the German name of the kind, the event's category: "Geburtstag".
func (k Kind) Label() string { return kindInfo[k].label }

// Slug is the kind in UIDs: "geburtstag". Part of every UID: never change it.
func (k Kind) Slug() string { return kindInfo[k].slug }

// Article is the slug of the idea article for the kind (content/<slug>.md);
// empty for Preparation, whose events link the article of what they prepare.
func (k Kind) Article() string { return kindInfo[k].article }

// Prepare says what to prepare for an occasion of the kind.
func (k Kind) Prepare() string { return kindInfo[k].prepare }

func (k Kind) String() string { return k.Label() }
