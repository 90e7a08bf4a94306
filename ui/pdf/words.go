package pdf

import (
	"fmt"
	"strings"
	"time"

	"briefdesk/app"
)

// words are the pack's own words (headings, labels, dates, bookmarks) in
// the pack's language. The resolutions' text is Chinese in both; a
// Chinese pack carries no English glosses.
type words struct {
	lang    string // "zh" or "en"
	pdfLang string // the catalog's /Lang

	zh bool

	kicker, titlePrefix          string
	aboutFor, aboutAll           string // %s is the target
	sg1, sg2, tdag, wtdc, custom string // Chinese only: English is app's Pack.TargetName

	target, meeting, delegation, preparedBy, date, resolutions, clauses, notes string
	clausesAll, clausesITUD, notesNone, notesMine, notesAll                    string
	source, madeWith                                                           string
	extractCover                                                               string

	contents, positions, overviewTitle, overviewSection, appendixTitle, appendixSection string
	resShort, resLong                                                                   string // %d
	page                                                                                string // %d, %d

	positionsIntro, overviewIntro, appendixIntro string
	fullNote                                     string // %s page
	noLongerExists, resolutionN                  string
	clause                                       string // %s

	support, concern, watch, note               string
	priorities                                  [4]string
	from, clauseGone, clauseChanged, aColleague string
	writtenOn, notPrinted                       string // %s clause name

	colRes, colStatus, colTitle, colSummary, colPage, cont string
	statusNew, statusRevised, statusUnchanged              string

	table1Title, summary, noITUD, references, footnotes string
	onTitle, onClause                                   string // footnote: (on the title); %s clause
	citeRes                                             string // %d res, %d page
	extractRes                                          string
	gap                                                 string // %s the skipped labels

	checklistTitle, checklistSection, checklistIntro string
	colClause, colAddressee, colText                 string
	sectionAsks                                      string

	noteOn, noteAfterItems string // %s clause ID
	counted                string // %s label, %d count

	colon, listSep string
}

var wordsEN = words{
	lang: app.LangEN, pdfLang: "en",
	kicker: "BRIEFING PACK", titlePrefix: "Briefing pack: ",
	aboutFor: "WTSA-20 resolutions for %s", aboutAll: "WTSA-20 resolutions relevant to ITU-D",

	target: "Target group", meeting: "Meeting", delegation: "Delegation", preparedBy: "Prepared by",
	date: "Date", resolutions: "Resolutions", clauses: "Clauses", notes: "Notes",
	clausesAll:  "every clause of the extract",
	clausesITUD: "only the clauses of the extract that name or address ITU-D / BDT",
	notesNone:   "none", notesMine: "our own notes", notesAll: "all notes, ours and colleagues'",
	source:   "Source of the corpus",
	madeWith: "Made with BriefDesk. Chinese text as in the source document; headings in English.",
	extractCover: "These are extracts, not whole resolutions: for each resolution, the clauses that concern ITU-D " +
		"as the source document gives them (its Table 2). " + app.GapMark + " marks where the source leaves clauses out.",

	contents: "Contents", positions: "Our positions", overviewTitle: "Overview of the resolutions", overviewSection: "Overview",
	appendixTitle: "References appendix", appendixSection: "References",
	resShort: "Res %d", resLong: "Resolution %d", page: "Page %d of %d",

	positionsIntro: "The notes of this pack that take a position, grouped by stance. Each points to the page where it stands beside its clause.",
	overviewIntro:  "Table 1 of the source document for the resolutions in this pack: status, title and summary. Mentions of ITU-D and BDT are in bold.",
	appendixIntro:  "Every resolution, study group, Question, Recommendation, bureau, group and organisation the resolutions of this pack cite, with where they cite it.",
	fullNote:       "(full note on p. %s)", noLongerExists: " (no longer exists)", resolutionN: "Resolution %d",
	clause: "clause %s",

	support: "Support", concern: "Concern", watch: "Watch", note: "Note",
	priorities: [4]string{"", "high priority", "medium priority", "low priority"},
	from:       "from %s", clauseGone: "clause no longer exists", clauseChanged: "clause text changed since written", aColleague: "a colleague",
	writtenOn:  "Written on %s, which no longer exists in this resolution.",
	notPrinted: "On %s, which this pack does not print.",

	colRes: "Res.", colStatus: "Status", colTitle: "Title", colSummary: "Summary (Table 1)", colPage: "Page", cont: "(cont.)",
	statusNew: "New · 新", statusRevised: "Revised · 修订版", statusUnchanged: "Unchanged · 无修改",

	table1Title: "Table 1 title: ", summary: "Summary (Table 1) · 概述",
	noITUD:     "No clause of this resolution names or addresses ITU-D / BDT; see the summary above.",
	references: "References · 引用", footnotes: "Footnotes · 脚注",
	onTitle: "on the title", onClause: "on %s", citeRes: "Res %d p. %d",
	extractRes: "Extract: the clauses that concern ITU-D, as the source document gives them; not the whole resolution.",
	gap:        "%s not in the extract",

	checklistTitle: "What ITU-D is asked to do", checklistSection: "Asked of ITU-D",
	checklistIntro: "Every clause of this pack that asks something of ITU-D, BDT or its Director, with the page it is on.",
	colClause:      "Clause", colAddressee: "Addressee", colText: "Text",
	sectionAsks: "",

	counted: "%s (%d)",
	noteOn:  "Note on %s", noteAfterItems: "On %s, printed after its items.",

	colon: ": ", listSep: ", ",
}

