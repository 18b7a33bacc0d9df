package present

// SetStops changes the number of stops of the presented briefing, told to
// followers with every position from now on: `dossier serve --watch`
// calls it when an edit adds or removes stops.
func (h *Hub) SetStops(n int) {
	h.mu.Lock()
	h.stops = max(0, n)
	h.mu.Unlock()
}
