// Package server serves the dossier reader over SSH (charm.land/wish/v2):
// each connection gets its own reader in its own terminal size and colour
// profile, and, when presenters are configured, joins the presentation hub.
//
// Only public keys log in (an OpenSSH authorized_keys file, re-read by
// Reload); anonymous access needs Config.Open. A session must have a PTY and
// run no command; subsystems, port forwarding and agent forwarding are
// refused, each with a one-line message.
package server

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/log/v2"
	"charm.land/ssh"
	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/notes"
	"github.com/dossier-dev/dossier/present"
	"github.com/dossier-dev/dossier/session"
	gossh "golang.org/x/crypto/ssh"
)

// Session is what a Factory is told about one SSH session.
type Session struct {
	Dossier *dossier.Dossier // shared by every session; never modified
	Name    string           // display name, cleaned of control characters
	Role    session.Role
	// Presence links the reader to the presentation hub; nil when no
	// presenters are configured (Role is then session.RoleAlone).
	Presence session.Presence
	// Briefing is the id of the presented briefing, "" when there is none.
	Briefing string
	// Width and Height are the client's terminal size at start, clamped to
	// what the server renders; later sizes arrive as tea.WindowSizeMsg.
	Width, Height int
	// Notes is where this user's bookmarks, notes and seen record live;
	// nil when none are kept (anonymous, --no-notes, a shared frame).
	Notes *notes.Place
}

// Factory builds the model one session runs; it is called once per session,
// from that session's goroutine. The model must not share mutable state with
// other sessions' models.
type Factory func(Session) tea.Model

// Server is a dossier SSH server. Make one with New and run it with Serve or
// ServeListener.
type Server struct {
	cfg         Config
	dossier     *dossier.Dossier // the current version; guarded by mu once serving (reload.go)
	factory     Factory
	log         *log.Logger
	ssh         *ssh.Server
	hub         *present.Hub // nil without presenters
	frames      *frames      // followers' shared frames; nil unless Config.ShareFrames
	briefing    string
	fingerprint string

	access atomic.Pointer[access] // swapped whole by Reload
	conns  sync.Map               // remote address → ssh.Context, for logging failed logins
	// connLimit limits new connections per address before the handshake,
	// at the same rate and burst as sessions.
	connLimit *addrLimiter
	// gate caps the connections not logged in yet (Config.Startups) and
	// counts every connection per address (gate.go).
	gate *gate

	mu       sync.Mutex
	reload   reloads        // serve --watch: reload.go
	live     int            // sessions holding a slot (see capacity)
	perAddr  map[string]int // sessions holding a slot, per remote address
	stopped  bool           // shutdown has started: no new sessions
	drained  chan struct{}  // closed when live drops to 0 during shutdown
	stopping chan struct{}  // closed when shutdown starts
}

// New checks cfg, loads the keys and the host key (creating it when it does
// not exist yet) and prepares a server for d. It refuses a configuration in
// which nobody could log in, or that would serve beyond loopback without keys
// or Open.
func New(cfg Config, d *dossier.Dossier, factory Factory) (*Server, error) {
	if d == nil || factory == nil {
		return nil, errors.New("server: a dossier and a reader factory are required")
	}
	cfg = cfg.withDefaults()
	lg := cfg.Logger
	if lg == nil {
		lg = log.NewWithOptions(os.Stderr, log.Options{ReportTimestamp: true, Prefix: "dossier"})
	}
	acc, err := loadAccess(cfg.AuthorizedKeys, cfg.Presenters)
	if err != nil {
		return nil, err
	}
	if err := checkExposure(cfg.Listen, !acc.empty(), cfg.Open); err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, dossier: d, factory: factory, log: lg, stopping: make(chan struct{}),
		connLimit: newAddrLimiter(cfg.RatePerSecond, cfg.RateBurst, 4096),
		gate:      newGate(cfg.Startups, cfg.StartupsPerAddress),
		perAddr:   map[string]int{}}
	s.access.Store(acc)

	// A briefing that does not exist is refused even without presenters,
	// as present and export refuse it.
	b, err := pickBriefing(d, cfg.Briefing)
	if err != nil {
		return nil, err
	}
	if len(acc.presenters) > 0 {
		stops := 0
		if b != nil {
			stops, s.briefing = len(b.Stops), b.ID
		}
		s.hub = present.NewHub(stops)
		if cfg.ShareFrames {
			s.frames = newFrames(s)
		}
	}

	keyPath := cfg.HostKey
	if keyPath == "" {
		if keyPath, err = DefaultHostKeyPath(); err != nil {
			return nil, err
		}
	}
	signer, created, err := loadHostKey(keyPath)
	if err != nil {
		return nil, err
	}
	if created {
		lg.Info("created host key", "path", keyPath)
	}
	s.fingerprint = Fingerprint(signer.PublicKey())
	s.ssh = s.newSSHServer(signer)
	return s, nil
}

