package content

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func readTestPage(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "html", name))
	if err != nil {
		t.Fatal(err)
	}
	if strings.HasSuffix(name, ".gz") {
		r, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		if data, err = io.ReadAll(r); err != nil {
			t.Fatal(err)
		}
	}
	return data
}

// realPage is what a reader sees on a saved page, written down by reading
// the page (its source and as a browser shows it), not the program's
// output: the title, the lead, the body paragraphs (how many, the first,
// the last, some in between in order), the date, and strings of the
// page's chrome that must not appear.
type realPage struct {
	file, url   string
	title, site string
	byline      string
	lead        string // prefix of the Lead block; "" when the page shows none
	paragraphs  int    // body blocks after the title and the lead
	first       string // prefix of the first body paragraph
	last        string // prefix of the last
	lastEnd     string // suffix of the last
	inOrder     []string
	published   string // RFC 3339, "" for none
	jalali      string
	absent      []string
}

var realPages = []realPage{{
	file:       "khabaronline.ir.1353889.html",
	url:        "https://www.khabaronline.ir/news/1353889/",
	title:      "تحلیل روزنامه اصولگرا از دعوت اصلاح طلبان به حضور مردم در انتخابات",
	site:       "خبرآنلاین",
	lead:       "روزنامه جوان نوشت:اصلاح‌طلبان رادیکالی که تا دیروز",
	paragraphs: 8, // six paragraphs, two of them under a subheading of their own
	first:      "یک گروه ۸۰ نفره از اصلاح‌طلبان اغلب تندرو",
	last:       "دعوت صادقانه، اما دعوتی است که چشم به نتیجه انتخابات",
	lastEnd:    "این‌ها هم باید در انتخابات شرکت کنند.",
	inOrder:    []string{"چرا اصلاح‌طلبان رادیکال موضع‌شان تغییر کرد؟", "اصلاح‌طلبان در این انتخابات، حداقل دوپاره", "شنیده‌ها حاکی از آن است", "می‌توان به این تحلیل رسید", "در روزهای آخر منتهی به انتخابات", "دعوت صادقانه؟!"},
	published:  "2020-02-18T03:25:00Z",
	jalali:     "سه‌شنبه ۲۹ بهمن ۱۳۹۸، ۰۶:۵۵", // printed on the page: «۲۹ بهمن ۱۳۹۸ - ۰۶:۵۵»
	absent:     []string{"17302", "کد خبر", "برچسب", "طلا و جواهر", "آخرین مطالب سیاست", "در بحث مشارکت کنید", "روسیه برای بهبود روابط با اتحادیه اروپا شرط گذاشت"},
}, {
	file:       "yjc.ir.7349926.html",
	url:        "https://www.yjc.ir/fa/news/7349926/",
	title:      "از کشف ۷۲ دستگاه موتور قاچاق در مهریز تا دستگیری سارق ۱۰۰ میلیون ریالی طلاجات منزل در بافق",
	site:       "خبرگزاری باشگاه خبرنگاران",
	paragraphs: 21, // 17 paragraphs and 4 subheadings, up to «انتهای پیام/ی»
	first:      "به گزارش",
	last:       "سرگرد طولابی نژاد افزود:",
	lastEnd:    "اقدام به سرقت طلا و جواهرات نموده است.",
	inOrder:    []string{"او افزود: پس از توقف و بازرسی", "کشف موتورسیکلت سی بی ۴۰۰ در یزد", "مالخر حرفه‌ای در میبد دستگیر شد", "موتور‌های قاچاقی که مقصد نرسید", "دستگیریسارق ۱۰۰ میلیون ریالی طلاجات منزل در بافق"},
	published:  "2020-05-10T18:59:01+04:30",
	jalali:     "یکشنبه ۲۱ اردیبهشت ۱۳۹۹، ۱۸:۵۹", // the page's article:published_time «۱۳۹۹/۰۲/۲۱ - ۱۸:۵۹»
	absent:     []string{"انتهای پیام", "اخبار پیشنهادی", "بیماری مرموز در نیویورک", "کليه حقوق اين سايت", "عناوین کل اخبار", "سوالات کرونا", "مهمترین بسته حوادث"},
}, {
	file:       "aryanews.com.120200622120908039.html",
	url:        "http://www.aryanews.com/News/120200622120908039/",
	title:      "ورود 50 هزار میلیارد تومان نقدینگی به بورس در 3 ماه",
	lead:       "خبرگزاری آریا - رییس سازمان بورس و اوراق بهادار اعلام کرد",
	paragraphs: 13, // lines of text between <br>: 9 paragraphs and 4 subheadings
	first:      "به گزارش خبرگزاری آریا ، حسن قالیباف اصل",
	last:       "قالیباف اصل گفت: در سال 97",
	lastEnd:    "این رقم به شدت افزایش پیدا کند.",
	inOrder:    []string{"راه‌اندازی صندوق توسعه تامین‌مالی", "تدوین لایحه ارتقای نظام مالی", "ثبت نام 9.500.000 نفر در سجام", "100 هزار میلیارد تومان تامین مالی در 3 ماه"},
	published:  "2020-06-22T12:09:00+04:30",
	jalali:     "دوشنبه ۲ تیر ۱۳۹۹، ۱۲:۰۹", // printed «2 تير 1399 - 12:09:08 ب.ظ»; the header's «امروز:» date is not it
	absent:     []string{"امروز", "-->", "خبرگزاری آریا - ورود"},
}, {
	file:       "youm7.com.4943459.html",
	url:        "https://www.youm7.com/story/2020/8/24/4943459",
	title:      "وزير الرى يشهد توقيع عقد دراسة تحديد السحب الآمن للخزانات الجوفية مع جامعة القاهرة",
	site:       "اليوم السابع",
	lead:       "شهد الدكتور محمد عبد العاطي وزير الموارد المائية",
	paragraphs: 5,
	first:      "وكان الدكتور عبد العاطي قد التقى وفد",
	last:       "وأثني الدكتور عبدالعاطي",
	lastEnd:    "بذل المزيد من الجهد بالمرحلة الثانية للدراسة.",
	inOrder:    []string{"وتجدر الإشارة إلى أن تلك الدراسة", "وأفاد المهندس سيد سركيس", "ووجه الدكتور حسام الدين عبد الفتاح"},
	published:  "2020-08-24T09:23:13Z",
	absent:     []string{"Share on facebook", "اضف تعليق", "الأكثر قراءة", "Trending", "حقوق النشر", "فايلر مجاش القمة", "الأمن المستدام", "- اليوم السابع"},
}, {
	file:       "alyaum.com.6291787.html",
	url:        "https://www.alyaum.com/articles/6291787/",
	title:      "طهران تدفن «زادة».. وتتهم المعارضة الإيرانية باغتياله",
	site:       "alyaum",
	byline:     "حسام أبو العلا - القاهرة",
	paragraphs: 16, // 13 paragraphs and 3 subheadings, between <br><br>
	first:      "وسط تهديدات إيرانية بالانتقام وتوعد إسرائيلي",
	last:       "وقال وزير الاستخبارات الإسرائيلي، إيلي كوهين",
	lastEnd:    "ستواصل منع إيران من امتلاك سلاح نووي.",
	inOrder:    []string{"انتكاسة جديدة", "روايات وهمية", "اتهام إسرائيل", "بدروه أعلن الجيش الإسرائيلي"},
	published:  "2020-12-01T02:00:00+03:00",
	absent:     []string{"googletag", "للإشتراك بجريدة اليوم", "المملكة تُدين بأشد العبارات", "الشرقية اليوم", "هجوم «السارين»"},
}, {
	file:       "assabah.com.tn.article.html",
	url:        "http://www.assabah.com.tn/article/",
	title:      "الناشط الحقوقي السوداني خالد عبد الكريم ماسا لـ«الصباح»: كل الشروط متوفرة لثورة سودانية ولا حاجة لنستورد شيئا",
	site:       "Assabah News",
	paragraphs: 25, // the subtitle, the byline, two paragraphs, then nine questions and their answers (three answers of two paragraphs)
	first:      "- الجيل الذي سعى النظام لتدجينه",
	last:       "وبالنسبة للنظام في الخرطوم",
	lastEnd:    "اعادة التفكير في العلاقة بين الخرطوم وتل ابيب.",
	inOrder:    []string{"حوار: آسيا العتروس", "مالذي يحدث في السودان؟", "*كيف يمكن تقييم حصيلة ثلاثة عقود في ظل حكم البشير؟", "-أخطر ما في هذه الحصيلة", "*وماذا عن حقيقة التوجه نحو التطبيع"},
	absent:     []string{"Weather forecast", "فاكس التحرير", "جميع الحقوق", "جريدة الصباح بتاريخ"},
}, {
	file:       "lbcgroup.tv.898682.html.gz",
	url:        "https://www.lbcgroup.tv/news/lifestyle/898682/ar",
	title:      "\"شعر وردي يُشعل السخرية\"… لغز لون شعر دونالد ترامب يربك الجمهور وخبير يشرح السبب",
	site:       "LBCI Lebanon",
	paragraphs: 6,
	first:      "أثار ظهور دونالد ترامب بشعرٍ مائل",
	last:       "وسرعان ما ضجّت منصات التواصل",
	lastEnd:    "\"لا ينسجم إطلاقًا مع صورته المعتادة\".",
	inOrder:    []string{"وخلال مخاطبته أعضاء الحزب الجمهوري", "وأوضح مصفف الشعر اللندني", "وكانت إيفانكا ترامب"},
	published:  "2026-01-08T11:42:50Z",
	absent:     []string{"حمل الآن تطبيق", "التالي", "السابق", "في إعارة نادرة", "مشاهدات عالية", "2min", "Google Play", "إشترك", "عراقجي", "&quot;"},
}}

