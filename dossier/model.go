// Package dossier is the domain of the dossier reader: the typed model of a
// negotiation dossier, the loader that builds it from a folder of Markdown
// files behind an fs.FS, the validation that reports problems with positions,
// and the sanitising of text. It knows nothing of terminals: it imports no
// Bubble Tea, lipgloss, glamour or wish package.
//
// A *Dossier returned by Load is immutable by contract: nothing in this module
// modifies it after Load returns, so one value may be shared by any number of
// goroutines (the SSH server shares one between all sessions). Callers must
// not modify the slices and maps they are handed.
package dossier

import "time"

// Pos is a position in a dossier file: the file's slash-separated path
// relative to the dossier root, and a 1-based line and column (column counted
// in bytes after tab expansion). The zero Pos means "no position".
type Pos struct {
	File string
	Line int
	Col  int
}

// Dossier is one negotiation, fully loaded and with every reference resolved.
type Dossier struct {
	// ID is a short identifier for the dossier (from dossier.md), used in
	// logs and file names; Title is what the header shows.
	ID    string
	Title string
	Place string
	// Start and End are the first and last day of the talks proper (dates in
	// UTC at midnight).
	Start, End time.Time
	// Parties are the sides of the negotiation; Mediators the mediators and
	// hosts (Role tells which).
	Parties   []Party
	Mediators []Party
	// Summary and Outcome are Markdown.
	Summary string
	Outcome string

	Accounts []Account
	// DefaultPair holds the ids of the two accounts the reader opens with.
	DefaultPair [2]string

	Sources       []Source
	Delegations   []Delegation
	Demands       []Demand
	Days          []Day // in date order
	Topics        []Topic
	Discrepancies []Discrepancy
	Briefings     []Briefing

	// index maps "kind:id" to the element's position in its slice; built once
	// by Load so lookups need no scan.
	index map[string]int
	// viaDates is each source's date as SourceDate gives it (its own, or
	// the first along its via chain), computed once by the loader's
	// checkVia so that a long chain is not walked at every lookup.
	viaDates []time.Time
	// support counts the claims each source supports, once, for
	// ClaimsSupported (support.go); set by Load and by Select.
	support *supportCache
	// base and sel are set on a dossier made by Select: the dossier as
	// loaded and the selection it was seen through (Relate aligns on
	// base, so every subset agrees about counterparts).
	base *Dossier
	sel  Selection
}

// Party is a side of the negotiation, or a mediator or host.
type Party struct {
	ID   string
	Name string
	// Role is "party", "mediator" or "host".
	Role string
	// Aliases are other spellings and scripts of the name.
	Aliases []string
	Pos     Pos
}

// Account is one narrative to compare: usually one per party, plus e.g.
// "Mediators" and "Independent".
type Account struct {
	ID    string
	Name  string
	Party string // party id, "" when the account is not a party's
	// Mediator is the id of the mediator (or host) whose account this is,
	// "" when it is not a mediator's; an account has a Party or a
	// Mediator or neither, never both.
	Mediator    string
	Description string
	// Aliases are other spellings and scripts of the account's name; a
	// topic heading may use any of them.
	Aliases []string
	Pos     Pos
}

// Source is one report or outlet that claims cite.
type Source struct {
	ID     string
	Outlet string // e.g. "Dawn"
	// Short is the label of the source badge ("Dawn"); defaults to Outlet.
	Short string
	Title string
	Date  time.Time // date of publication; zero when unknown
	URL   string
	// Origin says where the source stands, e.g. "Pakistani press", "Kabul media".
	Origin string
	// Reliability is the Admiralty grade of the source, "A" to "F".
	Reliability string
	// Basis is the one-line reason for the grade.
	Basis string
	// Via is the id of the source through which this one is known ("" when
	// it is known directly), e.g. Tolo News via NationPress.
	Via string
	Pos Pos
}

// Delegation lists the members of one party's or mediator's delegation.
type Delegation struct {
	Party   string // party or mediator id
	Note    string
	Members []Member
	Pos     Pos
}

