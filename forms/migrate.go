package forms

// Version 1 drafts kept the category's own part in one key per category of
// the first call, with a fixed Go shape; version 2 keeps every part under "parts",
// by category ID, with the keys the call file declares. The v1 keys and the
// category IDs they belonged to are history, not a year's facts: they are the
// only v1 shapes there were.
var v1PartKeys = map[string]string{
	"annual_meeting": "annual",
	"forum":          "forum",
	"speech":         "speech",
	"basic":          "basic",
	"international":  "intl",
}

// v1SpeechMaterials are the two check boxes of the v1 speech part, now the
// items of the declared checklist "materials".
var v1SpeechMaterials = [][2]string{
	{"materials_ppt", "演讲提纲PPT"},
	{"materials_paper", "演讲依据论文"},
}

// migrateV1 turns a decoded v1 draft into v2 in place.
func migrateV1(m map[string]any) {
	parts, _ := m["parts"].(map[string]any)
	if parts == nil {
		parts = map[string]any{}
	}
	for old, cat := range v1PartKeys {
		p, ok := m[old].(map[string]any)
		delete(m, old)
		if !ok {
			continue
		}
		if cat == "speech" {
			var items []any
			for _, mt := range v1SpeechMaterials {
				if b, _ := p[mt[0]].(bool); b {
					items = append(items, mt[1])
				}
				delete(p, mt[0])
			}
			if items == nil {
				items = []any{}
			}
			p["materials"] = items
		}
		parts[cat] = p
	}
	if len(parts) > 0 {
		m["parts"] = parts
	}
}
