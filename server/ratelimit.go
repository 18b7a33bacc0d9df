package server

import (
	"net"
	"sync"

	lru "github.com/hashicorp/golang-lru/v2"
	"golang.org/x/time/rate"
)

// addrLimiter limits new TCP connections per remote IP address, before the
// SSH handshake. (wish's ratelimiter, used for sessions, needs a session and
// so runs only after the key exchange and login.) It remembers at most
// maxEntries addresses, least recently seen first out, so a scan from many
// addresses cannot grow it without bound.
type addrLimiter struct {
	mu    sync.Mutex
	rate  rate.Limit
	burst int
	cache *lru.Cache[string, *rate.Limiter]
}

func newAddrLimiter(r float64, burst, maxEntries int) *addrLimiter {
	cache, _ := lru.New[string, *rate.Limiter](max(1, maxEntries)) // errors only for size <= 0
	return &addrLimiter{rate: rate.Limit(r), burst: burst, cache: cache}
}

// allow reports whether a new connection from addr may proceed.
func (a *addrLimiter) allow(addr net.Addr) bool {
	key := addr.String()
	if tcp, ok := addr.(*net.TCPAddr); ok {
		key = tcp.IP.String()
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	l, ok := a.cache.Get(key)
	if !ok {
		l = rate.NewLimiter(a.rate, a.burst)
		a.cache.Add(key, l)
	}
	return l.Allow()
}
