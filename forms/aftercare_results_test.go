package forms

import (
	"strings"
	"testing"
)

func sampleResults() []ResultRow {
	return []ResultRow{
		{Rank: 2, Name: "王磊", Unit: "吉林大学", Degree: "博士研究生", Title: "黑土地保护性耕作的土壤微生物机制", Score: 91.5, Award: "一等奖"},
		{Rank: 1, Name: "张敏", Unit: "吉林农业大学", Degree: "硕士研究生", Title: "玉米抗旱基因的挖掘与利用", Score: 93.25, Award: "一等奖"},
		{Rank: 3, Name: "艾力", Unit: "延边大学", Degree: "硕士研究生", Title: "人参皂苷的高效提取工艺", Score: 88, Award: "二等奖"},
		{Rank: 4, Name: "陈晨", Unit: "北华大学", Degree: "博士研究生", Title: "梅花鹿茸品质评价方法", Score: 85.75, Award: "三等奖"},
	}
}

func names(rows []ResultRow) string {
	var s []string
	for _, r := range rows {
		s = append(s, r.Name)
	}
	return strings.Join(s, ",")
}

func TestSortResults(t *testing.T) {
	rows := sampleResults()
	for _, tc := range []struct {
		by   string
		desc bool
		want string
	}{
		{ByRank, false, "张敏,王磊,艾力,陈晨"},
		{ByRank, true, "陈晨,艾力,王磊,张敏"},
		{ByScore, true, "张敏,王磊,艾力,陈晨"},
		{ByScore, false, "陈晨,艾力,王磊,张敏"},
		{ByName, false, "艾力,陈晨,王磊,张敏"},   // pinyin: ai, chen, wang, zhang
		{ByUnit, false, "陈晨,王磊,张敏,艾力"},   // 北华, 吉林大学, 吉林农业, 延边
		{ByDegree, false, "王磊,陈晨,张敏,艾力"}, // 博士 before 硕士, stable within
		{ByAward, false, "王磊,张敏,艾力,陈晨"},  // 一等, 一等, 二等, 三等 (stable)
	} {
		r := append([]ResultRow(nil), rows...)
		SortResults(r, tc.by, tc.desc)
		if got := names(r); got != tc.want {
			t.Errorf("sort by %s desc=%v: %s, want %s", tc.by, tc.desc, got, tc.want)
		}
	}
	// Unranked rows go last by rank.
	r := append(sampleResults(), ResultRow{Name: "未评"})
	SortResults(r, ByRank, false)
	if r[len(r)-1].Name != "未评" {
		t.Errorf("unranked row not last: %s", names(r))
	}
}

func TestRankByScore(t *testing.T) {
	rows := []ResultRow{{Name: "a", Score: 90}, {Name: "b", Score: 95}, {Name: "c", Score: 90}, {Name: "d", Score: 80}}
	RankByScore(rows)
	got := []int{rows[0].Rank, rows[1].Rank, rows[2].Rank, rows[3].Rank}
	if want := []int{2, 1, 2, 4}; got[0] != want[0] || got[1] != want[1] || got[2] != want[2] || got[3] != want[3] {
		t.Errorf("ranks %v, want %v", got, want)
	}
	if f := resultsFindings(Default(), rows); len(afterRule(f, RuleResultsRank)) != 0 {
		t.Errorf("ranked by score yet findings: %+v", f)
	}
}

func TestResultsRankFollowsScore(t *testing.T) {
	rows := sampleResults()
	if f := resultsFindings(Default(), rows); len(f) != 0 {
		t.Fatalf("consistent table: %+v", f)
	}
	// Equal scores may share a rank or take consecutive ranks.
	tie := []ResultRow{{Rank: 1, Name: "a", Unit: "u", Title: "t", Score: 90}, {Rank: 2, Name: "b", Unit: "u", Title: "t", Score: 90}, {Rank: 2, Name: "c", Unit: "u", Title: "t", Score: 90}}
	if f := resultsFindings(Default(), tie); len(f) != 0 {
		t.Errorf("ties: %+v", f)
	}
	// 陈晨 scores higher than 艾力 but ranks worse.
	rows[3].Score = 89
	f := afterRule(resultsFindings(Default(), rows), RuleResultsRank)
	if len(f) != 1 || f[0].Severity != Warning || f[0].Field != "reports.results[3].rank" || !strings.Contains(f[0].Message, "陈晨得分89、第4名") || !strings.Contains(f[0].Message, "艾力得分88却是第3名") {
		t.Fatalf("rank against score: %+v", f)
	}
	// Through Check on a selected speech sub-venue draft.
	d := selectedSample(t, "speech", NewDate(2024, 10, 18))
	d.EnsureReports().Results = rows
	if f := afterRule(Check(Default(), d, Options{}), RuleResultsRank); len(f) != 1 {
		t.Errorf("Check: %+v", f)
	}
	// Many inversions are capped with a closing count.
	var many []ResultRow
	for i := 0; i < 10; i++ {
		many = append(many, ResultRow{Rank: i + 1, Name: "x", Unit: "u", Title: "t", Score: float64(i)})
	}
	f = afterRule(resultsFindings(Default(), many), RuleResultsRank)
	if len(f) != maxRankFindings+1 || !strings.Contains(f[maxRankFindings].Message, "另有4处") {
		t.Errorf("capped: %d findings, last %+v", len(f), f[len(f)-1])
	}
}

func TestResultsIncomplete(t *testing.T) {
	rows := []ResultRow{{Name: "李娜", Score: 90}}
	f := afterRule(resultsFindings(Default(), rows), RuleResultsIncomplete)
	if len(f) != 1 || !strings.Contains(f[0].Message, "单位、演讲题目、名次") || strings.Contains(f[0].Message, "姓名") {
		t.Fatalf("incomplete: %+v", f)
	}
	rows[0] = ResultRow{Rank: 1, Unit: "u", Title: "t", Score: -1}
	f = afterRule(resultsFindings(Default(), rows), RuleResultsIncomplete)
	if len(f) != 1 || !strings.Contains(f[0].Message, "未填姓名者") || !strings.Contains(f[0].Message, "得分") {
		t.Fatalf("no name, negative score: %+v", f)
	}
}

func TestScoreText(t *testing.T) {
	for in, want := range map[float64]string{92.5: "92.5", 88: "88", 90.25: "90.25", 0: "0"} {
		if got := ScoreText(in); got != want {
			t.Errorf("ScoreText(%v) = %q", in, got)
		}
	}
}