// Member is one person on a delegation. An unnamed member ("a brigadier",
// "two aides") has Name == "" and Unnamed set; Title then describes them.
type Member struct {
	Name string
	// Aliases are other spellings and scripts of the name ("佐藤 花子",
	// "Satō Hanako"); Family is the family name as a text uses it alone
	// ("Sato"), when the last word of the name is not it. Both serve to
	// find the claims naming the member (NameTerms).
	Aliases []string
	Family  string
	Unnamed bool
	Title   string
	Org     string
	Sources []string
	Pos     Pos
}

// Status is the state of a demand.
type Status int

// Demand statuses.
const (
	StatusOpen Status = iota
	StatusAccepted
	StatusRejected
	StatusWithdrawn
	StatusDisputed
)

var statusNames = [...]string{"open", "accepted", "rejected", "withdrawn", "disputed"}

// String returns the status as written in a dossier ("accepted", …).
func (s Status) String() string {
	if int(s) >= 0 && int(s) < len(statusNames) {
		return statusNames[s]
	}
	return "unknown"
}

// Demand is one demand a party put to the other side.
type Demand struct {
	ID       string
	Party    string // party that made the demand
	Text     string // the demand (Markdown, inline)
	Response string // the other side's response
	// TextParts and ResponseParts hold the text and the response as the
	// author split them by source (a list of {text, sources}), nil when
	// each was written as one text. Text and Response are then the parts
	// joined; "as of a day" keeps only the parts known by then.
	TextParts, ResponseParts []Part
	Status                   Status
	Days                     []string // day ids when raised
	Topic                    string   // topic id where it is argued, "" if none
	Sources                  []string
	Pos                      Pos
}

// Part is one piece of a text field that an author split by source, so
// that "as of a day" shows only what was reported by then: a field written
// as a list of {text, sources} instead of one text.
type Part struct {
	Text string
	// Sources are the part's citations; none means the record's own.
	Sources []string
	Pos     Pos
}

// JoinParts returns the parts' texts joined by spaces.
func JoinParts(ps []Part) string {
	var b []byte
	for i, p := range ps {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, p.Text...)
	}
	return string(b)
}

// Phase places a day in the sequence of the negotiation.
type Phase int

// Day phases.
const (
	PhaseBefore Phase = iota // context days before the talks
	PhaseTalks               // a day of talks
	PhaseAfter               // the days after
)

var phaseNames = [...]string{"before", "talks", "after"}

// String returns the phase as written in a dossier.
func (p Phase) String() string {
	if int(p) >= 0 && int(p) < len(phaseNames) {
		return phaseNames[p]
	}
	return "unknown"
}

// DayStatus says whether talks were held on a day, where the phase alone
// does not: a rest day inside the talks, or a day the sources read
// differently.
type DayStatus int

// Day statuses.
const (
	DayPlain    DayStatus = iota // the phase says it all (the default)
	DayRest                      // a day inside the talks with no talks
	DayDisputed                  // sources disagree on what the day was; see Day.Readings
)

var dayStatusNames = [...]string{"", "rest", "disputed"}

// String returns the status as written in a dossier ("rest", "disputed";
// "" for DayPlain).
func (s DayStatus) String() string {
	if int(s) >= 0 && int(s) < len(dayStatusNames) {
		return dayStatusNames[s]
	}
	return "unknown"
}

// DayReading is one reading of a disputed day, as some sources give it.
type DayReading struct {
	// As is what these sources make of the day: "talks" (a day of talks),
	// "rest" (a day inside the talks without talks), "before" or "after"
	// (a day outside the talks).
	As      string
	Text    string // Markdown, inline: how the sources say it; may be empty
	Sources []string
	Pos     Pos
}

