package decisions

import "riskconsole/internal/catalog"

// agentNotes are the standard notes of the agent view in one locale.
type agentNotes struct {
	// standard are DOMAIN.md's facts every agent may state: declines don't affect the credit
	// score, each purchase is assessed anew, agents can't change or influence the decision, and
	// there is no manual approval.
	standard []string
	// hold explains a possible card authorization hold; %d is the number of business days.
	hold string
}

// notesByLocale holds the notes of every supported locale. They are product facts rather than
// reason texts, so they live here instead of the editable catalog: no catalog edit may weaken
// what agents are told they must not promise.
var notesByLocale = map[string]agentNotes{
	"en-US": {
		standard: []string{
			"A decline does not affect the shopper's credit score: we only run a soft check.",
			"Each purchase gets a new automated assessment. This decline says nothing about the next purchase.",
			"You can't change or influence the decision, and you have no more information than the reasons shown.",
			"There is no manual approval: don't offer to review, override or escalate the decision.",
		},
		hold: "A declined card purchase may still show as a pending authorization on the shopper's card. " +
			"We don't take the money; the card issuer releases the hold, usually within %d business days. " +
			"If it is still there after that, the shopper should contact their card issuer.",
	},
	"en-GB": {
		standard: []string{
			"A decline doesn't affect the shopper's credit score: we only carry out a soft search.",
			"Every purchase gets a new automated assessment. This decline says nothing about the next purchase.",
			"You can't change or influence the decision, and you have no more information than the reasons shown.",
			"There's no manual approval: don't offer to review, override or escalate the decision.",
		},
		hold: "A declined card purchase may still show as a pending payment on the shopper's card. " +
			"We haven't taken the money; the card issuer releases the hold, usually within %d working days. " +
			"If it's still there after that, the shopper should contact their card provider.",
	},
	"sv-SE": {
		standard: []string{
			"Ett avslag påverkar inte kundens kreditvärdighet: vi gör bara en mjuk kreditkontroll.",
			"Varje köp bedöms automatiskt på nytt. Det här avslaget säger ingenting om nästa köp.",
			"Du kan inte ändra eller påverka beslutet, och du har ingen annan information än orsakerna som visas.",
			"Det finns inget manuellt godkännande: erbjud inte att granska, ändra eller eskalera beslutet.",
		},
		hold: "Ett nekat kortköp kan fortfarande synas som en reserverad summa på kundens kort. " +
			"Vi har inte dragit pengarna; kortutgivaren släpper reservationen, oftast inom %d bankdagar. " +
			"Finns den kvar efter det ska kunden kontakta sin kortutgivare.",
	},
	"de-DE": {
		standard: []string{
			"Eine Ablehnung wirkt sich nicht auf die Bonität der Kundin oder des Kunden aus: Wir führen nur eine weiche Abfrage durch.",
			"Jeder Kauf wird neu und automatisch geprüft. Diese Ablehnung sagt nichts über den nächsten Kauf aus.",
			"Sie können die Entscheidung weder ändern noch beeinflussen und haben keine weiteren Informationen als die angezeigten Gründe.",
			"Es gibt keine manuelle Freigabe: Bieten Sie keine Prüfung, Änderung oder Weiterleitung der Entscheidung an.",
		},
		hold: "Bei einem abgelehnten Kartenkauf kann auf der Karte noch eine Reservierung (vorgemerkte Zahlung) angezeigt werden. " +
			"Wir buchen nichts ab; die kartenausgebende Bank gibt die Reservierung frei, meist innerhalb von %d Bankarbeitstagen. " +
			"Ist sie danach noch zu sehen, sollte sich die Kundin oder der Kunde an die eigene Bank wenden.",
	},
}

// agentNotesFor returns the notes of locale, or of en-US when locale has none.
func agentNotesFor(locale string) agentNotes {
	if n, ok := notesByLocale[locale]; ok {
		return n
	}
	return notesByLocale[catalog.FallbackLocale]
}
