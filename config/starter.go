package config

// Starter is the commented file `dossier config --init` writes. Every
// setting in it is commented out, so it changes nothing until edited.
const Starter = `# Settings for dossier, the negotiation dossier reader.
# Flags on the command line win over this file. Check what is in effect
# with:  dossier config

# Colours: auto (ask the terminal), dark, light or notty (no colour).
# style: auto

# The two accounts the reader opens with, when the dossier has both
# (otherwise the dossier's own default pair is used).
# accounts: [pk, af]

# The mouse scrolls and picks claims; off leaves text selection to the
# terminal.
# mouse: on

# Key overrides: action: key, or action: [key, key]. An empty list turns
# an action off (but quit must keep a key). Quote keys that are YAML
# punctuation: "]", "?", "{". Modifiers go in the order ctrl+alt+shift.
# Actions: up down page-up page-down top bottom next-claim prev-claim
#   next-topic prev-topic topics accounts swap sync focus provenance
#   search follow help back quit next-day prev-day open as-of next-match
#   prev-match clear-filter discrepancies party-filter status-filter
#   bookmark note bookmarks copy only-new legend history-back
#   history-forward default-accounts
#   When presenting: next-stop prev-stop ask-control hand-off
#   presenter-panel notes-down notes-up
# A key may serve two actions of different views (sync in the compare
# view, status-filter in the demands view); dossier config says when two
# actions would answer the same key.
# keys:
#   quit: [q, ctrl+c]
#   next-topic: ["]", ">"]
#   prev-topic: ["[", "<"]
`
