package app

import (
	"strings"
	"testing"

	"riskconsole/internal/auth"
)

// TestAuditActorFilterByName checks that the audit log's actor filter takes a username or an API
// token name as well as the full actor id (issue 16: "approver.bea" found nothing, only
// "user:7:approver.bea" did), through the real handler on both databases.
func TestAuditActorFilterByName(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect string) {
		ta := newTestApp(t, dialect, 20)
		// Each refusal writes an access.denied event by its caller: a person's session and a token.
		denied := `{ auditEvents(first: 1) { nodes { id } } }`
		for _, role := range []auth.Role{auth.Analyst, auth.Agent} {
			for range 2 {
				if r := ta.post(t, role, denied, nil); r.code() == "" {
					t.Fatalf("%s read the audit log", role)
				}
			}
		}
		list := func(actor string) []apiAuditEvent {
			var p apiAuditPage
			decodeData(t, ta.post(t, auth.Auditor, auditEventsQuery, map[string]any{"filter": map[string]any{"actor": actor}, "first": 100}), &p)
			return p.AuditEvents.Nodes
		}
		for _, role := range []auth.Role{auth.Analyst, auth.Agent} {
			subject := ta.subject(t, role) // user:<id>:<username> or token:<id>:<name>
			name := subject[strings.LastIndex(subject, ":")+1:]
			exact := list(subject)
			if len(exact) < 2 {
				t.Fatalf("%s: %d events by %s, want its 2 denials at least", role, len(exact), subject)
			}
			for _, filter := range []string{name, strings.ToUpper(name[:1]) + name[1:]} {
				if role == auth.Agent && filter != name {
					continue // token names are matched as written
				}
				got := list(filter)
				if len(got) != len(exact) {
					t.Fatalf("actor %q: %d events, the actor id %q has %d", filter, len(got), subject, len(exact))
				}
				for i, e := range got {
					if e.Actor != subject || e.ID != exact[i].ID {
						t.Fatalf("actor %q: event %s by %s, want %s's event %s", filter, e.ID, e.Actor, subject, exact[i].ID)
					}
				}
			}
		}
		if got := list("nobody.at.all"); len(got) != 0 {
			t.Fatalf("an unknown name found %d events", len(got))
		}
		// A part of a name is not the name.
		analyst := ta.subject(t, auth.Analyst)
		if got := list(analyst[strings.LastIndex(analyst, ":")+1:][:3]); len(got) != 0 {
			t.Fatalf("a part of a username found %d events", len(got))
		}
	})
}
