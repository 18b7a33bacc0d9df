package server

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dossier-dev/dossier/dossier"
)

func testLoader(path string) (*dossier.Dossier, error) {
	if path == "broken" {
		return nil, errors.New("broken:1: error: not a dossier")
	}
	return testDossier(), nil
}

func TestCommandRefusesWithoutKeys(t *testing.T) {
	cmd := Command(testLoader, newFakeReader)
	cmd.SetArgs([]string{"--host-key", filepath.Join(t.TempDir(), "h")})
	var stderr syncBuffer
	cmd.SetErr(&stderr)
	err := cmd.Execute()
	if err == nil || !strings.Contains(err.Error(), "nobody could log in") {
		t.Fatalf("err = %v", err)
	}
	cmd = Command(testLoader, newFakeReader)
	cmd.SetArgs([]string{"broken", "--open"})
	cmd.SetErr(&stderr)
	if err := cmd.Execute(); err == nil || !strings.Contains(err.Error(), "broken:1:") {
		t.Fatalf("a broken dossier: %v", err)
	}
}

func TestCommandServesUntilCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	cmd := Command(testLoader, newFakeReader)
	cmd.SetArgs([]string{"--open", "--listen", "127.0.0.1:0", "--host-key", filepath.Join(t.TempDir(), "h"),
		"--max-sessions", "7", "--idle-timeout", "5m"})
	var stderr syncBuffer
	cmd.SetErr(&stderr)
	done := make(chan error, 1)
	go func() { done <- cmd.ExecuteContext(ctx) }()
	waitFor(t, "listening", func() bool { return strings.Contains(stderr.String(), "listening") })
	out := stderr.String()
	for _, want := range []string{"host key fingerprint: SHA256:", "max-sessions=7", "idle-timeout=5m0s", "--open: anyone"} {
		if !strings.Contains(out, want) {
			t.Fatalf("stderr lacks %q:\n%s", want, out)
		}
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("serve returned %v", err)
		}
	case <-time.After(waitLimit):
		t.Fatal("serve did not stop")
	}
}