// fdsNeeded is how many file descriptors the limits may hold at once:
// every session and every presenter slot (a connection each), every
// connection in the handshake, and a margin for the rest (the listener,
// logs, the watched folder, the notes files).
func (s *Server) fdsNeeded() uint64 {
	return uint64(s.cfg.MaxSessions+s.cfg.PresenterSlots+s.cfg.Startups.Full) + 64
}

// pickBriefing finds the briefing with the given id, or the first one when id
// is "". It scans rather than using Dossier.Briefing so that it works on any
// *Dossier, indexed or not.
func pickBriefing(d *dossier.Dossier, id string) (*dossier.Briefing, error) {
	if id == "" {
		if len(d.Briefings) == 0 {
			return nil, nil
		}
		return &d.Briefings[0], nil
	}
	var ids []string
	for i := range d.Briefings {
		if d.Briefings[i].ID == id {
			return &d.Briefings[i], nil
		}
		ids = append(ids, d.Briefings[i].ID)
	}
	return nil, fmt.Errorf("no briefing %q in the dossier (it has: %v)", id, ids)
}

// Fingerprint returns the SHA256 fingerprint of the server's host key, for
// users to check against what their client shows on first connect.
func (s *Server) Fingerprint() string { return s.fingerprint }

// Hub returns the presentation hub, nil when no presenters are configured.
func (s *Server) Hub() *present.Hub { return s.hub }

// Reload re-reads the authorized keys and presenters files. On error the
// keys in force stay as they were. Sessions already open are not affected.
func (s *Server) Reload() error {
	acc, err := loadAccess(s.cfg.AuthorizedKeys, s.cfg.Presenters)
	if err != nil {
		return err
	}
	s.access.Store(acc)
	s.log.Info("keys reloaded", "authorized", len(acc.authorized), "presenters", len(acc.presenters))
	return nil
}

// Serve listens on Config.Listen and serves until ctx is cancelled; see
// ServeListener.
func (s *Server) Serve(ctx context.Context) error {
	ln, err := net.Listen("tcp", s.cfg.Listen)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	return s.ServeListener(ctx, ln)
}

// ServeListener serves SSH on ln until ctx is cancelled, then shuts down:
// it stops accepting, tells every session "server stopping", gives them
// Config.ShutdownGrace to go, closes every connection that is left and
// returns nil. It closes ln.
func (s *Server) ServeListener(ctx context.Context, ln net.Listener) error {
	acc := s.access.Load()
	s.log.Info("listening", "addr", ln.Addr().String(), "host-key", s.fingerprint,
		"authorized", len(acc.authorized), "presenters", len(acc.presenters), "open", s.cfg.Open,
		"briefing", s.briefing, "max-sessions", s.cfg.MaxSessions, "idle-timeout", s.cfg.IdleTimeout, "max-session", s.cfg.MaxSession)
	if s.cfg.Open {
		s.log.Warn("--open: anyone who can reach " + ln.Addr().String() + " can read this dossier without a key")
	}
	// every session and every connection not logged in holds a file
	// descriptor; the limits are only a defence if they fit
	if need := s.fdsNeeded(); need > 0 {
		if have := fdLimit(); have > 0 && have < need {
			s.log.Warn("the limit on open files is below what the session and connection limits need; "+
				"raise it (ulimit -n) or lower --max-sessions or --max-startups", "limit", have, "needed", need)
		}
	}
	errc := make(chan error, 1)
	al := &acceptSignal{Listener: ln, accepting: make(chan struct{})}
	go func() { errc <- s.ssh.Serve(al) }()
	select {
	case err := <-errc:
		if errors.Is(err, ssh.ErrServerClosed) {
			return nil
		}
		return err
	case <-ctx.Done():
	}
	// Shutdown closes only the listeners Serve has registered, and races
	// with Serve's own start-up: a cancel that came before Serve got that
	// far (a loaded machine, -race) left it accepting for ever. Wait until
	// it accepts (or has failed) first.
	select {
	case <-al.accepting:
	case err := <-errc:
		if errors.Is(err, ssh.ErrServerClosed) {
			return nil
		}
		return err
	}
	s.shutdown()
	if err := <-errc; err != nil && !errors.Is(err, ssh.ErrServerClosed) && !errors.Is(err, net.ErrClosed) {
		return err
	}
	return nil
}

