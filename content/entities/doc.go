// Package entities recognises named entities in Persian text: people (PER),
// places (LOC), organisations (ORG), dates and times (DATE), numbers (NUM)
// and quotations (QUOTE). It needs no model: names come from a gazetteer
// (an embedded TSV, gazetteer.tsv, to which a user's file can be added with
// Recognizer.Load), and dates, numbers and quotations from rules.
//
// The algorithm, per block of text:
//
//  1. Fold the text with content.Fold (Persian yeh and keheh for their
//     Arabic forms, no harakat, tatweel or ZWNJ, ASCII digits), so that
//     «نِچایف» and «نچایف», «پنج‌شنبه» and «پنجشنبه» are one spelling.
//     Every span found in the folded text is mapped back with Folded.Orig.
//  2. Split the folded text into words. A word is a run of letters, marks
//     and digits (digits may carry the separators . , : / between them, so
//     «۰۹:۱۴» and «۱۴۰۱/۰۵/۲۴» are one word). This is the Persian word
//     boundary: Go's regexp \b knows only ASCII, and a substring search
//     would find «کره» inside «مذاکره».
//  3. Gazetteer: at each word, walk a byte trie of the folded names with the
//     words that follow it. A spelling keeps its word boundaries as
//     written: two words written apart (a space, a hyphen or a ZWNJ in the
//     spelling) match the text with a space or a hyphen between them, or
//     with a ZWNJ or nothing inside one word of the text, so «کره شمالی»,
//     «کره‌شمالی» and «کرهشمالی» are one key; a spelling written as one word
//     never crosses a word boundary of the text (Rumi's «ما درید» is not
//     «مادرید», «پر و» not «پرو»). The longest name wins («کره شمالی» over a
//     shorter entry). A name spelt with a comma between two words
//     («وزارت صنعت، معدن و تجارت») crosses a comma there, and only there. An inner word may end in the ezafe ی, which is
//     skipped: «کره‌ی شمالی» is «کره شمالی». The last word may carry an
//     attached suffix (ها، های، ی، ای، یی، هایی، ان), with or without a
//     ZWNJ: the suffix is not part of the span (a ZWNJ before it is, as it
//     belongs to the letter's cluster). ان, the plural of animate nouns,
//     never follows a place («رمان» is a novel, not Rome). After a ZWNJ it
//     leaves a person or an organisation («پوتین‌ان»); joined without one
//     it is accepted only for a person's plural («ترامپان»), when the
//     spelling is not a cue-only one, its last letter joins the next (not
//     ا آ د ذ ر ز ژ و: after a vowel letter the plural is یان, so «ناتوان»
//     is not NATO's; after د ذ ر ز ژ a ZWNJ would not show, and -ران
//     -دان -زان end countless words and names such as «تهران»), the word
//     before ان has four letters or more («کیمان», «ونسان» are not Kims or
//     Vances), and the whole word is neither a gazetteer name of its own
//     nor a word on an exception list («مودیان» are taxpayers).
//     A place followed by the adjective suffix (ی after a consonant, یی
//     after ا or و, ای after ه: «ایرانی»، «آمریکایی»، «کره‌ای») is a
//     demonym, not a place, and is dropped; ی after a vowel or ه is the
//     ezafe («آمریکای بزرگ»، «غزه‌ی ویران») and keeps the place. «روسی»
//     does not even match: the name is «روسیه».
//  4. Rules find dates (Jalali, Gregorian and Hijri months, with «ماه»
//     joined or apart as one date: «آبان‌ماه», «آبان ماه ۱۴۰۴»; weekdays,
//     times, numeric dates, relative dates such as «سه سال قبل»), numbers
//     (digits and the scale words after them, «۲۸۰۰ هزار میلیارد», not the
//     currency; words, compounds and ordinals such as «هفتاد و سومین»;
//     not the digits of code or of a machine's name for something:
//     versions «2.28.1», IP addresses, ports, attribute and JSON values,
//     Unix timestamps, «utf-8»; not «هر دو», «چند صد», a list marker «1.»,
//     nor the number words of the fixed phrases of lists/fixed_phrases.txt:
//     «دو و میدانی», «چهل ستون», «جنگ جهانی دوم»), organisations named by
//     a head noun and a country («وزارت خارجه روسیه») and quotations.
//  5. Candidates are chosen leftmost-longest; on equal spans the gazetteer
//     wins over the ORG rule, which wins over DATE, which wins over NUM.
//  6. Unknown people next to a title, and their later mentions, are added
//     where nothing was chosen (see below); then quotations.
//
// Quotations. A «…» is a QUOTE when it follows a colon or a verb of saying
// («گفت:») or when it holds a clause (five words or more, or three with a
// finite verb). A
// QUOTE's span includes the guillemets, and entities inside it are reported
// as well: the result is sorted by Start (then longest first), entities
// other than QUOTE never overlap one another, and a QUOTE either contains
// an entity whole or does not touch it. A UI can therefore draw quotes with
// one style and entity kinds with others, and OR the two where they nest. A
// short «…» that is not a quotation is a name in quotes: it takes the kind
// of the name («رویترز» ORG), a name after or before a title is a person
// («ماریو لوبتکین» after «وزیر خارجه»), «روز …» is a day (DATE); otherwise
// it is a scare quote and yields nothing.
//
// Titles (رئیس جمهور، وزیر خارجه، معاون سخنگوی، رهبر ...) are cues, not
// entities: they make a quoted unknown name a person and let an ambiguous
// gazetteer spelling (marked ? in the TSV) count.
//
// People not in the gazetteer (people.go). After the candidates are chosen,
// a title is a cue for the name next to it, read on the folded words:
//
//   - TITLE [modifiers, further titles] [OF] [«،»] NAME: «نخست وزیر
//     اتیوپی، ابی احمد», «رئیس جمهور سابق آمریکا ...», «معاون اول رئیس
//     جمهور ...». OF is what the title heads: places and organisations
//     already found (a gazetteer name, «کشور X», an organisation of the ORG
//     rule), each after up to two head words («رئیس کمیسیون اتحادیه
//     آفریقا», «رئیس بانک جهانی»), «در» and another one («سفیر ایران در
//     سازمان ملل»), or a demonym («همتای آمریکایی خود»). Without OF only
//     the titles marked + in lists/titles.txt may stand before a name (رئیس جمهور،
//     نخست وزیر، وزیر خارجه، آقای، خانم ...); «رئیس»، «رهبر»، «معاون»
//     need their OF, so «رئیس هیئت» and «رهبر انقلاب» give nothing.
//     The titles of Iran's ministers, long or short and with their commas
//     («وزیر امور اقتصادی و دارایی»، «وزیر صنعت، معدن و تجارت»، «وزیر
//     نفت»; marked * there), name what they head and count as
//     their own OF, before or after the name.
//   - NAME [«،»] TITLE OF: «دانیل نوبوا رئیس جمهور اکوادور», «پنی وونگ
//     همتای استرالیایی او»; the OF is required here, but before a desk
//     title (marked ~: «داور», «مربی») for a name of two or three words
//     with no common word, ending in a surname-shaped word that is not
//     common either («کوپال ناظمی داور بازی», «ایوب رستمی مربی»).
//
// NAME is one to three consecutive words (particles such as «بن», «دا»
// not counted) joined by spaces only, each a Persian word of two letters
// or more that is in no entity already chosen and is none of: a word of
// the rules' lexicon (function words, months, numbers, titles, cue words),
// a word of lists/notnames.txt (function words, verb forms, common nouns and
// adjectives of the news, as data, also with an attached ی، ها، ش، مان ...),
// a verb by its shape (می/نمی/ب/ن + stem + ending, a preverb before one;
// the stems and endings are content.StemAndEnding's, shared with the
// ZWNJ repair),
// a plural in ها, a noun with the ezafe «ای» after ا, a word with an
// ending of common words (-انه، -مند، -گاه، -ایی). A name after a title
// ends at the first such word; a word just before a light verb («تاکید
// کرد») is dropped. The rule emits nothing when unsure: when a fourth
// name-like word follows, when a place name, a demonym or a number touches
// the name, when a name has a single word after a title (but after an
// honorific: «آقای»، «خانم»، «دکتر» ...) or before one («رئیس جمهور
// آمریکا بیمار است», «سفر رئیس جمهور»).
// The canonical name is the name as written, its spaces made single;
// Role is the title (with its head words, «رئیس کمیسیون») and Of what it
// heads, both left empty when the title is itself the complement of a
// word before it («مشاور امنیت ملی رئیس جمهور آمریکا X»).
//
// A name so found is remembered for the whole text, before the place it
// was found too (a second pass: «سلیمانی: ...» before «حیدر سلیمانی»),
// and for the texts after it: a mention of the whole name, of its last
// word (three letters or more, shared with no other learned name) or of
// its given name (not a common word, shared with no other) standing apart
// from other name-like words is the same person with the same canonical
// name («نوبوا» and «دانیل نوبوا», «فرشاد» and «فرشاد احمدزاده»). A last word that is a common word (lists/common_words.txt,
// from hazm's frequency list) is not a surname on its own, so a name taken
// with a common word after it cannot make that word a person everywhere
// after it. The memory belongs to one Recognize call, or to one Records
// call across its paragraphs; the Recognizer keeps no state, so it stays
// safe for concurrent use.
//
// Prose only. RecognizeBlocks recognises the blocks of a document: nothing
// in a Code block or a Rule (content.Block.Prose), and inside a prose
// block nothing in its islands (content.Islands: inline code, autolinks,
// the URLs, e-mail addresses and file paths written in the text) nor in a
// link whose text is its URL. The islands are blanked out before the text
// is read, so that no name, date or quotation is joined across one.
//
// For `rtlview --entities`, Records (paragraphs) and RecordsBlocks (blocks,
// prose only, offsets into each block's text as read) list the entities
// of a document and WriteTSV and WriteJSON print them, control characters
// as content.Visible shows them.
//
// # Layout
//
// One file per part of the public API and per pass:
//
//	recognizer.go  the public API: Entity, Recognizer (New, Empty, Load),
//	               Recognize, RecognizeAll, RoleAt (a gazetteer role of a
//	               document's year); no shared state: each caller
//	               makes its own recognizer
//	blocks.go      RecognizeBlocks, RecognizeBlock, RecordsBlocks: prose
//	               blocks without their islands (no code, URLs, paths)
//	kind.go        Kind: PER, LOC, ORG, DATE, NUM, QUOTE
//	output.go      Records, WriteTSV, WriteJSON (rtlview --entities)
//	scanner.go     one Recognize call: the passes in order, choosing the
//	               candidates, mapping them back to the text
//	words.go       step 2, the words of the folded text
//	gazetteer.go   the gazetteer file format (gazetteer.tsv, Load) and its trie
//	match.go       step 3, the gazetteer pass: names, suffixes, ان, cues
//	orgs.go        organisations named after a country (ORG rule), by
//	               head noun + modifiers up to a boundary or a place or
//	               organisation (lists/org_phrase_heads.txt, org_stops.txt),
//	               teams after «تیم», compass regions («شرق و غرب لیبی»)
//	places.go      named places: a head noun of a feature or a venue and
//	               its name (lists/place_heads.txt: «کویر ساغند», «قطب
//	               جنوب», «فرودگاه امام خمینی», «ورزشگاه آزادی تهران»)
//	dates.go       DATE rules; named days (lists/occasions.txt); adjacent
//	               dates and ranges with «تا»/«الی» merged after choosing
//	numbers.go     NUM rules
//	titles.go      titles: the cues of the person rule
//	people.go      people not in the gazetteer, and their later mentions
//	names.go       people with no title: a given name (lists/given_names.txt)
//	               and a surname
//	quotes.go      quotations
//	lexicon.go     the word classes of the rules (one lookup per word),
//	               numbers in words with their values, and the loading of
//	               the word lists
//	lists/*.txt    the word lists, as data: one word or phrase a line, each
//	               file with a header that says what the list is for
//	               (notnames.txt: any number of words a line)
//
// The Persian knowledge shared with the rest of rtlview comes from
// content: folding (content.Fold), the Jalali month and weekday names,
// verb stems and endings (content.StemAndEnding), which letters join the
// next one (content.JoinsNext, from Joining_Type) and control pictures
// (content.Visible). Affixes (suffixes, preverbs) are grammar, not lists,
// and stay in the code that reads them.
//
// Specifications: UAX #29 (Unicode Text Segmentation) for what a word is
// made of; content.Fold for the normalisation; the Unicode Character
// Database (UnicodeData.txt) for letters, marks and digits.
package entities
