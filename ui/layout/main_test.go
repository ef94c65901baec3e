package layout

import (
	"testing"

	"rtlview/internal/testkit"
)

func TestMain(m *testing.M) { testkit.Main(m) }
