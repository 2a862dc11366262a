package forms

import "fmt"

// The rules of the form's own fields: what must be filled in and the
// formats of codes, numbers and addresses. They are field constraints: the
// Draft's struct tags (tags), checked by go-playground/validator field by
// field (fieldrules.go) and turned into findings with each rule's message
// (field) by toFinding (check.go); the category parts' fields are the call
// file's (schema.go).

var ruleRequired = ruleDef{
	id: RuleRequired, sev: Error, clause: fixed("申报书"), summary: fixed("申报书的必填项须填写"),
	tags: []string{"required"}, enforced: "struct tags `required` (requiredFinding), and each declared field",
}

var ruleUSCC = ruleDef{
	id: RuleUSCC, sev: Error, clause: fixed("GB 32100-2015"), summary: fixed("统一社会信用代码须为18位且校验码正确"),
	tags: []string{"uscc"},
	field: func(e fieldError) string {
		val, fw := e.value, e.fullWidth
		msg := fmt.Sprintf("统一社会信用代码 “%s” 无效%s：应为18位数字或大写字母（不含I、O、Z、S、V）", val, fw)
		if len(val) == 18 {
			if c, ok := USCCCheckChar(val[:17]); ok {
				msg = fmt.Sprintf("统一社会信用代码 “%s” 的校验码（第18位）应为 %c，请核对营业执照或登记证书", val, c)
			}
		} else if fw == "" {
			msg += fmt.Sprintf("，现在是%d位", len([]rune(val)))
		}
		return msg + "（GB 32100-2015）。"
	},
}

var rulePhone = ruleDef{
	id: RulePhone, sev: Error, clause: fixed("申报书"), summary: fixed("电话号码格式须正确（手机11位，或区号-号码）"),
	tags: []string{"cnmobile", "cnphone"},
	field: func(e fieldError) string {
		if e.tag == "cnmobile" {
			return fmt.Sprintf("%s “%s” 不是有效的手机号码%s：应为以1开头的11位数字。", e.label, e.value, e.fullWidth)
		}
		return fmt.Sprintf("%s “%s” 格式不对%s：手机为11位数字，固定电话写作 区号-号码，如 0431-85261411。", e.label, e.value, e.fullWidth)
	},
}

var ruleEmail = ruleDef{
	id: RuleEmail, sev: Error, clause: fixed("申报书"), summary: fixed("电子邮箱格式须正确"),
	tags: []string{"cnemail"},
	field: func(e fieldError) string {
		return fmt.Sprintf("%s “%s” 格式不对%s：应形如 name@example.com。", e.label, e.value, e.fullWidth)
	},
}

var rulePostcode = ruleDef{
	id: RulePostcode, sev: Error, clause: fixed("申报书"), summary: fixed("邮政编码须为6位数字"),
	tags: []string{"postcode"},
	field: func(e fieldError) string {
		return fmt.Sprintf("邮政编码 “%s” 应为6位数字%s。", e.value, e.fullWidth)
	},
}
