module github.com/microcosm-cc/bluemonday

go 1.24

require golang.org/x/net v0.60.0
