package entities

import "testing"

// TestNamedPlaces: a head noun of a geographic feature or a venue and its
// name (places.go).
func TestNamedPlaces(t *testing.T) {
	runCases(t, []rcase{
		{"feature + rare word", "کویر ساغند و خلیج سرت", []string{"LOC:کویر ساغند", "LOC:خلیج سرت"}},
		{"feature + modifier + place", "کویر مرکزی ایران بزرگ است", []string{"LOC:کویر مرکزی ایران"}},
		{"a pole and a compass point", "در قطب جنوب", []string{"LOC:قطب جنوب"}},
		{"venue + honorific + name", "از فرودگاه امام خمینی (ره) به نجف", []string{"LOC:فرودگاه امام خمینی", "LOC:نجف"}},
		{"venue + modifier + rare word", "در محل مجتمع فرهنگی سرچشمه تهران", []string{"LOC:مجتمع فرهنگی سرچشمه", "LOC:تهران"}},
		{"one word before the city", "در سالن جودو ورزشگاه آزادی تهران", []string{"LOC:ورزشگاه آزادی", "LOC:تهران"}},
		{"a sport is no name", "در سالن جودو برگزار شد", nil},
		{"a comparative is no name", "کویرهای کوچک‌تر و کویر کوچک‌تر", nil},
		{"a common word is no name", "در تالار رسمی شورا", nil},
		{"a participle is no name", "که دشت نامیده می‌شود", nil},
	})
}
