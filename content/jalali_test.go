package content

import (
	"errors"
	"testing"
	"time"
	_ "time/tzdata" // Asia/Tehran for the cross-check, whatever the machine has
)

// Known dates, from Iranian calendars and news reports.
func TestJalaliKnownDates(t *testing.T) {
	tests := []struct {
		j       Jalali
		y       int
		m       time.Month
		d       int
		weekday time.Weekday
	}{
		{Jalali{1401, 5, 24}, 2022, time.August, 15, time.Monday}, // the article: «دوشنبه ۲۴ مرداد ۱۴۰۱»
		{Jalali{1403, 1, 1}, 2024, time.March, 20, time.Wednesday},
		{Jalali{1403, 12, 30}, 2025, time.March, 20, time.Thursday}, // 1403 is leap
		{Jalali{1404, 1, 1}, 2025, time.March, 21, time.Friday},
		{Jalali{1402, 12, 29}, 2024, time.March, 19, time.Tuesday}, // 1402 is not
		{Jalali{1399, 12, 30}, 2021, time.March, 20, time.Saturday},
		{Jalali{1400, 1, 1}, 2021, time.March, 21, time.Sunday},
		{Jalali{1396, 1, 1}, 2017, time.March, 21, time.Tuesday},
		{Jalali{1357, 11, 22}, 1979, time.February, 11, time.Sunday},  // 22 Bahman 1357
		{Jalali{1402, 9, 30}, 2023, time.December, 21, time.Thursday}, // Yalda night
		{Jalali{1402, 10, 1}, 2023, time.December, 22, time.Friday},
		{Jalali{1379, 10, 11}, 2000, time.December, 31, time.Sunday},
		{Jalali{1379, 10, 12}, 2001, time.January, 1, time.Monday},
	}
	for _, tc := range tests {
		t.Run(tc.j.String(), func(t *testing.T) {
			if !tc.j.Valid() {
				t.Errorf("%v not valid", tc.j)
			}
			y, m, d := tc.j.Gregorian()
			if y != tc.y || m != tc.m || d != tc.d {
				t.Errorf("%v.Gregorian() = %d-%s-%d, want %d-%s-%d", tc.j, y, m, d, tc.y, tc.m, tc.d)
			}
			if w := tc.j.Weekday(); w != tc.weekday {
				t.Errorf("%v.Weekday() = %s, want %s", tc.j, w, tc.weekday)
			}
			if back := JalaliOf(time.Date(tc.y, tc.m, tc.d, 23, 59, 0, 0, time.UTC)); back != tc.j {
				t.Errorf("JalaliOf(%d-%s-%d) = %v, want %v", tc.y, tc.m, tc.d, back, tc.j)
			}
		})
	}
}

func TestJalaliLeapYears(t *testing.T) {
	// Leap years of the official calendar between 1354 and 1408: every
	// fourth year, with the five-year step 1370 -> 1375 and 1403 -> 1408.
	leap := map[int]bool{1354: true, 1358: true, 1362: true, 1366: true, 1370: true, 1375: true,
		1379: true, 1383: true, 1387: true, 1391: true, 1395: true, 1399: true, 1403: true, 1408: true}
	for y := 1354; y <= 1408; y++ {
		if JalaliLeap(y) != leap[y] {
			t.Errorf("JalaliLeap(%d) = %v", y, !leap[y])
		}
		// A year is as long as its Esfand says.
		n := Jalali{y + 1, 1, 1}.days() - Jalali{y, 1, 1}.days()
		if want := 365 + map[bool]int{true: 1}[leap[y]]; n != want {
			t.Errorf("year %d has %d days", y, n)
		}
	}
	if (Jalali{1403, 12, 30}).Valid() != true || (Jalali{1402, 12, 30}).Valid() != false {
		t.Error("30 Esfand validity")
	}
	for _, j := range []Jalali{{1401, 0, 1}, {1401, 13, 1}, {1401, 1, 0}, {1401, 1, 32}, {1401, 7, 31}, {0, 1, 1}} {
		if j.Valid() {
			t.Errorf("%v valid", j)
		}
	}
}

// TestJalaliRoundTrip: every day from 1300 to 1500 converts to the next
// Gregorian day after its predecessor's, and back.
func TestJalaliRoundTrip(t *testing.T) {
	prev := time.Time{}
	for y := 1300; y <= 1500; y++ {
		for m := 1; m <= 12; m++ {
			for d := 1; d <= JalaliMonthDays(y, m); d++ {
				j := Jalali{y, m, d}
				gy, gm, gd := j.Gregorian()
				g := time.Date(gy, gm, gd, 0, 0, 0, 0, time.UTC)
				if !prev.IsZero() && g.Sub(prev) != 24*time.Hour {
					t.Fatalf("%v is %v, previous day %v", j, g, prev)
				}
				prev = g
				if back := JalaliOf(g); back != j {
					t.Fatalf("JalaliOf(%v) = %v, want %v", g, back, j)
				}
			}
		}
	}
}

