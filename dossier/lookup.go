package dossier

// The lookups below use the index Load builds; they return false for an id
// that is not in the dossier. The pointers they return point into the
// dossier and must not be modified.

func (d *Dossier) lookup(kind, id string) (int, bool) {
	if d == nil || d.index == nil {
		return 0, false
	}
	i, ok := d.index[kind+":"+id]
	return i, ok
}

// Source returns the source with the given id.
func (d *Dossier) Source(id string) (*Source, bool) {
	i, ok := d.lookup("source", id)
	if !ok {
		return nil, false
	}
	return &d.Sources[i], true
}

// Account returns the account with the given id.
func (d *Dossier) Account(id string) (*Account, bool) {
	i, ok := d.lookup("account", id)
	if !ok {
		return nil, false
	}
	return &d.Accounts[i], true
}

// Topic returns the topic with the given id.
func (d *Dossier) Topic(id string) (*Topic, bool) {
	i, ok := d.lookup("topic", id)
	if !ok {
		return nil, false
	}
	return &d.Topics[i], true
}

// TopicIndex returns the index in Topics of the topic with the given id.
func (d *Dossier) TopicIndex(id string) (int, bool) { return d.lookup("topic", id) }

// Day returns the day with the given id.
func (d *Dossier) Day(id string) (*Day, bool) {
	i, ok := d.lookup("day", id)
	if !ok {
		return nil, false
	}
	return &d.Days[i], true
}

// DayIndex returns the index in Days of the day with the given id.
func (d *Dossier) DayIndex(id string) (int, bool) { return d.lookup("day", id) }

// Discrepancy returns the discrepancy with the given id.
func (d *Dossier) Discrepancy(id string) (*Discrepancy, bool) {
	i, ok := d.lookup("discrepancy", id)
	if !ok {
		return nil, false
	}
	return &d.Discrepancies[i], true
}

// Demand returns the demand with the given id.
func (d *Dossier) Demand(id string) (*Demand, bool) {
	i, ok := d.lookup("demand", id)
	if !ok {
		return nil, false
	}
	return &d.Demands[i], true
}

// Briefing returns the briefing with the given id.
func (d *Dossier) Briefing(id string) (*Briefing, bool) {
	i, ok := d.lookup("briefing", id)
	if !ok {
		return nil, false
	}
	return &d.Briefings[i], true
}

// PartyName returns the name of the party or mediator with the given id, or
// the id itself when there is none.
func (d *Dossier) PartyName(id string) string {
	for _, p := range d.Parties {
		if p.ID == id {
			return p.Name
		}
	}
	for _, p := range d.Mediators {
		if p.ID == id {
			return p.Name
		}
	}
	return id
}

// AccountOwner says whose account an account is: the party's name
// ("Upstream Republic"), the mediator's with its role ("Corvia,
// mediator"; "Switzerland, host"), or "" for an account of no party or
// mediator (analysts, the press) and for an unknown id.
func (d *Dossier) AccountOwner(id string) string {
	a, ok := d.Account(id)
	if !ok {
		return ""
	}
	switch {
	case a.Party != "":
		return d.PartyName(a.Party)
	case a.Mediator != "":
		for _, m := range d.Mediators {
			if m.ID == a.Mediator {
				return m.Name + ", " + m.Role
			}
		}
		return a.Mediator + ", mediator"
	}
	return ""
}

// Section returns the section of topic t written for the given account.
func (t *Topic) Section(account string) (*Section, bool) {
	for i := range t.Sections {
		if t.Sections[i].Account == account {
			return &t.Sections[i], true
		}
	}
	return nil, false
}
