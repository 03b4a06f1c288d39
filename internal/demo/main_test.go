package demo

import (
	"testing"

	"riskconsole/internal/testdb"
)

// TestMain stops the test PostgreSQL server TestSeedWritesRepaymentEvents starts.
func TestMain(m *testing.M) { testdb.Main(m) }
