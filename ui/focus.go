package ui

// Focus says which pane of the compare view has the keyboard: the one that
// scrolls when scrolling is not synchronised, whose claim Enter explains,
// and which is shown when the panes become tabs.
type Focus int

// Panes.
const (
	FocusLeft Focus = iota
	FocusRight
)

// String returns "left" or "right".
func (f Focus) String() string {
	switch f {
	case FocusLeft:
		return "left"
	case FocusRight:
		return "right"
	}
	return "unknown"
}

// Other returns the other pane.
func (f Focus) Other() Focus {
	if f == FocusLeft {
		return FocusRight
	}
	return FocusLeft
}
