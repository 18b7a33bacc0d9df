package content_test

import (
	"bytes"
	"flag"
	"os"
	"reflect"
	"testing"

	"github.com/dossier-dev/dossier/content"
	"github.com/dossier-dev/dossier/dossier"
)

var update = flag.Bool("update", false, "remake content/snapshot/istanbul-2025.snap from the embedded files")

const snapshotFile = "snapshot/istanbul-2025.snap"

// TestSnapshot asserts that the snapshot the reader starts from is the
// dossier that loading the embedded files gives, field for field: made from
// the files as they are, and decoded to the same model (so a change to the
// model that the encoding does not carry fails here, not on screen).
func TestSnapshot(t *testing.T) {
	d, probs := dossier.Load(content.Default())
	if d == nil {
		t.Fatalf("the embedded dossier does not load: %v", probs)
	}
	if *update {
		var b bytes.Buffer
		if err := dossier.EncodeSnapshot(&b, content.DefaultKey(), d, probs); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(snapshotFile, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s (%d bytes); rebuild to embed it", snapshotFile, b.Len())
		return
	}
	data, err := os.ReadFile(snapshotFile)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := dossier.SnapshotKey(data), content.DefaultKey(); got != want {
		t.Fatalf("the snapshot was made from other files than content/%s (key %.12s…, files %.12s…): remake it with\n\tgo test ./content -run TestSnapshot -update",
			content.DefaultName, got, want)
	}
	sd, sprobs, err := dossier.DecodeSnapshot(data)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(sd, d) {
		t.Errorf("the snapshot decodes to another model than loading the files gives (a field the encoding drops?): remake it with\n\tgo test ./content -run TestSnapshot -update\nand, if that does not help, see dossier/snapshot.go")
	}
	if !reflect.DeepEqual(sprobs, probs) {
		t.Errorf("the snapshot's problems differ from the load's:\n%v\n%v", sprobs, probs)
	}
}

// TestSnapshotDamaged asserts that a damaged snapshot is an error, never a
// panic or a half model.
func TestSnapshotDamaged(t *testing.T) {
	data, err := os.ReadFile(snapshotFile)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{0, 10, len(data) / 3, len(data) - 1} {
		if d, _, err := dossier.DecodeSnapshot(data[:n]); err == nil || d != nil {
			t.Errorf("snapshot cut to %d bytes: got a model, want an error", n)
		}
	}
	flipped := bytes.Clone(data)
	for i := len(flipped) / 2; i < len(flipped); i += 97 {
		flipped[i] ^= 0xff
	}
	_, _, _ = dossier.DecodeSnapshot(flipped) // must not panic
}
