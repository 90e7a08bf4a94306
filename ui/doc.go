// Package ui is BriefDesk's Fyne desktop interface: the main window with
// resolution cards, search and filters, the Tables, Overview, Notes and
// Packs screens, the theme that serves the bundled Chinese font, and the
// translations. It talks only to the app service interfaces.
//
// Reusable widgets, layouts and dialog helpers with no knowledge of the
// screens live in ui/widget, imported as uiw.
//
// Sub-packages hold what the GUI shares with the command line and the PDF
// export and that must not depend on Fyne: wrap (line breaking), tables
// (comparison tables and CSV), pdf (briefing packs), cli (commands).
package ui
