package server

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"charm.land/log/v2"
	"github.com/spf13/cobra"

	"github.com/dossier-dev/dossier/dossier"
)

// Loader loads the dossier at path ("" for the embedded default).
type Loader func(path string) (*dossier.Dossier, error)

// Option adjusts the Config that Command builds from its flags.
type Option func(*Config)

// Command returns the `serve` command. load turns the PATH argument into a
// dossier; factory builds each session's reader; opts adjust the Config
// (e.g. set Config.ShareFrames). SIGINT and SIGTERM shut the server down;
// SIGHUP re-reads the key files. With --watch the dossier folder is watched
// and every session shows each new version (watch.go).
func Command(load Loader, factory Factory, opts ...Option) *cobra.Command {
	var cfg Config
	var watchOn bool
	cmd := &cobra.Command{
		Use:   "serve [PATH]",
		Short: "Serve the reader over SSH, with live briefings",
		Long: `Serve the dossier at PATH (the embedded one by default) over SSH. Each
connection gets its own reader. Clients log in with a public key listed in
--authorized-keys; keys in --presenters may also present a briefing, which the
other sessions follow. The host key's fingerprint is printed at start.`,
		Example: `  dossier serve --authorized-keys ~/.ssh/authorized_keys
  dossier serve ./my-dossier --listen 0.0.0.0:2222 --authorized-keys team.keys --presenters leads.keys
  dossier serve --open            # anyone on this machine, no key
  dossier serve ./my-dossier --watch --open   # every session shows each save`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			path := ""
			if len(args) == 1 {
				path = args[0]
			}
			// the watch starts before the load, so that no save is missed
			w, err := startWatch(watchOn, path)
			if err != nil {
				return err
			}
			if w != nil {
				defer w.Close()
			}
			d, err := load(path)
			if err != nil {
				return err
			}
			if cmd.Flags().Changed("presenter-slots") && cfg.PresenterSlots == 0 {
				cfg.PresenterSlots = -1 // none; a zero Config field means the default
			}
			lg := log.NewWithOptions(cmd.ErrOrStderr(), log.Options{ReportTimestamp: true, Prefix: "dossier"})
			cfg.Logger = lg
			for _, o := range opts {
				o(&cfg)
			}
			srv, err := New(cfg, d, factory)
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "host key fingerprint: %s\n", srv.Fingerprint())

			parent := cmd.Context()
			if parent == nil {
				parent = context.Background()
			}
			ctx, stop := signal.NotifyContext(parent, os.Interrupt, syscall.SIGTERM)
			defer stop()
			hup := make(chan os.Signal, 1)
			signal.Notify(hup, syscall.SIGHUP)
			defer signal.Stop(hup)
			go func() {
				for {
					select {
					case <-ctx.Done():
						return
					case <-hup:
						if err := srv.Reload(); err != nil {
							lg.Error("reload failed; keeping the keys in force", "err", err)
						}
					}
				}
			}()
			if w != nil {
				wctx, cancel := context.WithCancel(ctx)
				wait := followEdits(wctx, w, srv, lg)
				defer func() { cancel(); wait() }() // Serve may fail before ctx ends
			}
			return srv.Serve(ctx)
		},
	}
	f := cmd.Flags()
	f.StringVar(&cfg.Listen, "listen", DefaultListen, "address to listen on (host:port)")
	f.StringVar(&cfg.AuthorizedKeys, "authorized-keys", "", "file of the keys that may connect (OpenSSH authorized_keys format)")
	f.StringVar(&cfg.Presenters, "presenters", "", "file of the keys that may present (same format; they may also connect)")
	f.StringVar(&cfg.HostKey, "host-key", "", "host private key file (default: created in $XDG_DATA_HOME/dossier)")
	f.BoolVar(&cfg.Open, "open", false, "let anyone connect without a key (prints a warning); nothing is stored for them")
	f.BoolVar(&cfg.NoNotes, "no-notes", false, "keep no bookmarks, notes or seen record for anyone")
	f.Int64Var(&cfg.NotesLimit, "notes-limit", DefaultNotesLimit, "most bytes of notes and seen record kept per user")
	f.BoolVar(&watchOn, "watch", false, "reload the dossier when its files change; every session shows the new version (PATH needed)")
	f.StringVar(&cfg.Briefing, "briefing", "", "briefing to present, by id (default: the dossier's first)")
	f.IntVar(&cfg.MaxSessions, "max-sessions", DefaultMaxSessions, "sessions at once; more are told the server is full")
	f.IntVar(&cfg.MaxSessionsPerAddress, "max-sessions-per-address", 0, "sessions one address may hold (default: half of --max-sessions)")
	f.IntVar(&cfg.PresenterSlots, "presenter-slots", DefaultPresenterSlots, "sessions beyond --max-sessions kept for presenters")
	cfg.Startups = DefaultStartups
	f.Var(&cfg.Startups, "max-startups", "connections not logged in yet: start:rate:full drops rate% of new ones from start on, "+
		"all at full (as OpenSSH's MaxStartups)")
	f.IntVar(&cfg.StartupsPerAddress, "max-startups-per-address", DefaultStartupsPerAddress, "connections not logged in yet from one address")
	f.DurationVar(&cfg.IdleTimeout, "idle-timeout", DefaultIdleTimeout, "disconnect a session idle this long (following a presenter counts as active)")
	f.DurationVar(&cfg.MaxSession, "max-session", DefaultMaxSession, "longest a session may last")
	f.Float64Var(&cfg.RatePerSecond, "rate", DefaultRatePerSecond, "new connections (and sessions) per second allowed from one address")
	f.IntVar(&cfg.RateBurst, "rate-burst", DefaultRateBurst, "burst of new connections (and sessions) allowed from one address")
	f.BoolVar(&cfg.ShareFrames, "shared-frames", true, "followers with the same terminal size and colours share one reader and one "+
		"rendered frame until they type (false: a reader per session)")
	return cmd
}
