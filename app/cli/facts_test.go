package cli

import (
	"regexp"
	"strings"
	"testing"
)

// `shenbao --call X rules` lists only what X states: over the 2024 call, the
// 2025 test call and the test calls modelled on real notices, never a zero
// year, zero characters, zero photos or an empty citation.
func TestRulesPrintOnlyStatedFacts(t *testing.T) {
	unstated := regexp.MustCompile(`(^|[^0-9])0年度|(^|[^0-9])0字|0-0张|（通知 ?）`)
	calls := map[string][]string{
		"":       {"society.evaluation", "after.report_photos"},
		testCall: {"scale.participants_max"},
		"../../forms/testdata/call-hubei-2022/call.toml":    {"quota.total", "warning", "每单位原则上申报1项", "eligibility.joint_lead_unit"},
		"../../forms/testdata/call-shanghai-2023/call.toml": {"funding.range", "专题活动2023年5月至6月期间的活动优先考虑"},
		"../../forms/testdata/call-third/call.toml":         {"项目完成后一月内报送活动成果报告"},
	}
	absent := map[string][]string{
		"../../forms/testdata/call-hubei-2022/call.toml":    {"time.window", "after.", "deadline.", "society.evaluation", "quota.per_category"},
		"../../forms/testdata/call-shanghai-2023/call.toml": {"after.", "deadline.", "quota.", "society."},
		"../../forms/testdata/call-third/call.toml":         {"funding.", "budget.provincial", "after.report", "after.accounts", "quota."},
	}
	for file, want := range calls {
		args := []string{"rules"}
		if file != "" {
			args = []string{"--call", file, "rules"}
		}
		code, out, errOut := run(t, args...)
		if code != ExitOK || errOut != "" {
			t.Fatalf("%s: rules: %d %s", file, code, errOut)
		}
		if m := unstated.FindString(out); m != "" {
			t.Errorf("%s: rules print %q:\n%s", file, m, out)
		}
		for _, w := range want {
			if !strings.Contains(out, w) {
				t.Errorf("%s: rules lack %q:\n%s", file, w, out)
			}
		}
		for _, a := range absent[file] {
			if strings.Contains(out, a) {
				t.Errorf("%s: rules list %q, which the notice does not state:\n%s", file, a, out)
			}
		}
	}
}
