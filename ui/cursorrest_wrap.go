//go:build !darwin

package ui

// canWrapSettings: Fyne's macOS code type-asserts the app's settings to its
// own type when the system theme changes, so the settings are wrapped
// everywhere but there.
const canWrapSettings = true
