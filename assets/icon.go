package assets

import _ "embed"

// Icon is the application icon, a 512x512 PNG (a page with a bookmark),
// used for the window, FyneApp.toml and the Linux desktop entry.
//
//go:embed icon.png
var Icon []byte
