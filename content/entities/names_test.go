package entities

import "testing"

// TestGivenNames: people with no title, from the given-name lexicon.
func TestGivenNames(t *testing.T) {
	runCases(t, []rcase{
		{"given name and surname", "ضربه رضا اسدی گل شد", []string{"PER:رضا اسدی"}},
		{"with سید", "سید علی میرسپاسی آمد", []string{"PER:سید علی میرسپاسی"}},
		{"a given name alone is nobody", "رضا آمد", nil},
		{"a common given name before a common word", "امید زیادی داریم", nil},
		{"a common given name before a surname", "امید کریمی گفت", []string{"PER:امید کریمی"}},
		{"a hall is no surname (a museum is an organisation)", "در سالن فردوس موزه سینمای ایران", []string{"ORG:موزه سینمای ایران"}},
		{"desk title before a given name", "سرمربی حسین کاظمی گفت", []string{"PER:حسین کاظمی"}},
		{"a demonym touching the name: unsure", "سرمربی حسین قمی گفت", nil},
		{"desk title before a field", "استاد نگارگری کشور گفت", nil},
		{"both spellings of a rank", "سرلشگر عبدالرحیم موسوی و سرلشکر محمد باقری", []string{"PER:عبدالرحیم موسوی", "PER:محمد باقری"}},
	})
}
