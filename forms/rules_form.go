package forms

// The rules of the form's own fields: what must be filled in and the
// formats of codes, numbers and addresses. They are field constraints: the
// Draft's struct tags, checked by go-playground/validator and turned into
// findings by toFinding (check.go); the category parts' fields are the call
// file's (schema.go).

var ruleRequired = ruleDef{
	id: RuleRequired, sev: Error, clause: fixed("申报书"), summary: fixed("申报书的必填项须填写"),
	enforced: "struct tags `required`, and each declared field",
}

var ruleUSCC = ruleDef{
	id: RuleUSCC, sev: Error, clause: fixed("GB 32100-2015"), summary: fixed("统一社会信用代码须为18位且校验码正确"),
	enforced: "struct tag `uscc`",
}

var rulePhone = ruleDef{
	id: RulePhone, sev: Error, clause: fixed("申报书"), summary: fixed("电话号码格式须正确（手机11位，或区号-号码）"),
	enforced: "struct tags `cnmobile`, `cnphone`",
}

var ruleEmail = ruleDef{
	id: RuleEmail, sev: Error, clause: fixed("申报书"), summary: fixed("电子邮箱格式须正确"),
	enforced: "struct tag `cnemail`",
}

var rulePostcode = ruleDef{
	id: RulePostcode, sev: Error, clause: fixed("申报书"), summary: fixed("邮政编码须为6位数字"),
	enforced: "struct tag `postcode`",
}
