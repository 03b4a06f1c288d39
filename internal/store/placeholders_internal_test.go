package store

import (
	"strconv"
	"strings"
	"testing"
)

func TestNumberPlaceholders(t *testing.T) {
	if got, want := numberPlaceholders("SELECT ? FROM t WHERE a IN (?, ?) AND b = '?'"),
		"SELECT $1 FROM t WHERE a IN ($2, $3) AND b = '$4'"; got != want {
		// (No statement of the store quotes a ?: numberPlaceholders, like gorm, does not look.)
		t.Errorf("numberPlaceholders = %q, want %q", got, want)
	}
	// The keyed insert takes the four keys of decision_keys, then the row; the batch insert one
	// array per column: $1 to $n in order, each once, and no ? left for gorm.
	for _, c := range []struct {
		sql string
		n   int
	}{{insertDecisionKeyedSQL, 4 + len(decisionColumns)}, {insertDecisionsBatchSQL, len(decisionColumns)}} {
		checkNumbered(t, c.sql, c.n)
	}
}

func checkNumbered(t *testing.T, sql string, n int) {
	t.Helper()
	if strings.Contains(sql, "?") {
		t.Fatalf("a ? is left in %s", sql)
	}
	at := 0
	for i := 1; i <= n; i++ {
		p := "$" + strconv.Itoa(i)
		j := strings.Index(sql[at:], p)
		if j < 0 {
			t.Fatalf("%s missing (or out of order) in %s", p, sql)
		}
		at += j + len(p)
	}
	if strings.Contains(sql, "$"+strconv.Itoa(n+1)) {
		t.Errorf("more than %d placeholders in %s", n, sql)
	}
}
