package server

import (
	"fmt"
	"math/rand/v2"
	"net"
	"strconv"
	"strings"
	"sync"
)

// Startups is the cap on connections that have not logged in yet, as
// OpenSSH's MaxStartups "start:rate:full": from Start such connections on,
// a new one is dropped with probability Rate percent, rising linearly to
// 100 percent at Full. Connections that have logged in do not count, so a
// flood of handshakes cannot take the file descriptors that readers need.
type Startups struct{ Start, Rate, Full int }

// DefaultStartups is 32:30:128: OpenSSH's 10:30:100 is a little low for a
// room joining a briefing at once through one NAT address (a handshake over
// a slow link takes a second or so).
var DefaultStartups = Startups{Start: 32, Rate: 30, Full: 128}

// String formats s as start:rate:full.
func (s Startups) String() string { return fmt.Sprintf("%d:%d:%d", s.Start, s.Rate, s.Full) }

// ParseStartups reads "start:rate:full", or a single number N meaning N:100:N
// (no random drop, a hard cap at N).
func ParseStartups(v string) (Startups, error) {
	parts := strings.Split(v, ":")
	var n []int
	for _, p := range parts {
		x, err := strconv.Atoi(strings.TrimSpace(p))
		if err != nil || x < 0 {
			return Startups{}, fmt.Errorf("max-startups wants start:rate:full (e.g. 10:30:100) or one number, not %q", v)
		}
		n = append(n, x)
	}
	var s Startups
	switch len(n) {
	case 1:
		s = Startups{Start: n[0], Rate: 100, Full: n[0]}
	case 3:
		s = Startups{Start: n[0], Rate: n[1], Full: n[2]}
	default:
		return Startups{}, fmt.Errorf("max-startups wants start:rate:full (e.g. 10:30:100) or one number, not %q", v)
	}
	if s.Full < 1 || s.Start > s.Full || s.Rate > 100 {
		return Startups{}, fmt.Errorf("max-startups %q: need 1 <= full, start <= full and rate <= 100", v)
	}
	return s, nil
}

// Set and Type make Startups a command-line flag (pflag.Value).
func (s *Startups) Set(v string) error {
	p, err := ParseStartups(v)
	if err != nil {
		return err
	}
	*s = p
	return nil
}

// Type names the flag's value in help.
func (*Startups) Type() string { return "start:rate:full" }

// gate counts the connections that are open, per remote address and in all,
// and admits or drops each new one before its key exchange.
type gate struct {
	mu       sync.Mutex
	startups Startups
	perAddr  int // connections not logged in, per address
	unauth   int // connections not logged in, in all
	addrs    map[string]*addrConns
	// random returns a number in [0, 1); replaced in tests.
	random func() float64
}

type addrConns struct{ unauth, authed int }

func newGate(s Startups, perAddr int) *gate {
	return &gate{startups: s, perAddr: perAddr, addrs: map[string]*addrConns{}, random: rand.Float64}
}

// ipOf is the address limits are counted by: the IP without the port.
func ipOf(a net.Addr) string {
	if tcp, ok := a.(*net.TCPAddr); ok {
		return tcp.IP.String()
	}
	return a.String()
}

// admit decides whether a new connection from ip may start its handshake;
// when it may, it counts it as not logged in until loggedIn or closed.
func (g *gate) admit(ip string) (ok bool, reason string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	a := g.addrs[ip]
	if a != nil && a.unauth >= g.perAddr {
		return false, fmt.Sprintf("too many connections not logged in from this address (%d)", g.perAddr)
	}
	s := g.startups
	switch {
	case g.unauth >= s.Full:
		return false, fmt.Sprintf("too many connections not logged in (%d, max-startups %s)", g.unauth, s)
	case g.unauth >= s.Start && s.Full > s.Start:
		p := float64(s.Rate)/100 + (1-float64(s.Rate)/100)*float64(g.unauth-s.Start)/float64(s.Full-s.Start)
		if g.random() < p {
			return false, fmt.Sprintf("random early drop (%d connections not logged in, max-startups %s)", g.unauth, s)
		}
	}
	if a == nil {
		a = &addrConns{}
		g.addrs[ip] = a
	}
	a.unauth++
	g.unauth++
	return true, ""
}

// loggedIn moves an admitted connection from ip out of the startups.
func (g *gate) loggedIn(ip string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if a := g.addrs[ip]; a != nil && a.unauth > 0 {
		a.unauth--
		a.authed++
		g.unauth--
	}
}

// closed forgets an admitted connection from ip.
func (g *gate) closed(ip string, authed bool) {
	g.mu.Lock()
	defer g.mu.Unlock()
	a := g.addrs[ip]
	if a == nil {
		return
	}
	if authed && a.authed > 0 {
		a.authed--
	} else if !authed && a.unauth > 0 {
		a.unauth--
		g.unauth--
	}
	if a.unauth == 0 && a.authed == 0 {
		delete(g.addrs, ip)
	}
}

// counts returns the connections not logged in and logged in, for tests and
// the log.
func (g *gate) counts() (unauth, authed int) {
	g.mu.Lock()
	defer g.mu.Unlock()
	for _, a := range g.addrs {
		authed += a.authed
	}
	return g.unauth, authed
}
