package cli

import (
	"encoding/json"
	"os"
	"strconv"
	"strings"

	"briefdesk/app"
)

// writeJSON writes v as indented JSON. HTML escaping is off: the output is
// for programs and people, and "<" in a title should stay "<".
func (e *env) writeJSON(v any) error {
	enc := json.NewEncoder(e.out)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// lang is the language of labels: --lang, else the saved UI language
// (when the database is already open), else the locale.
// colon is ": " in English output and the full-width "：" in Chinese.
func (e *env) colon() string {
	if e.lang() == "zh" {
		return "："
	}
	return ": "
}

func (e *env) lang() string {
	if e.g.Lang != "" {
		return e.g.Lang
	}
	if e.db != nil {
		if v, err := e.db.Setting(e.ctx, app.SettingLanguage); err == nil {
			if l, ok := normLang(v); ok {
				e.g.Lang = l
				return l
			}
		}
	}
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := os.Getenv(k); v != "" {
			if l, ok := normLang(v); ok {
				e.g.Lang = l
				return l
			}
			break
		}
	}
	if l, ok := normLang(systemLanguage()); ok {
		e.g.Lang = l
		return l
	}
	e.g.Lang = "en"
	return "en"
}

// zhLabels translates the few words the text output prints around the
// document's own (Chinese) text.
var zhLabels = map[string]string{
	"by its number":  "按编号",
	"in the summary": "在摘要中",
	"in a footnote":  "在脚注中",
	"no conflicts":   "没有冲突",
	"Source:":        "来源：",
	"Resolution":     "决议",
	"No.":            "编号",
	"Status":         "状态",
	"Title":          "标题",
	"Table 1 title":  "表1标题",
	"Summary":        "摘要",
	"Footnotes":      "脚注",
	"References":     "引用",
	"Kind":           "类别",
	"Key":            "名称",
	"Cited by":       "引用决议",
	"Clauses":        "条款数",
	"Clause":         "条款",
	"Match":          "匹配",
	"Score":          "得分",
	"Note":           "备注",
	"Author":         "作者",
	"Stance":         "立场",
	"Tags":           "标签",
	"Updated":        "更新",
	"in the title":   "标题中",
	"no matches":     "无匹配",
	"no notes":       "无备注",
	"new":            "新",
	"revised":        "修订版",
	"unchanged":      "无修改",
	"support":        "支持",
	"concern":        "关切",
	"watch":          "关注",
	"none":           "无",

	"WTSA resolutions":   "WTSA决议",
	"WTDC resolutions":   "WTDC决议",
	"PP resolutions":     "全权代表大会决议",
	"ITU-D study groups": "ITU-D研究组",
	"ITU-D Questions":    "ITU-D课题",
	"ITU-T study groups": "ITU-T研究组",
	"Recommendations":    "建议书",
	"Bureaus":            "局",
	"Groups":             "组",
	"Organizations":      "组织",
}

// L translates a label into the output language.
func (e *env) L(s string) string {
	if e.lang() == "zh" {
		if t, ok := zhLabels[s]; ok {
			return t
		}
	}
	return s
}

// join joins non-empty strings.
func join(sep string, parts ...string) string {
	out := parts[:0:0]
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}

// plural says "1 resolution", "2 resolutions".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}
