package export

// The handout is built once as a plain model, then written as HTML or
// Markdown. Plain-text fields hold sanitised text; fields named …MD hold
// sanitised Markdown that the writers render their own way.

// handout is a briefing laid out for paper.
type handout struct {
	Title       string // the dossier's title
	Briefing    string // the briefing's title
	Meta        string // "Geneva · 2 to 4 March 2031"
	Parties     string
	Mediators   string
	Outcome     string
	SummaryMD   string
	Stops       []stop
	Sources     []source // the sources cited anywhere in the handout
	Discs       []disc   // discrepancies the handout touches
	DiscsInBody bool     // a stop already lists every discrepancy
	Notes       bool     // presenter notes are included
	// MemoMD is the reader's own bookmarks and notes (dossier export
	// --with-notes), Markdown from notes.Memo; "" leaves them out.
	MemoMD string
}

// stop is one stop of the briefing; exactly one of the view fields is set.
type stop struct {
	N       int
	ID      string // anchor
	Title   string
	View    string // "compare", "days", …
	Caption string // what the stop shows, in words
	NotesMD string

	Compare     *compare
	Days        []day
	Delegations []delegation
	Demands     []demand
	SourceList  []source
	Discs       []disc
}

type compare struct {
	TopicTitle  string
	SummaryMD   string
	Left, Right account
	// Third is the third account of a stop that names three (nil for
	// two): a third column, with the marks of the second pair beside it.
	Third *account
	Rows  []row
}

type account struct {
	ID, Name, Description string
	// Owner says whose account it is when it is a mediator's ("Corvia,
	// mediator"), "" otherwise.
	Owner string
}

// row is one aligned row: a claim on either side (nil for none) and the
// mark between them.
type row struct {
	Rel       string // "agree", "contradict", "one-sided", "unmarked"
	Mark      string // "=", "≠", "◂", "▸", "·"
	Label     string // the relation in words, for the phone layout and print
	Key       string
	Elsewhere bool // one-sided here, but the key has a counterpart out of order
	// Missing says what the empty side has (render.Placeholder: "no
	// counterpart", "counterpart out of order", …), "" when both are set.
	Missing string
	Left    *claim
	Right   *claim
	// Third, Rel2, Mark2, Label2 and Missing3 are the third column and the
	// relation between it and the right one, for a stop with three
	// accounts.
	Third               *claim
	Rel2, Mark2, Label2 string
	Missing3            string
}

type claim struct {
	ID     string
	TextMD string
	Badges []badge
	Days   []string // day tags, "27 Oct"
	Discs  []string // discrepancy ids
}

// badge is a source as cited by a claim: "Dawn B2".
type badge struct {
	SourceID string
	Label    string // render.Badge's text
	Grade    string // reliability A–F, "?" when unknown
	Tip      string // outlet, reliability and credibility in words
}

type day struct {
	ID, Date, Label string
	// Phase is what the day was in a few words: its phase, "rest day", or
	// the readings of a disputed day (dossier.Day.Kind).
	Phase string
	// Readings are a disputed day's versions, each with its sources.
	Readings []hours
	Hours    []hours
	Events   []event
}

// hours is a reported figure or reading and the sources that give it.
type hours struct {
	Text     string
	Badges   []badge
	Disputed bool // the figure is part of a discrepancy
}

type event struct {
	TextMD   string
	Account  string // account name, "" when undisputed
	Badges   []badge
	Disputed bool // the event is part of a discrepancy
}

type delegation struct {
	Party, Note string
	Members     []member
}

type member struct {
	Name, Title, Org string
	Badges           []badge
}

type demand struct {
	ID, Party, Status  string
	TextMD, ResponseMD string
	Days, Topic        string
	Badges             []badge
}

type source struct {
	ID, Short, Outlet, URL  string
	Grade, GradeText, Basis string
	Details                 string // “title” · date · origin · known via …
}

type disc struct {
	ID, Fact, Where string
	Versions        []version
}

type version struct {
	Value, Note string
	Badges      []badge
}
