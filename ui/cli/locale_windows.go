package cli

import "golang.org/x/sys/windows"

// systemLanguage is the first of the user's Windows display languages
// ("zh-CN", "en-US"): Windows sets no LANG, so without it a Chinese
// Windows would get English labels.
func systemLanguage() string {
	langs, err := windows.GetUserPreferredUILanguages(windows.MUI_LANGUAGE_NAME)
	if err != nil || len(langs) == 0 {
		return ""
	}
	return langs[0]
}
