package content

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// The Solar Hijri (Jalali) calendar, Iran's civil calendar.
//
// Months 1-6 have 31 days, 7-11 have 30, and Esfand (12) has 29, or 30 in
// a leap year. The official calendar starts each year at the vernal
// equinox as seen from Tehran; the arithmetic rule used here is the
// 33-year cycle: year y is leap when y mod 33 is one of 1, 5, 9, 13, 17,
// 22, 26, 30 (seven 4-year leaps and one 5-year leap per cycle). It agrees
// with the astronomical calendar for every year of modern use (tests check
// 1354-1408 against the published leap years and Go's tzdata-derived
// Nowruz dates). Day counts are anchored on 1 Farvardin 1403 = 20 March
// 2024 (Gregorian), so no far-away epoch constant is involved.

// Jalali is a date of the Solar Hijri calendar.
type Jalali struct {
	Year, Month, Day int
}

// JalaliMonths are the month names as written in Iran, Farvardin first.
var JalaliMonths = [12]string{
	"فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
	"مهر", "آبان", "آذر", "دی", "بهمن", "اسفند",
}

// PersianWeekdays are the day names, indexed by time.Weekday (Sunday = 0).
// The Iranian week starts on شنبه, Saturday.
var PersianWeekdays = [7]string{
	"یکشنبه", "دوشنبه", "سه‌شنبه", "چهارشنبه", "پنجشنبه", "جمعه", "شنبه",
}

// JalaliLeap reports whether Esfand of year y has 30 days.
func JalaliLeap(y int) bool {
	switch mod(y, 33) {
	case 1, 5, 9, 13, 17, 22, 26, 30:
		return true
	}
	return false
}

// JalaliMonthDays is the number of days of month m (1..12) of year y.
func JalaliMonthDays(y, m int) int {
	switch {
	case m >= 1 && m <= 6:
		return 31
	case m >= 7 && m <= 11:
		return 30
	case m == 12 && JalaliLeap(y):
		return 30
	case m == 12:
		return 29
	}
	return 0
}

// Valid reports whether j names a day of the calendar.
func (j Jalali) Valid() bool {
	return j.Year >= 1 && j.Day >= 1 && j.Day <= JalaliMonthDays(j.Year, j.Month)
}

func (j Jalali) String() string { return fmt.Sprintf("%04d/%02d/%02d", j.Year, j.Month, j.Day) }

func mod(a, b int) int { return (a%b + b) % b }
func div(a, b int) int { return (a - mod(a, b)) / b }

// leapsBefore counts the leap years in [1, y).
func leapsBefore(y int) int {
	n := y - 1
	c := div(n, 33) * 8
	for _, r := range [...]int{1, 5, 9, 13, 17, 22, 26, 30} {
		if r <= mod(n, 33) {
			c++
		}
	}
	return c
}

// days numbers the days of the calendar consecutively (day 0 is 1
// Farvardin of year 1 by the arithmetic rule).
func (j Jalali) days() int {
	d := 365*(j.Year-1) + leapsBefore(j.Year)
	if j.Month <= 7 {
		d += 31 * (j.Month - 1)
	} else {
		d += 186 + 30*(j.Month-7)
	}
	return d + j.Day - 1
}

// anchor: 1 Farvardin 1403 is 20 March 2024.
var (
	anchorJalali = Jalali{1403, 1, 1}.days()
	anchorUnix   = time.Date(2024, time.March, 20, 0, 0, 0, 0, time.UTC).Unix() / 86400
)

// Gregorian returns the Gregorian date of j (j must be Valid).
func (j Jalali) Gregorian() (year int, month time.Month, day int) {
	unixDay := anchorUnix + int64(j.days()-anchorJalali)
	return time.Unix(unixDay*86400, 0).UTC().Date()
}

// Weekday is the day of the week of j.
func (j Jalali) Weekday() time.Weekday {
	y, m, d := j.Gregorian()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Weekday()
}

// JalaliOf returns the Jalali date of the Gregorian day of t in t's location.
func JalaliOf(t time.Time) Jalali {
	y, m, d := t.Date()
	unixDay := time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400
	n := int(unixDay-anchorUnix) + anchorJalali
	// Estimate the year from the mean year length, then correct.
	jy := int(float64(n)/365.2424) + 1
	for (Jalali{jy + 1, 1, 1}).days() <= n {
		jy++
	}
	for (Jalali{jy, 1, 1}).days() > n {
		jy--
	}
	doy := n - Jalali{jy, 1, 1}.days()
	if doy < 186 {
		return Jalali{jy, doy/31 + 1, doy%31 + 1}
	}
	doy -= 186
	return Jalali{jy, doy/30 + 7, doy%30 + 1}
}

