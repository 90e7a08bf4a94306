package cli

import (
	"fmt"
	"strconv"
	"strings"

	"briefdesk/app"
)

// packWords are the sentences `pack --dry-run` prints around the numbers
// and IDs, in each language the command line speaks: why a resolution is
// in the pack and the warning about a preset that picks one resolution or
// all of them. The Chinese follows the window's wording
// (ui/translation/zh_Hans.json), so the two say the same thing.
type packWords struct {
	res        string // a reason's line: number, reason
	preset     string // preset, reason
	cites      string // reference, where
	titleOrSum string
	asksBDT    string // clause ID
	every      string
	added      string
	saved      string
	one        string // preset, total
	all        string // preset, total
	none       string // preset, total
	header     string // title, target, date, language, count, numbers
	numSep     string
}

var packWordsEN = packWords{
	res:        "  Res %d: %s\n",
	preset:     "preset %s: %s",
	cites:      "cites %s in %s",
	titleOrSum: "the title or summary",
	asksBDT:    "%s asks something of BDT or its Director",
	every:      "every resolution",
	added:      "added with --res",
	saved:      "in the saved pack",
	one:        "Note: preset %s picks only one of the %d resolutions; add others with --res.",
	all:        "Note: preset %s picks all %d resolutions; it narrows nothing here. Remove some with --res=-N.",
	none:       "Note: preset %s picks none of the %d resolutions.",
	header:     "%s (%s, %s, %s): %s: %s\n",
	numSep:     ", ",
}

var packWordsZH = packWords{
	res:        "  第%d号决议：%s\n",
	preset:     "预设 %s：%s",
	cites:      "在 %[2]s 中引用 %[1]s",
	titleOrSum: "标题或概述",
	asksBDT:    "%s 要求 BDT 或其主任开展工作",
	every:      "全部决议",
	added:      "用 --res 添加",
	saved:      "已在保存的简报包中",
	one:        "注意：预设 %s 在 %d 项决议中只选了一项；可用 --res 添加其他决议。",
	all:        "注意：预设 %s 选了全部 %d 项决议，未作任何筛选；可用 --res=-N 去掉不需要的决议。",
	none:       "注意：预设 %s 在 %d 项决议中一项也没有选中。",
	header:     "%s（%s，%s，%s）：%s：%s\n",
	numSep:     "、",
}

// wordsFor gives the sentences in lang ("zh" or "en"; anything else is
// English, the language the command line falls back to).
func wordsFor(lang string) *packWords {
	if lang == app.LangZH {
		return &packWordsZH
	}
	return &packWordsEN
}

// pickReason says why a preset picked a resolution.
func (w *packWords) pickReason(preset string, p app.PresetPick) string {
	where := w.titleOrSum
	if p.ClauseID != "" {
		where = p.ClauseID
	}
	why := w.every
	switch {
	case p.Ref != "":
		why = fmt.Sprintf(w.cites, p.Ref, where)
	case p.ClauseID != "":
		why = fmt.Sprintf(w.asksBDT, p.ClauseID)
	}
	return fmt.Sprintf(w.preset, preset, why)
}

// count says how many resolutions: "1 resolution", "3 resolutions", "3项决议".
func (w *packWords) count(n int) string {
	if w == &packWordsZH {
		return strconv.Itoa(n) + "项决议"
	}
	return plural(n, "resolution")
}

// numbers lists resolution numbers.
func (w *packWords) numbers(ns []int) string {
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = strconv.Itoa(n)
	}
	return strings.Join(s, w.numSep)
}
