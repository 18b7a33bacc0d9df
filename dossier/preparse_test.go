package dossier

import (
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"testing"
	"testing/fstest"
)

// A load that parses files ahead on other CPUs gives exactly what a serial
// load gives: the same model and the same problems in the same order, for
// good dossiers and broken ones.
func TestParallelLoadEqualsSerial(t *testing.T) {
	if runtime.GOMAXPROCS(0) < 2 {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	}
	dirs := []string{"../docs/example/water-talks", "../content/" + "istanbul-2025", "testdata/ten-mistakes"}
	malformed, _ := filepath.Glob("../internal/hostile/testdata/malformed/*")
	dirs = append(dirs, malformed...)
	broken := fstest.MapFS{}
	for name, body := range base {
		broken[name] = &fstest.MapFile{Data: []byte(body)}
	}
	broken["topics/t2.md"] = &fstest.MapFile{Data: []byte("---\nid: [\n---\n## Alpha\n- x [@s1]\n")}
	broken["topics/t3.md"] = &fstest.MapFile{Data: []byte("## Alpha\n- no front matter [@s9]\n")}
	broken["briefings/b.md"] = &fstest.MapFile{Data: []byte("---\nid: b\n")}
	type load struct {
		name string
		run  func() (*Dossier, Problems)
	}
	var cases []load
	for _, dir := range dirs {
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			continue
		}
		cases = append(cases, load{name: dir, run: func() (*Dossier, Problems) { return Load(os.DirFS(dir)) }})
	}
	cases = append(cases, load{name: "broken map", run: func() (*Dossier, Problems) { return Load(broken) }})
	if len(cases) < 4 {
		t.Fatalf("only %d dossiers found to compare", len(cases))
	}
	for _, c := range cases {
		serialLoad = true
		d1, p1 := c.run()
		serialLoad = false
		d2, p2 := c.run()
		if !reflect.DeepEqual(p1, p2) {
			t.Errorf("%s: problems differ\nserial:   %v\nparallel: %v", c.name, p1, p2)
		}
		if !reflect.DeepEqual(d1, d2) {
			t.Errorf("%s: models differ", c.name)
		}
	}
}
