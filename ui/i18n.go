package ui

import (
	"embed"
	"os"
	"runtime"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// The translation files: en.json and zh_Hans.json. lang infers each file's
// language from its name, so the names must stay exactly like this.
//
//go:embed translation
var translationFS embed.FS

// Language choices, as the command line (--lang) and the Settings dialog
// name them. "" follows the system locale.
const (
	langSystem  = ""
	langEnglish = "en"
	langChinese = "zh"
)

// prefLanguage is the fyne preference that holds the chosen language: it is
// needed before the database is open, so it cannot live only there.
const prefLanguage = "ui.language"

// setupLanguage loads the translations so lang.L answers in choice, or in
// the system's language when choice is "". It must run before any widget
// is built.
//
// Fyne's lang package has no call to pick a language: it follows the
// locale environment (LANGUAGE, LC_ALL, LANG) on Linux and the BSDs, which
// we set for our own process before loading. Elsewhere the locale comes
// from the OS, so the chosen language's strings are also registered under
// the system locale's name, which lang then prefers.
func setupLanguage(choice string) {
	var posix string
	switch choice {
	case langEnglish:
		posix = "en_US"
	case langChinese:
		posix = "zh_CN"
	}
	if posix != "" {
		os.Setenv("LANGUAGE", posix)
		os.Setenv("LC_ALL", posix+".UTF-8")
	}
	if err := lang.AddTranslationsFS(translationFS, "translation"); err != nil {
		fyne.LogError("loading translations", err)
	}
	if posix == "" || runtime.GOOS == "linux" || runtime.GOOS == "freebsd" || runtime.GOOS == "openbsd" || runtime.GOOS == "netbsd" {
		return
	}
	file := "translation/en.json"
	if choice == langChinese {
		file = "translation/zh_Hans.json"
	}
	if b, err := translationFS.ReadFile(file); err == nil {
		if err := lang.AddTranslationsForLocale(b, lang.SystemLocale()); err != nil {
			fyne.LogError("forcing the language", err)
		}
	}
}

// normLanguage maps what a person may type (--lang zh-CN, ZH, english) to a
// choice, and false for anything else.
func normLanguage(s string) (string, bool) {
	switch s {
	case "", "system":
		return langSystem, true
	case "en", "EN", "en-US", "en_US", "english", "English":
		return langEnglish, true
	case "zh", "ZH", "zh-CN", "zh_CN", "zh-Hans", "zh_Hans", "chinese", "Chinese", "中文":
		return langChinese, true
	}
	return "", false
}
