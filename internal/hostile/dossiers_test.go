package hostile

import (
	"os"
	"sync"
	"testing"

	"github.com/dossier-dev/dossier/content"
	"github.com/dossier-dev/dossier/dossier"
)

var (
	dossiersOnce      sync.Once
	embedded, example *dossier.Dossier
)

func loadDossiers(t testing.TB) {
	t.Helper()
	dossiersOnce.Do(func() {
		embedded, _ = dossier.Load(content.Default())
		example, _ = dossier.Load(os.DirFS("../../docs/example/water-talks"))
	})
	if embedded == nil || example == nil {
		t.Fatal("the embedded or the example dossier does not load")
	}
}

// exampleDossier returns the format's example dossier.
func exampleDossier(t testing.TB) *dossier.Dossier { loadDossiers(t); return example }

// embeddedDossier returns the dossier built into the program.
func embeddedDossier(t testing.TB) *dossier.Dossier { loadDossiers(t); return embedded }

// multi writes to every writer.
type multi []interface{ Write([]byte) (int, error) }

func (m multi) Write(p []byte) (int, error) {
	for _, w := range m {
		_, _ = w.Write(p)
	}
	return len(p), nil
}