func TestParseHTMLRealPages(t *testing.T) {
	for _, p := range realPages {
		t.Run(p.file, func(t *testing.T) {
			doc, err := ParseHTML(readTestPage(t, p.file), p.url, "text/html")
			if err != nil {
				t.Fatal(err)
			}
			m := doc.Meta
			if m.Title != p.title || m.Site != p.site || m.Byline != p.byline {
				t.Errorf("title %q site %q byline %q\nwant %q site %q byline %q", m.Title, m.Site, m.Byline, p.title, p.site, p.byline)
			}
			if doc.Format != FormatHTML || doc.Name != p.url || m.Encoding != "" {
				t.Errorf("format %v name %q encoding %q", doc.Format, doc.Name, m.Encoding)
			}
			bs := doc.Blocks
			checkHTMLBlocks(t, bs)
			// The title, once, first.
			if len(bs) == 0 || bs[0].Kind != Heading || bs[0].Level != 1 || bs[0].Text != p.title {
				t.Fatalf("first block is not the title: %+v", bs[:min(1, len(bs))])
			}
			tk := htmlKey(p.title)
			for _, b := range bs[1:] {
				if htmlKey(b.Text) == tk || strings.Contains(htmlKey(b.Text), tk) {
					t.Errorf("title repeated in %q", b.Text)
				}
			}
			body := bs[1:]
			if p.lead != "" {
				if len(body) == 0 || body[0].Kind != Lead || !strings.HasPrefix(body[0].Text, p.lead) {
					t.Errorf("no lead %q: %.80q", p.lead, body[0].Text)
				}
				body = body[1:]
			}
			for _, b := range body {
				if b.Kind == Lead {
					t.Errorf("a second lead %.60q", b.Text)
				}
			}
			if len(body) != p.paragraphs {
				t.Errorf("%d body blocks, want %d:\n%s", len(body), p.paragraphs, dumpBlocks(body))
			}
			if len(body) > 0 {
				if !strings.HasPrefix(body[0].Text, p.first) {
					t.Errorf("first paragraph %.80q, want %q...", body[0].Text, p.first)
				}
				last := strings.TrimSpace(body[len(body)-1].Text)
				if !strings.HasPrefix(last, p.last) || !strings.HasSuffix(last, p.lastEnd) {
					t.Errorf("last paragraph %.80q, want %q ... %q", last, p.last, p.lastEnd)
				}
			}
			k := 0
			for _, b := range body {
				if k < len(p.inOrder) && strings.HasPrefix(b.Text, p.inOrder[k]) {
					k++
				}
			}
			if k < len(p.inOrder) {
				t.Errorf("paragraph %q missing or out of order", p.inOrder[k])
			}
			for _, b := range bs {
				for _, a := range p.absent {
					if strings.Contains(b.Text, a) {
						t.Errorf("chrome %q in %.100q", a, b.Text)
					}
				}
			}
			if p.published == "" {
				if !m.Published.IsZero() {
					t.Errorf("published %v, want none", m.Published)
				}
			} else {
				want, _ := time.Parse(time.RFC3339, p.published)
				if !m.Published.Equal(want) {
					t.Errorf("published %v, want %v", m.Published, want)
				}
			}
			if m.DateJalali != p.jalali {
				t.Errorf("Jalali %q, want %q", m.DateJalali, p.jalali)
			}
			if p.jalali != "" {
				if _, off := m.Published.Zone(); off != 3*3600+1800 && off != 4*3600+1800 {
					t.Errorf("published %v not in Tehran time", m.Published)
				}
			}
		})
	}
}

