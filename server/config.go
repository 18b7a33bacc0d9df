package server

import (
	"errors"
	"fmt"
	"net"
	"time"

	"charm.land/log/v2"
)

// Defaults for the limits, used when a Config field is zero.
const (
	DefaultListen           = "127.0.0.1:2222"
	DefaultMaxSessions      = 100
	DefaultIdleTimeout      = 30 * time.Minute
	DefaultMaxSession       = 8 * time.Hour
	DefaultHandshakeTimeout = 20 * time.Second
	DefaultRateBurst        = 100
	DefaultRatePerSecond    = 5.0
	DefaultShutdownGrace    = 3 * time.Second
	// DefaultStartupsPerAddress is how many connections one address may
	// have in the handshake at once (OpenSSH's PerSourceMaxStartups).
	DefaultStartupsPerAddress = 16
	// DefaultPresenterSlots is how many sessions beyond MaxSessions are kept
	// for presenters, so that followers cannot lock them out.
	DefaultPresenterSlots = 4
	// DefaultStartTimeout is how long a session channel may go without
	// asking for its shell, and a logged-in connection without opening a
	// session, before it is closed.
	DefaultStartTimeout = 5 * time.Second
	// DefaultWriteTimeout is how long a write to a session may block (the
	// client stopped reading) before the session is closed.
	DefaultWriteTimeout = 30 * time.Second
)

// Config is how a Server listens, whom it lets in and how long. The zero
// value of a limit means its default; a Config is checked by New.
type Config struct {
	// Listen is the TCP address, e.g. "127.0.0.1:2222"; port 0 picks one.
	Listen string
	// AuthorizedKeys is an OpenSSH authorized_keys file of who may read;
	// Presenters one of who may also present (a presenter need not be in
	// AuthorizedKeys). Both are re-read by Reload (on SIGHUP).
	AuthorizedKeys string
	Presenters     string
	// HostKey is the server's private key; "" means DefaultHostKeyPath,
	// created on first start.
	HostKey string
	// Open lets clients in without a key (anonymous followers).
	Open bool
	// Briefing is the id of the briefing that is presented; "" means the
	// dossier's first.
	Briefing string

	MaxSessions int // sessions at once; more are told the server is full
	// MaxSessionsPerAddress is the share of MaxSessions one remote address
	// may hold; 0 means half of MaxSessions (at least 1).
	MaxSessionsPerAddress int
	// PresenterSlots are sessions beyond MaxSessions that only presenters
	// may take; 0 means DefaultPresenterSlots, -1 none.
	PresenterSlots int
	// Startups caps the connections that have not logged in yet, in all
	// (OpenSSH's MaxStartups, with random early drop); the zero value means
	// DefaultStartups. StartupsPerAddress caps them per remote address.
	Startups           Startups
	StartupsPerAddress int
	// StartTimeout is how long a session channel may go without asking for
	// a shell, and a logged-in connection without opening a session.
	StartTimeout time.Duration
	// WriteTimeout is how long one write to a session may block before the
	// session is closed as stuck.
	WriteTimeout time.Duration
	IdleTimeout  time.Duration // no key from the client and no move from its presenter
	MaxSession   time.Duration // longest a session may last
	// HandshakeTimeout bounds the time from TCP connect to a logged-in SSH
	// connection, so a client that never authenticates is dropped.
	HandshakeTimeout time.Duration
	// RatePerSecond and RateBurst limit new connections and, separately, new
	// sessions per remote address. The defaults let a room behind one NAT
	// address join a briefing at once.
	RatePerSecond float64
	RateBurst     int
	// ShutdownGrace is how long sessions get to say goodbye on shutdown
	// before their connections are closed.
	ShutdownGrace time.Duration

	// ShareFrames lets followers who see the same thing (terminal size,
	// colour profile, background) share one reader and one rendered frame
	// until they type (server/frames.go). The factory's model must then
	// show nothing that depends on Session.Name: a group's model is built
	// with no name.
	ShareFrames bool

	// NoNotes keeps no bookmarks, notes or seen record for anyone
	// (serve --no-notes). Otherwise each user with a known key keeps
	// their own under NotesDir ("" means $XDG_STATE_HOME/dossier/serve),
	// at most NotesLimit bytes (0 means DefaultNotesLimit); anonymous
	// users keep none. server/notes.go.
	NoNotes    bool
	NotesDir   string
	NotesLimit int64

	// Logger receives the structured log; nil means a logger on stderr.
	Logger *log.Logger

	// clock is the time the limits read (clock.go); nil means the real one.
	clock clock
}

func (c Config) withDefaults() Config {
	if c.Listen == "" {
		c.Listen = DefaultListen
	}
	if c.MaxSessions <= 0 {
		c.MaxSessions = DefaultMaxSessions
	}
	if c.IdleTimeout <= 0 {
		c.IdleTimeout = DefaultIdleTimeout
	}
	if c.MaxSession <= 0 {
		c.MaxSession = DefaultMaxSession
	}
	if c.HandshakeTimeout <= 0 {
		c.HandshakeTimeout = DefaultHandshakeTimeout
	}
	if c.RatePerSecond <= 0 {
		c.RatePerSecond = DefaultRatePerSecond
	}
	if c.RateBurst <= 0 {
		c.RateBurst = DefaultRateBurst
	}
	if c.ShutdownGrace <= 0 {
		c.ShutdownGrace = DefaultShutdownGrace
	}
	if c.MaxSessionsPerAddress <= 0 {
		c.MaxSessionsPerAddress = max(1, c.MaxSessions/2)
	}
	switch {
	case c.PresenterSlots == 0:
		c.PresenterSlots = DefaultPresenterSlots
	case c.PresenterSlots < 0:
		c.PresenterSlots = 0
	}
	if c.Startups == (Startups{}) {
		c.Startups = DefaultStartups
	}
	if c.StartupsPerAddress <= 0 {
		c.StartupsPerAddress = DefaultStartupsPerAddress
	}
	if c.StartTimeout <= 0 {
		c.StartTimeout = DefaultStartTimeout
	}
	if c.WriteTimeout <= 0 {
		c.WriteTimeout = DefaultWriteTimeout
	}
	if c.clock == nil {
		c.clock = realClock{}
	}
	return c
}

// ErrNobodyCanLogIn is returned by New when there are no keys and no Open:
// the server would refuse everyone.
var ErrNobodyCanLogIn = errors.New("nobody could log in: give --authorized-keys FILE " +
	"(OpenSSH authorized_keys format) and/or --presenters FILE, or --open to let anyone in without a key")

// checkExposure refuses a configuration that would serve beyond loopback
// without keys or --open, and says why.
func checkExposure(listen string, hasKeys, open bool) error {
	if hasKeys || open {
		return nil
	}
	if !isLoopback(listen) {
		return fmt.Errorf("refusing to serve on %s: it is reachable from other machines and no key is "+
			"configured; give --authorized-keys FILE, or --open to let anyone in on purpose", listen)
	}
	return ErrNobodyCanLogIn
}

// isLoopback reports whether addr listens on loopback only. An empty host
// (":2222") listens everywhere; a host name other than localhost is not
// trusted to stay local.
func isLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
