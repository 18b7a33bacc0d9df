package dossier

import (
	"slices"
	"testing"
)

func TestNameTerms(t *testing.T) {
	cases := []struct {
		m    Member
		want []string
	}{
		{Member{Name: "Ana Mora"}, []string{"Ana Mora", "Mora"}},
		{Member{Name: "Sato Hanako", Aliases: []string{"佐藤 花子", "Satō Hanako"}},
			[]string{"Sato Hanako", "佐藤 花子", "佐藤花子", "Satō Hanako", "Sato", "Hanako", "佐藤", "花子", "Satō"}},
		{Member{Name: "王毅"}, []string{"王毅"}},
		{Member{Name: "Abdul Khabir Majrooh (Jawad Sargar)"},
			[]string{"Abdul Khabir Majrooh (Jawad Sargar)", "Abdul Khabir Majrooh", "Jawad Sargar", "Abdul", "Sargar", "Majrooh", "Jawad"}},
		{Member{Name: "Guðrún Jónsdóttir", Family: "Jónsdóttir", Aliases: []string{"Gudrun Jonsdottir"}},
			[]string{"Guðrún Jónsdóttir", "Gudrun Jonsdottir", "Jónsdóttir", "Jonsdottir"}},
		{Member{Name: "Sato Hanako", Family: "Sato", Aliases: []string{"佐藤 花子", "Satō Hanako"}},
			[]string{"Sato Hanako", "佐藤 花子", "佐藤花子", "Satō Hanako", "Sato", "佐藤", "Satō"}},
		{Member{Name: "יעל כהן"}, []string{"יעל כהן"}},
		{Member{Unnamed: true, Title: "two aides"}, nil},
	}
	for _, tc := range cases {
		if got := tc.m.NameTerms(); !slices.Equal(got, tc.want) {
			t.Errorf("%q: got %q, want %q", tc.m.Name, got, tc.want)
		}
	}
}
