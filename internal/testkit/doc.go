// Package testkit holds what the tests of several packages share, written
// once: hang limits that scale with the machine, the switch for soak tests,
// the check that a frame holds no escape but SGR, a frame recorder for a
// whole Bubble Tea program with barriers, and SSH server and client helpers
// that see a session through a terminal emulator.
//
// Nothing here measures speed: a limit only stops a test that hangs, and it
// grows with the race detector, the load of the machine and
// DOSSIER_HANG_SCALE, so that a busy machine makes a test slower, never red.
package testkit
