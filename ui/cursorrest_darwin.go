package ui

// canWrapSettings: Fyne's macOS code type-asserts the app's settings to its
// own type when the system theme changes; wrapping them would panic there,
// so on macOS the cursor blinks as Fyne makes it.
const canWrapSettings = false