// acceptSignal is a listener that says when it is first asked for a
// connection: by then Serve has registered it, so Shutdown will close it.
type acceptSignal struct {
	net.Listener
	once      sync.Once
	accepting chan struct{}
}

func (a *acceptSignal) Accept() (net.Conn, error) {
	a.once.Do(func() { close(a.accepting) })
	return a.Listener.Accept()
}

func (s *Server) shutdown() {
	start := time.Now()
	// Stop accepting at once: a cancelled context makes Shutdown close the
	// listeners and return without waiting for the connections.
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	_ = s.ssh.Shutdown(cancelled)

	s.mu.Lock()
	s.log.Info("shutting down", "sessions", s.live)
	done := make(chan struct{})
	if s.live == 0 {
		close(done)
	} else {
		s.drained = done
	}
	if !s.stopped {
		s.stopped = true
		close(s.stopping)
	}
	s.mu.Unlock()

	t := time.NewTimer(s.cfg.ShutdownGrace)
	defer t.Stop()
	select {
	case <-done:
	case <-t.C:
		s.log.Warn("sessions still open after the grace period; closing their connections", "grace", s.cfg.ShutdownGrace)
	}
	_ = s.ssh.Close()
	s.log.Info("stopped", "took", time.Since(start).Round(time.Millisecond))
}

// newSSHServer wires authentication, refusals and the session handler.
func (s *Server) newSSHServer(signer gossh.Signer) *ssh.Server {
	srv := &ssh.Server{
		Version: "dossier",
		Handler: s.handler(),
		// HandshakeTimeout and IdleTimeout stay 0: see onConn. MaxTimeout is
		// a backstop only: sessions end themselves first, with a message.
		MaxTimeout:               s.cfg.MaxSession + time.Minute,
		PublicKeyHandler:         s.allowKey,
		ServerConfigCallback:     s.serverConfig,
		ConnCallback:             s.onConn,
		ConnectionFailedCallback: s.connFailed,
		ConnectionCloseCallback:  s.connClosed,
		ChannelHandlers: map[string]ssh.ChannelHandler{
			"session":                        s.sessionChannel,
			"direct-tcpip":                   s.refuseChannel,
			"direct-streamlocal@openssh.com": s.refuseChannel,
		},
		RequestHandlers: map[string]ssh.RequestHandler{
			"tcpip-forward":                          s.refuseForward,
			"cancel-tcpip-forward":                   s.refuseForward,
			"streamlocal-forward@openssh.com":        s.refuseForward,
			"cancel-streamlocal-forward@openssh.com": s.refuseForward,
		},
		SubsystemHandlers: map[string]ssh.SubsystemHandler{"default": s.refuseSubsystem},
	}
	srv.AddHostKey(signer)
	return srv
}

// serverConfig offers only public-key authentication, plus "none" (no key)
// in Open mode. Passwords and keyboard-interactive are never offered.
func (s *Server) serverConfig(ctx ssh.Context) *gossh.ServerConfig {
	c := &gossh.ServerConfig{
		// Every attempt, whatever its method, so that a failed login is
		// logged with the name it claimed and the methods it tried.
		AuthLogCallback: func(cm gossh.ConnMetadata, method string, err error) {
			if err == nil {
				s.loggedIn(ctx, cm.User())
				return
			}
			a, _ := ctx.Value(attemptsKey{}).(attempts)
			a.user = cm.User()
			if !slices.Contains(a.methods, method) {
				a.methods = append(slices.Clone(a.methods), method)
			}
			ctx.SetValue(attemptsKey{}, a)
		},
	}
	if s.cfg.Open {
		c.NoClientAuth = true
		c.NoClientAuthCallback = func(cm gossh.ConnMetadata) (*gossh.Permissions, error) {
			// A login under a presenter's name must prove it with the key:
			// refusing "none" makes the client offer its keys.
			if s.access.Load().presenterNames[nameKey(cm.User())] {
				return nil, errors.New("presenter name: a key is required")
			}
			return &gossh.Permissions{}, nil
		}
	}
	return c
}

