package dossier

// Views are the reader's views in the order of their keys: the view at
// index i is shown with the digit i. This is the one list of their names:
// the reader's tabs, briefing stops (`view=`) and `print --view` all read
// it.
var Views = []string{"overview", "compare", "days", "delegations", "demands", "sources", "discrepancies"}

// DefaultStopView is the view a briefing stop shows when it names none.
const DefaultStopView = "compare"