var wordsZH = words{
	lang: app.LangZH, pdfLang: "zh-CN", zh: true,
	kicker: "简报材料", titlePrefix: "简报材料：",
	aboutFor: "供%s参考的WTSA-20决议", aboutAll: "与ITU-D相关的WTSA-20决议",
	sg1: "ITU-D第1研究组", sg2: "ITU-D第2研究组", tdag: "电信发展顾问组（TDAG）", wtdc: "世界电信发展大会（WTDC）筹备", custom: "自定义",

	target: "对象", meeting: "会议", delegation: "代表团", preparedBy: "编写人",
	date: "日期", resolutions: "决议", clauses: "条款", notes: "笔记",
	clausesAll:  "摘录中的全部条款",
	clausesITUD: "摘录中提及或针对ITU-D / BDT的条款",
	notesNone:   "无", notesMine: "我方笔记", notesAll: "全部笔记（我方和同事）",
	source:       "文本来源",
	madeWith:     "由BriefDesk生成。决议文本照录源文件。",
	extractCover: "以下为摘录，并非决议全文：各决议中与ITU-D相关的条款，依源文件（表2）所列。" + app.GapMark + "表示源文件在此略去条款。",

	contents: "目录", positions: "我方立场", overviewTitle: "决议概览", overviewSection: "决议概览",
	appendixTitle: "附录：引用索引", appendixSection: "附录",
	resShort: "第%d号决议", resLong: "第%d号决议", page: "第 %d 页 / 共 %d 页",

	positionsIntro: "本简报中表明立场的笔记，按立场分组；每条注明其所在条款的页码。",
	overviewIntro:  "源文件表1中本简报所收决议的状态、标题和概述。提及ITU-D和BDT之处以粗体显示。",
	appendixIntro:  "本简报各决议引用的决议、研究组、课题、建议书、局、顾问组和组织，以及引用之处。",
	fullNote:       "（全文见第 %s 页）", noLongerExists: "（已不存在）", resolutionN: "第%d号决议",
	clause: "条款 %s",

	support: "支持", concern: "关切", watch: "关注", note: "笔记",
	priorities: [4]string{"", "高优先级", "中优先级", "低优先级"},
	from:       "来自%s", clauseGone: "条款已不存在", clauseChanged: "撰写后条款文本有改动", aColleague: "同事",
	writtenOn:  "写于%s，该条款已不在本决议中。",
	notPrinted: "写于%s，本简报未收录该条款。",

	colRes: "决议", colStatus: "状态", colTitle: "标题", colSummary: "概述（表1）", colPage: "页码", cont: "（续）",
	statusNew: "新", statusRevised: "修订版", statusUnchanged: "无修改",

	table1Title: "表1标题：", summary: "概述（表1）",
	noITUD:     "本决议没有提及或针对ITU-D / BDT的条款；见上方概述。",
	references: "引用", footnotes: "脚注",
	onTitle: "标题", onClause: "%s", citeRes: "第%d号决议 第%d页",
	extractRes: "摘录：源文件所列与ITU-D相关的条款，并非决议全文。",
	gap:        "源文件略去%s",

	checklistTitle: "要求ITU-D开展的工作", checklistSection: "要求ITU-D开展的工作",
	checklistIntro: "本简报中要求ITU-D、BDT或其主任开展工作的全部条款及其页码。",
	colClause:      "条款", colAddressee: "对象", colText: "内容",

	counted: "%s（%d）",
	noteOn:  "%s的笔记", noteAfterItems: "针对%s，排在其各分项之后。",

	colon: "：", listSep: "、",
}

