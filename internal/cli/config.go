package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/dossier-dev/dossier/config"
	"github.com/dossier-dev/dossier/internal/sanitize"
	"github.com/dossier-dev/dossier/render"
	"github.com/dossier-dev/dossier/ui"
)

// addSettingFlags adds the flags that override the config file. --style
// is added by the reader itself (and by the config command).
func addSettingFlags(fs *pflag.FlagSet) {
	fs.String("config", "", "settings file (default: $XDG_CONFIG_HOME/dossier/config.yaml)")
	fs.String("accounts", "", "the two or three accounts to open with, as a,b or a,b,c (when the dossier has them)")
	fs.Bool("mouse", true, "use the mouse for scrolling and clicks; --mouse=false leaves text selection to the terminal")
}

// settings are the reader's settings once the config file is read and the
// flags the user gave have overridden it.
type settings struct {
	cfg  config.Config
	keys ui.KeyMap
	// from says where each setting came from: "flag", "config file, line
	// N" or "default".
	from map[string]string
	// third is the third account --accounts a,b,c asks for, "" for none.
	third string
}

// loadSettings reads the config file (--config, else the XDG path) and
// applies the flags the user gave on top.
func loadSettings(cmd *cobra.Command) (*settings, error) {
	fl := cmd.Flags()
	path, _ := fl.GetString("config")
	explicit := path != ""
	if !explicit {
		var err error
		if path, err = config.Path(); err != nil {
			return nil, err
		}
	}
	cfg, err := config.Load(path)
	if err != nil {
		return nil, err
	}
	if explicit && !cfg.Found {
		return nil, fmt.Errorf("config file %s does not exist", path)
	}
	s := &settings{cfg: cfg, keys: ui.DefaultKeyMap(), from: map[string]string{}}
	for _, name := range []string{"style", "accounts", "mouse", "keys"} {
		s.from[name] = "default"
		if p, ok := cfg.FromFile(name); ok {
			s.from[name] = fmt.Sprintf("config file, line %d", p.Line)
		}
	}
	if err := cfg.ApplyKeysIn(s.keys.Named(), ui.KeyScopes()); err != nil {
		return nil, err
	}
	if f := fl.Lookup("style"); f != nil && f.Changed {
		if s.cfg.Style, err = render.ParseStyle(f.Value.String()); err != nil {
			return nil, err
		}
		s.from["style"] = "flag"
	}
	if f := fl.Lookup("accounts"); f != nil && f.Changed {
		ids := strings.Split(f.Value.String(), ",")
		for i := range ids {
			ids[i] = strings.TrimSpace(ids[i])
		}
		if len(ids) < 2 || len(ids) > 3 || slices.Contains(ids, "") {
			return nil, fmt.Errorf("--accounts takes two or three account ids: a,b or a,b,c")
		}
		s.cfg.Accounts = [2]string{ids[0], ids[1]}
		if len(ids) == 3 {
			s.third = ids[2]
		}
		s.from["accounts"] = "flag"
	}
	if f := fl.Lookup("mouse"); f != nil && f.Changed {
		s.cfg.Mouse, _ = fl.GetBool("mouse")
		s.from["mouse"] = "flag"
	}
	return s, nil
}

// settingsFor is loadSettings for a command's action: mistakes in the
// config file are printed one per line as file:line:col (plain, so that
// the paths stay as they are) and end the command with exit code 1.
func settingsFor(cmd *cobra.Command) (*settings, error) {
	s, err := loadSettings(cmd)
	var errs config.Errors
	if errors.As(err, &errs) {
		for _, e := range errs {
			fmt.Fprintln(cmd.ErrOrStderr(), sanitize.Text(e.Error()))
		}
		return nil, &ExitError{Code: 1, Silent: true}
	}
	return s, err
}

// options returns the reader options these settings give.
func (s *settings) options(o ui.Options) ui.Options {
	o.Style = s.cfg.Style
	o.Pair, o.Third = s.cfg.Accounts, s.third
	o.NoMouse = !s.cfg.Mouse
	keys := s.keys
	o.Keys = &keys
	return o
}