// allowKey is the public-key check during the handshake. The key the
// session finally runs under is checked again by identify.
func (s *Server) allowKey(ctx ssh.Context, key ssh.PublicKey) bool {
	acc := s.access.Load()
	if _, _, ok := acc.lookup(key); ok {
		return true
	}
	if s.cfg.Open && !acc.presenterNames[nameKey(userOf(ctx))] {
		return true
	}
	ctx.SetValue(refusedKey{}, Fingerprint(key))
	return false
}

// attempts is what a client tried before it logged in or gave up.
type attempts struct {
	user    string
	methods []string
}

type attemptsKey struct{}

// refusedKey is the context key of the fingerprint of the last key refused
// during the handshake, for the log.
type refusedKey struct{}

// connFailed logs a connection that ended before it logged in: who it
// claimed to be, the last key refused, and why.
func (s *Server) connFailed(c net.Conn, err error) {
	remote := c.RemoteAddr().String()
	kv := []any{"remote-addr", remote, "reason", failReason(err)}
	if v, ok := s.conns.Load(remote); ok {
		ctx := v.(ssh.Context)
		if a, ok := ctx.Value(attemptsKey{}).(attempts); ok {
			kv = append([]any{"user", clean(a.user), "name", clean(a.user)}, kv...)
			kv = append(kv, "methods", clean(strings.Join(a.methods, ",")))
		}
		if fp, ok := ctx.Value(refusedKey{}).(string); ok {
			kv = append(kv, "key", fp)
		}
	}
	s.log.Info("refused", kv...)
}

// failReason words why a handshake failed for the log: the library's
// authentication error is a bracketed list ("[ssh: no auth passed yet,
// permission denied]"); it becomes "authentication failed", followed by
// the reasons other than the libraries' own (ours: "presenter name: a key
// is required").
func failReason(err error) string {
	var ae *gossh.ServerAuthError
	if !errors.As(err, &ae) {
		return cleanReason(err.Error())
	}
	var why []string
	for _, e := range ae.Errors {
		if e == nil || errors.Is(e, gossh.ErrNoAuth) || strings.HasPrefix(e.Error(), "ssh: ") || e.Error() == "permission denied" {
			continue
		}
		if m := e.Error(); !slices.Contains(why, m) {
			why = append(why, m)
		}
	}
	if len(why) == 0 {
		return "authentication failed"
	}
	return cleanReason("authentication failed: " + strings.Join(why, "; "))
}

// loggedIn notes that the client of ctx has logged in: its connection
// leaves the startups (gate), and must open a session within
// Config.StartTimeout or be closed.
func (s *Server) loggedIn(ctx ssh.Context, user string) {
	n := notesOf(ctx)
	n.mu.Lock()
	if n.authed || n.closed {
		n.mu.Unlock()
		return
	}
	n.authed, n.user = true, user
	wait := min(s.cfg.StartTimeout, s.cfg.IdleTimeout)
	t := s.cfg.clock.NewTimer(wait)
	n.start = t
	n.mu.Unlock()
	s.gate.loggedIn(n.ip)
	go func() {
		select {
		case <-ctx.Done():
			t.Stop()
		case <-t.C():
			n.mu.Lock()
			opened, c := n.opened, n.conn
			n.mu.Unlock()
			if opened == 0 && c != nil {
				s.log.Info("closed connection", append(s.who(ctx), "reason",
					"logged in but opened no session within "+wait.String())...)
				_ = c.Close()
			}
		}
	}()
}

// connClosed forgets a connection that ended and stops its timers.
func (s *Server) connClosed(c net.Conn) {
	if v, ok := s.conns.LoadAndDelete(c.RemoteAddr().String()); ok {
		if ctx, ok := v.(ssh.Context); ok {
			n := notesOf(ctx)
			n.stop()
			n.mu.Lock()
			authed := n.authed
			n.mu.Unlock()
			s.gate.closed(n.ip, authed)
		}
	}
}
