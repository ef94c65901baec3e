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
		{"a frequent given name that is no everyday word", "لگد به کتف محمد دانشگر رسید", []string{"PER:محمد دانشگر"}},
		{"an everyday-word name before a rare word", "امید دانشگر گفت", nil},
		{"«امیر» before a given name starts the name", "امیر حسین ولیزاده و امیر عباس موحد", []string{"PER:امیر حسین ولیزاده", "PER:امیر عباس موحد"}},
		{"«امیر» alone is a title", "امیر سرتیپ علی کریمی", []string{"PER:علی کریمی"}},
		{"an Arabic chain of given names: not sure where it starts", "جاسم محمد البدیوی گفت", nil},
		{"an adverb in اً is no surname", "علی دقیقاً گفت", nil},
		{"an infinitive is no surname", "شاه عباس قرارگرفتن بود", nil},
		{"a hall is no surname (a museum is an organisation)", "در سالن فردوس موزه سینمای ایران", []string{"LOC:سالن فردوس", "ORG:موزه سینمای ایران"}},
		{"desk title before a given name", "سرمربی حسین کاظمی گفت", []string{"PER:حسین کاظمی"}},
		{"a demonym after a given name is a surname", "سرمربی حسین قمی گفت", []string{"PER:حسین قمی"}},
		{"not before another name-like word", "حسین قمی کرمانی گفت", nil},
		{"not after an everyday-word name", "امید قمی گفت", nil},
		{"a surname in -ایی", "بهروز عطایی گفت و عطایی افزود", []string{"PER:بهروز عطایی", "PER:عطایی"}},
		{"a name before a desk title", "قضاوت کوپال ناظمی داور بازی خوب بود", []string{"PER:کوپال ناظمی"}},
		{"with سید, before a desk title", "و سید علی میرسپاسی مربی بدنساز", []string{"PER:سید علی میرسپاسی"}},
		{"a given name starts the name before a desk title", "عیادت از بستری نریمان پناهی مداح", []string{"PER:نریمان پناهی"}},
		{"no surname before a desk title", "تیم ملی مربی ندارد", nil},
		{"desk title before a field", "استاد نگارگری کشور گفت", nil},
		{"both spellings of a rank", "سرلشگر عبدالرحیم موسوی و سرلشکر محمد باقری", []string{"PER:عبدالرحیم موسوی", "PER:محمد باقری"}},
	})
}