// Day is one day of the sequence.
type Day struct {
	ID    string
	Date  time.Time
	Label string // e.g. "Day 2"
	// Phase places the day on the timeline. For a disputed day it is the
	// phase the author files it under; Readings hold what each source says.
	Phase Phase
	// Status is DayRest for a rest day and DayDisputed for a day whose
	// status is in dispute; neither is warned for having no hours.
	Status DayStatus
	// Readings holds, for a disputed day, each reading and its sources (at
	// least two different ones); nil otherwise.
	Readings []DayReading
	// Hours holds the length of the talks that day as each source reports
	// it; several entries when sources disagree.
	Hours  []HoursReport
	Events []Event
	Pos    Pos
}

// HoursReport is one source's figure for how long the talks lasted on a day.
type HoursReport struct {
	Hours   float64 // best numeric reading, for the timeline bar
	Text    string  // as reported, e.g. "nearly 18 hours"
	Sources []string
	// Discrepancies are the ids of the discrepancies this figure is part
	// of (disc: in days.md), as a claim's are.
	Discrepancies []string
	Pos           Pos
}

// Event is one thing that happened on a day, attributed to its sources.
type Event struct {
	Text    string // Markdown, inline
	Account string // account whose version this is, "" when undisputed
	Sources []string
	// Discrepancies are the ids of the discrepancies the event touches
	// (disc: in days.md), as a claim's are.
	Discrepancies []string
	Pos           Pos
}

// Relation says how aligned claims of different accounts relate.
type Relation int

// Relations between aligned claims.
const (
	RelNone       Relation = iota // not marked
	RelAgree                      // the accounts agree
	RelContradict                 // the accounts contradict each other
	RelOneSided                   // only one account speaks to this
)

var relationNames = [...]string{"", "agree", "contradict", "one-sided"}

// String returns the relation as written in a dossier ("contradict", …).
func (r Relation) String() string {
	if int(r) >= 0 && int(r) < len(relationNames) {
		return relationNames[r]
	}
	return "unknown"
}

// Topic is one subject on which accounts are compared.
type Topic struct {
	ID      string
	Title   string
	Summary string   // Markdown, may be empty
	Days    []string // day ids the topic spans
	// Sections holds one section per account that speaks to the topic, in
	// file order.
	Sections []Section
	Pos      Pos
}

// Section is one account's version of a topic.
type Section struct {
	Account string
	Claims  []Claim
	Pos     Pos
}

// Claim is one statement of one account, tied to its sources.
type Claim struct {
	// ID is stable and unique in the dossier: "<topic>/<account>/<n>" with n
	// counted from 1 in file order.
	ID string
	// Text is the claim's Markdown with the citation and attribute syntax
	// removed; it is sanitised and ready to render.
	Text    string
	Sources []string
	// Cred is the credibility grade 1–6 of the Admiralty scale; 0 when none.
	Cred int
	Days []string
	// Key is the alignment key; claims of different accounts with the same
	// key in one topic are two versions of the same moment.
	Key string
	// Relation is the relation of the key's group (resolved across the
	// group at load time), or RelOneSided for a marked unaligned claim.
	Relation      Relation
	Discrepancies []string
	Pos           Pos
}

// Discrepancy is a fact on which sources disagree.
type Discrepancy struct {
	ID       string
	Fact     string // the question, e.g. "How long did the second day run?"
	Topic    string // optional topic id
	Day      string // optional day id
	Versions []Version
	Pos      Pos
}

// Version is one answer to a discrepancy and the sources that give it.
type Version struct {
	Value string
	Note  string
	// NoteParts is the note as the author split it by source, nil when it
	// was written as one text (Note is then the parts joined).
	NoteParts []Part
	Sources   []string
	Pos       Pos
}

// Briefing is an ordered walk through the dossier for presenting.
type Briefing struct {
	ID    string
	Title string
	Stops []Stop
	Pos   Pos
}

// Stop is one stop of a briefing.
type Stop struct {
	Title string
	// View is one of Views ("compare" when the stop names none).
	View     string
	Topic    string    // topic id, for compare
	Day      string    // day id, for days
	Accounts [2]string // the pair to show; zero means the dossier default
	// Third is a third account to show beside the pair (accounts=a,b,c),
	// "" for two.
	Third string
	Notes string // presenter notes, Markdown; shown to presenters only
	Pos   Pos
}
