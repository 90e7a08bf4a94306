package data_test

import (
	"context"
	"os"

	"briefdesk/app"
	"briefdesk/data"
)

var debugOn = os.Getenv("MERGEDEBUG") != ""

func snapshot(db *data.DB) map[string]string {
	out := map[string]string{}
	all, _ := db.Notes(context.Background(), app.NoteFilter{IncludeDeleted: true})
	for i := range all {
		out[all[i].ID[:8]] = version(&all[i]) + " " + app.HistoryString(all[i].Revisions()) + " h=" + app.HistoryString(all[i].History)
	}
	cs, _ := db.Conflicts(context.Background())
	for _, c := range cs {
		out[c.Incoming.ID[:8]] += " | waits " + version(&c.Incoming) + " " + app.HistoryString(c.Incoming.Revisions())
	}
	return out
}