// wordsFor returns the words of a pack's language.
func wordsFor(p *app.Pack) *words {
	if p.PackLang("") == app.LangZH {
		return &wordsZH
	}
	return &wordsEN
}

// dateText prints a YYYY-MM-DD date: 2026年12月7日 in Chinese, as it is
// in English (ISO dates read the same everywhere).
func (w *words) dateText(d string) string {
	if !w.zh {
		return d
	}
	t, err := time.Parse(app.DateLayout, d)
	if err != nil {
		return d
	}
	return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
}

// targetName is how a pack's target is printed.
func (w *words) targetName(p *app.Pack) string {
	if !w.zh {
		return p.TargetName()
	}
	switch p.Target {
	case app.TargetSG1:
		return w.sg1
	case app.TargetSG2:
		return w.sg2
	case app.TargetTDAG:
		return w.tdag
	case app.TargetWTDC:
		return w.wtdc
	}
	if p.TargetLabel != "" {
		return p.TargetLabel
	}
	return w.custom
}

// kindLabel names a reference kind.
func (w *words) kindLabel(k app.RefKind) string {
	if !w.zh {
		return k.Label()
	}
	switch k {
	case app.RefWTDCResolution:
		return "WTDC决议"
	case app.RefPPResolution:
		return "全权代表大会决议"
	case app.RefWTSAResolution:
		return "WTSA决议"
	case app.RefITUTSG:
		return "ITU-T研究组"
	case app.RefITUDSG:
		return "ITU-D研究组"
	case app.RefITUDQuestion:
		return "ITU-D课题"
	case app.RefRecommendation:
		return "建议书"
	case app.RefBureau:
		return "局"
	case app.RefGroup:
		return "顾问组等"
	case app.RefOrganization:
		return "组织"
	}
	return string(k)
}

// stanceLabel names a stance.
func (w *words) stanceLabel(s app.Stance) string {
	switch s {
	case app.StanceSupport:
		return w.support
	case app.StanceConcern:
		return w.concern
	case app.StanceWatch:
		return w.watch
	}
	return w.note
}

// statusLabel names a resolution's status.
func (w *words) statusLabel(s app.Status) string {
	switch s {
	case app.StatusNew:
		return w.statusNew
	case app.StatusRevised:
		return w.statusRevised
	case app.StatusUnchanged:
		return w.statusUnchanged
	}
	return string(s)
}

// upper is a label in capitals, for Latin labels only.
func (w *words) upper(s string) string {
	if w.zh {
		return s
	}
	return strings.ToUpper(s)
}
