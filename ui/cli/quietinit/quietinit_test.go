package quietinit

import (
	"io"
	"log"
	"testing"
)

func TestInitSilencesLogger(t *testing.T) {
	if got := log.Writer(); got != io.Discard {
		t.Errorf("log.Writer() = %T after init, want io.Discard", got)
	}
}
