package decisions

import (
	"slices"

	"riskconsole/internal/catalog"
	"riskconsole/internal/engine"
)

// agentNotes are the standard notes of the agent view in one locale.
type agentNotes struct {
	// declined are DOMAIN.md's facts every agent may state about a decline: it doesn't affect
	// the credit score, each purchase is assessed anew, agents can't change or influence it.
	declined []string
	// approved are the same facts about an approval.
	approved []string
	// noReview closes a decline's notes where the market offers no human review (the US): there
	// is no manual approval or review to offer.
	noReview string
	// review closes a decline's notes where the shopper may ask for a person to review the
	// automated decision (SE, DE, GB: EU Consumer Credit Directive art. 18, GDPR art. 22): how
	// the shopper asks, and that the agent cannot ask, decide or promise for them.
	review string
	// hold explains a possible card authorization hold; %d is the number of business days.
	hold string
}

// notesByLocale holds the notes of every supported locale. They are product facts rather than
// reason texts, so they live here instead of the editable catalog: no catalog edit may weaken
// what agents are told they must not promise.
var notesByLocale = map[string]agentNotes{
	"en-US": {
		declined: []string{
			"A decline does not affect the shopper's credit score: we only run a soft check.",
			"Each purchase gets a new automated assessment. This decline says nothing about the next purchase.",
			"You can't change or influence the decision, and you have no more information than the reasons shown.",
		},
		approved: []string{
			"This purchase was approved by an automated assessment; the shopper pays later as agreed at checkout.",
			"Each purchase gets a new automated assessment. This approval says nothing about the next purchase.",
			"You can't change or influence the decision, and you have no more information than what is shown here.",
		},
		noReview: "There is no manual approval: don't offer to review, override or escalate the decision.",
		review: "The shopper may ask for a person to review this automated decision, give their point of view and contest it: " +
			"they ask under Help in our app or through the link in their checkout confirmation, quoting the decision reference. " +
			"You can't file the request for them, change the decision or promise an outcome.",
		hold: "A declined card purchase may still show as a pending authorization on the shopper's card. " +
			"We don't take the money; the card issuer releases the hold, usually within %d business days. " +
			"If it is still there after that, the shopper should contact their card issuer.",
	},
	"en-GB": {
		declined: []string{
			"A decline doesn't affect the shopper's credit score: we only carry out a soft search.",
			"Every purchase gets a new automated assessment. This decline says nothing about the next purchase.",
			"You can't change or influence the decision, and you have no more information than the reasons shown.",
		},
		approved: []string{
			"This purchase was approved by an automated assessment; the shopper pays later as agreed at checkout.",
			"Every purchase gets a new automated assessment. This approval says nothing about the next purchase.",
			"You can't change or influence the decision, and you have no more information than what's shown here.",
		},
		noReview: "There's no manual approval: don't offer to review, override or escalate the decision.",
		review: "The shopper may ask for a person to review this automated decision, give their point of view and challenge it: " +
			"they ask under Help in our app or through the link in their checkout confirmation, quoting the decision reference. " +
			"You can't make the request for them, change the decision or promise an outcome.",
		hold: "A declined card purchase may still show as a pending payment on the shopper's card. " +
			"We haven't taken the money; the card issuer releases the hold, usually within %d working days. " +
			"If it's still there after that, the shopper should contact their card provider.",
	},
	"sv-SE": {
		declined: []string{
			"Ett avslag påverkar inte kundens kreditvärdighet: vi gör bara en mjuk kreditkontroll.",
			"Varje köp bedöms automatiskt på nytt. Det här avslaget säger ingenting om nästa köp.",
			"Du kan inte ändra eller påverka beslutet, och du har ingen annan information än orsakerna som visas.",
		},
		approved: []string{
			"Köpet godkändes vid en automatisk bedömning; kunden betalar senare enligt villkoren i kassan.",
			"Varje köp bedöms automatiskt på nytt. Det här godkännandet säger ingenting om nästa köp.",
			"Du kan inte ändra eller påverka beslutet, och du har ingen annan information än den som visas här.",
		},
		noReview: "Det finns inget manuellt godkännande: erbjud inte att granska, ändra eller eskalera beslutet.",
		review: "Kunden kan begära att en person granskar det automatiska beslutet, framföra sina synpunkter och bestrida beslutet: " +
			"kunden gör det under Hjälp i vår app eller via länken i köpbekräftelsen och anger beslutsnumret. " +
			"Du kan inte göra begäran åt kunden, ändra beslutet eller lova något utfall.",
		hold: "Ett nekat kortköp kan fortfarande synas som en reserverad summa på kundens kort. " +
			"Vi har inte dragit pengarna; kortutgivaren släpper reservationen, oftast inom %d bankdagar. " +
			"Finns den kvar efter det ska kunden kontakta sin kortutgivare.",
	},
	"de-DE": {
		declined: []string{
			"Eine Ablehnung wirkt sich nicht auf die Bonität der Kundin oder des Kunden aus: Wir führen nur eine weiche Abfrage durch.",
			"Jeder Kauf wird neu und automatisch geprüft. Diese Ablehnung sagt nichts über den nächsten Kauf aus.",
			"Sie können die Entscheidung weder ändern noch beeinflussen und haben keine weiteren Informationen als die angezeigten Gründe.",
		},
		approved: []string{
			"Dieser Kauf wurde nach einer automatisierten Prüfung genehmigt; bezahlt wird später, wie an der Kasse vereinbart.",
			"Jeder Kauf wird neu und automatisch geprüft. Diese Genehmigung sagt nichts über den nächsten Kauf aus.",
			"Sie können die Entscheidung weder ändern noch beeinflussen und haben keine weiteren Informationen als die hier angezeigten.",
		},
		noReview: "Es gibt keine manuelle Freigabe: Bieten Sie keine Prüfung, Änderung oder Weiterleitung der Entscheidung an.",
		review: "Die Kundin oder der Kunde kann verlangen, dass ein Mensch diese automatisierte Entscheidung überprüft, den eigenen Standpunkt darlegen und die Entscheidung anfechten: " +
			"in unserer App unter „Hilfe“ oder über den Link in der Kaufbestätigung, unter Angabe der Entscheidungsnummer. " +
			"Sie können den Antrag nicht für die Kundin oder den Kunden stellen, die Entscheidung nicht ändern und kein Ergebnis zusagen.",
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

// notesFor returns the standard notes of d in locale: an approval's, or a decline's closed by
// the market's rule on human review.
func notesFor(d *Decision, locale string) []string {
	n := agentNotesFor(locale)
	if d.Outcome != engine.Declined {
		return n.approved
	}
	last := n.noReview
	if catalog.NoticesFor(d.Market).HumanReview {
		last = n.review
	}
	return append(slices.Clip(n.declined), last)
}
