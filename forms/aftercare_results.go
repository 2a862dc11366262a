package forms

import (
	"cmp"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// ResultRow is one contestant of a speech competition sub-venue's results
// (演讲比赛分赛场成绩).
type ResultRow struct {
	Rank   int     `json:"rank"` // 1 is first; 0 is not yet ranked
	Name   string  `json:"contestant"`
	Unit   string  `json:"unit"`
	Degree string  `json:"degree"` // 学历层次: 硕士研究生, 博士研究生
	Title  string  `json:"speech_title"`
	Score  float64 `json:"score"`
	Award  string  `json:"award"` // 一等奖, 二等奖, 三等奖, 优秀奖 …
}

// DegreeLevels are the degree levels offered in the results table.
var DegreeLevels = []string{"硕士研究生", "博士研究生"}

// Awards are the awards offered in the results table.
var Awards = []string{"一等奖", "二等奖", "三等奖", "优秀奖"}

// ScoreText prints a score without trailing zeros: 92.5, 88, 90.25.
func ScoreText(s float64) string {
	return strconv.FormatFloat(s, 'f', -1, 64)
}

// Result table columns, for SortResults.
const (
	ByRank   = "rank"
	ByScore  = "score"
	ByName   = "contestant"
	ByUnit   = "unit"
	ByDegree = "degree"
	ByTitle  = "speech_title"
	ByAward  = "award"
)

// SortResults sorts the rows by a column (ByRank, ...), ascending or
// descending; Chinese text sorts in pinyin order. Unranked rows (rank 0)
// come last when sorting by rank. The sort is stable.
func SortResults(rows []ResultRow, by string, descending bool) {
	col := collate.New(language.Chinese)
	cmpText := func(a, b string) int { return col.CompareString(a, b) }
	cmp := func(a, b *ResultRow) int {
		switch by {
		case ByRank:
			ra, rb := a.Rank, b.Rank
			if ra <= 0 {
				ra = math.MaxInt
			}
			if rb <= 0 {
				rb = math.MaxInt
			}
			return cmp.Compare(ra, rb)
		case ByScore:
			switch {
			case a.Score < b.Score:
				return -1
			case a.Score > b.Score:
				return 1
			}
			return 0
		case ByName:
			return cmpText(a.Name, b.Name)
		case ByUnit:
			return cmpText(a.Unit, b.Unit)
		case ByDegree:
			return cmpText(a.Degree, b.Degree)
		case ByTitle:
			return cmpText(a.Title, b.Title)
		case ByAward:
			return cmp.Compare(awardOrder(a.Award), awardOrder(b.Award))
		}
		return 0
	}
	sort.SliceStable(rows, func(i, j int) bool {
		c := cmp(&rows[i], &rows[j])
		if descending {
			return c > 0
		}
		return c < 0
	})
}

// awardOrder ranks awards from the highest; unknown awards come after the
// known ones, no award last.
func awardOrder(a string) int {
	if a == "" {
		return len(Awards) + 2
	}
	for i, x := range Awards {
		if x == a {
			return i
		}
	}
	return len(Awards) + 1
}

// RankByScore sets every row's rank from its score, highest first, with
// equal scores sharing a rank (1, 2, 2, 4). The rows' order is unchanged.
func RankByScore(rows []ResultRow) {
	for i := range rows {
		better := 0
		for j := range rows {
			if rows[j].Score > rows[i].Score {
				better++
			}
		}
		rows[i].Rank = better + 1
	}
}

// Rule IDs of the results table.
const (
	RuleResultsRank       = "after.results_rank_order"
	RuleResultsIncomplete = "after.results_incomplete"
)

// maxRankFindings caps the rank-order findings of one table.
const maxRankFindings = 5

// resultsFindings check the results table: every row complete, and ranks
// following scores (a higher score never has a worse rank).
func resultsFindings(call *Call, rows []ResultRow) []Finding {
	return append(resultsIncomplete(call, rows), resultsRank(call, rows)...)
}

// resultsIncomplete: every row has a name, a unit, a title, a rank and a
// score.
func resultsIncomplete(call *Call, rows []ResultRow) []Finding {
	var out []Finding
	for i, r := range rows {
		var missing []string
		if strings.TrimSpace(r.Name) == "" {
			missing = append(missing, "姓名")
		}
		if strings.TrimSpace(r.Unit) == "" {
			missing = append(missing, "单位")
		}
		if strings.TrimSpace(r.Title) == "" {
			missing = append(missing, "演讲题目")
		}
		if r.Rank <= 0 {
			missing = append(missing, "名次")
		}
		if r.Score < 0 || math.IsNaN(r.Score) || math.IsInf(r.Score, 0) {
			missing = append(missing, "得分（须为0或正数）")
		}
		if len(missing) > 0 {
			out = append(out, Finding{Rule: RuleResultsIncomplete, Field: fmt.Sprintf("reports.results[%d]", i), Severity: Warning, Message: fmt.Sprintf("分赛场成绩第%d行（%s）缺少%s，请补全%s。", i+1, nameOr(r.Name), strings.Join(missing, "、"), cite(call.Clauses.AfterEvent))})
		}
	}
	return out
}

// resultsRank: a higher score never has a worse rank.
func resultsRank(call *Call, rows []ResultRow) []Finding {
	var out []Finding
	n := 0
	for j, b := range rows {
		if b.Rank <= 0 {
			continue
		}
		for _, a := range rows {
			// a has the better (smaller) rank but the lower score.
			if a.Rank <= 0 || a.Rank >= b.Rank || a.Score >= b.Score {
				continue
			}
			n++
			if n <= maxRankFindings {
				out = append(out, Finding{Rule: RuleResultsRank, Field: fmt.Sprintf("reports.results[%d].rank", j), Severity: Warning, Message: fmt.Sprintf("名次与得分不一致：%s得分%s、第%d名，%s得分%s却是第%d名（得分高的名次应靠前）。请核对得分或名次，或点“按得分排名”重排%s。", nameOr(b.Name), ScoreText(b.Score), b.Rank, nameOr(a.Name), ScoreText(a.Score), a.Rank, cite(call.Clauses.AfterEvent))})
			}
			break
		}
	}
	if n > maxRankFindings {
		out = append(out, Finding{Rule: RuleResultsRank, Field: "reports.results", Severity: Warning, Message: fmt.Sprintf("另有%d处名次与得分不一致，请按得分核对整张成绩表。", n-maxRankFindings)})
	}
	return out
}

func nameOr(s string) string {
	if strings.TrimSpace(s) == "" {
		return "未填姓名者"
	}
	return quoted(s)
}