// The whole page, on request or when no article is found.
func TestParseHTMLWholePage(t *testing.T) {
	page := readTestPage(t, "youm7.com.4943459.html")
	doc, err := ParseHTMLPage(page, "", "")
	if err != nil {
		t.Fatal(err)
	}
	text := htmlAllText(doc)
	for _, s := range []string{"وكان الدكتور عبد العاطي", "الأكثر قراءة", "حقوق النشر"} {
		if !strings.Contains(text, s) {
			t.Errorf("whole page lacks %q", s)
		}
	}
	small := []byte(`<!DOCTYPE html><html dir="rtl"><head><title>فهرست | سایت</title></head><body><nav>منو</nav><ul><li><a href="/a">یک</a><li><a href="/b">دو</a></ul><p>کوتاه</p></body></html>`)
	doc, err = ParseHTML(small, "https://example.com/", "")
	if !errors.Is(err, ErrNotArticle) || doc == nil {
		t.Fatalf("want the whole page and ErrNotArticle, got %v, %v", doc, err)
	}
	if err.Error() != "https://example.com/: no article found" {
		t.Errorf("notice %q", err)
	}
	if got := dumpBlocks(doc.Blocks); got != "h1 rtl nb \"فهرست | سایت\"\nli i1 rtl \"یک\" link[یک](https://example.com/a)\nli i1 rtl nb \"دو\" link[دو](https://example.com/b)\nparagraph rtl \"کوتاه\"\n" {
		t.Errorf("whole page:\n%s", got)
	}
}

func htmlAllText(doc *Document) string {
	var sb strings.Builder
	for _, b := range doc.Blocks {
		sb.WriteString(b.Text)
		sb.WriteByte('\n')
	}
	return sb.String()
}
