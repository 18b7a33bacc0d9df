package server

import (
	"context"
	"net"
	"path/filepath"
	"testing"
	"time"
)

// TestServeCancelledBeforeAccepting: a context cancelled before the SSH
// server has begun to accept (seen under -race on a loaded machine, where
// `dossier serve` then never stopped) still ends ServeListener: the
// listener is closed whether or not the server had registered it.
func TestServeCancelledBeforeAccepting(t *testing.T) {
	for i := 0; i < 20; i++ {
		srv, err := New(Config{Open: true, HostKey: filepath.Join(t.TempDir(), "h"), Listen: "127.0.0.1:0"}, testDossier(), newFakeReader)
		if err != nil {
			t.Fatal(err)
		}
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithCancel(context.Background())
		cancel() // before ServeListener starts its server
		done := make(chan error, 1)
		go func() { done <- srv.ServeListener(ctx, ln) }()
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("ServeListener returned %v", err)
			}
		case <-time.After(waitLimit):
			t.Fatalf("run %d: ServeListener did not return after a cancel that came before it accepted", i)
		}
	}
}
