package server

import (
	"errors"
	"io"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/agent"
)

// refusalServer starts a server that lets carol in and returns her client.
func refusalServer(t *testing.T, cfg Config) (*testServer, *gossh.Client) {
	t.Helper()
	carol, line := newKey(t, "carol")
	cfg.AuthorizedKeys = writeFile(t, t.TempDir(), "keys", line)
	ts := startServer(t, cfg, nil)
	return ts, mustDial(t, ts.addr, "carol", gossh.PublicKeys(carol))
}

func exitStatus(err error) int {
	var ee *gossh.ExitError
	if errors.As(err, &ee) {
		return ee.ExitStatus()
	}
	return -1
}

func TestCommandRefused(t *testing.T) {
	ts, c := refusalServer(t, Config{})
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	var stderr syncBuffer
	sess.Stderr = &stderr
	out, err := sess.Output("ls -la /")
	if exitStatus(err) != 1 || len(out) != 0 {
		t.Fatalf("command: err %v, output %q", err, out)
	}
	if !strings.Contains(stderr.String(), msgCommand) {
		t.Fatalf("stderr = %q", stderr.String())
	}
	waitFor(t, "refusal log", func() bool { return strings.Contains(ts.logs.String(), `reason="command \"ls -la /\""`) })
}

func TestMissingPTYRefused(t *testing.T) {
	_, c := refusalServer(t, Config{})
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	var stderr syncBuffer
	sess.Stderr = &stderr
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	if err := sess.Wait(); exitStatus(err) != 1 {
		t.Fatalf("no-PTY shell: %v", err)
	}
	if !strings.Contains(stderr.String(), msgNoPTY) {
		t.Fatalf("stderr = %q", stderr.String())
	}
}

func TestSubsystemRefused(t *testing.T) {
	for _, name := range []string{"sftp", "anything"} {
		t.Run(name, func(t *testing.T) {
			ts, c := refusalServer(t, Config{})
			sess, err := c.NewSession()
			if err != nil {
				t.Fatal(err)
			}
			stderr, err := sess.StderrPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := sess.RequestSubsystem(name); err != nil {
				t.Fatal(err)
			}
			// The server closes the channel after its message.
			msg, err := io.ReadAll(stderr)
			if err != nil || !strings.Contains(string(msg), msgSubsystem) {
				t.Fatalf("stderr = %q, %v", msg, err)
			}
			waitFor(t, "refusal log", func() bool { return strings.Contains(ts.logs.String(), "subsystem "+name) })
		})
	}
}

func TestPortForwardingRefused(t *testing.T) {
	ts, c := refusalServer(t, Config{})
	// Local forwarding (ssh -L): the channel is rejected with the message.
	_, err := c.Dial("tcp", ts.addr)
	if err == nil || !strings.Contains(err.Error(), msgForward) || !strings.Contains(err.Error(), "administratively prohibited") {
		t.Fatalf("local forward: %v", err)
	}
	// Remote forwarding (ssh -R): the global request is declined and the
	// next session is told in words.
	if ln, err := c.Listen("tcp", "127.0.0.1:0"); err == nil {
		_ = ln.Close()
		t.Fatal("remote forward accepted")
	}
	tm := openTerm(t, c, 80, 24)
	tm.waitScreen(t, "FAKE READER")
	if !strings.Contains(tm.stderr.String(), msgRemoteFwd) {
		t.Fatalf("stderr = %q, want %q", tm.stderr.String(), msgRemoteFwd)
	}
	logs := ts.logs.String()
	for _, want := range []string{"local port forwarding", "remote port forwarding"} {
		if !strings.Contains(logs, want) {
			t.Fatalf("log lacks %q:\n%s", want, logs)
		}
	}
}

func TestAgentForwardingRefused(t *testing.T) {
	ts, c := refusalServer(t, Config{})
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := agent.RequestAgentForwarding(sess); err == nil {
		t.Fatal("agent forwarding accepted")
	}
	_ = sess.Close()
	tm := openTerm(t, c, 80, 24)
	tm.waitScreen(t, "FAKE READER")
	if !strings.Contains(tm.stderr.String(), msgAgent) {
		t.Fatalf("stderr = %q, want %q", tm.stderr.String(), msgAgent)
	}
	if !strings.Contains(ts.logs.String(), "agent forwarding") {
		t.Fatalf("not logged:\n%s", ts.logs)
	}
}