// TehranZone returns Iran's UTC offset on the Jalali date j, without
// depending on the system's tzdata: +03:30 (IRST), and +04:30 (IRDT) from
// 2 Farvardin to 30 Shahrivar in the years Iran kept daylight saving time
// on that Jalali rule (1371-1384 and 1387-1401; it was abolished from
// 1402). Clocks moved at the midnight that starts 2 Farvardin and at the
// one that ends 30 Shahrivar, so we give each whole day one offset (the
// hour repeated at the end of 30 Shahrivar is read as IRDT). Dates before
// 1371 are outside the tested range: 1358, 1359 and 1370 had other DST
// dates and before 1357 Iran used +04:00.
func TehranZone(j Jalali) *time.Location {
	dst := (j.Year >= 1371 && j.Year <= 1384 || j.Year >= 1387 && j.Year <= 1401) &&
		!(j.Month == 1 && j.Day == 1) && (j.Month < 6 || j.Month == 6 && j.Day <= 30)
	if dst {
		return irdt
	}
	return irst
}

var (
	irst = time.FixedZone("+0330", 3*3600+1800)
	irdt = time.FixedZone("+0430", 4*3600+1800)
)

// Time is the instant of the wall-clock time hh:mm on j in Tehran.
func (j Jalali) Time(hour, min int) time.Time {
	y, m, d := j.Gregorian()
	return time.Date(y, m, d, hour, min, 0, 0, TehranZone(j))
}

// JalaliDateTime is a date as printed on a Persian page, for example
// «دوشنبه ۲۴ مرداد ۱۴۰۱ - ۰۹:۱۴».
type JalaliDateTime struct {
	Date         Jalali
	Weekday      time.Weekday // the printed weekday, if HasWeekday
	HasWeekday   bool
	Hour, Minute int // if HasTime
	HasTime      bool
}

// Time is the instant in Tehran (midnight if no time was printed).
func (dt JalaliDateTime) Time() time.Time { return dt.Date.Time(dt.Hour, dt.Minute) }

// ErrDate is wrapped by the errors of ParseJalali.
var ErrDate = errors.New("not a Jalali date")

// ParseJalali reads a Jalali date written the Persian way: an optional
// weekday name, the day, the month name, the year, and an optional time
// hh:mm after a separator (« - », «،», «ساعت»), in Persian, Arabic-Indic
// or ASCII digits, with Arabic or Persian yeh and kaf and with or without
// ZWNJ: «دوشنبه ۲۴ مرداد ۱۴۰۱ - ۰۹:۱۴», «۲۴ مرداد ۱۴۰۱، ۰۹:۱۴». The numeric
// form «۱۴۰۱/۰۵/۲۴» (year first) is accepted too. A printed weekday that
// does not match the date is an error: one of them is wrong.
func ParseJalali(s string) (JalaliDateTime, error) {
	var dt JalaliDateTime
	f := FoldString(s)
	// Separators and the word «ساعت» (hour) are spaces to us.
	f = strings.NewReplacer("،", " ", ",", " ", "-", " ", "ساعت", " ", "–", " ").Replace(f)
	words := strings.Fields(f)
	bad := func(why string) (JalaliDateTime, error) {
		return JalaliDateTime{}, fmt.Errorf("%w: %q: %s", ErrDate, s, why)
	}
	// Weekday: «سه شنبه» may be written as two words once ZWNJ is gone.
	if len(words) >= 2 && words[0] == "سه" && words[1] == "شنبه" {
		words = append([]string{"سهشنبه"}, words[2:]...)
	}
	if len(words) > 0 {
		for wd, name := range PersianWeekdays {
			if FoldString(name) == words[0] {
				dt.Weekday, dt.HasWeekday = time.Weekday(wd), true
				words = words[1:]
				break
			}
		}
	}
	switch {
	case len(words) >= 1 && strings.Count(words[0], "/") == 2:
		p := strings.Split(words[0], "/")
		y, ok1 := atoi(p[0])
		m, ok2 := atoi(p[1])
		d, ok3 := atoi(p[2])
		if !ok1 || !ok2 || !ok3 {
			return bad("bad number")
		}
		dt.Date = Jalali{y, m, d}
		words = words[1:]
	case len(words) >= 3:
		d, ok1 := atoi(words[0])
		y, ok2 := atoi(words[2])
		m := 0
		for i, name := range JalaliMonths {
			if FoldString(name) == words[1] {
				m = i + 1
			}
		}
		if !ok1 || !ok2 || m == 0 {
			return bad("want day, month name, year")
		}
		dt.Date = Jalali{y, m, d}
		words = words[3:]
	default:
		return bad("too short")
	}
	if !dt.Date.Valid() {
		return bad("no such day")
	}
	if len(words) > 0 {
		hm := strings.Split(words[0], ":")
		if len(hm) != 2 {
			return bad("want hh:mm")
		}
		h, ok1 := atoi(hm[0])
		m, ok2 := atoi(hm[1])
		if !ok1 || !ok2 || h > 23 || m > 59 {
			return bad("bad time")
		}
		dt.Hour, dt.Minute, dt.HasTime = h, m, true
		words = words[1:]
	}
	if len(words) > 0 {
		return bad("trailing text")
	}
	if dt.HasWeekday && dt.Weekday != dt.Date.Weekday() {
		return bad(fmt.Sprintf("printed weekday %s but the date is a %s", dt.Weekday, dt.Date.Weekday()))
	}
	return dt, nil
}

// atoi reads a short decimal number already folded to ASCII digits.
func atoi(s string) (int, bool) {
	if s == "" || len(s) > 6 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}