// TestTehranZone compares the built-in offset rule with the tz database
// (embedded in this test binary) at noon of every day from 1371 to 1410.
func TestTehranZone(t *testing.T) {
	loc, err := time.LoadLocation("Asia/Tehran")
	if err != nil {
		t.Fatal(err)
	}
	for j := (Jalali{1371, 1, 1}); j.Year <= 1410; {
		y, m, d := j.Gregorian()
		want := time.Date(y, m, d, 12, 0, 0, 0, loc)
		got := j.Time(12, 0)
		if !got.Equal(want) {
			t.Errorf("%v 12:00: %v, tzdata %v", j, got, want)
		}
		j = JalaliOf(time.Date(y, m, d+1, 0, 0, 0, 0, time.UTC))
	}
	// The article's instant.
	got := Jalali{1401, 5, 24}.Time(9, 14)
	if want := time.Date(2022, 8, 15, 4, 44, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("24 Mordad 1401 09:14 = %v, want %v", got.UTC(), want)
	}
}

func TestParseJalali(t *testing.T) {
	tests := []struct {
		in   string
		want JalaliDateTime
	}{
		{"دوشنبه ۲۴ مرداد ۱۴۰۱ - ۰۹:۱۴", JalaliDateTime{Jalali{1401, 5, 24}, time.Monday, true, 9, 14, true}},
		{"دوشنبه ۲۴ مرداد ۱۴۰۱، ۰۹:۱۴", JalaliDateTime{Jalali{1401, 5, 24}, time.Monday, true, 9, 14, true}},
		{"۲۴ مرداد ۱۴۰۱", JalaliDateTime{Date: Jalali{1401, 5, 24}}},
		{"٢٤ مرداد ١٤٠١ ساعت ٠٩:١٤", JalaliDateTime{Jalali{1401, 5, 24}, 0, false, 9, 14, true}},
		{"سه‌شنبه ۳۰ اسفند ۱۴۰۲", JalaliDateTime{}}, // no 30 Esfand in 1402
		{"سه‌شنبه ۲۹ اسفند ۱۴۰۲", JalaliDateTime{Jalali{1402, 12, 29}, time.Tuesday, true, 0, 0, false}},
		{"سه شنبه ۲۹ اسفند ۱۴۰۲", JalaliDateTime{Jalali{1402, 12, 29}, time.Tuesday, true, 0, 0, false}},
		{"پنجشنبه 1 ارديبهشت 1401", JalaliDateTime{Jalali{1401, 2, 1}, time.Thursday, true, 0, 0, false}},
		{"1401/05/24 09:14", JalaliDateTime{Jalali{1401, 5, 24}, 0, false, 9, 14, true}},
		{"۱۴۰۱/۰۵/۲۴", JalaliDateTime{Date: Jalali{1401, 5, 24}}},
		{"یکشنبه ۲۴ مرداد ۱۴۰۱", JalaliDateTime{}},  // the 24th was a Monday
		{"۲۴ مردادی ۱۴۰۱", JalaliDateTime{}},        // not a month
		{"۲۴ مرداد ۱۴۰۱ - ۲۵:۰۰", JalaliDateTime{}}, // not a time
		{"۲۴ مرداد ۱۴۰۱ - ۰۹:۱۴ صبح", JalaliDateTime{}},
		{"", JalaliDateTime{}},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, err := ParseJalali(tc.in)
			if tc.want == (JalaliDateTime{}) {
				if err == nil || !errors.Is(err, ErrDate) {
					t.Errorf("ParseJalali(%q) = %+v, %v; want an error", tc.in, got, err)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Errorf("ParseJalali(%q) = %+v, %v; want %+v", tc.in, got, err, tc.want)
			}
		})
	}
}

func TestPersianNames(t *testing.T) {
	if JalaliMonths[4] != "مرداد" || JalaliMonths[11] != "اسفند" {
		t.Error("month names")
	}
	if PersianWeekdays[time.Monday] != "دوشنبه" || PersianWeekdays[time.Saturday] != "شنبه" || PersianWeekdays[time.Friday] != "جمعه" {
		t.Error("weekday names")
	}
}
