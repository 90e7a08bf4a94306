package cli

// Commands whose back ends are still being written; each is replaced by
// its own file as its dependency lands.

var cmdPack = &command{
	name: "pack", synopsis: "--preset P | --saved NAME -o FILE.pdf", summary: "print a PDF briefing pack",
	run: func(e *env, args []string) error { return notYet("PDF packs") },
}