func newConfigCmd() *cobra.Command {
	var initFile bool
	cmd := &cobra.Command{
		Use:   "config",
		Short: "Show the settings file's path and the settings in effect",
		Long: "config prints where the settings file is looked for ($XDG_CONFIG_HOME/dossier/config.yaml, " +
			"else ~/.config/dossier/config.yaml), then each setting in effect and where it comes from: a flag, " +
			"the file, or the default. Flags given here are applied as the reader would apply them. " +
			"With --init it writes a commented starter file there.",
		Example: "  dossier config\n  dossier config --init\n  dossier config --style light --mouse=false",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if initFile {
				return writeStarter(cmd)
			}
			s, err := settingsFor(cmd)
			if err != nil {
				return err
			}
			var b strings.Builder
			printSettings(&b, s)
			_, err = io.WriteString(cmd.OutOrStdout(), sanitize.Text(b.String()))
			return err
		},
	}
	cmd.Flags().String("style", "auto", "colours: auto (ask the terminal), dark, light or notty")
	addSettingFlags(cmd.Flags())
	cmd.Flags().BoolVar(&initFile, "init", false, "write a commented starter file at the path (never overwrites)")
	return cmd
}

func printSettings(w io.Writer, s *settings) {
	c := s.cfg
	state := "found"
	if !c.Found {
		state = "not found; the defaults are in use"
	}
	fmt.Fprintf(w, "config file: %s (%s)\n\n", sanitize.Line(c.File), state)
	pair := "the dossier's default pair"
	switch {
	case c.Accounts[0] != "" && s.third != "":
		pair = c.Accounts[0] + ", " + c.Accounts[1] + ", " + s.third + " (when the dossier has them)"
	case c.Accounts[0] != "":
		pair = c.Accounts[0] + ", " + c.Accounts[1] + " (when the dossier has both)"
	}
	mouse := "on"
	if !c.Mouse {
		mouse = "off"
	}
	fmt.Fprintf(w, "%-10s %-46s %s\n", "style", c.Style, s.from["style"])
	fmt.Fprintf(w, "%-10s %-46s %s\n", "accounts", pair, s.from["accounts"])
	fmt.Fprintf(w, "%-10s %-46s %s\n", "mouse", mouse, s.from["mouse"])
	fmt.Fprintf(w, "\nkeys (%s):\n", s.from["keys"])
	overridden := map[string]int{}
	for _, o := range c.Keys {
		overridden[o.Action] = o.Pos.Line
	}
	named := s.keys.Named()
	var actions []string
	for a := range named {
		actions = append(actions, a)
	}
	slices.Sort(actions)
	rows := make([][3]string, 0, len(actions)+1)
	for _, a := range actions {
		keys := strings.Join(named[a].Keys(), " ")
		if keys == "" {
			keys = "(off)"
		}
		from := ""
		if ln, ok := overridden[a]; ok {
			from = fmt.Sprintf("config file, line %d", ln)
		}
		rows = append(rows, [3]string{a, keys, from})
	}
	rows = append(rows, [3]string{"views", viewDigits(), "fixed"})
	// columns as wide as their longest cell, so that a long action name
	// (presenter-panel) or many keys do not push a row out of line
	wa, wk := 0, 0
	for _, r := range rows {
		wa, wk = max(wa, ansi.StringWidth(r[0])), max(wk, ansi.StringWidth(r[1]))
	}
	for _, r := range rows {
		fmt.Fprintln(w, strings.TrimRight(fmt.Sprintf("  %-*s  %-*s  %s", wa, r[0], wk, r[1], r[2]), " "))
	}
}

// viewDigits returns the keys of the views, as the reader binds them.
func viewDigits() string {
	return strings.Join(ui.DefaultKeyMap().Views.Keys(), " ")
}

// writeStarter writes the commented starter file, refusing to overwrite.
func writeStarter(cmd *cobra.Command) error {
	path, _ := cmd.Flags().GetString("config")
	if path == "" {
		var err error
		if path, err = config.Path(); err != nil {
			return err
		}
	}
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("%s already exists; edit it, or remove it first", path)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, werr := io.WriteString(f, config.Starter)
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		return werr
	}
	fmt.Fprintf(cmd.OutOrStdout(), "wrote %s\n", sanitize.Line(path))
	return nil
}
