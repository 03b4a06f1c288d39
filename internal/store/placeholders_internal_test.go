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
	// The keyed insert takes the four keys of decision_keys, then the row: $1 to $n in order,
	// each once, and no ? left for gorm.
	n := 4 + len(decisionColumns)
	sql := insertDecisionKeyedSQL
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
