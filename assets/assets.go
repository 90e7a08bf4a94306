// Package assets embeds the files BriefDesk ships inside its binary: the
// Chinese+Latin font faces shared by the GUI and the PDF export, the icon,
// and the font licence.
//
// The fonts are a subset of Noto Sans SC (SIL Open Font License 1.1, see
// fonts/OFL.txt); fonts/subset.sh says how and why they were made.
package assets

import _ "embed"

// FontRegular is Noto Sans SC Regular (subset), TrueType.
//
//go:embed fonts/NotoSansSC-Regular.ttf
var FontRegular []byte

// FontBold is Noto Sans SC Bold (subset), TrueType.
//
//go:embed fonts/NotoSansSC-Bold.ttf
var FontBold []byte

// FontLicense is the SIL Open Font License text of the bundled fonts.
//
//go:embed fonts/OFL.txt
var FontLicense string

// FontName is the family name of the bundled fonts.
const FontName = "Noto Sans SC"
